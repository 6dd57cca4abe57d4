-- nb.check refuses rule ids that name no rule; "all" in no_rules leaves the built-in checks.
local T = ...
local nb = require "nianbao"

local tests = {}

function tests.unknown_id_raises_with_the_nearest()
  local ok, err = pcall(nb.check, T.load_seed(), { rules = { "TEXT.APPEAL" } })
  T.eq(ok, false, "nb.check with an unknown id")
  T.ok(tostring(err):find("TEXT.APPEAL", 1, true), err)
  T.ok(tostring(err):find("“TEXT.APPEALS”", 1, true), "nearest id in: " .. tostring(err))
  ok = pcall(nb.check, T.load_seed(), { no_rules = { "NO.SUCH" } })
  T.eq(ok, false, "no_rules with an unknown id")
end

function tests.no_rules_all_runs_only_builtin_checks()
  local r = T.load_seed():copy()
  r.other_matters = "本年度共收到政府信息公开申请99件。" -- TEXT.REQUESTS warns: the table says 0
  r = assert(nb.view(r, "modified seed"))
  local function has_rule_finding(list)
    for _, f in ipairs(list) do if f.rule then return true end end
    return false
  end
  T.ok(has_rule_finding(nb.check(r)), "a rule finds something in the modified seed")
  T.eq(has_rule_finding(nb.check(r, { no_rules = { "all" } })), false, "no rule ran")
  T.eq(#nb.check(r, { no_rules = { "ALL" } }), #nb._builtin_check(r), "the built-in findings alone")
end

return tests
