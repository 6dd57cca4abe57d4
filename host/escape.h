/* nb.escape_html(s): the one place where text is escaped for HTML (& < > " ' as entities),
 * in C because a page escapes every cell of the tables. tostring(s) first, as before. */
#ifndef NB_ESCAPE_H
#define NB_ESCAPE_H

typedef struct lua_State lua_State;

int nb_l_escape_html(lua_State *L);

#endif
