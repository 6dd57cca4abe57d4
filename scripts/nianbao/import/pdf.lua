-- PDF attachments: pdftotext -layout (Debian poppler-utils) runs as a child process with
-- limits on time, memory, output and files written (nb.run_limited), since a PDF from the
-- web is untrusted; its pages are then cleaned for the text front end: running headers
-- and page footers dropped, pages joined so that a table broken by a page reads on, and
-- the numbers of a table row (one space apart in narrow columns) made cells.
local nb = require "nianbao"

local M = {}

-- limits of the converter (docs/reviewing.md)
M.TIMEOUT = 30
M.MEMORY = 1024 << 20
M.MAX_PDF = 64 << 20
M.MAX_TEXT = 2 << 20

-- on Windows (package.config starts with the directory separator) pdftotext is pdftotext.exe
local WINDOWS = package.config:sub(1, 1) == "\\"

-- ASCII white space only: in some locales %s also matches byte 0xA0 inside UTF-8 characters
local function trim(s) return (s:gsub("^[ \t\r]+", ""):gsub("[ \t\r]+$", "")) end

-- a page number line: "- 3 -", "— 3 —", "第 3 页", "第3页 共9页", "3 / 9", "3"
local function page_number(t)
  t = t:gsub("[ \t]+", "")
  local n = t:match("^[%-—–]+(%d+)[%-—–]+$") or t:match("^第(%d+)页") or t:match("^(%d+)/%d+$")
    or t:match("^[Pp]age(%d+)")
  if n then return tonumber(n), true end
  n = t:match("^(%d+)$")
  return n and tonumber(n), false
end

-- the first and last non-empty line index of a page (a list of lines)
local function ends(lines)
  local a, b
  for i = 1, #lines do if trim(lines[i]) ~= "" then a = a or i; b = i end end
  return a, b
end

