/* Windows: the line editor of `nianbao.console` without libedit (host/prompt.c includes this
 * in place of libedit's section). Plain line input through the console's own editing, which
 * keeps a history of the session (arrow keys, F7); no Tab completion. */
#ifndef NB_WIN32_CONSOLE_H
#define NB_WIN32_CONSOLE_H

typedef struct lua_State lua_State;

int nb_win_columns(void);
int nb_win_editor(lua_State *L);
int nb_win_ed_read(lua_State *L);
int nb_win_ed_add(lua_State *L);
int nb_win_ed_load(lua_State *L);
int nb_win_ed_save(lua_State *L);
int nb_win_ed_close(lua_State *L);

#define terminal_columns nb_win_columns
#define l_editor nb_win_editor
#define ed_read nb_win_ed_read
#define ed_add nb_win_ed_add
#define ed_load nb_win_ed_load
#define ed_save nb_win_ed_save
#define ed_close nb_win_ed_close

#endif
