-- The corpus of whole reports (tests/import/corpus/, made by make.sh): 52 reports of other
-- agencies and years 2021-2025 (41-52 with blanks in each of tables 二, 三 and 四), each as
-- plain text (tables with tabs or aligned by spaces) and as a PDF's layout text (pdftotext
-- -layout), with blank cells left empty or marked ("—", "/", "无"), units in table 二, page
-- chrome, web-page lines and wrapped row labels, and as the layout text of the PDF that
-- LibreOffice prints from the report's Word file (NNN.lo.txt, read by the PDF front end as
-- `nianbao import X.pdf` reads it), each with its reference data file. A few reports also
-- come as Word files of another producer (NNN.lo-html.docx: the web page saved as Word by
-- LibreOffice; NNN.lo-word.docx: nianbao's Word file saved again by it). Every cell of tables 二, 三 and 四 is compared: a cell
-- read wrong, or left out, with no note on its table is a failure; cells left out with a
-- note are counted (they could be read: the reference has them).
--   nianbao run tests/import/corpus.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok
local DIR = "tests/import/corpus/"

-- the cells of a report's tables: { section, name, value } (blanks as ""), by the schema
local function cells(r)
  local out = {}
  local function add(section, name, v) out[#out + 1] = { section, name, T.plain(v) } end
  local p = r.proactive or {}
  for _, k in ipairs({ "regulations", "normative_documents" }) do
    for _, c in ipairs({ "issued", "repealed", "in_force" }) do add("二", k .. "." .. c, (p[k] or {})[c]) end
  end
  for _, k in ipairs({ "licensing", "punishment", "coercion", "fees" }) do add("二", k, p[k]) end
  for _, row in ipairs(nb.schema.requests.rows) do
    local key = row.group and row.group .. "." .. row.member or row.key
    local v = T.t3_row(r, key) or {}
    for c = 1, 7 do add("三", key .. "[" .. c .. "]", v[c]) end
  end
  local a = r.appeals or {}
  for _, g in ipairs(nb.schema.appeals.groups) do
    for _, c in ipairs({ "upheld", "corrected", "other", "pending", "total" }) do
      add("四", g.key .. "." .. c, (a[g.key] or {})[c])
    end
  end
  return out
end

-- whether a note tells of a cell of the section not read (or read by a guess it names)
local function named(notes, section)
  for _, n in ipairs(notes) do
    if n.section == section and (n.severity == "error" or n.severity == "warning")
        and (n.id == "SECTION.MISSING" or n.id:find("^IMPORT%.")) then
      return true
    end
  end
  return false
end

-- a form's input imported: its bytes as they are (a text, or a Word file), or a PDF's layout
-- text as the PDF front end reads it (its notes first, as attachment.lua hands them on)
local function import(name, form)
  if form ~= ".lo.txt" then return imp.import(T.read(name), name) end
  return T.import_layout(T.read(name))
end

local FORMS = { ".txt", ".pdf.txt", ".lo.txt", ".lo-html.docx", ".lo-word.docx" }
local OPTIONAL = { [".lo-html.docx"] = true, [".lo-word.docx"] = true } -- kept for a few reports
local reports, total, wrong, wrong_named, left_out, crashes, failures = 0, 0, 0, 0, 0, 0, {}
local by_form = {} -- per form: { cells, wrong, named, left out, inputs }
for _, form in ipairs(FORMS) do by_form[form] = { 0, 0, 0, 0, 0 } end
-- one input compared cell by cell with its reference (tf: its form's tally)
local function compare(name, form, ref, tf)
  tf[5] = tf[5] + 1
  local good, r, notes = pcall(import, name, form)
  if not good then
    crashes = crashes + 1
    failures[#failures + 1] = name .. ": " .. tostring(r)
    return
  end
  local got = cells(r)
  for k, want in ipairs(ref) do
    total = total + 1
    tf[1] = tf[1] + 1
    local v = got[k][3]
    if v ~= want[3] then
      local told = named(notes, want[1])
      if v == nil and told then
        left_out = left_out + 1
        tf[4] = tf[4] + 1
      elseif told then
        wrong_named = wrong_named + 1
        tf[3] = tf[3] + 1
        failures[#failures + 1] = string.format("%s: 表%s %s = %s, want %s (named)", name, want[1], want[2], tostring(v), tostring(want[3]))
      else
        wrong = wrong + 1
        tf[2] = tf[2] + 1
        failures[#failures + 1] = string.format("%s: 表%s %s = %s, want %s, no note", name, want[1], want[2], tostring(v), tostring(want[3]))
      end
    end
  end
end

for i = 1, 999 do
  local base = string.format("%s%03d", DIR, i)
  local f = io.open(base .. ".lua", "rb")
  if not f then break end
  f:close()
  reports = reports + 1
  local ref = cells(dofile(base .. ".lua"))
  for _, form in ipairs(FORMS) do
    local name = base .. form
    local present = io.open(name, "rb")
    if present then present:close() end
    if present or not OPTIONAL[form] then compare(name, form, ref, by_form[form]) end
  end
end
local inputs = 0
for _, form in ipairs(FORMS) do inputs = inputs + by_form[form][5] end
print(string.format("corpus: %d reports, %d inputs, %d cells: %d wrong with no note, %d wrong but named, %d left out with a note, %d crashes",
  reports, inputs, total, wrong, wrong_named, left_out, crashes))
for _, form in ipairs(FORMS) do
  local tf = by_form[form]
  print(string.format("  %s: %d inputs, %d cells: %d wrong with no note, %d wrong but named, %d left out with a note",
    form, tf[5], tf[1], tf[2], tf[3], tf[4]))
end
for k = 1, math.min(#failures, 40) do print("  " .. failures[k]) end
ok(reports >= 52, "the corpus has 52 reports at least: " .. reports)
ok(by_form[".lo-html.docx"][5] >= 6 and by_form[".lo-word.docx"][5] >= 6, "six reports at least as Word files of LibreOffice")
ok(crashes == 0, "no import crashes")
ok(wrong == 0, "no cell read wrong or left out without a note")
ok(wrong_named == 0, "no cell read wrong even with a note")
os.exit(tally.finish())
