/* Text cut to a fixed buffer keeps whole UTF-8 characters: the helper itself, and the
 * places that used to cut Chinese labels and messages in the middle of a character
 * (finding labels from a 2019 table's own row names, loader messages naming long keys). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "check.h"
#include "error.h"
#include "testutil.h"
#include "utf8.h"

static int valid_utf8(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n < 0)
            return 0;
        p += n;
        left -= n;
    }
    return 1;
}

/* n copies of 中 (3 bytes each); caller frees */
static char *chinese(size_t n)
{
    char *s = malloc(3 * n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 3 * i, "中", 3);
    s[3 * n] = '\0';
    return s;
}

static void fit_keeps_whole_characters(void **state)
{
    (void)state;
    const char *s = "ab中文"; /* 2 + 3 + 3 bytes */
    assert_int_equal(nb_utf8_fit(s, 8, 100), 8);
    assert_int_equal(nb_utf8_fit(s, 8, 8), 8);
    assert_int_equal(nb_utf8_fit(s, 8, 7), 5);
    assert_int_equal(nb_utf8_fit(s, 8, 6), 5);
    assert_int_equal(nb_utf8_fit(s, 8, 5), 5);
    assert_int_equal(nb_utf8_fit(s, 8, 4), 2);
    assert_int_equal(nb_utf8_fit(s, 8, 2), 2);
    assert_int_equal(nb_utf8_fit(s, 8, 0), 0);
    assert_int_equal(nb_utf8_fit("😀x", 5, 3), 0); /* a 4-byte character */
    assert_int_equal(nb_utf8_fit("😀x", 5, 4), 4);
}

static void format_cuts_at_a_character(void **state)
{
    (void)state;
    char buf[8];
    assert_int_equal(nb_format(buf, sizeof buf, "%s", "ab中文字"), 5); /* 7 bytes fit, the 3rd char does not */
    assert_string_equal(buf, "ab中");
    assert_int_equal(nb_format(buf, sizeof buf, "%d中", 12), 5);
    assert_string_equal(buf, "12中");
    char one[1];
    assert_int_equal(nb_format(one, sizeof one, "%s", "中"), 0);
    assert_string_equal(one, "");
}

static void error_message_is_cut_whole(void **state)
{
    (void)state;
    char *text = chinese(NB_ERROR_MAX); /* three times the buffer */
    nb_error err;
    nb_error_set(&err, "xy%s", text); /* 2 + 3k bytes: the cut falls inside a character */
    assert_true(strlen(err.message) >= NB_ERROR_MAX - 4);
    assert_true(valid_utf8(err.message));
    free(text);
}

/* A 2019 table keeps the agency's own row names, of any length: the finding's label and
 * message are cut to their buffers, never inside a character. */
static void long_2019_label_in_a_finding(void **state)
{
    (void)state;
    for (size_t n = 100; n < 400; n += 37) {
        nb_report *r = nb_report_new();
        assert_non_null(r);
        r->format = 2019;
        r->proactive_2019 = calloc(1, sizeof *r->proactive_2019);
        assert_non_null(r->proactive_2019);
        r->n_proactive_2019 = 1;
        r->proactive_2019[0].label = chinese(n);
        r->proactive_2019[0].n_values = 1;
        r->proactive_2019[0].values[0].state = NB_CELL_BLANK;
        nb_findings f = {0};
        assert_int_equal(nb_check(r, NULL, &f), 0);
        const nb_finding *x = finding(&f, "VALUE.BLANK");
        assert_non_null(x);
        if (!valid_utf8(x->row_label) || !valid_utf8(x->message))
            fail_msg("label of %zu characters cut inside a character: %s", n, x->row_label);
        assert_true(strncmp(x->row_label, "中中中", 9) == 0);
        nb_findings_free(&f);
        nb_report_free(r);
    }
}

/* The loader names the key path of a bad value; a long Chinese key is cut whole. */
static void long_key_in_a_load_error(void **state)
{
    (void)state;
    for (size_t n = 150; n < 700; n += 61) {
        char *key = chinese(n);
        size_t len = strlen(key) + 100;
        char *text = malloc(len);
        assert_non_null(text);
        snprintf(text, len, "return { proactive_2019 = { [\"%s\"] = 'x' } }", key);
        char msg[4 * NB_ERROR_MAX];
        nb_report *r = load_text(text, msg, sizeof msg);
        assert_null(r);
        assert_contains(msg, "test.lua");
        assert_contains(msg, "proactive_2019.中中");
        if (!valid_utf8(msg))
            fail_msg("key of %zu characters cut inside a character: %s", n, msg);
        free(text);
        free(key);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fit_keeps_whole_characters),
        cmocka_unit_test(format_cuts_at_a_character),
        cmocka_unit_test(error_message_is_cut_whole),
        cmocka_unit_test(long_2019_label_in_a_finding),
        cmocka_unit_test(long_key_in_a_load_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
