-- nb.load and nb.check of one file, printing the findings: what `nianbao check FILE` computes,
-- for counting its instructions under valgrind (bench/run.sh). valgrind runs the program 50x
-- slower and delivers the rules' 10 ms CPU alarm late, at a random point, so a bundled rule
-- it stops runs a second time under the count hook (scripts/nianbao/rules.lua M.budgeted);
-- a native run does not. Here the alarm is at its longest (60 s, with a budget to match), so
-- each rule runs once, as natively. And as after `check`, the process exits without closing
-- the Lua state (scripts/nianbao/cli.lua: EXIT_WITHOUT_CLOSE), which `run` otherwise does.
-- Usage: nianbao run bench/check_one.lua FILE
local nb = require "nianbao"
local R = require "nianbao.rules"
R.QUICK_MS = 60000
R.BUDGET = R.QUICK_MS * R.MAX_PER_MS -- the alarm then stands for the budget
-- `nianbao check` keeps the collector's start-up pause until its check (host/host.h); `run`
-- ends it before a script, so this one sets that pause for its load and check
collectgarbage("setpause", 1000)
local report = nb.load(assert(arg[1], "usage: nianbao run bench/check_one.lua FILE"))
local findings = nb.check(report)
collectgarbage("setpause", 200)
for _, f in ipairs(findings) do print(arg[1] .. ": " .. tostring(f)) end
io.stderr:write(string.format("%d findings, %d rules run again\n", #findings, R.quick_reruns or 0))
require("nianbao.cli").close_state = false
