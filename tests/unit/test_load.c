/* The loader on good files and on every kind of shape error: each error names the file, the
 * key path and what was expected. Hostile files are in test_sandbox.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "load.h"
#include "testutil.h"

/* ---------- good files ---------- */

/* The numbers of one table in the published seed text: every tab-separated field that is
 * all digits, between the headings `from` and `to`. */
static size_t published_numbers(const char *text, const char *from, const char *to, long *out, size_t max)
{
    const char *p = strstr(text, from), *end = strstr(text, to);
    assert_non_null(p);
    assert_non_null(end);
    size_t n = 0;
    while (p < end) {
        size_t len = strcspn(p, "\t\n");
        int digits = len > 0;
        for (size_t i = 0; i < len; i++)
            digits &= p[i] >= '0' && p[i] <= '9';
        if (digits && n < max)
            out[n++] = strtol(p, NULL, 10);
        p += len + (p[len] != '\0');
    }
    return n;
}

static void seed_numbers_match_publication(void **state)
{
    (void)state;
    nb_report *r = seed_report();
    char *pub = read_file(NB_SHARED_DIR "/000_49be5e48092c958c.txt", NULL);
    assert_non_null(pub);
    long nums[200];
    /* table 二: 10 numbers in the order of the schema */
    assert_int_equal(published_numbers(pub, "二、主动公开政府信息情况", "三、收到和处理", nums, 200), NB_T2_CELLS);
    assert_true(r->has_proactive);
    for (int i = 0; i < NB_T2_CELLS; i++) {
        assert_int_equal(r->proactive[i].state, NB_CELL_VALUE);
        if (nb_t2_cells[i].is_amount)
            assert_true(r->proactive[i].amount == (double)nums[i]);
        else
            assert_int_equal(r->proactive[i].count, nums[i]);
    }
    /* table 三: 25 rows x 7 */
    assert_int_equal(published_numbers(pub, "三、收到和处理", "四、政府信息公开行政复议", nums, 200),
                     NB_T3_ROWS * NB_T3_COLS);
    for (int k = 0; k < NB_T3_ROWS; k++) {
        assert_true(r->total_given[k]);
        for (int c = 0; c < NB_T3_COLS; c++) {
            assert_int_equal(r->requests[k][c].state, NB_CELL_VALUE);
            assert_int_equal(r->requests[k][c].count, nums[k * NB_T3_COLS + c]);
        }
    }
    assert_true(r->total_row_given);
    /* table 四: 15 */
    assert_int_equal(published_numbers(pub, "四、政府信息公开行政复议", "五、存在的主要问题", nums, 200),
                     NB_T4_GROUPS * NB_T4_COLS);
    for (int g = 0; g < NB_T4_GROUPS; g++)
        for (int k = 0; k < NB_T4_COLS; k++) {
            assert_int_equal(r->appeals[g][k].state, NB_CELL_VALUE);
            assert_int_equal(r->appeals[g][k].count, nums[g * NB_T4_COLS + k]);
        }
    assert_false(r->has_processing_fees);
    free(pub);
    nb_report_free(r);
}

static void seed_texts_match_publication(void **state)
{
    (void)state;
    static const char *const numerals[] = {"一", "二", "三", "四", "五"};
    nb_report *r = seed_report();
    char *pub = read_file(NB_SHARED_DIR "/000_49be5e48092c958c.txt", NULL);
    assert_non_null(pub);
    assert_int_equal(r->format, 2021);
    assert_int_equal(r->year, 2024);
    assert_string_equal(r->agency, "延津县商务局");
    assert_string_equal(r->title, "延津县商务局 2024 年政府信息公开工作年度报告");
    assert_contains(pub, r->title);
    /* the published paragraphs read "(一) heading：text" */
    assert_int_equal(r->n_overview, 5);
    for (size_t i = 0; i < r->n_overview; i++) {
        size_t n = strlen(r->overview[i].heading) + strlen(r->overview[i].text) + 32;
        char *para = malloc(n);
        snprintf(para, n, "\n(%s) %s：%s\n", numerals[i], r->overview[i].heading, r->overview[i].text);
        assert_contains(pub, para);
        free(para);
    }
    const char *texts[] = {r->problems, r->improvements, r->other_matters};
    for (int i = 0; i < 3; i++) {
        assert_non_null(texts[i]);
        assert_true(strlen(texts[i]) > 10);
        assert_contains(pub, texts[i]);
    }
    free(pub);
    nb_report_free(r);
}

