/* nianbao: the entry point. Every argument goes to scripts/nianbao/cli.lua, which runs in
 * the trusted script state: split() takes the --scripts folders, main() the command and
 * its options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "host.h"

static int push_args(lua_State *L)
{
    char **argv = lua_touserdata(L, 1);
    int argc = (int)lua_tointeger(L, 2);
    lua_createtable(L, argc, 0);
    for (int i = 0; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* The start of the block holding the command line's state (the main thread's extra space
 * is its first bytes), kept in a global with external linkage (so that the store is not
 * optimised away): when the state is not closed at exit (below), its memory stays
 * reachable for memcheck's leak check rather than lost. */
void *nb_cli_state_block;

/* Whether main may leave the state to the operating system: closing it frees every object
 * one by one (about a million instructions after a check), which a process about to exit
 * does not need. Every output is already complete by then: files are written atomically
 * by nb.write_file when a script calls it, stdout and stderr are flushed below and by exit().
 * Not done after `run` and `repl` (a user's script or the terminal editor may count on
 * their __gc finalizers), nor after a script error, nor in the sanitizer builds and the
 * memory-fault test (NB_CLOSE_STATE_AT_EXIT), whose leak checks must see every object freed. */
static int may_skip_close(lua_State *L)
{
#if defined(NB_SANITIZE) || defined(__SANITIZE_ADDRESS__) || defined(NB_CLOSE_STATE_AT_EXIT)
    (void)L;
    return 0;
#else
    return lua_toboolean(L, -1);
#endif
}

/* The script state starts with the trusted search path only. nianbao.cli.split(args)
 * takes the --scripts folders out of args with each command's options known (before "--"
 * only, and never one that is also a file's name: a file named "--scripts=x.lua" that a
 * glob expands must not load code); then the folders are put first on the path, every script module
 * loaded so far is forgotten (a folder may replace any of them; without a folder they
 * stay), and
 * require("nianbao.cli").main(rest) runs. Returns the exit code, true and whether the
 * state may be left unclosed (cli.close_state not set by the command), or nil and a
 * message. */
static int run_cli(lua_State *L)
{
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "loaded"); /* 3 */
    lua_newtable(L);               /* 4: the modules loaded before any script */
    lua_pushnil(L);
    while (lua_next(L, 3)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushboolean(L, 1);
        lua_rawset(L, 4);
    }
    lua_getglobal(L, "require");
    lua_pushliteral(L, "nianbao.cli");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "split");
    lua_pushvalue(L, 1);
    lua_call(L, 1, 2); /* dirs, rest | nil, message */
    if (lua_isnil(L, -2))
        return 2;
    int no_dirs = lua_rawlen(L, -2) == 0;
    nb_host_prepend_path(L, -2);
    lua_replace(L, 1); /* rest */
    if (no_dirs) {
        /* no folder: the path is unchanged, so the modules loaded (this nianbao.cli at 5
         * included) are the ones a second load would give */
        lua_settop(L, 5);
    } else {
        lua_settop(L, 4);
        lua_pushnil(L);
        while (lua_next(L, 3)) { /* clearing a field during the traversal is allowed */
            lua_pop(L, 1);
            lua_pushvalue(L, -1);
            if (lua_rawget(L, 4) == LUA_TNIL) {
                lua_pushvalue(L, -2);
                lua_pushnil(L);
                lua_rawset(L, 3);
            }
            lua_pop(L, 1);
        }
        lua_getglobal(L, "require");
        lua_pushliteral(L, "nianbao.cli");
        lua_call(L, 1, 1);
    }
    lua_getfield(L, -1, "main");
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    lua_pushboolean(L, 1); /* ran (the code may be nil) */
    lua_getfield(L, -3, "close_state");
    lua_pushboolean(L, !lua_toboolean(L, -1));
    lua_remove(L, -2);
    return 3;
}

int main(int argc, char **argv)
{
#ifdef _WIN32 /* UTF-8 arguments and console (host/win32/compat.c) */
    nb_win_init(&argc, &argv);
#endif
    lua_State *L = nb_host_new(NULL, 0);
    if (L)
        nb_cli_state_block = lua_getextraspace(L);
    int code = NB_EXIT_SCRIPT, close_state = 1;
    if (L) {
        lua_pushcfunction(L, push_args);
        lua_pushlightuserdata(L, argv + 1);
        lua_pushinteger(L, argc - 1);
        if (nb_host_pcall(L, 2, 1) == LUA_OK) {
            lua_pushcfunction(L, run_cli);
            lua_insert(L, -2);
            if (nb_host_pcall(L, 1, 3) != LUA_OK) {
                fprintf(stderr, "nianbao：脚本错误：%s\n", lua_tostring(L, -1));
            } else if (lua_type(L, -2) == LUA_TSTRING) { /* split refused an argument */
                fprintf(stderr, "%s\n", lua_tostring(L, -2));
                code = NB_EXIT_USAGE;
            } else {
                code = lua_isinteger(L, -3) ? (int)lua_tointeger(L, -3) : NB_EXIT_OK;
                close_state = !may_skip_close(L);
            }
        } else {
            fprintf(stderr, "nianbao：%s\n", lua_tostring(L, -1));
        }
        fflush(stdout);
        if (close_state)
            nb_host_close(L);
    } else {
        fputs("nianbao：内存不足，无法建立脚本环境\n", stderr);
    }
    return code;
}
