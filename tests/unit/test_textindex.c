/* The C text index (host/textindex.c): normalisation, sentences and clauses, numbers with
 * their units and forms, Chinese numerals, and refusal of invalid UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "textindex.h"

#include <utf8proc.h>

static char *span(const nb_textindex *t, nb_span s)
{
    static char buf[4][256];
    static int k;
    char *b = buf[k++ % 4];
    snprintf(b, sizeof buf[0], "%.*s", (int)s.len, t->text + s.start);
    return b;
}

static void normalises_width_spaces_separators_and_counters(void **state)
{
    (void)state;
    nb_textindex t;
    assert_int_equal(nb_textindex_build("共收到申请　１,２３４ 件，两件\t已办结；2024 年", &t), 0);
    assert_string_equal(t.text, "共收到申请1234件,2件已办结;2024年");
    assert_int_equal(t.len, strlen(t.text));
    nb_textindex_free(&t);
    /* 1,234,567 loses both separators; 12,34 keeps its comma (not a thousands group) */
    assert_int_equal(nb_textindex_build("1,234,567元和12,34件", &t), 0);
    assert_string_equal(t.text, "1234567元和12,34件");
    nb_textindex_free(&t);
    /* numerals before no counter stay as written */
    assert_int_equal(nb_textindex_build("第二次，第二部分，一百零五条", &t), 0);
    assert_string_equal(t.text, "第2次,第二部分,105条");
    nb_textindex_free(&t);
}

static void sentences_and_clauses(void **state)
{
    (void)state;
    nb_textindex t;
    assert_int_equal(nb_textindex_build("。甲，乙（丙）；丁！！戊：己、庚？", &t), 0);
    assert_int_equal(t.nsentences, 3);
    assert_string_equal(span(&t, t.sentences[0]), "甲,乙(丙)");
    assert_string_equal(span(&t, t.sentences[1]), "丁");
    assert_string_equal(span(&t, t.sentences[2]), "戊:己、庚");
    assert_int_equal(t.first_clause[0], 0);
    assert_int_equal(t.first_clause[1], 3);
    assert_int_equal(t.first_clause[2], 4);
    assert_int_equal(t.first_clause[3], t.nclauses);
    assert_int_equal(t.nclauses, 6);
    assert_string_equal(span(&t, t.clauses[1]), "乙");
    assert_string_equal(span(&t, t.clauses[2]), "丙");
    assert_string_equal(span(&t, t.clauses[5]), "己、庚"); /* 、 stays inside */
    nb_textindex_free(&t);
    assert_int_equal(nb_textindex_build("", &t), 0);
    assert_int_equal(t.nsentences, 0);
    assert_int_equal(t.nnumbers, 0);
    assert_string_equal(t.text, "");
    nb_textindex_free(&t);
}

static void numbers_units_and_forms(void **state)
{
    (void)state;
    nb_textindex t;
    assert_int_equal(nb_textindex_build("收到12件；两条，3.5万元，占１５％。共十次，百姓", &t), 0);
    assert_int_equal(t.nnumbers, 5);
    const char *units[] = {"件", "条", "万元", "%", "次"};
    const int forms[] = {NB_NUM_ARABIC, NB_NUM_CHINESE, NB_NUM_ARABIC, NB_NUM_ARABIC, NB_NUM_CHINESE};
    const double values[] = {12, 2, 3.5, 15, 10};
    const size_t sentences[] = {0, 1, 1, 1, 2};
    for (size_t i = 0; i < 5; i++) {
        const nb_number *n = &t.numbers[i];
        assert_string_equal(n->unit, units[i]);
        assert_int_equal(n->form, forms[i]);
        assert_true(n->value == values[i]);
        assert_int_equal(n->sentence, sentences[i]);
    }
    assert_true(t.numbers[0].integer);
    assert_int_equal(t.numbers[0].ivalue, 12);
    assert_false(t.numbers[2].integer);
    assert_int_equal(t.numbers[2].len, 3);
    assert_memory_equal(t.text + t.numbers[2].pos, "3.5", 3);
    nb_textindex_free(&t);
    /* too many digits for an integer: a value, but not an integer */
    assert_int_equal(nb_textindex_build("99999999999999999999999件", &t), 0);
    assert_int_equal(t.nnumbers, 1);
    assert_false(t.numbers[0].integer);
    assert_true(t.numbers[0].value > 9.9e22 && t.numbers[0].value < 1.1e23);
    nb_textindex_free(&t);
    /* the digits alone: no exponent or hexadecimal read past them */
    assert_int_equal(nb_textindex_build("3e5件0x1A条0.25元", &t), 0);
    assert_int_equal(t.nnumbers, 5);
    assert_true(t.numbers[0].value == 3 && t.numbers[1].value == 5);
    assert_true(t.numbers[2].value == 0 && t.numbers[3].value == 1);
    assert_true(t.numbers[4].value == 0.25);
    nb_textindex_free(&t);
}

