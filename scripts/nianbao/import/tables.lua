-- Reading the three tables from the items of their sections, by the schema's labels and
-- by position, never by line numbers: each row label is looked up in order, and the
-- numbers after it are its cells. What cannot be read is left out and reported, so that a
-- layout never seen before gives a precise list of what is missing rather than wrong numbers.
local nb = require "nianbao"
local norm = require "nianbao.import.normalize"
local runon = require "nianbao.import.runon"

local M = {}

-- a cell "无" (none) in a table: read as a blank, as FORMAT.md §2 keeps blanks (not 0)
local NONE = "无"

-- A label cut short (wrapped by a PDF, or run on) still names its row from this many
-- characters on; shorter fragments (规章, 其他) would match too many labels.
local LABEL_PREFIX_MIN = 4
-- How far past a label its n cells are looked for: every cell may be written with an empty
-- neighbour (merged or blank cells) and a few fragments (a footer, a broken label) between.
local function cell_window(n) return 4 * n + 8 end

-- dashes that are no minus sign: em, en, figure dash and horizontal bar
local DASHES = { "\226\128\148", "\226\128\147", "\226\128\146", "\226\128\149" }

--- Whether a key is a dash (or several) run into a number: "—440", "–5", "——12".
function M.is_dashed(k)
  local rest, n = k, 0
  repeat
    local cut = false
    for _, d in ipairs(DASHES) do
      if rest:sub(1, #d) == d then rest, cut, n = rest:sub(#d + 1), true, n + 1 end
    end
  until not cut
  return n > 0 and rest:match("^%d[%d,]*%.?%d*$") ~= nil
end

--- Whether a cell is a number with a footnote mark after it ("585①", "1234*", "7※",
--- "12（注）"): the key would read ① as a digit (NFKC: "5851"), and a mark is no blank.
function M.is_marked(text)
  local rest = norm.trim(text)
  local digits = 0
  repeat
    local cut = rest:match("^[%d,.]+") or rest:match("^\239\188[\144-\153]") -- ASCII or full-width digits
    if cut then rest, digits = rest:sub(#cut + 1), digits + 1 end
  until not cut
  if digits == 0 or rest == "" then return false end
  local b1, b2, b3 = rest:byte(1, 3)
  return rest:find("^[*#]") ~= nil or rest:find("^\239\188[\131\138]") ~= nil -- ＃ ＊
    or rest:find("^\226\128\187") ~= nil -- ※
    or (b1 == 0xE2 and (b2 == 0x91 and b3 >= 0xA0 or b2 == 0x92 or b2 == 0x93)) -- ①-⓿, ⑴, ⒈
    or (b1 == 0xE2 and (b2 == 0x9D and b3 >= 0xB6 or b2 == 0x9E and b3 <= 0x93)) -- ❶-➓
    or rest:find("^%(?注") ~= nil or rest:find("^\239\188\136注") ~= nil -- 注, (注, （注
end

-- What the note says of cells that are no legible number (the texts of take's illegible).
function M.illegible_reason(texts)
  local dashed, cut, marked = {}, {}, {}
  for _, t in ipairs(texts) do
    table.insert(M.is_marked(t) and marked or M.is_dashed(norm.key(t)) and dashed or cut, t)
  end
  local parts = {}
  if #marked > 0 then
    parts[#parts + 1] = string.format("“%s”数字后有注释标记，数字无法确定", table.concat(marked, "”“"))
  end
  if #cut > 0 then
    parts[#parts + 1] = string.format("数字无法辨认：“%s”，可能在单元格内折行", table.concat(cut, "”“"))
  end
  if #dashed > 0 then
    parts[#parts + 1] = string.format("“%s”数字前的破折号是负号还是空白标记（后面连着下一格的数字），无法确定",
      table.concat(dashed, "”“"))
  end
  return table.concat(parts, "；")
end

--- Tokens of a list of items: every cell (a para is one cell) with its key and kind:
--- "value" (a number or a blank placeholder), "empty" or "label".
--- A para of run-on table text ("规章007规范性文件…") gives its labels and "blob" tokens:
--- number runs whose split into cells is left to take().
function M.tokens(items)
  local out, keys = {}, {} -- keys: norm.key of each distinct text, computed once
  local function add(text, definite)
    local k = keys[text] or norm.key(text)
    keys[text] = k
    -- a unit written after the number ("12件") is kept with it, checked against the column
    -- by the table's reader (check_units)
    local v, unit = norm.cell(k)
    -- "无" in a cell of a table is no number: a blank (FORMAT.md §2), never a 0
    if k == NONE then v = nb.BLANK end
    -- "〇", the ideographic zero, alone in a cell is the number 0 (as "二〇二四" writes it), and
    -- so is "○", the white circle many type for it ("二○二四")
    if k == "\227\128\135" or k == "\226\151\139" then v = 0 end
    local kind = k == "" and "empty" or (v ~= nil and "value" or "label")
    -- a number that cannot be read as written ("4,6": a PDF wrapped "4,651" in its cell, or
    -- one marked cut by pdf.join_wrapped) is a cell of its row, never a fragment to skip
    -- (a cell's number is short: a long run of digits is never matched, which costs its square)
    if kind == "label" and #k <= 32 and (k:match("^%d[%d,]*,[%d,]*%.?%d*$") or k:match("^%d[%d,.]*…$") or k:match("^%d[%d,]*%.?%d*%.%.%.$")) then
      kind = "illegible"
    end
    -- nor is a dash run into a number ("—440", "–5", "——12"): a minus typed as a dash, or a
    -- blank mark with the next cell's number run on; which one is not certain (a "-" or "－"
    -- is a minus, and "−", the minus sign: normalize.value)
    if kind == "label" and #k <= 40 and M.is_dashed(k) then kind = "illegible" end
    -- nor is a number with a footnote mark ("585①" would read 5851, "1234*" a blank)
    if kind ~= "empty" and #text <= 40 and M.is_marked(text) then kind = "illegible" end
    -- nor is a cell of a Word or HTML table whose digits stand apart ("1 2": two paragraphs
    -- in the cell, "1<br>2"), which the key would join into 12; digits grouped by threes with
    -- spaces ("1 234") are one number
    if definite and kind == "value" and #text <= 64 and text:find("%d%s+%d") then
      local groups = {}
      for g in text:gmatch("%d+") do groups[#groups + 1] = g end
      local thousands = #groups[1] <= 3
      for i = 2, #groups do thousands = thousands and #groups[i] == 3 end
      if not thousands then kind = "illegible" end
    end
    local parts = kind == "label" and M.split_group(k)
    if parts and #parts > 1 then
      -- a group's label run into its first row's label: two labels, so each is found
      for _, p in ipairs(parts) do out[#out + 1] = { text = p, key = p, kind = "label" } end
      return
    end
    out[#out + 1] = { text = text, key = k, kind = kind, value = v, unit = unit, definite = definite }
  end
  local rows = 0
  for _, item in ipairs(items) do
    if item.kind == "row" then
      local from = #out + 1
      local whole = true -- a row of an HTML or Word table: its cells are all there is of it
      for _, c in ipairs(item.cells) do
        local at = #out + 1
        add(c.text, c.definite)
        for k = at, #out do out[k].piped, out[k].bar = c.piped, c.bar end
        whole = whole and c.definite
      end
      if whole then
        rows = rows + 1
        for k = from, #out do out[k].row, out[k].exact = rows, item.exact end
      end
    else
      local cells = runon.cells(item.text, M.LABELS)
      -- a row's label, then its cells a space apart with a blank mark among them ("5.要求…
      -- 信息 — 0 0 2 0 6 18", a table pasted as text): run-on numbers have no blank cell,
      -- and read so the mark joined the label and a number was cut in two to make up the count
      local row = M.label_cells(item.text)
      if cells and row then
        local marked = false
        for k = 2, #row do
          local key = norm.key(row[k].text)
          marked = marked or key == NONE or norm.cell(key) == nb.BLANK
        end
        if marked then cells = row end
      end
      cells = cells or row
      if cells then
        for _, c in ipairs(cells) do
          if c.blob then
            out[#out + 1] = { text = c.text, key = c.text, kind = "blob" }
          else
            add(c.text, c.definite or false)
          end
        end
      else
        add(item.text, false)
      end
    end
  end
  return out
end

--- A para that is one row, its cells a space apart (one space, U+3000 or NBSP, where the
--- other rows of the table use wider spacing): "行政事业性收费 5,125.11", "规章 无 无 无". Its
--- cells are the trailing numbers and blank marks; the text before them must be a row label
--- of the tables, so that prose ending in a number is never cut. Returns cells or nil.
local ROW_TEXT_MAX = 1000 -- bytes: a longer text is prose (checked for every line of a page)
local CELL_END = { ["无"] = true, ["／"] = true, ["—"] = true, ["－"] = true, ["–"] = true }
-- the last character of a number's unit ("12件", "5.1万元"): norm.CELL_UNITS
for _, u in ipairs(norm.CELL_UNITS) do CELL_END[u:sub(-3)] = true end
for d = 0, 9 do CELL_END[utf8.char(0xFF10 + d)] = true end
function M.label_cells(text)
  text = norm.trim(text)
  if #text > ROW_TEXT_MAX or #text == 0 then return nil end
  -- the last character ends a number or a blank mark (most lines are rejected here)
  local from = #text
  while from > 1 and text:byte(from) >= 0x80 and text:byte(from) < 0xC0 do from = from - 1 end
  local last = text:sub(from)
  if not (last:match("^[%d/_%-]$") or CELL_END[last]) then return nil end
  local t = nb.nfkc(text) or text
  local pieces = {}
  for p in t:gmatch("%S+") do pieces[#pieces + 1] = p end
  local first = #pieces + 1
  while first > 2 do
    local k = norm.key(pieces[first - 1])
    if norm.cell(k) == nil and k ~= NONE then break end
    first = first - 1
  end
  if first > #pieces then return nil end
  local label = table.concat(pieces, " ", 1, first - 1)
  if not M.is_row_label(norm.key(label)) then return nil end
  local out = { { text = label } }
  for k = first, #pieces do out[#out + 1] = { text = pieces[k], definite = true } end
  return out
end

-- Every label of the official tables (and its group labels), to know where a row ends.
local KNOWN = {}
local function known(label) KNOWN[norm.key(label)] = true end
do
  local s = nb.schema
  for _, b in ipairs(s.proactive.blocks) do
    known(b.header)
    for _, c in ipairs(b.columns) do known(c) end
    for _, r in ipairs(b.rows) do known(r.label) end
  end
  known(s.requests.results)
  for _, r in ipairs(s.requests.rows) do
    known(r.label)
    if r.group_label then known(r.group_label) end
  end
end

-- The labels of the tables without their numbering marks ("予以公开", "不予公开"), as a
-- chart of the results beside a table names them.
local BARE = {}
for k in pairs(KNOWN) do
  local bare = k:gsub("^%(.-%)", ""):gsub("^%d+%.", ""):gsub("^[一二三四五六七八九十]+、", "")
  if bare ~= k and bare ~= "" then BARE[bare] = true end
end

-- The row labels (keys) that may end a run of header text in run-on tables, both formats.
M.LABELS = {}
for k in pairs(KNOWN) do M.LABELS[#M.LABELS + 1] = k end

-- Fragments of a label merged vertically over several rows (三、本年度办理结果 or a group's
-- （三）不予公开), cut by a PDF into pieces of a few characters ("三、本", "度办", "予公开")
-- that stand between a row's label and its numbers: skipped, never taken for a row's end.
local VERTICAL = {}
do
  local s = nb.schema.requests
  VERTICAL[#VERTICAL + 1] = norm.key(s.results)
  for _, r in ipairs(s.rows) do
    if r.group_label then VERTICAL[#VERTICAL + 1] = norm.key(r.group_label) end
  end
end
local VERTICAL_FRAGMENT_MAX = 4

--- A label key that starts with 三、本年度办理结果 or a group's label （三）不予公开 and goes on
--- with the first row's label, with one space, none or U+3000 between them ("(三)不予公开
--- 1.属于国家秘密", as one cell): the pieces, each a label; { k } when k is one label.
function M.split_group(k)
  local out = {}
  while true do
    local rest
    for _, g in ipairs(VERTICAL) do
      if #k > #g and k:sub(1, #g) == g then
        local r = k:sub(#g + 1)
        if norm.numbered(r) or KNOWN[r] then rest = r; out[#out + 1] = g break end
      end
    end
    if not rest then break end
    k = rest
  end
  out[#out + 1] = k
  return out
end
function M.is_vertical_fragment(k)
  -- 三、本年度办理结果 heads rows but is none: any piece of it, whole too, is skipped
  if k ~= "" and VERTICAL[1]:find(k, 1, true) then return true end
  -- a group's mark run into a piece of a row label beside it ("（三） 政法规禁止公", "（四） 息"):
  -- what follows the mark does not start the group's label
  local mark, rest = k:match("^(%([^%)]+%))(.+)$")
  if mark and not KNOWN[k] then
    for i = 2, #VERTICAL do
      local g = VERTICAL[i]
      if g:sub(1, #mark) == mark then
        local first = utf8.char(utf8.codepoint(g, #mark + 1))
        return rest:sub(1, #first) ~= first
      end
    end
  end
  if KNOWN[k] or norm.len(k) > VERTICAL_FRAGMENT_MAX then return false end
  for _, label in ipairs(VERTICAL) do
    if label:find(k, 1, true) then return true end
  end
  return false
end

local function is_known_or_prefix(k)
  if KNOWN[k] then return true end
  if norm.len(k) >= LABEL_PREFIX_MIN then
    for label in pairs(KNOWN) do
      if label:sub(1, #k) == k then return true end
    end
  end
  return false
end

-- the keys that M.is_row_label accepts besides the official labels: the 2019 trial rows
local ROW_LABELS_2019 = {}

--- Whether a key is a row label of the tables or the start of one at least 4 characters long.
function M.is_row_label(k)
  if ROW_LABELS_2019[k] then return true end
  local parts = M.split_group(k)
  return is_known_or_prefix(parts[#parts])
end

-- Whether a text met among a row's numbers names another row: a label without its mark
-- (a chart's "予以公开  72" below the table), or a row's numbered label after a piece of a
-- vertical one ("度 （三） 1.属于国家秘密  0 …"). (The text's start was asked already.)
local function names_row(k)
  if BARE[k] then return true end
  for p in k:gmatch("()[%(%d]") do
    if p > 1 and norm.numbered(k:sub(p)) and M.is_row_label(k:sub(p)) then return true end
  end
  return false
end

--- Whether a key is a row label of the tables, or a piece of one of at least 2 characters
--- (a label wrapped by a PDF: "缴费用、行政机关不再处理其政府信息公开申请", a vertical
--- label's fragment "（三）不"): the text before a layout row's numbers is then no prose.
function M.is_label_piece(k)
  if k == "" then return false end
  if M.is_row_label(k) or M.is_vertical_fragment(k) then return true end
  if norm.len(k) < 2 then return false end
  for label in pairs(KNOWN) do
    if label:find(k, 1, true) then return true end
  end
  return false
end

-- the label tokens are found through an index of their keys: scanning all tokens for each
-- of the ~40 rows made a large page cost rows x tokens
local function label_key(t) return t.kind == "label" and t.key or nil end

-- the first entry of an ascending list that is at least from (binary search)
local function first_from(list, from)
  local lo, hi = 1, #list
  while lo <= hi do
    local mid = (lo + hi) // 2
    if list[mid] < from then lo = mid + 1 else hi = mid - 1 end
  end
  return list[lo]
end

--- Find the token for label key want at or after position from; returns its index. A
--- token stands for want when its key equals it or is the start of it (a label broken over
--- lines by a PDF) at least 4 characters long.
function M.find(tokens, want, from)
  from = from or 1
  local index, best = norm.index(tokens, label_key), nil
  local function consider(k)
    local i = index[k] and first_from(index[k], from)
    if i and (not best or i < best) then best = i end
  end
  local chars = 0
  for p in utf8.codes(want) do
    if chars >= LABEL_PREFIX_MIN then consider(want:sub(1, p - 1)) end
    chars = chars + 1
  end
  consider(want)
  return best or M.find_joined(tokens, want, from) or M.find_glued(tokens, want, from)
end

-- How many tokens past from a label broken into short pieces is looked for.
local JOIN_WINDOW = 400

-- At most this many characters of the label before may run into a row label.
local GLUED_MAX_CHARS = 6

--- A row label that pdftotext ran into the last characters of the cell before it, without a
--- space ("（四） 息2.没有现成信"): a label token, before the next official label, that ends
--- with a start of want at least 4 characters long, after at most 6 characters without
--- digits. Returns its index, or nil.
function M.find_glued(tokens, want, from)
  local head = norm.head(want, LABEL_PREFIX_MIN)
  if norm.len(head) < LABEL_PREFIX_MIN or not norm.numbered(want) then return nil end
  for i = from or 1, math.min(#tokens, (from or 1) + JOIN_WINDOW) do
    local t = tokens[i]
    if t.kind == "label" then
      if KNOWN[t.key] then return nil end
      -- a label a few characters longer than want at most (a long text is never searched)
      local p = #t.key <= #want + 4 * GLUED_MAX_CHARS and t.key:find(head, 2, true)
      if p then
        local before, rest = t.key:sub(1, p - 1), t.key:sub(p)
        if not before:find("%d") and norm.len(before) <= GLUED_MAX_CHARS
          and #rest <= #want and want:sub(1, #rest) == rest then
          return i
        end
      end
    end
  end
end

--- A label broken by a PDF after fewer than 4 characters ("3.补" / "正后申请内容仍不明确"): a
--- numbered label token that starts want, joined with the label tokens right after it (a
--- vertical label's fragments between them skipped) while they continue want, until the
--- joined text is at least 4 characters. Looked for before the next official label only.
--- Returns the index of the last piece (the row's numbers follow it), or nil.
-- the part of piece k that continues want after joined: k itself, or k after a vertical
-- label's fragment set on the same line (")不于国": ")不" of （三）不予公开, then "于国")
local function continues(want, joined, k)
  if want:sub(#joined + 1, #joined + #k) == k then return k end
  local n = 0
  for p in utf8.codes(k) do
    if n > 0 and n <= VERTICAL_FRAGMENT_MAX then
      local rest = k:sub(p)
      if M.is_vertical_fragment(k:sub(1, p - 1)) and want:sub(#joined + 1, #joined + #rest) == rest then return rest end
    end
    n = n + 1
  end
end

function M.find_joined(tokens, want, from)
  for i = from or 1, math.min(#tokens, (from or 1) + JOIN_WINDOW) do
    local t = tokens[i]
    if t.kind == "label" then
      if KNOWN[t.key] then return nil end
      if #t.key < #want and want:sub(1, #t.key) == t.key and norm.numbered(t.key) then
        local joined, last, numbers = t.key, i, false
        local j = i + 1
        -- the row's numbers may stand on the first line of its label, the rest of the label
        -- below them ("3.危 0 0 0 0 0 0 0" / "及“三" / "安全" …): skipped once, and then the
        -- pieces must make the whole label, the numbers being those after the first piece
        if tokens[j] and tokens[j].kind == "value" then
          numbers = true
          while tokens[j] and (tokens[j].kind == "value" or tokens[j].kind == "empty") do j = j + 1 end
        end
        for j = j, #tokens do
          local k = tokens[j].key
          -- (a piece longer than the rest of want may still hold a fragment and the rest)
          if tokens[j].kind ~= "label" or #k > #want + 4 * VERTICAL_FRAGMENT_MAX then break end
          local cont = continues(want, joined, k)
          if cont then
            joined, last = joined .. cont, j
          elseif not M.is_vertical_fragment(k) then
            break
          end
        end
        if numbers then
          if joined == want then return i end
        elseif last > i and norm.len(joined) >= LABEL_PREFIX_MIN then
          return last
        end
      end
    end
  end
end

-- characters of a UTF-8 string
local function chars(s)
  local out = {}
  for _, cp in utf8.codes(s) do out[#out + 1] = cp end
  return out
end

-- edit distance between two lists of characters
local function distance(a, b)
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    for j = 1, #b do
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i] == b[j] and 0 or 1))
    end
    prev = cur
  end
  return prev[#b]
end

--- A label with a character missing or wrong ("2.其他法律行政止公开"): the first label token at
--- or after from, before any official label (so between the row's neighbours), that starts
--- with the same numbering and is within a quarter of its characters of want. Returns the
--- index and the text as published, or nil.
function M.find_similar(tokens, want, from)
  local w = chars(want)
  local mark = want:match("^%d+%.") or want:match("^（.-）") or ""
  for i = from or 1, math.min(#tokens, (from or 1) + 400) do
    local t = tokens[i]
    if t.kind == "label" then
      if KNOWN[t.key] then return nil end -- the next official row: want is not there
      -- a label differs from want by a few characters, so its byte length does too: a
      -- long text is never compared (the distance costs its length times want's)
      -- (the quarter of the words after the numbering, at least one: "3.危", a label cut
      -- short, is two edits from "3.其他" and no misspelling of it)
      local words = chars(want:sub(#mark + 1))
      local most = math.max(1, #words // 4)
      if t.key:sub(1, #mark) == mark and #t.key > #mark and math.abs(#t.key - #want) <= 4 * most then
        if distance(words, chars(t.key:sub(#mark + 1))) <= most then return i, t.text end
      end
    end
  end
end

-- A row copied one cell per line, each cell closed by a pipe ("5 |"), a blank cell a bare
-- "|" and the row ended by another: a blank last cell and the row's end are one bare "|"
-- ("规章 |", "5 |", "0 |", "|", "规范性文件 |"). The n cells when the count works out: n
-- cell lines after the label, the last a bare "|", and the next line a label (a new row);
-- otherwise nil, and the row is read as any other.
local function piped_row(tokens, i, n)
  if not tokens[i].piped then return nil end
  local values, any = {}, false
  for k = 1, n do
    local t = tokens[i + k]
    if not t or not t.piped then return nil end
    if t.kind == "value" then values[k], any = t.value, true
    elseif t.bar then values[k] = nb.BLANK
    else return nil end
  end
  local after = tokens[i + n + 1]
  if not any or not tokens[i + n].bar or (after and not (after.kind == "label" and after.piped)) then return nil end
  return values
end

-- The cells after a label, as positional results (see M.take for their meaning).
local function take_values(tokens, i, n, fits, stops)
  local piped = piped_row(tokens, i, n)
  if piped then return piped, i + n, false end
  local blob = tokens[i + 1]
  if blob and blob.kind == "blob" then
    local values, how = runon.split(blob.text, n, fits)
    if values then return values, i + 1, false, nil, how end
    return {}, i + 1, false, { raw = blob.text, why = how }
  end
  local seq, j, ended = {}, i + 1, false
  local definite = 0
  while j <= #tokens and j <= i + cell_window(n) do
    local t = tokens[j]
    if t.kind == "blob" then break -- run-on numbers belong to the label before them
    elseif t.kind == "label" then
      if not M.is_vertical_fragment(t.key) and (is_known_or_prefix(t.key) or norm.numbered(t.key)
          or (stops and stops[t.key])) then
        ended = false break
      end
      -- a fragment of a label broken over lines, or a page footer: skip it. But after the
      -- row's first numbers, a text with another row's label in it starts no part of this
      -- row: the row ends there, short and named, rather than take that row's numbers
      if definite > 0 and names_row(t.key) then ended = false break end
    elseif t.kind == "illegible" then
      seq[#seq + 1] = { value = nb.BLANK, sure = true, at = j, illegible = t.text }
      definite = definite + 1
    elseif t.kind == "value" or t.definite then
      seq[#seq + 1] = { value = t.kind == "value" and t.value or nb.BLANK, sure = true, at = j,
        unit = t.kind == "value" and t.unit or nil, text = t.text }
      definite = definite + 1
    else
      seq[#seq + 1] = { value = nb.BLANK, sure = false, at = j }
    end
    if definite >= n then ended = false break end
    j = j + 1
  end
  if j > #tokens then ended = true end
  -- the cells are the span from the first to the last sure one; empty text cells around
  -- it (merges or blank cells) fill it up to n, those before it first
  local first, last
  for k, e in ipairs(seq) do
    if e.sure then first = first or k; last = k end
  end
  if not first then
    local out = {}
    for k = 1, math.min(n, #seq) do out[k] = seq[k].value end
    return out, seq[#out] and seq[#out].at or i, ended
  end
  local sure_first, sure_last = first, last
  while last - first + 1 < n do
    if first > 1 then first = first - 1
    elseif last < #seq then last = last + 1
    else break end
  end
  local out, units = {}, nil
  for k = first, math.min(last, first + n - 1) do
    out[#out + 1] = seq[k].value
    if seq[k].unit then
      units = units or {}
      units[#out] = { unit = seq[k].unit, text = norm.trim(seq[k].text) }
    end
  end
  -- padded: empty cells taken after the last sure one. Those are a guess at the columns (a
  -- row that lost a cell, then a trailing tab or pipe, would move its 总计 into 其他);
  -- empty cells between the label and the first number are written cells
  local padded = math.min(last, first + n - 1) - sure_last
  return out, seq[math.min(last, first + n - 1)].at, ended, nil, nil, padded > 0 and padded or nil, units,
    sure_first > first and sure_first - first or nil
end

--- The n cells after the label at index i, as a record:
---   values  the numbers and nb.BLANK read (possibly fewer than n)
---   last    the index of the last token read
---   ended   true when the tokens ran out (the table may be cut off)
---   blob    { raw = ..., why = ... } when a run-on number blob right after the label could
---           not be split by runon.split (fits: the row's arithmetic)
---   how     "total" when the row's arithmetic chose the blob's split
---   padded  the number of empty cells taken after the last sure one (a guess), or nil
---   illegible  the texts of cells that are no legible number ("4,6"): values is then empty,
---           the row not read
---   units   { [c] = { unit = "件", text = "12件" } } for the values written with a unit, or nil
---   lead    the number of empty cells taken before the first sure one, or nil
--- stops (optional): a set of keys that end the row besides the official labels.
function M.take(tokens, i, n, fits, stops)
  -- a row of a table (HTML, Word) with more cells after its label than the table has columns,
  -- the extra ones empty and first: the label's merged cells written as empty cells
  -- ("一、本年新收… |  |  | 7 numbers"), not blanks that would shift the numbers on
  local row = tokens[i] and tokens[i].row
  -- the last cell of a table's row whose cell before is another row's label (the labels
  -- written across one row: a table transposed): its numbers are in no cell after it, and
  -- the next row's cells are another thing's (a column of applicants), never this row's
  if row and (not tokens[i + 1] or tokens[i + 1].row ~= row) and tokens[i - 1] and tokens[i - 1].row == row
      and tokens[i - 1].kind == "label" and is_known_or_prefix(tokens[i - 1].key) then
    return { values = {}, last = i }
  end
  if row then
    local count, j = 0, i + 1
    while tokens[j] and tokens[j].row == row do
      if tokens[j].kind ~= "value" and tokens[j].kind ~= "empty" then count = 0 break end
      count, j = count + 1, j + 1
    end
    -- an empty last cell makes it ambiguous (an empty layout column after the numbers) unless
    -- the front end left such columns out (html.lua): the cells are then read from the label
    local extra = count - n
    if extra > 0 and tokens[i + count].kind == "empty" and not tokens[i + count].exact then extra = 0 end
    for k = i + 1, i + extra do
      if tokens[k].kind ~= "empty" then extra = 0 break end
    end
    if extra > 0 then i = i + extra end
  end
  local values, last, ended, blob, how, padded, units, lead = take_values(tokens, i, n, fits, stops)
  local illegible
  if last and not blob then
    for j = i + 1, last do
      if tokens[j].kind == "illegible" then
        illegible = illegible or {}
        illegible[#illegible + 1] = (tokens[j].text:gsub("…$", ""):gsub("%.%.%.$", ""))
      end
    end
  end
  if illegible then values = {} end
  return { values = values, last = last, ended = ended, blob = blob, how = how, padded = padded,
    illegible = illegible, units = units, lead = lead }
end

-- What a row's label was not found gives: nothing read.
local NOT_FOUND = { values = nil }
local function is_number(v) return math.type(v) == "integer" or math.type(v) == "float" end

local function count_blanks(list)
  local n = 0
  for _, v in ipairs(list) do if v == nb.BLANK then n = n + 1 end end
  return n
end

local function note(notes, id, severity, section, fmt, ...)
  notes[#notes + 1] = { id = id, severity = severity, section = section, message = string.format(fmt, ...) }
end

-- a row label for the missing-rows note; when its label was found but not all its cells,
-- how many were read: such a row is left out, as its numbers cannot be put in columns
local function unread(label, values, n, padded, illegible)
  if illegible then
    return string.format("%s（%s）", label, M.illegible_reason(illegible))
  end
  local read = values and #values - (padded or 0) or 0
  if read > 0 and read ~= n then
    return string.format("%s（读到 %d 个数，应为 %d 个）", label, read, n)
  end
  return label
end

-- What a column accepts after its numbers: a count column件/个/条/项/次, the fee column of
-- table 二 万元 (the column's own unit, so the number is taken as written), the trial format's
-- amount column nothing (its unit is not fixed by the format).
-- say: what the note tells of the cell, given the unit written (a column with no unit names
-- none it would take)
local COUNT = { units = norm.COUNT_UNITS, say = "单位应为件、个、条、项或次（数量），不是“%s”" }
local AMOUNT = { units = { [norm.AMOUNT_UNIT] = true }, say = "单位应为“" .. norm.AMOUNT_UNIT .. "”，不是“%s”" }
local NO_UNIT = { units = {}, say = "这一列应只写数字（格式未规定它的单位），不带“%s”" }

-- The cells of a row written with a unit that is not their column's ("1025.14元" in the 万元
-- column, "5万元" or "12件" where the other unit is due): the reason for the row's missing
-- note, or nil. column(c) gives column c's label and what it accepts (COUNT, AMOUNT).
local function check_units(units, column)
  if not units then return nil end
  local bad = {}
  for c, u in pairs(units) do
    local label, accepts = column(c)
    if not accepts.units[u.unit] then
      bad[#bad + 1] = { c = c, text = string.format("“%s”一格写作“%s”，", label, u.text) .. string.format(accepts.say, u.unit) }
    end
  end
  if #bad == 0 then return nil end
  table.sort(bad, function(a, b) return a.c < b.c end)
  local parts = {}
  for k, b in ipairs(bad) do parts[k] = b.text end
  return table.concat(parts, "；")
end

-- the closing notes of a table read: the rows not read, the blank cells kept as blanks
local function note_unread(notes, section, missing, blanks)
  if #missing > 0 then
    note(notes, "SECTION.MISSING", "error", section, "表%s未读到这些行：%s", section, table.concat(missing, "、"))
  end
  if blanks > 0 then
    note(notes, "VALUE.BLANK", "warning", section, "表%s有 %d 个空白单元格，按空白导入（不是 0）", section, blanks)
  end
end

-- Rows whose run-on numbers could not be split, for one precise note per table:
-- "label（“raw”：why）".
local function unsplit(list, label, blob)
  list[#list + 1] = string.format("%s（“%s”：%s）", label, blob.raw, blob.why)
end

local function note_unsplit(notes, section, list)
  if #list > 0 then
    note(notes, "IMPORT.RUNON", "error", section,
      "表%s这些行的数字连在一起，无法确定如何拆分，未导入：%s", section, table.concat(list, "；"))
  end
end

local function note_by_total(notes, section, list)
  if #list > 0 then
    note(notes, "IMPORT.RUNON", "warning", section,
      "表%s这些行的数字连在一起，按本行总计唯一确定了拆分（这些行的总计因此不能再核对）：%s",
      section, table.concat(list, "、"))
  end
end

local OLD_MARKS = { "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
  "其他对外管理服务事项", "政府集中采购", "采购项目数量" }

--- Whether the tokens of table 二 are in the 2019 trial format.
function M.is_2019(tokens)
  -- the keys are searched as one text, each mark once, rather than each key for each mark
  local keys = {}
  for _, t in ipairs(tokens) do keys[#keys + 1] = t.key end
  local all = "\n" .. table.concat(keys, "\n") .. "\n"
  for _, m in ipairs(OLD_MARKS) do
    if all:find(m, 1, true) then return true end
  end
  return all:find("\n规范性文件\n", 1, true) ~= nil
end

--- The row labels of table 二 (keys): where the text of one row ends.
M.ROWS_2 = {}
local ROWS_2 = M.ROWS_2
for _, b in ipairs(nb.schema.proactive.blocks) do
  for _, r in ipairs(b.rows) do ROWS_2[norm.key(r.label)] = true end
end

-- Whether the one cell of the row labelled at i is blank, its number left out ("行政强制"
-- alone on its line, then the next block's header): no number stands between the cells of
-- the row read before (up to from) and the label, nor after it up to the next row's label
-- or, when the table is closed (a heading follows it), to its end. A row of one cell has no
-- other column its number could be in: nothing is placed.
local function blank_one_cell(tokens, i, from, closed)
  for j = from, i - 1 do
    local k = tokens[j].kind
    if k ~= "label" and k ~= "empty" then return false end
  end
  for j = i + 1, #tokens do
    local t = tokens[j]
    if t.kind == "label" and ROWS_2[t.key] then return true end
    if t.kind ~= "label" and t.kind ~= "empty" then return false end
  end
  return closed == true
end

--- Table 二 (2021 format) from its tokens; closed: a heading follows the table (it is not cut
--- off at its end).
function M.proactive(tokens, notes, closed)
  local out, pos, found, blanks, missing, runs = {}, 1, 0, 0, {}, {}
  -- rows of one cell read blank as nothing stands for it (blank_one_cell), kept only when
  -- other rows' numbers were read: a table whose numbers are all missing (a picture, a copy
  -- without them) is not a table of blanks
  local empty_rows, numbers = {}, 0
  for _, block in ipairs(nb.schema.proactive.blocks) do
    for _, row in ipairs(block.rows) do
      local n = row.cells and #row.cells or 1
      local i = M.find(tokens, norm.key(row.label), pos)
      local got = i and M.take(tokens, i, n) or NOT_FOUND
      local values, last, blob, padded = got.values, got.last, got.blob, got.padded
      local wrong = check_units(got.units, function(c)
        return block.columns[c] or block.columns[1], row.amount and AMOUNT or COUNT
      end)
      for _, v in ipairs(values or {}) do if is_number(v) then numbers = numbers + 1 end end
      if i and n == 1 and #values == 0 and not blob and not got.illegible
          and blank_one_cell(tokens, i, pos, closed) then
        missing[#missing + 1] = row.label
        empty_rows[#empty_rows + 1] = { row = row, at = #missing }
        pos = i + 1
      elseif blob then
        unsplit(runs, row.label, blob)
        pos = last + 1
      elseif i and #values == n and not padded and wrong then
        missing[#missing + 1] = string.format("%s（%s）", row.label, wrong)
      elseif i and #values == n and not padded then
        found = found + 1
        pos = last + 1
        blanks = blanks + count_blanks(values)
        if row.cells then
          out[row.key] = {}
          for c, key in ipairs(row.cells) do out[row.key][key] = values[c] end
        else
          out[row.key] = values[1]
        end
      else
        missing[#missing + 1] = unread(row.label, values, n, padded, got.illegible)
      end
    end
  end
  if numbers >= 2 then
    for k = #empty_rows, 1, -1 do
      local e = empty_rows[k]
      table.remove(missing, e.at)
      out[e.row.key] = nb.BLANK
      found, blanks = found + 1, blanks + 1
    end
  end
  note_unsplit(notes, "二", runs)
  if found == 0 then return nil end
  note_unread(notes, "二", missing, blanks)
  M.extra_rows_2(tokens, out, notes)
  return out
end

local TOTAL_WORDS = { "合计", "小计", "总计" }

-- whether key is the end of a known label (a label broken over lines by a PDF)
local function is_known_suffix(k)
  for label in pairs(KNOWN) do
    if #label > #k and label:sub(-#k) == k then return true end
  end
  return false
end

--- Rows of table 二 that the official format does not have (some provinces add rows):
--- named in a note, as the data file has no cells for them; a 合计/小计 row is checked
--- against the rows of its block (T2.SUBTOTAL when they disagree).
function M.extra_rows_2(tokens, out, notes)
  local blocks = {}
  for _, b in ipairs(nb.schema.proactive.blocks) do blocks[norm.key(b.header)] = b end
  local block, extra, bad, rows = nil, {}, {}, {}
  for i, t in ipairs(tokens) do
    if t.kind == "label" and blocks[t.key] then
      block = blocks[t.key]
    elseif block and t.kind == "label" and not is_known_or_prefix(t.key) and not is_known_suffix(t.key)
      and tokens[i + 1] and tokens[i + 1].kind == "value" then
      local values = {}
      for j = i + 1, math.min(#tokens, i + 3) do
        if tokens[j].kind ~= "value" then break end
        values[#values + 1] = tokens[j].value
      end
      local shown = {}
      for k, v in ipairs(values) do shown[k] = nb.format_number(v) end
      extra[#extra + 1] = string.format("%s（%s，%s）", t.text, block.header, table.concat(shown, "、"))
      local is_total = false
      for _, w in ipairs(TOTAL_WORDS) do if t.key:find(w, 1, true) then is_total = true end end
      rows[#rows + 1] = { block = block, text = t.text, values = values, total = is_total }
    end
  end
  -- a 合计 row sums its block: the official rows and the added ones
  for _, r in ipairs(rows) do
    if r.total then
      local b = r.block
      local width = b.rows[1].cells and #b.rows[1].cells or 1
      for c = 1, math.min(width, #r.values) do
        local sum = 0
        for _, row in ipairs(b.rows) do
          local v = out[row.key]
          if row.cells then v = type(v) == "table" and v[row.cells[c]] or nil end
          sum = (is_number(v) and sum) and sum + v or nil
        end
        for _, other in ipairs(rows) do
          if other.block == b and not other.total then
            local v = other.values[c]
            sum = (is_number(v) and sum) and sum + v or nil
          end
        end
        if sum and is_number(r.values[c]) and sum ~= r.values[c] then
          bad[#bad + 1] = string.format("%s“%s”第 %d 列为 %s，各行之和为 %s", b.header, r.text, c,
            nb.format_number(r.values[c]), nb.format_number(sum))
        end
      end
    end
  end
  if #extra > 0 then
    note(notes, "IMPORT.VARIANT", "warning", "二", "表二有官方格式之外的行，数据文件中没有对应的单元格，未导入：%s",
      table.concat(extra, "；"))
  end
  if #bad > 0 then
    note(notes, "T2.SUBTOTAL", "error", "二", "表二的合计行与各行之和不一致：%s", table.concat(bad, "；"))
  end
end

-- The rows of table 二 in the 2019 trial format and their number of cells.
-- (host/schema.c; kept here as { label, cells } pairs)
M.ROWS_2019 = {}
for i, row in ipairs(nb.schema.proactive_2019.rows) do M.ROWS_2019[i] = { row.label, row.cells, block = row.block } end
local TRIAL_BLOCKS = nb.schema.proactive_2019.blocks
for _, spec in ipairs(M.ROWS_2019) do
  if not KNOWN[spec[1]] then M.LABELS[#M.LABELS + 1] = spec[1] end
  ROW_LABELS_2019[norm.key(spec[1])] = true
end

--- Table 二 in the 2019 trial format -> proactive_2019 (keyed by its own labels) or nil.
function M.proactive_2019(tokens, notes)
  local out, pos, any, missing, runs = {}, 1, false, {}, {}
  for _, spec in ipairs(M.ROWS_2019) do
    local i = M.find(tokens, norm.key(spec[1]), pos)
    -- the next row's label ends the row even when it is no label of the 2021 format
    -- (规范性文件, 政府集中采购): the cells read past it put a blank first cell last
    local got = i and M.take(tokens, i, spec[2], nil, ROW_LABELS_2019) or NOT_FOUND
    local values, last, blob, padded = got.values, got.last, got.blob, got.padded
    local wrong = check_units(got.units, function(c)
      local col = TRIAL_BLOCKS[spec.block].columns[c]
      return col.label, col.kind == "amount" and NO_UNIT or COUNT
    end)
    if blob then
      unsplit(runs, spec[1], blob)
      pos = last + 1
    elseif i and #values == spec[2] and not padded and wrong then
      missing[#missing + 1] = string.format("%s（%s）", spec[1], wrong)
    elseif i and #values == spec[2] and not padded then
      out[spec[1]] = values
      pos = last + 1
      any = true
    else
      missing[#missing + 1] = unread(spec[1], values, spec[2], padded, got.illegible)
    end
  end
  note_unsplit(notes, "二", runs)
  if not any then return nil end
  if #missing > 0 then
    note(notes, "SECTION.MISSING", "warning", "二", "2019 年试行格式表二未读到这些行：%s", table.concat(missing, "、"))
  end
  return out
end

-- Table 三 variants seen in the wild (docs/reviewing.md): a 小计 column for the five
-- legal-person columns (25 rows of 8 numbers), and subtotal rows for the groups
-- （三）–（六） (29 rows). Their extra numbers are checked against their parts and left out.
local LEGAL_FIRST, LEGAL_LAST = 2, 6

-- the place of a 小计 column among the cells of a row (2: before 商业企业, 7: after 其他),
-- from the header before the first row label; nil for the official table
local function subtotal_column(tokens, first_row)
  local at, commercial
  for i = 1, (first_row or #tokens + 1) - 1 do
    local t = tokens[i]
    if t.kind == "label" then
      if t.key == "小计" then at = at or i
      elseif t.key == "商业企业" then commercial = commercial or i end
    end
  end
  if not at then return nil end
  return (commercial and at < commercial) and LEGAL_FIRST or LEGAL_LAST + 1
end

-- the sum of values[a..b], or nil when one is blank
local function sum_of(values, a, b)
  local sum = 0
  for c = a, b do
    if not is_number(values[c]) then return nil end
    sum = sum + values[c]
  end
  return sum
end

-- The place of a 小计 column from the numbers, when the header does not name it (a PDF sets
-- "小计" in a narrow column one character a line: "小" / "计"): rows of eight numbers whose
-- extra one is the sum of the five legal-person columns and whose last is the sum of the six
-- applicant columns: at least three such rows, four in five of the rows of eight, and none
-- of seven; 7 (after 其他) when both places fit (rows of zeros).
local function subtotal_column_by_numbers(tokens, rows, ncols)
  local candidates = { LEGAL_LAST + 1, LEGAL_FIRST }
  local fit = { 0, 0 }
  local eight, seven, pos = 0, 0, 1
  for _, row in ipairs(rows) do
    local i = M.find(tokens, norm.key(row.label), pos)
    if i then
      local got = M.take(tokens, i, ncols + 1)
      local v = got.values or {}
      if got.blob or got.padded then return nil end
      if #v == ncols + 1 and sum_of(v, 1, ncols + 1) then
        eight = eight + 1
        for k, at in ipairs(candidates) do
          local w = { table.unpack(v) }
          local sub = table.remove(w, at)
          if sub == sum_of(w, LEGAL_FIRST, LEGAL_LAST) and w[ncols] == sum_of(w, 1, ncols - 1) then fit[k] = fit[k] + 1 end
        end
      elseif #v == ncols then
        seven = seven + 1
      end
      pos = got.last and got.last + 1 or pos
    end
  end
  if eight < 3 or seven > 0 then return nil end
  -- most rows, not all: a 小计 that disagrees with its parts is to be found, not to hide the column
  local best = fit[2] > fit[1] and 2 or 1
  if fit[best] >= 3 and fit[best] * 5 >= eight * 4 then return candidates[best] end
end

-- a row read with a 小计 column: the official 7 cells; a mismatch of 小计 and the five
-- columns it sums is added to bad
local function drop_subtotal(values, at, label, bad)
  local sub = table.remove(values, at)
  local sum = sum_of(values, LEGAL_FIRST, LEGAL_LAST)
  if is_number(sub) and sum and sub ~= sum then
    bad[#bad + 1] = string.format("%s 的“小计”为 %s，法人或其他组织五列之和为 %s", label,
      nb.format_number(sub), nb.format_number(sum))
  end
  return values
end

-- read_requests reads table 三 with rows of 7 cells, or of 6 when six (no 总计 column); it
-- returns the requests table or nil, and stats: rows whose label was found (labelled), and
-- those of them that had exactly one cell fewer than a row needs (short)
local function read_requests(tokens, notes, format, six)
  local s = nb.schema.requests
  local ncols = #s.columns
  local out, pos, found, blanks, missing, cut = {}, 1, 0, 0, {}, {}
  local runs, by_total = {}, {}
  local stats = { labelled = 0, short = 0 }
  local sub_at = not six and (subtotal_column(tokens, M.find(tokens, norm.key(s.rows[1].label), 1))
    or subtotal_column_by_numbers(tokens, s.rows, ncols)) or nil
  local width = six and ncols - 1 or ncols
  local nread = sub_at and width + 1 or width
  local bad = {}
  -- a row's 总计 is the sum of its six applicant columns (and 小计 of its five legal ones)
  local fits = not six and function(v)
    if sub_at then
      v = { table.unpack(v) }
      local sub = table.remove(v, sub_at)
      if sub ~= sum_of(v, LEGAL_FIRST, LEGAL_LAST) then return false end
    end
    local sum = 0
    for c = 1, ncols - 1 do sum = sum + v[c] end
    return sum == v[ncols]
  end or nil
  local function put(row, values)
    if row.group then
      out[row.group] = out[row.group] or {}
      out[row.group][row.member] = values
    else
      out[row.key] = values
    end
  end
  local single_other = false -- （六）其他处理 read as a single row: its label starts no subtotal
  local spans = {} -- the tokens each row (and subtotal row) was read from
  for _, row in ipairs(s.rows) do
    local i = M.find(tokens, norm.key(row.label), pos)
    -- the 2019 trial format has a single row （六）其他处理, kept as other.other
    if not i and row.key == "other.other" and not (out.other and next(out.other)) then
      i = M.find(tokens, norm.key(row.group_label), pos)
      -- that format has no rows 1. and 2. under （六）: they are not missing
      if i then
        for k = #missing, 1, -1 do
          if missing[k]:find("^[12]%.申请人") then table.remove(missing, k) end
        end
        if format ~= 2019 then
          -- rows 1. and 2. were not published: blank (never 0, never a number moved), so
          -- that table 三 still adds up
          local blank = {}
          for c = 1, ncols do blank[c] = nb.BLANK end
          out.other = out.other or {}
          out.other.no_correction, out.other.no_fee_payment = blank, blank
          single_other = true
          note(notes, "FORMAT.MIXED_TEMPLATE", "warning", "三",
            "表三用的是 2019 年试行格式的单行“（六）其他处理”，表格其他部分为 2021 年格式：该行数字已导入为“3.其他”（other.other），“1.”“2.”两行按空白导入")
        end
      end
    end
    if not i then
      local as_published
      i, as_published = M.find_similar(tokens, norm.key(row.label), pos)
      if i then
        note(notes, "IMPORT.LABEL_VARIANT", "warning", "三", "表三的行标签“%s”与格式中的“%s”不同，按所在位置和相似程度读作该行",
          as_published, row.label)
      end
    end
    local got = i and M.take(tokens, i, nread, fits) or NOT_FOUND
    local values, last, ended, blob, how, padded = got.values, got.last, got.ended, got.blob, got.how, got.padded
    -- every cell of table 三 is a count (with a 小计 column, its cells are one column on)
    local wrong = check_units(got.units, function(c)
      if sub_at and c == sub_at then return "小计", COUNT end
      local col = s.columns[(sub_at and c > sub_at) and c - 1 or c]
      return col and col.label or tostring(c), COUNT
    end)
    if i and last then spans[#spans + 1] = { i, last } end
    if i then
      stats.labelled = stats.labelled + 1
      if not blob and #values - (padded or 0) == nread - 1 then stats.short = stats.short + 1 end
    end
    if blob then
      unsplit(runs, row.label, blob)
      pos = last + 1
    elseif i and #values == nread and not padded and wrong then
      missing[#missing + 1] = string.format("%s（%s）", row.label, wrong)
    elseif i and #values == nread and not padded then
      if how == "total" then by_total[#by_total + 1] = row.label end
      if sub_at then drop_subtotal(values, sub_at, row.label, bad) end
      put(row, values)
      found = found + 1
      pos = last + 1
      blanks = blanks + count_blanks(values)
    elseif i and ended and not got.illegible then
      cut[#cut + 1] = row.label
    else
      missing[#missing + 1] = unread(row.label, values, nread, padded, got.illegible)
    end
  end
  note_unsplit(notes, "三", runs)
  note_by_total(notes, "三", by_total)
  if found == 0 then return nil, stats end
  local subtotal_rows = M.subtotal_rows(tokens, out, nread, sub_at, bad, single_other and "other", spans)
  M.note_variant(notes, sub_at, subtotal_rows, bad)
  M.note_stray_numbers(notes, "三", tokens, spans)
  if #cut > 0 then
    note(notes, "IMPORT.TRUNCATED", "error", "三", "表三这些行在文件结尾处被截断，未导入：%s", table.concat(cut, "、"))
  end
  note_unread(notes, "三", missing, blanks)
  return out, stats
end

-- whether the header of table 三 (the labels before its first row) names the applicant
-- columns, and whether it names 总计
local function header_columns(tokens)
  local first = M.find(tokens, norm.key(nb.schema.requests.rows[1].label), 1) or #tokens + 1
  local applicants, total = false, false
  for i = 1, first - 1 do
    local t = tokens[i]
    if t.kind == "label" then
      -- 总计, 合计, or 总 over 计 (a narrow PDF column stacks the two characters)
      if t.key:find("总计", 1, true) or t.key:find("合计", 1, true)
          or (t.key == "总" and tokens[i + 1] and tokens[i + 1].key == "计") then
        total = true
      end
      if t.key:find("自然人", 1, true) or t.key:find("商业企业", 1, true) then applicants = true end
    end
  end
  return applicants, total
end

-- Rows at least this many of which have one cell fewer than the table's columns tell a layout
-- (a column left out or empty everywhere) rather than a row that lost a cell.
local SHORT_ROWS_MIN = 3

-- Whether rows of 6 numbers read as the six applicant columns look like five of them and a
-- 总计 instead (the sixth the sum of the other five in most rows that have numbers): one
-- column was then empty everywhere, and the header's 总计 was missed (written otherwise).
local function looks_totalled(requests)
  local summed, nonzero = 0, 0
  for _, row in ipairs(nb.schema.requests.rows) do
    local v = requests[row.key]
    if row.group then v = requests[row.group] and requests[row.group][row.member] end
    if type(v) == "table" and #v >= 6 then
      local five, ok = 0, true
      for c = 1, 5 do
        if math.type(v[c]) ~= "integer" then ok = false break end
        five = five + v[c]
      end
      if ok and math.type(v[6]) == "integer" and v[6] > 0 then
        nonzero = nonzero + 1
        if v[6] == five then summed = summed + 1 end
      end
    end
  end
  return summed >= 2 and summed * 2 >= nonzero
end

--- Table 三 -> requests table (rows keyed as in the data file) or nil. format: the format
--- of the other tables (2021 or 2019), to tell a 2021 table that kept the 2019 row.
--- A table whose every row has 6 numbers is read as the six applicant columns when its
--- header has no 总计 (FORMAT.md §2: 总计 is then derived); when the header has 总计, one
--- column is empty in every row and, its cells not marked, which one cannot be told: the
--- table is left out with a note that says so, rather than a number put in the wrong column.
function M.requests(tokens, notes, format)
  local own = {}
  local out, stats = read_requests(tokens, own, format, false)
  if not out and stats.short >= SHORT_ROWS_MIN and stats.short == stats.labelled then
    local applicants, total = header_columns(tokens)
    local why = total and "表头有“总计”列，可见有一列在每一行都空着" or "有一列在每一行都空着或被省略"
    if applicants and not total then
      local mine = {}
      out = read_requests(tokens, mine, format, true)
      if out and looks_totalled(out) then -- a column empty in every row, 总计 written otherwise
        out, why = nil, "各行第 6 个数多为前 5 个数之和，像是“总计”列，可见有一列在每一行都空着"
      end
      if out then
        for _, n in ipairs(mine) do notes[#notes + 1] = n end
        note(notes, "IMPORT.VARIANT", "warning", "三",
          "表三没有“总计”列（表头无“总计”，每行 6 个数）：已按六类申请人导入，各行总计由数据文件按各列之和得出")
        return out
      end
    end
    note(notes, "SECTION.MISSING", "error", "三",
      "表三的 %d 行每行都只读到 %d 个数（应为 %d 个）：%s；单元格只以空格分隔（或每格一行），空着的是哪一列无法确定，为不把数字放错列，表三未导入。请在原文的空白单元格处填“/”或“0”（或用制表符、竖线分隔各列）后重新导入",
      stats.short, #nb.schema.requests.columns - 1, #nb.schema.requests.columns, why)
    return nil
  end
  for _, n in ipairs(own) do notes[#notes + 1] = n end
  if out then return M.applicant_order(tokens, out, notes) end
  return out
end

-- the applicant columns a header names without doubt (其他 and 总计 name rows too)
local APPLICANTS = { "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构" }

--- Table 三 whose header names the applicant columns in another order than the official one
--- ("科研机构" before "商业企业"): the numbers stand under their headers, so they are moved
--- to their columns when the header is a table's (HTML, Word: its cells are certain), and
--- the table is left out with a note when it is text (a PDF's header may be broken apart).
function M.applicant_order(tokens, out, notes)
  local first = M.find(tokens, norm.key(nb.schema.requests.rows[1].label), 1) or #tokens + 1
  local at, definite = {}, true
  for i = 1, first - 1 do
    local t = tokens[i]
    if t.kind == "label" then
      for c, label in ipairs(APPLICANTS) do
        if t.key == label and not at[c] then at[c] = i definite = definite and t.row ~= nil end
      end
    end
  end
  local found = {}
  for c = 1, #APPLICANTS do if at[c] then found[#found + 1] = c end end
  local by_place = { table.unpack(found) }
  table.sort(by_place, function(a, b) return at[a] < at[b] end)
  local moved = false
  for k = 1, #found do moved = moved or by_place[k] ~= found[k] end
  if not moved then return out end
  local names = {}
  for k, c in ipairs(by_place) do names[k] = APPLICANTS[c] end
  if not definite then
    note(notes, "SECTION.MISSING", "error", "三",
      "表三表头的申请人列顺序与官方格式不同（%s），各数字属于哪一列无法确定，表三未导入", table.concat(names, "、"))
    return nil
  end
  -- the column read in place found[k] is the applicant by_place[k]
  local function move(v)
    if type(v) ~= "table" then return end
    if #v == #nb.schema.requests.columns then
      local old = { table.unpack(v) }
      for k = 1, #found do v[by_place[k]] = old[found[k]] end
      return
    end
    for _, x in pairs(v) do move(x) end
  end
  move(out)
  note(notes, "IMPORT.VARIANT", "warning", "三",
    "表三表头的申请人列顺序与官方格式不同（%s）：已按表头的列名把数字放入各列", table.concat(names, "、"))
  return out
end

--- Subtotal rows of the groups （三）–（六）: the numbers after a group's own label (a
--- row "（三）不予公开 | 小计 | …" before its members), compared with the sum of its
--- members, column by column (not the group `skip`). Returns the group labels that had one.
function M.subtotal_rows(tokens, out, nread, sub_at, bad, skip, spans)
  local s = nb.schema.requests
  local groups, order = {}, {}
  for _, row in ipairs(s.rows) do
    if row.group and not groups[row.group] then
      groups[row.group] = { label = row.group_label, members = {} }
      order[#order + 1] = row.group
    end
    if row.group then table.insert(groups[row.group].members, row.member) end
  end
  local seen = {}
  for _, key in ipairs(order) do
    local g = groups[key]
    local rows = out[key]
    local complete = type(rows) == "table" and key ~= skip
    for _, m in ipairs(g.members) do complete = complete and rows[m] ~= nil end
    -- the 2019 trial format's single row （六）其他处理 is no subtotal: its members are absent
    local i = complete and M.find(tokens, norm.key(g.label), 1)
    local got = i and M.take(tokens, i, nread) or NOT_FOUND
    local values, blob, padded = got.values, got.blob, got.padded
    if i and not blob and #values == nread and not padded then
      seen[#seen + 1] = g.label
      if spans then spans[#spans + 1] = { i, got.last } end
      if sub_at then drop_subtotal(values, sub_at, g.label .. "小计行", bad) end
      for c, col in ipairs(s.columns) do
        local sum = 0
        for _, m in ipairs(g.members) do
          local v = rows[m][c]
          sum = is_number(v) and sum and sum + v or nil
        end
        if is_number(values[c]) and sum and values[c] ~= sum then
          bad[#bad + 1] = string.format("%s小计行的“%s”为 %s，各项之和为 %s", g.label, col.label,
            nb.format_number(values[c]), nb.format_number(sum))
        end
      end
    end
  end
  return seen
end

--- Numbers inside a table that no row took (a row the format does not have, or one whose
--- label was not recognised) are named with the text before them, never dropped silently.
function M.note_stray_numbers(notes, section, tokens, spans)
  if #spans == 0 then return end
  local lo, hi = math.huge, 0
  for _, sp in ipairs(spans) do lo, hi = math.min(lo, sp[1]), math.max(hi, sp[2]) end
  local taken = {}
  for _, sp in ipairs(spans) do for k = sp[1], sp[2] do taken[k] = true end end
  local groups, current, label = {}, nil, nil
  for k = lo, hi do
    local t = tokens[k]
    if t.kind == "label" then
      label, current = t.text, nil
    elseif not taken[k] and (t.kind == "value" or t.kind == "blob") then
      if not current then
        current = { label = label, values = {} }
        groups[#groups + 1] = current
      end
      current.values[#current.values + 1] = t.text
    elseif taken[k] then
      current = nil
    end
  end
  if #groups == 0 then return end
  local parts = {}
  for _, g in ipairs(groups) do
    parts[#parts + 1] = string.format("%s%s", g.label and ("“" .. norm.head(g.label, 20) .. "”后的 ") or "",
      table.concat(g.values, "、"))
  end
  note(notes, "IMPORT.UNREAD", "warning", section, "表%s中这些数字不属于格式中的任何一行，未导入：%s",
    section, table.concat(parts, "；"))
end

--- The note naming the variant of table 三 that was read, and the one listing where its
--- extra cells disagree with their parts.
function M.note_variant(notes, sub_at, subtotal_rows, bad)
  local parts = {}
  if sub_at then parts[#parts + 1] = "法人或其他组织有“小计”列（25 行 × 8 列）" end
  if #subtotal_rows > 0 then
    parts[#parts + 1] = string.format("有分组小计行（%s，共 %d 行）", table.concat(subtotal_rows, "、"), 25 + #subtotal_rows)
  end
  if #parts > 0 then
    note(notes, "IMPORT.VARIANT", "warning", "三", "表三是常见变体：%s；已按官方格式的单元格导入，小计已与各项核对",
      table.concat(parts, "，"))
  end
  if #bad > 0 then
    note(notes, "T3.SUBTOTAL", "error", "三", "表三的小计与各项之和不一致：%s", table.concat(bad, "；"))
  end
end

--- Table 四 -> appeals table or nil: the 15 numbers after the header, that is after the
--- last label before the first number (text after the numbers, a "注：…" note, a "单位：件"
--- line or the narrative of 五 when its heading was not found, is not the header).
function M.appeals(tokens, notes)
  local s = nb.schema.appeals
  -- the table starts at its header 行政复议 (the tokens may run on from table 三 when the
  -- heading 四 was not found)
  local start
  for i, t in ipairs(tokens) do
    if t.kind == "label" and t.key:sub(1, #"行政复议") == "行政复议" then start = i break end
  end
  if not start then return nil end
  local last_label
  for i = start, #tokens do
    local kind = tokens[i].kind
    if kind == "value" or kind == "blob" or kind == "illegible" then break end
    if kind == "label" then last_label = i end
  end
  local n = #s.groups * #s.columns
  local width = #s.columns
  -- in each group the last column (总计) is the sum of the others
  local function fits(v)
    for g = 0, n - 1, width do
      local sum = 0
      for c = 1, width - 1 do sum = sum + v[g + c] end
      if sum ~= v[g + width] then return false end
    end
    return true
  end
  local got = M.take(tokens, last_label, n, fits)
  -- Empty cells between the header and the numbers: blank cells of the table, or a layout's
  -- column left empty in every row (an empty first column, a corner cell under the header)
  -- that would shift every number one column on. Each count of them skipped is tried: the
  -- one whose groups' totals hold (a group with a blank is not checked) in the most groups,
  -- none failing, is the table; on a tie the fewest are skipped.
  local function holding(g)
    if g.blob or #g.values ~= n or g.padded or g.illegible then return nil end
    local count = 0
    for at = 0, n - 1, width do
      local sum, complete = 0, true
      for c = 1, width - 1 do
        local v = g.values[at + c]
        if is_number(v) then sum = sum + v else complete = false end
      end
      local total = g.values[at + width]
      if complete and is_number(total) then
        if sum ~= total then return nil end
        count = count + 1
      end
    end
    return count
  end
  local best = holding(got) or -1
  local lead = last_label
  while tokens[lead + 1] and tokens[lead + 1].kind == "empty" do
    lead = lead + 1
    local after = M.take(tokens, lead, n, fits)
    local h = holding(after)
    if h and h > best then got, best = after, h end
  end
  local values, blob, how, padded = got.values, got.blob, got.how, got.padded
  if blob then
    note_unsplit(notes, "四", { string.format("行政复议、行政诉讼（“%s”：%s）", blob.raw, blob.why) })
    return nil
  end
  if got.illegible then
    local reason = M.illegible_reason(got.illegible)
    if reason:find("^数字无法辨认") and not reason:find("；", 1, true) then
      note(notes, "SECTION.MISSING", "error", "四", "表四的数字无法辨认：“%s”（可能在单元格内折行），未导入",
        table.concat(got.illegible, "”“"))
    else
      note(notes, "SECTION.MISSING", "error", "四", "表四的数字未导入：%s", reason)
    end
    return nil
  end
  if how == "total" then note_by_total(notes, "四", { "行政复议、行政诉讼" }) end
  -- empty cells taken before the first number (a header's empty fields, or blank cells) and
  -- a group's total that then fails: the numbers were moved on by those cells (a row of tabs
  -- that lost its last fields), not certain
  if #values == n and not padded and got.lead and not holding(got) then
    note(notes, "SECTION.MISSING", "error", "四",
      "表四的数字前有 %d 个空单元格，它们是空白单元格还是表头的空位无法确定（当作空白单元格时，有一组的总计不等于各项之和），未导入",
      got.lead)
    return nil
  end
  if #values ~= n or padded then
    if #values > 0 then
      note(notes, "SECTION.MISSING", "error", "四", "表四读到 %d 个数，应为 %d 个，未导入", #values - (padded or 0), n)
    end
    return nil
  end
  -- its 15 cells are counts, read as one row: a cell in another unit leaves the table out
  local wrong = check_units(got.units, function(c)
    local g, col = s.groups[(c - 1) // width + 1], s.columns[(c - 1) % width + 1]
    local name = g.key == "review" and s.review or (s.litigation .. " " .. g.label)
    return name .. " " .. col.label, COUNT
  end)
  if wrong then
    note(notes, "SECTION.MISSING", "error", "四", "表四有单元格的单位不对，未导入：%s", wrong)
    return nil
  end
  -- the litigation groups in the order the table names them: a header (or row labels) with
  -- 复议后起诉 before 未经复议直接起诉 has its numbers in that order, not the schema's
  local function label_at(text)
    for i = start, #tokens do
      local t = tokens[i]
      if t.kind == "label" and t.key:find(text, 1, true) then return i end
    end
  end
  local direct, after = label_at("直接起诉"), label_at("复议后起诉")
  local groups = s.groups
  if direct and after and after < direct then
    groups = { s.groups[1], s.groups[3], s.groups[2] }
    note(notes, "IMPORT.VARIANT", "warning", "四",
      "表四的“复议后起诉”列在“未经复议直接起诉”之前；已按表头的列名导入")
  end
  local out, k = {}, 0
  for _, g in ipairs(groups) do
    out[g.key] = {}
    for _, c in ipairs(s.columns) do
      k = k + 1
      out[g.key][c.key] = values[k]
    end
  end
  note_unread(notes, "四", {}, count_blanks(values))
  return out
end

return M
