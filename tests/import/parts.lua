-- Tests of the importer's parts added for real reports: splitting run-on numbers
-- (runon.lua), the fee sentence (fees.lua), a title on two lines, and the order of
-- proactive_2019 rows in a data file. Run from the repository root with
--   nianbao run tests/import/parts.lua
local runon = require "nianbao.import.runon"
local fees = require "nianbao.import.fees"
local imp = require "nianbao.import"
local datafile = require "nianbao.datafile"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok

local function show(t)
  if type(t) ~= "table" then return tostring(t) end
  local out = {}
  for i = 1, #t do out[i] = tostring(t[i]) end
  return "{" .. table.concat(out, ",") .. "}"
end

local function row_total(v)
  local sum = 0
  for c = 1, 6 do sum = sum + v[c] end
  return sum == v[7]
end

-- runon.split: values, how | nil, why
local SPLITS = {
  { "007", 3, nil, { 0, 0, 7 }, "certain" },                       -- one digit per column
  { "0 0 00 00 0", 7, nil, { 0, 0, 0, 0, 0, 0, 0 }, "certain" },   -- "00" is two zeros
  { "35-15", 2, nil, { 35, -15 }, "certain" },                     -- a minus starts a number
  { "200 000121", 7, row_total, { 20, 0, 0, 0, 0, 1, 21 }, "total" },
  { "23 0 00 0 023", 7, row_total, { 23, 0, 0, 0, 0, 0, 23 }, "certain" },
  { "7777166", 3, nil, nil, "有 15 种拆分" },                        -- no arithmetic: not guessed
  { "12", 3, nil, nil, "拆不出 3 个数" },
  { "120000013", 7, row_total, nil, "种拆分都不符合本行总计" },        -- a wrong row stays unread
  { "1111112", 7, row_total, nil, nil },                            -- 7 digits: 1+1+1+1+1+1 ≠ 2 is kept as published
  { "0 0 2 5 6 13", 7, row_total, nil, "只有 6 个数，应为 7 个" },   -- numbers a space apart: a blank, no cut 13
}
for _, s in ipairs(SPLITS) do
  local raw, n, fits, want, how = table.unpack(s)
  local got, why = runon.split(raw, n, fits)
  if raw == "1111112" then
    ok(got and show(got) == "{1,1,1,1,1,1,2}" and why == "certain",
      "one digit per column is certain even when the row does not add up: " .. show(got))
  elseif want then
    ok(show(got) == show(want) and why == how, string.format("split %q -> %s (%s), got %s (%s)", raw, show(want), how, show(got), tostring(why)))
  else
    ok(got == nil and tostring(why):find(how, 1, true), string.format("split %q is refused: %s, got %s", raw, how, tostring(why)))
  end
end
-- Times are bounded only against a hang (HANG seconds, ten times and more what these take on a
-- busy machine under the sanitizers); what is asserted is the reason: refused, cut, imported.
local HANG = 20

do
  local long = string.rep("1", 40)
  local t = os.clock()
  local got, why = runon.split(long, 15)
  ok(got == nil and why and os.clock() - t < HANG, "a long digit run is refused without hanging (" .. tostring(why) .. ")")
end
do
  -- a hostile page's run of 100,000 digits after a label: each cut point used to try every
  -- length up to the end of the run, 200,000 times over
  local t = os.clock()
  local got, why = runon.split(string.rep("1", 100000), 7, row_total)
  ok(got == nil and why and os.clock() - t < HANG, string.format("a 100,000-digit run is refused (%.2f s, %s)", os.clock() - t, tostring(why)))
  t = os.clock()
  local r = imp.import("二、主动公开政府信息情况\n规章" .. string.rep("7", 200000) .. "\n", "d.txt")
  ok(r and os.clock() - t < HANG, string.format("a page with a 200,000-digit run imports (%.2f s)", os.clock() - t))
end

-- runon.cells: labels cut from header text, the label's own "2." kept with it
do
  local labels = require("nianbao.import.tables").LABELS
  local cells = runon.cells("信息内容对外公开总数量规章007规范性文件7777166", labels)
  ok(cells and cells[2].text == "规章" and cells[3].blob and cells[3].text == "007" and cells[4].text == "规范性文件",
    "run-on cells: label 规章 cut from the header text")
  cells = runon.cells("（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000", labels)
  ok(cells and cells[3].text == "0000000" and cells[4].text == "2.其他法律行政法规禁止公开",
    "run-on cells: the next label's number is not one of the cells")
  ok(runon.cells("全年共收到申请5件。", labels) == nil, "a sentence with a number is not a run-on table")
end

