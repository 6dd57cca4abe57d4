/* Static checks of an untrusted data file before it runs (host/load.c calls them).
 * A data file constructs tables, strings and numbers and nothing else, so its compiled
 * main function is straight-line code: no calls, closures, loops, jumps or table reads. The
 * sandbox's instruction and memory limits stay as the second line. */
#ifndef NB_CHUNK_H
#define NB_CHUNK_H

#include <stddef.h>

#include "error.h"

typedef struct lua_State lua_State;

/* Above this many numerals in the source, the file is refused before parsing: Lua's parser
 * and table constructor hash integer keys by value, so crafted keys (multiples of 2^k - 1)
 * all share one hash chain and each insertion walks it. Bounding the number of numbers
 * bounds that walk (a real report has a few hundred). */
#define NB_MAX_NUMERALS 5000

/* Numerals in Lua source text (outside strings and comments); an upper bound of what the
 * parser sees. */
size_t nb_count_numerals(const char *buf, size_t len);

/* Verifies the function on top of L (a freshly loaded text chunk). Returns 0 when it only
 * builds data; else sets err ("NAME:LINE: reason") and returns -1. */
int nb_verify_chunk(lua_State *L, const char *name, nb_error *err);

#endif
