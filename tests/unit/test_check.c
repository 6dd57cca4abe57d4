/* The built-in checks: for every id a passing case and a failing case, with the place
 * (section, row, column), expected and found of the finding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"
#include "error.h"
#include "testutil.h"

static size_t errors_in(const nb_findings *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += f->items[i].severity == NB_SEV_ERROR;
    return n;
}

static void set_row(nb_report *r, const char *key, const int64_t v[7])
{
    int k = nb_t3_row_index(key);
    assert_true(k >= 0);
    for (int c = 0; c < NB_T3_COLS; c++) {
        r->requests[k][c].state = NB_CELL_VALUE;
        r->requests[k][c].count = v[c];
        r->requests[k][c].amount = (double)v[c];
    }
    r->total_given[k] = 1;
}

#define ROW(r, key, ...) set_row((r), (key), (const int64_t[7]){__VA_ARGS__})

/* The seed with numbers that add up: 4 new + 1 carried over = 4 handled + 1 carried forward. */
static nb_report *consistent(void)
{
    nb_report *r = seed_report();
    ROW(r, "new", 3, 1, 0, 0, 0, 0, 4);
    ROW(r, "carried_over", 1, 0, 0, 0, 0, 0, 1);
    ROW(r, "disclosed", 2, 0, 0, 0, 0, 0, 2);
    ROW(r, "unavailable.not_held", 1, 1, 0, 0, 0, 0, 2);
    ROW(r, "total", 3, 1, 0, 0, 0, 0, 4);
    ROW(r, "carried_forward", 1, 0, 0, 0, 0, 0, 1);
    r->appeals[0][0].count = 1; /* review: 1 upheld + 1 pending = 2 */
    r->appeals[0][3].count = 1;
    r->appeals[0][4].count = 2;
    return r;
}

static nb_findings run(const nb_report *r, const nb_report *prev)
{
    nb_findings f = {0};
    assert_int_equal(nb_check(r, prev, &f), 0);
    for (size_t i = 0; i < f.n; i++) /* every finding speaks to people */
        assert_true(strlen(f.items[i].message) > 10);
    return f;
}

static void expect_none(const nb_report *r, const nb_report *prev)
{
    nb_findings f = run(r, prev);
    for (size_t i = 0; i < f.n; i++)
        print_error("unexpected %s: %s\n", f.items[i].id, f.items[i].message);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
}

/* Asserts every field of a finding; row NULL means "not checked". */
static void expect(const nb_finding *x, const char *id, nb_severity sev, const char *section, const char *row,
                   const char *column, int column_index, const char *expected, const char *found)
{
    if (!x)
        fail_msg("no %s finding", id);
    assert_string_equal(x->id, id);
    assert_int_equal(x->severity, sev);
    assert_string_equal(x->section, section);
    if (row)
        assert_string_equal(x->row, row);
    assert_string_equal(x->column, column);
    assert_int_equal(x->column_index, column_index);
    assert_string_equal(x->expected, expected);
    assert_string_equal(x->found, found);
}

/* The n-th finding (0-based) with this id. */
static const nb_finding *nth(const nb_findings *f, const char *id, size_t n)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->items[i].id, id) == 0 && n-- == 0)
            return &f->items[i];
    return NULL;
}

/* Load a seed variant (freed here) and check it. */
static nb_findings check_text(char *text)
{
    char err[NB_ERROR_MAX];
    nb_report *r = load_text(text, err, sizeof err);
    free(text);
    if (!r)
        fail_msg("does not load: %s", err);
    nb_findings f = run(r, NULL);
    nb_report_free(r);
    return f;
}

/* ---------- passing cases ---------- */

static void seed_and_consistent_pass(void **state)
{
    (void)state;
    nb_report *seed = seed_report();
    expect_none(seed, NULL);
    expect_none(seed, seed); /* as its own previous year: carry 0 = 0, in force 0 = 0 */
    nb_report *r = consistent();
    expect_none(r, NULL);
    nb_report_free(r);
    nb_report_free(seed);
    assert_string_equal(nb_severity_name(NB_SEV_ERROR), "error");
    assert_string_equal(nb_severity_name(NB_SEV_WARNING), "warning");
}

