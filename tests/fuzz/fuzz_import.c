/* libFuzzer target: the importer of published reports (nianbao.import, with host/html.c)
 * through the same script state as the program. The first byte picks the file name
 * (odd: "fuzz.html", even: "fuzz.txt"). A crash or sanitizer report is a finding; a Lua
 * error raised by the importer is one too when NB_FUZZ_STRICT is set (by default it is
 * printed once, as the importer is meant to return nil, message instead of raising). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lua.h>

#include "host.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int import_bytes(lua_State *L)
{
    lua_getglobal(L, "require");
    lua_pushliteral(L, "nianbao.import");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "import");
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_call(L, 2, 2);
    return 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lua_State *L;
    static long runs, reported;
    if (!L && !(L = nb_host_new(NULL, 0)))
        abort();
    if (size == 0)
        return 0;
    const char *name = (data[0] & 1) ? "fuzz.html" : "fuzz.txt";
    lua_pushcfunction(L, import_bytes);
    lua_pushlstring(L, (const char *)data + 1, size - 1);
    lua_pushstring(L, name);
    if (nb_host_pcall(L, 2, 2) != LUA_OK) {
        if (getenv("NB_FUZZ_STRICT")) {
            fprintf(stderr, "import raised: %s\n", lua_tostring(L, -1));
            abort();
        }
        if (reported++ == 0)
            fprintf(stderr, "fuzz_import: the importer raised (NB_FUZZ_STRICT=1 to stop): %s\n",
                    lua_tostring(L, -1));
        lua_pop(L, 1);
    } else {
        lua_pop(L, 2);
    }
    if (++runs % 64 == 0)
        lua_gc(L, LUA_GCCOLLECT);
    return 0;
}
