#include "check.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

const char *nb_severity_name(nb_severity s) { return nb_severities[s == NB_SEV_ERROR ? NB_SEV_ERROR : NB_SEV_WARNING].key; }

void nb_findings_free(nb_findings *f)
{
    free(f->items);
    f->items = NULL;
    f->n = f->cap = 0;
}

typedef struct {
    nb_findings *out;
    int oom;
} ctx;

static nb_finding *add(ctx *c, const char *id, nb_severity sev, const char *section)
{
    nb_findings *f = c->out;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        nb_finding *items = realloc(f->items, cap * sizeof *items);
        if (!items) {
            c->oom = 1;
            return NULL;
        }
        f->items = items;
        f->cap = cap;
    }
    nb_finding *x = &f->items[f->n++];
    memset(x, 0, sizeof *x);
    nb_format(x->id, sizeof x->id, "%s", id);
    x->severity = sev;
    nb_format(x->section, sizeof x->section, "%s", section);
    return x;
}

static void set_row(nb_finding *x, const char *key, const char *label)
{
    nb_format(x->row, sizeof x->row, "%s", key);
    nb_format(x->row_label, sizeof x->row_label, "%s", label);
}

static void set_column(nb_finding *x, const char *label, int index)
{
    nb_format(x->column, sizeof x->column, "%s", label);
    x->column_index = index;
}

