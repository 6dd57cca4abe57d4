-- Whole reports written to continue the samples' layouts (../shared/samples), imported as text:
-- every cell in its place or the loss named.
--   nianbao run tests/import/text_round.lua   (from the repository root)
local imp = require "nianbao.import"
local frame = require "nianbao.import.frame"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok
local read, note = T.fixture, T.note
local same, show = T.same_cells, T.show_cells

-- 1. a 2023 report keeping the trial format's table 二 (as 04-jinxian), one cell per line: a
-- signed 本年增/减 alone on its line ("-52 |") is that cell, not a PDF page number "- 52 -"
-- dropped, which shifted 0 into 本年增/减 and left 处理决定数量 blank
do
  local r, notes = imp.import(read("trial-t2-signed-cells.txt"), "trial-t2-signed-cells.txt")
  local p = r.proactive_2019 or {}
  ok(same(p["行政许可"] or {}, { 199, -52, 0 }), "行政许可: " .. show(p["行政许可"]))
  ok(same(p["行政处罚"] or {}, { "", -129, 381 }), "行政处罚: " .. show(p["行政处罚"]))
  ok(same(p["其他对外管理服务事项"] or {}, { 99, 0, 441 }), "其他对外管理服务事项: " .. show(p["其他对外管理服务事项"]))
  ok(not note(notes, "IMPORT.DROPPED", nil, "页码"), "no page number dropped")
  ok(not note(notes, "SECTION.MISSING", "二", "行政处罚"), "行政处罚 read")
  -- page numbers keep their dashes on both sides
  ok(frame.is_footer("- 52 -") and frame.is_footer("—3—"), "footers with dashes on both sides")
  ok(not frame.is_footer("-52") and not frame.is_footer("－52") and not frame.is_footer("52-"), "a signed number is a cell")
end

-- 2. the same layout, a trial row with its first cell blank ("规章 |", "|", "79 |", "580 |",
-- "|"): the next row's label, 规范性文件 (no label of the 2021 format), ends the row; read past
-- it, the row took the next row's first number and its blank went last
do
  local text = read("trial-t2-signed-cells.txt")
  local nl = text:find("\r\n", 1, true) and "\r\n" or "\n" -- the fixture's line ends (CRLF)
  local function rewrite(label, cells)
    local from = assert(text:find(label .. " |" .. nl, 1, true), label)
    local stop = assert(text:find(nl .. "|" .. nl, from, true), label .. " end") + #nl
    text = text:sub(1, from - 1) .. label .. " |" .. nl .. table.concat(cells, nl) .. nl .. text:sub(stop)
  end
  rewrite("规章", { "|", "79 |", "580 |" })
  rewrite("规范性文件", { "|", "149 |", "0 |" })
  local r, notes = imp.import(text, "trial-t2-blank-first.txt")
  local p = r.proactive_2019 or {}
  ok(same(p["规章"] or {}, { "", 79, 580 }), "规章 with a blank first cell: " .. show(p["规章"]))
  ok(same(p["规范性文件"] or {}, { "", 149, 0 }), "规范性文件 with a blank first cell: " .. show(p["规范性文件"]))
  ok(same(p["行政许可"] or {}, { 199, -52, 0 }), "the rows after them: " .. show(p["行政许可"]))
end

-- 3. the same layout, trial rows with their LAST cell blank: the bare "|" is both that cell and
-- the row's end ("规章 |", "5 |", "0 |", "|", "规范性文件 |"). Read when the row's count works
-- out (its cells and the "|" make the row's number of cells, a new row's label next); a row
-- one cell short of that is still named, not padded
do
  local text = read("trial-t2-signed-cells.txt")
  local nl = text:find("\r\n", 1, true) and "\r\n" or "\n"
  local function rewrite(label, cells)
    local from = assert(text:find(label .. " |" .. nl, 1, true), label)
    local stop = assert(text:find(nl .. "|" .. nl, from, true), label .. " end") + #nl + 1 + #nl
    text = text:sub(1, from - 1) .. label .. " |" .. nl .. table.concat(cells, nl) .. nl .. text:sub(stop)
  end
  rewrite("规章", { "5 |", "0 |", "|" })
  rewrite("行政事业性收费", { "48 |", "|" })
  rewrite("政府集中采购", { "318 |", "|" })
  rewrite("行政强制", { "7 |", "|" }) -- 2 of its 3 cells: short, not read
  local r, notes = imp.import(text, "trial-t2-blank-last.txt")
  local p = r.proactive_2019 or {}
  ok(same(p["规章"] or {}, { 5, 0, "" }), "规章 with a blank last cell: " .. show(p["规章"]))
  ok(same(p["规范性文件"] or {}, { 0, 0, 277 }), "the row after it: " .. show(p["规范性文件"]))
  ok(same(p["行政事业性收费"] or {}, { 48, "" }), "行政事业性收费 before a block's header: " .. show(p["行政事业性收费"]))
  ok(same(p["政府集中采购"] or {}, { 318, "" }), "政府集中采购, the table's last row: " .. show(p["政府集中采购"]))
  ok(p["行政强制"] == nil and note(notes, "SECTION.MISSING", "二", "行政强制（读到"),
    "a row one cell short is named: " .. show(p["行政强制"]))
