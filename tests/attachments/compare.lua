-- nianbao run compare.lua EXPECTED.lua IMPORTED.lua: every number of tables 二, 三 and 四 of
-- EXPECTED is in its place in IMPORTED; prints "N numbers, M differ" and exits 1 on a difference.
local nb = require "nianbao"
local a = assert(nb.load(arg[1]))
local b = assert(nb.load(arg[2]))
local n, bad = 0, 0
local function cmp(x, y, path)
  if type(x) == "table" and x ~= nb.BLANK then
    for k, v in pairs(x) do cmp(v, type(y) == "table" and y[k] or nil, path .. "." .. tostring(k)) end
  elseif x ~= nil then
    n = n + 1
    if x ~= y then
      bad = bad + 1
      print(string.format("differs: %s expected %s, imported %s", path, tostring(x), tostring(y)))
    end
  end
end
for _, k in ipairs({ "proactive", "requests", "appeals" }) do cmp(a[k], b[k], k) end
for _, k in ipairs({ "agency", "year", "title" }) do
  n = n + 1
  if a[k] ~= b[k] then bad = bad + 1 print(string.format("differs: %s expected %s, imported %s", k, tostring(a[k]), tostring(b[k]))) end
end
print(string.format("%d numbers, %d differ", n, bad))
return bad == 0 and n > 200 and 0 or 1
