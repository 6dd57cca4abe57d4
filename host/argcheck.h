/* The arguments of nb's functions, checked with a Chinese message that names the function
 * and the argument at the caller's line ("nb.has_any：第 2 个参数 words 应为表，实际为 nil"),
 * rather than Lua's "bad argument #2 to 'has_any'". The functions the rules call thousands of
 * times a report check their own arguments with the inline readers below, which cost what
 * luaL_check* cost; the others are wrapped once by binding.c (checked_args). */
#ifndef NB_ARGCHECK_H
#define NB_ARGCHECK_H

#include <lua.h>

/* Raises the message for argument i of nb.fn, named arg, that should be of type t: 's' a
 * string (or a number), 't' a table, 'n' a number, 'i' an integer, 'a' any value; optional
 * when nil may be given. Does not return. */
int nb_arg_error(lua_State *L, const char *fn, int i, const char *arg, char t, int optional);

/* Whether argument i fits type t (as above). */
int nb_arg_fits(lua_State *L, int i, char t);

/* A string argument (a number is taken as its text, as luaL_checklstring takes it). */
static inline const char *nb_arg_lstring(lua_State *L, int i, const char *fn, const char *arg, size_t *len)
{
    const char *s = lua_tolstring(L, i, len);
    if (!s)
        nb_arg_error(L, fn, i, arg, 's', 0);
    return s;
}

static inline void nb_arg_table(lua_State *L, int i, const char *fn, const char *arg)
{
    if (lua_type(L, i) != LUA_TTABLE)
        nb_arg_error(L, fn, i, arg, 't', 0);
}

/* An integer argument; with optional, def when it is nil or absent. */
static inline lua_Integer nb_arg_integer(lua_State *L, int i, const char *fn, const char *arg, int optional,
                                         lua_Integer def)
{
    if (optional && lua_isnoneornil(L, i))
        return def;
    int is_int = 0;
    lua_Integer v = lua_type(L, i) == LUA_TNUMBER ? lua_tointegerx(L, i, &is_int) : 0;
    if (!is_int)
        nb_arg_error(L, fn, i, arg, 'i', optional);
    return v;
}

#endif
