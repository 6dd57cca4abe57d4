return {
  id = "LOCAL.IMPROVEMENTS",       -- 规则编号：大写字母，建议以 LOCAL. 开头
  severity = "warning",            -- "warning"（警告）或 "error"（错误：阻止排版）
  describe = "改进情况写明下一步措施，且无 XX 占位符",
  check = function(report, ctx)
    local text = report.improvements or ""
    if not text:find("下一步", 1, true) then
      ctx:add{ section = "五", label = "改进情况", expected = "写明“下一步”", found = "未写明",
               message = "改进情况未写明下一步的措施" }
    end
    for _, part in ipairs({ "problems", "improvements", "other_matters" }) do
      if (report[part] or ""):find("XX", 1, true) then
        ctx:add{ severity = "error", section = part == "other_matters" and "六" or "五",
                 message = "残留占位符 XX，请填写实际内容" }
      end
    end
  end,
}
