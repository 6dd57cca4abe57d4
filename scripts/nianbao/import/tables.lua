-- Reading the three tables from the items of their sections, by the schema's labels and
-- by position, never by line numbers: each row label is looked up in order, and the
-- numbers after it are its cells. What cannot be read is left out and reported, so that a
-- layout never seen before gives a precise list of what is missing rather than wrong numbers.
local nb = require "nianbao"
local norm = require "nianbao.import.normalize"

local M = {}

--- Tokens of a list of items: every cell (a para is one cell) with its key and kind:
--- "value" (a number or a blank placeholder), "empty" or "label".
function M.tokens(items)
  local out = {}
  local function add(text, definite)
    local k = norm.key(text)
    local v = norm.value(k)
    local kind = k == "" and "empty" or (v ~= nil and "value" or "label")
    out[#out + 1] = { text = text, key = k, kind = kind, value = v, definite = definite }
  end
  for _, item in ipairs(items) do
    if item.kind == "row" then
      for _, c in ipairs(item.cells) do add(c.text, c.definite) end
    else
      add(item.text, false)
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

local function is_known_or_prefix(k)
  if KNOWN[k] then return true end
  if norm.len(k) >= 4 then
    for label in pairs(KNOWN) do
      if label:sub(1, #k) == k then return true end
    end
  end
  return false
end

--- Whether token key k stands for label key want: equal, or the start of it (a label
--- broken over lines by a PDF) when at least 4 characters long.
local function matches(k, want)
  return k == want or (norm.len(k) >= 4 and #k < #want and want:sub(1, #k) == k)
end

--- Find the token for label key want at or after position from; returns its index.
function M.find(tokens, want, from)
  for i = from or 1, #tokens do
    local t = tokens[i]
    if t.kind == "label" and matches(t.key, want) then return i end
  end
end

--- The n cells after the label at index i. Returns values (a list of numbers and
--- nb.BLANK, possibly shorter than n), the index of the last token read, and whether the
--- tokens ran out (the table may be cut off).
function M.take(tokens, i, n)
  local seq, j, ended = {}, i + 1, false
  local definite = 0
  while j <= #tokens and j <= i + 4 * n + 8 do
    local t = tokens[j]
    if t.kind == "label" then
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
  while last - first + 1 < n do
    if first > 1 then first = first - 1
    elseif last < #seq then last = last + 1
    else break end
  end
  local out = {}
  for k = first, math.min(last, first + n - 1) do out[#out + 1] = seq[k].value end
  return out, seq[math.min(last, first + n - 1)].at, ended
end

local function count_blanks(list, acc)
  for _, v in ipairs(list) do if v == nb.BLANK then acc.n = acc.n + 1 end end
end

local function note(notes, id, severity, section, fmt, ...)
  notes[#notes + 1] = { id = id, severity = severity, section = section, message = string.format(fmt, ...) }
end

local OLD_MARKS = { "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
  "其他对外管理服务事项", "政府集中采购", "采购项目数量" }

--- Whether the tokens of table 二 are in the 2019 trial format.
function M.is_2019(tokens)
  for _, t in ipairs(tokens) do
    for _, m in ipairs(OLD_MARKS) do
      if t.key:find(m, 1, true) then return true end
    end
    if t.key == "规范性文件" then return true end
  end
  return false
end

--- Table 二 (2021 format) -> proactive table or nil.
function M.proactive(tokens, notes)
  local out, pos, found, blanks, missing = {}, 1, 0, { n = 0 }, {}
  for _, block in ipairs(nb.schema.proactive.blocks) do
    for _, row in ipairs(block.rows) do
      local n = row.cells and #row.cells or 1
      local i = M.find(tokens, norm.key(row.label), pos)
      local values, last, ended
      if i then values, last, ended = M.take(tokens, i, n) end
      if i and #values == n and not (ended and #values < n) then
        found = found + 1
        pos = last + 1
        count_blanks(values, blanks)
        if row.cells then
          out[row.key] = {}
          for c, key in ipairs(row.cells) do out[row.key][key] = values[c] end
        else
          out[row.key] = values[1]
        end
      else
        missing[#missing + 1] = row.label
      end
    end
  end
  if found == 0 then return nil end
  if #missing > 0 then
    note(notes, "SECTION.MISSING", "error", "二", "表二未读到这些行：%s", table.concat(missing, "、"))
  end
  if blanks.n > 0 then
    note(notes, "VALUE.BLANK", "warning", "二", "表二有 %d 个空白单元格，按空白导入（不是 0）", blanks.n)
  end
  return out
end

-- The rows of table 二 in the 2019 trial format and their number of cells.
M.ROWS_2019 = {
  { "规章", 3 }, { "规范性文件", 3 }, { "行政许可", 3 }, { "其他对外管理服务事项", 3 },
  { "行政处罚", 3 }, { "行政强制", 3 }, { "行政事业性收费", 2 }, { "政府集中采购", 2 },
}

--- Table 二 in the 2019 trial format -> proactive_2019 (keyed by its own labels) or nil.
function M.proactive_2019(tokens, notes)
  local out, pos, any, missing = {}, 1, false, {}
  for _, spec in ipairs(M.ROWS_2019) do
    local i = M.find(tokens, norm.key(spec[1]), pos)
    local values, last
    if i then values, last = M.take(tokens, i, spec[2]) end
    if i and #values > 0 then
      out[spec[1]] = values
      pos = last + 1
      any = true
    else
      missing[#missing + 1] = spec[1]
    end
  end
  if not any then return nil end
  if #missing > 0 then
    note(notes, "SECTION.MISSING", "warning", "二", "2019 年试行格式表二未读到这些行：%s", table.concat(missing, "、"))
  end
  return out
end

--- Table 三 -> requests table (rows keyed as in the data file) or nil.
function M.requests(tokens, notes)
  local s = nb.schema.requests
  local ncols = #s.columns
  local out, pos, found, blanks, missing, cut = {}, 1, 0, { n = 0 }, {}, {}
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
    end
    local values, last, ended
    if i then values, last, ended = M.take(tokens, i, ncols) end
    if i and (#values == ncols or (#values == ncols - 1 and not ended)) then
      put(row, values)
      found = found + 1
      pos = last + 1
      count_blanks(values, blanks)
    elseif i and ended then
      cut[#cut + 1] = row.label
    else
      missing[#missing + 1] = row.label
    end
  end
  if found == 0 then return nil end
  if #cut > 0 then
    note(notes, "IMPORT.TRUNCATED", "error", "三", "表三这些行在文件结尾处被截断，未导入：%s", table.concat(cut, "、"))
  end
  if #missing > 0 then
    note(notes, "SECTION.MISSING", "error", "三", "表三未读到这些行：%s", table.concat(missing, "、"))
  end
  if blanks.n > 0 then
    note(notes, "VALUE.BLANK", "warning", "三", "表三有 %d 个空白单元格，按空白导入（不是 0）", blanks.n)
  end
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
  local values = M.take(tokens, last_label, n)
  if #values ~= n then
    if #values > 0 then
      note(notes, "SECTION.MISSING", "error", "四", "表四读到 %d 个数，应为 %d 个，未导入", #values, n)
    end
    return nil
  end
  local out, k, blanks = {}, 0, { n = 0 }
  for _, g in ipairs(s.groups) do
    out[g.key] = {}
    for _, c in ipairs(s.columns) do
      k = k + 1
      out[g.key][c.key] = values[k]
    end
  end
  count_blanks(values, blanks)
  if blanks.n > 0 then
    note(notes, "VALUE.BLANK", "warning", "四", "表四有 %d 个空白单元格，按空白导入（不是 0）", blanks.n)
  end
  return out
end

return M
