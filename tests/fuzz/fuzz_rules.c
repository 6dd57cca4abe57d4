/* libFuzzer target: the rules (bundled scripts/rules/ and nb.check's built-in checks) on
 * hostile narrative. The input, made valid UTF-8 without NUL bytes, becomes every text of the
 * seed report (overview, problems, improvements, other_matters; the heading gets its first
 * line); the report is checked through the same script state as the program. A Lua error is
 * a finding (a bundled rule must not crash on data that loads: exit 3), and so is a rule
 * stopped by its instruction budget (the bundled rules are linear in their text). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lua.h>

#include "host.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char DRIVER[] =
    "local nb = require 'nianbao'\n"
    "local seed = assert(nb.load('reports/yanjin-commerce-2024.lua'))\n"
    "local function copy(v)\n"
    "  if type(v) ~= 'table' or v == nb.BLANK then return v end\n"
    "  local t = {}\n"
    "  for k, x in pairs(v) do t[k] = copy(x) end\n"
    "  return t\n"
    "end\n"
    "return function(text)\n"
    "  if not utf8.len(text) then text = text:gsub('[\\128-\\255]', '?') end\n"
    "  text = text:gsub('%z', '')\n"
    "  local r = copy(seed)\n"
    "  r.overview = { { heading = text:match('^[^\\n]*'), text = text }, { text = text } }\n"
    "  r.problems, r.improvements, r.other_matters = text, text, text\n"
    "  for _, f in ipairs(nb.check(r)) do\n"
    "    if f.message:find('条指令的上限', 1, true) then error('rule budget: ' .. f.message) end\n"
    "  end\n"
    "end\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lua_State *L;
    static int driver = LUA_NOREF;
    static long runs;
    if (!L) {
        if (!(L = nb_host_new(NULL, 0)))
            abort();
        if (luaL_loadstring(L, DRIVER) != LUA_OK || nb_host_pcall(L, 0, 1) != LUA_OK) {
            fprintf(stderr, "fuzz_rules: %s\n", lua_tostring(L, -1));
            abort();
        }
        driver = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, driver);
    lua_pushlstring(L, (const char *)data, size);
    if (nb_host_pcall(L, 1, 0) != LUA_OK) {
        fprintf(stderr, "fuzz_rules: a rule raised: %s\n", lua_tostring(L, -1));
        abort();
    }
    if (++runs % 64 == 0)
        lua_gc(L, LUA_GCCOLLECT);
    return 0;
}
