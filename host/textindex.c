#include "textindex.h"
#include "bytes.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* ---------- Chinese numerals ---------- */

static size_t char_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* The code point of the 3-byte UTF-8 character at s, or -1 (every numeral and counter is
 * one: decoding once and switching is cheaper than comparing with each in turn). */
static int32_t cjk_at(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n != 3 || (u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
        return -1;
    return (int32_t)(((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F));
}

/* 0..9 for a numeral digit, 10/100/1000/10000 for a numeral unit, -1 otherwise */
static int numeral(const char *s, size_t n)
{
    switch (cjk_at(s, n)) {
    case 0x96F6: case 0x3007: return 0; /* 零 〇 */
    case 0x4E00: return 1;              /* 一 */
    case 0x4E8C: case 0x4E24: return 2; /* 二 两 */
    case 0x4E09: return 3;              /* 三 */
    case 0x56DB: return 4;              /* 四 */
    case 0x4E94: return 5;              /* 五 */
    case 0x516D: return 6;              /* 六 */
    case 0x4E03: return 7;              /* 七 */
    case 0x516B: return 8;              /* 八 */
    case 0x4E5D: return 9;              /* 九 */
    case 0x5341: return 10;             /* 十 */
    case 0x767E: return 100;            /* 百 */
    case 0x5343: return 1000;           /* 千 */
    case 0x4E07: return 10000;          /* 万 */
    default: return -1;
    }
}

/* The third UTF-8 byte of every numeral of numeral(), as a bit of its low six bits: a
 * 3-byte character whose bit is clear is no numeral. Most Chinese characters are told so
 * without decoding them (their third byte is one of 64 values, the numerals' of 14). */
#define THIRD(b) ((uint64_t)1 << ((b) & 0x3F))
static const uint64_t NUMERAL_THIRD = THIRD(0xB6) | THIRD(0x87) | THIRD(0x80) | THIRD(0x8C) |
                                      THIRD(0xA4) | THIRD(0x89) | THIRD(0x9B) | THIRD(0x94) |
                                      THIRD(0xAD) | THIRD(0x83) | THIRD(0xAB) | THIRD(0x9D) |
                                      THIRD(0x81) | THIRD(0xBE);
#undef THIRD

/* numeral() of the n-byte character at s, ruling most characters out by their third byte */
static int numeral_fast(const char *s, size_t n)
{
    if (n != 3 || !((NUMERAL_THIRD >> ((unsigned char)s[2] & 0x3F)) & 1))
        return -1;
    return numeral(s, n);
}

/* 件 起 宗 个 项 条 次 篇 份 */
static int is_counter(const char *s, size_t n)
{
    switch (cjk_at(s, n)) {
    case 0x4EF6: case 0x8D77: case 0x5B97: case 0x4E2A: case 0x9879:
    case 0x6761: case 0x6B21: case 0x7BC7: case 0x4EFD: return 1;
    default: return 0;
    }
}

int nb_cn_int(const char *s, size_t len, int64_t *out)
{
    /* unsigned: wraps as Lua integers do, without undefined behaviour */
    uint64_t total = 0, section = 0, digit = 0;
    int have_digit = 0, any = 0;
    for (size_t i = 0; i < len;) {
        size_t n = char_len((unsigned char)s[i]);
        if (i + n > len)
            return -1;
        int v = numeral(s + i, n);
        if (v < 0)
            return -1;
        if (v < 10) {
            digit = (uint64_t)v;
            have_digit = 1;
        } else if (v == 10000) {
            total = (total + section + (have_digit ? digit : 0)) * 10000u;
            section = 0;
            have_digit = 0;
        } else {
            section += (have_digit ? digit : 1) * (uint64_t)v;
            have_digit = 0;
        }
        any = 1;
        i += n;
    }
    if (!any)
        return -1;
    *out = (int64_t)(total + section + (have_digit ? digit : 0));
    return 0;
}

/* ---------- normalisation ---------- */

static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* One pass of gsub("(%d),(%d%d%d)", "%1%2"), in place. Only commas can start a change, so
 * the text between them is moved in one piece. As in gsub, a digit that ended a match does
 * not begin another in the same pass ("1,234,567" keeps its second comma: hence two passes). */
static size_t drop_separators(char *s, size_t len)
{
    size_t o = 0, i = 0, free_from = 0; /* free_from: the first byte no match of this pass took */
    for (;;) {
        const char *c = i < len ? memchr(s + i, ',', len - i) : NULL;
        size_t k = c ? (size_t)(c - s) : len;
        memmove(s + o, s + i, k - i);
        o += k - i;
        i = k;
        if (!c)
            return o;
        if (k >= 1 && k - 1 >= free_from && k + 3 < len && is_digit((unsigned char)s[k - 1]) &&
            is_digit((unsigned char)s[k + 1]) && is_digit((unsigned char)s[k + 2]) &&
            is_digit((unsigned char)s[k + 3])) {
            memmove(s + o, s + k + 1, 3); /* the three digits, without the comma */
            o += 3;
            i = k + 4;
            free_from = i;
        } else {
            s[o++] = ',';
            i = k + 1;
        }
    }
}

/* Byte ranges of the output that were Chinese numerals, for the numbers' form. */
typedef struct {
    nb_span *v;
    size_t n, cap;
    int failed;
} spans;

static void spans_add(spans *a, size_t start, size_t len)
{
    if (a->failed)
        return;
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 16;
        nb_span *v = realloc(a->v, cap * sizeof *v);
        if (!v) {
            a->failed = 1;
            return;
        }
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = (nb_span){start, len};
}

/* The digit of a character of a year in Chinese numerals (〇 零 ○ 一..九, or an ASCII digit
 * typed among them), or -1. 两 is a numeral but no digit of a year. */
static int year_digit(const char *s, size_t n)
{
    if (n == 1)
        return is_digit((unsigned char)s[0]) ? s[0] - '0' : -1;
    if (n == 3 && memcmp(s, "○", 3) == 0)
        return 0;
    int v = numeral_fast(s, n);
    return v >= 0 && v <= 9 && cjk_at(s, n) != 0x4E24 ? v : -1;
}

/* The letter O or o typed for 〇 ("二O二三年"): a year digit 0 only inside a run, after a
 * year digit; it never starts a run (YEAR_INNER in scripts/nianbao/text.lua). */
static int is_year_o(char c) { return c == 'O' || c == 'o'; }

/* Whether the character ending just before byte i is a year digit of a run: an ASCII digit,
 * a three-byte year digit, or an O after one (O's in a row: the character before them). */
static int year_digit_before(const char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && is_year_o(s[j - 1]))
        j--;
    if (j == 0)
        return 0;
    return is_digit((unsigned char)s[j - 1]) || (j >= 3 && year_digit(s + j - 3, 3) >= 0);
}

/* years_in_digits (scripts/nianbao/text.lua): a run of exactly four year digits, at least one
 * of them Chinese, before 年 and giving 19xx or 20xx, starts at i (a character boundary of
 * the valid UTF-8 s): its length in bytes, its digits in digits[4]; 0 when none starts here. */
static size_t year_at(const char *s, size_t i, size_t len, char digits[4])
{
    /* a run starts after a character that is no year digit: ASCII, or three bytes */
    if (i > 0 && year_digit_before(s, i))
        return 0;
    size_t j = i;
    int chinese = 0;
    for (int k = 0; k < 4; k++) {
        size_t n = j < len ? char_len((unsigned char)s[j]) : 0;
        if (j + n > len)
            return 0;
        int v = n ? year_digit(s + j, n) : -1;
        if (v < 0 && k > 0 && n == 1 && is_year_o(s[j]))
            v = 0;
        if (v < 0)
            return 0;
        digits[k] = (char)('0' + v);
        chinese |= n > 1;
        j += n;
    }
    if (!chinese || j + 3 > len || memcmp(s + j, "年", 3) != 0)
        return 0;
    if (!(digits[0] == '1' && digits[1] == '9') && !(digits[0] == '2' && digits[1] == '0'))
        return 0;
    return j - i;
}

/* numerals_before_counters: a run of Chinese numerals followed by a counter becomes its
 * value in digits; then years_in_digits: a year in Chinese numerals becomes its digits (no
 * year shares a character with a numeral run converted before a counter, so one pass does
 * both). The ranges written from numerals (converted or not) go to conv. */
static void convert_numerals(const char *s, size_t len, nb_bytes *out, spans *conv)
{
    size_t run = 0, run_len = 0;
    size_t plain = 0; /* the first byte not yet copied: text between runs goes in one piece */
    for (size_t i = 0; i <= len;) {
        size_t n = i < len ? char_len((unsigned char)s[i]) : 0;
        if (i + n > len)
            n = len - i;
        int num = i < len ? numeral_fast(s + i, n) : -1;
        char year[4];
        size_t year_len = 0;
        /* a year's first character: an ASCII digit, ○, or a numeral (year_at rules out 两) */
        if (i < len && (num >= 0 ? num <= 9 : (n == 1 ? is_digit((unsigned char)s[i])
                                                      : n == 3 && (unsigned char)s[i] == 0xE2)))
            year_len = year_at(s, i, len, year);
        if (year_len == 0 && num >= 0) {
            if (run_len == 0) {
                nb_bytes_add(out, s + plain, i - plain);
                run = i;
            }
            run_len += n;
            i += n;
            continue;
        }
        if (run_len > 0) {
            int64_t v;
            size_t at = out->len;
            if (i < len && is_counter(s + i, n) && nb_cn_int(s + run, run_len, &v) == 0) {
                char digits[32];
                int k = snprintf(digits, sizeof digits, "%" PRId64, v);
                nb_bytes_add(out, digits, (size_t)k);
            } else {
                nb_bytes_add(out, s + run, run_len);
            }
            spans_add(conv, at, out->len - at);
            run_len = 0;
            plain = i;
        }
        if (year_len > 0) {
            nb_bytes_add(out, s + plain, i - plain);
            spans_add(conv, out->len, 4);
            nb_bytes_add(out, year, 4);
            i += year_len;
            plain = i;
            continue;
        }
        if (i >= len)
            break;
        i += n;
    }
    nb_bytes_add(out, s + plain, len - plain);
}

/* ---------- sentences, clauses, numbers ---------- */

/* The bytes that can begin a separator: SENTENCE for ! ? ; line end and 。 (E3 80 82),
 * CLAUSE for those and , : ( ) [ ]. The text is NFKC already, so the full-width ！？；，：（）
 * are ASCII here. The loops pass over every other byte with one table lookup. */
enum { SENTENCE = 1, CLAUSE = 2 };
static const unsigned char SEP_BYTE[256] = {
    ['!'] = SENTENCE | CLAUSE, ['?'] = SENTENCE | CLAUSE, [';'] = SENTENCE | CLAUSE,
    ['\n'] = SENTENCE | CLAUSE, [0xE3] = SENTENCE | CLAUSE,
    [','] = CLAUSE, [':'] = CLAUSE, ['('] = CLAUSE, [')'] = CLAUSE, ['['] = CLAUSE, [']'] = CLAUSE,
};

/* Length of the separator of kind at s (n bytes left), or 0: an E3 byte is one only as 。 */
static size_t sep_at(const char *s, size_t n, unsigned char kind)
{
    unsigned char c = (unsigned char)s[0];
    if (!(SEP_BYTE[c] & kind))
        return 0;
    if (c != 0xE3)
        return 1;
    return n >= 3 && memcmp(s, "。", 3) == 0 ? 3 : 0;
}

/* The first byte at or after i (and before end) that may begin a separator of kind. */
static size_t next_candidate(const char *s, size_t i, size_t end, unsigned char kind)
{
    while (i < end && !(SEP_BYTE[(unsigned char)s[i]] & kind))
        i++;
    return i;
}

#define GROW(arr, count, cap, fail)                                                  \
    do {                                                                             \
        if ((count) == (cap)) {                                                      \
            size_t c_ = (cap) ? (cap) * 2 : 16;                                      \
            void *p_ = realloc((arr), c_ * sizeof *(arr));                           \
            if (!p_) {                                                               \
                fail;                                                                \
            }                                                                        \
            (arr) = p_;                                                              \
            (cap) = c_;                                                              \
        }                                                                            \
    } while (0)

static int split(nb_textindex *t)
{
    size_t scap = 0, ccap = 0, fcap = 0;
    const char *s = t->text;
    size_t start = 0;
    for (size_t i = next_candidate(s, 0, t->len, SENTENCE); i <= t->len;) {
        size_t l = i < t->len ? sep_at(s + i, t->len - i, SENTENCE) : 1;
        if (l == 0) {
            i = next_candidate(s, i + 1, t->len, SENTENCE);
            continue;
        }
        if (i > start) {
            GROW(t->sentences, t->nsentences, scap, return -1);
            GROW(t->first_clause, t->nsentences, fcap, return -1);
            t->first_clause[t->nsentences] = t->nclauses;
            t->sentences[t->nsentences++] = (nb_span){start, i - start};
            size_t cstart = start;
            /* within the sentence, only the ASCII separators are left */
            for (size_t j = next_candidate(s, start, i, CLAUSE); j <= i;) {
                size_t cl = j < i ? sep_at(s + j, i - j, CLAUSE) : 1;
                if (cl == 0) {
                    j = next_candidate(s, j + 1, i, CLAUSE);
                    continue;
                }
                if (j > cstart) {
                    GROW(t->clauses, t->nclauses, ccap, return -1);
                    t->clauses[t->nclauses++] = (nb_span){cstart, j - cstart};
                }
                j += cl;
                cstart = j;
            }
        }
        i += l;
        start = i;
    }
    GROW(t->first_clause, t->nsentences, fcap, return -1);
    t->first_clause[t->nsentences] = t->nclauses;
    return 0;
}

static const struct {
    const char *text;
    size_t len;
} UNITS[] = {{"万元", 6}, {"元", 3}, {"%", 1}, {"件", 3}, {"条", 3}, {"个", 3},
             {"次", 3}, {"起", 3}, {"宗", 3}, {"项", 3}, {"篇", 3}, {"份", 3}};

static const char *unit_at(const char *s, size_t n)
{
    for (size_t k = 0; k < sizeof UNITS / sizeof UNITS[0]; k++)
        if (UNITS[k].len <= n && memcmp(s, UNITS[k].text, UNITS[k].len) == 0)
            return UNITS[k].text;
    return "";
}

static int in_spans(const spans *a, size_t pos)
{
    for (size_t lo = 0, hi = a->n; lo < hi;) {
        size_t mid = (lo + hi) / 2;
        if (pos < a->v[mid].start)
            hi = mid;
        else if (pos >= a->v[mid].start + a->v[mid].len)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static int find_numbers(nb_textindex *t, const spans *conv)
{
    size_t cap = 0, sent = 0;
    const char *s = t->text;
    for (size_t i = 0; i < t->len;) {
        nb_number num = {0};
        num.pos = i;
        size_t n = char_len((unsigned char)s[i]);
        if (is_digit((unsigned char)s[i])) {
            size_t j = i;
            uint64_t iv = 0;
            int overflow = 0;
            while (j < t->len && is_digit((unsigned char)s[j])) {
                unsigned d = (unsigned)(s[j] - '0');
                if (iv > (UINT64_C(9223372036854775807) - d) / 10)
                    overflow = 1;
                else
                    iv = iv * 10 + d;
                j++;
            }
            /* the value from the digits themselves: strtod would also read "3e5" or "0x1" */
            double mant = 0, scale = 1;
            for (size_t k = i; k < j; k++)
                mant = mant * 10 + (s[k] - '0');
            int fraction = j + 1 < t->len && s[j] == '.' && is_digit((unsigned char)s[j + 1]);
            if (fraction) {
                j++;
                while (j < t->len && is_digit((unsigned char)s[j])) {
                    mant = mant * 10 + (s[j] - '0');
                    scale *= 10;
                    j++;
                }
            }
            num.value = mant / scale;
            num.integer = !fraction && !overflow;
            num.ivalue = num.integer ? (int64_t)iv : 0;
            num.form = in_spans(conv, i) ? NB_NUM_CHINESE : NB_NUM_ARABIC;
            num.len = j - i;
        } else if (numeral(s + i, n) >= 0) {
            size_t j = i;
            int digits = 0;
            for (;;) {
                size_t cl = j < t->len ? char_len((unsigned char)s[j]) : 0;
                int v = cl ? numeral(s + j, cl) : -1;
                if (v < 0)
                    break;
                digits |= v < 10;
                j += cl;
            }
            /* 百 千 万 alone are words (百姓, 千方百计), not numbers; 十 alone is ten */
            if (!digits && memcmp(s + i, "十", 3) != 0) {
                i = j;
                continue;
            }
            int64_t v = 0;
            nb_cn_int(s + i, j - i, &v);
            num.value = (double)v;
            num.integer = 1;
            num.ivalue = v;
            num.form = NB_NUM_CHINESE;
            num.len = j - i;
        } else {
            i += n;
            continue;
        }
        num.unit = unit_at(s + num.pos + num.len, t->len - num.pos - num.len);
        while (sent < t->nsentences && t->sentences[sent].start + t->sentences[sent].len <= num.pos)
            sent++;
        num.sentence = sent < t->nsentences && t->sentences[sent].start <= num.pos ? sent : (size_t)-1;
        GROW(t->numbers, t->nnumbers, cap, return -1);
        t->numbers[t->nnumbers++] = num;
        i = num.pos + num.len + strlen(num.unit); /* 万 of 3.5万元 is no number of its own */
    }
    return 0;
}

/* The NFKC of a character of the fast path's set (see nb_text_nfkc), or -1 when c is not
 * in the set. */
static int32_t plain_nfkc(int32_t c)
{
    if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF))
        return c;
    if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
        return c - 0xFEE0;
    switch (c) {
    case 0x3000: return 0x20; /* ideographic space */
    case 0x3001: case 0x3002: /* 、。 */
    case 0x3007: case 0x3008: case 0x3009: /* 〇〈〉 */
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: /* ‘’“” */
    case 0x2014: /* — */
    case 0x300A: case 0x300B: case 0x300C: case 0x300D: case 0x300E: case 0x300F: /* 《》「」『』 */
    case 0x3010: case 0x3011: case 0x3014: case 0x3015: case 0x3016: case 0x3017: /* 【】〔〕〖〗 */
        return c;
    default: return -1;
    }
}

char *nb_text_nfkc_plain(const char *s, size_t n, int *all_plain)
{
    *all_plain = 1;
    char *out = malloc(n + 1); /* every mapping is as long as its character or shorter */
    if (!out)
        return NULL;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t at = 0, o = 0;
    while (at < n) {
        /* the two commonest cases copied as they are, without a call per character: ASCII,
         * and CJK ideographs U+4E00..U+9FFF (no overlong form or surrogate falls in that range) */
        if (p[at] < 0x80) {
            size_t run = at + 1;
            while (run < n && p[run] < 0x80)
                run++;
            memcpy(out + o, p + at, run - at);
            o += run - at;
            at = run;
            continue;
        }
        /* E5..E9 xx xx is U+5000..U+9FFF, E4 B8..BF xx is U+4E00..U+4FFF */
        unsigned char lead = p[at];
        if (at + 3 <= n && lead >= 0xE4 && lead <= 0xE9 && (p[at + 1] & 0xC0) == 0x80 &&
            (p[at + 2] & 0xC0) == 0x80 && (lead != 0xE4 || p[at + 1] >= 0xB8)) {
            memcpy(out + o, p + at, 3);
            o += 3;
            at += 3;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + at, (utf8proc_ssize_t)(n - at), &c);
        int32_t m = k > 0 ? plain_nfkc(c) : -1;
        if (m < 0) { /* invalid, or a character for utf8proc to normalise */
            free(out);
            *all_plain = 0;
            return NULL;
        }
        o += (size_t)utf8proc_encode_char(m, (utf8proc_uint8_t *)out + o);
        at += (size_t)k;
    }
    out[o] = '\0';
    return out;
}

char *nb_text_nfkc(const char *s)
{
    int all_plain;
    char *out = nb_text_nfkc_plain(s, strlen(s), &all_plain);
    if (out || all_plain)
        return out;
    return (char *)utf8proc_NFKC((const utf8proc_uint8_t *)s);
}

static int build(const char *s, nb_textindex *t, int with_numbers)
{
    memset(t, 0, sizeof *t);
    utf8proc_uint8_t *nfkc = (utf8proc_uint8_t *)nb_text_nfkc(s);
    if (!nfkc)
        return -1;
    /* white space out, then thousands separators (twice, as the Lua gsub pair did) */
    char *p = (char *)nfkc;
    size_t len = 0;
    for (size_t i = 0; p[i];) {
        size_t run = strcspn(p + i, " \t\n\v\f\r"); /* the bytes of is_space() */
        memmove(p + len, p + i, run);
        len += run;
        i += run;
        while (is_space((unsigned char)p[i]))
            i++;
    }
    len = drop_separators(p, len);
    len = drop_separators(p, len);
    nb_bytes out = {0};
    spans conv = {0};
    nb_bytes_add(&out, "", 0);
    convert_numerals(p, len, &out, &conv);
    free(nfkc);
    t->text = out.data;
    t->len = out.len;
    int status = out.failed || conv.failed ? -1 : 0;
    if (status == 0)
        status = split(t);
    if (status == 0 && with_numbers)
        status = find_numbers(t, &conv);
    free(conv.v);
    if (status != 0) {
        nb_textindex_free(t);
        return -1;
    }
    return 0;
}

int nb_textindex_build(const char *s, nb_textindex *t) { return build(s, t, 1); }

int nb_textindex_build_cuts(const char *s, nb_textindex *t) { return build(s, t, 0); }

void nb_textindex_free(nb_textindex *t)
{
    free(t->text);
    free(t->sentences);
    free(t->clauses);
    free(t->first_clause);
    free(t->numbers);
    memset(t, 0, sizeof *t);
}

const char *nb_text_find(const char *s, size_t len, const char *w, size_t wlen)
{
    if (wlen == 0)
        return s;
    if (wlen > len)
        return NULL;
    /* memchr for the word's last byte, then compare the bytes before it. Searching for the
     * first byte instead (as Lua's own plain find does) stops at nearly every character: in
     * UTF-8 Chinese the first byte of almost every character is one of E4..E9, while a last
     * byte takes one of 64 values. Last bytes are met left to right, so the first match is
     * the leftmost occurrence. */
    const unsigned char last = (unsigned char)w[wlen - 1];
    const char *p = s + (wlen - 1), *end = s + len;
    while (p < end) {
        const char *hit = memchr(p, last, (size_t)(end - p));
        if (!hit)
            return NULL;
        if (memcmp(hit - (wlen - 1), w, wlen - 1) == 0)
            return hit - (wlen - 1);
        p = hit + 1;
    }
    return NULL;
}

int nb_text_contains(const char *s, size_t len, const char *w, size_t wlen)
{
    return nb_text_find(s, len, w, wlen) != NULL;
}

int nb_text_has_any(const char *s, size_t len, const char *const *words, const size_t *lens, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (nb_text_contains(s, len, words[i], lens[i]))
            return 1;
    return 0;
}

long nb_text_find_byte(const char *s, size_t len, size_t from, const char *set, size_t setlen)
{
    unsigned char in[256] = {0};
    for (size_t i = 0; i < setlen; i++)
        in[(unsigned char)set[i]] = 1;
    for (size_t i = from; i < len; i++)
        if (in[(unsigned char)s[i]])
            return (long)i;
    return -1;
}