end

-- 4. a dash run into a number in a cell ("—440", "–5"): a minus typed as a dash, or a blank
-- mark with the next cell's number run on. Not certain: its row is left out and the note says
-- why (it was skipped as a label's piece, and 行政许可 came out blank). The minus sign "−"
-- (U+2212) and "-"/"－" are a minus. In tab rows, one cell per line, and layout text
do
  local function dashed(notes, section, label, cell)
    return note(notes, "SECTION.MISSING", section, label .. "（“" .. cell .. "”数字前的破折号是负号还是空白标记")
  end
  local seed = T.read("../shared/000_49be5e48092c958c.txt")
  local function swap(text, from, to)
    local a, b = text:find(from, 1, true)
    assert(a, from)
    return text:sub(1, a - 1) .. to .. text:sub(b + 1)
  end
  for _, cell in ipairs({ "—440", "–5", "— 440", "——12" }) do
    local r, notes = imp.import(swap(seed, "行政许可\t0\t", "行政许可\t" .. cell .. "\t"), "dash.txt")
    ok(r.proactive and r.proactive.licensing == nil and dashed(notes, "二", "行政许可", cell),
      "tab row: 行政许可 " .. cell .. " named, not blank: " .. tostring(r.proactive and r.proactive.licensing))
  end
  local r, notes = imp.import(swap(seed, "行政许可\t0\t", "行政许可\t−440\t"), "minus.txt")
  ok(r.proactive and r.proactive.licensing == -440, "the minus sign U+2212 is a minus")
  -- table 三 and 四 in tab rows
  r, notes = imp.import(swap(seed, "一、本年新收政府信息公开申请数量\t\t0\t0", "一、本年新收政府信息公开申请数量\t\t0\t—3"), "dash.txt")
  ok(T.t3_row(r, "new") == nil and dashed(notes, "三", "一、本年新收政府信息公开申请数量", "—3"), "table 三: a dashed cell names its row")
  r, notes = imp.import(swap(seed, "\n0\t0\t0\t0\t0\t0", "\n0\t—1\t0\t0\t0\t0"), "dash.txt")
  ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四", "“—1”数字前的破折号"), "table 四: a dashed cell names the row")
  -- one cell per line (the trial format's 本年增/减, which may be negative)
  local trial = read("trial-t2-signed-cells.txt")
  r, notes = imp.import(swap(trial, "-52 |", "—52 |"), "trial-dash.txt")
  ok((r.proactive_2019 or {})["行政许可"] == nil and dashed(notes, "二", "行政许可", "—52"), "one cell per line: —52 named")
  -- layout text (pdftotext -layout): a row's only cell, and a cell among three
  local huaian = T.read("../shared/real-reports/01-huaian-city-gov-2024.txt")
  r, notes = imp.import(swap(huaian, "行政许可          447228", "行政许可          —447228"), "huaian-dash.txt")
  ok(r.proactive and r.proactive.licensing == nil and dashed(notes, "二", "行政许可", "—447228"), "layout: 行政许可 —447228 named")
  r, notes = imp.import(swap(huaian, "规章            1          0        11", "规章            1          —0       11"), "huaian-dash.txt")
  ok(r.proactive and r.proactive.regulations == nil and dashed(notes, "二", "规章", "—0"), "layout: 规章 —0 named")
end

-- 5. a PDF's layout text whose narrow columns set a row's first numbers one space apart right
-- after its label ("一、本年新收政府信息公开申请数量 36 10      1   4  6 9 66"): each is a cell
-- (only the last was taken off the label, and the row was named short)
do
  local name = "tests/import/corpus/022.pdf.txt"
  local text = T.read(name)
  ok(text:find("一、本年新收政府信息公开申请数量 36 10      1", 1, true), "the corpus report's row")
  local r, notes = imp.import(text, name)
  ok(same(T.t3_row(r, "new") or {}, { 36, 10, 1, 4, 6, 9, 66 }), "numbers one space after the label: " .. show(T.t3_row(r, "new")))
  ok(not note(notes, "SECTION.MISSING", "三"), "table 三 read whole")
end

os.exit(tally.finish())
