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

/* nb.run_limited(argv, { timeout =, memory =, output = }) -> result table:
 * { stdout, stderr, status (exit code or nil), signal (or nil), timed_out, too_large,
 *   not_found }. */
int nb_l_run_limited(lua_State *L);

#endif
