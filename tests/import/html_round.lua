-- HTML pages laid out as government CMS sites and Word's "Save as HTML" publish them (the
-- round of generated variants of the shared reports, numbers changed so that no row's or
-- group's total holds): each number in its cell, or what could not be read named in a note.
--   nianbao run tests/import/html_round.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok
local read, note = T.fixture, T.note
local plain, same, show = T.plain, T.same_cells, T.show_cells
-- table 四 as three lists {upheld, corrected, other, pending, total}
local function same_appeals(r, want, what) T.check_appeals(ok, r, want, what) end

-- A small page: the title, 一 holding body, table 二 with rows after its two header rows, 五
-- (head: more of <head>, such as a style sheet)
local function small_page(body, rows, head)
  return table.concat({ "<html><head><meta charset=\"utf-8\">", head or "", "</head><body>",
    "<p>某县某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p>", body,
    "<p>二、主动公开政府信息情况</p><table>",
    "<tr><td colspan=\"4\">第二十条第（五）项</td></tr>",
    "<tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>",
    rows, "</table><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>" }, "\n")
end

---------------------------------------------------------------------------
-- 1. an empty layout column in every row of table 四, and totals that do not hold (so they
-- cannot tell a blank 结果维持 from the layout cell): the column is no cell of the table,
-- the numbers are not shifted one column on with the last one dropped

do
  local row = "<tr><td>&nbsp;</td><td></td><td>1</td><td>0</td><td>2</td><td>7</td>"
    .. "<td>1</td><td>0</td><td>0</td><td>0</td><td>2</td><td>0</td><td>2</td><td>0</td><td>1</td><td>4</td></tr>"
  local text = read("t4-empty-first-col.html"):gsub("<tr><td>&nbsp;</td>.-</tr>", row, 1)
  local r = imp.import(text, "t4-margin.html")
  same_appeals(r, { { "", 1, 0, 2, 7 }, { 1, 0, 0, 0, 2 }, { 0, 2, 0, 1, 4 } }, "margin column, totals off")
  -- a table of one row keeps its first cell: it may be a blank of the table
  local one = "<table><tr><td></td><td>1</td></tr></table>"
  local items = require("nianbao.import.html").items(one, {})
  ok(#items == 1 and #items[1].cells == 2, "one-row table: the empty first cell is kept")
end

---------------------------------------------------------------------------
-- 2. table 三 whose label cells' colspan is written as empty cells after the label (a
-- converted table that writes every cell of the grid): "一、本年新收… |  |  | 7 numbers" has
-- its 7 numbers, the empty cells are no blank 自然人 and 商业企业 (also when its 总计 is blank)

