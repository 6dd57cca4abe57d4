-- A small JSON encoder for command output (check --format json). Objects keep the key
-- order given by json.object; plain tables with keys 1..n are arrays. M.decode reads it back
-- (check -j N reads its children's output, nianbao.parallel).
local clean = require("nianbao.utf8fix").clean

local M = {}

local ESC = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

local function string_literal(s)
  s = clean(s):gsub('[%c"\\]', function(c)
    return ESC[c] or string.format("\\u%04x", c:byte())
  end)
  -- C1 controls too (U+009B is a terminal's CSI): the output is often read on a terminal
  return '"' .. s:gsub("\194([\128-\159])", function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

local ORDER = setmetatable({}, { __mode = "k" })
local ALWAYS = setmetatable({}, { __mode = "k" })

--- FORMAT.md §4's fields of a finding in `check --format json`: written as null when a finding
--- has none (a text rule's finding names no row or column).
M.FINDING_FIELDS = { "id", "severity", "section", "row", "column", "expected", "found", "message" }

--- An object whose keys are written in the order given. A nil value is left out, unless its
--- key is in the list always: then it is written as null (a documented record's fields are
--- all there for a reader that indexes them).
function M.object(keys, values, always)
  local t = {}
  for _, k in ipairs(keys) do t[k] = values[k] end
  ORDER[t] = keys
  if always then
    local set = {}
    for _, k in ipairs(always) do set[k] = true end
    ALWAYS[t] = set
  end
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
      local parts, always = {}, ALWAYS[v]
      for _, k in ipairs(keys) do
        if v[k] ~= nil or (always and always[k]) then parts[#parts + 1] = string_literal(k) .. ":" .. M.encode(v[k]) end
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

-- the reader

local decode_value

local UNESC = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }

local function skip(s, i) return s:find("[^ \t\r\n]", i) or #s + 1 end

local function decode_string(s, i)
  local out, j = {}, i + 1
  while true do
    local k = s:find('["\\]', j)
    if not k then error("JSON：字符串没有结束") end
    out[#out + 1] = s:sub(j, k - 1)
    if s:sub(k, k) == '"' then return table.concat(out), k + 1 end
    local c = s:sub(k + 1, k + 1)
    if c == "u" then
      local cp = tonumber(s:sub(k + 2, k + 5), 16)
      out[#out + 1] = utf8.char(cp)
      j = k + 6
    else
      out[#out + 1] = UNESC[c] or c
      j = k + 2
    end
  end
end

function decode_value(s, i)
  i = skip(s, i)
  local c = s:sub(i, i)
  if c == "{" then
    local t = {}
    i = skip(s, i + 1)
    if s:sub(i, i) == "}" then return t, i + 1 end
    while true do
      local key
      key, i = decode_string(s, skip(s, i))
      i = skip(s, i)
      if s:sub(i, i) ~= ":" then error("JSON：缺少冒号") end
      t[key], i = decode_value(s, i + 1)
      i = skip(s, i)
      local d = s:sub(i, i)
      if d == "}" then return t, i + 1 end
      if d ~= "," then error("JSON：对象中缺少逗号") end
      i = i + 1
    end
  elseif c == "[" then
    local t = {}
    i = skip(s, i + 1)
    if s:sub(i, i) == "]" then return t, i + 1 end
    while true do
      t[#t + 1], i = decode_value(s, i)
      i = skip(s, i)
      local d = s:sub(i, i)
      if d == "]" then return t, i + 1 end
      if d ~= "," then error("JSON：数组中缺少逗号") end
      i = i + 1
    end
  elseif c == '"' then
    return decode_string(s, i)
  elseif s:sub(i, i + 3) == "true" then return true, i + 4
  elseif s:sub(i, i + 4) == "false" then return false, i + 5
  elseif s:sub(i, i + 3) == "null" then return nil, i + 4
  end
  local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
  if not num or num == "" then error("JSON：无法读取的值") end
  return math.tointeger(tonumber(num)) or tonumber(num), i + #num
end

function M.decode(s)
  local v = decode_value(s, 1)
  return v
end

return M
