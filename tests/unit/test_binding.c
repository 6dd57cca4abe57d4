/* The Lua binding: the frozen view (values, labels, read-only at every level, pairs/ipairs/#),
 * report:copy() and report:cell(), nb.check on a modified copy, findings. Each test runs Lua
 * snippets in a real script state (nb_host_new) and asserts on what they return. */
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

#include "binding.h"
#include "host.h"
#include "testutil.h"

static lua_State *L;

static int setup(void **state)
{
    (void)state;
    /* only the embedded scripts: no user folders on the search path */
    unsetenv("NIANBAO_PATH");
    setenv("XDG_CONFIG_HOME", "/nonexistent-nb-unit", 1);
    L = nb_host_new(NULL, 0);
    return L ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    nb_host_close(L);
    return 0;
}

/* Run a snippet; its results stay on the stack (the caller pops them). */
static void lua_ok(const char *code, int nresults)
{
    if (luaL_loadstring(L, code) != LUA_OK || nb_host_pcall(L, 0, nresults) != LUA_OK)
        fail_msg("Lua failed: %s\n--- in:\n%s", lua_tostring(L, -1), code);
}

/* Run a snippet that must raise; returns its message (valid until the next call). */
static const char *lua_fails(const char *code)
{
    static char msg[4096];
    if (luaL_loadstring(L, code) != LUA_OK)
        fail_msg("syntax: %s", lua_tostring(L, -1));
    if (nb_host_pcall(L, 0, 0) == LUA_OK)
        fail_msg("no error from:\n%s", code);
    snprintf(msg, sizeof msg, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    return msg;
}

static const char *str_at(int idx)
{
    if (lua_type(L, idx) != LUA_TSTRING)
        fail_msg("expected a string at %d, got %s", idx, luaL_typename(L, idx));
    return lua_tostring(L, idx);
}

/* nb_push_report may raise, so C pushes a report inside a protected call. */
static int push_report_protected(lua_State *L)
{
    nb_push_report(L, lua_touserdata(L, 1));
    return 1;
}

/* The seed, with table 三 filled with distinct numbers, as the global `R` (a frozen view);
 * the same model is returned for comparison. */
static nb_report *push_numbered_seed(void)
{
    nb_report *mine = seed_report(), *theirs = seed_report();
    for (int k = 0; k < NB_T3_ROWS; k++)
        for (int c = 0; c < NB_T3_COLS; c++) {
            mine->requests[k][c].count = theirs->requests[k][c].count = 100 * k + c;
        }
    mine->proactive[NB_T2_CELLS - 1].amount = theirs->proactive[NB_T2_CELLS - 1].amount = 5125.11;
    lua_pushcfunction(L, push_report_protected);
    lua_pushlightuserdata(L, theirs);
    if (nb_host_pcall(L, 1, 1) != LUA_OK)
        fail_msg("nb_push_report: %s", lua_tostring(L, -1));
    lua_setglobal(L, "R");
    return mine;
}

static void values_reach_lua(void **state)
{
    (void)state;
    nb_report *r = push_numbered_seed();
    lua_ok("local nb = require 'nianbao'\n"
           "return math.type(R.requests.new[1]), math.type(R.proactive.fees), R.proactive.fees,\n"
           "  R.year, math.type(R.year), R.agency, R.title, R.format, #R.overview, R.overview[2].text,\n"
           "  R.overview[5].heading, R.other_matters, math.type(R.appeals.review.total)",
           13);
    assert_string_equal(str_at(-13), "integer");
    assert_string_equal(str_at(-12), "float");
    assert_true(lua_tonumber(L, -11) == 5125.11);
    assert_int_equal(lua_tointeger(L, -10), 2024);
    assert_string_equal(str_at(-9), "integer");
    assert_string_equal(str_at(-8), "延津县商务局");
    assert_string_equal(str_at(-7), "延津县商务局 2024 年政府信息公开工作年度报告");
    assert_int_equal(lua_tointeger(L, -6), 2021);
    assert_int_equal(lua_tointeger(L, -5), 5);
    assert_string_equal(str_at(-4), r->overview[1].text);
    assert_string_equal(str_at(-3), "监督保障");
    assert_string_equal(str_at(-2), r->other_matters);
    assert_string_equal(str_at(-1), "integer");
    lua_pop(L, 13);
    /* every cell of table 三, through report:cell(path, column) */
    for (int k = 0; k < NB_T3_ROWS; k++)
        for (int c = 0; c < NB_T3_COLS; c++) {
            char code[256];
            snprintf(code, sizeof code, "return R:cell('requests.%s', %d)", nb_t3_rows[k].key, c + 1);
            lua_ok(code, 1);
            if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) != r->requests[k][c].count)
                fail_msg("%s[%d]: %s in Lua, %lld in C", nb_t3_rows[k].key, c + 1, luaL_tolstring(L, -1, NULL),
                         (long long)r->requests[k][c].count);
            lua_pop(L, 1);
        }
    lua_ok("return R:cell('appeals.litigation_direct.pending'), R:cell('proactive.regulations', 'in_force'),"
           " R:cell('overview.1.heading'), R:cell('signature.date')", 4);
    assert_int_equal(lua_tointeger(L, -4), 0);
    assert_true(lua_isinteger(L, -4));
    assert_int_equal(lua_tointeger(L, -3), 0);
    assert_string_equal(lua_tostring(L, -2), "主动公开"); /* a number in the path is an index */
    assert_true(lua_isnil(L, -1)); /* a path of the format that this report leaves out */
    lua_pop(L, 4);
    /* a path the format does not have is an error, with the nearest one */
    assert_non_null(strstr(lua_fails("return R:cell('requests.withheld.thirdparty', 1)"), "requests.withheld.third_party"));
    assert_non_null(strstr(lua_fails("return R:cell('agency.x')"), "agency.x"));
    /* a column by number at the end of a row's path */
    lua_ok("return R:cell('requests.new.7') == R:cell('requests.new', 7), R:cell('requests.new.7')", 2);
    assert_true(lua_toboolean(L, -2));
    assert_true(lua_isinteger(L, -1));
    lua_pop(L, 2);
    nb_report_free(r);
}

