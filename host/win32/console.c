/* Windows: the line editor of `nianbao.console` (see console.h). */
#include "console.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include <lauxlib.h>
#include <lua.h>

#include "compat.h"

/* the metatable host/prompt.c registers for editors */
static const char EDITOR_MT[] = "nianbao.editor";

typedef struct {
    int open;
} editor;

int nb_win_columns(void)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    if (GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &info))
        return info.srWindow.Right - info.srWindow.Left + 1;
    return 0;
}

static editor *check_editor(lua_State *L)
{
    editor *ed = luaL_checkudata(L, 1, EDITOR_MT);
    if (!ed->open)
        luaL_error(L, "行编辑器已关闭");
    return ed;
}

/* console.editor(completer) -> an editor; the completer is not used on Windows */
int nb_win_editor(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    editor *ed = lua_newuserdatauv(L, sizeof *ed, 0);
    ed->open = 1;
    luaL_setmetatable(L, EDITOR_MT);
    return 1;
}

/* One line from the console in UTF-16, as UTF-8: a console's bytes would be in its code
 * page (936). -1 at end of input (Ctrl-Z), 0 when Ctrl-C cancelled the line, 1 read. */
static int read_console(lua_State *L, HANDLE in)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    wchar_t chunk[512];
    for (;;) {
        DWORD n = 0;
        SetLastError(0);
        if (!ReadConsoleW(in, chunk, (DWORD)(sizeof chunk / sizeof *chunk - 1), &n, NULL) ||
            GetLastError() == ERROR_OPERATION_ABORTED) {
            luaL_pushresult(&b);
            lua_pop(L, 1);
            return GetLastError() == ERROR_OPERATION_ABORTED ? 0 : -1;
        }
        if (n == 0) { /* Ctrl-C: the read returns empty */
            luaL_pushresult(&b);
            lua_pop(L, 1);
            return 0;
        }
        chunk[n] = 0;
        int end = n > 0 && chunk[n - 1] == L'\n';
        if (chunk[0] == 0x1A && luaL_bufflen(&b) == 0) { /* Ctrl-Z Enter */
            luaL_pushresult(&b);
            lua_pop(L, 1);
            return -1;
        }
        char *s = nb_win_utf8(chunk);
        if (s) {
            luaL_addstring(&b, s);
            free(s);
        }
        if (end)
            break;
    }
    luaL_pushresult(&b);
    return 1;
}

/* ed:read(prompt) -> the line, false when Ctrl-C cancelled it, or nil at end of input */
int nb_win_ed_read(lua_State *L)
{
    check_editor(L);
    fputs(luaL_optstring(L, 2, "> "), stdout);
    fflush(stdout);
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode;
    int got;
    if (GetConsoleMode(in, &mode)) {
        got = read_console(L, in);
    } else {
        char line[4096];
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        got = -1;
        while (fgets(line, sizeof line, stdin)) {
            got = 1;
            luaL_addstring(&b, line);
            if (strchr(line, '\n'))
                break;
        }
        luaL_pushresult(&b);
        if (got < 0)
            lua_pop(L, 1);
    }
    if (got < 0) {
        lua_pushnil(L);
        return 1;
    }
    if (got == 0) {
        fputs("^C\n", stdout);
        lua_pushboolean(L, 0);
        return 1;
    }
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
        len--;
    lua_pushlstring(L, s, len);
    return 1;
}

/* History lives in the console (arrow keys, F7) for the session; nothing is kept in files. */
int nb_win_ed_add(lua_State *L)
{
    check_editor(L);
    luaL_checkstring(L, 2);
    return 0;
}

int nb_win_ed_load(lua_State *L)
{
    check_editor(L);
    lua_pushboolean(L, 1);
    return 1;
}

int nb_win_ed_save(lua_State *L)
{
    return nb_win_ed_load(L);
}

int nb_win_ed_close(lua_State *L)
{
    editor *ed = luaL_checkudata(L, 1, EDITOR_MT);
    ed->open = 0;
    return 0;
}
