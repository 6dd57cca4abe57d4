#include "error.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Messages name keys and texts of untrusted files: their control characters (ESC, OSC,
 * CR, the C1 range) are shown as escapes so that a file cannot drive the terminal. */
static void escape_controls(char *dst, size_t size, const char *src)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)src; *p; p++) {
        char esc[16];
        const char *piece = NULL;
        size_t len = 1;
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f) {
            snprintf(esc, sizeof esc, "\\x%02X", *p);
            piece = esc;
            len = strlen(esc);
        } else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            snprintf(esc, sizeof esc, "\\u{%04X}", p[1]);
            piece = esc;
            len = strlen(esc);
            p++;
        }
        if (!piece) {
            /* copy one whole UTF-8 sequence, or stop */
            len = (*p < 0x80) ? 1 : (*p >= 0xf0) ? 4 : (*p >= 0xe0) ? 3 : (*p >= 0xc0) ? 2 : 1;
            if (strnlen((const char *)p, len) < len)
                len = 1;
            piece = (const char *)p;
            p += len - 1;
        }
        if (n + len >= size)
            break;
        memcpy(dst + n, piece, len);
        n += len;
    }
    dst[n] = '\0';
}

void nb_error_set(nb_error *e, const char *fmt, ...)
{
    if (!e)
        return;
    char raw[NB_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    nb_vformat(raw, sizeof raw, fmt, ap);
    va_end(ap);
    escape_controls(e->message, sizeof e->message, raw);
}
