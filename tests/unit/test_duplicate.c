/* A key given twice in one table constructor (host/diagnose.c nb_diagnose_duplicate_key):
 * the scan against Lua itself, and the forms of a key, line ends and files that end early. */
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
#include <lualib.h>

#include "bytes.h"
#include "diagnose.h"

/* The scan of exactly len bytes in a buffer of their own (no NUL after them, so that the
 * sanitizer sees a read past the end); the line it names, 0 when it finds no repeat. */
static int dup_line(const char *text, size_t len, nb_error *err)
{
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    memcpy(copy, text, len);
    err->message[0] = '\0';
    int found = nb_diagnose_duplicate_key(copy, len, "x.lua", err);
    free(copy);
    if (!found)
        return 0;
    int line = 0;
    assert_int_equal(sscanf(err->message, "x.lua:%d:", &line), 1);
    return line;
}

static int dup(const char *text, nb_error *err) { return dup_line(text, strlen(text), err); }

#define assert_contains(hay, needle) \
    do { \
        if (!strstr((hay), (needle))) \
            fail_msg("“%s” lacks “%s”", (hay), (needle)); \
    } while (0)

static void keys_written_differently(void **state)
{
    (void)state;
    nb_error err;
    /* a string key is compared by its value, however it is written */
    assert_int_equal(dup("return { a = 1, [\"\\97\"] = 2 }", &err), 1);
    assert_int_equal(dup("return { a = 1, ['\\x61'] = 2 }", &err), 1);
    assert_int_equal(dup("return { a = 1, [\"\\u{61}\"] = 2 }", &err), 1);
    assert_int_equal(dup("return { a = 1,\n ['a\\z\n   '] = 2 }", &err), 2);
    assert_int_equal(dup("return { [ [[a]] ] = 1, a = 2 }", &err), 1);
    assert_int_equal(dup("return { [ [==[\na]==] ] = 1,\n [\"a\"] = 2 }", &err), 3);
    assert_int_equal(dup("return { [\"a\\\"b\"] = 1, ['a\"b'] = 2 }", &err), 1);
    assert_int_equal(dup("return { ['\\65\\066'] = 1, AB = 2 }", &err), 1);
    assert_contains(err.message, "AB");
    assert_int_equal(dup("return { [\"a\\\\\"] = 1, [ [[a\\]] ] = 2 }", &err), 1);
    assert_int_equal(dup("return { [\"a\"] = 1, [\"a \"] = 2, [\"\\97b\"] = 3, ab = 4 }", &err), 1);
    assert_int_equal(dup("return { [\"a\"] = 1, [\"A\"] = 2, ['a\\0'] = 3 }", &err), 0);
    /* numbers: one key however written, and the same as a list's place */
    assert_int_equal(dup("return { [1] = 1, [1.0] = 2 }", &err), 1);
    assert_int_equal(dup("return { [0x10] = 1, [16] = 2, [1.6e1] = 3 }", &err), 1);
    assert_int_equal(dup("return { 5,\n [1] = 2 }", &err), 2);
    assert_contains(err.message, "[1]");
    assert_contains(err.message, "列表的各项"); /* Lua keeps the item's 5: not "the later wins" */
    assert_int_equal(dup("return { [2] = 5,\n 'a',\n 'b' }", &err), 3);
    assert_int_equal(dup("return { [-1] = 1, [ - 1.0 ] = 2 }", &err), 1);
    assert_int_equal(dup("return { [true] = 1, [ true ] = 2 }", &err), 1);
    assert_int_equal(dup("return { [1] = 1, [\"1\"] = 2, [2] = 3, [3] = 'x', [1.5] = 4, [0.5] = 6 }", &err), 0);
    assert_int_equal(dup("return { [true] = 1, [false] = 2, [0] = 3, [-0] = 4 }", &err), 1);
    /* blanks and comments between a key's parts */
    assert_int_equal(dup("return {\n a --[[c]]\n = 1,\n a\n= 2 }", &err), 4);
    assert_int_equal(dup("return { [ --x\n 'a' --[==[y]==]\n ] = 1, a = 2 }", &err), 3);
}

static void line_ends(void **state)
{
    (void)state;
    nb_error err;
    /* Lua counts \r, \n, \r\n and \n\r as one line end each */
    assert_int_equal(dup("return {\r  a = 1,\r  a = 2,\r}", &err), 3);
    assert_int_equal(dup("return {\r\n  a = 1,\r\n  a = 2,\r\n}", &err), 3);
    assert_int_equal(dup("return {\n\r  a = 1,\n\r  a = 2,\n\r}", &err), 3);
    assert_int_equal(dup("return { --c\r a = 1, --[[\r\r]] a = 2 }", &err), 4);
    /* an escaped line end in a string, and \z, are line ends of the file */
    assert_int_equal(dup("return {\r\n  s = \"x\\\r\n}\",\r\n  a = 1,\r\n  a = 2,\r\n}", &err), 5);
    assert_int_equal(dup("return {\r  s = 'x\\z\r\r  }',\r  a = 1, a = 2 }", &err), 5);
    assert_int_equal(dup("return {\n  s = [[\r\n}\n\r]], a = 1, a = 2 }", &err), 4);
}

