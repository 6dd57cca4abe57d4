/* The Chinese message of a wrong argument of one of nb's functions (host/argcheck.h). */
#include "argcheck.h"

#include <lauxlib.h>

static const char *type_zh(char t)
{
    switch (t) {
    case 's': return "字符串";
    case 't': return "表";
    case 'n': return "数";
    case 'i': return "整数";
    default: return "一个值";
    }
}

static const char *value_zh(lua_State *L, int i)
{
    switch (lua_type(L, i)) {
    case LUA_TNIL: return " nil";
    case LUA_TBOOLEAN: return "布尔值";
    case LUA_TNUMBER: return lua_isinteger(L, i) ? "整数" : "数";
    case LUA_TSTRING: return "字符串";
    case LUA_TTABLE: return "表";
    case LUA_TFUNCTION: return "函数";
    default: return luaL_typename(L, i);
    }
}

int nb_arg_fits(lua_State *L, int i, char t)
{
    switch (t) {
    case 's': return lua_type(L, i) == LUA_TSTRING || lua_type(L, i) == LUA_TNUMBER;
    case 't': return lua_type(L, i) == LUA_TTABLE;
    case 'n': return lua_type(L, i) == LUA_TNUMBER;
    case 'i': {
        int is_int = 0;
        if (lua_type(L, i) == LUA_TNUMBER)
            lua_tointegerx(L, i, &is_int);
        return is_int;
    }
    default: return lua_type(L, i) != LUA_TNONE;
    }
}

int nb_arg_error(lua_State *L, const char *fn, int i, const char *arg, char t, int optional)
{
    const char *found = lua_type(L, i) == LUA_TNONE ? NULL : value_zh(L, i);
    return luaL_error(L, "nb.%s：第 %d 个参数 %s 应为%s%s，%s%s", fn, i, arg, type_zh(t), optional ? "或 nil" : "",
                      found ? "实际为" : "但没有给出", found ? found : "");
}
