/* tools/bcstrip.c over every bundled script (their sources are embedded in nbcore): with
 * nothing to drop the chunk comes back byte for byte; dropping the locals keeps the line
 * information and the upvalue names, and the result loads; a chunk cut short, with bytes
 * after it or with a header of another Lua is refused. */
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

#include "bcstrip.h"
#include "bytes.h"
#include "host.h"

/* lua_dump into a growing buffer (host/bytes.c) */
static int writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    assert_true(nb_bytes_add(ud, p, sz));
    return 0;
}

/* the embedded script NAME compiled and dumped with its debug information */
static nb_bytes dump_of(lua_State *L, const nb_embedded_file *e)
{
    nb_bytes b = {0};
    char chunk[300];
    snprintf(chunk, sizeof chunk, "@scripts/%s", e->name);
    assert_int_equal(luaL_loadbufferx(L, e->data, e->len, chunk, "t"), LUA_OK);
    assert_int_equal(lua_dump(L, writer, &b, 0), 0);
    lua_pop(L, 1);
    return b;
}

static int is_script(const nb_embedded_file *e)
{
    size_t n = strlen(e->name);
    return n > 4 && strcmp(e->name + n - 4, ".lua") == 0 && strncmp(e->name, "docs/", 5) != 0;
}

/* b rewritten with flags into a new buffer (*out, to free): its length, or 0 with *why */
static size_t stripped(const nb_bytes *b, int flags, unsigned char **out, const char **why)
{
    *out = malloc(b->len + 1);
    assert_non_null(*out);
    *why = NULL;
    return nb_bc_strip((const unsigned char *)b->data, b->len, *out, flags, why);
}

static void nothing_dropped_is_the_same_bytes(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    size_t scripts = 0;
    for (size_t i = 0; i < nb_embedded_count; i++) {
        if (!is_script(&nb_embedded_files[i]))
            continue;
        nb_bytes b = dump_of(L, &nb_embedded_files[i]);
        unsigned char *out;
        const char *why;
        size_t n = stripped(&b, 0, &out, &why);
        if (n != b.len || memcmp(out, b.data, n) != 0)
            fail_msg("%s: %s", nb_embedded_files[i].name, why ? why : "bytes differ");
        free(out);
        free(b.data);
        scripts++;
    }
    assert_true(scripts > 10);
    lua_close(L);
}

/* every script shrinks when its locals go, loads, and a dump of it gives the same bytes */
static void locals_dropped_loads(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    size_t before = 0, after = 0;
    for (size_t i = 0; i < nb_embedded_count; i++) {
        if (!is_script(&nb_embedded_files[i]))
            continue;
        nb_bytes b = dump_of(L, &nb_embedded_files[i]);
        unsigned char *out;
        const char *why;
        size_t n = stripped(&b, NB_BC_DROP_LOCALS, &out, &why);
        if (n == 0)
            fail_msg("%s: %s", nb_embedded_files[i].name, why);
        assert_int_equal(luaL_loadbufferx(L, (const char *)out, n, "x", "b"), LUA_OK);
        nb_bytes again = {0};
        assert_int_equal(lua_dump(L, writer, &again, 0), 0);
        assert_int_equal(again.len, n);
        assert_memory_equal(again.data, out, n);
        lua_pop(L, 1);
        before += b.len;
        after += n;
        free(again.data);
        free(out);
        free(b.data);
    }
    assert_true(after < before);
    lua_close(L);
}

static const char SAMPLE[] =
    "local helper = string.upper\n"
    "local function f(alpha, beta)\n"
    "  local gamma = alpha .. beta\n"
    "  return helper(gamma)\n"
    "end\n"
    "return f\n";

/* the function f of SAMPLE, rewritten with flags, loaded and called once: on the stack */
static void load_sample(lua_State *L, int flags)
{
    nb_bytes b = {0};
    assert_int_equal(luaL_loadbufferx(L, SAMPLE, sizeof SAMPLE - 1, "@scripts/sample.lua", "t"), LUA_OK);
    assert_int_equal(lua_dump(L, writer, &b, 0), 0);
    lua_pop(L, 1);
    unsigned char *out = malloc(b.len);
    const char *why = NULL;
    size_t n = nb_bc_strip((const unsigned char *)b.data, b.len, out, flags, &why);
    assert_true(n > 0);
    assert_int_equal(luaL_loadbufferx(L, (const char *)out, n, "x", "b"), LUA_OK);
    lua_call(L, 0, 1);
    assert_true(lua_isfunction(L, -1));
    free(out);
    free(b.data);
}

