#include "editline.h"

#ifndef _WIN32
#include "dynlib.h"

/* The soname of Debian 12's libedit2, whose histedit.h the prototypes come from. */
static const char LIBEDIT[] = "libedit.so.2";

const nb_editline *nb_editline_open(const char **why)
{
    static nb_editline lib;
    static int state; /* 0 not tried, 1 loaded, -1 failed */
    static const char *reason;
    if (state == 0) {
#define NB_NAME(name) #name,
        static const char *const names[] = {NB_EDITLINE_FUNCTIONS(NB_NAME)};
#undef NB_NAME
        void *slots[sizeof names / sizeof names[0]];
        state = nb_dynlib_open(LIBEDIT, names, slots, sizeof names / sizeof names[0], &reason) == 0 ? 1 : -1;
        if (state == 1) {
            size_t i = 0;
#define NB_SET(name) *(void **)&lib.name = slots[i++];
            NB_EDITLINE_FUNCTIONS(NB_SET)
#undef NB_SET
        }
    }
    if (state < 0) {
        if (why)
            *why = reason ? reason : LIBEDIT;
        return NULL;
    }
    return &lib;
}
#endif
