/* libFuzzer target: the literal reader (host/literal.c) against Lua's compiler. Whatever
 * the reader takes must compile, run and return the very table the reader built (same
 * values, number subtypes, float bits, and order of traversal); what it declines must leave
 * the stack as it was. */
#include <stddef.h>
#include <stdint.h>

#include <lauxlib.h>
#include <lua.h>

#include "literal.h"
#include "literal_same.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int read_literal(lua_State *L)
{
    const char *buf = lua_touserdata(L, 1);
    size_t len = (size_t)lua_tointeger(L, 2);
    lua_settop(L, 0);
    int taken = nb_literal_push(L, buf, len);
    if (lua_gettop(L) != taken) /* a table when taken, nothing when declined */
        __builtin_trap();
    return taken;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lua_State *L = luaL_newstate();
    if (!L)
        return 0;
    lua_pushcfunction(L, read_literal);
    lua_pushlightuserdata(L, (void *)data);
    lua_pushinteger(L, (lua_Integer)size);
    if (lua_pcall(L, 2, 1, 0) == LUA_OK && lua_istable(L, -1)) {
        if (luaL_loadbufferx(L, (const char *)data, size, "=fuzz", "t") != LUA_OK ||
            lua_pcall(L, 0, 1, 0) != LUA_OK || !literal_same(L, -2, -1, 0))
            __builtin_trap();
    }
    lua_close(L);
    return 0;
}
