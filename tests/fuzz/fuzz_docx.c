/* libFuzzer target: a Word document's body (word/document.xml) read into the importer's
 * items by host/docx.c (expat callbacks, tables at every depth, text boxes) and numbered by
 * host/docx_numbering.c, given the XML itself: the import target reaches them only through a
 * ZIP whose deflated bytes a mutation rarely keeps valid. The input is the body, then
 * optionally word/numbering.xml and word/styles.xml, separated by NUL bytes (which no XML
 * holds). A crash or sanitizer report is a finding; nil, message is an answer. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    const char *p = (const char *)data, *end = p + size;
    int parts = 0;
    while (parts < 3) {
        const char *nul = parts < 2 ? memchr(p, 0, (size_t)(end - p)) : NULL;
        const char *stop = nul ? nul : end;
        lua_pushlstring(L, p, (size_t)(stop - p));
        parts++;
        if (!nul)
            break;
        p = nul + 1;
    }
    if (nb_host_pcall(L, parts, 2) != LUA_OK)
        abort(); /* nb.docx_items answers nil, message; it never raises on its input */
    lua_pop(L, 2);
    if (++runs % 64 == 0)
        lua_gc(L, LUA_GCCOLLECT);
    return 0;
}