static void blank_and_derived_title(void **state)
{
    (void)state;
    lua_ok("local nb = require 'nianbao'\n"
           "local t = { format = 2021, agency = '延津县商务局', year = 2024,\n"
           "  requests = { new = { 1, '/', '—', '', 0, 2 }, carried_over = { 0, 0, 0, 0, 0, nb.BLANK, 0 } },\n"
           "  processing_fees = { notices = 1, notified = 10, collected = 0.5 } }\n"
           "local v = assert(nb.view(t, 'blank.lua'))\n"
           "local n = v.requests.new\n"
           "return rawequal(n[2], nb.BLANK), rawequal(n[3], nb.BLANK), rawequal(n[4], nb.BLANK),\n"
           "  n[5], n[7], rawequal(v.requests.carried_over[6], nb.BLANK), tostring(nb.BLANK), v.title,\n"
           "  math.type(v.processing_fees.notified), math.type(v.processing_fees.notices), v.requests.disclosed",
           11);
    for (int i = -11; i <= -9; i++)
        assert_true(lua_toboolean(L, i));
    assert_int_equal(lua_tointeger(L, -8), 0);
    assert_int_equal(lua_tointeger(L, -7), 3); /* derived 总计: blanks add nothing */
    assert_true(lua_toboolean(L, -6));
    assert_string_equal(str_at(-5), "");
    assert_string_equal(str_at(-4), "延津县商务局2024年政府信息公开工作年度报告");
    assert_string_equal(str_at(-3), "float");
    assert_string_equal(str_at(-2), "integer");
    assert_true(lua_isnil(L, -1)); /* an absent row is absent, not zeros */
    lua_pop(L, 11);
}

