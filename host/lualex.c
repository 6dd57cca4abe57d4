#include "lualex.h"

#include <string.h>

static int is_newline(char c) { return c == '\n' || c == '\r'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
int nb_lex_hex_value(char c)
{
    return is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
}

size_t nb_lex_newline(const char *p, const char *end)
{
    if (p >= end || !is_newline(*p))
        return 0;
    return p + 1 < end && is_newline(p[1]) && p[1] != p[0] ? 2 : 1;
}

/* Past the white space at p, line breaks included (counted). Inline: the literal reader asks
 * nb_lex_blank between most tokens of a data file. */
static inline const char *past_space(const char *p, const char *end, int *line)
{
    while (p < end) {
        char c = *p;
        if (c == ' ' || c == '\t' || c == '\f' || c == '\v') { /* (the most, in a data file) */
            p++;
        } else if (is_newline(c)) {
            if (line)
                ++*line;
            p += nb_lex_newline(p, end);
        } else {
            break;
        }
    }
    return p;
}

int nb_lex_long_level(const char *p, const char *end)
{
    if (p >= end || *p != '[')
        return -1;
    const char *q = p + 1;
    while (q < end && *q == '=')
        q++;
    return q < end && *q == '[' ? (int)(q - p - 1) : -1;
}

/* Appends n bytes of s to the value being written, when one is. */
static void put(char *out, size_t *len, const char *s, size_t n)
{
    if (out) {
        memcpy(out + *len, s, n);
        *len += n;
    }
}

const char *nb_lex_long(const char *p, const char *end, int level, int *line, char *out, size_t *out_len)
{
    size_t len = 0;
    p += level + 2;
    size_t n = nb_lex_newline(p, end);
    if (n) { /* the first line break is no part of the value */
        if (line)
            ++*line;
        p += n;
    }
    while (p < end) {
        n = nb_lex_newline(p, end);
        if (n) {
            if (line)
                ++*line;
            p += n;
            put(out, &len, "\n", 1);
            continue;
        }
        if (*p == ']') {
            const char *q = p + 1;
            while (q < end && *q == '=')
                q++;
            if (q < end && *q == ']' && q - p - 1 == level) {
                if (out_len)
                    *out_len = len;
                return q + 1;
            }
        }
        const char *r = p + 1; /* a run of plain bytes */
        while (r < end && *r != ']' && !is_newline(*r))
            r++;
        put(out, &len, p, (size_t)(r - p));
        p = r;
    }
    return NULL;
}

/* Writes the code point x (at most 0x7FFFFFFF) in UTF-8 as Lua extends it to 31 bits (up
 * to six bytes) to v; returns how many bytes. */
static size_t utf8_bytes(unsigned long x, char v[6])
{
    if (x < 0x80) {
        v[0] = (char)x;
        return 1;
    }
    char tail[6];
    size_t n = 0;
    unsigned long room = 0x3F; /* what the first byte can still hold */
    do {
        tail[n++] = (char)(0x80 | (x & 0x3F));
        x >>= 6;
        room >>= 1;
    } while (x > room);
    v[0] = (char)((~room << 1) | x);
    for (size_t i = 0; i < n; i++)
        v[1 + i] = tail[n - 1 - i];
    return n + 1;
}

const char *nb_lex_escape(const char *p, const char *end, int *line, char v[6], size_t *n)
{
    static const char letter[] = "abfnrtv\\\"'", value[] = "\a\b\f\n\r\t\v\\\"'";
    *n = 1;
    if (p >= end)
        return NULL;
    const char *simple = *p ? strchr(letter, *p) : NULL;
    if (simple) {
        v[0] = value[simple - letter];
        return p + 1;
    }
    size_t nl = nb_lex_newline(p, end);
    if (nl) { /* a backslash before a line break keeps it */
        if (line)
            ++*line;
        v[0] = '\n';
        return p + nl;
    }
    if (*p == 'x') { /* exactly two hex digits */
        if (end - p < 3 || nb_lex_hex_value(p[1]) < 0 || nb_lex_hex_value(p[2]) < 0)
            return NULL;
        v[0] = (char)(nb_lex_hex_value(p[1]) * 16 + nb_lex_hex_value(p[2]));
        return p + 3;
    }
    if (*p == 'z') { /* skips the white space that follows, line breaks too */
        *n = 0;
        return past_space(p + 1, end, line);
    }
    if (*p == 'u') { /* \u{X...}: at least one hex digit, at most 0x7FFFFFFF */
        if (end - p < 3 || p[1] != '{' || nb_lex_hex_value(p[2]) < 0)
            return NULL;
        unsigned long x = 0;
        for (p += 2; p < end && nb_lex_hex_value(*p) >= 0; p++) {
            if (x > 0x7FFFFFFul)
                return NULL;
            x = x * 16 + (unsigned long)nb_lex_hex_value(*p);
        }
        if (p >= end || *p != '}')
            return NULL;
        *n = utf8_bytes(x, v);
        return p + 1;
    }
    if (is_digit(*p)) { /* up to three decimal digits, at most 255 */
        int x = 0, k = 0;
        for (; p < end && k < 3 && is_digit(*p); p++, k++)
            x = x * 10 + (*p - '0');
        if (x > 255)
            return NULL;
        v[0] = (char)x;
        return p;
    }
    return NULL;
}

const char *nb_lex_quoted(const char *p, const char *end, int *line, char *out, size_t *out_len)
{
    size_t len = 0;
    char quote = *p++;
    while (p < end) {
        char c = *p;
        if (c == quote) {
            if (out_len)
                *out_len = len;
            return p + 1;
        }
        if (is_newline(c))
            return NULL;
        if (c != '\\') {
            const char *r = p + 1;
            /* (the bytes of Chinese text, all past 0x7F, are told apart first) */
            while (r < end && ((unsigned char)*r >= 0x80 || (*r != quote && *r != '\\' && !is_newline(*r))))
                r++;
            put(out, &len, p, (size_t)(r - p));
            p = r;
            continue;
        }
        char v[6];
        size_t n;
        p = nb_lex_escape(p + 1, end, line, v, &n);
        if (!p)
            return NULL;
        put(out, &len, v, n);
    }
    return NULL;
}

const char *nb_lex_string(const char *p, const char *end, int level, int *line, char *out, size_t *out_len)
{
    return level >= 0 ? nb_lex_long(p, end, level, line, out, out_len) : nb_lex_quoted(p, end, line, out, out_len);
}

const char *nb_lex_numeral(const char *p, const char *end)
{
    const char *mark = "Ee";
    if (end - p > 1 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        mark = "Pp";
        p += 2;
    }
    while (p < end) {
        if (*p == mark[0] || *p == mark[1]) {
            p++;
            if (p < end && (*p == '+' || *p == '-'))
                p++;
        } else if (nb_lex_hex_value(*p) >= 0 || *p == '.') {
            p++;
        } else {
            break;
        }
    }
    return p < end && is_alpha(*p) ? NULL : p;
}

const char *nb_lex_blank(const char *p, const char *end, int *line)
{
    for (;;) {
        p = past_space(p, end, line);
        if (end - p < 2 || p[0] != '-' || p[1] != '-')
            return p;
        p += 2;
        int level = nb_lex_long_level(p, end);
        if (level >= 0) {
            p = nb_lex_long(p, end, level, line, NULL, NULL);
            if (!p)
                return NULL;
        } else { /* to the line break, found by memchr: a data file's comments are long lines */
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *stop = nl ? nl : end;
            const char *cr = memchr(p, '\r', (size_t)(stop - p));
            p = cr ? cr : stop;
        }
    }
}
