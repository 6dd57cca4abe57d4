-- Markup shared by every renderer that writes HTML or XML (HTML, Markdown, and later docx
-- and summaries): a builder that escapes text exactly once, and the official tables as
-- <table> markup with the merged cells of nianbao.layout. Requires only the C module and
-- the Lua API, so that a renderer replaced by a user never breaks another one.
--
-- Every piece of text reaches the page through node(), which escapes it with nb.escape_html;
-- markup built here is wrapped with raw() so that it is never escaped a second time.
local nb = require "nianbao"

local M = {}

---------------------------------------------------------------------------
-- markup building: text is escaped exactly once, here

local Raw = {}

local function raw(s) return setmetatable({ s }, Raw) end

--- Markup for v: raw markup as it is, a list concatenated, anything else escaped as text.
local function node(v)
  if getmetatable(v) == Raw then return v[1] end
  if type(v) == "table" then
    local out = {}
    for i, x in ipairs(v) do out[i] = node(x) end
    return table.concat(out)
  end
  return nb.escape_html(v)
end

--- An element: el("td", { class = "num", colspan = 3 }, "12"); attributes in name order.
local function el(tag, attrs, content)
  local names = {}
  for name in pairs(attrs or {}) do names[#names + 1] = name end
  table.sort(names)
  local parts = { "<", tag }
  for _, name in ipairs(names) do
    local v = attrs[name]
    if v ~= false and v ~= nil then
      parts[#parts + 1] = string.format(' %s="%s"', name, node(v))
    end
  end
  parts[#parts + 1] = ">"
  if content ~= nil then parts[#parts + 1] = node(content) .. "</" .. tag .. ">" end
  return raw(table.concat(parts))
end

M.raw, M.node, M.el = raw, node, el

---------------------------------------------------------------------------
-- tables

local function span(n) return n > 1 and n or nil end

--- One cell. In the column header (and table 二's column-label rows) a label is a column
--- header; a block header of table 二 heads its block (rowgroup); other labels head rows.
local function cell_markup(cell, where, opts)
  local attrs = { colspan = span(cell.colspan), rowspan = span(cell.rowspan) }
  if cell.number then
    attrs.class = "num"
    if opts.align_attribute then attrs.align = "right" end
    return el("td", attrs, cell.text)
  end
  if cell.note then
    attrs.class = "note"
    return el("td", attrs, cell.text)
  end
  attrs.scope = where
  return el("th", attrs, cell.text)
end

local function row_markup(row, where, opts)
  local cells = {}
  for _, cell in ipairs(row) do cells[#cells + 1] = cell_markup(cell, where, opts) end
  return el("tr", nil, cells)
end

--- A layout grid as <table>: its header rows as <thead> (repeated on every printed page),
--- table 二's blocks each as a <tbody>. opts.caption = false leaves out the caption,
--- opts.columns = false the <colgroup> (column widths for the stylesheet);
--- opts.align_attribute adds align="right" to numbers for pages that strip CSS (Markdown).
function M.table(grid, opts)
  opts = opts or {}
  local parts = {}
  if opts.caption ~= false then parts[#parts + 1] = { "\n", el("caption", nil, grid.caption) } end
  -- one <col> per grid column, so that the stylesheet can give the columns their widths
  if opts.columns ~= false then
    local cols = {}
    for c = 1, grid.columns do cols[c] = el("col") end
    parts[#parts + 1] = { "\n", el("colgroup", nil, cols) }
  end
  local head = grid.header_rows or 0
  if head > 0 then
    local rows = {}
    for r = 1, head do rows[#rows + 1] = { "\n", row_markup(grid.rows[r], "col", opts) } end
    parts[#parts + 1] = { "\n", el("thead", nil, { rows, "\n" }) }
  end
  local body
  for r = head + 1, #grid.rows do
    local row = grid.rows[r]
    if row.block_header or not body then
      if body then parts[#parts + 1] = { "\n", el("tbody", nil, { body, "\n" }) } end
      body = {}
    end
    local where = row.block_header and "rowgroup" or row.column_header and "col" or "row"
    body[#body + 1] = { "\n", row_markup(row, where, opts) }
  end
  if body then parts[#parts + 1] = { "\n", el("tbody", nil, { body, "\n" }) } end
  parts[#parts + 1] = "\n"
  return el("table", { class = opts.class }, parts)
end

return M
