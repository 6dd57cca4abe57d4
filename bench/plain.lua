-- The baseline of the loader benchmark, run by plain lua5.4 (no sandbox, no checks):
-- dofile of each data file, repeated PASSES times; prints the median pass's CPU time per
-- file in microseconds, as bench/inproc.lua does for nb.load.
-- Run: lua5.4 bench/plain.lua PASSES FILE...
local passes = tonumber(arg[1])
local files = table.move(arg, 2, #arg, 1, {})
assert(passes and #files > 0, "用法：lua5.4 bench/plain.lua PASSES FILE...")
dofile(files[1])
local times = {}
for p = 1, passes do
  local t0 = os.clock()
  for _, path in ipairs(files) do assert(type(dofile(path)) == "table") end
  times[p] = (os.clock() - t0) / #files
end
table.sort(times)
print(string.format("%.1f", times[(passes + 1) // 2] * 1e6))
