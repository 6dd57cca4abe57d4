#include "docx.h"
#include "bytes.h"
#include "importlibs.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#define W "http://schemas.openxmlformats.org/wordprocessingml/2006/main|"
/* mc:AlternateContent: mc:Choice holds what Word shows (a text box as DrawingML), mc:Fallback
 * the same again for older readers (as VML): read once, from the Choice */
#define MC_FALLBACK "http://schemas.openxmlformats.org/markup-compatibility/2006|Fallback"

enum { MAX_ITEMS = 200000, MAX_DEPTH = 256 };

static const nb_expat *X; /* libexpat, loaded by the first parse (host/importlibs.c) */

/* what every parse here has: its parser, and why it stopped */
typedef struct {
    XML_Parser parser;
    const char *problem;
} xml_base;

/* Word's "Strict Open XML" documents use the ISO namespace for the same elements */
#define W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main|"

static int is(const char *name, const char *local)
{
    if (strncmp(name, W, sizeof W - 1) == 0)
        return strcmp(name + sizeof W - 1, local) == 0;
    if (strncmp(name, W_STRICT, sizeof W_STRICT - 1) == 0)
        return strcmp(name + sizeof W_STRICT - 1, local) == 0;
    return 0;
}

static const char *attr(const char **atts, const char *local)
{
    for (int i = 0; atts[i]; i += 2)
        if (is(atts[i], local))
            return atts[i + 1];
    return NULL;
}

static void stop(void *ud, const char *why)
{
    xml_base *b = ud;
    if (!b->problem)
        b->problem = why;
    X->XML_StopParser(b->parser, XML_FALSE);
}

/* a document part has no DTD: one is refused (no entity expansion at all) */
static void XMLCALL on_doctype(void *ud, const char *name, const char *sysid, const char *pubid, int internal)
{
    (void)name, (void)sysid, (void)pubid, (void)internal;
    stop(ud, "含有 DOCTYPE 声明（Word 文档不会有），拒绝读取");
}

static void XMLCALL on_entity(void *ud, const char *name, int is_param, const char *value, int value_len,
                              const char *base, const char *sysid, const char *pubid, const char *notation)
{
    (void)name, (void)is_param, (void)value, (void)value_len, (void)base, (void)sysid, (void)pubid, (void)notation;
    stop(ud, "含有实体声明，拒绝读取");
}
/* ---------------------------------------------------------------------------------------
 * Word's automatic numbering. A paragraph is numbered by w:numPr (w:numId, w:ilvl) in its
 * w:pPr or in its paragraph style (word/styles.xml, through w:basedOn); the number Word
 * displays comes from word/numbering.xml: w:num (an instance) -> w:abstractNumId ->
 * w:abstractNum/w:lvl (w:start, w:numFmt, w:lvlText "%1、", w:lvlRestart, w:isLgl, w:suff),
 * with the instance's w:lvlOverride (w:startOverride, or a whole w:lvl). As Word (and
 * LibreOffice, which copies it) does, the instances of one abstract list share its counters:
 * a second w:num of the same list continues it, unless it overrides a level's start; a level
 * that advances restarts the levels below it. */

enum { MAX_LVL = 9, MAX_DEFS = 20000, MAX_STYLE_CHAIN = 32, MAX_P_NEST = 16, STYLE_ID_MAX = 64, LABEL_MAX = 256 };

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
    char has_num, has_ilvl, is_default, paragraph;
} style_def;

typedef struct {
    abstract_num *abs;
    num_inst *num;
    style_def *sty;
    size_t nabs, nnum, nsty, capabs, capnum, capsty;
    const char *default_style;       /* the paragraph style of a paragraph without w:pStyle */
    int failed;                      /* out of memory */
} numbering;

static char *dup(numbering *n, const char *s)
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

