-- More layouts agencies publish (the reviewer's cases of issue "import-more"), each read from
-- a short fixture in tests/import/fixtures: every number read lands in its own cell or its
-- row is left out and named; a subsection or table that is not read says only what is true.
--   nianbao run tests/import/more_robust.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"
local pdf = require "nianbao.import.pdf"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local function ok(cond, what) -- FAIL names the caller's line (not a tail call, which drops the frame)
  local r = tally.ok(cond, what, 2)
  return r
end

local function read(name)
  local f = assert(io.open("tests/import/fixtures/" .. name, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function note(notes, id, section, text)
  for _, n in ipairs(notes) do
    if n.id == id and (not section or n.section == section)
      and (not text or n.message:find(text, 1, true)) then return n end
  end
end

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

-- a row of table 三 by its key ("withheld.state_secret"), or nil
local function row_of(requests, key)
  if not requests then return nil end
  local g, m = key:match("^(.-)%.(.+)$")
  if g then return requests[g] and requests[g][m] end
  return requests[key]
end

-- every row of table 三: want maps row keys to 7 numbers (or false: the row left out)
local ZERO = { 0, 0, 0, 0, 0, 0, 0 }
local function same_requests(r, want, what)
  ok(r.requests ~= nil, what .. ": table 三 read")
  for _, row in ipairs(nb.schema.requests.rows) do
    local w = want[row.key]
    if w == nil then w = ZERO end
    local got = row_of(r.requests, row.key)
    if w == false then
      ok(got == nil, string.format("%s: row %s left out, got %s", what, row.key, show(got)))
    else
      ok(same(got, w), string.format("%s: row %s is %s, want %s", what, row.key, show(got), show(w)))
    end
  end
end

local function same_appeals(r, want, what)
  local a = r.appeals
  for k, g in ipairs(nb.schema.appeals.groups) do
    local x = a and a[g.key]
    local got = x and { x.upheld, x.corrected, x.other, x.pending, x.total }
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
  ok(note(notes, "SECTION.MISSING", "三", "一、本年新收政府信息公开申请数量（数字无法辨认"),
    "piece between columns: the row is named")
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

os.remove(os.tmpname())
os.exit(tally.finish())
