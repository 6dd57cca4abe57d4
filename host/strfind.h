#ifndef NB_STRFIND_H
#define NB_STRFIND_H

#include <lua.h>

/* Replace string.find by one that answers plain searches (plain = true, or a pattern without
 * special characters) with nb_text_find, and hands every other call to Lua's own, unchanged.
 * Call after the string library is open. */
void nb_install_string_find(lua_State *L);

#endif
