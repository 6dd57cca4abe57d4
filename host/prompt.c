#include "prompt.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef _WIN32
#include "win32/console.h" /* plain line input instead of libedit */
#else
#include <sys/ioctl.h>

#include "editline.h"
#endif
#include <lauxlib.h>
#include <lua.h>

#include "utf8.h"

static const char EDITOR_MT[] = "nianbao.editor";
enum { HISTORY_SIZE = 1000 };

/* ---------- the terminal ---------- */

/* console.isatty([fd]) -> whether fd (0 stdin, the default; 1 stdout; 2 stderr) is a terminal */
static int l_isatty(lua_State *L)
{
    lua_Integer fd = luaL_optinteger(L, 1, STDIN_FILENO);
    luaL_argcheck(L, fd >= 0 && fd <= 2, 1, "0, 1 or 2");
    lua_pushboolean(L, isatty((int)fd));
    return 1;
}

#ifndef _WIN32
static int terminal_columns(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 0;
}
#endif

/* console.columns() -> width of the terminal, or nil when stdout is not one */
static int l_columns(lua_State *L)
{
    int c = terminal_columns();
    if (c > 0)
        lua_pushinteger(L, c);
    else
        lua_pushnil(L);
    return 1;
}

/* ---------- the line editor (libedit) ---------- */
#ifndef _WIN32

/* libedit, loaded by the first console.editor() (host/editline.c) */
static const nb_editline *E;

typedef struct {
    EditLine *el;
    History *hist;
    lua_State *L;       /* the state of the current read(), for the completion callback */
    int completer;      /* registry reference of the Lua completion function */
    int cancelled;      /* Ctrl-C was pressed during the current read() */
    char prompt[256];
} editor;

static editor *check_editor(lua_State *L, int idx)
{
    editor *ed = luaL_checkudata(L, idx, EDITOR_MT);
    if (!ed->el)
        luaL_error(L, "行编辑器已关闭");
    return ed;
}

static char *prompt_cb(EditLine *el)
{
    editor *ed;
    E->el_get(el, EL_CLIENTDATA, &ed);
    return ed->prompt;
}

/* Ctrl-C while typing: the terminal does not turn it into SIGINT during a read (-isig),
 * so it arrives here as a key and cancels the line. */
static unsigned char cancel_cb(EditLine *el, int ch)
{
    (void)ch;
    editor *ed;
    E->el_get(el, EL_CLIENTDATA, &ed);
    ed->cancelled = 1;
    /* show ^C at the end of the line, then end it as Enter would (a pushed newline) */
    const LineInfo *li = E->el_line(el);
    E->el_cursor(el, (int)(li->lastchar - li->cursor));
    E->el_insertstr(el, "^C");
    E->el_push(el, "\n");
    return CC_REFRESH;
}

/* Runs the completer of the editor given as argument 1. Everything that may
 * raise happens in here, under lua_pcall, so no error unwinds through libedit's frames. */
static int call_completer(lua_State *L)
{
    editor *ed = lua_touserdata(L, 1);
    const LineInfo *li = E->el_line(ed->el);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ed->completer);
    lua_pushlstring(L, li->buffer, (size_t)(li->cursor - li->buffer));
    lua_pushinteger(L, terminal_columns() > 0 ? terminal_columns() : 80);
    lua_call(L, 2, 2);
    return 2;
}

/* Tab: the Lua completer gets the text before the cursor and the terminal width, and
 * returns the text to insert and, when there are several candidates, a listing to show. */
static unsigned char complete_cb(EditLine *el, int ch)
{
    (void)ch;
    editor *ed;
    E->el_get(el, EL_CLIENTDATA, &ed);
    lua_State *L = ed->L;
    if (!L || ed->completer == LUA_NOREF)
        return CC_REFRESH_BEEP;
    int top = lua_gettop(L);
    unsigned char rc = CC_REFRESH_BEEP;
    lua_pushcfunction(L, call_completer);
    lua_pushlightuserdata(L, ed);
    if (lua_pcall(L, 1, 2, 0) == LUA_OK) {
        const char *insert = lua_tostring(L, -2);
        const char *listing = lua_tostring(L, -1);
        if (insert && *insert && E->el_insertstr(el, insert) == 0)
            rc = CC_REFRESH;
        if (listing && *listing) {
            fprintf(stdout, "\n%s\n", listing);
            fflush(stdout);
            rc = CC_REDISPLAY;
        }
    }
    lua_settop(L, top);
    return rc;
}

static void editor_free(lua_State *L, editor *ed)
{
    if (ed->el) {
        E->el_end(ed->el); /* restores the terminal */
        ed->el = NULL;
    }
    if (ed->hist) {
        E->history_end(ed->hist);
        ed->hist = NULL;
    }
    luaL_unref(L, LUA_REGISTRYINDEX, ed->completer);
    ed->completer = LUA_NOREF;
}

static int ed_close(lua_State *L)
{
    editor_free(L, luaL_checkudata(L, 1, EDITOR_MT));
    return 0;
}

