#ifndef NB_EDITLINE_H
#define NB_EDITLINE_H
/* libedit for the prompt, opened when the prompt first asks for it (host/dynlib.c). Linked at
 * build time, every command paid for loading it with libtinfo, libbsd and libmd: 0.5 M of
 * the 2.3 M instructions of `nianbao --version` (docs/benchmarks.md), for a library only the
 * prompt uses. */
#ifndef _WIN32
#include <histedit.h>

/* the functions the prompt calls, each named once */
#define NB_EDITLINE_FUNCTIONS(X)                                                            \
    X(el_init) X(el_end) X(el_gets) X(el_set) X(el_wset) X(el_get) X(el_line) X(el_cursor)  \
    X(el_insertstr) X(el_push) X(el_source) X(history_init) X(history_end) X(history)

typedef struct {
#define NB_EDITLINE_FIELD(name) __typeof__(&name) name;
    NB_EDITLINE_FUNCTIONS(NB_EDITLINE_FIELD)
#undef NB_EDITLINE_FIELD
} nb_editline;

/* The functions of libedit.so.2, loaded once; NULL when it cannot be loaded, with the
 * loader's reason in *why. */
const nb_editline *nb_editline_open(const char **why);
#endif
#endif
