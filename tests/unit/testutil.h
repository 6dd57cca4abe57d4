#ifndef NB_TESTUTIL_H
#define NB_TESTUTIL_H
#include <stddef.h>

#include "check.h"
#include "report.h"

/* Load a data file from a string (NULL on failure, message in err_out if given). */
nb_report *load_text(const char *text, char *err_out, size_t err_len);
/* Read a whole file; caller frees. */
char *read_file(const char *path, size_t *len);

/* The seed data file (reports/yanjin-commerce-2024.lua) as text; caller frees. */
char *seed_text(void);
/* The seed text with the first occurrence of `from` replaced by `to`; fails the test when
 * `from` is not in it (so a changed seed cannot silently turn a test into a no-op). */
char *seed_with(const char *from, const char *to);
/* text (freed) with the first `from` replaced by `to`; fails the test when `from` is absent. */
char *replace_first(char *text, const char *from, const char *to);
/* The seed laid out in the 2019 trial format (format = 2019, year 2020): its table 二
 * replaced by `rows`, the body of proactive_2019 = { ... }. Caller frees. */
char *trial_seed(const char *rows);
/* The seed report, loaded (fails the test when it does not load). */
nb_report *seed_report(void);

/* A group's temporary folder: make_test_dir and remove_test_dir are the group setup and
 * teardown (cmocka_run_group_tests), test_dir its path while the tests run. */
extern char test_dir[64];
int make_test_dir(void **state);
int remove_test_dir(void **state);

/* Monotonic clock in seconds. */
double now_seconds(void);

/* The first finding with this id (NULL when none), and how many there are. */
const nb_finding *finding(const nb_findings *f, const char *id);
size_t count_findings(const nb_findings *f, const char *id);

/* Fails the test, printing both strings, when needle is not in hay. */
#define assert_contains(hay, needle) assert_contains_at((hay), (needle), __FILE__, __LINE__)
void assert_contains_at(const char *hay, const char *needle, const char *file, int line);
#endif
