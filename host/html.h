/* The `nianbao.html` Lua module: an HTML5 parse tree (gumbo) and charset conversion
 * (iconv), the two things the importer of published reports cannot do well in Lua. */
#ifndef NB_HTML_H
#define NB_HTML_H

typedef struct lua_State lua_State;

/* luaopen-style: pushes the module table { parse = ..., iconv = ... }. */
int nb_open_html(lua_State *L);

#endif
