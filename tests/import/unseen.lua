-- Layouts of published reports met only after the importer was written (the review of
-- "import on reports never seen"): each short fixture in tests/import/fixtures is imported and
-- every number checked in its cell, or the loss named in a note.
--   nianbao run tests/import/unseen.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok
local read, note = T.fixture, T.note

local same, show = T.same_cells, T.show_cells
-- table 四 as three lists {upheld, corrected, other, pending, total}
local function same_appeals(r, want, what) T.check_appeals(ok, r, want, what) end

local t3_row = T.t3_row

---------------------------------------------------------------------------
-- 1. table 四 in a table whose first column is empty in every row (a layout column of a CMS
-- editor, or Word's): the empty cell before the numbers is no blank 结果维持, the numbers
-- are not shifted one column on

do
  local r, notes = imp.import(read("t4-empty-first-col.html"), "t4-empty-first-col.html")
  same_appeals(r, { { 3, 1, 0, 2, 6 }, { 1, 0, 0, 0, 1 }, { 0, 2, 0, 1, 3 } }, "empty first column")
  ok(not note(notes, "VALUE.BLANK", "四"), "empty first column: no blank cell named")
  -- a label column whose corner cell spans the header rows: only the numbers' row has an
  -- empty first cell
  local text = read("t4-empty-first-col.html"):gsub("<tr><td></td>", "<tr>", 3)
    :gsub("<tr><td colspan=\"5\">", "<tr><td rowspan=\"3\"></td><td colspan=\"5\">", 1)
  r, notes = imp.import(text, "t4.html")
  same_appeals(r, { { 3, 1, 0, 2, 6 }, { 1, 0, 0, 0, 1 }, { 0, 2, 0, 1, 3 } }, "empty corner and first cell")
  -- a real blank 结果维持 stays a blank: the numbers after it do not make the table
  text = read("t4-empty-first-col.html"):gsub("<td>3</td>", "<td></td>", 1)
  r, notes = imp.import(text, "t4.html")
  same_appeals(r, { { "", 1, 0, 2, 6 }, { 1, 0, 0, 0, 1 }, { 0, 2, 0, 1, 3 } }, "a blank first cell")
end

---------------------------------------------------------------------------
-- 2. table 三 copied one cell per line: a row label as wide as a line of prose (（六）'s two
-- long labels) is followed by its numbers, never joined with them as a wrapped paragraph
-- (which ran the numbers together: "27330233635154", left out as a run-on row)

do
  local name = "t3-cell-per-line-long-label.txt"
  local r, notes = imp.import(read(name), name)
  for key, want in pairs({ ["other.no_correction"] = { 24, 32, 8, 33, 35, 13, 145 },
      ["other.no_fee_payment"] = { 27, 3, 30, 23, 36, 35, 154 }, ["other.other"] = { 12, 32, 26, 31, 22, 26, 149 },
      total = { 443, 434, 501, 398, 469, 460, 2705 } }) do
    local got = t3_row(r, key)
    ok(same(got, want), string.format("%s: %s is %s, want %s", name, key, show(got), show(want)))
  end
  ok(not note(notes, "IMPORT.RUNON", "三"), name .. ": no run-on row")
end

---------------------------------------------------------------------------
-- Word documents are built here: parts of word/ around paragraphs and tables
local word = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/word.lua")
local W = word.W
local function para(text) return "<w:p><w:r><w:t>" .. text .. "</w:t></w:r></w:p>" end
local function docx(body, parts)
  local entries = { { name = "[Content_Types].xml", data = '<?xml version="1.0"?><Types/>' },
    { name = "word/document.xml", data = '<?xml version="1.0" encoding="UTF-8"?><w:document ' .. W
      .. "><w:body>" .. body .. "</w:body></w:document>" } }
  for name, xml in pairs(parts or {}) do entries[#entries + 1] = { name = name, data = xml } end
  return nb.zip(entries)
end
local SECTIONS = para("一、总体情况") .. para("本年度主动公开信息12条。") .. para("二、主动公开政府信息情况")
  .. para("三、收到和处理政府信息公开申请情况") .. para("四、政府信息公开行政复议、行政诉讼情况")
  .. para("五、存在的主要问题及改进情况") .. para("无。") .. para("六、其他需要报告的事项") .. para("无。")

-- 3. the title set in the page header of a Word document (a letterhead), not in the body:
-- the agency and year come from it, not left empty with "no title found"
do
  local bytes = docx(SECTIONS, { ["word/header1.xml"] = '<?xml version="1.0"?><w:hdr ' .. W .. ">"
    .. para("某县某局2023年政府信息公开工作年度报告") .. "</w:hdr>" })
  local r, notes = imp.import(bytes, "header-title.docx")
  ok(r and r.agency == "某县某局" and r.year == 2023, "title in the page header: agency and year "
    .. tostring(r and r.agency) .. " " .. tostring(r and r.year))
  ok(not note(notes, "SECTION.MISSING", nil, "未找到报告标题"), "title in the page header: no missing-title note")
  -- a header that names no report (the agency's name alone) is no title
  bytes = docx(SECTIONS, { ["word/header1.xml"] = '<?xml version="1.0"?><w:hdr ' .. W .. ">"
    .. para("某县人民政府办公室") .. "</w:hdr>" })
  r, notes = imp.import(bytes, "header-name.docx")
  ok(r and r.agency == "" and note(notes, "SECTION.MISSING", nil, "未找到报告标题"), "a header without a title: none found")
end

-- 4. a Word document whose whole report is set in a table of one cell (a page saved from the
-- web, a frame): that table's cell is read as the body, its paragraphs and tables in order;
-- before, all of the report was the text of one cell and nothing was imported
local cell, row, T4 = word.cell, word.row, word.T4
do
  local body = para("某县某局2023年政府信息公开工作年度报告") .. SECTIONS:gsub("(四、政府信息公开行政复议、行政诉讼情况</w:t></w:r></w:p>)", "%1" .. T4)
  local framed = "<w:tbl><w:tr><w:tc>" .. body .. "<w:p/></w:tc></w:tr></w:tbl>"
  local r, notes = imp.import(docx(framed), "framed.docx")
  ok(r and r.agency == "某县某局", "report in a one-cell table: the title " .. tostring(r and r.agency))
  local missing = note(notes, "SECTION.MISSING", nil, "未找到标题")
  ok(not missing, "report in a one-cell table: every heading found: " .. (missing and missing.message or ""))
  same_appeals(r, { { 3, 1, 0, 2, 6 }, { 1, 0, 0, 0, 1 }, { 0, 2, 0, 1, 3 } }, "report in a one-cell table")
  ok(r.other_matters == "无。", "report in a one-cell table: 六 " .. tostring(r.other_matters))
  -- a text box's text once: mc:Fallback repeats the mc:Choice for older readers
  local box = '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    .. "<mc:Choice><w:txbxContent>" .. para("某县某局2023年政府信息公开工作年度报告") .. "</w:txbxContent></mc:Choice>"
    .. "<mc:Fallback><w:txbxContent>" .. para("某县某局2023年政府信息公开工作年度报告") .. "</w:txbxContent></mc:Fallback>"
    .. "</mc:AlternateContent></w:r></w:p>"
  local items = nb.docx_items('<w:document ' .. W .. "><w:body>" .. box .. "</w:body></w:document>")
  ok(#items == 1 and items[1].text == "某县某局2023年政府信息公开工作年度报告", "a text box read once: " .. #items .. " items")
  -- a cell of two paragraphs: a wrapped label joins, a number over a number does not make
  -- one number ("1" over "2" was read 12, silently)
  items = nb.docx_items('<w:document ' .. W .. "><w:body><w:tbl><w:tr><w:tc>" .. para("属于行政执法")
    .. para("案卷") .. "</w:tc><w:tc>" .. para("1") .. para("2") .. "</w:tc><w:tc>" .. para("3")
    .. para("件") .. "</w:tc></w:tr></w:tbl></w:body></w:document>")
  local cells = items and items[1] and items[1].cells or {}
  ok(cells[1] and cells[1].text == "属于行政执法案卷", "a wrapped label in a cell: " .. tostring(cells[1] and cells[1].text))
  ok(cells[2] and cells[2].text == "1 2", "two numbers in a cell stay two: " .. tostring(cells[2] and cells[2].text))
  ok(cells[3] and cells[3].text == "3件", "a number and its unit join: " .. tostring(cells[3] and cells[3].text))
  -- a page's cell the same: its <p> and <br> parts join, a number over a number with a space
  local hitems = require("nianbao.import.html").items("<table><tr><td><p>1</p><p>2</p></td><td>1<br>2</td>"
    .. "<td>属于行政<br>执法案卷</td><td>3<span>4</span></td><td><div>5</div>件</td></tr></table>", {})
  local htexts = {}
  for i, c in ipairs(hitems and hitems[1] and hitems[1].cells or {}) do htexts[i] = c.text end
  ok(table.concat(htexts, "|") == "1 2|1 2|属于行政执法案卷|34|5件", "HTML cells of parts: " .. table.concat(htexts, "|"))
  -- and the table reader takes such a cell for no number (the row is named, not read as 12);
  -- digits grouped by threes are one number
  local tokens = require("nianbao.import.tables").tokens({ { kind = "row", cells = {
    { text = "1 2", definite = true }, { text = "1 234", definite = true }, { text = "12", definite = true },
    { text = "5 125.11", definite = true } } } })
  local kinds = {}
  for i, t in ipairs(tokens) do kinds[i] = t.kind .. (t.kind == "value" and ("=" .. tostring(t.value)) or "") end
  ok(table.concat(kinds, " ") == "illegible value=1234 value=12 illegible", "cells with spaced digits: " .. table.concat(kinds, " "))
  -- invalid nesting (a paragraph right in a table, a row in a row) gives no stray item
  items = nb.docx_items('<w:document ' .. W .. "><w:body><w:tbl>" .. para("甲") .. "<w:tr><w:tr>" .. cell("乙")
    .. "</w:tr></w:tr></w:tbl>" .. para("丙") .. "</w:body></w:document>")
  ok(items and items[#items].kind == "para" and items[#items].text == "丙", "invalid nesting: the paragraph after the table")
end

-- 5. a portal's page saved whole: the breadcrumb above the report and the site's footer
-- (主办单位, 网站标识码, ICP and 公网安备 numbers) below it are page chrome, not part of 六
do
  local r, notes = imp.import(read("site-footer.html"), "site-footer.html")
  ok(r.other_matters == "本年度未收取信息处理费。", "site footer: 六 is the report's text: " .. tostring(r.other_matters))
  ok(not note(notes, "IMPORT.NOT_PLACED", nil, "当前位置"), "site footer: the breadcrumb is chrome")
  ok(note(notes, "IMPORT.DROPPED", nil, "网页附加信息 5 行"), "site footer: the chrome is counted")
end

-- 6. pdftotext -layout: a row with a blank cell (fewer numbers) under a full row, its label
-- after a piece of the vertical 三、本年度办理结果 ("三   （一）予以公开   8  36 …"): it is a row
-- of its own, not the wrapped ends of the numbers above, which were named illegible
do
  local name = "t3-layout-short-row.txt"
  local r, notes = imp.import(read(name), name)
  local got = t3_row(r, "carried_over")
  ok(same(got, { 22, 0, 34, 34, 39, 39, 168 }), name .. ": 二、上年结转 is " .. show(got))
  ok(not note(notes, "SECTION.MISSING", "三", "数字无法辨认"), name .. ": no row named illegible")
  -- its numbers stand under the first six columns of the full rows above: 总计 is the blank
  -- one, and the row is read so, its blank named (layout_blanks.lua)
  got = t3_row(r, "disclosed")
  ok(same(got, { 8, 36, 4, 16, 7, 31, "" }), name .. ": （一）予以公开 placed by its columns: " .. show(got))
  ok(note(notes, "IMPORT.VARIANT", "三", "（一）予以公开（空白：总计）"), name .. ": the placed row is named")
  ok(not note(notes, "SECTION.MISSING", "三", "（一）予以公开"), name .. ": the short row is no longer left out")
end

-- 7. a page saved again as UTF-8 that still declares gb2312 (<meta charset> or http-equiv):
-- read as UTF-8, said so; before, the UTF-8 bytes were decoded as GBK and nothing was found
do
  for _, meta in ipairs({ '<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=GBK">' }) do
    local page = read("site-footer.html"):gsub('<meta charset="utf%-8">', meta)
    local r, notes = imp.import(page, "declared-gbk.html")
    ok(r and r.agency == "某县某局" and r.other_matters == "本年度未收取信息处理费。",
      meta .. ": read as UTF-8: " .. tostring(r and r.agency))
    ok(note(notes, "IMPORT.CHARSET", nil, "内容是 UTF-8"), meta .. ": the mismatch is named")
  end
  -- a page in GBK as declared is still decoded
  local page = read("site-footer.html"):gsub('<meta charset="utf%-8">', '<meta charset="gbk">')
  local r, notes = imp.import(assert(require("nianbao.html").iconv(page, "UTF-8", "GB18030")), "gbk.html")
  ok(r and r.agency == "某县某局" and note(notes, "IMPORT.CHARSET", nil, "按 GB18030"), "a GBK page as declared")
end

os.exit(tally.finish())