-- fees.parse: what the text states, nothing more
local FEES = {
  { "2024 年度未收取政府信息公开处理费。", "nil nil 0" },
  { "全年收取政府信息公开信息处理费 3940 元。", "nil nil 3940" },
  { "本年度发出收费通知3件，金额1200元，实际收取信息处理费800元。", "3 1200 800" },
  { "未发出收费通知，未收取信息处理费。", "0 0 0" },
  { "共收取信息处理费1.2万元。", "nil nil 12000" },
  { "无其他需要报告的事项", "none" },
  { "收取信息处理费100元；另收取信息处理费200元。", "none" }, -- two amounts: left out
}
for _, f in ipairs(FEES) do
  local r = fees.parse(f[1])
  local got = r and string.format("%s %s %s", r.notices, r.notified, r.collected) or "none"
  ok(got == f[2], string.format("fees %q -> %s, got %s", f[1], f[2], got))
end

-- a title on two lines keeps the published spacing
do
  local r = imp.import("淮安市人民政府\n2024 年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n", "t.txt")
  ok(r.title == "淮安市人民政府 2024 年政府信息公开工作年度报告", "two-line title spaced as published: " .. tostring(r.title))
  r = imp.import("某某县商务局\n2024年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n", "t.txt")
  ok(r.title == "某某县商务局2024年政府信息公开工作年度报告", "two-line title unspaced as published: " .. tostring(r.title))
end

-- proactive_2019 in the trial format's order, unknown labels last
do
  local text = datafile.serialize({ format = 2019, agency = "x", year = 2020,
    proactive_2019 = { ["政府集中采购"] = { 1, 2 }, ["规章"] = { 0, 0, 0 }, ["行政许可"] = { 1, 2, 3 }, ["甲"] = { 1 } } })
  local a, b, c, d = text:find("规章", 1, true), text:find("行政许可", 1, true), text:find("政府集中采购", 1, true), text:find("\"甲\"", 1, true)
  ok(a and b and c and d and a < b and b < c and c < d, "proactive_2019 rows in table order")
end

-- numbering marks are recognised by whole characters, not by bytes of them
do
  local norm = require "nianbao.import.normalize"
  ok(norm.is_numeral("三") and norm.is_numeral("十二"), "Chinese numerals recognised")
  ok(not norm.is_numeral("万") and not norm.is_numeral("丁") and not norm.is_numeral(""), "characters sharing bytes with numerals are not numerals")
  ok(norm.numbered("（二）部分公开") or norm.numbered("(二)部分公开"), "(二) is a numbering mark")
  ok(norm.numbered("四、结转") and norm.numbered("1.属于"), "四、 and 1. are numbering marks")
  ok(not norm.numbered("(丁)其他") and not norm.numbered("万、其他"), "(丁) and 万、 are not numbering marks")
end

-- section 五 run together in one paragraph: cut where the improvements start, in time
-- linear in its length (each sentence used to copy and search the whole rest)
do
  local five = "五、存在的主要问题及改进情况\n"
  local second = "二是政策解读形式比较单一，图解视频等群众喜闻乐见的形式运用不多。"
  local r = imp.import(five .. "一是公开不及时。" .. second .. "下一步，我们将加强培训。\n", "f.txt")
  ok(r.problems == "一是公开不及时。" .. second and r.improvements == "下一步，我们将加强培训。",
    "run-on 五 cut before 下一步: " .. tostring(r.problems) .. " | " .. tostring(r.improvements))
  local t = os.clock()
  r = imp.import(five .. string.rep(second, 3000) .. "下一步改进。\n", "f.txt")
  local took = os.clock() - t
  ok(r.improvements == "下一步改进。" and took < HANG, string.format("a 300 KB run-on 五 is cut (%.2f s)", took))
end

-- large pages import (each case was quadratic before and took from 9 s to minutes; the bound
-- catches a hang only, the speed is measured in bench/)
local function import_time(bytes)
  local t = os.clock()
  local r = imp.import(bytes, "big.txt")
  return r and os.clock() - t or math.huge
end
do
  -- 1 MB of lines wrapped by a PDF, joined into one paragraph: 58 s when each line copied it
  -- (a heading first: without any part of a report the input is refused, after the same reading)
  local took = import_time("一、总体情况\n" .. string.rep(string.rep("文", 45) .. "\n", 8000))
  ok(took < HANG, string.format("1 MB of wrapped lines imports (%.2f s)", took))
end
do
  -- 512 KB of "x1." in table 二: the run-on cutter grew its pending text by appending (9 s)
  local took = import_time("二、主动公开政府信息情况\n" .. string.rep("x1.", 170000) .. "\n")
  ok(took < HANG, string.format("512 KB of label-like numbering imports (%.2f s)", took))
  -- 1 MB of one-character cells: every row was looked for by scanning all tokens, and
  -- each table's region was read again
  took = import_time("二、主动公开政府信息情况\n" .. string.rep("甲\t", 500000) .. "\n")
  ok(took < HANG, string.format("1 MB of text cells imports (%.2f s)", took))
