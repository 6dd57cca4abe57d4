#include "load.h"
#include "literal.h"
#include "pool.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>
#include <utf8proc.h>

#include "chunk.h"
#include "diagnose.h"
#include "suggest.h"
#include "utf8.h"

const nb_limits nb_default_limits = {
    .max_bytes = 1024 * 1024,
    .max_memory = 32 * 1024 * 1024,
    .max_instructions = 20 * 1000 * 1000,
    .max_seconds = 0.5,
};

/* ---------- the sandbox ---------- */

typedef struct {
    size_t used;
    size_t limit;
    nb_pool *pool; /* the state's blocks (host/pool.c), all given back after lua_close */
} sandbox_alloc;

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    sandbox_alloc *a = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        nb_pool_alloc(a->pool, ptr, osize, 0);
        a->used -= old;
        return NULL;
    }
    if (nsize > old && a->used + (nsize - old) > a->limit)
        return NULL;
    void *p = nb_pool_alloc(a->pool, ptr, osize, nsize);
    if (p)
        a->used = a->used - old + nsize;
    return p;
}

typedef struct {
    long instructions;
    long max_instructions;
    struct timespec start;
    double max_seconds;
} sandbox_budget;

static const char LIMIT_TIME[] = "nianbao: time limit";
static const char LIMIT_STEPS[] = "nianbao: instruction limit";
enum { HOOK_EVERY = 1000 };

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    sandbox_budget *b;
    b = *(sandbox_budget **)lua_getextraspace(L);
    b->instructions += HOOK_EVERY;
    if (b->instructions > b->max_instructions) {
        lua_pushstring(L, LIMIT_STEPS);
        lua_error(L);
    }
    if (seconds_since(&b->start) > b->max_seconds) {
        lua_pushstring(L, LIMIT_TIME);
        lua_error(L);
    }
}

/* ---------- conversion of the returned table ---------- */

typedef struct {
    lua_State *L;
    int blank;          /* absolute index of the blank sentinel, or 0 */
    const char *name;   /* file name for messages */
    nb_error *err;
    nb_report *r;
    char path[512];     /* key path of the value being converted */
    const char *src;    /* the data file's text (for lines), or NULL */
    size_t src_len;
    int n_problems;     /* unknown keys and wrong types, all reported at the end */
    int n_listed;       /* how many of them the message lists (as many as fit) */
    char problems[NB_ERROR_MAX];
    long steps;         /* table entries walked so far (lua_next), see conv_step */
    size_t text_left;   /* bytes of text still to be copied out, see take_text */
    size_t text_total;  /* the budget text_left started from */
} conv;

/* The conversion walks at most this many table entries and copies at most text_left bytes
 * of text (outside the sandbox's allocator): a table shared 200 times, or one long string
 * referenced from many fields, cannot make the copy grow beyond what the file could hold. */
enum { NB_CONV_MAX_STEPS = 2000000 };

/* "name:line: path" of the value being converted (no line when the source is unknown). */
static void conv_place(conv *c, char *out, size_t size)
{
    int line = c->src ? nb_diagnose_key_line(c->src, c->src_len, c->path) : 0;
    if (line > 0)
        nb_format(out, size, "%s:%d: %s", c->name, line, c->path[0] ? c->path : "（顶层）");
    else
        nb_format(out, size, "%s：%s", c->name, c->path[0] ? c->path : "（顶层）");
}

/* Room kept at the end of the list of problems for the line that counts those left out. */
enum { NB_PROBLEMS_TAIL = 100 };

/* Whether the list is full: the problems after it are only counted, without finding their
 * line (a scan of the whole file each: 40,000 unknown keys took a minute). */
static int conv_problems_full(const conv *c) { return c->n_listed < c->n_problems; }

/* Record a problem that does not stop the conversion, so that one run lists every unknown
 * key and wrong type of the file (as many as the message holds), each with its line. */
