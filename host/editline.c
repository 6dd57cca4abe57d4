#include "editline.h"

#ifndef _WIN32
#include "dynlib.h"

const nb_editline *nb_editline_open(const char **why)
{
    static nb_editline lib;
    static nb_dynlib once;
#define NB_NAME(name) #name,
    static const char *const names[] = {NB_EDITLINE_FUNCTIONS(NB_NAME)};
#undef NB_NAME
    void *slots[sizeof names / sizeof names[0]];
    /* the soname of Debian 12's libedit2, whose histedit.h the prototypes come from */
    int r = nb_dynlib_once(&once, "libedit.so.2", names, slots, sizeof names / sizeof names[0], why);
    if (r == 1) {
        size_t i = 0;
#define NB_SET(name) *(void **)&lib.name = slots[i++];
        NB_EDITLINE_FUNCTIONS(NB_SET)
#undef NB_SET
    }
    return r < 0 ? NULL : &lib;
}
#endif
