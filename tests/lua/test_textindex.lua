-- The C text index (nb._text_index, host/textindex.c) against the Lua reference it replaced
-- in the rules: the same normalised text, sentences and clauses on every narrative of the
-- seed and of the real reports, on whole published pages, and on made-up hard cases; and
-- nb.text(report), the read-only index of a report's narrative parts.
local T = ...
local nb = require "nianbao"
local R = require "nianbao.rules"
local imp = require "nianbao.import"
local lfs = require "lfs"

local SHARED = "../shared"

-- the pieces between separators, without empty ones (as rules.lua's split)
local function pieces(s, seps)
  s = s:gsub("。", "\0")
  s = s:gsub("[" .. seps .. "]", "\0")
  local out = {}
  for p in s:gmatch("[^%z]+") do out[#out + 1] = p end
  return out
end

-- R.first_count scans without building R.counts' list: the same first count, at any start
local function first_count_as_counts(s, what)
  local list = R.counts(s)
  for _, init in ipairs({ 1, 5, 20 }) do
    local want
    for _, c in ipairs(list) do if c.pos >= init then want = c break end end
    local n, c = R.first_count(s, init)
    T.eq(n, want and want.n, what .. ": first count from " .. init)
    T.deep_eq(c, want, what .. ": first count record from " .. init)
  end
end

local function same_as_lua(s, what)
  local idx = assert(nb._text_index(s))
  -- without numbers (nianbao.text's normalize): the same text and cuts, no numbers
  local bare = assert(nb._text_index(s, false))
  T.ok(bare.numbers == nil and bare.text == idx.text, what .. ": index without numbers")
  T.deep_eq(bare.clauses, idx.clauses, what .. ": clauses without numbers")
  for i, sentence in ipairs(idx.sentences) do first_count_as_counts(sentence, what .. " sentence " .. i) end
  -- every count the rules read (R.counts) is a number of the index: same place, value, unit
  local at = {}
  for _, n in ipairs(idx.numbers) do at[n.pos] = n end
  for _, c in ipairs(R.counts(idx.text)) do
    local n = at[c.pos]
    if c.n then
      T.ok(n and n.value == c.n and n.unit == c.unit, string.format("%s: count %s%s at %d", what, c.n, c.unit, c.pos))
    end
  end
  local want = R._normalize_lua(s)
  T.eq(idx.text, want, what .. ": normalised text")
  T.deep_eq(idx.sentences, pieces(want, "!?;\n"), what .. ": sentences")
  for i, sentence in ipairs(idx.sentences) do
    T.deep_eq(idx.clauses[i], pieces(sentence, "!?;\n,:()%[%]"), what .. ": clauses of sentence " .. i)
  end
  -- the clauses of the whole text, joined from its sentences' (R.clauses after R.normalize)
  T.deep_eq(R.clauses(R.normalize(s)), pieces(want, "!?;\n,:()%[%]"), what .. ": clauses of the whole text")
  return idx
end

local HARD = {
  "", "   ", "。。；", "本年度共收到申请 1,234 件，两件已办结；",
  "收到１２３件申请（其中二十件为上年结转）！办结 3,119 件？",
  "共1,234,567元，2,12件；十万件、万件、千件、一百零五件、二零二四件、两千零一十条",
  "百姓千方百计，第二，十分；3.5万元，.5件，1.件，12%，１５％",
  "九千九百九十九万九千九百九十九万九千九百九十九万九千九百九十九万件",
  "　全角空格\t制表\r\n换行 2024 年 ，（括号）【方括】[方]：冒号",
  "Ａｂｃ１２３ｘ，ｙ；ｚ",
  -- years in Chinese numerals: read as typed (〇 零 ○, an ASCII or full-width 0 among them),
  -- left alone when no 19xx or 20xx, or in a longer run, or before no 年
  "二〇二三年，我局共收到申请12件；二零二四年度二○二三年二0二三年二０２３年",
  "一九九九年一二三四年二〇二三二年12二〇二三年２二〇二三年二〇二三件二〇二三 年",
  "十二〇二三年两〇二三年一百二〇二三年三件二〇二三年，二〇二三年二〇二四年2023年",
  "统计期限为二〇二三年一月一日至十二月三十一日，二〇三五年远景目标",
  -- the letter O typed for 〇 (Ｏ is O after NFKC, o too): a digit inside a run only, never
  -- its start; an O elsewhere changes nothing
  "二O二三年、二Ｏ二三年、二o二三年、二ｏ二O年、二OO一年、二O23年，O2O模式，ISO二〇二三年",
  "O二〇二三年，1O二〇二三年，二O二〇二三年，2O2三年，二O二三件，二O二三 年，OO二〇二四年",
}

local tests = {}

function tests.hard_cases_equal_the_lua_reference()
  for i, s in ipairs(HARD) do same_as_lua(s, "case " .. i) end
end

-- random texts over the characters that matter (digits, separators, numerals, counters,
-- full-width forms, spaces, punctuation), with a fixed seed: the same texts every run
function tests.random_texts_equal_the_lua_reference()
  local alphabet = { "0", "1", "9", ",", ".", "１", "，", "。", "；", "！", "？", "：", "（", "）", "[",
    "]", "、", " ", "　", "\t", "\n", "一", "二", "两", "十", "百", "千", "万", "零", "〇", "件", "条",
    "个", "次", "元", "%", "％", "年", "申", "请", "a" }
  math.randomseed(15)
  for i = 1, 3000 do
    local s = T.random_text(alphabet, 30)
    same_as_lua(s, "random text " .. i .. " (" .. s .. ")")
  end
end

-- random texts dense in years: the characters of a year in Chinese numerals and around it
-- (numerals that are no year digit, ASCII and full-width digits, counters, spaces), with the
-- starts of years as pieces, so that runs of every length meet 年 and many are read as years
function tests.random_years_equal_the_lua_reference()
  local alphabet = { "二〇", "二零", "二○", "一九", "二0", "二", "〇", "零", "○", "一", "九", "三", "两", "十",
    "0", "2", "２", "０", "年", "年", "年度", "件", " ", "，", "a",
    -- the letter O typed for 〇 (full-width Ｏ and ｏ become O and o): inside a year and apart
    "二O", "二Ｏ", "O", "o", "Ｏ", "ｏ", "O2O" }
  math.randomseed(20)
  local years = 0
  for i = 1, 3000 do
    local s = T.random_text(alphabet, 16)
    local idx = same_as_lua(s, "random years " .. i .. " (" .. s .. ")")
    for _, n in ipairs(idx.numbers) do
      if n.form == "chinese" and n.text:match("^%d%d%d%d$") and idx.text:sub(n.pos + 4, n.pos + 6) == "年" then
        years = years + 1
      end
    end
  end
  T.ok(years > 50, "years read: " .. years)
end

local function real_files()
  local out = {}
  for _, dir in ipairs({ SHARED .. "/real-reports", SHARED .. "/samples" }) do
    if lfs.attributes(dir, "mode") == "directory" then
      for name in lfs.dir(dir) do
        if name:match("%.txt$") or name:match("%.html?$") then out[#out + 1] = dir .. "/" .. name end
      end
    end
  end
  table.sort(out)
  return out
end

function tests.real_narratives_equal_the_lua_reference()
  local n = 0
  for _, part in ipairs(R.narratives(T.load_seed())) do
    same_as_lua(part.text, "seed " .. part.label)
    n = n + 1
  end
  for _, path in ipairs(real_files()) do
    local bytes = T.read(path)
    local r = imp.import(bytes, path)
    if r then
      for _, part in ipairs(R.narratives(r)) do
        same_as_lua(part.text, path .. " " .. part.label)
        n = n + 1
      end
    end
    if not path:match("%.html?$") and utf8.len(bytes) then
      same_as_lua(bytes, path .. " (whole page)")
    end
  end
  T.ok(n > 20, "narrative parts compared: " .. n)
end

function tests.numbers_with_position_unit_and_form()
  local idx = assert(nb._text_index("共收到申请 1,234 件，两件已办结；收费３.５万元，占12％，第二次"))
  T.eq(idx.text, "共收到申请1234件,2件已办结;收费3.5万元,占12%,第2次")
  local got = {}
  for _, n in ipairs(idx.numbers) do
    T.eq(idx.text:sub(n.pos, n.pos + n.len - 1), n.text, "pos and len of " .. n.text)
    got[#got + 1] = string.format("%s|%s|%s|%s|%s", n.text, tostring(n.value), n.unit, n.form, n.sentence)
  end
  T.deep_eq(got, { "1234|1234|件|arabic|1", "2|2|件|chinese|1", "3.5|3.5|万元|arabic|2",
    "12|12|%|arabic|2", "2|2|次|chinese|2" }, "numbers")
  T.eq(math.type(idx.numbers[1].value), "integer")
  -- a Chinese numeral before no counter is listed as written, with its value; a year in
  -- Chinese numerals is in digits, and Chinese in form
  idx = assert(nb._text_index("二〇二四年，一百零五人，一二三四年"))
  T.eq(idx.text, "2024年,一百零五人,一二三四年")
  T.eq(idx.numbers[1].text, "2024")
  T.eq(idx.numbers[1].value, 2024)
  T.eq(idx.numbers[1].form, "chinese")
  T.eq(idx.numbers[3].text, "一二三四")
  T.eq(idx.numbers[2].value, 105)
  T.eq(idx.numbers[2].form, "chinese")
  T.eq(idx.numbers[2].unit, "")
end

-- the letter O typed for 〇 in a year, both in C and in Lua: read inside a year only
function tests.years_typed_with_the_letter_o()
  local cases = {
    { "二O二三年", "2023年" }, { "二Ｏ二三年", "2023年" }, { "二o二三年", "2023年" }, { "二ｏ二O年", "2020年" },
    { "二OO一年度", "2001年度" }, { "O2O模式", "O2O模式" }, { "ISO二〇二三年", "ISO2023年" },
    { "O二〇二三年", "O2023年" }, { "二O二〇二三年", "二O二〇二三年" }, { "二O二三号", "二O二三号" },
  }
  for _, c in ipairs(cases) do
    T.eq(R._normalize_lua(c[1]), c[2], "Lua: " .. c[1])
    T.eq(assert(nb._text_index(c[1])).text, c[2], "C: " .. c[1])
  end
end

function tests.invalid_utf8_fails_without_raising()
  local idx, err = nb._text_index("abc\xff")
  T.eq(idx, nil)
  T.ok(type(err) == "string", "a message")
end

function tests.report_text_is_read_only_and_cached()
  local r = T.load_seed()
  local t = nb.text(r)
  T.eq(nb.text(r), t, "built once per report")
  local parts = R.narratives(r)
  T.eq(#t, #parts, "one entry per narrative part")
  for i, part in ipairs(parts) do
    T.eq(t[i].label, part.label)
    T.eq(t[i].section, part.section)
    T.eq(t[i].text, R.normalize(part.text))
    T.deep_eq(t[i].sentences, R.sentences(R.normalize(part.text)))
  end
  T.raises(function() t[1].text = "x" end, nil, "parts are read-only")
  T.raises(function() t[1].numbers[1] = {} end, nil, "numbers are read-only")
end

-- nb.has_any (the rules' R.has) against the loop of string.find it replaced: random texts and
-- word lists over a small alphabet (so that many words occur and many do not), a word as
-- long as the text or longer, the empty word, numbers as words, a frozen list, a list that
-- stops at its first nil
function tests.has_any_equals_string_find()
  local function lua_has(s, list)
    local i, w = 1, list[1]
    while w ~= nil do
      if string.find(s, w, 1, true) then return true end
      i = i + 1
      w = list[i]
    end
    return false
  end
  local alphabet = { "a", "b", "1", "件", "复", "议", "。", "\0" }
  local rnd = math.random
  math.randomseed(15)
  local function word(n)
    local t = {}
    for i = 1, n do t[i] = alphabet[rnd(#alphabet)] end
    return table.concat(t)
  end
  local trues = 0
  for _ = 1, 3000 do
    local s = word(rnd(0, 12))
    local list = {}
    for i = 1, rnd(0, 6) do list[i] = word(rnd(0, 4)) end
    local want = lua_has(s, list)
    T.eq(nb.has_any(s, list), want, string.format("%q in %s", s, table.concat(list, "|")))
    if want then trues = trues + 1 end
  end
  T.ok(trues > 300 and trues < 2700, "both answers were tried (" .. trues .. " true)")
  T.eq(nb.has_any("abc", { "x", "abc" }), true, "a word as long as the text")
  T.eq(nb.has_any("abc", { "abcd" }), false, "a word longer than the text")
  T.eq(nb.has_any("abc", { "" }), true, "the empty word occurs everywhere")
  T.eq(nb.has_any("共2024件", { 2024 }), true, "a number as its text")
  T.eq(nb.has_any("abc", {}), false, "no words")
  T.eq(nb.has_any("abc", { "x", nil, "a" }), false, "the list stops at its first nil")
  T.eq(nb.has_any("abc", nb.freeze({ "x", "c" })), true, "a frozen list")
  T.raises(function() nb.has_any("abc", { {} }) end, "words[1]", "a word that is not text")
  T.eq(require("nianbao.text").has, nb.has_any, "nianbao.text's has is nb.has_any")
end

-- nb.find_byte against string.find with the same bytes as a class, at every init (negative,
-- zero, past the end included), over random texts with bytes of several-byte characters
function tests.find_byte_equals_find_with_a_class()
  local alphabet = { ",", "1", " ", "\194\160", "\227\128\128", "公", "a", "(", "\0" }
  math.randomseed(16)
  local sets = { ",;:?!()0123456789 \194\227", "a", "", "\0" }
  local classes = { "[,;:?!()0-9 \194\227]", "[a]", nil, "[%z]" }
  local n = 0
  for _ = 1, 500 do
    local s = T.random_text(alphabet, 10)
    for k, set in ipairs(sets) do
      for init = -#s - 2, #s + 2 do
        local want = classes[k] and (string.find(s, classes[k], init)) or nil
        T.eq(nb.find_byte(s, set, init), want, string.format("%q in %q from %d", set, s, init))
        n = n + 1
      end
    end
  end
  T.eq(nb.find_byte("a,b", ","), 2, "init defaults to 1")
  T.ok(n > 5000, "cases: " .. n)
end

-- nb.codepoints_around against utf8.offset/utf8.codepoint (what TEXT.STYLE called before) at
-- every character boundary of random texts of 1- to 4-byte characters; invalid bytes count
-- one by one
function tests.codepoints_around_equals_utf8_functions()
  local alphabet = { "1", " ", "\194\160", "\227\128\128", "公", "年", ",", "é", "\240\159\152\128", "a" }
  math.randomseed(18)
  local n = 0
  for _ = 1, 300 do
    local s = T.random_text(alphabet, 8)
    local starts = {}
    for p in utf8.codes(s) do starts[#starts + 1] = p end
    starts[#starts + 1] = #s + 1
    for _, i in ipairs(starts) do
      for _, j in ipairs(starts) do
        local before = i > 1 and utf8.codepoint(s, utf8.offset(s, 0, i - 1)) or nil
        local at = j <= #s and utf8.codepoint(s, j) or nil
        local len = at and ((utf8.offset(s, 2, j) or #s + 1) - j) or nil
        local b, a, l = nb.codepoints_around(s, i, j)
        T.eq(b, before, string.format("before byte %d of %q", i, s))
        T.eq(a, at, string.format("at byte %d of %q", j, s))
        T.eq(l, len, string.format("length at byte %d of %q", j, s))
        n = n + 1
      end
    end
  end
  T.ok(n > 3000, "cases: " .. n)
  local b, a, l = nb.codepoints_around("年1", 4)
  T.eq(b, 0x5E74, "j defaults to i: before"); T.eq(a, 0x31, "j defaults to i: at"); T.eq(l, 1, "length")
  -- a lone continuation byte and a cut character: their bytes, one at a time
  b, a, l = nb.codepoints_around("a\128b\228\184", 3, 2)
  T.eq(b, 0x80, "before a stray continuation byte's successor"); T.eq(a, 0x80, "a stray byte"); T.eq(l, 1, "one byte")
  b = nb.codepoints_around("a\228\184", 4)
  T.eq(b, 0xB8, "the last byte of a cut character alone")
  T.eq(select("#", nb.codepoints_around("", 1)), 3, "three results at the end of an empty text")
  T.eq(nb.codepoints_around("abc", 1), nil, "nothing before the first byte")
  T.eq(select(2, nb.codepoints_around("abc", 1, 0)), nil, "nothing at byte 0")
end

-- nb.runs against a walk over utf8.codes: random valid texts of 1- to 4-byte characters,
-- sets of one to four characters (ASCII, several-byte, a byte that begins other characters),
-- in runs and one character at a time
local function runs_by_codes(s, chars, single)
  local member = {}
  for _, cp in utf8.codes(chars) do member[cp] = true end
  local cps, at = {}, {}
  for p, cp in utf8.codes(s) do cps[#cps + 1], at[#at + 1] = cp, p end
  local out, i = {}, 1
  while i <= #cps do
    if member[cps[i]] then
      local j = i
      while not single and j < #cps and member[cps[j + 1]] do j = j + 1 end
      local stop = (at[j + 1] or #s + 1) - 1
      for _, v in ipairs({ at[i], stop, cps[i - 1] or false, cps[j + 1] or false }) do out[#out + 1] = v end
      i = j + 1
    else
      i = i + 1
    end
  end
  return out
end

function tests.runs_equal_a_walk_over_the_code_points()
  local alphabet = { "1", "2", " ", "\194\160", "\227\128\128", "\227\128\130", "公", "年", ",", "(",
    "é", "\240\159\152\128", "a" }
  local sets = { "12", " \u{3000}\u{A0}", ",(", "公", "\u{3002}", "\u{1F600}a", "é,1" }
  math.randomseed(19)
  local n = 0
  for _ = 1, 500 do
    local s = T.random_text(alphabet, 12)
    for _, chars in ipairs(sets) do
      for _, single in ipairs({ false, true }) do
        T.deep_eq(nb.runs(s, chars, single), runs_by_codes(s, chars, single),
          string.format("runs of %q in %q%s", chars, s, single and " (single)" or ""))
        n = n + 1
      end
    end
  end
  T.ok(n > 5000, "cases: " .. n)
  T.deep_eq(nb.runs("", "1"), {}, "an empty text")
  T.deep_eq(nb.runs("abc", ""), {}, "an empty set")
  T.deep_eq(nb.runs("a\0b\0\0c", "\0"), { 2, 2, 0x61, 0x62, 4, 5, 0x62, 0x63 }, "NUL bytes, as members")
  T.deep_eq(nb.runs("1\0" .. "1", "1"), { 1, 1, false, 0, 3, 3, 0, false }, "and passed over")
  -- a stray byte is a character of its own, its byte value, and never a member
  T.deep_eq(nb.runs("a\128 ", " "), { 3, 3, 0x80, false }, "after a stray continuation byte")
  T.deep_eq(nb.runs("\160", "\u{A0}"), {}, "a stray byte of a member's value, alone")
  T.deep_eq(nb.runs(" \160 ", " \u{A0}"), { 1, 1, false, 0xA0, 3, 3, 0xA0, false }, "between members")
  T.deep_eq(nb.runs("\194\160\194", "\u{A0}"), { 1, 2, false, 0xC2 }, "a cut character after a member")
  T.raises(function() nb.runs("x\194\160y", "\160") end, "UTF-8")
  T.raises(function() nb.runs("x", "\227\128") end, "UTF-8")
  T.raises(function() nb.runs("a", string.rep("x", 10) .. "0123456789abcdefghijklmnopqrstuvw") end, "32")
end

-- nb.first_count (nianbao.text's first_count) against the Lua it replaced, at several starts,
-- over random texts of digits, counters, dots, NUL bytes (the C scan passes over text with
-- strcspn) and other characters, and numbers around 64 bits (read directly up to 18 digits)
function tests.first_count_equals_the_lua_reference()
  local text = require "nianbao.text"
  local alphabet = { "0", "1", "9", "12", ".", "件", "条", "份", "年", "件", "a", "万元", "%", "\0" }
  math.randomseed(17)
  local found = 0
  for _ = 1, 3000 do
    local s = T.random_text(alphabet, 12)
    for _, init in ipairs({ false, -3, 0, 1, 2, 5, 9, 40 }) do
      init = init or nil -- false: none given
      local n1, c1 = text._first_count_lua(s, init)
      local n2, c2 = nb.first_count(s, init)
      T.eq(n2, n1, string.format("%q from %s: value", s, tostring(init)))
      T.deep_eq(c2, c1, string.format("%q from %s: record", s, tostring(init)))
      if n1 then found = found + 1 end
    end
  end
  T.ok(found > 1000, "counts found: " .. found)
  for _, s in ipairs({ "99999999999999999999件", "9223372036854775807件", "9223372036854775808件", "007件",
                       "999999999999999999件", "1000000000000000000件", "\0\0" .. "5件", "a\0b12件" }) do
    local n1, c1 = text._first_count_lua(s)
    local n2, c2 = nb.first_count(s)
    T.eq(n2, n1, s)
    T.deep_eq(c2, c1, s .. " record")
  end
  T.eq(text.first_count, nb.first_count, "nianbao.text's first_count is nb.first_count")
end

return tests
