/* The static check of a data file before it runs (host/chunk.c): straight-line code that
 * builds tables is accepted, anything else is refused with its line, and the numerals are
 * counted as Lua's lexer sees them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>

#include "chunk.h"
#include "load.h"
#include "testutil.h"

/* Compiles code and runs the check; returns 0 (accepted) or -1 with the message in err. */
static int verify(const char *code, nb_error *err)
{
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    if (luaL_loadbufferx(L, code, strlen(code), "=t.lua", "t") != LUA_OK)
        fail_msg("does not compile: %s", lua_tostring(L, -1));
    memset(err, 0, sizeof *err);
    int rc = nb_verify_chunk(L, "t.lua", err);
    lua_close(L);
    return rc;
}

static void data_is_accepted(void **state)
{
    (void)state;
    const char *const good[] = {
        "return {}",
        "return { agency = \"a\", year = 2024, overview = { { heading = \"h\", text = \"t\" } } }",
        "return { requests = { new = { 1, 2, 3, 4, 5, 6, 7 } }, processing_fees = { notified = 1.5 } }",
        "return { [\"agency\"] = \"a\", [1] = 2, [2.5] = 3, [true] = 4, [1e300] = 5 }",
        "local agency = \"a\" return { agency = agency, title = agency }",
        "return { agency = \"a\" .. \"b\", proactive = { licensing = 0/0, fees = -1, punishment = 1/0 } }",
        "return { format = 2019, proactive_2019 = { [\"制发规章\"] = { 1, 2, -3 } } }",
        "local t = {} t.agency = \"a\" t[\"year\"] = 2024 t[7] = 1 return t",
        /* a constructor with more items than one SETLIST takes (50) and a long constant list */
        "return { overview = { 1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10,"
        "1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10 } }",
    };
    nb_error err;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        if (verify(good[i], &err) != 0)
            fail_msg("refused: %s\n%s", good[i], err.message);
    /* the whole seed file */
    char *seed = seed_text();
    if (verify(seed, &err) != 0)
        fail_msg("the seed was refused: %s", err.message);
    free(seed);
}

static void code_is_refused(void **state)
{
    (void)state;
    const struct {
        const char *code, *reason;
    } bad[] = {
        {"local function f() local i = 0 while i < 10 do i = i + 1 end return i end\n"
         "return { year = f() }", "定义了函数"},
        {"return { agency = (\"x\"):rep(9) }", "调用了函数"},
        {"return { agency = print }", "使用了变量或库“print”"},
        {"x = 1 return {}", "给变量“x”赋值"},
        {"::a:: goto a", "使用了循环"},
        {"for i = 1, 3 do end return {}", "使用了循环"},
        {"while true do end", "使用了循环"},
        {"repeat until false", "使用了循环"},
        {"local a = 1 if a then a = 2 end return {}", "使用了循环、跳转或条件"},
        {"return { agency = 1 == 1 and \"x\" or \"y\" }", "使用了循环、跳转或条件"},
        {"local t = { a = 1 } return { year = t.a }", "读取了表中的值"},
        {"local t = { 1 } return { year = t[1] }", "读取了表中的值"},
        {"_ENV = nil return {}", "使用了变量“_ENV”"},
        {"local k = \"age\" .. \"ncy\" return { [k] = \"x\" }", "用计算出的值作键"},
        {"local t, a = {}, 131071 t[a] = 1 a = a + a t[a] = 1 return t", "用计算出的值作键"},
        {"local x <close> = nil return {}", "<close>"},
        {"return function() end", "定义了函数"},
    };
    nb_error err;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (verify(bad[i].code, &err) == 0)
            fail_msg("accepted: %s", bad[i].code);
        assert_contains(err.message, "t.lua:");
        assert_contains(err.message, bad[i].reason);
    }
    /* the line of the offending statement, also past an absolute line entry */
    verify("return {\n agency = \"a\",\n\n year = f() }", &err);
    assert_contains(err.message, "t.lua:4:");
    char code[2048] = "local a = 1\n";
    for (int i = 0; i < 300; i++) /* long runs of blank lines need absolute line info */
        strcat(code, "\n");
    strcat(code, "a = a .. \"\"\n\n\n\n\nreturn { agency = g() }");
    verify(code, &err);
    assert_contains(err.message, "t.lua:307:");
}

