/* The C half of the interactive prompt (`nianbao repl`): the Lua module `nianbao.console`
 * with line editing, history and completion through libedit (BSD licence; never GNU
 * readline), and a protected call that Ctrl-C can interrupt. Everything that can be Lua
 * (the read-eval-print loop, the pretty printer, completion candidates, help) lives in
 * scripts/nianbao/commands/repl.lua and scripts/nianbao/prompt.lua.
 *
 * It is named `nianbao.console`, not `nianbao.prompt`, because the Lua module
 * scripts/nianbao/prompt.lua already has that name and a preloaded C module would hide it. */
#ifndef NB_PROMPT_H
#define NB_PROMPT_H

typedef struct lua_State lua_State;

/* luaopen function of `nianbao.console`. */
int nb_open_console(lua_State *L);

#endif
