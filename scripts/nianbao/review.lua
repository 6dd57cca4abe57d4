-- A reviewer's decisions on findings: every finding has a stable fingerprint (its id, its
-- place and a hash of the values or sentence it is about); a finding judged acceptable is
-- dismissed with a reason in FILE.review.lua, next to the data file. That file is data,
-- loaded in the report sandbox (nb.load_data), and written atomically.
--   local review = require "nianbao.review"
--   review.fingerprint(f)                 -> "TEXT.REQUESTS@一/new/总计#3f2a9c1e"
--   review.apply(file, findings)          -> { kept, dismissed, stale } or nil, message
--   review.dismiss(file, findings, fp, reason, who, when) -> true or nil, message
local nb = require "nianbao"

local M = {}

-- FNV-1a, 32 bits as 8 hex digits: short, stable across runs and machines, enough to tell
-- versions of one finding apart (the id and place are spelt out beside it). In C
-- (host/fnv.c): a sentence hashed a byte at a time in Lua cost more than the finding.
local fnv1a = nb._fnv1a

local function text(v)
  if v == nil then return "" end
  if v == nb.BLANK then return "(blank)" end
  return tostring(v)
end

--- The fingerprint of a finding: ID@section/row/column#hash. The hash covers the place
--- (with the label), the expected and found values, and the sentence the finding is about
--- (its message when it names no sentence and no values), so it changes when they change.
function M.fingerprint(f)
  -- a finding read back from JSON (check -j N's children) carries the one computed there
  local given = f.fingerprint -- (of a finding of nb.check: made once, when first asked)
  if given ~= nil then return given end
  return M.compute_fingerprint(f)
end

--- The fingerprint of a finding record from its fields (what f.fingerprint gives for a
--- finding of nb.check).
function M.compute_fingerprint(f)
  local place = {}
  for _, k in ipairs({ "section", "row", "column" }) do
    if f[k] ~= nil then place[#place + 1] = tostring(f[k]) end
  end
  local about = f.sentence
  if about == nil and f.expected == nil and f.found == nil then about = f.message end
  local basis = table.concat({ text(f.id), text(f.section), text(f.label), text(f.row), text(f.column),
    text(f.column_index), text(f.expected), text(f.found), text(about) }, "\0")
  return string.format("%s%s#%s", f.id or "?", #place > 0 and ("@" .. table.concat(place, "/")) or "", fnv1a(basis))
end

--- Whether a finding may be dismissed: the built-in checks' errors (arithmetic, invalid
--- values, missing parts) must be fixed in the data, not waved through.
function M.can_dismiss(f)
  if f.rule == nil and f.severity == "error" then
    return false, string.format("%s 是内置检查的错误（勾稽关系、无效数值或缺失部分），不能核实忽略，必须改正数据", f.id)
  end
  return true
end

--- The review file of a data file (nil for standard input).
function M.path(file)
  if file == "-" then return nil end
  return file .. ".review.lua"
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

--- The decisions recorded for a data file: a list of { fingerprint, reason, by, at, id,
--- message }; {} when there is no review file; nil, message when it cannot be read.
function M.load(file)
  local path = M.path(file)
  if not path or not exists(path) then return {} end
  local data, err = nb.load_data(path)
  if not data then return nil, err end
  local list = data.dismissed
  if list == nil then return {} end
  if type(list) ~= "table" then
    return nil, string.format("%s：dismissed 应为一个表", path)
  end
  local out = {}
  for i, d in ipairs(list) do
    if type(d) ~= "table" or type(d.fingerprint) ~= "string" or type(d.reason) ~= "string" then
      return nil, string.format("%s：dismissed[%d] 需要字符串字段 fingerprint 和 reason", path, i)
    end
    out[#out + 1] = d
  end
  return out
end

--- Split findings by the decisions of file: kept (a findings list), dismissed (a list of
--- { finding, decision }) and stale (decisions whose finding no longer occurs).
function M.apply(file, findings)
  local decisions, err = M.load(file)
  if not decisions then return nil, err end
  local by_fp, used = {}, {}
  for _, d in ipairs(decisions) do by_fp[d.fingerprint] = d end
  local kept, dismissed = {}, {}
  for _, f in ipairs(findings) do
    local fp = M.fingerprint(f)
    local d = by_fp[fp]
    if d and M.can_dismiss(f) then
      dismissed[#dismissed + 1] = { finding = f, decision = d, fingerprint = fp }
      used[fp] = true
    else
      kept[#kept + 1] = f
    end
  end
  local stale = {}
  for _, d in ipairs(decisions) do
    if not used[d.fingerprint] then stale[#stale + 1] = d end
  end
  return { kept = nb.findings(kept), dismissed = dismissed, stale = stale }
end

-- Recording a dismissal (check --dismiss) is in nianbao.review_write, loaded only then: a
-- check reads review files but seldom writes one.
function M.serialize(...) return require("nianbao.review_write").serialize(...) end
function M.who(...) return require("nianbao.review_write").who(...) end
function M.dismiss(...) return require("nianbao.review_write").dismiss(...) end
function M.command(...) return require("nianbao.review_write").command(...) end

--- One line for a dismissed finding.
function M.describe_dismissed(entry)
  local f, d = entry.finding, entry.decision
  return string.format("已核实 %s：%s —— 理由：%s（%s，%s）", entry.fingerprint, (nb.describe_finding(f):gsub("^%S+ ", "")),
    d.reason, d.by or "?", d.at or "?")
end

--- One line for a decision whose finding no longer occurs.
function M.describe_stale(d)
  return string.format("核实记录已失效 %s：该问题已不再出现（数值或语句已改动），原理由：%s", d.fingerprint, d.reason)
end

--- The text lines for the dismissed findings and the stale decisions of an apply() result.
function M.lines(reviewed)
  local out = {}
  for _, e in ipairs(reviewed.dismissed) do out[#out + 1] = M.describe_dismissed(e) end
  for _, d in ipairs(reviewed.stale) do out[#out + 1] = M.describe_stale(d) end
  return out
end

--- The JSON lists (dismissed, stale) of an apply() result.
function M.json(reviewed)
  local json = require "nianbao.json"
  local dismissed, stale = {}, {}
  for _, e in ipairs(reviewed.dismissed) do
    local f, d = e.finding, e.decision
    dismissed[#dismissed + 1] = json.object(
      { "id", "severity", "section", "row", "column", "label", "expected", "found", "message", "rule",
        "fingerprint", "reason", "by", "at" },
      { id = f.id, severity = f.severity, section = f.section, row = f.row, column = f.column,
        label = f.label, expected = f.expected, found = f.found, message = f.message, rule = f.rule,
        fingerprint = e.fingerprint, reason = d.reason, by = d.by, at = d.at })
  end
  for _, d in ipairs(reviewed.stale) do
    stale[#stale + 1] = json.object({ "fingerprint", "id", "reason", "by", "at" }, d)
  end
  return dismissed, stale
end

return M
