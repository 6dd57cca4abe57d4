#include "host.h"
#include "pool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifndef _WIN32
#include <dirent.h>
#endif

#include <lauxlib.h>
#include <lfs.h>
#include <lua.h>
#include <lualib.h>

#include "binding.h"
#include "prompt.h"
#include "strfind.h"
#include "html.h"

#ifndef NB_SHARE_DIR
#define NB_SHARE_DIR "/usr/local/share/nianbao"
#endif

static const char PATH_KEY[] = "nianbao.search_path";

/* NIANBAO_PATH's separator: ';' on Windows, where ':' is part of "C:\..." */
#ifdef _WIN32
#define PATH_LIST_SEP ';'
#else
#define PATH_LIST_SEP ':'
#endif

static int msghandler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (!msg) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            return 1;
        msg = lua_pushfstring(L, "(错误对象为 %s)", luaL_typename(L, 1));
    }
    /* a rule's error carries the traceback of where it was raised (nianbao/rules.lua):
     * a second one, from where it was raised again, would only repeat the host's frames */
    if (strstr(msg, "\nstack traceback:\n"))
        return 1;
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int nb_host_pcall(lua_State *L, int nargs, int nresults)
{
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    int status = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    return status;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void path_add_n(lua_State *L, const char *dir, size_t len)
{
    if (!dir || len == 0)
        return;
    lua_pushlstring(L, dir, len);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
}

/* Scripts are trusted code: a folder on the path that anyone may write to (and that is not
 * sticky like /tmp) would let anyone run code as the user, so say so. Its subfolders
 * (rules/, render/…) and its .lua files are looked at too (a few levels, a bounded number of
 * entries): a rules/ folder or a rule file anyone may write to is the same hole. */
#ifndef _WIN32
static void warn_tree(const char *path, int depth, int *budget)
{
    struct stat st;
    /* the folder given is followed if it is a link; what is inside it is not */
    if (--*budget < 0 || (depth == 0 ? stat(path, &st) : lstat(path, &st)) != 0 ||
        (depth == 0 && !S_ISDIR(st.st_mode)))
        return;
    if (S_ISDIR(st.st_mode)) {
        if ((st.st_mode & S_IWOTH) && !(st.st_mode & S_ISVTX))
            fprintf(stderr, "nianbao：警告：脚本文件夹 %s 可被其他用户写入，其中的脚本可能被他人替换\n", path);
        DIR *d = depth < 3 ? opendir(path) : NULL;
        for (struct dirent *e; d && (e = readdir(d)) != NULL && *budget > 0;) {
            if (e->d_name[0] == '.')
                continue;
            char sub[4096];
            int n = snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            if (n > 0 && (size_t)n < sizeof sub)
                warn_tree(sub, depth + 1, budget);
        }
        if (d)
            closedir(d);
    } else if (S_ISREG(st.st_mode) && (st.st_mode & S_IWOTH)) {
        size_t len = strlen(path);
        if (len > 4 && strcmp(path + len - 4, ".lua") == 0)
            fprintf(stderr, "nianbao：警告：脚本 %s 可被其他用户写入，可能被他人替换\n", path);
    }
}
#endif

static void warn_if_writable_by_others(const char *dir)
{
#ifdef _WIN32
    (void)dir; /* msvcrt's st_mode copies the owner's bits to "others": ACLs are not seen */
#else
    /* a check -j child (nianbao/parallel.lua): its parent has warned about the same folders */
    if (getenv("NIANBAO_JOB_CHILD"))
        return;
    int budget = 2001; /* 2,000 entries below the folder itself */
    warn_tree(dir, 0, &budget);
#endif
}

static void path_add(lua_State *L, const char *dir)
{
    if (dir && *dir)
        warn_if_writable_by_others(dir);
    path_add_n(L, dir, dir ? strlen(dir) : 0);
}

static void build_path(lua_State *L, const char *const *dirs, size_t ndirs)
{
    lua_newtable(L);
    for (size_t i = 0; i < ndirs; i++)
        path_add(L, dirs[i]);
    const char *env = getenv("NIANBAO_PATH");
    /* split in place: no malloc'd copy may be held while pushing, which can raise */
    for (const char *p = env; p && *p;) {
        const char *colon = strchr(p, PATH_LIST_SEP);
        size_t len = colon ? (size_t)(colon - p) : strlen(p);
        path_add_n(L, p, len);
        p = colon ? colon + 1 : p + len;
    }
    char buf[4096];
    int n = -1;
#ifdef _WIN32 /* the user's scripts in %APPDATA%\nianbao */
    const char *appdata = getenv("APPDATA");
    if (appdata && *appdata)
        n = snprintf(buf, sizeof buf, "%s\\nianbao", appdata);
#else
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (xdg && xdg[0] == '/') /* the XDG spec: a relative path is invalid and ignored */
        n = snprintf(buf, sizeof buf, "%s/nianbao", xdg);
    else if (home && home[0] == '/') /* nor a relative HOME: the current folder is no config */
        n = snprintf(buf, sizeof buf, "%s/.config/nianbao", home);
#endif
    if (n > 0 && (size_t)n < sizeof buf && is_dir(buf)) /* a cut path would name another folder */
        path_add(L, buf);
    if (is_dir(NB_SHARE_DIR))
        path_add(L, NB_SHARE_DIR);
    lua_setfield(L, LUA_REGISTRYINDEX, PATH_KEY);
}

/* Put the strings of the table at idx (the --scripts folders) before the search path. */
void nb_host_prepend_path(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    if (n == 0)
        return;
    lua_newtable(L);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        const char *dir = lua_tostring(L, -1);
        lua_pop(L, 1); /* the string stays in the table at idx */
        path_add(L, dir);
    }
    lua_getfield(L, LUA_REGISTRYINDEX, PATH_KEY);
    lua_Integer m = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= m; i++) {
        lua_rawgeti(L, -1, i);
        lua_rawseti(L, -3, (lua_Integer)lua_rawlen(L, -3) + 1);
    }
    lua_pop(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, PATH_KEY);
}

