-- Section headings, titles and the fee sentence as agencies really write them: headings in
-- other numbering forms or with their text on the same line, missing headings 二/三, titles
-- with the year first, last or absent, and the fee sentence's parts. Nothing is lost silently.
--   nianbao run tests/import/headings_robust.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok -- reports the caller's file:line

local FIXTURES = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/fixtures/"
local read = T.read

local function notes_of(notes, id, severity)
  local out = {}
  for _, n in ipairs(notes) do
    if n.id == id and (not severity or n.severity == severity) then out[#out + 1] = n end
  end
  return out
end

-- the seed with a preamble and a signature, as published text
local base = nb.load(T.seed):copy()
base.preamble = "本报告根据《中华人民共和国政府信息公开条例》编制。\n" ..
  "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。如对本报告有疑问，请与本局办公室联系。"
base.signature = { agency = "延津县商务局", date = "2025年1月20日" }
base = T.reloaded(base)
local TEXT = nb.render(base, "text")
local HEADINGS = {}
for k, s in ipairs(nb.schema.sections) do HEADINGS[k] = s.heading end
local CN = { "一", "二", "三", "四", "五", "六" }

local function plain(s) return (s:gsub("%p", "%%%0")) end
local function replace(text, old, new)
  local out, n = text:gsub(plain(old), (new:gsub("%%", "%%%%")), 1)
  assert(n == 1, "test text has " .. old)
  return out
end

local function same(a, b) return T.same(a, b) end

-- the whole report read as the seed: every part in its field
local function whole(r, notes, what)
  ok(#notes_of(notes, "SECTION.MISSING") == 0, what .. ": no section missing")
  ok(r.preamble == base.preamble, what .. ": preamble (" .. tostring(r.preamble) .. ")")
  ok(r.overview and #r.overview == #base.overview, what .. ": 一's subsections")
  ok(r.overview and r.overview[1] and r.overview[1].heading == base.overview[1].heading, what .. ": 一 starts with its first subsection")
  ok(same(r.proactive, base.proactive) and same(r.requests, base.requests) and same(r.appeals, base.appeals),
    what .. ": the tables")
  ok(r.problems == base.problems, what .. ": problems")
  ok(r.improvements == base.improvements, what .. ": improvements (" .. tostring(r.improvements) .. ")")
  ok(r.other_matters == base.other_matters, what .. ": other matters (" .. tostring(r.other_matters) .. ")")
  ok(r.signature and r.signature.agency == "延津县商务局", what .. ": signature")
end

---------------------------------------------------------------------------
-- 1. headings in other forms

-- the heading's text on the same line
local inline = replace(TEXT, HEADINGS[6] .. "\n\n", HEADINGS[6] .. "：")
inline = replace(inline, HEADINGS[5] .. "\n\n", HEADINGS[5] .. "：")
do
  local ri, ni = imp.import(inline, "inline.txt")
  whole(ri, ni, "heading text on the same line")
end
-- an official heading whose short text follows its colon keeps the text
local short = replace(TEXT, HEADINGS[6] .. "\n\n" .. base.other_matters, HEADINGS[6] .. "：无。")
local r = imp.import(short, "short.txt")
ok(r.other_matters == "无。", "a short text after 六's colon is kept (" .. tostring(r.other_matters) .. ")")

-- the numbering forms agencies use
local FORMS = {
  { "一．", function(k) return CN[k] .. "．" end },
  { "一.", function(k) return CN[k] .. "." end },
  { "一 ", function(k) return CN[k] .. " " end },
  { "1、", function(k) return k .. "、" end },
  { "1.", function(k) return k .. "." end },
  { "第一部分 ", function(k) return "第" .. CN[k] .. "部分 " end },
}
for _, form in ipairs(FORMS) do
  local text = TEXT
  for k, h in ipairs(HEADINGS) do
    text = replace(text, "\n" .. h .. "\n", "\n" .. form[2](k) .. h:sub(#CN[k] + #"、" + 1) .. "\n")
  end
  local rr, notes = imp.import(text, "form.txt")
  whole(rr, notes, "headings numbered " .. form[1])
end

-- a sentence that starts like a heading stays in the narrative
local sentences = replace(TEXT, "\n" .. HEADINGS[2] .. "\n", "\n二．主动公开政府信息情况\n")
sentences = replace(sentences, "\n二．", "\n2.主动公开政府信息情况较好，全年发布信息30余条。\n二．")
sentences = replace(sentences, "\n" .. HEADINGS[6] .. "\n", "\n六 其他需要报告的事项\n")
sentences = replace(sentences, "\n六 ", "\n六是其他需要报告的事项已另行报送。\n六 ")
r = imp.import(sentences, "sentences.txt")
ok(r.overview[#r.overview].text:find("2.主动公开政府信息情况较好", 1, true), "a sentence \"2.…\" stays in 一")
ok(r.improvements:find("六是其他需要报告的事项已另行报送。", 1, true), "a sentence \"六是…\" stays in 五")
ok(r.other_matters == base.other_matters, "六 is found after the sentence")

-- published reproductions: "第一部分" headings with "1." subsections; 六's text inline
local part, pnotes = imp.import(read(FIXTURES .. "headings-part-arabic.txt"), "part.txt")
ok(#notes_of(pnotes, "SECTION.MISSING") == 0, "第X部分: all six found")
ok(part.preamble and part.preamble:find("统计期限", 1, true), "第X部分: the preamble")
-- (its subsections numbered 1.…5. are split as （一）…（五） ones: more_robust.lua)
ok(part.overview and #part.overview == 5 and part.overview[1].heading == "主动公开"
  and part.overview[1].text:find("^2024年，清河县市场监督管理局坚持以公开为常态") and part.overview[5].heading == "监督保障",
  "第X部分: 一 keeps its text, in its five subsections")
ok(part.appeals and part.appeals.review, "第X部分: table 四")
ok(part.other_matters and part.other_matters:find("未收取信息处理费", 1, true), "第X部分: 六")
local six, snotes = imp.import(read(FIXTURES .. "heading6-inline.txt"), "six.txt")
ok(six.other_matters == "2024年度，本机关未发出收费通知，未收取信息处理费。", "inline 六: its text (" .. tostring(six.other_matters) .. ")")
ok(not six.improvements:find("六、", 1, true) and not six.improvements:find("人民政府", 1, true),
  "inline 六: 五 ends before 六")
ok(six.signature and six.signature.agency == "清河县黄庄镇人民政府", "inline 六: the signature")
ok(#notes_of(snotes, "SECTION.MISSING") == 0, "inline 六: no section missing")

-- no heading recognisable at all: the narrative is named, not dropped
local none = TEXT
for k, h in ipairs(HEADINGS) do none = replace(none, "\n" .. h .. "\n", "\n" .. "甲乙" .. h:sub(#CN[k] + #"、" + 1) .. "\n") end
local _, nnotes = imp.import(none, "none.txt")
local named = false
for _, n in ipairs(notes_of(nnotes, "IMPORT.NOT_PLACED")) do
  if n.message:find("2024 年度，延津县商务局", 1, true) then named = true end
end
ok(named, "without headings, 一's text is named as not placed")

---------------------------------------------------------------------------
-- 2. headings 二 and 三 missing: the tables are read, and are no part of 一

local missing = replace(TEXT, "\n" .. HEADINGS[2] .. "\n", "\n")
missing = replace(missing, "\n" .. HEADINGS[3] .. "\n", "\n")
missing = replace(missing, "第二十条第（五）项", "本年度主动公开情况见下表，数据来源于本局统计台账。\n第二十条第（五）项")
local rm, mnotes = imp.import(missing, "missing.txt")
ok(same(rm.proactive, base.proactive) and same(rm.requests, base.requests), "二/三 missing: the tables are read")
ok(#rm.overview == #base.overview, "二/三 missing: 一 has its own subsections only (" .. #rm.overview .. ")")
ok(rm.overview[#rm.overview].text == base.overview[#base.overview].text,
  "二/三 missing: 一's last subsection ends before the tables")
local prose_named = false
for _, n in ipairs(notes_of(mnotes, "IMPORT.NOT_PLACED")) do
  if n.message:find("本年度主动公开情况见下表", 1, true) then prose_named = true end
end
ok(prose_named, "二/三 missing: a sentence among the tables is named as not placed")

---------------------------------------------------------------------------
-- 3. the title: agency and year in the forms agencies write them

local TITLE = TEXT:match("^([^\n]+)\n")
assert(TITLE:find("延津县商务局", 1, true) == 1)
local function with_title(title, sep) return title .. (sep or "\n\n") .. TEXT:sub(#TITLE + 3) end
for _, c in ipairs({
  { "2024年度延津县商务局政府信息公开工作年度报告", "the year first" },
  { "延津县商务局政府信息公开工作年度报告（2024年度）", "the year as a suffix" },
  { "延津县商务局关于2024年度政府信息公开工作的年度报告", "关于" },
  { "延津县商务局二〇二四年政府信息公开工作年度报告", "a year in Chinese numerals" },
  { "延津县商务局政府信息公开工作年度报告", "no year" },
}) do
  local rt, tnotes = imp.import(with_title(c[1]), "title.txt")
  ok(rt.agency == "延津县商务局", c[2] .. ": agency (" .. tostring(rt.agency) .. ")")
  ok(rt.year == 2024, c[2] .. ": year (" .. tostring(rt.year) .. ")")
  ok(rt.title == c[1], c[2] .. ": title kept (" .. tostring(rt.title) .. ")")
  ok(rt.preamble == base.preamble, c[2] .. ": preamble")
  ok(#notes_of(tnotes, "IMPORT.AGENCY") == 0, c[2] .. ": title and signature agree")
end
-- an agency whose own name holds the words of the report's name keeps them
local narrative = require "nianbao.import.narrative"
for _, c in ipairs({
  { "平潭综合实验区政务公开办公室2024年政府信息公开工作年度报告", "平潭综合实验区政务公开办公室" },
  { "某县政务公开办公室政府信息公开工作年度报告", "某县政务公开办公室" },
  { "某区人民政府2024年政府信息公开工作年度报告", "某区人民政府" },
  { "某区人民政府信息公开工作年度报告", "某区人民政府" },
  { "某局政务公开工作年报", "某局" },
}) do
  ok(narrative.agency_of(c[1]) == c[2], c[1] .. ": agency " .. tostring(narrative.agency_of(c[1])))
end
-- the title's line directly followed by the preamble
local glued = with_title("延津县商务局2024年政府信息公开工作年度报告", "\n")
local rg = imp.import(glued, "glued.txt")
ok(rg.title == "延津县商务局2024年政府信息公开工作年度报告", "no blank line after the title: title (" .. tostring(rg.title) .. ")")
ok(rg.agency == "延津县商务局", "no blank line after the title: agency")
ok(rg.preamble == base.preamble, "no blank line after the title: preamble (" .. tostring(rg.preamble) .. ")")
ok(nb.render(rg, "text"):find("^延津县商务局"), "no blank line after the title: the rendered title names the agency")
-- a title without the agency: the signature's, said in a note
local ra, anotes = imp.import(with_title("2024年政府信息公开工作年度报告"), "anon.txt")
ok(ra.agency == "延津县商务局", "no agency in the title: the signature's (" .. tostring(ra.agency) .. ")")
ok(#notes_of(anotes, "IMPORT.AGENCY") == 1, "no agency in the title: a note says so")
-- title and signature disagree: the title's, said in a note
local rd, dnotes = imp.import(replace(TEXT, "延津县商务局\n" .. string.rep(" ", 43) .. "2025年1月20日", "延津县人民政府\n" .. string.rep(" ", 43) .. "2025年1月20日"), "two.txt")
ok(rd.agency == "延津县商务局" and rd.signature.agency == "延津县人民政府", "title and signature disagree: the title's")
local dn = notes_of(dnotes, "IMPORT.AGENCY")
ok(#dn == 1 and dn[1].message:find("延津县人民政府", 1, true), "title and signature disagree: a note names both")

---------------------------------------------------------------------------
-- 4. the fee sentence: every part it states

local fees = require "nianbao.import.fees"
for _, c in ipairs({
  { "2024年，本机关共发出信息处理费收费通知2件，通知收费金额300元，实际收取金额300元。", 2, 300, 300 },
  { "2024年，本机关共发出信息处理费收费通知6件，通知收费金额1200元，实际收取0元。", 6, 1200, 0 },
  { "本年度发出收费通知书3份，金额600元，实际收取信息处理费600元。", 3, 600, 600 },
}) do
  local f = fees.parse(c[1]) or {}
  ok(f.notices == c[2] and f.notified == c[3] and f.collected == c[4],
    string.format("fees of \"%s\": %s %s %s", c[1], tostring(f.notices), tostring(f.notified), tostring(f.collected)))
end
-- through the import: 六's sentence gives all three parts
local feetext = replace(TEXT, base.other_matters, "2024年，本机关共发出信息处理费收费通知2件，通知收费金额300元，实际收取金额300元。")
local rf = imp.import(feetext, "fees.txt")
ok(rf.processing_fees and rf.processing_fees.collected == 300 and rf.processing_fees.notices == 2,
  "import: the amount collected of 六's fee sentence")

os.exit(tally.finish())
