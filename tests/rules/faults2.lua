-- A supervisor's test of nianbao check on reports it has not seen: the real published
-- reports (../shared), imported, each with one realistic fault injected at a time (a cell, a
-- sentence). Each fault must be found by the check its family names in FORMAT.md, with the
-- right severity and place; the unmodified reports raise only the findings judged right
-- below (real reports contain real mistakes). Run: nianbao run tests/rules/faults2.lua
local nb = require "nianbao"
local imp = require "nianbao.import"
local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally(io.stderr)
local ok = tally.ok

local SHARED = "../shared/"
local FILES = {
  huaian = "real-reports/01-huaian-city-gov-2024.txt",
  pt2019 = "real-reports/14-pingtan-zone-2019-trial-crawler.txt",
  pt2020 = "real-reports/12-pingtan-zone-2020-trial-crawler.txt",
  pt2021 = "real-reports/11-pingtan-zone-2021.html",
  pt2022 = "real-reports/09-pingtan-zone-2022.html",
  pt2023 = "real-reports/07-pingtan-zone-2023.html",
  pt2024 = "real-reports/08-pingtan-zone-2024.html",
  pt2025 = "real-reports/10-pingtan-zone-2025.html",
  yanjin = "000_49be5e48092c958c.txt",
}
local SEED = "reports/yanjin-commerce-2024.lua"

local plain = {} -- key -> the imported plain table (never edited: copies are)
local copy = T.copy
local function fresh(key)
  if not plain[key] then
    if key == "seed" then
      plain[key] = assert(nb.load(SEED)):copy()
    else
      local r, err = imp.import(T.read(SHARED .. FILES[key]), FILES[key])
      plain[key] = assert(r, err)
    end
  end
  return copy(plain[key])
end
local function view(t, name) return assert(nb.view(t, name)) end

