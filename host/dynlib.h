/* A shared library opened when first needed rather than linked: every command paid for
 * loading the libraries of the prompt (libedit) and of import (gumbo, expat) at its start,
 * although only those commands use them (docs/design.md). */
#ifndef NB_DYNLIB_H
#define NB_DYNLIB_H

#include <stddef.h>

/* One library's state: zero-initialised (a static), then set by nb_dynlib_once. */
typedef struct {
    int state;       /* 0 not tried, 1 loaded, -1 failed */
    const char *why; /* when failed: the loader's message, or the first missing name */
} nb_dynlib;

/* Opens soname the first time it is asked for, storing the address of each names[i] in
 * slots[i]. Returns 1 on that first success (the caller keeps the slots), 0 when it was
 * loaded before, -1 with *why when it could not be (every time). Not on Windows, where these
 * libraries are linked. */
int nb_dynlib_once(nb_dynlib *lib, const char *soname, const char *const *names, void **slots, size_t n,
                   const char **why);

#endif
