#include "utf8.h"

#include <stdio.h>

static int is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Bytes of the character that starts with lead c (1 for a stray byte). */
static size_t sequence_length(unsigned char c)
{
    if (c >= 0xF0 && c <= 0xF7)
        return 4;
    if (c >= 0xE0)
        return c <= 0xEF ? 3 : 1;
    if (c >= 0xC0)
        return 2;
    return 1;
}

size_t nb_utf8_fit(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    /* only the bytes before the cut are read: a caller's buffer may end there */
    size_t i = max;
    while (i > 0 && is_continuation((unsigned char)s[i - 1]))
        i--;
    if (i == 0)
        return max; /* no character starts here: not UTF-8 text, nothing to protect */
    size_t lead = i - 1;
    return lead + sequence_length((unsigned char)s[lead]) <= max ? max : lead;
}

size_t nb_vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
    int n = vsnprintf(buf, size, fmt, ap);
    if (n < 0) {
        buf[0] = '\0';
        return 0;
    }
    if ((size_t)n < size)
        return (size_t)n;
    /* cut: buf holds size - 1 bytes of a longer text */
    size_t keep = nb_utf8_fit(buf, (size_t)n, size - 1);
    buf[keep] = '\0';
    return keep;
}

size_t nb_format(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t n = nb_vformat(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