void nb_host_push_path(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, PATH_KEY);
}

/* Push the contents of a regular file of `size` bytes. The buffer is made before the file
 * is opened, so that nothing raises (out of memory) while the FILE is held. */
static int push_file(lua_State *L, const char *path, size_t size)
{
    luaL_Buffer b;
    char *data = luaL_buffinitsize(L, &b, size);
    FILE *f = fopen(path, "rb");
    if (!f) {
        lua_pop(L, 1); /* the buffer's box */
        return 0;
    }
    size_t n = fread(data, 1, size, f);
    fclose(f);
    luaL_pushresultsize(&b, n);
    return 1;
}

static const nb_embedded_file *embedded(const char *name)
{
    for (size_t i = 0; i < nb_embedded_count; i++)
        if (strcmp(nb_embedded_files[i].name, name) == 0)
            return &nb_embedded_files[i];
    return NULL;
}

/* Along the search path: pushes a file's text and returns its path, or returns the
 * embedded entry (pushing nothing, *e set); NULL and nothing pushed when there is none. A
 * file identical to its embedded copy also gives the embedded entry, with its own path. */
static const char *find(lua_State *L, const char *name, char *where, size_t where_len,
                        const nb_embedded_file **e)
{
    *e = NULL;
    nb_host_push_path(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        int n = snprintf(where, where_len, "%s/%s", lua_tostring(L, -1), name);
        lua_pop(L, 1);
        if (n < 0 || (size_t)n >= where_len)
            continue; /* cut: it would name some other file */
        struct stat st;
        if (stat(where, &st) == 0 && S_ISREG(st.st_mode) && push_file(L, where, (size_t)st.st_size)) {
            lua_remove(L, -2);
            /* A file identical to the embedded copy (an installed share folder holds the same
             * scripts) is loaded from the embedded bytecode: compiling them all again made a
             * check of a real report cost twice as much (docs/benchmarks.md). */
            const nb_embedded_file *same = embedded(name);
            size_t len;
            const char *text = lua_tolstring(L, -1, &len);
            if (same && same->code && len == same->len && memcmp(text, same->data, len) == 0) {
                lua_pop(L, 1);
                *e = same;
            }
            return where;
        }
    }
    lua_pop(L, 1);
    *e = embedded(name);
    if (!*e)
        return NULL;
    if (strncmp(name, "templates/", 10) == 0 || strncmp(name, "docs/", 5) == 0)
        snprintf(where, where_len, "%s", name);
    else
        snprintf(where, where_len, "scripts/%s", name);
    return where;
}

