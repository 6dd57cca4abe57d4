#include "docx_numbering.h"
#include "ooxml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Word's automatic numbering. A paragraph is numbered by w:numPr (w:numId, w:ilvl) in its
 * w:pPr or in its paragraph style (word/styles.xml, through w:basedOn); the number Word
 * displays comes from word/numbering.xml: w:num (an instance) -> w:abstractNumId ->
 * w:abstractNum/w:lvl (w:start, w:numFmt, w:lvlText "%1、", w:lvlRestart, w:isLgl, w:suff),
 * with the instance's w:lvlOverride (w:startOverride, or a whole w:lvl). As Word (and
 * LibreOffice, which copies it) does, the instances of one abstract list share its counters:
 * a second w:num of the same list continues it, unless it overrides a level's start; a level
 * that advances restarts the levels below it. */

enum { MAX_LVL = 9, MAX_DEFS = 20000, MAX_STYLE_CHAIN = 32, MAX_DEPTH = 256 };

/* the formats of w:numFmt that are written here; FMT_UNSET is decimal (the default) */
enum {
    FMT_UNSET, FMT_UNKNOWN, FMT_BULLET, FMT_NONE, FMT_DECIMAL, FMT_DECIMAL_ZERO, FMT_DECIMAL_FULL,
    FMT_CIRCLE, FMT_PAREN, FMT_FULLSTOP, FMT_IDEO_CIRCLE, FMT_CN_COUNTING, FMT_CN_LEGAL,
    FMT_CN_LEGAL_TRAD, FMT_IDEO_DIGITAL, FMT_IDEO_TRAD, FMT_ZODIAC, FMT_UPPER_ROMAN,
    FMT_LOWER_ROMAN, FMT_UPPER_LETTER, FMT_LOWER_LETTER
};

static const struct {
    const char *name;
    char fmt;
} FORMATS[] = {
    {"decimal", FMT_DECIMAL}, {"decimalHalfWidth", FMT_DECIMAL}, {"none", FMT_NONE}, {"bullet", FMT_BULLET},
    {"decimalZero", FMT_DECIMAL_ZERO}, {"decimalFullWidth", FMT_DECIMAL_FULL}, {"decimalFullWidth2", FMT_DECIMAL_FULL},
    {"decimalEnclosedCircle", FMT_CIRCLE}, {"decimalEnclosedCircleChinese", FMT_CIRCLE},
    {"decimalEnclosedParen", FMT_PAREN}, {"decimalEnclosedFullstop", FMT_FULLSTOP},
    {"ideographEnclosedCircle", FMT_IDEO_CIRCLE}, {"chineseCounting", FMT_CN_COUNTING},
    {"chineseCountingThousand", FMT_CN_COUNTING}, {"japaneseCounting", FMT_CN_COUNTING},
    {"taiwaneseCounting", FMT_CN_COUNTING}, {"taiwaneseCountingThousand", FMT_CN_COUNTING},
    {"chineseLegalSimplified", FMT_CN_LEGAL}, {"ideographLegalTraditional", FMT_CN_LEGAL_TRAD},
    {"ideographDigital", FMT_IDEO_DIGITAL}, {"taiwaneseDigital", FMT_IDEO_DIGITAL},
    {"ideographTraditional", FMT_IDEO_TRAD}, {"ideographZodiac", FMT_ZODIAC},
    {"upperRoman", FMT_UPPER_ROMAN}, {"lowerRoman", FMT_LOWER_ROMAN},
    {"upperLetter", FMT_UPPER_LETTER}, {"lowerLetter", FMT_LOWER_LETTER},
};

typedef struct {
    char defined, fmt, suff, legal; /* suff: 't' tab (the default), 's' space, 'n' nothing */
    int start;                       /* w:start (0 when absent, as the standard says) */
    int restart;                     /* w:lvlRestart: -1 after any higher level, 0 never, n after level n */
    char *text;                      /* w:lvlText, NULL when absent */
    char *style;                     /* w:pStyle: the paragraph style linked to this level */
} nlevel;

