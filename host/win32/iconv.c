/* Windows: iconv on code pages (see iconv.h). One character at a time: its length is known
 * from its first bytes, so errors are exact (EILSEQ, EINVAL at a cut end, E2BIG). */
#include "iconv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

enum { CP_UTF16LE = 1200, CP_UTF16BE = 1201, CP_GB18030 = 54936 };

struct nb_iconv {
    UINT from, to;
};

static const struct {
    const char *name;
    UINT cp;
} CHARSETS[] = {
    {"UTF-8", CP_UTF8},       {"UTF8", CP_UTF8},           {"GB18030", CP_GB18030},
    {"GBK", 936},             {"CP936", 936},              {"GB2312", 936},
    {"EUC-CN", 936},          {"BIG5", 950},               {"CP950", 950},
    {"BIG5-HKSCS", 950},      {"UTF-16LE", CP_UTF16LE},    {"UTF-16BE", CP_UTF16BE},
    {"SHIFT_JIS", 932},       {"CP932", 932},              {"ISO-8859-1", 28591},
    {"LATIN1", 28591},        {"WINDOWS-1252", 1252},      {"CP1252", 1252},
    {"ASCII", 20127},         {"US-ASCII", 20127},
};

static UINT code_page(const char *name)
{
    for (size_t i = 0; i < sizeof CHARSETS / sizeof *CHARSETS; i++)
        if (_stricmp(name, CHARSETS[i].name) == 0)
            return CHARSETS[i].cp;
    return 0;
}

iconv_t iconv_open(const char *to, const char *from)
{
    UINT t = code_page(to), f = code_page(from);
    if (!t || !f) {
        errno = EINVAL;
        return (iconv_t)-1;
    }
    iconv_t cd = malloc(sizeof *cd);
    if (!cd) {
        errno = ENOMEM;
        return (iconv_t)-1;
    }
    cd->from = f;
    cd->to = t;
    return cd;
}

int iconv_close(iconv_t cd)
{
    free(cd);
    return 0;
}

/* Bytes of the character starting at s (left > 0), or 0 if no character starts so. */
static size_t char_len(UINT cp, const unsigned char *s, size_t left)
{
    switch (cp) {
    case CP_UTF8:
        return s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : s[0] >= 0xE0 && s[0] < 0xF0 ? 3
             : s[0] >= 0xF0 && s[0] < 0xF5 ? 4 : 0;
    case CP_GB18030:
        if (s[0] < 0x80)
            return 1;
        if (s[0] == 0x80 || s[0] == 0xFF)
            return 0;
        return left >= 2 && s[1] >= 0x30 && s[1] <= 0x39 ? 4 : 2;
    case CP_UTF16LE:
    case CP_UTF16BE: {
        if (left < 2)
            return 2;
        unsigned unit = cp == CP_UTF16LE ? s[0] | s[1] << 8 : s[0] << 8 | s[1];
        return unit >= 0xD800 && unit < 0xDC00 ? 4 : 2;
    }
    default:
        return IsDBCSLeadByteEx(cp, s[0]) ? 2 : 1;
    }
}

/* GB18030 where Windows lacks code page 54936 (wine): the two-byte part through GBK (936),
 * which it extends, and the four-byte codes of the planes above the BMP, which are
 * arithmetic; the four-byte codes of rare BMP characters need the standard's table and are
 * reported as invalid. */
static int gb18030_fallback(const unsigned char *s, size_t n, wchar_t w[2])
{
    if (n != 4)
        return MultiByteToWideChar(936, MB_ERR_INVALID_CHARS, (const char *)s, (int)n, w, 2);
    if (s[0] < 0x90 || s[0] > 0xE3 || s[1] < 0x30 || s[1] > 0x39 || s[2] < 0x81 || s[2] > 0xFE ||
        s[3] < 0x30 || s[3] > 0x39)
        return 0;
    unsigned long c = 0x10000 + (((unsigned long)(s[0] - 0x90) * 10 + (s[1] - 0x30)) * 126 +
                                 (s[2] - 0x81)) * 10 + (s[3] - 0x30);
    if (c > 0x10FFFF)
        return 0;
    w[0] = (wchar_t)(0xD800 + ((c - 0x10000) >> 10));
    w[1] = (wchar_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
    return 2;
}

/* The character's UTF-16 units (at most 2), or 0 if it is not valid. */
static int to_wide(UINT cp, const unsigned char *s, size_t n, wchar_t w[2])
{
    if (cp == CP_UTF16LE || cp == CP_UTF16BE) {
        for (size_t i = 0; i < n / 2; i++)
            w[i] = cp == CP_UTF16LE ? s[2 * i] | s[2 * i + 1] << 8 : s[2 * i] << 8 | s[2 * i + 1];
        if (n == 4 && (w[1] < 0xDC00 || w[1] >= 0xE000))
            return 0;
        if (n == 2 && w[0] >= 0xDC00 && w[0] < 0xE000)
            return 0;
        return (int)(n / 2);
    }
    if (cp == CP_GB18030 && !IsValidCodePage(CP_GB18030))
        return gb18030_fallback(s, n, w);
    return MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, (const char *)s, (int)n, w, 2);
}

/* The character in the target set into buf (room 8), its length, or 0 if it has none. */
static int from_wide(UINT cp, const wchar_t *w, int nw, char *buf)
{
    if (cp == CP_UTF16LE || cp == CP_UTF16BE) {
        for (int i = 0; i < nw; i++) {
            buf[2 * i + (cp == CP_UTF16LE)] = (char)(w[i] >> 8);
            buf[2 * i + (cp != CP_UTF16LE)] = (char)(w[i] & 0xFF);
        }
        return 2 * nw;
    }
    BOOL lost = FALSE;
    if (cp == CP_GB18030 && !IsValidCodePage(CP_GB18030))
        cp = 936; /* see gb18030_fallback */
    int utf = cp == CP_UTF8 || cp == CP_GB18030;
    int n = WideCharToMultiByte(cp, utf ? 0 : WC_NO_BEST_FIT_CHARS, w, nw, buf, 8, NULL,
                                utf ? NULL : &lost);
    return lost ? 0 : n;
}

size_t iconv(iconv_t cd, char **in, size_t *inleft, char **out, size_t *outleft)
{
    if (!in || !*in)
        return 0; /* no shift states to reset or flush */
    while (*inleft > 0) {
        const unsigned char *s = (const unsigned char *)*in;
        size_t n = char_len(cd->from, s, *inleft);
        if (n == 0) {
            errno = EILSEQ;
            return (size_t)-1;
        }
        if (n > *inleft) {
            errno = EINVAL;
            return (size_t)-1;
        }
        wchar_t w[2];
        char buf[8];
        int nw = to_wide(cd->from, s, n, w);
        int nb = nw > 0 ? from_wide(cd->to, w, nw, buf) : 0;
        if (nb <= 0) {
            errno = EILSEQ;
            return (size_t)-1;
        }
        if ((size_t)nb > *outleft) {
            errno = E2BIG;
            return (size_t)-1;
        }
        memcpy(*out, buf, (size_t)nb);
        *out += nb;
        *outleft -= (size_t)nb;
        *in += n;
        *inleft -= n;
    }
    return 0;
}