/* ---------- table 三 arithmetic ---------- */

static void t3_balance(void **state)
{
    (void)state;
    nb_report *r = consistent();
    ROW(r, "carried_forward", 0, 0, 0, 0, 0, 0, 0); /* rows add up, the column does not */
    nb_findings f = run(r, NULL);
    assert_int_equal(f.n, 2);
    expect(nth(&f, "T3.BALANCE", 0), "T3.BALANCE", NB_SEV_ERROR, "三", "", "自然人", 1, "4", "3");
    expect(nth(&f, "T3.BALANCE", 1), "T3.BALANCE", NB_SEV_ERROR, "三", "", "总计", 7, "5", "4");
    assert_contains(f.items[0].row_label, "一＋二＝三（七）总计＋四");
    assert_contains(f.items[0].message, "自然人");
    nb_findings_free(&f);
    /* one mistyped cell: its row's 总计 and the column both break; the column points at it */
    ROW(r, "carried_forward", 1, 0, 0, 0, 0, 0, 1);
    ROW(r, "new", 4, 1, 0, 0, 0, 0, 4);
    f = run(r, NULL);
    expect(finding(&f, "T3.ROW_TOTAL"), "T3.ROW_TOTAL", NB_SEV_ERROR, "三", "new", "总计", 7, "5", "4");
    expect(finding(&f, "T3.BALANCE"), "T3.BALANCE", NB_SEV_ERROR, "三", "new", "自然人", 1, "5", "4");
    assert_int_equal(count_findings(&f, "T3.BALANCE"), 1);
    assert_int_equal(f.n, 2);
    nb_findings_free(&f);
    nb_report_free(r);
}

static void t3_result_total(void **state)
{
    (void)state;
    nb_report *r = consistent();
    ROW(r, "withheld.third_party", 1, 0, 0, 0, 0, 0, 1); /* a result not counted in （七）总计 */
    nb_findings f = run(r, NULL);
    assert_int_equal(count_findings(&f, "T3.RESULT_TOTAL"), 2);
    expect(nth(&f, "T3.RESULT_TOTAL", 0), "T3.RESULT_TOTAL", NB_SEV_ERROR, "三", "total", "自然人", 1, "4", "3");
    expect(nth(&f, "T3.RESULT_TOTAL", 1), "T3.RESULT_TOTAL", NB_SEV_ERROR, "三", "total", "总计", 7, "5", "4");
    assert_string_equal(f.items[0].row_label, "（七）总计");
    assert_int_equal(f.n, 2);
    nb_findings_free(&f);
    /* the last result row (other.other) is counted too */
    ROW(r, "withheld.third_party", 0, 0, 0, 0, 0, 0, 0);
    ROW(r, "other.other", 0, 0, 0, 0, 0, 2, 2);
    f = run(r, NULL);
    expect(nth(&f, "T3.RESULT_TOTAL", 0), "T3.RESULT_TOTAL", NB_SEV_ERROR, "三", "total", "其他", 6, "2", "0");
    nb_findings_free(&f);
    nb_report_free(r);
}

static void t3_row_total(void **state)
{
    (void)state;
    nb_report *r = consistent();
    ROW(r, "disclosed", 2, 0, 0, 0, 0, 0, 3);
    nb_findings f = run(r, NULL);
    assert_int_equal(count_findings(&f, "T3.ROW_TOTAL"), 1);
    expect(finding(&f, "T3.ROW_TOTAL"), "T3.ROW_TOTAL", NB_SEV_ERROR, "三", "disclosed", "总计", 7, "2", "3");
    assert_string_equal(finding(&f, "T3.ROW_TOTAL")->row_label, "（一）予以公开");
    nb_findings_free(&f);
    /* a grouped row: its label carries the group */
    ROW(r, "disclosed", 2, 0, 0, 0, 0, 0, 2);
    ROW(r, "not_processed.duplicate", 0, 0, 0, 0, 0, 0, 1);
    f = run(r, NULL);
    expect(finding(&f, "T3.ROW_TOTAL"), "T3.ROW_TOTAL", NB_SEV_ERROR, "三", "not_processed.duplicate", "总计", 7,
           "0", "1");
    assert_string_equal(finding(&f, "T3.ROW_TOTAL")->row_label, "（五）不予处理 2.重复申请");
    nb_findings_free(&f);
    nb_report_free(r);
}