typedef struct {
    long id;
    nlevel lvl[MAX_LVL];
    char *link;                      /* w:numStyleLink: the list is that numbering style's */
    int count[MAX_LVL];              /* the last number given at each level */
    char active[MAX_LVL];            /* a level counts on from count (else it starts again) */
} abstract_num;

typedef struct {
    long id, abs;
    nlevel lvl[MAX_LVL];             /* w:lvlOverride/w:lvl */
    int start[MAX_LVL];              /* w:lvlOverride/w:startOverride */
    char has_start[MAX_LVL], used;
} num_inst;

typedef struct {
    char *id, *based_on;
    long num;
    int ilvl;
    char has_num, has_ilvl, is_default, paragraph, table;
    signed char vanish;              /* w:rPr/w:vanish: 1 hidden, 0 shown, -1 not said */
    signed char bold;                /* w:rPr/w:b: 1, 0, -1 not said */
} style_def;

struct nb_numbering {
    abstract_num *abs;
    num_inst *num;
    style_def *sty;
    size_t nabs, nnum, nsty, capabs, capnum, capsty;
    const char *default_style;       /* the paragraph style of a paragraph without w:pStyle */
    const char *default_table_style; /* the style of a table without w:tblStyle */
    signed char default_vanish;      /* w:docDefaults/w:rPrDefault/w:rPr/w:vanish: 1, 0, -1 not said */
    signed char default_bold;        /* and its w:b */
    int failed;                      /* out of memory */
};

static char *copy_text(nb_numbering *n, const char *s)
{
    char *d = malloc(strlen(s) + 1);
    if (!d) {
        n->failed = 1;
        return NULL;
    }
    return strcpy(d, s);
}

static void free_level(nlevel *l)
{
    free(l->text);
    free(l->style);
}

static void free_defs(nb_numbering *n)
{
    for (size_t i = 0; i < n->nabs; i++) {
        for (int l = 0; l < MAX_LVL; l++)
            free_level(&n->abs[i].lvl[l]);
        free(n->abs[i].link);
    }
    for (size_t i = 0; i < n->nnum; i++)
        for (int l = 0; l < MAX_LVL; l++)
            free_level(&n->num[i].lvl[l]);
    for (size_t i = 0; i < n->nsty; i++) {
        free(n->sty[i].id);
        free(n->sty[i].based_on);
    }
    free(n->abs);
    free(n->num);
    free(n->sty);
    memset(n, 0, sizeof *n);
}

/* a new zeroed element at the end of an array of definitions, or NULL (too many, or no memory) */
static void *grow(nb_numbering *n, void **array, size_t *len, size_t *cap, size_t size)
{
    if (*len >= MAX_DEFS)
        return NULL;
    if (*len == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        void *a = realloc(*array, c * size);
        if (!a) {
            n->failed = 1;
            return NULL;
        }
        *array = a;
        *cap = c;
    }
    char *e = (char *)*array + (*len)++ * size;
    memset(e, 0, size);
    return e;
}

/* the parse of word/numbering.xml and word/styles.xml (one handler: their elements differ) */
typedef struct {
    nb_xml_base b;
    nb_numbering *n;
    int depth;
    abstract_num *a;
    num_inst *m;
    style_def *s;
    nlevel *lvl;
    int lvl_depth, style_depth, ppr_depth, rpr_depth, override; /* override: the w:lvlOverride's level or -1 */
    int defaults_depth, rpr_default_depth, default_rpr_depth; /* w:docDefaults, its w:rPrDefault, that one's w:rPr */
} defs_state;

/* a start value as Word takes it (0 to 32767) */
static int start_value(const char *v)
{
    long n = atol(v);
    return n < 0 ? 0 : n > 32767 ? 32767 : (int)n;
}

static int on_off(const char *v) { return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0); }

static int level_index(const char **atts)
{
    const char *v = nb_ooxml_attr(atts, "ilvl");
    int l = v ? atoi(v) : 0;
    return l >= 0 && l < MAX_LVL ? l : -1;
}

