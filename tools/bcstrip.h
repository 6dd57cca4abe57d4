/* Build-time rewrite of a Lua 5.4 binary chunk (lua_dump with strip = 0) that drops the
 * local-variable records (and, optionally, the upvalue names) but keeps the source name and
 * the line information. See tools/bcstrip.c. */
#ifndef NB_BCSTRIP_H
#define NB_BCSTRIP_H

#include <stddef.h>

enum {
    NB_BC_DROP_LOCALS = 1,   /* the locvars of every function: count written as 0 */
    NB_BC_DROP_UPNAMES = 2,  /* the upvalue names too: each written as NULL */
};

/* Rewrites the chunk in (n bytes) into out (at least n bytes: the result is never longer).
 * Returns the length written, or 0 when the header is not the one this liblua writes or the
 * chunk does not parse to exactly its end; *why then says what was wrong. */
size_t nb_bc_strip(const unsigned char *in, size_t n, unsigned char *out, int flags,
                   const char **why);

#endif
