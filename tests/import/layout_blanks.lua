-- Rows with blank cells in layout text (pdftotext -layout, a viewer's copy that keeps the
-- columns): a blank cell leaves nothing, so such a row has fewer numbers than columns. Its
-- numbers go to the columns they stand under (the complete rows near it for table 三, the
-- header for table 四) when that is certain, the empty cells blank (never 0) and named; when
-- it is not certain, the row is left out and named as before.
--   nianbao run tests/import/layout_blanks.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"
local pdf = require "nianbao.import.pdf"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok
local read, note = T.fixture, T.note

local function plain(v) if v == nb.BLANK then return "" end return v end
local function show(list)
  local out = {}
  for i, v in ipairs(list or {}) do out[i] = tostring(plain(v)) end
  return "{" .. table.concat(out, ",") .. "}"
end
local function same(a, b)
  if type(a) ~= "table" or #a ~= #b then return false end
  for i = 1, #b do if plain(a[i]) ~= b[i] then return false end end
  return true
end
local row = T.t3_row

-- the data file the fixture was rendered from (nianbao render, then pdftotext -layout):
-- 16 blank cells in table 三 over 14 rows, on two pages
local T3 = {
  new = { 2, 140, 1, 5, 1, 25, 174 },
  carried_over = { 140, 0, "", "", 3, 140, 283 },
  disclosed = { 3, 12, 0, 37, 3, 25, 80 },
  partially_disclosed = { 12, 37, "", 1, 2, 1234, 1286 },
  ["withheld.state_secret"] = { 12, 37, 1234, 3, 5, "", 1291 },
  ["withheld.prohibited_by_law"] = { 12, 12, 1234, "", 8, "", 1266 },
  ["withheld.security_stability"] = { 12, 8, 25, 0, 25, 0, 70 },
  ["withheld.third_party"] = { 0, 3, 37, 37, 3, 12, 92 },
  ["withheld.internal_affairs"] = { 0, 12, 37, 2, 37, 37, 125 },
  ["withheld.process_info"] = { 8, 12, 8, "", 37, 37, 102 },
  ["withheld.enforcement_files"] = { "", "", "", 0, 1234, "", 1234 },
  ["withheld.inquiry"] = { 8, 5, 1, 2, 2, 5, 23 },
  ["unavailable.not_held"] = { 0, 5, 12, 8, 12, 3, 40 },
  ["unavailable.needs_creation"] = { 3, 0, 12, 2, 0, 2, 19 },
  ["unavailable.unclear"] = { 25, 3, 37, 1234, 0, "", 1299 },
  ["not_processed.petition"] = { 0, 5, 1, "", 5, "", 11 },
  ["not_processed.duplicate"] = { 140, 25, 2, 140, 37, 0, 344 },
  ["not_processed.publication"] = { 1234, 12, 5, "", 25, 0, 1276 },
  ["not_processed.mass_repeated"] = { "", 8, 12, 3, 5, 1234, 1262 },
  ["not_processed.reconfirmation"] = { 37, 3, 1, 0, 1, 2, 44 },
  ["other.no_correction"] = { "", 1, "", "", "", 25, 26 },
  ["other.no_fee_payment"] = { "", 8, 1, 140, 140, 12, 301 },
  ["other.other"] = { "", 25, "", "", 0, "", 25 },
  total = { 140, 12, 2, 1, 25, 2, 182 },
  carried_forward = { 5, 37, "", 25, 8, 1, 76 },
}