static void conv_problem(conv *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void conv_problem(conv *c, const char *fmt, ...)
{
    int listed_all = !conv_problems_full(c);
    c->n_problems++;
    if (!listed_all)
        return;
    char what[600], place[700], entry[1400];
    va_list ap;
    va_start(ap, fmt);
    nb_vformat(what, sizeof what, fmt, ap);
    va_end(ap);
    conv_place(c, place, sizeof place);
    size_t n = strlen(c->problems);
    nb_format(entry, sizeof entry, "%s%s：%s", n ? "\n" : "", place, what);
    if (n + strlen(entry) + NB_PROBLEMS_TAIL < sizeof c->problems) { /* whole, or not at all */
        memcpy(c->problems + n, entry, strlen(entry) + 1);
        c->n_listed++;
    }
}

/* Raised inside the protected conversion; the message is already in c->err. */
static int conv_fail(conv *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int conv_fail(conv *c, const char *fmt, ...)
{
    char what[NB_ERROR_MAX - 600];
    va_list ap;
    va_start(ap, fmt);
    nb_vformat(what, sizeof what, fmt, ap);
    va_end(ap);
    char place[700];
    conv_place(c, place, sizeof place);
    nb_error_set(c->err, "%s：%s", place, what);
    lua_pushliteral(c->L, "nianbao: conversion failed");
    return lua_error(c->L);
}

static void conv_step(conv *c)
{
    if (++c->steps > NB_CONV_MAX_STEPS)
        conv_fail(c, "表的项数过多（全部表合计超过 %d 项）", NB_CONV_MAX_STEPS);
}

/* The path grows and shrinks for every field converted; it is formatted only when it
 * would not fit (nb_format then cuts it at a character boundary): a formatted print per
 * field was an eighth of a load. */
static size_t path_push(conv *c, const char *key)
{
    size_t n = strlen(c->path);
    size_t k = strlen(key), dot = n ? 1 : 0;
    if (n + dot + k < sizeof c->path) {
        c->path[n] = '.';
        memcpy(c->path + n + dot, key, k + 1);
    } else if (n < sizeof c->path - 1)
        nb_format(c->path + n, sizeof c->path - n, "%s%s", n ? "." : "", key);
    return n;
}

static size_t path_push_index(conv *c, lua_Integer i)
{
    size_t n = strlen(c->path);
    if (i >= 0 && i < 1000 && n + 6 < sizeof c->path) { /* "[999]" and the NUL */
        char *p = c->path + n;
        *p++ = '[';
        if (i >= 100)
            *p++ = (char)('0' + i / 100);
        if (i >= 10)
            *p++ = (char)('0' + i / 10 % 10);
        *p++ = (char)('0' + i % 10);
        *p++ = ']';
        *p = '\0';
    } else if (n < sizeof c->path - 1)
        nb_format(c->path + n, sizeof c->path - n, "[%lld]", (long long)i);
    return n;
}

static void path_pop(conv *c, size_t n) { c->path[n] = '\0'; }

static const char *type_name_zh(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TNIL: return "空值 nil";
    case LUA_TBOOLEAN: return "布尔值";
    case LUA_TNUMBER: return "数字";
    case LUA_TSTRING: return "字符串";
    case LUA_TTABLE: return "表";
    case LUA_TFUNCTION: return "函数";
    default: return "不支持的值";
    }
}

/* "{ a = ..., b = ... }" for a list of keys (each followed by after), for messages. */
static const char *keys_braced(char *buf, size_t size, const char *const *keys, const char *after)
{
    size_t n = (size_t)snprintf(buf, size, "{ ");
    for (const char *const *k = keys; *k && n < size; k++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s%s", k == keys ? "" : ", ", *k, after);
    if (n < size)
        snprintf(buf + n, size - n, " }");
    return buf;
}

/* Every key of the table at idx must be one of `valid` (a NULL-terminated list). */
static void check_keys(conv *c, int idx, const char *const *valid)
{
    lua_State *L = c->L;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        conv_step(c);
        if (lua_type(L, -1) != LUA_TSTRING) {
            if (lua_isinteger(L, -1)) { /* a float key (1.5) is no position: it falls through */
                char keys[400] = "";
                for (const char *const *v = valid; *v; v++) {
                    size_t n = strlen(keys);
                    snprintf(keys + n, sizeof keys - n, "%s%s", n ? "、" : "", *v);
                }
                conv_fail(c, "此处应为带名称的字段，却出现了按位置排列的值（第 %lld 项）；有效的键：%s",
                          (long long)lua_tointeger(L, -1), keys);
            }
            conv_fail(c, "键必须是字符串，实际为%s", type_name_zh(L, -1));
        }
        size_t key_len;
        const char *key = lua_tolstring(L, -1, &key_len);
        if (memchr(key, '\0', key_len))
            conv_fail(c, "键“%s…”中含有 NUL 字节", key);
        int ok = 0;
        for (const char *const *v = valid; *v; v++)
            if (strcmp(*v, key) == 0)
                ok = 1;
        if (!ok) {
            const char *near = conv_problems_full(c) ? NULL : nb_suggest(key, valid);
            size_t n = path_push(c, key);
            if (near)
                conv_problem(c, "未知的键“%s”（是否应为“%s”？）", key, near);
            else
                conv_problem(c, "未知的键“%s”", key);
            path_pop(c, n);
        }
    }
}

/* Push field `key` of the table at idx; returns its type. */
static int get_field(conv *c, int idx, const char *key)
{
    lua_pushstring(c->L, key);
    return lua_rawget(c->L, idx);
}

static char *take_text(conv *c, int idx)
{
    lua_State *L = c->L;
    if (lua_type(L, idx) != LUA_TSTRING) {
        conv_problem(c, "应为文字（字符串），实际为%s", type_name_zh(L, idx));
        return NULL;
    }
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    if (memchr(s, '\0', len))
        conv_fail(c, "文字中含有 NUL 字节");
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)len;
    while (left > 0) {
        if (*p < 0x80) { /* ASCII needs no decoding (most of the keys' and numbers' text) */
            p++;
            left--;
            continue;
        }
        /* nor does a three-byte character led by E1..EC (Chinese text): with two continuation
         * bytes it is always valid, neither overlong (E0) nor a surrogate (ED) */
        if (*p >= 0xE1 && *p <= 0xEC && left >= 3 && (p[1] & 0xC0) == 0x80 &&
            (p[2] & 0xC0) == 0x80) {
            p += 3;
            left -= 3;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n < 0)
            conv_fail(c, "文字不是有效的 UTF-8（第 %lld 字节处）", (long long)(len - (size_t)left + 1));
        p += n;
        left -= n;
    }
    if (len > c->text_left)
        conv_fail(c, "文字总量过大（全部文字合计超过 %zu 字节；同一段文字被多处引用时每处都计入）",
                  c->text_total);
    c->text_left -= len;
    char *d = malloc(len + 1);
    if (!d)
        conv_fail(c, "内存不足");
    memcpy(d, s, len + 1);
    return d;
}

/* Length of the start of s shown in a message: at most max bytes, whole characters. */
static int utf8_prefix(const char *s, size_t max) { return (int)nb_utf8_fit(s, strlen(s), max); }

static int is_blank_text(const char *s)
{
    for (const char *const *b = nb_blank_markers; *b; b++)
        if (strcmp(s, *b) == 0)
            return 1;
    return 0;
}

/* Convert one cell value at idx. is_amount: a decimal (万元/元) rather than a count. */
static nb_cell take_cell(conv *c, int idx, int is_amount)
{
    lua_State *L = c->L;
    nb_cell cell = {NB_CELL_VALUE, 0, 0};
    if (c->blank && lua_rawequal(L, idx, c->blank)) {
        cell.state = NB_CELL_BLANK;
        return cell;
    }
    switch (lua_type(L, idx)) {
    case LUA_TSTRING:
        if (is_blank_text(lua_tostring(L, idx))) {
            cell.state = NB_CELL_BLANK;
            return cell;
        }
        conv_problem(c, "应为%s，实际为字符串“%.*s”（空白单元格可写 \"\"、\"/\" 或 \"—\"）",
                     is_amount ? "数字" : "非负整数", utf8_prefix(lua_tostring(L, idx), 60),
                     lua_tostring(L, idx));
        cell.state = NB_CELL_ABSENT;
        return cell;
    case LUA_TNUMBER:
        break;
    default:
        conv_problem(c, "应为%s，实际为%s", is_amount ? "数字" : "非负整数", type_name_zh(L, idx));
        cell.state = NB_CELL_ABSENT;
        return cell;
    }
    if (lua_isinteger(L, idx) && !is_amount) {
        lua_Integer v = lua_tointeger(L, idx);
        cell.amount = (double)v;
        cell.count = v; /* also when invalid: a message quotes it exactly, beyond a double's 2^53 */
        if (v < 0 || v > (lua_Integer)NB_MAX_COUNT)
            cell.state = NB_CELL_INVALID;
        return cell;
    }
    double d = lua_tonumber(L, idx);
    cell.amount = d;
    if (is_amount) {
        if (!isfinite(d) || d < 0 || d > NB_MAX_AMOUNT)
            cell.state = NB_CELL_INVALID;
        return cell;
    }
    if (!isfinite(d) || d < 0 || d > NB_MAX_COUNT || floor(d) != d)
        cell.state = NB_CELL_INVALID;
    else
        cell.count = (int64_t)d;
    return cell;
}