static int format_of(const char *v)
{
    for (size_t i = 0; v && i < sizeof FORMATS / sizeof *FORMATS; i++)
        if (strcmp(FORMATS[i].name, v) == 0)
            return FORMATS[i].fmt;
    return FMT_UNKNOWN;
}

static void XMLCALL on_def_start(void *ud, const char *name, const char **atts)
{
    defs_state *d = ud;
    nb_numbering *n = d->n;
    if (++d->depth > MAX_DEPTH)
        return nb_ooxml_stop(&d->b, "XML 嵌套过深");
    const char *val = nb_ooxml_attr(atts, "val");
    if (d->lvl) {
        nlevel *l = d->lvl;
        if (d->depth == d->lvl_depth + 1 && nb_ooxml_is(name, "start") && val) {
            l->start = start_value(val);
        } else if (nb_ooxml_is(name, "numFmt")) {
            /* a format of Word 2010 (w:numFmt w:val="custom" in mc:Choice) has a known one in
             * mc:Fallback: the first known format is taken */
            if (l->fmt == FMT_UNSET || l->fmt == FMT_UNKNOWN)
                l->fmt = (char)format_of(val);
        } else if (d->depth == d->lvl_depth + 1 && nb_ooxml_is(name, "lvlText") && val && !l->text) {
            l->text = copy_text(n, val);
        } else if (d->depth == d->lvl_depth + 1 && nb_ooxml_is(name, "lvlRestart") && val) {
            l->restart = atoi(val);
        } else if (d->depth == d->lvl_depth + 1 && nb_ooxml_is(name, "isLgl")) {
            l->legal = (char)on_off(val);
        } else if (d->depth == d->lvl_depth + 1 && nb_ooxml_is(name, "suff") && val) {
            l->suff = strcmp(val, "nothing") == 0 ? 'n' : strcmp(val, "space") == 0 ? 's' : 't';
        } else if (d->depth == d->lvl_depth + 1 && nb_ooxml_is(name, "pStyle") && val && !l->style) {
            l->style = copy_text(n, val);
        }
        return;
    }
    if (nb_ooxml_is(name, "abstractNum")) {
        const char *id = nb_ooxml_attr(atts, "abstractNumId");
        d->a = grow(n, (void **)&n->abs, &n->nabs, &n->capabs, sizeof *n->abs);
        if (!d->a)
            return nb_ooxml_stop(&d->b, n->failed ? "内存不足" : "编号定义过多");
        d->a->id = id ? atol(id) : -1;
    } else if (nb_ooxml_is(name, "num")) {
        const char *id = nb_ooxml_attr(atts, "numId");
        d->m = grow(n, (void **)&n->num, &n->nnum, &n->capnum, sizeof *n->num);
        if (!d->m)
            return nb_ooxml_stop(&d->b, n->failed ? "内存不足" : "编号定义过多");
        d->m->id = id ? atol(id) : -1;
        d->m->abs = -1;
        d->override = -1;
    } else if (d->m && nb_ooxml_is(name, "abstractNumId") && val) {
        d->m->abs = atol(val);
    } else if (d->m && nb_ooxml_is(name, "lvlOverride")) {
        d->override = level_index(atts);
    } else if (d->m && d->override >= 0 && nb_ooxml_is(name, "startOverride") && val) {
        d->m->start[d->override] = start_value(val);
        d->m->has_start[d->override] = 1;
    } else if (nb_ooxml_is(name, "lvl") && (d->a || (d->m && d->override >= 0))) {
        int i = d->a ? level_index(atts) : d->override;
        if (i < 0)
            return;
        nlevel *l = d->a ? &d->a->lvl[i] : &d->m->lvl[i];
        if (l->defined)
            return; /* the first definition of a level counts */
        l->defined = 1;
        l->suff = 't';
        l->restart = -1;
        d->lvl = l;
        d->lvl_depth = d->depth;
    } else if (d->a && nb_ooxml_is(name, "numStyleLink") && val && !d->a->link) {
        d->a->link = copy_text(n, val);
    } else if (nb_ooxml_is(name, "style")) {
        const char *id = nb_ooxml_attr(atts, "styleId"), *type = nb_ooxml_attr(atts, "type");
        if (!id)
            return;
        d->s = grow(n, (void **)&n->sty, &n->nsty, &n->capsty, sizeof *n->sty);
        if (!d->s)
            return nb_ooxml_stop(&d->b, n->failed ? "内存不足" : "样式过多");
        d->s->id = copy_text(n, id);
        d->s->paragraph = !type || strcmp(type, "paragraph") == 0;
        d->s->table = type && strcmp(type, "table") == 0;
        d->s->is_default = nb_ooxml_attr(atts, "default") && on_off(nb_ooxml_attr(atts, "default"));
        d->s->vanish = -1;
        d->s->bold = -1;
        d->style_depth = d->depth;
    } else if (!d->s && nb_ooxml_is(name, "docDefaults")) {
        d->defaults_depth = d->depth;
    } else if (d->defaults_depth && d->depth == d->defaults_depth + 1 && nb_ooxml_is(name, "rPrDefault")) {
        d->rpr_default_depth = d->depth;
    } else if (d->rpr_default_depth && d->depth == d->rpr_default_depth + 1 && nb_ooxml_is(name, "rPr")) {
        d->default_rpr_depth = d->depth;
    } else if (d->default_rpr_depth && d->depth == d->default_rpr_depth + 1 && nb_ooxml_is(name, "vanish")) {
        n->default_vanish = (signed char)on_off(val);
    } else if (d->default_rpr_depth && d->depth == d->default_rpr_depth + 1 && nb_ooxml_is(name, "b")) {
        n->default_bold = (signed char)on_off(val);
    } else if (d->s && d->depth == d->style_depth + 1 && nb_ooxml_is(name, "basedOn") && val && !d->s->based_on) {
        d->s->based_on = copy_text(n, val);
    } else if (d->s && d->depth == d->style_depth + 1 && nb_ooxml_is(name, "pPr")) {
        d->ppr_depth = d->depth;
    } else if (d->s && d->depth == d->style_depth + 1 && nb_ooxml_is(name, "rPr")) {
        d->rpr_depth = d->depth;
    } else if (d->s && d->rpr_depth && d->depth == d->rpr_depth + 1 && nb_ooxml_is(name, "vanish")) {
        d->s->vanish = (signed char)on_off(val);
    } else if (d->s && d->rpr_depth && d->depth == d->rpr_depth + 1 && nb_ooxml_is(name, "b")) {
        /* (w:b, not w:bCs: see run_bold in docx.c) */
        d->s->bold = (signed char)on_off(val);
    } else if (d->s && d->ppr_depth && d->depth == d->ppr_depth + 2 && nb_ooxml_is(name, "numId") && val) {
        d->s->num = atol(val);
        d->s->has_num = 1;
    } else if (d->s && d->ppr_depth && d->depth == d->ppr_depth + 2 && nb_ooxml_is(name, "ilvl") && val) {
        d->s->ilvl = atoi(val);
        d->s->has_ilvl = 1;
    }
}

