-- nb.check on modified copies of the seed: the built-in checks seen from Lua.
local T = ...
local nb = require "nianbao"

local function modified(edit)
  local r = T.load_seed():copy()
  edit(r)
  return assert(nb.view(r, "modified seed"))
end

local function ids(findings)
  local out = {}
  for _, f in ipairs(findings) do out[#out + 1] = f.id .. "@" .. tostring(f.row) .. "/" .. tostring(f.column) end
  table.sort(out)
  return table.concat(out, " ")
end

local tests = {}

function tests.seed_is_clean()
  local findings = nb.check(T.load_seed())
  T.eq(#findings:errors(), 0, "errors in the seed: " .. ids(findings))
end

function tests.one_changed_result_cell()
  local r = modified(function(r) r.requests.withheld.third_party[2] = 4 end)
  local findings = nb.check(r)
  T.eq(ids(findings:errors()), "T3.RESULT_TOTAL@withheld.third_party/商业企业 T3.ROW_TOTAL@withheld.third_party/总计",
    "findings")
  for _, f in ipairs(findings) do
    T.eq(f.severity, "error", "severity")
    T.eq(f.section, "三", "section")
    T.eq(f.label, "（三）不予公开 4.保护第三方合法权益", "label")
    T.ok(tostring(f):find(f.id, 1, true), "tostring names the id: " .. tostring(f))
    T.ok(type(f.message) == "string" and f.message ~= "", "message")
  end
  T.raises(function() findings[1].id = "X" end, nil, "findings are read-only")
end

function tests.six_values_get_a_derived_total()
  local r = modified(function(r) r.requests.new = { 1, 2, 0, 0, 0, 0 } end)
  T.eq(r.requests.new[7], 3, "derived 总计")
  -- the row total is right, so only the column balances fail (no single row is to blame)
  local columns = {}
  for _, f in ipairs(nb.check(r):errors()) do columns[#columns + 1] = f.id .. "/" .. f.column end
  table.sort(columns)
  T.eq(table.concat(columns, " "), "T3.BALANCE/商业企业 T3.BALANCE/总计 T3.BALANCE/自然人", "findings")
end

function tests.appeals_total()
  local r = modified(function(r) r.appeals.review.corrected = 2 end)
  local f = nb.check(r):errors()
  T.eq(#f, 1, "one finding: " .. ids(f))
  T.eq(f[1].id, "T4.TOTAL", "id")
  T.eq(f[1].expected, 2, "expected")
  T.eq(f[1].found, 0, "found")
end

function tests.blank_is_a_warning()
  local r = modified(function(r) r.requests.withheld.inquiry[5] = nb.BLANK end)
  local findings = nb.check(r)
  local w = findings:warnings()
  T.ok(#w >= 1, "a warning for the blank cell")
  local blank
  for _, f in ipairs(w) do if f.id == "VALUE.BLANK" then blank = f end end
  T.ok(blank, "VALUE.BLANK among: " .. ids(w))
  T.eq(blank.row, "withheld.inquiry", "row")
  T.eq(blank.column, "法律服务机构", "column")
end

function tests.invalid_values()
  local r = modified(function(r)
    r.requests.unavailable.unclear[3] = -1
    r.proactive.fees = -0.5
  end)
  local invalid = {}
  for _, f in ipairs(nb.check(r):errors()) do
    if f.id == "VALUE.INVALID" then invalid[#invalid + 1] = f end
  end
  T.eq(#invalid, 2, "two VALUE.INVALID")
end

function tests.previous_year_carry()
  local prev = modified(function(r)
    r.year = 2023
    r.requests.new = { 0, 0, 0, 0, 0, 3 }
    r.requests.carried_forward = { 0, 0, 0, 0, 0, 3 }
  end)
  T.eq(#nb.check(prev):errors(), 0, "last year's report is consistent")
  local f = nb.check(T.load_seed(), { previous = prev }):errors()
  T.eq(ids(f), "YEAR.CARRY@carried_over/其他 YEAR.CARRY@carried_over/总计", "findings")
  T.eq(f[1].expected, 3, "expected last year's carried_forward")
end

-- R.narratives: fresh tables at every call (a rule may change them); a read-only report's
-- labels are made once, a table a script built is labelled again after it changes
function tests.narratives_are_fresh_and_follow_a_changed_table()
  local R = require "nianbao.rules"
  local view = T.load_seed()
  local a, b = R.narratives(view), R.narratives(view)
  T.ok(a ~= b and a[1] ~= b[1], "new list and part tables at every call")
  T.deep_eq(a, b, "the same parts")
  a[1].label = "changed"
  table.insert(a, 1, { section = "一", label = "标题", text = "" })
  T.eq(R.narratives(view)[1].label, b[1].label, "a caller's change stays its own")
  local plain = { overview = { { heading = "甲", text = "x" } } }
  T.eq(R.narratives(plain)[1].label, "（一）甲", "a plain table")
  plain.overview[1].heading = "乙"
  T.eq(R.narratives(plain)[1].label, "（一）乙", "labelled again after a change")
end

return tests