static void numbering_free(numbering *n)
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
static void *grow(numbering *n, void **array, size_t *len, size_t *cap, size_t size)
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
    xml_base b;
    numbering *n;
    int depth;
    abstract_num *a;
    num_inst *m;
    style_def *s;
    nlevel *lvl;
    int lvl_depth, style_depth, ppr_depth, override; /* override: the w:lvlOverride's level or -1 */
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
    const char *v = attr(atts, "ilvl");
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
    numbering *n = d->n;
    if (++d->depth > MAX_DEPTH)
        return stop(&d->b, "XML 嵌套过深");
    const char *val = attr(atts, "val");
    if (d->lvl) {
        nlevel *l = d->lvl;
        if (d->depth == d->lvl_depth + 1 && is(name, "start") && val) {
            l->start = start_value(val);
        } else if (is(name, "numFmt")) {
            /* a format of Word 2010 (w:numFmt w:val="custom" in mc:Choice) has a known one in
             * mc:Fallback: the first known format is taken */
            if (l->fmt == FMT_UNSET || l->fmt == FMT_UNKNOWN)
                l->fmt = (char)format_of(val);
        } else if (d->depth == d->lvl_depth + 1 && is(name, "lvlText") && val && !l->text) {
            l->text = dup(n, val);
        } else if (d->depth == d->lvl_depth + 1 && is(name, "lvlRestart") && val) {
            l->restart = atoi(val);
        } else if (d->depth == d->lvl_depth + 1 && is(name, "isLgl")) {
            l->legal = (char)on_off(val);
        } else if (d->depth == d->lvl_depth + 1 && is(name, "suff") && val) {
            l->suff = strcmp(val, "nothing") == 0 ? 'n' : strcmp(val, "space") == 0 ? 's' : 't';
        } else if (d->depth == d->lvl_depth + 1 && is(name, "pStyle") && val && !l->style) {
            l->style = dup(n, val);
        }
        return;
    }
    if (is(name, "abstractNum")) {
        const char *id = attr(atts, "abstractNumId");
        d->a = grow(n, (void **)&n->abs, &n->nabs, &n->capabs, sizeof *n->abs);
        if (!d->a)
            return stop(&d->b, n->failed ? "内存不足" : "编号定义过多");
        d->a->id = id ? atol(id) : -1;
    } else if (is(name, "num")) {
        const char *id = attr(atts, "numId");
        d->m = grow(n, (void **)&n->num, &n->nnum, &n->capnum, sizeof *n->num);
        if (!d->m)
            return stop(&d->b, n->failed ? "内存不足" : "编号定义过多");
        d->m->id = id ? atol(id) : -1;
        d->m->abs = -1;
        d->override = -1;
    } else if (d->m && is(name, "abstractNumId") && val) {
        d->m->abs = atol(val);
    } else if (d->m && is(name, "lvlOverride")) {
        d->override = level_index(atts);
    } else if (d->m && d->override >= 0 && is(name, "startOverride") && val) {
        d->m->start[d->override] = start_value(val);
        d->m->has_start[d->override] = 1;
    } else if (is(name, "lvl") && (d->a || (d->m && d->override >= 0))) {
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
    } else if (d->a && is(name, "numStyleLink") && val && !d->a->link) {
        d->a->link = dup(n, val);
    } else if (is(name, "style")) {
        const char *id = attr(atts, "styleId"), *type = attr(atts, "type");
        if (!id)
            return;
        d->s = grow(n, (void **)&n->sty, &n->nsty, &n->capsty, sizeof *n->sty);
        if (!d->s)
            return stop(&d->b, n->failed ? "内存不足" : "样式过多");
        d->s->id = dup(n, id);
        d->s->paragraph = !type || strcmp(type, "paragraph") == 0;
        d->s->is_default = attr(atts, "default") && on_off(attr(atts, "default"));
        d->style_depth = d->depth;
    } else if (d->s && d->depth == d->style_depth + 1 && is(name, "basedOn") && val && !d->s->based_on) {
        d->s->based_on = dup(n, val);
    } else if (d->s && d->depth == d->style_depth + 1 && is(name, "pPr")) {
        d->ppr_depth = d->depth;
    } else if (d->s && d->ppr_depth && d->depth == d->ppr_depth + 2 && is(name, "numId") && val) {
        d->s->num = atol(val);
        d->s->has_num = 1;
    } else if (d->s && d->ppr_depth && d->depth == d->ppr_depth + 2 && is(name, "ilvl") && val) {
        d->s->ilvl = atoi(val);
        d->s->has_ilvl = 1;
    }
}