static void chinese_numerals(void **state)
{
    (void)state;
    int64_t v;
    struct {
        const char *s;
        int64_t v;
    } cases[] = {{"三", 3}, {"十二", 12}, {"一百零五", 105}, {"两千零一十", 2010}, {"十", 10},
                 {"三万五千", 35000}, {"二零二四", 4}, {"〇", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(nb_cn_int(cases[i].s, strlen(cases[i].s), &v), 0);
        assert_int_equal(v, cases[i].v);
    }
    assert_int_equal(nb_cn_int("", 0, &v), -1);
    assert_int_equal(nb_cn_int("三件", strlen("三件"), &v), -1);
    assert_int_equal(nb_cn_int("\xe4\xb8", 2, &v), -1); /* a cut character */
}

static void invalid_utf8_is_refused(void **state)
{
    (void)state;
    nb_textindex t;
    assert_int_equal(nb_textindex_build("abc\xff", &t), -1);
    assert_null(t.text);
    assert_int_equal(t.nsentences, 0);
    nb_textindex_free(&t); /* harmless on the emptied index */
}

/* a long text with many sentences and numbers: every span stays inside the text */
static void long_text_spans_stay_inside(void **state)
{
    (void)state;
    size_t reps = 5000;
    const char *unit = "本年度收到申请 1,234 件，办结两件；";
    char *s = malloc(strlen(unit) * reps + 1);
    assert_non_null(s);
    s[0] = '\0';
    for (size_t i = 0, o = 0; i < reps; i++, o += strlen(unit))
        memcpy(s + o, unit, strlen(unit) + 1);
    nb_textindex t;
    assert_int_equal(nb_textindex_build(s, &t), 0);
    assert_int_equal(t.nsentences, reps);
    assert_int_equal(t.nclauses, 2 * reps);
    assert_int_equal(t.nnumbers, 2 * reps);
    for (size_t i = 0; i < t.nnumbers; i++) {
        assert_true(t.numbers[i].pos + t.numbers[i].len <= t.len);
        assert_int_equal(t.numbers[i].sentence, i / 2);
    }
    nb_textindex_free(&t);
    free(s);
}

/* The cuts-only build gives the full build's text, sentences and clauses, and no numbers */
static void cuts_only_build_equals_the_full_one_without_numbers(void **state)
{
    (void)state;
    static const char *const texts[] = {"共收到申请　１,２３４ 件，两件\t已办结；2024 年", "第二次，第二部分，一百零五条",
                                        "收到12件；两条，3.5万元，占１５％。共十次，百姓", "", "。甲，乙（丙）；丁！！戊：己、庚？"};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        nb_textindex full, cuts;
        assert_int_equal(nb_textindex_build(texts[k], &full), 0);
        assert_int_equal(nb_textindex_build_cuts(texts[k], &cuts), 0);
        assert_int_equal(cuts.nnumbers, 0);
        assert_string_equal(cuts.text, full.text);
        assert_int_equal(cuts.nsentences, full.nsentences);
        assert_int_equal(cuts.nclauses, full.nclauses);
        assert_memory_equal(cuts.sentences, full.sentences, full.nsentences * sizeof *full.sentences);
        assert_memory_equal(cuts.clauses, full.clauses, full.nclauses * sizeof *full.clauses);
        assert_memory_equal(cuts.first_clause, full.first_clause, (full.nsentences + 1) * sizeof *full.first_clause);
        if (k == 0)
            assert_true(full.nnumbers > 0);
        nb_textindex_free(&full);
        nb_textindex_free(&cuts);
    }
}

