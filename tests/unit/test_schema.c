/* The schema against the contract: FORMAT.md §1 (read from ../shared) is the source of truth
 * for every key and label, so these tests compare with the text there, not with a copy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "schema.h"
#include "testutil.h"

static char *format_md;

static int setup(void **state)
{
    (void)state;
    format_md = read_file(NB_SHARED_DIR "/spec/FORMAT.md", NULL);
    return format_md ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(format_md);
    return 0;
}

/* The cell after "| <first> | " on a markdown table line, up to " |", into out. */
static int md_cell_after(const char *first, char *out, size_t n)
{
    char pat[256];
    snprintf(pat, sizeof pat, "\n| %s | ", first);
    const char *at = strstr(format_md, pat);
    if (!at)
        return 0;
    at += strlen(pat);
    const char *end = strstr(at, " |");
    if (!end || (size_t)(end - at) >= n)
        return 0;
    memcpy(out, at, (size_t)(end - at));
    out[end - at] = '\0';
    return 1;
}

static void t3_has_25_rows_and_7_columns(void **state)
{
    (void)state;
    assert_int_equal(NB_T3_ROWS, 25);
    assert_int_equal(NB_T3_COLS, 7);
    assert_int_equal(NB_T3_APPLICANTS, 6);
    assert_string_equal(nb_t3_rows[NB_T3_NEW].key, "new");
    assert_string_equal(nb_t3_rows[NB_T3_CARRIED_OVER].key, "carried_over");
    assert_string_equal(nb_t3_rows[NB_T3_FIRST_RESULT].key, "disclosed");
    assert_string_equal(nb_t3_rows[NB_T3_LAST_RESULT].key, "other.other");
    assert_string_equal(nb_t3_rows[NB_T3_TOTAL].key, "total");
    assert_string_equal(nb_t3_rows[NB_T3_CARRIED_FORWARD].key, "carried_forward");
}

/* Every row of FORMAT.md's table 三, in order, with its label (and group label). */
static void t3_rows_match_format_md(void **state)
{
    (void)state;
    const char *prev_group = NULL;
    for (int k = 0; k < NB_T3_ROWS; k++) {
        const nb_t3_row *row = &nb_t3_rows[k];
        char cell[512];
        if (!md_cell_after(row->key, cell, sizeof cell))
            fail_msg("FORMAT.md has no table 三 row \"%s\"", row->key);
        const char *slash = strstr(cell, " / ");
        const char *label = slash ? slash + 3 : cell;
        assert_string_equal(label, row->label);
        if (slash) {
            char left[256];
            snprintf(left, sizeof left, "%.*s", (int)(slash - cell), cell);
            if (row->group_label)
                assert_string_equal(left, row->group_label);
            else
                assert_string_equal(left, nb_t3_results_label); /* 三、本年度办理结果 / （一）予以公开 */
        }
        /* the key is group.member for grouped rows */
        if (row->group) {
            char joined[128];
            snprintf(joined, sizeof joined, "%s.%s", row->group, row->member);
            assert_string_equal(joined, row->key);
            assert_int_equal(row->level, 3);
            /* a group's first member carries the group label in FORMAT.md */
            if (!prev_group || strcmp(prev_group, row->group) != 0)
                assert_non_null(slash);
        }
        prev_group = row->group;
    }
}

static void t3_columns_match_format_md(void **state)
{
    (void)state;
    const char *line = strstr(format_md, "So 7 value columns, in order:\n");
    assert_non_null(line);
    line += strlen("So 7 value columns, in order:\n");
    char expected[512] = "";
    for (int c = 0; c < NB_T3_COLS; c++) {
        strcat(expected, nb_t3_cols[c].label);
        strcat(expected, c + 1 < NB_T3_COLS ? ", " : ".");
    }
    assert_int_equal(strncmp(line, expected, strlen(expected)), 0);
    assert_string_equal(nb_t3_cols[NB_T3_COLS - 1].key, "total");
    char corner[512];
    snprintf(corner, sizeof corner, "top-left cell (3 columns x 3 rows) reads\n%s", nb_t3_corner);
    assert_non_null(strstr(format_md, corner));
    assert_string_equal(nb_t3_applicants, "申请人情况");
    assert_string_equal(nb_t3_legal_persons, "法人或其他组织");
}

