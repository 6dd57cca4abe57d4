-- Converts data files once to JSON for the Python peers (bench/peer_check.py,
-- bench/peer_render.py): the numbers of tables 三 and 四 for the arithmetic checks, and the
-- page as nianbao lays it out (title, section headings, paragraphs, the three tables as
-- grids with their merged cells) for the Jinja2 renderer.
-- Run: nianbao run bench/tojson.lua OUTDIR FILE...   (writes OUTDIR/NAME.json)
local nb = require "nianbao"
local json = require "nianbao.json"
local layout = require "nianbao.layout"
local R = require "nianbao.rules"

local outdir = assert(arg[1], "用法：nianbao run bench/tojson.lua OUTDIR FILE...")

-- a blank or absent cell is false (JSON has no hole in an array)
local function cell(v) if v == nil or v == nb.BLANK then return false end return v end

local function grid(g)
  local rows = {}
  for i, row in ipairs(g.rows) do
    local cells = {}
    for k, c in ipairs(row) do
      cells[k] = { text = c.text or "", colspan = c.colspan, rowspan = c.rowspan, header = c.header and true or false }
    end
    rows[i] = cells
  end
  return { caption = g.caption, rows = rows }
end

for i = 2, #arg do
  local path = arg[i]
  local r = assert(nb.load(path))
  local requests = {}
  for k, row in ipairs(nb.schema.requests.rows) do
    local values = {}
    for c = 1, #nb.schema.requests.columns do
      local v = r.requests or {}
      for part in row.key:gmatch("[^%.]+") do v = type(v) == "table" and v[part] or nil end
      values[c] = cell(type(v) == "table" and v ~= nb.BLANK and v[c] or nil)
    end
    requests[k] = { key = row.key, result = row.result and true or false, values = values }
  end
  local appeals = {}
  for k, g in ipairs(nb.schema.appeals.groups) do
    local values, v = {}, (r.appeals or {})[g.key] or {}
    for c, col in ipairs(nb.schema.appeals.columns) do values[c] = cell(v[col.key]) end
    appeals[k] = { key = g.key, values = values }
  end
  local parts = {}
  for k, part in ipairs(R.narratives(r)) do parts[k] = { heading = part.label, paragraphs = nb.paragraphs(part.text) } end
  local doc = {
    title = r.title or "", agency = r.agency, year = r.year, requests = requests, appeals = appeals,
    narrative = parts,
    tables = { grid(layout.proactive(r)), grid(layout.requests(r)), grid(layout.appeals(r)) },
  }
  local name = path:match("([^/]+)%.lua$") or ("report" .. i)
  local f = assert(io.open(outdir .. "/" .. name .. ".json", "wb"))
  f:write(json.encode(doc))
  f:close()
end