static void t4_total(void **state)
{
    (void)state;
    nb_report *r = consistent();
    r->appeals[2][4].count = 1; /* 复议后起诉 total 1, nothing else */
    nb_findings f = run(r, NULL);
    assert_int_equal(f.n, 1);
    expect(finding(&f, "T4.TOTAL"), "T4.TOTAL", NB_SEV_ERROR, "四", "litigation_after_review", "总计", 15, "0", "1");
    assert_string_equal(f.items[0].row_label, "复议后起诉");
    nb_findings_free(&f);
    r->appeals[2][4].count = 0;
    r->appeals[0][1].count = 5; /* review: 1 + 5 + 0 + 1 = 7, total says 2 */
    f = run(r, NULL);
    expect(finding(&f, "T4.TOTAL"), "T4.TOTAL", NB_SEV_ERROR, "四", "review", "总计", 5, "7", "2");
    nb_findings_free(&f);
    nb_report_free(r);
}

/* ---------- values ---------- */

static void value_invalid_counts(void **state)
{
    (void)state;
    static const char RULE[] = "整数 >= 0", BOUND[] = "<= 1000000000";
    static const struct {
        const char *value, *found, *expected, *says;
    } cases[] = {
        {"-1", "-1", RULE, "整数"}, {"1.5", "1.5", RULE, "整数"}, {"0/0", "NaN（非数）", RULE, "整数"},
        {"1/0", "无穷大", RULE, "整数"}, {"-1/0", "负无穷大", RULE, "整数"}, {"-0.5", "-0.5", RULE, "整数"},
        /* beyond the bound: named as such, the integer quoted as written (past 2^53 too) */
        {"10000000000", "10000000000", BOUND, "超出上限"}, {"2e9", "2000000000", BOUND, "超出上限"},
        {"9007199254740993", "9007199254740993", BOUND, "超出上限"}, {"2.5e9", "2500000000", BOUND, "超出上限"},
        {"1.5e9 + 0.5", "1500000000.5", RULE, "整数"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char to[128];
        snprintf(to, sizeof to, "state_secret = { 0, 0, %s,", cases[i].value);
        nb_findings f = check_text(seed_with("state_secret = { 0, 0, 0,", to));
        const nb_finding *x = finding(&f, "VALUE.INVALID");
        if (!x || f.n != 1)
            fail_msg("%s: expected one VALUE.INVALID, got %zu findings", cases[i].value, f.n);
        expect(x, "VALUE.INVALID", NB_SEV_ERROR, "三", "withheld.state_secret", "科研机构", 3, cases[i].expected,
               cases[i].found);
        assert_contains(x->message, cases[i].says);
        nb_findings_free(&f);
    }
    /* table 二 and 四 counts */
    nb_findings f = check_text(seed_with("licensing = 0", "licensing = 2.5"));
    expect(finding(&f, "VALUE.INVALID"), "VALUE.INVALID", NB_SEV_ERROR, "二", "proactive.licensing",
           "本年处理决定数量", 1, "整数 >= 0", "2.5");
    nb_findings_free(&f);
    f = check_text(seed_with("litigation_direct = { upheld = 0", "litigation_direct = { upheld = -3"));
    expect(finding(&f, "VALUE.INVALID"), "VALUE.INVALID", NB_SEV_ERROR, "四", "litigation_direct", "结果维持", 6,
           "整数 >= 0", "-3");
    nb_findings_free(&f);
    /* passing: large but plausible integers, and an integral float */
    f = check_text(seed_with("licensing = 0", "licensing = 123456.0"));
    assert_int_equal(count_findings(&f, "VALUE.INVALID"), 0);
    nb_findings_free(&f);
}

static void value_invalid_amounts(void **state)
{
    (void)state;
    nb_findings f = check_text(seed_with("fees = 0,", "fees = -1,"));
    assert_int_equal(f.n, 1);
    expect(finding(&f, "VALUE.INVALID"), "VALUE.INVALID", NB_SEV_ERROR, "二", "proactive.fees",
           "本年收费金额（单位：万元）", 1, ">= 0", "-1");
    nb_findings_free(&f);
    f = check_text(seed_with("fees = 0,", "fees = 1/0,"));
    expect(finding(&f, "VALUE.INVALID"), "VALUE.INVALID", NB_SEV_ERROR, "二", "proactive.fees",
           "本年收费金额（单位：万元）", 1, ">= 0", "无穷大");
    nb_findings_free(&f);
    f = check_text(seed_with("other_matters =", "processing_fees = { notices = 1, notified = -5, collected = 0 },\n"
                                               "  other_matters ="));
    assert_int_equal(f.n, 1);
    expect(finding(&f, "VALUE.INVALID"), "VALUE.INVALID", NB_SEV_ERROR, "六", "processing_fees.notified", "元", 1,
           ">= 0", "-5");
    /* the fees are a statement of section 六, not a table */
    assert_contains(finding(&f, "VALUE.INVALID")->message, "第六部分“通知收费金额”");
    assert_true(strstr(finding(&f, "VALUE.INVALID")->message, "表六") == NULL);
    nb_findings_free(&f);
    /* passing: a fee with decimals, in 万元 and in 元 */
    f = check_text(seed_with("fees = 0,", "fees = 5125.11, "));
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    f = check_text(seed_with("other_matters =", "processing_fees = { notices = 1, notified = 12.5, collected = 12.5 },\n"
                                               "  other_matters ="));
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
}

static void value_blank(void **state)
{
    (void)state;
    nb_findings f = check_text(seed_with("state_secret = { 0, 0,", "state_secret = { 0, \"/\","));
    assert_int_equal(f.n, 1);
    expect(finding(&f, "VALUE.BLANK"), "VALUE.BLANK", NB_SEV_WARNING, "三", "withheld.state_secret", "商业企业", 2,
           "0", "空白");
    assert_int_equal(errors_in(&f), 0);
    nb_findings_free(&f);
    f = check_text(seed_with("punishment = 0", "punishment = \"—\""));
    expect(finding(&f, "VALUE.BLANK"), "VALUE.BLANK", NB_SEV_WARNING, "二", "proactive.punishment",
           "本年处理决定数量", 1, "0", "空白");
    nb_findings_free(&f);
    /* a sum that counts a blank as 0 says so, and only then */
    f = check_text(seed_with("carried_over = { 0, 0, 0, 0, 0, 0, 0 }", "carried_over = { 1, 0, 0, 0, 0, 0, 1 }"));
    const nb_finding *x = finding(&f, "T3.BALANCE");
    assert_non_null(x);
    assert_true(strstr(x->message, "空白单元格") == NULL);
    nb_findings_free(&f);
    f = check_text(replace_first(seed_with("carried_over = { 0, 0, 0, 0, 0, 0, 0 }", "carried_over = { 1, 0, 0, 0, 0, 0, 1 }"),
                                 "new = { 0, 0, 0, 0, 0, 0, 0 }", "new = { \"\", 0, 0, 0, 0, 0, 0 }"));
    x = nth(&f, "T3.BALANCE", 0);
    assert_non_null(x);
    assert_string_equal(x->column, "自然人");
    assert_contains(x->message, "（其中 1 个空白单元格按 0 计）");
    nb_findings_free(&f);
    /* a 总计 the loader derived for a row the file leaves out is no blank of the file's */
    f = check_text(replace_first(seed_with("      no_correction = { 0, 0, 0, 0, 0, 0, 0 },", ""),
                                 "    total = { 0, 0, 0, 0, 0, 0, 0 }", "    total = { 0, 0, 0, 0, 0, 0, 1 }"));
    x = NULL;
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].id, "T3.RESULT_TOTAL") == 0 && strcmp(f.items[i].column, "总计") == 0)
            x = &f.items[i];
    assert_non_null(x);
    assert_true(strstr(x->message, "空白单元格") == NULL);
    nb_findings_free(&f);
}

