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

--- Put the markup for v into buf after position n; returns the new last position. A nested
--- list goes into the one buffer, so that a tree is concatenated once, not once per list.
local function add(buf, n, v)
  if getmetatable(v) == Raw then
    buf[n + 1] = v[1]
    return n + 1
  end
  if type(v) == "table" then
    -- the items as ipairs gives them (up to the first nil), without a call per item
    local i, x = 1, v[1]
    while x ~= nil do
      n = add(buf, n, x)
      i = i + 1
      x = v[i]
    end
    return n
  end
  buf[n + 1] = nb.escape_html(v)
  return n + 1
end

--- Markup for v: raw markup as it is, a list concatenated, anything else escaped as text.
local function node(v)
  if getmetatable(v) == Raw then return v[1] end
  if type(v) ~= "table" then return nb.escape_html(v) end
  local buf = {}
  return table.concat(buf, "", 1, add(buf, 0, v))
end

--- An element: el("td", { class = "num", colspan = 3 }, "12"); attributes in name order.
--- Written for speed (a page has hundreds of elements): the opening tag is one string grown
--- by one concatenation per attribute, and a text or raw content needs no buffer.
local function el(tag, attrs, content)
  local escape = nb.escape_html
  local open = "<" .. tag
  if attrs then
    local names, k = {}, 0
    for name in pairs(attrs) do
      k = k + 1
      names[k] = name
    end
    table.sort(names)
    for i = 1, k do
      local name = names[i]
      local v = attrs[name]
      if v ~= false and v ~= nil then
        local tv = type(v) -- a string or a number is escaped as node() would, without its checks
        open = open .. " " .. name .. '="' .. ((tv == "string" or tv == "number") and escape(v) or node(v)) .. '"'
      end
    end
  end
  if content == nil then return raw(open .. ">") end
  local tc = type(content)
  if tc == "string" or tc == "number" then return raw(open .. ">" .. escape(content) .. "</" .. tag .. ">") end
  if getmetatable(content) == Raw then return raw(open .. ">" .. content[1] .. "</" .. tag .. ">") end
  local buf = { open, ">" }
  local n = add(buf, 2, content)
  buf[n + 1], buf[n + 2], buf[n + 3] = "</", tag, ">"
  return raw(table.concat(buf, "", 1, n + 3))
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

-- The texts of the spans of 2..99 rows or columns, made once: a page repeats a few spans many
-- times, and escaping a number is a tostring (a float such as 2.0 is written "2.0": not kept).
local SPAN_TEXT = { colspan = {}, rowspan = {} }

--- ' name="n"' for a span over n > 1 rows or columns, else "".
local function span(name, n)
  if n and n > 1 then
    local kept = SPAN_TEXT[name]
    local s = kept and kept[n]
    if s and math.type(n) == "integer" then return s end
    s = " " .. name .. '="' .. nb.escape_html(n) .. '"'
    if kept and n < 100 and math.type(n) == "integer" then kept[n] = s end
    return s
  end
  return ""
end

-- A number of LONG_NUMBER characters or more gets a class naming its length (len4 ... len10),
-- so that the stylesheet can set it smaller where its column is narrow: table 三's and 四's
-- columns are fixed, and a number that does not fit runs into its neighbour ("12345678" over
-- the next cell) or, wrapped, reads as two numbers. Only a number's text gets it (digits, and
-- a point, comma or sign: not "不适用" nor markup, whose bytes are no characters), and a
-- number longer than LONGEST gets the class of LONGEST, the smallest type the stylesheet has.
local LONG_NUMBER, LONGEST = 4, 10
local function number_length(content)
  local n = #content
  if n < LONG_NUMBER or content:find("[^%d.,%-]") then return nil end
  return n > LONGEST and LONGEST or n
end

--- The opening tags of a number cell of n characters for tags (see CELL_TAGS), made once.
local function long_number_tags(tags, n)
  local kept = tags.long[n]
  if not kept then
    local open = tags.num_open:gsub('class="num"', 'class="num len' .. n .. '"')
    kept = { open = open, num = open .. ">" }
    tags.long[n] = kept
  end
  return kept
end

--- One row's cells into buf after position n; returns the new last position. In the column
--- header (and table 二's column-label rows) a label is a column header; a block header of
--- table 二 heads its block (rowgroup); other labels head rows. The tables are most of a page,
--- so this is written for speed: a cell without spans gets its opening tag ready made
--- (tags.num, tags.th), a text is escaped once per table (escaped: text -> markup, since the
--- same numbers recur) and each cell is one piece of the buffer.
local function row_markup(buf, n, row, tags, escaped)
  n = n + 1
  buf[n] = "\n<tr>"
  -- the cells as ipairs gives them, without a call per cell
  local i, cell = 1, row[1]
  while cell ~= nil do
    local cs, rs = cell.colspan, cell.rowspan
    local spans
    if (cs and cs > 1) or (rs and rs > 1) then spans = span("colspan", cs) .. span("rowspan", rs) end
    local v = cell.text
    local content = escaped[v] -- nil for nil
    if content == nil and v ~= nil then
      if type(v) == "string" then
        content = nb.escape_html(v)
        escaped[v] = content
      else
        content = node(v)
      end
    end
    local open, close
    if cell.number then
      local len = content and number_length(content)
      local long = len and long_number_tags(tags, len)
      if long then
        open, close = spans and long.open .. spans .. ">" or long.num, "</td>"
      else
        open, close = spans and tags.num_open .. spans .. ">" or tags.num, "</td>"
      end
    elseif cell.note then
      open, close = spans and '<td class="note"' .. spans .. ">" or '<td class="note">', "</td>"
    else
      open, close = spans and "<th" .. spans .. tags.scope or tags.th, "</th>"
    end
    n = n + 1
    if content then buf[n] = open .. content .. close else buf[n] = open end
    i = i + 1
    cell = row[i]
  end
  n = n + 1
  buf[n] = "</tr>"
  return n
end

-- The opening tags of the cells, for each scope of the labels (see row_markup), with and
-- without align="right" on the numbers.
local CELL_TAGS = {}
for _, align in ipairs({ true, false }) do
  local num_open = align and '<td align="right" class="num"' or '<td class="num"'
  local tags = {}
  for _, where in ipairs({ "col", "row", "rowgroup" }) do
    local scope = ' scope="' .. where .. '">'
    tags[where] = { num_open = num_open, num = num_open .. ">", scope = scope, th = "<th" .. scope, long = {} }
  end
  CELL_TAGS[align] = tags
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
  local tags = CELL_TAGS[opts.align_attribute and true or false]
  local escaped = {}
  local n = #buf
  local head = grid.header_rows or 0
  if head > 0 then
    n = n + 1
    buf[n] = "\n<thead>"
    for r = 1, head do n = row_markup(buf, n, grid.rows[r], tags.col, escaped) end
    n = n + 1
    buf[n] = "\n</thead>"
  end
  local open_body = false
  for r = head + 1, #grid.rows do
    local row = grid.rows[r]
    if row.block_header or not open_body then
      n = n + 1
      buf[n] = open_body and "\n</tbody>\n<tbody>" or "\n<tbody>"
      open_body = true
    end
    local where = row.block_header and "rowgroup" or row.column_header and "col" or "row"
    n = row_markup(buf, n, row, tags[where], escaped)
  end
  if open_body then
    n = n + 1
    buf[n] = "\n</tbody>"
  end
  buf[n + 1] = "\n</table>"
  return raw(table.concat(buf, "", 1, n + 1))
end

return M
