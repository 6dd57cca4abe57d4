-- check --units GOV UNIT...: the government's published report against the sum of its
-- units (HIER.SUM), printed in check's formats. Kept apart from commands/check.lua.
local nb = require "nianbao"
local cli = require "nianbao.cli"
local batch = require "nianbao.batch"
local json = require "nianbao.json"
local review = require "nianbao.findings_table"
local say = cli.say
local EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = nb.exit.ok, nb.exit.findings, nb.exit.usage

local M = {}

function M.check(files, opts, format)
  if #files < 2 then
    say("nianbao check --units：需要政府的报告和至少一个单位的报告（nianbao check --help）")
    return EXIT_USAGE
  end
  local gov_file = files[1]
  local gov = cli.load_or_report(gov_file)
  if not gov then return EXIT_USAGE end
  local rest = {}
  for i = 2, #files do rest[#rest + 1] = files[i] end
  local entries = batch.load(batch.expand(rest))
  local reports = {}
  for _, e in ipairs(entries) do
    if e.error then
      say("%s", e.error)
      say("nianbao check --units：有单位的文件无法读取，未比较")
      return EXIT_USAGE
    end
    if e.report.year ~= gov.year then
      say("nianbao check --units：%s 是 %s 年的报告，政府报告 %s 是 %s 年的，未比较", e.path,
        tostring(e.report.year), gov_file, tostring(gov.year))
      return EXIT_USAGE
    end
    reports[#reports + 1] = e.report
  end
  local conflicts = require("nianbao.aggregate").conflicts(entries, { agency = gov.agency, path = gov_file })
  local stop = false
  for _, why in ipairs(conflicts) do
    -- a shared name is only noted here (a comparison writes nothing); the same file is refused
    say("nianbao check --units：%s%s", why.name_only and "注意：" or "", why.text)
    stop = stop or not why.name_only
  end
  if stop then
    say("nianbao check --units：同一单位不能计入两次，未比较")
    return EXIT_USAGE
  end
  local list = {}
  for _, f in ipairs(nb.check(gov, { rules = opts.rules, no_rules = opts["no-rules"] })) do list[#list + 1] = f end
  for _, f in ipairs(require("nianbao.aggregate").compare(gov, reports)) do list[#list + 1] = f end
  local findings = nb.findings(list)
  local errors = #findings:errors()
  local entry = { path = gov_file, report = gov, errors = errors, warnings = #findings - errors }
  if format == "json" then
    local out = {}
    for i, f in ipairs(findings) do
      out[i] = json.object({ "id", "severity", "section", "row", "column", "label", "expected", "found", "message" }, f,
        json.FINDING_FIELDS)
    end
    print(json.encode(json.object({ "file", "agency", "year", "units", "findings" },
      { file = gov_file, agency = gov.agency, year = gov.year, units = #reports, findings = out })))
  elseif format == "csv" then
    io.write(review.csv_header())
    for _, row in ipairs(review.csv_rows(entry, findings)) do io.write(review.csv_row(row)) end
  else
    for _, f in ipairs(findings) do print(gov_file .. ": " .. tostring(f)) end
    local hier = 0
    for _, f in ipairs(findings) do if f.id == "HIER.SUM" then hier = hier + 1 end end
    print(string.format("%s: 与 %d 个单位之和比较，%d 个单元格不一致；%s（%d 个错误，%d 个警告）", gov_file, #reports,
      hier, errors > 0 and "未通过" or "通过", errors, #findings - errors))
  end
  return errors > 0 and EXIT_FINDINGS or EXIT_OK
end

return M