/* nb_text_nfkc against utf8proc_NFKC: every character of its fast path alone, then random
 * texts mixing them with characters that NFKC changes or composes (a combining accent after
 * a letter, compatibility ideographs, Hangul jamo, "…", half-width forms) and invalid bytes */
static int same_nfkc(const char *s)
{
    char *want = (char *)utf8proc_NFKC((const utf8proc_uint8_t *)s);
    char *got = nb_text_nfkc(s);
    int same = (want == NULL && got == NULL) || (want && got && strcmp(want, got) == 0);
    free(want);
    free(got);
    return same;
}

static void nfkc_fast_path_equals_utf8proc(void **state)
{
    (void)state;
    static const int32_t ranges[][2] = {{0x01, 0x7F},     {0x4E00, 0x9FFF}, {0xFF01, 0xFF5E}, {0x3000, 0x3002},
                                        {0x2018, 0x2019}, {0x201C, 0x201D}, {0x2014, 0x2014}, {0x3007, 0x3011},
                                        {0x3014, 0x3017}};
    size_t checked = 0;
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (int32_t c = ranges[r][0]; c <= ranges[r][1]; c++) {
            utf8proc_uint8_t buf[8] = {0};
            utf8proc_encode_char(c, buf);
            if (!same_nfkc((const char *)buf))
                fail_msg("U+%04X", (unsigned)c);
            checked++;
        }
    assert_true(checked > 21000);
    static const char *const pieces[] = {"a", "e", "1", ",", " ", "\n", "公", "开", "，", "１", "（", "）", "　", "。",
                                         "、", "“", "”", "《", "》", "【", "】", "〔", "—", "〇", "〈", "\xCC\x81" /* U+0301 */,
                                         "\xE2\x80\xA6" /* … */, "\xEF\xA4\x80" /* U+F900 */,
                                         "\xE1\x84\x80" /* U+1100 */, "\xE1\x85\xA1" /* U+1161 */,
                                         "\xEF\xBD\xA1" /* U+FF61 */, "\xC2\xB5" /* µ */, "\xFF", "\xE4\xB8"};
    srand(15);
    for (int i = 0; i < 20000; i++) {
        char s[128] = "";
        int n = rand() % 10;
        for (int k = 0; k < n; k++) {
            /* mostly characters of the fast path, so that whole texts of them are tried */
            size_t np = sizeof pieces / sizeof pieces[0];
            size_t pick = (size_t)rand() % (i % 3 == 0 ? np : 25); /* the first 25: the fast path's */
            strcat(s, pieces[pick]);
        }
        if (!same_nfkc(s))
            fail_msg("text %d: \"%s\"", i, s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(normalises_width_spaces_separators_and_counters),
        cmocka_unit_test(sentences_and_clauses),
        cmocka_unit_test(numbers_units_and_forms),
        cmocka_unit_test(chinese_numerals),
        cmocka_unit_test(invalid_utf8_is_refused),
        cmocka_unit_test(long_text_spans_stay_inside),
        cmocka_unit_test(nfkc_fast_path_equals_utf8proc),
        cmocka_unit_test(cuts_only_build_equals_the_full_one_without_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