static void schema_labels_reach_lua(void **state)
{
    (void)state;
    for (int k = 0; k < NB_T3_ROWS; k++) {
        char code[200];
        snprintf(code, sizeof code,
                 "local s = require('nianbao').schema.requests.rows[%d] return s.key, s.label, s.result, s.group_label",
                 k + 1);
        lua_ok(code, 4);
        assert_string_equal(str_at(-4), nb_t3_rows[k].key);
        assert_string_equal(str_at(-3), nb_t3_rows[k].label);
        assert_int_equal(lua_toboolean(L, -2), k >= NB_T3_FIRST_RESULT && k <= NB_T3_LAST_RESULT);
        if (nb_t3_rows[k].group_label)
            assert_string_equal(str_at(-1), nb_t3_rows[k].group_label);
        else
            assert_true(lua_isnil(L, -1));
        lua_pop(L, 4);
    }
    for (int c = 0; c < NB_T3_COLS; c++) {
        char code[160];
        snprintf(code, sizeof code, "return require('nianbao').schema.requests.columns[%d].label", c + 1);
        lua_ok(code, 1);
        assert_string_equal(str_at(-1), nb_t3_cols[c].label);
        lua_pop(L, 1);
    }
    for (int i = 0; i < NB_SECTIONS; i++) {
        char code[160];
        snprintf(code, sizeof code, "return require('nianbao').schema.sections[%d].heading", i + 1);
        lua_ok(code, 1);
        assert_string_equal(str_at(-1), nb_sections[i].heading);
        lua_pop(L, 1);
    }
    lua_ok("local s = require('nianbao').schema\n"
           "return #s.requests.rows, s.requests.corner, s.proactive.blocks[4].columns[1],\n"
           "  s.proactive.blocks[1].rows[2].label, s.appeals.groups[3].label, s.appeals.columns[5].label, #s.proactive.blocks",
           7);
    assert_int_equal(lua_tointeger(L, -7), NB_T3_ROWS);
    assert_string_equal(str_at(-6), nb_t3_corner);
    assert_string_equal(str_at(-5), "本年收费金额（单位：万元）");
    assert_string_equal(str_at(-4), "行政规范性文件");
    assert_string_equal(str_at(-3), "复议后起诉");
    assert_string_equal(str_at(-2), "总计");
    assert_int_equal(lua_tointeger(L, -1), NB_T2_BLOCKS);
    lua_pop(L, 7);
}

static void view_is_read_only(void **state)
{
    (void)state;
    nb_report *r = push_numbered_seed();
    static const char *const writes[] = {
        "R.agency = 'x'",
        "R.new_field = 1",
        "R.requests = {}",
        "R.requests.new = { 1, 2, 3, 4, 5, 6 }",
        "R.requests.new[1] = 9",
        "R.requests.withheld.state_secret[3] = 9",
        "R.requests.withheld.extra = {}",
        "R.overview[1].text = ''",
        "R.overview[6] = { heading = 'x', text = 'y' }",
        "table.insert(R.overview, { heading = 'x', text = 'y' })",
        "R.appeals.review.total = 1",
        "R.proactive.regulations.issued = 1",
        "R.proactive.fees = 0.5",
        "require('nianbao').schema.sections[1].heading = 'x'",
        "require('nianbao').schema.requests.rows[1] = nil",
        "require('nianbao').BLANK.x = 1",
        "setmetatable(R, nil)",
    };
    for (size_t i = 0; i < sizeof writes / sizeof writes[0]; i++) {
        const char *msg = lua_fails(writes[i]);
        if (!strstr(msg, "只读") && !strstr(msg, "protected metatable"))
            fail_msg("%s: unclear message: %s", writes[i], msg);
        if (strncmp(writes[i], "setmetatable", 12) != 0) {
            assert_contains(msg, "只读");
            assert_contains(msg, "report:copy()");
        }
    }
    /* nothing changed */
    lua_ok("return R.agency, R.new_field, R.requests.new[1], R.requests.withheld.state_secret[3],"
           " #R.overview, R.appeals.review.total, R.requests.withheld.extra", 7);
    assert_string_equal(str_at(-7), "延津县商务局");
    assert_true(lua_isnil(L, -6));
    assert_int_equal(lua_tointeger(L, -5), r->requests[NB_T3_NEW][0].count);
    assert_int_equal(lua_tointeger(L, -4), r->requests[4][2].count);
    assert_int_equal(lua_tointeger(L, -3), 5);
    assert_int_equal(lua_tointeger(L, -2), 0);
    assert_true(lua_isnil(L, -1));
    lua_pop(L, 7);
    /* the message names the field */
    assert_contains(lua_fails("R.requests.new[1] = 9"), "“1”");
    assert_contains(lua_fails("R.agency = 'x'"), "“agency”");
    nb_report_free(r);
}

