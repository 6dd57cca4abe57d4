/* Build-time tool: compiles the bundled scripts to Lua bytecode with the same liblua the
 * binary links, so the bytecode matches the interpreter that loads it.
 *
 *   compile SCRIPTS_DIR OUT_DIR NAME...   (NAME relative to SCRIPTS_DIR, e.g. render/html.lua)
 *
 * writes OUT_DIR/NAME.luac. The chunk name is "@scripts/NAME", the name the embedded copy
 * has always had. The bytecode keeps the source name, the line information and the upvalue
 * names, so errors and tracebacks keep saying scripts/render/html.lua:42 (and "upvalue 'f'",
 * "global 'x'"), but not the local variables' names (tools/bcstrip.c): loading interns every
 * string of the chunk, and those names were most of them. A chunk the rewrite does not
 * understand, or whose rewrite does not load back to the same bytes, is written as lua_dump
 * made it, with one warning. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lua.h>

#include "bcstrip.h"

/* What the embedded bytecode leaves out. NB_BC_DROP_UPNAMES was measured too (the figures
 * are in docs/design.md); override with -DNB_COMPILE_STRIP=... only to measure again. */
#ifndef NB_COMPILE_STRIP
#define NB_COMPILE_STRIP NB_BC_DROP_LOCALS
#endif

typedef struct {
    unsigned char *data;
    size_t len, cap;
} Buf;

static int writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    Buf *b = ud;
    if (sz > b->cap - b->len) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap - b->len < sz)
            cap *= 2;
        unsigned char *d = realloc(b->data, cap);
        if (!d)
            return 1;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, sz);
    b->len += sz;
    return 0;
}

/* Proof that the rewritten chunk is what the loader reads: it loads (mode "b"), and a dump
 * of the loaded function (strip = 0) gives back exactly its bytes. */
static int loads_back(lua_State *L, const unsigned char *code, size_t len, const char *chunk)
{
    int top = lua_gettop(L);
    Buf again = {0};
    int ok = luaL_loadbufferx(L, (const char *)code, len, chunk, "b") == LUA_OK
             && lua_dump(L, writer, &again, 0) == 0
             && again.len == len && memcmp(again.data, code, len) == 0;
    free(again.data);
    lua_settop(L, top);
    return ok;
}

/* The function on top of the stack, dumped and rewritten; *out is malloc'd. */
static int dump(lua_State *L, const char *name, const char *chunk, unsigned char **out,
                size_t *len)
{
    Buf b = {0};
    if (lua_dump(L, writer, &b, 0) != 0) {
        free(b.data);
        return -1;
    }
    unsigned char *small = malloc(b.len ? b.len : 1);
    const char *why = "out of memory";
    size_t n = small ? nb_bc_strip(b.data, b.len, small, NB_COMPILE_STRIP, &why) : 0;
    if (n > 0 && !loads_back(L, small, n, chunk)) {
        why = "the rewritten chunk does not load back to the same bytes";
        n = 0;
    }
    if (n == 0) {
        fprintf(stderr, "compile: warning: %s: local names kept (%s)\n", name, why);
        free(small);
        *out = b.data;
        *len = b.len;
        return 0;
    }
    free(b.data);
    *out = small;
    *len = n;
    return 0;
}

/* mkdir -p of the folders in path (up to its last '/') */
static int make_parents(char *path)
{
    for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        int r = mkdir(path, 0777);
        *s = '/';
        if (r != 0 && errno != EEXIST)
            return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s SCRIPTS_DIR OUT_DIR NAME...\n", argv[0]);
        return 2;
    }
    lua_State *L = luaL_newstate();
    if (!L)
        return 1;
    int status = 0;
    for (int i = 3; i < argc && status == 0; i++) {
        char src[4096], out[4096], chunk[4096];
        snprintf(src, sizeof src, "%s/%s", argv[1], argv[i]);
        snprintf(out, sizeof out, "%s/%sc", argv[2], argv[i]);
        snprintf(chunk, sizeof chunk, "@scripts/%s", argv[i]);
        FILE *f = fopen(src, "rb");
        if (!f) {
            fprintf(stderr, "%s: %s\n", src, strerror(errno));
            status = 1;
            break;
        }
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        char buf[8192];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
            luaL_addlstring(&b, buf, n);
        fclose(f);
        luaL_pushresult(&b);
        size_t len;
        const char *text = lua_tolstring(L, -1, &len);
        if (luaL_loadbufferx(L, text, len, chunk, "t") != LUA_OK) {
            fprintf(stderr, "%s\n", lua_tostring(L, -1));
            status = 1;
            break;
        }
        char tmp[4200];
        snprintf(tmp, sizeof tmp, "%s.tmp", out);
        FILE *o = (make_parents(out) == 0) ? fopen(tmp, "wb") : NULL;
        int bad = !o;
        if (o) {
            unsigned char *code = NULL;
            size_t clen = 0;
            bad = dump(L, argv[i], chunk, &code, &clen) != 0;
            bad |= !bad && fwrite(code, 1, clen, o) != clen;
            bad |= fclose(o) != 0;
            free(code);
        }
        if (bad || rename(tmp, out) != 0) {
            fprintf(stderr, "%s: cannot write\n", out);
            status = 1;
        }
        lua_settop(L, 0);
    }
    lua_close(L);
    return status;
}