static void XMLCALL on_def_end(void *ud, const char *name)
{
    defs_state *d = ud;
    if (d->lvl && d->depth == d->lvl_depth)
        d->lvl = NULL;
    else if (d->a && nb_ooxml_is(name, "abstractNum"))
        d->a = NULL;
    else if (d->m && nb_ooxml_is(name, "num"))
        d->m = NULL;
    else if (d->m && nb_ooxml_is(name, "lvlOverride"))
        d->override = -1;
    else if (d->s && d->depth == d->style_depth && nb_ooxml_is(name, "style"))
        d->s = NULL, d->ppr_depth = 0, d->rpr_depth = 0;
    else if (d->s && d->depth == d->ppr_depth)
        d->ppr_depth = 0;
    else if (d->s && d->depth == d->rpr_depth)
        d->rpr_depth = 0;
    else if (d->depth == d->default_rpr_depth)
        d->default_rpr_depth = 0;
    else if (d->depth == d->rpr_default_depth)
        d->rpr_default_depth = 0;
    else if (d->depth == d->defaults_depth)
        d->defaults_depth = 0;
    d->depth--;
}

static int cmp_abs(const void *a, const void *b)
{
    long x = ((const abstract_num *)a)->id, y = ((const abstract_num *)b)->id;
    return (x > y) - (x < y);
}

