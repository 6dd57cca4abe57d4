/* libFuzzer target: a Word document's body (word/document.xml) read into the importer's
 * items by host/docx.c (expat callbacks, tables at every depth, text boxes), given the XML
 * itself: the import target reaches it only through a ZIP whose deflated bytes a mutation
 * rarely keeps valid. A crash or sanitizer report is a finding; nil, message is an answer. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lua.h>

#include "docx.h"
#include "host.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lua_State *L;
    static long runs;
    if (!L && !(L = nb_host_new(NULL, 0)))
        abort();
    lua_pushcfunction(L, nb_l_docx_items);
    lua_pushlstring(L, (const char *)data, size);
    if (nb_host_pcall(L, 1, 2) != LUA_OK)
        abort(); /* nb.docx_items answers nil, message; it never raises on its input */
    lua_pop(L, 2);
    if (++runs % 64 == 0)
        lua_gc(L, LUA_GCCOLLECT);
    return 0;
}
