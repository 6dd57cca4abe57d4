-- False positives of the narrative rules (TEXT.*): sentences of the real reports (../shared)
-- reworded as a writer in another county would word them, each consistent with the report's
-- tables, must add no TEXT.* finding; the same sentences with a count that contradicts a
-- table must still be found. One edit at a time, against the unmodified report's findings.
-- Run: nianbao run tests/rules/falsepos.lua (FALSEPOS_PROBE=1 prints every new finding)
local nb = require "nianbao"
local imp = require "nianbao.import"
local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally(io.stderr)
local ok = tally.ok
local PROBE = os.getenv("FALSEPOS_PROBE")

local FILES = {
  pt2024 = "../shared/real-reports/08-pingtan-zone-2024.html",
  pt2025 = "../shared/real-reports/10-pingtan-zone-2025.html",
  huaian = "../shared/real-reports/01-huaian-city-gov-2024.txt",
}
local plain = {}
local function copy(v)
  if type(v) ~= "table" then return v end
  local out = {}
  for k, x in pairs(v) do out[k] = copy(x) end
  return out
end
local function fresh(key)
  if not plain[key] then plain[key] = assert(imp.import(T.read(FILES[key]), FILES[key])) end
  return copy(plain[key])
end

-- t with the one place where the narrative says `from` saying `to` instead
local function say(t, from, to)
  local fields, hits = {}, 0
  for _, item in ipairs(t.overview or {}) do fields[#fields + 1] = { item, "text" } end
  for _, k in ipairs({ "problems", "improvements", "other_matters" }) do
    if t[k] then fields[#fields + 1] = { t, k } end
  end
  for _, f in ipairs(fields) do
    local s = f[1][f[2]]
    local i = s:find(from, 1, true)
    if i then
      hits = hits + 1
      f[1][f[2]] = s:sub(1, i - 1) .. to .. s:sub(i + #from)
    end
  end
  assert(hits == 1, "the narrative says " .. from .. " in " .. hits .. " places")
end

-- 淮安's text puts spaces around its numbers ("3119 件"); a variant written without them
-- leaves the spaces elsewhere a style finding of its own (right: the report mixes both)
local IGNORE = { huaian = { ["TEXT.STYLE"] = true } }
local function text_findings(t, name)
  local out = {}
  for _, f in ipairs(nb.check(assert(nb.view(t, name)))) do
    if tostring(f.id):find("^TEXT%.") and not (IGNORE[name] or {})[f.id] then out[#out + 1] = f end
  end
  return out
end
-- (not the found value: TEXT.STYLE quotes the text, which an edit of the paragraph changes)
local function key_of(f) return string.format("%s/%s/%s/%s", f.id, tostring(f.section), tostring(f.row), tostring(f.column)) end
local clean = {} -- file -> key -> count of the unmodified report's findings
local function new_findings(file, from, to)
  if not clean[file] then
    clean[file] = {}
    for _, f in ipairs(text_findings(fresh(file), file)) do clean[file][key_of(f)] = (clean[file][key_of(f)] or 0) + 1 end
  end
  local t = fresh(file)
  say(t, from, to)
  local seen, out = {}, {}
  for _, f in ipairs(text_findings(t, file)) do
    local k = key_of(f)
    seen[k] = (seen[k] or 0) + 1
    if seen[k] > (clean[file][k] or 0) then out[#out + 1] = f end
  end
  if PROBE then
    for _, f in ipairs(out) do io.stderr:write("  ", to, ": ", key_of(f), " found ", tostring(f.found), " ", tostring(f.message), "\n") end
  end
  return out
end

local right, wrong, fp, missed = 0, 0, 0, 0
--- A correct wording: no new TEXT.* finding.
local function right_(file, from, to)
  right = right + 1
  local new = new_findings(file, from, to)
  if #new > 0 then fp = fp + 1 end
  ok(#new == 0, string.format("%s: correct wording raised %s (found %s): %s", file, #new > 0 and key_of(new[1]) or "", #new > 0 and tostring(new[1].found) or "", to), 2)
end
--- A wrong count: a new finding of rule id (with found, when given).
local function wrong_(file, from, to, id, found)
  wrong = wrong + 1
  local hit = false
  for _, f in ipairs(new_findings(file, from, to)) do
    if f.id == id and (found == nil or tostring(f.found) == tostring(found)) then hit = true end
  end
  if not hit then missed = missed + 1 end
  ok(hit, string.format("%s: wrong count not found by %s (found %s): %s", file, id, tostring(found), to), 2)
end

---------------------------------------------------------------------------------------------
-- 平潭 2025: 表三 new 154 (自然人151, 法人3), carried over 0, done 148, forward 6, 予以公开33,
-- 部分公开38, other.no_fee_payment 2; 表四 复议36 (维持25 纠正3 其他8), 诉讼9 (直接起诉6:
-- 维持3 纠正3; 复议后起诉3: 维持3); 表二 规范性文件 58/45/546, 许可2418 处罚644 强制64
local P = "pt2025"
local REQ = "2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。"
local function req(to) right_(P, REQ, to) end
req("2025年，全区共收到政府信息公开申请一百五十四件，办结一百四十八件，结转至2026年六件。")
req("２０２５年，全区共收到政府信息公开申请１５４件，共办结１４８件，结转至２０２６年６件。")
req("2025年，全区共受理政府信息公开申请154件，同比增加12件，办结148件，按时办结率100%，另有6件结转下年度办理。")
req("2025年，全区共计收到政府信息公开申请154件，其中自然人申请151件、法人或其他组织申请3件；已办结148件，其余6件正在办理中。")
req("2025年1月1日至12月31日，全区共收到政府信息公开申请154件，较上年减少64件，下降29.4%。")
req("2025年，全区新收政府信息公开申请154件，上年结转0件，办结148件，结转下年度6件。")
req("2025年，全区累计收到政府信息公开申请154件，共办结148件，6件结转至2026年继续办理。")
req("2025年，全区通过网络平台、信函、当面等渠道共收到政府信息公开申请154件，其中网上申请120件，信函申请30件，当面申请4件；共办结148件。")
req("2025年，全区共收到政府信息公开申请154件，合计办结148件，结转至2026年6件，未收到申请人投诉。")
req("2025年，全区总计收到政府信息公开申请154件，其中予以公开33件，部分公开38件，共办结148件。")
req("2025年，全区共收到政府信息公开申请154件（其中自然人151件，法人或其他组织3件），共办结148件，结转至2026年6件。")
req("2025年，全区受理政府信息公开申请154件，办结148件，办结率96.1%，结转至2026年6件。")
req("2025年，全区共收到政府信息公开申请154件，比2024年的218件减少64件，共办结148件。")
req("2025年，全区共收到政府信息公开申请154件，同比下降29.36%，共办结148件，结转至2026年6件。")
req("2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件；另通过12345政务服务便民热线办理群众诉求2365件，办结率99.8%。")
req("2025年，全区共收到政府信息公开申请154件（咨询电话0591-24336789），共办结148件，结转至2026年6件。")
req("2025年，全区共收到政府信息公开申请154件，经告知补正后受理8件，申请人撤回2件，共办结148件。")
req("2025年，全区各单位共收到政府信息公开申请154件，其中区自然资源局47件、区住建局35件、区市场监管局21件，共办结148件。")
req("2025年，全区依据《平潭综合实验区政府信息公开申请办理规范》（岚综管办〔2024〕12号）共收到政府信息公开申请154件，共办结148件，结转至2026年6件。")
req("2025年，全区共收到政府信息公开申请154件，平均答复时间为8个工作日，共办结148件。")
req("截至2025年12月31日，全区共收到政府信息公开申请154件，已答复148件，尚有6件未到答复期限，结转至2026年办理。")
req("2025年，全区共收到政府信息公开申请154件，涉及征地拆迁类申请62件、规划建设类申请41件，共办结148件。")
req("2025年，全区共收到政府信息公开申请154件，申请数量较2024年下降29.4%，共办结148件，其中按期办结148件。")
req("2025年，全区共收到政府信息公开申请154件，办结148件，其中答复予以公开33件、部分公开38件。")
req("2025年，全区依法受理政府信息公开申请154件，依法答复148件，答复率达到96.1%，结转至2026年6件。")
req("2025年，全区共收到政府信息公开申请154件，共有15个单位收到申请，共办结148件。")
req("2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件，办理过程中与申请人电话沟通320次。")
req("2025年，全区召开依申请公开工作会商会议12次，共收到政府信息公开申请154件，共办结148件，结转至2026年6件。")
req("2025年，全区开展依申请公开业务培训3次，共收到政府信息公开申请154件，共办结148件，结转至2026年6件。")
req("2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件，未收到科研机构、社会公益组织提出的申请。")
req("2025年，全区共收到政府信息公开申请154件，予以公开33件，占已办结申请的22.3%；部分公开38件，占25.68%，结转至2026年6件。")
req("2025年，全区共收到政府信息公开申请154件，其中自然人提出151件，占98.05%，共办结148件。")
req("2025年，全区共收到政府信息公开申请154件，办结148件，予以公开和部分公开共71件，占办结总数的47.97%。")
req("2025年，全区共收到政府信息公开申请154件，办结148件，其中予以公开33件、部分公开38件，合计占办结总数的48.0%。")
req("2025年，全区共收到政府信息公开申请154件，共办结148件，因申请人逾期未缴纳信息处理费终止办理2件，结转至2026年6件。")
req("2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件，收到申请最多的是区自然资源局，共47件。")
req("2025年，全区共收到政府信息公开申请约150件，共办结148件，结转至2026年6件。")
req("2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件，全年未发生因依申请公开答复引发的投诉。")
req("2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件，办理中向申请人发出补正告知书9份、延期答复告知书4份。")
req("2025年，全区共收到政府信息公开申请154件，较上年的218件下降29.4%；共办结148件，结转至2026年6件。")
req("2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件，全年办理依申请公开事项平均用时9.5个工作日。")
req("2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件，其中涉及2个以上部门的申请18件。")

local APL = "全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。"
local function apl(to) right_(P, APL, to) end
apl("全年办理因政府信息公开申请引发的行政复议三十六起，行政诉讼九起。")
apl("全年因政府信息公开申请引发行政复议36起，其中维持25起、纠正3起、其他结果8起；行政诉讼9起，其中未经复议直接起诉6起、复议后起诉3起。")
apl("全年发生政府信息公开行政复议36件，较上年增加29件；行政诉讼9件，较上年减少10件。")
apl("全年办理因政府信息公开申请引发的行政复议36起，被纠错3起，纠错率8.3%；行政诉讼9起。")
apl("全年办理因政府信息公开申请引发的行政复议36起，均已审结；行政诉讼9起，均已审结。")
apl("全年办理因政府信息公开申请引发的行政复议、行政诉讼共45起，其中行政复议36起，行政诉讼9起。")
apl("全年办理因政府信息公开申请引发的行政复议36起（其中维持25起，纠正3起），行政诉讼9起，法院判决驳回原告诉讼请求6起。")
apl("全年办理因政府信息公开申请引发的行政复议36起（同比增长414%），行政诉讼9起（同比下降52.6%）。")
apl("全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起，涉及申请人21人。")
apl("全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起，另公开行政复议决定书120份。")
apl("2025年1月至12月，全区办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。")
apl("全年办理因政府信息公开申请引发的行政复议36起，其中结果维持25起、结果纠正3起、其他结果8起，无尚未审结案件；行政诉讼9起，其中结果维持6起、结果纠正3起。")
apl("全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起，复议纠错率8.33%，诉讼败诉率33.3%。")
apl("全年办理政府信息公开行政复议36起，被复议机关维持25起，责令重新答复3起；行政诉讼9起。")
apl("全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起，分别占申请总数的23.4%和5.8%。")
apl("全年办理因政府信息公开申请引发的行政复议36起、行政诉讼9起，合计45起。")
apl("全年共发生政府信息公开行政复议案件36件、行政诉讼案件9件，复议和诉讼数量较2024年分别增加29件、减少10件。")
apl("全年办理因政府信息公开申请引发的行政复议36起，其中维持原答复25起；行政诉讼9起，其中直接起诉6起，经复议后起诉3起。")
apl("全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起，出庭应诉率100%。")

local FEE = "2025年，无收取信息处理费情况。"
local function fee(to) right_(P, FEE, to) end
fee("2025年，全区未收取信息处理费。")
fee("2025年，全区共发出收费通知2件，收取信息处理费0元。")
fee("2025年，全区发出收费通知书2件，申请人均未在规定期限内缴纳，收取信息处理费0元。")
fee("2025年，全区信息处理费收费金额为0元。")
fee("2025年，全区收取信息处理费：0元。")
fee("2025年，全区依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），发出收费通知2件，实际收取信息处理费0元。")
fee("本年度全区无收取信息处理费情况，共发出收费通知2件。")
fee("2025年，全区共向申请人发出收费通知２件，未收取信息处理费。")
fee("2025年，全区政府信息公开信息处理费收取金额为0元，发出收费通知2份。")
fee("2025年，全区收取信息处理费零元。")
fee("2025年，全区发出收费通知两件，因申请人逾期未缴费终止办理，未收取信息处理费。")

local PUB = "有效保障群众知情权、监督权。"
local function pub(to) right_(P, PUB, "有效保障群众知情权、监督权。" .. to) end
pub("全年制发行政规范性文件五十八件，废止四十五件，现行有效五百四十六件。")
pub("全年印发行政规范性文件58件，较上年增加6件。")
pub("全年作出行政许可决定2418件、行政处罚决定644件、行政强制64件。")
pub("全年公开行政许可信息2418条、行政处罚信息644条。")
pub("全年通过“信用中国（福建平潭）”公示行政许可2418件，行政处罚644件，公示率100%。")
pub("对现行有效的546件行政规范性文件进行全面清理，废止45件。")
pub("全年共制定行政规范性文件58件，其中以管委会名义印发32件、以管委会办公室名义印发26件。")
pub("全年办理行政许可事项2418件，办结率100%。")
pub("本年度未制定规章，印发行政规范性文件58件。")
pub("依法公开行政处罚决定644件，其中简易程序处罚120件。")
pub("全年主动公开行政处罚案件信息644条，涉及罚没款1280.5万元。")
pub("全年受理行政许可申请2450件，办结2418件。")
pub("全年共发布规范性文件解读58篇。")
pub("全年行政处罚644件，同比下降43.5%；行政强制64件。")
pub("全年新制发规范性文件58件，截至2025年底现行有效规范性文件546件。")
pub("全年行政许可2418件（含变更、延续），行政处罚644件（含简易程序），行政强制64件。")
pub("对2018年以来制发的行政规范性文件开展清理，废止45件，宣布失效12件。")
pub("全年通过“12345”政务服务便民热线受理群众诉求3256件，办结3250件。")
pub("全年办理人大代表建议45件、政协委员提案62件，办复率100%。")
pub("全年受理网民留言1256条，已全部办结。")
pub("全年在政务微博发布信息1350条，举办新闻发布会24场，开展政务公开培训5次、培训680人次。")
pub("全年收到政府信息公开申请咨询电话320次，均耐心解答。")
pub("全年开展行政执法“双公示”，公示行政许可2418件、行政处罚644件。")
pub("全年公开行政处罚决定644件，较上年减少456件，行政许可2418件，较上年减少2111件。")
pub("全年制发行政规范性文件58件（岚综管〔2025〕1号至58号），均按规定在政府网站公开。")
pub("全年行政处罚644件，罚款金额合计356.2万元。")
pub("全年举办政府开放日活动6次，邀请群众代表120人次参与。")
pub("全年接收群众来信来访48件，均按期办结。")

---------------------------------------------------------------------------------------------
-- 淮安 2024: 表三 new 3119 (自然人3001), carried over 34, done 3050, forward 103; 复议351, 诉讼46
local H = "huaian"
local HREQ = "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。"
local function hreq(to) right_(H, HREQ, to) end
hreq("2024年，全市共受理政府信息公开申请3119件，上年结转34件，共办理3153件，已答复3050件，结转下年度103件。")
hreq("2024年，全市共受理政府信息公开申请三千一百一十九件，答复三千零五十件（含上年度结转申请三十四件，另有一百零三件顺延到下年度答复）。")
hreq("2024年，全市新收政府信息公开申请3119件，加上上年结转34件，共计3153件，答复3050件，另有103件顺延到下年度答复。")
hreq("2024年，全市共受理政府信息公开申请3119件，其中自然人申请3001件、法人或其他组织申请118件，答复3050件，103件结转下年度。")
hreq("2024年，全市共受理政府信息公开申请3119件，同比增长8.6%，答复3050件，均在法定期限内予以答复。")
hreq("2024年，全市共受理政府信息公开申请3119件，已办结3050件，其中本年度新收申请办结3016件。")
hreq("2024年，全市共受理政府信息公开申请3119件，答复3050件，另有103件正在办理中。")

---------------------------------------------------------------------------------------------
-- 平潭 2024: 表三 new 218, done 218, nothing carried; 复议7 (维持2 纠正1 其他3 未审结1),
-- 诉讼19 (all after review: 维持13 纠正2 其他4)
local Q = "pt2024"
local QREQ = "全年办理政府信息公开申请218件。"
local function qreq(to) right_(Q, QREQ, to) end
qreq("全年共收到政府信息公开申请218件，均已按期办结，办结率100%。")
qreq("全年办理政府信息公开申请218件，全部在法定期限内答复，无结转下年度申请。")
qreq("全年办理政府信息公开申请218件，其中予以公开71件、部分公开29件，不予公开、无法提供、不予处理等118件。")
qreq("全年办理政府信息公开申请218件，同比增长21.1%，申请量连续3年增长。")
qreq("全年办理政府信息公开申请218件，较2023年的180件增加38件。")
qreq("全年办理政府信息公开申请218件，其中12345转办申请15件。")
qreq("全年办理政府信息公开申请218件，涉及申请人163人，其中同一申请人提出申请10件以上的有3人。")
qreq("全年办理政府信息公开申请218件，平均每月18件。")
qreq("全年办理政府信息公开申请218件，单月最高收到申请32件。")
qreq("全年办理政府信息公开申请218件，其中第四季度收到申请71件。")
qreq("全年办理政府信息公开申请二百一十八件，答复二百一十八件，结转下年度0件。")
qreq("全年办理政府信息公开申请218件，其中通过政府网站在线提交156件、信函邮寄47件、当面提交15件。")
qreq("全年办理政府信息公开申请218件，发出补正告知书12份、延期答复告知书5份。")
qreq("全年办理政府信息公开申请218件，与2023年相比增加38件，增幅21.1%。")
qreq("全年办理政府信息公开申请218件。全年发生政府信息公开行政复议7件，其中维持2件、纠正1件、其他结果3件、尚未审结1件；行政诉讼19件，均为复议后起诉。")
qreq("全年办理政府信息公开申请218件。因政府信息公开引发行政复议7件、行政诉讼19件，行政复议纠错率14.3%。")
qreq("全年办理政府信息公开申请218件。因政府信息公开申请引发行政复议7件（1件尚在审理），行政诉讼19件。")
qreq("全年办理政府信息公开申请218件。政府信息公开行政复议案件7件，较2023年增加2件；行政诉讼案件19件。")
qreq("全年办理政府信息公开申请218件。政府信息公开行政诉讼中，无未经复议直接起诉的案件，复议后起诉19件。")
qreq("全年办理政府信息公开申请218件，答复期限平均为11个工作日，较法定期限缩短9个工作日。")
qreq("全年办理政府信息公开申请218件，对其中25件涉及第三方权益的申请，依法书面征求第三方意见。")

-- the period and the year: dates of the report year, last year named for comparison or a document
local DATES = "2025年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导，"
local function dates(to) right_(P, DATES, to .. DATES) end
dates("本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。")
dates("本报告统计时限为2025年1月1日至12月31日。")
dates("对照2024年度报告中指出的3个问题，已全部整改到位。")
dates("2024年结转的申请已于2025年全部办结。")
dates("与2024年相比，全区政府信息公开申请减少64件。")
dates("2024年12月印发的《平潭综合实验区政务公开工作要点》明确了12项重点任务。")

---------------------------------------------------------------------------------------------
-- Wrong counts: each still found
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请145件，共办结148件，结转至2026年6件。", "TEXT.REQUESTS", 145)
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请154件，共办结一百四十六件，结转至2026年6件。", "TEXT.REQUESTS", 146)
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年8件。", "TEXT.REQUESTS", 8)
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请154件，其中自然人150件、法人或其他组织4件，共办结148件。", "TEXT.REQUESTS", 150)
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请１４５件，共办结148件。", "TEXT.REQUESTS", 145)
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请145件，同比增加12件，共办结148件。", "TEXT.REQUESTS", 145)
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请145件，共办结148件；另通过12345热线办理群众诉求2365件。", "TEXT.REQUESTS", 145)
wrong_(P, REQ, "2025年，全区召开依申请公开工作会商会议12次，共收到政府信息公开申请145件，共办结148件。", "TEXT.REQUESTS", 145)
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请154件，共办结148件，办理过程中与申请人电话沟通320次，其余8件正在办理中。", "TEXT.REQUESTS", 8)
wrong_(P, REQ, "2025年，全区未收到政府信息公开申请。", "TEXT.REQUESTS", 0)
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请154件，予以公开33件，占25.3%。", "TEXT.SHARES")
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请154件，共办结148件，尚有8件未到答复期限。", "TEXT.REQUESTS", 8)
wrong_(P, APL, "全年办理因政府信息公开申请引发的行政复议三十九起，行政诉讼九起。", "TEXT.APPEALS", 39)
wrong_(P, APL, "全年办理因政府信息公开申请引发的行政复议36起，行政诉讼12起。", "TEXT.APPEALS", 12)
wrong_(P, APL, "全年因政府信息公开申请引发行政复议36起，其中维持24起、纠正3起；行政诉讼9起。", "TEXT.APPEALS", 24)
wrong_(P, APL, "全年办理因政府信息公开申请引发的行政复议、行政诉讼共40起。", "TEXT.APPEALS", 40)
wrong_(P, APL, "全年办理因政府信息公开申请引发的行政复议36起，其中纠正5起；行政诉讼9起。", "TEXT.APPEALS", 5)
wrong_(P, FEE, "2025年，全区共发出收费通知1件，未收取信息处理费。", "TEXT.FEES", 1)
wrong_(P, FEE, "2025年，全区收取信息处理费100元。", "TEXT.FEES")
wrong_(P, PUB, PUB .. "全年制发行政规范性文件85件。", "TEXT.PROACTIVE", 85)
wrong_(P, PUB, PUB .. "全年作出行政许可决定2481件、行政处罚决定644件。", "TEXT.PROACTIVE", 2481)
wrong_(P, PUB, PUB .. "全年作出行政许可决定2418件、行政处罚决定464件。", "TEXT.PROACTIVE", 464)
wrong_(P, PUB, PUB .. "截至2025年底现行有效行政规范性文件564件。", "TEXT.PROACTIVE", 564)
wrong_(H, HREQ, "2024年，全市共受理政府信息公开申请3119件，上年结转43件，答复3050件。", "TEXT.REQUESTS", 43)
wrong_(H, HREQ, "2024年，全市共受理政府信息公开申请3119件，其中自然人申请3010件，答复3050件。", "TEXT.REQUESTS", 3010)
wrong_(P, REQ, "2025年，全区共有15个单位收到政府信息公开申请145件，共办结148件。", "TEXT.REQUESTS", 145)
wrong_(P, REQ, "2025年，全区未收到公民、法人或其他组织提出的政府信息公开申请。", "TEXT.REQUESTS", 0)
wrong_(P, REQ, "2025年，全区共收到政府信息公开申请154件，办结148件，其中予以公开33件、部分公开38件，合计占40.0%。", "TEXT.SHARES")
wrong_(P, APL, "全年办理因政府信息公开申请引发的行政复议36起，其中维持原答复24起；行政诉讼9起。", "TEXT.APPEALS", 24)
wrong_(Q, QREQ, "全年办理政府信息公开申请228件，单月最高收到申请32件。", "TEXT.REQUESTS", 228)
wrong_(P, DATES, "2024年印发行政规范性文件58件。" .. DATES, "TEXT.YEAR")
wrong_(P, DATES, "本报告所列数据的统计期限自2025年1月1日起至2025年11月30日止。" .. DATES, "TEXT.PERIOD")

io.stderr:write(string.format("falsepos: %d correct wordings (%d raised a finding), %d wrong counts (%d missed)\n",
  right, fp, wrong, missed))
os.exit(tally.finish())
