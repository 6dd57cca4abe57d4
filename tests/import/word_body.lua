-- What Word shows of a document's body, and only that (host/docx.c): hidden text (w:vanish
-- in a run, a paragraph mark, a style, a table's style or the document's defaults), deleted
-- tracked changes and table rows deleted with track changes are not read, nor counted by the
-- automatic numbering, nor are deleted table cells; a paragraph whose mark is deleted joins
-- the next one; a text box anchored inside a paragraph leaves the paragraph whole, its own
-- paragraphs after it; a data table with a table of several rows in a cell is read row by
-- row, the inner table's rows in its place (as LibreOffice lists them).
--   nianbao run tests/import/word_body.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"

local here = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".")
local T = dofile(here .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok
local note = T.note
local word = dofile(here .. "/word.lua")
local W = word.W
local MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

local function part(root, body)
  return '<?xml version="1.0" encoding="UTF-8"?><w:' .. root .. " " .. W .. " " .. MC .. ">" .. body .. "</w:" .. root .. ">"
end
-- a run; rpr: its w:rPr's content
local function r(text, rpr) return "<w:r>" .. (rpr and "<w:rPr>" .. rpr .. "</w:rPr>" or "") .. "<w:t>" .. text .. "</w:t></w:r>" end
-- a paragraph of runs (or of text); ppr: its w:pPr's content
local function p(runs, ppr)
  if not runs:find("^<") then runs = r(runs) end
  return "<w:p>" .. (ppr and "<w:pPr>" .. ppr .. "</w:pPr>" or "") .. runs .. "</w:p>"
end
local VANISH = "<w:vanish/>"
local HIDDEN_MARK = "<w:rPr><w:vanish/></w:rPr>"

-- the items of a body read with these parts: "para text" and "row a|b|c" strings
local function items(body, numbering, styles)
  local list, warn = nb.docx_items(part("document", "<w:body>" .. body .. "</w:body>"),
    numbering and part("numbering", numbering), styles and part("styles", styles))
  local out = {}
  for _, it in ipairs(list or {}) do
    if it.kind == "para" then
      out[#out + 1] = it.text
    else
      local cells = {}
      for i, c in ipairs(it.cells) do cells[i] = c.text end
      out[#out + 1] = "[" .. table.concat(cells, "|") .. "]"
    end
  end
  return out, warn
end
local same = tally.same_list

---------------------------------------------------------------------------
-- 1. hidden text: Word does not show it (nor prints it); before, it was read as the report's

do
  -- runs: hidden, hidden with its line break and tab, shown again by w:val 0 / false
  same(items(p(r("本年度") .. r("（内部备注）", VANISH) .. r("主动公开", '<w:vanish w:val="0"/>')
      .. "<w:r><w:rPr><w:vanish/></w:rPr><w:br/><w:tab/><w:t>删</w:t></w:r>" .. r("信息12条。", '<w:vanish w:val="false"/>'))),
    { "本年度主动公开信息12条。" }, "hidden runs")
  -- a paragraph hidden whole (its runs and its mark), and one hidden by its style
  local styles = '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    .. '<w:style w:type="paragraph" w:styleId="note"><w:basedOn w:val="hid"/></w:style>'
    .. '<w:style w:type="paragraph" w:styleId="hid"><w:rPr><w:vanish/></w:rPr></w:style>'
    .. '<w:style w:type="character" w:styleId="hc"><w:rPr><w:vanish/></w:rPr></w:style>'
  same(items(p("甲") .. p(r("草稿说明", VANISH), HIDDEN_MARK) .. p("乙", '<w:pStyle w:val="note"/>')
      .. p(r("丙") .. r("附注", '<w:rStyle w:val="hc"/>'), '<w:pStyle w:val="a"/>')
      .. p(r("丁", '<w:vanish w:val="0"/>'), '<w:pStyle w:val="hid"/>'), nil, styles),
    { "甲", "丙", "丁" }, "hidden paragraphs, and text hidden by a style (the styles part without a numbering part)")
  -- what a paragraph mark's w:vanish hides is the mark: its shown text stays (as LibreOffice
  -- shows it)
  same(items(p("甲", HIDDEN_MARK)), { "甲" }, "a hidden mark, its text shown")
end

-- the numbering does not count a hidden paragraph: the numbers of the shown ones are those
-- Word shows
do
  local numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    .. '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
    .. '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
  local styles = '<w:style w:type="paragraph" w:styleId="h1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    .. '<w:style w:type="paragraph" w:styleId="hid"><w:basedOn w:val="h1"/><w:rPr><w:vanish/></w:rPr></w:style>'
  local NUM = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
  same(items(p("总体情况", NUM) .. p(r("旧标题", VANISH), NUM .. HIDDEN_MARK) .. p("主动公开政府信息情况", NUM)
      .. p("旧标题二", '<w:pStyle w:val="hid"/>') .. p("收到和处理政府信息公开申请情况", '<w:pStyle w:val="h1"/>'),
      numbering, styles),
    { "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况" }, "hidden numbered paragraphs are not counted")
  -- and as a whole report: the headings found, the hidden draft heading not read into 一
  local body = p("某县某局2023年政府信息公开工作年度报告") .. p("总体情况", NUM) .. p("本年度主动公开信息12条。")
    .. p(r("存在的主要问题及改进情况（草稿）", VANISH), NUM .. HIDDEN_MARK)
    .. p("主动公开政府信息情况", NUM) .. p("收到和处理政府信息公开申请情况", NUM)
    .. p("政府信息公开行政复议、行政诉讼情况", NUM) .. word.T4
    .. p("存在的主要问题及改进情况", NUM) .. p("无。") .. p("其他需要报告的事项", NUM) .. p("无。")
  local bytes = nb.zip({ { name = "[Content_Types].xml", data = "<Types/>" },
    { name = "word/document.xml", data = part("document", "<w:body>" .. body .. "</w:body>") },
    { name = "word/numbering.xml", data = part("numbering", numbering) } })
  local rep, notes = imp.import(bytes, "hidden.docx")
  local missing = note(notes, "SECTION.MISSING", nil, "未找到标题")
  ok(not missing, "a hidden numbered heading: every heading found: " .. (missing and missing.message or ""))
  ok(rep and rep.other_matters == "无。", "a hidden numbered heading: 六 " .. tostring(rep and rep.other_matters))
  -- a styles part that cannot be read: what its styles hide is read as shown, and the note
  -- says so (not that that text is missing)
  local _, bad_notes = imp.import(nb.zip({ { name = "[Content_Types].xml", data = "<Types/>" },
    { name = "word/document.xml", data = part("document", "<w:body>" .. body .. "</w:body>") },
    { name = "word/styles.xml", data = '<!DOCTYPE x [<!ENTITY a "b">]><x/>' } }), "bad-styles.docx")
  local said = note(bad_notes, "IMPORT.DOCX")
  ok(said and said.message:find("样式隐藏的文字（如有）已作为正文导入", 1, true),
    "a styles part not read: the note says hidden text may have been read: " .. (said and said.message or "no note"))
end

-- tracked changes: deleted text (w:del, w:moveFrom) is not read, inserted text (w:ins,
-- w:moveTo) is, as Word shows the document with its changes accepted
do
  same(items(p(r("本年度") .. '<w:del w:id="1" w:author="a"><w:r><w:delText>未</w:delText></w:r></w:del>'
      .. '<w:ins w:id="2" w:author="a">' .. r("主动") .. "</w:ins>"
      .. '<w:del w:id="3" w:author="a"><w:r><w:br/><w:t>旧</w:t></w:r></w:del>'
      .. '<w:moveFrom w:id="4" w:author="a">' .. r("信息") .. "</w:moveFrom>"
      .. r("公开") .. '<w:moveTo w:id="5" w:author="a">' .. r("信息") .. "</w:moveTo>" .. r("12条。"))),
    { "本年度主动公开信息12条。" }, "tracked changes")
  -- a numbered paragraph deleted whole (its text and its mark, w:pPr/w:rPr/w:del) is gone
  -- from the list, as a hidden one: the numbers after it are those Word shows
  local numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    .. '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
    .. '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
  local NUM = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
  local function gone(tag, text)
    return "<w:p><w:pPr>" .. NUM .. "<w:rPr><w:" .. tag .. ' w:id="7" w:author="a"/></w:rPr></w:pPr><w:' .. tag
      .. ' w:id="8" w:author="a"><w:r><w:delText>' .. text .. "</w:delText></w:r></w:" .. tag .. "></w:p>"
  end
  same(items(p("总体情况", NUM) .. gone("del", "旧标题") .. p("主动公开政府信息情况", NUM) .. gone("moveFrom", "移走的标题")
      .. p("收到和处理政府信息公开申请情况", NUM), numbering),
    { "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况" }, "deleted numbered paragraphs are not counted")
  -- a deleted mark whose paragraph still shows text: that text joins the next paragraph,
  -- which keeps its number (section 6); before a table it keeps its own
  same(items(p("总体情况", NUM) .. "<w:p><w:pPr>" .. NUM .. '<w:rPr><w:del w:id="7" w:author="a"/></w:rPr></w:pPr>'
      .. r("主动公开政府信息情况") .. "</w:p>" .. p("收到和处理政府信息公开申请情况", NUM), numbering),
    { "一、总体情况", "二、主动公开政府信息情况收到和处理政府信息公开申请情况" }, "a deleted mark, its text shown")
  same(items(p("总体情况", NUM) .. "<w:p><w:pPr>" .. NUM .. '<w:rPr><w:del w:id="7" w:author="a"/></w:rPr></w:pPr>'
      .. r("主动公开政府信息情况") .. "</w:p>" .. "<w:tbl>" .. word.row({ "1" }) .. "</w:tbl>" .. p("收到和处理政府信息公开申请情况", NUM), numbering),
    { "一、总体情况", "二、主动公开政府信息情况", "[1]", "三、收到和处理政府信息公开申请情况" }, "a deleted mark before a table, its text shown")
end

---------------------------------------------------------------------------
-- 2. a text box anchored inside a paragraph: the paragraph stays one, the box's paragraphs
-- come after it (once: mc:Fallback repeats them for older readers); before, the paragraph
-- was cut in two at the box

local function box(inner)
  return "<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>" .. inner .. "</w:txbxContent></w:drawing></mc:Choice>"
    .. "<mc:Fallback><w:pict><w:txbxContent>" .. inner .. "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
end
do
  same(items(p(r("本年度主动公开") .. box(p("图1") .. p("公开情况")) .. r("信息12条。")) .. p("下一段。")),
    { "本年度主动公开信息12条。", "图1", "公开情况", "下一段。" }, "a text box inside a paragraph")
  -- a VML text box alone (w:pict), a box inside a box's paragraph, a table in a box
  same(items(p(r("甲") .. "<w:r><w:pict><w:txbxContent>" .. p(r("乙") .. box(p("丙")) .. r("丁")) .. "</w:txbxContent></w:pict></w:r>"
      .. r("戊"))),
    { "甲戊", "乙丁", "丙" }, "boxes inside boxes: each paragraph whole, in order")
  same(items(p(r("甲") .. box("<w:tbl>" .. word.row({ "1", "2" }) .. "</w:tbl>" .. p("乙")) .. r("丙"))),
    { "甲丙", "[1|2]", "乙" }, "a table in a text box")
  -- a numbered paragraph with a box: the number before the paragraph's text
  local numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    .. '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
    .. '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
  local NUM = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
  same(items(p(r("甲") .. box(p("乙", NUM)) .. r("丙"), NUM) .. p("丁", NUM), numbering),
    { "1.甲丙", "2.乙", "3.丁" }, "numbered paragraphs with a text box")
end

---------------------------------------------------------------------------
-- 3. a data table one of whose cells holds a table of several rows (a header cell drawn as
-- two rows): the outer table is still read row by row, the inner table's rows in its place;
-- before, the outer table was taken for a layout frame and its cells became paragraphs (an
-- empty cell, a blank, was lost, and the numbers after it moved a column)

local cell = word.cell
local function tr(cells) return "<w:tr>" .. table.concat(cells) .. "</w:tr>" end
do
  local inner = "<w:tbl>" .. word.row({ "行政复议" }) .. word.row({ "（单位：件）" }) .. "</w:tbl>"
  local T4 = "<w:tbl>" .. tr({ "<w:tc>" .. inner .. "<w:p/></w:tc>", cell(""), cell(""), cell(""), cell(""), cell("行政诉讼") })
    .. word.row({ "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉" })
    .. word.row({ "", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" })
    .. word.row({ "", "1", "0", "2", "6", "1", "0", "0", "0", "1", "0", "2", "0", "1", "3" }) .. "</w:tbl>"
  local got = items(p("前") .. T4 .. p("后"))
  same(got, { "前", "[行政复议]", "[（单位：件）]", "[||||行政诉讼]",
    "[结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉]",
    "[|||||结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计]",
    "[|1|0|2|6|1|0|0|0|1|0|2|0|1|3]", "后" }, "a data table with a table of two rows in a cell")
  -- a label before the inner table and text after it are cells of their own
  local t = "<w:tbl>" .. tr({ "<w:tc>" .. p("（三）不予公开") .. inner .. p("注") .. "</w:tc>", cell("5") }) .. word.row({ "合计", "5" }) .. "</w:tbl>"
  same(items(t), { "[（三）不予公开]", "[行政复议]", "[（单位：件）]", "[注|5]", "[合计|5]" }, "a label, an inner table, a note")
  -- as a report: table 四 read with its blank cell named, the other numbers in their columns
  local body = p("某县某局2023年政府信息公开工作年度报告") .. p("一、总体情况") .. p("本年度主动公开信息12条。")
    .. p("二、主动公开政府信息情况") .. p("三、收到和处理政府信息公开申请情况") .. p("四、政府信息公开行政复议、行政诉讼情况")
    .. T4 .. p("五、存在的主要问题及改进情况") .. p("无。") .. p("六、其他需要报告的事项") .. p("无。")
  local bytes = nb.zip({ { name = "[Content_Types].xml", data = "<Types/>" },
    { name = "word/document.xml", data = part("document", "<w:body>" .. body .. "</w:body>") } })
  local rep, notes = imp.import(bytes, "nested.docx")
  local lists = T.t4_lists(rep)
  local function list(k)
    if not (lists and lists[k]) then return "none" end
    local out = {}
    for i, v in ipairs(lists[k]) do out[i] = tostring(T.plain(v)) end
    return table.concat(out, ",")
  end
  ok(lists and T.same_cells(lists[1], { "", 1, 0, 2, 6 }) and T.same_cells(lists[2], { 1, 0, 0, 0, 1 })
    and T.same_cells(lists[3], { 0, 2, 0, 1, 3 }), "table 四 with a nested header cell: " .. list(1) .. " | " .. list(2) .. " | " .. list(3))
  ok(note(notes, "VALUE.BLANK", "四"), "table 四 with a nested header cell: the blank cell named")
  -- a report set in a frame of one cell stays read as the body (tests/import/unseen.lua)
  local framed = "<w:tbl><w:tr><w:tc>" .. body .. "<w:p/></w:tc></w:tr></w:tbl>"
  rep = imp.import(nb.zip({ { name = "[Content_Types].xml", data = "<Types/>" },
    { name = "word/document.xml", data = part("document", "<w:body>" .. framed .. "</w:body>") } }), "framed.docx")
  lists = T.t4_lists(rep)
  ok(lists and T.same_cells(lists[3], { 0, 2, 0, 1, 3 }) and rep.agency == "某县某局", "the framed report still read: " .. list(3))
  -- a report set in a frame of one row a part, a number beside each ([1 | 一's text],
  -- [2 | 四's heading and table]): a table as wide as the frame or wider is no cell's label
  -- but a part of the page, and the frame is read as the body
  local in_rows = "<w:tbl>" .. tr({ cell("1"), "<w:tc>" .. p("某县某局2023年政府信息公开工作年度报告") .. p("一、总体情况")
      .. p("本年度主动公开信息12条。") .. p("二、主动公开政府信息情况") .. p("三、收到和处理政府信息公开申请情况") .. "</w:tc>" })
    .. tr({ cell("2"), "<w:tc>" .. p("四、政府信息公开行政复议、行政诉讼情况") .. word.T4 .. "<w:p/></w:tc>" })
    .. tr({ cell("3"), "<w:tc>" .. p("五、存在的主要问题及改进情况") .. p("无。") .. p("六、其他需要报告的事项") .. p("无。") .. "</w:tc>" })
    .. "</w:tbl>"
  rep, notes = imp.import(nb.zip({ { name = "[Content_Types].xml", data = "<Types/>" },
    { name = "word/document.xml", data = part("document", "<w:body>" .. in_rows .. "</w:body>") } }), "rows.docx")
  lists = T.t4_lists(rep)
  local missing = note(notes, "SECTION.MISSING", nil, "未找到标题")
  ok(not missing, "a report in a frame of a row a part: every heading found: " .. (missing and missing.message or ""))
  ok(lists and T.same_cells(lists[1], { 3, 1, 0, 2, 6 }) and T.same_cells(lists[3], { 0, 2, 0, 1, 3 }),
    "a report in a frame of a row a part: table 四 read: " .. list(1) .. " | " .. list(3))
end

---------------------------------------------------------------------------
-- 4. table rows deleted with track changes (w:trPr/w:del): Word strikes the row out and
-- drops it when the changes are accepted, so the table is read as if it were not there (its
-- numbers in no cell, not even an empty row of its cells); a row inserted with track changes
-- (w:trPr/w:ins) is kept. Before, a deleted row's numbers were read as a row of the table.

-- a row whose w:trPr holds more (ppr: what else, before the change mark)
local function tracked_row(list, change, before)
  local cells = {}
  for i, t in ipairs(list) do cells[i] = cell(t) end
  return "<w:tr><w:trPr>" .. (before or "") .. "<w:" .. change .. ' w:id="9" w:author="a" w:date="2024-01-20T10:00:00Z"/></w:trPr>'
    .. table.concat(cells) .. "</w:tr>"
end
-- the row as Word writes a deleted one: its runs in w:del as w:delText, its marks deleted too
local function word_deleted_row(list)
  local cells = {}
  for i, t in ipairs(list) do
    cells[i] = '<w:tc><w:p><w:pPr><w:rPr><w:del w:id="10" w:author="a"/></w:rPr></w:pPr><w:del w:id="11" w:author="a">'
      .. "<w:r><w:delText>" .. t .. "</w:delText></w:r></w:del></w:p></w:tc>"
  end
  return '<w:tr><w:trPr><w:cantSplit/><w:del w:id="12" w:author="a"/></w:trPr>' .. table.concat(cells) .. "</w:tr>"
end
-- the row as Word writes an inserted one: its runs in w:ins, its marks inserted
local function word_inserted_row(list)
  local cells = {}
  for i, t in ipairs(list) do
    cells[i] = '<w:tc><w:p><w:pPr><w:rPr><w:ins w:id="13" w:author="a"/></w:rPr></w:pPr><w:ins w:id="14" w:author="a">'
      .. "<w:r><w:t>" .. t .. "</w:t></w:r></w:ins></w:p></w:tc>"
  end
  return '<w:tr><w:trPr><w:ins w:id="15" w:author="a"/></w:trPr>' .. table.concat(cells) .. "</w:tr>"
end

do
  same(items("<w:tbl>" .. word.row({ "甲", "1" }) .. tracked_row({ "乙", "2" }, "del") .. tracked_row({ "乙", "3" }, "ins")
      .. word.row({ "丙", "4" }) .. "</w:tbl>"),
    { "[甲|1]", "[乙|3]", "[丙|4]" }, "a deleted row (w:trPr/w:del) left out, an inserted one kept")
  same(items("<w:tbl>" .. word.row({ "甲", "1" }) .. word_deleted_row({ "乙", "2" }) .. word_inserted_row({ "乙", "3" })
      .. "</w:tbl>"),
    { "[甲|1]", "[乙|3]" }, "a deleted row as Word writes it: no empty row left")
  -- the old properties of a changed row (w:trPrChange) say nothing of the row now
  same(items("<w:tbl>" .. tracked_row({ "甲", "1" }, "ins", '<w:trPrChange w:id="3" w:author="a"><w:trPr><w:del w:id="4" w:author="a"/></w:trPr></w:trPrChange>')
      .. "</w:tbl>"),
    { "[甲|1]" }, "a w:del in w:trPrChange deletes no row")
  -- a deleted row of a table in a cell: only that row goes; a deleted row that holds a table:
  -- the table goes with it
  local inner = "<w:tbl>" .. word.row({ "行政复议" }) .. tracked_row({ "旧" }, "del") .. word.row({ "（单位：件）" }) .. "</w:tbl>"
  same(items("<w:tbl>" .. tr({ "<w:tc>" .. inner .. "<w:p/></w:tc>", cell("5") }) .. word.row({ "合计", "5" })
      .. '<w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr><w:tc>' .. inner .. "<w:p/></w:tc>" .. cell("6") .. "</w:tr>"
      .. "</w:tbl>"),
    { "[行政复议]", "[（单位：件）]", "[5]", "[合计|5]" }, "deleted rows in and around a table in a cell")
  -- the last row deleted, and every row: the table reads as what is left of it
  same(items(p("前") .. "<w:tbl>" .. word.row({ "甲", "1" }) .. tracked_row({ "乙", "2" }, "del") .. "</w:tbl>"
      .. "<w:tbl>" .. tracked_row({ "丙", "3" }, "del") .. "</w:tbl>" .. p("后")),
    { "前", "[甲|1]", "后" }, "a table's last row and a table's every row deleted")
end

-- as a report: table 三 where a wrong row was deleted and the corrected one inserted with
-- track changes, and the same in table 四; the numbers imported are the corrected ones and the
-- report checks clean
do
  local datafile = require "nianbao.datafile"
  local r = T.load_seed():copy()
  local q = r.requests
  q.new = { 6, 2, 0, 0, 0, 1, 9 }
  q.carried_over = { 1, 0, 0, 0, 0, 0, 1 }
  q.disclosed = { 4, 1, 0, 0, 0, 1, 6 }
  q.partially_disclosed = { 1, 0, 0, 0, 0, 0, 1 }
  q.unavailable = { not_held = { 1, 1, 0, 0, 0, 0, 2 }, needs_creation = { 0, 0, 0, 0, 0, 0, 0 }, unclear = { 0, 0, 0, 0, 0, 0, 0 } }
  q.total = { 6, 2, 0, 0, 0, 1, 9 }
  q.carried_forward = { 1, 0, 0, 0, 0, 0, 1 }
  r.appeals.review = { upheld = 1, corrected = 0, other = 0, pending = 1, total = 2 }
  for _, item in ipairs(r.overview) do
    if item.heading == "依申请公开" then
      item.text = "2024年，本机关共新收政府信息公开申请9件，上年结转1件，结转下年度继续办理1件。"
    end
  end
  local bytes = nb.render(r, "docx")
  local xml = assert(nb.unzip(bytes, "word/document.xml"))
  -- the rows of the rendered document whose texts start with label
  local function row_of(label, nth)
    local k = 0
    for row in xml:gmatch("<w:tr>.-</w:tr>") do
      local texts = {}
      for t in row:gmatch("<w:t[^>]*>([^<]*)</w:t>") do texts[#texts + 1] = t end
      if table.concat(texts, "|"):find(label, 1, true) then
        k = k + 1
        if k == (nth or 1) then return row end
      end
    end
  end
  -- a row as Word writes it deleted (bare: only its w:trPr says so), with other numbers
  local function deleted(row, wrong, word_form)
    local i = 0
    local out = row:gsub("(<w:t[^>]*>)([^<]*)(</w:t>)", function(open, t, close)
      if not t:match("^%d+$") then return nil end
      i = i + 1
      return open .. (wrong[i] or t) .. close
    end)
    if word_form then
      out = out:gsub("<w:r>(.-)</w:r>", function(run)
        return '<w:del w:id="20" w:author="a"><w:r>' .. run:gsub("<w:t([ >])", "<w:delText%1"):gsub("</w:t>", "</w:delText>") .. "</w:r></w:del>"
      end)
    end
    local mark = '<w:del w:id="21" w:author="a" w:date="2025-01-10T09:00:00Z"/>'
    if out:find("<w:trPr>", 1, true) then return (out:gsub("</w:trPr>", mark .. "</w:trPr>", 1)) end
    return (out:gsub("^<w:tr>", "<w:tr><w:trPr>" .. mark .. "</w:trPr>"))
  end
  local function inserted(row)
    local mark = '<w:ins w:id="22" w:author="a" w:date="2025-01-10T09:00:00Z"/>'
    if row:find("<w:trPr>", 1, true) then return (row:gsub("</w:trPr>", mark .. "</w:trPr>", 1)) end
    return (row:gsub("^<w:tr>", "<w:tr><w:trPr>" .. mark .. "</w:trPr>"))
  end
  local function edited(word_form)
    local x = xml
    for _, e in ipairs({ { "（二）部分公开", { "3", "0", "0", "0", "0", "0", "3" } },
                         { "一、本年新收", { "8", "2", "0", "0", "0", "1", "11" } },
                         { "1|0|0|1|2|0", { "2", "0", "0", "1", "3" } } }) do
      local row = assert(row_of(e[1], e[3]), e[1])
      local at = assert(x:find(row, 1, true))
      x = x:sub(1, at - 1) .. deleted(row, e[2], word_form) .. inserted(row) .. x:sub(at + #row)
    end
    local parts = { { name = "[Content_Types].xml", data = assert(nb.unzip(bytes, "[Content_Types].xml")) },
      { name = "word/document.xml", data = x }, { name = "word/styles.xml", data = assert(nb.unzip(bytes, "word/styles.xml")) } }
    return nb.zip(parts)
  end
  for _, word_form in ipairs({ false, true }) do
    local what = word_form and "table 三 and 四 corrected with track changes (Word's form)" or "table 三 and 四 corrected with track changes (w:trPr/w:del alone)"
    local got, notes = imp.import(edited(word_form), "tracked.docx")
    local tmp = os.tmpname()
    local f = assert(io.open(tmp, "wb")) f:write(datafile.serialize(got)) f:close()
    local v = assert(nb.load(tmp))
    os.remove(tmp)
    local gq = v.requests
    ok(T.same_cells(gq.new, q.new) and T.same_cells(gq.partially_disclosed, q.partially_disclosed)
      and T.same_cells(gq.disclosed, q.disclosed) and T.same_cells(gq.unavailable.not_held, q.unavailable.not_held),
      what .. ": the corrected numbers: 新收 " .. T.show_cells(gq.new) .. ", 部分公开 " .. T.show_cells(gq.partially_disclosed))
    local lists = T.t4_lists(v)
    ok(lists and T.same_cells(lists[1], { 1, 0, 0, 1, 2 }), what .. ": table 四's corrected row "
      .. (lists and T.show_cells(lists[1]) or "not read"))
    local errors = {}
    for _, x in ipairs(nb.check(v):errors()) do errors[#errors + 1] = x.id end
    ok(#errors == 0, what .. ": checks clean: " .. table.concat(errors, ","))
    local said = {}
    for _, n in ipairs(notes) do
      if n.severity ~= "info" then said[#said + 1] = n.id .. ":" .. n.message end
    end
    ok(#said == 0, what .. ": no import warning: " .. table.concat(said, " / "))
  end
end

---------------------------------------------------------------------------
-- 5. text hidden by the document's defaults (styles.xml w:docDefaults/w:rPrDefault) and by a
-- table's style (w:tblStyle): Word takes w:vanish from the run itself, else its character
-- style, its paragraph style, its table's style, the defaults; w:val "0"/"false" shows the
-- text again. Before, the defaults and table styles were not read: their hidden text was read.

do
  local DEFAULTS = '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="SimSun"/><w:vanish/></w:rPr></w:rPrDefault>'
    .. '<w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>'
  local styles = DEFAULTS .. '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    .. '<w:style w:type="paragraph" w:styleId="shown"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
    .. '<w:style w:type="paragraph" w:styleId="shown2"><w:basedOn w:val="shown"/></w:style>'
    .. '<w:style w:type="character" w:styleId="cs"><w:rPr><w:vanish w:val="false"/></w:rPr></w:style>'
  same(items(p("草稿") .. p(r("本年度", '<w:vanish w:val="0"/>') .. r("（注）") .. r("主动公开", '<w:rStyle w:val="cs"/>'))
      .. p("信息12条。", '<w:pStyle w:val="shown2"/>') .. p(r("隐", VANISH), '<w:pStyle w:val="shown"/>'), nil, styles),
    { "本年度主动公开", "信息12条。" }, "text hidden by the document defaults, shown again by a run, a character or paragraph style")
  -- defaults that show text (or say nothing of it) hide nothing
  same(items(p("甲") .. p(r("乙", VANISH)), nil, '<w:docDefaults><w:rPrDefault><w:rPr><w:vanish w:val="0"/></w:rPr></w:rPrDefault></w:docDefaults>'),
    { "甲" }, "defaults that show text")
  -- w:vanish of another part of the defaults or of the latent styles is no default of text
  same(items(p("甲"), nil, '<w:docDefaults><w:pPrDefault><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr></w:pPrDefault></w:docDefaults>'),
    { "甲" }, "a w:vanish outside w:rPrDefault/w:rPr")

  -- a table style that hides its text: the table's cells are hidden (the text around it is
  -- not), but a paragraph style or a run that shows its text wins; a table in a cell has its
  -- own style (or the default table style); a text box in a cell is no text of the table
  local tstyles = '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    .. '<w:style w:type="paragraph" w:styleId="shown"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
    .. '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>'
    .. '<w:style w:type="table" w:styleId="hid"><w:basedOn w:val="TableNormal"/><w:rPr><w:vanish/></w:rPr>'
    .. '<w:tblStylePr w:type="firstRow"><w:rPr><w:vanish w:val="0"/></w:rPr></w:tblStylePr></w:style>'
    .. '<w:style w:type="table" w:styleId="hid2"><w:basedOn w:val="hid"/></w:style>'
  local function styled(style, rows) return '<w:tbl><w:tblPr><w:tblStyle w:val="' .. style .. '"/></w:tblPr>' .. rows .. "</w:tbl>" end
  same(items(p("前") .. styled("hid2", word.row({ "草稿", "1" }) .. tr({ cell("甲"), "<w:tc>" .. p("2", '<w:pStyle w:val="shown"/>') .. "</w:tc>" })
      .. tr({ "<w:tc>" .. p(r("乙", '<w:vanish w:val="0"/>')) .. "</w:tc>", cell("3") })) .. p("后"), nil, tstyles),
    { "前", "[|]", "[|2]", "[乙|]", "后" }, "a table style that hides its cells' text")
  same(items(styled("hid", tr({ "<w:tc>" .. styled("TableNormal", word.row({ "内" }) .. word.row({ "1" })) .. "<w:p/></w:tc>", cell("外") })
      .. tr({ "<w:tc><w:tbl>" .. word.row({ "默认" }) .. word.row({ "2" }) .. "</w:tbl><w:p/></w:tc>", cell("x") })), nil, tstyles),
    { "[内]", "[1]", "[]", "[默认]", "[2]", "[]" }, "tables in a hidden table's cells: their own styles")
  local shown_box = box(p("框")):gsub("^<w:r>", '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr>')
  same(items(styled("hid", tr({ "<w:tc>" .. p(r("甲") .. shown_box) .. "</w:tc>" }) .. tr({ cell("乙") }))
      .. styled("none", word.row({ "丙" })), nil, tstyles),
    { "[框]", "[]", "[丙]" }, "a text box in a hidden table's cell, a style not defined")
  -- the defaults under a table style that shows its text
  same(items(styled("shown_t", word.row({ "甲", "1" })) .. p("乙"), nil, DEFAULTS
      .. '<w:style w:type="table" w:styleId="shown_t"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'),
    { "[甲|1]" }, "a table style that shows its text, in hidden defaults")
  -- a numbered paragraph whose mark the defaults hide, with no text shown, is not counted
  local numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    .. '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
    .. '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
  local NUM = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
  local SHOW = '<w:vanish w:val="0"/>'
  same(items(p(r("总体情况", SHOW), NUM) .. p("旧标题", NUM) .. p(r("主动公开政府信息情况", SHOW), NUM), numbering, DEFAULTS),
    { "一、总体情况", "二、主动公开政府信息情况" }, "a paragraph hidden by the defaults is not counted")
end

---------------------------------------------------------------------------
-- 6. a paragraph whose mark is deleted with track changes (w:pPr/w:rPr/w:del): when the change
-- is accepted its text joins the next paragraph, which keeps its own properties (its number),
-- as Word shows it; before, the two were read as two paragraphs (and in a cell "1" over "2"
-- as "1 2" where Word shows 12). With no paragraph after it in its container (a table follows,
-- or its cell, text box or body ends) it stays a paragraph.

do
  local DEL = '<w:rPr><w:del w:id="7" w:author="a" w:date="2025-01-10T09:00:00Z"/></w:rPr>'
  same(items(p("本年度主动公开", DEL) .. p("信息", DEL) .. p("12条。") .. p("下一段。")),
    { "本年度主动公开信息12条。", "下一段。" }, "deleted marks: the paragraphs joined")
  -- a deleted (moved) paragraph, its text gone too, leaves the next one as it is
  same(items(p("甲") .. "<w:p><w:pPr>" .. DEL .. '</w:pPr><w:del w:id="8" w:author="a"><w:r><w:delText>旧</w:delText></w:r></w:del></w:p>'
      .. "<w:p><w:pPr><w:rPr><w:moveFrom w:id=\"9\" w:author=\"a\"/></w:rPr></w:pPr><w:moveFrom w:id=\"10\" w:author=\"a\">" .. r("移") .. "</w:moveFrom></w:p>"
      .. p("乙")),
    { "甲", "乙" }, "deleted paragraphs with their marks")
  -- the number is the next paragraph's: a numbered heading whose mark is deleted joins the
  -- unnumbered text after it (and is not counted), an unnumbered text joins a numbered heading
  local numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    .. '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
    .. '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
  local NUM = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
  same(items(p("总体情况", NUM) .. p("主动公开", NUM .. DEL) .. p("本年度无。") .. p("（草稿）", DEL) .. p("收到和处理政府信息公开申请情况", NUM), numbering),
    { "一、总体情况", "主动公开本年度无。", "二、（草稿）收到和处理政府信息公开申请情况" }, "deleted marks: the next paragraph's number")
  -- in a cell: "1" over a deleted mark over "2" is 12; the cell's last paragraph stays in
  -- its cell, the body's last is read
  same(items("<w:tbl>" .. tr({ "<w:tc>" .. p("1", DEL) .. p("2") .. "</w:tc>", "<w:tc>" .. p("3", DEL) .. "</w:tc>", cell("4") })
      .. tr({ "<w:tc>" .. p("甲", DEL) .. "<w:tbl>" .. word.row({ "5" }) .. word.row({ "6" }) .. "</w:tbl>" .. p("乙") .. "</w:tc>", cell("7") })
      .. "</w:tbl>" .. p("末", DEL)),
    { "[12|3|4]", "[甲]", "[5]", "[6]", "[乙|7]", "末" }, "deleted marks in cells and at the end")
  -- in a text box: the box's last paragraph does not join the text after the box
  same(items(p(r("甲") .. box(p("乙", DEL)) .. r("丙")) .. p("丁")),
    { "甲丙", "乙", "丁" }, "a deleted mark in a text box")
  same(items(p(r("甲") .. box(p("乙", DEL) .. p("丙"))) .. p("丁")),
    { "甲", "乙丙", "丁" }, "deleted marks in a text box, joined in it")
  -- one set (out of Word's order) before the w:trPr or w:tcPr of a row or cell deleted with
  -- track changes goes with it; one straight in a row joins no cell. Before, it waited past
  -- the records cut with the row and was then written from beyond their end (a crash)
  local ROW_DEL, CELL_DEL = '<w:trPr><w:del w:id="1" w:author="a"/></w:trPr>', '<w:tcPr><w:cellDel w:id="1" w:author="a"/></w:tcPr>'
  same(items(p(r("外") .. box("<w:tbl><w:tr>" .. p("甲", DEL) .. ROW_DEL .. cell("1") .. "</w:tr></w:tbl>"))),
    { "外" }, "a deleted mark in a deleted row, in a text box")
  same(items(p(r("外") .. box("<w:tbl>" .. tr({ cell("x"), "<w:tc>" .. p("甲", DEL) .. CELL_DEL .. "</w:tc>" }) .. "</w:tbl>"))),
    { "外", "[x]" }, "a deleted mark in a deleted cell, in a text box")
  same(items("<w:tbl><w:tr>" .. r("乙") .. p("甲", DEL) .. cell("x") .. "</w:tr></w:tbl>"), { "[x]" },
    "a deleted mark straight in a row, before a cell")
end

-- a cell deleted with track changes (w:tcPr/w:cellDel, a column deleted): Word drops it and
-- the cells after it move left; an inserted one (w:cellIns) is kept
do
  local function tracked_cell(text, change, before)
    return "<w:tc><w:tcPr>" .. (before or "") .. "<w:" .. change .. ' w:id="9" w:author="a"/></w:tcPr>' .. p(text) .. "</w:tc>"
  end
  same(items("<w:tbl>" .. tr({ cell("甲"), tracked_cell("1", "cellDel", '<w:tcW w:w="800" w:type="dxa"/>'), cell("2") })
      .. tr({ cell("乙"), tracked_cell("3", "cellIns"), tracked_cell("4", "cellDel") })
      .. tr({ cell("丙"), "<w:tc><w:tcPr><w:tcPrChange w:id=\"1\" w:author=\"a\"><w:tcPr><w:cellDel/></w:tcPr></w:tcPrChange></w:tcPr>" .. p("5") .. "</w:tc>" })
      .. "</w:tbl>"),
    { "[甲|2]", "[乙|3]", "[丙|5]" }, "deleted cells left out")
end

os.exit(tally.finish())
