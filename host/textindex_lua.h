/* nb._text_index(s): the C text index of one narrative text (host/textindex.c) as plain
 * Lua tables; scripts/nianbao/textindex.lua builds nb.text on it. */
#ifndef NB_TEXTINDEX_LUA_H
#define NB_TEXTINDEX_LUA_H

typedef struct lua_State lua_State;

int nb_l_text_index(lua_State *L);

#endif
