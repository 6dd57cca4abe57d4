#include "dynlib.h"

#ifndef _WIN32
#include <dlfcn.h>

int nb_dynlib_open(const char *soname, const char *const *names, void **slots, size_t n, const char **why)
{
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *msg = dlerror();
        *why = msg ? msg : soname;
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (!(slots[i] = dlsym(h, names[i]))) {
            *why = names[i]; /* the library stays open: its loader keeps it anyway */
            return -1;
        }
    return 0;
}
#endif
