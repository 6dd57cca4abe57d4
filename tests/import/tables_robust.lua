-- Tables as agencies lay them out, each read cell by cell from a short fixture in
-- tests/import/fixtures (the reviewer's cases of issue "import-tables"): every legible number
-- imported into its cell, what is not certain left out and named, never a number moved.
--   nianbao run tests/import/tables_robust.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok -- reports the caller's file:line

local read, note = T.fixture, T.note

local plain, same = T.plain, T.same_cells -- a blank written ""
local function show(list)
  if type(list) ~= "table" then return tostring(list) end
  local out = {}
  for i, v in ipairs(list) do
    v = plain(v)
    out[i] = type(v) == "number" and tostring(v) or string.format("%q", tostring(v))
  end
  return "{" .. table.concat(out, ",") .. "}"
end

-- the data file as `import | check -` sees it: serialized, then loaded by the sandbox
local reload = T.reloaded

-- table 四 as three lists {upheld, corrected, other, pending, total}
local function same_appeals(r, want, what)
  local got = T.t4_lists(r)
  local good = got ~= nil
  for k = 1, 3 do good = good and same(got[k], want[k]) end
  ok(good, what .. ": table 四 " .. (got and (show(got[1]) .. show(got[2]) .. show(got[3])) or "not read"))
end

---------------------------------------------------------------------------
-- 1. table 四 followed, inside section 四, by a note, a unit line or the narrative of 五
-- whose heading runs on ("五、…：存在的主要问题"): the 15 numbers are those after the header

do
  local r, notes = imp.import(read("t4-note-after.txt"), "t4-note-after.txt")
  same_appeals(r, { { 1, 1, 0, 0, 2 }, { 0, 0, 0, 1, 1 }, { 3, 0, 2, 0, 5 } }, "note after table 四 (text)")
  ok(not note(notes, "SECTION.MISSING", "四"), "note after table 四 (text): no missing-table note")
  ok(note(notes, "IMPORT.NOT_PLACED", nil, "注：2024年行政复议"), "note after table 四 (text): the note is named as not placed")

  r, notes = imp.import(read("t4-note-after.html"), "t4-note-after.html")
  same_appeals(r, { { 8, 2, 3, 1, 14 }, { 2, 1, 0, 3, 6 }, { 1, 0, 0, 0, 1 } }, "note after table 四 (HTML <table>)")
  ok(not note(notes, "SECTION.MISSING", "四"), "note after table 四 (HTML): no missing-table note")

  r, notes = imp.import(read("t4-inline-heading5.txt"), "t4-inline-heading5.txt")
  same_appeals(r, { { 0, 1, 0, 0, 1 }, { 1, 0, 0, 0, 1 }, { 0, 0, 2, 0, 2 } }, "heading 五 run into its text")
  ok(not note(notes, "SECTION.MISSING", "四"), "heading 五 run into its text: no missing-table note")
end

---------------------------------------------------------------------------
-- 2. table 二: every cell as published

-- table 二 as { regulations{3}, normative_documents{3}, licensing, punishment, coercion, fees }
local function proactive(r)
  local p = r.proactive
  if not p then return nil end
  local function three(x) return x and { x.issued, x.repealed, x.in_force } or nil end
  return { three(p.regulations), three(p.normative_documents), p.licensing, p.punishment, p.coercion, p.fees }
end

local T2_KEYS = { "regulations", "normative_documents", "licensing", "punishment", "coercion", "fees" }
local function same_proactive(r, want, what)
  local got = proactive(r)
  if not got then ok(false, what .. ": table 二 not read") return end
  for k, key in ipairs(T2_KEYS) do
    local g, w = got[k], want[k]
    local good = type(w) == "table" and same(g, w) or (type(w) ~= "table" and plain(g) == w)
    ok(good, string.format("%s: table 二 %s is %s, want %s", what, key, show(type(g) == "table" and g or { g }),
      show(type(w) == "table" and w or { w })))
  end
end

-- (a) numbers with thousands separators, an amount with decimals among them ("5,125.11" 万元)
do
  local r, notes = imp.import(read("t2-fee-thousands.txt"), "t2-fee-thousands.txt")
  same_proactive(r, { { 0, 0, 0 }, { 14, 9, 1203 }, 12345, 4321, 1, 5125.11 }, "thousands separators")
  ok(not note(notes, "SECTION.MISSING", "二"), "thousands separators: no missing-row note")
  ok(math.type(r.proactive.fees) == "float", "thousands separators: the amount keeps its decimals")
  r = imp.import(read("t2-fee-thousands-tabs.txt"), "t2-fee-thousands-tabs.txt")
  ok(r.proactive and r.proactive.fees == 1096171.6, "two separators and a decimal, tab apart: "
    .. tostring(r.proactive and plain(r.proactive.fees)))
end

-- (b) cells one space apart (a space, U+3000 or NBSP) while the header uses the same: every
-- row, the fee included; (c) "规章 无 无 无": 无 is a blank, never a 0
for _, sep in ipairs({ "space", "ideographic", "nbsp" }) do
  local name = "t2-cells-" .. sep .. ".txt"
  local r, notes = imp.import(read(name), name)
  same_proactive(r, { { "", "", "" }, { 2, 1, 14 }, 236, 41, 3, 5125.11 }, name)
  ok(not note(notes, "SECTION.MISSING", "二"), name .. ": no missing-row note")
  ok(note(notes, "VALUE.BLANK", "二", "3 个空白单元格"), name .. ": the three 无 are named as blanks")
  local v = r.proactive and reload(r)
  ok(v and v.proactive.regulations.issued == nb.BLANK, name .. ": 无 is still a blank in the data file")
end

---------------------------------------------------------------------------
-- 3. table 三: a group's label run into its first row's label with one space, none or U+3000
-- ("（三）不予公开 1.属于国家秘密") while the cells are further apart

local t3_row = T.t3_row

local T3_KEYS = {}
for _, row in ipairs(nb.schema.requests.rows) do T3_KEYS[#T3_KEYS + 1] = row.group and (row.group .. "." .. row.member) or row.key end

-- every row of table 三 as want has it (nil: the row must be absent)
local function same_requests(r, want, what)
  for _, key in ipairs(T3_KEYS) do
    local got = t3_row(r, key)
    if want[key] == nil then
      ok(got == nil, string.format("%s: table 三 %s left out, got %s", what, key, show(got)))
    else
      ok(same(got, want[key]), string.format("%s: table 三 %s is %s, want %s", what, key, show(got), show(want[key])))
    end
  end
end

local function errors_of(findings)
  local out = {}
  for _, f in ipairs(findings) do if f.severity == "error" then out[#out + 1] = f.id end end
  return out
end

local T3_GROUP = {
  ["new"] = { 46, 36, 50, 23, 36, 57, 248 },
  ["carried_over"] = { 1, 0, 0, 1, 1, 1, 4 },
  ["disclosed"] = { 0, 3, 3, 0, 1, 3, 10 },
  ["partially_disclosed"] = { 2, 5, 3, 0, 3, 0, 13 },
  ["withheld.state_secret"] = { 2, 1, 3, 0, 0, 5, 11 },
  ["withheld.prohibited_by_law"] = { 2, 3, 3, 2, 2, 5, 17 },
  ["withheld.security_stability"] = { 0, 0, 5, 0, 3, 2, 10 },
  ["withheld.third_party"] = { 5, 0, 5, 0, 0, 3, 13 },
  ["withheld.internal_affairs"] = { 0, 1, 0, 1, 2, 3, 7 },
  ["withheld.process_info"] = { 5, 2, 5, 2, 2, 5, 21 },
  ["withheld.enforcement_files"] = { 3, 2, 0, 1, 0, 0, 6 },
  ["withheld.inquiry"] = { 0, 2, 0, 1, 5, 2, 10 },
  ["unavailable.not_held"] = { 5, 1, 2, 3, 2, 3, 16 },
  ["unavailable.needs_creation"] = { 1, 3, 3, 2, 3, 0, 12 },
  ["unavailable.unclear"] = { 1, 5, 0, 1, 3, 5, 15 },
  ["not_processed.petition"] = { 5, 0, 5, 1, 3, 3, 17 },
  ["not_processed.duplicate"] = { 3, 0, 5, 5, 0, 5, 18 },
  ["not_processed.publication"] = { 3, 1, 1, 0, 0, 2, 7 },
  ["not_processed.mass_repeated"] = { 5, 2, 0, 1, 0, 2, 10 },
  ["not_processed.reconfirmation"] = { 0, 0, 1, 2, 2, 0, 5 },
  ["other.no_correction"] = { 0, 3, 3, 0, 2, 5, 13 },
  ["other.no_fee_payment"] = { 3, 1, 3, 1, 3, 0, 11 },
  ["other.other"] = { 0, 1, 0, 0, 0, 3, 4 },
  ["total"] = { 45, 36, 50, 23, 36, 56, 246 },
  ["carried_forward"] = { 2, 0, 0, 1, 1, 2, 6 },
}

do
  local r, notes = imp.import(read("t3-group-label-space.txt"), "t3-group-label-space.txt")
  same_requests(r, T3_GROUP, "group label one space apart")
  ok(not note(notes, "SECTION.MISSING", "三"), "group label one space apart: no missing-row note")
  ok(not note(notes, "IMPORT.UNREAD", "三"), "group label one space apart: no stray numbers")
  local errs = errors_of(nb.check(reload(r)))
  local t3 = 0
  for _, id in ipairs(errs) do if id:find("^T3%.") then t3 = t3 + 1 end end
  ok(t3 == 0, "group label one space apart: no T3 error on a correct table (" .. table.concat(errs, ",") .. ")")
end

---------------------------------------------------------------------------
-- 4. table 三 whose rows all have 6 numbers: without a 总计 column (FORMAT.md §2 allows rows of
-- 6, 总计 derived) they are read; with 总计 in the header one column is empty in every row and,
-- its cells apart by spaces only, which one cannot be told: nothing is put in a wrong column

local T3_B4 = {
  ["new"] = { 32, 26, 23, 42, 37, 40, 200 },
  ["carried_over"] = { 1, 1, 0, 0, 0, 1, 3 },
  ["disclosed"] = { 3, 1, 5, 1, 5, 5, 20 },
  ["partially_disclosed"] = { 5, 3, 0, 2, 0, 5, 15 },
  ["withheld.state_secret"] = { 0, 0, 0, 1, 2, 0, 3 },
  ["withheld.prohibited_by_law"] = { 2, 3, 0, 3, 0, 0, 8 },
  ["withheld.security_stability"] = { 5, 0, 2, 1, 0, 2, 10 },
  ["withheld.third_party"] = { 0, 0, 0, 3, 3, 2, 8 },
  ["withheld.internal_affairs"] = { 0, 0, 0, 0, 0, 0, 0 },
  ["withheld.process_info"] = { 0, 0, 1, 1, 0, 3, 5 },
  ["withheld.enforcement_files"] = { 5, 5, 0, 0, 5, 0, 15 },
  ["withheld.inquiry"] = { 2, 1, 0, 1, 2, 0, 6 },
  ["unavailable.not_held"] = { 0, 1, 0, 1, 1, 3, 6 },
  ["unavailable.needs_creation"] = { 3, 0, 3, 5, 5, 1, 17 },
  ["unavailable.unclear"] = { 0, 1, 1, 1, 2, 5, 10 },
  ["not_processed.petition"] = { 1, 0, 2, 2, 5, 0, 10 },
  ["not_processed.duplicate"] = { 0, 1, 0, 5, 1, 2, 9 },
  ["not_processed.publication"] = { 0, 3, 2, 1, 2, 3, 11 },
  ["not_processed.mass_repeated"] = { 0, 2, 0, 5, 0, 3, 10 },
  ["not_processed.reconfirmation"] = { 0, 0, 0, 2, 1, 3, 6 },
  ["other.no_correction"] = { 1, 3, 1, 2, 0, 3, 10 },
  ["other.no_fee_payment"] = { 5, 1, 1, 0, 2, 0, 9 },
  ["other.other"] = { 0, 1, 3, 3, 1, 0, 8 },
  ["total"] = { 32, 26, 21, 40, 37, 40, 196 },
  ["carried_forward"] = { 1, 1, 2, 2, 0, 1, 7 },
}

do
  local r, notes = imp.import(read("t3-no-total-col.txt"), "t3-no-total-col.txt")
  local six = {}
  for k, v in pairs(T3_B4) do six[k] = { table.unpack(v, 1, 6) } end
  same_requests(r, six, "no 总计 column")
  ok(not note(notes, "SECTION.MISSING", "三"), "no 总计 column: no missing-table note")
  ok(note(notes, "IMPORT.VARIANT", "三", "没有“总计”列"), "no 总计 column: the variant is named")
  local v = r.requests and reload(r)
  ok(v and v.requests.total[7] == T3_B4.total[7] and v.requests.new[7] == T3_B4.new[7],
    "no 总计 column: the data file derives 总计")

  r, notes = imp.import(read("t3-empty-col-spaces.txt"), "t3-empty-col-spaces.txt")
  ok(r.requests == nil, "a column empty in every row, spaces only: no row is imported")
  local n = note(notes, "SECTION.MISSING", "三", "每行都只读到 6 个数（应为 7 个）")
  ok(n and n.message:find("25 行", 1, true) and n.message:find("哪一列无法确定", 1, true),
    "a column empty in every row: the note says what is missing and why: " .. (n and n.message or "none"))

  -- the same table with its 总计 header written 合计, or stacked 总 over 计 as a narrow PDF
  -- column sets it: still a column empty in every row, never read as six applicant columns
  -- (which would put every 总计 into 其他)
  local empty = read("t3-empty-col-spaces.txt")
  local header = "自然人    法人或其他组织    总计\n"
  assert(empty:find(header, 1, true), "the fixture's header")
  for _, c in ipairs({ { "合计", "自然人    法人或其他组织    合计\n" }, { "总 / 计", "自然人    法人或其他组织    总\n计\n" } }) do
    local text = empty:gsub(header:gsub("%p", "%%%0"), (c[2]:gsub("%%", "%%%%")))
    r, notes = imp.import(text, "t3.txt")
    ok(r.requests == nil, "总计 written " .. c[1] .. ": table 三 left out, not shifted: "
      .. tostring(r.requests and r.requests.new and table.concat(r.requests.new, ",")))
    ok(note(notes, "SECTION.MISSING", "三", "每行都只读到 6 个数"), "总计 written " .. c[1] .. ": named")
  end
end

-- a row of table 二 with one cell, that cell blank and nothing written in it ("行政强制" alone
-- on its line, as a PDF's layout text or a copy of it gives it): the cell is blank, there is
-- no other column to place a number in. Not certain, and named as before: a number standing
-- between the row before and the next row's label (set on a line of its own), a table cut
-- off after the label, a table none of whose rows has a number
do
  local base = read("t2-cells-space.txt")
  local function t2(text, name)
    local r, notes = imp.import(text, name)
    return r.proactive or {}, notes
  end
  local text = T.edited(base, "行政强制 3\n", "行政强制\n")
  local p, notes = t2(text, "t2-coercion-blank.txt")
  ok(p.coercion == nb.BLANK and p.punishment == 41 and p.fees == 5125.11,
    "one-cell row, its cell blank: read as blank: " .. show({ p.punishment, p.coercion, p.fees }))
  ok(not note(notes, "SECTION.MISSING", "二") and note(notes, "VALUE.BLANK", "二", "表二有 4 个空白单元格"),
    "one-cell row, its cell blank: counted as a blank, not named missing")
  -- trailing spaces (a copy of an aligned table) change nothing
  p = t2((base:gsub("行政强制 3\n", "行政强制            \n")), "t2-coercion-spaces.txt")
  ok(p.coercion == nb.BLANK, "one-cell row, spaces after the label: blank: " .. show({ p.coercion }))
  -- the last row of the table, a heading after it
  p, notes = t2((base:gsub("行政事业性收费 5,125.11\n", "行政事业性收费\n")), "t2-fee-blank.txt")
  ok(p.fees == nb.BLANK and not note(notes, "SECTION.MISSING", "二"), "the fee row blank before heading 三: " .. show({ p.fees }))
  -- the same table cut off after the label: not certain
  local cut = base:gsub("行政事业性收费 5,125.11\n.*$", "行政事业性收费\n")
  p, notes = t2(cut, "t2-fee-cut.txt")
  ok(p.fees == nil and note(notes, "SECTION.MISSING", "二", "行政事业性收费"), "the fee row at the end of a cut table: named: " .. show({ p.fees }))
  -- the number on a line of its own before the label, or after it (before the next block's
  -- row): whose it is is not certain
  p, notes = t2((base:gsub("行政强制 3\n", "            3\n行政强制\n")), "t2-coercion-above.txt")
  ok(p.coercion == nil and note(notes, "SECTION.MISSING", "二", "行政强制"), "a number above the label: named: " .. show({ p.coercion }))
  p, notes = t2((base:gsub("行政强制 3\n第二十条第（八）项\n", "行政强制\n第二十条第（八）项\n            3\n")), "t2-coercion-below.txt")
  ok(p.coercion == nil and note(notes, "SECTION.MISSING", "二", "行政强制"), "a number after the next block's header: named: " .. show({ p.coercion }))
  -- no row of the table with a number: not a table of blanks
  local bare = base:gsub("([^\n]) [%d,. 无]+\n", "%1\n")
  p, notes = t2(bare, "t2-bare.txt")
  ok(p.licensing == nil and p.coercion == nil and p.fees == nil, "a table with no numbers: no blanks read: "
    .. show({ p.licensing, p.punishment, p.coercion, p.fees }))
end

-- table 三 with tabs (a copy from Word or Excel) whose rows lost their trailing tabs, a row's
-- blank 总计 then without its field: the empty fields of the label's merged cells before its
-- numbers were taken for its first cells, every number one column right, and only the blank
-- count said anything. The header (自然人 … 总计) and the complete rows give each column's
-- field: the row is written out to 总计 and named. Without a header the missing cell's column
-- is not known: the row is left out and named, with what could not be placed
do
  local name = "tests/import/corpus/014.txt"
  local base = T.read(name)
  local function t3(text) local r, notes = imp.import(text, name) return r, notes end
  local row = T.t3_row
  -- a blank 总计 written as an empty last field: read (it was named short)
  local r, notes = t3(base)
  ok(same(row(r, "other.no_fee_payment"), { 0, 0, 0, 0, 0, 0, "" }), "tabs: an empty last field under 总计: "
    .. show(row(r, "other.no_fee_payment")))
  ok(not note(notes, "SECTION.MISSING", "三") and note(notes, "IMPORT.VARIANT", "三", "2.申请人逾期未按收费通知要求缴纳费用、（空白：总计）"),
    "tabs: the row placed by the header's fields is named")
  -- the same row and 一、本年新收 without their last field
  local text, c1 = base:gsub("(2%.申请人逾期未按收费[^\n]-\t0\t0\t0\t0\t0\t0)\t\n", "%1\n")
  local c2
  text, c2 = text:gsub("(一、本年新收政府信息公开申请数量\t\t\t4\t1\t1\t2\t0\t1)\t9\n", "%1\n")
  assert(c1 == 1 and c2 == 1, "the corpus report's rows")
  r, notes = t3(text)
  ok(same(row(r, "new"), { 4, 1, 1, 2, 0, 1, "" }), "tabs: a row without its 总计 field, not moved right: " .. show(row(r, "new")))
  ok(same(row(r, "other.no_fee_payment"), { 0, 0, 0, 0, 0, 0, "" }), "tabs: the other row too: " .. show(row(r, "other.no_fee_payment")))
  ok(note(notes, "IMPORT.VARIANT", "三", "一、本年新收政府信息公开申请数量（空白：总计）；2.申请人逾期"), "tabs: both rows named")
  ok(same(row(r, "disclosed"), { 0, 0, 0, 2, 0, 0, 2 }), "tabs: the complete rows as they are")
  -- no header: which cell the row lost is not known
  local bare, c3 = text:gsub("\n\t\t\t自然人\t法人或其他组织[^\n]*\n", "\n")
  assert(c3 == 1, "the corpus report's header")
  r, notes = t3(bare)
  ok(row(r, "new") == nil, "tabs, no header: the short row not moved right: " .. show(row(r, "new")))
  ok(note(notes, "SECTION.MISSING", "三", "一、本年新收政府信息公开申请数量（读到 6 个数，应为 7 个）"), "tabs, no header: the row named missing")
  ok(note(notes, "IMPORT.VARIANT", "三", "缺的是哪一列无法确定，这些行未导入：一、本年新收政府信息公开申请数量（6 个数，应为 7 个）"),
    "tabs, no header: what could not be placed is said")
  ok(same(row(r, "disclosed"), { 0, 0, 0, 2, 0, 0, 2 }), "tabs, no header: the complete rows still read")
  -- a header whose 总计 is not six fields after 自然人 (its merged cells one field each): the
  -- same
  local merged = text:gsub("\n\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n", "\n\t\t\t自然人\t法人或其他组织\t总计\n")
  r, notes = t3(merged)
  ok(row(r, "new") == nil and note(notes, "SECTION.MISSING", "三", "一、本年新收政府信息公开申请数量（读到 6 个数"),
    "tabs, header's cells merged: not placed, named: " .. show(row(r, "new")))
end

-- table 四 with tabs, its last cells blank: empty fields after the last number (or lost with
-- their tabs) were a guess for the reader, which named the row. Its header's words stand at
-- the fields of the 15 columns: the row is read by them, and named
do
  local name = "tests/import/corpus/050.txt"
  local base = T.read(name)
  local want = { { 10, 5, 0, 2, 17 }, { "", 3, 6, 2, 17 }, { 8, 1, 5, "", "" } }
  local function check(text, what)
    local r, notes = imp.import(text, name)
    local got = T.t4_lists(r) or {}
    for k = 1, 3 do ok(same(got[k], want[k]), what .. ": group " .. k .. " " .. show(got[k])) end
    ok(not note(notes, "SECTION.MISSING", "四") and note(notes, "IMPORT.VARIANT", "四",
      "空白：未经复议直接起诉“结果维持”、复议后起诉“尚未审结”、复议后起诉“总计”"), what .. ": the blanks named")
  end
  check(base, "table 四 with tabs, empty last fields")
  local cut = T.edited(base, "(\n10\t5\t0\t2\t17\t\t3\t6\t2\t17\t8\t1\t5)\t\t\n", "%1\n")
  check(cut, "table 四 with tabs, the last fields lost")
  -- without the header's last line the columns' fields are not known: the empty fields
  -- that end the line above (under its words) were taken for the row's first cells, its
  -- numbers two columns on, a group's total failing, and only the blanks counted. Named
  local bare = cut:gsub("\n\t\t\t\t\t结果维持[^\n]*\n", "\n")
  local r, notes = imp.import(bare, name)
  ok(r.appeals == nil and note(notes, "SECTION.MISSING", "四", "表四的数字前有 2 个空单元格"),
    "table 四 with tabs, no header: named, not read: " .. show((T.t4_lists(r) or {})[1]))
end

os.exit(tally.finish())
