/* Data file -> report model. Report data is untrusted: it is evaluated in a throwaway
 * lua_State with no libraries, an empty _ENV, text chunks only, and limits on size, memory
 * and instructions; then the returned table is converted with raw access only. */
#ifndef NB_LOAD_H
#define NB_LOAD_H

#include <stddef.h>

#include "error.h"
#include "report.h"

typedef struct lua_State lua_State;

typedef struct {
    size_t max_bytes;        /* size of the data file */
    size_t max_memory;       /* bytes the sandbox may allocate */
    long max_instructions;   /* VM instructions */
    double max_seconds;      /* wall-clock time */
} nb_limits;

extern const nb_limits nb_default_limits;

/* Load a data file ("-" is standard input). NULL and *err set on failure. */
nb_report *nb_load_file(const char *path, nb_error *err);
nb_report *nb_load_buffer(const char *buf, size_t len, const char *name,
                          const nb_limits *limits, nb_error *err);

/* Load a data file that is not a report (FILE.review.lua) in the same sandbox and push a
 * plain copy of the table it returns onto L (tables, strings, numbers, booleans only).
 * Returns 1, or 0 with *err set and nothing pushed. */
int nb_load_data_file(lua_State *L, const char *path, nb_error *err);

/* Convert the table at index idx of L into a model (raw access, no metamethods run).
 * `blank` is an optional stack index of a sentinel value that stands for a blank cell.
 * Used by the loader and by nb.check on tables built by scripts. */
nb_report *nb_convert(lua_State *L, int idx, int blank, const char *name, nb_error *err);

#endif
