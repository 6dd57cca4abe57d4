/* An error for people: where (file, line or key path) and what was expected, in Chinese. */
#ifndef NB_ERROR_H
#define NB_ERROR_H

#include <stdarg.h>

enum { NB_ERROR_MAX = 2048 };

typedef struct {
    char message[NB_ERROR_MAX];
} nb_error;

void nb_error_set(nb_error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
