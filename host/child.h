/* Running an outside converter (pdftotext) on untrusted input: a child process with limits
 * on memory, CPU time, wall-clock time, output size and files written, so a hostile file
 * can at worst make the conversion fail. */
#ifndef NB_CHILD_H
#define NB_CHILD_H

#include <stddef.h>

typedef struct lua_State lua_State;

typedef struct {
    double timeout;        /* wall-clock seconds before the child is killed */
    size_t max_memory;     /* RLIMIT_AS of the child, bytes */
    size_t max_output;     /* bytes of standard output kept; more kills the child */
} nb_child_limits;

enum { NB_CHILD_MAX_ARGS = 32 };

/* The arguments of nb.run_limited, read alike on Linux and Windows: argv (1 to
 * NB_CHILD_MAX_ARGS strings, kept alive by the table at index 1, NULL-terminated) and the
 * limits table at index 2 (defaults where absent). Returns argc; raises on bad arguments. */
int nb_child_arguments(lua_State *L, const char *argv[NB_CHILD_MAX_ARGS + 1], nb_child_limits *lim);

/* nb.run_limited(argv, { timeout =, memory =, output = }) -> result table:
 * { stdout, stderr, status (exit code or nil), signal (or nil), timed_out, too_large,
 *   not_found }. */
int nb_l_run_limited(lua_State *L);

#endif
