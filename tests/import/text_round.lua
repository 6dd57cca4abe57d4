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

os.exit(tally.finish())