--- Pages (split at form feeds) -> one text: running headers and footers (a line that
--- starts or ends most pages) and page numbers dropped.
function M.clean_pages(text)
  local out = {}
  for _, lines in ipairs(M.clean_page_lines(text)) do
    for _, line in ipairs(lines) do out[#out + 1] = line end
  end
  return table.concat(out, "\n") .. "\n"
end

--- The same, as the lines of each page (from its first non-empty line to its last).
function M.clean_page_lines(text)
  local pages = {}
  for page in (text .. "\f"):gmatch("(.-)\f") do
    local lines = {}
    for line in (page .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
    pages[#pages + 1] = lines
  end
  while #pages > 0 and select(1, ends(pages[#pages])) == nil do pages[#pages] = nil end
  -- page numbers at the top or bottom of a page: decorated ones always; bare numbers when
  -- they count the pages (the number minus the page index is the same on two pages or more)
  local bare = {}
  for p, lines in ipairs(pages) do
    for _, at in ipairs({ select(2, ends(lines)), (ends(lines)) }) do
      local n, decorated = page_number(lines[at] or "")
      if n and decorated then lines[at] = ""
      elseif n then
        local d = n - p
        bare[d] = bare[d] or {}
        table.insert(bare[d], { lines, at })
      end
    end
  end
  for _, list in pairs(bare) do
    if #list >= 2 then for _, e in ipairs(list) do e[1][e[2]] = "" end end
  end
  -- running headers/footers: the same first (last) line on at least half of the pages,
  -- compared with its spacing collapsed and its numbers as # ("第 3 页", "2/4", a date)
  local function key(line)
    local t = trim(line)
    if t == "" or nb.width(t) > 120 or not t:find("[^%d ,./:%-]") then return nil end
    return (t:gsub("[ \t]+", " "):gsub("%d+", "#"))
  end
  if #pages >= 2 then
    for _, which in ipairs({ 1, 2 }) do
      local count = {}
      for _, lines in ipairs(pages) do
        local at = select(which, ends(lines))
        local k = at and key(lines[at])
        if k then count[k] = (count[k] or 0) + 1 end
      end
      for _, lines in ipairs(pages) do
        local at = select(which, ends(lines))
        local k = at and key(lines[at])
        if k and count[k] >= 2 and count[k] * 2 >= #pages then lines[at] = "" end
      end
    end
  end
  local out = {}
  for p, lines in ipairs(pages) do
    local a, b = ends(lines)
    local kept = {}
    for i = a or 1, b or 0 do kept[#kept + 1] = lines[i] end
    out[p] = kept
  end
  return out
end

local NUMBER = "^%d[%d,]*%.?%d*$"

-- whether a word is a label of the official tables (by its key, as the table reader finds it)
local LABELS
local function official_label(w)
  if not LABELS then
    LABELS = {}
    for _, k in ipairs(require("nianbao.import.tables").LABELS) do LABELS[k] = true end
  end
  return LABELS[require("nianbao.import.normalize").key(w)] or false
end

--- Whether a word starts like a table row label: （二）…, 1.…, 一、…
function M.row_label(w)
  return w:find("^（[一二三四五六七八九十]+）") or w:find("^%(%d%)") or w:find("^%d+%.")
    or w:find("^[一二三四五六七八九十]+、") and true or false
end

--- A layout line ending in two or more numbers: its label and the numbers become cells
--- (tab-separated), since narrow columns leave only one space between them.
function M.cells(line)
  local words = {}
  for w in line:gmatch("[^ \t\r]+") do
    -- a row number set apart from its label ("1.  属于国家秘密") belongs to it
    local prev = words[#words]
    if prev and prev:match("^%d+[.、]$") and not w:match(NUMBER) then
      words[#words] = prev .. w
    else
      words[#words + 1] = w
    end
  end
  local k = #words
  while k >= 1 and words[k]:match(NUMBER) do k = k - 1 end
  -- one number at the end, apart by a layout gap: a row whose other numbers are set on the
  -- next line (cells centred at different heights)
  -- (or an official row label and its one number, one space apart in a narrow table:
  -- "行政事业性收费 9116.36")
  local single = #words - k == 1 and k >= 1
    and (line:find("[^ \t][ \t][ \t]+[%d][%d,.]*[ \t]*$") or M.row_label(words[1])
      or k == 1 and official_label(words[1]))
  if #words - k < 2 and not single then
    -- a merged cell's text set in a narrow column runs into the row label beside it:
    -- "本 （二）部分公开…", "（四） 2.没有现成信息…", "不予处 4.无正当理由…"
    if #words >= 2 and not words[1]:find("%d") and nb.width(words[1]) <= 8
      and (utf8.len(words[1]) == 1 or words[2]:find("^%d+%.") or words[2]:find("^（")) then
      return table.concat(words, "\t")
    end
    return line
  end
  -- the words before the numbers are cells too: a merged cell's text set in a narrow
  -- column ("不予公 4.保护第三方合法权益", "度 1.属于国家秘密") is apart from the label
  local cells = {}
  for i = 1, #words do cells[i] = words[i] end
  return table.concat(cells, "\t")
end

--- A title set on two or three lines ("某局 2024 年政" / "府信息公开工作年度报告") on one,
--- and a blank line after it, so that the line below (a source or date) is not joined to it.
--- Only a last line without the year is joined to the lines right above it (no blank line
--- between, no "来源：" line); "某局" / "2024 年政府…报告" stay two lines, which the title
--- reader takes as agency and title, as from a text file.
function M.join_title(lines)
  for i = 1, math.min(#lines, 24) do
    local t = trim(lines[i])
    if t ~= "" then
      if t:find("^一、") then return lines end
      if t:find("报告$") then
        local first = i
        if not t:find("20%d%d") then
          while first > 1 and i - first < 2 do
            local above = trim(lines[first - 1])
            if above == "" or nb.width(above) > 60 or above:find("：", 1, true) or above:find(":", 1, true) then break end
            first = first - 1
          end
        end
        local parts = {}
        for j = first, i do
          local part = trim(lines[j])
          -- a title that spaces its year ("某局 2024 年") lost that space where a line broke
          -- before or after the digits
          local spaced = #parts > 0 and (part:find("^%d+ ") or parts[#parts]:find(" %d+$"))
          parts[#parts + 1] = (spaced and " " or "") .. part
        end
        for j = i, first + 1, -1 do table.remove(lines, j) end
        lines[first] = table.concat(parts)
        table.insert(lines, first + 1, "")
        return lines
      end
    end
  end
  return lines
end

-- the words of a layout line with their character columns: { text, first, last }
-- (pdftotext -layout places text by characters, a Chinese one taking one column)
local function words_at(line)
  local out, col, from = {}, 0, 1
  for at, w, after in line:gmatch("()([^ \t\r]+)()") do
    -- the column: the characters before it (UTF-8 lead bytes), counted once along the line
    col = col + select(2, line:sub(from, at - 1):gsub("[^\128-\191]", ""))
    local first = col + 1
    col = col + select(2, w:gsub("[^\128-\191]", ""))
    out[#out + 1] = { text = w, first = first, last = col }
    from = after
  end
  return out
end

-- the key (normalize.key) of the words of a layout line before its numbers (row_at's before)
local function label_key(words, before)
  local label = {}
  for k = 1, before do label[k] = words[k].text end
  return require("nianbao.import.normalize").key(table.concat(label))
end

-- Whether lk, the key of the text of a line near a row, is a piece of another label than the
-- row's: not one the row's label (key own, its last word's key last, if any) goes on into,
-- nor a piece set vertically beside the rows, which goes with any (a chart's "予以公开" under
-- the table's last row is another)
local function other_label_piece(own, last, lk)
  local tables = require "nianbao.import.tables"
  return tables.is_label_piece(lk) and not tables.is_vertical_fragment(lk)
    and not tables.is_label_piece(own .. lk) and not (last and tables.is_label_piece(last .. lk))
end

-- the trailing words of a list that match pattern: the index of the first of them
-- (pattern: a string, or a function of the word's text)
local function trailing(words, pattern)
  local k = #words
  local fits = type(pattern) == "function" and pattern or function(t) return t:match(pattern) end
  while k >= 1 and fits(words[k].text) do k = k - 1 end
  return k + 1
end

-- a piece of a number wrapped inside its cell ("51" of "4,6" / "51", ".1" of "5,125" / ".1")
local FRAGMENT = "^[%d,.]*%d[%d,.]*$"
-- what marks a number whose cell went on to a line that cannot be told apart: the table
-- reader names its row as not legible (tables.lua)
M.CUT_MARK = "…"

-- The pieces below[b..] of a line under a row's numbers row[a..]: a piece joins a number
-- when it stands under that one only, set as its cell sets the number (the same first
-- column, last column or middle), and the number can go on (two digits or more, not a 0).
-- Returns the number each piece joins (by index), whether all do, whether any does.
local function pair(row, a, below, b)
  local under, taken, certain, any = {}, {}, true, false
  for k = b, #below do
    local p, hit = below[k], nil
    for m = a, #row do
      if p.first <= row[m].last and p.last >= row[m].first then
        hit = not hit and m or -1
      end
    end
    local r = hit and hit > 0 and row[hit]
    if r and (p.first == r.first or p.last == r.last or math.abs(p.first + p.last - r.first - r.last) <= 1)
        and #r.text >= 2 and not r.text:match("^0") and not taken[hit] then
      any = true
      taken[hit] = true
      under[k] = hit
    else
      certain = false
    end
  end
  return under, certain, any
end

--- A narrow cell wraps a wide number: "4,6" on the row's line, "51" on the next one, under
--- it. Each piece on the next line that stands under exactly one number of the row's line
--- (their columns overlap) is joined to it; when some piece stands under no number or under
--- two, which cell it continues is not certain, and the row's numbers are marked cut
--- (M.CUT_MARK: left out and named) rather than read short. A next line whose numbers stand
--- under none of the row's (a row's numbers set on the line after its label) is left as it is,
--- and so is one that starts a row of its own (a row label) or holds as many numbers.
--- lines: the layout lines of the pages, changed in place.
function M.join_wrapped(lines)
  local tables = require "nianbao.import.tables"
  local norm = require "nianbao.import.normalize"
  local i = 1
  while i < #lines do
    local row = lines[i]:find("%d[ \r]*$") and words_at(lines[i]) or {}
    local a = trailing(row, NUMBER)
    local nums = #row - a + 1
    local next_line = lines[i + 1]
    -- (columns are told by spaces only: a line with tabs or pipes has its cells already)
    if nums >= 2 and a > 1 and next_line:find("%d[ \r]*$") and not (lines[i] .. next_line):find("[\t|]") then
      local below = words_at(next_line)
      local b = trailing(below, FRAGMENT)
      local pieces = #below - b + 1
      local text = {}
      for k = 1, b - 1 do text[#text + 1] = below[k].text end
      local lead = table.concat(text)
      -- the text before the pieces continues a label: it ends left of the row's numbers and
      -- is no row label of its own
      local in_label = b == 1 or below[b - 1].last < row[a].first
      -- (nor a piece of another label that does not go on from the row's: a chart's
      -- "予以公开   178" under the table's last row, whose 58 it made 58178; a piece set
      -- vertically beside the rows, "本年", goes with any)
      if b > 1 and a > 1 then
        local own = label_key(row, a - 1)
        if tables.is_row_label(own) and other_label_piece(own, norm.key(row[a - 1].text), norm.key(lead)) then
          in_label = false
        end
      end
      local own_row = lead ~= "" and (M.row_label(below[1].text) or tables.is_row_label(norm.key(lead))
        or tables.is_row_label(norm.key(below[1].text)))
      -- or the label is its last word, after a piece of a label set vertically beside the
      -- rows ("三" of 三、本年度办理结果 before "（一）予以公开"), as when a blank cell leaves the
      -- row with fewer numbers than the one above
      if not own_row and b > 2 then own_row = tables.is_row_label(norm.key(below[b - 1].text)) end
      if pieces >= 1 and pieces < nums and in_label and not own_row then
        local under, certain, any = pair(row, a, below, b)
        if any then
          local parts = {}
          for k = 1, #row do parts[k] = row[k].text end
          if certain then
            for k = b, #below do parts[under[k]] = parts[under[k]] .. below[k].text end
          else
            for m = a, #row do parts[m] = parts[m] .. M.CUT_MARK end
          end
          -- each word a cell, as cells() makes them
          lines[i] = table.concat(parts, "\t")
          if certain and lead == "" then
            table.remove(lines, i + 1)
          elseif certain then
            lines[i + 1] = string.rep(" ", below[1].first - 1) .. table.concat(text, "   ")
          end
        end
      end
    end
    i = i + 1
  end
  return lines
end

-- Table 四's row of numbers (no label before them) wrapped in narrow cells: "23" on the
-- row's line, "8" under it. join_wrapped leaves such a line, as under a row with no label a
-- line of numbers may be the next row; table 四 has one row only, so the lines of pieces
-- right under it are its cells. A cell of one line, set in the middle of the row's height,
-- may stand on a line between the two (under no number of the row's line, beside none).
-- Returns what each number of the row goes on with (by its index) and the words of the
-- cells of one line (the lines removed); nil when no line of pieces follows; false when
-- some piece does not stand under exactly one number, or cells of one line come without
-- pieces after them.
local function wrapped_cells(lines, j)
  local row = words_at(lines[j])
  local tails, found, lone = {}, false, nil
  for k = 1, #row do tails[k] = "" end
  while lines[j + 1] and not lines[j + 1]:find("[\t|]") do
    local below = words_at(lines[j + 1])
    if #below == 0 or trailing(below, FRAGMENT) ~= 1 then break end
    local under, certain, any = pair(row, 1, below, 1)
    if not any and not found and not lone then
      for _, w in ipairs(below) do
        for _, r in ipairs(row) do
          if w.first <= r.last + 1 and w.last >= r.first - 1 then return false end
        end
      end
      lone = below
    elseif not certain then
      return false
    else
      for k, m in pairs(under) do tails[m] = tails[m] .. below[k].text end
      found = true
    end
    table.remove(lines, j + 1)
  end
  if lone and not found then return false end
  return found and tails or nil, lone
end

-- Blank cells of a layout table. pdftotext -layout (and a PDF viewer's copy that keeps the
-- columns) writes nothing for a blank cell, so a row with one has fewer numbers than the
-- table has columns, and which column is empty is told only by where its numbers stand. A
-- short row of table 三 is compared with the complete rows near it (the same page: each page
-- has its own character grid), table 四's one row with its header's columns; each number goes
-- to the column it stands under, and the row is rewritten with a blank mark in the empty
-- cells (read as blank, never 0). Only an assignment that no other comes close to is used:
-- otherwise the row is left as it is, and the table reader names it short.

--- The mark written in a cell that the layout shows empty (a blank marker of the schema).
M.BLANK_MARK = "／"

--- The name of table 四's cell c (1..15) in a note: 行政复议“结果维持”.
function M.t4_cell_name(c)
  local s4 = nb.schema.appeals
  return s4.groups[(c - 1) // 5 + 1].label .. "“" .. s4.columns[(c - 1) % 5 + 1].label .. "”"
end

-- a character's columns: pdftotext -layout gives each character one column, CJK too; a copy
-- from a viewer may give a wide (CJK, full-width) character two
local function wide_words(line)
  local out, col, from = {}, 0, 1
  local function width(s)
    local n = 0
    for _, cp in utf8.codes(s, true) do
      n = n + ((cp >= 0x1100 and (cp <= 0x115F or (cp >= 0x2E80 and cp <= 0xA4CF) or (cp >= 0xAC00 and cp <= 0xD7A3)
        or (cp >= 0xF900 and cp <= 0xFAFF) or (cp >= 0xFE30 and cp <= 0xFE4F) or (cp >= 0xFF00 and cp <= 0xFF60)
        or (cp >= 0xFFE0 and cp <= 0xFFE6))) and 2 or 1)
    end
    return n
  end
  for at, w, after in line:gmatch("()([^ \t\r]+)()") do
    col = col + width(line:sub(from, at - 1))
    local first = col + 1
    col = col + width(w)
    out[#out + 1] = { text = w, first = first, last = col }
    from = after
  end
  return out
end

local METRICS = { words_at, wide_words }

-- how far the complete rows near a short one may stray from their median columns, as a
-- share of the narrowest spacing of two columns: further, they are no one grid (a page break)
M.PLACE_TOLERANCE = 0.3
-- the complete rows of a page compared with a short row: the nearest few
local PLACE_REFERENCES = 4
-- the lines a row set on two lines may take (text.lua's first_numbers looks as far)
local SPLIT_ROW_LINES = 3

local function center(w) return (w.first + w.last) / 2 end

-- A blank mark set in a cell ("0  0  无  0"; the schema's blank markers) is a cell of the row
-- as a number is: a row with one is complete, not short by one (its numbers were placed
-- after the mark, under the wrong columns)
local MARKS = { ["无"] = true }
for _, b in ipairs(nb._blanks) do if b ~= "" then MARKS[b] = true end end
local function cell_word(t) return t:match(NUMBER) ~= nil or MARKS[t] == true end

-- the numbers at the end of a layout line (with the blank marks among them, not marks alone):
-- their centres in metric m, and the words before (pattern: what a number is, when not that)
local function row_at(line, m, pattern)
  local words = METRICS[m](line)
  local a = trailing(words, pattern or cell_word)
  if not pattern then
    local any = false
    for k = a, #words do any = any or words[k].text:match(NUMBER) ~= nil end
    if not any then a = #words + 1 end
  end
  local xs = {}
  for k = a, #words do xs[#xs + 1] = center(words[k]) end
  return xs, a - 1, words
end

-- the narrowest spacing of adjacent columns
local function spacing(cols)
  local s = math.huge
  for c = 2, #cols do s = math.min(s, cols[c] - cols[c - 1]) end
  return s
end

-- Each number to its nearest column: the columns (their index for each number), or nil when
-- that is not certain. cols: for each column the range of the centres of its numbers in the
-- complete rows ({ lo, hi }; a header word's middle for both). Not certain: two columns'
-- ranges overlapping, a number as near another column as twice its distance to its own
-- (pdftotext's grid moves a cell by a character or two from row to row), one further from
-- any column than CLOSE times their narrowest spacing s, or two numbers nearest the same
-- column. The numbers stand in the columns' order: a number between two placed for certain
-- may only go to a column between theirs (leaving room for the numbers between), so a column
-- it cannot take does not make it uncertain ("9 12 … 7": 9 and 7 placed, 12 is the column
-- between, though nearly as near 9's). spread: the header's words and the row's numbers are
-- aligned by different rules, so a common shift is allowed, but the shifts of the numbers
-- must then agree. pushed: the first number stands one space after the row's label, which
-- ran into the first column (pdftotext then sets the number right after it, left of its
-- column): it goes to the one column the order leaves it, however far left of it.
M.PLACE_CLOSE = 0.6
M.PLACE_MARGIN = 2 -- the second nearest column at least this many times as far
M.PLACE_SPREAD = 0.3
local function nearest(xs, cols, s, spread, pushed)
  for c = 2, #cols do if cols[c][1] <= cols[c - 1][2] then return nil end end
  local at = {}
  -- the nearest of columns lo..hi to x: its index, or nil when not certain
  local function pick(x, lo, hi)
    local c1, d1, d2 = nil, math.huge, math.huge
    for c = lo, hi do
      local col = cols[c]
      local d = math.max(0, col[1] - x, x - col[2])
      if d < d1 then c1, d1, d2 = c, d, d1 elseif d < d2 then d2 = d end
    end
    if d1 > M.PLACE_CLOSE * s or d2 < M.PLACE_MARGIN * d1 or d2 - d1 < 1 then return nil end
    return c1
  end
  -- first the numbers certain among all columns, then the others among the columns the
  -- placed ones leave them, until none is placed more
  for j, x in ipairs(xs) do at[j] = pick(x, 1, #cols) end
  local placed = true
  while placed do
    placed = false
    local prev = 0
    for j = 1, #xs do
      if at[j] then
        if at[j] <= (at[prev] or 0) + (j - prev - 1) then return nil end
        prev = j
      end
    end
    prev = 0
    for j = 1, #xs do
      if at[j] then prev = j
      else
        local next_j = j + 1
        while next_j <= #xs and not at[next_j] do next_j = next_j + 1 end
        local lo = (at[prev] or 0) + (j - prev)
        local hi = (at[next_j] or #cols + 1) - (next_j - j)
        if lo > hi then return nil end
        at[j] = pick(xs[j], lo, hi)
        if j == 1 and pushed and lo == hi and xs[1] < cols[lo][1] then at[1] = lo end
        placed = placed or at[j] ~= nil
      end
    end
  end
  local lo, hi = math.huge, -math.huge
  for j, x in ipairs(xs) do
    local c = at[j]
    if not c or (j > 1 and c <= at[j - 1]) then return nil end
    local shift = x - (cols[c][1] + cols[c][2]) / 2
    lo, hi = math.min(lo, shift), math.max(hi, shift)
  end
  if spread and hi - lo > M.PLACE_SPREAD * s then return nil end
  return at
end

-- The grid of a set of complete rows (their number centres in metric m): the per-column
-- ranges, the narrowest spacing, and how far the rows stray from their median (the mean
-- distance of the worst row, in spacings); nil when they are no one grid.
local function grid(lines, near_rows, n, m)
  local near = {}
  for x, q in ipairs(near_rows) do near[x] = (row_at(lines[q.i], m)) end
  local mid, cols = {}, {}
  for c = 1, n do
    local v = {}
    for x = 1, #near do v[x] = near[x][c] end
    table.sort(v)
    mid[c] = #v % 2 == 1 and v[(#v + 1) // 2] or (v[#v // 2] + v[#v // 2 + 1]) / 2
    cols[c] = { v[1], v[#v] }
  end
  local s, worst = spacing(mid), 0
  if not (s > 0) then return nil end
  -- a cell may stray (the grid), a row as a whole not (another page's grid)
  for x = 1, #near do
    local sum = 0
    for c = 1, n do
      local d = math.abs(near[x][c] - mid[c])
      sum = sum + d
      if d > M.PLACE_TOLERANCE * 2 * s then return nil end
    end
    if sum / n > M.PLACE_TOLERANCE * s then return nil end
    worst = math.max(worst, sum / n / s)
  end
  return { cols = cols, s = s, worst = worst }
end

-- The columns of table 三 near row r (of a part of a page), in metric m: a list of grids
-- (see grid), each of which must place the row's numbers alike, or nil. The nearest complete
-- rows on both sides are tried first (two at least: one row tells nothing of how far a cell
-- strays). When they are no one grid and the part is a page (paged: the text marks its
-- pages), pdftotext's grid moved within the page: the nearest rows above, else below, are
-- used. In text that marks no page (form feeds and footers dropped, a viewer's copy), a page
-- break may lie between them and which page the row is on is not known: each side gives its
-- own grid (its nearest rows that agree, a single row alone), and the row is placed only when
-- every side places it alike; a side whose nearest rows agree on no grid leaves it out.
local function row_columns(lines, rows, r, n, m, paged)
  local above, below, both = {}, {}, {}
  for _, q in ipairs(rows) do
    if q.k == n then
      both[#both + 1] = q
      table.insert(q.i < r.i and above or below, q)
    end
  end
  local function by_distance(p, q) return math.abs(p.i - r.i) < math.abs(q.i - r.i) end
  local function nearest_rows(set, count)
    local out = {}
    for x = 1, math.min(count, #set) do out[x] = set[x] end
    return out
  end
  table.sort(both, by_distance)
  if #both >= 2 then
    local g = grid(lines, nearest_rows(both, PLACE_REFERENCES), n, m)
    if g then return { g }, 1 end
  end
  if paged then
    -- (the nearest that agree: a row of wide numbers set apart from the others, "17" a
    -- character and a half left of a "1", is no grid with them)
    for _, set in ipairs({ above, below }) do
      table.sort(set, by_distance)
      for count = math.min(PLACE_REFERENCES, #set), 2, -1 do
        local g = grid(lines, nearest_rows(set, count), n, m)
        if g then return { g }, 2 end
      end
    end
    return nil
  end
  local grids = {}
  for _, set in ipairs({ above, below }) do
    if #set > 0 then
      table.sort(set, by_distance)
      local g
      for count = math.min(PLACE_REFERENCES, #set), 1, -1 do
        g = grid(lines, nearest_rows(set, count), n, m)
        if g then break end
      end
      if not g then return nil end
      grids[#grids + 1] = g
    end
  end
  -- (one side alone is the set of both sides, which were no one grid)
  if #grids < 2 then return nil end
  return grids, 2
end

-- the cells of a placed row: the words before the numbers (each a cell, as cells() makes
-- them) and n cells, the numbers in their columns and the mark in the others
local function placed_line(words, before, at, n)
  local cells = {}
  for k = 1, before do
    local prev = cells[#cells]
    if prev and prev:match("^%d+[.、]$") then cells[#cells] = prev .. words[k].text
    else cells[#cells + 1] = words[k].text end
  end
  local row = {}
  for c = 1, n do row[c] = M.BLANK_MARK end
  for j, c in ipairs(at) do row[c] = words[before + j].text end
  for c = 1, n do cells[#cells + 1] = row[c] end
  return table.concat(cells, "\t")
end

-- The names of the columns a placed row leaves empty (at: its numbers' columns, of n),
-- joined for its note; name(c) names column c
local function empty_columns(at, n, name)
  local used, empty = {}, {}
  for _, c in ipairs(at) do used[c] = true end
  for c = 1, n do
    if not used[c] then empty[#empty + 1] = name(c) end
  end
  return table.concat(empty, "、")
end

-- the label of a row for a note: the last word of its line before the numbers, or of the
-- nearest line above with one
local function row_name(lines, i, m)
  for j = i, math.max(1, i - 3), -1 do
    local _, before, words = row_at(lines[j], m)
    if j < i then before = #words end
    for k = before, 1, -1 do
      if nb.width(words[k].text) >= 4 and not words[k].text:find(M.BLANK_MARK, 1, true) then return words[k].text end
    end
  end
  return "（无标签的一行）"
end

-- a line that ends the part of a page a table row's columns are compared in: a section
-- heading ("四、政府信息公开行政复议…情况"), not a row label ("四、结转下年度继续办理")
local function section_break(line, tables, norm)
  local t = trim(line)
  if not t:find("^[一二三四五六七八九十]+、") then return false end
  local text = t:gsub("[%d%s,.]+$", "")
  -- "三、 （一）予以公": the piece of 三、本年度办理结果 set vertically beside a row label's
  -- piece, inside table 三 (a heading is no such piece)
  local head, rest = text:match("^([一二三四五六七八九十]+、[^ \t]*)[ \t]+(.+)$")
  if head and tables.is_vertical_fragment(norm.key(head)) and tables.is_label_piece(norm.key(rest)) then
    return false
  end
  return not tables.is_row_label(norm.key(text))
end

-- the words of a header line, a cell's word spaced out ("结 果", "审 结": a single character
-- one space from the next) taken as one: its pieces would count as two columns
-- (a form feed starts a page's first line: no column of the page). merge false: each word as
-- it stands (a header set one character per line in narrow columns one space apart: "维 纠 其")
local function header_words(line, m, merge)
  local out = {}
  for _, w in ipairs(METRICS[m]((line:gsub("\f", "")))) do
    local prev = out[#out]
    if merge and prev and w.first == prev.last + 2 and (utf8.len(prev.text) == 1 or utf8.len(w.text) == 1) then
      out[#out] = { text = prev.text .. " " .. w.text, first = prev.first, last = w.last }
    else
      out[#out + 1] = w
    end
  end
  return out
end

-- Columns of table 四 from its header: the short words (结果, 维持, 总计 …) between the line
-- with 行政复议 and the row, grouped by the columns they overlap; 15 groups or nil.
local function header_columns(lines, from, to, m, merge)
  local spans = {}
  for j = from, to do
    for _, w in ipairs(header_words(lines[j], m, merge)) do
      if not w.text:find("%d") and utf8.len(w.text) and utf8.len(w.text) <= 4 and not w.text:find("复议", 1, true)
          and not w.text:find("诉讼", 1, true) and not w.text:find("起诉", 1, true) then
        -- a wide character takes one column in pdftotext's grid but two in width: the word's
        -- middle is where its printed width puts it
        spans[#spans + 1] = { w.first, w.last, m == 1 and w.first - 0.5 + nb.width(w.text) / 2 or center(w) }
      end
    end
  end
  table.sort(spans, function(p, q) return p[1] < q[1] end)
  local groups = {}
  for _, sp in ipairs(spans) do
    local g = groups[#groups]
    if g and sp[1] <= g[2] then g[2] = math.max(g[2], sp[2]); g[3] = g[3] + sp[3]; g[4] = g[4] + 1
    else groups[#groups + 1] = { sp[1], sp[2], sp[3], 1 } end
  end
  if #groups ~= 15 then return nil end
  local cols = {}
  for c, g in ipairs(groups) do cols[c] = { g[3] / g[4], g[3] / g[4] } end
  return cols, groups
end

-- Table 四 in text aligned by spaces for a screen (a wide character two columns): each number
-- set flush with the right (or left) end of its header's words ("结果维持" / "       0"), so
-- near the next column's middle as its own's and not placed by nearest. The header tells the
-- column when every number of the row ends (or starts) just where one of the 15 groups of
-- the header's words does, all on the same side; a number set anywhere else leaves the row
-- as it is. Every metric and way of taking the header's words that places it must place it
-- alike. Returns the columns of the row's numbers and the metric, or nil.
local function aligned_columns(lines, from, to, line)
  local found, metric
  for m = 1, #METRICS do
    local words = METRICS[m](line)
    for _, merge in ipairs({ true, false }) do
      local _, groups = header_columns(lines, from, to, m, merge)
      for side = 1, 2 do
        local at = groups and {}
        for x, w in ipairs(groups and words or {}) do
          for c, g in ipairs(groups) do
            if (side == 1 and w.last == g[2]) or (side == 2 and w.first == g[1]) then at[x] = c end
          end
          if not at[x] or (x > 1 and at[x] <= at[x - 1]) then at = nil break end
        end
        if at then
          if found and table.concat(found, ",") ~= table.concat(at, ",") then return nil end
          found, metric = at, metric or m
        end
      end
    end
  end
  return found, metric
end

-- whether the header's words (lines from..to) are packed one space apart, four or more in a
-- run ("维持 纠正 结果 审结"): the printer's mark
local function packed_header(lines, from, to)
  for j = from, to do
    local run, prev = 0, nil
    for _, w in ipairs(words_at((lines[j]:gsub("\f", "")))) do
      local short = not w.text:find("%d") and utf8.len(w.text) == 2
      run = (short and prev and w.first == prev.last + 2) and run + 1 or (short and 1 or 0)
      prev = short and w or nil
      if run >= 4 then return true end
    end
  end
  return false
end

-- whether each group of table 四 (five cells) that is whole adds up, its 总计 the sum of the
-- other four (cells: the numbers by column, nil for a blank)
local function adds_up(cells, n)
  for g = 0, n - 5, 5 do
    local whole, sum = true, 0
    for col = g + 1, g + 4 do
      whole = whole and cells[col] ~= nil
      sum = sum + (cells[col] or 0)
    end
    if whole and cells[g + 5] ~= nil and cells[g + 5] ~= sum then return false end
  end
  return true
end

-- Table 四 printed by Chromium ("Save as PDF" of a web page): pdftotext packs each run of
-- cells next to each other one space apart ("6 2 4 2 14"), the header's words too ("维持 纠正
-- 结果 审结"), and sets the run after a blank cell at a column of its own, computed from the
-- lines above: the numbers and the header's words then stand in different grids (one column
-- for a digit, two for a word) and the header tells nothing of where a number packed after
-- another is (only where a run starts: see run_columns). The gaps tell it: a gap of one
-- space is two cells next to each other; a blank cell between two numbers leaves a wider
-- gap, but not always (wide numbers in narrow cells are packed over it, "400 1640"), and a
-- blank first or last cell leaves none. So the row is placed only when its wider gaps are
-- as many as its missing cells: each then holds one blank, none is at an end and none is
-- packed over. The header's words must be packed as well (the printer's mark: in another
-- layout a gap of one space may be any), and each group that comes out whole must add up
-- (its 总计 the sum of the other four): a row placed wrong rarely does.
-- Returns the columns of the row's numbers, or nil.
local function packed_columns(lines, from, to, line, n)
  if not packed_header(lines, from, to) then return nil end
  local words = words_at(line)
  local k = #words
  local missing, at, c = n - k, { 1 }, 1
  local wide = 0
  if not words[1].text:match(NUMBER) then return nil end -- (a blank mark is a cell of its own)
  for x = 2, k do
    if not words[x].text:match(NUMBER) then return nil end
    local gap = words[x].first - words[x - 1].last - 1
    if gap >= 2 then wide = wide + 1; c = c + 1 end
    c = c + 1
    at[x] = c
  end
  if wide ~= missing or c ~= n then return nil end
  -- the groups the placing leaves whole must add up
  local cells = {}
  for x, col in ipairs(at) do cells[col] = tonumber((words[x].text:gsub(",", ""))) end
  return adds_up(cells, n) and at or nil
end

-- The same print, a row the gaps do not place (a blank first or last cell, two blank cells
-- side by side). Where a run starts (the line's first number, or one after a gap of two
-- spaces or more) pdftotext sets it by where it is printed, in the grid of the header's
-- words; only the numbers after it in its run are packed. With numbers of one or two digits
-- a run never runs ahead of its cells (a number and its space take no more columns than a
-- header's word and its space) and a blank cell between two numbers always starts a new
-- run. So each run's first number is placed by the header's columns (nearest, each way of
-- taking the header's words that finds them placing it alike), the others of its run in
-- the columns after it, one each; the runs must fit, a blank between each two, and each
-- group that comes out whole must add up. Wider numbers are packed over a blank and push
-- the runs after them ("400 1640"): not placed. Returns the columns of the row's numbers,
-- or nil.
local function run_columns(lines, from, to, line, n)
  if not packed_header(lines, from, to) then return nil end
  local words = words_at(line)
  local starts, lengths = {}, {}
  for x, w in ipairs(words) do
    if not w.text:match("^%d%d?$") then return nil end
    if x == 1 or w.first - words[x - 1].last - 1 >= 2 then
      starts[#starts + 1] = center(w)
      lengths[#lengths + 1] = 1
    else
      lengths[#lengths] = lengths[#lengths] + 1
    end
  end
  local first
  for _, merge in ipairs({ true, false }) do
    local cols = header_columns(lines, from, to, 1, merge)
    if cols then
      local mid = {}
      for c = 1, #cols do mid[c] = cols[c][1] end
      local got = nearest(starts, cols, spacing(mid), true)
      if not got or (first and table.concat(got, ",") ~= table.concat(first, ",")) then return nil end
      first = got
    end
  end
  if not first then return nil end
  local at, cells = {}, {}
  for r, c in ipairs(first) do
    if r > 1 and c < at[#at] + 2 then return nil end -- (no blank between two runs)
    for k = 0, lengths[r] - 1 do at[#at + 1] = c + k end
  end
  if at[#at] > n then return nil end
  for x, col in ipairs(at) do cells[col] = tonumber(words[x].text) end
  return adds_up(cells, n) and at or nil
end

-- Table 四 printed by LibreOffice (a Word file's PDF): pdftotext makes each cell's text a
-- block of its own and gives a block a column no less than that of every block starting
-- left of it (three spaces after the end of one it lies wholly right of), so the order of
-- the columns where words start is the order of their left edges on the page. The header's
-- stacked words ("结果" over "维持") start at one column, but neither over the numbers nor
-- evenly spaced, so nearest does not place a short row. A number starting after its
-- header's words (its left edge right of theirs: not in a cell before) and ending three
-- spaces or more before the next header's words (they nearly fill their narrow cell: a
-- number set at its left would push them no more than a column or so) lies in that header's
-- cell. Used only when the header's words make exactly the 15 headers, each group's words in
-- order its label ("结果维持" … "总计"); the numbers of one to three digits, each apart from
-- the one before (words one space apart are one block, whose order tells nothing); each
-- number in one header's span; each group that comes out whole must add up. Returns the
-- columns of the row's numbers, or nil.
local function start_columns(lines, from, to, line, n)
  local heads, groups = nb.schema.appeals.columns, {}
  local by_start = {}
  for j = from, to do
    for _, w in ipairs(words_at((lines[j]:gsub("\f", "")))) do
      if not w.text:find("%d") and utf8.len(w.text) and utf8.len(w.text) <= 4 and not w.text:find("复议", 1, true)
          and not w.text:find("诉讼", 1, true) and not w.text:find("起诉", 1, true) then
        local g = by_start[w.first]
        if not g then
          g = { first = w.first, text = "" }
          by_start[w.first], groups[#groups + 1] = g, g
        end
        g.text = g.text .. w.text
      end
    end
  end
  if #groups ~= n then return nil end
  table.sort(groups, function(p, q) return p.first < q.first end)
  for c, g in ipairs(groups) do
    if g.text ~= heads[(c - 1) % 5 + 1].label then return nil end
  end
  local words = words_at(line)
  local at, cells = {}, {}
  for x, w in ipairs(words) do
    if not w.text:match("^%d%d?%d?$") or (x > 1 and w.first - words[x - 1].last - 1 < 2) then return nil end
    local c = 0
    while c < n and groups[c + 1].first < w.first do c = c + 1 end
    if c == 0 or (c < n and groups[c + 1].first - w.last - 1 < 3) or (x > 1 and c <= at[x - 1]) then return nil end
    at[x] = c
    cells[c] = tonumber(w.text)
  end
  return adds_up(cells, n) and at or nil
end

-- Table 三 printed by Chromium (its header's words packed, as packed_header tells): pdftotext
-- packs a number one space after the one before it when their cells are narrow ("98 43 13 61
-- 47 15 277", "9 11"), so the complete rows of a page may agree on no grid, and a short row's
-- packed numbers stand off their columns. Where a run of numbers starts (two spaces or more
-- after the word before it) pdftotext sets it where it is printed, as it sets the runs that
-- start in that column in the complete rows of the page: those starts are the page's grid
-- (each column's range; a column no run starts in is not known). A run's start goes to a
-- column whose starts it stands within a character of, or to a column not known that lies
-- between the known ones left and right of it; a number packed after one of one or two
-- digits is in the next column (a blank cell between them leaves a wider gap; a wider number
-- may be packed over one: then any column after it); a run set one space after the row's
-- label (pushed by it) in any column the order leaves it. Every placing of the row's numbers in
-- the columns' order that all this allows is tried: the row is placed only when exactly one
-- is. Returns the columns of the row's numbers, or nil.
local function run_placed(lines, rows, r, n)
  local function starts_run(words, x)
    return words[x].first - (x > 1 and words[x - 1].last or 0) - 1 >= 2
  end
  local cols = {}
  for _, q in ipairs(rows) do
    if q.k == n then
      local _, before, words = row_at(lines[q.i], 1)
      for c = 1, n do
        if starts_run(words, before + c) then
          local x, col = center(words[before + c]), cols[c]
          cols[c] = col and { math.min(col[1], x), math.max(col[2], x) } or { x, x }
        end
      end
    end
  end
  -- one grid: each known column's starts within a character and a half, in the columns' order
  local last
  for c = 1, n do
    local col = cols[c]
    if col then
      if col[2] - col[1] > 1.5 or (last and col[1] <= last + 1) then return nil end
      last = col[2]
    end
  end
  local _, before, words = row_at(lines[r.i], 1)
  local k = #words - before
  -- the columns each number may take (a set), and whether it follows the one before it
  local may, next_to = {}, {}
  for j = 1, k do
    local x = before + j
    local w = words[x]
    if starts_run(words, x) then
      may[j] = {}
      for c = 1, n do
        local col, fits = cols[c], true
        if col then
          fits = math.max(0, col[1] - center(w), center(w) - col[2]) <= 1
        else
          for d = 1, n do
            local o = cols[d]
            if o and ((d < c and center(w) <= o[2] + 1) or (d > c and center(w) >= o[1] - 1)) then fits = false end
          end
        end
        if fits then may[j][c] = true end
      end
    elseif j > 1 then
      next_to[j] = utf8.len(words[x - 1].text) <= 2
    end
    -- (a run pushed by the label: any column)
  end
  local found, count = nil, 0
  local at = {}
  local function try(j, from)
    if count > 1 then return end
    if j > k then
      count = count + 1
      found = table.move(at, 1, k, 1, {})
      return
    end
    for c = from, n - (k - j) do
      if (not may[j] or may[j][c]) and (not next_to[j] or c == at[j - 1] + 1) then
        at[j] = c
        try(j + 1, c + 1)
      end
    end
  end
  try(1, 1)
  return count == 1 and found or nil
end

-- Table 三 as LibreOffice prints it (each cell a block of its own, see start_columns): the
-- numbers of the complete rows of the page bound a short row's number on both sides. One
-- that ends left of column c's cell lies wholly left of every number in c: pdftotext sets
-- that number three spaces or more after its end; so when a number of column c starts
-- before that, the short row's number is in c or a later column. Likewise one in a column
-- after c lies wholly right of every number in c, three spaces or more after its end: when
-- it starts before that, it is in c or an earlier column. Placed only when for each number
-- the two bounds meet in one column; every number of the rows compared apart from its
-- neighbours (words one space apart are one block). Returns the columns, or nil.
local function bracket_placed(lines, rows, r, n)
  local function cells_of(line)
    local _, before, words = row_at(line, 1)
    local out = {}
    for x = before + 1, #words do
      local w = words[x]
      if not w.text:match("^%d+$") or (x > 1 and w.first - words[x - 1].last - 1 < 3) then return nil end
      out[#out + 1] = w
    end
    return out
  end
  local cols = {}
  for c = 1, n do cols[c] = {} end
  local any = false
  for _, q in ipairs(rows) do
    if q.k == n then
      local ws = cells_of(lines[q.i])
      if not ws or #ws ~= n then return nil end
      for c = 1, n do table.insert(cols[c], ws[c]) end
      any = true
    end
  end
  local ws = any and cells_of(lines[r.i])
  if not ws then return nil end
  local at = {}
  for j, w in ipairs(ws) do
    local lo, hi = 1, n
    for c = 1, n do
      for _, m in ipairs(cols[c]) do
        if m.first < w.last + 4 then lo = math.max(lo, c) end
        if w.first < m.last + 4 then hi = math.min(hi, c) end
      end
    end
    if lo ~= hi or (j > 1 and lo <= at[j - 1]) then return nil end
    at[j] = lo
  end
  return at
end

-- Table 二's first block (规章, 行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数): a row
-- with fewer than 3 numbers, when the other row of the block is complete, has its numbers
-- placed under that row's (in pdftotext's grid, where a line's numbers stand where they are
-- printed whatever the width of the label before them). The header's words do not tell the
-- columns: a cell's number may stand at its left, middle or right. Each row placed is added
-- to `placed`. m: the text's metric (as table 三's rows tell it), pdftotext's when not known.
local T2_ROWS = { ["规章"] = true, ["行政规范性文件"] = true }
-- a cell of table 二 may carry its unit ("3件"): a number still, its unit kept in the cell
-- for the table reader to check against the column
local function t2_number(w)
  if w:match(NUMBER) or MARKS[w] then return true end
  for _, u in ipairs(require("nianbao.import.normalize").CELL_UNITS) do
    if #w > #u and w:sub(-#u) == u then return w:sub(1, -#u - 1):match(NUMBER) ~= nil end
  end
  return false
end
local function place_t2(lines, placed, breaks, m)
  for i, line in ipairs(lines) do
    if line:find("制发", 1, true) and line:find("废止", 1, true) and not line:find("[\t|]") then
      -- the block's rows: up to 6 lines that are not empty, on the header's page
      local rows, j, seen = {}, i, 0
      while j < #lines and seen < 6 do
        j = j + 1
        local l = lines[j]
        if l:find("\f", 1, true) or (breaks and breaks[j]) or select(2, page_number(l)) or l:find("[\t|]")
            or l:find("第二十条", 1, true) then
          break
        end
        if trim(l) ~= "" then seen = seen + 1 end
        local xs, before, words = row_at(l, m, t2_number)
        local key = label_key(words, before)
        if T2_ROWS[key] and #xs >= 1 and #xs <= 3 then rows[#rows + 1] = { j = j, xs = xs, key = key } end
      end
      local complete
      for _, r in ipairs(rows) do if #r.xs == 3 then complete = r end end
      for _, r in ipairs(rows) do
        if complete and #r.xs < 3 then
          local cols, mid = {}, complete.xs
          for c = 1, 3 do cols[c] = { mid[c], mid[c] } end
          local at = nearest(r.xs, cols, spacing(mid))
          if at then
            local _, b, ws = row_at(lines[r.j], m, t2_number)
            lines[r.j] = placed_line(ws, b, at, 3)
            local heads = nb.schema.proactive.blocks[1].columns
            placed[#placed + 1] = string.format("%s（空白：%s）", r.key,
              empty_columns(at, 3, function(c) return heads[c] end))
          end
        end
      end
    end
  end
end

--- Rows with blank cells in layout text (lines, changed in place): see above. A placed row is
--- written with its cells apart by tabs and M.BLANK_MARK in the empty ones; each is named in
--- a note (notes, when given), so that a reader checks it against the PDF. A page starts at a
--- line with a form feed, or at the lines of the set breaks (their indices).
function M.place_blanks(lines, notes, breaks)
  local tables = require "nianbao.import.tables"
  local norm = require "nianbao.import.normalize"
  local placed = { ["二"] = {}, ["三"] = {}, ["四"] = {} }
  -- whether the text marks its pages (then each part is one page, one grid)
  local paged = breaks ~= nil
  for _, line in ipairs(lines) do
    if paged then break end
    paged = line:find("\f", 1, true) ~= nil or select(2, page_number(line)) == true
  end
  -- the metric of the text, when table 三 tells it: the complete rows of a part are one grid in
  -- it and not in the other (labels of other widths before them); nil when not known, false
  -- when parts disagree
  local metric
  -- the rows of a part of a page: { i, k } for each line ending in numbers
  local function place_part(rows, from)
    if #rows == 0 then return end
    -- table 三: rows of 7 numbers (8 with a 小计 column) are the complete ones. Two rows of 8
    -- tell the 小计 variant even when rows of 7 are more: those are its rows with one blank
    -- (a page where most rows have one), not the complete rows of another table
    local count = {}
    for _, r in ipairs(rows) do count[r.k] = (count[r.k] or 0) + 1 end
    local n = (count[8] or 0) >= 2 and 8 or 7
    if (count[n] or 0) < 2 then return end
    local complete = {}
    for _, r in ipairs(rows) do
      if r.k == n and #complete < PLACE_REFERENCES then complete[#complete + 1] = r end
    end
    local in_1, in_2 = grid(lines, complete, n, 1) ~= nil, grid(lines, complete, n, 2) ~= nil
    if in_1 ~= in_2 then
      local this = in_1 and 1 or 2
      if metric == nil then metric = this elseif metric ~= this then metric = false end
    end
    -- a row whose first numbers stand beside its label and the others on a line just below
    -- (or above) has its cells on two lines that together make a row: not a short row
    -- (only numbers in the table's columns: a line after the table that ends in a number,
    -- "予以公开 2" of a chart, far left of them, is no half of its last row)
    local left = math.huge
    for _, r in ipairs(rows) do
      if r.k == n then left = math.min(left, (row_at(lines[r.i], 1))[1]) end
    end
    local function in_columns(r) return (row_at(lines[r.i], 1))[1] >= left - 2 end
    -- nor the numbers of a line whose text is a piece of another label than the row's
    -- ("予以公开 … 2" of a chart under the last row): a second half has none, or the rest of
    -- the row's label, or a piece set vertically beside the rows
    local function other_label(p, q)
      local _, before, words = row_at(lines[q.i], 1)
      local _, pb, pw = row_at(lines[p.i], 1)
      -- (the row's label may come after a piece set vertically: "开 5.属于三类内")
      return other_label_piece(label_key(pw, pb), pb >= 1 and norm.key(pw[pb].text) or nil, label_key(words, before))
    end
    local split = {}
    for x = 2, #rows do
      local p, q = rows[x - 1], rows[x]
      if q.i - p.i <= SPLIT_ROW_LINES and p.k < n and q.k < n and p.k + q.k <= n and in_columns(p) and in_columns(q)
          and not other_label(p, q) then
        split[p], split[q] = true, true
      end
    end
    for _, r in ipairs(rows) do
      if r.k < n and r.eligible and (r.k >= 2 or r.labelled) and not split[r] then
        -- the metric of the text: the one in which the complete rows near agree best; one
        -- in which the nearest rows on both sides agree before one in which only the rows
        -- of one side do (those may share a label's width, which sets them alike in the
        -- wrong metric)
        local at, m, best, best_rank
        for metric = 1, #METRICS do
          local grids, rank = row_columns(lines, rows, r, n, metric, paged)
          local worst = 0
          for _, g in ipairs(grids or {}) do worst = math.max(worst, g.worst) end
          if grids and (not best or rank < best_rank or (rank == best_rank and worst < best)) then
            -- every grid must place the numbers alike (a page break may lie between them)
            local xs, before, words = row_at(lines[r.i], metric)
            local got, pushed = nil, before >= 1 and words[before + 1].first == words[before].last + 2
            for x, g in ipairs(grids) do
              local one = nearest(xs, g.cols, g.s, nil, pushed)
              if not one or (got and table.concat(one, ",") ~= table.concat(got, ",")) then got = nil break end
              if x == 1 then got = one end
            end
            at, m, best, best_rank = got, metric, worst, rank
          end
        end
        -- (a Chromium print, whose packed numbers the nearest complete rows may not place:
        -- by where each run of numbers starts, on a page, in pdftotext's grid)
        local how = ""
        -- (two numbers at least: a chart's "予以公开  102" after the table is no row of it)
        if not at and r.k >= 2 and paged and packed_header(lines, from, rows[1].i - 1) then
          at, m = run_placed(lines, rows, r, n), 1
          how = "（按每段数字第一个数在本页各列的位置定位）"
        end
        if not at and r.k >= 2 and paged then
          at, m = bracket_placed(lines, rows, r, n), 1
          how = "（按本页完整各行同列数字的位置定位：数字与某列数字左右相距不足三个空格）"
        end
        if at then
          local _, before, words = row_at(lines[r.i], m)
          local name = row_name(lines, r.i, m)
          lines[r.i] = placed_line(words, before, at, n)
          local empty = empty_columns(at, n, function(c)
            local col = n == 7 and nb.schema.requests.columns[c]
            return col and col.label or string.format("第 %d 列", c)
          end)
          table.insert(placed["三"], string.format("%s（空白：%s）%s", norm.head(name, 20), empty, how))
        end
      end
    end
  end
  local part, last_cut, part_from = {}, false, 1
  for i, line in ipairs(lines) do
    -- (a page's footer, "— 3 —", ends it in text whose form feeds were lost)
    if line:find("\f", 1, true) or (breaks and breaks[i]) or select(2, page_number(line))
        or section_break(line, tables, norm) then
      place_part(part, part_from)
      part, part_from = {}, i
    end
    local cut = line:find(M.CUT_MARK, 1, true) ~= nil
    if not line:find("[\t|]") and line:find("%d[ \r]*$") and not last_cut then
      local xs, before, words = row_at(line, 1)
      local key = label_key(words, before)
      local labelled = key ~= "" and (tables.is_label_piece(key)
        or before >= 2 and tables.is_label_piece(norm.key(words[before].text)))
      -- every line ending in numbers is kept (a complete row is a reference, any line may be
      -- half of a row set on two lines); only a row with no text before its numbers or a
      -- piece of a row label there may be placed (not prose ending in a number)
      if #xs >= 1 then
        part[#part + 1] = { i = i, k = #xs, labelled = labelled, eligible = before == 0 or labelled }
      end
    end
    last_cut = cut
  end
  place_part(part, part_from)
  -- table 四: a row of 10 to 14 numbers after the header's 行政复议 (within 12 lines that are
  -- not empty: pdftotext spaces a tall header with empty ones), its columns from the header.
  -- Only the header's words on the row's page count (each page has its own grid): a page
  -- break between them leaves too few
  for i, line in ipairs(lines) do
    if line:find("行政复议", 1, true) then
      local j, seen, top = i, 0, i + 1
      while j < #lines and seen < 12 do
        j = j + 1
        local l = lines[j]
        if trim(l) ~= "" then seen = seen + 1 end
        if l:find("[\t|]") then break end
        if l:find("\f", 1, true) or (breaks and breaks[j]) or select(2, page_number(l)) then top = j end
        local xs, before = row_at(l, 1)
        if #xs >= 2 then
          local tails, lone
          if before == 0 then tails, lone = wrapped_cells(lines, j) end
          if tails == false then
            -- which cell a piece goes on is not certain: the numbers are named, not read short
            lines[j] = trim(l):gsub("[ \t]+", M.CUT_MARK .. "\t") .. M.CUT_MARK
          elseif tails then
            local words = words_at(l)
            for k, w in ipairs(words) do w.text = w.text .. tails[k] end
            for _, w in ipairs(lone or {}) do words[#words + 1] = w end
            table.sort(words, function(a, b) return a.first < b.first end)
            -- the numbers joined keep the columns of the row's line
            local out, len = {}, 0
            for _, w in ipairs(words) do
              local piece = string.rep(" ", math.max(w.first - 1 - len, #out > 0 and 1 or 0)) .. w.text
              out[#out + 1] = piece
              len = len + #piece
            end
            l = table.concat(out)
            lines[j] = l
            xs = row_at(l, 1)
          end
          if tails ~= false and before == 0 and #xs >= 10 and #xs < 15 then
            -- the header's words are wide characters: in the metric that is not the text's
            -- their shifts disagree and nothing is found; two metrics that find columns
            -- must find the same. A header's single characters one space apart are a word
            -- spaced out ("结 果") or the columns of a header set one character per line
            -- ("维 纠 其 尚"): both are tried, and where both find columns they must agree
            local at, m
            for metric = 1, #METRICS do
              for _, merge in ipairs({ true, false }) do
                local cols = at ~= false and header_columns(lines, top, j - 1, metric, merge)
                if cols then
                  local mid = {}
                  for c = 1, #cols do mid[c] = cols[c][1] end
                  local got = nearest((row_at(l, metric)), cols, spacing(mid), true)
                  if got and at and table.concat(got, ",") ~= table.concat(at, ",") then at = false break end
                  if got then at, m = got, m or metric end
                end
              end
            end
            local how = false -- (how the placing was found, for the note; when not by the header)
            if at == nil then at, m = aligned_columns(lines, top, j - 1, l) end
            if at == nil then
              at, m = packed_columns(lines, top, j - 1, l, 15), 1
              how = at ~= nil and "（按数字间的空隙定位：数字一个空格相隔为相邻单元格，较宽的空隙为一个空白单元格）"
            end
            if at == nil then
              at, m = run_columns(lines, top, j - 1, l, 15), 1
              how = at ~= nil and "（按每段数字第一个数在表头下的位置定位：其后一个空格相隔的数字为相邻单元格，较宽的空隙为空白单元格）"
            end
            if at == nil then
              at, m = start_columns(lines, top, j - 1, l, 15), 1
              how = at ~= nil and "（按每个数字在表头各列文字起始位置之间的位置定位：数字在本列表头文字之后开始，在下一列表头文字之前结束）"
            end
            if at then
              local _, _, words = row_at(l, m)
              lines[j] = placed_line(words, 0, at, 15)
              table.insert(placed["四"], "空白：" .. empty_columns(at, 15, M.t4_cell_name) .. (how or ""))
            end
          end
          break
        end
      end
    end
  end
  place_t2(lines, placed["二"], breaks, metric or 1)
  if notes then
    for _, section in ipairs({ "二", "三", "四" }) do
      if #placed[section] > 0 then
        notes[#notes + 1] = { id = "IMPORT.VARIANT", severity = "warning", section = section,
          message = string.format("表%s有 %d 行数字比列少（有空白单元格）：已按各数字在版面上对齐的列放入，空着的单元格按空白导入（不是 0），请对照原文核对：%s",
            section, #placed[section], table.concat(placed[section], "；")) }
      end
    end
  end
  return lines
end

--- Layout text (pdftotext -layout) -> text for the text front end: pages cleaned, numbers
--- wrapped in their cells joined, the cells of table rows apart by tabs, the title on one line.
function M.from_layout(text, notes)
  -- numbers wrapped in a cell stay on their page; each page has its own grid of columns,
  -- so where one starts is kept for placing blank cells
  local lines, breaks = {}, {}
  for _, page in ipairs(M.clean_page_lines(text)) do
    M.join_wrapped(page)
    breaks[#lines + 1] = true
    for _, line in ipairs(page) do lines[#lines + 1] = line end
  end
  M.place_blanks(lines, notes, breaks)
  for k, line in ipairs(lines) do lines[k] = M.cells(line) end
  return table.concat(M.join_title(lines), "\n") .. "\n"
end

--- The layout text of a PDF (bytes), cleaned for the text front end; or nil, message, exit code.
function M.text(bytes, name, notes)
  if #bytes > M.MAX_PDF then
    return nil, string.format("PDF 文件过大（%d 字节），最多导入 %d 字节", #bytes, M.MAX_PDF)
  end
  local tmp = os.tmpname()
  -- Windows (msvcrt's tmpnam) names a file in the drive's root, "\s1.", where a clerk may
  -- not write: put it under %TEMP%
  if WINDOWS then tmp = (os.getenv("TEMP") or os.getenv("TMP") or ".") .. tmp end
  local f = io.open(tmp, "wb")
  if not f then return nil, "无法写入临时文件 " .. tmp end
  f:write(bytes)
  f:close()
  local r = nb.run_limited({ "pdftotext", "-layout", "-enc", "UTF-8", "-eol", "unix", tmp, "-" },
    { timeout = M.TIMEOUT, memory = M.MEMORY, output = M.MAX_TEXT * 2 })
  os.remove(tmp)
  if r.not_found and WINDOWS then
    return nil, "需要 pdftotext.exe 才能导入 PDF（Xpdf 或 Poppler 的命令行工具，放在 nianbao.exe 旁边"
      .. "或 PATH 中的文件夹里）；也可以先用 pdftotext 转为文本再导入"
  elseif r.not_found then
    return nil, "需要 pdftotext 才能导入 PDF（Debian/Ubuntu：apt-get install poppler-utils）"
  elseif r.timed_out then
    return nil, string.format("PDF 转换超过 %d 秒，已停止（文件可能损坏或过于复杂）", M.TIMEOUT)
  elseif r.too_large then
    return nil, "PDF 转换出的文字过多，不像是一份年度报告，已停止"
  elseif r.signal and WINDOWS then -- an NTSTATUS code (host/win32/run_limited.c)
    return nil, string.format("PDF 转换失败（pdftotext 异常退出，代码 0x%X：可能超出内存上限或文件损坏）", r.signal)
  elseif r.signal then
    return nil, string.format("PDF 转换失败（pdftotext 被信号 %d 终止：可能超出内存上限或文件损坏）", r.signal)
  elseif r.status ~= 0 then
    local why = trim((r.stderr or ""):match("[^\n]*") or "")
    return nil, string.format("PDF 无法读取（文件损坏或加密？）%s", why ~= "" and ("：" .. why) or "")
  end
  local text = r.stdout
  if not text:find("[^ \t\r\n\f]") then
    return nil, "PDF 中没有文字层，可能是扫描件（需先做文字识别 OCR，或找网页版的年报）", 1
  end
  return M.from_layout(text, notes)
end

return M