/* libedit needs a multibyte locale to edit UTF-8 text; only the character type is set,
 * so number formatting in Lua is not affected. */
static void use_utf8_locale(void)
{
    if (!setlocale(LC_CTYPE, "") || MB_CUR_MAX == 1)
        setlocale(LC_CTYPE, "C.UTF-8");
}

/* console.editor(completer) -> an editor reading the terminal, with history; or nil and a
 * message when libedit cannot be loaded (the prompt then reads plain lines) */
static int l_editor(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    const char *why = NULL;
    if (!E && !(E = nb_editline_open(&why))) {
        luaL_pushfail(L);
        lua_pushfstring(L, "无法载入行编辑器 libedit（%s）", why);
        return 2;
    }
    editor *ed = lua_newuserdatauv(L, sizeof *ed, 0);
    memset(ed, 0, sizeof *ed);
    ed->completer = LUA_NOREF;
    luaL_setmetatable(L, EDITOR_MT);
    use_utf8_locale();
    ed->hist = E->history_init();
    ed->el = E->el_init("nianbao", stdin, stdout, stderr);
    if (!ed->hist || !ed->el) {
        editor_free(L, ed);
        return luaL_error(L, "无法初始化行编辑器（libedit）");
    }
    HistEvent ev;
    E->history(ed->hist, &ev, H_SETSIZE, HISTORY_SIZE);
    E->history(ed->hist, &ev, H_SETUNIQUE, 1);
    lua_pushvalue(L, 1);
    ed->completer = luaL_ref(L, LUA_REGISTRYINDEX);
    E->el_set(ed->el, EL_CLIENTDATA, ed);
    E->el_set(ed->el, EL_EDITOR, "emacs");
    E->el_set(ed->el, EL_SIGNAL, 1); /* follow terminal resizes */
    E->el_set(ed->el, EL_PROMPT, prompt_cb);
    E->el_set(ed->el, EL_HIST, E->history, ed->hist);
    /* the wide-character calls: libedit's narrow EL_ADDFN copies the names and leaks them */
    E->el_wset(ed->el, EL_ADDFN, L"nb-complete", L"complete a name", complete_cb);
    E->el_wset(ed->el, EL_BIND, L"^I", L"nb-complete", NULL);
    E->el_wset(ed->el, EL_ADDFN, L"nb-cancel", L"cancel the line", cancel_cb);
    E->el_wset(ed->el, EL_BIND, L"^C", L"nb-cancel", NULL);
    E->el_set(ed->el, EL_SETTY, "-d", "-isig", NULL);
    E->el_source(ed->el, NULL); /* the user's ~/.editrc may rebind keys */
    return 1;
}

/* ed:read(prompt) -> the line (without its newline), false when Ctrl-C cancelled it, or
 * nil at end of input (Ctrl-D) */
static int ed_read(lua_State *L)
{
    editor *ed = check_editor(L, 1);
    nb_format(ed->prompt, sizeof ed->prompt, "%s", luaL_optstring(L, 2, "> "));
    ed->L = L;
    ed->cancelled = 0;
    fflush(stdout);
    int n = 0;
    const char *line = E->el_gets(ed->el, &n);
    ed->L = NULL;
    if (ed->cancelled) {
        lua_pushboolean(L, 0);
        return 1;
    }
    if (!line || n <= 0) {
        lua_pushnil(L);
        return 1;
    }
    size_t len = strlen(line);
    if (len > 0 && line[len - 1] == '\n')
        len--;
    lua_pushlstring(L, line, len);
    return 1;
}

/* ed:add(statement): one history entry (a whole statement, possibly several lines) */
static int ed_add(lua_State *L)
{
    editor *ed = check_editor(L, 1);
    HistEvent ev;
    E->history(ed->hist, &ev, H_ENTER, luaL_checkstring(L, 2));
    return 0;
}