static void sections_match_format_md(void **state)
{
    (void)state;
    static const char *const keys[] = {"overview", "proactive", "requests", "appeals", "problems",
                                       "other_matters"};
    for (int i = 0; i < NB_SECTIONS; i++) {
        char cell[256];
        if (!md_cell_after(nb_sections[i].numeral, cell, sizeof cell))
            fail_msg("FORMAT.md has no section %s", nb_sections[i].numeral);
        assert_string_equal(cell, nb_sections[i].heading);
        assert_string_equal(nb_sections[i].key, keys[i]);
    }
}

static void t2_matches_format_md(void **state)
{
    (void)state;
    assert_int_equal(NB_T2_CELLS, 10);
    int amounts = 0;
    for (int b = 0; b < NB_T2_BLOCKS; b++) {
        char cell[512], expected[512];
        if (!md_cell_after(nb_t2_blocks[b].header, cell, sizeof cell))
            fail_msg("FORMAT.md has no table 二 block %s", nb_t2_blocks[b].header);
        snprintf(expected, sizeof expected, "%s", nb_t2_content_label);
        for (int k = 0; k < nb_t2_blocks[b].n_value_columns; k++) {
            strcat(expected, ", ");
            strcat(expected, nb_t2_blocks[b].value_columns[k]);
        }
        assert_string_equal(cell, expected);
    }
    for (int i = 0; i < NB_T2_CELLS; i++) {
        const nb_t2_cell *t = &nb_t2_cells[i];
        char path[128];
        if (t->col_key)
            snprintf(path, sizeof path, "proactive.%s.%s", t->row_key, t->col_key);
        else
            snprintf(path, sizeof path, "proactive.%s", t->row_key);
        assert_string_equal(t->path, path);
        /* the cell's column is one of its block's value columns */
        const nb_t2_block *b = &nb_t2_blocks[t->block];
        int found = 0;
        for (int k = 0; k < b->n_value_columns; k++)
            found |= strcmp(b->value_columns[k], t->column) == 0;
        assert_true(found);
        /* its label appears in that block's row list of FORMAT.md */
        char cell[512];
        assert_true(md_cell_after(b->header, cell, sizeof cell));
        const char *line = strstr(format_md, b->header);
        const char *eol = strchr(line, '\n');
        char rowlist[512];
        snprintf(rowlist, sizeof rowlist, "%.*s", (int)(eol - line), line);
        assert_contains(rowlist, t->label);
        amounts += t->is_amount;
    }
    assert_int_equal(amounts, 1);
    assert_string_equal(nb_t2_cells[NB_T2_CELLS - 1].label, "行政事业性收费");
    assert_true(nb_t2_cells[NB_T2_CELLS - 1].is_amount);
}

static void t4_matches_format_md(void **state)
{
    (void)state;
    char groups[256] = "`", cols[256] = "`", labels[256] = "";
    for (int g = 0; g < NB_T4_GROUPS; g++) {
        strcat(groups, nb_t4_groups[g].key);
        strcat(groups, g + 1 < NB_T4_GROUPS ? "`, `" : "`");
    }
    for (int k = 0; k < NB_T4_COLS; k++) {
        strcat(cols, nb_t4_cols[k].key);
        strcat(cols, k + 1 < NB_T4_COLS ? ", " : "`");
        strcat(labels, nb_t4_cols[k].label);
        strcat(labels, k + 1 < NB_T4_COLS ? ", " : "");
    }
    /* FORMAT.md wraps lines; compare with newlines taken as spaces */
    char *flat = strdup(format_md);
    for (char *p = flat; *p; p++)
        if (*p == '\n')
            *p = ' ';
    assert_contains(flat, groups);
    assert_contains(flat, cols);
    assert_contains(flat, labels);
    char twice[256];
    snprintf(twice, sizeof twice, "%s (colspan 5), %s (colspan 10)", nb_t4_review, nb_t4_litigation);
    assert_contains(flat, twice);
    snprintf(twice, sizeof twice, "%s (colspan 5), %s (colspan 5)", nb_t4_groups[1].label, nb_t4_groups[2].label);
    assert_contains(flat, twice);
    free(flat);
}