const char *nb_host_find(lua_State *L, const char *name, char *where, size_t where_len)
{
    const nb_embedded_file *e;
    const char *found = find(L, name, where, where_len, &e);
    if (found && e)
        lua_pushlstring(L, e->data, e->len);
    return found;
}

int nb_host_is_embedded(lua_State *L, const char *name)
{
    const nb_embedded_file *e;
    char where[4096];
    const char *found = find(L, name, where, sizeof where, &e);
    if (found && !e)
        lua_pop(L, 1); /* the file's text */
    return e != NULL;
}

const char *nb_host_load(lua_State *L, const char *name, char *where, size_t where_len, int *err,
                         int *embedded)
{
    const nb_embedded_file *e;
    *err = 0;
    const char *found = find(L, name, where, where_len, &e);
    if (embedded)
        *embedded = e != NULL;
    if (!found)
        return NULL;
    char chunk[4100];
    snprintf(chunk, sizeof chunk, "@%s", found);
    int status;
    if (e && e->code) /* the bytecode carries its own chunk name, "@scripts/NAME" */
        status = luaL_loadbufferx(L, e->code, e->code_len, chunk, "b");
    else if (e)
        status = luaL_loadbufferx(L, e->data, e->len, chunk, "t");
    else {
        size_t len;
        const char *text = lua_tolstring(L, -1, &len);
        status = luaL_loadbufferx(L, text, len, chunk, "t"); /* files on the path stay source */
        lua_remove(L, -2); /* the text, under the function or the message */
    }
    if (status != LUA_OK) {
        *err = 1;
        return NULL;
    }
    return found;
}

/* package.searchers entry: "a.b" -> a/b.lua or a/b/init.lua along the search path. */
static int search_module(lua_State *L)
{
    const char *mod = luaL_checkstring(L, 1);
    char rel[512], where[4096];
    const char *patterns[] = {"%s.lua", "%s/init.lua"};
    char base[400];
    if (strlen(mod) >= sizeof base) { /* a cut name could load some other module */
        lua_pushfstring(L, "\n\t模块名过长（%d 字节以上）：'%s'", (int)sizeof base, mod);
        return 1;
    }
    snprintf(base, sizeof base, "%s", mod);
    for (char *p = base; *p; p++)
        if (*p == '.')
            *p = '/';
    for (int i = 0; i < 2; i++) {
        snprintf(rel, sizeof rel, patterns[i], base);
        int err;
        const char *found = nb_host_load(L, rel, where, sizeof where, &err, NULL);
        if (err)
            return lua_error(L);
        if (!found)
            continue;
        lua_pushstring(L, found);
        return 2;
    }
    lua_pushfstring(L, "\n\t在脚本搜索路径中找不到 '%s.lua'（nianbao --which %s 查看搜索路径）", base, base);
    return 1;
}

typedef struct {
    const char *const *dirs;
    size_t n;
} host_args;

/* registry: 2 while starting up, 1 once a report has been read, nil after start-up */
static const char STARTUP_KEY[] = "nianbao.startup";

static int open_host(lua_State *L)
{
    const host_args *a = lua_touserdata(L, 1);
    lua_pushinteger(L, 2);
    lua_setfield(L, LUA_REGISTRYINDEX, STARTUP_KEY);
    build_path(L, a->dirs, a->n);
    luaL_openlibs(L);
    nb_install_string_find(L);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    lua_pushcfunction(L, luaopen_lfs);
    lua_setfield(L, -2, "lfs");
    lua_pushcfunction(L, nb_open_module);
    lua_setfield(L, -2, "nianbao");
    lua_pushcfunction(L, nb_open_console), lua_setfield(L, -2, "nianbao.console");
    lua_pushcfunction(L, nb_open_html), lua_setfield(L, -2, "nianbao.html");
    lua_pop(L, 1);
    /* Our searcher replaces package.path and the native-module searchers. */
    lua_getglobal(L, "package");
    lua_newtable(L);
    lua_getfield(L, -2, "searchers");
    lua_rawgeti(L, -1, 1); /* the preload searcher */
    lua_rawseti(L, -3, 1);
    lua_pop(L, 1);
    lua_pushcfunction(L, search_module);
    lua_rawseti(L, -2, 2);
    lua_setfield(L, -2, "searchers");
    lua_pushnil(L);
    lua_setfield(L, -2, "loadlib");
    lua_pushliteral(L, "");
    lua_setfield(L, -2, "cpath");
    lua_pop(L, 1);
    return 0;
}

