-- The whole report survives import (issue 13): the preamble before 一 and the signature at
-- the end land in their fields, web-page chrome and PDF page footers are dropped and
-- counted, and any other paragraph that no field holds is named as not placed.
--   nianbao run tests/import/whole.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"
local frame = require "nianbao.import.frame"
local datafile = require "nianbao.datafile"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local function ok(cond, what) -- FAIL names the caller's line (not a tail call, which drops the frame)
  local r = tally.ok(cond, what, 2)
  return r
end

local function notes_of(notes, id)
  local out = {}
  for _, n in ipairs(notes) do if n.id == id then out[#out + 1] = n end end
  return out
end

local PREAMBLE = "本报告根据《中华人民共和国政府信息公开条例》编制。\n" ..
  "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。如对本报告有疑问，请与本局办公室联系。"

local base = nb.load("reports/yanjin-commerce-2024.lua"):copy()
base.preamble = PREAMBLE
base.signature = { agency = "延津县商务局", date = "2025年1月20日" }

-- write, load and render: the data file keeps both parts
local tmp = os.tmpname()
local function load_text(text)
  local f = assert(io.open(tmp, "wb")) f:write(text) f:close()
  return nb.load(tmp)
end
local view = assert(load_text(datafile.serialize(base)))
ok(view.preamble == PREAMBLE, "data file keeps the preamble")
ok(view.signature.agency == "延津县商务局" and view.signature.date == "2025年1月20日", "data file keeps the signature")

for _, fmt in ipairs({ "text", "html", "markdown" }) do
  local out = nb.render(view, fmt)
  local p, h1, s = out:find("本报告根据", 1, true), out:find("一、总体情况", 1, true), out:find("2025年1月20日", 1, true)
  ok(p and h1 and p < h1, fmt .. ": the preamble stands before 一、总体情况")
  ok(s and s > out:find("六、其他需要报告的事项", 1, true), fmt .. ": the signature stands at the end")
end
ok(nb.render(view, "text"):find("\n" .. string.rep(" ", 20) .. "%s*2025年1月20日\n$"), "text: the date is right-aligned")
ok(nb.render(view, "html"):find('<div class="signature">', 1, true), "html: the signature has its right-aligned block")
ok(nb.render(view, "markdown"):find('<p align="right">延津县商务局</p>', 1, true), "markdown: the signature is right-aligned")

-- a report without the parts renders as before (no empty lines added)
local plain = nb.load("reports/yanjin-commerce-2024.lua")
ok(not nb.render(plain, "text"):find("\n\n\n\n一、", 1, true), "text without a preamble has no empty place")

-- text as published: chrome before the title, footers inside the tables and the narrative
local text = nb.render(view, "text")
text = "来源：延津县商务局\n时间：2025-01-21 10:00\n【字号：大 中 小】\n" .. text
text = text:gsub("（二）部分公开", "— 3 —\n（二）部分公开", 1)
text = text:gsub("五、存在的主要问题", "-4-\n\n五、存在的主要问题", 1)
text = text:gsub("二、主动公开政府信息情况\n", "二、主动公开政府信息情况\n\n本年度主动公开情况见下表，数据来源于本局统计台账。\n", 1)
text = text .. "\n【打印本页】【关闭窗口】\n"
local r, notes = imp.import(text, "whole.txt")
ok(r.preamble == PREAMBLE, "import: the preamble lands in preamble (" .. tostring(r.preamble) .. ")")
ok(r.signature and r.signature.agency == "延津县商务局" and r.signature.date == "2025年1月20日",
  "import: the signature lands in signature")
ok(r.other_matters == base.other_matters, "import: 六 keeps its text without the signature")
local dropped = notes_of(notes, "IMPORT.DROPPED")[1]
ok(dropped and dropped.message:find("4 行", 1, true) and dropped.message:find("页码 2 个", 1, true),
  "import: 4 chrome lines and 2 footers dropped and counted (" .. (dropped and dropped.message or "none") .. ")")
local np = notes_of(notes, "IMPORT.NOT_PLACED")
ok(#np == 1 and np[1].section == "二" and np[1].message:find("本年度主动公开情况见下表", 1, true),
  "import: the sentence in table 二's section is named as not placed")
ok(r.requests.partially_disclosed[7] == base.requests.partially_disclosed[7], "import: a footer inside table 三 is skipped")

-- a note under a table without a 。 ("注：…", "说明：…") is named too, not dropped; a cell label is not
local noted = nb.render(view, "text"):gsub("三、收到和处理政府信息公开申请情况\n", "%0\n注：单位为件\n", 1)
local _, nn = imp.import(noted, "noted.txt")
np = notes_of(nn, "IMPORT.NOT_PLACED")
ok(#np == 1 and np[1].section == "三" and np[1].message:find("注：单位为件", 1, true),
  "import: a table note without a full stop is named as not placed (" .. #np .. ")")

-- a PDF page break inside a paragraph (blank line, footer, form feed) does not cut it in two;
-- a paragraph that ends its sentence before the break stays a paragraph of its own
local cut_problems = "对照上级新要求和公众新期待，我局政府信息公开工作还有一些需要加强和改进的\n\n" ..
  "                    -5-\n\f地方。主要表现在：一是政策解读质量仍需提升。"
local two_problems = "我局政府信息公开工作对照上级新要求和公众新期待，还存在一些不足之处。\n\n" ..
  "                    -5-\n\f主要表现在：一是政策解读质量仍需提升。"
for _, case in ipairs({ { cut_problems, "对照上级新要求和公众新期待，我局政府信息公开工作还有一些需要加强和改进的地方。主要表现在：一是政策解读质量仍需提升。" },
                        { two_problems, "我局政府信息公开工作对照上级新要求和公众新期待，还存在一些不足之处。\n主要表现在：一是政策解读质量仍需提升。" } }) do
  local page = nb.render(view, "text"):gsub("存在的主要问题：[^\n]*", function() return case[1] end, 1)
  local rp, np2 = imp.import(page, "page.txt")
  ok(rp.problems == case[2], "import: a page break inside 五 (" .. tostring(rp.problems) .. ")")
  local d = notes_of(np2, "IMPORT.DROPPED")[1]
  ok(d and d.message:find("页码 1 个", 1, true), "import: the footer counted")
  ok(d and not d.message:find("网页附加信息", 1, true), "import: no '0 lines of web-page chrome' said of a PDF")
end

-- a line before the title that is no chrome is not placed, with its first characters
local r2, notes2 = imp.import("某某县人民政府门户网站欢迎您\n" .. nb.render(view, "text"), "x.txt")
np = notes_of(notes2, "IMPORT.NOT_PLACED")
ok(#np == 1 and np[1].message:find("某某县人民政府门户网站", 1, true), "import: a line before the title is not placed")
ok(r2.preamble == PREAMBLE, "import: the preamble stays whole")

-- nianbao's own Markdown: the signature is a right-aligned <p> line
local rm = imp.import(nb.render(view, "markdown"), "x.md")
ok(rm.preamble == PREAMBLE, "import markdown: preamble")
ok(rm.signature and rm.signature.agency == "延津县商务局" and rm.signature.date == "2025年1月20日", "import markdown: signature")

-- the HTML page round trip
local r3, n3 = imp.import(nb.render(view, "html"), "x.html")
-- the page's own chart (figure.chart, or p.chart-none without results) is drawn from table
-- 三: its 图解 caption is no text left unplaced
ok(#notes_of(n3, "IMPORT.NOT_PLACED") == 0, "import html: the chart-none sentence is not named as not placed")
local _, n4 = imp.import(nb.render(nb.load("tests/browser/busy-2024.lua"), "html"), "busy.html")
ok(#notes_of(n4, "IMPORT.NOT_PLACED") == 0, "import html: the chart's 图解 caption is not named as not placed")
-- the same captions in the text of a printed page (Chromium's PDF of that page)
for _, caption in ipairs({ "图解：本年度政府信息公开申请办理结果（共办结 40 件）",
    "图解：本年度未收到政府信息公开申请，也没有上年结转的申请，无办理结果可作图。",
    "图解：本年度没有办结的政府信息公开申请，无办理结果可作图。",
    "图解：本年度政府信息公开申请办理结果（共办结 40 件；另有 2 项办理结果为空白，未计入）",
    "图解：表三的办理结果均为空白，无法作图。", "图解：表三的办理结果有 3 项为空白，其余为 0，无办理结果可作图。" }) do
  local printed = nb.render(view, "text"):gsub("\n四、政府信息公开行政复议", "\n" .. caption .. "\n\n四、政府信息公开行政复议", 1)
  local _, n5 = imp.import(printed, "printed.txt")
  ok(#notes_of(n5, "IMPORT.NOT_PLACED") == 0, "import text: nianbao's chart caption is not named as not placed: " .. caption)
end
local _, n6 = imp.import((nb.render(view, "text"):gsub("\n四、政府信息公开行政复议", "\n图解：申请数量三年对比\n\n四、政府信息公开行政复议", 1)), "x.txt")
ok(#notes_of(n6, "IMPORT.NOT_PLACED") == 1, "import text: another 图解 is still named as not placed")
ok(r3.preamble == PREAMBLE, "import html: preamble")
ok(r3.signature and r3.signature.date == "2025年1月20日", "import html: signature")

-- a title a clerk broke by hand (Shift+Enter in Word: a w:br; <br> in a page; two lines of
-- text) after the year or elsewhere keeps its agency, year and whole title
local TITLE = "延津县商务局 2024 年政府信息公开工作年度报告"
for _, cut in ipairs({ "延津县商务局 2024 年", "延津县商务局 2024 年政府", "延津县商务局 2024 年政府信息公开" }) do
  local rest = TITLE:sub(#cut + 1)
  local page = nb.render(view, "text"):gsub(TITLE, cut .. "\n" .. rest, 1)
  local html = nb.render(view, "html"):gsub("<h1>.-</h1>", "<h1>" .. cut .. "<br>" .. rest .. "</h1>", 1)
  for _, input in ipairs({ { page, "x.txt" }, { html, "x.html" } }) do
    local r, n = imp.import(input[1], input[2])
    ok(r.title == TITLE and r.agency == "延津县商务局" and r.year == 2024,
      input[2] .. ": title broken after '" .. cut .. "' (" .. tostring(r.title) .. ", " .. tostring(r.agency) .. ")")
    ok(#notes_of(n, "IMPORT.NOT_PLACED") == 0, input[2] .. ": nothing of a title broken after '" .. cut .. "' is left unplaced")
  end
end

-- a date line above a title without its year is not taken into the title
do
  local n = require "nianbao.import.narrative"
  local title = n.title({ "2025年1月20日", "延津县商务局政府信息公开工作年度报告" })
  ok(not (title or ""):find("2025", 1, true), "a date line is not joined to the title: " .. tostring(title))
end

-- the date as GB/T 9704 writes it
ok(frame.date("2025年01月20日") == "2025年1月20日", "date: zero padding removed")
ok(frame.date("二〇二五年一月二十日") == "2025年1月20日", "date: Chinese numerals")
ok(frame.date("２０２５年１２月３１日") == "2025年12月31日", "date: full-width digits")
ok(frame.date("2025年2月29日") == nil and frame.date("2024年2月29日") == "2024年2月29日", "date: leap years")
ok(frame.date("2025年13月1日") == nil and frame.date("2025年") == nil, "date: not a date")
ok(frame.is_footer("— 3 —") and frame.is_footer("-12-") and frame.is_footer("第 3 页 共 9 页"), "footers")
ok(not frame.is_footer("3") and not frame.is_footer("—"), "a lone number or dash is a cell, not a footer")

-- the loader refuses a padded or impossible date, with the key path
for _, bad in ipairs({ "2025年01月20日", "2025年2月30日", "2025-01-20" }) do
  local c = base
  c.signature = { agency = "x", date = bad }
  local v, err = load_text(datafile.serialize(c))
  ok(not v and err:find("signature.date", 1, true) and err:find("2025年1月20日", 1, true),
    "loader refuses date " .. bad .. " (" .. tostring(err) .. ")")
end
os.remove(tmp)

os.exit(tally.finish())
