-- Reading the three tables from the items of their sections, by the schema's labels and
-- by position, never by line numbers: each row label is looked up in order, and the
-- numbers after it are its cells. What cannot be read is left out and reported, so that a
-- layout never seen before gives a precise list of what is missing rather than wrong numbers.
local nb = require "nianbao"
local norm = require "nianbao.import.normalize"
local runon = require "nianbao.import.runon"

local M = {}

--- Tokens of a list of items: every cell (a para is one cell) with its key and kind:
--- "value" (a number or a blank placeholder), "empty" or "label".
--- A para of run-on table text ("规章007规范性文件…") gives its labels and "blob" tokens:
--- number runs whose split into cells is left to take().
function M.tokens(items)
  local out, keys = {}, {} -- keys: norm.key of each distinct text, computed once
  local function add(text, definite)
    local k = keys[text] or norm.key(text)
    keys[text] = k
    local v = norm.value(k)
    local kind = k == "" and "empty" or (v ~= nil and "value" or "label")
    out[#out + 1] = { text = text, key = k, kind = kind, value = v, definite = definite }
  end
  for _, item in ipairs(items) do
    if item.kind == "row" then
      for _, c in ipairs(item.cells) do add(c.text, c.definite) end
    else
      local cells = runon.cells(item.text, M.LABELS)
      if cells then
        for _, c in ipairs(cells) do
          if c.blob then
            out[#out + 1] = { text = c.text, key = c.text, kind = "blob" }
          else
            add(c.text, false)
          end
        end
      else
        add(item.text, false)
      end
    end
  end
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

-- The row labels (keys) that may end a run of header text in run-on tables, both formats.
M.LABELS = {}
for k in pairs(KNOWN) do M.LABELS[#M.LABELS + 1] = k end

local function is_known_or_prefix(k)
  if KNOWN[k] then return true end
  if norm.len(k) >= 4 then
    for label in pairs(KNOWN) do
      if label:sub(1, #k) == k then return true end
    end
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
    if chars >= 4 then consider(want:sub(1, p - 1)) end
    chars = chars + 1
  end
  consider(want)
  return best
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
      local most = math.max(2, #w // 4)
      if t.key:sub(1, #mark) == mark and #t.key > #mark and math.abs(#t.key - #want) <= 4 * most then
        local k = chars(t.key)
        if distance(w, k) <= most then return i, t.text end
      end
    end
  end
end

--- The n cells after the label at index i. Returns values (a list of numbers and
--- nb.BLANK, possibly shorter than n), the index of the last token read, and whether the
--- tokens ran out (the table may be cut off).
--- A run-on number blob right after the label is split by runon.split (fits: the row's
--- arithmetic); then the 4th result is { raw = ..., why = ... } when it could not be split,
--- and the 5th is "total" when the row's arithmetic chose the split.
function M.take(tokens, i, n, fits)
  local blob = tokens[i + 1]
  if blob and blob.kind == "blob" then
    local values, how = runon.split(blob.text, n, fits)
    if values then return values, i + 1, false, nil, how end
    return {}, i + 1, false, { raw = blob.text, why = how }
  end
  local seq, j, ended = {}, i + 1, false
  local definite = 0
  while j <= #tokens and j <= i + 4 * n + 8 do
    local t = tokens[j]
    if t.kind == "blob" then break -- run-on numbers belong to the label before them
    elseif t.kind == "label" then
      if is_known_or_prefix(t.key) or norm.numbered(t.key) then ended = false break end
      -- a fragment of a label broken over lines, or a page footer: skip it
    elseif t.kind == "value" or t.definite then
      seq[#seq + 1] = { value = t.kind == "value" and t.value or nb.BLANK, sure = true, at = j }
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
  local sure_last = last
  while last - first + 1 < n do
    if first > 1 then first = first - 1
    elseif last < #seq then last = last + 1
    else break end
  end
  local out = {}
  for k = first, math.min(last, first + n - 1) do out[#out + 1] = seq[k].value end
  -- padded: empty cells taken after the last sure one. Those are a guess at the columns (a
  -- row that lost a cell, then a trailing tab or pipe, would move its 总计 into 其他);
  -- empty cells between the label and the first number are written cells
  local padded = math.min(last, first + n - 1) - sure_last
  return out, seq[math.min(last, first + n - 1)].at, ended, nil, nil, padded > 0 and padded or nil
end

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
local function unread(label, values, n, padded)
  local read = values and #values - (padded or 0) or 0
  if read > 0 and read ~= n then
    return string.format("%s（读到 %d 个数，应为 %d 个）", label, read, n)
  end
  return label
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

--- Table 二 (2021 format) -> proactive table or nil.
function M.proactive(tokens, notes)
  local out, pos, found, blanks, missing, runs = {}, 1, 0, 0, {}, {}
  for _, block in ipairs(nb.schema.proactive.blocks) do
    for _, row in ipairs(block.rows) do
      local n = row.cells and #row.cells or 1
      local i = M.find(tokens, norm.key(row.label), pos)
      local values, last, ended, blob, padded
      if i then values, last, ended, blob, _, padded = M.take(tokens, i, n) end
      if blob then
        unsplit(runs, row.label, blob)
        pos = last + 1
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
        missing[#missing + 1] = unread(row.label, values, n, padded)
      end
    end
  end
  note_unsplit(notes, "二", runs)
  if found == 0 then return nil end
  note_unread(notes, "二", missing, blanks)
  return out
end

-- The rows of table 二 in the 2019 trial format and their number of cells.
M.ROWS_2019 = {
  { "规章", 3 }, { "规范性文件", 3 }, { "行政许可", 3 }, { "其他对外管理服务事项", 3 },
  { "行政处罚", 3 }, { "行政强制", 3 }, { "行政事业性收费", 2 }, { "政府集中采购", 2 },
}
for _, spec in ipairs(M.ROWS_2019) do
  if not KNOWN[spec[1]] then M.LABELS[#M.LABELS + 1] = spec[1] end
end

--- Table 二 in the 2019 trial format -> proactive_2019 (keyed by its own labels) or nil.
function M.proactive_2019(tokens, notes)
  local out, pos, any, missing, runs = {}, 1, false, {}, {}
  for _, spec in ipairs(M.ROWS_2019) do
    local i = M.find(tokens, norm.key(spec[1]), pos)
    local values, last, _, blob, padded
    if i then values, last, _, blob, _, padded = M.take(tokens, i, spec[2]) end
    if blob then
      unsplit(runs, spec[1], blob)
      pos = last + 1
    elseif i and #values == spec[2] and not padded then
      out[spec[1]] = values
      pos = last + 1
      any = true
    else
      missing[#missing + 1] = unread(spec[1], values, spec[2], padded)
    end
  end
  note_unsplit(notes, "二", runs)
  if not any then return nil end
  if #missing > 0 then
    note(notes, "SECTION.MISSING", "warning", "二", "2019 年试行格式表二未读到这些行：%s", table.concat(missing, "、"))
  end
  return out
end

--- Table 三 -> requests table (rows keyed as in the data file) or nil. format: the format
--- of the other tables (2021 or 2019), to tell a 2021 table that kept the 2019 row.
function M.requests(tokens, notes, format)
  local s = nb.schema.requests
  local ncols = #s.columns
  local out, pos, found, blanks, missing, cut = {}, 1, 0, 0, {}, {}
  local runs, by_total = {}, {}
  -- a row's 总计 is the sum of its six applicant columns
  local function fits(v)
    local sum = 0
    for c = 1, ncols - 1 do sum = sum + v[c] end
    return sum == v[ncols]
  end
  local function put(row, values)
    if row.group then
      out[row.group] = out[row.group] or {}
      out[row.group][row.member] = values
    else
      out[row.key] = values
    end
  end
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
    local values, last, ended, blob, how, padded
    if i then values, last, ended, blob, how, padded = M.take(tokens, i, ncols, fits) end
    if blob then
      unsplit(runs, row.label, blob)
      pos = last + 1
    elseif i and #values == ncols and not padded then
      if how == "total" then by_total[#by_total + 1] = row.label end
      put(row, values)
      found = found + 1
      pos = last + 1
      blanks = blanks + count_blanks(values)
    elseif i and ended then
      cut[#cut + 1] = row.label
    else
      missing[#missing + 1] = unread(row.label, values, ncols, padded)
    end
  end
  note_unsplit(notes, "三", runs)
  note_by_total(notes, "三", by_total)
  if found == 0 then return nil end
  if #cut > 0 then
    note(notes, "IMPORT.TRUNCATED", "error", "三", "表三这些行在文件结尾处被截断，未导入：%s", table.concat(cut, "、"))
  end
  note_unread(notes, "三", missing, blanks)
  return out
end

--- Table 四 -> appeals table or nil: the 15 numbers after the last header label.
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
  for i = start, #tokens do if tokens[i].kind == "label" then last_label = i end end
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
  local values, _, _, blob, how, padded = M.take(tokens, last_label, n, fits)
  if blob then
    note_unsplit(notes, "四", { string.format("行政复议、行政诉讼（“%s”：%s）", blob.raw, blob.why) })
    return nil
  end
  if how == "total" then note_by_total(notes, "四", { "行政复议、行政诉讼" }) end
  if #values ~= n or padded then
    if #values > 0 then
      note(notes, "SECTION.MISSING", "error", "四", "表四读到 %d 个数，应为 %d 个，未导入", #values - (padded or 0), n)
    end
    return nil
  end
  local out, k = {}, 0
  for _, g in ipairs(s.groups) do
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