end
do
  -- inputs over the size limits are refused with the limit named, not read for minutes
  local r, err = imp.import(string.rep("文字。\n", (imp.MAX_TEXT // 10) + 1), "big.txt")
  ok(r == nil and tostring(err):find("文件过大", 1, true) and tostring(err):find(tostring(imp.MAX_TEXT), 1, true),
    "text over the size limit is refused: " .. tostring(err))
  r, err = imp.import("<html>" .. string.rep("<p>文</p>", imp.MAX_HTML // 10 + 1), "big.html")
  ok(r == nil and tostring(err):find("网页", 1, true), "HTML over the size limit is refused: " .. tostring(err))
end
do
  -- the cut-off last line is quoted by characters: 80 bytes ended inside a character
  local _, notes = imp.import("一、总体情况\n" .. string.rep("文", 60) .. "12", "cut.txt")
  local msg = notes[1] and notes[1].message or ""
  ok(notes[1] and notes[1].id == "IMPORT.TRUNCATED" and utf8.len(msg), "truncation note is valid UTF-8: " .. msg)
end
do
  -- a row that lost a cell (six numbers where seven are published) is not imported with its
  -- 总计 shifted into 其他, but named with how many numbers were read
  local f = assert(io.open("../shared/000_49be5e48092c958c.txt", "rb"))
  local seed = f:read("a")
  f:close()
  local short = seed:gsub("%(一%) 予以公开\t0\t0\t0\t0\t0\t0\t0", "(一) 予以公开\t1\t2\t3\t4\t5\t15")
  ok(short ~= seed, "the test page has the shortened row")
  local r, notes = imp.import(short, "short.txt")
  local named = false
  for _, n in ipairs(notes) do
    if n.id == "SECTION.MISSING" and n.message:find("予以公开（读到 6 个数，应为 7 个）", 1, true) then named = true end
  end
  ok(r.requests.disclosed == nil and named, "a row with 6 of 7 numbers is left out and named: " .. show(r.requests.disclosed))
  ok(r.requests.partially_disclosed and r.requests.partially_disclosed[7] == 0, "the rows after it are still read")
end

do
  -- the traditional -> simplified map is read from its pairs by a three-byte pattern: every
  -- pair, decoded by code point, maps as listed and every character is three bytes long
  local norm = require "nianbao.import.normalize"
  local cps = {}
  for _, cp in utf8.codes(norm.TRAD_PAIRS) do cps[#cps + 1] = utf8.char(cp) end
  local bad
  for i = 1, #cps - 1, 2 do
    if #cps[i] ~= 3 or #cps[i + 1] ~= 3 or norm.simplify(cps[i]) ~= cps[i + 1] then bad = bad or cps[i] .. cps[i + 1] end
  end
  ok(#cps % 2 == 0 and #cps > 500 and not bad, "every traditional pair maps: " .. tostring(bad))
  ok(norm.simplify("總體情況，覆盖") == "总体情况，覆盖", "simplify a sentence")
end

do
  -- a PDF row of numbers one space apart may hold any blank marker of nb.schema.blanks (the
  -- text front end once kept its own shorter list, without "_"): each is a cell of its own
  local text = require "nianbao.import.text"
  for _, b in ipairs(require("nianbao").schema.blanks) do
    if b ~= "" then
      local items = text.items("结果维持  1 " .. b .. " 0 2 3\n", {})
      local cells = {}
      for i, c in ipairs(items[1] and items[1].cells or {}) do cells[i] = c.text end
      ok(table.concat(cells, "|") == "结果维持|1|" .. b .. "|0|2|3",
        string.format("blank marker %q in a spaced row: %s", b, table.concat(cells, "|")))
    end
  end
end

-- iconv: a few bad bytes become replacement characters; bytes that are mostly not GB18030 are
-- refused early instead of costing one conversion call per bad byte
do
  local iconv = require("nianbao.html").iconv
  local out, n = iconv("\196\227\186\195\255\186\195", "GB18030") -- 你好, a stray byte, 好
  ok(out == "你好\239\191\189好" and n == 1, "iconv: one bad byte, one replacement (" .. tostring(out) .. ")")
  local none, why = iconv(string.rep("\255\128", 100000), "GB18030")
  ok(none == nil and tostring(why):find("不是该编码的字节", 1, true) ~= nil,
    "iconv: mostly bad bytes are refused with a reason (" .. tostring(why) .. ")")
  local text, bad = iconv(string.rep("\196\227", 50000) .. string.rep("\255", 5000), "GB18030")
  ok(text ~= nil and bad == 5000, "iconv: a page with some bad bytes still converts (" .. tostring(bad) .. ")")
end

os.exit(tally.finish())
