/* The script state's resource lookup: the search path from $NIANBAO_PATH, a lookup never
 * follows a path cut to its buffer, and reading a file while memory runs out leaves no
 * file open. The collector's start-up pause lasts until the first check or a second
 * report. */
#include <dirent.h>
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

#include "host.h"

#define SCRIPTS NB_SOURCE_DIR "/scripts"

static int open_files(void)
{
    DIR *d = opendir("/proc/self/fd");
    assert_non_null(d);
    int n = 0;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

static void search_path_from_environment(void **state)
{
    (void)state;
    setenv("NIANBAO_PATH", "/nb-a::/nb-b:", 1);
    setenv("XDG_CONFIG_HOME", "/nonexistent-nb-unit", 1);
    const char *dirs[] = {SCRIPTS};
    lua_State *L = nb_host_new(dirs, 1);
    assert_non_null(L);
    nb_host_push_path(L);
    assert_int_equal(lua_rawlen(L, -1), 3); /* empty entries are skipped */
    const char *want[] = {SCRIPTS, "/nb-a", "/nb-b"};
    for (int i = 0; i < 3; i++) {
        lua_rawgeti(L, -1, i + 1);
        assert_string_equal(lua_tostring(L, -1), want[i]);
        lua_pop(L, 1);
    }
    nb_host_close(L);
    unsetenv("NIANBAO_PATH");
}

/* "DIR/nianbao/api.lua.missing" cut to a buffer one short of it reads "DIR/nianbao/api.lua":
 * the lookup must say not found, not return that other file. */
static void find_never_follows_a_cut_path(void **state)
{
    (void)state;
    unsetenv("NIANBAO_PATH");
    const char *dirs[] = {SCRIPTS};
    lua_State *L = nb_host_new(dirs, 1);
    assert_non_null(L);
    char where[sizeof SCRIPTS "/nianbao/api.lua"];
    int top = lua_gettop(L);
    assert_non_null(nb_host_find(L, "nianbao/api.lua", where, sizeof where));
    assert_string_equal(where, SCRIPTS "/nianbao/api.lua");
    lua_settop(L, top);
    assert_null(nb_host_find(L, "nianbao/api.lua.missing", where, sizeof where));
    assert_int_equal(lua_gettop(L), top);
    nb_host_close(L);
}

/* ---------- out of memory while reading a file ---------- */

static long allocations_left;

static void *failing_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    if (nsize > (ptr ? osize : 0) && allocations_left-- <= 0)
        return NULL;
    return realloc(ptr, nsize);
}

static int find_api(lua_State *L)
{
    char where[4096];
    if (!nb_host_find(L, "nianbao/api.lua", where, sizeof where))
        return luaL_error(L, "not found");
    return 1;
}

static void reading_out_of_memory_closes_the_file(void **state)
{
    (void)state;
    allocations_left = 1000000;
    lua_State *L = lua_newstate(failing_alloc, NULL);
    assert_non_null(L);
    /* a search path of one folder, as nb_host_new stores it */
    lua_createtable(L, 1, 0);
    lua_pushliteral(L, SCRIPTS);
    lua_rawseti(L, -2, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "nianbao.search_path");
    /* one read in full first: lauxlib registers its buffer metatable on first use, and an
     * allocation failing half-way through that registration breaks every later buffer */
    lua_pushcfunction(L, find_api);
    assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
    lua_pop(L, 1);
    int before = open_files(), succeeded = 0;
    for (long budget = 0; budget < 100 && !succeeded; budget++) {
        allocations_left = budget;
        lua_pushcfunction(L, find_api);
        int status = lua_pcall(L, 0, 1, 0);
        allocations_left = 1000000;
        succeeded = status == LUA_OK;
        if (!succeeded && status != LUA_ERRMEM) /* lauxlib's buffer raises its own message */
            assert_string_equal(lua_tostring(L, -1), "not enough memory");
        lua_pop(L, 1);
        lua_gc(L, LUA_GCCOLLECT);
        if (open_files() != before)
            fail_msg("a file was left open when allocation %ld failed", budget);
    }
    assert_true(succeeded);
    lua_close(L);
}

/* The collector's pause, read by setting it again */
static int gc_pause(lua_State *L)
{
    int pause = lua_gc(L, LUA_GCSETPAUSE, 0);
    lua_gc(L, LUA_GCSETPAUSE, pause);
    return pause;
}

