-- The complete real reports of ../shared/real-reports (and the seed), imported as published:
-- their key numbers, and the findings of the bundled rules, each reviewed by hand (see the
-- comments: a real mistake of the report, or a rule that was fixed). Run from the repository
-- root with   nianbao run tests/import/real.lua
local nb = require "nianbao"
local imp = require "nianbao.import"
local datafile = require "nianbao.datafile"

local SHARED = "../shared"
local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- import, write the data file, load it back through the sandboxed loader
local tmp = os.tmpname()
local function import(file)
  local r, notes = imp.import(read(SHARED .. "/" .. file), file)
  assert(r, notes)
  local f = assert(io.open(tmp, "wb"))
  f:write(datafile.serialize(r))
  f:close()
  return assert(nb.load(tmp)), notes
end

local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return true
end

local function list(t)
  local out = {}
  for i = 1, #t do out[i] = tostring(t[i]) end
  return "{" .. table.concat(out, ",") .. "}"
end

local function appeals(v)
  local a = v.appeals
  return a and { a.review.total, a.litigation_direct.total, a.litigation_after_review.total }
end

local RULES = {}
for _, rule in ipairs(nb.rules()) do RULES[rule.id] = true end

-- "ID@section" of every finding of a bundled rule, sorted; and every finding as id -> count
local function findings(v, previous)
  local rules, all = {}, {}
  for _, f in ipairs(nb.check(v, { previous = previous })) do
    all[f.id] = (all[f.id] or 0) + 1
    if RULES[f.id] then rules[#rules + 1] = f.id .. "@" .. tostring(f.section) end
  end
  table.sort(rules)
  return rules, all
end

local function has_note(notes, id, pattern)
  for _, n in ipairs(notes) do
    if n.id == id and (not pattern or n.message:find(pattern, 1, true)) then return n end
  end
end

-- key numbers read from the published files (checked by hand against the pages), and the
-- reviewed rule findings
local CASES = {
  { file = "000_49be5e48092c958c.txt", year = 2024, agency = "延津县商务局",
    new = { 0, 0, 0, 0, 0, 0, 0 }, total = { 0, 0, 0, 0, 0, 0, 0 }, appeals = { 0, 0, 0 },
    fees = { collected = 0 }, rules = {} },
  { file = "real-reports/01-huaian-city-gov-2024.txt", year = 2024, agency = "淮安市人民政府",
    title = "淮安市人民政府 2024 年政府信息公开工作年度报告",
    new = { 3001, 53, 0, 0, 61, 4, 3119 }, total = { 2932, 53, 0, 0, 61, 4, 3050 }, appeals = { 351, 26, 20 },
    fees = { collected = 3940 },
    -- real: "3119 件" spaced in two parts while "351件" and "25件" are written tight
    rules = { "TEXT.STYLE@一", "TEXT.STYLE@一" } },
  { file = "real-reports/11-pingtan-zone-2021.html", year = 2021, agency = "平潭综合实验区",
    new = { 64, 0, 0, 2, 0, 4, 70 }, total = { 63, 0, 0, 2, 0, 4, 69 }, appeals = { 3, 12, 0 },
    fees = { collected = 0 },
    -- real: "信息公开,通过" and "主要问题:政策" half-width (“三个一” no longer counts as 3 applications)
    rules = { "TEXT.STYLE@一", "TEXT.STYLE@五" } },
  { file = "real-reports/09-pingtan-zone-2022.html", year = 2022, agency = "平潭综合实验区",
    new = { 71, 3, 0, 0, 0, 0, 74 }, total = { 72, 3, 0, 0, 0, 0, 75 }, appeals = { 2, 1, 0 },
    fees = { collected = 0 }, rules = {} },
  { file = "real-reports/07-pingtan-zone-2023.html", year = 2023, agency = "平潭综合实验区",
    new = { 80, 1, 0, 0, 0, 0, 81 }, total = { 80, 1, 0, 0, 0, 0, 81 }, appeals = { 2, 5, 2 },
    fees = { collected = 0 },
    -- real: the text states 现行有效行政规范性文件393件, table 二 says 470; "公开,持续" half-width
    rules = { "TEXT.PROACTIVE@一", "TEXT.STYLE@一" } },
  { file = "real-reports/08-pingtan-zone-2024.html", year = 2024, agency = "平潭综合实验区",
    new = { 217, 1, 0, 0, 0, 0, 218 }, total = { 217, 1, 0, 0, 0, 0, 218 }, appeals = { 7, 0, 19 },
    fees = { collected = 0 }, rules = {} },
  { file = "real-reports/10-pingtan-zone-2025.html", year = 2025, agency = "平潭综合实验区",
    new = { 151, 3, 0, 0, 0, 0, 154 }, total = { 147, 1, 0, 0, 0, 0, 148 }, appeals = { 36, 6, 3 },
    fees = { collected = 0 }, rules = {} },
  -- crawler text, 2019 trial format: table 三 and 四 split from run-together digits
  { file = "real-reports/14-pingtan-zone-2019-trial-crawler.txt", year = 2019, agency = "平潭综合实验区", format = 2019,
    new = { 23, 0, 0, 0, 0, 0, 23 }, total = { 23, 0, 0, 0, 0, 0, 23 }, appeals = { 0, 0, 0 },
    -- real: half-width "," among Chinese in 一 and 五 (no fee statement was due before 2021)
    rules = { "TEXT.STYLE@一", "TEXT.STYLE@五" } },
  { file = "real-reports/12-pingtan-zone-2020-trial-crawler.txt", year = 2020, agency = "平潭综合实验区", format = 2019,
    new = { 20, 0, 0, 0, 0, 1, 21 }, total = { 20, 0, 0, 0, 0, 1, 21 }, appeals = { 0, 0, 0 },
    -- real: "2602条(其中" and "主要问题:基层" half-width
    rules = { "TEXT.STYLE@一", "TEXT.STYLE@五" },
    -- real: the result rows add up to 27 (自然人 26), the published （七）总计 says 21 (20)
    builtin = { ["T3.RESULT_TOTAL"] = 2 } },
}

local views = {}
for _, c in ipairs(CASES) do
  local v, notes = import(c.file)
  views[c.year] = v
  local name = c.file:match("[^/]+$")
  ok(v.year == c.year and v.agency == c.agency and v.format == (c.format or 2021),
    name .. ": agency, year, format (" .. tostring(v.agency) .. ", " .. tostring(v.year) .. ", " .. tostring(v.format) .. ")")
  if c.title then ok(v.title == c.title, name .. ": title " .. tostring(v.title)) end
  ok(v.requests and same(v.requests.new, c.new), name .. ": 表三 new " .. list(v.requests and v.requests.new or {}))
  ok(v.requests and same(v.requests.total, c.total), name .. ": 表三 total " .. list(v.requests and v.requests.total or {}))
  ok(same(appeals(v) or {}, c.appeals), name .. ": 表四 totals " .. list(appeals(v) or {}))
  local fees = v.processing_fees
  ok((c.fees == nil and fees == nil) or (c.fees and fees and fees.collected == c.fees.collected and fees.notices == nil),
    name .. ": processing_fees")
  local rules, all = findings(v)
  ok(same(rules, c.rules), name .. ": reviewed rule findings, got " .. table.concat(rules, " "))
  for id, n in pairs(c.builtin or {}) do
    ok(all[id] == n, string.format("%s: %d × %s (got %s)", name, n, id, tostring(all[id])))
  end
  if c.format == 2019 then
    -- the trial format has one （六）其他处理 row, and its 本年增/减 (-15 in 2020) may be negative
    ok(all["SECTION.MISSING"] == nil and all["VALUE.INVALID"] == nil,
      name .. ": no missing rows or invalid values for the trial format's own layout")
  end
  if c.format ~= 2019 then
    ok(#nb.check(v):errors() == 0, name .. ": no errors")
    -- the count of dropped page chrome and footers is information, not a note on the data
    local real = {}
    for _, n in ipairs(notes) do if n.severity ~= "info" then real[#real + 1] = n.id .. " " .. n.message end end
    ok(#real == 0, name .. ": imports without notes (" .. table.concat(real, "; ") .. ")")
  end
end

-- the crawler files: what could not be split is reported row by row, never guessed
do
  local v, notes = import("real-reports/12-pingtan-zone-2020-trial-crawler.txt")
  local p = v.proactive_2019
  ok(p and same(p["规章"], { 0, 0, 7 }) and same(p["行政事业性收费"], { 35, -15 }),
    "2020 crawler: 规章 007 and 收费 35-15 split with certainty")
  ok(p and p["行政许可"] == nil and p["规范性文件"] == nil, "2020 crawler: ambiguous rows left out")
  ok(has_note(notes, "IMPORT.RUNON", "行政许可（“396442278”：有 28 种拆分）"), "2020 crawler: ambiguous row reported with its digits")
  ok(has_note(notes, "IMPORT.RUNON", "按本行总计唯一确定了拆分"), "2020 crawler: rows split by their total are named")
  ok(has_note(notes, "FORMAT.OLD_TEMPLATE") and has_note(notes, "FORMAT.OLD_TEMPLATE").severity == "warning",
    "2020 crawler: trial format is legitimate for 2020 (a warning, not an error)")
  ok(not has_note(notes, "SECTION.MISSING"), "2020 crawler: every section and table found")
  ok(v.requests.other.other and same(v.requests.other.other, { 4, 0, 0, 0, 0, 0, 4 }), "2020 crawler: （六）其他处理 as other.other")
  ok(v.problems:find("^（一）存在的主要问题") and v.improvements:find("^（二）改进措施"), "2020 crawler: 五 split in problems and improvements")
  ok(v.title == "平潭综合实验区2020年政府信息公开工作年度报告", "2020 crawler: title from the body, not the crawler header")
  -- the crawler's own header (标题, 发布时间, 文号, 发布机构, 栏目, 原文链接, 本地目录, 页面链接, the
  -- "==== 正文 ====" line) is chrome: dropped, and counted like the chrome of a web page
  ok(has_note(notes, "IMPORT.DROPPED", "网页附加信息 9 行"), "2020 crawler: the 9 header lines dropped and counted")
end

-- the Pingtan series: with the previous year, the carried-over applications agree and the
-- 规范性文件 in force do not follow from issued and repealed (real: 2023, 2024, 2025)
do
  local in_force = {}
  for year = 2020, 2025 do
    local _, all = findings(views[year], views[year - 1])
    ok(not all["YEAR.CARRY"], year .. ": carried over = last year's carried forward")
    in_force[#in_force + 1] = all["YEAR.IN_FORCE"] and year or nil
  end
  ok(same(in_force, { 2023, 2024, 2025 }), "YEAR.IN_FORCE in 2023, 2024, 2025 (got " .. list(in_force) .. ")")
end

os.remove(tmp)
os.exit(tally.finish())