static void not_repeats(void **state)
{
    (void)state;
    nb_error err;
    /* the same key in two tables, or in a table and the one it is in */
    assert_int_equal(dup("return { a = { x = 1 }, b = { x = 2 }, { x = 3 } }", &err), 0);
    assert_int_equal(dup("return { x = { x = { x = 1 } }, y = 1 }", &err), 0);
    /* the statements of a function in a table are no fields of it */
    assert_int_equal(dup("return { v = (function() local x; x = 1; x = 2; return 3 end)() }", &err), 0);
    assert_int_equal(dup("return { f(a, b), [2] = 1 }", &err), 0);
    assert_int_equal(dup("return { v = (function() if x then x = 1; x = 2 end do y = 1; y = 2 end "
                         "repeat z = 1; z = 2 until z return 1 end)(), v2 = 1 }",
                         &err),
                     0);
    /* but a table made in the function is one */
    assert_int_equal(dup("return { v = (function() return { a = 1,\n a = 2 } end)() }", &err), 2);
    /* keys in strings and comments */
    assert_int_equal(dup("return { s = 'a = 1, a = 2', t = [[{a=1,a=2}]] --[=[{a=1,a=2}]=]\n, u = \"[[\" }", &err), 0);
    /* a first line from #! is no Lua */
    assert_int_equal(dup("#!/usr/bin/lua \" [[ {a=1,a=2}\nreturn { a = 1 }", &err), 0);
}

static void message_names_the_path(void **state)
{
    (void)state;
    nb_error err;
    assert_int_equal(dup("return {\n list = {\n  { k = 1 },\n  { k = 1,\n    k = 2 } } }", &err), 5);
    assert_contains(err.message, "list[2].k");
    assert_contains(err.message, "第 4 行");
    /* a key of a page of text: named by its start, the message's end kept */
    nb_bytes b = {0};
    nb_bytes_add(&b, "return {\n", 9);
    for (int i = 0; i < 2; i++) {
        nb_bytes_add(&b, " [\"", 3);
        for (int j = 0; j < 2000; j++)
            nb_bytes_add(&b, "长", strlen("长"));
        nb_bytes_add(&b, "\"] = 1,\n", 8);
    }
    nb_bytes_add(&b, "}", 1);
    assert_int_equal(dup_line(b.data, b.len, &err), 3);
    assert_contains(err.message, "长…”重复（第 2 行已写过一次）");
    assert_contains(err.message, "请删去其中一个");
    free(b.data);
}

/* Files that end inside a string, a long bracket, a comment or a key: no read past the end. */
static void files_that_end_early(void **state)
{
    (void)state;
    nb_error err;
    const char *cut[] = {"return { a = \"abc", "return { a = 'ab\\", "return { a = [==[abc]=", "return { --[[ x",
                         "return { [\"a\\", "return { [ [[a", "return { [", "return { a", "return { a =",
                         "return { ['a'] ", "return { [\"a\\u{6", "return { [\"a\\x6", "return { [\"a\\z",
                         "return { [1e", "return { [0x", "return { [-", "return { 1, [1]", "-", "--[", "[="};
    for (size_t i = 0; i < sizeof cut / sizeof *cut; i++)
        for (size_t n = 0; n <= strlen(cut[i]); n++)
            assert_int_equal(dup_line(cut[i], n, &err), 0);
}

/* Deep nesting, and a file of a megabyte: no stack or time past reason. */
static void big_files(void **state)
{
    (void)state;
    nb_error err;
    nb_bytes b = {0};
    for (int i = 0; i < 100000; i++)
        nb_bytes_add(&b, "{", 1);
    assert_int_equal(dup_line(b.data, b.len, &err), 0);
    free(b.data);
    b = (nb_bytes){0};
    nb_bytes_add(&b, "return {\n", 9);
    char line[64];
    for (int i = 0; i < 50000; i++) {
        int n = snprintf(line, sizeof line, "  k%d = { %d, [\"k%d\"] = 1 },\n", i, i, i);
        nb_bytes_add(&b, line, (size_t)n);
    }
    assert_true(b.len > 1000000);
    assert_int_equal(dup_line(b.data, b.len, &err), 0);
    nb_bytes_add(&b, "  k7 = 1,\n}", 11);
    assert_int_equal(dup_line(b.data, b.len, &err), 50002);
    assert_contains(err.message, "第 9 行");
    free(b.data);
}

/* ---------- random data files against Lua ---------- */

static uint64_t rng = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

typedef struct {
    nb_bytes plain, lua; /* the file; the same with each table counted by C(n, t) */
} gen;

