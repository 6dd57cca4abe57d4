/* Build-time tool: compiles the bundled scripts to Lua bytecode with the same liblua the
 * binary links, so the bytecode matches the interpreter that loads it.
 *
 *   compile SCRIPTS_DIR OUT_DIR NAME...   (NAME relative to SCRIPTS_DIR, e.g. render/html.lua)
 *
 * writes OUT_DIR/NAME.luac. The chunk name is "@scripts/NAME", the name the embedded copy
 * has always had, and debug information is kept (lua_dump with strip = 0): errors and
 * tracebacks keep saying scripts/render/html.lua:42. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lua.h>

static int writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    return fwrite(p, 1, sz, (FILE *)ud) == sz ? 0 : 1;
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
            bad = lua_dump(L, writer, o, 0) != 0;
            bad |= fclose(o) != 0;
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
