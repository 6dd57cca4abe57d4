/* A text index of one narrative text, built once in C so that the rules do not normalise
 * and cut the same narrative again and again in Lua.
 *
 * Normalisation (exactly what scripts/nianbao/rules.lua's normalize did in Lua): NFKC
 * (utf8proc: full-width digits and punctuation become half-width), white space removed
 * ("3119 件", "2024 年" as PDF converters publish them), thousands separators removed
 * ("1,234" -> "1234"), and a run of Chinese numerals just before a counter (件 起 宗 个 项
 * 条 次 篇 份) written in digits ("两件" -> "2件").
 *
 * On the normalised text: sentences (cut at 。 ! ? ; and line ends, empty pieces left out),
 * each sentence's clauses (also cut at , : ( ) [ ]; 、 stays inside), and every number:
 * its byte position and length, its value, the unit that follows it and whether it was
 * written in Arabic or Chinese numerals. */
#ifndef NB_TEXTINDEX_H
#define NB_TEXTINDEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    size_t start, len; /* bytes of the normalised text (0-based) */
} nb_span;

enum { NB_NUM_ARABIC, NB_NUM_CHINESE };

typedef struct {
    size_t pos, len;     /* bytes of the normalised text (0-based) */
    double value;        /* 1.5 for "1.5"; integers up to 2^53 exactly */
    int integer;         /* no fractional part written, and it fits an int64 */
    int64_t ivalue;      /* the value when integer */
    int form;            /* NB_NUM_ARABIC or NB_NUM_CHINESE (as written before normalising) */
    const char *unit;    /* "件" "条" "个" "次" "万元" "元" "%" ... or "" */
    size_t sentence;     /* index into sentences, or (size_t)-1 when between them */
} nb_number;

typedef struct {
    char *text; /* normalised, NUL-terminated */
    size_t len;
    nb_span *sentences;
    size_t nsentences;
    nb_span *clauses;     /* every clause of every sentence, in order */
    size_t *first_clause; /* per sentence: index of its first clause; [nsentences] = nclauses */
    size_t nclauses;
    nb_number *numbers;
    size_t nnumbers;
} nb_textindex;

/* Builds the index of s (NUL-terminated, UTF-8). Returns 0, or -1 when s is not valid
 * UTF-8 or memory runs out (t is then empty). nb_textindex_free releases it either way. */
int nb_textindex_build(const char *s, nb_textindex *t);
/* The same without the numbers (nnumbers is 0): the text and its cuts, as nianbao.text's
 * normalize wants them, for half the work of reading every character as a numeral again. */
int nb_textindex_build_cuts(const char *s, nb_textindex *t);
void nb_textindex_free(nb_textindex *t);

/* The value of a run of Chinese numerals ("一百零五" -> 105, "两" -> 2), as the Lua rules
 * computed it (wrapping like Lua integers); -1 when s holds anything else or is empty. */
int nb_cn_int(const char *s, size_t len, int64_t *out);

/* NFKC of the NUL-terminated UTF-8 text s (malloc'd, the caller frees it), or NULL when s
 * is not valid UTF-8 or memory runs out: utf8proc_NFKC's result. A text made only of ASCII,
 * CJK unified ideographs (U+4E00-9FFF), full-width forms (U+FF01-FF5E, U+3000) and the
 * common Chinese punctuation that NFKC keeps is mapped character by character; anything
 * else goes to utf8proc. (None of these characters composes with another, and each one's
 * NFKC is the mapping used: tests/unit/test_textindex.c checks every one of them.) */
char *nb_text_nfkc(const char *s);

/* nb_text_nfkc's character-by-character path alone, for s of n bytes: the NFKC, or NULL with
 * *all_plain = 0 when some character is not of its set (or s is not valid UTF-8: the caller
 * asks utf8proc), or NULL with *all_plain = 1 when memory runs out. */
char *nb_text_nfkc_plain(const char *s, size_t n, int *all_plain);

/* Whether any of the n plain strings words[i] (lengths lens[i]) occurs in s: the rules'
 * hottest question ("does this clause name any of these words?"). An empty word occurs in
 * every text, as string.find says. */
int nb_text_has_any(const char *s, size_t len, const char *const *words, const size_t *lens, size_t n);

/* The first byte position at or after from (0-based) where s holds one of the bytes of
 * set (setlen bytes), or -1: string.find(s, "[set]", from + 1) without a class to decode
 * at every byte. */
long nb_text_find_byte(const char *s, size_t len, size_t from, const char *set, size_t setlen);

/* The first occurrence of the plain string w (wlen bytes) in s, or NULL: string.find(s, w,
 * 1, true), faster on Chinese text (host/strfind.c puts it under string.find). */
const char *nb_text_find(const char *s, size_t len, const char *w, size_t wlen);

/* Whether the plain string w (wlen bytes) occurs in s, as string.find(s, w, 1, true). */
int nb_text_contains(const char *s, size_t len, const char *w, size_t wlen);

#endif
