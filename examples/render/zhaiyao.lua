local nb = require "nianbao"

return {
  name = "zhaiyao",
  extension = "txt",
  render = function(report, findings, opts)
    local profile = opts.profile or nb.profile("default")
    local r = report.requests
    local lines = {
      report.title,
      string.format("新收申请 %d 件，办结 %d 件，结转下年度 %d 件。",
        r.new[7], r.total[7], r.carried_forward[7]),
      string.format("行政复议 %d 件，行政诉讼 %d 件。", report.appeals.review.total,
        report.appeals.litigation_direct.total + report.appeals.litigation_after_review.total),
      string.format("检查发现 %d 个问题。", #findings),
    }
    return profile.text(table.concat(lines, "\n")) .. "\n"
  end,
}
