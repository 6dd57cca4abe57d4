-- Lua tests, run inside the host: nianbao run tests/lua/run.lua [PATTERN]
-- Runs every tests/lua/test_*.lua. Each file receives the assertion helpers (tests/lua/assert.lua)
-- as its argument and returns a table of named test functions. Failures are printed with
-- file:line; the last line is "N passed, M failed"; the exit code is 1 when any failed.
-- PATTERN (optional) keeps only the test files whose name contains it.
local lfs = require "lfs"

local here = (arg and arg[0] or "tests/lua/run.lua"):match("^(.*)/[^/]*$") or "."
local only = arg and arg[1]
local T = dofile(here .. "/assert.lua")

-- The innermost place in the test file, for errors raised from inside the library.
local function where_in(path)
  for level = 3, 60 do
    local info = debug.getinfo(level, "Sl")
    if not info then break end
    if info.source == "@" .. path and info.currentline > 0 then
      return path .. ":" .. info.currentline
    end
  end
end

local function handler_for(path)
  return function(msg)
    msg = tostring(msg)
    if not msg:find(path, 1, true) then
      local at = where_in(path)
      if at then msg = at .. ": " .. msg end
    end
    return msg
  end
end

local files = {}
for name in lfs.dir(here) do
  if name:match("^test_.+%.lua$") and (not only or name:find(only, 1, true)) then
    files[#files + 1] = name
  end
end
table.sort(files)

local passed, failed = 0, 0
local function report_failure(name, msg)
  failed = failed + 1
  print("FAIL " .. name .. "\n    " .. tostring(msg):gsub("\n", "\n    "))
end

for _, file in ipairs(files) do
  local path = here .. "/" .. file
  local chunk, err = loadfile(path, "t")
  local ok, tests
  if chunk then
    ok, tests = xpcall(chunk, handler_for(path), T)
    if ok and type(tests) ~= "table" then
      ok, tests = false, path .. ": should return a table of test functions, returned " .. type(tests)
    end
  else
    ok, tests = false, err
  end
  if not ok then
    report_failure(file, tests)
  else
    local names = {}
    for name, fn in pairs(tests) do
      if type(fn) == "function" then names[#names + 1] = name end
    end
    table.sort(names)
    for _, name in ipairs(names) do
      local ok2, msg = xpcall(tests[name], handler_for(path))
      if ok2 then passed = passed + 1 else report_failure(file .. " " .. name, msg) end
    end
  end
end

print(string.format("%d passed, %d failed", passed, failed))
return failed > 0 and 1 or 0
