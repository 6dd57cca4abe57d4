-- Writing a reviewer's decision: check --dismiss FP --reason R FILE records it in
-- FILE.review.lua (written atomically). Split from nianbao.review, which every check loads
-- to read review files and fingerprint its findings; nianbao.review's serialize, who,
-- dismiss and command are these, and call one another through nianbao.review, as before
-- the split (a script that replaces review.who still names the reviewer).
local nb = require "nianbao"
local review = require "nianbao.review"

local M = {}

--- The text of a review file.
function M.serialize(decisions)
  local out = {
    "-- nianbao 审核记录：已核实、可以接受的检查问题（nianbao check --dismiss 写入）。",
    "-- 指纹随问题所涉的数值或语句而变：原文或数字改动后，记录自动失效。",
    "return {",
    "  dismissed = {",
  }
  for _, d in ipairs(decisions) do
    out[#out + 1] = "    {"
    for _, k in ipairs({ "fingerprint", "id", "message", "reason", "by", "at" }) do
      if type(d[k]) == "string" then
        out[#out + 1] = string.format("      %s = %s,", k, require("nianbao.datafile").quote(d[k]))
      end
    end
    out[#out + 1] = "    },"
  end
  out[#out + 1] = "  },"
  out[#out + 1] = "}"
  return table.concat(out, "\n") .. "\n"
end

--- Who is reviewing: $USER or $LOGNAME.
function M.who()
  local u = os.getenv("USER")
  if not u or u == "" then u = os.getenv("LOGNAME") end
  return (u and u ~= "") and u or "未知"
end

--- Record the dismissal of the finding with fingerprint fp among findings of file.
--- Returns true, or nil and a message (the finding is unknown or may not be dismissed).
function M.dismiss(file, findings, fp, reason, who, when)
  local path = review.path(file)
  if not path then return nil, "标准输入的数据没有审核记录文件，请指定数据文件" end
  if type(reason) ~= "string" or not reason:find("%S") then
    return nil, "--dismiss 需要 --reason \"核实的理由\""
  end
  local target
  for _, f in ipairs(findings) do
    if review.fingerprint(f) == fp then target = f break end
  end
  if not target then
    return nil, string.format("%s 中没有指纹为 %s 的问题（用 nianbao check %s 查看当前的指纹）", file, fp, file)
  end
  local ok, why = review.can_dismiss(target)
  if not ok then return nil, why end
  local decisions, err = review.load(file)
  if not decisions then return nil, err end
  local record = { fingerprint = fp, id = target.id, message = target.message, reason = reason,
    by = who or review.who(), at = when or os.date("!%Y-%m-%dT%H:%M:%SZ") }
  local replaced = false
  for i, d in ipairs(decisions) do
    if d.fingerprint == fp then decisions[i] = record replaced = true end
  end
  if not replaced then decisions[#decisions + 1] = record end
  return nb.write_file(path, review.serialize(decisions))
end

--- check --dismiss FP --reason R FILE: record the decision. Returns nil when recorded (the
--- check then runs as usual), or the exit code 2 after saying why not.
function M.command(opts, files, check_opts)
  local cli = require "nianbao.cli"
  if not opts.dismiss or not opts.reason then
    cli.say("nianbao check：--dismiss 和 --reason 需一起使用：--dismiss 指纹 --reason \"理由\"")
    return 2
  end
  if #files ~= 1 then
    cli.say("nianbao check：--dismiss 一次只能用于一个数据文件")
    return 2
  end
  local file = files[1]
  local report, err = nb.load(file)
  if not report then
    cli.say("%s", err)
    return 2
  end
  local ok, why = review.dismiss(file, nb.check(report, check_opts), opts.dismiss, opts.reason)
  if not ok then
    cli.say("nianbao check：不能核实 %s：%s", opts.dismiss, why)
    return 2
  end
  cli.say("%s: 已记录核实 %s（%s）", review.path(file), opts.dismiss, opts.reason)
  return nil
end

return M
