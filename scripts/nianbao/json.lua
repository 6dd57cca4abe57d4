-- A small JSON encoder for command output (check --format json). Objects keep the key
-- order given by json.object; plain tables with keys 1..n are arrays.
local M = {}

local ESC = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

local function string_literal(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return ESC[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local ORDER = setmetatable({}, { __mode = "k" })

--- An object whose keys are written in the order given (nil values are left out).
function M.object(keys, values)
  local t = {}
  for _, k in ipairs(keys) do t[k] = values[k] end
  ORDER[t] = keys
  return t
end

function M.encode(v)
  local t = type(v)
  if v == nil then return "null"
  elseif t == "boolean" then return tostring(v)
  elseif t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.17g", v)
  elseif t == "string" then return string_literal(v)
  elseif t == "table" then
    local keys = ORDER[v]
    if keys then
      local parts = {}
      for _, k in ipairs(keys) do
        if v[k] ~= nil then parts[#parts + 1] = string_literal(k) .. ":" .. M.encode(v[k]) end
      end
      return "{" .. table.concat(parts, ",") .. "}"
    end
    local n = #v
    local is_array = true
    for k in pairs(v) do
      if math.type(k) ~= "integer" or k < 1 or k > n then is_array = false break end
    end
    if is_array then
      local parts = {}
      for i = 1, n do parts[i] = M.encode(v[i]) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    local ks = {}
    for k in pairs(v) do ks[#ks + 1] = tostring(k) end
    table.sort(ks)
    local parts = {}
    for _, k in ipairs(ks) do parts[#parts + 1] = string_literal(k) .. ":" .. M.encode(v[k]) end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  return string_literal(tostring(v))
end

return M
