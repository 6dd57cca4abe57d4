-- The numbers of a data file in the official order, for tables.py to compare with what
-- python-docx reads from the .docx: one line per table, cells separated by spaces, a blank
-- cell as "_". Taken from the data and nb.schema, not from the renderer's layout.
-- Run: nianbao run tests/docx/expect.lua FILE
local nb = require "nianbao"
local report = assert(nb.load(arg[1]))
local function cell(v) return (v == nil or v == nb.BLANK) and "_" or nb.format_number(v) end

local t3 = {}
local req = report.requests or {}
for _, row in ipairs(nb.schema.requests.rows) do
  local v = row.group and (req[row.group] or {})[row.member] or req[row.key] or {}
  local line = {}
  for c = 1, #nb.schema.requests.columns do line[c] = cell(v[c]) end
  t3[#t3 + 1] = table.concat(line, " ")
end
print(table.concat(t3, " | "))

local t4 = {}
for _, g in ipairs(nb.schema.appeals.groups) do
  local v = (report.appeals or {})[g.key] or {}
  for _, c in ipairs(nb.schema.appeals.columns) do t4[#t4 + 1] = cell(v[c.key]) end
end
print(table.concat(t4, " "))