static void need_table(conv *c, int idx, const char *what)
{
    if (lua_type(c->L, idx) != LUA_TTABLE)
        conv_fail(c, "应为表（%s），实际为%s", what, type_name_zh(c->L, idx));
}

/* A field that is a single cell. */
static void field_cell(conv *c, int tbl, const char *key, nb_cell *out, int is_amount)
{
    size_t n = path_push(c, key);
    if (get_field(c, tbl, key) != LUA_TNIL)
        *out = take_cell(c, lua_gettop(c->L), is_amount);
    lua_pop(c->L, 1);
    path_pop(c, n);
}

static char *field_text(conv *c, int tbl, const char *key)
{
    char *s = NULL;
    size_t n = path_push(c, key);
    if (get_field(c, tbl, key) != LUA_TNIL)
        s = take_text(c, lua_gettop(c->L));
    lua_pop(c->L, 1);
    path_pop(c, n);
    return s;
}

static int field_int(conv *c, int tbl, const char *key, int *out)
{
    int present = 0;
    size_t n = path_push(c, key);
    if (get_field(c, tbl, key) != LUA_TNIL) {
        if (!lua_isinteger(c->L, -1)) {
            conv_problem(c, "应为整数（如 2024），实际为%s", type_name_zh(c->L, -1));
            lua_pop(c->L, 1);
            path_pop(c, n);
            return 0;
        }
        lua_Integer v = lua_tointeger(c->L, -1);
        if (v < 0 || v > 9999)
            conv_fail(c, "应为四位年份，实际为 %lld", (long long)v);
        *out = (int)v;
        present = 1;
    }
    lua_pop(c->L, 1);
    path_pop(c, n);
    return present;
}

/* Length of a sequence with keys 1..n only; anything else is an error. */
static lua_Integer seq_len(conv *c, int idx)
{
    lua_State *L = c->L;
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        conv_step(c);
        if (!lua_isinteger(L, -1))
            conv_fail(c, "此处应为按顺序排列的列表，却出现了键“%s”",
                      lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : type_name_zh(L, -1));
        n++;
    }
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, idx, i) == LUA_TNIL)
            conv_fail(c, "列表的第 %lld 项缺失", (long long)i);
        lua_pop(L, 1);
    }
    return n;
}

/* A report has a handful of subsections; every one costs every rule and renderer a pass
 * (100,000 of them, one table named 100,000 times in a 300 KB file, took 13 s to check). */
enum { NB_MAX_SUBSECTIONS = 1000 };

static void convert_overview(conv *c, int idx)
{
    lua_State *L = c->L;
    const char *const *keys = nb_item_fields;
    need_table(c, idx, "各小节的列表");
    lua_Integer n = seq_len(c, idx);
    if (n > NB_MAX_SUBSECTIONS)
        conv_fail(c, "小节过多（%lld 个，最多 %d 个）", (long long)n, (int)NB_MAX_SUBSECTIONS);
    nb_report *r = c->r;
    r->overview = calloc((size_t)n + 1, sizeof *r->overview);
    if (!r->overview)
        conv_fail(c, "内存不足");
    for (lua_Integer i = 1; i <= n; i++) {
        size_t p = path_push_index(c, i);
        lua_rawgeti(L, idx, i);
        int item = lua_gettop(L);
        need_table(c, item, "{ heading = ..., text = ... }");
        check_keys(c, item, keys);
        nb_subsection *s = &r->overview[r->n_overview++];
        s->heading = field_text(c, item, NB_ITEM_KEY(HEADING));
        int has_text = get_field(c, item, NB_ITEM_KEY(TEXT)) != LUA_TNIL;
        lua_pop(L, 1);
        s->text = field_text(c, item, NB_ITEM_KEY(TEXT));
        if (!has_text) {
            size_t q = path_push(c, NB_ITEM_KEY(TEXT));
            (void)q;
            conv_fail(c, "缺少小节正文 text");
        }
        lua_pop(L, 1);
        path_pop(c, p);
    }
}

static void convert_proactive(conv *c, int idx)
{
    const char *const *doc_keys = nb_schema_keys(NB_KEYS_T2_COLUMNS);
    char braced[200];
    need_table(c, idx, "表二");
    check_keys(c, idx, nb_schema_keys(NB_KEYS_T2_ROWS));
    c->r->has_proactive = 1;
    for (int i = 0; i < NB_T2_CELLS; i++) {
        const nb_t2_cell *cell = &nb_t2_cells[i];
        if (!cell->col_key) {
            field_cell(c, idx, cell->row_key, &c->r->proactive[i], cell->is_amount);
            continue;
        }
        size_t n = path_push(c, cell->row_key);
        if (get_field(c, idx, cell->row_key) != LUA_TNIL) {
            int row = lua_gettop(c->L);
            if (lua_type(c->L, row) != LUA_TTABLE) /* the message is built only when needed */
                need_table(c, row, keys_braced(braced, sizeof braced, doc_keys, " = ..."));
            check_keys(c, row, doc_keys);
            field_cell(c, row, cell->col_key, &c->r->proactive[i], 0);
        }
        lua_pop(c->L, 1);
        path_pop(c, n);
    }
}

/* A cell of the trial format's table 二 as its column reads it: 本年增/减 is a signed count,
 * 采购总金额 an amount, the others counts. */
static nb_cell take_trial_cell(conv *c, int idx, nb_t2_2019_kind kind)
{
    nb_cell cell = take_cell(c, idx, kind == NB_T2019_AMOUNT);
    if (kind == NB_T2019_CHANGE && cell.state == NB_CELL_INVALID && isfinite(cell.amount) &&
        floor(cell.amount) == cell.amount && cell.amount < 0 && cell.amount >= -NB_MAX_COUNT) {
        cell.state = NB_CELL_VALUE;
        cell.count = (int64_t)cell.amount;
    }
    return cell;
}

/* "规章、规范性文件、…": the trial format's row labels, for messages. */
static const char *trial_labels(char *buf, size_t size)
{
    buf[0] = '\0';
    for (const char *const *l = nb_t2_2019_labels(); *l; l++) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, "%s%s", n ? "、" : "", *l);
    }
    return buf;
}

/* The trial label nearest to an unknown one: the suggestion when there is one, else the
 * least distant label (there are only eight, so one is always worth naming). */
