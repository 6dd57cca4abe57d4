/* The differential check of the literal reader (host/literal.c) against Lua's compiler,
 * shared by tests/unit/test_literal.c and tests/fuzz/fuzz_literal.c. */
#ifndef NB_LITERAL_SAME_H
#define NB_LITERAL_SAME_H

#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "literal.h"

/* Same type; integers equal, floats equal bit for bit (so -0.0 is not 0.0 and NaN is
 * itself); strings equal byte for byte; tables with the same fields, and the same order of
 * traversal, which follows from the same array and hash sizes and order of insertion. */
static int literal_same(lua_State *L, int a, int b, int depth)
{
    a = lua_absindex(L, a);
    b = lua_absindex(L, b);
    int type = lua_type(L, a);
    if (type != lua_type(L, b) || depth > 200)
        return 0;
    switch (type) {
    case LUA_TNIL:
        return 1;
    case LUA_TBOOLEAN:
        return lua_toboolean(L, a) == lua_toboolean(L, b);
    case LUA_TNUMBER:
        if (lua_isinteger(L, a) != lua_isinteger(L, b))
            return 0;
        if (lua_isinteger(L, a))
            return lua_tointeger(L, a) == lua_tointeger(L, b);
        else {
            lua_Number x = lua_tonumber(L, a), y = lua_tonumber(L, b);
            return memcmp(&x, &y, sizeof x) == 0;
        }
    case LUA_TSTRING: {
        size_t n, m;
        const char *s = lua_tolstring(L, a, &n), *t = lua_tolstring(L, b, &m);
        return n == m && memcmp(s, t, n) == 0;
    }
    case LUA_TTABLE: {
        if (lua_rawlen(L, a) != lua_rawlen(L, b) || !lua_checkstack(L, 6))
            return 0;
        lua_pushnil(L);
        lua_pushnil(L); /* [kb, ka]: the last keys of b and of a */
        for (;;) {
            if (!lua_next(L, a)) { /* [kb] */
                int more_b = lua_next(L, b);
                if (more_b)
                    lua_pop(L, 2);
                return !more_b;
            }
            lua_rotate(L, -3, -1); /* [ka, va, kb] */
            if (!lua_next(L, b)) {
                lua_pop(L, 2);
                return 0;
            }
            /* [ka, va, kb, vb] */
            if (!literal_same(L, -4, -2, depth + 1) || !literal_same(L, -3, -1, depth + 1)) {
                lua_pop(L, 4);
                return 0;
            }
            lua_pop(L, 1);      /* [ka, va, kb] */
            lua_remove(L, -2);  /* [ka, kb] */
            lua_insert(L, -2);  /* [kb, ka] */
        }
    }
    default:
        return 0;
    }
}

struct literal_source {
    const char *buf;
    size_t len;
};

/* The reader on its own stack; returns its table (when taken) and whether the stack was
 * as it should be: the table alone, or nothing when declined. */
static int literal_read(lua_State *L)
{
    const struct literal_source *src = lua_touserdata(L, 1);
    lua_settop(L, 0);
    int taken = nb_literal_push(L, src->buf, src->len);
    lua_pushboolean(L, lua_gettop(L) == taken);
    return taken + 1;
}

static long literal_vm_steps;
static void literal_count_step(lua_State *L, lua_Debug *ar)
{
    (void)L;
    (void)ar;
    literal_vm_steps++;
}

/* 1 when the reader takes buf, 0 when it declines, -1 with why set when the two disagree:
 * the reader raised or left the stack changed, or it took a text that Lua does not compile
 * or run, whose table differs from Lua's (also after fields are added to both, which shows
 * a table presized differently), or whose compiled chunk runs more VM instructions than
 * the text has bytes (host/load.c counts on fewer). */
static int literal_compare(const char *buf, size_t len, char *why, size_t why_size)
{
    lua_State *L = luaL_newstate();
    if (!L) {
        snprintf(why, why_size, "no Lua state");
        return -1;
    }
    int verdict = -1;
    struct literal_source src = {buf, len};
    lua_pushcfunction(L, literal_read);
    lua_pushlightuserdata(L, &src);
    if (lua_pcall(L, 1, LUA_MULTRET, 0) != LUA_OK) {
        snprintf(why, why_size, "the reader raised: %s", lua_tostring(L, -1));
        goto done;
    }
    int taken = lua_gettop(L) == 2;
    if (!lua_toboolean(L, -1)) {
        snprintf(why, why_size, "the reader left the stack changed");
        goto done;
    }
    lua_pop(L, 1);
    if (!taken) {
        verdict = 0;
        goto done;
    }
    if (luaL_loadbufferx(L, buf, len, "=t", "t") != LUA_OK) {
        snprintf(why, why_size, "taken, but Lua does not compile it: %s", lua_tostring(L, -1));
        goto done;
    }
    literal_vm_steps = 0;
    lua_sethook(L, literal_count_step, LUA_MASKCOUNT, 1);
    int status = lua_pcall(L, 0, 1, 0);
    lua_sethook(L, NULL, 0, 0);
    if (status != LUA_OK) {
        snprintf(why, why_size, "taken, but Lua's chunk fails: %s", lua_tostring(L, -1));
        goto done;
    }
    if (!literal_same(L, -2, -1, 0)) {
        snprintf(why, why_size, "the reader's table differs from Lua's");
        goto done;
    }
    for (int k = 0; k < 12; k++) {
        for (int side = -2; side <= -1; side++) {
            lua_pushinteger(L, k);
            lua_setfield(L, side - 1, k % 2 ? "added" : (k % 3 ? "more" : "x"));
            lua_pushinteger(L, k);
            lua_rawseti(L, side - 1, (lua_Integer)lua_rawlen(L, side - 1) + 1);
        }
        if (!literal_same(L, -2, -1, 0)) {
            snprintf(why, why_size, "the reader's table grows unlike Lua's");
            goto done;
        }
    }
    if (literal_vm_steps > (long)len + 64) {
        snprintf(why, why_size, "%ld VM instructions for %zu bytes", literal_vm_steps, len);
        goto done;
    }
    verdict = 1;
done:
    lua_close(L);
    return verdict;
}

#endif
