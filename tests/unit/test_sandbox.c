/* Hostile data files: each is refused with a Chinese message naming the file, within one
 * second, and nothing it asked for happens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "load.h"
#include "testutil.h"

static double slowest;

/* A bound that only catches a hang: ten times the promised second (the promise itself is
 * measured in bench/, not asserted: CI shares its cores and runs under the sanitizers). */
#define HANG_SECONDS 10.0

/* Load buf, expect a refusal (not a hang); returns the message (static). */
static const char *refuse(const char *buf, size_t len)
{
    static nb_error err;
    memset(&err, 0, sizeof err);
    double t0 = now_seconds();
    nb_report *r = nb_load_buffer(buf, len, "hostile.lua", NULL, &err);
    double dt = now_seconds() - t0;
    if (r) {
        nb_report_free(r);
        fail_msg("accepted: %.80s", buf);
    }
    if (dt >= HANG_SECONDS)
        fail_msg("hung: %.3f s: %.80s", dt, buf);
    if (dt > slowest)
        slowest = dt;
    assert_contains(err.message, "hostile.lua");
    return err.message;
}

static const char *refuse_text(const char *code) { return refuse(code, strlen(code)); }

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Libraries and functions: there are none, so each attempt fails and does nothing. */
static void no_libraries(void **state)
{
    (void)state;
    char path[128], code[512];
    snprintf(path, sizeof path, "/tmp/nb-unit-sandbox-%d", (int)getpid());
    unlink(path);
    const char *const attempts[] = {
        "os.execute(\"touch %s\") return {}",
        "return { agency = os.execute(\"touch %s\") }",
        "local f = io.open(\"%s\", \"w\") f:write(\"x\") f:close() return {}",
        "return { agency = io.open(\"%s\", \"w\") }",
        "require(\"os\").execute(\"touch %s\") return {}",
        "load(\"os.execute('touch %s')\")() return {}",
        "dofile(\"%s\") return {}",
        "return { agency = string.rep(\"x\", 1e9), x = \"%s\" }",
        "return { agency = (\"x\"):rep(1e9), x = \"%s\" }",
        "return { agency = (\"%s\"):upper() }",
        "return setmetatable({}, { __index = function() os.execute(\"touch %s\") end })",
        "return { agency = getmetatable(\"\").__index.rep(\"%s\", 9) }",
        "return { agency = _G.os, x = \"%s\" }",
        "return { agency = _ENV.io, x = \"%s\" }",
    };
    for (size_t i = 0; i < sizeof attempts / sizeof attempts[0]; i++) {
        snprintf(code, sizeof code, attempts[i], path);
        const char *msg = refuse_text(code);
        assert_contains(msg, "数据文件只能由表、字符串和数字构成");
        if (exists(path)) {
            unlink(path);
            fail_msg("the sandbox let \"%s\" create %s", code, path);
        }
    }
    /* a global assignment is refused too (and of course writes nothing outside) */
    refuse_text("x = 1 return {}");
}

static void endless_loops(void **state)
{
    (void)state;
    const char *const loops[] = {
        "while true do end",
        "::a:: goto a",
        "repeat until false",
        "for i = 1, 1e18 do end return {}",
        "local t = {} for i = 1, 1e18 do t[1] = i end return t",
        "local function f() return f() end return f()",  /* endless tail calls */
        "local x = 0 while true do x = x + 1 end",
    };
    for (size_t i = 0; i < sizeof loops / sizeof loops[0]; i++) {
        /* refused before running: the compiled chunk is checked first */
        const char *msg = refuse_text(loops[i]);
        if (!strstr(msg, "使用了循环") && !strstr(msg, "定义了函数"))
            fail_msg("a loop was not refused as one: %s", msg);
    }
}

static void recursion(void **state)
{
    (void)state;
    const char *msg = refuse_text("local function f(n) return f(n + 1) + 1 end return { year = f(1) }");
    assert_contains(msg, "数据文件");
    msg = refuse_text("local function f(t) return { f(t) } end return f({})");
    assert_contains(msg, "数据文件");
}