/* Only the file's own cells are judged: a 总计 the loader derived is not reported again
 * (as "nan" or "blank") for the invalid or blank cell it was summed from. */
static void derived_cells_not_reported(void **state)
{
    (void)state;
    nb_findings f = check_text(seed_with("new = { 0, 0, 0, 0, 0, 0, 0 }", "new = { -1, 0, 0, 0, 0, 0 }"));
    assert_int_equal(count_findings(&f, "VALUE.INVALID"), 1);
    expect(finding(&f, "VALUE.INVALID"), "VALUE.INVALID", NB_SEV_ERROR, "三", "new", "自然人", 1, "整数 >= 0", "-1");
    nb_findings_free(&f);
    /* no （七）总计 row in the file, one result blank: one warning, for that cell */
    f = check_text(seed_with("total = { 0, 0, 0, 0, 0, 0, 0 },", ""));
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    f = check_text(replace_first(seed_with("total = { 0, 0, 0, 0, 0, 0, 0 },", ""),
                                 "disclosed = { 0, 0, 0, 0, 0, 0, 0 }", "disclosed = { \"\", 0, 0, 0, 0, 0, 0 }"));
    assert_int_equal(f.n, 1);
    expect(finding(&f, "VALUE.BLANK"), "VALUE.BLANK", NB_SEV_WARNING, "三", "disclosed", "自然人", 1, "0", "空白");
    nb_findings_free(&f);
}