static void set_message(nb_finding *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_message(nb_finding *x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    nb_vformat(x->message, sizeof x->message, fmt, ap);
    va_end(ap);
}

static void set_counts(nb_finding *x, int64_t expected, int64_t found)
{
    nb_format(x->expected, sizeof x->expected, "%" PRId64, expected);
    nb_format(x->found, sizeof x->found, "%" PRId64, found);
}

static const char *t3_full_label(int k, char *buf, size_t n)
{
    const nb_t3_row *row = &nb_t3_rows[k];
    if (row->group_label)
        nb_format(buf, n, "%s %s", row->group_label, row->label);
    else
        nb_format(buf, n, "%s", row->label);
    return buf;
}

/* Value of a cell in arithmetic: blank and absent count as 0 (they are reported on their own);
 * returns 0 when the cell is invalid, so that no sum is claimed from it. */
static int usable(const nb_cell *c, int64_t *v)
{
    if (c->state == NB_CELL_INVALID)
        return 0;
    *v = c->state == NB_CELL_VALUE ? c->count : 0;
    return 1;
}

static int sum_row(const nb_report *r, int k, int from, int to, int64_t *sum)
{
    *sum = 0;
    for (int c = from; c <= to; c++) {
        int64_t v;
        if (!usable(&r->requests[k][c], &v))
            return 0;
        *sum += v;
    }
    return 1;
}

/* Where one number was mistyped, it breaks both its row's 总计 and its column's equation.
 * row_delta[k] is (sum of the applicant columns) - (stated 总计) for rows whose 总计 was given;
 * a column equation off by `delta` points at the row whose own delta explains it. */
static int suspect_row(const nb_report *r, const int64_t *row_delta, const int *rows, const int *signs,
                       int n, int64_t delta)
{
    int found = -1;
    for (int i = 0; i < n; i++) {
        int k = rows[i];
        if (!r->total_given[k] || row_delta[k] == 0 || row_delta[k] * signs[i] != delta)
            continue;
        if (found >= 0)
            return -1; /* two candidates: do not guess */
        found = k;
    }
    return found;
}

static void mention_suspect(nb_finding *x, int k)
{
    char label[320];
    size_t n = strlen(x->message);
    nb_format(x->message + n, sizeof x->message - n, "；很可能是“%s”行的这一格有误",
             t3_full_label(k, label, sizeof label));
}

/* The arithmetic counts a blank cell as 0 (VALUE.BLANK asks for the 0): a message whose sum
 * includes one says so, rather than quoting a 0 that the report does not show. */
static void note_blanks(nb_finding *x, int blanks)
{
    if (!blanks)
        return;
    size_t n = strlen(x->message);
    nb_format(x->message + n, sizeof x->message - n, "（其中 %d 个空白单元格按 0 计）", blanks);
}

static int is_blank_cell(const nb_cell *cell) { return cell->state == NB_CELL_BLANK; }

/* A blank cell of table 三 as the file has it: a 总计 the loader derived (a row of 6 values,
 * or a row the file leaves out) is not one. */
static int t3_blank(const nb_report *r, int k, int col)
{
    if (col == NB_T3_APPLICANTS && !r->total_given[k])
        return 0;
    return is_blank_cell(&r->requests[k][col]);
}

static void check_t3(ctx *c, const nb_report *r)
{
    char label[320];
    int64_t row_delta[NB_T3_ROWS] = {0};
    /* T3.ROW_TOTAL: 总计 = sum of the six applicant columns, in every row whose 总计 was given. */
    for (int k = 0; k < NB_T3_ROWS; k++) {
        int64_t sum, total;
        if (!r->total_given[k])
            continue;
        if (!sum_row(r, k, 0, NB_T3_APPLICANTS - 1, &sum) ||
            !usable(&r->requests[k][NB_T3_APPLICANTS], &total) ||
            r->requests[k][NB_T3_APPLICANTS].state != NB_CELL_VALUE || sum == total)
            continue;
        row_delta[k] = sum - total;
        nb_finding *x = add(c, "T3.ROW_TOTAL", NB_SEV_ERROR, "三");
        if (!x)
            return;
        set_row(x, nb_t3_rows[k].key, t3_full_label(k, label, sizeof label));
        set_column(x, "总计", NB_T3_COLS);
        set_counts(x, sum, total);
        set_message(x, "表三“%s”行：“总计”应为六类申请人之和 %" PRId64 "，实际填写 %" PRId64,
                    label, sum, total);
        int blanks = 0;
        for (int i = 0; i < NB_T3_APPLICANTS; i++)
            blanks += t3_blank(r, k, i);
        note_blanks(x, blanks);
    }
    int result_rows[NB_T3_ROWS], result_signs[NB_T3_ROWS], n_results = 0;
    for (int k = NB_T3_FIRST_RESULT; k <= NB_T3_LAST_RESULT; k++) {
        result_rows[n_results] = k;
        result_signs[n_results++] = 1;
    }
    result_rows[n_results] = NB_T3_TOTAL;
    result_signs[n_results++] = -1;
    static const int balance_rows[] = {NB_T3_NEW, NB_T3_CARRIED_OVER, NB_T3_TOTAL, NB_T3_CARRIED_FORWARD};
    static const int balance_signs[] = {1, 1, -1, -1};
    for (int col = 0; col < NB_T3_COLS; col++) {
        const char *cl = nb_t3_cols[col].label;
        /* T3.RESULT_TOTAL: （七）总计 = sum of the 21 result rows. */
        int64_t sum = 0, v, total;
        int ok = usable(&r->requests[NB_T3_TOTAL][col], &total);
        for (int k = NB_T3_FIRST_RESULT; ok && k <= NB_T3_LAST_RESULT; k++)
            if ((ok = usable(&r->requests[k][col], &v)))
                sum += v;
        if (ok && sum != total) {
            nb_finding *x = add(c, "T3.RESULT_TOTAL", NB_SEV_ERROR, "三");
            if (!x)
                return;
            int k = col < NB_T3_APPLICANTS
                        ? suspect_row(r, row_delta, result_rows, result_signs, n_results, sum - total)
                        : -1;
            if (k >= 0)
                set_row(x, nb_t3_rows[k].key, t3_full_label(k, label, sizeof label));
            else
                set_row(x, nb_t3_rows[NB_T3_TOTAL].key, nb_t3_rows[NB_T3_TOTAL].label);
            set_column(x, cl, col + 1);
            set_counts(x, sum, total);
            set_message(x, "表三“%s”列：“（七）总计”应为二十一项办理结果之和 %" PRId64 "，实际为 %" PRId64,
                        cl, sum, total);
            int blanks = t3_blank(r, NB_T3_TOTAL, col);
            for (int j = NB_T3_FIRST_RESULT; j <= NB_T3_LAST_RESULT; j++)
                blanks += t3_blank(r, j, col);
            note_blanks(x, blanks);
            if (k >= 0)
                mention_suspect(x, k);
        }
        /* T3.BALANCE: 一 + 二 = 三（七）总计 + 四. */
        int64_t nw, co, cf;
        if (usable(&r->requests[NB_T3_NEW][col], &nw) &&
            usable(&r->requests[NB_T3_CARRIED_OVER][col], &co) &&
            usable(&r->requests[NB_T3_CARRIED_FORWARD][col], &cf) &&
            usable(&r->requests[NB_T3_TOTAL][col], &total) && nw + co != total + cf) {
            nb_finding *x = add(c, "T3.BALANCE", NB_SEV_ERROR, "三");
            if (!x)
                return;
            int k = col < NB_T3_APPLICANTS
                        ? suspect_row(r, row_delta, balance_rows, balance_signs, 4, nw + co - total - cf)
                        : -1;
            if (k >= 0)
                set_row(x, nb_t3_rows[k].key, t3_full_label(k, label, sizeof label));
            else
                set_row(x, "", "一＋二＝三（七）总计＋四");
            set_column(x, cl, col + 1);
            set_counts(x, nw + co, total + cf);
            set_message(x, "表三“%s”列：本年新收 %" PRId64 " 加上年结转 %" PRId64 " 应等于办理结果总计 %" PRId64
                        " 加结转下年度 %" PRId64 "（%" PRId64 " ≠ %" PRId64 "）",
                        cl, nw, co, total, cf, nw + co, total + cf);
            int blanks = 0;
            for (int j = 0; j < 4; j++)
                blanks += t3_blank(r, balance_rows[j], col);
            note_blanks(x, blanks);
            if (k >= 0)
                mention_suspect(x, k);
        }
    }
}

static void check_t4(ctx *c, const nb_report *r)
{
    for (int g = 0; g < NB_T4_GROUPS; g++) {
        int64_t sum = 0, v, total;
        int ok = 1;
        /* a cell left out is SECTION.MISSING already; the sum without it proves nothing */
        for (int k = 0; k < 4 && ok; k++)
            if ((ok = r->appeals[g][k].state != NB_CELL_ABSENT && usable(&r->appeals[g][k], &v)))
                sum += v;
        if (!ok || r->appeals[g][4].state == NB_CELL_ABSENT || !usable(&r->appeals[g][4], &total) || sum == total)
            continue;
        nb_finding *x = add(c, "T4.TOTAL", NB_SEV_ERROR, "四");
        if (!x)
            return;
        set_row(x, nb_t4_groups[g].key, nb_t4_groups[g].label);
        set_column(x, "总计", g * NB_T4_COLS + NB_T4_COLS);
        set_counts(x, sum, total);
        set_message(x, "表四“%s”：“总计”应为结果维持、结果纠正、其他结果、尚未审结之和 %" PRId64 "，实际为 %" PRId64,
                    nb_t4_groups[g].label, sum, total);
        int blanks = 0;
        for (int k = 0; k < NB_T4_COLS; k++)
            blanks += is_blank_cell(&r->appeals[g][k]);
        note_blanks(x, blanks);
    }
}

/* An invalid number as people read it: NaN and infinities by name, not as printf's "-nan";
 * an integer as written (a double rounds one beyond 2^53). */
static void format_raw(char *buf, size_t n, const nb_cell *cell)
{
    double v = cell->amount;
    if (isnan(v))
        nb_format(buf, n, "NaN（非数）");
    else if (isinf(v))
        nb_format(buf, n, "%s", v > 0 ? "无穷大" : "负无穷大");
    else if (cell->count != 0 && (double)cell->count == v)
        nb_format(buf, n, "%" PRId64, cell->count);
    else
        nb_format(buf, n, "%.17g", v);
}

/* Whether an invalid cell is a valid number beyond the bound (NB_MAX_COUNT, NB_MAX_AMOUNT):
 * its message names the bound, not a rule the number keeps. */
static int over_bound(const nb_cell *cell, int is_amount)
{
    double v = cell->amount;
    if (is_amount)
        return isfinite(v) && v > NB_MAX_AMOUNT;
    return isfinite(v) && v > NB_MAX_COUNT && floor(v) == v;
}

/* How a message names the section of a cell: 二, 三 and 四 are tables; the processing fees
 * are a statement of section 六, not a table of their own. */
static const char *section_name(char *buf, size_t n, const char *section)
{
    if (strcmp(section, "二") == 0 || strcmp(section, "三") == 0 || strcmp(section, "四") == 0)
        nb_format(buf, n, "表%s", section);
    else
        nb_format(buf, n, "第%s部分", section);
    return buf;
}

/* VALUE.INVALID and VALUE.BLANK for one cell. */
static void check_cell(ctx *c, const nb_cell *cell, const char *section, const char *row,
                       const char *row_label, const char *column, int column_index, int is_amount)
{
    if (cell->state == NB_CELL_INVALID) {
        nb_finding *x = add(c, "VALUE.INVALID", NB_SEV_ERROR, section);
        if (!x)
            return;
        set_row(x, row, row_label);
        set_column(x, column, column_index);
        /* the bound as the message names it: report.h's constant, not a copy of its digits */
        double bound = is_amount ? NB_MAX_AMOUNT : NB_MAX_COUNT;
        char why[64];
        if (over_bound(cell, is_amount)) {
            nb_format(x->expected, sizeof x->expected, "<= %.0f", bound);
            nb_format(why, sizeof why, "%s超出上限 %.0f", is_amount ? "金额" : "件数", bound);
        } else {
            nb_format(x->expected, sizeof x->expected, "%s", is_amount ? ">= 0" : "整数 >= 0");
            nb_format(why, sizeof why, "%s", is_amount ? "金额应为不小于 0 的有限数" : "件数应为不小于 0 的整数");
        }
        format_raw(x->found, sizeof x->found, cell);
        char where[32];
        set_message(x, "%s“%s”%s%s%s：%s，实际为 %s", section_name(where, sizeof where, section), row_label,
                    column[0] ? "“" : "", column, column[0] ? "”" : "", why, x->found);
    } else if (cell->state == NB_CELL_BLANK) {
        nb_finding *x = add(c, "VALUE.BLANK", NB_SEV_WARNING, section);
        if (!x)
            return;
        set_row(x, row, row_label);
        set_column(x, column, column_index);
        nb_format(x->expected, sizeof x->expected, "0");
        nb_format(x->found, sizeof x->found, "空白");
        char where[32];
        set_message(x, "%s“%s”%s%s%s：单元格空白，应填写数字（没有请填 0）", section_name(where, sizeof where, section),
                    row_label,
                    column[0] ? "“" : "", column, column[0] ? "”" : "");
    }
}

static void missing(ctx *c, const char *section, const char *row, const char *label, const char *what)
{
    nb_finding *x = add(c, "SECTION.MISSING", NB_SEV_ERROR, section);
    if (!x)
        return;
    set_row(x, row, label);
    nb_format(x->expected, sizeof x->expected, "有内容");
    nb_format(x->found, sizeof x->found, "缺失");
    set_message(x, "%s", what);
}

static int empty_text(const char *s)
{
    if (!s)
        return 1;
    for (; *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
            return 0;
    return 1;
}

/* The 2019 trial format's table 三 had a single （六）其他处理 row (kept as other.other). */
static int trial_lacks_row(int k)
{
    return strcmp(nb_t3_rows[k].key, "other.no_correction") == 0 ||
           strcmp(nb_t3_rows[k].key, "other.no_fee_payment") == 0;
}

/* A row of the trial format's table 二: each cell as its column reads it (FORMAT §1, the 2019
 * trial format): 采购总金额 an amount, 本年增/减 a whole number of either sign, the rest counts. */
static void check_trial_row(ctx *c, const nb_row2019 *row)
{
    int k = nb_t2_2019_row_index(row->label);
    for (int i = 0; i < row->n_values; i++) {
        const nb_cell *cell = &row->values[i];
        nb_t2_2019_kind kind = nb_t2_2019_kind_of(k, i);
        const char *column = "";
        if (k >= 0 && i < nb_t2_2019_rows[k].cells)
            column = nb_t2_2019_blocks[nb_t2_2019_rows[k].block].columns[i].label;
        if (kind != NB_T2019_CHANGE || cell->state != NB_CELL_INVALID) {
            check_cell(c, cell, "二", NB_KEY(PROACTIVE_2019), row->label, column, i + 1, kind == NB_T2019_AMOUNT);
            continue;
        }
        /* a change in the number of items: only a fraction (or beyond the bound) is invalid */
        nb_finding *x = add(c, "VALUE.INVALID", NB_SEV_ERROR, "二");
        if (!x)
            return;
        set_row(x, NB_KEY(PROACTIVE_2019), row->label);
        set_column(x, column, i + 1);
        nb_format(x->expected, sizeof x->expected, "整数");
        format_raw(x->found, sizeof x->found, cell);
        set_message(x, "表二“%s”“%s”：增减数应为整数（减少写负数），实际为 %s", row->label, column, x->found);
    }
}

static void check_values(ctx *c, const nb_report *r)
{
    char label[320], msg[512];
    if (r->has_proactive && r->format == 2021) {
        for (int i = 0; i < NB_T2_CELLS; i++) {
            const nb_t2_cell *t = &nb_t2_cells[i];
            if (r->proactive[i].state == NB_CELL_ABSENT) {
                nb_format(msg, sizeof msg, "表二缺少“%s”的“%s”（%s）", t->label, t->column, t->path);
                missing(c, "二", t->path, t->label, msg);
                continue;
            }
            check_cell(c, &r->proactive[i], "二", t->path, t->label, t->column,
                       t->col_key ? (i % 3) + 1 : 1, t->is_amount);
        }
    }
    for (size_t i = 0; i < r->n_proactive_2019; i++)
        check_trial_row(c, &r->proactive_2019[i]);
    if (r->has_requests) {
        for (int k = 0; k < NB_T3_ROWS; k++) {
            t3_full_label(k, label, sizeof label);
            if (r->requests[k][0].state == NB_CELL_ABSENT) {
                if (r->format == 2019 && trial_lacks_row(k))
                    continue;
                nb_format(msg, sizeof msg, "表三缺少“%s”行（requests.%s）", label, nb_t3_rows[k].key);
                missing(c, "三", nb_t3_rows[k].key, label, msg);
                continue;
            }
            for (int col = 0; col < NB_T3_COLS; col++) {
                /* a 总计 the loader derived is not the file's: the cells it sums are reported */
                if ((col == NB_T3_APPLICANTS && !r->total_given[k]) ||
                    (k == NB_T3_TOTAL && !r->total_row_given))
                    continue;
                check_cell(c, &r->requests[k][col], "三", nb_t3_rows[k].key, label,
                           nb_t3_cols[col].label, col + 1, 0);
            }
        }
    }
    if (r->has_appeals) {
        for (int g = 0; g < NB_T4_GROUPS; g++)
            for (int k = 0; k < NB_T4_COLS; k++) {
                const nb_cell *cell = &r->appeals[g][k];
                if (cell->state == NB_CELL_ABSENT) {
                    nb_format(msg, sizeof msg, "表四缺少“%s”的“%s”（appeals.%s.%s）", nb_t4_groups[g].label,
                             nb_t4_cols[k].label, nb_t4_groups[g].key, nb_t4_cols[k].key);
                    missing(c, "四", nb_t4_groups[g].key, nb_t4_groups[g].label, msg);
                    continue;
                }
                check_cell(c, cell, "四", nb_t4_groups[g].key, nb_t4_groups[g].label,
                           nb_t4_cols[k].label, g * NB_T4_COLS + k + 1, 0);
            }
    }
    if (r->has_processing_fees) {
        check_cell(c, &r->fee_notices, "六", "processing_fees.notices", "发出收费通知", "件数", 1, 0);
        check_cell(c, &r->fee_notified, "六", "processing_fees.notified", "通知收费金额", "元", 1, 1);
        check_cell(c, &r->fee_collected, "六", "processing_fees.collected", "实际收取金额", "元", 1, 1);
    }
}

static void check_sections(ctx *c, const nb_report *r)
{
    char msg[512];
    int overview_empty = 1;
    for (size_t i = 0; i < r->n_overview; i++)
        if (!empty_text(r->overview[i].text))
            overview_empty = 0;
    struct {
        int absent;
        int section; /* its key, numeral and heading are nb_sections' */
    } parts[] = {
        {overview_empty, 0},
        {!r->has_proactive && r->n_proactive_2019 == 0, 1},
        {!r->has_requests, 2},
        {!r->has_appeals, 3},
        {empty_text(r->problems) && empty_text(r->improvements), 4},
        {empty_text(r->other_matters), 5},
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (!parts[i].absent)
            continue;
        const nb_section *s = &nb_sections[parts[i].section];
        nb_format(msg, sizeof msg, "缺少第%s部分“%s”（%s）", s->numeral, s->heading, s->key);
        missing(c, s->numeral, s->key, s->heading, msg);
    }
}

/* The report's year and agency: every check across years, the title and the summary of many
 * reports need them (FORMAT.md §2 marks neither optional). */
static void check_identity(ctx *c, const nb_report *r)
{
    if (!r->year)
        missing(c, "", NB_KEY(YEAR), "年度", "缺少报告年度（year），应为四位年份，如 year = 2024");
    if (empty_text(r->agency))
        missing(c, "", NB_KEY(AGENCY), "机关名称",
                r->agency ? "机关名称（agency）为空，应为发布报告的机关全称"
                          : "缺少机关名称（agency），应为发布报告的机关全称");
}

static void check_old_template(ctx *c, const nb_report *r)
{
    if (r->format != 2019 || r->year < 2021)
        return;
    nb_finding *x = add(c, "FORMAT.OLD_TEMPLATE", NB_SEV_ERROR, "二");
    if (!x)
        return;
    nb_format(x->expected, sizeof x->expected, "2021");
    nb_format(x->found, sizeof x->found, "2019");
    set_message(x, "%d 年度报告使用了 2019 年试行格式（国办公开办函〔2019〕60号），应使用国办公开办函〔2021〕30号的格式",
                r->year);
}

/* Whether every cell of table 三 row k is blank or absent. */
static int t3_row_empty(const nb_report *r, int k)
{
    for (int col = 0; col < NB_T3_COLS; col++)
        if (r->requests[k][col].state == NB_CELL_VALUE || r->requests[k][col].state == NB_CELL_INVALID)
            return 0;
    return 1;
}

/* FORMAT.MIXED_TEMPLATE: a 2021-format table 三 that keeps the trial format's single
 * （六）其他处理 row: other.other filled, rows 1. and 2. of （六） blank or left out (what the
 * importer writes for such a table). */
static void check_mixed_template(ctx *c, const nb_report *r)
{
    if (r->format != 2021 || !r->has_requests)
        return;
    /* the three rows of （六）其他处理 close the result rows: 1., 2., 3.其他 */
    int other = NB_T3_LAST_RESULT, no_correction = other - 2, no_fee = other - 1;
    if (t3_row_empty(r, other) || !t3_row_empty(r, no_correction) || !t3_row_empty(r, no_fee))
        return;
    nb_finding *x = add(c, "FORMAT.MIXED_TEMPLATE", NB_SEV_WARNING, "三");
    if (!x)
        return;
    char label[320];
    set_row(x, nb_t3_rows[other].key, t3_full_label(other, label, sizeof label));
    nb_format(x->expected, sizeof x->expected, "2021");
    nb_format(x->found, sizeof x->found, "2019");
    set_message(x, "表三“%s”沿用了 2019 年试行格式的单行（记作“%s”），“1.”“2.”两行空缺：应按国办公开办函〔2021〕30号的格式分三行填写",
                nb_t3_rows[other].group_label, nb_t3_rows[other].label);
}

static void check_years(ctx *c, const nb_report *r, const nb_report *prev)
{
    if (r->has_requests && prev->has_requests) {
        for (int col = 0; col < NB_T3_COLS; col++) {
            int64_t now, before;
            if (!usable(&r->requests[NB_T3_CARRIED_OVER][col], &now) ||
                !usable(&prev->requests[NB_T3_CARRIED_FORWARD][col], &before) || now == before)
                continue;
            nb_finding *x = add(c, "YEAR.CARRY", NB_SEV_ERROR, "三");
            if (!x)
                return;
            set_row(x, nb_t3_rows[NB_T3_CARRIED_OVER].key, nb_t3_rows[NB_T3_CARRIED_OVER].label);
            set_column(x, nb_t3_cols[col].label, col + 1);
            set_counts(x, before, now);
            set_message(x, "表三“%s”列：上年结转 %" PRId64 " 应等于上年报告的结转下年度 %" PRId64,
                        nb_t3_cols[col].label, now, before);
        }
    }
    if (!r->has_proactive || !prev->has_proactive || r->format != 2021 || prev->format != 2021)
        return;
    for (int i = 0; i < 6; i += 3) { /* regulations, then normative documents */
        int64_t issued, repealed, in_force, last;
        if (!usable(&r->proactive[i], &issued) || !usable(&r->proactive[i + 1], &repealed) ||
            !usable(&r->proactive[i + 2], &in_force) || !usable(&prev->proactive[i + 2], &last) ||
            r->proactive[i + 2].state != NB_CELL_VALUE || prev->proactive[i + 2].state != NB_CELL_VALUE)
            continue;
        if (last + issued - repealed == in_force)
            continue;
        nb_finding *x = add(c, "YEAR.IN_FORCE", NB_SEV_WARNING, "二");
        if (!x)
            return;
        set_row(x, nb_t2_cells[i + 2].path, nb_t2_cells[i].label);
        set_column(x, "现行有效件数", 3);
        set_counts(x, last + issued - repealed, in_force);
        set_message(x, "表二“%s”：现行有效件数应为上年 %" PRId64 " 加本年制发 %" PRId64 " 减本年废止 %" PRId64
                    " 即 %" PRId64 "，实际为 %" PRId64,
                    nb_t2_cells[i].label, last, issued, repealed, last + issued - repealed, in_force);
    }
}

/* T3.LOST_CELL: a row of 6 values whose last equals the sum of the other five (and is not
 * 0) reads like five applicant cells and the 总计: a cell was probably left out, and the
 * 总计 taken for 其他. Asked only when table 三's arithmetic fails: a shifted 总计 breaks the
 * 其他 column's sums, while { 1, 0, 0, 0, 0, 1 } (one natural person, one other) in a table
 * that adds up is a row as meant. */
static void check_lost_cell(ctx *c, const nb_report *r)
{
    char label[320];
    for (int k = 0; k < NB_T3_ROWS; k++) {
        int64_t v[NB_T3_APPLICANTS], five = 0;
        int ok = !r->total_given[k];
        for (int i = 0; ok && i < NB_T3_APPLICANTS; i++)
            ok = r->requests[k][i].state == NB_CELL_VALUE && usable(&r->requests[k][i], &v[i]);
        if (!ok)
            continue;
        for (int i = 0; i < NB_T3_APPLICANTS - 1; i++)
            five += v[i];
        if (five == 0 || v[NB_T3_APPLICANTS - 1] != five)
            continue;
        nb_finding *x = add(c, "T3.LOST_CELL", NB_SEV_WARNING, "三");
        if (!x)
            return;
        set_row(x, nb_t3_rows[k].key, t3_full_label(k, label, sizeof label));
        set_column(x, "其他", NB_T3_APPLICANTS);
        set_message(x, "表三“%s”行：该行只有6个数，可能漏填一格：最后一个数 %" PRId64
                    " 等于前五个数之和，像是“总计”；请按自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计写满7个数",
                    label, five);
    }
}

int nb_check(const nb_report *r, const nb_report *previous, nb_findings *out)
{
    ctx c = {out, 0};
    check_identity(&c, r);
    check_sections(&c, r);
    check_old_template(&c, r);
    check_mixed_template(&c, r);
    check_values(&c, r);
    if (r->has_requests) {
        size_t before = out->n;
        check_t3(&c, r);
        if (out->n > before)
            check_lost_cell(&c, r);
    }
    if (r->has_appeals)
        check_t4(&c, r);
    if (previous)
        check_years(&c, r, previous);
    return c.oom ? -1 : 0;
}