do
  local labels = { "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量" }
  local page = { "<html><head><meta charset=\"utf-8\"></head><body>",
    "<p>某县某局2023年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p><table>",
    "<tr><td colspan=\"3\" rowspan=\"3\"></td><td colspan=\"7\">申请人情况</td></tr>",
    "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>",
    "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>" }
  for k, label in ipairs(labels) do
    -- the second row has a real blank 自然人 after its two merge cells
    local cells = k == 1 and "<td>11</td>" or "<td></td>"
    for c = 2, 6 do cells = cells .. "<td>" .. (10 * k + c) .. "</td>" end
    cells = cells .. (k == 1 and "<td>17</td>" or "<td></td>")
    page[#page + 1] = "<tr><td>" .. label .. "</td><td></td><td>&nbsp;</td>" .. cells .. "</tr>"
  end
  page[#page + 1] = "</table><p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>"
  local r = imp.import(table.concat(page, "\n"), "t3-merge-cells.html")
  local new, carried = T.t3_row(r, "new"), T.t3_row(r, "carried_over")
  ok(same(new, { 11, 12, 13, 14, 15, 16, 17 }), "merge cells: 一 is " .. show(new))
  ok(same(carried, { "", 22, 23, 24, 25, 26, "" }), "merge cells: 二 is " .. show(carried))
end

---------------------------------------------------------------------------
-- 3. a subsection heading in bold at the start of its paragraph, the text run on with no
-- punctuation between them: the bold run is the heading, the text is not glued to it (nor a
-- short text taken for part of the heading); a bold "一是" lead-in stays in its text

do
  local page = table.concat({ "<html><head><meta charset=\"utf-8\"></head><body>",
    "<p>某县某局2023年政府信息公开工作年度报告</p>",
    "<p><strong>一、总体情况</strong></p>",
    "<p><strong>（一）主动公开</strong>本年度主动公开政府信息120条。</p>",
    "<p><b><span>（二）依申请公开</span></b><span>未收到申请。</span></p>",
    "<p><strong>（三）政府信息管理</strong>：<strong>一是</strong>加强审核。</p>",
    "<p><strong>二、主动公开政府信息情况</strong></p><p><strong>五、存在的主要问题及改进情况</strong>无。</p>",
    "</body></html>" }, "\n")
  local r = imp.import(page, "bold-headings.html")
  local o = r and r.overview or {}
  ok(o[1] and o[1].heading == "主动公开" and o[1].text == "本年度主动公开政府信息120条。",
    "bold heading: （一） is " .. tostring(o[1] and o[1].heading) .. " / " .. tostring(o[1] and o[1].text))
  ok(o[2] and o[2].heading == "依申请公开" and o[2].text == "未收到申请。",
    "bold heading: （二） is " .. tostring(o[2] and o[2].heading) .. " / " .. tostring(o[2] and o[2].text))
  ok(o[3] and o[3].heading == "政府信息管理" and tostring(o[3].text):find("一是加强审核", 1, true),
    "bold heading: （三） is " .. tostring(o[3] and o[3].heading) .. " / " .. tostring(o[3] and o[3].text))
end

---------------------------------------------------------------------------
-- 3b. Word saves a bold heading in several bold runs ("<b>（一）</b><b>主动公开</b>", a run per
-- language or proofing state): the runs together are the heading, not the first alone (which
-- left the heading empty and its words glued to the text, or lost a section's title)

do
  local page = table.concat({ "<html><head><meta charset=\"utf-8\"></head><body>",
    "<p>某县某局2023年政府信息公开工作年度报告</p>",
    "<p><strong>一、</strong><strong>总体情况</strong></p>",
    "<p><b><span lang=EN-US>（一）</span></b><b><span>主动公开</span></b>本年度主动公开政府信息120条。</p>",
    "<p><b>（二）</b><b> </b><b>依申请公开</b></p><p>未收到申请。</p>",
    "<p><strong>二、</strong><strong>主动公开政府信息情况</strong></p><p><strong>五、存在的主要问题及改进情况</strong>无。</p>",
    "</body></html>" }, "\n")
  local r, notes = imp.import(page, "bold-runs.html")
  local o = r and r.overview or {}
  ok(o[1] and o[1].heading == "主动公开" and o[1].text == "本年度主动公开政府信息120条。",
    "bold runs: （一） is " .. tostring(o[1] and o[1].heading) .. " / " .. tostring(o[1] and o[1].text))
  ok(o[2] and o[2].heading == "依申请公开" and o[2].text == "未收到申请。",
    "bold runs: （二） is " .. tostring(o[2] and o[2].heading) .. " / " .. tostring(o[2] and o[2].text))
  ok(not note(notes or {}, "SECTION.MISSING", nil, "未找到标题“二、"), "bold runs: 二、 split into runs is found")
end

---------------------------------------------------------------------------
-- 4. text the page hides (Word's hidden text saved as display:none;mso-hide:all, a hidden row,
-- the hidden attribute) is no part of the report, as in a .docx (word_body.lua)

do
  local page = small_page("<p>本年度主动公开<span style='display:none;mso-hide:all'>（待核实）</span>政府信息120条。</p>"
    .. "<div hidden>旧稿：本年度主动公开政府信息100条。</div>",
    "<tr style=\"DISPLAY: none\"><td>行政许可</td><td colspan=\"3\">99</td></tr>"
    .. "<tr><td>行政许可</td><td colspan=\"3\"><span style=\"display:none\">9</span>12</td></tr>")
  local r = imp.import(page, "hidden.html")
  local text = r and r.overview and r.overview[1] and r.overview[1].text
  ok(text == "本年度主动公开政府信息120条。", "hidden text: overview is " .. tostring(text))
  local licensing = r and r.proactive and r.proactive.licensing
  ok(licensing == 12, "hidden row and span: 行政许可 is " .. tostring(plain(licensing)))
end

---------------------------------------------------------------------------
-- 4b. what the page hides is not certainly hidden (a script or the style sheet may show it,
-- and the style sheet may hide what the importer keeps): the texts are named in a warning,
-- a hidden number that is the only copy of its cell too; a hidden empty row (Word's) is not

do
  local function page(head, body)
    return small_page(body, "<tr style='display:none'><td></td><td></td></tr>"
      .. "<tr><td>行政许可</td><td colspan=\"3\">1<span class=\"hid\">9</span>2</td></tr>", head)
  end
  local function hidden_note(notes, text)
    return note(notes or {}, "IMPORT.HTML", nil, text)
  end
  local _, notes = imp.import(page("", "<p style=\"display:none\">本年度主动公开政府信息120条。</p>"), "hidden-only.html")
  ok(hidden_note(notes, "本年度主动公开政府信息120条。"), "hidden paragraph, the only copy, is named")
  _, notes = imp.import(page("<style>@media print { .hid { display: none } } span.hid{display:none}</style>", "<p>本年度主动公开。</p>"),
    "hidden-class.html")
  ok(hidden_note(notes, "“9”"), "text a style sheet class hides is named")
  _, notes = imp.import(page("<style>@media print { .hid { display: none } }</style>", "<p>本年度主动公开。</p>"), "print.html")
  ok(not hidden_note(notes, "隐藏"), "hidden in print only: no note")
end

---------------------------------------------------------------------------
-- 5. the margin column after the table (empty in every row, the header's too): the empty cell
-- ending the header is no blank 结果维持 of table 四

do
  local row = "<tr><td></td><td>1</td><td>0</td><td>2</td><td>7</td>"
    .. "<td>1</td><td>0</td><td>0</td><td>0</td><td>2</td><td>0</td><td>2</td><td>0</td><td>1</td><td>4</td></tr>"
  local text = read("t4-empty-first-col.html"):gsub("<tr><td></td>", "<tr>")
    :gsub("<tr><td>&nbsp;</td>.-</tr>", row, 1):gsub("</tr>", "<td></td></tr>")
  local r = imp.import(text, "t4-margin-after.html")
  same_appeals(r, { { "", 1, 0, 2, 7 }, { 1, 0, 0, 0, 2 }, { 0, 2, 0, 1, 4 } }, "margin column after")
  -- a table without a header row keeps an empty last column: blank 总计 cells of its own
  local items = require("nianbao.import.html").items("<table><tr><td>a</td><td>1</td><td></td></tr>"
    .. "<tr><td>b</td><td>2</td><td></td></tr></table>", {})
  ok(#items == 2 and #items[1].cells == 3, "no header: the empty last column is kept")
end

---------------------------------------------------------------------------
-- 6. zero-width characters pasted into cells and text (U+200B, U+FEFF, a soft hyphen): the
-- page shows nothing of them, the number and the label are read as shown

do
  local page = small_page("<p>本年度主动公开政府信息&#8203;120条。</p>",
    "<tr><td>行政&shy;许可</td><td colspan=\"3\">&#65279;12&#8203;</td></tr>")
  local r = imp.import(page, "zero-width.html")
  local text = r and r.overview and r.overview[1] and r.overview[1].text
  ok(text == "本年度主动公开政府信息120条。", "zero width: overview is " .. tostring(text))
  local licensing = r and r.proactive and r.proactive.licensing
  ok(licensing == 12, "zero width: 行政许可 is " .. tostring(plain(licensing)))
end

---------------------------------------------------------------------------
-- 7. headings of Word's automatic lists saved as HTML: the number, then no-break spaces as a
-- tab stop (<![if !supportLists]>…<![endif]>), then the words; the heading is the words alone

do
  local list = "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>%s"
    .. "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>%s<o:p></o:p></span></p>"
  local page = table.concat({ "<html><head><meta charset=\"utf-8\"></head><body>",
    "<p>某县某局2023年政府信息公开工作年度报告</p>", list:format("一、", "总体情况"),
    list:format("（一）", "主动公开"), "<p>本年度主动公开政府信息120条。</p>",
    list:format("（二）", "依申请公开"), "<p>未收到申请。</p>",
    list:format("二、", "主动公开政府信息情况"), list:format("五、", "存在的主要问题及改进情况"), "<p>无。</p>",
    "</body></html>" }, "\n")
  local r = imp.import(page, "word-lists.html")
  local o = r and r.overview or {}
  ok(o[1] and o[1].heading == "主动公开" and o[2] and o[2].heading == "依申请公开",
    "Word list headings: " .. tostring(o[1] and o[1].heading) .. " / " .. tostring(o[2] and o[2].heading))
end

os.exit(tally.finish())