static const char *nearest_trial_label(const char *key)
{
    const char *const *labels = nb_t2_2019_labels();
    const char *best = nb_suggest(key, labels);
    if (best)
        return best;
    /* a part of a label, or a label with more around it (其他, 制发规章): byte distance
     * would favour the shortest label */
    for (const char *const *l = labels; *l; l++)
        if (strstr(*l, key) || strstr(key, *l))
            return *l;
    size_t best_d = (size_t)-1;
    for (const char *const *l = labels; *l; l++) {
        size_t d = nb_edit_distance(key, *l);
        if (d < best_d) {
            best_d = d;
            best = *l;
        }
    }
    return best;
}

static void convert_proactive_2019(conv *c, int idx)
{
    lua_State *L = c->L;
    char list[400];
    need_table(c, idx, "2019 年试行格式的表二，按标签排列");
    size_t count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        conv_step(c);
        count++;
    }
    nb_report *r = c->r;
    r->proactive_2019 = calloc(count + 1, sizeof *r->proactive_2019);
    if (!r->proactive_2019)
        conv_fail(c, "内存不足");
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int val = lua_gettop(L);
        if (lua_type(L, -2) != LUA_TSTRING)
            conv_fail(c, "键必须是试行格式表二的标签（字符串）");
        const char *key = lua_tostring(L, -2);
        size_t n = path_push(c, key);
        int k = nb_t2_2019_row_index(key);
        if (k < 0) {
            /* FORMAT §2: an unknown key is an error naming the nearest valid one */
            if (!conv_problems_full(c))
                conv_problem(c, "未知的键“%s”（是否应为“%s”？）：2019 年试行格式表二的行为 %s", key,
                             nearest_trial_label(key), trial_labels(list, sizeof list));
            else
                conv_problem(c, "未知的键");
            path_pop(c, n);
            lua_pop(L, 1);
            continue;
        }
        const nb_t2_2019_row *spec = &nb_t2_2019_rows[k];
        const nb_t2_2019_block *block = &nb_t2_2019_blocks[spec->block];
        lua_Integer len = 1;
        if (lua_type(L, val) == LUA_TTABLE) {
            len = seq_len(c, val);
            if (len < 1 || len > spec->cells) {
                list[0] = '\0';
                for (int i = 0; i < spec->cells; i++) {
                    size_t m = strlen(list);
                    snprintf(list + m, sizeof list - m, "%s%s", i ? ", " : "", block->columns[i].label);
                }
                conv_problem(c, "应有 %d 个数字 {%s}，实际为 %lld 个", spec->cells, list, (long long)len);
                path_pop(c, n);
                lua_pop(L, 1);
                continue;
            }
        }
        nb_row2019 *row = &r->proactive_2019[r->n_proactive_2019++];
        row->label = take_text(c, val - 1);
        for (lua_Integer i = 1; i <= len; i++) {
            int cell = val;
            size_t p = 0;
            if (lua_type(L, val) == LUA_TTABLE) {
                p = path_push_index(c, i);
                lua_rawgeti(L, val, i);
                cell = lua_gettop(L);
            }
            row->values[i - 1] = take_trial_cell(c, cell, block->columns[i - 1].kind);
            if (cell != val) {
                lua_pop(L, 1);
                path_pop(c, p);
            }
        }
        row->n_values = (int)len;
        path_pop(c, n);
        lua_pop(L, 1);
    }
}

/* Each format has its own table 二 (FORMAT §2): proactive for 2021, proactive_2019 for the
 * trial format. The other one would be neither checked nor rendered, so it is refused. */
static void check_table2_format(conv *c, int tbl, int format)
{
    const char *wrong = format == 2019 ? NB_KEY(PROACTIVE) : NB_KEY(PROACTIVE_2019);
    if (get_field(c, tbl, wrong) == LUA_TNIL) {
        lua_pop(c->L, 1);
        return;
    }
    lua_pop(c->L, 1);
    size_t n = path_push(c, wrong);
    if (format == 2019)
        conv_problem(c, "format = 2019（2019 年试行格式）的表二应写作 %s，按试行格式的标签；%s 是 2021 年格式的表二：删去其一，或把 format 改为 2021",
                     NB_KEY(PROACTIVE_2019), NB_KEY(PROACTIVE));
    else
        conv_problem(c, "%s 是 2019 年试行格式的表二，只用于 format = 2019；本文件为 format = 2021（未写 format 即为 2021），表二应写作 %s：删去其一，或把 format 改为 2019",
                     NB_KEY(PROACTIVE_2019), NB_KEY(PROACTIVE));
    path_pop(c, n);
}

/* One row of table 三: 6 applicant values, or 7 with the 总计. */
static void convert_t3_row(conv *c, int idx, int row)
{
    lua_State *L = c->L;
    if (lua_type(L, idx) != LUA_TTABLE)
        conv_fail(c, "应为 6 或 7 个数字的列表 {自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他[, 总计]}，实际为%s",
                  type_name_zh(L, idx));
    lua_Integer n = seq_len(c, idx);
    if (n != 6 && n != 7)
        conv_fail(c, "应有 6 或 7 个数字（自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他[, 总计]），实际为 %lld 个",
                  (long long)n);
    for (lua_Integer i = 1; i <= n; i++) {
        size_t p = path_push_index(c, i);
        lua_rawgeti(L, idx, i);
        c->r->requests[row][i - 1] = take_cell(c, lua_gettop(L), 0);
        lua_pop(L, 1);
        path_pop(c, p);
    }
    c->r->total_given[row] = (n == 7);
    if (row == NB_T3_TOTAL)
        c->r->total_row_given = 1;
}

static void convert_requests(conv *c, int idx)
{
    lua_State *L = c->L;
    need_table(c, idx, "表三");
    check_keys(c, idx, nb_schema_keys(NB_KEYS_T3_ROWS));
    c->r->has_requests = 1;
    for (int k = 0; k < NB_T3_ROWS; k++) {
        const nb_t3_row *row = &nb_t3_rows[k];
        if (row->group && row->member != NULL && k > 0 && nb_t3_rows[k - 1].group &&
            strcmp(nb_t3_rows[k - 1].group, row->group) == 0)
            continue; /* a group is converted once, at its first member */
        if (!row->group) {
            size_t n = path_push(c, row->key);
            if (get_field(c, idx, row->key) != LUA_TNIL)
                convert_t3_row(c, lua_gettop(L), k);
            lua_pop(L, 1);
            path_pop(c, n);
            continue;
        }
        /* a group such as withheld = { state_secret = {...}, ... } */
        const char *members[16];
        int m = 0;
        for (int j = k; j < NB_T3_ROWS && nb_t3_rows[j].group &&
                        strcmp(nb_t3_rows[j].group, row->group) == 0; j++)
            members[m++] = nb_t3_rows[j].member;
        members[m] = NULL;
        size_t n = path_push(c, row->group);
        if (get_field(c, idx, row->group) != LUA_TNIL) {
            int grp = lua_gettop(L);
            need_table(c, grp, "按项目排列的各行");
            check_keys(c, grp, members);
            for (int j = 0; j < m; j++) {
                size_t p = path_push(c, members[j]);
                if (get_field(c, grp, members[j]) != LUA_TNIL)
                    convert_t3_row(c, lua_gettop(L), k + j);
                lua_pop(L, 1);
                path_pop(c, p);
            }
        }
        lua_pop(L, 1);
        path_pop(c, n);
    }
}

