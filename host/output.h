/* Atomic file writing: a temporary file in the target folder, fsync, rename. A failed write
 * leaves the existing file as it was and no temporary file behind. */
#ifndef NB_OUTPUT_H
#define NB_OUTPUT_H

#include <stddef.h>

#include "error.h"

/* path "-" writes to standard output. Returns 0, or -1 with *err set. */
int nb_write_atomic(const char *path, const char *data, size_t len, nb_error *err);

#endif
