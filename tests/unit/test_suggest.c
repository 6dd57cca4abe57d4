/* Suggestions for misspelt keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "suggest.h"

static const char *const withheld[] = {"state_secret", "prohibited_by_law", "security_stability",
                                       "third_party", "internal_affairs", "process_info",
                                       "enforcement_files", "inquiry", NULL};

static void edit_distance(void **state)
{
    (void)state;
    assert_int_equal(nb_edit_distance("", ""), 0);
    assert_int_equal(nb_edit_distance("abc", ""), 3);
    assert_int_equal(nb_edit_distance("", "abc"), 3);
    assert_int_equal(nb_edit_distance("kitten", "sitting"), 3);
    assert_int_equal(nb_edit_distance("state_secrt", "state_secret"), 1);
    assert_int_equal(nb_edit_distance("agnecy", "agency"), 2);
    assert_int_equal(nb_edit_distance("same", "same"), 0);
}

static void suggests_the_nearest(void **state)
{
    (void)state;
    assert_string_equal(nb_suggest("state_secrt", withheld), "state_secret");
    assert_string_equal(nb_suggest("third_parti", withheld), "third_party");
    assert_string_equal(nb_suggest("inquery", withheld), "inquiry");
    assert_string_equal(nb_suggest("process_inf", withheld), "process_info");
}

static void nothing_when_far(void **state)
{
    (void)state;
    assert_null(nb_suggest("zzzzzzzz", withheld));
    assert_null(nb_suggest("disclosed", withheld));
    static const char *const none[] = {NULL};
    assert_null(nb_suggest("anything", none));
}

static void long_words_do_not_overflow(void **state)
{
    (void)state;
    char big[1000];
    for (int i = 0; i < 999; i++)
        big[i] = 'a';
    big[999] = '\0';
    /* beyond the table size the distance is the longer length, no crash */
    assert_int_equal(nb_edit_distance(big, "a"), 999);
    assert_null(nb_suggest(big, withheld));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(edit_distance),
        cmocka_unit_test(suggests_the_nearest),
        cmocka_unit_test(nothing_when_far),
        cmocka_unit_test(long_words_do_not_overflow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