static void convert_appeals(conv *c, int idx)
{
    const char *const *cols = nb_schema_keys(NB_KEYS_T4_COLUMNS);
    char braced[200];
    lua_State *L = c->L;
    need_table(c, idx, "表四");
    check_keys(c, idx, nb_schema_keys(NB_KEYS_T4_GROUPS));
    c->r->has_appeals = 1;
    for (int g = 0; g < NB_T4_GROUPS; g++) {
        size_t n = path_push(c, nb_t4_groups[g].key);
        if (get_field(c, idx, nb_t4_groups[g].key) != LUA_TNIL) {
            int grp = lua_gettop(L);
            if (lua_type(L, grp) != LUA_TTABLE)
                need_table(c, grp, keys_braced(braced, sizeof braced, cols, ""));
            check_keys(c, grp, cols);
            for (int k = 0; k < NB_T4_COLS; k++)
                field_cell(c, grp, cols[k], &c->r->appeals[g][k], 0);
        }
        lua_pop(L, 1);
        path_pop(c, n);
    }
}

static void convert_processing_fees(conv *c, int idx)
{
    const char *const *keys = nb_schema_keys(NB_KEYS_FEES);
    char braced[200];
    if (lua_type(c->L, idx) != LUA_TTABLE)
        need_table(c, idx, keys_braced(braced, sizeof braced, keys, ""));
    check_keys(c, idx, keys);
    c->r->has_processing_fees = 1;
    field_cell(c, idx, nb_fee_fields[0].key, &c->r->fee_notices, 0);
    field_cell(c, idx, nb_fee_fields[1].key, &c->r->fee_notified, 1);
    field_cell(c, idx, nb_fee_fields[2].key, &c->r->fee_collected, 1);
}

/* signature = { agency = "...", date = "2025年1月20日" }: the 落款 and 成文日期. An empty
 * date is a file not yet signed (nianbao new writes one). */
static void convert_signature(conv *c, int idx)
{
    need_table(c, idx, "{ agency = 落款机关, date = \"2025年1月20日\" }");
    check_keys(c, idx, nb_signature_keys);
    nb_report *r = c->r;
    r->has_signature = 1;
    r->signature_agency = field_text(c, idx, nb_signature_keys[0]);
    r->signature_date = field_text(c, idx, nb_signature_keys[1]);
    int y, m, d;
    if (r->signature_date && r->signature_date[0] &&
        !nb_date_parse(r->signature_date, &y, &m, &d)) {
        path_push(c, nb_signature_keys[1]);
        conv_fail(c, "成文日期“%.*s”应写作“2025年1月20日”：阿拉伯数字，月、日不编虚位（1月，不写01月），且为实际存在的日期",
                  utf8_prefix(r->signature_date, 60), r->signature_date);
    }
}

/* A report year from 2008 (the first year of the 条例) to next year (a report is written
 * after its year; next year allows for drafting early). */
static void check_year(conv *c, int year)
{
    time_t now = time(NULL);
    struct tm tm;
    int next = localtime_r(&now, &tm) ? tm.tm_year + 1900 + 1 : 9999;
    if (year < 2008 || year > next) {
        size_t n = path_push(c, NB_KEY(YEAR));
        conv_problem(c, "年度 %d 不在 2008 年（《条例》施行）至 %d 年之间", year, next);
        path_pop(c, n);
    }
}

static void convert_section(conv *c, int tbl, const char *key, void (*fn)(conv *, int))
{
    size_t n = path_push(c, key);
    if (get_field(c, tbl, key) != LUA_TNIL)
        fn(c, lua_gettop(c->L));
    lua_pop(c->L, 1);
    path_pop(c, n);
}

static int convert_protected(lua_State *L)
{
    conv *c = lua_touserdata(L, 1);
    int idx = 2;
    const char *const *keys = nb_fields;
    if (c->blank)
        c->blank = 3;
    if (lua_type(L, idx) != LUA_TTABLE)
        conv_fail(c, "数据文件必须返回一个表（return { ... }），实际返回%s", type_name_zh(L, idx));
    check_keys(c, idx, keys);
    nb_report *r = c->r;
    int format = 2021;
    if (field_int(c, idx, NB_KEY(FORMAT), &format) && format != 2021 && format != 2019) {
        path_push(c, NB_KEY(FORMAT));
        conv_fail(c, "应为 2021（现行格式）或 2019（试行格式），实际为 %d", format);
    }
    r->format = format;
    if (field_int(c, idx, NB_KEY(YEAR), &r->year))
        check_year(c, r->year);
    r->agency = field_text(c, idx, NB_KEY(AGENCY));
    r->title = field_text(c, idx, NB_KEY(TITLE));
    r->preamble = field_text(c, idx, NB_KEY(PREAMBLE));
    convert_section(c, idx, NB_KEY(OVERVIEW), convert_overview);
    convert_section(c, idx, NB_KEY(PROACTIVE), convert_proactive);
    convert_section(c, idx, NB_KEY(PROACTIVE_2019), convert_proactive_2019);
    check_table2_format(c, idx, format);
    convert_section(c, idx, NB_KEY(REQUESTS), convert_requests);
    convert_section(c, idx, NB_KEY(APPEALS), convert_appeals);
    r->problems = field_text(c, idx, NB_KEY(PROBLEMS));
    r->improvements = field_text(c, idx, NB_KEY(IMPROVEMENTS));
    r->other_matters = field_text(c, idx, NB_KEY(OTHER_MATTERS));
    convert_section(c, idx, NB_KEY(PROCESSING_FEES), convert_processing_fees);
    convert_section(c, idx, NB_KEY(SIGNATURE), convert_signature);
    if (c->n_problems) {
        if (conv_problems_full(c))
            nb_error_set(c->err, "%s\n……另有 %d 处问题未列出", c->problems, c->n_problems - c->n_listed);
        else
            nb_error_set(c->err, "%s", c->problems);
        lua_pushliteral(L, "nianbao: conversion failed");
        return lua_error(L);
    }
    return 0;
}

