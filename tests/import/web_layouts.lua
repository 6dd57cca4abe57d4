-- Web page layouts of the round "HTML and Word import of unseen layouts" (54 generated whole
-- reports in CMS layouts): what a reader of the imported file would call wrong, each case
-- the smallest page that shows it.
--   nianbao run tests/import/web_layouts.lua   (from the repository root)
local imp = require "nianbao.import"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok, note = tally.ok, T.note

local function page(body)
  return table.concat({ "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>",
    "<p>某县某局2023年政府信息公开工作年度报告</p>", body, "</body></html>" }, "\n")
end
local MIDDLE = "<p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>"
  .. "<p>四、政府信息公开行政复议、行政诉讼情况</p>"

---------------------------------------------------------------------------
-- 1. a portal's footer with its parts on one line (主办单位, 网站标识码, ICP备案号), wider than
-- a line of chrome, and a footer of links ("联系我们 | 网站地图"): page chrome, not part of 六

do
  local r, notes = imp.import(page("<p>一、总体情况</p><p>无。</p>" .. MIDDLE
    .. "<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>"
    .. "<div class=\"bottom\">联系我们 | 网站地图 | 隐私声明</div>"
    .. "<div class=\"foot\">主办单位：某市某区卫生健康委员会　网站标识码：1234000001　ICP备案号：京ICP备12345678号-1　"
    .. "京公网安备 11010502000000号</div>"), "footer-one-line.html")
  ok(r and r.other_matters == "本年度未收取信息处理费。", "one-line footer: 六 is the report's text: "
    .. tostring(r and r.other_matters))
  ok(note(notes, "IMPORT.DROPPED", nil, "网页附加信息 2 行"), "one-line footer: the chrome is counted")
  -- a paragraph of the report as wide as a page's lines stays the report's, the mark in it or not
  local long = "本机关网站标识码及备案信息已在门户网站公示，" .. string.rep("全年持续做好政府网站日常监测与内容保障工作，", 6)
  r = imp.import(page("<p>一、总体情况</p><p>无。</p>" .. MIDDLE .. "<p>五、存在的主要问题及改进情况</p><p>无。</p>"
    .. "<p>六、其他需要报告的事项</p><p>" .. long .. "</p>"), "footer-prose.html")
  ok(r and r.other_matters == long, "a wide paragraph naming 网站标识码 is kept: " .. tostring(r and r.other_matters))
  -- and a short one of 五 or 六 naming 网站地图, a sentence or a line of one cut by a PDF
  local five, six = "进一步优化网站地图和栏目设置，方便公众查找政府信息。", "优化了网站地图和栏目设置。"
  r = imp.import(page("<p>一、总体情况</p><p>无。</p>" .. MIDDLE .. "<p>五、存在的主要问题及改进情况</p><p>" .. five
    .. "</p><p>六、其他需要报告的事项</p><p>" .. six .. "</p>"), "footer-sitemap-prose.html")
  ok(r and r.problems == five and r.other_matters == six, "paragraphs naming 网站地图 are kept: "
    .. tostring(r and r.problems) .. " / " .. tostring(r and r.other_matters))
  local text = table.concat({ "某县某局2023年政府信息公开工作年度报告", "一、总体情况", "无。",
    "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况", "一是政府网站栏目有待完善，下一步将进一步优化",
    "网站地图和栏目设置方便公众查找政府信息。", "六、其他需要报告的事项", "无。", "" }, "\n")
  r = imp.import(text, "footer-sitemap-prose.txt")
  ok(r and r.problems == "一是政府网站栏目有待完善，下一步将进一步优化网站地图和栏目设置方便公众查找政府信息。",
    "a PDF's line naming 网站地图 is kept: " .. tostring(r and r.problems))
  -- nor is a numbered heading set with wide spaces
  local frame = require "nianbao.import.frame"
  ok(not frame.is_chrome("（三）优化网站地图  提升检索效率"), "a numbered heading naming 网站地图 is no chrome")
  -- a footer of links set apart by spaces is still chrome
  r = imp.import(page("<p>一、总体情况</p><p>无。</p>" .. MIDDLE .. "<p>五、存在的主要问题及改进情况</p><p>无。</p>"
    .. "<p>六、其他需要报告的事项</p><p>无。</p><p>联系我们　网站地图　隐私声明</p>"), "footer-sitemap-spaced.html")
  ok(r and r.other_matters == "无。", "a spaced footer of links is chrome: " .. tostring(r and r.other_matters))
end