static int history_file(lua_State *L, int op)
{
    editor *ed = check_editor(L, 1);
    const char *path = luaL_checkstring(L, 2);
    HistEvent ev;
    errno = 0;
    if (E->history(ed->hist, &ev, op, path) < 0) {
        luaL_pushfail(L);
        lua_pushfstring(L, "%s：%s", path, errno ? strerror(errno) : "无法读写历史文件");
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

/* ed:load(path), ed:save(path) -> true or nil, message */
static int ed_load(lua_State *L) { return history_file(L, H_LOAD); }
static int ed_save(lua_State *L) { return history_file(L, H_SAVE); }
#endif /* the Windows editor: host/win32/console.c */

/* ---------- protected calls that Ctrl-C can interrupt ---------- */

/* As in lua.c: the SIGINT handler only sets a hook (lua_sethook is safe in a signal
 * handler); the hook raises the error at the next Lua instruction. The hook keeps raising
 * until the call returns, so a pcall inside the interrupted code cannot swallow it. */
static lua_State *volatile interrupt_target;
static volatile sig_atomic_t interrupt_pending;
static int last_call_interrupted;

static void interrupt_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    if (interrupt_pending)
        luaL_error(L, "已中断（Ctrl-C）");
}

static void on_sigint(int sig)
{
    signal(sig, SIG_DFL); /* a second Ctrl-C ends the program if C code does not return */
    interrupt_pending = 1;
    lua_sethook(interrupt_target, interrupt_hook,
                LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, 1);
}

/* Number of levels on the call stack (binary search, as a deep stack can be huge). */
static int stack_depth(lua_State *L)
{
    lua_Debug ar;
    int lo = 1, hi = 1;
    while (lua_getstack(L, hi, &ar)) {
        lo = hi + 1;
        hi *= 2;
    }
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (lua_getstack(L, mid, &ar))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void add_frame(lua_State *L, luaL_Buffer *b, int level)
{
    lua_Debug ar;
    if (!lua_getstack(L, level, &ar) || !lua_getinfo(L, "Slnt", &ar))
        return;
    if (ar.currentline > 0)
        lua_pushfstring(L, "\n\t%s:%d: in ", ar.short_src, ar.currentline);
    else
        lua_pushfstring(L, "\n\t%s: in ", ar.short_src);
    luaL_addvalue(b);
    if (*ar.namewhat)
        lua_pushfstring(L, "%s '%s'", strcmp(ar.namewhat, "global") == 0 ? "function" : ar.namewhat,
                        ar.name);
    else if (*ar.what == 'm')
        lua_pushliteral(L, "main chunk");
    else if (*ar.what == 'C')
        lua_pushliteral(L, "?");
    else
        lua_pushfstring(L, "function <%s:%d>", ar.short_src, ar.linedefined);
    luaL_addvalue(b);
    if (ar.istailcall)
        luaL_addstring(b, "\n\t(...tail calls...)");
}

/* Message handler: the message and a traceback of the evaluated code only; the frames of
 * the prompt itself (upvalue 1 = their number) are left out. */
static int traceback_handler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (!msg) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            msg = lua_tostring(L, -1);
        else
            msg = lua_pushfstring(L, "(错误对象为 %s)", luaL_typename(L, 1));
    }
    int own = (int)lua_tointeger(L, lua_upvalueindex(1));
    int last = stack_depth(L) - 1 - own; /* levels 1..last are the evaluated code */
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, msg);
    if (last >= 1) {
        luaL_addstring(&b, "\nstack traceback:");
        for (int level = 1; level <= last; level++) {
            if (last > 22 && level == 11) {
                lua_pushfstring(L, "\n\t...\t(skipping %d levels)", last - 21);
                luaL_addvalue(&b);
                level = last - 11;
                continue;
            }
            add_frame(L, &b, level);
        }
    }
    luaL_pushresult(&b);
    return 1;
}

/* console.call(f, ...) -> true, results... or false, message with traceback. Ctrl-C
 * during the call interrupts it and leaves the state usable. */
static int l_call(lua_State *L)
{
    luaL_checkany(L, 1);
    int nargs = lua_gettop(L) - 1;
    lua_pushinteger(L, stack_depth(L));
    lua_pushcclosure(L, traceback_handler, 1);
    lua_insert(L, 1);

    lua_Hook old_hook = lua_gethook(L);
    int old_mask = lua_gethookmask(L), old_count = lua_gethookcount(L);
    lua_State *old_target = interrupt_target;
    interrupt_target = L;
    interrupt_pending = 0;
#ifdef _WIN32 /* msvcrt runs a SIGINT handler for the console's Ctrl-C */
    void (*old_handler)(int) = signal(SIGINT, on_sigint);
#else
    struct sigaction sa, old_sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_sa);
#endif

    int status = lua_pcall(L, nargs, LUA_MULTRET, 1);

#ifdef _WIN32
    signal(SIGINT, old_handler);
#else
    sigaction(SIGINT, &old_sa, NULL);
#endif
    if (lua_gethook(L) == interrupt_hook)
        lua_sethook(L, old_hook, old_mask, old_count);
    last_call_interrupted = interrupt_pending;
    interrupt_pending = 0;
    interrupt_target = old_target;

    lua_pushboolean(L, status == LUA_OK);
    lua_replace(L, 1);
    return lua_gettop(L);
}

/* console.interrupted() -> whether Ctrl-C interrupted the last call */
static int l_interrupted(lua_State *L)
{
    lua_pushboolean(L, last_call_interrupted);
    return 1;
}

/* ---------- the module ---------- */

static const luaL_Reg editor_methods[] = {
    {"read", ed_read}, {"add", ed_add}, {"load", ed_load},
    {"save", ed_save}, {"close", ed_close}, {NULL, NULL},
};

static const luaL_Reg functions[] = {
    {"isatty", l_isatty}, {"columns", l_columns}, {"editor", l_editor},
    {"call", l_call},     {"interrupted", l_interrupted}, {NULL, NULL},
};

int nb_open_console(lua_State *L)
{
    if (luaL_newmetatable(L, EDITOR_MT)) {
        luaL_newlib(L, editor_methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, ed_close);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, ed_close);
        lua_setfield(L, -2, "__close");
    }
    lua_pop(L, 1);
    luaL_newlib(L, functions);
    return 1;
}