static nb_report *convert_source(lua_State *L, int idx, int blank, const char *name,
                                 const char *src, size_t src_len, size_t text_budget, nb_error *err);

nb_report *nb_convert(lua_State *L, int idx, int blank, const char *name, nb_error *err)
{
    return convert_source(L, idx, blank, name, NULL, 0, SIZE_MAX, err);
}

/* nb_convert with the data file's text, so that messages give the line of each key. */
static nb_report *convert_source(lua_State *L, int idx, int blank, const char *name,
                                 const char *src, size_t src_len, size_t text_budget, nb_error *err)
{
    idx = lua_absindex(L, idx);
    if (blank)
        blank = lua_absindex(L, blank);
    static const conv zero;
    conv c = zero;
    c.L = L;
    c.blank = blank;
    c.name = name;
    c.err = err;
    c.r = nb_report_new();
    c.src = src;
    c.src_len = src_len;
    c.text_left = c.text_total = text_budget;
    if (!c.r) {
        nb_error_set(err, "%s：内存不足", name);
        return NULL;
    }
    nb_error_set(err, "%s：无法读取数据", name);
    if (!lua_checkstack(L, 8)) {
        nb_report_free(c.r);
        return NULL;
    }
    lua_pushcfunction(L, convert_protected);
    lua_pushlightuserdata(L, &c);
    lua_pushvalue(L, idx);
    if (blank)
        lua_pushvalue(L, blank);
    else
        lua_pushnil(L);
    int status = lua_pcall(L, 3, 0, 0);
    if (status != LUA_OK) {
        if (status == LUA_ERRMEM)
            nb_error_set(err, "%s：%s：内存不足", name, c.path[0] ? c.path : "（顶层）");
        else if (c.n_problems && strncmp(err->message, c.problems, strlen(c.problems)) != 0) {
            /* the problems found before the one that stopped the conversion come first */
            char last[NB_ERROR_MAX];
            nb_format(last, sizeof last, "%s", err->message);
            nb_error_set(err, "%s\n%s", c.problems, last);
        }
        lua_pop(L, 1);
        nb_report_free(c.r);
        return NULL;
    }
    nb_report_derive(c.r);
    return c.r;
}

/* ---------- loading ---------- */

/* Lua puts "name:line: " before a message; return the line (0 when absent) and the rest. */
static int split_location(const char *name, const char *msg, const char **rest)
{
    size_t n = strlen(name);
    *rest = msg;
    if (strncmp(msg, name, n) != 0 || msg[n] != ':')
        return 0;
    char *end;
    long line = strtol(msg + n + 1, &end, 10);
    if (end == msg + n + 1 || *end != ':')
        return 0;
    *rest = end[1] == ' ' ? end + 2 : end + 1;
    return (int)line;
}

static void set_located(nb_error *err, const char *name, const char *msg, const char *what)
{
    const char *rest;
    int line = split_location(name, msg, &rest);
    if (line > 0)
        nb_error_set(err, "%s:%d: %s（%s）", name, line, what, rest);
    else
        nb_error_set(err, "%s：%s（%s）", name, what, rest);
}

/* "name:line: 数据文件语法错误：<Lua's message in Chinese>" */
static void set_syntax_error(nb_error *err, const char *name, const char *msg)
{
    const char *rest;
    int line = split_location(name, msg, &rest);
    char zh[800];
    nb_diagnose_lua_message(rest, zh, sizeof zh);
    if (line > 0)
        nb_error_set(err, "%s:%d: 数据文件语法错误：%s", name, line, zh);
    else
        nb_error_set(err, "%s：数据文件语法错误：%s", name, zh);
}

static void translate_runtime_error(const char *name, const char *msg, const nb_limits *lim,
                                    nb_error *err)
{
    if (strcmp(msg, LIMIT_TIME) == 0)
        nb_error_set(err, "%s：数据文件运行超过时间上限（%.1f 秒），已停止；数据文件只应包含数据，不应有循环",
                     name, lim->max_seconds);
    else if (strcmp(msg, LIMIT_STEPS) == 0)
        nb_error_set(err, "%s：数据文件运行超过指令数上限（%ld 条），已停止；数据文件只应包含数据，不应有循环",
                     name, lim->max_instructions);
    else if (strstr(msg, "attempt to perform") || strstr(msg, "divide by zero") ||
             strstr(msg, "attempt to concatenate") || strstr(msg, "attempt to get length") ||
             strstr(msg, "no integer representation"))
        /* what the chunk check lets run (arithmetic, .., #) failed on its values: say so, not
         * that a function was called (the check refused calls before running) */
        set_located(err, name, msg, "数据文件中的计算出错：只能对数字做算术、对文字做连接；数据文件应直接写出数值");
    else
        set_located(err, name, msg, "数据文件只能由表、字符串和数字构成，不能调用函数，也不能使用变量或库");
}

/* _ENV of the data chunk: empty, and reading or assigning any global name is an error. */
static int env_read(lua_State *L)
{
    luaL_where(L, 2);
    return luaL_error(L, "%s使用了变量或库“%s”", lua_tostring(L, -1), luaL_optstring(L, 2, "?"));
}

static int env_write(lua_State *L)
{
    luaL_where(L, 2);
    return luaL_error(L, "%s给变量“%s”赋值", lua_tostring(L, -1), luaL_optstring(L, 2, "?"));
}

/* Runs the loaded chunk (argument 1) with the guarded _ENV; protected, as it allocates. */
static int run_chunk(lua_State *L)
{
    lua_newtable(L);
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, env_read);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, env_write);
    lua_setfield(L, -2, "__newindex");
    lua_setmetatable(L, -2);
    if (!lua_setupvalue(L, 1, 1))
        lua_pop(L, 1);
    lua_settop(L, 1);
    lua_call(L, 0, 1);
    return 1;
}

/* Text copied out of a data file: twice the file size (a file may name one text twice). */
#define NB_TEXT_BUDGET(lim) (2 * (lim)->max_bytes)

/* Before parsing: too many numbers for a report (see NB_MAX_NUMERALS). */
static int refuse_numerals(const char *buf, size_t len, const char *name, nb_error *err)
{
    size_t n = nb_count_numerals(buf, len);
    if (n <= NB_MAX_NUMERALS)
        return 0;
    nb_error_set(err, "%s：数据文件中的数字过多（%zu 个，上限为 %d 个），不是年度报告的数据",
                 name, n, NB_MAX_NUMERALS);
    return 1;
}

