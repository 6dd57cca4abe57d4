-- In-process timings, without process start-up: one operation over many files, repeated
-- PASSES times (each pass at least 0.2 s); prints the median pass's CPU time per file in
-- microseconds.
-- Run: nianbao run bench/inproc.lua OP PASSES FILE...
--   OP: load (nb.load), check (nb.check on a loaded report), builtin (the C checks only),
--       rule:ID (the C checks and the one rule ID),
--       render-text / render-html / render-markdown (rendering only, findings precomputed),
--       import (nianbao.import on the bytes of a published text or HTML page)
local nb = require "nianbao"
local op, passes = arg[1], tonumber(arg[2])
local files = table.move(arg, 3, #arg, 1, {})
assert(op and passes and #files > 0, "用法：nianbao run bench/inproc.lua OP PASSES FILE...")

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- Prepare outside the timed loop whatever the operation does not measure.
local inputs = {}
for i, path in ipairs(files) do
  if op == "load" then inputs[i] = path
  elseif op == "import" then inputs[i] = { bytes = read(path), name = path }
  else
    local report = assert(nb.load(path))
    inputs[i] = { report = report, findings = op:match("^render") and nb.check(report) }
  end
end

local import = require("nianbao.import").import
local OPS = {
  load = function(path) assert(nb.load(path)) end,
  check = function(x) nb.check(x.report) end,
  builtin = function(x) nb._builtin_check(x.report) end,
  import = function(x) assert(import(x.bytes, x.name)) end,
}
for _, format in ipairs({ "text", "html", "markdown" }) do
  OPS["render-" .. format] = function(x) nb.render(x.report, format, { findings = x.findings }) end
end
local rule = op:match("^rule:(.+)$") -- the built-in checks and this one rule
if rule then OPS[op] = function(x) nb.check(x.report, { rules = { rule } }) end end
local run = assert(OPS[op], "bench/inproc.lua：未知的操作 " .. op)

run(inputs[1]) -- warm up: scripts and templates are loaded on first use
-- A pass goes over the inputs again until it has taken MIN_PASS seconds: once a rule has run
-- under its CPU alarm (ITIMER_PROF), Linux counts the process's CPU time, which os.clock
-- reads, only at its clock ticks (4 ms), and a pass of a cheap rule over 30 files took "0".
local MIN_PASS = 0.2
local times = {}
for p = 1, passes do
  local t0, n = os.clock(), 0
  repeat
    for _, x in ipairs(inputs) do run(x) end
    n = n + #inputs
  until os.clock() - t0 >= MIN_PASS
  times[p] = (os.clock() - t0) / n
end
table.sort(times)
print(string.format("%.1f", times[(passes + 1) // 2] * 1e6))
