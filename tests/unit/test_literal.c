/* The literal reader (host/literal.c): every form it takes gives the table Lua's compiler
 * gives (values, number subtypes, float bits and order of traversal: tests/fuzz/literal_same.h),
 * everything else is left to the compiler with the stack as it was, and the loader still
 * refuses what it refused. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <lua.h>

#include "../fuzz/literal_same.h"
#include "bytes.h"
#include "load.h"
#include "testutil.h"

/* 1 when the reader takes the text (and then agrees with the compiler in every way
 * literal_compare checks), 0 when it declines. */
static int taken_as_lua_reads_it(const char *buf, size_t len)
{
    char why[300];
    int verdict = literal_compare(buf, len, why, sizeof why);
    if (verdict < 0)
        fail_msg("%s, for:\n%.400s", why, buf);
    return verdict;
}

static int taken(const char *code) { return taken_as_lua_reads_it(code, strlen(code)); }

static void forms_are_read_as_lua_reads_them(void **state)
{
    (void)state;
    const char *const forms[] = {
        "return {}",
        "return{}",
        "  return { }  ;  ",
        "\n\r\n return {--[[ ]]}--",
        "-- c\nreturn --[[ x ]] { --[==[ y ]] ]=] ]==] a = 1 } -- end",
        "--[= not long\nreturn {}",
        "return { a = 1, b = 'x', c = \"y\", d = true, e = false, f = nil, g = { 1, 2, 3 }, }",
        "return { 1, 2; 3, a = 4; }",
        "return { ['k'] = 1, [ \"k2\" ] = 2, [ [[k3]] ] = 3, [ [==[k4]==] ] = 4, [--[[c]]'k5'--\n]--\n=--\n5 }",
        "return { ends = 1, nil_ = 2, _true = 3, falsey = 4, returns = 5, _ = 6, A9 = 7 }",
        "return { true, false, 'true', x = true }",
        "return { 0, 00, 1.5, .5, 5., 1e3, 1E-3, 1e+3, 0x10, 0XfF, 0x1p4, 0x.8p1, 0x1.8, 0xA.8P-1, 3.0 }",
        "return { 9223372036854775807, 9223372036854775808, 0xffffffffffffffff, 0x7fffffffffffffff,"
        " 0x10000000000000000, 1e400, 1e-400, 123456789012345678901234567890 }",
        "return { -1, - 2, -0, -0.0, -.5, -9223372036854775808, -0x8000000000000000, -1e400, -\n--c\n3 }",
        "return { '\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\'', \"\\065\\0651\\9\\255\\0\\00\\000x\", \"\\x41\\xfF\\x00\" }",
        "return { '\\u{41}', '\\u{0}x', '\\u{7f}\\u{80}', '\\u{7FF}\\u{800}', '\\u{FFFF}\\u{10000}',"
        " '\\u{10FFFF}\\u{1FFFFF}\\u{200000}', '\\u{3FFFFFF}\\u{4000000}', '\\u{7FFFFFFF}', '\\u{0000000041}',"
        " '\\u{4E2D}\\u{6587}' }",
        "return { \"a\\\nb\", \"a\\\r\nb\", \"a\\\n\rb\", \"x\\z  \n\t y\", \"\\z\" }",
        "return { '\xe4\xb8\xad\xe6\x96\x87', \"'\", '\"', '', \"\" }",
        "return { [[\nab]], [[\r\nab]], [[\n\rab]], [[\r\rab]], [[\n\nab]], [==[a]]b]=]c]==] }",
        "return { [[a\r\nb\rc\n\rd\n\ne]], [[]], [=[\n]=], [[\r]], [=[]]=], [[a]=]b]] }",
        "return {\r\n a = 1,\r b = 2,\n\r c = 3,\f d = 4,\v e = 5 }",
        "return { a = { b = { c = { d = {}, e = { 'x' } } } } }",
        "return { {}, {{}}, { {}, {} }, }",
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (!taken(forms[i]))
            fail_msg("declined: %s", forms[i]);
}

static void everything_else_is_left_to_the_compiler(void **state)
{
    (void)state;
    const char *const others[] = {
        "", "return", "return 1", "return 'x'", "return nil", "return {} {}", "return {}\nx = 1",
        "return {};;", "local t = {} return t", "do return {} end", "#!/usr/bin/lua\nreturn {}",
        "return { a = b }", "return { a = 1 + 2 }", "return { 'a' .. 'b' }", "return { a = -'1' }",
        "return { -{} }", "return { - -1 }", "return { 2^2 }", "return { (1) }", "return { f() }",
        /* a key given twice: the loader names it (nb_diagnose_duplicate_key) */
        "return { a = 1, a = 2, [\"a\"] = 3, b = nil, b = 4, c = nil, c = nil }", "return { a = 1, ['a'] = 1 }",
        "return { x = { k = 1, k = 1 } }",
        "return { [1] = 2 }", "return { [1.5] = 2 }", "return { [true] = 2 }", "return { ['a'..'b'] = 2 }",
        "return { nil }", "return { 1, nil, 3 }", "return { end = 1 }", "return { nil = 1 }",
        "return { goto = 1 }", "return { a = 1 b = 2 }", "return { a == 1 }", "return { a = }",
        "return { , }", "return { 1,, }", "return { 'unterminated }", "return { \"a\nb\" }",
        "return { 'a\rb' }", "return { '\\q' }", "return { '\\256' }",
        "return { '\\u{80000000}' }", "return { '\\u{}' }", "return { '\\u41' }", "return { '\\u{41' }",
        "return { '\\u{g}' }", "return { '\\u{0000000080000000}' }",
        "return { '\\x4' }", "return { '\\x' }", "return { '\\", "return { [[abc }", "return { 1e }",
        "return { 3x }", "return { 0x }", "return { 1..2 }", "return { 0xg }", "return { 1_000 }",
        "--[[ unterminated", "return {} --[==[ unterminated ]=]", "return { [=x] = 1 }",
        "return { [= [ ] = 1 }", "return { [==[ a ]=] }", "return { a = 1", "return { a = 1 }}",
        "return { \xe4\xb8\xad = 1 }", "return { x\xe4 = 1 }", "return { a = 1 } 1", "return { a.b = 1 }",
        "return { a = 1, } ; x", "return { c = 5, c = nil }", "return { c = 5, c = nil, c = 6 }", "return { \"a\\\r\rb\" }", "return { \"a\\\n\nb\" }",
    };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        if (taken(others[i]))
            fail_msg("taken: %s", others[i]);
}

static char *nested(int depth)
{
    char *s = malloc(2 * (size_t)depth + 16);
    assert_non_null(s);
    strcpy(s, "return ");
    size_t n = strlen(s);
    for (int i = 0; i < depth; i++)
        s[n++] = '{';
    for (int i = 0; i < depth; i++)
        s[n++] = '}';
    s[n] = '\0';
    return s;
}

static void nesting_has_a_limit_below_lua_own(void **state)
{
    (void)state;
    char *ok = nested(NB_LITERAL_MAX_DEPTH), *deep = nested(NB_LITERAL_MAX_DEPTH + 1);
    assert_true(taken(ok));
    assert_false(taken(deep));
    free(ok);
    free(deep);
}

static void add(nb_bytes *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* levels tables nested, each the last of `items` positional items (after a keyed field
 * with a key of key_len characters when key_len > 0) */
static char *nested_after_items(int levels, int items, int key_len);

/* The compiler holds pending items, keys and nested tables in registers and refuses a chunk
 * that needs 255: such a file goes to it (found by a review: 6 levels of 42 items). */
static void register_limit_left_to_the_compiler(void **state)
{
    (void)state;
    const int cases[][3] = {{6, 42, 0}, {6, 49, 0}, {5, 49, 41}, {3, 49, 0}, {6, 20, 0}, {4, 30, 41}};
    const int expect_taken[] = {0, 0, 0, 1, 1, 1};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = nested_after_items(cases[i][0], cases[i][1], cases[i][2]);
        if (taken(text) != expect_taken[i])
            fail_msg("case %zu: %d levels of %d items (key of %d): expected %s", i, cases[i][0],
                     cases[i][1], cases[i][2], expect_taken[i] ? "taken" : "declined");
        free(text);
    }
    /* the fields of the innermost table count too (a second review): a table at register
     * 240, then up to 50 items, a key, a value the compiler does not fold (-0.0) */
    static const char *const inner[] = {"", "a=-0.0", "[ [[kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk]] ]=-0.0", "a='x'"};
    for (int items = 0; items <= 50; items++)
        for (size_t k = 0; k < sizeof inner / sizeof inner[0]; k++) {
            nb_bytes b = {0};
            const int outer[] = {39, 49, 49, 49, 49};
            add(&b, "return ");
            for (int l = 0; l < 5; l++) {
                add(&b, "{");
                for (int i = 0; i < outer[l]; i++)
                    add(&b, "1,");
            }
            add(&b, "{");
            for (int i = 0; i < items; i++)
                add(&b, "1,");
            add(&b, "%s}}}}}}", inner[k]);
            taken_as_lua_reads_it(b.data, b.len); /* fails the test if taken and Lua refuses it */
            free(b.data);
        }
}
static void add(nb_bytes *b, const char *fmt, ...)
{
    char piece[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(piece, sizeof piece, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof piece);
    assert_true(nb_bytes_add(b, piece, (size_t)n));
}

static char *nested_after_items(int levels, int items, int key_len)
{
    nb_bytes b = {0};
    add(&b, "return ");
    for (int l = 0; l < levels; l++) {
        add(&b, "{");
        for (int i = 0; i < items; i++)
            add(&b, "1,");
        if (key_len > 0)
            add(&b, "[\"%0*d\"]=", key_len, l);
    }
    add(&b, "{");
    for (int l = 0; l <= levels; l++)
        add(&b, "}");
    return b.data;
}

/* A quoted string longer than lauxlib's buffer lives in a to-be-closed box; a file declined
 * after one must still leave the stack as it was (Lua 5.4.4's lua_settop, closing the box,
 * could leave the top dangling when the close grew the stack: found by fuzz_literal). */
static void declined_after_a_long_escaped_string(void **state)
{
    (void)state;
    for (int fields = 0; fields < 300; fields++) { /* the top at every distance from the stack's end */
        nb_bytes b = {0};
        add(&b, "return {");
        for (int i = 0; i < fields; i++)
            add(&b, "%d,", i);
        add(&b, "\"");
        for (int i = 0; i < 3000; i++)
            add(&b, "\\n");
        add(&b, "\\q\" }"); /* declined inside the string, its box open */
        assert_false(taken_as_lua_reads_it(b.data, b.len));
        b.data[b.len - 4] = 't'; /* the same file with a valid escape: taken */
        assert_true(taken_as_lua_reads_it(b.data, b.len));
        free(b.data);
    }
}

/* Positional items around the compiler's flush of every 50 (SETLIST), keyed fields around
 * the powers of two of the hash part, interleaved. */
static void big_constructors(void **state)
{
    (void)state;
    const int sizes[] = {49, 50, 51, 99, 100, 101, 255, 256, 257, 300};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int mix = 0; mix < 3; mix++) {
            nb_bytes b = {0};
            add(&b, "return {");
            for (int i = 0; i < sizes[k]; i++) {
                if (mix != 1)
                    add(&b, "%d,", i);
                if (mix != 0)
                    add(&b, "k%d = %d;", i % (mix == 2 ? 37 : 100000), i);
            }
            add(&b, "}");
            /* mix 2 repeats its 37 keys past 37 fields: a repeated key is the compiler's */
            int repeats = mix == 2 && sizes[k] > 37;
            assert_int_equal(taken_as_lua_reads_it(b.data, b.len), !repeats);
            free(b.data);
        }
    }
}

