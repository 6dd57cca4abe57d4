-- Tests of the bundled rules (scripts/rules/): each passes on the seed's report and catches
-- failing cases written from real published phrasings (../shared/real-reports), and stays
-- quiet on the matching passing ones. Run: nianbao run tests/rules/test_rules.lua
local nb = require "nianbao"

local SEED = "reports/yanjin-commerce-2024.lua"
local seed = assert(nb.load(SEED))
local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally(io.stderr)
local test = tally.test

-- a row of table 三: n in column col (default 1, 自然人), zeros elsewhere, 总计 = n
local function row(n, col)
  local r = { 0, 0, 0, 0, 0, 0 }
  r[col or 1] = n
  return r
end

-- A variant of the seed: edit(t) changes a mutable copy; returns the frozen view.
local function variant(edit)
  local t = seed:copy()
  t.requests.total = nil
  edit(t)
  return assert(nb.view(t, "variant"))
end

-- requests with the given new, carried_over, carried_forward (column 自然人), results disclosed
local function requests(t, new, over, forward)
  t.requests.new, t.requests.carried_over, t.requests.carried_forward = row(new), row(over), row(forward)
  t.requests.disclosed = row(new + over - forward)
end

local function findings(id, report, previous)
  local out = {}
  for _, f in ipairs(nb.check(report, { rules = { id }, previous = previous })) do
    if f.id == id then out[#out + 1] = f end
  end
  return out
end

local function quiet(id, report, previous)
  local list = findings(id, report, previous)
  if #list > 0 then error(id .. " should be quiet but says: " .. tostring(list[1]), 2) end
end

local function flags(id, report, expected, found, previous)
  local list = findings(id, report, previous)
  if #list == 0 then error(id .. " should flag this report but is quiet", 2) end
  local f = list[1]
  if expected ~= nil and tostring(f.expected) ~= tostring(expected) then
    error(string.format("%s: expected=%s, want %s (%s)", id, tostring(f.expected), tostring(expected), tostring(f)), 2)
  end
  if found ~= nil and tostring(f.found) ~= tostring(found) then
    error(string.format("%s: found=%s, want %s (%s)", id, tostring(f.found), tostring(found), tostring(f)), 2)
  end
  return f
end

local function overview_text(t, heading, text)
  for _, item in ipairs(t.overview) do
    if item.heading == heading then item.text = text return end
  end
  error("no subsection " .. heading)
end

-- every bundled rule, alone and all together, is quiet on the seed's report
local IDS = {}
for _, r in ipairs(nb.rules()) do IDS[#IDS + 1] = r.id end
test("ten bundled rules are found", function()
  local want = { "T2.COMPETENCE", "TEXT.APPEALS", "TEXT.FEES", "TEXT.HEADINGS", "TEXT.PERIOD",
    "TEXT.PROACTIVE", "TEXT.REQUESTS", "TEXT.SHARES", "TEXT.STYLE", "TEXT.YEAR", "YEAR.IDENTICAL" }
  local have = {}
  for _, id in ipairs(IDS) do have[id] = true end
  for _, id in ipairs(want) do assert(have[id], "missing rule " .. id) end
end)
for _, id in ipairs(IDS) do
  test(id .. " passes on the seed", function() quiet(id, seed) end)
end
test("all rules pass on the seed", function() assert(#nb.check(seed) == 0) end)

-- TEXT.REQUESTS ------------------------------------------------------------
local HUAIAN = "2024年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。"
test("TEXT.REQUESTS passes the Huaian sentence with its numbers", function()
  quiet("TEXT.REQUESTS", variant(function(t) requests(t, 3119, 34, 103); overview_text(t, "依申请公开", HUAIAN) end))
end)
test("TEXT.REQUESTS catches a wrong received count", function()
  flags("TEXT.REQUESTS", variant(function(t) requests(t, 3120, 34, 104); overview_text(t, "依申请公开", HUAIAN) end), 3120, 3119)
end)
test("TEXT.REQUESTS catches a wrong carried-forward count", function()
  local r = variant(function(t) requests(t, 3119, 34, 100); overview_text(t, "依申请公开", HUAIAN) end)
  local list = findings("TEXT.REQUESTS", r)
  local seen = {}
  for _, f in ipairs(list) do seen[f.row] = f end
  assert(seen.carried_forward and seen.carried_forward.found == 103 and seen.carried_forward.expected == 100, tostring(list[1]))
  assert(seen.total and seen.total.expected == 3053)
end)
test("TEXT.REQUESTS catches 未收到 with applications in table 三", function()
  flags("TEXT.REQUESTS", variant(function(t) requests(t, 2, 0, 0) end), 2, 0)
end)
local PINGTAN21 = "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。"
test("TEXT.REQUESTS passes Pingtan 2021 (收到、办结、结转)", function()
  quiet("TEXT.REQUESTS", variant(function(t) requests(t, 70, 0, 1); overview_text(t, "依申请公开", PINGTAN21) end))
end)
test("TEXT.REQUESTS catches Pingtan 2021 against a table that carries nothing forward", function()
  flags("TEXT.REQUESTS", variant(function(t) requests(t, 70, 0, 0); overview_text(t, "依申请公开", PINGTAN21) end))
end)
local PINGTAN23 = "2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。"
test("TEXT.REQUESTS passes the applicant split of Pingtan 2023", function()
  quiet("TEXT.REQUESTS", variant(function(t)
    requests(t, 81, 0, 0)
    t.requests.new = { 80, 1, 0, 0, 0, 0 }
    t.requests.disclosed = { 80, 1, 0, 0, 0, 0 }
    overview_text(t, "依申请公开", PINGTAN23)
  end))
end)
test("TEXT.REQUESTS catches a wrong 自然人 count", function()
  flags("TEXT.REQUESTS", variant(function(t)
    t.requests.new = { 79, 2, 0, 0, 0, 0 }
    t.requests.disclosed = { 79, 2, 0, 0, 0, 0 }
    overview_text(t, "依申请公开", PINGTAN23)
  end), 79, 80)
end)
test("TEXT.REQUESTS reads Chinese numerals (共收到两件申请)", function()
  flags("TEXT.REQUESTS", variant(function(t) requests(t, 3, 0, 0); overview_text(t, "依申请公开", "本年度共收到两件政府信息公开申请，均已按时答复。") end), 3, 2)
end)
test("TEXT.REQUESTS is quiet on text without counts", function()
  quiet("TEXT.REQUESTS", variant(function(t) requests(t, 5, 0, 0); overview_text(t, "依申请公开", "规范做好申请登记、审查、办理、答复、归档等工作，强化服务理念，提高答复质量。") end))
end)

-- counts in the 依申请公开 part that are not the year's applications (unseen reports)
local function req_text(n, text) return variant(function(t) requests(t, n, 0, 0); overview_text(t, "依申请公开", text) end) end
test("TEXT.REQUESTS is quiet on last year's count in a comparison", function()
  quiet("TEXT.REQUESTS", req_text(25, "全年共收到政府信息公开申请25件，比2023年收到的18件增加了7件，增幅38.9%。"))
  quiet("TEXT.REQUESTS", req_text(25, "全年共收到政府信息公开申请25件，较上年受理的18件有所增加。"))
  flags("TEXT.REQUESTS", req_text(26, "全年共收到政府信息公开申请25件，比2023年收到的18件增加了7件。"), 26, 25)
end)
test("TEXT.REQUESTS is quiet on answer times and extended answers", function()
  quiet("TEXT.REQUESTS", req_text(30, "全年共收到政府信息公开申请30件，办结30件，平均答复时间为6个工作日，其中依法延期答复2件。"))
  quiet("TEXT.REQUESTS", req_text(30, "全年共收到政府信息公开申请30件，依法延期答复2件。"))
  flags("TEXT.REQUESTS", req_text(30, "全年共收到政府信息公开申请30件，办结28件，平均答复时间为6个工作日。"), 30, 28)
end)
test("TEXT.REQUESTS is quiet on 未收到申请人投诉 and 无…逾期答复", function()
  quiet("TEXT.REQUESTS", req_text(5, "全年共收到政府信息公开申请5件，所有申请均按时答复，未收到申请人投诉。"))
  quiet("TEXT.REQUESTS", req_text(9, "全年共收到政府信息公开申请9件，无依申请公开逾期答复情况。"))
  flags("TEXT.REQUESTS", req_text(9, "本年度未收到政府信息公开申请，无依申请公开逾期答复情况。"), 9, 0)
end)
test("TEXT.REQUESTS is quiet on a breakdown by channel after 其中", function()
  quiet("TEXT.REQUESTS", req_text(18, "全年共收到政府信息公开申请18件，其中通过网络平台提出申请15件，通过信函提出申请3件。"))
  quiet("TEXT.REQUESTS", req_text(18, "全年共收到政府信息公开申请18件，其中：通过网络平台提出申请15件，通过信函提出申请3件。"))
  -- the breakdown ends with its sentence
  flags("TEXT.REQUESTS", req_text(18, "其中通过网络平台提出申请15件。全年共收到政府信息公开申请17件。"), 18, 17)
end)
test("TEXT.REQUESTS is quiet on hotline calls and deputies' proposals handled", function()
  quiet("TEXT.REQUESTS", req_text(0, "2023年，我局未收到政府信息公开申请。依托12345热线倾听群众诉求，共办理政府12345热线47件，已全部办结。"))
  quiet("TEXT.REQUESTS", req_text(2, "全年共收到政府信息公开申请2件，均按期办结。同时办理人大代表建议12件、政协委员提案8件，办结率100%。"))
  flags("TEXT.REQUESTS", req_text(3, "全年共收到政府信息公开申请2件，均按期办结。同时办理人大代表建议12件。"), 3, 2)
end)

-- the exemptions above must not silence this year's counts (review of the narrative rules)
test("TEXT.REQUESTS still reads a count in a clause that says 较高 or 比较", function()
  flags("TEXT.REQUESTS", req_text(30, "全年共收到涉及征地拆迁等群众关注度较高的政府信息公开申请25件。"), 30, 25)
  flags("TEXT.REQUESTS", req_text(30, "全年共收到内容比较复杂的政府信息公开申请25件。"), 30, 25)
end)
test("TEXT.REQUESTS still reads 在法定时间内办结N件", function()
  flags("TEXT.REQUESTS", req_text(30, "全年共收到政府信息公开申请30件。本年度在规定时间内共办结政府信息公开申请28件。"), 30, 28)
end)
test("TEXT.REQUESTS still reads 未收到申请人提出的…申请", function()
  flags("TEXT.REQUESTS", req_text(5, "本年度未收到申请人提出的政府信息公开申请。"), 5, 0)
  quiet("TEXT.REQUESTS", req_text(5, "全年共收到政府信息公开申请5件，未收到申请人投诉。"))
end)
test("TEXT.REQUESTS reads a 办结 count after a breakdown of the applications received", function()
  flags("TEXT.REQUESTS", req_text(30, "全年共收到政府信息公开申请30件，其中通过网络平台提出申请20件，通过信函提出申请10件，已全部办结28件。"), 30, 28)
  flags("TEXT.REQUESTS", req_text(30, "全年共收到政府信息公开申请30件，其中已办结28件。"), 30, 28)
  -- a breakdown of the 办结 count is one
  quiet("TEXT.REQUESTS", req_text(30, "全年共收到政府信息公开申请30件，办结30件，其中按时办结28件，依法延期答复2件。"))
end)

-- TEXT.APPEALS -------------------------------------------------------------
local HUAIAN_APPEALS = "政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25 件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。"
-- second round: phrasings of reports of other levels and regions (/tmp/rules-corpus)
local function req_in(new, over, forward, heading, text)
  return variant(function(t)
    requests(t, new, over, forward)
    overview_text(t, "依申请公开", "") -- not the seed's 未收到
    overview_text(t, heading, text)
  end)
end
test("TEXT.REQUESTS is quiet on a 延长答复期限 or 超过法定期限 subset, not on a wrong 办结", function()
  local s = "新收政府信息公开申请8件，上年结转1件，共需办理9件。截至2024年12月31日，办结8件；1件因需征求第三方意见依法延长答复期限，结转至2025年继续办理。"
  quiet("TEXT.REQUESTS", req_in(8, 1, 1, "依申请公开", s))
  flags("TEXT.REQUESTS", req_in(8, 1, 2, "依申请公开", s), 7, 8)
  quiet("TEXT.REQUESTS", variant(function(t)
    requests(t, 14, 0, 0)
    overview_text(t, "依申请公开", "全年共收到政府信息公开申请14件，办结14件。")
    t.problems = "依申请公开答复的规范性有待提高，全年有2件申请答复超过法定期限。"
  end))
end)
test("TEXT.REQUESTS reads a breakdown by channel without 其中, not a single channel or a sum", function()
  local s = "全年共收到政府信息公开申请126件。从提出方式看，通过网络提出申请98件，信函提出21件，当面提出7件。"
  quiet("TEXT.REQUESTS", req_in(126, 0, 0, "依申请公开", s))
  flags("TEXT.REQUESTS", req_in(126, 0, 0, "依申请公开", "全年通过网络提出申请98件。"), 126, 98)
  flags("TEXT.REQUESTS", req_in(126, 0, 0, "依申请公开", "全年通过网络和信函共收到申请120件，当面提出6件。"), 126, 120)
end)
test("TEXT.REQUESTS is quiet on 行政许可申请 in a sentence about licences only", function()
  local s = "全年受理食品经营、特种设备等行政许可申请2310件，办结2298件。"
  quiet("TEXT.REQUESTS", req_in(58, 0, 0, "主动公开", s))
  flags("TEXT.REQUESTS", req_in(58, 0, 0, "主动公开", "全年受理政府信息公开申请60件，行政许可申请2310件。"), 58, 60)
end)
test("TEXT.REQUESTS reads 办结 after 新收 as this year's applications, not any count", function()
  local s = "本年度新收申请6件，办结5件，1件结转至2024年办理。"
  quiet("TEXT.REQUESTS", req_in(6, 4, 1, "依申请公开", s))
  flags("TEXT.REQUESTS", req_in(6, 4, 1, "依申请公开", "本年度新收申请6件，办结4件，1件结转至2024年办理。"), 9, 4)
  flags("TEXT.REQUESTS", req_in(6, 4, 1, "依申请公开", "本年度收到申请10件（含上年结转4件），办结5件，1件结转至2024年办理。"), 9, 5)
end)
test("TEXT.REQUESTS reads 接到 and 没有公民…提出…申请", function()
  local s = "全年共接到政府信息公开申请9件。"
  quiet("TEXT.REQUESTS", req_in(9, 0, 0, "依申请公开", s))
  flags("TEXT.REQUESTS", req_in(8, 0, 0, "依申请公开", s), 8, 9)
  local none = "本年度，没有公民、法人或其他组织提出的政府信息公开申请。"
  quiet("TEXT.REQUESTS", req_in(0, 0, 0, "依申请公开", none))
  flags("TEXT.REQUESTS", req_in(2, 0, 0, "依申请公开", none), 2, 0)
end)

local function huaian_appeals(t)
  t.appeals.review = { upheld = 72, corrected = 64, other = 178, pending = 37, total = 351 }
  t.appeals.litigation_direct = { upheld = 13, corrected = 4, other = 8, pending = 1, total = 26 }
  t.appeals.litigation_after_review = { upheld = 12, corrected = 1, other = 1, pending = 6, total = 20 }
end
test("TEXT.APPEALS passes the Huaian sentence", function()
  quiet("TEXT.APPEALS", variant(function(t) huaian_appeals(t); overview_text(t, "依申请公开", HUAIAN_APPEALS) end))
end)
test("TEXT.APPEALS catches a wrong 纠正 count of litigation", function()
  local f = flags("TEXT.APPEALS", variant(function(t)
    huaian_appeals(t)
    t.appeals.litigation_direct = { upheld = 13, corrected = 5, other = 7, pending = 1, total = 26 }
    overview_text(t, "依申请公开", HUAIAN_APPEALS)
  end), 6, 5)
  assert(f.column == "结果纠正", f.column)
end)
test("TEXT.APPEALS catches Pingtan 2025 (行政复议36起，行政诉讼9起) against an empty table 四", function()
  local r = variant(function(t) overview_text(t, "依申请公开", "全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。") end)
  local list = findings("TEXT.APPEALS", r)
  assert(#list == 2, #list)
  assert(list[1].found == 36 and list[1].expected == 0)
  assert(list[2].found == 9)
end)
test("TEXT.APPEALS catches 无涉及…行政复议、行政诉讼 against cases in table 四", function()
  flags("TEXT.APPEALS", variant(function(t)
    huaian_appeals(t)
    overview_text(t, "依申请公开", "依申请公开4项，部分公开2项。无涉及政府信息公开行政复议、行政诉讼情况。")
  end), 351, 0)
end)
test("TEXT.APPEALS passes 无涉及…行政复议、行政诉讼 with an empty table 四", function()
  quiet("TEXT.APPEALS", variant(function(t) overview_text(t, "依申请公开", "无涉及政府信息公开行政复议、行政诉讼情况。") end))
end)
test("TEXT.APPEALS is quiet on plans without counts", function()
  quiet("TEXT.APPEALS", variant(function(t) huaian_appeals(t); t.improvements = "加强答复风险研判和合法性审查，着力减少行政复议、行政诉讼案件数量。" end))
end)

test("TEXT.APPEALS is quiet on review decisions a 司法局 publishes", function()
  quiet("TEXT.APPEALS", variant(function(t)
    overview_text(t, "主动公开", "全年主动公开政府信息356条，在门户网站公开行政复议决定书12份，公开行政执法信息48条。")
  end))
end)
test("TEXT.APPEALS reads 纠错 as 结果纠正", function()
  local s = "发生政府信息公开行政复议案件3件，均维持原答复，被复议纠错0件。"
  quiet("TEXT.APPEALS", variant(function(t) t.appeals.review = { upheld = 3, corrected = 0, other = 0, pending = 0, total = 3 }; overview_text(t, "依申请公开", s) end))
  -- (均维持 says all 3 were upheld: that disagrees too, and is found first)
  local list = findings("TEXT.APPEALS", variant(function(t)
    t.appeals.review = { upheld = 2, corrected = 1, other = 0, pending = 0, total = 3 }
    overview_text(t, "依申请公开", s)
  end))
  assert(#list == 2, #list)
  assert(list[1].column == "结果维持" and list[1].expected == 2 and list[1].found == 3, tostring(list[1]))
  local f = list[2]
  assert(f.column == "结果纠正" and f.expected == 1 and f.found == 0, tostring(f))
end)
test("TEXT.APPEALS reads 行政复议、行政诉讼各1件 as one of each", function()
  local s = "因政府信息公开引发行政复议、行政诉讼各1件，均维持原行政行为。"
  quiet("TEXT.APPEALS", variant(function(t)
    t.appeals.review = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 }
    t.appeals.litigation_direct = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 }
    overview_text(t, "依申请公开", s)
  end))
  local f = flags("TEXT.APPEALS", variant(function(t)
    t.appeals.litigation_direct = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 }
    overview_text(t, "依申请公开", s)
  end), 0, 1)
  assert(f.row == "appeals.review", f.row)
end)
test("TEXT.APPEALS reads 行政复议和行政诉讼0件 as none of either", function()
  local s = "本年度因政府信息公开引起的行政复议和行政诉讼0件。"
  quiet("TEXT.APPEALS", variant(function(t) overview_text(t, "依申请公开", s) end))
  local f = flags("TEXT.APPEALS", variant(function(t)
    t.appeals.litigation_direct = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 }
    overview_text(t, "依申请公开", s)
  end), 1, 0)
  assert(f.row == "appeals.litigation", f.row)
  -- a count above 0 for both names no one cell
  quiet("TEXT.APPEALS", variant(function(t)
    t.appeals.review = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 }
    t.appeals.litigation_direct = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 }
    overview_text(t, "依申请公开", "本年度因政府信息公开引起的行政复议和行政诉讼2件。")
  end))
end)

