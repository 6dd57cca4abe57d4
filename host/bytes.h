#ifndef NB_BYTES_H
#define NB_BYTES_H

#include <stddef.h>

/* A growing byte buffer, kept NUL-terminated after its bytes. With max > 0 it holds at most
 * max bytes: an append past that keeps what fits and sets `over`. A failed allocation sets
 * `failed` and every later append is ignored. Start from {0} (or with max set); free data. */
typedef struct {
    char *data;
    size_t len, cap, max;
    int over, failed;
} nb_bytes;

/* Append n bytes of p; 0 when the buffer has failed (out of memory), else 1. */
int nb_bytes_add(nb_bytes *b, const void *p, size_t n);

#endif