/* ---------- random literals ---------- */

static uint64_t rng = 0x9e3779b97f4a7c15u;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static void blank(nb_bytes *b)
{
    static const char *const pieces[] = {"", " ", "\n", "\r\n", "\n\r", "\r", "\t", " --c\n",
        "--[[x\r\n]]", "--[==[ ]] ]=] ]==]", "-- \xe4\xb8\xad\r", "\f\v "};
    int n = (int)rnd(3);
    for (int i = 0; i < n; i++)
        add(b, "%s", pieces[rnd(sizeof pieces / sizeof pieces[0])]);
}

/* A string of random bytes written as Lua would read it back: quoted with every kind of
 * escape, or in long brackets of a level its text does not close. */
static void gen_string(nb_bytes *b)
{
    static const unsigned char pool[] = "ab ]=[\n\r\t\\\"'0129z\x7f\x01\xe4\xb8\xad\xff";
    unsigned char s[24];
    size_t n = rnd(sizeof s);
    for (size_t i = 0; i < n; i++)
        s[i] = rnd(8) ? pool[rnd(sizeof pool - 1)] : (unsigned char)rnd(256);
    if (rnd(3) == 0) {
        int level = (int)rnd(3);
        for (;; level++) { /* a level whose closing bracket is not in the text */
            char close[16];
            snprintf(close, sizeof close, "]%.*s]", level, "==========");
            int found = 0;
            for (size_t i = 0; i + strlen(close) <= n && !found; i++)
                found = memcmp(s + i, close, strlen(close)) == 0;
            if (!found)
                break;
        }
        int trailing = 0; /* "]=" at the end would run into the closing bracket */
        for (size_t i = n; i > 0 && (s[i - 1] == '=' || s[i - 1] == ']'); i--)
            trailing = 1;
        if (!trailing && !memchr(s, '\0', n)) {
            add(b, "[%.*s[", level, "==========");
            if (rnd(2))
                add(b, "%s", rnd(2) ? "\n" : "\r\n");
            assert_true(nb_bytes_add(b, s, n));
            add(b, "]%.*s]", level, "==========");
            return;
        }
    }
    char quote = rnd(2) ? '"' : '\'';
    add(b, "%c", quote);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        int next_digit = i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9';
        if (rnd(6) == 0)
            add(b, "\\z%s", rnd(2) ? " \n\t" : "");
        if (c == '\n')
            add(b, "%s", rnd(2) ? "\\n" : rnd(2) ? "\\\n" : "\\\r\n");
        else if (c == '\r')
            add(b, "%s", rnd(2) ? "\\r" : "\\13");
        else if (c == '\\')
            add(b, "\\\\");
        else if (c == (unsigned char)quote)
            add(b, "\\%c", quote);
        else if (c < 0x20 || c == 0x7f || rnd(5) == 0) {
            switch (rnd(3)) {
            case 0:
                add(b, "\\x%02x", c);
                break;
            case 1:
                add(b, "\\%03u", c);
                break;
            default:
                add(b, next_digit ? "\\%03u" : "\\%u", c);
            }
        } else {
            assert_true(nb_bytes_add(b, &c, 1));
        }
    }
    add(b, "%c", quote);
}