static void XMLCALL on_def_end(void *ud, const char *name)
{
    defs_state *d = ud;
    if (d->lvl && d->depth == d->lvl_depth)
        d->lvl = NULL;
    else if (d->a && is(name, "abstractNum"))
        d->a = NULL;
    else if (d->m && is(name, "num"))
        d->m = NULL;
    else if (d->m && is(name, "lvlOverride"))
        d->override = -1;
    else if (d->s && d->depth == d->style_depth && is(name, "style"))
        d->s = NULL, d->ppr_depth = 0;
    else if (d->s && d->depth == d->ppr_depth)
        d->ppr_depth = 0;
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

static abstract_num *find_abs(numbering *n, long id)
{
    abstract_num key = {.id = id};
    return n->nabs ? bsearch(&key, n->abs, n->nabs, sizeof key, cmp_abs) : NULL;
}

static num_inst *find_num(numbering *n, long id)
{
    num_inst key = {.id = id};
    return n->nnum ? bsearch(&key, n->num, n->nnum, sizeof key, cmp_num) : NULL;
}

static style_def *find_style(numbering *n, const char *id)
{
    style_def key = {.id = (char *)id};
    return id && n->nsty ? bsearch(&key, n->sty, n->nsty, sizeof key, cmp_style) : NULL;
}

/* Reads a part of definitions into n; NULL, or why it could not be read (n keeps what was
 * read before the fault). */
static const char *read_defs(numbering *n, const char *xml, size_t len, char *message, size_t size, const char *part)
{
    defs_state d;
    memset(&d, 0, sizeof d);
    d.n = n;
    d.override = -1;
    d.b.parser = X->XML_ParserCreateNS(NULL, '|');
    if (!d.b.parser) {
        n->failed = 1;
        return "内存不足";
    }
    X->XML_SetUserData(d.b.parser, &d);
    X->XML_SetElementHandler(d.b.parser, on_def_start, on_def_end);
    X->XML_SetStartDoctypeDeclHandler(d.b.parser, on_doctype);
    X->XML_SetEntityDeclHandler(d.b.parser, on_entity);
    int ok = X->XML_Parse(d.b.parser, xml, (int)(len > 0x7fffffff ? 0x7fffffff : len), XML_TRUE) == XML_STATUS_OK;
    const char *why = NULL;
    if (!ok && !d.b.problem) {
        snprintf(message, size, "%s 第 %lu 行：XML 格式错误（%s）", part,
                 (unsigned long)X->XML_GetCurrentLineNumber(d.b.parser), X->XML_ErrorString(X->XML_GetErrorCode(d.b.parser)));
        why = message;
    } else if (d.b.problem) {
        snprintf(message, size, "%s：%s", part, d.b.problem);
        why = message;
    }
    X->XML_ParserFree(d.b.parser);
    return why;
}

static void sort_defs(numbering *n)
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
    for (size_t i = 0; i < n->nsty; i++)
        if (n->sty[i].paragraph && n->sty[i].is_default && !n->default_style)
            n->default_style = n->sty[i].id;
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

typedef struct {
    long num;
    int ilvl;
    char has_num, has_ilvl;
    char style[STYLE_ID_MAX]; /* w:pStyle ("" none: the default style) */
    size_t start;             /* where its text starts in the text being read */
    int depth, ppr_depth, numpr_depth;
} para_props;

static const nlevel *level_of(const num_inst *m, const abstract_num *a, int l)
{
    return m->lvl[l].defined ? &m->lvl[l] : &a->lvl[l];
}

static int start_of(const num_inst *m, const abstract_num *a, int l)
{
    return m->has_start[l] ? m->start[l] : level_of(m, a, l)->start;
}

/* Counts the paragraph in its list and writes the number Word shows before its text (with a
 * space for the tab or space after it) into out; its length, 0 when it is not numbered or
 * its number cannot be written (a bullet, an unknown format: the text alone is read). */
static size_t number_label(numbering *n, const para_props *p, char *out, size_t cap)
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

/* ---- the document ---- */

typedef struct {
    xml_base b;
    /* the parse result: records in one buffer, pushed to Lua after expat is done (a Lua
     * error must not jump through expat's frames): 'P' text NUL (a paragraph, in a cell or
     * not), 'T' 't' (a table's start and end, at any depth), 'R' 'E' (a row's), 'C' (a
     * cell's start), 'c' span NUL (a cell's end) or 'm' (the end of a vMerge continuation) */
    nb_bytes records;
    nb_bytes text;      /* the paragraph being read */
    int in_t;      /* inside w:t */
    int tbl;       /* w:tbl depth */
    int span[MAX_DEPTH + 1], vcont[MAX_DEPTH + 1]; /* of the cell open at each table depth */
    int fallback;  /* depth inside mc:Fallback, whose content is skipped */
    long items;
    int depth;
    numbering *nums;    /* the definitions of word/numbering.xml and word/styles.xml, or NULL */
    para_props para[MAX_P_NEST]; /* the w:p open at each nesting (a text box's inside a paragraph) */
    int p_nest;
} state;

static void emit_para(state *s)
{
    if (s->text.len > 0) {
        if (++s->items > MAX_ITEMS)
            return stop(s, "段落过多");
        nb_bytes_add(&s->records, "P", 1);
        nb_bytes_add(&s->records, s->text.data, s->text.len);
        nb_bytes_add(&s->records, "", 1);
    }
    s->text.len = 0;
}

static void add_record(state *s, const char *r) { nb_bytes_add(&s->records, r, 1); }

/* the number Word shows before a paragraph, put before its text; an empty paragraph (its
 * number alone) is counted in its list but stays no item */
static void number_para(state *s, const para_props *p)
{
    char label[LABEL_MAX];
    size_t n = number_label(s->nums, p, label, sizeof label);
    size_t at = p->start <= s->text.len ? p->start : 0; /* (0: a text box's paragraph was emitted inside it) */
    size_t i = at;
    while (i < s->text.len && (s->text.data[i] == ' ' || s->text.data[i] == '\n'))
        i++;
    if (n == 0 || i == s->text.len || !nb_bytes_add(&s->text, label, n))
        return;
    memmove(s->text.data + at + n, s->text.data + at, s->text.len - n - at);
    memcpy(s->text.data + at, label, n);
}

/* the numbering properties of the paragraph open (its w:pPr's w:pStyle and w:numPr; not
 * those of a w:pPrChange, the properties before a tracked change, which is deeper) */
static void paragraph_props(state *s, const char *name, const char **atts)
{
    if (s->p_nest == 0 || s->p_nest > MAX_P_NEST)
        return;
    para_props *p = &s->para[s->p_nest - 1];
    const char *v = attr(atts, "val");
    if (s->depth == p->depth + 1 && is(name, "pPr")) {
        p->ppr_depth = s->depth;
    } else if (p->ppr_depth && s->depth == p->ppr_depth + 1 && is(name, "pStyle") && v) {
        size_t n = strlen(v);
        if (n < STYLE_ID_MAX)
            memcpy(p->style, v, n + 1);
        else
            memcpy(p->style, "\x01", 2); /* an id too long for any style here: matches none */
    } else if (p->ppr_depth && s->depth == p->ppr_depth + 1 && is(name, "numPr")) {
        p->numpr_depth = s->depth;
    } else if (p->numpr_depth && s->depth == p->numpr_depth + 1 && is(name, "numId") && v) {
        p->num = atol(v);
        p->has_num = 1;
    } else if (p->numpr_depth && s->depth == p->numpr_depth + 1 && is(name, "ilvl") && v) {
        p->ilvl = atoi(v);
        p->has_ilvl = 1;
    }
}

static void XMLCALL on_start(void *ud, const char *name, const char **atts)
{
    state *s = ud;
    if (++s->depth > MAX_DEPTH)
        return stop(s, "XML 嵌套过深");
    if (s->fallback || strcmp(name, MC_FALLBACK) == 0) {
        s->fallback++;
        return;
    }
    if (is(name, "p")) {
        if (s->p_nest < MAX_P_NEST) {
            para_props *p = &s->para[s->p_nest];
            memset(p, 0, sizeof *p);
            p->start = s->text.len;
            p->depth = s->depth;
        }
        s->p_nest++;
        return;
    }
    if (s->nums)
        paragraph_props(s, name, atts);
    if (is(name, "t")) {
        s->in_t = 1;
    } else if (is(name, "tab")) {
        nb_bytes_add(&s->text, " ", 1);
    } else if (is(name, "br") || is(name, "cr")) {
        /* a line break: a new paragraph, as <br> in HTML (a title broken after its year) */
        nb_bytes_add(&s->text, "\n", 1);
    } else if (is(name, "tbl")) {
        emit_para(s);
        s->tbl++;
        add_record(s, "T");
    } else if (s->tbl > 0 && is(name, "tr")) {
        add_record(s, "R");
    } else if (s->tbl > 0 && is(name, "tc")) {
        emit_para(s);
        s->span[s->tbl] = 1;
        s->vcont[s->tbl] = 0;
        add_record(s, "C");
    } else if (s->tbl > 0 && is(name, "gridSpan")) {
        const char *v = attr(atts, "val");
        int n = v ? atoi(v) : 1;
        s->span[s->tbl] = n >= 1 && n <= 64 ? n : 1;
    } else if (s->tbl > 0 && is(name, "vMerge")) {
        const char *v = attr(atts, "val");
        s->vcont[s->tbl] = !v || strcmp(v, "continue") == 0;
    }
}

static void XMLCALL on_end(void *ud, const char *name)
{
    state *s = ud;
    s->depth--;
    if (s->fallback) {
        s->fallback--;
        return;
    }
    if (is(name, "t")) {
        s->in_t = 0;
    } else if (is(name, "p")) {
        if (s->p_nest > 0 && s->p_nest <= MAX_P_NEST && s->nums)
            number_para(s, &s->para[s->p_nest - 1]);
        if (s->p_nest > 0)
            s->p_nest--;
        emit_para(s);
    } else if (s->p_nest > 0 && s->p_nest <= MAX_P_NEST && s->depth + 1 == s->para[s->p_nest - 1].ppr_depth) {
        s->para[s->p_nest - 1].ppr_depth = 0; /* the paragraph's w:pPr ends */
        s->para[s->p_nest - 1].numpr_depth = 0;
    } else if (s->tbl > 0 && is(name, "tbl")) {
        emit_para(s);
        s->tbl--;
        add_record(s, "t");
    } else if (s->tbl > 0 && is(name, "tc")) {
        emit_para(s);
        if (s->vcont[s->tbl]) {
            add_record(s, "m");
        } else {
            if (++s->items > MAX_ITEMS)
                return stop(s, "表格单元格过多");
            char span[8];
            int n = snprintf(span, sizeof span, "%d", s->span[s->tbl]);
            add_record(s, "c");
            nb_bytes_add(&s->records, span, (size_t)n + 1);
        }
    } else if (s->tbl > 0 && is(name, "tr")) {
        add_record(s, "E");
    }
}

static void XMLCALL on_text(void *ud, const char *text, int len)
{
    state *s = ud;
    if (s->in_t && !s->fallback)
        nb_bytes_add(&s->text, text, (size_t)len);
}

static void set_text(lua_State *L, const char *key, const char *s)
{
    lua_pushstring(L, s);
    lua_setfield(L, -2, key);
}

/* the length of the record at p (its kind byte included) */
static size_t record_len(const char *p)
{
    return *p == 'P' || *p == 'c' ? strlen(p + 1) + 2 : 1;
}

/* protected: the records as Lua items. A table is read as rows of cells, each cell's text
 * that of all its paragraphs (and of any table of one row set in it); a table that holds a
 * table of several rows is a layout table (a whole report set in a frame of one cell, as
 * pages saved from the web are): its cells' paragraphs and tables are read as the body's,
 * in order, as the HTML front end reads a <table> holding tables. */
static int push_items(lua_State *L)
{
    const char *start = lua_touserdata(L, 1);
    size_t len = (size_t)lua_tointeger(L, 2);
    const char *end = start + len;
    /* pass 1: which tables (by their order of start) are layout tables */
    size_t ntables = 0;
    for (const char *p = start; p < end; p += record_len(p))
        ntables += *p == 'T';
    unsigned char *layout = lua_newuserdatauv(L, ntables ? ntables : 1, 0);
    memset(layout, 0, ntables ? ntables : 1);
    /* the table open at each depth and its rows (the parse stops deeper than MAX_DEPTH) */
    size_t *open = lua_newuserdatauv(L, (MAX_DEPTH + 2) * sizeof *open, 0);
    size_t *rows = lua_newuserdatauv(L, (MAX_DEPTH + 2) * sizeof *rows, 0);
    int depth = 0;
    size_t t = 0;
    for (const char *p = start; p < end; p += record_len(p)) {
        if (*p == 'T') {
            if (depth <= MAX_DEPTH) {
                open[++depth] = t;
                rows[depth] = 0;
            }
            t++;
        } else if (*p == 'R' && depth > 0) {
            rows[depth]++;
        } else if (*p == 't' && depth > 0) {
            if (rows[depth] >= 2)
                for (int d = 1; d < depth; d++)
                    layout[open[d]] = 1;
            depth--;
        }
    }
    lua_pop(L, 2);
    /* pass 2: the items; stack: layout, items [, row, cells [, cell text]] */
    lua_newtable(L);
    lua_Integer n = 0, c = 0;
    int leaf = 0;                  /* the depth of the table read as rows (0: none) */
    int in_row = 0, in_cell = 0;   /* a row (row, cells) and a cell's text are on the stack */
    depth = 0;
    t = 0;
    for (const char *p = start; p < end; p += record_len(p)) {
        char kind = *p;
        if (kind == 'P') {
            if (!leaf) {
                lua_createtable(L, 0, 2);
                set_text(L, "kind", "para");
                set_text(L, "text", p + 1);
                lua_rawseti(L, -2, ++n);
            } else if (in_row) {
                /* a paragraph of a cell, or of a table of one row set in it: the cell's text */
                lua_pushstring(L, p + 1);
                if (in_cell)
                    lua_concat(L, 2);
                in_cell = 1;
            }
            continue;
        }
        if (kind == 'T') {
            depth++;
            if (!leaf && !layout[t])
                leaf = depth;
            t++;
            continue;
        }
        if (!leaf || depth != leaf) {
            if (kind == 't')
                depth--;
            continue; /* the rows and cells of a layout table, or of a table set in a cell */
        }
        if (in_cell && kind != 'c') {
            lua_pop(L, 1);
            in_cell = 0;
        }
        if (in_row && (kind == 'R' || kind == 'E' || kind == 't')) {
            lua_setfield(L, -2, "cells");
            if (c > 0)
                lua_rawseti(L, -2, ++n);
            else
                lua_pop(L, 1);
            in_row = 0;
        }
        if (kind == 'R') {
            lua_createtable(L, 0, 2);
            set_text(L, "kind", "row");
            lua_newtable(L);
            c = 0;
            in_row = 1;
        } else if (kind == 'c' && in_row) {
            if (!in_cell)
                lua_pushliteral(L, "");
            in_cell = 0;
            lua_createtable(L, 0, 3);
            lua_insert(L, -2);
            lua_setfield(L, -2, "text");
            lua_pushboolean(L, 1);
            lua_setfield(L, -2, "definite");
            lua_pushinteger(L, atoi(p + 1));
            lua_setfield(L, -2, "span");
            lua_rawseti(L, -2, ++c);
        } else if (kind == 'c' && in_cell) {
            lua_pop(L, 1);
            in_cell = 0;
        } else if (kind == 't') {
            leaf = 0;
            depth--;
        }
    }
    if (in_cell)
        lua_pop(L, 1);
    if (in_row) {
        lua_setfield(L, -2, "cells");
        if (c > 0)
            lua_rawseti(L, -2, ++n);
        else
            lua_pop(L, 1);
    }
    return 1;
}

int nb_l_docx_items(lua_State *L)
{
    size_t len, num_len = 0, styles_len = 0;
    const char *xml = luaL_checklstring(L, 1, &len);
    const char *num_xml = luaL_optlstring(L, 2, NULL, &num_len);
    const char *styles_xml = luaL_optlstring(L, 3, NULL, &styles_len);
    luaL_checkstack(L, 8, NULL);
    const char *why = NULL;
    if (!X && !(X = nb_expat_open(&why))) {
        luaL_pushfail(L);
        lua_pushfstring(L, "无法载入 XML 解析库 libexpat（%s），不能读取 Word 文件", why);
        return 2;
    }
    /* the list definitions: a part that cannot be read leaves the paragraphs unnumbered, and
     * is said in the second result */
    numbering defs;
    memset(&defs, 0, sizeof defs);
    char warning[256];
    const char *warn = NULL;
    if (num_xml) {
        warn = read_defs(&defs, num_xml, num_len, warning, sizeof warning, "word/numbering.xml");
        if (!warn && styles_xml)
            warn = read_defs(&defs, styles_xml, styles_len, warning, sizeof warning, "word/styles.xml");
        if (defs.failed) {
            numbering_free(&defs);
            return luaL_error(L, "内存不足");
        }
        if (warn)
            numbering_free(&defs);
        else
            sort_defs(&defs);
    }
    state s;
    memset(&s, 0, sizeof s);
    s.nums = num_xml && !warn ? &defs : NULL;
    /* NULL: the declared encoding (Word writes UTF-8; UTF-16 is read too) */
    s.b.parser = X->XML_ParserCreateNS(NULL, '|');
    if (!s.b.parser) {
        numbering_free(&defs);
        return luaL_error(L, "内存不足");
    }
    X->XML_SetUserData(s.b.parser, &s);
    X->XML_SetElementHandler(s.b.parser, on_start, on_end);
    X->XML_SetCharacterDataHandler(s.b.parser, on_text);
    X->XML_SetStartDoctypeDeclHandler(s.b.parser, on_doctype);
    X->XML_SetEntityDeclHandler(s.b.parser, on_entity);
    int ok = X->XML_Parse(s.b.parser, xml, (int)(len > 0x7fffffff ? 0x7fffffff : len), XML_TRUE) == XML_STATUS_OK;
    char message[256];
    if (!ok && !s.b.problem)
        snprintf(message, sizeof message, "word/document.xml 第 %lu 行：XML 格式错误（%s）",
                 (unsigned long)X->XML_GetCurrentLineNumber(s.b.parser), X->XML_ErrorString(X->XML_GetErrorCode(s.b.parser)));
    else if (s.b.problem)
        snprintf(message, sizeof message, "word/document.xml：%s", s.b.problem);
    else if (s.records.failed || s.text.failed)
        snprintf(message, sizeof message, "内存不足");
    X->XML_ParserFree(s.b.parser);
    free(s.text.data);
    numbering_free(&defs);
    if (!ok || s.b.problem || s.records.failed || s.text.failed) {
        free(s.records.data);
        luaL_pushfail(L);
        lua_pushstring(L, message);
        return 2;
    }
    lua_pushcfunction(L, push_items);
    lua_pushlightuserdata(L, s.records.data ? s.records.data : "");
    lua_pushinteger(L, (lua_Integer)s.records.len);
    int status = lua_pcall(L, 2, 1, 0);
    free(s.records.data);
    if (status != LUA_OK)
        return lua_error(L);
    if (warn) {
        lua_pushstring(L, warn);
        return 2;
    }
    return 1;
}