/* Straight-line code "x = x .. x" repeated: no loop, yet exponential; the memory cap stops it. */
static char *doubling(const char *init, const char *step, int times, const char *tail)
{
    size_t n = strlen(init) + strlen(tail) + (size_t)times * strlen(step) + 1;
    char *code = malloc(n), *w = code;
    w += sprintf(w, "%s", init);
    for (int i = 0; i < times; i++)
        w += sprintf(w, "%s", step);
    sprintf(w, "%s", tail);
    return code;
}

static void growth_bombs(void **state)
{
    (void)state;
    char *code = doubling("local s = \"0123456789\" ", "s = s .. s ", 40, "return { agency = s }");
    const char *msg = refuse_text(code);
    assert_contains(msg, "内存上限");
    free(code);
    code = doubling("local t = {} ", "t = { t, t, t, t } ", 60, "return { agency = t }");
    msg = refuse_text(code); /* a DAG of 4^60 paths: converted, it is a wrong type at once */
    assert_contains(msg, "应为文字");
    free(code);
    /* loops that would grow are refused as loops */
    msg = refuse_text("local s = \"0123456789\" while true do s = s .. s end");
    assert_contains(msg, "使用了循环");
    msg = refuse_text("local t, k = {}, \"k\" while true do k = k .. \"k\" t[k] = k end");
    assert_contains(msg, "用计算出的值作键"); /* the first thing the check meets */
}

/* 100000 levels of { or ( : the parser's nesting limit, not a crash. */
static void deep_nesting(void **state)
{
    (void)state;
    enum { DEPTH = 100000 };
    const char *const pairs[][2] = {{"{", "}"}, {"(", ")"}, {"{a=", "}"}};
    for (size_t p = 0; p < 3; p++) {
        size_t lo = strlen(pairs[p][0]), lc = strlen(pairs[p][1]);
        char *code = malloc(16 + DEPTH * (lo + lc));
        char *w = code + sprintf(code, "return ");
        for (int i = 0; i < DEPTH; i++, w += lo)
            memcpy(w, pairs[p][0], lo);
        *w++ = '1';
        for (int i = 0; i < DEPTH; i++, w += lc)
            memcpy(w, pairs[p][1], lc);
        *w = '\0';
        const char *msg = refuse_text(code);
        assert_contains(msg, "语法错误");
        free(code);
    }
}

/* Compiled chunks, as string.dump makes them, are refused: text only. */
static void binary_chunks(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    assert_int_equal(luaL_dostring(L, "return string.dump(function() return { agency = 'x' } end)"), LUA_OK);
    size_t len;
    const char *chunk = lua_tolstring(L, -1, &len);
    assert_true(len > 4);
    const char *msg = refuse(chunk, len);
    /* either message is clear; the binary one is preferred */
    if (!strstr(msg, "二进制") && !strstr(msg, "NUL"))
        fail_msg("unclear message for a binary chunk: %s", msg);
    lua_close(L);
    /* a binary signature without NUL bytes reaches the "text only" rule itself */
    msg = refuse_text("\x1bLuaT junk without nul bytes");
    assert_contains(msg, "二进制");
}

static void size_cap(void **state)
{
    (void)state;
    /* just over the cap: refused before running anything */
    size_t n = nb_default_limits.max_bytes + 1;
    char *big = malloc(n + 1);
    memset(big, ' ', n);
    memcpy(big, "return {}", 9);
    big[n] = '\0';
    const char *msg = refuse(big, n);
    assert_contains(msg, "文件过大");
    /* at the cap it is accepted (spaces are fine) */
    nb_error err;
    nb_report *r = nb_load_buffer(big, n - 1, "ok.lua", NULL, &err);
    if (!r)
        fail_msg("a file at the cap was refused: %s", err.message);
    nb_report_free(r);
    /* through nb_load_file, from disk, with twice the cap */
    char path[] = "/tmp/nb-unit-big-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    for (int i = 0; i < 2; i++)
        fwrite(big, 1, n, f);
    fclose(f);
    double t0 = now_seconds();
    assert_null(nb_load_file(path, &err));
    assert_true(now_seconds() - t0 < HANG_SECONDS);
    assert_contains(err.message, path);
    assert_contains(err.message, "文件过大");
    unlink(path);
    /* a caller's own, smaller limits */
    nb_limits small = nb_default_limits;
    small.max_bytes = 8;
    assert_null(nb_load_buffer("return {}", 9, "small.lua", &small, &err));
    assert_contains(err.message, "文件过大");
    free(big);
}