static int cmp_num(const void *a, const void *b)
{
    long x = ((const num_inst *)a)->id, y = ((const num_inst *)b)->id;
    return (x > y) - (x < y);
}

static int cmp_style(const void *a, const void *b)
{
    return strcmp(((const style_def *)a)->id, ((const style_def *)b)->id);
}

static abstract_num *find_abs(nb_numbering *n, long id)
{
    abstract_num key = {.id = id};
    return n->nabs ? bsearch(&key, n->abs, n->nabs, sizeof key, cmp_abs) : NULL;
}

static num_inst *find_num(nb_numbering *n, long id)
{
    num_inst key = {.id = id};
    return n->nnum ? bsearch(&key, n->num, n->nnum, sizeof key, cmp_num) : NULL;
}

static style_def *find_style(nb_numbering *n, const char *id)
{
    style_def key = {.id = (char *)id};
    return id && n->nsty ? bsearch(&key, n->sty, n->nsty, sizeof key, cmp_style) : NULL;
}

/* Reads a part of definitions into n; NULL, or why it could not be read (n keeps what was
 * read before the fault). */
static const char *read_defs(nb_numbering *n, const char *xml, size_t len, char *message, size_t size, const char *part)
{
    defs_state d;
    memset(&d, 0, sizeof d);
    d.n = n;
    d.override = -1;
    return nb_ooxml_parse(&d.b, &d, on_def_start, on_def_end, NULL, xml, len, part, message, size, &n->failed);
}

static void sort_defs(nb_numbering *n)
{
    if (n->nabs)
        qsort(n->abs, n->nabs, sizeof *n->abs, cmp_abs);
    if (n->nnum)
        qsort(n->num, n->nnum, sizeof *n->num, cmp_num);
    /* a style without its id (out of memory) is dropped before sorting */
    size_t k = 0;
    for (size_t i = 0; i < n->nsty; i++)
        if (n->sty[i].id)
            n->sty[k++] = n->sty[i];
        else
            free(n->sty[i].based_on);
    n->nsty = k;
    for (size_t i = 0; i < n->nsty; i++) {
        if (n->sty[i].paragraph && n->sty[i].is_default && !n->default_style)
            n->default_style = n->sty[i].id;
        if (n->sty[i].table && n->sty[i].is_default && !n->default_table_style)
            n->default_table_style = n->sty[i].id;
    }
    if (n->nsty)
        qsort(n->sty, n->nsty, sizeof *n->sty, cmp_style);
}

/* ---- numbers as Word writes them ---- */

static int put(char *out, size_t cap, size_t *len, const char *s, size_t n)
{
    if (*len + n + 1 > cap)
        return 0;
    memcpy(out + *len, s, n);
    *len += n;
    out[*len] = '\0';
    return 1;
}

static int put_str(char *out, size_t cap, size_t *len, const char *s) { return put(out, cap, len, s, strlen(s)); }

static int put_cp(char *out, size_t cap, size_t *len, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else {
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    }
    return put(out, cap, len, u, n);
}

static int put_decimal(char *out, size_t cap, size_t *len, int v, int width)
{
    char d[16];
    int n = snprintf(d, sizeof d, "%0*d", width, v);
    return put(out, cap, len, d, (size_t)n);
}

/* a Chinese numeral up to 9999: 十 for 10 to 19 in counting (一十 in the legal forms), 零 for
 * the zeros inside ("一百零一") */
