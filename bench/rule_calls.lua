-- What the narrative rules do per report, counted in the VM (not timed): the calls they make
-- into C, by function, and the VM instructions each rule runs. Each rule's check is called
-- directly, outside the budget that nb.check puts around it (its hook would replace ours),
-- once to warm the caches and once counted.
-- Usage: nianbao run bench/rule_calls.lua FILE...
local nb = require "nianbao"
local R = require "nianbao.rules"
assert(#arg > 0, "用法：nianbao run bench/rule_calls.lua FILE...")

local reports = {}
for i = 1, #arg do reports[i] = assert(nb.load(arg[i])) end
local rules = R.discover()
local function run(rule)
  for _, r in ipairs(reports) do rule.check(r, { report = r, add = function() end }) end
end
for _, rule in ipairs(rules) do run(rule) end -- warm: scripts loaded, text caches filled

-- the names of the C functions a rule can reach
local names = {}
local function name_all(t, prefix)
  for k, v in pairs(t) do
    if type(v) == "function" then names[v] = prefix .. k end
  end
end
name_all(string, "string.")
name_all(table, "table.")
name_all(utf8, "utf8.")
name_all(nb, "nb.")
name_all(_G, "")

local calls, total = {}, 0
debug.sethook(function()
  local info = debug.getinfo(2, "fS")
  if info.what ~= "C" then return end
  local name = names[info.func] or "(other C: iterators, metamethods)"
  calls[name] = (calls[name] or 0) + 1
  total = total + 1
end, "c")
for _, rule in ipairs(rules) do run(rule) end
debug.sethook()

print(string.format("calls into C per report: %.0f", total / #reports))
local list = {}
for name, n in pairs(calls) do list[#list + 1] = { name, n } end
table.sort(list, function(a, b) return a[2] > b[2] end)
for i = 1, math.min(12, #list) do print(string.format("  %7.1f  %s", list[i][2] / #reports, list[i][1])) end

print("VM instructions per report, by rule:")
local sum = 0
for _, rule in ipairs(rules) do
  local n = 0
  debug.sethook(function() n = n + 1 end, "", 1)
  run(rule)
  debug.sethook()
  sum = sum + n / #reports
  print(string.format("  %8.0f  %s", n / #reports, rule.id))
end
print(string.format("  %8.0f  all", sum))