static void gen_number(nb_bytes *b)
{
    if (rnd(3) == 0)
        add(b, "-%s", rnd(2) ? " " : "");
    switch (rnd(7)) {
    case 0:
        add(b, "%u", rnd(100000));
        break;
    case 1:
        add(b, "0x%X", rnd(1u << 31));
        break;
    case 2:
        add(b, "%.17g", (double)rnd(1000000) / (1 + rnd(1000)));
        break;
    case 3:
        add(b, "%a", (double)rnd(1000000) / 7.0);
        break;
    case 4:
        add(b, "%u.%ue%s%u", rnd(100), rnd(100), rnd(2) ? "-" : "+", rnd(330));
        break;
    case 5:
        add(b, "%s", rnd(2) ? "9223372036854775807" : "18446744073709551616");
        break;
    default:
        add(b, ".%u", rnd(1000));
    }
}

/* keyed: 1 for a field that may be nil, 2 for one whose key was set before (a cleared key
 * is left to the compiler: host/literal.c) */
static void gen_value(nb_bytes *b, int depth, int keyed);

/* whether the literal being made may give a key twice in one table (a name used again, or
 * a random string key beside other keys): the reader leaves such a file to the compiler */
static int may_repeat;

static void gen_table(nb_bytes *b, int depth)
{
    static const char *const names[] = {"a", "b", "format", "ends", "nil_", "_", "T2", "x_1"};
    add(b, "{");
    int n = depth > 3 ? 0 : (int)rnd(rnd(8) == 0 ? 70 : 7);
    unsigned set = 0; /* the names given a value so far */
    for (int i = 0; i < n; i++) {
        blank(b);
        int keyed = rnd(2);
        if (keyed) {
            if (rnd(3) == 0) {
                add(b, "[ "); /* "[[" would open a long string */
                blank(b);
                gen_string(b);
                blank(b);
                add(b, "]");
                keyed = 2; /* random strings repeat ("", "a"): no nil */
                if (set)
                    may_repeat = 1;
                set = ~0u; /* and may be one of the names ("a", "b") */
            } else {
                unsigned k = rnd(sizeof names / sizeof names[0]);
                add(b, "%s", names[k]);
                keyed = set & (1u << k) ? 2 : 1;
                if (keyed == 2)
                    may_repeat = 1;
                set |= 1u << k;
            }
            blank(b);
            add(b, "=");
            blank(b);
        }
        gen_value(b, depth, keyed);
        blank(b);
        if (i + 1 < n || rnd(2))
            add(b, "%s", rnd(2) ? "," : ";");
    }
    blank(b);
    add(b, "}");
}

