-- What check prints about a batch besides each finding: the CSV of findings and the
-- terminal summary table (one line per file, then the total). Kept apart from
-- commands/check.lua so that the check command stays the loop over files.
local nb = require "nianbao"
local csv = require "nianbao.csv"

local M = {}

M.CSV_HEADER = { "file", "agency", "year", "id", "severity", "section", "row", "column", "expected", "found", "message",
  "fingerprint", "review" }
-- the same columns in Chinese (the findings sheet of the summary workbook)
M.CSV_HEADER_ZH = { "文件", "机关", "年度", "编号", "级别", "部分", "行", "列", "期望", "实际", "说明", "指纹", "核实" }

--- The CSV rows of one checked file: one per finding, then one per finding a reviewer
--- dismissed (column review: 已核实 with the reason, who and when; see nianbao.review);
--- a file that could not be checked gives one row with id FILE.REJECTED and the reason.
--- reviewed: the result of review.apply, or nil.
function M.csv_rows(entry, findings, reviewed)
  local review = require "nianbao.review"
  local rows = {}
  local r = entry.report or (not entry.error and entry) -- released: agency and year stay on it
  if not r then
    rows[1] = { entry.path, "", "", "FILE.REJECTED", "error", "", "", "", "", "", entry.error, "", "" }
    return rows
  end
  local function add(f, note)
    rows[#rows + 1] = { entry.path, r.agency, r.year, f.id, f.severity, f.section, f.row, f.column,
      f.expected, f.found, f.message, review.fingerprint(f), note or "" }
  end
  for _, f in ipairs(findings) do add(f) end
  for _, d in ipairs(reviewed and reviewed.dismissed or {}) do
    add(d.finding, string.format("已核实：%s（%s，%s）", d.decision.reason or "", d.decision.by or "?",
      d.decision.at or "?"))
  end
  return rows
end

function M.csv_header() return csv.BOM .. csv.row(M.CSV_HEADER) end
--- A row of findings as CSV, its control characters shown as escapes (cli.printable): a
--- hostile file's texts must not drive the terminal the CSV is printed on.
function M.csv_row(values)
  local printable = require("nianbao.cli").printable
  local shown = {}
  for i = 1, #M.CSV_HEADER do
    local v = values[i]
    shown[i] = type(v) == "string" and printable(v) or v
  end
  return csv.row(shown, #M.CSV_HEADER)
end

local function pad(s, w, align) return nb.pad(s, w, align) end

--- The summary table printed after the findings on a terminal: entries carry .report (or
--- .error), .errors and .warnings.
function M.summary_table(entries)
  local head = { "文件", "机关", "年度", nb.severity_label("error"), nb.severity_label("warning") }
  local rows, failed, passed, rejected, errors, warnings = {}, 0, 0, 0, 0, 0
  for _, e in ipairs(entries) do
    if not e.error then -- checked; its report may have been released (batch.release)
      local r = e.report or e
      rows[#rows + 1] = { e.path, r.agency or "", tostring(r.year or ""), tostring(e.errors),
        tostring(e.warnings) }
      errors, warnings = errors + e.errors, warnings + e.warnings
      if e.errors > 0 then failed = failed + 1 else passed = passed + 1 end
    else
      rejected = rejected + 1
      -- the reason without the file name that starts it (the row names the file)
      local why = (e.error or ""):gsub("\n.*", "")
      if why:sub(1, #e.path) == e.path then why = why:sub(#e.path + 1):gsub("^：", ""):gsub("^:%s*", "") end
      rows[#rows + 1] = { e.path, "无法检查：" .. why, "", "", "" }
    end
  end
  local widths = {}
  for i, h in ipairs(head) do widths[i] = nb.width(h) end
  for _, r in ipairs(rows) do
    for i = 1, #head - 1 do
      if i ~= 2 or r[3] ~= "" then widths[i] = math.max(widths[i], nb.width(r[i])) end
    end
    widths[5] = math.max(widths[5], nb.width(r[5]))
  end
  local out = {}
  local function line(r)
    local parts = {}
    for i = 1, #head do parts[i] = pad(r[i], widths[i], i >= 3 and "right" or "left") end
    -- (not "%s+$": an agency name with 100,000 inner spaces hung the terminal's summary)
    out[#out + 1] = require("nianbao.text").rstrip(table.concat(parts, "  "))
  end
  out[#out + 1] = ""
  line(head)
  local rule = {}
  for i = 1, #head do rule[i] = string.rep("-", widths[i]) end
  out[#out + 1] = table.concat(rule, "  ")
  for _, r in ipairs(rows) do
    if r[3] == "" and r[4] == "" then -- a rejected file: its reason spans the row
      out[#out + 1] = pad(r[1], widths[1]) .. "  " .. r[2]
    else
      line(r)
    end
  end
  out[#out + 1] = string.format("合计：%d 个文件，%d 个通过，%d 个未通过，%d 个无法检查；共 %d 个错误，%d 个警告",
    #entries, passed, failed, rejected, errors, warnings)
  return table.concat(out, "\n") .. "\n"
end

return M
