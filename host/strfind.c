/* string.find for Chinese text. Lua's plain search looks for the first byte of the word with
 * memchr and compares at each hit; in UTF-8 Chinese nearly every character begins with one of
 * six bytes, so it compares at nearly every character. The rules (and any script) search
 * Chinese sentences for Chinese words all the time, so plain searches go to nb_text_find,
 * which keys on the word's last byte instead. Results, argument checks and errors are those of
 * Lua's string.find (lstrlib.c, str_find_aux): tests/lua/test_strfind.lua compares the two. */
#include "strfind.h"

#include <lauxlib.h>
#include <lualib.h>
#include <string.h>

#include "textindex.h"

/* lstrlib.c's SPECIALS: a pattern with none of these is searched as plain text */
static int has_specials(const char *p, size_t len)
{
    static const char specials[] = "^$*+?.([%-";
    for (size_t i = 0; i < len; i++)
        if (memchr(specials, p[i], sizeof specials - 1))
            return 1;
    return 0;
}

/* lstrlib.c's posrelatI: a 1-based start from init, negative counting from the end */
static size_t start_of(lua_Integer init, size_t len)
{
    if (init > 0)
        return (size_t)init;
    if (init == 0 || init < -(lua_Integer)len)
        return 1;
    return len + (size_t)init + 1;
}

static int fast_find(lua_State *L)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_of(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (!lua_toboolean(L, 4) && has_specials(p, lp)) { /* a pattern: Lua's own find */
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_insert(L, 1);
        lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
        return lua_gettop(L);
    }
    const char *hit = nb_text_find(s + init, ls - init, p, lp);
    if (!hit) {
        luaL_pushfail(L);
        return 1;
    }
    lua_pushinteger(L, (lua_Integer)(hit - s) + 1);
    lua_pushinteger(L, (lua_Integer)(hit - s) + (lua_Integer)lp);
    return 2;
}

void nb_install_string_find(lua_State *L)
{
    lua_getglobal(L, LUA_STRLIBNAME);
    lua_getfield(L, -1, "find");
    lua_pushcclosure(L, fast_find, 1);
    lua_setfield(L, -2, "find");
    lua_pop(L, 1);
}