static void gen_value(nb_bytes *b, int depth, int keyed)
{
    switch (rnd(keyed == 1 ? 6 : 5)) {
    case 0:
    case 1:
        gen_string(b);
        break;
    case 2:
        gen_number(b);
        break;
    case 3:
        add(b, "%s", rnd(2) ? "true" : "false");
        break;
    case 4:
        gen_table(b, depth + 1);
        break;
    default:
        add(b, "nil");
    }
}

static void random_literals_are_read_as_lua_reads_them(void **state)
{
    (void)state;
    int taken_cases = 0;
    for (int i = 0; i < 3000; i++) {
        nb_bytes b = {0};
        may_repeat = 0;
        blank(&b);
        add(&b, "return");
        add(&b, "%s", rnd(2) ? " " : "");
        blank(&b);
        gen_table(&b, 1);
        blank(&b);
        if (rnd(4) == 0)
            add(&b, ";");
        blank(&b);
        /* taken, and the same as the compiler's, unless a key may repeat: then either */
        int took = taken_as_lua_reads_it(b.data, b.len);
        if (!took && !may_repeat)
            fail_msg("case %d declined:\n%s", i, b.data);
        taken_cases += took;
        free(b.data);
    }
    assert_true(taken_cases >= 1500); /* most are still read by the reader */
}

