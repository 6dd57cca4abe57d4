-- Rules that declare warnings_only (scripts/nianbao/rules.lua): they may add warnings only,
-- and nb.check(report, { skip_warnings_only = true }) leaves them out, which is how
-- `nianbao render` skips them on a report without errors.
local T = ...
local nb = require "nianbao"
local R = require "nianbao.rules"

local tests = {}

local function rule_from(source, name)
  name = name or "test_rule.lua"
  return R.load_rule(name, source, "rules/" .. name)
end

function tests.every_bundled_rule_declares_warnings_only()
  -- none of them adds an error, and render relies on the flag to leave them out
  for _, rule in ipairs(R.discover()) do
    if rule.bundled then T.eq(rule.warnings_only, true, rule.file) end
  end
end

function tests.the_flag_must_be_a_boolean()
  T.raises(function()
    rule_from([[return { id = "T.X", severity = "warning", describe = "x", warnings_only = "yes",
      check = function() end }]])
  end, "warnings_only 应为 true 或 false，实际为 string")
  T.eq(rule_from([[return { id = "T.X", severity = "warning", describe = "x", check = function() end }]])
    .warnings_only, false, "absent means false")
end

function tests.a_warnings_only_rule_cannot_add_an_error()
  local rule = rule_from([[return { id = "T.MIXED", severity = "warning", describe = "x", warnings_only = true,
    check = function(_, ctx) ctx:add{ message = "警告" }; ctx:add{ severity = "error", message = "错误" } end }]],
    "mixed.lua")
  local err = T.raises(function() R.run_rule(rule, T.load_seed(), {}, {}) end, "rules/mixed.lua")
  T.ok(tostring(err):find("warnings_only = true，不能添加 error", 1, true), tostring(err))
  -- without the flag the same rule may add the error (docs/customizing.md has one such rule)
  local free = rule_from([[return { id = "T.MIXED", severity = "warning", describe = "x",
    check = function(_, ctx) ctx:add{ message = "警告" }; ctx:add{ severity = "error", message = "错误" } end }]])
  local added = R.run_rule(free, T.load_seed(), {}, {})
  T.eq(#added, 2, "both findings")
  T.eq(added[2].severity, "error", "the second is an error")
end

function tests.skip_warnings_only_leaves_out_only_the_flagged_rules()
  local ran = {}
  local function counting(id, flag)
    local rule = rule_from(string.format([[return { id = %q, severity = "warning", describe = "x",
      warnings_only = %s, check = function(_, ctx) ctx:add{ message = %q } end }]], id, tostring(flag), id))
    local check = rule.check
    rule.check = function(report, ctx) ran[#ran + 1] = id; return check(report, ctx) end
    return rule
  end
  local rules = { counting("T.FLAGGED", true), counting("T.PLAIN", false) }
  local discover = R.discover
  R.discover = function() return rules end
  local ok, err = pcall(function()
    local seed = T.load_seed()
    local all = nb.check(seed)
    T.eq(table.concat(ran, ","), "T.FLAGGED,T.PLAIN", "a check runs both")
    ran = {}
    local lean = nb.check(seed, { skip_warnings_only = true })
    T.eq(table.concat(ran, ","), "T.PLAIN", "skip_warnings_only runs the other one only")
    T.eq(#lean, #all - 1, "one finding fewer")
    T.eq(#lean:errors(), #all:errors(), "the same errors")
  end)
  R.discover = discover
  if not ok then error(err, 0) end
end

return tests
