-- The reviewer's helper modules: cells, csv, xlsx column names, agency names, exact sums,
-- and compare on the seed.
local T = ...
local nb = require "nianbao"
local cells = require "nianbao.cells"
local csv = require "nianbao.csv"
local xlsx = require "nianbao.xlsx"
local agg = require "nianbao.aggregate"
local compare = require "nianbao.compare"

local tests = {}

function tests.every_cell_once_with_its_label()
  local list = cells.list()
  -- table 二: 2 rows x 3 + 4 single cells; table 三: 25 rows x 7; table 四: 3 groups x 5
  T.eq(#list, 10 + 25 * 7 + 15, "number of cells")
  local ids, labels = {}, {}
  for _, c in ipairs(list) do
    T.ok(not ids[c.id], "cell id repeated: " .. c.id)
    T.ok(not labels[c.label], "label repeated: " .. c.label)
    ids[c.id], labels[c.label] = true, true
  end
  local seed = T.load_seed()
  for _, c in ipairs(list) do T.ok(type(cells.get(seed, c)) == "number", "seed cell " .. c.id) end
  T.ok(labels["表三 （三）不予公开 1.属于国家秘密 自然人"], "table 三 label with its group")
  T.ok(labels["表四 行政诉讼 未经复议直接起诉 结果维持"], "table 四 label")
end

-- The key figure 诉讼 adds both kinds of suit; with either total blank it is blank, not the
-- other alone (which compare would show as a drop that never happened)
function tests.litigation_key_figure_needs_both_parts()
  local by_key = {}
  for _, k in ipairs(cells.KEY) do by_key[k.key] = k end
  local r = T.load_seed():copy()
  r.appeals.litigation_direct.total, r.appeals.litigation_after_review.total = 5, 7
  T.eq(by_key.litigation.get(assert(nb.view(r))), 12, "both parts")
  r.appeals.litigation_after_review.total = nb.BLANK
  T.eq(by_key.litigation.get(assert(nb.view(r))), nil, "one part blank")
  T.eq(by_key.review.get(assert(nb.view(r))), 0, "复议 unaffected")
end

-- f.fingerprint of a finding of nb.check is the one check prints and a review names
function tests.findings_carry_their_fingerprint()
  local r = T.load_seed():copy()
  r.overview[1].text = r.overview[1].text:gsub("认真贯彻落实", "认真贯彻,落实")
  local findings = nb.check(assert(nb.view(r)))
  T.ok(#findings > 0, "a finding")
  local review = require "nianbao.review"
  for _, f in ipairs(findings) do
    T.ok(type(f.fingerprint) == "string" and f.fingerprint:find("^" .. f.id:gsub("%.", "%%.") .. "[@#]"),
      "fingerprint of " .. f.id .. ": " .. tostring(f.fingerprint))
    T.eq(f.fingerprint, review.fingerprint(f), "the same as review.fingerprint")
    T.eq(f.fingerprint, review.compute_fingerprint(f), "computed from the fields")
  end
end

function tests.csv_fields()
  T.eq(csv.field("a,b"), '"a,b"')
  T.eq(csv.field('说"明'), '"说""明"')
  T.eq(csv.field("两行\n文字"), '"两行\n文字"')
  T.eq(csv.field(nil), "")
  T.eq(csv.field(nb.BLANK), "")
  T.eq(csv.field(12), "12")
  T.eq(csv.field(0.5), "0.5")
  T.eq(csv.field(-3), "-3")
  T.eq(csv.field("=1+1"), "'=1+1")
  T.eq(csv.field("-19.5"), "-19.5") -- a number as text is no formula
  T.eq(csv.field("-1+cmd"), "'-1+cmd")
  T.eq(csv.field("-"), "'-")
  T.eq(csv.row({ 1, nil, "x" }, 3), "1,,x\r\n")
end

function tests.xlsx_column_names()
  T.eq(xlsx.column_name(1), "A")
  T.eq(xlsx.column_name(26), "Z")
  T.eq(xlsx.column_name(27), "AA")
  T.eq(xlsx.column_name(213), "HE")
  T.eq(xlsx.column_name(703), "AAA")
end

function tests.agency_names_compare_without_spaces_and_traditional_forms()
  T.eq(cells.agency_key("平潭 綜合實驗區"), cells.agency_key("平潭综合实验区"))
  T.eq(cells.agency_key("延津縣　商務局"), cells.agency_key("延津县商务局"))
  T.ok(cells.agency_key("延津县商务局") ~= cells.agency_key("延津县民政局"), "different agencies stay different")
end

function tests.fees_are_summed_exactly()
  local a, b, c = T.load_seed():copy(), T.load_seed():copy(), T.load_seed():copy()
  a.proactive.fees, b.proactive.fees, c.proactive.fees = 0.1, 0.2, 1234.5678
  local sums = agg.sum({ assert(nb.view(a)), assert(nb.view(b)), assert(nb.view(c)) })
  T.eq(sums["proactive.fees"], 1234.8678, "0.1 + 0.2 + 1234.5678")
  T.eq(nb.format_number(sums["proactive.fees"]), "1234.8678")
end

function tests.compare_a_report_with_a_changed_copy()
  local old = T.load_seed()
  local copy = old:copy()
  copy.requests.new = { 2, 1, 0, 0, 0, 0, 3 }
  copy.requests.total = { 2, 1, 0, 0, 0, 0, 3 }
  copy.requests.disclosed = { 2, 1, 0, 0, 0, 0, 3 }
  local res = compare.compare(old, assert(nb.view(copy)))
  local changed = {}
  for _, c in ipairs(res.cells) do changed[c.id] = c end
  T.eq(#res.cells, 9, "three rows, three cells each")
  T.eq(changed["requests.new.7"].change, 3)
  T.eq(changed["requests.new.7"].percent, nil, "no percent from 0")
  -- every narrative paragraph of the seed is repeated by its copy
  T.ok(#res.identical > 0, "identical paragraphs found")
  local same = compare.compare(old, old)
  T.eq(#same.cells, 0)
end

return tests