static void run_lua(lua_State *L, const char *code)
{
    if (luaL_loadstring(L, code) != LUA_OK || nb_host_pcall(L, 0, 0) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
}

#define SEED NB_SOURCE_DIR "/reports/yanjin-commerce-2024.lua"

static void startup_pause_until_the_first_check_or_a_second_report(void **state)
{
    (void)state;
    const char *dirs[] = {SCRIPTS};
    /* a single check: the lazier pause through the load and the check, the default after */
    lua_State *L = nb_host_new(dirs, 1);
    assert_non_null(L);
    assert_true(nb_host_starting_up(L));
    assert_int_equal(gc_pause(L), NB_STARTUP_GC_PAUSE);
    run_lua(L, "R = require('nianbao').load('" SEED "')");
    assert_true(nb_host_starting_up(L));
    assert_int_equal(gc_pause(L), NB_STARTUP_GC_PAUSE);
    run_lua(L, "require('nianbao').check(R)");
    assert_false(nb_host_starting_up(L));
    assert_int_equal(gc_pause(L), NB_DEFAULT_GC_PAUSE);
    run_lua(L, "assert(require('nianbao').load('" SEED "'))");
    assert_int_equal(gc_pause(L), NB_DEFAULT_GC_PAUSE);
    nb_host_close(L);
    /* a batch: its second report ends start-up, also when the first failed to load */
    L = nb_host_new(dirs, 1);
    assert_non_null(L);
    run_lua(L, "assert(not require('nianbao').load('/nonexistent-nb-unit.lua'))");
    assert_true(nb_host_starting_up(L));
    run_lua(L, "assert(require('nianbao')._load_header('" SEED "'))");
    assert_false(nb_host_starting_up(L));
    assert_int_equal(gc_pause(L), NB_DEFAULT_GC_PAUSE);
    nb_host_close(L);
    /* a script's own collector settings stay: its mode, and a pause it chose */
    L = nb_host_new(dirs, 1);
    assert_non_null(L);
    run_lua(L, "collectgarbage('generational')");
    run_lua(L, "local nb = require('nianbao'); nb.check(nb.load('" SEED "'))");
    assert_false(nb_host_starting_up(L));
    assert_int_equal(lua_gc(L, LUA_GCGEN, 0, 0), LUA_GCGEN); /* the previous mode */
    nb_host_close(L);
    L = nb_host_new(dirs, 1);
    assert_non_null(L);
    run_lua(L, "collectgarbage('setpause', 160); local nb = require('nianbao'); nb.check(nb.load('" SEED "'))");
    assert_false(nb_host_starting_up(L));
    assert_int_equal(gc_pause(L), 160); /* Lua keeps a pause in steps of 4 */
    nb_host_close(L);
    /* ended by a script (a command that checks nothing), once */
    L = nb_host_new(dirs, 1);
    assert_non_null(L);
    run_lua(L, "local nb = require('nianbao'); assert(nb._end_startup() == true); "
               "assert(nb._end_startup() == false)");
    assert_int_equal(gc_pause(L), NB_DEFAULT_GC_PAUSE);
    nb_host_close(L);
}

/* Lua code that leaves a key only a collection cycle removes, and one that asks if it did */
#define MARK_GARBAGE "GC_SEEN = setmetatable({}, {__mode = 'k'}); GC_SEEN[{}] = true"
#define NO_CYCLE_RAN "assert(next(GC_SEEN) ~= nil, 'a collection cycle ran')"

static void no_collection_until_the_startup_allowance_is_spent(void **state)
{
    (void)state;
    const char *dirs[] = {SCRIPTS};
    /* the check of one report allocates well under the allowance, so it runs no cycle:
     * it does not depend on where the heap's thresholds happen to fall */
    lua_State *L = nb_host_new(dirs, 1);
    assert_non_null(L);
    run_lua(L, MARK_GARBAGE);
    run_lua(L, "local nb = require('nianbao'); nb.check(nb.load('" SEED "'))");
    run_lua(L, NO_CYCLE_RAN);
    nb_host_close(L);
    /* the allowance is bounded: past it the collector runs as before */
    L = nb_host_new(dirs, 1);
    assert_non_null(L);
    run_lua(L, MARK_GARBAGE);
    run_lua(L, "for i = 1, 1024 do local s = string.rep('x', 1000) .. i end");
    run_lua(L, NO_CYCLE_RAN); /* about 2 MiB of garbage */
    char spend[160];
    snprintf(spend, sizeof spend,
             "for i = 1, %d do local s = string.rep('y', 1000) .. i end "
             "assert(next(GC_SEEN) == nil, 'no cycle ran')",
             2 * NB_STARTUP_GC_ALLOWANCE_KB);
    run_lua(L, spend);
    nb_host_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(search_path_from_environment),
        cmocka_unit_test(find_never_follows_a_cut_path),
        cmocka_unit_test(reading_out_of_memory_closes_the_file),
        cmocka_unit_test(startup_pause_until_the_first_check_or_a_second_report),
        cmocka_unit_test(no_collection_until_the_startup_allowance_is_spent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