static void section_missing(void **state)
{
    (void)state;
    nb_findings f = check_text(seed_with("other_matters = \"2024 年度未收取政府信息公开处理费。\"",
                                         "other_matters = \" \\n \""));
    assert_int_equal(f.n, 1);
    const nb_finding *x = finding(&f, "SECTION.MISSING");
    expect(x, "SECTION.MISSING", NB_SEV_ERROR, "六", "other_matters", "", 0, "有内容", "缺失");
    assert_contains(x->message, "六、其他需要报告的事项");
    nb_findings_free(&f);
    f = check_text(seed_with("carried_forward = { 0, 0, 0, 0, 0, 0, 0 },", ""));
    expect(finding(&f, "SECTION.MISSING"), "SECTION.MISSING", NB_SEV_ERROR, "三", "carried_forward", "", 0,
           "有内容", "缺失");
    nb_findings_free(&f);
    f = check_text(seed_with("licensing = 0,", ""));
    expect(finding(&f, "SECTION.MISSING"), "SECTION.MISSING", NB_SEV_ERROR, "二", "proactive.licensing", "", 0,
           "有内容", "缺失");
    nb_findings_free(&f);
    f = check_text(seed_with("litigation_direct = { upheld = 0, corrected = 0,", "litigation_direct = { upheld = 0,"));
    x = finding(&f, "SECTION.MISSING");
    expect(x, "SECTION.MISSING", NB_SEV_ERROR, "四", "litigation_direct", "", 0, "有内容", "缺失");
    assert_contains(x->message, "结果纠正");
    nb_findings_free(&f);
    /* with its 总计 left out, neither */
    f = check_text(seed_with("litigation_direct = { upheld = 0, corrected = 0, other = 0, pending = 0, total = 0",
                             "litigation_direct = { upheld = 3, corrected = 0, other = 0, pending = 0"));
    assert_int_equal(f.n, 1);
    assert_non_null(finding(&f, "SECTION.MISSING"));
    nb_findings_free(&f);
    /* with a cell left out, the group's 总计 cannot be checked: no T4.TOTAL beside the missing */
    f = check_text(seed_with("litigation_direct = { upheld = 0, corrected = 0, other = 0, pending = 0, total = 0",
                             "litigation_direct = { upheld = 0, other = 0, pending = 0, total = 1"));
    assert_int_equal(f.n, 1);
    assert_non_null(finding(&f, "SECTION.MISSING"));
    nb_findings_free(&f);
    /* the report's year and agency (no section of their own) */
    f = check_text(seed_with("  year = 2024,", ""));
    assert_int_equal(f.n, 1);
    x = finding(&f, "SECTION.MISSING");
    expect(x, "SECTION.MISSING", NB_SEV_ERROR, "", "year", "", 0, "有内容", "缺失");
    assert_contains(x->message, "年度");
    nb_findings_free(&f);
    f = check_text(seed_with("agency = \"延津县商务局\",", "agency = \" \","));
    assert_int_equal(f.n, 1);
    x = finding(&f, "SECTION.MISSING");
    expect(x, "SECTION.MISSING", NB_SEV_ERROR, "", "agency", "", 0, "有内容", "缺失");
    assert_contains(x->message, "为空");
    nb_findings_free(&f);
    f = check_text(seed_with("agency = \"延津县商务局\",", ""));
    assert_contains(finding(&f, "SECTION.MISSING")->message, "缺少机关名称");
    nb_findings_free(&f);
    /* a whole table */
    nb_report *r = seed_report();
    r->has_appeals = 0;
    f = run(r, NULL);
    assert_int_equal(f.n, 1);
    expect(finding(&f, "SECTION.MISSING"), "SECTION.MISSING", NB_SEV_ERROR, "四", "appeals", "", 0, "有内容", "缺失");
    nb_findings_free(&f);
    nb_report_free(r);
}

