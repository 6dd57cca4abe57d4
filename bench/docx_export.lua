-- For the python-docx peer of the docx benchmark: a report's title, headings, paragraphs and
-- the three tables (as layout.lua lays them out: cells with their spans) as JSON.
-- Run: nianbao run bench/docx_export.lua FILE > FILE.json
local nb = require "nianbao"
local layout = require "nianbao.layout"
local profiles = require "nianbao.profile"
local json = require "nianbao.json"

local report = assert(nb.load(arg[1]))
local p = profiles.get(nil)
local function grid(g)
  local rows = {}
  for r, row in ipairs(g.rows) do
    rows[r] = {}
    for i, cell in ipairs(row) do
      rows[r][i] = json.object({ "text", "colspan", "rowspan", "number" },
        { text = cell.text, colspan = cell.colspan, rowspan = cell.rowspan, number = cell.number or false })
    end
  end
  return json.object({ "columns", "header_rows", "rows" }, { columns = g.columns, header_rows = g.header_rows or 0, rows = rows })
end
local sections = {}
local headings = profiles.section_headings(p)
local overview = {}
for _, sub in ipairs(profiles.overview(p, report)) do
  if sub.heading then overview[#overview + 1] = "（" .. sub.numeral .. "）" .. sub.heading end
  for _, para in ipairs(sub.paragraphs) do overview[#overview + 1] = para end
end
sections[1] = json.object({ "heading", "paragraphs" }, { heading = headings[1], paragraphs = overview })
sections[2] = json.object({ "heading", "table" }, { heading = headings[2], table = grid(layout.proactive(report)) })
sections[3] = json.object({ "heading", "table" }, { heading = headings[3], table = grid(layout.requests(report)) })
sections[4] = json.object({ "heading", "table" }, { heading = headings[4], table = grid(layout.appeals(report)) })
sections[5] = json.object({ "heading", "paragraphs" }, { heading = headings[5],
  paragraphs = profiles.paragraphs(p, report.problems, report.improvements) })
sections[6] = json.object({ "heading", "paragraphs" }, { heading = headings[6],
  paragraphs = profiles.paragraphs(p, report.other_matters) })
print(json.encode(json.object({ "title", "agency", "sections" },
  { title = profiles.title(p, report), agency = report.agency, sections = sections })))
