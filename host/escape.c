/* HTML escaping (see escape.h). */
#include "escape.h"

#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "argcheck.h"

static const char *entity(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

int nb_l_escape_html(lua_State *L)
{
    size_t len;
    const char *s;
    /* A string is its own tostring (unless the string metatable were given a __tostring,
     * which nothing does): taken as it is, it spares luaL_tolstring's metamethod lookup on
     * every cell of a page. Anything else goes through tostring, metamethods included. */
    if (lua_type(L, 1) == LUA_TSTRING) {
        s = lua_tolstring(L, 1, &len);
        lua_settop(L, 1);
    } else {
        if (lua_isnone(L, 1))
            nb_arg_error(L, "escape_html", 1, "s", 'a', 0);
        s = luaL_tolstring(L, 1, &len);
    }
    size_t i = 0;
    while (i < len && !entity((unsigned char)s[i]))
        i++;
    if (i == len) /* most texts have nothing to escape: the string itself */
        return 1;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addlstring(&b, s, i);
    for (; i < len; i++) {
        const char *e = entity((unsigned char)s[i]);
        if (e)
            luaL_addstring(&b, e);
        else
            luaL_addchar(&b, s[i]);
    }
    luaL_pushresult(&b);
    return 1;
}