/* ---------- the 2019 trial format ---------- */

/* A whole trial-format table 二 as the importer writes it (r09 of the review): signed
 * 本年增/减, and 采购总金额, an amount. */
#define TRIAL_ROWS                                                                                   \
    "[\"规章\"] = { 0, 0, 0 }, [\"规范性文件\"] = { 3, 3, 17 }, [\"行政许可\"] = { 45, -2, 1380 }, " \
    "[\"其他对外管理服务事项\"] = { 12, 0, 56 }, [\"行政处罚\"] = { 120, 3, 214 }, "                 \
    "[\"行政强制\"] = { 8, 0, 6 }, [\"行政事业性收费\"] = { 4, -1 }, [\"政府集中采购\"] = { 23, %s }"

static char *trial_with(const char *purchase_amount)
{
    char rows[1024];
    snprintf(rows, sizeof rows, TRIAL_ROWS, purchase_amount);
    return trial_seed(rows);
}

static void trial_amount_is_no_count(void **state)
{
    (void)state;
    /* a 2020 report in the trial format, with a decimal 采购总金额: nothing to report */
    nb_findings f = check_text(trial_with("1456.8"));
    for (size_t i = 0; i < f.n; i++)
        print_error("unexpected %s: %s\n", f.items[i].id, f.items[i].message);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    /* the amount must still be a finite number >= 0, named by its column */
    f = check_text(trial_with("-3.5"));
    assert_int_equal(f.n, 1);
    expect(finding(&f, "VALUE.INVALID"), "VALUE.INVALID", NB_SEV_ERROR, "二", "proactive_2019", "采购总金额", 2,
           ">= 0", "-3.5");
    assert_contains(f.items[0].message, "政府集中采购");
    assert_contains(f.items[0].message, "金额");
    nb_findings_free(&f);
}