static void both(gen *g, const char *s)
{
    nb_bytes_add(&g->plain, s, strlen(s));
    nb_bytes_add(&g->lua, s, strlen(s));
}

static void blank(gen *g)
{
    static const char *const blanks[] = {"", "", " ", " ", "\n", "\r\n", "\r", "\n\r", "\t", "--c\n",
                                         "--[[x\ny]]", "--[==[ ]] \r]==]", "-- [[\r", " --\n"};
    both(g, blanks[rnd(sizeof blanks / sizeof *blanks)]);
}

static void gen_table(gen *g, int depth);

static void gen_value(gen *g, int depth)
{
    static const char *const values[] = {
        "1", "0x1p4", "1e-5", "'x'", "\"a = 1, a = 2\"", "'\\'{'", "\"\\\"}\"", "[[ { a = 1, a = 2 ]]",
        "[=[ ]] }]=]", "true", "'\\z\n  }'", "\"\\\r\n\"", "(function() local x; x = 1; x = 2; return 1 end)()",
        "-2", "'--'"};
    if (depth < 3 && rnd(4) == 0)
        gen_table(g, depth + 1);
    else
        both(g, values[rnd(sizeof values / sizeof *values)]);
}

static void gen_key(gen *g)
{
    static const char *const keys[] = {
        "a", "b", "_1", "a", "b", "[\"a\"]", "['b']", "[\"\\97\"]", "['\\x62']", "[\"\\u{61}\"]", "['a\\z \n ']",
        "[ [[a]]]", "[ [==[\na]==] ]", "[ [[\r\nb]] ]", "[\"1\"]", "[1]", "[2]", "[1.0]", "[0x2]", "[2e0]",
        "[-1]", "[ - 1.0 ]", "[0.5]", "[5e-1]", "[true]", "[false]", "[1.5]", "[\"a\\0\"]", "['\\65']",
        "A"};
    const char *k = keys[rnd(sizeof keys / sizeof *keys)];
    if (k[0] == '[' && k[1] != '[' && k[1] != ' ' && rnd(3) == 0) { /* blanks inside the brackets */
        both(g, "[");
        blank(g);
        size_t n = strlen(k);
        char inner[64];
        memcpy(inner, k + 1, n - 2);
        inner[n - 2] = '\0';
        both(g, inner);
        blank(g);
        both(g, "]");
    } else {
        both(g, k);
    }
    blank(g);
    both(g, "=");
    blank(g);
}

static void gen_table(gen *g, int depth)
{
    unsigned n = rnd(6);
    char count[32];
    snprintf(count, sizeof count, "C(%u, ", n);
    nb_bytes_add(&g->lua, count, strlen(count));
    both(g, "{");
    for (unsigned i = 0; i < n; i++) {
        blank(g);
        if (rnd(3))
            gen_key(g);
        gen_value(g, depth);
        blank(g);
        if (i + 1 < n || rnd(2))
            both(g, rnd(2) ? "," : ";");
    }
    blank(g);
    both(g, "}");
    nb_bytes_add(&g->lua, ")", 1);
}

/* Lua's answer: some table has fewer keys than its constructor has fields (no value is nil) */
static int lua_finds_repeat(lua_State *L, const nb_bytes *text)
{
    lua_pushnil(L);
    lua_setglobal(L, "REPEAT");
    if (luaL_loadbuffer(L, text->data, text->len, "=g") != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK)
        fail_msg("Lua: %s\n%s", lua_tostring(L, -1), text->data);
    int found = lua_getglobal(L, "REPEAT") != LUA_TNIL;
    lua_pop(L, 1);
    return found;
}

static void random_files_as_lua_counts_them(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    assert_int_equal(luaL_dostring(L, "function C(n, t) local k = 0 for _ in pairs(t) do k = k + 1 end "
                                      "if k < n then REPEAT = true end return t end"),
                     LUA_OK);
    int repeats = 0, cases = 4000;
    for (int i = 0; i < cases; i++) {
        gen g = {{0}, {0}};
        blank(&g);
        both(&g, "return");
        both(&g, " ");
        gen_table(&g, 0);
        blank(&g);
        int want = lua_finds_repeat(L, &g.lua);
        nb_error err;
        int got = dup_line(g.plain.data, g.plain.len, &err) > 0;
        if (got != want)
            fail_msg("case %d: Lua %s a repeated key, the scan %s (%s):\n%s", i, want ? "finds" : "finds no",
                     got ? "does" : "does not", err.message, g.plain.data);
        repeats += want;
        free(g.plain.data);
        free(g.lua.data);
    }
    /* both answers are common enough to mean something */
    assert_true(repeats > cases / 5 && repeats < cases * 4 / 5);
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keys_written_differently), cmocka_unit_test(line_ends),
        cmocka_unit_test(not_repeats),              cmocka_unit_test(message_names_the_path),
        cmocka_unit_test(files_that_end_early),     cmocka_unit_test(big_files),
        cmocka_unit_test(random_files_as_lua_counts_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