-- the narrative fields of a data file, in order, as { table, key }
local function text_fields(t)
  local out = {}
  if t.preamble then out[#out + 1] = { t, "preamble" } end
  for _, item in ipairs(t.overview or {}) do out[#out + 1] = { item, "text" } end
  for _, k in ipairs({ "problems", "improvements", "other_matters" }) do
    if t[k] then out[#out + 1] = { t, k } end
  end
  return out
end

-- t with the one place where the narrative says `from` (plain text) saying `to` instead
local function say(t, from, to)
  local hits = 0
  for _, f in ipairs(text_fields(t)) do
    local s = f[1][f[2]]
    local i = s:find(from, 1, true)
    while i do
      hits = hits + 1
      f[1][f[2]] = s:sub(1, i - 1) .. to .. s:sub(i + #from)
      i = s:find(from, i + #from, true)
    end
  end
  assert(hits == 1, "the narrative says " .. from .. " in " .. hits .. " places")
end

local row_of = T.t3_row

local COLUMNS = { "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计" }
local RESULT_ROWS = { "disclosed", "partially_disclosed",
  "withheld.state_secret", "withheld.prohibited_by_law", "withheld.security_stability",
  "withheld.third_party", "withheld.internal_affairs", "withheld.process_info",
  "withheld.enforcement_files", "withheld.inquiry",
  "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
  "not_processed.petition", "not_processed.duplicate", "not_processed.publication",
  "not_processed.mass_repeated", "not_processed.reconfirmation",
  "other.no_correction", "other.no_fee_payment", "other.other" }

local function check(t, name, previous)
  return nb.check(view(t, name), { previous = previous and view(previous, "previous") })
end

-- the findings on the unmodified reports, as "ID@section/row/column" keys
local function key_of(f)
  return string.format("%s@%s/%s/%s", f.id, tostring(f.section), tostring(f.row), tostring(f.column))
end
local function keys(list)
  local out = {}
  for _, f in ipairs(list) do out[key_of(f)] = (out[key_of(f)] or 0) + 1 end
  return out
end

local function matches(f, want)
  for k, v in pairs(want) do
    if k ~= "found" and k ~= "expected" and tostring(f[k]) ~= tostring(v) then return false end
  end
  if want.found ~= nil and tostring(f.found) ~= tostring(want.found) then return false end
  if want.expected ~= nil and tostring(f.expected) ~= tostring(want.expected) then return false end
  return true
end

local cases, found_right = 0, 0
local PROBE = os.getenv("FAULTS2_PROBE")

--- One injected fault: edit(t) on a fresh copy of the report `file`; each of want (a list of
--- { id, severity, section, row, column, found, expected }) must be among the new findings.
--- quiet (a list of ids) must add nothing.
local function fault(name, file, edit, want, opts)
  opts = opts or {}
  cases = cases + 1
  local prev = opts.previous and fresh(opts.previous)
  local clean_list = check(fresh(file), file, prev)
  local clean = keys(clean_list)
  local t = fresh(file)
  edit(t)
  local ok_run, list = pcall(check, t, file .. " " .. name, prev)
  if not ok_run then ok(false, name .. ": check failed: " .. tostring(list)) return end
  local new = {}
  local seen = keys(list)
  for _, f in ipairs(list) do
    local k = key_of(f)
    if (clean[k] or 0) < seen[k] then new[#new + 1] = f end
  end
  if PROBE then
    for _, f in ipairs(new) do io.stderr:write("  ", name, ": ", key_of(f), " ", f.severity, " e=", tostring(f.expected), " f=", tostring(f.found), " ", tostring(f.message), "\n") end
  end
  local all = true
  for _, w in ipairs(want) do
    local hit = false
    for _, f in ipairs(new) do if matches(f, w) then hit = true break end end
    if not hit then
      all = false
      local got = {}
      for _, f in ipairs(new) do got[#got + 1] = key_of(f) .. "(" .. f.severity .. ")" end
      ok(false, string.format("%s: no %s %s@%s/%s/%s among the new findings {%s}", name, w.severity, w.id,
        tostring(w.section), tostring(w.row), tostring(w.column), table.concat(got, " ")), 2)
    end
  end
  for _, id in ipairs(opts.quiet or {}) do
    for _, f in ipairs(new) do
      if f.id == id then all = false ok(false, name .. ": " .. id .. " should stay quiet: " .. tostring(f), 2) end
    end
  end
  if all then found_right = found_right + 1 ok(true) end
end

--- A correct variant (a wording a report may use): none of the ids may add a finding.
local variants = 0
local function quiet(name, file, edit, ids, opts)
  variants = variants + 1
  local c, r = cases, found_right
  fault(name, file, edit, {}, { quiet = ids, previous = opts and opts.previous })
  cases, found_right = c, r
end

local function E(id, section, row, column, extra)
  local w = { id = id, severity = "error", section = section, row = row, column = column }
  for k, v in pairs(extra or {}) do w[k] = v end
  return w
end
local function W(id, section, row, column, extra)
  local w = E(id, section, row, column, extra)
  w.severity = "warning"
  return w
end

---------------------------------------------------------------------------------------------
-- The unmodified reports: only the findings judged right (real mistakes of the publishers)
local JUDGED = {
  -- "数字与汉字之间有空格": the PDF's text writes "规章 1 件" and "3119 件" in 一 (true)
  huaian = { ["TEXT.STYLE@一/nil/nil"] = 2 },
  -- 393 in the narrative, 470 in table 二 (true); "公开,持续" a half-width comma (true)
  pt2023 = { ["TEXT.PROACTIVE@一/proactive.normative_documents.in_force/行政规范性文件现行有效件数"] = 1,
    ["TEXT.STYLE@一/nil/nil"] = 1 },
  pt2021 = { ["TEXT.STYLE@一/nil/nil"] = 1, ["TEXT.STYLE@五/nil/nil"] = 1 },
  -- the published （七）总计 21 against the results' sum 27 (the crawler's text has 7+6+4+3+3+4)
  pt2020 = { ["T3.RESULT_TOTAL@三/total/自然人"] = 1, ["T3.RESULT_TOTAL@三/total/总计"] = 1,
    ["TEXT.STYLE@一/nil/nil"] = 1, ["TEXT.STYLE@五/nil/nil"] = 1 },
  pt2019 = { ["TEXT.STYLE@一/nil/nil"] = 1, ["TEXT.STYLE@五/nil/nil"] = 1 },
  pt2022 = {}, pt2024 = {}, pt2025 = {}, yanjin = {}, seed = {},
}
local clean_count = 0
for _, key in ipairs({ "huaian", "pt2019", "pt2020", "pt2021", "pt2022", "pt2023", "pt2024", "pt2025", "yanjin", "seed" }) do
  local got = keys(check(fresh(key), key))
  local want = JUDGED[key]
  for k, n in pairs(got) do
    clean_count = clean_count + n
    ok(want[k] == n, string.format("clean %s: finding %s x%d, judged x%s", key, k, n, tostring(want[k])))
  end
  for k in pairs(want) do ok(got[k], string.format("clean %s: judged finding %s is gone", key, k)) end
end

---------------------------------------------------------------------------------------------
-- Table 三: every result row counts in （七）总计 (the row's own 总计 kept right)
for _, file in ipairs({ "huaian", "pt2024" }) do
  for _, rk in ipairs(RESULT_ROWS) do
    fault("T3 " .. file .. " " .. rk .. " +1", file, function(t)
      local r = row_of(t, rk)
      r[1], r[7] = r[1] + 1, r[7] + 1
    end, { E("T3.RESULT_TOTAL", "三", "total", "自然人"), E("T3.RESULT_TOTAL", "三", "total", "总计") },
      { quiet = { "T3.ROW_TOTAL" } })
  end
end
-- each of the 7 columns balances: new + carried_over = total + carried_forward
for c = 1, 6 do
  fault("T3 balance column " .. COLUMNS[c], "huaian", function(t)
    local r = t.requests.carried_forward
    r[c], r[7] = r[c] + 1, r[7] + 1
  end, { E("T3.BALANCE", "三", nil, COLUMNS[c]), E("T3.BALANCE", "三", nil, "总计") },
    { quiet = { "T3.ROW_TOTAL", "T3.RESULT_TOTAL" } })
end
fault("T3 balance column 总计 (new's 总计 mistyped)", "pt2025", function(t)
  t.requests.new[7] = 145 -- 154 with two digits swapped
end, { E("T3.BALANCE", "三", nil, "总计"), E("T3.ROW_TOTAL", "三", "new", "总计") })
-- a row's 总计 against its 6 applicant columns
for _, rk in ipairs({ "new", "carried_over", "total", "carried_forward", "disclosed", "withheld.third_party" }) do
  fault("T3 row total " .. rk, "pt2022", function(t)
    local r = row_of(t, rk)
    r[7] = r[7] + 10
  end, { E("T3.ROW_TOTAL", "三", rk, "总计") })
end

-- Table 四: each group's total
for _, g in ipairs({ "review", "litigation_direct", "litigation_after_review" }) do
  fault("T4 " .. g .. " total", "huaian", function(t)
    t.appeals[g].corrected = t.appeals[g].corrected + 1
  end, { E("T4.TOTAL", "四", g, "总计") })
end
-- values: a negative count, a fraction, a blank cell
fault("value negative", "pt2024", function(t) t.proactive.punishment = -1100 end,
  { E("VALUE.INVALID", "二", "proactive.punishment") })
fault("value fraction", "pt2023", function(t) t.requests.disclosed[1] = 20.5 end,
  { E("VALUE.INVALID", "三", "disclosed", "自然人") })
fault("value blank", "pt2021", function(t) t.appeals.review.pending = "" end,
  { W("VALUE.BLANK", "四", "review", "尚未审结") })

-- Year to year: carried_over against last year's carried_forward (balanced this year)
fault("carry 2022 from 2021", "pt2022", function(t)
  local q = t.requests
  q.carried_over[1], q.carried_over[7] = 2, 2
  q.disclosed[1], q.disclosed[7] = q.disclosed[1] + 1, q.disclosed[7] + 1
  q.total[1], q.total[7] = q.total[1] + 1, q.total[7] + 1
end, { E("YEAR.CARRY", "三", "carried_over", "自然人"), E("YEAR.CARRY", "三", "carried_over", "总计") },
  { previous = "pt2021", quiet = { "T3.BALANCE", "T3.RESULT_TOTAL", "T3.ROW_TOTAL" } })
fault("carry 2022: last year's carried forward dropped", "pt2022", function(t)
  local q = t.requests
  q.carried_over[1], q.carried_over[7] = 0, 0
  q.disclosed[1], q.disclosed[7] = q.disclosed[1] - 1, q.disclosed[7] - 1
  q.total[1], q.total[7] = q.total[1] - 1, q.total[7] - 1
end, { E("YEAR.CARRY", "三", "carried_over", "自然人", { expected = 1, found = 0 }) },
  { previous = "pt2021" })
fault("in force 2022 from 2021", "pt2022", function(t)
  t.proactive.normative_documents.in_force = 689
end, { W("YEAR.IN_FORCE", "二", "proactive.normative_documents.in_force", nil, { expected = 698, found = 689 }) },
  { previous = "pt2021" })
fault("in force of 规章 2022 from 2021", "pt2022", function(t)
  t.proactive.regulations.issued = 1
end, { W("YEAR.IN_FORCE", "二", "proactive.regulations.in_force") }, { previous = "pt2021" })

-- Templates
fault("2019 trial layout in a 2021 report", "pt2020", function(t) t.year = 2021 end,
  { E("FORMAT.OLD_TEMPLATE") })
fault("2021 table 三 keeping the single （六）其他处理 row", "pt2024", function(t)
  local o = t.requests.other
  for c = 1, 7 do o.other[c] = o.other[c] + o.no_correction[c] + o.no_fee_payment[c] end
  -- as an importer keeps the two rows the old layout lacks: blank
  o.no_correction, o.no_fee_payment = { "", "", "", "", "", "", "" }, { "", "", "", "", "", "", "" }
end, { W("FORMAT.MIXED_TEMPLATE", "三", "other.other") })
fault("a table missing", "pt2024", function(t) t.appeals = nil end, { E("SECTION.MISSING", "四") })
fault("T2.COMPETENCE: 规章 of a county bureau", "yanjin", function(t)
  t.proactive.regulations.issued, t.proactive.regulations.in_force = 1, 1
end, { W("T2.COMPETENCE", "二", "proactive.regulations.issued") })

---------------------------------------------------------------------------------------------
-- The narrative against the tables, one sentence edited at a time
local function says(from, to) return function(t) say(t, from, to) end end
local REQ = "TEXT.REQUESTS"
fault("received, digits", "pt2024", says("申请218件", "申请228件"), { W(REQ, "一", "new", "总计", { found = 228, expected = 218 }) })
fault("received, Chinese numerals", "pt2024", says("申请218件", "申请二百二十八件"), { W(REQ, "一", "new", "总计", { found = 228 }) })
fault("received, full-width digits", "pt2024", says("申请218件", "申请２２８件"), { W(REQ, "一", "new", "总计", { found = 228 }) })
fault("received, 一百零五件", "pt2025", says("申请154件", "申请一百零五件"), { W(REQ, "一", "new", "总计", { found = 105 }) })
fault("received, 共计", "pt2023", says("共计81件", "共计18件"), { W(REQ, "一", "new", "总计", { found = 18 }) })
fault("received, count in its own clause", "pt2025", says("共收到政府信息公开申请154件", "共收到政府信息公开申请，共计145件"),
  { W(REQ, "一", "new", "总计", { found = 145 }) })
fault("done", "pt2025", says("共办结148件", "共办结146件"), { W(REQ, "一", "total", "总计", { found = 146, expected = 148 }) })
fault("carried forward", "pt2025", says("结转至2026年6件", "结转至2026年8件"), { W(REQ, "一", "carried_forward", "总计", { found = 8 }) })
fault("carried over", "huaian", says("结转申请 34 件", "结转申请 43 件"), { W(REQ, "一", "carried_over", "总计", { found = 43 }) })
fault("natural persons", "pt2023", says("自然人80件", "自然人78件"), { W(REQ, "一", "new", "自然人", { found = 78, expected = 80 }) })
fault("其中 natural persons / legal persons", "pt2025", says("申请154件，", "申请154件，其中自然人150件、法人或其他组织4件，"),
  { W(REQ, "一", "new", "自然人", { found = 150 }), W(REQ, "一", "new", "法人或其他组织", { found = 4 }) })
fault("none received but table 三 has 3", "yanjin", function(t)
  local q = t.requests
  for _, rk in ipairs({ "new", "disclosed", "total" }) do q[rk][1], q[rk][7] = 3, 3 end
end, { W(REQ, "一", "new", "总计", { found = 0, expected = 3 }) })
fault("an estimate too far", "pt2025", says("申请154件", "申请近120件"), { W(REQ, "一", "new", "总计") })
fault("done, Huaian", "huaian", says("答复 3050 件", "答复 3005 件"), { W(REQ, "一", "total", "总计", { found = 3005 }) })
fault("carried forward before its words", "pt2021", says("1件结转下年度", "2件结转下年度"), { W(REQ, "一", "carried_forward", "总计", { found = 2 }) })
fault("received before 申请", "pt2021", says("共收到70件申请", "共收到17件申请"), { W(REQ, "一", "new", "总计", { found = 17 }) })
quiet("received, 七十件", "pt2021", says("共收到70件申请", "共收到七十件申请"), { REQ })
quiet("a breakdown by channel after 其中", "pt2025", says("申请154件，", "申请154件，其中：网络申请150件，信函申请4件；"), { REQ })
quiet("received, count in its own clause", "pt2025", says("共收到政府信息公开申请154件", "共收到政府信息公开申请，共计154件"), { REQ })
quiet("received, 二百一十八件", "pt2024", says("申请218件", "申请二百一十八件"), { REQ })
quiet("received, full-width ２１８", "pt2024", says("申请218件", "申请２１８件"), { REQ })
quiet("received, 共计", "pt2024", says("申请218件", "申请共计218件"), { REQ })
quiet("同比增加 is no count of the year", "pt2025", says("申请154件，", "申请154件，同比增加12件，"), { REQ })
quiet("较上年减少", "pt2025", says("申请154件，", "申请154件，较上年减少64件，"), { REQ })
quiet("an estimate", "pt2025", says("申请154件", "申请近160件"), { REQ })
quiet("其中 natural persons / legal persons", "pt2025", says("申请154件，", "申请154件，其中自然人151件、法人或其他组织3件，"), { REQ })
quiet("其中 split over clauses", "pt2025", says("申请154件，", "申请154件，其中：自然人151件，商业企业3件；"), { REQ })

local AP = "TEXT.APPEALS"
fault("appeals, review", "huaian", says("行政复议 351件", "行政复议 315件"), { W(AP, "一", nil, nil, { found = 315 }) })
fault("appeals, review in numerals", "pt2025", says("行政复议36起", "行政复议三十九起"), { W(AP, "一", nil, nil, { found = 39 }) })
fault("appeals, litigation", "pt2025", says("行政诉讼9起", "行政诉讼12起"), { W(AP, "一", nil, nil, { found = 12 }) })
quiet("appeals, 三十六起", "pt2025", says("行政复议36起", "行政复议三十六起"), { AP })

fault("fees not stated", "pt2024", says("2024年，无收取信息处理费情况。", "无其他需要报告的事项。"), { W("TEXT.FEES", "六") })
fault("fees: no notice sent, but 2 stopped for not paying", "pt2025",
  says("无收取信息处理费情况", "未向申请人发出收费通知，未收取信息处理费"), { W("TEXT.FEES", "六") })

fault("proactive: issued", "pt2024", says("行政规范性文件62件", "行政规范性文件26件"),
  { W("TEXT.PROACTIVE", "一", "proactive.normative_documents.issued", nil, { found = 26 }) })
quiet("proactive: 六十二件", "pt2024", says("行政规范性文件62件", "行政规范性文件六十二件"), { "TEXT.PROACTIVE" })

fault("shares", "pt2023", says("占51.85%", "占58.15%"), { W("TEXT.SHARES", "一") })
fault("period", "pt2024", says("至2024年12月31日", "至2024年11月30日"), { W("TEXT.PERIOD") })
fault("period of last year", "pt2025", says("2025年1月1日至2025年12月31日", "2024年1月1日至2024年12月31日"), { W("TEXT.PERIOD") })
fault("title of last year", "pt2024", function(t) t.title = "平潭综合实验区2023年政府信息公开工作年度报告" end,
  { W("TEXT.PERIOD", "一", nil, nil, { found = 2023 }) })
fault("last year's sentence kept", "pt2025", says("2025年，全区共收到", "2024年，全区共收到"), { W("TEXT.YEAR", "一") })
quiet("a comparison with last year", "pt2025", says("2025年，全区共收到", "2025年，较2024年，全区共收到"), { "TEXT.YEAR" })
fault("parts listed: one missing", "pt2024", says("总体情况、主动公开政府信息情况、", "总体情况、"), { W("TEXT.HEADINGS") })
fault("heading numbered twice", "pt2024", function(t) t.overview[2].heading = "（一）主动公开方面" end, { W("TEXT.HEADINGS", "一") })
fault("style: spaces around a number", "pt2024", says("申请218件", "申请 218 件"), { W("TEXT.STYLE", "一") })
fault("style: half-width comma", "pt2024", says("申请218件", "申请,218件"), { W("TEXT.STYLE", "一") })
fault("style: 文号 brackets", "pt2024", says("〔2021〕30号）", "[2021]30号）"), { W("TEXT.STYLE") })
fault("narrative identical to last year's", "pt2022", function(t)
  local last = fresh("pt2021")
  t.problems, t.improvements = last.problems, last.improvements
end, { W("YEAR.IDENTICAL", "五") }, { previous = "pt2021" })

---------------------------------------------------------------------------------------------
-- The command line: a folder with both years, and a --previous of another agency or year
local exe = require("nianbao.parallel").self_path()
if exe then
  local json = require "nianbao.json"
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p '" .. dir .. "'"))
  local datafile = require "nianbao.datafile"
  local function save(name, t)
    local f = assert(io.open(dir .. "/" .. name, "wb"))
    f:write(datafile.serialize(t))
    f:close()
  end
  local t22 = fresh("pt2022")
  t22.requests.carried_over[1], t22.requests.carried_over[7] = 0, 0
  t22.requests.disclosed[1], t22.requests.disclosed[7] = t22.requests.disclosed[1] - 1, t22.requests.disclosed[7] - 1
  t22.requests.total[1], t22.requests.total[7] = t22.requests.total[1] - 1, t22.requests.total[7] - 1
  save("pingtan-2021.lua", fresh("pt2021"))
  save("pingtan-2022.lua", t22)
  save("huaian-2024.lua", fresh("huaian"))
  local function run(args)
    local p = assert(io.popen("'" .. exe .. "' " .. args .. " 2>/dev/null"))
    local out = p:read("a")
    local _, _, code = p:close()
    return out, code
  end
  cases = cases + 1
  local out, code = run("check --format json '" .. dir .. "'")
  local carry = false
  for line in out:gmatch("[^\n]+") do
    local o = json.decode(line)
    if o and tostring(o.file):find("pingtan%-2022") then
      for _, f in ipairs(o.findings or {}) do
        if f.id == "YEAR.CARRY" and f.severity == "error" and f.section == "三" and f.row == "carried_over"
            and f.column == "自然人" then carry = true end
      end
    end
  end
  if ok(carry and code == 1, "folder of both years: YEAR.CARRY in 2022, exit 1 (exit " .. tostring(code) .. ")") then
    found_right = found_right + 1
  end
  cases = cases + 2
  local _, c1 = run("check '" .. dir .. "/pingtan-2022.lua' --previous '" .. dir .. "/huaian-2024.lua'")
  if ok(c1 == 2, "--previous of another agency refused, exit " .. tostring(c1)) then found_right = found_right + 1 end
  local _, c2 = run("check '" .. dir .. "/huaian-2024.lua' --previous '" .. dir .. "/pingtan-2022.lua'")
  if ok(c2 == 2, "--previous of another agency and year refused, exit " .. tostring(c2)) then found_right = found_right + 1 end
  os.execute("rm -rf '" .. dir .. "'")
end

io.stderr:write(string.format("faults2: %d faults injected, %d found at the right place; %d correct variants; %d findings on the clean reports\n",
  cases, found_right, variants, clean_count))
os.exit(tally.finish())