static void bom_is_accepted(void **state)
{
    (void)state;
    char *text = seed_text();
    size_t n = strlen(text);
    char *bom = malloc(n + 4);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, text, n + 1);
    char err[NB_ERROR_MAX];
    nb_report *r = load_text(bom, err, sizeof err);
    if (!r)
        fail_msg("a BOM was refused: %s", err);
    assert_string_equal(r->agency, "延津县商务局");
    nb_report_free(r);
    free(bom);
    free(text);
}

static void load_file_and_missing_file(void **state)
{
    (void)state;
    nb_error err;
    nb_report *r = nb_load_file("reports/yanjin-commerce-2024.lua", &err);
    if (!r)
        fail_msg("%s", err.message);
    assert_int_equal(r->year, 2024);
    nb_report_free(r);
    assert_null(nb_load_file("reports/no-such-file.lua", &err));
    assert_contains(err.message, "reports/no-such-file.lua");
    assert_contains(err.message, "无法打开文件");
}

static void six_values_and_blanks(void **state)
{
    (void)state;
    char *text = seed_with("new = { 0, 0, 0, 0, 0, 0, 0 }", "new = { 3, 0, \"/\", \"—\", \"\", 2 }");
    char err[NB_ERROR_MAX];
    nb_report *r = load_text(text, err, sizeof err);
    if (!r)
        fail_msg("%s", err);
    assert_false(r->total_given[NB_T3_NEW]);
    assert_int_equal(r->requests[NB_T3_NEW][0].count, 3);
    for (int c = 2; c <= 4; c++)
        assert_int_equal(r->requests[NB_T3_NEW][c].state, NB_CELL_BLANK);
    assert_int_equal(r->requests[NB_T3_NEW][6].state, NB_CELL_VALUE);
    assert_int_equal(r->requests[NB_T3_NEW][6].count, 5);
    nb_report_free(r);
    free(text);
}

static void fee_amount_is_decimal(void **state)
{
    (void)state;
    char *text = seed_with("fees = 0,", "fees = 5125.11,");
    nb_report *r = load_text(text, NULL, 0);
    assert_non_null(r);
    assert_int_equal(r->proactive[NB_T2_CELLS - 1].state, NB_CELL_VALUE);
    assert_true(r->proactive[NB_T2_CELLS - 1].amount == 5125.11);
    nb_report_free(r);
    free(text);
}

/* ---------- shape errors ---------- */

/* Load `text` (freed here), expect a refusal whose message holds every one of the needles. */
static void refused(char *text, const char *const *needles)
{
    char err[NB_ERROR_MAX];
    nb_report *r = load_text(text, err, sizeof err);
    free(text);
    if (r) {
        nb_report_free(r);
        fail_msg("the file was accepted; expected an error with \"%s\"", needles[0]);
    }
    assert_contains(err, "test.lua");
    for (const char *const *n = needles; *n; n++)
        assert_contains(err, *n);
}

#define REFUSED(text, ...) refused((text), (const char *const[]){__VA_ARGS__, NULL})

static void unknown_key_suggests(void **state)
{
    (void)state;
    REFUSED(seed_with("state_secret =", "state_secrt ="),
            "requests.withheld.state_secrt", "未知的键", "state_secret");
    REFUSED(seed_with("agency =", "agnecy ="), "agnecy", "未知的键", "“agency”");
    REFUSED(seed_with("review = {", "reveiw = {"), "appeals.reveiw", "review");
    REFUSED(seed_with("upheld = 0, corrected", "upheld = 0, corected"), "appeals.review.corected", "corrected");
    /* far from every key: no suggestion, still named */
    REFUSED(seed_with("licensing = 0,", "licensing = 0, zzzzzz = 1,"), "proactive.zzzzzz", "未知的键");
}

/* Tens of thousands of unknown keys: as many as fit are listed, each with its line, and the
 * others counted. Each listed one costs a scan of the file for its line; every one did (a
 * minute for 40,000 keys in a Release build). */
