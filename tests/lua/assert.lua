-- Assertion helpers of the Lua tests (handed to each test file by run.lua). Each raises an
-- error at the caller's line, so a failure names the test file and line.
local T = {}

T.seed = "reports/yanjin-commerce-2024.lua"
T.published_seed = "../shared/000_49be5e48092c958c.txt"

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

function T.eq(actual, expected, what)
  if actual ~= expected then
    error(string.format("%s: expected %s, got %s", what or "value", show(expected), show(actual)), 2)
  end
end

function T.ok(cond, what)
  if not cond then error(what or "condition is false", 2) end
  return cond
end

--- Deep equality of plain tables (pairs on both sides); returns false, path of the first difference.
function T.same(a, b, path)
  path = path or ""
  if type(a) ~= "table" or type(b) ~= "table" then
    if a == b then return true end
    return false, string.format("%s: %s ~= %s", path, show(a), show(b))
  end
  for k, v in pairs(a) do
    local ok, where = T.same(v, b[k], path .. "." .. tostring(k))
    if not ok then return false, where end
  end
  for k in pairs(b) do
    if a[k] == nil then return false, path .. "." .. tostring(k) .. ": missing on the left" end
  end
  return true
end

function T.deep_eq(actual, expected, what)
  local ok, where = T.same(actual, expected)
  if not ok then error(string.format("%s differs at %s", what or "table", where), 2) end
end

--- fn() must raise an error whose message contains text (plain).
function T.raises(fn, text, what)
  local ok, err = pcall(fn)
  if ok then error((what or "call") .. ": expected an error, none raised", 2) end
  if text and not tostring(err):find(text, 1, true) then
    error(string.format("%s: error %s does not contain %s", what or "call", show(tostring(err)), show(text)), 2)
  end
  return err
end

function T.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

--- The loaded seed report (the frozen view).
function T.load_seed()
  local nb = require "nianbao"
  return assert(nb.load(T.seed))
end

return T
