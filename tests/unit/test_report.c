/* The report model: derived 总计 column and （七）总计 row, and the derived title. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report.h"
#include "testutil.h"

static nb_cell value(int64_t v)
{
    nb_cell c = {NB_CELL_VALUE, v, (double)v};
    return c;
}

/* A report whose rows hold six applicant values each (as a file of 6-value rows gives). */
static nb_report *six_value_report(void)
{
    nb_report *r = nb_report_new();
    assert_non_null(r);
    r->has_requests = 1;
    for (int k = 0; k < NB_T3_ROWS; k++)
        for (int c = 0; c < NB_T3_APPLICANTS; c++)
            r->requests[k][c] = value(0);
    return r;
}

static void six_value_rows_get_a_total(void **state)
{
    (void)state;
    nb_report *r = six_value_report();
    int64_t row[6] = {5, 1, 0, 2, 0, 3};
    for (int c = 0; c < 6; c++)
        r->requests[NB_T3_NEW][c] = value(row[c]);
    nb_report_derive(r);
    assert_int_equal(r->requests[NB_T3_NEW][6].state, NB_CELL_VALUE);
    assert_int_equal(r->requests[NB_T3_NEW][6].count, 11);
    assert_int_equal(r->requests[NB_T3_CARRIED_OVER][6].state, NB_CELL_VALUE);
    assert_int_equal(r->requests[NB_T3_CARRIED_OVER][6].count, 0);
    nb_report_free(r);
}

static void seven_value_rows_keep_their_total(void **state)
{
    (void)state;
    nb_report *r = six_value_report();
    r->requests[NB_T3_NEW][0] = value(4);
    r->requests[NB_T3_NEW][6] = value(99); /* wrong on purpose: it must be kept, then checked */
    r->total_given[NB_T3_NEW] = 1;
    nb_report_derive(r);
    assert_int_equal(r->requests[NB_T3_NEW][6].count, 99);
    nb_report_free(r);
}

static void total_row_derived_when_absent(void **state)
{
    (void)state;
    nb_report *r = six_value_report();
    r->requests[NB_T3_FIRST_RESULT][0] = value(2);                   /* disclosed */
    r->requests[nb_t3_row_index("withheld.third_party")][1] = value(3);
    r->requests[NB_T3_LAST_RESULT][0] = value(4);                    /* other.other */
    r->requests[NB_T3_NEW][0] = value(100);                          /* not a result row */
    r->requests[NB_T3_CARRIED_FORWARD][0] = value(100);              /* nor this */
    nb_report_derive(r);
    assert_int_equal(r->requests[NB_T3_TOTAL][0].state, NB_CELL_VALUE);
    assert_int_equal(r->requests[NB_T3_TOTAL][0].count, 6);
    assert_int_equal(r->requests[NB_T3_TOTAL][1].count, 3);
    assert_int_equal(r->requests[NB_T3_TOTAL][2].count, 0);
    /* and the total row's own 总计 */
    assert_int_equal(r->requests[NB_T3_TOTAL][6].count, 9);
    nb_report_free(r);
}

static void total_row_kept_when_given(void **state)
{
    (void)state;
    nb_report *r = six_value_report();
    r->requests[NB_T3_FIRST_RESULT][0] = value(2);
    r->requests[NB_T3_TOTAL][0] = value(7);
    r->total_row_given = 1;
    nb_report_derive(r);
    assert_int_equal(r->requests[NB_T3_TOTAL][0].count, 7);
    nb_report_free(r);
}

static void blank_and_invalid_cells_in_sums(void **state)
{
    (void)state;
    nb_report *r = six_value_report();
    for (int c = 0; c < 6; c++)
        r->requests[NB_T3_NEW][c].state = NB_CELL_BLANK;
    r->requests[NB_T3_CARRIED_OVER][2].state = NB_CELL_INVALID;
    r->requests[NB_T3_CARRIED_OVER][2].amount = -1;
    r->requests[NB_T3_CARRIED_FORWARD][0].state = NB_CELL_BLANK;
    r->requests[NB_T3_CARRIED_FORWARD][1] = value(2);
    nb_report_derive(r);
    /* all blank: the total is blank, not a silent 0 */
    assert_int_equal(r->requests[NB_T3_NEW][6].state, NB_CELL_BLANK);
    /* an invalid cell leaves no sum to trust */
    assert_int_equal(r->requests[NB_T3_CARRIED_OVER][6].state, NB_CELL_INVALID);
    assert_true(isnan(r->requests[NB_T3_CARRIED_OVER][6].amount));
    /* a blank among values adds nothing */
    assert_int_equal(r->requests[NB_T3_CARRIED_FORWARD][6].state, NB_CELL_VALUE);
    assert_int_equal(r->requests[NB_T3_CARRIED_FORWARD][6].count, 2);
    nb_report_free(r);
}

static void no_requests_nothing_derived(void **state)
{
    (void)state;
    nb_report *r = nb_report_new();
    nb_report_derive(r);
    assert_int_equal(r->requests[NB_T3_TOTAL][0].state, NB_CELL_ABSENT);
    assert_int_equal(r->requests[NB_T3_NEW][6].state, NB_CELL_ABSENT);
    assert_int_equal(r->format, 2021);
    nb_report_free(r);
}

static void title(void **state)
{
    (void)state;
    nb_report *r = nb_report_new();
    r->agency = nb_strdup("延津县商务局");
    r->year = 2024;
    char *t = nb_report_title(r);
    assert_string_equal(t, "延津县商务局2024年政府信息公开工作年度报告");
    free(t);
    r->year = 0;
    t = nb_report_title(r);
    assert_string_equal(t, "延津县商务局政府信息公开工作年度报告");
    free(t);
    r->title = nb_strdup("延津县商务局 2024 年政府信息公开工作年度报告");
    t = nb_report_title(r);
    assert_string_equal(t, "延津县商务局 2024 年政府信息公开工作年度报告");
    assert_ptr_not_equal(t, r->title); /* a copy the caller frees */
    free(t);
    nb_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(six_value_rows_get_a_total),
        cmocka_unit_test(seven_value_rows_keep_their_total),
        cmocka_unit_test(total_row_derived_when_absent),
        cmocka_unit_test(total_row_kept_when_given),
        cmocka_unit_test(blank_and_invalid_cells_in_sums),
        cmocka_unit_test(no_requests_nothing_derived),
        cmocka_unit_test(title),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
