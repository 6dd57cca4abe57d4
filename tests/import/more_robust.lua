-- More layouts agencies publish (the reviewer's cases of issue "import-more"), each read from
-- a short fixture in tests/import/fixtures: every number read lands in its own cell or its
-- row is left out and named; a subsection or table that is not read says only what is true.
--   nianbao run tests/import/more_robust.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"
local pdf = require "nianbao.import.pdf"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok -- reports the caller's file:line

local read, note = T.fixture, T.note

local function show(list)
  if type(list) ~= "table" then return tostring(list) end
  local out = {}
  for i, v in ipairs(list) do out[i] = v == nb.BLANK and '""' or tostring(v) end
  return "{" .. table.concat(out, ",") .. "}"
end

local function same(a, b)
  if type(a) ~= "table" or #a ~= #b then return false end
  for i = 1, #b do if a[i] ~= b[i] then return false end end
  return true
end


-- every row of table 三: want maps row keys to 7 numbers (or false: the row left out)
local ZERO = { 0, 0, 0, 0, 0, 0, 0 }
local function same_requests(r, want, what)
  ok(r.requests ~= nil, what .. ": table 三 read")
  for _, row in ipairs(nb.schema.requests.rows) do
    local w = want[row.key]
    if w == nil then w = ZERO end
    local got = T.t3_row(r, row.key)
    if w == false then
      ok(got == nil, string.format("%s: row %s left out, got %s", what, row.key, show(got)))
    else
      ok(same(got, w), string.format("%s: row %s is %s, want %s", what, row.key, show(got), show(w)))
    end
  end
end

local function same_appeals(r, want, what)
  local lists = T.t4_lists(r) or {}
  for k, g in ipairs(nb.schema.appeals.groups) do
    local got = lists[k] or nil
    ok(same(got, want[k]), string.format("%s: table 四 %s is %s", what, g.key, show(got)))
  end
end

---------------------------------------------------------------------------
-- 1. a PDF whose narrow cells wrap wide numbers: "4,6" on the row's line, "51" under it on
-- the next ("78" / "9" for 789). pdftotext -layout text of such a PDF (the reviewer's
-- r32_pdf_city_bureau.pdf), through the PDF front end.

local WRAPPED = read("pdf-wrapped-digits.txt")
local WRAPPED_T3 = {
  new = { 4651, 789, 5, 6, 169, 24, 5644 }, carried_over = { 140, 9, 0, 0, 2, 0, 151 },
  disclosed = { 2310, 402, 3, 5, 120, 14, 2854 }, partially_disclosed = { 811, 66, 0, 1, 9, 2, 889 },
  ["unavailable.not_held"] = { 1024, 301, 2, 0, 33, 6, 1366 }, ["other.other"] = { 415, 12, 0, 0, 4, 1, 432 },
  total = { 4560, 781, 5, 6, 166, 23, 5541 }, carried_forward = { 231, 17, 0, 0, 5, 1, 254 },
}

do
  local r, notes = imp.import(pdf.from_layout(WRAPPED), "attachment.txt")
  same_requests(r, WRAPPED_T3, "wrapped digits")
  same_appeals(r, { { 10, 2, 5, 3, 20 }, { 4, 0, 1, 2, 7 }, { 1, 0, 0, 1, 2 } }, "wrapped digits")
  local p = r.proactive
  ok(p and same({ p.normative_documents.issued, p.normative_documents.repealed, p.normative_documents.in_force },
    { 14, 9, 1203 }) and p.licensing == 12345 and p.punishment == 4321 and p.coercion == 1 and p.fees == 5125.1,
    "wrapped digits: table 二")
  ok(not note(notes, "SECTION.MISSING"), "wrapped digits: nothing missing")
  ok(not note(notes, "IMPORT.UNREAD"), "wrapped digits: no number left over")
  -- the label text beside the pieces stays (a vertical label's piece, a label's second line)
  ok(pdf.from_layout(WRAPPED):find("理结\t一情形，不计其他情形）\n", 1, true)
    or pdf.from_layout(WRAPPED):find("理结   一情形，不计其他情形）\n", 1, true), "wrapped digits: the label's second line stays")
end

-- a piece under no number of the row (between two columns): which cell it continues is not
-- certain, so the row is left out and named, its neighbours kept
do
  local moved, n = WRAPPED:gsub("\n                         51  9              9         44\n",
    "\n                            51  9           9         44\n")
  assert(n == 1)
  local r, notes = imp.import(pdf.from_layout(moved), "attachment.txt")
  local want = {}
  for k, v in pairs(WRAPPED_T3) do want[k] = v end
  want.new = false
  same_requests(r, want, "piece between columns")
  ok(note(notes, "SECTION.MISSING", "三", "一、本年新收政府信息公开申请数量（数字无法辨认：“4,6”“78”“5”“6”“16”“24”“5,6”"),
    "piece between columns: the row is named")
end

-- a number under a 0 or a one-digit number (text after the table: a chart's labels) continues
-- no cell: both lines stay as they are
do
  local lines = { "四、结转下年度继续办理    3   0   0   0", "予以公开" .. string.rep(" ", 15) .. "17" }
  local before = table.concat(lines, "\n")
  pdf.join_wrapped(lines)
  ok(table.concat(lines, "\n") == before, "a number under a 0: not joined: " .. table.concat(lines, " / "))
end

-- the same layout text copied into a text file (no PDF front end): joined the same way
do
  local r, notes = imp.import(WRAPPED, "copied.txt")
  same_requests(r, WRAPPED_T3, "layout copy")
  ok(not note(notes, "IMPORT.UNREAD"), "layout copy: no number left over")
end

-- a cell "4,6" whose piece cannot be joined (the row's cells apart by tabs, its piece on the
-- next line): no number, so its row is left out and named, never read from the cells after it
do
  local tabbed, n = WRAPPED:gsub("一、本年新收政府信息公开申请数量         4,6 78 5  6        16   24   5,6\n",
    "一、本年新收政府信息公开申请数量\t4,6\t78\t5\t6\t16\t24\t5,6\n")
  assert(n == 1)
  local r, notes = imp.import(tabbed, "copied.txt")
  local want = {}
  for k, v in pairs(WRAPPED_T3) do want[k] = v end
  want.new = false
  same_requests(r, want, "illegible cell")
  ok(note(notes, "SECTION.MISSING", "三", "一、本年新收政府信息公开申请数量（数字无法辨认：“4,6”“5,6”"),
    "illegible cell: the row and its cells are named")
end

---------------------------------------------------------------------------
-- 2. the subsections of 一 numbered "1." (heading on its own line), "1、" (heading run into
-- its text up to 。), "（1）", "(1)", "1．": split as （一） ones are; a numbered list inside a
-- subsection's text, or a list of measures, stays text

local HEADINGS = { "主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障" }
local function same_overview(r, what)
  local o = r.overview or {}
  ok(#o == #HEADINGS, what .. ": 5 subsections, got " .. #o)
  for k, h in ipairs(HEADINGS) do
    ok(o[k] and o[k].heading == h, string.format("%s: subsection %d heading %s", what, k, tostring(o[k] and o[k].heading)))
    ok(o[k] and o[k].text ~= "" and not o[k].text:find("^%d[.、．]") and not o[k].text:find("\n%d[.、]"),
      string.format("%s: subsection %d text alone", what, k))
  end
  ok(o[1] and o[1].text:find("^2024年，清河县自然资源和规划局坚持以公开为常态") ~= nil, what .. ": 主动公开's text")
  ok(o[5] and o[5].text == "将政务公开工作纳入年度绩效考核，明确专人负责，全年未发生因政务公开工作不到位被追责的情况。",
    what .. ": 监督保障's text " .. tostring(o[5] and o[5].text))
end

do
  local arabic = read("overview-arabic.txt")
  same_overview(imp.import(arabic, "overview-arabic.txt"), "1. on its own line")
  for _, form in ipairs({ "（%1）", "(%1)", "%1．", "%1、" }) do
    -- (the overview only: the table labels keep their numbering)
    local cut = assert(arabic:find("\n二、", 1, true))
    local text = arabic:sub(1, cut):gsub("\n([1-5])%.", "\n" .. form) .. arabic:sub(cut + 1)
    same_overview(imp.import(text, "x.txt"), form .. " on its own line")
  end
  same_overview(imp.import(read("overview-arabic-inline.txt"), "overview-arabic-inline.txt"), "1、heading。text")
  -- the rest of the report is read as before
  local r = imp.import(arabic, "overview-arabic.txt")
  ok(r.agency == "清河县自然资源和规划局" and r.year == 2024 and r.proactive and r.requests and r.appeals,
    "1. on its own line: the rest of the report")
end

do
  local overview = require("nianbao.import.narrative").overview
  -- under （一）: a list of measures numbered 1. 2. is the subsection's text
  local o = overview({ "（一）主动公开", "全年主动公开信息120条，主要做法：", "1.主动公开制度建设。制定目录。",
    "2.依申请公开答复规范。统一格式。", "（二）依申请公开", "共收到申请3件。" })
  ok(#o == 2 and o[1].heading == "主动公开" and o[2].heading == "依申请公开", "list under （一）: two subsections")
  ok(o[1].text == "全年主动公开信息120条，主要做法：\n1.主动公开制度建设。制定目录。\n2.依申请公开答复规范。统一格式。",
    "list under （一）: the list is text: " .. tostring(o[1] and o[1].text))
  -- no （一）: a list of measures (not the usual subsections) stays one text
  local list = { "本年度重点做了以下工作：", "1.加强组织领导。成立领导小组。", "2.完善制度建设。修订制度3项。",
    "3.强化队伍培训。培训2次。" }
  o = overview(list)
  ok(#o == 1 and o[1].heading == nil and o[1].text == table.concat(list, "\n"), "list of measures: one text")
  -- numbers that do not count 1, 2, 3… from 1 are no subsections
  o = overview({ "1.主动公开：全年公开120条。", "3.依申请公开：收到3件。" })
  ok(#o == 1 and o[1].heading == nil, "numbers 1, 3: one text")
  -- a sentence starting with a decimal is no numbering
  o = overview({ "1.5万条信息已主动公开。", "2.依申请公开：收到3件。" })
  ok(#o == 1 and o[1].heading == nil, "a decimal: one text")
  -- （1） under 1.: the form of the first numbered paragraph numbers the subsections
  o = overview({ "1.主动公开", "全年公开120条：", "（1）制度建设。制定目录。", "（2）平台建设。更新栏目。", "2.依申请公开", "收到3件。" })
  ok(#o == 2 and o[1].heading == "主动公开" and o[2].heading == "依申请公开"
    and o[1].text == "全年公开120条：\n（1）制度建设。制定目录。\n（2）平台建设。更新栏目。", "（1） under 1.: text of 1.")
end

---------------------------------------------------------------------------
-- 3. a table left out says only what is true: when its reader said why (table 三 with one
-- column empty in every row), no guess "published as a picture" is added; a section whose
-- heading and table are both absent is said to be absent

local function missing(notes, section)
  local out = {}
  for _, n in ipairs(notes) do
    if n.id == "SECTION.MISSING" and n.section == section then out[#out + 1] = n.message end
  end
  return out
end

do
  local r, notes = imp.import(read("t3-empty-col-spaces.txt"), "t3-empty-col-spaces.txt")
  local m = missing(notes, "三")
  ok(r.requests == nil, "empty column: table 三 left out")
  ok(#m == 1 and m[1]:find("每行都只读到 6 个数", 1, true), "empty column: one note, the reason: " .. table.concat(m, " | "))
  for _, n in ipairs(notes) do
    if n.section == "三" then ok(not n.message:find("图片", 1, true), "empty column: no guess about a picture: " .. n.message) end
  end

  r, notes = imp.import(read("section4-absent.txt"), "section4-absent.txt")
  m = missing(notes, "四")
  ok(r.appeals == nil, "section 四 absent: no table 四")
  ok(#m == 2 and m[1]:find("未找到标题", 1, true) and m[2]:find("标题和表格都没有找到", 1, true),
    "section 四 absent: heading and table named absent: " .. table.concat(m, " | "))
  ok(r.requests and r.requests.disclosed and r.requests.disclosed[1] == 2, "section 四 absent: table 三 still read")

  -- a heading found with no table under it: the table may be a picture
  local text = read("section4-absent.txt"):gsub("\n五、", "\n四、政府信息公开行政复议、行政诉讼情况\n\n五、", 1)
  r, notes = imp.import(text, "x.txt")
  m = missing(notes, "四")
  ok(#m == 1 and m[1]:find("可能以图片发布", 1, true), "heading without table: " .. table.concat(m, " | "))
end

---------------------------------------------------------------------------
-- 4. a PDF whose narrow label column cuts every row label to its number and one character
-- ("3.危" with the row's numbers, "及“三" / "安全" / "一稳" / "定”" below, among the pieces of
-- the vertical group label "（三" / "）不" / "予公" / "开"): the pieces make the label; a label
-- cut short that cannot be made whole is named missing, its numbers never taken by a row
-- with the same numbering ("3.危" is no misspelling of "3.其他")

local CUT = read("pdf-labels-cut.txt")
local CUT_T3 = {
  new = { 181, 20, 1, 1, 2, 0, 205 }, carried_over = { 6, 1, 0, 0, 0, 0, 7 },
  disclosed = { 101, 12, 1, 0, 2, 0, 116 }, partially_disclosed = { 20, 3, 0, 0, 0, 0, 23 },
  ["withheld.third_party"] = { 3, 0, 0, 0, 0, 0, 3 }, ["unavailable.not_held"] = { 40, 5, 0, 1, 0, 0, 46 },
  ["not_processed.petition"] = { 7, 0, 0, 0, 0, 0, 7 }, ["other.no_correction"] = { 5, 0, 0, 0, 0, 0, 5 },
  ["other.other"] = { 2, 1, 0, 0, 0, 0, 3 }, total = { 178, 21, 1, 1, 2, 0, 203 },
  carried_forward = { 9, 0, 0, 0, 0, 0, 9 },
}

do
  local r, notes = imp.import(pdf.from_layout(CUT), "attachment.txt")
  same_requests(r, CUT_T3, "labels cut")
  ok(not note(notes, "SECTION.MISSING", "三"), "labels cut: nothing missing")
  ok(not note(notes, "IMPORT.UNREAD"), "labels cut: no number left over")
  ok(not note(notes, "IMPORT.LABEL_VARIANT"), "labels cut: no label read as another")

  -- the rest of "3.危" lost: the row is named, 3.其他 keeps its own numbers
  local lost, n = CUT:gsub("\n        及“三\n        安全\n        一稳\n        定”\n", "\n")
  assert(n == 1)
  r, notes = imp.import(pdf.from_layout(lost), "attachment.txt")
  local want = {}
  for k, v in pairs(CUT_T3) do want[k] = v end
  want["withheld.security_stability"] = false
  same_requests(r, want, "label cut short")
  ok(note(notes, "SECTION.MISSING", "三", "3.危及“三安全一稳定”"), "label cut short: the row is named")
  ok(not note(notes, "IMPORT.LABEL_VARIANT"), "label cut short: not read as another row")
end

os.remove(os.tmpname())
os.exit(tally.finish())
