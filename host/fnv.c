/* FNV-1a, 32 bits (see fnv.h). */
#include "fnv.h"

#include <stdio.h>

#include <lauxlib.h>
#include <lua.h>

uint32_t nb_fnv1a(const char *s, size_t len)
{
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x01000193u;
    }
    return h;
}

int nb_l_fnv1a(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    char hex[9];
    snprintf(hex, sizeof hex, "%08x", (unsigned)nb_fnv1a(s, len));
    lua_pushlstring(L, hex, 8);
    return 1;
}