static void pairs_ipairs_len(void **state)
{
    (void)state;
    nb_report *r = push_numbered_seed();
    lua_ok("local n, headings = 0, {}\n"
           "for i, s in ipairs(R.overview) do n = n + 1 headings[i] = s.heading end\n"
           "local keys = {}\n"
           "for k, v in pairs(R.requests.withheld) do keys[#keys + 1] = k .. '=' .. v[1] end\n"
           "table.sort(keys)\n"
           "local t4 = 0\n"
           "for k, v in pairs(R.appeals.review) do t4 = t4 + 1 end\n"
           "local sum = 0\n"
           "for _, v in ipairs(R.requests.new) do sum = sum + v end\n"
           "local top = 0\n"
           "for k in pairs(R) do top = top + 1 end\n"
           "return n, table.concat(headings, ','), table.concat(keys, ','), t4, #R.requests.new, sum,\n"
           "  #R.requests.withheld.inquiry, top",
           8);
    assert_int_equal(lua_tointeger(L, -8), 5);
    assert_string_equal(str_at(-7), "主动公开,依申请公开,政府信息管理,政府信息公开平台建设,监督保障");
    assert_string_equal(str_at(-6),
                        "enforcement_files=1000,inquiry=1100,internal_affairs=800,process_info=900,"
                        "prohibited_by_law=500,security_stability=600,state_secret=400,third_party=700");
    assert_int_equal(lua_tointeger(L, -5), 5);
    assert_int_equal(lua_tointeger(L, -4), 7);
    assert_int_equal(lua_tointeger(L, -3), 0 + 1 + 2 + 3 + 4 + 5 + 6);
    assert_int_equal(lua_tointeger(L, -2), 7);
    /* format agency year title overview proactive requests appeals problems improvements other_matters */
    assert_int_equal(lua_tointeger(L, -1), 11);
    lua_pop(L, 8);
    nb_report_free(r);
}

static void copy_is_mutable(void **state)
{
    (void)state;
    nb_report *r = push_numbered_seed();
    lua_ok("local nb = require 'nianbao'\n"
           "local c = R:copy()\n"
           "c.agency = '新名称'\n"
           "c.requests.new[1] = 77\n"
           "c.requests.withheld.state_secret = { 1, 1, 1, 1, 1, 1, 6 }\n"
           "c.requests.withheld.third_party[2] = nb.BLANK\n"
           "table.insert(c.overview, { heading = '其他', text = '补充' })\n"
           "return c.agency, R.agency, c.requests.new[1], R.requests.new[1], #c.overview, #R.overview,\n"
           "  rawequal(c.requests.withheld.third_party[2], nb.BLANK), getmetatable(c) == nil,\n"
           "  c.requests.withheld.state_secret[7]",
           9);
    assert_string_equal(str_at(-9), "新名称");
    assert_string_equal(str_at(-8), "延津县商务局");
    assert_int_equal(lua_tointeger(L, -7), 77);
    assert_int_equal(lua_tointeger(L, -6), r->requests[NB_T3_NEW][0].count);
    assert_int_equal(lua_tointeger(L, -5), 6);
    assert_int_equal(lua_tointeger(L, -4), 5);
    assert_true(lua_toboolean(L, -3));
    assert_true(lua_toboolean(L, -2));
    assert_int_equal(lua_tointeger(L, -1), 6);
    lua_pop(L, 9);
    nb_report_free(r);
}