static void lookups(void **state)
{
    (void)state;
    assert_int_equal(nb_t3_row_index("new"), NB_T3_NEW);
    assert_int_equal(nb_t3_row_index("withheld.state_secret"), 4);
    assert_int_equal(nb_t3_row_index("other.other"), NB_T3_LAST_RESULT);
    assert_int_equal(nb_t3_row_index("total"), NB_T3_TOTAL);
    assert_int_equal(nb_t3_row_index("carried_forward"), NB_T3_CARRIED_FORWARD);
    assert_int_equal(nb_t3_row_index("withheld"), -1);
    assert_int_equal(nb_t3_row_index("state_secret"), -1);
    assert_int_equal(nb_t3_row_index(""), -1);
    /* every row finds itself by key */
    for (int k = 0; k < NB_T3_ROWS; k++)
        assert_int_equal(nb_t3_row_index(nb_t3_rows[k].key), k);
    /* 20 or 21 result rows? FORMAT.md's list has 21 (disclosed .. other.other) */
    assert_int_equal(NB_T3_LAST_RESULT - NB_T3_FIRST_RESULT + 1, 21);
}

static size_t count_keys(const char *const *keys)
{
    size_t n = 0;
    while (keys[n])
        n++;
    return n;
}

/* The key lists the loader checks against are derived from the tables, each key once. */
static void key_lists(void **state)
{
    (void)state;
    assert_int_equal(count_keys(nb_schema_keys(NB_KEYS_T2_ROWS)), 6);
    assert_int_equal(count_keys(nb_schema_keys(NB_KEYS_T2_COLUMNS)), 3);
    /* table 三: 10 keys, the eight rows outside a group and the four groups */
    assert_int_equal(count_keys(nb_schema_keys(NB_KEYS_T3_ROWS)), 10);
    assert_int_equal(count_keys(nb_schema_keys(NB_KEYS_T4_GROUPS)), NB_T4_GROUPS);
    assert_int_equal(count_keys(nb_schema_keys(NB_KEYS_T4_COLUMNS)), NB_T4_COLS);
    assert_int_equal(count_keys(nb_schema_keys(NB_KEYS_FEES)), NB_FEE_FIELDS);
    assert_int_equal(count_keys(nb_schema_keys(NB_KEYSETS)), 0);
    /* each table-三 row's key (or group) is in the list, in table order */
    const char *const *t3 = nb_schema_keys(NB_KEYS_T3_ROWS);
    assert_string_equal(t3[0], nb_t3_rows[NB_T3_NEW].key);
    assert_string_equal(t3[4], nb_t3_rows[4].group);
    assert_string_equal(t3[9], nb_t3_rows[NB_T3_CARRIED_FORWARD].key);
    for (int k = 0; k < NB_T3_ROWS; k++) {
        const char *want = nb_t3_rows[k].group ? nb_t3_rows[k].group : nb_t3_rows[k].key;
        int found = 0;
        for (const char *const *v = t3; *v; v++)
            found += strcmp(*v, want) == 0;
        assert_int_equal(found, 1);
    }
    /* the same list every time */
    assert_ptr_equal(nb_schema_keys(NB_KEYS_T3_ROWS), t3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(key_lists),
        cmocka_unit_test(t3_has_25_rows_and_7_columns),
        cmocka_unit_test(t3_rows_match_format_md),
        cmocka_unit_test(t3_columns_match_format_md),
        cmocka_unit_test(sections_match_format_md),
        cmocka_unit_test(t2_matches_format_md),
        cmocka_unit_test(t4_matches_format_md),
        cmocka_unit_test(lookups),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
