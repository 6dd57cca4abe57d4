-- The next real variants of published reports (issue 13), from our own short fixtures in
-- tests/import/fixtures: every legible cell imported, or what could not be read named; never
-- a number in the wrong cell.
--   nianbao run tests/import/variants.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"
local tables = require "nianbao.import.tables"
local norm = require "nianbao.import.normalize"

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

local function note(notes, id)
  for _, n in ipairs(notes) do if n.id == id then return n end end
end

local function errors(notes)
  local out = {}
  for _, n in ipairs(notes) do if n.severity == "error" then out[#out + 1] = n.id .. " " .. n.message end end
  return out
end

local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return true
end

-- loads through the sandboxed loader, as `import | check -` would
local view = T.reloaded

-- Markdown: # headings, pipe tables with separator rows, a label split over two cells
-- ("| 三、 | （一）予以公开 |"), a preamble, a bold signature
local r, notes = imp.import(read("markdown.md"), "markdown.md")
ok(#errors(notes) == 0, "markdown: no errors (" .. table.concat(errors(notes), "; ") .. ")")
ok(r.title == "延津县商务局 2024 年政府信息公开工作年度报告", "markdown: the title without '#': " .. tostring(r.title))
ok(r.agency == "延津县商务局" and r.year == 2024, "markdown: agency and year")
ok(#r.overview == 5 and r.overview[2].heading == "依申请公开", "markdown: the five subsections of 一")
ok(r.proactive.licensing == 12, "markdown: table 二")
ok(same(r.requests.new, { 3, 1, 0, 0, 1, 0, 5 }), "markdown: table 三 new")
ok(same(r.requests.disclosed, { 2, 1, 0, 0, 0, 0, 3 }), "markdown: the row whose label is split over two cells")
ok(same(r.requests.withheld.third_party, { 1, 0, 0, 0, 1, 0, 2 }), "markdown: table 三 third_party")
ok(r.appeals.review.upheld == 1 and r.appeals.review.total == 1, "markdown: table 四")
ok(r.preamble and r.preamble:find("统计期限自2024年1月1日至2024年12月31日", 1, true), "markdown: the preamble")
ok(r.signature and r.signature.agency == "延津县商务局" and r.signature.date == "2025年1月20日", "markdown: the bold signature")
local v = view(r)
ok(#nb.check(v):errors() == 0, "markdown: the imported report checks without errors")

-- a row the format does not have: its numbers are named, not dropped, and no row takes them
local extra, e1 = read("markdown.md"):gsub("(|  |  | 3%.危及“三安全一稳定” |[^\n]*\n)", "%1|  |  | 3a.本局自设的一行 | 7 | 0 | 0 | 0 | 0 | 0 | 7 |\n", 1)
ok(e1 == 1, "extra: the row added")
local re, enotes = imp.import(extra, "extra.md")
local unread = note(enotes, "IMPORT.UNREAD")
ok(unread and unread.message:find("“3a.本局自设的一行”后的 7、0、0、0、0、0、7", 1, true),
  "extra: the numbers of the unknown row are named (" .. (unread and unread.message or "none") .. ")")
ok(same(re.requests.withheld.security_stability, { 0, 0, 0, 0, 0, 0, 0 }) and same(re.requests.withheld.third_party, r.requests.withheld.third_party),
  "extra: its neighbours keep their own numbers")
ok(not note(notes, "IMPORT.UNREAD"), "markdown: every number of table 三 taken by a row")

-- a 2021 table 三 that kept the 2019 single row （六）其他处理
r, notes = imp.import(read("mixed-2021.md"), "mixed-2021.md")
local mixed = note(notes, "FORMAT.MIXED_TEMPLATE")
ok(mixed and mixed.severity == "warning" and mixed.section == "三", "mixed: FORMAT.MIXED_TEMPLATE reported")
ok(r.format == 2021, "mixed: still the 2021 format")
ok(not note(notes, "IMPORT.VARIANT"), "mixed: the single row is not called a subtotal row")
ok(same(r.requests.other.other, { 1, 0, 0, 0, 0, 0, 1 }), "mixed: the single row imported as other.other")
ok(r.requests.other.no_correction[1] == nb.BLANK and r.requests.other.no_fee_payment[7] == nb.BLANK,
  "mixed: the two rows it lacks are blank, not 0")
v = view(r)
ok(#nb.check(v):errors() == 0, "mixed: the checks add up")

-- a row label with characters missing, matched by its place and similarity, with a warning
r, notes = imp.import(read("misspelt-label.md"), "misspelt-label.md")
local variant = note(notes, "IMPORT.LABEL_VARIANT")
ok(variant and variant.message:find("2.其他法律行政止公开", 1, true), "misspelt: the variant is reported")
ok(same(r.requests.withheld.prohibited_by_law, { 1, 0, 0, 0, 0, 0, 1 }), "misspelt: its numbers in its row")
ok(same(r.requests.withheld.state_secret, { 0, 0, 0, 0, 0, 0, 0 }) and
   same(r.requests.withheld.security_stability, { 0, 0, 0, 0, 0, 0, 0 }), "misspelt: the neighbours unchanged")
ok(#errors(notes) == 0, "misspelt: no errors")
-- a label that is not the row (far from it) is not taken for it
local far = read("misspelt-label.md"):gsub("2%.其他法律行政止公开", "2.本单位自行设定事项")
r, notes = imp.import(far, "far.md")
ok(r.requests.withheld.prohibited_by_law == nil and note(notes, "SECTION.MISSING"),
  "misspelt: a dissimilar label is named as missing, its numbers not moved")

-- text extracted from a PDF: a vertical label spread over lines ("三 、本 年" / "度办 理 结果"),
-- each row's numbers on the line after its label, table 四's header one label per line and
-- its 15 numbers on one line, a page footer ("— 5 —") inside table 三
r, notes = imp.import(read("pdf-text.txt"), "pdf-text.txt")
ok(#errors(notes) == 0, "pdf: no errors (" .. table.concat(errors(notes), "; ") .. ")")
ok(same(r.requests.new, { 3, 1, 0, 0, 1, 0, 5 }) and same(r.requests.disclosed, { 2, 1, 0, 0, 0, 0, 3 }),
  "pdf: numbers on the line after their label")
ok(same(r.requests.withheld.third_party, { 1, 0, 0, 0, 1, 0, 2 }), "pdf: the row after the page footer")
ok(r.appeals.review.upheld == 1 and r.appeals.review.total == 1 and r.appeals.litigation_after_review.total == 0,
  "pdf: table 四 from 15 numbers on one line")
ok(r.proactive.licensing == 12 and r.proactive.regulations.in_force == 0, "pdf: table 二")
local dropped = note(notes, "IMPORT.DROPPED")
ok(dropped and dropped.message:find("页码 1 个", 1, true), "pdf: the footer counted")

-- PDF text with labels broken over lines (issue 13 part 2, the rest): the whole of tables 三
-- and 四 is compared, so that a number in a wrong cell fails. Both fixtures hold the same
-- tables: pdf-broken.txt one cell per line (a vertical label interleaved with the row labels,
-- labels over two or three lines, footers "-3-", "— 4 —", "第 5 页 共 6 页" inside the tables,
-- table 四's header over six lines); pdf-layout.txt as pdftotext -layout sets it (the
-- vertical labels' fragments beside the row labels, after one space or a layout gap, the
-- numbers on the label's last line, form feeds).
local Z = { 0, 0, 0, 0, 0, 0, 0 }
local EXPECTED = {
  new = { 5, 2, 1, 0, 1, 1, 10 }, carried_over = { 1, 0, 0, 0, 0, 0, 1 },
  disclosed = { 2, 1, 0, 0, 0, 1, 4 }, partially_disclosed = { 1, 0, 1, 0, 0, 0, 2 },
  withheld = { state_secret = Z, prohibited_by_law = Z, security_stability = Z,
    third_party = { 0, 1, 0, 0, 0, 0, 1 }, internal_affairs = Z, process_info = Z,
    enforcement_files = Z, inquiry = Z },
  unavailable = { not_held = { 1, 0, 0, 0, 0, 0, 1 }, needs_creation = Z, unclear = Z },
  not_processed = { petition = Z, duplicate = Z, publication = Z, mass_repeated = Z,
    reconfirmation = { 1, 0, 0, 0, 0, 0, 1 } },
  other = { no_correction = { 0, 0, 0, 0, 1, 0, 1 }, no_fee_payment = Z, other = Z },
  total = { 5, 2, 1, 0, 1, 1, 10 }, carried_forward = { 1, 0, 0, 0, 0, 0, 1 },
}
local APPEALS = {
  review = { upheld = 2, corrected = 1, other = 0, pending = 1, total = 4 },
  litigation_direct = { upheld = 1, corrected = 0, other = 1, pending = 0, total = 2 },
  litigation_after_review = { upheld = 0, corrected = 0, other = 1, pending = 1, total = 2 },
}
-- the cells of got that differ from want (both ways), as "path: got ≠ want"
local function shown(v)
  if type(v) ~= "table" then return tostring(v) end
  local parts = {}
  for i = 1, #v do parts[i] = tostring(v[i]) end
  return "{" .. table.concat(parts, " ") .. "}"
end
local function diff(got, want, path, out)
  out = out or {}
  if type(want) ~= "table" or type(got) ~= "table" or #want > 0 then
    if type(want) == "table" and #want > 0 and type(got) == "table" then
      if not same(got, want) then out[#out + 1] = string.format("%s: %s ≠ %s", path, shown(got), shown(want)) end
    elseif got ~= want then
      out[#out + 1] = string.format("%s: %s ≠ %s", path, shown(got), shown(want))
    end
    return out
  end
  local keys = {}
  for k in pairs(want) do keys[k] = true end
  for k in pairs(got) do keys[k] = true end
  for k in pairs(keys) do diff(got[k], want[k], path .. "." .. tostring(k), out) end
  return out
end

local function whole(name, text, footers)
  r, notes = imp.import(text, name)
  ok(#errors(notes) == 0, name .. ": no errors (" .. table.concat(errors(notes), "; ") .. ")")
  local d = diff(r.requests, EXPECTED, "requests")
  ok(#d == 0, name .. ": the whole of table 三 in place (" .. table.concat(d, "; ") .. ")")
  d = diff(r.appeals, APPEALS, "appeals")
  ok(#d == 0, name .. ": table 四 under a six-line header (" .. table.concat(d, "; ") .. ")")
  if footers then
    dropped = note(notes, "IMPORT.DROPPED")
    ok(dropped and dropped.message:find("页码 " .. footers .. " 个", 1, true), name .. ": the footers counted")
  end
  ok(#nb.check(view(r)):errors() == 0, name .. ": the imported report checks without errors")
end
whole("pdf-broken.txt", read("pdf-broken.txt"), 4)
local broken = read("pdf-broken.txt")
-- the whole vertical label on the line between a row's label and its numbers
local between, b1 = broken:gsub("三\n、本\n（一）予以公开\n", "（一）予以公开\n三、本年度办理结果\n")
ok(b1 == 1, "between: the vertical label moved")
whole("between", between, 4)
-- a label broken after fewer than 4 characters, its pieces joined ("3.补" / "正后申请内容仍不明确")
local short, s1 = broken:gsub("3%.补正后申请内容仍不明确\n", "3.补\n正后申请内容仍不明确\n")
ok(s1 == 1, "short: the label broken after 3 characters")
whole("short", short, 4)
-- pieces that do not continue the label are not joined: the row is named, nothing moved
local other = broken:gsub("3%.补正后申请内容仍不明确\n", "3.补\n充材料后另行办理\n")
r, notes = imp.import(other, "other.txt")
local miss = note(notes, "SECTION.MISSING")
ok(miss and miss.message:find("3.补正后申请内容仍不明确", 1, true), "other pieces: the row named as unread")
local want3 = {}
for k, v in pairs(EXPECTED) do want3[k] = v end
want3.unavailable = { not_held = EXPECTED.unavailable.not_held, needs_creation = Z }
local d3 = diff(r.requests, want3, "requests")
ok(#d3 == 0, "other pieces: every other cell in place (" .. table.concat(d3, "; ") .. ")")
-- a label run into a few characters before it is found ("息2.没有…"), not after longer text
local glued, g1 = broken:gsub("\n2%.没有现成信息需要另行制作\n", "\n息2.没有现成信息需要另行制作\n")
ok(g1 == 1, "glued: the label run into the cell before")
whole("glued", glued, 4)
local long = broken:gsub("\n2%.没有现成信息需要另行制作\n", "\n本机关已另行处理完毕2.没有现成信息需要另行制作\n")
r, notes = imp.import(long, "long.txt")
miss = note(notes, "SECTION.MISSING")
ok(miss and miss.message:find("2.没有现成信息需要另行制作", 1, true), "glued after long text: the row named")
local want4 = {}
for k, v in pairs(EXPECTED) do want4[k] = v end
want4.unavailable = { not_held = EXPECTED.unavailable.not_held, unclear = Z }
local d4 = diff(r.requests, want4, "requests")
ok(#d4 == 0, "glued after long text: every other cell in place (" .. table.concat(d4, "; ") .. ")")
local layout = read("pdf-layout.txt")
whole("pdf-layout.txt", layout, 3)
-- narrow columns: the numbers one space apart
local narrow, n = layout, 1
while n > 0 do narrow, n = narrow:gsub("(%d)  +(%d)", "%1 %2") end
ok(narrow:find("5 2 1 0 1 1 10", 1, true) and not narrow:find("%d  +%d"), "narrow: the numbers one space apart")
whole("narrow", narrow, 3)
-- a label over three lines whose numbers stand on its middle line (centred in the cell)
local centred, c = layout:gsub("(正、行政机关不再处理其政)\n +府信息公开申请( +[%d ]+)\n", "%1\n            府信息公开%2\n            申请\n")
ok(c == 1, "centred: the label's last piece moved below its numbers")
whole("centred", centred, 3)
-- the vertical label's fragments a space apart before a row label ("三 、本 年 （一）予以公开")
local spaced, sp = layout:gsub("\n +（一）予以公开\n三、本( +)", "\n三 、本 年 （一）予以公开\n度办 理 结果%1")
ok(sp == 1, "spaced: the vertical label set beside the first row")
whole("spaced", spaced, 3)
-- the same text through the PDF front end (what `import x.pdf` does after pdftotext)
local pdf = require "nianbao.import.pdf"
local lines = {}
for line in pdf.clean_pages(layout):gmatch("([^\n]*)\n") do lines[#lines + 1] = pdf.cells(line) end
whole("pdf front end", table.concat(pdf.join_title(lines), "\n") .. "\n")

-- a row whose numbers are not legible (here: missing) is named, and its neighbours keep theirs
local cut, cuts = read("pdf-layout.txt"):gsub("(2%.没有现成信息需要另行制作)[ 0]+\n", "%1\n")
ok(cuts == 1, "layout: the row's numbers taken out")
r, notes = imp.import(cut, "cut.txt")
local missing = note(notes, "SECTION.MISSING")
ok(missing and missing.message:find("2.没有现成信息需要另行制作", 1, true), "layout: the unread row named")
local want = { table.unpack(EXPECTED) }
for k, v in pairs(EXPECTED) do want[k] = v end
want.unavailable = { not_held = EXPECTED.unavailable.not_held, unclear = Z }
local d = diff(r.requests, want, "requests")
ok(#d == 0, "layout: every other cell in place, nothing moved into the unread row (" .. table.concat(d, "; ") .. ")")

-- pdftotext -layout of a real PDF (our own table 三 with merged vertical cells, printed by
-- chromium --print-to-pdf, then pdftotext -layout): a row's first number one space after a
-- piece of its label and the others on the next line, labels over two to five lines, group
-- marks run into label pieces ("（三） 政法规禁止公"), a label run into the end of the one
-- before ("息2.没有现成信"). One row is garbled beyond reading: its numbering mark moved to
-- the next line ("申请 申请人逾期" / "其他处 2.未按收费通知"); it is named, every other cell is
-- in place.
r, notes = imp.import(read("pdf-chromium.txt"), "pdf-chromium.txt")
local errs = errors(notes)
ok(#errs == 1 and errs[1]:find("：2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请$")
  and select(2, errs[1]:gsub("、%d%.", "")) == 0, "chromium: exactly the garbled row named (" .. table.concat(errs, "; ") .. ")")
local want_c = {}
for k, v in pairs(EXPECTED) do want_c[k] = v end
want_c.other = { no_correction = EXPECTED.other.no_correction, other = Z }
local dc = diff(r.requests, want_c, "requests")
ok(#dc == 0, "chromium: every other cell of table 三 in place (" .. table.concat(dc, "; ") .. ")")
-- the garbled row's numbers are named where they stand, not dropped
local stray = note(notes, "IMPORT.UNREAD")
ok(stray and stray.message:find("0、0、0、0、0、0、0", 1, true), "chromium: the garbled row's numbers named")
-- its table 四 likewise printed: header cells broken inside words ("结果维" / "持"), 15 numbers
dc = diff(r.appeals, APPEALS, "appeals")
ok(#dc == 0, "chromium: table 四 in place (" .. table.concat(dc, "; ") .. ")")

-- a fragment of a vertical label is skipped, but a fragment is never longer than 4 characters:
-- a real row label ends the row before it
ok(tables.is_vertical_fragment(norm.key("三、本")) and tables.is_vertical_fragment(norm.key("度办"))
  and tables.is_vertical_fragment(norm.key("予公开")), "fragments of vertical labels")
ok(not tables.is_vertical_fragment(norm.key("（七）总计")) and not tables.is_vertical_fragment(norm.key("3.其他"))
  and not tables.is_vertical_fragment(norm.key("（三）不予公开")), "row and group labels are no fragments")

os.exit(tally.finish())