/* What to do with the value a data chunk returned (on top of the sandbox's stack);
 * returns 0 on failure with *err set. literal: the literal reader read the file (it takes
 * no file that gives a key twice). */
typedef int (*sandbox_take)(lua_State *L, const char *name, nb_error *err, int literal, void *ud);

static int sandbox_eval(const char *buf, size_t len, const char *name, const nb_limits *limits,
                        nb_error *err, sandbox_take take, void *ud);

/* A report is converted with the file's text at hand, so that messages give each key's line,
 * and with a limit on the text it copies out. */
struct report_take {
    nb_report *r;
    const char *buf;
    size_t len;
    size_t text_budget;
};

static int take_report(lua_State *L, const char *name, nb_error *err, int literal, void *ud)
{
    struct report_take *t = ud;
    /* a key given twice would lose its first value without a word: refused, with both lines
     * (asked only of a compiled file: the literal reader declines such a file) */
    if (!literal && nb_diagnose_duplicate_key(t->buf, t->len, name, err))
        return 0;
    t->r = convert_source(L, -1, 0, name, t->buf, t->len, t->text_budget, err);
    return t->r != NULL;
}

nb_report *nb_load_buffer(const char *buf, size_t len, const char *name,
                          const nb_limits *limits, nb_error *err)
{
    struct report_take t = {NULL, buf, len, NB_TEXT_BUDGET(limits ? limits : &nb_default_limits)};
    sandbox_eval(buf, len, name, limits, err, take_report, &t);
    return t.r;
}

struct literal_source {
    const char *buf;
    size_t len;
};

static int push_literal(lua_State *L)
{
    const struct literal_source *src = lua_touserdata(L, 1);
    return nb_literal_push(L, src->buf, src->len);
}

/* A file that is one literal is read without the compiler (host/literal.h), leaving its
 * table on the stack. Not when the instruction budget is so low that running the compiled
 * literal (under two VM instructions a byte) might exceed it: the compiler then runs and
 * the budget stops it, as before. On a file it does not take, or out of memory, the state
 * is left as it was, garbage collected. */
static int read_as_literal(lua_State *L, const char *buf, size_t len, const nb_limits *lim)
{
    if (lim->max_instructions < 64 || len > (size_t)(lim->max_instructions - 64) / 2)
        return 0;
    struct literal_source src = {buf, len};
    lua_pushcfunction(L, push_literal);
    lua_pushlightuserdata(L, &src);
    if (lua_pcall(L, 1, 1, 0) == LUA_OK && lua_istable(L, -1))
        return 1;
    lua_settop(L, 0);
    lua_gc(L, LUA_GCCOLLECT);
    return 0;
}

static int sandbox_eval(const char *buf, size_t len, const char *name, const nb_limits *limits,
                        nb_error *err, sandbox_take take, void *ud)
{
    const nb_limits *lim = limits ? limits : &nb_default_limits;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) { /* a BOM from Windows editors */
        buf += 3;
        len -= 3;
    }
    if (len > lim->max_bytes) {
        nb_error_set(err, "%s：文件过大（%zu 字节），数据文件上限为 %zu 字节", name, len, lim->max_bytes);
        return 0;
    }
    if (len >= 4 && memcmp(buf, LUA_SIGNATURE, 4) == 0) { /* say "binary", not "NUL byte" */
        nb_error_set(err, "%s：这是编译后的二进制块，数据文件只接受文本", name);
        return 0;
    }
    if (nb_diagnose_encoding(buf, len, name, err))
        return 0;
    const char *nul = memchr(buf, '\0', len);
    if (nul) {
        int line = 1;
        for (const char *p = buf; p < nul; p++)
            line += (*p == '\n');
        nb_error_set(err, "%s:%d: 文件含有 NUL 字节，不是文本数据文件", name, line);
        return 0;
    }
    sandbox_alloc alloc = {0, lim->max_memory, nb_pool_new()};
    lua_State *L = alloc.pool ? lua_newstate(capped_alloc, &alloc) : NULL;
    if (!L) {
        nb_pool_free(alloc.pool);
        nb_error_set(err, "%s：内存不足，无法建立沙箱", name);
        return 0;
    }
    sandbox_budget budget = {0, lim->max_instructions, {0, 0}, lim->max_seconds};
    *(sandbox_budget **)lua_getextraspace(L) = &budget;

    int ok = 0, status, literal = read_as_literal(L, buf, len, lim);
    if (literal)
        goto take;
    /* Too many numbers are refused before the compiler reads them. The reader counted its
     * own (every numeral of a file it takes is a value) and declines past the same limit,
     * so a file it took was never one to refuse. */
    if (refuse_numerals(buf, len, name, err))
        goto done;
    /* the time budget starts here: a declined reader's work is not the compiled run's */
    clock_gettime(CLOCK_MONOTONIC, &budget.start);

    char chunkname[600];
    nb_format(chunkname, sizeof chunkname, "@%s", name);
    status = luaL_loadbufferx(L, buf, len, chunkname, "t");
    if (status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        if (status == LUA_ERRMEM || !msg)
            nb_error_set(err, "%s：数据文件过于复杂，超出内存上限（%zu MiB）", name, lim->max_memory >> 20);
        else if (strstr(msg, "binary chunk"))
            nb_error_set(err, "%s：这是编译后的二进制块，数据文件只接受文本", name);
        else if (strstr(msg, "C stack overflow") || strstr(msg, "too many"))
            set_located(err, name, msg, "数据文件语法错误：嵌套层数过多");
        else if (!nb_diagnose_syntax(buf, len, name, err))
            set_syntax_error(err, name, msg);
        goto done;
    }
    if (nb_verify_chunk(L, name, err) != 0)
        goto done;
    lua_pushcfunction(L, run_chunk);
    lua_insert(L, -2);
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
    status = lua_pcall(L, 1, 1, 0);
    lua_sethook(L, NULL, 0, 0);
    if (status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        if (status == LUA_ERRMEM || !msg)
            nb_error_set(err, "%s：数据文件超出内存上限（%zu MiB），已停止", name, lim->max_memory >> 20);
        else
            translate_runtime_error(name, msg, lim, err);
        goto done;
    }
take:
    /* Room for the conversion itself, which builds only small key strings. */
    alloc.limit = alloc.used + 4 * 1024 * 1024;
    ok = take(L, name, err, literal, ud);
done:
    lua_close(L);
    nb_pool_free(alloc.pool);
    return ok;
}