test("TEXT.APPEALS reads a result of both litigation groups together", function()
  local s = "全年涉及市政府的政府信息公开行政诉讼案件7件，其中未经复议直接起诉5件，复议后起诉2件，法院判决维持6件，尚未审结1件。"
  local function r(upheld) return variant(function(t)
    t.appeals.litigation_direct = { upheld = upheld - 2, corrected = 0, other = 0, pending = 1, total = upheld - 1 }
    t.appeals.litigation_after_review = { upheld = 2, corrected = 0, other = 0, pending = 0, total = 2 }
    overview_text(t, "依申请公开", s:gsub("直接起诉5件", "直接起诉" .. (upheld - 1) .. "件"):gsub("7件", (upheld + 1) .. "件"))
  end) end
  quiet("TEXT.APPEALS", r(6))
  -- 维持6件 is neither group's (4, 2) nor their sum (3 + 2)
  local f = flags("TEXT.APPEALS", r(5), nil, 6)
  assert(f.column == "结果维持", f.column)
end)
test("TEXT.APPEALS reads 行政复议、行政诉讼案件共3件 as their sum", function()
  local s = "全年发生政府信息公开行政复议、行政诉讼案件共3件，其中行政复议2件、行政诉讼1件，均维持原答复。"
  local function r(review) return variant(function(t)
    t.appeals.review = { upheld = review, corrected = 0, other = 0, pending = 0, total = review }
    t.appeals.litigation_direct = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 }
    overview_text(t, "依申请公开", s)
  end) end
  quiet("TEXT.APPEALS", r(2))
  local f = flags("TEXT.APPEALS", r(3), 4, 3)
  assert(f.row == "appeals", f.row)
end)
test("TEXT.APPEALS reads 无行政诉讼, not 无行政复议纠错案件", function()
  local s = "因政府信息公开申请答复被申请行政复议1件，复议机关决定维持原答复；无行政诉讼。"
  local function r(litigation) return variant(function(t)
    t.appeals.review = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 }
    t.appeals.litigation_direct = { upheld = litigation, corrected = 0, other = 0, pending = 0, total = litigation }
    overview_text(t, "依申请公开", s)
  end) end
  quiet("TEXT.APPEALS", r(0))
  flags("TEXT.APPEALS", r(1), 1, 0)
  quiet("TEXT.APPEALS", variant(function(t)
    t.appeals.review = { upheld = 2, corrected = 0, other = 0, pending = 0, total = 2 }
    overview_text(t, "依申请公开", "涉及政府信息公开的行政复议均维持原答复，无行政复议纠错案件。")
  end))
end)
test("TEXT.APPEALS reads 未发生…纠错案件 as no corrected case, not as no case", function()
  local function r(text) return variant(function(t)
    t.appeals.review = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 }
    overview_text(t, "依申请公开", text)
  end) end
  quiet("TEXT.APPEALS", r("因政府信息公开被申请行政复议1件，复议维持；全年未发生行政复议纠错案件。"))
  flags("TEXT.APPEALS", r("全年未发生政府信息公开行政复议案件。"), 1, 0)
end)

