/* The bundled scripts embedded as bytecode (tools/compile.c): every script carries bytecode
 * with its line information, its upvalue names and the chunk name it always had, but not its
 * local variables' names; a file along the search path still wins over the embedded copy
 * and is compiled from source, its errors naming file:line. */
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

#include "host.h"

static void every_script_has_bytecode(void **state)
{
    (void)state;
    size_t scripts = 0;
    for (size_t i = 0; i < nb_embedded_count; i++) {
        const nb_embedded_file *e = &nb_embedded_files[i];
        size_t n = strlen(e->name);
        if (n > 4 && strcmp(e->name + n - 4, ".lua") == 0 && strncmp(e->name, "docs/", 5) != 0) {
            scripts++;
            assert_non_null(e->code);
            assert_true(e->code_len > 4);
            assert_memory_equal(e->code, LUA_SIGNATURE, 4);
        } else {
            assert_null(e->code); /* templates stay text */
        }
    }
    assert_true(scripts > 10);
}

/* A host state with nothing on the search path but the embedded copy, and the chunk of
 * nianbao/json.lua loaded from it on top of its stack. */
static lua_State *embedded_json_chunk(void)
{
    unsetenv("NIANBAO_PATH");
    setenv("XDG_CONFIG_HOME", "/nonexistent-nb-unit", 1);
    lua_State *L = nb_host_new(NULL, 0);
    assert_non_null(L);
    char where[4096];
    int err = -1;
    assert_non_null(nb_host_load(L, "nianbao/json.lua", where, sizeof where, &err, NULL));
    assert_int_equal(err, 0);
    assert_string_equal(where, "scripts/nianbao/json.lua");
    assert_true(lua_isfunction(L, -1));
    return L;
}

/* the embedded module is the bytecode, keeps its chunk name and its line numbers */
static void embedded_module_keeps_name_and_lines(void **state)
{
    (void)state;
    lua_State *L = embedded_json_chunk();
    lua_Debug ar;
    lua_pushvalue(L, -1);
    assert_true(lua_getinfo(L, ">SL", &ar));
    assert_string_equal(ar.source, "@scripts/nianbao/json.lua");
    assert_true(lua_istable(L, -1)); /* activelines: line information was kept */
    lua_pushnil(L);
    assert_true(lua_next(L, -2));
    nb_host_close(L);
}

/* the embedded bytecode has no local names (tools/bcstrip.c) but keeps the lines and the
 * upvalue names: json.decode(s) has no name for s, starts at a line and knows decode_value */
static void embedded_module_has_no_local_names(void **state)
{
    (void)state;
    lua_State *L = embedded_json_chunk();
    lua_call(L, 0, 1);
    lua_getfield(L, -1, "decode");
    assert_true(lua_isfunction(L, -1));
    int fn = lua_gettop(L);
    lua_pushvalue(L, fn);
    assert_null(lua_getlocal(L, NULL, 1)); /* "s" with the local names kept */
    lua_Debug ar;
    lua_pushvalue(L, fn);
    assert_true(lua_getinfo(L, ">SL", &ar));
    assert_string_equal(ar.source, "@scripts/nianbao/json.lua");
    assert_true(ar.linedefined > 0);
    lua_pushnil(L);
    assert_true(lua_next(L, -2)); /* activelines */
    lua_settop(L, fn);
    int named = 0;
    const char *name;
    for (int i = 1; (name = lua_getupvalue(L, fn, i)) != NULL; i++) {
        named |= strcmp(name, "decode_value") == 0;
        lua_pop(L, 1);
    }
    assert_true(named);
    nb_host_close(L);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* a file on the path overrides the embedded copy; it is source, and errors say file:line */
static void file_on_path_overrides_and_is_source(void **state)
{
    (void)state;
    char dir[] = "/tmp/nb-embedded-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char sub[64], file[96];
    snprintf(sub, sizeof sub, "%s/nianbao", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(file, sizeof file, "%s/json.lua", sub);
    write_text(file, "return { overridden = true }\n");
    const char *dirs[] = {dir};
    lua_State *L = nb_host_new(dirs, 1);
    assert_non_null(L);
    char where[4096];
    int err = -1;
    assert_non_null(nb_host_load(L, "nianbao/json.lua", where, sizeof where, &err, NULL));
    assert_string_equal(where, file);
    lua_call(L, 0, 1);
    lua_getfield(L, -1, "overridden");
    assert_true(lua_toboolean(L, -1));
    lua_settop(L, 0);
    /* bytecode in a user's file is refused: files on the path are loaded as text only */
    write_text(file, "\x1bLua garbage");
    assert_null(nb_host_load(L, "nianbao/json.lua", where, sizeof where, &err, NULL));
    assert_int_equal(err, 1);
    lua_settop(L, 0);
    write_text(file, "local x = \n\n(\n");
    assert_null(nb_host_load(L, "nianbao/json.lua", where, sizeof where, &err, NULL));
    assert_int_equal(err, 1);
    assert_int_equal(lua_gettop(L), 1); /* the message alone, not the text under it */
    char want[128];
    snprintf(want, sizeof want, "%s:", file);
    assert_non_null(strstr(lua_tostring(L, -1), want));
    assert_non_null(strstr(lua_tostring(L, -1), ":4:")); /* unexpected end at line 4 */
    lua_settop(L, 0);
    assert_null(nb_host_load(L, "nianbao/no-such-module.lua", where, sizeof where, &err, NULL));
    assert_int_equal(err, 0);
    assert_int_equal(lua_gettop(L), 0);
    nb_host_close(L);
    unlink(file);
    rmdir(sub);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_script_has_bytecode),
        cmocka_unit_test(embedded_module_keeps_name_and_lines),
        cmocka_unit_test(embedded_module_has_no_local_names),
        cmocka_unit_test(file_on_path_overrides_and_is_source),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