/* What luaL_newstate sets besides the allocator: a panic message, and Lua's warnings off
 * until a script turns them on with warn("@on"). */
static int panic(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "nianbao：Lua 未受保护的错误：%s\n", msg ? msg : "?");
    return 0; /* Lua aborts */
}

static void warn_to_stderr(void *ud, const char *msg, int tocont)
{
    static int on, continuing;
    (void)ud;
    if (!continuing && !tocont && *msg == '@') { /* a control message */
        if (strcmp(msg, "@on") == 0)
            on = 1;
        else if (strcmp(msg, "@off") == 0)
            on = 0;
        return;
    }
    if (on) {
        fprintf(stderr, "%s%s%s", continuing ? "" : "Lua 警告：", msg, tocont ? "" : "\n");
        fflush(stderr);
    }
    continuing = tocont;
}

static lua_Integer startup_state(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, STARTUP_KEY);
    lua_Integer state = lua_tointeger(L, -1); /* 0 for nil */
    lua_pop(L, 1);
    return state;
}

int nb_host_starting_up(lua_State *L) { return startup_state(L) > 0; }

int nb_host_end_startup(lua_State *L)
{
    if (!nb_host_starting_up(L))
        return 0;
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, STARTUP_KEY);
    /* only the pause, and only if it is still start-up's: the mode (a script may have made
     * the collector generational) and a pause a script chose stay */
    int pause = lua_gc(L, LUA_GCSETPAUSE, NB_DEFAULT_GC_PAUSE);
    if (pause != NB_STARTUP_GC_PAUSE)
        lua_gc(L, LUA_GCSETPAUSE, pause);
    return 1;
}

void nb_host_reading_report(lua_State *L)
{
    lua_Integer state = startup_state(L);
    if (state == 2) { /* the first report is part of start-up */
        lua_pushinteger(L, 1);
        lua_setfield(L, LUA_REGISTRYINDEX, STARTUP_KEY);
    } else if (state == 1) { /* a second one: a batch, whose steady state is Lua's default */
        nb_host_end_startup(L);
    }
}

lua_State *nb_host_new(const char *const *script_dirs, size_t n)
{
    /* the script state's many small objects come from a pool (host/pool.c) */
    nb_pool *pool = nb_pool_new();
    lua_State *L = pool ? lua_newstate(nb_pool_alloc, pool) : NULL;
    if (!L) {
        nb_pool_free(pool);
        return NULL;
    }
    lua_atpanic(L, panic);
    lua_setwarnf(L, warn_to_stderr, NULL);
    lua_gc(L, LUA_GCSETPAUSE, NB_STARTUP_GC_PAUSE);
    /* as if that much had been freed: Lua's step adds its size (here negative) to the
     * collector's debt, and a cycle starts only when the debt is positive */
    lua_gc(L, LUA_GCSTEP, -NB_STARTUP_GC_ALLOWANCE_KB);
    host_args args = {script_dirs, n};
    lua_pushcfunction(L, open_host);
    lua_pushlightuserdata(L, &args);
    if (nb_host_pcall(L, 1, 0) != LUA_OK) {
        fprintf(stderr, "nianbao：无法初始化脚本环境：%s\n", lua_tostring(L, -1));
        nb_host_close(L);
        return NULL;
    }
    return L;
}

void nb_host_close(lua_State *L)
{
    if (!L)
        return;
    void *pool;
    lua_Alloc alloc = lua_getallocf(L, &pool);
    lua_close(L);
    if (alloc == nb_pool_alloc)
        nb_pool_free(pool);
}