/* The limits hold for a caller's tighter budget too. */
static void custom_limits(void **state)
{
    (void)state;
    nb_limits lim = nb_default_limits;
    lim.max_instructions = 10000;
    nb_error err;
    /* straight-line code (loops are refused before running): 20,000 instructions */
    char *code = doubling("local a, b = 0, 1 ", "a = b ", 20000, "return {}");
    assert_null(nb_load_buffer(code, strlen(code), "steps.lua", &lim, &err));
    assert_contains(err.message, "指令数上限");
    lim = nb_default_limits;
    lim.max_seconds = 0;
    lim.max_instructions = 1L << 40;
    assert_null(nb_load_buffer(code, strlen(code), "time.lua", &lim, &err));
    assert_contains(err.message, "时间上限");
    free(code);
}

/* Does buf load under these limits? (The report, when it loads, is freed at once.) */
static int loads_under(const char *buf, const nb_limits *lim)
{
    nb_error err;
    nb_report *r = nb_load_buffer(buf, strlen(buf), "budget.lua", lim, &err);
    nb_report_free(r);
    return r != NULL;
}

/* Every load starts with its whole memory and instruction budget: a file that used nearly
 * all of it, or one refused for exceeding it, takes nothing from the next (a batch loads
 * file after file; a sandbox kept or reused between loads would fail this). */
static void budgets_per_load(void **state)
{
    (void)state;
    /* a 640 KiB text built by doubling: the memory it needs is found by bisection */
    char *big = doubling("local s = \"0123456789\" ", "s = s .. s ", 16, "return { title = s }");
    nb_limits lim = nb_default_limits;
    size_t lo = 64 * 1024, hi = 64 * 1024 * 1024; /* fails at lo, loads at hi */
    lim.max_memory = hi;
    assert_true(loads_under(big, &lim));
    while (hi - lo > hi / 200) {
        lim.max_memory = lo + (hi - lo) / 2;
        if (loads_under(big, &lim))
            hi = lim.max_memory;
        else
            lo = lim.max_memory;
    }
    lim.max_memory = hi; /* the file needs more than 99 % of this budget */
    char *bomb = doubling("local s = \"0123456789\" ", "s = s .. s ", 40, "return { title = s }");
    char *small = doubling("local s = \"0123456789\" ", "s = s .. s ", 13, "return { title = s }");
    for (int round = 0; round < 3; round++) {
        assert_true(loads_under(big, &lim));
        assert_true(loads_under(small, &lim)); /* about an eighth of the budget */
        nb_error err;
        assert_null(nb_load_buffer(bomb, strlen(bomb), "bomb.lua", &lim, &err));
        assert_contains(err.message, "内存上限");
        assert_true(loads_under(big, &lim));
    }
    free(small);
    free(bomb);
    free(big);
    /* instructions: 8,000 of a budget of 10,000, again after a file that ran out of them */
    lim = nb_default_limits;
    lim.max_instructions = 10000;
    char *most = doubling("local a, b = 0, 1 ", "a = b ", 8000, "return {}");
    char *over = doubling("local a, b = 0, 1 ", "a = b ", 20000, "return {}");
    for (int round = 0; round < 3; round++) {
        assert_true(loads_under(most, &lim));
        assert_true(loads_under(most, &lim));
        nb_error err;
        assert_null(nb_load_buffer(over, strlen(over), "steps.lua", &lim, &err));
        assert_contains(err.message, "指令数上限");
    }
    free(over);
    free(most);
}

/* After all that, a good file still loads (no state leaks between loads). */
static void still_loads(void **state)
{
    (void)state;
    nb_report *r = seed_report();
    assert_int_equal(r->year, 2024);
    nb_report_free(r);
    print_message("slowest refusal: %.3f s\n", slowest);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_libraries),
        cmocka_unit_test(endless_loops),
        cmocka_unit_test(recursion),
        cmocka_unit_test(growth_bombs),
        cmocka_unit_test(deep_nesting),
        cmocka_unit_test(binary_chunks),
        cmocka_unit_test(size_cap),
        cmocka_unit_test(custom_limits),
        cmocka_unit_test(budgets_per_load),
        cmocka_unit_test(still_loads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
