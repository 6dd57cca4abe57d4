#include "bytes.h"

#include <stdlib.h>
#include <string.h>

int nb_bytes_add(nb_bytes *b, const void *p, size_t n)
{
    if (b->failed)
        return 0;
    if (b->max && n > b->max - b->len) {
        n = b->max - b->len;
        b->over = 1;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->failed = 1;
            return 0;
        }
        b->data = d;
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 1;
}