static size_t occurrences(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void many_unknown_keys_are_counted(void **state)
{
    (void)state;
    enum { KEYS = 40000 };
    size_t cap = (size_t)KEYS * 16 + 100, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    len += (size_t)snprintf(text + len, cap - len, "return { format = 2021, agency = \"a\", year = 2024,\n");
    for (int i = 0; i < KEYS; i++)
        len += (size_t)snprintf(text + len, cap - len, "k%d = true,\n", i);
    snprintf(text + len, cap - len, "}");
    char err[NB_ERROR_MAX];
    assert_null(load_text(text, err, sizeof err));
    size_t listed = occurrences(err, "未知的键");
    assert_true(listed >= 5 && listed < 100);
    char tail[80];
    snprintf(tail, sizeof tail, "……另有 %zu 处问题未列出", (size_t)KEYS - listed);
    assert_contains(err, tail);
    assert_contains(err, ".lua:"); /* the listed ones keep their line */
    free(text);
}

/* A number key where names belong: a position is named as such, a float key is no
 * position (it used to read "第 0 项"). */
static void number_keys(void **state)
{
    (void)state;
    char err[4096];
    assert_null(load_text("return { agency = 'x', [3] = 1 }", err, sizeof err));
    assert_contains(err, "第 3 项");
    assert_null(load_text("return { agency = 'x', [1.5] = 1 }", err, sizeof err));
    assert_contains(err, "test.lua");
    assert_contains(err, "键必须是字符串，实际为数字");
    assert_null(strstr(err, "第 0 项"));
}

static void count_of_wrong_type(void **state)
{
    (void)state;
    REFUSED(seed_with("state_secret = { 0, 0, 0,", "state_secret = { 0, 0, {},"),
            "requests.withheld.state_secret[3]", "非负整数", "表");
    REFUSED(seed_with("state_secret = { 0, 0, 0,", "state_secret = { 0, 0, true,"),
            "requests.withheld.state_secret[3]", "布尔值");
    REFUSED(seed_with("licensing = 0", "licensing = \"三\""), "proactive.licensing", "字符串");
    REFUSED(seed_with("pending = 0, total = 0 },\n    litigation_direct",
                      "pending = \"0件\", total = 0 },\n    litigation_direct"),
            "appeals.review.pending");
    REFUSED(seed_with("new = { 0, 0, 0, 0, 0, 0, 0 }", "new = 0"), "requests.new", "6 或 7 个数字");
    REFUSED(strdup("return { requests = { withheld = 5 } }"), "requests.withheld", "应为表", "数字");
    REFUSED(seed_with("year = 2024", "year = \"2024\""), "year", "整数");
}

static void wrong_row_length(void **state)
{
    (void)state;
    REFUSED(seed_with("new = { 0, 0, 0, 0, 0, 0, 0 }", "new = { 0, 0, 0, 0, 0 }"),
            "requests.new", "6 或 7 个数字", "5 个");
    REFUSED(seed_with("third_party = { 0, 0, 0, 0, 0, 0, 0 }", "third_party = { 0, 0, 0, 0, 0, 0, 0, 0 }"),
            "requests.withheld.third_party", "8 个");
    REFUSED(seed_with("new = { 0, 0, 0, 0, 0, 0, 0 }", "new = { 0, nil, 0, 0, 0, 0, 0 }"),
            "requests.new", "第 2 项缺失");
    REFUSED(seed_with("new = { 0, 0, 0, 0, 0, 0, 0 }", "new = { 0, 0, 0, 0, 0, 0, x = 0 }"),
            "requests.new", "键“x”");
}

static void text_of_wrong_type(void **state)
{
    (void)state;
    REFUSED(seed_with("agency = \"延津县商务局\"", "agency = 5"), "agency", "文字", "数字");
    REFUSED(seed_with("text = \"未收到依申请公开政府信息。\"", "text = { \"未收到\" }"),
            "overview[2].text", "文字", "表");
    REFUSED(seed_with("heading = \"主动公开\",", "heading = true,"), "overview[1].heading", "布尔值");
    REFUSED(seed_with("problems = \"", "problems = 1, x = \""), "x");
    REFUSED(seed_with("text = \"未收到依申请公开政府信息。\"", "txt = \"未收到依申请公开政府信息。\""),
            "overview[2].txt", "text");
}

static void invalid_utf8(void **state)
{
    (void)state;
    /* by escape, and as raw bytes in the file */
    REFUSED(seed_with("agency = \"延津县商务局\"", "agency = \"延津\\xff县\""), "agency", "UTF-8", "第 7 字节");
    REFUSED(seed_with("agency = \"延津县商务局\"", "agency = \"\xe5\xbb\""), "agency", "UTF-8");
    REFUSED(seed_with("problems = \"存在", "problems = \"\xc0\xaf存在"), "problems", "UTF-8");
}

static void nul_bytes(void **state)
{
    (void)state;
    REFUSED(seed_with("agency = \"延津县商务局\"", "agency = \"延津\\0县\""), "agency", "NUL");
    REFUSED(seed_with("improvements = \"", "improvements = \"\\u{0}"), "improvements", "NUL");
    /* a raw NUL in the file: refused before running anything, with its line */
    char text[] = "return {\n agency = \"a\0b\" }";
    nb_error err;
    assert_null(nb_load_buffer(text, sizeof text - 1, "nul.lua", NULL, &err));
    assert_contains(err.message, "nul.lua:2");
    assert_contains(err.message, "NUL");
}

/* ---------- the 2019 trial format ---------- */

static const nb_row2019 *trial_row(const nb_report *r, const char *label)
{
    for (size_t i = 0; i < r->n_proactive_2019; i++)
        if (strcmp(r->proactive_2019[i].label, label) == 0)
            return &r->proactive_2019[i];
    fail_msg("no row %s", label);
    return NULL;
}

static void trial_cells_by_column(void **state)
{
    (void)state;
    char err[NB_ERROR_MAX];
    char *text = trial_seed("[\"行政许可\"] = { 45, -2, 1380 }, [\"政府集中采购\"] = { 23, 1456.8 }, "
                            "[\"行政事业性收费\"] = { 4, 0 }");
    nb_report *r = load_text(text, err, sizeof err);
    free(text);
    if (!r)
        fail_msg("refused: %s", err);
    const nb_row2019 *p = trial_row(r, "政府集中采购");
    assert_int_equal(p->n_values, 2);
    assert_int_equal(p->values[0].count, 23);
    assert_int_equal(p->values[1].state, NB_CELL_VALUE); /* 采购总金额 is an amount */
    assert_true(p->values[1].amount == 1456.8);
    const nb_row2019 *l = trial_row(r, "行政许可");
    assert_int_equal(l->values[1].state, NB_CELL_VALUE); /* 本年增/减 is signed */
    assert_int_equal(l->values[1].count, -2);
    nb_report_free(r);
    /* a row has at most its columns */
    REFUSED(trial_seed("[\"行政事业性收费\"] = { 4, 0, 1 }"), "proactive_2019.行政事业性收费", "2");
}

/* FORMAT §2: unknown keys are errors that name the key and suggest the nearest valid one. */
static void trial_unknown_label(void **state)
{
    (void)state;
    REFUSED(trial_seed("[\"规范文件\"] = { 1, 1, 1 }"), "proactive_2019.规范文件", "未知的键", "“规范性文件”");
    /* far from every label: the nearest is still named, with the list */
    REFUSED(trial_seed("[\"乱写\"] = { 1 }"), "proactive_2019.乱写", "未知的键", "政府集中采购", "是否应为“");
}

/* Each format has its own table 二: the other one is refused, naming both. */
static void trial_table_matches_format(void **state)
{
    (void)state;
    REFUSED(seed_with("  proactive = {", "  proactive_2019 = { [\"规章\"] = { 0, 0, 0 } },\n  proactive = {"),
            "proactive_2019", "format = 2019", "2021");
    REFUSED(replace_first(seed_with("format = 2021", "format = 2019"), "year = 2024", "year = 2020"),
            "test.lua:", "proactive", "proactive_2019", "format = 2019");
}

static void not_a_table_and_syntax(void **state)
{
    (void)state;
    REFUSED(strdup("return 5"), "必须返回一个表", "数字");
    REFUSED(strdup("return"), "必须返回一个表", "nil");
    REFUSED(strdup("return nil, {}"), "必须返回一个表", "nil");
    REFUSED(strdup("return {"), "语法错误", "test.lua:1");
    REFUSED(strdup("return { 1, 2 }"), "按位置排列");
    REFUSED(strdup("return { format = 2020 }"), "format", "2021");
    REFUSED(strdup("return { [true] = 1 }"), "键必须是字符串");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_numbers_match_publication),
        cmocka_unit_test(seed_texts_match_publication),
        cmocka_unit_test(bom_is_accepted),
        cmocka_unit_test(load_file_and_missing_file),
        cmocka_unit_test(six_values_and_blanks),
        cmocka_unit_test(fee_amount_is_decimal),
        cmocka_unit_test(unknown_key_suggests),
        cmocka_unit_test(number_keys),
        cmocka_unit_test(count_of_wrong_type),
        cmocka_unit_test(wrong_row_length),
        cmocka_unit_test(text_of_wrong_type),
        cmocka_unit_test(invalid_utf8),
        cmocka_unit_test(many_unknown_keys_are_counted),
        cmocka_unit_test(nul_bytes),
        cmocka_unit_test(not_a_table_and_syntax),
        cmocka_unit_test(trial_cells_by_column),
        cmocka_unit_test(trial_unknown_label),
        cmocka_unit_test(trial_table_matches_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
