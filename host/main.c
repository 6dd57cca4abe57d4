/* nianbao: command-line parsing and dispatch. The global options (--scripts, --help,
 * --version) are taken here; each command's own options are parsed by its driver in
 * scripts/nianbao/cli.lua, which runs in the trusted script state. */
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

/* require("nianbao.cli").main(args) -> exit code */
static int run_cli(lua_State *L)
{
    lua_getglobal(L, "require");
    lua_pushliteral(L, "nianbao.cli");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "main");
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    return 1;
}

int main(int argc, char **argv)
{
#ifdef _WIN32 /* UTF-8 arguments and console (host/win32/compat.c) */
    nb_win_init(&argc, &argv);
#endif
    /* --scripts DIR may stand anywhere; everything else goes to the Lua driver. */
    const char **dirs = calloc((size_t)argc + 1, sizeof *dirs);
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    if (!dirs || !rest) {
        fputs("nianbao：内存不足\n", stderr);
        free(dirs);
        free(rest);
        return NB_EXIT_USAGE;
    }
    size_t ndirs = 0;
    int nrest = 0, after_dashdash = 0;
    for (int i = 1; i < argc; i++) {
        if (!after_dashdash && strcmp(argv[i], "--") == 0) {
            after_dashdash = 1;
            rest[nrest++] = argv[i];
        } else if (!after_dashdash && strcmp(argv[i], "--scripts") == 0) {
            if (i + 1 >= argc) {
                fputs("nianbao：--scripts 后面需要一个文件夹\n", stderr);
                free(dirs);
                free(rest);
                return NB_EXIT_USAGE;
            }
            dirs[ndirs++] = argv[++i];
        } else if (!after_dashdash && strncmp(argv[i], "--scripts=", 10) == 0) {
            dirs[ndirs++] = argv[i] + 10;
        } else {
            rest[nrest++] = argv[i];
        }
    }
    lua_State *L = nb_host_new(dirs, ndirs);
    int code = NB_EXIT_SCRIPT;
    if (L) {
        lua_pushcfunction(L, push_args);
        lua_pushlightuserdata(L, rest);
        lua_pushinteger(L, nrest);
        if (nb_host_pcall(L, 2, 1) == LUA_OK) {
            lua_pushcfunction(L, run_cli);
            lua_insert(L, -2);
            if (nb_host_pcall(L, 1, 1) == LUA_OK) {
                code = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : NB_EXIT_OK;
            } else {
                fprintf(stderr, "nianbao：脚本错误：%s\n", lua_tostring(L, -1));
            }
        } else {
            fprintf(stderr, "nianbao：%s\n", lua_tostring(L, -1));
        }
        fflush(stdout);
        nb_host_close(L);
    } else {
        fputs("nianbao：内存不足，无法建立脚本环境\n", stderr);
    }
    free(dirs);
    free(rest);
    return code;
}
