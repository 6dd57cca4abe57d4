-- Front end for plain text as copied from a web page or PDF: the text becomes a list of
-- items, { kind = "para", text = ... } for a line of prose and { kind = "row", cells = {...} }
-- for a table row written with tabs, pipes ("| 规章 | 0 |") or runs of spaces (pdftotext
-- -layout). A table written one cell per line comes out as paras; the table recogniser
-- reads those as cells too.
local nb = require "nianbao"
local norm = require "nianbao.import.normalize"
local runon = require "nianbao.import.runon"

local M = {}

-- A PDF wraps a paragraph's lines at the page width: a line at least this wide (display
-- columns) that does not end a sentence continues on the next line.
local WRAPPED_LINE_MIN_WIDTH = 40
-- A cut-off last line is quoted by this many characters in the note.
local QUOTE_CHARS = 40
-- A crawler's header ("==== 正文 ====") is looked for in the first bytes only.
local CRAWLER_HEADER_MAX = 4096

local function cell(text) return { text = norm.trim(text), definite = false } end

-- the blank-cell markers of host/schema.c as patterns (nb._blanks: nb.schema.blanks without
-- building nb.schema), for telling a row of numbers and blanks from prose
local BLANK_PATTERNS = {}
for _, b in ipairs(nb._blanks) do
  if b ~= "" then BLANK_PATTERNS[#BLANK_PATTERNS + 1] = (b:gsub("%p", "%%%0")) end
end

-- "a | b | c |" -> cells: each pipe ends a cell, so "|" alone is one empty cell and "||"
-- two (one-cell-per-line copies write blank and merged cells that way); text after the
-- last pipe is a last cell
local function split_pipes(line)
  local parts = {}
  for part in (line .. "|"):gmatch("(.-)|") do parts[#parts + 1] = part end
  if norm.trim(parts[#parts]) == "" then table.remove(parts) end
  local out = {}
  for i, c in ipairs(parts) do out[i] = cell(c) end
  return out
end

local function split_tabs(line)
  local out = {}
  for part in (line .. "\t"):gmatch("(.-)\t") do out[#out + 1] = cell(part) end
  return out
end

-- a PDF's text gives a row's numbers on a line of their own, one space apart ("3 1 0 0 1 0 5",
-- all 15 of table 四 on one line): each is a cell
local function split_numbers(line)
  local t = norm.trim(line)
  if not t:find("%s") then return nil end
  -- digits, spaces, blank marks and units ("12件") only (checked before any cell is keyed)
  local rest = t:gsub("[%d%s%.,]", "")
  for _, m in ipairs(BLANK_PATTERNS) do rest = rest:gsub(m, "") end
  for _, u in ipairs(norm.CELL_UNITS) do
    if rest == "" then break end
    rest = rest:gsub(u, "")
  end
  if rest ~= "" then return nil end
  local out = {}
  for part in t:gmatch("%S+") do
    if not norm.cell(norm.key(part)) then return nil end
    out[#out + 1] = cell(part)
  end
  return out
end

-- A merged cell set vertically in a narrow column (三、本年度办理结果, （三）不予公开) is cut by
-- pdftotext into fragments of a few characters that run into the row label beside them
-- after one space ("（三）不 1.属于国家秘密", "度办 （二）部分公开…"): the fragment and the
-- label become two cells, so that the label is found as itself.
-- The fragments may be several, each a space apart ("三 、本 年 （一）予以公开").
local FRAGMENT_MAX_CHARS = 4
local FRAGMENTS_MAX_CHARS = 6
local function unglue(text)
  local chars, at = 0, 1
  while true do
    local word, stop = text:match("^(%S+) +()", at)
    if not word or word:find("%d") then return { text } end
    chars = chars + norm.len(word)
    if norm.len(word) > FRAGMENT_MAX_CHARS or chars > FRAGMENTS_MAX_CHARS then return { text } end
    local rest = text:sub(stop)
    if norm.numbered(norm.key(rest)) then return { norm.trim(text:sub(1, stop - 1)), rest } end
    at = stop
  end
end

-- A row's first number set one space after a piece of its label, the others further on or
-- on the next line ("合法权益 0      1   0 …", "分处理的，只计这一 1"): a cell of its own. A
-- row label never ends in a digit. Its first numbers may be several, each one space from the
-- next ("申请数量 36 10      1   4 …": narrow columns): each a cell. Returns the label and the
-- numbers (a list).
local function number_off(text)
  local label, ns = text:match("^(.*[^%d%s%.,/%-]) +(%d[%d ]*)$")
  if label and not label:find("%d$") then
    local list = {}
    for n in ns:gmatch("%d+") do list[#list + 1] = n end
    return label, list
  end
end

local function unglue_cells(cells)
  local out = {}
  for _, c in ipairs(cells) do
    local label, ns = number_off(c.text)
    for _, piece in ipairs(unglue(label or c.text)) do out[#out + 1] = cell(piece) end
    for _, n in ipairs(ns or {}) do out[#out + 1] = cell(n) end
  end
  return out
end

-- a layout line of such fragments and a row label without numbers ("年 度    （二）部分公开（区分
-- 处理的，只计这一"): cells, when fragments of at most 4 characters come before a numbered label
local function split_fragments(line)
  local t = norm.trim(line)
  local pieces = {}
  for part in (t .. "  "):gmatch("(.-)  +") do
    if part ~= "" then
      for _, p in ipairs(unglue(norm.trim(part))) do pieces[#pieces + 1] = p end
    end
  end
  if #pieces < 2 then return nil end
  for j = 2, #pieces do
    local short = not pieces[j - 1]:find("%d") and norm.len((pieces[j - 1]:gsub(" ", ""))) <= FRAGMENTS_MAX_CHARS
    if not short then return nil end
    if norm.numbered(norm.key(pieces[j])) then
      local out = {}
      for i, p in ipairs(pieces) do out[i] = cell(p) end
      return unglue_cells(out)
    end
  end
  return nil
end

-- pdftotext -layout: columns apart by two or more spaces, the last one a number
local function split_spaces(line)
  local t = norm.trim(line)
  if not t:find("%s%s") then return nil end
  local parts = {}
  for part in (t .. "  "):gmatch("(.-)%s%s+") do
    if part ~= "" then parts[#parts + 1] = part end
  end
  if #parts < 2 then return nil end
  local out = {}
  for _, p in ipairs(parts) do
    -- numbers in narrow columns one space apart ("5 2 1 0 1 1 10") are a cell each
    local numbers = split_numbers(p)
    if numbers then
      for _, c in ipairs(numbers) do out[#out + 1] = c end
    else
      out[#out + 1] = cell(p)
    end
  end
  -- (a dash run into a number, "—440", is a cell too: the table reader names it)
  local last = norm.key(out[#out].text)
  if not norm.cell(last) and not require("nianbao.import.tables").is_dashed(last) then return nil end
  return out
end

-- A row whose cells are one space apart (or U+3000, NBSP) while other rows use wider spacing
-- ("行政事业性收费 5,125.11", "规章 无 无 无"): a row of its own, never joined to the line
-- before as wrapped prose. Only a line that starts with a row label of the tables
-- (tables.label_cells), so prose that ends in a number stays prose.
local function split_label_row(line)
  local cells = require("nianbao.import.tables").label_cells(line)
  if not cells then return nil end
  local out = {}
  for i, c in ipairs(cells) do out[i] = cell(c.text) end
  return out
end

local function is_markdown_rule(line) return line:match("^[%s|:%-]+$") and line:find("%-%-%-") end
local frame = require "nianbao.import.frame"

-- a line of prose wrapped by a PDF continues on the next line when it does not end a
-- sentence and the next line does not start a numbered part
local ENDINGS = { "。", "：", "；", "！", "？", "”", "）", ":", ")" }
function M.ends_sentence(t)
  for _, e in ipairs(ENDINGS) do if t:sub(-#e) == e then return true end end
  return false
end

-- A table row of a report has a label and at most a dozen cells; a line that would split into
-- more than this many is not one (a 2 MB line of "|" made 2,000,000 cells and 875 MiB).
M.MAX_ROW_CELLS = 500

local function too_wide(line)
  if #line <= M.MAX_ROW_CELLS then return false end
  local _, separators = line:gsub("[\t|]", "")
  if separators > M.MAX_ROW_CELLS then return true end
  local _, runs = line:gsub("%s+", "")
  return runs > M.MAX_ROW_CELLS
end

-- A table copied one cell per line: a row label as wide as a wrapped line of prose
-- ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请") is followed by
-- its numbers, one a line. A line that is one number (or blank mark) after a para that is a
-- row label of the tables is its cell, never the end of the label's wrapped line.
local LABEL_MAX_WIDTH = 100
local function is_label_cell(prev, t)
  if prev.width > LABEL_MAX_WIDTH then return false end
  local k = norm.key(t)
  if norm.cell(k) == nil and k ~= "无" then return false end
  return require("nianbao.import.tables").is_row_label(norm.key(table.concat(prev.parts)))
end

-- whether a line of text ends in a number with its unit ("11件", "96171.6万元"): a table's
-- row in layout text whose cells carry units (its blank cells are placed as any row's)
function M.ends_in_unit(text)
  for _, u in ipairs(norm.CELL_UNITS) do
    if text:find("%d" .. u .. "[ \r]*\n") then return true end
  end
  return false
end

-- Table 三 in text with tabs (a copy from Word or Excel): each cell is a field, a blank cell
-- an empty one, so a row's numbers stand at the fields of their columns. A row whose last
-- cells were blank may come without their fields (trailing tabs trimmed): the table reader
-- then took the empty fields before its numbers (the label's merged cells) for its first
-- cells, moving every number one column right. The columns' fields are known when the header
-- has 自然人 and 总计 six fields apart and the complete rows' numbers stand at those fields:
-- a short row whose numbers all stand there is written out to 总计, its empty cells with a
-- blank mark, and named. Otherwise which cell it lost is not known: its empty fields before
-- its numbers are dropped (the reader then names it short) and the row is named.
local T3_COLUMNS = 7
local T3_ROWS_AFTER_HEADER = 60
local function tab_fields(line)
  local out = {}
  for part in (line .. "\t"):gmatch("(.-)\t") do out[#out + 1] = norm.trim(part) end
  return out
end
local function is_cell(f)
  local k = norm.key(f)
  return k ~= "" and (k == "无" or norm.cell(k) ~= nil)
end
-- a tab row: its fields, the index of its label (the last text before its cells), the
-- indices of its cells written (numbers and blank marks)
local function tab_row(line)
  local fields = tab_fields(line)
  local label, cells = nil, {}
  for k = #fields, 1, -1 do
    if fields[k] ~= "" and not is_cell(fields[k]) then label = k break end
  end
  if not label then return nil end
  for k = label + 1, #fields do
    if fields[k] ~= "" then cells[#cells + 1] = k end
  end
  return { fields = fields, label = label, cells = cells }
end

function M.place_tabs(lines, notes)
  local tables = require "nianbao.import.tables"
  local mark = require("nianbao.import.pdf").BLANK_MARK
  local head
  for h, line in ipairs(lines) do
    if line:find("\t", 1, true) and line:find("自然人", 1, true) then head = h break end
  end
  local f1, f7
  if head then
    for k, f in ipairs(tab_fields(lines[head])) do if f == "自然人" then f1 = k end end
    for h = head, math.max(1, head - 2), -1 do
      if lines[h]:find("\t", 1, true) then
        for k, f in ipairs(tab_fields(lines[h])) do if f == "总计" then f7 = f7 or k end end
      end
    end
  end
  -- the rows of the table (its labels, not table 二's): tab lines up to the heading of part
  -- 四, after the header (any line when there is none)
  local rows, first, last = {}, nil, nil
  for i = (head or 0) + 1, head and math.min(#lines, head + T3_ROWS_AFTER_HEADER) or #lines do
    local line = lines[i]
    if #rows > 0 and not line:find("\t", 1, true) and norm.trim(line):find("^四、") then break end
    local r = line:find("\t", 1, true) and tab_row(line)
    local key = r and norm.key(r.fields[r.label])
    if r and #r.cells > 0 and tables.is_label_piece(key) and not tables.ROWS_2[key] then
      r.i = i
      rows[#rows + 1] = r
      -- a complete row: its 7 cells the last fields, one after another
      if #r.cells == T3_COLUMNS and r.cells[1] == #r.fields - T3_COLUMNS + 1 then
        if first and (first ~= r.cells[1] or last ~= #r.fields) then first = false end
        if first ~= false then first, last = r.cells[1], #r.fields end
      end
    end
  end
  -- (the complete rows' field count, when they agree: a row with fewer fields lost cells)
  local count = first and last or math.huge
  -- the grid: the header's 自然人 and 总计 at the complete rows' first and last fields
  local grid = first and f1 == first and f7 == last and f7 - f1 == T3_COLUMNS - 1
  local placed, unplaced = {}, {}
  local columns = nb.schema.requests.columns
  for _, r in ipairs(rows) do
    local n = #r.cells
    local short = n < T3_COLUMNS and (#r.fields < count or r.fields[#r.fields] == "")
    if short and grid and r.label < f1 and r.cells[1] >= f1 and #r.fields <= f7 then
      local fields, empty = r.fields, {}
      for k = f1, f7 do
        if (fields[k] or "") == "" then
          fields[k] = mark
          empty[#empty + 1] = columns[k - f1 + 1].label
        end
      end
      for k = 1, f7 do fields[k] = fields[k] or "" end
      lines[r.i] = table.concat(fields, "\t")
      placed[#placed + 1] = string.format("%s（空白：%s）", norm.head(r.fields[r.label], 20), table.concat(empty, "、"))
    elseif short and not grid and #r.fields < count and r.cells[1] > r.label + 1 then
      -- the empty fields before the numbers are dropped: the reader must not take them
      local fields = {}
      for k = 1, #r.fields do
        if k <= r.label or k >= r.cells[1] then fields[#fields + 1] = r.fields[k] end
      end
      lines[r.i] = table.concat(fields, "\t")
      unplaced[#unplaced + 1] = string.format("%s（%d 个数，应为 %d 个）", norm.head(r.fields[r.label], 20), n, T3_COLUMNS)
    end
  end
  if #placed > 0 then
    notes[#notes + 1] = { id = "IMPORT.VARIANT", severity = "warning", section = "三",
      message = string.format("表三有 %d 行用制表符分隔、行尾少了数字（空着的单元格，或连同它的制表符一起缺了）：已按表头和完整的行中各列所在的位置放入，空着的单元格按空白导入（不是 0），请对照原文核对：%s",
        #placed, table.concat(placed, "；")) }
  end
  if #unplaced > 0 then
    notes[#notes + 1] = { id = "IMPORT.VARIANT", severity = "warning", section = "三",
      message = string.format("表三有 %d 行用制表符分隔、比其他行少了单元格：表头和完整的行没有给出各列所在的位置，缺的是哪一列无法确定，这些行未导入：%s",
        #unplaced, table.concat(unplaced, "；")) }
  end
end

-- Table 四 in text with tabs: its one row of 15 cells, its header's last lines above it with
-- 结果维持 … 总计 at the fields of the columns (行政复议's on one line, 行政诉讼's on the next,
-- empty fields under the words of the line above). When those words stand at fields 1-15, one
-- column a field, the row's empty fields and the fields its trailing tabs lost are its blank
-- cells (the reader took empty fields after its last number for a guess, and named the row;
-- a row of 14 fields, the last lost, was named short)
local T4_HEADER_LINES = 3
function M.place_tabs_4(lines, notes)
  local pdf = require "nianbao.import.pdf"
  local mark = pdf.BLANK_MARK
  local s4 = nb.schema.appeals
  for i, line in ipairs(lines) do
    if line:find("\t", 1, true) and not line:find("[^%d%s,.\t]") and line:find("%d") then
      local fields = tab_fields(line)
      -- the header's words above: each column's word at its field
      local at = {}
      for h = i - 1, math.max(1, i - T4_HEADER_LINES), -1 do
        if not lines[h]:find("\t", 1, true) then break end
        for k, f in ipairs(tab_fields(lines[h])) do
          if f ~= "" and k <= 15 then at[k] = at[k] or f end
        end
      end
      local grid = #fields <= 15
      for c = 1, 15 do
        local want = s4.columns[(c - 1) % 5 + 1].label
        grid = grid and at[c] == want
      end
      local numbers = 0
      for _, f in ipairs(fields) do if f ~= "" then numbers = numbers + 1 end end
      -- (a row whose empty fields all stand between numbers is read as it is)
      local trailing = #fields < 15 or fields[#fields] == ""
      if grid and trailing and numbers >= 10 and numbers < 15 then
        local empty = {}
        for c = 1, 15 do
          if (fields[c] or "") == "" then
            fields[c] = mark
            empty[#empty + 1] = pdf.t4_cell_name(c)
          end
        end
        lines[i] = table.concat(fields, "\t")
        notes[#notes + 1] = { id = "IMPORT.VARIANT", severity = "warning", section = "四",
          message = string.format("表四的一行用制表符分隔，有空白单元格（行尾的可能连同制表符一起缺了）：已按表头中各列所在的位置放入，空着的单元格按空白导入（不是 0），请对照原文核对：空白：%s",
            table.concat(empty, "、")) }
      end
    end
  end
end

--- items, notes for a text (valid UTF-8); complete = false when the text was cut off.
function M.items(text, notes)
  local items = {}
  if text:sub(-1) ~= "\n" and #text > 0 then
    -- no newline at the end: a last line that ends in a digit may hold a cut number, so it
    -- is left out; any other last line is kept
    -- the last line starts after the last newline (a plain scan: "([^\n]*)$" tried every
    -- position of a long last line)
    local start, nl = 1, text:find("\n", 1, true)
    while nl do start = nl + 1; nl = text:find("\n", start, true) end
    local last = norm.trim(text:sub(start))
    if last:match("%d$") then
      text = text:sub(1, start - 1)
      notes[#notes + 1] = { id = "IMPORT.TRUNCATED", severity = "warning",
        message = string.format("最后一行不完整（文件被截断？），其中的数字可能被截断，未导入：%s", norm.head(last, QUOTE_CHARS)) }
    end
    text = text .. "\n"
  end
  local header
  text, header = M.drop_crawler_header(text)
  -- a copy of a PDF's layout text (pdftotext -layout) may wrap a wide number in its cell
  -- ("4,6" / "51"): the pieces joined as the PDF front end joins them
  -- and leave a blank cell empty, a row then having fewer numbers than columns: placed by
  -- where its numbers stand (pdf.place_blanks)
  if text:find("%d[ \r]*\n") or M.ends_in_unit(text) then
    local lines = {}
    for line in text:gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
    local pdf = require "nianbao.import.pdf"
    if text:find("%d[ \r]*\n[^\n]-%d[ \r]*\n") then pdf.join_wrapped(lines) end
    pdf.place_blanks(lines, notes)
    text = table.concat(lines, "\n") .. "\n"
  end
  if text:find("\t", 1, true) then
    local lines = {}
    for line in text:gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
    M.place_tabs(lines, notes)
    M.place_tabs_4(lines, notes)
    text = table.concat(lines, "\n") .. "\n"
  end
  local blank_before, page_break = true, false
  local dropped = { footers = 0, chrome = header } -- page footers and web-page chrome, counted
  for line in text:gmatch("([^\n]*)\n") do
    line = M.markdown_line(line:gsub("\r$", ""))
    local t = norm.trim(line)
    local footer = t ~= "" and frame.is_footer(t)
    local chrome = t ~= "" and not footer and frame.is_chrome(t)
    if footer then dropped.footers = dropped.footers + 1 end
    if chrome then dropped.chrome = dropped.chrome + 1 end
    if t == "" or footer or chrome then
      -- a page break (the blank lines around a footer) is no paragraph break: a paragraph
      -- cut by it joins again when its first part does not end a sentence
      if footer then blank_before, page_break = false, true
      elseif not page_break then blank_before = blank_before or t == "" end
    elseif not is_markdown_rule(line) then
      local cells
      if too_wide(line) then cells = nil -- a paragraph (a row would be a table per cell)
      elseif line:find("\t") then cells = split_tabs(line)
      elseif line:find("|", 1, true) then
        cells = split_pipes(line)
        -- one cell per line, each closed by a pipe ("79 |"), a bare "|" ending the row: the
        -- table reader tells a blank last cell by these marks (tables.take)
        if #cells == 1 and t:find("^[^|]*|$") then
          cells[1].piped = true
          cells[1].bar = t == "|" or nil
        end
      else
        cells = split_numbers(line) or split_spaces(line)
        cells = cells and unglue_cells(cells) or split_fragments(line) or split_label_row(line)
      end
      if cells then
        items[#items + 1] = { kind = "row", cells = cells, text = t }
      else
        -- a para's wrapped lines are kept as parts and joined once at the end, so that a
        -- long paragraph is not copied again for every line
        local prev = items[#items]
        if prev and prev.parts and not blank_before and prev.width >= WRAPPED_LINE_MIN_WIDTH
          and not prev.spaced and not t:find("%s%s")
          and not M.ends_sentence(prev.parts[#prev.parts]) and not norm.numbered(norm.key(t))
          and not is_label_cell(prev, t) then
          prev.parts[#prev.parts + 1] = t -- a line wrapped by the PDF
          prev.width = prev.width + nb.width(t)
        else
          items[#items + 1] = { kind = "para", parts = { t }, width = nb.width(t), spaced = t:find("%s%s") }
        end
      end
      blank_before, page_break = false, false
    end
  end
  for i, item in ipairs(items) do
    if item.parts then items[i] = { kind = "para", text = table.concat(item.parts) } end
  end
  M.first_numbers(items)
  items = M.runon(items)
  items.dropped = dropped
  return items
end

--- A PDF sets a row's first number beside a piece of its label and the others on the next
--- line ("（一）予以公开 2" / "0   0 …"): a para ending in one number, one space after text,
--- right before a row ending in two numbers or more, becomes a row (its fragments apart).
-- The rest of the row may come after a few fragments of labels (lines of their own).
local FIRST_NUMBER_LOOKAHEAD = 3
local function numbers_row(item)
  local c = item.kind == "row" and item.cells
  return c and #c >= 2 and norm.cell(norm.key(c[#c].text)) ~= nil and norm.cell(norm.key(c[#c - 1].text)) ~= nil
end
function M.first_numbers(items)
  for i = 1, #items - 1 do
    local item = items[i]
    local label = item.kind == "para" and number_off(item.text)
    if label and not M.ends_sentence(label) then
      for j = i + 1, math.min(#items, i + FIRST_NUMBER_LOOKAHEAD) do
        if numbers_row(items[j]) then
          items[i] = { kind = "row", cells = unglue_cells({ cell(item.text) }), text = item.text }
          break
        end
      end
    end
  end
end

--- A line of Markdown (reports converted by crawlers and datasets) as plain text: the marks
--- of a heading ("## 一、总体情况") and of bold text around a whole line are dropped.
local function is_space_byte(c) return c == 32 or (c ~= nil and c >= 9 and c <= 13) end

-- s without a heading's closing "#"s (and the spaces around them), as "%s+#+%s*$" would
-- remove, by backward scans: that pattern was tried at every space of a long inner run
local rstrip = require("nianbao.text").rstrip
local function drop_closing_hashes(s)
  local t = rstrip(s)
  local h = #t
  while h > 0 and t:byte(h) == 35 do h = h - 1 end
  if h == #t or h == 0 or not is_space_byte(t:byte(h)) then return s end
  return rstrip(t:sub(1, h))
end

function M.markdown_line(line)
  local rest = line:match("^%s*#+%s+(.*)$")
  if rest then line = drop_closing_hashes(rest) end
  local bold = line:match("^%s*%*%*(.-)%*%*%s*$") or line:match("^%s*__(.-)__%s*$")
  return bold or line
end

--- A crawler's saved page starts with its own header (标题:, 发布时间:, …) closed by a line
--- "==== 正文 ====": the report starts after it.
--- Returns the rest and how many lines of the header were dropped (counted as page chrome).
function M.drop_crawler_header(text)
  local _, stop = text:sub(1, CRAWLER_HEADER_MAX):find("\n=+ *正文 *=+\r?\n")
  if not stop then return text, 0 end
  local lines = 0
  for line in text:sub(1, stop):gmatch("([^\n]*)\n") do
    if line:find("%S") then lines = lines + 1 end
  end
  return text:sub(stop + 1), lines
end

--- Paras that run several sections together are cut at the official headings.
function M.runon(items)
  local out = {}
  for _, item in ipairs(items) do
    local pieces = item.kind == "para" and runon.sections(item.text)
    if pieces then
      for _, p in ipairs(pieces) do out[#out + 1] = { kind = "para", text = p } end
    else
      out[#out + 1] = item
    end
  end
  return out
end

return M
