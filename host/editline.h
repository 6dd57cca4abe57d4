#ifndef NB_EDITLINE_H
#define NB_EDITLINE_H
/* libedit for the prompt, opened when the prompt first asks for it. Linked at build time,
 * every command paid for loading it with libtinfo, libbsd and libmd: 0.4 M of the 2.3 M
 * instructions of `nianbao --version` (docs/benchmarks.md), for a library only the prompt
 * uses. */
#ifndef _WIN32
#include <histedit.h>

typedef struct {
    __typeof__(&el_init) el_init;
    __typeof__(&el_end) el_end;
    __typeof__(&el_gets) el_gets;
    __typeof__(&el_set) el_set;
    __typeof__(&el_wset) el_wset;
    __typeof__(&el_get) el_get;
    __typeof__(&el_line) el_line;
    __typeof__(&el_cursor) el_cursor;
    __typeof__(&el_insertstr) el_insertstr;
    __typeof__(&el_push) el_push;
    __typeof__(&el_source) el_source;
    __typeof__(&history_init) history_init;
    __typeof__(&history_end) history_end;
    __typeof__(&history) history;
} nb_editline;

/* The functions of libedit.so.2, loaded once; NULL when it cannot be loaded, with the
 * loader's reason in *why. */
const nb_editline *nb_editline_open(const char **why);
#endif
#endif