-- TEXT.SHARES --------------------------------------------------------------
local PINGTAN_SHARES = "办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%。"
local function pingtan_results(t)
  t.requests.new = row(81)
  t.requests.disclosed, t.requests.partially_disclosed = row(22), row(20)
  t.requests.withheld.third_party = row(5)
  t.requests.unavailable.not_held = row(31)
  t.requests.not_processed.petition = row(1)
  t.requests.other.no_correction = row(2)
end
test("TEXT.SHARES passes Pingtan 2023's percentages", function()
  quiet("TEXT.SHARES", variant(function(t) pingtan_results(t); overview_text(t, "依申请公开", PINGTAN_SHARES) end))
end)
test("TEXT.SHARES catches a percentage off by more than 0.1 point", function()
  local f = flags("TEXT.SHARES", variant(function(t)
    pingtan_results(t)
    overview_text(t, "依申请公开", (PINGTAN_SHARES:gsub("38%.27", "36.27")))
  end), "38.27%", "36.27%")
  assert(f.column == "无法提供")
end)
test("TEXT.SHARES catches a percentage that no longer fits the table", function()
  flags("TEXT.SHARES", variant(function(t)
    pingtan_results(t)
    t.requests.disclosed = row(12)
    t.requests.other.no_correction = row(12)
    overview_text(t, "依申请公开", PINGTAN_SHARES)
  end), "39.51%", "51.85%")
end)
test("TEXT.SHARES is quiet on percentages about other things", function()
  quiet("TEXT.SHARES", variant(function(t) overview_text(t, "政府信息公开平台建设", "在省办2024年四个季度政务新媒体检查抽查中，合格率均为100%，占全省前列的比例为30%。") end))
end)

test("TEXT.SHARES reads 予以公开（含部分公开） as both rows", function()
  local s = "全年共收到政府信息公开申请25件，予以公开（含部分公开）15件，占60%；无法提供10件，占40%。"
  local function r(d) return variant(function(t)
    t.requests.new = row(25); t.requests.disclosed, t.requests.partially_disclosed = row(d), row(4)
    t.requests.unavailable.not_held = row(21 - d)
    overview_text(t, "依申请公开", s)
  end) end
  quiet("TEXT.SHARES", r(11))
  flags("TEXT.SHARES", r(12), "64.00%", "60%")
end)

-- TEXT.PROACTIVE -----------------------------------------------------------
test("TEXT.PROACTIVE passes Pingtan 2022 (698 in force, 88 issued)", function()
  quiet("TEXT.PROACTIVE", variant(function(t)
    t.proactive.normative_documents = { issued = 88, repealed = 55, in_force = 698 }
    overview_text(t, "主动公开", "设立规范性文件库，集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。")
  end))
end)
test("TEXT.PROACTIVE catches Pingtan 2023's 393 in force against 2470 in table 二", function()
  flags("TEXT.PROACTIVE", variant(function(t)
    t.proactive.normative_documents = { issued = 77, repealed = 13, in_force = 2470 }
    overview_text(t, "主动公开", "清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。")
  end), 2470, 393)
end)
test("TEXT.PROACTIVE catches Changchun's 许可 and 处罚 against table 二", function()
  local r = variant(function(t)
    t.proactive.licensing, t.proactive.punishment = 239, 2
    overview_text(t, "主动公开", "共公开信息246项。其中,主动公开242项(行政许可239项,其中,教育卫生局189项,住建局42项;行政处罚3项,均为应急局实施)。")
  end)
  local f = flags("TEXT.PROACTIVE", r, 2, 3)
  assert(f.row == "proactive.punishment")
end)
test("TEXT.PROACTIVE catches Huaian's 规章 count and ignores 政策性文件", function()
  local s = "全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件。"
  quiet("TEXT.PROACTIVE", variant(function(t) t.proactive.regulations = { issued = 1, repealed = 0, in_force = 11 }; overview_text(t, "主动公开", s) end))
  flags("TEXT.PROACTIVE", variant(function(t) overview_text(t, "主动公开", s) end), 0, 1)
end)

test("TEXT.PROACTIVE is quiet on lists of matters and 双公示 records", function()
  local s = "全年公开行政许可、行政处罚等“双公示”信息2350条，梳理公布行政许可事项清单56项。全年作出行政处罚决定185件。"
  quiet("TEXT.PROACTIVE", variant(function(t) t.proactive.licensing, t.proactive.punishment = 2162, 185; overview_text(t, "主动公开", s) end))
  flags("TEXT.PROACTIVE", variant(function(t) t.proactive.licensing, t.proactive.punishment = 2162, 158; overview_text(t, "主动公开", s) end), 158, 185)
end)
test("TEXT.PROACTIVE is quiet on cumulative documents, interpretations and drafts", function()
  local s = "规范性文件库累计公开规范性文件156件；本年度印发行政规范性文件8件，在网站公开规范性文件解读材料12篇。全年公开征求意见规章草案3件，出台市政府规章1件。"
  local function docs(n) return variant(function(t)
    t.agency = "某某市人民政府"
    t.proactive.normative_documents = { issued = n, repealed = 3, in_force = 61 }
    t.proactive.regulations = { issued = 1, repealed = 0, in_force = 42 }
    overview_text(t, "主动公开", s)
  end) end
  quiet("TEXT.PROACTIVE", docs(8))
  flags("TEXT.PROACTIVE", docs(9), 9, 8)
end)

test("TEXT.PROACTIVE still reads 行政许可事项 and a year's 累计 counts", function()
  local function dec(lic, pun, s) return variant(function(t) t.proactive.licensing, t.proactive.punishment = lic, pun; overview_text(t, "主动公开", s) end) end
  flags("TEXT.PROACTIVE", dec(2000, 185, "全年共办理行政许可事项2162件，作出行政处罚决定185件。"), 2000, 2162)
  flags("TEXT.PROACTIVE", dec(2162, 158, "全年共办理行政许可2162件，全年累计作出行政处罚决定185件。"), 158, 185)
  quiet("TEXT.PROACTIVE", dec(2162, 158, "全年共办理行政许可2162件，作出行政处罚决定158件，历年累计作出行政处罚决定1850件。"))
end)

test("TEXT.PROACTIVE is quiet on cases opened and licence applications received", function()
  local function dec(lic, pun, s) return variant(function(t) t.proactive.licensing, t.proactive.punishment = lic, pun; overview_text(t, "主动公开", s) end) end
  quiet("TEXT.PROACTIVE", dec(0, 2356, "全年行政处罚案件立案2410起，作出处罚决定2356件。"))
  flags("TEXT.PROACTIVE", dec(0, 82, "全年立案查处违法案件89起，作出行政处罚决定85件。"), 82, 85)
  local s = "全年受理食品经营、特种设备等行政许可申请2310件，办结2298件。"
  quiet("TEXT.PROACTIVE", dec(2298, 0, s))
  flags("TEXT.PROACTIVE", dec(2298, 0, "全年受理并办结行政许可申请2300件。"), 2298, 2300)
end)
test("TEXT.PROACTIVE reads 未制发行政规范性文件 as none issued", function()
  local function docs(issued, regs) return variant(function(t)
    t.proactive.normative_documents = { issued = issued, repealed = 0, in_force = 5 }
    t.proactive.regulations = { issued = regs, repealed = 0, in_force = 0 }
    overview_text(t, "主动公开", "本年度未制发行政规范性文件，现行有效规范性文件5件。本机关未制发规章。")
  end) end
  quiet("TEXT.PROACTIVE", docs(0, 0))
  flags("TEXT.PROACTIVE", docs(2, 0), 2, 0)
  flags("TEXT.PROACTIVE", docs(0, 1), 1, 0)
end)

-- TEXT.FEES ----------------------------------------------------------------
test("TEXT.FEES passes Pingtan's 无收取信息处理费情况", function()
  quiet("TEXT.FEES", variant(function(t) t.other_matters = "2024年，无收取信息处理费情况。" end))
end)
test("TEXT.FEES catches a section 六 that says nothing of fees", function()
  flags("TEXT.FEES", variant(function(t) t.other_matters = "无其他需要报告的事项。" end), "说明收费情况")
end)
test("TEXT.FEES catches 未发出收费通知 with applications dropped for unpaid fees", function()
  flags("TEXT.FEES", variant(function(t)
    requests(t, 2, 0, 0)
    t.requests.disclosed = row(0)
    t.requests.other.no_fee_payment = row(2)
    t.other_matters = "本年度未发出收费通知，未收取信息处理费。"
  end), 2, 0)
end)
test("TEXT.FEES catches 发出收费通知1件 with 2 dropped for unpaid fees", function()
  flags("TEXT.FEES", variant(function(t)
    requests(t, 2, 0, 0)
    t.requests.disclosed = row(0)
    t.requests.other.no_fee_payment = row(2)
    t.other_matters = "本年度发出收费通知1件，申请人均未缴纳，未收取信息处理费。"
  end), 2, 1)
end)
test("TEXT.FEES catches Huaian's 收取…3940 元 against processing_fees", function()
  local s = "2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。"
  quiet("TEXT.FEES", variant(function(t) t.other_matters = s; t.processing_fees = { notices = 12, notified = 3940, collected = 3940 } end))
  flags("TEXT.FEES", variant(function(t) t.other_matters = s; t.processing_fees = { notices = 12, notified = 4000, collected = 3900 } end), 3900, 3940)
end)

test("TEXT.FEES reads 未向申请人收取 as none collected", function()
  local function r(text, collected) return variant(function(t)
    t.other_matters = text
    t.processing_fees = { notices = 3, notified = 1800, collected = collected }
  end) end
  local s = "本年度共发出收费通知3件，未向申请人收取信息处理费。"
  quiet("TEXT.FEES", r(s, 0))
  flags("TEXT.FEES", r(s, 1200), 1200, "未收取")
  -- an amount in the clause is what was collected, from whom it was not is another matter
  quiet("TEXT.FEES", r("本年度共发出收费通知3件，未向2名逾期申请人收取，实际收取信息处理费1200元。", 1200))
end)

