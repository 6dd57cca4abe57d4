/* A shared library opened when first needed rather than linked: every command paid for
 * loading the libraries of the prompt (libedit) and of import (gumbo, expat) at its start,
 * although only those commands use them (docs/design.md). */
#ifndef NB_DYNLIB_H
#define NB_DYNLIB_H

#include <stddef.h>

/* Opens soname and stores the address of each names[i] in slots[i]. Returns 0; or -1 with
 * *why naming what failed (the loader's message, or the first missing name). Not on
 * Windows, where these libraries are linked. */
int nb_dynlib_open(const char *soname, const char *const *names, void **slots, size_t n, const char **why);

#endif