/* A copy of the (consistent) seed with one number changed: nb.check finds that number. */
static void check_finds_changed_number(void **state)
{
    (void)state;
    lua_ok("local nb = require 'nianbao'\n"
           "local r = assert(nb.load('reports/yanjin-commerce-2024.lua'))\n"
           "local before = #nb._builtin_check(r)\n"
           "local c = r:copy()\n"
           "c.requests.withheld.third_party[3] = 2\n"
           "local all = nb.check(c)\n"
           "local f\n"
           "for _, x in ipairs(all) do if x.id == 'T3.ROW_TOTAL' then f = x end end\n"
           "assert(f, 'no T3.ROW_TOTAL')\n"
           "local ok, err = pcall(function() f.id = 'x' end)\n"
           "return before, f.severity, f.section, f.row, f.column, f.column_index, f.expected, f.found,\n"
           "  math.type(f.expected), tostring(f), ok, err, #all:errors() > 0, f.label",
           14);
    assert_int_equal(lua_tointeger(L, -14), 0);
    assert_string_equal(str_at(-13), "error");
    assert_string_equal(str_at(-12), "三");
    assert_string_equal(str_at(-11), "withheld.third_party");
    assert_string_equal(str_at(-10), "总计");
    assert_int_equal(lua_tointeger(L, -9), 7);
    assert_int_equal(lua_tointeger(L, -8), 2);
    assert_int_equal(lua_tointeger(L, -7), 0);
    assert_string_equal(str_at(-6), "integer");
    const char *line = str_at(-5);
    assert_contains(line, "错误");
    assert_contains(line, "T3.ROW_TOTAL");
    assert_contains(line, "4.保护第三方合法权益");
    assert_contains(line, "期望 2");
    assert_false(lua_toboolean(L, -4)); /* findings are read-only */
    assert_contains(str_at(-3), "只读");
    assert_true(lua_toboolean(L, -2));
    assert_string_equal(str_at(-1), "（三）不予公开 4.保护第三方合法权益");
    lua_pop(L, 14);
}

static void view_and_load_errors(void **state)
{
    (void)state;
    lua_ok("local nb = require 'nianbao'\n"
           "local v, err = nb.view({ requests = { withheld = { state_secrt = { 0, 0, 0, 0, 0, 0 } } } }, 'mine.lua')\n"
           "local v2, err2 = nb.load('reports/no-such.lua')\n"
           "local ok, err3 = pcall(nb._builtin_check, { agency = 5 })\n"
           "return v, err, v2, err2, ok, err3",
           6);
    assert_true(lua_isnil(L, -6));
    assert_contains(str_at(-5), "mine.lua");
    assert_contains(str_at(-5), "requests.withheld.state_secrt");
    assert_contains(str_at(-5), "state_secret");
    assert_true(lua_isnil(L, -4));
    assert_contains(str_at(-3), "reports/no-such.lua");
    assert_false(lua_toboolean(L, -2));
    assert_contains(str_at(-1), "agency");
    lua_pop(L, 6);
}

/* nb.freeze gives a read-only view and leaves the caller's own tables as they were. */
static void freeze_leaves_the_original_alone(void **state)
{
    (void)state;
    lua_ok("local nb = require 'nianbao'\n"
           "local t = { a = { b = { c = 1 } }, list = { 1, 2, 3 } }\n"
           "local f = nb.freeze(t)\n"
           "local frozen_ok = pcall(function() f.a.b.c = 2 end)\n"
           "t.a.b.c = 3\n"
           "t.list[4] = 4\n"
           "return frozen_ok, getmetatable(t.a) == nil, getmetatable(t.a.b) == nil, t.a.b.c, #t.list, f.a.b.c",
           6);
    assert_false(lua_toboolean(L, -6));
    assert_true(lua_toboolean(L, -5));
    assert_true(lua_toboolean(L, -4));
    assert_int_equal(lua_tointeger(L, -3), 3);
    assert_int_equal(lua_tointeger(L, -2), 4);
    lua_pop(L, 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(values_reach_lua),
        cmocka_unit_test(blank_and_derived_title),
        cmocka_unit_test(schema_labels_reach_lua),
        cmocka_unit_test(view_is_read_only),
        cmocka_unit_test(pairs_ipairs_len),
        cmocka_unit_test(copy_is_mutable),
        cmocka_unit_test(check_finds_changed_number),
        cmocka_unit_test(view_and_load_errors),
        cmocka_unit_test(freeze_leaves_the_original_alone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
