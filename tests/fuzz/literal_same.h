/* Whether the literal reader (host/literal.c) and Lua's compiler give the same table, for
 * the reader's differential tests (tests/unit/test_literal.c, tests/fuzz/fuzz_literal.c). */
#ifndef NB_LITERAL_SAME_H
#define NB_LITERAL_SAME_H

#include <string.h>

#include <lua.h>

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

#endif