local function whole_table(r, notes, what)
  local wrong = {}
  for key, want in pairs(T3) do
    if not same(row(r, key), want) then wrong[#wrong + 1] = key .. " " .. show(row(r, key)) end
  end
  table.sort(wrong)
  ok(#wrong == 0, what .. ": every row of table 三 as rendered (" .. table.concat(wrong, "; ") .. ")")
  ok(not note(notes, "SECTION.MISSING", "三"), what .. ": no row of table 三 named missing")
  local n = note(notes, "IMPORT.VARIANT", "三", "有空白单元格")
  ok(n and n.message:find("表三有 14 行", 1, true) and n.message:find("7.属于行政执法案卷（空白：自然人、商业企业、科研机构、其他）", 1, true),
    what .. ": the rows placed by the layout are named: " .. (n and n.message or "none"))
  ok(note(notes, "VALUE.BLANK", "三", "表三有 26 个空白单元格"), what .. ": the blanks are counted as blanks")
end

-- 1. pdftotext -layout as saved to a text file (form feeds kept), and as the PDF front end
-- reads it (pages joined, form feeds dropped: each page's grid told by its rows)
do
  local name = "pdf-layout-blank-cells.txt"
  local text = read(name)
  local r, notes = imp.import(text, name)
  whole_table(r, notes, "layout text")
  -- (the PDF front end names the rows it placed in the notes of the import)
  local placing = {}
  local cleaned = pdf.from_layout(text, placing)
  r, notes = imp.import(cleaned, "attachment.txt")
  for _, n in ipairs(placing) do notes[#notes + 1] = n end
  whole_table(r, notes, "PDF front end")
  -- table 四 of that PDF (printed by LibreOffice): its numbers and its header's words stand in
  -- different grids (right-aligned numbers, centred words, pdftotext's columns uneven), so
  -- nearest does not place it; where each number starts between the header's words does (see
  -- 20). Its first number starts after 纠正's words: 结果维持 is blank (the data rendered again
  -- with these cells gives the same line)
  local t4 = T.t4_lists(r) or {}
  ok(same(t4[1], { "", 2, 3, 0, 5 }) and same(t4[2], { 2, 1, 14, 14, 31 }) and same(t4[3], { 1, 2, "", 1, 4 }),
    "layout text: table 四 placed by the header's starts")
  ok(note(notes, "IMPORT.VARIANT", "四", "空白：行政复议“结果维持”、复议后起诉“其他结果”"), "layout text: table 四's blanks named")
end

-- 2. a number midway between two columns: not certain, the row left out and named as before
do
  local name = "pdf-layout-blank-cells.txt"
  local text = read(name)
  local moved = T.edited(text, "(二、上年结转政府信息公开申请数量          140        0)                    3     140",
    "%1                 3        140")
  local r, notes = imp.import(moved, name)
  ok(row(r, "carried_over") == nil, "midway: 二、上年结转 not guessed: " .. show(row(r, "carried_over")))
  ok(note(notes, "SECTION.MISSING", "三", "二、上年结转政府信息公开申请数量（读到 5 个数，应为 7 个）"), "midway: the row is named")
  ok(same(row(r, "disclosed"), T3.disclosed), "midway: the other rows still read")
end

-- 3. table 四 copied from a viewer, a wide character two columns: its header's words stand
-- over the numbers, two cells empty
do
  local name = "t4-layout-blank-cells.txt"
  local r, notes = imp.import(read(name), name)
  local a = r.appeals or {}
  local function group(g) return g and { g.upheld, g.corrected, g.other, g.pending, g.total } end
  ok(same(group(a.review), { "", 2, 3, 0, 5 }), "table 四: 行政复议 " .. show(group(a.review)))
  ok(same(group(a.litigation_direct), { 2, 1, 14, 14, 31 }), "table 四: 未经复议直接起诉 " .. show(group(a.litigation_direct)))
  ok(same(group(a.litigation_after_review), { 1, 2, "", 1, 4 }), "table 四: 复议后起诉 " .. show(group(a.litigation_after_review)))
  ok(note(notes, "IMPORT.VARIANT", "四", "行政复议“结果维持”、复议后起诉“其他结果”"), "table 四: the placing is named")
  ok(note(notes, "VALUE.BLANK", "四", "2 个空白单元格"), "table 四: the blanks counted")
  -- a number between two header columns: left out as before
  local text = read(name):gsub("     14     31", "       14   31")
  r, notes = imp.import(text, name)
  ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四", "表四读到 13 个数"), "table 四: a number between columns, not guessed")
end

-- a layout line as a viewer's copy gives it: the label, then the numbers right-aligned in
-- columns 8 characters apart from base, nothing for a blank cell
local function at(line, col, s) -- s right-aligned to end at column col
  return line .. string.rep(" ", col - utf8.len(line) - #s) .. s
end
local function layout_row(label, values, base)
  local line = "  " .. label .. string.rep("　", 20 - utf8.len(label))
  for c, v in ipairs(values) do
    if v ~= "" then line = at(line, base + 8 * c, tostring(v)) end
  end
  return line
end

-- 4. a page break in text without form feeds or footers (a viewer's copy): the second page's
-- grid stands one column left of the first's, and its first row has a blank 自然人. The
-- complete rows above it (the first page) agree among themselves, but they are not its page:
-- placed by them, its total would go to 其他. Not certain: left out and named.
do
  local rows = {
    { "一、本年新收政府信息公开申请数量", { 2, 14, 1, 5, 1, 25, 48 } },
    { "二、上年结转政府信息公开申请数量", { 1, 0, 0, 2, 0, 0, 3 } },
    { "（一）予以公开", { 3, 12, 0, 3, 1, 5, 24 } },
    { "（二）部分公开", { 0, 1, 0, 1, 0, 2, 4 } },
    { "1.属于国家秘密", { 0, 0, 1, 0, 0, 0, 1 } },
    { "2.其他法律行政法规禁止公开", { 0, 1, 0, 0, 0, 1, 2 } },
    { "3.危及“三安全一稳定”", { "", 1, 0, 0, 0, 1, 2 }, page = 2 },
    { "4.保护第三方合法权益", { 0, 0, 0, 1, 0, 1, 2 } },
    { "5.属于三类内部事务信息", { 0, 1, 0, 0, 0, 0, 1 } },
  }
  local lines = { "某县某局2024年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", "",
    "  申请人情况  自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计", "" }
  local base = 48
  for _, r in ipairs(rows) do
    if r.page then base = base - 8; lines[#lines + 1] = "" end
    lines[#lines + 1] = layout_row(r[1], r[2], base)
  end
  local text = table.concat(lines, "\n") .. "\n\n四、政府信息公开行政复议、行政诉讼情况\n"
  local r, notes = imp.import(text, "viewer-copy.txt")
  ok(row(r, "withheld.security_stability") == nil,
    "page edge: 3.危及“三安全一稳定” not placed by the other page's grid: " .. show(row(r, "withheld.security_stability")))
  ok(note(notes, "SECTION.MISSING", "三", "3.危及“三安全一稳定”（读到 6 个数，应为 7 个）"), "page edge: the row is named")
  ok(same(row(r, "withheld.third_party"), { 0, 0, 0, 1, 0, 1, 2 }), "page edge: the complete rows still read")
end

-- 5. the 8-column variant (小计 after 其他) where most rows of a page have one blank: rows of
-- 7 numbers are the short ones, not the complete rows of a 7-column table (as references
-- they placed a row of 6 numbers in the wrong columns, and were read as 7 cells themselves)
do
  local rows = {
    { "一、本年新收政府信息公开申请数量", { 2, 14, 1, 5, 1, 25, 46, 48 } },
    { "二、上年结转政府信息公开申请数量", { 1, 0, "", 2, 0, 0, 2, 3 } },
    { "（一）予以公开", { 3, 12, "", 3, 1, 5, 21, 24 } },
    { "（二）部分公开", { 0, 1, "", 1, 0, 2, 4, 4 } },
    { "1.属于国家秘密", { 0, 3, "", "", 4, 0, 7, 7 } },
    { "2.其他法律行政法规禁止公开", { 0, 1, 0, 0, 0, 1, 2, 2 } },
    { "3.危及“三安全一稳定”", { 1, 1, "", 0, 0, 1, 2, 3 } },
    { "4.保护第三方合法权益", { 0, 0, 0, 1, 0, 1, 2, 2 } },
  }
  local lines = { "某县某局2024年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", "" }
  for _, r in ipairs(rows) do lines[#lines + 1] = layout_row(r[1], r[2], 48) end
  local text = table.concat(lines, "\n") .. "\n\n四、政府信息公开行政复议、行政诉讼情况\n"
  local r = imp.import(text, "subtotal.txt")
  local want = {
    new = { 2, 14, 1, 5, 1, 25, 48 },
    carried_over = { 1, 0, "", 2, 0, 0, 3 },
    disclosed = { 3, 12, "", 3, 1, 5, 24 },
    partially_disclosed = { 0, 1, "", 1, 0, 2, 4 },
    ["withheld.state_secret"] = { 0, 3, "", "", 4, 0, 7 },
    ["withheld.security_stability"] = { 1, 1, "", 0, 0, 1, 3 },
  }
  for key, cells in pairs(want) do
    local got = row(r, key)
    ok(got == nil or same(got, cells), "小计 column: " .. key .. " not misplaced: " .. show(got))
  end
  ok(same(row(r, "withheld.state_secret"), want["withheld.state_secret"]),
    "小计 column: the row of 6 numbers placed in the 8 columns: " .. show(row(r, "withheld.state_secret")))
end

-- 6. table 四 of a real report in pdftotext -layout (淮安市 2024): a tall header spaced with
-- empty lines, cells' words spaced out ("结 果") or cut ("其他结" / "果"), the numbers
-- left-aligned under the header's words. Each cell and each pair of cells left blank: the
-- other numbers go to their columns, the blanks stay blank and are named
do
  local name = "../shared/real-reports/01-huaian-city-gov-2024.txt"
  local text = T.read(name)
  local line = "72   64    178    37    351   13    4        8        1        26   12   1     1    6       20"
  local at = assert(text:find(line, 1, true), "the report's table 四")
  local values = { 72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20 }
  local spans = {}
  for a, b in line:gmatch("()%d+()") do spans[#spans + 1] = { a, b - 1 } end
  assert(#spans == 15)
  local s4 = nb.schema.appeals
  local function label(c) return s4.groups[(c - 1) // 5 + 1].label .. "“" .. s4.columns[(c - 1) % 5 + 1].label .. "”" end
  -- the report with the cells of set blank (their digits spaces, the others where they stand)
  local function blanked(set)
    local l = line
    for c in pairs(set) do l = l:sub(1, spans[c][1] - 1) .. string.rep(" ", spans[c][2] - spans[c][1] + 1) .. l:sub(spans[c][2] + 1) end
    return text:sub(1, at - 1) .. l .. text:sub(at + #line)
  end
  local cases, wrong, unnamed = 0, {}, {}
  local function check(set, via_pdf)
    cases = cases + 1
    local r, notes
    if via_pdf then
      local placing = {}
      r, notes = imp.import(pdf.from_layout(blanked(set), placing), "attachment.txt")
      for _, n in ipairs(placing) do notes[#notes + 1] = n end
    else
      r, notes = imp.import(blanked(set), name)
    end
    local got, want, empty = {}, {}, {}
    for k, g in ipairs(T.t4_lists(r) or {}) do for c = 1, 5 do got[(k - 1) * 5 + c] = g and g[c] end end
    for c = 1, 15 do
      want[c] = set[c] and "" or values[c]
      if set[c] then empty[#empty + 1] = label(c) end
    end
    local keys = {}
    for c in pairs(set) do keys[#keys + 1] = c end
    table.sort(keys)
    local case = (via_pdf and "PDF " or "") .. "blank " .. table.concat(keys, "+")
    if not same(got, want) then wrong[#wrong + 1] = case .. " " .. show(got) end
    if not note(notes, "IMPORT.VARIANT", "四", "空白：" .. table.concat(empty, "、")) or note(notes, "SECTION.MISSING", "四") then
      unnamed[#unnamed + 1] = case
    end
  end
  for c = 1, 15 do
    check({ [c] = true })
    for d = c + 1, 15 do check({ [c] = true, [d] = true }) end
  end
  check({ [1] = true, [7] = true }, true)
  check({ [13] = true }, true)
  ok(#wrong == 0, string.format("real table 四: every cell as published, blanks blank (%d cases): %s", cases, table.concat(wrong, "; ")))
  ok(#unnamed == 0, "real table 四: the blank cells named, the table not missing: " .. table.concat(unnamed, "; "))

  -- not certain, left out and named as before: a number midway between two columns
  local moved = line:gsub("^72   64    178", "72      64 178")
  local r, notes = imp.import(text:sub(1, at - 1) .. moved:gsub("    37    351", "          351", 1) .. text:sub(at + #line), name)
  ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四", "表四读到 14 个数"),
    "real table 四: a number between two columns not guessed: " .. show(T.t4_lists(r) and T.t4_lists(r)[1]))
  -- a page break between the header and the row (another page's grid): pdftotext starts a
  -- page with a form feed, here on the empty line above the row
  local paged = blanked({ [2] = true })
  local row_at = paged:find("\n72         178", 1, true)
  r, notes = imp.import(paged:sub(1, row_at - 1) .. "\f" .. paged:sub(row_at), name)
  ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四", "表四读到 14 个数"), "real table 四: a page break between header and row, not guessed")
  -- a page break above the header's words (行政复议, 行政诉讼 on the page before): the
  -- words and the row share a page, placed
  local top = paged:find("\n结果   结果    其他结", 1, true)
  r, notes = imp.import(paged:sub(1, top) .. "\f" .. paged:sub(top + 1), name)
  ok(same(T.t4_lists(r) and T.t4_lists(r)[1], { 72, "", 178, 37, 351 }) and note(notes, "IMPORT.VARIANT", "四", "空白：行政复议“结果纠正”"),
    "real table 四: a page break above the header's words, placed: " .. show(T.t4_lists(r) and T.t4_lists(r)[1]))
  -- no header words over the numbers
  local header_from = assert(text:find("     四、政府信息公开行政复议、行政诉讼情况\n", 1, true))
  local bare = blanked({ [2] = true })
  bare = bare:sub(1, header_from - 1) .. "     四、政府信息公开行政复议、行政诉讼情况\n\n" .. bare:sub(bare:find("72         178", 1, true))
  r, notes = imp.import(bare, name)
  ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四"), "real table 四: no header, not guessed")
end

-- 5. a Word report exported to PDF by LibreOffice, table 四's columns 1 cm wide: each
-- three-digit number wraps in its cell, "23" on the row's line and "8" under it. Table 四 has
-- one row, so the line of pieces under it is its cells: joined, not read as 23 and dropped
do
  local name = "pdf-t4-wrapped.txt"
  local want = { { 238, 994, 413, 170, 815 }, { 114, 106, 195, 176, 591 }, { 221, 140, 125, 673, 659 } }
  local function check(r, notes, what)
    local got = T.t4_lists(r) or {}
    for k = 1, 3 do ok(same(got[k], want[k]), what .. ": table 四 group " .. k .. " " .. show(got[k])) end
    ok(not note(notes, "SECTION.MISSING", "四"), what .. ": table 四 not named missing")
  end
  local text = read(name)
  local r, notes = imp.import(text, name)
  check(r, notes, "wrapped table 四, layout text")
  local placing = {}
  r, notes = imp.import(pdf.from_layout(text, placing), "attachment.txt")
  check(r, notes, "wrapped table 四, PDF front end")
  -- a cell of one line set between the two lines of the wrapped ones (vertically centred)
  -- stands under no number of the row's line: which cell it is is not certain
  local mid = T.edited(text, "\n( 23   99 41 17 81[^\n]*)\n", "\n%1\n                     73\n")
  r, notes = imp.import(mid, name)
  ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四"), "wrapped table 四, a piece under no number: named, not read: "
    .. show((T.t4_lists(r) or {})[1]))
end

-- 6. the same export, table 三's label column narrow: 三、本年度办理结果 set vertically, its
-- first line "三、 （一）予以公" beside the next row's label. It is no heading 三 ending the part
-- of the page: the row above it with a blank cell is placed by the complete rows around it
do
  local name = "pdf-t3-vertical-piece.txt"
  local text = read(name)
  for _, how in ipairs({ "layout text", "PDF front end" }) do
    local placing, r, notes = {}, nil, nil
    if how == "layout text" then r, notes = imp.import(text, name)
    else
      r, notes = imp.import(pdf.from_layout(text, placing), "attachment.txt")
      for _, n in ipairs(placing) do notes[#notes + 1] = n end
    end
    ok(same(row(r, "new"), { 267, 569, 992, 261, 1283, 1195, 4567 }), how .. ": 一、本年新收 " .. show(row(r, "new")))
    ok(same(row(r, "carried_over"), { 1273, 191, 1449, "", 892, 1045, 4850 }),
      how .. ": 二、上年结转, 社会公益组织 blank: " .. show(row(r, "carried_over")))
    ok(same(row(r, "disclosed"), { 99, 496, 462, 1615, 83, 1997, 4752 }), how .. ": （一）予以公开 " .. show(row(r, "disclosed")))
    ok(note(notes, "IMPORT.VARIANT", "三", "二、上年结转政府信息（空白：社会公益组织）"), how .. ": the placed row is named")
  end
end

-- 7. numbers of two and of three digits in table 四's narrow cells: the cells of one line,
-- set in the middle of the row's height, stand on a line of their own between the row's
-- line and the pieces ("67 … 89 13 …"), beside the numbers, under none: cells of the row
do
  local name = "pdf-t4-wrapped-lone.txt"
  local want = { { 67, 209, 238, 89, 13 }, { 199, 241, 55, 31, 114 }, { 42, 168, 142, 144, 107 } }
  local text = read(name)
  for _, how in ipairs({ "layout text", "PDF front end" }) do
    local r, notes
    if how == "layout text" then r, notes = imp.import(text, name)
    else r, notes = imp.import(pdf.from_layout(text, {}), "attachment.txt") end
    local got = T.t4_lists(r) or {}
    for k = 1, 3 do ok(same(got[k], want[k]), how .. ": table 四 with cells of one line, group " .. k .. " " .. show(got[k])) end
  end
  -- the cells of one line without the line of pieces after them: not certain, named
  local cut = T.edited(text, "\n +9 +8 +9 +1 +4 +8 +2 +4 *\n", "\n")
  local r, notes = imp.import(cut, name)
  ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四"), "table 四, cells of one line and no pieces: named, not read: "
    .. show((T.t4_lists(r) or {})[1]))
end

-- 7. table 二's first block of a real report in pdftotext -layout (淮安市 2024): 规章 and
-- 行政规范性文件, three numbers each, left-aligned under the header's words. A row with a
-- blank cell has its numbers placed under those of the other row when that row is complete;
-- when both rows have blanks (no reference), or a number stands between columns, the row is
-- left out and named as before
do
  local name = "../shared/real-reports/01-huaian-city-gov-2024.txt"
  local text = T.read(name)
  local lines = { "规章            1          0        11", "行政规范性文件       8          26       66" }
  local values = { { 1, 0, 11 }, { 8, 26, 66 } }
  local keys, cols = { "regulations", "normative_documents" }, { "issued", "repealed", "in_force" }
  local at = {}
  for k, l in ipairs(lines) do at[k] = assert(text:find(l, 1, true), "the report's table 二") end
  local function spans(l)
    local out = {}
    for a, b in l:gmatch("()%d+()") do out[#out + 1] = { a, b - 1 } end
    return out
  end
  -- the report with the cells of set (row -> { column = true }) blank
  local function blanked(set)
    local out = text
    for k = 2, 1, -1 do
      local l, sp = lines[k], spans(lines[k])
      for c in pairs(set[k] or {}) do l = l:sub(1, sp[c][1] - 1) .. string.rep(" ", sp[c][2] - sp[c][1] + 1) .. l:sub(sp[c][2] + 1) end
      out = out:sub(1, at[k] - 1) .. l .. out:sub(at[k] + #lines[k])
    end
    return out
  end
  local heads = nb.schema.proactive.blocks[1].columns
  local cases, wrong = 0, {}
  for k = 1, 2 do
    for c = 1, 3 do
      for d = c, 3 do
        local set = { [k] = { [c] = true, [d] = true } }
        cases = cases + 1
        local r, notes = imp.import(blanked(set), name)
        local bad = {}
        for row = 1, 2 do
          local got = r.proactive and r.proactive[keys[row]] or {}
          for col = 1, 3 do
            local want = set[row] and set[row][col] and "" or values[row][col]
            if plain(got[cols[col]]) ~= want then bad[#bad + 1] = keys[row] .. "." .. cols[col] .. "=" .. tostring(plain(got[cols[col]])) end
          end
        end
        local empty = {}
        for col = 1, 3 do if set[k][col] then empty[#empty + 1] = heads[col] end end
        local named = note(notes, "IMPORT.VARIANT", "二", (k == 1 and "规章" or "行政规范性文件") .. "（空白：" .. table.concat(empty, "、") .. "）")
        if #bad > 0 or not named or note(notes, "SECTION.MISSING", "二") then
          wrong[#wrong + 1] = string.format("row %d blank %d+%d: %s%s", k, c, d, table.concat(bad, ","), named and "" or " (not named)")
        end
      end
    end
  end
  ok(#wrong == 0, string.format("real table 二: a row with blanks placed by the complete row (%d cases): %s", cases, table.concat(wrong, "; ")))
  -- both rows with a blank: no complete row to place them by, named as before
  local r, notes = imp.import(blanked({ { [2] = true }, { [1] = true } }), name)
  ok(note(notes, "SECTION.MISSING", "二", "规章（读到 2 个数，应为 3 个）") and not note(notes, "IMPORT.VARIANT", "二"),
    "real table 二: both rows with a blank, not guessed")
  -- a number midway between two columns: named as before
  local moved = text:sub(1, at[1] - 1) .. "规章            1              11         " .. text:sub(at[1] + #lines[1])
  r, notes = imp.import(moved, name)
  ok(note(notes, "SECTION.MISSING", "二", "规章（读到 2 个数，应为 3 个）"), "real table 二: a number between two columns not guessed")
end

-- 8. the same block with every cell carrying its unit ("1件", as many agencies print it): a row
-- with a blank cell is placed as in 7, the units kept for the table reader (a count in 件, the
-- fee in 万元); a unit that is not its column's still names the row
do
  local name = "../shared/real-reports/01-huaian-city-gov-2024.txt"
  local text = T.read(name)
  local plain_lines = { "规章            1          0        11", "行政规范性文件       8          26       66" }
  -- the numbers keep their first columns (left-aligned), each unit one more column
  local lines = { "规章            1件        0件      11件", "行政规范性文件       8件        26件     66件" }
  local values = { { 1, 0, 11 }, { 8, 26, 66 } }
  local keys, cols = { "regulations", "normative_documents" }, { "issued", "repealed", "in_force" }
  local at = {}
  for k, l in ipairs(plain_lines) do at[k] = assert(text:find(l, 1, true), "the report's table 二") end
  local fee = "行政事业性收费                       96171.6"
  local fee_at = assert(text:find(fee, 1, true), "the report's fee row")
  text = text:sub(1, fee_at - 1) .. fee .. "万元" .. text:sub(fee_at + #fee)
  local function blanked(set, unit)
    local out = text
    for k = 2, 1, -1 do
      local l, c = lines[k], 0
      l = l:gsub("%d+件", function(w)
        c = c + 1
        if set[k] and set[k][c] then return string.rep(" ", utf8.len(w)) end
        if unit and k == 1 and c == 3 then return (w:gsub("件", unit)) end
      end)
      out = out:sub(1, at[k] - 1) .. l .. out:sub(at[k] + #plain_lines[k])
    end
    return out
  end
  local r, notes = imp.import(blanked({}), name)
  ok(r.proactive and r.proactive.fees == 96171.6 and plain(r.proactive.regulations.in_force) == 11
    and not note(notes, "SECTION.MISSING", "二"), "table 二 with units, complete")
  local heads = nb.schema.proactive.blocks[1].columns
  local cases, wrong = 0, {}
  for k = 1, 2 do
    for c = 1, 3 do
      for d = c, 3 do
        local set = { [k] = { [c] = true, [d] = true } }
        cases = cases + 1
        r, notes = imp.import(blanked(set), name)
        local bad = {}
        for row = 1, 2 do
          local got = r.proactive and r.proactive[keys[row]] or {}
          for col = 1, 3 do
            local want = set[row] and set[row][col] and "" or values[row][col]
            if plain(got[cols[col]]) ~= want then bad[#bad + 1] = keys[row] .. "." .. cols[col] .. "=" .. tostring(plain(got[cols[col]])) end
          end
        end
        local empty = {}
        for col = 1, 3 do if set[k][col] then empty[#empty + 1] = heads[col] end end
        local named = note(notes, "IMPORT.VARIANT", "二", (k == 1 and "规章" or "行政规范性文件") .. "（空白：" .. table.concat(empty, "、") .. "）")
        if #bad > 0 or not named or note(notes, "SECTION.MISSING", "二") then
          wrong[#wrong + 1] = string.format("row %d blank %d+%d: %s%s", k, c, d, table.concat(bad, ","), named and "" or " (not named)")
        end
      end
    end
  end
  ok(#wrong == 0, string.format("table 二 with units: a row with blanks placed by the complete row (%d cases): %s", cases, table.concat(wrong, "; ")))
  -- a unit that is not the column's: the placed row is named, not read
  r, notes = imp.import(blanked({ [1] = { [2] = true } }, "元"), name)
  ok(r.proactive and r.proactive.regulations == nil and note(notes, "SECTION.MISSING", "二", "规章（“现行有效件数”一格写作“11元”"),
    "table 二 with units: a placed row with a wrong unit is named")
  -- both rows with a blank: no complete row, named as before
  r, notes = imp.import(blanked({ { [2] = true }, { [1] = true } }), name)
  ok(note(notes, "SECTION.MISSING", "二", "规章（读到 2 个数，应为 3 个）") and not note(notes, "IMPORT.VARIANT", "二"),
    "table 二 with units: both rows with a blank, not guessed")
end

-- 9. table 四 of a PDF whose 15 columns are narrow: each header cell is set one character per
-- line ("结", "果", "维", "持" on four lines; "总", "计" on the middle two), the characters of
-- neighbouring columns a space or two apart on each line. A row with blank cells is placed by
-- the columns of those characters; a number midway between two of them is not guessed
do
  local name = "t4-layout-blank-cells.txt"
  local base = read(name)
  local head_at = assert(base:find("四、政府信息公开行政复议、行政诉讼情况\n\n", 1, true))
  local from = head_at + #"四、政府信息公开行政复议、行政诉讼情况\n\n"
  local stop = assert(base:find("\n\n五、", from, true))
  local HEADS = { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" }
  -- pitch: grid columns from one table column to the next; a number centred under its column
  local function table4(values, pitch, shift)
    local left = 6
    local function col(c) return left + pitch * (c - 1) end
    local function line(items)
      local out, len = {}, 0
      for _, it in ipairs(items) do
        local pad = math.max(it[1] - len, len > 0 and 1 or 0)
        out[#out + 1] = string.rep(" ", pad) .. it[2]
        len = len + pad + utf8.len(it[2])
      end
      return table.concat(out)
    end
    local lines = { line({ { left + 8, "行政复议" }, { col(6) + 8, "行政诉讼" } }),
      line({ { col(6), "未经复议直接起诉" }, { col(11), "复议后起诉" } }) }
    for r = 1, 4 do
      local items = {}
      for c = 1, 15 do
        local h = HEADS[(c - 1) % 5 + 1]
        local ch = (c % 5 ~= 0 or r == 2 or r == 3) and utf8.char(utf8.codepoint(h, utf8.offset(h, c % 5 == 0 and r - 1 or r))) or nil
        if ch then items[#items + 1] = { col(c), ch } end
      end
      lines[#lines + 1] = line(items)
    end
    local items = {}
    for c, v in ipairs(values) do
      if v ~= "" then
        local t = tostring(v)
        items[#items + 1] = { col(c) - (#t - 1) // 2 + (shift and shift[c] or 0), t }
      end
    end
    lines[#lines + 1] = line(items)
    return base:sub(1, from - 1) .. table.concat(lines, "\n") .. base:sub(stop)
  end
  local cases, wrong = 0, {}
  local function try(values, pitch)
    cases = cases + 1
    local r, notes = imp.import(table4(values, pitch), name)
    local got = {}
    for _, g in ipairs(T.t4_lists(r) or {}) do for _, v in ipairs(g) do got[#got + 1] = v end end
    local blanks = 0
    for _, v in ipairs(values) do if v == "" then blanks = blanks + 1 end end
    if not same(got, values) or (blanks > 0 and not note(notes, "IMPORT.VARIANT", "四")) then
      wrong[#wrong + 1] = string.format("pitch %d %s: %s", pitch, show(values), show(got))
    end
  end
  local full = { { 2, 3, 1, 5, 9, 2, 1, 4, 0, 7, 3, 1, 2, 0, 6 }, { 12, 3, 10, 5, 30, 2, 11, 4, 0, 17, 31, 1, 2, 0, 34 } }
  for p, pitch in ipairs({ 2, 3 }) do
    for c = 1, 15 do
      local v = table.move(full[p], 1, 15, 1, {})
      v[c] = ""
      try(v, pitch)
    end
    local v = table.move(full[p], 1, 15, 1, {})
    v[3], v[9], v[14] = "", "", ""
    try(v, pitch)
  end
  ok(#wrong == 0, string.format("table 四, a header one character per line: rows with blanks placed (%d cases): %s", cases, table.concat(wrong, "; ")))
  -- a number one column off, midway between two characters' columns: named, not placed
  local v = { 2, 3, "", 5, 9, 2, 1, 4, 0, 7, 3, 1, 2, 0, 6 }
  local r, notes = imp.import(table4(v, 2, { [2] = 1 }), name)
  ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四", "表四读到 14 个数"), "table 四, one character per line: a number between columns not guessed")
end

-- 10. table 三 of the layout text with a blank mark in a cell ("无", "—": the mark is a cell, the
-- row complete, never short with its numbers placed after the mark), and a line after the
-- table that ends in a number ("予以公开         2" of a chart, far left of the columns): no
-- second half of the short last row, which took its 2 as 总计 and said nothing
do
  local name = "pdf-layout-blank-cells.txt"
  for _, m in ipairs({ "无", "—", "/" }) do
    local text = T.edited(read(name), "（一）予以公开                3     12     0     37 ", "（一）予以公开                3     12     0     " .. m .. "  ")
    local r, notes = imp.import(text, name)
    ok(same(row(r, "disclosed"), { 3, 12, 0, "", 3, 25, 80 }), "a blank mark " .. m .. " in a layout row: " .. show(row(r, "disclosed")))
    ok(not note(notes, "IMPORT.VARIANT", "三", "予以公开（空白"), "a blank mark " .. m .. ": the row is not placed")
  end
  local text = T.edited(read(name), "(四、结转下年度继续办理 [^\n]*\n)", "%1 予以公开         2\n 部分公开     1\n")
  local r, notes = imp.import(text, name)
  ok(same(row(r, "carried_forward"), T3.carried_forward), "a chart's line after the table: " .. show(row(r, "carried_forward")))
  ok(note(notes, "IMPORT.VARIANT", "三", "四、结转下年度继续办理（空白"), "a chart's line after the table: the last row placed and named")
  -- the chart's number right under the last row's 总计 (76): no piece of it wrapped in its cell
  local last = assert(read(name):match("\n( *四、结转下年度继续办理 [^\n]*76)\n"), "the fixture's last row")
  local chart = " 予以公开" .. string.rep(" ", utf8.len(last) - 6) .. "2"
  text = read(name):gsub("(四、结转下年度继续办理 [^\n]*\n)", "%1" .. chart .. "\n", 1)
  r, notes = imp.import(text, name)
  ok(same(row(r, "carried_forward"), T3.carried_forward), "a chart's number under the 总计: " .. show(row(r, "carried_forward")))
end

-- 11. a short row the layout step cannot place (its columns set unevenly): the table reader
-- reads it alone, and the numbers after another row's label are not its own. A chart's line
-- after the last row ("予以公开  72") gave the row its 72 as 总计; the next row's label after
-- a piece of a vertical one ("度 （三） 1.属于国家秘密  0 …") gave the row above its first 0.
-- Each such row is left out and named. (001's last row with its 总计 blank, each number where
-- the complete rows' runs start, is placed by the runs' starts, see 19: the chart's number is
-- not its 总计 either; with its 1 two characters off its column it is not placed.)
do
  local name = "corpus/001.pdf.txt"
  local text = T.edited(T.read("tests/import/" .. name), "(四、结转下年度继续办理[ %d]-) 52\n", "%1   \n")
  local r, notes = imp.import(text, name)
  ok(same(row(r, "carried_forward"), { 40, 5, 0, 3, 3, 1, "" }), "a chart after a short last row placed by its runs: nothing taken from it: " .. show(row(r, "carried_forward")))
  text = T.edited(T.read("tests/import/" .. name), "(四、结转下年度继续办理[ %d]-)   1 52\n", "%1     1   \n")
  r, notes = imp.import(text, name)
  ok(row(r, "carried_forward") == nil, "a chart after a short last row: nothing taken from it: " .. show(row(r, "carried_forward")))
  ok(note(notes, "SECTION.MISSING", "三", "四、结转下年度继续办理（读到 6 个数，应为 7 个）"), "a chart after a short last row: the row named")
  name = "corpus/004.pdf.txt"
  text = T.edited(T.read("tests/import/" .. name), "(（一）予以公开[ %d]-) 6\n", "%1  \n")
  -- (its short row below, "0  0  0      0 0  0", stands in its columns: placed by the
  -- columns' order, see 13; its first number two characters left of its column it cannot be)
  r, notes = imp.import(text, name)
  ok(same(row(r, "partially_disclosed"), { 0, 0, 0, "", 0, 0, 0 }), "a short row in its columns below another: placed " .. show(row(r, "partially_disclosed")))
  text = T.edited(text, "(只计这一情形，不计其他情形）    )  0  0  0      0 0  0\n", "%10    0  0      0 0  0\n")
  r, notes = imp.import(text, name)
  ok(row(r, "partially_disclosed") == nil, "the next row's label after a vertical piece: its 0 not taken: " .. show(row(r, "partially_disclosed")))
  ok(note(notes, "SECTION.MISSING", "三", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）（读到 6 个数"),
    "the next row's label after a vertical piece: the short row named")
end

-- 12. table 四 printed by Chromium (nianbao render -f pdf --pdf-engine chromium, pdftotext
-- -layout): the cells next to each other one space apart, the header's words too, a run after
-- a blank cell at a column of its own; the header's words stand in another grid than the
-- numbers ("维持 纠正" three columns a cell, "6 2" two). Placed by the gaps when each missing
-- cell has a wide gap of its own. A blank first or last cell or two blank cells side by side
-- leave too few gaps: placed by where each run starts (see 18) when every number has one or
-- two digits; a blank cell packed over by wide numbers ("400 1640"), or wide numbers with
-- too few gaps: named, not read
do
  local name = "pdf-t4-chromium-blanks.txt"
  local cases = {}
  -- (each case: "=== SET-BLANKS", then its lines up to the next case)
  for line in read(name):gmatch("([^\n]*)\n") do
    local id = line:match("^=== (%S+)$")
    if id then cases[#cases + 1] = { id = id, lines = {} }
    elseif cases[#cases] then table.insert(cases[#cases].lines, line) end
  end
  assert(#cases == 15, "the fixture's cases: " .. #cases)
  local VALUES = { { 6, 2, 4, 2, 14, 4, 0, 6, 4, 14, 13, 6, 4, 0, 23 },
    { 1206, 32, 400, 2, 1640, 4, 1100, 6, 4, 1114, 13, 6, 4, 0, 23 } }
  local PLACED = { ["1-10"] = true, ["1-2+9"] = true, ["1-4+12"] = true, ["1-13"] = true,
    ["2-2"] = true, ["2-9"] = true, ["2-3"] = true, ["2-11"] = true }
  local RUNS = { ["1-1"] = true, ["1-15"] = true, ["1-3+4"] = true, ["1-7+8"] = true }
  local s4 = nb.schema.appeals
  local function label(c) return s4.groups[(c - 1) // 5 + 1].label .. "“" .. s4.columns[(c - 1) % 5 + 1].label .. "”" end
  for _, case in ipairs(cases) do
    local set, blank = case.id:match("^(%d)%-(.*)$")
    local want, empty, blanks = {}, {}, {}
    for c in blank:gmatch("%d+") do blanks[tonumber(c)] = true end
    for c = 1, 15 do
      want[c] = blanks[c] and "" or VALUES[tonumber(set)][c]
      if blanks[c] then empty[#empty + 1] = label(c) end
    end
    local text = "某县某局2024年政府信息公开工作年度报告\n\n" .. table.concat(case.lines, "\n") .. "\n  五、存在的主要问题及改进情况\n"
    for _, how in ipairs({ "layout text", "PDF front end" }) do
      local r, notes
      if how == "layout text" then r, notes = imp.import(text, name)
      else
        local placing = {}
        r, notes = imp.import(pdf.from_layout(text, placing), "attachment.txt")
        for _, n in ipairs(placing) do notes[#notes + 1] = n end
      end
      local got = {}
      for k, g in ipairs(T.t4_lists(r) or {}) do for c = 1, 5 do got[(k - 1) * 5 + c] = g and g[c] end end
      if PLACED[case.id] then
        ok(same(got, want), how .. ": chromium table 四, blank " .. blank .. ", placed by the gaps: " .. show(got))
        ok(note(notes, "IMPORT.VARIANT", "四", "空白：" .. table.concat(empty, "、") .. "（按数字间的空隙定位"),
          how .. ": chromium table 四, blank " .. blank .. ", the placing named")
      elseif RUNS[case.id] then
        ok(same(got, want), how .. ": chromium table 四, blank " .. blank .. ", placed by the runs' starts: " .. show(got))
        ok(note(notes, "IMPORT.VARIANT", "四", "空白：" .. table.concat(empty, "、") .. "（按每段数字第一个数在表头下的位置定位"),
          how .. ": chromium table 四, blank " .. blank .. ", the placing by the runs named")
      else
        ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四", "表四读到 " .. (15 - #empty) .. " 个数"),
          how .. ": chromium table 四, blank " .. blank .. ", not certain: named, not read: " .. show(got))
      end
    end
  end
end

-- 13. a short row of table 三 whose numbers are set unevenly by pdftotext (two digits a
-- character or two left of one digit's place): "9 12    7" with a blank after 7. The 12 is
-- nearly as near 9's column as its own, but 9 and 7 stand in their columns for certain and
-- the numbers keep the columns' order: the 12 can only be in the column between. A number
-- midway between two columns that the order both leaves it stays named.
do
  local name = "corpus/013.pdf.txt"
  local base = T.read("tests/import/" .. name)
  local r, notes = imp.import(base, name)
  ok(same(row(r, "other.other"), { 9, 12, 7, "", 11, 4, 52 }), "uneven numbers: placed by the columns' order: " .. show(row(r, "other.other")))
  ok(note(notes, "IMPORT.VARIANT", "三", "3.其他（空白：社会公益组织）"), "uneven numbers: the placing named")
  -- 7 in the fourth column: 12 between 9's column and 7's may be in the second or the third,
  -- and stands midway
  local line = "       3.其他" .. string.rep(" ", 12) .. "9     12    7   11   4 52"
  local text = T.edited(base, "       3%.其他            9 12    7       11   4 52", line)
  r, notes = imp.import(text, name)
  ok(row(r, "other.other") == nil, "uneven numbers, one midway between two columns left to it: not guessed: " .. show(row(r, "other.other")))
  ok(note(notes, "SECTION.MISSING", "三", "3.其他（读到 6 个数，应为 7 个）"), "uneven numbers, one midway: the row named")
end

-- 14. the rows a short row is compared with. In 025, the two rows above (the same label's
-- width) agree in the metric of a wide character two columns as well, but the nearest rows
-- on both sides only in pdftotext's: that is the text's metric, not the one whose rows agree
-- a little better. In 033, the nearest rows on both sides agree on no grid ("15 38 19 71" of
-- the first row packed), nor do the four nearest below ("17" a character and a half left
-- of a "1"): the three nearest that do agree place it. Rows near that agree on no grid at
-- all leave it named.
do
  local name = "corpus/025.pdf.txt"
  local r, notes = imp.import(T.read("tests/import/" .. name), name)
  ok(same(row(r, "disclosed"), { 0, 2, 0, "", 2, 1, 5 }), "the metric of both sides' rows: placed " .. show(row(r, "disclosed")))
  ok(note(notes, "IMPORT.VARIANT", "三", "（一）予以公开（空白：社会公益组织）"), "the metric of both sides' rows: the placing named")
  name = "corpus/033.pdf.txt"
  local base = T.read("tests/import/" .. name)
  r, notes = imp.import(base, name)
  ok(same(row(r, "disclosed"), { 8, 22, 3, "", 28, 1, 62 }), "the nearest rows that agree: placed " .. show(row(r, "disclosed")))
  ok(note(notes, "IMPORT.VARIANT", "三", "（一）予以公开（空白：社会公益组织）"), "the nearest rows that agree: the placing named")
  -- the second row below set two characters right: no two of the nearest below agree
  local text = T.edited(base, "(度 （三） 1%.属于国家秘密        )", "%1  ")
  r, notes = imp.import(text, name)
  ok(row(r, "disclosed") == nil, "no nearest rows that agree: not guessed: " .. show(row(r, "disclosed")))
  ok(note(notes, "SECTION.MISSING", "三", "（一）予以公开（读到 6 个数，应为 7 个）"), "no nearest rows that agree: the row named")
end

-- 15. table 四 in plain text aligned by spaces for a screen (a wide character two columns),
-- each number flush with the right end of its header's words ("结果维持" / "       0"): a
-- number is as near the next column's middle as its own, but it ends where its header
-- does. A number set one character off leaves the row named.
do
  local name = "corpus/005.txt"
  local base = T.read("tests/import/" .. name)
  local r, notes = imp.import(base, name)
  local got = T.t4_lists(r) or {}
  ok(same(got[1], { 0, 0, 0, 0, 0 }) and same(got[2], { 1, 0, 0, 0, 1 }) and same(got[3], { 1, 0, "", 0, 1 }),
    "table 四 aligned by spaces: placed by its header's words: " .. show(got[3]))
  ok(note(notes, "IMPORT.VARIANT", "四", "空白：复议后起诉“其他结果”"), "table 四 aligned by spaces: the placing named")
  local text = T.edited(base, "(\n       0         0         0         0     0         1         0         0         0     1         1)", "%1 ")
  r, notes = imp.import(text, name)
  ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四", "表四读到 14 个数"), "table 四 aligned by spaces, a number a character off: not guessed")
end

-- 16. table 二's 规章 row with a blank cell in plain text aligned by spaces for a screen: its
-- numbers stand under the complete row's in the metric of a wide character two columns, the
-- text's metric as table 三's rows tell it (not pdftotext's, in which the labels' widths
-- shift them). A number midway between two columns stays named.
do
  local name = "corpus/045.txt"
  local base = T.read("tests/import/" .. name)
  local r, notes = imp.import(base, name)
  local reg = ((r.proactive or {}).regulations) or {}
  ok(same({ reg.issued, reg.repealed, reg.in_force }, { 0, 0, "" }), "table 二 aligned by spaces: 规章 placed " .. show({ reg.issued, reg.repealed, reg.in_force }))
  ok(note(notes, "IMPORT.VARIANT", "二", "规章（空白：现行有效件数）"), "table 二 aligned by spaces: the placing named")
  local text = T.edited(base, "\n规章                       0件            0件", "\n规章                       0件                   0件")
  r, notes = imp.import(text, name)
  ok(((r.proactive or {}).regulations) == nil and note(notes, "SECTION.MISSING", "二", "规章（读到 2 个数，应为 3 个）"),
    "table 二 aligned by spaces, a number midway: not guessed")
end

-- 17. the first number pushed left by its row's label, which runs into the first column:
-- pdftotext sets it one space after the label ("…申请数量 14      5  7"), far left of its
-- column. When the next number stands in the second column for certain, the first can only
-- be in the first. When the order leaves it two columns (012: "…申请数量 10         1   1",
-- its next number in the third), or it stands apart from the label, it stays named.
do
  local name = "corpus/036.pdf.txt"
  local base = T.read("tests/import/" .. name)
  local r, notes = imp.import(base, name)
  ok(same(row(r, "new"), { 14, 5, 7, "", 5, 7, 47 }), "a first number pushed by the label: placed " .. show(row(r, "new")))
  ok(note(notes, "IMPORT.VARIANT", "三", "一、本年新收政府信息公开申请数量（空白：社会公益组织）"), "a first number pushed by the label: the placing named")
  local text = T.edited(base, "申请数量 14      5", "申请数量  14     5")
  r, notes = imp.import(text, name)
  ok(row(r, "new") == nil and note(notes, "SECTION.MISSING", "三", "一、本年新收政府信息公开申请数量（读到 6 个数"),
    "a first number apart from the label, far left of its column: not guessed: " .. show(row(r, "new")))
  name = "corpus/012.pdf.txt"
  r, notes = imp.import(T.read("tests/import/" .. name), name)
  ok(row(r, "new") == nil and note(notes, "SECTION.MISSING", "三", "一、本年新收政府信息公开申请数量（读到 6 个数"),
    "a first number pushed by the label, two columns left to it: not guessed: " .. show(row(r, "new")))
end

-- 18. table 四 printed by Chromium (as 12) with a blank first or last cell or two blank cells
-- side by side, in five reports of the corpus: too few wide gaps. Each run's first number is
-- set where it is printed, under its header's words (the others of its run packed after it,
-- a cell each): with numbers of one or two digits each run start lines up with one column of
-- the header. A run start midway between two columns, two runs with no room for a blank
-- between them, a number of three digits (wide numbers are packed over a blank and push the
-- runs after them) or a group that does not add up leave the table named.
do
  local function t4(name)
    local base = T.read("tests/import/corpus/" .. name .. ".pdf.txt")
    local ref = dofile("tests/import/corpus/" .. name .. ".lua")
    return base, ref.appeals
  end
  local function group(g) return g and { g.upheld, g.corrected, g.other, g.pending, g.total } end
  for _, case in ipairs({ { "046", "行政复议“结果纠正”、复议后起诉“总计”" },
      { "048", "行政复议“结果纠正”、行政复议“总计”、未经复议直接起诉“结果维持”、未经复议直接起诉“总计”" },
      { "050", "未经复议直接起诉“结果维持”、复议后起诉“尚未审结”、复议后起诉“总计”" },
      { "051", "行政复议“结果维持”、复议后起诉“总计”" }, { "052", "行政复议“结果维持”、行政复议“总计”" } }) do
    local name = "corpus/" .. case[1] .. ".pdf.txt"
    local base, want = t4(case[1])
    local r, notes = imp.import(base, name)
    local a = r.appeals or {}
    local wrong = {}
    for _, g in ipairs({ "review", "litigation_direct", "litigation_after_review" }) do
      if not same(group(a[g]), { T.plain(want[g].upheld), T.plain(want[g].corrected), T.plain(want[g].other),
          T.plain(want[g].pending), T.plain(want[g].total) }) then
        wrong[#wrong + 1] = g .. " " .. show(group(a[g]))
      end
    end
    ok(#wrong == 0, name .. ": table 四 placed by its runs' starts (" .. table.concat(wrong, "; ") .. ")")
    ok(note(notes, "IMPORT.VARIANT", "四", "空白：" .. case[2] .. "（按每段数字第一个数在表头下的位置定位"), name .. ": the placing named")
  end
  local function named(text, name, count, what)
    local r, notes = imp.import(text, name)
    ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四", "表四读到 " .. count .. " 个数"), what .. ": not guessed")
  end
  -- 046's second run one column right: midway between 其他结果 and 尚未审结
  named(T.edited(t4("046"), "\n  1     1 0 2 0 1 1 0 2 0 1 0 0\n", "\n  1      1 0 2 0 1 1 0 2 0 1 0 0\n"),
    "corpus/046.pdf.txt", 13, "a run's start midway between two columns")
  -- a second run (after a wide gap) under 行政复议“其他结果”, right after the first's two
  -- cells: no blank between them (the zeros add up whichever way they go)
  named(T.edited(t4("052"), "\n     1 1 0       2 1 1 0 4 1 1 0 0 2\n", "\n  0 0   0 0 0 0 0 0 0 0 0 0 0\n"),
    "corpus/052.pdf.txt", 13, "two runs with no blank between them")
  -- 051 with numbers of three digits (their group adds up)
  named(T.edited(t4("051"), "\n     4 3 1 12 2 6 2 0 10 ", "\n     4 3 1 12 102 6 2 0 110 "),
    "corpus/051.pdf.txt", 13, "numbers of three digits")
  -- 050's 行政复议 not adding up
  named(T.edited(t4("050"), "\n 10 5 0 2 17 ", "\n 10 5 0 2 18 "), "corpus/050.pdf.txt", 12, "a group that does not add up")
end

-- 19. table 三 printed by Chromium (its header's words packed, "企业 机构 组织 机构"): pdftotext
-- packs the numbers of narrow cells one space apart ("98 43 13 61 47 15 277", "9 11"), so the
-- complete rows of a page may agree on no grid and a short row's packed numbers stand off
-- their columns. Where each run of numbers starts (two spaces or more before it) is where the
-- complete rows' runs start in its column: 045's last row "23 12    0   8       2 46" is placed
-- by them, a number packed after one of one or two digits in the next column; 021's "1   0
-- 0   1   0   2", its last run in a column no complete row's run starts in, right of all the
-- others. A run start two characters off every column, a run pushed by its label that the
-- order leaves two columns (043's "175 54" before a run in the fourth column: three) or a
-- header not packed (another printer) leave the row named.
do
  local name = "corpus/045.pdf.txt"
  local base = T.read("tests/import/" .. name)
  local r, notes = imp.import(base, name)
  ok(same(row(r, "carried_forward"), { 23, 12, 0, 8, "", 2, 46 }), "chromium table 三: placed by the runs' starts: " .. show(row(r, "carried_forward")))
  ok(note(notes, "IMPORT.VARIANT", "三", "四、结转下年度继续办理（空白：法律服务机构）（按每段数字第一个数在本页各列的位置定位）"),
    "chromium table 三: the placing named")
  local function named(text, name, key, label, what)
    local r, notes = imp.import(text, name)
    ok(row(r, key) == nil and note(notes, "SECTION.MISSING", "三", label .. "（读到 6 个数，应为 7 个）"),
      what .. ": not guessed: " .. show(row(r, key)))
  end
  named(T.edited(base, "   8       2 46\n", "   8     2 46\n"), name, "carried_forward", "四、结转下年度继续办理",
    "chromium table 三, a run's start two characters off every column")
  named(T.edited(base, "企业 机构 组织 机构\n       5%.属于三类", "企业  机构  组织  机构\n       5.属于三类"), name,
    "carried_forward", "四、结转下年度继续办理", "chromium table 三, the header not packed")
  name = "corpus/021.pdf.txt"
  r, notes = imp.import(T.read("tests/import/" .. name), name)
  ok(same(row(r, "other.no_correction"), { 1, 0, "", 0, 1, 0, 2 }), "chromium table 三, a run in a column no run starts in: placed " .. show(row(r, "other.no_correction")))
  ok(note(notes, "IMPORT.VARIANT", "三", "（空白：科研机构）（按每段数字第一个数在本页各列的位置定位）"), "chromium table 三, a run in a column no run starts in: named")
  name = "corpus/043.pdf.txt"
  named(T.read("tests/import/" .. name), name, "new", "一、本年新收政府信息公开申请数量", "chromium table 三, a pushed run the order leaves three columns")
end

-- 20. table 四 printed by LibreOffice (nianbao render -f pdf, its Word file converted; the
-- corpus's NNN.lo.txt, read as the PDF front end reads pdftotext's text): each cell a block of
-- its own, the header's stacked words ("结果" over "维持") starting at one column but neither
-- over the numbers nor evenly spaced, so nearest and the runs do not place a short row. A
-- number starting after its header's words and ending three spaces or more before the next
-- header's is in that header's cell. Near cases stay named: a number ending two spaces before
-- the next header's words, one starting where its header's words start, a stacked pair of
-- header words split (16 starts, not the 15 headers), a whole group that does not add up.
do
  local function flat(r)
    local out = {}
    for _, g in ipairs(T.t4_lists(r) or {}) do for _, v in ipairs(g or {}) do out[#out + 1] = v end end
    return out
  end
  local cases = {
    ["001"] = { 6, 2, 4, 2, 14, 4, 0, 6, 4, "", 13, 6, 4, 0, 23 },
    ["041"] = { 3, "", 3, 1, 13, 6, "", 1, 0, "", 7, 1, 1, 5, 14 },
    ["051"] = { "", 4, 3, 1, 12, 2, 6, 2, 0, 10, 8, 4, 2, 5, "" },
  }
  for k, want in pairs(cases) do
    local name = "corpus/" .. k .. ".lo.txt"
    local r, notes = T.import_layout(T.read("tests/import/" .. name))
    ok(same(flat(r), want), "libreoffice table 四 " .. k .. ": placed by the header's starts: " .. show(flat(r)))
    ok(note(notes, "IMPORT.VARIANT", "四", "（按每个数字在表头各列文字起始位置之间的位置定位"), "libreoffice table 四 " .. k .. ": the placing named")
  end
  local name = "corpus/001.lo.txt"
  local base = T.read("tests/import/" .. name)
  local function named(text, what)
    local r, notes = T.import_layout(text)
    ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四", "表四读到 14 个数，应为 15 个"), "libreoffice table 四, " .. what .. ": not guessed: " .. show(flat(r)))
  end
  named(T.edited(base, "6         4              13", "6          4             13"), "a number two spaces before the next header's words")
  named(T.edited(base, "0    6         4", "0   6          4"), "a number starting where its header's words start")
  named(T.edited(base, "\n维持      纠正    结果    审结", "\n维持       纠正   结果    审结"), "a stacked pair of header words split")
  named(T.edited(base, "2    14      4", "2    15      4"), "a whole group that does not add up")
end

-- 21. table 三 printed by LibreOffice (as 20): a short row's numbers neither nearest one
-- column of the complete rows (046's "10" three characters left of the "1" above it, right-
-- aligned) nor in runs. Each cell is a block of its own: a number of column c starting less
-- than three spaces after the end of the short row's number is not wholly right of it (so
-- that is in c or after), one ending less than three spaces before its start not wholly left
-- (so in c or before); placed when the two meet. Near cases stay named: a number near the
-- numbers of two columns, a complete row with two numbers two spaces apart (one block?).
do
  local name = "corpus/046.lo.txt"
  local base = T.read("tests/import/" .. name)
  local r, notes = T.import_layout(base)
  ok(same(row(r, "new"), { 26, 7, 2, 10, 8, "", 57 }), "libreoffice table 三: placed between the complete rows' numbers: " .. show(row(r, "new")))
  ok(note(notes, "IMPORT.VARIANT", "三", "一、本年新收政府信息公开申请数量（空白：其他）（按本页完整各行同列数字的位置定位"),
    "libreoffice table 三: the placing named")
  local function named(text, what)
    local r, notes = T.import_layout(text)
    ok(row(r, "new") == nil and note(notes, "SECTION.MISSING", "三", "一、本年新收政府信息公开申请数量（读到 6 个数，应为 7 个）"),
      "libreoffice table 三, " .. what .. ": not guessed: " .. show(row(r, "new")))
  end
  named(T.edited(base, "10       8           57", "10         8         57"), "a number near two columns' numbers")
  named(T.edited(base, "(二、上年结转政府信息公开申请数量 +4     1    0         1)    0", "%1  0  "), "two numbers of a complete row two spaces apart")
end

os.exit(tally.finish())
