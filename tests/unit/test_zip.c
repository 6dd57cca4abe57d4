/* The ZIP writer: archives that `unzip -t` accepts and whose parts come back byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "testutil.h"
#include "zip.h"

static void write_bytes(const char *path, const unsigned char *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(p, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static int run(const char *cmd)
{
    int rc = system(cmd);
    return rc;
}

static nb_zip_entry entry(const char *name, const void *data, size_t len)
{
    nb_zip_entry e = {name, strlen(name), data, len, 0};
    return e;
}

/* A compressible part, an incompressible one, a tiny one, an empty one and a UTF-8 name. */
static void test_unzip_accepts_and_extracts(void **state)
{
    (void)state;
    size_t big_len = 200000;
    char *big = malloc(big_len);
    for (size_t i = 0; i < big_len; i++)
        big[i] = "<w:p>段落</w:p>\n"[i % 19];
    unsigned char noise[5000];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof noise; i++) {
        x = x * 1103515245u + 12345u;
        noise[i] = (unsigned char)(x >> 24);
    }
    nb_zip_entry e[] = {
        entry("[Content_Types].xml", "<a/>", 4),
        entry("word/document.xml", big, big_len),
        entry("media/noise.bin", noise, sizeof noise),
        entry("empty.txt", "", 0),
        entry("年报/说明.txt", "政府信息公开", strlen("政府信息公开")),
    };
    unsigned char *zip = NULL;
    size_t len = 0;
    char err[256] = "";
    assert_int_equal(nb_zip_build(e, 5, &zip, &len, err, sizeof err), 0);
    /* the big part was deflated: the archive is far smaller than its contents */
    assert_true(len < big_len / 10 + sizeof noise + 1000);

    char path[128], cmd[512];
    snprintf(path, sizeof path, "%s/t.zip", test_dir);
    write_bytes(path, zip, len);
    snprintf(cmd, sizeof cmd, "unzip -tq '%s' >/dev/null", path);
    assert_int_equal(run(cmd), 0);
    snprintf(cmd, sizeof cmd, "cd '%s' && mkdir x && cd x && unzip -q ../t.zip", test_dir);
    assert_int_equal(run(cmd), 0);

    const char *names[] = {"[Content_Types].xml", "word/document.xml", "media/noise.bin",
                           "empty.txt", "年报/说明.txt"};
    for (size_t i = 0; i < 5; i++) {
        char p[256];
        snprintf(p, sizeof p, "%s/x/%s", test_dir, names[i]);
        size_t n = 0;
        char *got = read_file(p, &n);
        assert_non_null(got);
        assert_int_equal(n, e[i].len);
        assert_memory_equal(got, e[i].data, n);
        free(got);
    }
    /* the same input gives the same bytes (fixed dates) */
    unsigned char *again = NULL;
    size_t len2 = 0;
    assert_int_equal(nb_zip_build(e, 5, &again, &len2, err, sizeof err), 0);
    assert_int_equal(len2, len);
    assert_memory_equal(again, zip, len);
    free(again);
    free(zip);
    free(big);
}

static void test_empty_archive(void **state)
{
    (void)state;
    unsigned char *zip = NULL;
    size_t len = 0;
    char err[256];
    assert_int_equal(nb_zip_build(NULL, 0, &zip, &len, err, sizeof err), 0);
    assert_int_equal(len, 22); /* the end record alone */
    assert_int_equal(zip[0], 'P');
    free(zip);
}

static void test_bad_names_refused(void **state)
{
    (void)state;
    unsigned char *zip = NULL;
    size_t len = 0;
    char err[256] = "";
    nb_zip_entry dup[] = {entry("a.xml", "1", 1), entry("b.xml", "2", 1), entry("a.xml", "3", 1)};
    assert_int_equal(nb_zip_build(dup, 3, &zip, &len, err, sizeof err), -1);
    assert_contains(err, "重复");
    assert_contains(err, "a.xml");
    nb_zip_entry empty[] = {entry("", "1", 1)};
    assert_int_equal(nb_zip_build(empty, 1, &zip, &len, err, sizeof err), -1);
    assert_contains(err, "文件名");
    nb_zip_entry abs[] = {entry("/etc/x", "1", 1)};
    assert_int_equal(nb_zip_build(abs, 1, &zip, &len, err, sizeof err), -1);
    assert_contains(err, "/etc/x");
    /* a "." or ".." part, or an empty one, would leave the folder it is extracted into */
    const char *outside[] = {"../x", "word/../../x", "word/..", "./a", "a//b", "a/"};
    for (size_t i = 0; i < sizeof outside / sizeof *outside; i++) {
        nb_zip_entry e[] = {entry(outside[i], "1", 1)};
        err[0] = '\0';
        assert_int_equal(nb_zip_build(e, 1, &zip, &len, err, sizeof err), -1);
        assert_contains(err, outside[i]);
    }
    nb_zip_entry dots[] = {entry("a..b/.c/x..", "1", 1)}; /* dots inside a name are fine */
    assert_int_equal(nb_zip_build(dots, 1, &zip, &len, err, sizeof err), 0);
    free(zip);
    zip = NULL;
    /* a buffer smaller than the bound is refused, not overrun */
    nb_zip_entry one[] = {entry("a", "hello", 5)};
    unsigned char small[40];
    assert_int_equal(nb_zip_write(one, 1, small, sizeof small, &len, err, sizeof err), -1);
}

/* nb.zip from Lua: a string back, and clear errors for a wrong shape. */
static void test_lua_binding(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_pushcfunction(L, nb_l_zip);
    lua_setglobal(L, "zip");
    const char *ok = "local z = zip{ {name='a.txt', data=string.rep('x', 1000)}, {name='b', data=''} }\n"
                     "assert(type(z) == 'string' and z:sub(1, 4) == 'PK\\3\\4')\n"
                     "return #z";
    assert_int_equal(luaL_dostring(L, ok), LUA_OK);
    assert_true(lua_tointeger(L, -1) > 22 && lua_tointeger(L, -1) < 1000);
    lua_pop(L, 1);
    assert_int_not_equal(luaL_dostring(L, "return zip{ {name='a'} }"), LUA_OK);
    assert_contains(lua_tostring(L, -1), "data");
    lua_pop(L, 1);
    assert_int_not_equal(luaL_dostring(L, "return zip{ 'a' }"), LUA_OK);
    assert_contains(lua_tostring(L, -1), "第 1 项");
    lua_pop(L, 1);
    assert_int_not_equal(luaL_dostring(L, "return zip{ {name='a', data='1'}, {name='a', data='2'} }"),
                         LUA_OK);
    assert_contains(lua_tostring(L, -1), "重复");
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unzip_accepts_and_extracts),
        cmocka_unit_test(test_empty_archive),
        cmocka_unit_test(test_bad_names_refused),
        cmocka_unit_test(test_lua_binding),
    };
    return cmocka_run_group_tests(tests, make_test_dir, remove_test_dir);
}