---------------------------------------------------------------------------
-- 2. the report pasted as plain text into one <pre> (a CMS's "paste as text"): each line is a
-- heading or a paragraph, as the page shows them, not the whole text run into one paragraph

do
  local pre = table.concat({ "一、总体情况", "　　（一）主动公开", "　　本年度主动公开政府信息120条。",
    "　　（二）依申请公开", "　　未收到申请。" }, "\n")
  local r, notes = imp.import(page("<pre>" .. pre .. "</pre>" .. MIDDLE
    .. "<pre>五、存在的主要问题及改进情况\n　　存在的主要问题：无。\n六、其他需要报告的事项\n　　无。</pre>"), "pre.html")
  local o = r and r.overview or {}
  ok(#o == 2 and o[1].heading == "主动公开" and o[1].text == "本年度主动公开政府信息120条。"
    and o[2].heading == "依申请公开" and o[2].text == "未收到申请。",
    "pre: 一's subsections: " .. tostring(o[1] and o[1].heading) .. " / " .. tostring(o[1] and o[1].text))
  ok(r and r.problems == "存在的主要问题：无。" and r.other_matters == "无。",
    "pre: 五 and 六 apart: " .. tostring(r and r.problems) .. " / " .. tostring(r and r.other_matters))
  ok(not note(notes, "SECTION.MISSING", nil, "一、总体情况"), "pre: the heading 一 is found")
  -- white space of a <p> still runs on: a line end in a paragraph's source is no break
  r = imp.import(page("<p>一、总体情况</p><p>本年度主动公开\n政府信息120条。</p>" .. MIDDLE), "p-newline.html")
  ok(r and r.overview and r.overview[1] and r.overview[1].text == "本年度主动公开 政府信息120条。",
    "p: a line end in the source is a space: " .. tostring(r and r.overview and r.overview[1] and r.overview[1].text))
end

-- 2b. a table pasted as text in a <pre>: its spacing collapsed, a row's cells one space apart.
-- A blank mark among them is a cell ("—"); before, the row was read as run-on numbers, the
-- mark joined its label and 13 was cut into 1 and 3 to make up seven cells. Without a mark,
-- six numbers a space apart are not made seven: the row is named.
do
  local function t3(row)
    return page("<p>一、总体情况</p><p>无。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><pre>"
      .. row .. "\n</pre><p>四、政府信息公开行政复议、行政诉讼情况</p>")
  end
  for _, mark in ipairs({ "—", "无", "/" }) do
    local r, notes = imp.import(t3("5.要求行政机关确认或重新出具已获取信息 " .. mark .. " 0 0 2 5 6 13"), "pre-row.html")
    local got = T.t3_row(r, "not_processed.reconfirmation")
    ok(T.same_cells(got, { "", 0, 0, 2, 5, 6, 13 }), "pre row with " .. mark .. ": the mark is a blank cell: " .. T.show_cells(got))
    ok(not note(notes, "IMPORT.LABEL_VARIANT"), "pre row with " .. mark .. ": the label is the format's")
  end
  local r, notes = imp.import(t3("5.要求行政机关确认或重新出具已获取信息 0 0 2 5 6 13"), "pre-row.html")
  ok(T.t3_row(r, "not_processed.reconfirmation") == nil, "pre row of six numbers: not read as seven: "
    .. T.show_cells(T.t3_row(r, "not_processed.reconfirmation")))
  local named = "5.要求行政机关确认或重新出具已获取信息"
  ok(note(notes, "IMPORT.RUNON", "三", named) or note(notes, "SECTION.MISSING", "三", named),
    "pre row of six numbers: the row is named")
end

---------------------------------------------------------------------------
-- 3. Word: a subsection heading in bold runs at the start of its paragraph, the text run on in
-- plain runs with no punctuation between them: the heading and its text apart (as the HTML
-- front end splits <strong>（一）主动公开</strong>…); a bold "一是" lead-in, or a bold lead
-- followed by punctuation, stays in its text; the items' text holds no mark of the lead

do
  local nb = require "nianbao"
  local word = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/word.lua")
  local function run(t, bold) return "<w:r>" .. (bold and "<w:rPr><w:b/></w:rPr>" or "") .. "<w:t>" .. t .. "</w:t></w:r>" end
  local function para(...) return "<w:p>" .. table.concat({ ... }) .. "</w:p>" end
  local body = para(run("某县某局2023年政府信息公开工作年度报告", true)) .. para(run("一、总体情况", true))
    .. para(run("（一）", true), run("主动公开", true), run("本年度主动公开政府信息120条。"))
    .. para(run("（二）依申请公开", true), run(" "), run("未收到申请。"))
    .. para(run("（三）政府信息管理", true), run("：严格审核。"))
    .. para(run("一是", true), run("加强审核。"))
    .. para(run("二、主动公开政府信息情况")) .. para(run("三、收到和处理政府信息公开申请情况"))
    .. para(run("四、政府信息公开行政复议、行政诉讼情况")) .. para(run("五、存在的主要问题及改进情况"))
    .. para(run("无。")) .. para(run("六、其他需要报告的事项")) .. para(run("无。"))
  local xml = '<?xml version="1.0" encoding="UTF-8"?><w:document ' .. word.W .. "><w:body>" .. body .. "</w:body></w:document>"
  local bytes = nb.zip({ { name = "[Content_Types].xml", data = '<?xml version="1.0"?><Types/>' },
    { name = "word/document.xml", data = xml } })
  local r = imp.import(bytes, "bold-lead.docx")
  local o = r and r.overview or {}
  local function show(k) return tostring(o[k] and o[k].heading) .. " / " .. tostring(o[k] and o[k].text) end
  ok(o[1] and o[1].heading == "主动公开" and o[1].text == "本年度主动公开政府信息120条。", "Word bold lead: （一） is " .. show(1))
  ok(o[2] and o[2].heading == "依申请公开" and o[2].text == "未收到申请。", "Word bold lead: （二） is " .. show(2))
  ok(o[3] and o[3].heading == "政府信息管理" and tostring(o[3].text):find("严格审核。", 1, true) and tostring(o[3].text):find("一是加强审核。", 1, true),
    "Word bold lead: （三） is " .. show(3))
  local items = nb.docx_items(xml)
  local marked = false
  for _, item in ipairs(items) do marked = marked or (item.text and item.text:find("%c") ~= nil) end
  ok(not marked and items[3].text == "（一）主动公开本年度主动公开政府信息120条。" and items[3].lead == #"（一）主动公开",
    "docx_items: the text as shown, the lead's length apart: " .. tostring(items[3].text) .. " " .. tostring(items[3].lead))
  -- an indent of full-width or no-break spaces before the bold lead is white space too
  local function lead_of(body)
    local it = nb.docx_items('<?xml version="1.0" encoding="UTF-8"?><w:document ' .. word.W .. "><w:body>" .. body .. "</w:body></w:document>")[1]
    return it and it.lead and it.text:sub(1, it.lead), it and it.text
  end
  for _, indent in ipairs({ "　　", "\u{A0}", " 　" }) do
    local lead = lead_of(para(run(indent), run("（一）主动公开", true), run("本年度。")))
    ok(lead == indent .. "（一）主动公开", "docx_items: a bold lead after an indent " .. ("%q"):format(indent) .. ": " .. tostring(lead))
  end
  -- a paragraph whose mark is deleted (tracked) is one with the next: its plain text before the
  -- next one's bold is no bold lead, its bold text one that goes on
  local deleted = '<w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'
  local lead, text = lead_of("<w:p>" .. deleted .. run("本年度") .. "</w:p>" .. para(run("（一）主动公开", true), run("本年度。")))
  ok(text == "本年度（一）主动公开本年度。" and lead == nil, "docx_items: plain text taken in opens no lead: " .. tostring(lead))
  lead = lead_of("<w:p>" .. deleted .. run("（一）", true) .. "</w:p>" .. para(run("主动公开", true), run("本年度。")))
  ok(lead == "（一）主动公开", "docx_items: bold text taken in opens the lead: " .. tostring(lead))
  -- the number alone in bold is no heading of its own: the words after it are the heading
  r = imp.import(page("<p>一、总体情况</p><p><strong>（一）</strong>主动公开</p><p>本年度主动公开政府信息120条。</p>" .. MIDDLE),
    "bold-number.html")
  o = r and r.overview or {}
  ok(o[1] and o[1].heading == "主动公开" and o[1].text == "本年度主动公开政府信息120条。", "HTML bold number: （一） is " .. show(1))
  body = para(run("一、总体情况", true)) .. para(run("（一）", true), run("主动公开")) .. para(run("本年度主动公开政府信息120条。"))
  xml = '<?xml version="1.0" encoding="UTF-8"?><w:document ' .. word.W .. "><w:body>" .. body .. "</w:body></w:document>"
  r = imp.import(nb.zip({ { name = "[Content_Types].xml", data = '<?xml version="1.0"?><Types/>' },
    { name = "word/document.xml", data = xml } }), "bold-number.docx")
  o = r and r.overview or {}
  ok(o[1] and o[1].heading == "主动公开" and o[1].text == "本年度主动公开政府信息120条。", "Word bold number: （一） is " .. show(1))
end

os.exit(tally.finish())