static int put_chinese(char *out, size_t cap, size_t *len, int v, const char *const digits[10], const char *const units[4], int legal)
{
    if (v == 0)
        return put_str(out, cap, len, digits[0]);
    int d[4] = {v / 1000, v / 100 % 10, v / 10 % 10, v % 10}, started = 0, zero = 0;
    for (int i = 0; i < 4; i++) {
        int unit = 3 - i;
        if (d[i] == 0) {
            zero = started;
            continue;
        }
        if (zero && !put_str(out, cap, len, digits[0]))
            return 0;
        zero = 0;
        if (!(unit == 1 && d[i] == 1 && !started && !legal) && !put_str(out, cap, len, digits[d[i]]))
            return 0;
        if (!put_str(out, cap, len, units[unit]))
            return 0;
        started = 1;
    }
    return 1;
}

static const char *const CN_DIGITS[10] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
static const char *const CN_COUNT_ZERO[10] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
static const char *const CN_UNITS[4] = {"", "十", "百", "千"};
static const char *const LEGAL_DIGITS[10] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
static const char *const LEGAL_TRAD_DIGITS[10] = {"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"};
static const char *const LEGAL_UNITS[4] = {"", "拾", "佰", "仟"};
static const char *const STEMS[10] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
static const char *const BRANCHES[12] = {"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"};

