-- string.find is host/strfind.c: plain searches by nb_text_find, patterns by Lua's own find
-- (its upvalue). Both must give the same results and the same errors for any arguments.
local T = ...
local tests = {}

local fast = string.find
local _, lua_find = debug.getupvalue(fast, 1)

-- the results of f(...) as a comparable list: the values, or the error message (called
-- through pcall a function is named by where it is found: Lua's own is no longer in string)
local function outcome(f, ...)
  local r = table.pack(pcall(f, ...))
  if not r[1] then return { "error", (tostring(r[2]):gsub("'%?'", "'find'"):gsub("'string%.find'", "'find'")) } end
  return { table.unpack(r, 2, r.n) }
end

function tests.find_is_replaced_and_keeps_lua_s_own()
  T.eq(type(lua_find), "function", "Lua's find is the replacement's upvalue")
  T.ok(fast ~= lua_find, "string.find is the replacement")
  T.eq(("abc"):find("b"), 2, "method calls reach it")
end

function tests.same_results_as_lua_on_random_texts()
  -- Chinese (many characters share lead bytes), ASCII, pattern specials, NUL bytes
  local alphabet = { "申", "请", "公开", "件", "年", "a", "b", "ab", "%", ".", "(", ")", "[", "-", "^",
                     "$", "*", "\0", " ", "1", "12" }
  math.randomseed(29)
  local compared = 0
  for _ = 1, 4000 do
    local s = T.random_text(alphabet, 10)
    local w = T.random_text(alphabet, 3)
    for _, init in ipairs({ false, 1, 2, 0, -1, -4, -100, #s, #s + 1, #s + 2, 7 }) do
      for _, plain in ipairs({ false, true, 1 }) do
        local args = { s, w }
        if init or plain then args[3] = init or nil end
        if plain then args[4] = plain end
        local a, b = outcome(fast, table.unpack(args, 1, 4)), outcome(lua_find, table.unpack(args, 1, 4))
        T.deep_eq(a, b, string.format("find(%q, %q, %s, %s)", s, w, tostring(init), tostring(plain)))
        compared = compared + 1
      end
    end
  end
  T.ok(compared > 100000, "comparisons: " .. compared)
end

function tests.same_errors_and_conversions()
  local cases = {
    { nil, "a" }, { "a", nil }, { {}, "a" }, { "a", "b", "x" }, { "a", "b", 1.5 }, { 123, 2 },
    { 12.5, "." }, { "a", "%" }, { "a", "[a" }, { "a", "(" }, { "x", "x", "2" }, { "abc", "c", 2^63 },
  }
  for i, c in ipairs(cases) do
    T.deep_eq(outcome(fast, c[1], c[2], c[3]), outcome(lua_find, c[1], c[2], c[3]), "case " .. i)
  end
  local ok, err = pcall(function() return ("x"):find(nil) end)
  T.ok(not ok and err:find("bad argument #1 to 'find'", 1, true), "a method call names find: " .. tostring(err))
end

return tests
