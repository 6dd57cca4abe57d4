#include "editline.h"

#ifndef _WIN32
#include <dlfcn.h>
#include <stddef.h>

/* The soname of Debian 12's libedit2, whose histedit.h the prototypes above come from. */
static const char LIBEDIT[] = "libedit.so.2";

const nb_editline *nb_editline_open(const char **why)
{
    static nb_editline lib;
    static int state; /* 0 not tried, 1 loaded, -1 failed */
    static const char *reason;
    if (state == 0) {
        void *h = dlopen(LIBEDIT, RTLD_NOW | RTLD_LOCAL);
        state = h ? 1 : -1;
        if (!h)
            reason = dlerror();
/* each function by its own name; one missing makes the whole library unusable */
#define RESOLVE(name)                                                                      \
    if (state == 1 && !(*(void **)&lib.name = dlsym(h, #name))) {                          \
        state = -1;                                                                        \
        reason = #name;                                                                    \
    }
        RESOLVE(el_init) RESOLVE(el_end) RESOLVE(el_gets) RESOLVE(el_set) RESOLVE(el_wset)
        RESOLVE(el_get) RESOLVE(el_line) RESOLVE(el_cursor) RESOLVE(el_insertstr)
        RESOLVE(el_push) RESOLVE(el_source) RESOLVE(history_init) RESOLVE(history_end)
        RESOLVE(history)
#undef RESOLVE
    }
    if (state < 0) {
        if (why)
            *why = reason ? reason : LIBEDIT;
        return NULL;
    }
    return &lib;
}
#endif