-- TEXT.PERIOD --------------------------------------------------------------
local PERIOD = "本报告所列数据统计期限为2024年1月1日至2024年12月31日。"
test("TEXT.PERIOD passes Pingtan's statement of the period", function()
  quiet("TEXT.PERIOD", variant(function(t) table.insert(t.overview, 1, { heading = "", text = PERIOD }) end))
  quiet("TEXT.PERIOD", variant(function(t) table.insert(t.overview, 1, { heading = "", text = "报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。" }) end))
end)
test("TEXT.PERIOD catches last year's period left in", function()
  flags("TEXT.PERIOD", variant(function(t)
    table.insert(t.overview, 1, { heading = "", text = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。" })
  end), "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
end)
test("TEXT.PERIOD reads the period in the preamble", function()
  quiet("TEXT.PERIOD", variant(function(t) t.preamble = "本报告根据《条例》编制。" .. PERIOD end))
  local f = flags("TEXT.PERIOD", variant(function(t)
    t.preamble = "本报告根据《条例》编制。统计期限自2023年1月1日至2023年12月31日。"
  end), "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  assert(f.label == "前言", "the finding names the preamble: " .. tostring(f))
end)
test("TEXT.PERIOD catches a title year that is not the report year", function()
  flags("TEXT.PERIOD", variant(function(t) t.title = "延津县商务局2023年政府信息公开工作年度报告" end), 2024, 2023)
end)

test("TEXT.PERIOD reads dates written with dots or slashes", function()
  quiet("TEXT.PERIOD", variant(function(t) t.preamble = "本报告所列数据统计期限为2024.1.1-2024.12.31。" end))
  quiet("TEXT.PERIOD", variant(function(t) t.preamble = "统计期限：2024/1/1至2024/12/31。" end))
  flags("TEXT.PERIOD", variant(function(t) t.preamble = "本报告所列数据统计期限为2023.1.1-2023.12.31。" end),
    "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  flags("TEXT.PERIOD", variant(function(t) t.preamble = "统计期限为2023.1.1-12.31。" end),
    "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  -- a version number or an amount is no date
  quiet("TEXT.PERIOD", variant(function(t) t.preamble = "本报告统计期间，平台升级至2024.13.1版本。" end))
end)
test("TEXT.PERIOD reads a period of twelve months across a year end, said to be the data's", function()
  flags("TEXT.PERIOD", variant(function(t)
    t.preamble = "本年度年报数据时限为2023年12月1日至2024年11月30日。"
  end), "2024年1月1日至2024年12月31日", "2023年12月1日至2024年11月30日")
  flags("TEXT.PERIOD", variant(function(t)
    t.preamble = "本报告所列数据统计期限为2023年12月1日至11月30日。"
  end), "2024年1月1日至2024年12月31日", "2023年12月1日至2024年11月30日")
end)
test("TEXT.PERIOD reads the first date after years, dots and slashes that start none", function()
  local function pre(s) return variant(function(t) t.preamble = s end) end
  -- a 年 with no date after it, and five digits before one, come first
  flags("TEXT.PERIOD", pre("2023年度报告已公开，12023年不是年份，本报告统计期限为2023年1月1日至2023年12月31日。"),
    "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  -- a heading's dot and a slash that start no date come before the one that does
  flags("TEXT.PERIOD", pre("4.依申请公开和/或主动公开的统计期限为2023.1.1-2023.12.31。"),
    "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  flags("TEXT.PERIOD", pre("1.统计期限为2023/1/1至2023/12/31，见附表2.1。"),
    "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  quiet("TEXT.PERIOD", pre("4.依申请公开和/或主动公开的统计期限为2024.1.1-2024.12.31。"))
end)
local function in_overview(text) return variant(function(t) overview_text(t, "主动公开", text) end) end
test("TEXT.PERIOD is quiet on the dates of an activity", function()
  quiet("TEXT.PERIOD", in_overview("2024年9月1日至2024年9月30日期间开展统计法治宣传月活动，发放宣传资料500余份。"))
  quiet("TEXT.PERIOD", in_overview("统计执法检查于2024年3月15日至2024年4月15日开展。"))
end)
test("TEXT.PERIOD reads an end without its year and other dashes", function()
  local function pre(s) return variant(function(t) t.preamble = s end) end
  quiet("TEXT.PERIOD", pre("本报告所列数据统计期限为2024年1月1日至12月31日。"))
  flags("TEXT.PERIOD", pre("本报告所列数据统计期限为2023年1月1日至12月31日。"), "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  quiet("TEXT.PERIOD", pre("本报告中所列数据的统计期限为2024年1月1日–2024年12月31日。"))
  flags("TEXT.PERIOD", pre("本报告中所列数据的统计期限为2023年1月1日–2023年12月31日。"), nil, "2023年1月1日至2023年12月31日")
  flags("TEXT.PERIOD", pre("本报告统计期限为2024年1月1日——2024年11月30日。"), nil, "2024年1月1日至2024年11月30日")
end)

test("TEXT.PERIOD reads years in Chinese numerals", function()
  local function pre(s) return variant(function(t) t.preamble = s end) end
  flags("TEXT.PERIOD", pre("本报告所列数据统计期限为二〇二三年1月1日至2023年12月31日。"),
    "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  flags("TEXT.PERIOD", pre("统计期限为二○二三年1月1日至12月31日。"), nil, "2023年1月1日至2023年12月31日")
  flags("TEXT.PERIOD", variant(function(t) t.title = "延津县商务局二〇二三年政府信息公开工作年度报告" end), 2024, 2023)
  quiet("TEXT.PERIOD", pre("统计期限为二零二四年1月1日至二〇二四年12月31日。"))
  quiet("TEXT.PERIOD", variant(function(t) t.title = "延津县商务局二〇二四年政府信息公开工作年度报告" end))
  -- no year: four numerals that give none, or five
  quiet("TEXT.PERIOD", pre("统计期限为一二三四年1月1日至一二三四年12月31日。"))
  quiet("TEXT.PERIOD", pre("统计期限为二〇二三二年1月1日至二〇二三二年12月31日。"))
end)
test("TEXT.PERIOD reads months and days in Chinese numerals", function()
  local function pre(s) return variant(function(t) t.preamble = s end) end
  flags("TEXT.PERIOD", pre("统计期限为二〇二三年一月一日至二〇二三年十二月三十一日。"),
    "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  flags("TEXT.PERIOD", pre("本报告所列数据统计期限为二○二三年一月一日至十二月三十一日。"), nil, "2023年1月1日至2023年12月31日")
  flags("TEXT.PERIOD", pre("本报告统计期限为2024年一月一日至2024年十一月三十日。"), nil, "2024年1月1日至2024年11月30日")
  quiet("TEXT.PERIOD", pre("统计期限为二〇二四年一月一日至二〇二四年十二月三十一日。"))
  quiet("TEXT.PERIOD", pre("本报告所列数据统计期限为二零二四年一月一日至十二月三十一日。"))
  -- no month 十三 nor day 三十二
  quiet("TEXT.PERIOD", pre("统计期限为2023年十三月一日至2023年十二月三十二日。"))
end)
test("TEXT.PERIOD reads years typed with the letter O for 〇", function()
  local function pre(s) return variant(function(t) t.preamble = s end) end
  flags("TEXT.PERIOD", pre("统计期限为二O二三年1月1日至12月31日。"), "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  flags("TEXT.PERIOD", pre("统计期限为二Ｏ二三年一月一日至二o二三年十二月三十一日。"), nil, "2023年1月1日至2023年12月31日")
  flags("TEXT.PERIOD", variant(function(t) t.title = "延津县商务局二O二三年政府信息公开工作年度报告" end), 2024, 2023)
  quiet("TEXT.PERIOD", pre("统计期限为二O二四年1月1日至二o二四年12月31日。"))
end)
test("TEXT.PERIOD reads 元月 as January", function()
  local function pre(s) return variant(function(t) t.preamble = s end) end
  flags("TEXT.PERIOD", pre("本报告所列数据统计期限为二〇二三年元月一日至十二月三十一日。"),
    "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
  flags("TEXT.PERIOD", pre("统计期限为2024年元月1日至2024年11月30日。"), nil, "2024年1月1日至2024年11月30日")
  flags("TEXT.PERIOD", pre("统计期限为二Ｏ二三年元月一日至二o二三年十二月三十一日。"), nil, "2023年1月1日至2023年12月31日")
  quiet("TEXT.PERIOD", pre("本报告所列数据统计期限为二〇二四年元月一日至十二月三十一日。"))
  quiet("TEXT.PERIOD", pre("统计期限为2024年元月1日至2024年12月31日。"))
end)

-- TEXT.YEAR ----------------------------------------------------------------
-- the seed is a 2024 report: last year is 2023
local function with_text(text) return variant(function(t) overview_text(t, "主动公开", text) end) end
test("TEXT.YEAR catches a sentence that opens with last year", function()
  local f = flags("TEXT.YEAR", with_text("2023年，我局坚持以公开为常态、不公开为例外。"), "2024年", "2023年")
  assert(f.message:find("以上一年度开头", 1, true), tostring(f))
  flags("TEXT.YEAR", with_text("2023 年度，我局主动公开政府信息。"))
end)
test("TEXT.YEAR catches a clause reporting last year's counts", function()
  local f = flags("TEXT.YEAR", with_text("我局认真落实条例要求，2023年共收到申请5件。"))
  assert(f.message:find("件数", 1, true), tostring(f))
end)
test("TEXT.YEAR reads last year in Chinese numerals", function()
  local f = flags("TEXT.YEAR", with_text("二〇二三年，我局共收到申请12件。"), "2024年", "2023年")
  assert(f.message:find("以上一年度开头", 1, true), tostring(f))
  flags("TEXT.YEAR", with_text("二零二三年度，我局主动公开政府信息。"))
  flags("TEXT.YEAR", with_text("二○二三年，我局主动公开政府信息。"))
  flags("TEXT.YEAR", with_text("二0二三年，我局主动公开政府信息。"))
  flags("TEXT.YEAR", with_text("我局认真落实条例要求，二〇二三年共收到申请5件。"))
  quiet("TEXT.YEAR", with_text("二〇二四年，我局共收到申请12件。"))
  quiet("TEXT.YEAR", with_text("二〇二四年度，我局共主动公开信息120条，较二〇二三年增长20%。"))
  quiet("TEXT.YEAR", with_text("二〇二三年结转的2件申请已全部办结。"))
end)
test("TEXT.YEAR reads last year typed with the letter O for 〇", function()
  local f = flags("TEXT.YEAR", with_text("二O二三年，我局共收到申请12件。"), "2024年", "2023年")
  assert(f.message:find("以上一年度开头", 1, true), tostring(f))
  flags("TEXT.YEAR", with_text("二Ｏ二三年，我局主动公开政府信息。"), "2024年", "2023年")
  flags("TEXT.YEAR", with_text("二o二三年度，我局主动公开政府信息。"), "2024年", "2023年")
  flags("TEXT.YEAR", with_text("我局认真落实条例要求，二O二三年共收到申请5件。"))
  quiet("TEXT.YEAR", with_text("二O二四年，我局共收到申请12件。"))
  -- an O that is no digit of a year changes nothing
  quiet("TEXT.YEAR", with_text("我局推行O2O模式，二〇二四年共收到申请12件。"))
end)
test("TEXT.YEAR passes comparisons and carried-over counts", function()
  quiet("TEXT.YEAR", with_text("2024年，我局共主动公开信息120条，较2023年增长20%。"))
  quiet("TEXT.YEAR", with_text("本年主动公开信息比2023年增加15条，比上年多。"))
  quiet("TEXT.YEAR", with_text("与2023年同期相比，申请数量下降。"))
  quiet("TEXT.YEAR", with_text("2023年结转的2件申请已全部办结。"))
  quiet("TEXT.YEAR", with_text("截至2023年底现行有效规范性文件20件。"))
  quiet("TEXT.YEAR", with_text("2024年，我局共收到申请5件。"))
end)

test("TEXT.YEAR passes last year's report, a span of years and last year's figure", function()
  quiet("TEXT.YEAR", variant(function(t) t.problems = "上年度问题整改情况：2023年度报告中指出的3个问题已全部整改到位。" end))
  quiet("TEXT.YEAR", with_text("2023年至2024年连续两年获评全县政务公开工作先进单位。"))
  quiet("TEXT.YEAR", with_text("全年共收到政府信息公开申请25件，同比增长25%（2023年为20件）。"))
  flags("TEXT.YEAR", with_text("全年共收到申请25件，2023年收到申请20件。"))
  flags("TEXT.YEAR", with_text("2023年为进一步推进政务公开，我局主动公开信息120条。"))
end)

-- TEXT.HEADINGS ------------------------------------------------------------
test("TEXT.HEADINGS passes the 2021-format list of parts", function()
  quiet("TEXT.HEADINGS", variant(function(t)
    table.insert(t.overview, 1, { heading = "", text = "本年报根据《中华人民共和国政府信息公开条例》要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的事项组成。" })
  end))
end)
test("TEXT.HEADINGS catches a list of parts from the 2008 format", function()
  flags("TEXT.HEADINGS", variant(function(t)
    table.insert(t.overview, 1, { heading = "", text = "本报告由概述，主动公开政府信息的情况，依申请公开政府信息的情况，政府信息公开的收费及减免情况，因政府信息公开申请提起行政复议、行政诉讼的情况，政府信息公开工作存在的主要问题及改进措施组成。" })
  end))
end)
test("TEXT.HEADINGS catches a numbered subsection heading and a missing topic", function()
  local r = variant(function(t) t.overview[1].heading = "（一）主动公开"; table.remove(t.overview, 5) end)
  local list = findings("TEXT.HEADINGS", r)
  assert(#list == 2, #list)
  assert(list[1].found == "（一）主动公开")
  assert(list[2].found:find("监督保障", 1, true))
end)

test("TEXT.HEADINGS passes subsection headings in other words", function()
  quiet("TEXT.HEADINGS", variant(function(t)
    local words = { "主动公开情况", "政府信息公开申请办理情况", "政府信息资源管理情况", "公开渠道建设情况", "监督保障情况" }
    for i, item in ipairs(t.overview) do item.heading = words[i] end
  end))
end)
test("TEXT.HEADINGS reads the list of parts in the preamble", function()
  quiet("TEXT.HEADINGS", variant(function(t)
    t.preamble = "本报告根据《条例》编制。本报告共分6个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
  end))
  local f = flags("TEXT.HEADINGS", variant(function(t)
    t.preamble = "本报告由概述、主动公开政府信息的情况、依申请公开政府信息的情况、政府信息公开的收费及减免情况、因政府信息公开申请提起行政复议、行政诉讼的情况、存在的主要问题及改进措施组成。"
  end))
  assert(f.label == "前言", tostring(f))
end)

-- TEXT.STYLE ---------------------------------------------------------------
test("TEXT.STYLE catches half-width punctuation among Chinese (sample 01)", function()
  flags("TEXT.STYLE", variant(function(t)
    table.insert(t.overview, 1, { heading = "", text = "本年报根据《中华人民共和国政府信息公开条例》(下称《条例》)要求编制,由总体情况等组成。" })
  end))
end)
test("TEXT.STYLE catches 文号 brackets other than 〔〕", function()
  local f = flags("TEXT.STYLE", variant(function(t) t.other_matters = "按照国办公开办函[2021]30号要求，2024 年度未收取政府信息公开处理费。" end), "〔年份〕", "[2021]30号")
  -- the message gives the form to write, not only the wrong one
  assert(f.message:find("“[2021]30号”应写作“〔2021〕30号”", 1, true), f.message)
  quiet("TEXT.STYLE", variant(function(t) t.other_matters = "按照国办公开办函〔2021〕30号要求，2024 年度未收取政府信息公开处理费。" end))
end)
test("TEXT.STYLE reads 文号 in full-width and 【】 forms, and not a year of other length", function()
  local function docno(text) return variant(function(t) t.other_matters = text .. "2024 年度未收取政府信息公开处理费。" end) end
  local f = flags("TEXT.STYLE", docno("按照某办函（２０２１）５号要求，"), "〔年份〕", "(2021)5号")
  assert(f.message:find("应写作“〔2021〕5号”", 1, true), f.message)
  flags("TEXT.STYLE", docno("按照某办函【2021】12号要求，"), "〔年份〕", "[2021]12号")
  flags("TEXT.STYLE", docno("按照某办函（2020）（2021）3号要求，"), "〔年份〕", "(2021)3号")
  quiet("TEXT.STYLE", docno("按照某办函[12021]5号、（2021）号、[2021]5件要求，"))
end)
test("TEXT.STYLE catches 2024 年 beside 2024年 in one report", function()
  flags("TEXT.STYLE", variant(function(t) t.other_matters = "2024年度未收取政府信息公开处理费。" end), nil, nil)
end)

test("TEXT.STYLE reads the preamble", function()
  local f = flags("TEXT.STYLE", variant(function(t)
    t.preamble = "本年报根据《中华人民共和国政府信息公开条例》(下称《条例》)要求编制,统计期限为 2024 年 1 月 1 日至 2024 年 12 月 31 日。"
  end), "全角标点")
  assert(f.label == "前言", tostring(f))
  quiet("TEXT.STYLE", variant(function(t) t.preamble = "本年报根据《中华人民共和国政府信息公开条例》（下称《条例》）要求编制。" end))
end)

-- T2.COMPETENCE ------------------------------------------------------------
test("T2.COMPETENCE catches 规章 from a county bureau and a township", function()
  flags("T2.COMPETENCE", variant(function(t) t.proactive.regulations = { issued = 0, repealed = 0, in_force = 3 } end), 0, 3)
  flags("T2.COMPETENCE", variant(function(t) t.agency = "昌图县七家子镇人民政府"; t.proactive.regulations = { issued = 1, repealed = 0, in_force = 1 } end), 0, 1)
end)
test("T2.COMPETENCE passes 规章 from a city government", function()
  quiet("T2.COMPETENCE", variant(function(t) t.agency = "淮安市人民政府"; t.proactive.regulations = { issued = 1, repealed = 0, in_force = 11 } end))
end)
test("T2.COMPETENCE reads the last character, not its last byte", function()
  -- 校 (E6 A0 A1) ends in the same byte as 乡 (E4 B9 A1): a byte class took a school for a township
  quiet("T2.COMPETENCE", variant(function(t) t.agency = "淮安市实验学校"; t.proactive.regulations = { issued = 1, repealed = 0, in_force = 2 } end))
  flags("T2.COMPETENCE", variant(function(t) t.agency = "某某乡"; t.proactive.regulations = { issued = 0, repealed = 0, in_force = 2 } end), 0, 2)
  flags("T2.COMPETENCE", variant(function(t) t.agency = "某某镇"; t.proactive.regulations = { issued = 0, repealed = 0, in_force = 2 } end), 0, 2)
end)

test("T2.COMPETENCE catches 规章 from a city district and from a county of an autonomous prefecture", function()
  local function regs(agency) return variant(function(t) t.agency = agency; t.proactive.regulations = { issued = 1, repealed = 0, in_force = 3 } end) end
  flags("T2.COMPETENCE", regs("某某市某某区人民政府"), 0, 1)
  flags("T2.COMPETENCE", regs("某某市某某区教育局"), 0, 1)
  flags("T2.COMPETENCE", regs("某某自治州某某县人民政府"), 0, 1)
  flags("T2.COMPETENCE", regs("内蒙古自治区某某盟某某旗人民政府"), 0, 1)
  quiet("T2.COMPETENCE", regs("某某自治州人民政府"))
  quiet("T2.COMPETENCE", regs("广西壮族自治区人民政府办公厅"))
  quiet("T2.COMPETENCE", regs("某某市人民政府"))
end)

-- YEAR.IDENTICAL -----------------------------------------------------------
test("YEAR.IDENTICAL catches a report copied from last year with only the years changed", function()
  local last = variant(function(t)
    t.year = 2023
    t.title = "延津县商务局 2023 年政府信息公开工作年度报告"
    for _, item in ipairs(t.overview) do item.text = item.text:gsub("2024", "2023") end
    t.problems = "存在的主要问题：一是公开不够及时。"
    t.improvements = "改进情况：一是完善制度。"
  end)
  local list = findings("YEAR.IDENTICAL", seed, last)
  assert(#list == 4, #list) -- 主动公开, 政府信息管理, 平台建设, 监督保障; not the short 依申请公开 or the rewritten 五
  assert(list[1].label == "（一）主动公开", list[1].label)
end)
test("YEAR.IDENTICAL compares the normalized texts: spaces and full-width digits do not hide a copy", function()
  -- the rule compares only parts whose normalized texts have the same length; the raw texts
  -- differ in length here
  local last = variant(function(t)
    t.year = 2023
    for _, item in ipairs(t.overview) do item.text = item.text:gsub("2024", "２０２３ "):gsub("，", "， ") end
  end)
  local list = findings("YEAR.IDENTICAL", seed, last)
  assert(#list == 6, #list) -- the four of the test above, and 五's two parts, not rewritten here
  local one_more = variant(function(t)
    t.year = 2023
    for _, item in ipairs(t.overview) do item.text = (item.text:gsub("2024", "2023")) .. "另" end
    t.problems = t.problems .. "另"; t.improvements = t.improvements .. "另"
  end)
  quiet("YEAR.IDENTICAL", seed, one_more)
end)
test("YEAR.IDENTICAL reads years in Chinese numerals: last year's copy with 二〇二三年 for 2024年", function()
  local last = variant(function(t)
    t.year = 2023
    for _, item in ipairs(t.overview) do item.text = item.text:gsub("2024", "二〇二三") end
  end)
  local list = findings("YEAR.IDENTICAL", seed, last)
  assert(#list == 6, #list) -- as in the test above
  -- 二〇二三 for a year that is not one (一二三四) is a change of text
  local other = variant(function(t)
    t.year = 2023
    for _, item in ipairs(t.overview) do item.text = item.text:gsub("2024", "一二三四") end
  end)
  list = findings("YEAR.IDENTICAL", seed, other)
  assert(#list == 3, #list) -- 平台建设 (no year in it) and 五's two parts, not rewritten here
  for _, f in ipairs(list) do assert(not f.label:find("主动公开", 1, true), f.label) end
  -- the letter O typed for 〇 (二O二三, full-width 二Ｏ二三, 二o二三): the same year
  for _, typed in ipairs({ "二O二三", "二Ｏ二三", "二o二三" }) do
    local o = variant(function(t)
      t.year = 2023
      for _, item in ipairs(t.overview) do item.text = item.text:gsub("2024", typed) end
    end)
    list = findings("YEAR.IDENTICAL", seed, o)
    assert(#list == 6, typed .. ": " .. #list)
  end
end)
test("YEAR.IDENTICAL is quiet without a previous report and with rewritten text", function()
  quiet("YEAR.IDENTICAL", seed)
  local other = variant(function(t)
    t.year = 2023
    for _, item in ipairs(t.overview) do item.text = "2023 年度，本局重新组织了政务公开工作：" .. item.text end
    t.problems = "其他问题"; t.improvements = "其他改进"
  end)
  quiet("YEAR.IDENTICAL", seed, other)
end)

test("YEAR.IDENTICAL leaves a short nothing-to-report 六 alone, not a copied one with counts", function()
  local function pair(now, before)
    local this = variant(function(t) t.other_matters = now end)
    local last = variant(function(t)
      t.year = 2023
      for _, item in ipairs(t.overview) do item.text = "2023年度另行撰写：" .. item.text end
      t.problems, t.improvements, t.other_matters = "其他问题", "其他改进", before
    end)
    return this, last
  end
  -- the same formula every year: nothing to report, no fee
  quiet("YEAR.IDENTICAL", pair("2024年度，本机关无其他需要报告的事项，未收取信息处理费。",
    "2023年度，本机关无其他需要报告的事项，未收取信息处理费。"))
  -- counts copied from last year are 雷同 however short
  local this, last = pair("2024年度，本机关办理人大代表建议12件、政协委员提案8件，均已按期办结，未收取信息处理费。",
    "2023年度，本机关办理人大代表建议12件、政协委员提案8件，均已按期办结，未收取信息处理费。")
  local f = flags("YEAR.IDENTICAL", this, nil, nil, last)
  assert(f.section == "六", f.section)
  -- a short part that says more than the formula, with no number, is compared as before
  this, last = pair("2024年度未收取信息处理费，公开工作平稳有序推进，群众满意度较高。",
    "2023年度未收取信息处理费，公开工作平稳有序推进，群众满意度较高。")
  flags("YEAR.IDENTICAL", this, nil, nil, last)
  -- a long part that says more than the formula is compared as before
  local long = "本机关无其他需要报告的事项。本年度继续坚持以公开为常态、不公开为例外，持续深化政务公开标准化规范化建设，"
    .. "推动政务公开工作提质增效，切实保障人民群众的知情权、参与权、表达权和监督权。"
  this, last = pair("2024年度，" .. long, "2023年度，" .. long)
  flags("YEAR.IDENTICAL", this, nil, nil, last)
end)

-- third round: phrasings of the sample agencies and styles the rounds before did not write
-- (/tmp/rr2/corpus: 32 correct and 31 faulty reports)
test("an estimate or a range's end is no count to compare (近, 约, 左右, 超过, 5至9件)", function()
  quiet("TEXT.REQUESTS", req_text(36, "全年共受理政府信息公开申请近40件，均在法定期限内答复。"))
  quiet("TEXT.REQUESTS", req_text(118, "全年收到政府信息公开申请约120件，答复120件左右。"))
  quiet("TEXT.REQUESTS", req_text(97, "全年收到政府信息公开申请近百件，均已办结。"))
  quiet("TEXT.REQUESTS", req_text(63, "全年共收到政府信息公开申请超过60件。"))
  quiet("TEXT.REQUESTS", req_text(28, "全年共收到政府信息公开申请28件，各季度收到申请5至9件不等。"))
  local function pun(n, s) return variant(function(t) t.proactive.punishment = n; overview_text(t, "主动公开", s) end) end
  quiet("TEXT.PROACTIVE", pun(523, "全年作出行政处罚决定超过500件。"))
  quiet("TEXT.PROACTIVE", pun(43, "全年作出行政处罚决定约40件。"))
  quiet("TEXT.APPEALS", variant(function(t)
    t.appeals.review = { upheld = 12, corrected = 0, other = 0, pending = 0, total = 12 }
    overview_text(t, "依申请公开", "全年因政府信息公开引发行政复议10件以上。")
  end))
  -- an exact count beside them is still read
  flags("TEXT.REQUESTS", req_text(28, "全年共收到政府信息公开申请27件，各季度收到申请5至9件不等。"), 28, 27)
  flags("TEXT.PROACTIVE", pun(43, "全年作出行政处罚决定40件，公开执法信息约300条。"), 43, 40)
  flags("TEXT.REQUESTS", req_text(36, "全年共受理政府信息公开申请40件。"), 36, 40)
end)

-- an estimate says where the value lies; one the table's value cannot fit is a wrong count
test("an estimate the table's value cannot fit is still flagged (约40件 for 60, 超过500件 for 300)", function()
  flags("TEXT.REQUESTS", req_text(60, "全年共收到政府信息公开申请约40件。"), 60, 40)
  flags("TEXT.REQUESTS", req_text(60, "全年共收到政府信息公开申请近40件。"), 60, 40)
  flags("TEXT.REQUESTS", req_text(41, "全年共受理政府信息公开申请近40件。"), 41, 40) -- 近 is below
  flags("TEXT.REQUESTS", req_text(300, "全年共收到政府信息公开申请超过500件。"), 300, 500)
  flags("TEXT.REQUESTS", req_text(5000, "全年共收到政府信息公开申请超过500件。"), 5000, 500)
  flags("TEXT.REQUESTS", req_text(20, "全年共收到政府信息公开申请40件左右。"), 20, 40)
  quiet("TEXT.REQUESTS", req_text(44, "全年共收到政府信息公开申请约40件。"))
  local function pun(n, s) return variant(function(t) t.proactive.punishment = n; overview_text(t, "主动公开", s) end) end
  flags("TEXT.PROACTIVE", pun(43, "全年作出行政处罚决定约400件。"), 43, 400)
  flags("TEXT.APPEALS", variant(function(t)
    t.appeals.review = { upheld = 2, corrected = 0, other = 0, pending = 0, total = 2 }
    overview_text(t, "依申请公开", "全年因政府信息公开引发行政复议10件以上。")
  end), 2, 10)
  -- a range's end still passes: it spans parts of the year, not the year's count
  quiet("TEXT.REQUESTS", req_text(60, "全年共收到政府信息公开申请60件，各季度收到申请5至20件不等。"))
end)

test("TEXT.REQUESTS is quiet on applications corrected, withdrawn or passed on, and on other business", function()
  local s = "全年共收到政府信息公开申请20件。经告知补正后受理3件，申请人主动撤回申请2件，向有关部门转办1件；全年办结20件。"
  quiet("TEXT.REQUESTS", req_text(20, s))
  flags("TEXT.REQUESTS", req_text(20, (s:gsub("办结20件", "办结19件"))), 20, 19)
  -- the year's total naming where its applications came from is read all the same
  flags("TEXT.REQUESTS", req_text(60, "全年共收到转办及直接提交的政府信息公开申请58件。"), 60, 58)
  quiet("TEXT.REQUESTS", req_text(58, "全年共收到转办及直接提交的政府信息公开申请58件。"))
  -- a clause after one about messages or letters counts them, not applications
  quiet("TEXT.REQUESTS", req_text(17, "网站全年接收网民留言320条，办结318条，其余2条正在办理。全年共收到政府信息公开申请17件。"))
  quiet("TEXT.REQUESTS", req_text(0, "全年共收到网民来信23件，转办相关股室办理23件，均已按时回复。"))
  flags("TEXT.REQUESTS", req_text(17, "全年接收网民留言320条，办结318条，受理政府信息公开申请16件。"), 17, 16)
  -- other business named before the applications' count leaves the clauses after it to them
  flags("TEXT.REQUESTS", req_text(60, "坚持把咨询答复与申请办理结合起来，全年共收到政府信息公开申请60件，办结58件。"), 60, 58)
  flags("TEXT.REQUESTS", req_text(60, "依托12345热线和网站留言渠道，全年共收到政府信息公开申请60件，办结58件。"), 60, 58)
end)
test("TEXT.REQUESTS is quiet on applications for services and benefits", function()
  quiet("TEXT.REQUESTS", req_text(9, "全年受理政府信息公开申请9件，均已办结。依托政务服务网受理网上办事申请3,200件，办结率100%。"))
  quiet("TEXT.REQUESTS", req_text(0, "全年受理最低生活保障申请156件，审核确认134件。"))
  flags("TEXT.REQUESTS", req_text(9, "全年受理政府信息公开申请11件，网上办事申请3,200件。"), 9, 11)
end)
test("TEXT.REQUESTS reads 依申请公开4项 (长春临空) as the applications received", function()
  local s = "依申请公开4项，部分公开2项，保护第三方合法权益和本机关不掌握相关政府信息各1项。"
  quiet("TEXT.REQUESTS", req_text(4, s))
  flags("TEXT.REQUESTS", req_text(4, (s:gsub("依申请公开4项", "依申请公开5项"))), 4, 5)
end)

test("TEXT.YEAR passes a series of years in one clause, not last year's count alone", function()
  quiet("TEXT.YEAR", with_text("本年度收到政府信息公开申请25件，2023年、2022年分别为18件、15件，申请量逐年上升。"))
  quiet("TEXT.YEAR", with_text("2023年、2024年分别发生政府信息公开行政复议1件、3件，均维持原答复。"))
  flags("TEXT.YEAR", with_text("2023年收到政府信息公开申请25件，2023年、2022年分别为18件、15件。"), "2024年", "2023年")
  -- another year in a comparison, not a series, leaves last year's count what it is
  flags("TEXT.YEAR", with_text("2023年共收到政府信息公开申请25件较2022年增加5件。"), "2024年", "2023年")
end)
test("TEXT.APPEALS reads a comparison with last year as none of this year's counts, a series by its year", function()
  local function r(review, s) return variant(function(t)
    t.appeals.review = { upheld = review, corrected = 0, other = 0, pending = 0, total = review }
    overview_text(t, "依申请公开", s)
  end) end
  local s = "因政府信息公开引发行政复议2起，复议机关均维持原答复；行政复议、行政诉讼案件数量较上年分别下降2件、1件。"
  quiet("TEXT.APPEALS", r(2, s))
  flags("TEXT.APPEALS", r(3, s), 3, 2)
  local series = "2023年、2024年分别发生政府信息公开行政复议1件、3件，均维持原答复。"
  quiet("TEXT.APPEALS", r(3, series))
  flags("TEXT.APPEALS", r(2, series), 2, 3)
  -- this year's count before the comparison in the same clause is read
  flags("TEXT.APPEALS", r(2, "本年度发生政府信息公开行政复议案件3件较上年减少1件。"), 2, 3)
  quiet("TEXT.APPEALS", r(3, "本年度发生政府信息公开行政复议案件3件较上年减少1件。"))
end)

test("TEXT.FEES reads 零收费, 收费0元 and 免费提供 as none collected", function()
  local function r(text, collected) return variant(function(t)
    t.other_matters = text
    t.processing_fees = { notices = collected > 0 and 1 or 0, notified = collected, collected = collected }
  end) end
  for _, s in ipairs({ "本年度政府信息公开工作实行零收费。", "本年度政府信息公开收费0元。",
                       "本年度信息处理费为0元。", "本年度向申请人免费提供政府信息。" }) do
    quiet("TEXT.FEES", r(s, 0))
    flags("TEXT.FEES", r(s, 300), 300, "未收取")
  end
  -- an amount beginning with 0, a free service that is no fee, an amount beside a word of none
  for _, s in ipairs({ "本年度共发出收费通知1件，收取信息处理费为0.05万元。",
                       "本年度政府信息公开收费为0.05万元。",
                       "本年度向申请人收取信息处理费500元。我局在政务大厅免费提供查阅场所。",
                       "本年度发出收费通知1件，收取信息处理费500元，其余申请零收费。" }) do
    quiet("TEXT.FEES", r(s, 500))
  end
  flags("TEXT.FEES", r("本年度发出收费通知1件，收取信息处理费500元，其余申请零收费。", 300), 300, 500)
end)

-- selection and the ctx contract ---------------------------------------------
test("nb.check opts.rules / opts.no_rules select rules", function()
  local r = variant(function(t) requests(t, 2, 0, 0); t.other_matters = "无其他需要报告的事项。" end)
  local function ids(list) local s = {} for _, f in ipairs(list) do s[f.id] = true end return s end
  local all = ids(nb.check(r))
  assert(all["TEXT.REQUESTS"] and all["TEXT.FEES"])
  local only = ids(nb.check(r, { rules = { "TEXT.FEES" } }))
  assert(only["TEXT.FEES"] and not only["TEXT.REQUESTS"])
  local without = ids(nb.check(r, { no_rules = { "TEXT.FEES" } }))
  assert(without["TEXT.REQUESTS"] and not without["TEXT.FEES"])
end)
test("rule findings are read-only and built-in findings stay", function()
  local r = variant(function(t) t.requests.new = { 1, 0, 0, 0, 0, 0 } end) -- T3.BALANCE error
  local list = nb.check(r)
  local builtin = false
  for _, f in ipairs(list) do if f.id == "T3.BALANCE" then builtin = true end end
  assert(builtin)
  assert(not pcall(function() list[1].severity = "warning" end), "a finding could be edited")
end)

-- third round: known gaps and phrasings of county, township and department reports ------------
local function fees(text, collected)
  return variant(function(t)
    t.other_matters = text
    t.processing_fees = { notices = collected > 0 and 1 or 0, notified = collected, collected = collected }
  end)
end
test("TEXT.FEES reads a zero after a colon or a space as none collected", function()
  for _, s in ipairs({ "本年度信息处理费：0元。", "信息处理费:0元。", "本年度收取信息处理费 0 元。", "收费：0元。" }) do
    quiet("TEXT.FEES", fees(s, 0))
    flags("TEXT.FEES", fees(s, 500), 500, "未收取")
  end
end)
test("TEXT.FEES compares an amount after a colon", function()
  quiet("TEXT.FEES", fees("本年度收取信息处理费：0.05万元。", 500))
  flags("TEXT.FEES", fees("本年度收取信息处理费：0.05万元。", 800), 800, 500)
  flags("TEXT.FEES", fees("本年度收取信息处理费：0.05万元。", 0), 0, 500)
end)
test("TEXT.REQUESTS takes 12345 for the hotline only when it stands alone", function()
  -- a number with 12345 inside it is a count of applications like any other
  flags("TEXT.REQUESTS", req_text(30, "全年共收到政府信息公开申请123450件。"), 30, 123450)
  flags("TEXT.REQUESTS", req_text(30, "全年通过0391-61234567专线受理政府信息公开申请25件。"), 30, 25)
  flags("TEXT.REQUESTS", req_text(30, "全年通过0391-12345678电话和网上平台受理政府信息公开申请25件。"), 30, 25)
  -- the hotline itself still counts other business
  quiet("TEXT.REQUESTS", req_text(30, "全年共收到政府信息公开申请30件。办理12345转办件47件,已全部办结。"))
  -- nor is the number of a document (文号) the hotline; "12345号码" is
  flags("TEXT.REQUESTS", req_text(30, "根据苏政办发〔2024〕12345号文件要求全年共受理政府信息公开申请25件。"), 30, 25)
  flags("TEXT.REQUESTS", req_text(30, "按[2024]12345号通知精神全年共受理政府信息公开申请25件。"), 30, 25)
  quiet("TEXT.REQUESTS", req_text(30, "全年共收到政府信息公开申请30件。办理12345号码转办件47件,已全部办结。"))
end)
test("TEXT.YEAR is quiet on last year dating a document, not on a period or an event of last year", function()
  quiet("TEXT.YEAR", with_text("2023年12月出台的《某某县河道采砂管理办法》于今年3月1日起施行，我局同步发布解读材料。"))
  quiet("TEXT.YEAR", with_text("2023年12月印发《关于进一步加强政务公开工作的实施意见》，本年度抓好落实。"))
  quiet("TEXT.YEAR", with_text("2023年12月，我局制定印发了《2024年政务公开工作要点》，明确年度重点任务。"))
  quiet("TEXT.YEAR", with_text("2023年11月20日发布的《某某市政府信息公开规定》自今年起施行。"))
  -- a period, an event, a count, a year without its month are still last year's
  flags("TEXT.YEAR", with_text("2023年1月1日至12月31日，我局主动公开信息120条。"), "2024年", "2023年")
  flags("TEXT.YEAR", with_text("2023年3月，我局召开政务公开工作推进会。"), "2024年", "2023年")
  flags("TEXT.YEAR", with_text("2023年12月共收到政府信息公开申请5件。"), "2024年", "2023年")
  flags("TEXT.YEAR", with_text("2023年，我局印发了《政务公开工作要点》。"), "2024年", "2023年")
  flags("TEXT.YEAR", with_text("2023年12月，我局印发《工作要点》并主动公开政府信息120条。"), "2024年", "2023年")
  flags("TEXT.PERIOD", variant(function(t) t.preamble = "本报告统计期限为2023年1月1日至12月31日。" end), nil, "2023年1月1日至2023年12月31日")
end)

test("TEXT.REQUESTS reads applications still being handled as the carried-forward count", function()
  local s = "全年共收到政府信息公开申请30件，截至12月31日，已答复25件，5件正在办理中。"
  quiet("TEXT.REQUESTS", req_in(30, 0, 5, "依申请公开", s))
  flags("TEXT.REQUESTS", req_in(30, 0, 5, "依申请公开", s:gsub("5件正在", "6件正在")), 5, 6)
  quiet("TEXT.REQUESTS", req_in(30, 0, 2, "依申请公开", "全年共收到政府信息公开申请30件，办结28件，尚有2件在办理中。"))
end)
test("TEXT.REQUESTS reads 新收 in a breakdown of the applications handled", function()
  local s = "全年共办理政府信息公开申请30件（含上年结转2件），其中新收28件，已全部办结。"
  quiet("TEXT.REQUESTS", req_in(28, 2, 0, "依申请公开", s))
  flags("TEXT.REQUESTS", req_in(28, 2, 0, "依申请公开", s:gsub("新收28件", "新收27件")), 28, 27)
  -- the other parts of such a breakdown are still no total
  quiet("TEXT.REQUESTS", req_in(28, 2, 0, "依申请公开", "全年共办理政府信息公开申请30件，其中网上申请20件，信函申请10件。"))
end)
test("TEXT.REQUESTS reads 结转2026年 (without 至) as carried forward", function()
  local s = "全年共收到政府信息公开申请88件，上年结转4件，办结90件，结转2026年2件。"
  quiet("TEXT.REQUESTS", variant(function(t) t.year = 2025; requests(t, 88, 4, 2); overview_text(t, "依申请公开", s) end))
  flags("TEXT.REQUESTS", variant(function(t) t.year = 2025; requests(t, 88, 4, 2); overview_text(t, "依申请公开", s:gsub("2件。$", "3件。")) end), 2, 3)
end)

test("TEXT.FEES reads 未发生信息处理费收费情况 as none collected", function()
  local s = "按照《政府信息公开信息处理费管理办法》，本年度未发生信息处理费收费情况。"
  quiet("TEXT.FEES", fees(s, 0))
  flags("TEXT.FEES", fees(s, 200), 200, "未收取")
end)
-- table 四 with one review (or none) and results as given
local function appeals(review, direct)
  return function(t)
    t.appeals.review = { upheld = review[1], corrected = review[2], other = review[3], pending = review[4],
      total = review[1] + review[2] + review[3] + review[4] }
    direct = direct or { 0, 0, 0, 0 }
    t.appeals.litigation_direct = { upheld = direct[1], corrected = direct[2], other = direct[3], pending = direct[4],
      total = direct[1] + direct[2] + direct[3] + direct[4] }
  end
end
local function appeals_text(text, review, direct)
  return variant(function(t) appeals(review, direct)(t); overview_text(t, "依申请公开", text) end)
end
test("TEXT.APPEALS reads a result without a count as the result of every case counted before it", function()
  local s = "全年发生政府信息公开行政复议1件（结果维持）。"
  quiet("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 0, 1, 0, 0 }), 0, 1)
  s = "因政府信息公开申请引发行政复议案件1件，尚未审结。"
  quiet("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 1 }))
  flags("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 0 }), 0, 1)
  s = "全年行政复议2件，经审查，均维持原答复。"
  quiet("TEXT.APPEALS", appeals_text(s, { 2, 0, 0, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 1, 1, 0, 0 }), 1, 2)
  s = "全年因政府信息公开引发行政复议、行政诉讼各1件，结果均为维持。"
  quiet("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 0 }, { 1, 0, 0, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 0 }, { 0, 0, 1, 0 }), 0, 1)
  -- the rest, a part or a count of its own is no result of all of them
  quiet("TEXT.APPEALS", appeals_text("全年行政复议3件，纠正1件，其余维持。", { 2, 1, 0, 0 }))
  quiet("TEXT.APPEALS", appeals_text("全年行政复议3件，其中维持2件，部分纠正。", { 2, 1, 0, 0 }))
  quiet("TEXT.APPEALS", appeals_text("全年行政复议2件，法院判决维持1件。", { 1, 0, 0, 1 }))
end)
test("TEXT.APPEALS reads no result of all the cases when a stage of them is still pending", function()
  -- table 四 counts a case with a first-instance judgment and the appeal pending as 尚未审结
  local s = "全年发生政府信息公开行政诉讼1件，一审判决维持，二审尚在审理中。"
  quiet("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 0 }, { 0, 0, 0, 1 }))
  quiet("TEXT.APPEALS", appeals_text("全年发生政府信息公开行政诉讼1件，一审维持原答复二审正在审理。", { 0, 0, 0, 0 }, { 0, 0, 0, 1 }))
  quiet("TEXT.APPEALS", appeals_text("全年发生政府信息公开行政诉讼1件，一审判决维持，二审尚在审理。", { 0, 0, 0, 0 }, { 0, 0, 0, 1 }))
  quiet("TEXT.APPEALS", appeals_text("全年发生政府信息公开行政诉讼1件，一审判决驳回诉讼请求并维持，目前尚未结案。", { 0, 0, 0, 0 }, { 0, 0, 0, 1 }))
  flags("TEXT.APPEALS", appeals_text("全年发生政府信息公开行政诉讼2件，其中尚未结案1件。", { 0, 0, 0, 0 }, { 0, 0, 0, 2 }), 2, 1)
  -- a pending stage said first is read as pending; without pending words the result is read
  flags("TEXT.APPEALS", appeals_text("全年发生政府信息公开行政诉讼1件，二审尚在审理中，一审判决维持。",
    { 0, 0, 0, 0 }, { 1, 0, 0, 0 }), 0, 1)
  flags("TEXT.APPEALS", appeals_text("全年发生政府信息公开行政诉讼1件，一审判决维持。", { 0, 0, 0, 0 }, { 0, 0, 0, 1 }), 0, 1)
  -- pending words about another subject or after another count leave the result read
  flags("TEXT.APPEALS", appeals_text("全年行政复议2件，均维持原答复，另有行政诉讼正在审理中。", { 1, 1, 0, 0 }), 1, 2)
  flags("TEXT.APPEALS", appeals_text("全年行政复议2件，均维持原答复，行政诉讼1件尚未审结。", { 1, 1, 0, 0 }, { 0, 0, 0, 1 }), 1, 2)
end)

test("TEXT.APPEALS reads a statement that no case is pending (or corrected) as none, not as every case", function()
  for _, s in ipairs({ "全年因政府信息公开引发行政复议2件，目前无未审结案件。", "全年因政府信息公开引发行政复议2件，均已审结。",
      "全年因政府信息公开引发行政复议2件，无尚未审结的案件。", "全年因政府信息公开引发行政复议2件，没有未审结案件。" }) do
    quiet("TEXT.APPEALS", appeals_text(s, { 2, 0, 0, 0 }))
    flags("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 1 }), 1, 0)
  end
  local s = "全年因政府信息公开引发行政复议2件，其中1件尚未审结。"
  quiet("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 1 }))
  flags("TEXT.APPEALS", appeals_text(s, { 2, 0, 0, 0 }), 0, 1)
  s = "全年因政府信息公开被申请行政复议2件，均未被纠错。"
  quiet("TEXT.APPEALS", appeals_text(s, { 2, 0, 0, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 1, 1, 0, 0 }), 1, 0)
  -- "均已结案" after two totals is about both
  s = "全年共有政府信息公开行政诉讼案件1件、行政复议案件2件，均已结案。"
  quiet("TEXT.APPEALS", appeals_text(s, { 2, 0, 0, 0 }, { 1, 0, 0, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 1 }, { 1, 0, 0, 0 }), 1, 0)
  flags("TEXT.APPEALS", appeals_text(s, { 2, 0, 0, 0 }, { 0, 0, 0, 1 }), 1, 0)
  -- still read after a counted result: the pending case is of the total, not of 其中
  quiet("TEXT.APPEALS", appeals_text("全年行政复议3件，其中维持2件，1件尚未审结。", { 2, 0, 0, 1 }))
end)

test("TEXT.APPEALS reads 驳回诉讼请求N件 as a result, not as a count of litigation", function()
  local s = "因政府信息公开被提起行政诉讼2件，其中法院判决驳回诉讼请求1件，裁定驳回起诉1件。"
  quiet("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 0 }, { 1, 0, 1, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 0 }, { 1, 0, 1, 1 }), 3, 2)
end)

test("TEXT.APPEALS reads a case decided at first instance and pending at second as pending", function()
  local s = "因政府信息公开被提起行政诉讼1件，一审判决维持，原告已提起上诉，二审正在审理中。"
  quiet("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 0 }, { 0, 0, 0, 1 }))
  flags("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 0 }, { 1, 0, 0, 0 }), 0, 1)
end)

test("TEXT.APPEALS reads a suit against a review decision as a suit after review", function()
  local function r(after, direct)
    return function(text)
      return variant(function(t) appeals({ 0, 0, 0, 0 }, direct or { 0, 0, 0, 0 })(t)
        t.appeals.litigation_after_review = { upheld = after[1], corrected = after[2], other = after[3],
          pending = after[4], total = after[1] + after[2] + after[3] + after[4] }
        overview_text(t, "依申请公开", text) end)
    end
  end
  for _, s in ipairs({ "申请人不服复议决定提起行政诉讼1件，目前尚在审理中。",
      "申请人不服行政复议决定向法院提起行政诉讼1件，尚未审结。" }) do
    quiet("TEXT.APPEALS", r({ 0, 0, 0, 1 })(s))
    flags("TEXT.APPEALS", r({ 1, 0, 0, 0 })(s), 0, 1) -- the table says decided, the text pending
    flags("TEXT.APPEALS", r({ 0, 0, 0, 0 }, { 0, 0, 0, 1 })(s), 0, 1) -- counted as a direct suit
  end
  -- naming both without saying one led to the other is still no subject of its own
  quiet("TEXT.APPEALS", variant(function(t) appeals({ 0, 0, 0, 1 }, { 0, 0, 0, 1 })(t)
    overview_text(t, "依申请公开", "行政复议和行政诉讼各1件，均尚未审结。") end))
end)

test("TEXT.APPEALS reads a result after totals of the same count in clauses of their own as theirs", function()
  local s = "因政府信息公开被提起行政诉讼2件，其中未经复议直接起诉1件，复议后起诉1件，均尚未审结。"
  local function r(direct, after)
    return variant(function(t) appeals({ 0, 0, 0, 0 }, direct)(t)
      t.appeals.litigation_after_review = { upheld = after[1], corrected = after[2], other = after[3], pending = after[4], total = 1 }
      overview_text(t, "依申请公开", s) end)
  end
  quiet("TEXT.APPEALS", r({ 0, 0, 0, 1 }, { 0, 0, 0, 1 }))
  flags("TEXT.APPEALS", r({ 1, 0, 0, 0 }, { 0, 0, 0, 1 }), 0, 1)
  flags("TEXT.APPEALS", r({ 0, 0, 0, 1 }, { 1, 0, 0, 0 }), 0, 1)
  s = "全年因政府信息公开引发行政复议1件，行政诉讼1件，均维持原答复。"
  quiet("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 0 }, { 1, 0, 0, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 0, 1, 0, 0 }, { 1, 0, 0, 0 }), 0, 1)
end)

test("TEXT.APPEALS reads 行政复议、行政诉讼案件均为0件 as none of either", function()
  local s = "政府信息公开行政复议、行政诉讼案件均为0件。"
  quiet("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 0 }), 1, 0)
end)

test("TEXT.APPEALS reads 撤销、确认违法、责令 as 纠正 and 终止、撤回、调解、和解 as 其他结果", function()
  local s = "因政府信息公开被申请行政复议1件，复议机关决定撤销原答复、责令重新答复。"
  quiet("TEXT.APPEALS", appeals_text(s, { 0, 1, 0, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 0 }), 0, 1)
  s = "因政府信息公开被申请行政复议3件，其中复议维持2件，确认违法1件。"
  quiet("TEXT.APPEALS", appeals_text(s, { 2, 1, 0, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 2, 0, 1, 0 }), 0, 1)
  for _, s in ipairs({ "因政府信息公开申请引发行政复议1件，经复议机关调解，申请人撤回复议申请，复议终止。",
      "全年因政府信息公开被申请行政复议1件，双方达成和解，申请人撤回申请。" }) do
    quiet("TEXT.APPEALS", appeals_text(s, { 0, 0, 1, 0 }))
    flags("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 1 }), 0, 1)
  end
  -- what a rejected claim asked for is no result
  s = "因政府信息公开被提起行政诉讼1件，法院判决驳回原告要求撤销答复的诉讼请求。"
  quiet("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 0 }, { 1, 0, 0, 0 }))
  flags("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 0 }, { 1, 1, 0, 0 }), 2, 1)
end)

test("TEXT.APPEALS reads a result naming one of two subjects counted before as that one's", function()
  local s = "因政府信息公开申请被申请人提起行政复议1件、行政诉讼1件，其中行政复议已维持，行政诉讼尚在审理中。"
  quiet("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 0 }, { 0, 0, 0, 1 }))
  flags("TEXT.APPEALS", appeals_text(s, { 1, 0, 0, 0 }, { 1, 0, 0, 0 }), 0, 1)
  flags("TEXT.APPEALS", appeals_text(s, { 0, 0, 0, 1 }, { 0, 0, 0, 1 }), 0, 1)
end)

-- the corpus of the third round (tests/rules/corpus3, expect.lua): short reports in wordings of
-- county, township and department reports; a correct one has no finding, a faulty one is
-- flagged by its rule and no other
local function corpus(folder, least)
  local dir = (((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/" .. folder .. "/")
  local expect = dofile(dir .. "expect.lua")
  local names, correct, faulty = {}, 0, 0
  for name in pairs(expect) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local want = expect[name]
    local ids, seen = {}, false
    for _, f in ipairs(nb.check(assert(nb.load(dir .. name)))) do
      if f.severity == "error" or f.severity == "warning" then
        ids[#ids + 1] = f.id
        if f.id == want then seen = true end
      end
    end
    if want then
      faulty = faulty + 1
      assert(seen, name .. ": " .. want .. " is quiet (" .. table.concat(ids, " ") .. ")")
      for _, id in ipairs(ids) do assert(id == want, name .. ": also " .. id) end
    else
      correct = correct + 1
      assert(#ids == 0, name .. ": " .. table.concat(ids, " "))
    end
  end
  assert(correct >= least and faulty >= least, correct .. " correct, " .. faulty .. " faulty")
end
test("the third round's corpus: no finding on the correct reports, the one expected on the faulty", function()
  corpus("corpus3", 30)
end)
-- the fourth round's (tests/rules/corpus4): appeals (维持, 纠正, 撤销, 确认违法, 驳回, 调解, 和解,
-- 终止, 尚未审结, 一审/二审) and fees in county and department wordings, each correct report
-- with a faulty twin (a table 四 or fee data that disagrees, or a count of the text changed)
test("the fourth round's corpus: appeals and fees", function() corpus("corpus4", 45) end)

test("TEXT.FEES reads the amount in the clause after 收取 that starts with 金额 or 共计", function()
  local s = "本年度对超出一定数量的申请按标准收取信息处理费，金额共计0.05万元。"
  quiet("TEXT.FEES", fees(s, 500))
  flags("TEXT.FEES", fees(s, 800), 800, 500)
  -- an amount of something else after a word of none is not the fee's
  quiet("TEXT.FEES", fees("本年度未收取信息处理费，全年印制公开指南支出300元。", 0))
end)
test("TEXT.FEES reads 收费金额为0元 as none collected", function()
  local s = "本年度信息处理费收费金额为0元。"
  quiet("TEXT.FEES", fees(s, 0))
  flags("TEXT.FEES", fees(s, 300), 300, "未收取")
end)
test("TEXT.FEES compares an amount after the fee's name without 收取, not one of other charges", function()
  for _, s in ipairs({ "本年度收费金额为0.03万元。", "本年度信息处理费金额0.03万元。", "本年度信息处理费：0.03万元（向1名申请人收取）。",
      "全年共收费2笔，合计300元。" }) do
    quiet("TEXT.FEES", fees(s, 300))
    flags("TEXT.FEES", fees(s, 500), 500, 300)
  end
  -- amounts of other charges, of a notice unpaid or of a waiver are no fee collected
  for _, s in ipairs({ "本年度未收取信息处理费。全年公开行政事业性收费项目12项，收费金额合计35.6万元。",
      "本年度未收取信息处理费。本局公开全县收费目录清单，全年收取行政事业性收费共计128万元。",
      "本年度未收取信息处理费。全年保障办案经费收费0.5万元。",
      "本年度未收取信息处理费；政务服务大厅复印服务收费0.2万元已上缴财政。",
      "本年度对1名困难申请人减免信息处理费0.01万元，未收取其他费用。" }) do
    quiet("TEXT.FEES", fees(s, 0))
    flags("TEXT.FEES", fees(s, 200), 200, "未收取")
  end
  quiet("TEXT.FEES", variant(function(t)
    t.other_matters = "本年度发出收费通知1件，涉及信息处理费0.05万元，申请人逾期未缴纳。"
    t.processing_fees = { notices = 1, notified = 500, collected = 0 }
    t.requests.other.no_fee_payment = row(1)
  end))
end)
test("TEXT.REQUESTS reads a count after a parenthesis as the count of the clause before it", function()
  local s = "2024年，共收到各类政府信息公开申请（含转办）21件，均已按期答复。"
  quiet("TEXT.REQUESTS", req_text(21, s))
  flags("TEXT.REQUESTS", req_text(23, s), 23, 21)
  -- a parenthesis with a count of its own is read as before
  quiet("TEXT.REQUESTS", req_in(28, 2, 0, "依申请公开", "全年共办理政府信息公开申请30件（含上年结转2件），已全部办结。"))
end)

-- helpers ---------------------------------------------------------------------
local R = require "nianbao.rules"
test("nianbao.rules helpers read Chinese numerals and normalise", function()
  assert(R.cn_int("十二") == 12 and R.cn_int("一百零五") == 105 and R.cn_int("两") == 2 and R.cn_int("二十一") == 21)
  assert(R.normalize("共 3,119 件，两件") == "共3119件,2件", R.normalize("共 3,119 件，两件"))
  assert(R.first_count("答复3050件(含") == 3050)
  assert(R.first_count("占51.85%") == nil)
end)
test("nianbao.rules each_sentence visits every normalized sentence with its part", function()
  local r = variant(function(t) t.other_matters = "一是 3 件。二是两件！" end)
  local got = {}
  R.each_sentence(r, function(sentence, part) if part.section == "六" then got[#got + 1] = sentence end end)
  assert(#got == 2 and got[1] == "一是3件" and got[2] == "二是2件", table.concat(got, "|"))
end)
test("nianbao.rules each_part hands the parts read-only, the same to every rule", function()
  local r = variant(function(t) t.other_matters = "一是 3 件。二是两件！" end)
  local n, seen = 0, nil
  R.each_part(r, function(part, sentences)
    n = n + 1
    local want = R.sentences(R.normalize(part.text))
    assert(#sentences == #want and sentences[1] == want[1], part.label)
    if part.section == "六" then seen = part end
    -- a rule that changes a part would change what the next rule reads
    assert(not pcall(function() part.label = "改" end), "part is writable")
    local keys = {}
    for k in pairs(part) do keys[#keys + 1] = k end
    table.sort(keys)
    assert(table.concat(keys, ",") == (part.heading and "heading,label,section,text" or "label,section,text"),
      table.concat(keys, ","))
  end)
  assert(n == #R.narratives(r) and seen and seen.label == "其他需要报告的事项")
  R.each_sentence(r, function(_, part) if part.section == "六" then assert(part == seen) end end)
end)

os.exit(tally.finish())