static void sample_keeps_lines_and_upvalue_names(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    load_sample(L, 0);
    assert_string_equal(lua_getlocal(L, NULL, 1), "alpha"); /* the control: names kept */
    lua_settop(L, 0);

    load_sample(L, NB_BC_DROP_LOCALS);
    lua_pushvalue(L, -1);
    assert_null(lua_getlocal(L, NULL, 1));
    lua_Debug ar;
    lua_pushvalue(L, -1);
    assert_true(lua_getinfo(L, ">SL", &ar));
    assert_string_equal(ar.source, "@scripts/sample.lua");
    assert_int_equal(ar.linedefined, 2);
    lua_pushnil(L);
    assert_true(lua_next(L, -2)); /* activelines: the line information is there */
    lua_settop(L, 1);
    assert_string_equal(lua_getupvalue(L, 1, 1), "helper");
    lua_settop(L, 0);

    load_sample(L, NB_BC_DROP_LOCALS | NB_BC_DROP_UPNAMES);
    assert_string_equal(lua_getupvalue(L, 1, 1), "(no name)");
    lua_settop(L, 0);
    lua_close(L);
}

/* the messages of errors in rewritten bytecode: file:line and "global 'x'" stay, and the
 * local's name goes with the locals */
static void error_messages(void **state)
{
    (void)state;
    static const char src[] =
        "return function(k)\n"
        "  if k then return no_such_global.field end\n"
        "  local t = nil\n"
        "  return t.field\n"
        "end\n";
    const char *want[][2] = {
        {"scripts/e.lua:2: attempt to index a nil value (global 'no_such_global')",
         "scripts/e.lua:4: attempt to index a nil value (local 't')"},
        {"scripts/e.lua:2: attempt to index a nil value (global 'no_such_global')",
         "scripts/e.lua:4: attempt to index a nil value"},
    };
    for (int drop = 0; drop < 2; drop++) {
        lua_State *L = luaL_newstate();
        nb_bytes b = {0};
        assert_int_equal(luaL_loadbufferx(L, src, sizeof src - 1, "@scripts/e.lua", "t"), LUA_OK);
        assert_int_equal(lua_dump(L, writer, &b, 0), 0);
        lua_settop(L, 0);
        unsigned char *out = malloc(b.len);
        const char *why;
        size_t n = nb_bc_strip((const unsigned char *)b.data, b.len, out, drop ? NB_BC_DROP_LOCALS : 0, &why);
        assert_true(n > 0);
        assert_int_equal(luaL_loadbufferx(L, (const char *)out, n, "x", "b"), LUA_OK);
        lua_call(L, 0, 1);
        for (int k = 0; k < 2; k++) {
            lua_pushvalue(L, 1);
            lua_pushboolean(L, k == 0);
            assert_int_not_equal(lua_pcall(L, 1, 0, 0), LUA_OK);
            assert_string_equal(lua_tostring(L, -1), want[drop][k]);
            lua_pop(L, 1);
        }
        free(out);
        free(b.data);
        lua_close(L);
    }
}

static void refuses_what_it_does_not_know(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    nb_bytes b = {0};
    assert_int_equal(luaL_loadbufferx(L, SAMPLE, sizeof SAMPLE - 1, "@s", "t"), LUA_OK);
    assert_int_equal(lua_dump(L, writer, &b, 0), 0);
    unsigned char *out = malloc(b.len + 1);
    const char *why;
    for (size_t cut = 0; cut < b.len; cut++) /* every prefix */
        assert_int_equal(nb_bc_strip((const unsigned char *)b.data, cut, out, NB_BC_DROP_LOCALS, &why), 0);
    unsigned char *longer = malloc(b.len + 1);
    memcpy(longer, b.data, b.len);
    longer[b.len] = 0;
    assert_int_equal(nb_bc_strip(longer, b.len + 1, out, NB_BC_DROP_LOCALS, &why), 0);
    assert_string_equal(why, "bytes after the main function");
    /* version, format, LUAC_DATA, the sizes, the check integer and number */
    size_t places[] = {4, 5, 8, 12, 13, 14, 15, 15 + sizeof(lua_Integer)};
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        memcpy(longer, b.data, b.len);
        longer[places[i]] ^= 0x01;
        assert_int_equal(nb_bc_strip(longer, b.len, out, NB_BC_DROP_LOCALS, &why), 0);
    }
    memcpy(longer, b.data, b.len); /* the control: unchanged, it is accepted */
    assert_true(nb_bc_strip(longer, b.len, out, NB_BC_DROP_LOCALS, &why) > 0);
    free(longer);
    free(out);
    free(b.data);
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nothing_dropped_is_the_same_bytes),
        cmocka_unit_test(locals_dropped_loads),
        cmocka_unit_test(sample_keeps_lines_and_upvalue_names),
        cmocka_unit_test(error_messages),
        cmocka_unit_test(refuses_what_it_does_not_know),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
