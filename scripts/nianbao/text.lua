-- Text of the Chinese narrative, shared by rules, the importer, profiles and renderers:
-- Chinese numerals both ways, the normalized form that rules match against, its sentences
-- and clauses (the one Lua entry point for splitting, so that a faster index can sit
-- underneath), the numbers of a text and its paragraphs. Requires only the C module.
local nb = require "nianbao"

local M = {}

---------------------------------------------------------------------------
-- Chinese numerals

local DIGITS = { [0] = "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" }

--- Chinese numerals for heading numbers: 1 -> 一, 10 -> 十, 11 -> 十一, 21 -> 二十一, 100 -> 一百.
function M.numeral(n)
  local i = math.tointeger(n)
  if not (i and i >= 0 and i < 100000000) then -- level 2: the message names the caller's file:line
    error(string.format("nb.numeral：需要 0 至 99999999 的整数，实际为 %s", tostring(n)), 2)
  end
  n = i
  if n >= 10000 then -- a data file may have more than 9,999 subsections: 一万〇一
    local high, low = n // 10000, n % 10000
    if low == 0 then return M.numeral(high) .. "万" end
    return M.numeral(high) .. "万" .. (low < 1000 and "〇" or "") ..
      ((low >= 10 and low < 20) and "一" or "") .. M.numeral(low)
  end
  if n < 10 then return DIGITS[n] end
  if n < 20 then return "十" .. (n % 10 > 0 and DIGITS[n % 10] or "") end
  if n < 100 then
    return DIGITS[n // 10] .. "十" .. (n % 10 > 0 and DIGITS[n % 10] or "")
  end
  local units = { { 1000, "千" }, { 100, "百" }, { 10, "十" } }
  local out, zero = {}, false
  for _, u in ipairs(units) do
    local d = (n // u[1]) % 10
    if d > 0 then
      if zero then out[#out + 1] = "〇" end
      out[#out + 1] = DIGITS[d] .. u[2]
      zero = false
    elseif #out > 0 then
      zero = true
    end
  end
  if n % 10 > 0 then
    if zero then out[#out + 1] = "〇" end
    out[#out + 1] = DIGITS[n % 10]
  end
  return table.concat(out)
end

local NUMERAL_CHARS = { ["一"] = true, ["二"] = true, ["三"] = true, ["四"] = true, ["五"] = true,
                        ["六"] = true, ["七"] = true, ["八"] = true, ["九"] = true, ["十"] = true }

--- Whether s is a Chinese numeral of 一…十 characters ("三", "十二"). Lua's character classes
--- are byte-wise, so the characters are compared one by one.
function M.is_numeral(s)
  if s == "" or not utf8.len(s) then return false end
  for _, cp in utf8.codes(s) do
    if not NUMERAL_CHARS[utf8.char(cp)] then return false end
  end
  return true
end

---------------------------------------------------------------------------
-- Narrative prepared for matching (rules, the importer's fee sentence). Narrative is
-- matched after M.normalize: NFKC (full-width digits and punctuation become half-width), no white
-- space ("3119 件" and "2024 年" as published by PDF converters), no thousands
-- separators, Chinese numerals before a counter written in digits ("两件" -> "2件"), and
-- years in Chinese numerals too ("二〇二三年" -> "2023年").

local CN_DIGITS = { ["零"] = 0, ["〇"] = 0, ["一"] = 1, ["二"] = 2, ["两"] = 2, ["三"] = 3, ["四"] = 4,
  ["五"] = 5, ["六"] = 6, ["七"] = 7, ["八"] = 8, ["九"] = 9 }
local CN_UNITS = { ["十"] = 10, ["百"] = 100, ["千"] = 1000, ["万"] = 10000 }
local COUNTERS = { ["件"] = true, ["起"] = true, ["宗"] = true, ["个"] = true, ["项"] = true,
  ["条"] = true, ["次"] = true, ["篇"] = true, ["份"] = true }

--- A Chinese numeral as an integer: "三" -> 3, "十二" -> 12, "一百零五" -> 105; nil if not one.
function M.cn_int(s)
  local total, section, digit, any = 0, 0, nil, false
  for _, cp in utf8.codes(s) do
    local ch = utf8.char(cp)
    if CN_DIGITS[ch] then
      digit, any = CN_DIGITS[ch], true
    elseif CN_UNITS[ch] then
      local unit = CN_UNITS[ch]
      if unit == 10000 then
        total = (total + section + (digit or 0)) * unit
        section = 0
      else
        section = section + (digit or 1) * unit
      end
      digit, any = nil, true
    else
      return nil
    end
  end
  if not any then return nil end
  return total + section + (digit or 0)
end

--- s with each maximal run of the characters in members (a set of one-character strings)
--- replaced by replace(run, next_ch), run being the list of its characters and next_ch the
--- character after it (nil at the end); a nil result keeps the run as written. A walk by
--- characters: Lua's classes are byte-wise. The characters in inner (optional) are members
--- only inside a run, after a member: they never start one.
function M.rewrite_runs(s, members, replace, inner)
  local out, run = {}, {}
  local function flush(next_ch)
    if #run == 0 then return end
    local rep = replace(run, next_ch)
    if rep then
      out[#out + 1] = rep
    else
      for k = 1, #run do out[#out + 1] = run[k] end
    end
    run = {}
  end
  for _, cp in utf8.codes(s) do
    local ch = utf8.char(cp)
    if members[ch] or (inner and inner[ch] and #run > 0) then
      run[#run + 1] = ch
    else
      flush(ch)
      out[#out + 1] = ch
    end
  end
  flush(nil)
  return table.concat(out)
end

local NUMERALS = {}
for ch in pairs(CN_DIGITS) do NUMERALS[ch] = true end
for ch in pairs(CN_UNITS) do NUMERALS[ch] = true end

local function numerals_before_counters(s)
  return M.rewrite_runs(s, NUMERALS, function(run, next_ch)
    local n = COUNTERS[next_ch or ""] and M.cn_int(table.concat(run))
    return n and tostring(n)
  end)
end

-- A year in Chinese numerals ("二〇二三年", "二零二四年度", typed "二○二三年" or "二0二三年") in
-- digits, so that the rules read it as they read "2023年". ASCII digits are members of a run
-- too: a mixed year is read, and "12二〇二三年" is a run of six, left alone. Only a run of
-- exactly four before 年 that gives 19xx or 20xx: "一二三四年" is no year.
-- The letter O typed for 〇 ("二O二三年", "二o二三年"; full-width Ｏ is O after NFKC) is a
-- digit only inside a run, after a year digit: it never starts one, so an O elsewhere
-- ("O2O模式", "ISO二〇二三年") leaves the runs as they were.
local YEAR_DIGITS = { ["〇"] = 0, ["零"] = 0, ["○"] = 0, ["一"] = 1, ["二"] = 2, ["三"] = 3, ["四"] = 4,
  ["五"] = 5, ["六"] = 6, ["七"] = 7, ["八"] = 8, ["九"] = 9, ["O"] = 0, ["o"] = 0 }
for d = 0, 9 do YEAR_DIGITS[tostring(d)] = d end
local YEAR_STARTS, YEAR_INNER = {}, { ["O"] = true, ["o"] = true }
for ch in pairs(YEAR_DIGITS) do YEAR_STARTS[ch] = not YEAR_INNER[ch] or nil end

local function years_in_digits(s)
  if not s:find("年", 1, true) then return s end
  return M.rewrite_runs(s, YEAR_STARTS, function(run, next_ch)
    if #run ~= 4 or next_ch ~= "年" then return nil end
    local digits, chinese = {}, false
    for k, ch in ipairs(run) do
      digits[k] = YEAR_DIGITS[ch]
      chinese = chinese or #ch > 1
    end
    local year = table.concat(digits)
    if chinese and (year:sub(1, 2) == "19" or year:sub(1, 2) == "20") then return year end
  end, YEAR_INNER)
end

--- Counts in a normalized text: a list of { pos, n, unit } for each number followed by a
--- counter (件 起 宗 个 项 条 次 篇 份), in order.
function M.counts(s)
  local out = {}
  for pos, num, e in s:gmatch("()(%d+)()") do
    local unit = s:sub(e, e + 2)
    if COUNTERS[unit] and s:sub(pos - 1, pos - 1) ~= "." then
      out[#out + 1] = { pos = pos, n = math.tointeger(tonumber(num)), unit = unit }
    end
  end
  return out
end

--- The first count in s (optionally at or after byte init), or nil, in Lua: the reference
--- that nb.first_count (host/textindex_lua.c) must equal.
function M._first_count_lua(s, init)
  init = init or 1
  local at = 1
  while true do
    local pos, e = s:find("%d+", at)
    if not pos then return nil end
    local unit = s:sub(e + 1, e + 3)
    if pos >= init and COUNTERS[unit] and s:sub(pos - 1, pos - 1) ~= "." then
      local n = math.tointeger(tonumber(s:sub(pos, e)))
      return n, { pos = pos, n = n, unit = unit }
    end
    at = e + 1
  end
end

-- Every rule reads the same narrative, so its normalized text, sentences and clauses are
-- computed once per text and shared (callers must not modify the lists). The cache is
-- bounded: it is dropped whole when it grows past CACHE_MAX texts.
local CACHE_MAX = 512
local function memoize(fn)
  local cache, size = {}, 0
  return function(s, known) -- known: the value, computed elsewhere (the C text index)
    local v = cache[s]
    if v == nil then
      if size >= CACHE_MAX then cache, size = {}, 0 end
      if known ~= nil then v = known else v = fn(s) end
      cache[s] = v
      size = size + 1
    end
    return v
  end, function(s) return cache[s] end -- the cached value only, or nil
end

--- Narrative text prepared for matching (see above), in Lua: the reference that the C text
--- index (nb._text_index, host/textindex.c) must equal, and the fallback when it fails.
function M._normalize_lua(s)
  s = nb.nfkc(tostring(s or ""))
  s = s:gsub("%s+", "")
  s = s:gsub("(%d),(%d%d%d)", "%1%2"):gsub("(%d),(%d%d%d)", "%1%2")
  return years_in_digits(numerals_before_counters(s))
end

--- The pieces of s between the given separators (plain strings), without empty ones.
local function split(s, seps)
  local out, start = {}, 1
  local next_at = {} -- per separator: its next position at or after start (false: none left)
  while true do
    -- the nearest separator from start on; each separator is searched again only once passed
    local at, stop
    for k, sep in ipairs(seps) do
      local i = next_at[k]
      if i == nil or (i and i < start) then
        i = s:find(sep, start, true) or false
        next_at[k] = i
      end
      if i and (not at or i < at) then at, stop = i, i + #sep - 1 end
    end
    if not at then break end
    if at > start then out[#out + 1] = s:sub(start, at - 1) end
    start = stop + 1
  end
  if start <= #s then out[#out + 1] = s:sub(start) end
  return out
end

local SENTENCE_SEPS = { "。", "!", "?", ";", "\n" }
local CLAUSE_SEPS = { "。", "!", "?", ";", "\n", ",", ":", "(", ")", "[", "]" }

--- Sentences of a normalized text (split at 。！？； and line ends).
local cached_sentences
M.sentences, cached_sentences = memoize(function(s) return split(s, SENTENCE_SEPS) end)

--- Clauses of a normalized text (also split at commas, colons and brackets; 、 stays inside).
--- Every sentence separator is a clause separator, so the clauses of a text are those of its
--- sentences in turn: when its sentences are known (a whole normalized part, cut by the C
--- index), they are joined instead of cutting the text again.
M.clauses = memoize(function(s)
  local sentences = cached_sentences(s)
  if sentences and not (#sentences == 1 and sentences[1] == s) then
    local out = {}
    for i = 1, #sentences do
      local clauses = M.clauses(sentences[i])
      for k = 1, #clauses do out[#out + 1] = clauses[k] end
    end
    return out
  end
  return split(s, CLAUSE_SEPS)
end)

-- The C text index normalizes and cuts a text in one pass; its sentences and clauses are
-- handed to the caches above, so M.sentences(M.normalize(s)) costs no second cut.
local prime_sentences, prime_clauses = M.sentences, M.clauses
M.normalize = memoize(function(s)
  local idx = nb._text_index(tostring(s or ""), false) -- no numbers: only the cuts are kept
  if not idx then return M._normalize_lua(s) end
  prime_sentences(idx.text, idx.sentences)
  local sentences, clauses = idx.sentences, idx.clauses
  for i = 1, #sentences do prime_clauses(sentences[i], clauses[i]) end
  return idx.text
end)

--- Every position of the plain strings marks in t (a text as published, not normalized),
--- grouped by mark: where each starts, or with after = true just after it. The importer
--- cuts run-on paragraphs at these (sentence ends 。；, part numbers （二）).
function M.positions(t, marks, after)
  local out = {}
  for _, m in ipairs(marks) do
    local from = 1
    while true do
      local a, b = t:find(m, from, true)
      if not a then break end
      out[#out + 1] = after and b + 1 or a
      from = b + 1
    end
  end
  return out
end

--- True when s contains any of the plain strings in list (up to its first nil). The rules'
--- hottest function: a loop of string.find(s, w, 1, true) done in C (nb.has_any,
--- host/textindex.c).
M.has = nb.has_any

--- The first count in s (optionally at or after byte init), or nil: its value and
--- { pos, n, unit }. The same as the first of M.counts(s) at or after init, without building
--- the whole list; in C (nb.first_count), as rules call it per clause.
M.first_count = nb.first_count

---------------------------------------------------------------------------
-- numbers and paragraphs

--- The numbers of a text, in order, as values ("01" and "1" are the same number; "1,200" is
--- 1200). Profiles are checked with it: formatting must keep every number.
function M.numbers(s)
  local out = {}
  for n in nb.nfkc(s):gsub("(%d),(%d%d%d)", "%1%2"):gmatch("%d+%.?%d*") do out[#out + 1] = tonumber(n) end
  return out
end

--- s without its trailing white space, as s:gsub("%s+$", "") would give, by a backward scan:
--- that pattern is tried at every space of an inner run, quadratic in a hostile text.
function M.rstrip(s)
  local e = #s
  while e > 0 do
    local c = s:byte(e)
    if c == 32 or (c >= 9 and c <= 13) then e = e - 1 else break end
  end
  return s:sub(1, e)
end

--- s without its trailing line ends, as s:gsub("\n+$", "") would give (a backward scan: that
--- pattern is quadratic on a long inner run of line ends).
function M.drop_final_newlines(s)
  local e = #s
  while e > 0 and s:byte(e) == 10 do e = e - 1 end
  return s:sub(1, e)
end

--- s ending with exactly one line end: its trailing "\n"s replaced by one, as
--- s:gsub("\n*$", "\n") did, which tried its pattern at every byte of a whole page.
function M.one_final_newline(s)
  local e = #s
  while e > 0 and s:byte(e) == 10 do e = e - 1 end
  return s:sub(1, e) .. "\n"
end

--- Split a narrative text into its paragraphs (non-empty lines, as written): the pieces
--- between line ends, each without one "\r" before its "\n", that hold more than spaces.
--- Cut at each "\n" found by a plain search: gmatch("(.-)\r?\n") tried "\r?\n" after
--- every byte of the text.
function M.paragraphs(s)
  local out = {}
  if not s then return out end
  s = s .. "\n"
  local from = 1
  while true do
    local nl = s:find("\n", from, true)
    if not nl then break end
    local stop = nl - 1
    if stop >= from and s:byte(stop) == 13 then stop = stop - 1 end
    local line = s:sub(from, stop)
    if line:find("%S") then out[#out + 1] = line end
    from = nl + 1
  end
  return out
end

return M
