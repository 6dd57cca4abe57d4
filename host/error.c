#include "error.h"

#include "utf8.h"

void nb_error_set(nb_error *e, const char *fmt, ...)
{
    if (!e)
        return;
    va_list ap;
    va_start(ap, fmt);
    nb_vformat(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
}
