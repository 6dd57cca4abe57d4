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

-- The tables are the bulk of a page (a cell per number): they are written as string pieces
-- into one buffer, with the attributes in the order el() gives them (by name), instead of
-- a node per cell. Every cell's text is still escaped once, by text() below.

--- Escaped text for v (a cell's text); nil stays nil, like el()'s missing content.
local function text(v)
  if type(v) == "string" then return nb.escape_html(v) end
  if v ~= nil then return node(v) end
end

--- ' name="n"' for a span over n > 1 rows or columns, else "".
local function span(name, n)
  if n and n > 1 then return " " .. name .. '="' .. nb.escape_html(n) .. '"' end
  return ""
end

--- One row's cells. In the column header (and table 二's column-label rows) a label is a
--- column header; a block header of table 二 heads its block (rowgroup); other labels head
--- rows. The tables are most of a page, so this is written for speed: the spans are looked
--- at only when a cell has one, and each cell's text is escaped once (text() inlined).
local function row_markup(buf, row, where, opts)
  local n = #buf + 1
  buf[n] = "\n<tr>"
  local escape = nb.escape_html
  local num_open = opts.align_attribute and '<td align="right" class="num"' or '<td class="num"'
  for _, cell in ipairs(row) do
    local cs, rs = cell.colspan, cell.rowspan
    local spans = ""
    if (cs and cs > 1) or (rs and rs > 1) then spans = span("colspan", cs) .. span("rowspan", rs) end
    local v = cell.text
    local content
    if type(v) == "string" then content = escape(v) elseif v ~= nil then content = node(v) end
    local close
    if cell.number then
      n = n + 1
      buf[n] = num_open .. spans .. ">"
      close = "</td>"
    elseif cell.note then
      n = n + 1
      buf[n] = '<td class="note"' .. spans .. ">"
      close = "</td>"
    else
      n = n + 1
      buf[n] = "<th" .. spans .. ' scope="' .. where .. '">'
      close = "</th>"
    end
    if content then
      n = n + 1
      buf[n] = content .. close
    end
  end
  buf[n + 1] = "</tr>"
end

--- A layout grid as <table>: its header rows as <thead> (repeated on every printed page),
--- table 二's blocks each as a <tbody>. opts.caption = false leaves out the caption,
--- opts.columns = false the <colgroup> (column widths for the stylesheet);
--- opts.align_attribute adds align="right" to numbers for pages that strip CSS (Markdown).
function M.table(grid, opts)
  opts = opts or {}
  local buf = { opts.class ~= nil and opts.class ~= false and '<table class="' .. node(opts.class) .. '">' or "<table>" }
  if opts.caption ~= false then
    local caption = text(grid.caption)
    buf[#buf + 1] = "\n<caption>" .. (caption and caption .. "</caption>" or "")
  end
  -- one <col> per grid column, so that the stylesheet can give the columns their widths
  if opts.columns ~= false then buf[#buf + 1] = "\n<colgroup>" .. string.rep("<col>", grid.columns) .. "</colgroup>" end
  local head = grid.header_rows or 0
  if head > 0 then
    buf[#buf + 1] = "\n<thead>"
    for r = 1, head do row_markup(buf, grid.rows[r], "col", opts) end
    buf[#buf + 1] = "\n</thead>"
  end
  local open_body = false
  for r = head + 1, #grid.rows do
    local row = grid.rows[r]
    if row.block_header or not open_body then
      buf[#buf + 1] = open_body and "\n</tbody>\n<tbody>" or "\n<tbody>"
      open_body = true
    end
    local where = row.block_header and "rowgroup" or row.column_header and "col" or "row"
    row_markup(buf, row, where, opts)
  end
  if open_body then buf[#buf + 1] = "\n</tbody>" end
  buf[#buf + 1] = "\n</table>"
  return raw(table.concat(buf))
end

return M