static void numerals_counted_as_lua_sees_them(void **state)
{
    (void)state;
    const struct {
        const char *code;
        size_t n;
    } cases[] = {
        {"return { 1, 2.5, .5, 0x1F, 1e10, 1e-3, 0x1p4 }", 7},
        {"return { \"1 2 3\", '4 5', [[6 7]], [==[8 ]] 9]==] }", 0},
        {"-- 1 2 3\n return { 4 } --[[ 5 6 ]] --[=[ 7 ]] 8 ]=] 9", 2},
        {"-- 1\rreturn { 2 } -- 3\r\n-- 4\n5 -- 6", 2},  /* a comment also ends at a CR */
        {"return { 0x1e+5, 0x1p+4, 1e+5, 0x1E-2 }", 6},       /* a sign after E ends a hex numeral */
        {"return { a1 = b2, _3 = 4 }", 1},
        {"return { \"a\\\"1\", 'b\\'2' } 3", 1},
        {"return { \"\\z\n  1 \", 2 }", 1},      /* \z keeps the string open over a newline */
        {"local a = 1..2", 1},                 /* malformed for Lua: counted, never fewer */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = nb_count_numerals(cases[i].code, strlen(cases[i].code));
        if (n != cases[i].n)
            fail_msg("%zu numerals in %s, expected %zu", n, cases[i].code, cases[i].n);
    }
}

/* Integer keys that share one hash chain (multiples of 2^k - 1) make every insertion in the
 * parser's constant table and in the table walk the chain: bounded by the number of numerals. */
static void colliding_keys_are_bounded(void **state)
{
    (void)state;
    size_t cap = 64 * (NB_MAX_NUMERALS + 10) + 64;
    char *code = malloc(cap), *w = code;
    w += sprintf(w, "return { proactive = {");
    for (long i = 1; i <= NB_MAX_NUMERALS + 1; i++)
        w += sprintf(w, "[%ld]=\"x\",", i * 131071L);
    sprintf(w, "} }");
    nb_error err;
    assert_null(nb_load_buffer(code, strlen(code), "keys.lua", NULL, &err));
    assert_contains(err.message, "数字过多");
    free(code);
}

/* A plain literal (one the reader takes without the compiler) with one number too many is
 * refused as before, with the count; one at the limit loads past the count check. */
static void a_literal_with_too_many_numbers_is_refused(void **state)
{
    (void)state;
    for (long extra = 0; extra <= 1; extra++) {
        size_t cap = 16 * (NB_MAX_NUMERALS + 10) + 64;
        char *code = malloc(cap), *w = code;
        w += sprintf(w, "return { format = 2021, numbers = {");
        for (long i = 1; i < NB_MAX_NUMERALS + extra; i++) /* with format's 2021 */
            w += sprintf(w, "%ld,", i);
        sprintf(w, "} }");
        nb_error err;
        nb_report *r = nb_load_buffer(code, strlen(code), "many.lua", NULL, &err);
        if (extra) {
            assert_null(r);
            char want[64];
            snprintf(want, sizeof want, "（%d 个，上限为 %d 个）", NB_MAX_NUMERALS + 1, NB_MAX_NUMERALS);
            assert_contains(err.message, want);
        } else {
            /* refused for its unknown key, not for its numbers */
            assert_null(r);
            assert_true(strstr(err.message, "数字过多") == NULL);
        }
        free(code);
    }
}

/* Text copied out of the sandbox is bounded: one long text named many times is refused. */
static void shared_text_is_bounded(void **state)
{
    (void)state;
    size_t big = 100000;
    char *code = malloc(big + 4096), *w = code;
    w += sprintf(w, "local s = \"");
    memset(w, 'x', big);
    w += big;
    w += sprintf(w, "\" return { agency = \"a\", overview = {");
    for (int i = 0; i < 30; i++)
        w += sprintf(w, "{ heading = s, text = s },");
    sprintf(w, "} }");
    nb_error err;
    assert_null(nb_load_buffer(code, strlen(code), "shared.lua", NULL, &err));
    assert_contains(err.message, "文字总量过大");
    free(code);
}

static void nul_in_keys(void **state)
{
    (void)state;
    nb_error err;
    const char *code = "return { agency = \"a\", [\"year\\0x\"] = 2024 }";
    assert_null(nb_load_buffer(code, strlen(code), "nul.lua", NULL, &err));
    assert_contains(err.message, "NUL");
    code = "return { requests = { [\"new\\0\"] = { 1, 2, 3, 4, 5, 6 } } }";
    assert_null(nb_load_buffer(code, strlen(code), "nul.lua", NULL, &err));
    assert_contains(err.message, "NUL");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(data_is_accepted),
        cmocka_unit_test(code_is_refused),
        cmocka_unit_test(numerals_counted_as_lua_sees_them),
        cmocka_unit_test(colliding_keys_are_bounded),
        cmocka_unit_test(a_literal_with_too_many_numbers_is_refused),
        cmocka_unit_test(shared_text_is_bounded),
        cmocka_unit_test(nul_in_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
