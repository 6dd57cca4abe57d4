#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "load.h"

nb_report *load_text(const char *text, char *err_out, size_t err_len)
{
    nb_error err = {{0}};
    nb_report *r = nb_load_buffer(text, strlen(text), "test.lua", NULL, &err);
    if (err_out)
        snprintf(err_out, err_len, "%s", r ? "" : err.message);
    return r;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = (size_t)n;
    }
    return buf;
}

char *seed_text(void)
{
    char *text = read_file(NB_SOURCE_DIR "/reports/yanjin-commerce-2024.lua", NULL);
    if (!text)
        fail_msg("cannot read %s", NB_SOURCE_DIR "/reports/yanjin-commerce-2024.lua");
    return text;
}

char *replace_first(char *text, const char *from, const char *to)
{
    char *at = strstr(text, from);
    if (!at) {
        free(text);
        fail_msg("the text has no \"%s\" to replace", from);
    }
    size_t head = (size_t)(at - text), nf = strlen(from), nt = strlen(to);
    char *out = malloc(strlen(text) - nf + nt + 1);
    assert_non_null(out);
    memcpy(out, text, head);
    memcpy(out + head, to, nt);
    strcpy(out + head + nt, at + nf);
    free(text);
    return out;
}

char *seed_with(const char *from, const char *to)
{
    return replace_first(seed_text(), from, to);
}

char *trial_seed(const char *rows)
{
    char head[2048];
    snprintf(head, sizeof head, "  proactive_2019 = { %s },\n  --[[", rows);
    /* the 2021 table 二 is kept, commented out, so that the rest of the seed stays as it is */
    char *t = seed_with("  proactive = {", head);
    t = replace_first(t, "fees = 0,        -- 行政事业性收费（万元）\n  },", "]]");
    t = replace_first(t, "format = 2021", "format = 2019");
    return replace_first(t, "year = 2024", "year = 2020");
}

nb_report *seed_report(void)
{
    char *text = seed_text();
    char err[NB_ERROR_MAX];
    nb_report *r = load_text(text, err, sizeof err);
    free(text);
    if (!r)
        fail_msg("the seed does not load: %s", err);
    return r;
}

double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

const nb_finding *finding(const nb_findings *f, const char *id)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->items[i].id, id) == 0)
            return &f->items[i];
    return NULL;
}

size_t count_findings(const nb_findings *f, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += strcmp(f->items[i].id, id) == 0;
    return n;
}

void assert_contains_at(const char *hay, const char *needle, const char *file, int line)
{
    if (hay && needle && strstr(hay, needle))
        return;
    print_error("%s:%d: expected \"%s\" in \"%s\"\n", file, line, needle ? needle : "(null)",
                hay ? hay : "(null)");
    _fail(file, line);
}

char test_dir[64];

int make_test_dir(void **state)
{
    (void)state;
    snprintf(test_dir, sizeof test_dir, "/tmp/nb-unit-XXXXXX");
    return mkdtemp(test_dir) ? 0 : -1;
}

int remove_test_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_dir);
    return system(cmd) == 0 ? 0 : -1;
}