/* the number v in format fmt; 0 when it cannot be written (an unknown format, a bullet) */
static int put_number(char *out, size_t cap, size_t *len, int v, int fmt)
{
    switch (fmt) {
    case FMT_NONE:
        return 1;
    case FMT_UNSET:
    case FMT_DECIMAL:
        return put_decimal(out, cap, len, v, 1);
    case FMT_DECIMAL_ZERO:
        return put_decimal(out, cap, len, v, 2);
    case FMT_DECIMAL_FULL: {
        char d[16];
        int n = snprintf(d, sizeof d, "%d", v);
        for (int i = 0; i < n; i++)
            if (!(d[i] >= '0' && d[i] <= '9' ? put_cp(out, cap, len, 0xFF10u + (unsigned)(d[i] - '0')) : put(out, cap, len, d + i, 1)))
                return 0;
        return 1;
    }
    case FMT_CIRCLE:
        return v >= 1 && v <= 20 ? put_cp(out, cap, len, 0x2460u + (unsigned)v - 1) : put_decimal(out, cap, len, v, 1);
    case FMT_PAREN:
        return v >= 1 && v <= 20 ? put_cp(out, cap, len, 0x2474u + (unsigned)v - 1) : put_decimal(out, cap, len, v, 1);
    case FMT_FULLSTOP:
        return v >= 1 && v <= 20 ? put_cp(out, cap, len, 0x2488u + (unsigned)v - 1) : put_decimal(out, cap, len, v, 1);
    case FMT_IDEO_CIRCLE:
        return v >= 1 && v <= 10 ? put_cp(out, cap, len, 0x3220u + (unsigned)v - 1) : put_decimal(out, cap, len, v, 1);
    case FMT_CN_COUNTING:
        if (v < 0 || v > 9999)
            return put_decimal(out, cap, len, v, 1);
        return v == 0 ? put_str(out, cap, len, CN_DIGITS[0]) : put_chinese(out, cap, len, v, CN_COUNT_ZERO, CN_UNITS, 0);
    case FMT_CN_LEGAL:
    case FMT_CN_LEGAL_TRAD:
        if (v < 0 || v > 9999)
            return put_decimal(out, cap, len, v, 1);
        return put_chinese(out, cap, len, v, fmt == FMT_CN_LEGAL ? LEGAL_DIGITS : LEGAL_TRAD_DIGITS, LEGAL_UNITS, 1);
    case FMT_IDEO_DIGITAL: {
        char d[16];
        int n = snprintf(d, sizeof d, "%d", v);
        for (int i = 0; i < n; i++)
            if (!(d[i] >= '0' && d[i] <= '9' ? put_str(out, cap, len, CN_DIGITS[d[i] - '0']) : put(out, cap, len, d + i, 1)))
                return 0;
        return 1;
    }
    case FMT_IDEO_TRAD:
        return v >= 1 ? put_str(out, cap, len, STEMS[(v - 1) % 10]) : put_decimal(out, cap, len, v, 1);
    case FMT_ZODIAC:
        return v >= 1 ? put_str(out, cap, len, BRANCHES[(v - 1) % 12]) : put_decimal(out, cap, len, v, 1);
    case FMT_UPPER_ROMAN:
    case FMT_LOWER_ROMAN: {
        static const int values[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        static const char *const upper[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        static const char *const lower[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        if (v < 1 || v > 3999)
            return put_decimal(out, cap, len, v, 1);
        for (int i = 0; i < 13; i++)
            for (; v >= values[i]; v -= values[i])
                if (!put_str(out, cap, len, fmt == FMT_UPPER_ROMAN ? upper[i] : lower[i]))
                    return 0;
        return 1;
    }
    case FMT_UPPER_LETTER:
    case FMT_LOWER_LETTER: {
        /* a, b, … z, aa, bb, … as Word counts on */
        if (v < 1 || v > 26 * 10)
            return put_decimal(out, cap, len, v, 1);
        char c = (char)((fmt == FMT_UPPER_LETTER ? 'A' : 'a') + (v - 1) % 26);
        for (int i = 0; i <= (v - 1) / 26; i++)
            if (!put(out, cap, len, &c, 1))
                return 0;
        return 1;
    }
    default:
        return 0;
    }
}

/* ---- a numbered paragraph's number ---- */

static const nlevel *level_of(const num_inst *m, const abstract_num *a, int l)
{
    return m->lvl[l].defined ? &m->lvl[l] : &a->lvl[l];
}

static int start_of(const num_inst *m, const abstract_num *a, int l)
{
    return m->has_start[l] ? m->start[l] : level_of(m, a, l)->start;
}

size_t nb_numbering_label(nb_numbering *n, const nb_para_numbering *p, char *out, size_t cap)
{
    long num = 0;
    int ilvl = 0, has_num = 0, has_ilvl = 0;
    if (p->has_num)
        num = p->num, has_num = 1;
    if (p->has_ilvl)
        ilvl = p->ilvl, has_ilvl = 1;
    const char *style_id = p->style[0] ? p->style : n->default_style;
    const style_def *st = find_style(n, style_id);
    for (int i = 0; st && i < MAX_STYLE_CHAIN && !(has_num && has_ilvl); i++) {
        if (!has_num && st->has_num)
            num = st->num, has_num = 1;
        if (!has_ilvl && st->has_ilvl)
            ilvl = st->ilvl, has_ilvl = 1;
        st = st->based_on ? find_style(n, st->based_on) : NULL;
    }
    if (!has_num || num == 0) /* numId 0: a paragraph whose style's numbering was removed */
        return 0;
    num_inst *m = find_num(n, num);
    abstract_num *a = m ? find_abs(n, m->abs) : NULL;
    if (a && a->link) {
        /* a list defined by a numbering style: that style's instance holds the levels */
        const style_def *ls = find_style(n, a->link);
        num_inst *lm = ls && ls->has_num ? find_num(n, ls->num) : NULL;
        abstract_num *la = lm ? find_abs(n, lm->abs) : NULL;
        a = la && !la->link ? la : NULL;
    }
    if (!a)
        return 0;
    if (!has_ilvl && style_id)
        for (int l = 0; l < MAX_LVL; l++)
            if (level_of(m, a, l)->style && strcmp(level_of(m, a, l)->style, style_id) == 0) {
                ilvl = l;
                break;
            }
    if (ilvl < 0 || ilvl >= MAX_LVL || !level_of(m, a, ilvl)->defined)
        return 0;
    if (!m->used) {
        /* an instance that overrides a level's start restarts that level where it is first used */
        m->used = 1;
        for (int l = 0; l < MAX_LVL; l++)
            if (m->has_start[l])
                a->active[l] = 0;
    }
    const nlevel *lv = level_of(m, a, ilvl);
    a->count[ilvl] = a->active[ilvl] ? a->count[ilvl] + 1 : start_of(m, a, ilvl);
    a->active[ilvl] = 1;
    for (int l = ilvl + 1; l < MAX_LVL; l++) {
        const nlevel *below = level_of(m, a, l);
        int r = below->defined ? below->restart : -1;
        if (r < 0 || (r > 0 && ilvl < r))
            a->active[l] = 0;
    }
    if (!lv->text || lv->fmt == FMT_BULLET)
        return 0;
    size_t len = 0;
    out[0] = '\0';
    for (const char *c = lv->text; *c; c++) {
        if (c[0] == '%' && c[1] >= '1' && c[1] <= '9') {
            int l = c[1] - '1';
            /* a higher level not used yet shows one before its start, as Word's "0.1" */
            int v = a->active[l] ? a->count[l] : start_of(m, a, l) - 1;
            int fmt = level_of(m, a, l)->fmt;
            if (lv->legal && fmt != FMT_NONE) /* w:isLgl: every level in Arabic numbers */
                fmt = FMT_DECIMAL;
            if (!put_number(out, cap, &len, v < 0 ? 0 : v, fmt))
                return 0;
            c++;
        } else if (!put(out, cap, &len, c, 1)) {
            return 0;
        }
    }
    if (len > 0 && lv->suff != 'n' && !put(out, cap, &len, " ", 1))
        return 0;
    return len;
}

/* ---- hidden text, bold text ---- */

/* the first value of a run property that the style style_id or a style it is based on says
 * (at most MAX_STYLE_CHAIN of them: a chain that loops, or one longer, ends there), -1 when
 * none does; "" is the default style of its kind (none for a character style) */
static int style_value(nb_numbering *n, const char *style_id, int kind, int bold)
{
    if (!n)
        return -1;
    const char *dflt = kind == NB_STYLE_PARAGRAPH ? n->default_style : kind == NB_STYLE_TABLE ? n->default_table_style : NULL;
    const style_def *st = find_style(n, style_id && style_id[0] ? style_id : dflt);
    for (int i = 0; st && i < MAX_STYLE_CHAIN; i++) {
        int v = bold ? st->bold : st->vanish;
        if (v >= 0)
            return v;
        st = st->based_on ? find_style(n, st->based_on) : NULL;
    }
    return -1;
}

int nb_style_hides(nb_numbering *n, const char *style_id, int kind) { return style_value(n, style_id, kind, 0); }

int nb_default_hides(nb_numbering *n) { return n ? n->default_vanish : -1; }

int nb_style_bold(nb_numbering *n, const char *style_id, int kind) { return style_value(n, style_id, kind, 1); }

int nb_default_bold(nb_numbering *n) { return n ? n->default_bold : -1; }

/* ---- the interface (docx_numbering.h) ---- */

nb_numbering *nb_numbering_read(const char *numbering_xml, size_t numbering_len, const char *styles_xml,
                                 size_t styles_len, char *message, size_t size, const char **why)
{
    nb_numbering *n = calloc(1, sizeof *n);
    if (!n) {
        *why = NULL;
        return NULL;
    }
    n->default_vanish = -1;
    n->default_bold = -1;
    *why = numbering_xml ? read_defs(n, numbering_xml, numbering_len, message, size, "word/numbering.xml") : NULL;
    if (!*why && styles_xml)
        *why = read_defs(n, styles_xml, styles_len, message, size, "word/styles.xml");
    if (n->failed)
        *why = NULL;
    if (n->failed || *why) {
        nb_numbering_free(n);
        return NULL;
    }
    sort_defs(n);
    return n;
}

void nb_numbering_free(nb_numbering *n)
{
    if (!n)
        return;
    free_defs(n);
    free(n);
}