static char *read_all(FILE *f, size_t cap, size_t *len, int *too_big)
{
    size_t size = 0, alloc = 65536;
    char *buf = malloc(alloc);
    if (!buf)
        return NULL;
    for (;;) {
        if (size == alloc) {
            if (alloc > cap) {
                *too_big = 1;
                break;
            }
            char *nb = realloc(buf, alloc * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            alloc *= 2;
        }
        size_t n = fread(buf + size, 1, alloc - size, f);
        size += n;
        if (n == 0)
            break;
    }
    *len = size;
    return buf;
}

/* The whole of a file ("-" is standard input), at most nb_default_limits.max_bytes;
 * NULL with *err set on failure. */
static char *read_data_file(const char *path, const char **name, size_t *len, nb_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    *name = is_stdin ? "（标准输入）" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        int e = errno;
        nb_error_set(err, "%s：无法打开文件：%s", path, nb_os_error(e));
        return NULL;
    }
    int too_big = 0;
    errno = 0;
    char *buf = read_all(f, nb_default_limits.max_bytes, len, &too_big);
    int read_error = ferror(f) ? (errno ? errno : EIO) : 0;
    if (!is_stdin)
        fclose(f);
    if (!buf) {
        nb_error_set(err, "%s：内存不足", *name);
        return NULL;
    }
    if (read_error) {
        free(buf);
        nb_error_set(err, "%s：读取失败：%s", *name, nb_os_error(read_error));
        return NULL;
    }
    if (too_big) {
        free(buf);
        nb_error_set(err, "%s：文件过大，数据文件上限为 %zu 字节", *name, nb_default_limits.max_bytes);
        return NULL;
    }
    return buf;
}

nb_report *nb_load_file(const char *path, nb_error *err)
{
    const char *name;
    size_t len = 0;
    char *buf = read_data_file(path, &name, &len, err);
    if (!buf)
        return NULL;
    nb_report *r = nb_load_buffer(buf, len, name, NULL, err);
    free(buf);
    return r;
}

/* ---------- other data files (FILE.review.lua): a plain copy of the returned table ---------- */

enum { COPY_MAX_DEPTH = 8, COPY_MAX_ENTRIES = 100000 };

typedef struct {
    lua_State *src;
    const char *name;
    nb_error *err;
    long entries;
    size_t text_left;    /* bytes of text still to be copied: a string named 100,000 times is
                          * copied 100,000 times (a 790 KB review file took 4 GB) */
    const char *problem; /* set when the data has a value of the wrong kind */
} data_copy;

/* Copy the value at the top of c->src onto dst (raw access; only tables, strings, numbers
 * and booleans). Runs inside a protected call on dst. */
static int copy_value(lua_State *dst, data_copy *c, int depth)
{
    lua_State *src = c->src;
    switch (lua_type(src, -1)) {
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(src, -1, &n);
        if (n > c->text_left) {
            c->problem = "文字总量过大（同一段文字被多处引用时每处都计入）";
            return 0;
        }
        c->text_left -= n;
        lua_pushlstring(dst, s, n);
        return 1;
    }
    case LUA_TNUMBER:
        if (lua_isinteger(src, -1))
            lua_pushinteger(dst, lua_tointeger(src, -1));
        else
            lua_pushnumber(dst, lua_tonumber(src, -1));
        return 1;
    case LUA_TBOOLEAN:
        lua_pushboolean(dst, lua_toboolean(src, -1));
        return 1;
    case LUA_TTABLE:
        break;
    default:
        c->problem = "只能包含表、字符串、数字和布尔值";
        return 0;
    }
    if (depth >= COPY_MAX_DEPTH) {
        c->problem = "表的嵌套层数过多";
        return 0;
    }
    if (!lua_checkstack(src, 4) || !lua_checkstack(dst, 4)) {
        c->problem = "表的嵌套层数过多";
        return 0;
    }
    lua_newtable(dst);
    lua_pushnil(src);
    while (lua_next(src, -2)) {
        if (++c->entries > COPY_MAX_ENTRIES) {
            c->problem = "条目过多";
            lua_pop(src, 2);
            return 0;
        }
        int kt = lua_type(src, -2);
        if (kt != LUA_TSTRING && !(kt == LUA_TNUMBER && lua_isinteger(src, -2))) {
            c->problem = "表的键只能是字符串或整数";
            lua_pop(src, 2);
            return 0;
        }
        lua_pushvalue(src, -2);
        lua_insert(src, -2); /* key, key, value */
        if (!copy_value(dst, c, depth + 1)) {
            lua_pop(src, 3);
            return 0;
        }
        lua_pop(src, 1); /* key, key */
        if (!copy_value(dst, c, depth + 1)) {
            lua_pop(src, 2);
            return 0;
        }
        lua_pop(src, 1); /* key */
        lua_insert(dst, -2);
        lua_rawset(dst, -3);
    }
    return 1;
}

static int copy_protected(lua_State *dst)
{
    data_copy *c = lua_touserdata(dst, 1);
    lua_settop(dst, 0);
    lua_pushboolean(dst, copy_value(dst, c, 0));
    return 2;
}

static int take_copy(lua_State *L, const char *name, nb_error *err, int literal, void *ud)
{
    (void)literal;
    lua_State *dst = ud;
    if (lua_type(L, -1) != LUA_TTABLE) {
        nb_error_set(err, "%s：数据文件必须返回一个表（return { ... }）", name);
        return 0;
    }
    data_copy c = {L, name, err, 0, NB_TEXT_BUDGET(&nb_default_limits), NULL};
    int top = lua_gettop(dst);
    if (!lua_checkstack(dst, 8)) {
        nb_error_set(err, "%s：内存不足", name);
        return 0;
    }
    lua_pushcfunction(dst, copy_protected);
    lua_pushlightuserdata(dst, &c);
    if (lua_pcall(dst, 1, 2, 0) != LUA_OK) {
        lua_settop(dst, top);
        nb_error_set(err, "%s：内存不足", name);
        return 0;
    }
    if (!lua_toboolean(dst, -1)) {
        lua_settop(dst, top);
        nb_error_set(err, "%s：%s", name, c.problem ? c.problem : "无法读取数据");
        return 0;
    }
    lua_pop(dst, 1);
    return 1;
}

int nb_load_data_file(lua_State *L, const char *path, nb_error *err)
{
    const char *name;
    size_t len = 0;
    char *buf = read_data_file(path, &name, &len, err);
    if (!buf)
        return 0;
    int ok = sandbox_eval(buf, len, name, NULL, err, take_copy, L);
    free(buf);
    return ok;
}
