/* libFuzzer target: the data-file writer (scripts/nianbao/datafile.lua) round trip. The
 * input, cut at NUL bytes, gives the texts of a report (title, agency, preamble, an overview
 * heading and paragraph, problems, improvements, other matters, the signature's agency; its
 * date keeps a real date, whose form the loader checks), each made valid UTF-8 (the loader's
 * contract; control characters, CR, "]]", "]=]", a trailing "]" and "--" all stay). The
 * report is serialized as `import` and `new` write it, loaded back through the sandboxed
 * loader with the default limits, and every text compared: a refusal or a changed text is a
 * finding (an imported page must not be able to write a data file that the loader refuses
 * or that reads as something else). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lua.h>

#include "binding.h"
#include "host.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* returns two functions: build(input) -> data-file text, expected table; compare(view,
 * expected) -> nil or the name of the first text that differs */
static const char DRIVER[] =
    "local nb = require 'nianbao'\n"
    "local datafile = require 'nianbao.datafile'\n"
    "local seed = assert(nb.load('reports/yanjin-commerce-2024.lua'))\n"
    "local function copy(v)\n"
    "  if type(v) ~= 'table' or v == nb.BLANK then return v end\n"
    "  local t = {}\n"
    "  for k, x in pairs(v) do t[k] = copy(x) end\n"
    "  return t\n"
    "end\n"
    "local FIELDS = { 'title', 'agency', 'preamble', 'heading', 'text', 'problems',\n"
    "  'improvements', 'other_matters', 'signer' }\n"
    "local function get(r, f)\n"
    "  if f == 'heading' or f == 'text' then return r.overview[1][f] end\n"
    "  if f == 'signer' then return r.signature and r.signature.agency end\n"
    "  return r[f]\n"
    "end\n"
    "local function build(input)\n"
    "  local t, i = {}, 1\n"
    "  for piece in (input .. '\\0'):gmatch('([^%z]*)%z') do\n"
    "    if i > #FIELDS then break end\n"
    "    if not utf8.len(piece) then piece = piece:gsub('[\\128-\\255]', '?') end\n"
    "    t[FIELDS[i]] = piece\n"
    "    i = i + 1\n"
    "  end\n"
    "  local r = copy(seed)\n"
    "  for f, v in pairs(t) do\n"
    "    if f == 'heading' or f == 'text' then r.overview[1][f] = v\n"
    "    elseif f == 'signer' then r.signature = r.signature or {}; r.signature.agency = v\n"
    "    else r[f] = v end\n"
    "  end\n"
    "  if r.signature then\n"
    "    r.signature.agency = r.signature.agency or ''\n"
    "    r.signature.date = '2025年1月20日'\n"
    "  end\n"
    "  return datafile.serialize(r), r\n"
    "end\n"
    "local function compare(view, r)\n"
    "  for _, f in ipairs(FIELDS) do\n"
    "    local want, got = get(r, f), get(view, f)\n"
    "    if want == nb.BLANK then want = nil end\n"
    "    if got == nb.BLANK then got = nil end\n"
    "    if want ~= got then\n"
    "      return string.format('%s: wrote %q, read %q', f, tostring(want), tostring(got))\n"
    "    end\n"
    "  end\n"
    "end\n"
    "return build, compare\n";

static int round_trip(lua_State *L)
{
    /* 1: input, 2: build, 3: compare */
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 1);
    lua_call(L, 1, 2); /* 4: text, 5: expected */
    size_t len;
    const char *text = lua_tolstring(L, 4, &len);
    nb_error err;
    err.message[0] = '\0';
    nb_report *r = nb_load_buffer(text, len, "fuzz-datafile.lua", &nb_default_limits, &err);
    if (!r) {
        fprintf(stderr, "fuzz_datafile: the written file was refused: %s\n--- file ---\n%s\n",
                err.message, text);
        abort();
    }
    lua_pushvalue(L, 3);
    nb_push_report(L, r);
    lua_pushvalue(L, 5);
    lua_call(L, 2, 1);
    if (!lua_isnil(L, -1)) {
        fprintf(stderr, "fuzz_datafile: a text changed: %s\n--- file ---\n%s\n",
                lua_tostring(L, -1), text);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lua_State *L;
    static int build = LUA_NOREF, compare = LUA_NOREF;
    static long runs;
    if (!L) {
        if (!(L = nb_host_new(NULL, 0)))
            abort();
        if (luaL_loadstring(L, DRIVER) != LUA_OK || nb_host_pcall(L, 0, 2) != LUA_OK) {
            fprintf(stderr, "fuzz_datafile: %s\n", lua_tostring(L, -1));
            abort();
        }
        compare = luaL_ref(L, LUA_REGISTRYINDEX);
        build = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    lua_pushcfunction(L, round_trip);
    lua_pushlstring(L, (const char *)data, size);
    lua_rawgeti(L, LUA_REGISTRYINDEX, build);
    lua_rawgeti(L, LUA_REGISTRYINDEX, compare);
    if (nb_host_pcall(L, 3, 0) != LUA_OK) {
        fprintf(stderr, "fuzz_datafile: %s\n", lua_tostring(L, -1));
        abort();
    }
    if (++runs % 64 == 0)
        lua_gc(L, LUA_GCCOLLECT);
    return 0;
}
