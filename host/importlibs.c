#include "importlibs.h"

#include <stddef.h>

/* also in importlibs.h; named here for tools/build-windows.sh, which links expat when a C file of host/ includes it */
#include <expat.h>

#ifndef _WIN32
#include "dynlib.h"

#define NB_NAME(name) #name,
#define NB_SET(name) *(void **)&lib.name = slots[i++];

const nb_expat *nb_expat_open(const char **why)
{
    static nb_expat lib;
    static nb_dynlib once;
    static const char *const names[] = {NB_EXPAT_FUNCTIONS(NB_NAME)};
    void *slots[sizeof names / sizeof names[0]];
    int r = nb_dynlib_once(&once, "libexpat.so.1", names, slots, sizeof names / sizeof names[0], why);
    if (r == 1) {
        size_t i = 0;
        NB_EXPAT_FUNCTIONS(NB_SET)
    }
    return r < 0 ? NULL : &lib;
}

#ifndef NB_NO_GUMBO
const nb_gumbo *nb_gumbo_open(const char **why)
{
    static nb_gumbo lib;
    static nb_dynlib once;
    static const char *const names[] = {NB_GUMBO_FUNCTIONS(NB_NAME) "kGumboDefaultOptions"};
    void *slots[sizeof names / sizeof names[0]];
    int r = nb_dynlib_once(&once, "libgumbo.so.1", names, slots, sizeof names / sizeof names[0], why);
    if (r == 1) {
        size_t i = 0;
        NB_GUMBO_FUNCTIONS(NB_SET)
        lib.default_options = slots[i];
    }
    return r < 0 ? NULL : &lib;
}
#endif

#else /* Windows: linked */
#define NB_ADDR(name) name,

const nb_expat *nb_expat_open(const char **why)
{
    static const nb_expat lib = {NB_EXPAT_FUNCTIONS(NB_ADDR)};
    (void)why;
    return &lib;
}

#ifndef NB_NO_GUMBO
const nb_gumbo *nb_gumbo_open(const char **why)
{
    static const nb_gumbo lib = {NB_GUMBO_FUNCTIONS(NB_ADDR) & kGumboDefaultOptions};
    (void)why;
    return &lib;
}
#endif
#endif