/* ---------- data files ---------- */

static int read_folder(const char *dir, const char *suffix, int must_take)
{
    DIR *d = opendir(dir);
    if (!d)
        fail_msg("cannot open %s", dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name), k = strlen(suffix);
        if (e->d_name[0] == '.' || len < k || strcmp(e->d_name + len - k, suffix) != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t size;
        char *text = read_file(path, &size);
        assert_non_null(text);
        int took = taken_as_lua_reads_it(text, size);
        if (must_take && !took)
            fail_msg("declined: %s", path);
        n += took;
        free(text);
    }
    closedir(d);
    return n;
}

static void data_files_are_read_as_lua_reads_them(void **state)
{
    (void)state;
    assert_true(read_folder("reports", ".lua", 1) >= 1);
    assert_true(read_folder("tests/fuzz/corpus/literal", ".lua", 0) >= 5);
    read_folder("tests/fuzz/corpus/load", ".lua", 0);
    read_folder("tests/fuzz/corpus/datafile", "", 0);
}

/* Through the loader: the same report either way, the reader's table, a compiled chunk's
 * errors and the instruction budget as before. */
static void the_loader_uses_it_within_its_limits(void **state)
{
    (void)state;
    nb_error err;
    /* the reader does not run when the budget is too small for the compiled chunk, so the
     * budget still stops a long literal */
    nb_bytes b = {0};
    add(&b, "return {");
    for (int i = 0; i < 400; i++)
        add(&b, "k%d = %d,", i, i);
    add(&b, "}");
    nb_limits small = nb_default_limits;
    small.max_instructions = 100;
    memset(&err, 0, sizeof err);
    assert_null(nb_load_buffer(b.data, b.len, "long.lua", &small, &err));
    assert_contains(err.message, "long.lua");
    free(b.data);
    /* a file the reader declines still gets the compiler's located message */
    char *seed = seed_with("year = 2024", "year = 2024 +");
    memset(&err, 0, sizeof err);
    assert_null(nb_load_buffer(seed, strlen(seed), "s.lua", NULL, &err));
    assert_contains(err.message, "s.lua:");
    free(seed);
    /* and one it takes converts as before: an unknown key is named with its line */
    seed = seed_with("year = 2024", "year = 2024, yaer = 1");
    memset(&err, 0, sizeof err);
    assert_null(nb_load_buffer(seed, strlen(seed), "k.lua", NULL, &err));
    assert_contains(err.message, "yaer");
    free(seed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forms_are_read_as_lua_reads_them),
        cmocka_unit_test(everything_else_is_left_to_the_compiler),
        cmocka_unit_test(nesting_has_a_limit_below_lua_own),
        cmocka_unit_test(big_constructors),
        cmocka_unit_test(declined_after_a_long_escaped_string),
        cmocka_unit_test(register_limit_left_to_the_compiler),
        cmocka_unit_test(random_literals_are_read_as_lua_reads_them),
        cmocka_unit_test(data_files_are_read_as_lua_reads_them),
        cmocka_unit_test(the_loader_uses_it_within_its_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
