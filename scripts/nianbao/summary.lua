-- The table of a batch of reports behind `nianbao summary`: one row per report (file,
-- agency, year, status, the key figures, errors, warnings, then every cell of tables
-- 二/三/四 under its official label), and its writers: CSV, JSON, XLSX. The HTML page is
-- nianbao/summary_html.lua.
local nb = require "nianbao"
local cells = require "nianbao.cells"
local csv = require "nianbao.csv"
local json = require "nianbao.json"

local M = {}

--- The columns: { id, label, number = bool }.
function M.columns()
  local cols = {
    { id = "file", label = "文件" }, { id = "agency", label = "机关" },
    { id = "year", label = "年度", number = true }, { id = "status", label = "检查结果" },
  }
  for _, k in ipairs(cells.KEY) do cols[#cols + 1] = { id = k.key, label = k.label, number = true, key = true } end
  cols[#cols + 1] = { id = "errors", label = nb.severity_label("error"), number = true, key = true }
  cols[#cols + 1] = { id = "warnings", label = nb.severity_label("warning"), number = true, key = true }
  cols[#cols + 1] = { id = "dismissed", label = "已核实", number = true, key = true }
  for _, c in ipairs(cells.list()) do cols[#cols + 1] = { id = c.id, label = c.label, number = true, cell = c } end
  return cols
end

--- Check every loaded entry (year pairs as check does) and build the rows: each row is a
--- table keyed by column id, plus .ok (the report was read), .findings (the findings list)
--- and .entry. A report dropped by batch.load's keep is loaded again in its turn, and each is
--- dropped after the last row that needs it, so a long batch holds few reports at a time;
--- opts.per_report(row, report), when given, takes from a report what a format needs later.
function M.rows(entries, opts)
  opts = opts or {}
  local batch = require "nianbao.batch"
  local last_use = batch.last_uses(entries)
  local rows = {}
  for i, e in ipairs(entries) do
    local row = { entry = e, file = e.path }
    local r = batch.report(e)
    if r then
      row.ok = true
      local prev = e.previous_entry and batch.report(e.previous_entry)
      local findings = e.findings -- from -j N's children
        or nb.check(r, { previous = prev, rules = opts.rules, no_rules = opts.no_rules })
      -- a reviewer's dismissals (FILE.review.lua) count as in check; an unreadable review
      -- file leaves every finding counted
      local reviewed = require("nianbao.review").apply(e.path, findings)
      if reviewed then findings = reviewed.kept end
      local errors = #findings:errors()
      row.findings, row.reviewed = findings, reviewed
      row.dismissed = reviewed and #reviewed.dismissed or 0
      row.agency, row.year = r.agency, r.year
      row.errors, row.warnings = errors, #findings - errors
      row.status = errors > 0 and "未通过" or "通过"
      for _, k in ipairs(cells.KEY) do row[k.key] = k.get(r) end
      for _, c in ipairs(cells.list()) do row[c.id] = cells.get(r, c) end
      if opts.per_report then opts.per_report(row, r) end
    else
      row.status = "无法读取：" .. (e.error or ""):gsub("\n.*", "")
    end
    rows[#rows + 1] = row
    if opts.step then opts.step(#rows) end
    batch.done_with(e, i, last_use)
  end
  return rows
end

local function values(row, cols)
  local v = {}
  for i, c in ipairs(cols) do
    local x = row[c.id]
    if x == nb.BLANK then x = nil end
    v[i] = x
  end
  return v
end

function M.csv(rows)
  local cols = M.columns()
  local header, out = {}, {}
  for i, c in ipairs(cols) do header[i] = c.label end
  for i, row in ipairs(rows) do out[i] = values(row, cols) end
  return csv.document(header, out)
end

function M.json(rows)
  local cols = M.columns()
  local col_list = {}
  for i, c in ipairs(cols) do col_list[i] = json.object({ "id", "label" }, c) end
  local reports = {}
  for i, row in ipairs(rows) do
    local figures, cell_values = {}, {}
    local fkeys, ckeys = {}, {}
    for _, c in ipairs(cols) do
      local v = row[c.id]
      if v == nb.BLANK then v = "" end
      if c.key then figures[c.id] = v; fkeys[#fkeys + 1] = c.id end
      if c.cell then cell_values[c.id] = v; ckeys[#ckeys + 1] = c.id end
    end
    local ok = row.ok == true
    reports[i] = json.object({ "file", "agency", "year", "status", "error", "figures", "cells" }, {
      file = row.file, agency = row.agency, year = row.year, status = ok and row.status or nil,
      error = not ok and row.entry.error or nil,
      figures = ok and json.object(fkeys, figures) or nil, cells = ok and json.object(ckeys, cell_values) or nil })
  end
  return json.encode(json.object({ "columns", "reports" }, { columns = col_list, reports = reports })) .. "\n"
end

--- The workbook: sheet 汇总 (the rows) and sheet 问题清单 (every finding, as check --format csv).
function M.xlsx(rows)
  local cols = M.columns()
  local header, out = {}, {}
  for i, c in ipairs(cols) do header[i] = c.label end
  for i, row in ipairs(rows) do out[i] = values(row, cols) end
  local review = require "nianbao.findings_table"
  local findings = {}
  for _, row in ipairs(rows) do
    for _, f in ipairs(review.csv_rows(row.entry, row.findings or {}, row.reviewed)) do findings[#findings + 1] = f end
  end
  return require("nianbao.xlsx").workbook({
    { name = "汇总", header = header, rows = out },
    { name = "问题清单", header = review.CSV_HEADER_ZH, rows = findings },
  })
end

return M