static void trial_counts_stay_integers(void **state)
{
    (void)state;
    /* 采购项目数量 is a count */
    char rows[1024];
    snprintf(rows, sizeof rows, TRIAL_ROWS, "1456.8");
    char *text = replace_first(trial_seed(rows), "{ 23, 1456.8 }", "{ 2.5, 1456.8 }");
    nb_findings f = check_text(text);
    assert_int_equal(f.n, 1);
    expect(finding(&f, "VALUE.INVALID"), "VALUE.INVALID", NB_SEV_ERROR, "二", "proactive_2019", "采购项目数量", 1,
           "整数 >= 0", "2.5");
    nb_findings_free(&f);
    /* 本年增/减 may be negative, 上一年项目数量 may not */
    f = check_text(replace_first(trial_with("1"), "{ 45, -2, 1380 }", "{ -45, -2, 1380 }"));
    assert_int_equal(f.n, 1);
    expect(finding(&f, "VALUE.INVALID"), "VALUE.INVALID", NB_SEV_ERROR, "二", "proactive_2019", "上一年项目数量", 1,
           "整数 >= 0", "-45");
    nb_findings_free(&f);
    /* and a change is a whole number */
    f = check_text(replace_first(trial_with("1"), "{ 4, -1 }", "{ 4, -1.5 }"));
    assert_int_equal(f.n, 1);
    expect(finding(&f, "VALUE.INVALID"), "VALUE.INVALID", NB_SEV_ERROR, "二", "proactive_2019", "本年增/减", 2,
           "整数", "-1.5");
    nb_findings_free(&f);
}

static void old_template(void **state)
{
    (void)state;
    nb_findings f = check_text(replace_first(trial_with("1"), "year = 2020", "year = 2024"));
    assert_int_equal(f.n, 1);
    expect(finding(&f, "FORMAT.OLD_TEMPLATE"), "FORMAT.OLD_TEMPLATE", NB_SEV_ERROR, "二", "", "", 0, "2021", "2019");
    assert_contains(f.items[0].message, "2024");
    nb_findings_free(&f);
    /* a 2020 report may still use the trial format */
    f = check_text(trial_with("1"));
    assert_int_equal(count_findings(&f, "FORMAT.OLD_TEMPLATE"), 0);
    nb_findings_free(&f);
}

/* FORMAT.MIXED_TEMPLATE: a 2021 table 三 that keeps the trial format's single （六）其他处理
 * row (imported as other.other, rows 1. and 2. blank or left out). */
static char *blank_other_rows(char *text)
{
    text = replace_first(text, "no_correction = { 0, 0, 0, 0, 0, 0, 0 }",
                         "no_correction = { \"\", \"\", \"\", \"\", \"\", \"\", \"\" }");
    return replace_first(text, "no_fee_payment = { 0, 0, 0, 0, 0, 0, 0 }",
                         "no_fee_payment = { \"/\", \"/\", \"/\", \"/\", \"/\", \"/\", \"/\" }");
}

static void mixed_template(void **state)
{
    (void)state;
    nb_findings f = check_text(blank_other_rows(seed_text()));
    assert_int_equal(count_findings(&f, "FORMAT.MIXED_TEMPLATE"), 1);
    expect(finding(&f, "FORMAT.MIXED_TEMPLATE"), "FORMAT.MIXED_TEMPLATE", NB_SEV_WARNING, "三", "other.other",
           "", 0, "2021", "2019");
    assert_contains(finding(&f, "FORMAT.MIXED_TEMPLATE")->message, "（六）其他处理");
    assert_int_equal(errors_in(&f), 0);
    nb_findings_free(&f);
    /* rows 1. and 2. left out of the file: the same shape */
    char *text = replace_first(seed_text(), "no_correction = { 0, 0, 0, 0, 0, 0, 0 },", "");
    f = check_text(replace_first(text, "no_fee_payment = { 0, 0, 0, 0, 0, 0, 0 },", ""));
    assert_int_equal(count_findings(&f, "FORMAT.MIXED_TEMPLATE"), 1);
    nb_findings_free(&f);
    /* one of them blank is a blank row, not the trial shape */
    f = check_text(seed_with("no_correction = { 0, 0, 0, 0, 0, 0, 0 }",
                             "no_correction = { \"\", \"\", \"\", \"\", \"\", \"\", \"\" }"));
    assert_int_equal(count_findings(&f, "FORMAT.MIXED_TEMPLATE"), 0);
    nb_findings_free(&f);
    /* other.other blank as well: nothing kept from the trial format */
    f = check_text(replace_first(blank_other_rows(seed_text()), "other = { 0, 0, 0, 0, 0, 0, 0 }",
                                 "other = { \"\", \"\", \"\", \"\", \"\", \"\", \"\" }"));
    assert_int_equal(count_findings(&f, "FORMAT.MIXED_TEMPLATE"), 0);
    nb_findings_free(&f);
    /* a trial-format report has that row by its format */
    f = check_text(blank_other_rows(trial_with("1")));
    assert_int_equal(count_findings(&f, "FORMAT.MIXED_TEMPLATE"), 0);
    nb_findings_free(&f);
}

