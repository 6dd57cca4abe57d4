#include "dynlib.h"

#ifndef _WIN32
#include <dlfcn.h>

int nb_dynlib_once(nb_dynlib *lib, const char *soname, const char *const *names, void **slots, size_t n,
                   const char **why)
{
    if (lib->state == 0) {
        void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
        const char *msg = h ? NULL : dlerror();
        lib->state = h ? 1 : -1;
        lib->why = h ? NULL : msg ? msg : soname;
        for (size_t i = 0; h && i < n; i++)
            if (!(slots[i] = dlsym(h, names[i]))) {
                lib->state = -1; /* the library stays open: its loader keeps it anyway */
                lib->why = names[i];
                break;
            }
        if (lib->state == 1)
            return 1;
    }
    if (lib->state < 0) {
        *why = lib->why;
        return -1;
    }
    return 0;
}
#endif
