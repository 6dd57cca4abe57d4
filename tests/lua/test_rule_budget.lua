-- The rules' instruction budget (scripts/nianbao/rules.lua M.budgeted): a bundled rule first
-- runs under a CPU-time alarm (nb._try_quickly, host/cputimer.c) and is run again under the
-- count hook when the alarm stops it, so that every result is the one the hook alone gives.
local T = ...
local nb = require "nianbao"
local R = require "nianbao.rules"

local tests = {}

-- runs rule (a table with check) once through M.budgeted with the given bundled flag and
-- budget settings; returns the findings added and how many times check started
local function run(check, bundled, budget, quick_ms)
  local calls = 0
  local rule = { id = "TEST.BUDGET", severity = "warning", file = "rules/test_budget.lua", bundled = bundled,
    check = function(report, ctx) calls = calls + 1; return check(report, ctx) end }
  local saved_budget, saved_quick = R.BUDGET, R.QUICK_MS
  R.BUDGET, R.QUICK_MS = budget or saved_budget, quick_ms or saved_quick
  local ok, added = pcall(R.run_rule, rule, T.load_seed(), {}, {})
  R.BUDGET, R.QUICK_MS = saved_budget, saved_quick
  if not ok then error(added, 0) end
  return added, calls
end

local function messages(added)
  local out = {}
  for i, f in ipairs(added) do out[i] = f.message end
  return table.concat(out, "|")
end

local quick = nb._try_quickly ~= nil -- not on Windows: every rule runs under the hook there

function tests.a_quick_bundled_rule_runs_once_without_the_hook()
  local reruns = R.quick_reruns or 0
  local saw_hook
  local added, calls = run(function(_, ctx)
    saw_hook = debug.gethook() ~= nil
    ctx:add{ message = "一条" }
  end, true)
  T.eq(messages(added), "一条", "the finding")
  T.eq(calls, 1, "check ran once")
  T.eq(saw_hook, not quick, "the count hook was set")
  T.eq(R.quick_reruns or 0, reruns, "no run again")
end

function tests.a_bundled_rule_that_loops_is_stopped_by_the_budget_as_under_the_hook()
  if not quick then return end
  local reruns = R.quick_reruns or 0
  local loop = function(_, ctx)
    ctx:add{ message = "循环之前" }
    while true do end
  end
  -- 5 M instructions, 1 ms: the least budget the alarm may stand in for
  local added, calls = run(loop, true, 5 * 1000 * 1000, 1)
  T.eq(calls, 2, "check ran twice: stopped by the alarm, then under the hook")
  T.eq(R.quick_reruns, reruns + 1, "counted as run again")
  T.eq(#added, 1, "the finding of the first run was dropped: " .. messages(added))
  T.ok(added[1].message:find("5000000 条指令的上限", 1, true), added[1].message)
  local hooked = run(loop, false, 5 * 1000 * 1000, 1)
  T.eq(messages(added), messages(hooked), "the same findings as a user's rule under the hook alone")
end

function tests.a_rule_that_swallows_the_alarm_still_gets_the_hooks_result()
  if not quick then return end
  local swallow = function(_, ctx)
    ctx:add{ message = "循环之前" } -- kept once: the stopped first run's findings are dropped
    pcall(function() while true do end end)
    ctx:add{ message = "循环之后" }
  end
  local added = run(swallow, true, 5 * 1000 * 1000, 1)
  local hooked = run(swallow, false, 5 * 1000 * 1000, 1)
  -- (under the hook, the rule's own pcall also catches the budget's error and the rule ends)
  T.eq(messages(added), messages(hooked), "as under the hook alone")
  T.eq(messages(added), "循环之前|循环之后", "each finding once")
end

function tests.an_error_of_a_bundled_rule_is_raised_once()
  local calls = 0
  T.raises(function()
    run(function() calls = calls + 1; error("规则出错了", 0) end, true)
  end, "规则出错了", "the rule's error")
  T.eq(calls, 1, "not run again")
end

function tests.a_small_budget_or_a_users_rule_never_runs_without_the_hook()
  local saw = {}
  local probe = function() saw[#saw + 1] = debug.gethook() ~= nil end
  run(probe, true, 1000 * 1000) -- less than QUICK_MS * 5 M: the alarm cannot stand in for it
  run(probe, false)
  T.eq(saw[1], true, "a bundled rule under a budget of 1 M")
  T.eq(saw[2], true, "a user's rule")
end

function tests.a_hook_already_set_is_kept_and_the_alarm_is_not_used()
  if not quick then return end
  local counted = 0
  debug.sethook(function() counted = counted + 1 end, "", 1000)
  local ok, again, expired = nb._try_quickly(10, function() return 1 end)
  debug.sethook()
  T.eq(ok, nil, "not run")
  T.eq(expired, false, "not run, rather than stopped")
end

function tests.nothing_is_left_armed_after_a_quick_run()
  if not quick then return end
  T.eq(select("#", nb._try_quickly(1, function() return 1, nil, 3 end)), 4, "true and the three results")
  T.eq(select(4, nb._try_quickly(1, function() return 1, nil, 3 end)), 3, "the third result")
  local ok, err = nb._try_quickly(1, function() error({ code = 7 }) end)
  T.eq(ok, false, "an error")
  T.eq(type(err) == "table" and err.code, 7, "the error value as raised")
  -- a loop of about 50 ms of CPU time after those runs: an alarm left armed would stop it
  local t0, n = os.clock(), 0
  while os.clock() - t0 < 0.05 do n = n + 1 end
  T.ok(n > 0, "the loop ran")
  T.eq(debug.gethook(), nil, "no hook left set")
  -- an alarm delivered after the run (valgrind delivers late) must not end the program
  local stat = io.open("/proc/self/stat")
  local pid = stat and stat:read("n")
  if stat then stat:close() end
  if pid then
    T.ok(os.execute("kill -PROF " .. pid), "kill -PROF")
    T.eq(debug.gethook(), nil, "a late alarm sets no hook")
    T.eq(nb._try_quickly(1000, function() return "after" end), true, "the next run is not stopped by it")
  end
end

return tests