/* ---------- against last year's report ---------- */

static void year_carry(void **state)
{
    (void)state;
    nb_report *prev = consistent(); /* carries 1 forward (自然人) */
    nb_report *now = consistent();  /* and took 1 over: passes */
    expect_none(now, prev);
    nb_report *seed = seed_report(); /* took 0 over */
    nb_findings f = run(seed, prev);
    assert_int_equal(f.n, 2);
    expect(nth(&f, "YEAR.CARRY", 0), "YEAR.CARRY", NB_SEV_ERROR, "三", "carried_over", "自然人", 1, "1", "0");
    expect(nth(&f, "YEAR.CARRY", 1), "YEAR.CARRY", NB_SEV_ERROR, "三", "carried_over", "总计", 7, "1", "0");
    nb_findings_free(&f);
    nb_report_free(seed);
    nb_report_free(now);
    nb_report_free(prev);
}

static void year_in_force(void **state)
{
    (void)state;
    nb_report *prev = seed_report();
    prev->proactive[2].count = 3;  /* regulations in force last year */
    prev->proactive[5].count = 10; /* normative documents */
    nb_report *now = seed_report();
    now->proactive[0].count = 1;   /* 3 + 1 - 0 = 4 */
    now->proactive[2].count = 4;
    now->proactive[3].count = 2;   /* 10 + 2 - 5 = 7 */
    now->proactive[4].count = 5;
    now->proactive[5].count = 7;
    expect_none(now, prev);
    now->proactive[2].count = 3;
    now->proactive[5].count = 12;
    nb_findings f = run(now, prev);
    assert_int_equal(f.n, 2);
    expect(nth(&f, "YEAR.IN_FORCE", 0), "YEAR.IN_FORCE", NB_SEV_WARNING, "二", "proactive.regulations.in_force",
           "现行有效件数", 3, "4", "3");
    expect(nth(&f, "YEAR.IN_FORCE", 1), "YEAR.IN_FORCE", NB_SEV_WARNING, "二",
           "proactive.normative_documents.in_force", "现行有效件数", 3, "7", "12");
    assert_int_equal(errors_in(&f), 0);
    nb_findings_free(&f);
    /* without last year's report, no year check runs */
    expect_none(now, NULL);
    nb_report_free(now);
    nb_report_free(prev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_and_consistent_pass),
        cmocka_unit_test(t3_balance),
        cmocka_unit_test(t3_result_total),
        cmocka_unit_test(t3_row_total),
        cmocka_unit_test(t4_total),
        cmocka_unit_test(value_invalid_counts),
        cmocka_unit_test(value_invalid_amounts),
        cmocka_unit_test(value_blank),
        cmocka_unit_test(derived_cells_not_reported),
        cmocka_unit_test(section_missing),
        cmocka_unit_test(old_template),
        cmocka_unit_test(trial_amount_is_no_count),
        cmocka_unit_test(trial_counts_stay_integers),
        cmocka_unit_test(mixed_template),
        cmocka_unit_test(year_carry),
        cmocka_unit_test(year_in_force),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
