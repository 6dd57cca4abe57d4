#include "binding.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <utf8proc.h>

#include "host.h"
#include "load.h"
#include "child.h"
#include "docx.h"
#include "unzip.h"
#include "output.h"
#include "schema.h"
#include "zip.h"
#include "suggest.h"
#include "textindex_lua.h"
#include "textindex.h"
#include "cputimer.h"
#include "fnv.h"
#include "argcheck.h"
#include "escape.h"

#ifndef NB_VERSION
#define NB_VERSION "0.1.0"
#endif

/* Debug builds check that each binding leaves exactly its arguments plus its results on the
 * stack (DESIGN principle 4: a stray value is a leak, a missing one a crash later);
 * release builds (NDEBUG) compile the checks away. */
#ifdef NDEBUG
#define STACK_ENTER(L) (void)(L)
#define STACK_CHECK(L, n) ((void)0)
#define STACK_RETURN(L, n) return (n)
#else
#define STACK_ENTER(L) const int stack_base_ = lua_gettop(L)
#define STACK_CHECK(L, n) assert(lua_gettop(L) == stack_base_ + (n))
#define STACK_RETURN(L, n) return (STACK_CHECK(L, n), (n))
#endif

static const char MODEL_MT[] = "nianbao.model";
static const char MODELS_KEY[] = "nianbao.models";    /* weak map: view -> model userdata */
static const char BLANK_KEY[] = "nianbao.BLANK";
static const char METHODS_KEY[] = "nianbao.report_methods";
static const char FROZEN_TAG[] = "nianbao.frozen";

/* ---------- the blank sentinel ---------- */

static void push_blank(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, BLANK_KEY); }

static int is_blank(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    push_blank(L);
    int eq = lua_rawequal(L, idx, -1);
    lua_pop(L, 1);
    return eq;
}

static int blank_tostring(lua_State *L)
{
    STACK_ENTER(L);
    lua_pushliteral(L, "");
    STACK_RETURN(L, 1);
}

/* ---------- frozen tables ---------- */

/* Arithmetic or an order comparison on a blank cell: said in Chinese, at the script's line
 * (Lua's own "attempt to perform arithmetic on a nianbao.BLANK value" names no remedy). */
static int blank_arith(lua_State *L)
{
    return luaL_error(L, "空白单元格（nb.BLANK）不能参与计算或比较大小；先用 v == nb.BLANK 判断");
}

static int frozen_newindex(lua_State *L)
{
    return luaL_error(L, "报告数据是只读的，不能修改字段“%s”；要修改请先 report:copy()",
                      luaL_tolstring(L, 2, NULL));
}

/* The table behind the frozen proxy at idx (its metatable's __index), pushed; raises when
 * idx is not a frozen proxy. __len, __pairs and the iterator are plain C functions that find
 * it there, so that freezing a table makes no closure (a report view or the schema has
 * hundreds of tables). */
static void push_backing(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx))
        luaL_typeerror(L, idx, "frozen table");
    lua_pushliteral(L, "__index");
    if (lua_rawget(L, -2) != LUA_TTABLE)
        luaL_typeerror(L, idx, "frozen table");
    lua_remove(L, -2);
}

static int frozen_len(lua_State *L)
{
    STACK_ENTER(L);
    push_backing(L, 1);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    lua_pop(L, 1);
    lua_pushinteger(L, n);
    STACK_RETURN(L, 1);
}

/* next(proxy, key) over the backing table (no stack check: lua_next replaces the key
 * argument with the results) */
static int frozen_next(lua_State *L)
{
    lua_settop(L, 2);
    push_backing(L, 1);
    lua_insert(L, 2);
    if (lua_next(L, 2))
        return 2;
    lua_pushnil(L);
    return 1;
}

static int frozen_pairs(lua_State *L)
{
    STACK_ENTER(L);
    lua_pushcfunction(L, frozen_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    STACK_RETURN(L, 3);
}

static int is_frozen(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx))
        return 0;
    lua_getfield(L, -1, "__metatable");
    int yes = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), FROZEN_TAG) == 0;
    lua_pop(L, 2);
    return yes;
}

static void shallow_copy(lua_State *L, int idx);

/* Give the empty table at proxy the metatable that makes it a read-only view of the table
 * at backing: reads, #, pairs and ipairs go to backing, writes raise. */
static void make_proxy(lua_State *L, int proxy, int backing)
{
    lua_createtable(L, 0, 6);
    lua_pushvalue(L, backing);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, frozen_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, frozen_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, frozen_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushstring(L, FROZEN_TAG);
    lua_setfield(L, -2, "__metatable");
    /* a record with its own __tostring (a finding) keeps it */
    if (lua_getmetatable(L, backing)) {
        lua_getfield(L, -1, "__tostring");
        lua_setfield(L, -3, "__tostring");
        lua_pop(L, 1);
    }
    lua_setmetatable(L, proxy);
}

/* Replace the table on top, just built and held by nothing else, whose tables are sealed
 * already, by its frozen proxy: what freeze() makes of it, without the walk over its fields
 * and the table of tables seen (nb.schema and a report's view are built this way, table
 * by table). */
static void seal(lua_State *L)
{
    int backing = lua_gettop(L);
    lua_createtable(L, 0, 0);
    make_proxy(L, backing + 1, backing);
    lua_replace(L, backing);
}

/* seen: index of a table mapping originals to their proxies (cycles, shared tables). Each
 * table is frozen as a copy, so that the caller's tables (at every level) stay writable. */
static void freeze(lua_State *L, int t, int seen)
{
    luaL_checkstack(L, 8, "表嵌套太深");
    lua_pushvalue(L, t);
    if (lua_rawget(L, seen) != LUA_TNIL)
        return;
    lua_pop(L, 1);
    /* the proxy exists before the children so that a cycle finds it */
    lua_newtable(L);
    int proxy = lua_gettop(L);
    lua_pushvalue(L, t);
    lua_pushvalue(L, proxy);
    lua_rawset(L, seen);
    shallow_copy(L, t);
    t = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -1) == LUA_TTABLE && !is_blank(L, -1) && !is_frozen(L, -1)) {
            freeze(L, lua_gettop(L), seen);
            lua_pushvalue(L, -3);
            lua_insert(L, -2);
            lua_rawset(L, t); /* replacing an existing field is allowed during traversal */
        }
        lua_pop(L, 1);
    }
    make_proxy(L, proxy, t);
    lua_pop(L, 1); /* the copy; the proxy is on top */
}

/* Push a shallow copy of the table at idx (with its metatable). */
static void shallow_copy(lua_State *L, int idx)
{
    /* made at its size: filled from empty, a table of four fields was resized three times,
     * a fifth of what freezing it cost */
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        n++;
    }
    int narr = (int)lua_rawlen(L, idx);
    narr = narr < n ? narr : n;
    lua_createtable(L, narr, n - narr);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    if (lua_getmetatable(L, idx))
        lua_setmetatable(L, -2);
}

void nb_push_frozen(lua_State *L, int idx)
{
    STACK_ENTER(L);
    idx = lua_absindex(L, idx);
    if (is_frozen(L, idx)) {
        lua_pushvalue(L, idx);
        STACK_CHECK(L, 1);
        return;
    }
    lua_createtable(L, 0, 1); /* most frozen tables are flat: one entry */
    int seen = lua_gettop(L);
    freeze(L, idx, seen);
    lua_replace(L, seen);
    lua_settop(L, seen);
    STACK_CHECK(L, 1);
}

static int l_freeze(lua_State *L)
{
    STACK_ENTER(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    nb_push_frozen(L, 1);
    STACK_RETURN(L, 1);
}

/* ---------- the report view ---------- */

static void push_cell(lua_State *L, const nb_cell *c, int is_amount)
{
    switch (c->state) {
    case NB_CELL_ABSENT: lua_pushnil(L); break;
    case NB_CELL_BLANK: push_blank(L); break;
    case NB_CELL_INVALID: lua_pushnumber(L, c->amount); break;
    case NB_CELL_VALUE:
        if (is_amount)
            lua_pushnumber(L, c->amount);
        else
            lua_pushinteger(L, (lua_Integer)c->count);
        break;
    }
}

/* t[key] = s for the table on top; nothing when s is NULL. */
static void set_text(lua_State *L, const char *key, const char *s)
{
    if (!s)
        return;
    lua_pushstring(L, s);
    lua_setfield(L, -2, key);
}

static int push_cstring(lua_State *L)
{
    lua_pushstring(L, lua_touserdata(L, 1));
    return 1;
}

/* Push s (nil when NULL) and free it; the push is protected, so s is freed even when
 * memory runs out (the error is raised again after). */
static void push_owned_string(lua_State *L, char *s)
{
    lua_pushcfunction(L, push_cstring);
    lua_pushlightuserdata(L, s);
    int status = lua_pcall(L, 1, 1, 0);
    free(s);
    if (status != LUA_OK)
        lua_error(L);
}

/* Seal the row or group being filled (on top of the stack), if any, and store it in the
 * table at index table under its key *open. */
static void close_open(lua_State *L, int table, const char **open)
{
    if (!*open)
        return;
    seal(L);
    lua_setfield(L, table, *open);
    *open = NULL;
}

/* The tables of a report's view, each sealed (made a read-only proxy) as soon as it is
 * complete and sized for its fields: the view then needs no walk to freeze it, and its
 * tables do not grow a field at a time. The root is left open for push_view_of_model. */
static void push_data(lua_State *L, const nb_report *r)
{
    luaL_checkstack(L, 10, NULL);
    lua_createtable(L, 0, 16);
    lua_pushinteger(L, r->format);
    lua_setfield(L, -2, NB_KEY(FORMAT));
    if (r->year) {
        lua_pushinteger(L, r->year);
        lua_setfield(L, -2, NB_KEY(YEAR));
    }
    set_text(L, NB_KEY(AGENCY), r->agency);
    char *title = nb_report_title(r); /* NULL only when memory ran out: never a blank title */
    if (!title)
        luaL_error(L, "内存不足");
    push_owned_string(L, title);
    lua_setfield(L, -2, NB_KEY(TITLE));
    set_text(L, NB_KEY(PREAMBLE), r->preamble);
    lua_createtable(L, (int)r->n_overview, 0);
    for (size_t i = 0; i < r->n_overview; i++) {
        lua_createtable(L, 0, 2);
        set_text(L, NB_ITEM_KEY(HEADING), r->overview[i].heading);
        set_text(L, NB_ITEM_KEY(TEXT), r->overview[i].text);
        seal(L);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    seal(L);
    lua_setfield(L, -2, NB_KEY(OVERVIEW));
    if (r->has_proactive) {
        lua_createtable(L, 0, 8);
        int table = lua_gettop(L);
        const char *open = NULL; /* the row being filled (a row's cells are contiguous) */
        for (int i = 0; i < NB_T2_CELLS; i++) {
            const nb_t2_cell *t = &nb_t2_cells[i];
            if (open && !(t->col_key && strcmp(t->row_key, open) == 0))
                close_open(L, table, &open);
            if (t->col_key) {
                if (!open) {
                    lua_createtable(L, 0, 4);
                    open = t->row_key;
                }
                push_cell(L, &r->proactive[i], 0);
                lua_setfield(L, -2, t->col_key);
            } else {
                push_cell(L, &r->proactive[i], t->is_amount);
                lua_setfield(L, -2, t->row_key);
            }
        }
        close_open(L, table, &open);
        seal(L);
        lua_setfield(L, -2, NB_KEY(PROACTIVE));
    }
    if (r->n_proactive_2019) {
        lua_createtable(L, 0, (int)r->n_proactive_2019);
        for (size_t i = 0; i < r->n_proactive_2019; i++) {
            const nb_row2019 *row = &r->proactive_2019[i];
            int spec = nb_t2_2019_row_index(row->label);
            lua_createtable(L, row->n_values, 0);
            for (int k = 0; k < row->n_values; k++) {
                push_cell(L, &row->values[k], nb_t2_2019_kind_of(spec, k) == NB_T2019_AMOUNT);
                lua_rawseti(L, -2, k + 1);
            }
            seal(L);
            lua_setfield(L, -2, row->label);
        }
        seal(L);
        lua_setfield(L, -2, NB_KEY(PROACTIVE_2019));
    }
    if (r->has_requests) {
        lua_createtable(L, 0, 16);
        int table = lua_gettop(L);
        const char *open = NULL; /* the group being filled (a group's rows are contiguous) */
        for (int k = 0; k < NB_T3_ROWS; k++) {
            const nb_t3_row *row = &nb_t3_rows[k];
            if (r->requests[k][0].state == NB_CELL_ABSENT)
                continue;
            if (open && !(row->group && strcmp(row->group, open) == 0))
                close_open(L, table, &open);
            if (row->group && !open) {
                lua_createtable(L, 0, 8);
                open = row->group;
            }
            lua_createtable(L, NB_T3_COLS, 0);
            for (int c = 0; c < NB_T3_COLS; c++) {
                push_cell(L, &r->requests[k][c], 0);
                lua_rawseti(L, -2, c + 1);
            }
            seal(L);
            lua_setfield(L, -2, row->group ? row->member : row->key);
        }
        close_open(L, table, &open);
        seal(L);
        lua_setfield(L, -2, NB_KEY(REQUESTS));
    }
    if (r->has_appeals) {
        lua_createtable(L, 0, NB_T4_GROUPS);
        for (int g = 0; g < NB_T4_GROUPS; g++) {
            lua_createtable(L, 0, NB_T4_COLS);
            for (int k = 0; k < NB_T4_COLS; k++) {
                push_cell(L, &r->appeals[g][k], 0);
                lua_setfield(L, -2, nb_t4_cols[k].key);
            }
            seal(L);
            lua_setfield(L, -2, nb_t4_groups[g].key);
        }
        seal(L);
        lua_setfield(L, -2, NB_KEY(APPEALS));
    }
    set_text(L, NB_KEY(PROBLEMS), r->problems);
    set_text(L, NB_KEY(IMPROVEMENTS), r->improvements);
    set_text(L, NB_KEY(OTHER_MATTERS), r->other_matters);
    if (r->has_processing_fees) {
        lua_createtable(L, 0, 3);
        push_cell(L, &r->fee_notices, 0);
        lua_setfield(L, -2, nb_fee_fields[0].key);
        push_cell(L, &r->fee_notified, 1);
        lua_setfield(L, -2, nb_fee_fields[1].key);
        push_cell(L, &r->fee_collected, 1);
        lua_setfield(L, -2, nb_fee_fields[2].key);
        seal(L);
        lua_setfield(L, -2, NB_KEY(PROCESSING_FEES));
    }
    if (r->has_signature) {
        lua_createtable(L, 0, 2);
        set_text(L, nb_signature_keys[0], r->signature_agency);
        set_text(L, nb_signature_keys[1], r->signature_date);
        seal(L);
        lua_setfield(L, -2, NB_KEY(SIGNATURE));
    }
}

static int model_gc(lua_State *L)
{
    STACK_ENTER(L);
    nb_report **p = luaL_checkudata(L, 1, MODEL_MT);
    nb_report_free(*p);
    *p = NULL;
    STACK_RETURN(L, 0);
}

static void ensure_module(lua_State *L);

static int new_model_box(lua_State *L)
{
    ensure_module(L);
    nb_report **p = lua_newuserdatauv(L, sizeof *p, 0);
    *p = NULL;
    luaL_setmetatable(L, MODEL_MT);
    return 1;
}

/* A userdata owning r. It is made in a protected call so that r is freed, not leaked, when
 * memory runs out; once it exists anything may raise, as its __gc frees r. */
static nb_report **push_model(lua_State *L, nb_report *r)
{
    lua_pushcfunction(L, new_model_box);
    if (lua_pcall(L, 0, 1, 0) != LUA_OK) {
        nb_report_free(r);
        lua_error(L);
    }
    nb_report **p = lua_touserdata(L, -1);
    *p = r;
    return p;
}

static void push_view_of_model(lua_State *L, int model)
{
    nb_report *r = *(nb_report **)lua_touserdata(L, model);
    push_data(L, r);
    lua_getfield(L, LUA_REGISTRYINDEX, METHODS_KEY);
    lua_newtable(L);
    lua_insert(L, -2);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    seal(L); /* push_data sealed every other table */
    lua_getfield(L, LUA_REGISTRYINDEX, MODELS_KEY);
    lua_pushvalue(L, -2);
    lua_pushvalue(L, model);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/* The registry entries of a view exist only once the module is open: open it on first use
 * from C (a host that pushes a report before any script ran `require "nianbao"`). */
static void ensure_module(lua_State *L)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, MODELS_KEY) == LUA_TNIL) {
        luaL_requiref(L, "nianbao", nb_open_module, 0);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

void nb_push_report(lua_State *L, nb_report *r)
{
    STACK_ENTER(L);
    push_model(L, r);
    push_view_of_model(L, lua_gettop(L));
    lua_remove(L, -2);
    STACK_CHECK(L, 1);
}

const nb_report *nb_to_report(lua_State *L, int idx)
{
    STACK_ENTER(L);
    idx = lua_absindex(L, idx);
    luaL_checktype(L, idx, LUA_TTABLE);
    ensure_module(L);
    lua_getfield(L, LUA_REGISTRYINDEX, MODELS_KEY);
    lua_pushvalue(L, idx);
    if (lua_rawget(L, -2) == LUA_TUSERDATA) { /* a frozen view: its model cannot change */
        nb_report *r = *(nb_report **)lua_touserdata(L, -1);
        lua_remove(L, -2);
        STACK_CHECK(L, 1);
        return r;
    }
    lua_pop(L, 2);
    /* a plain table (for instance a modified report:copy()): convert it like a data file,
     * on every call; remembering the model by table would show the checks old numbers
     * after the table was edited */
    nb_error err;
    push_blank(L);
    nb_report *r = nb_convert(L, idx, -1, "（脚本中的表）", &err);
    lua_pop(L, 1);
    if (!r) {
        lua_pushstring(L, err.message);
        lua_error(L);
    }
    push_model(L, r);
    STACK_CHECK(L, 1);
    return r;
}

/* The data file named by argument 1, loaded in the sandbox; NULL after pushing nil and the
 * message when it cannot be loaded. */
static nb_report *load_argument(lua_State *L)
{
    nb_error err;
    const char *path = luaL_checkstring(L, 1);
    nb_host_reading_report(L);
    nb_report *r = nb_load_file(path, &err);
    if (!r) {
        luaL_pushfail(L);
        lua_pushstring(L, err.message);
    }
    return r;
}

static int l_load(lua_State *L)
{
    STACK_ENTER(L);
    nb_report *r = load_argument(L);
    if (!r)
        STACK_RETURN(L, 2);
    nb_push_report(L, r);
    STACK_RETURN(L, 1);
}

/* nb._load_header(path): true, agency, year of a data file loaded (and checked) in the
 * sandbox as nb.load does, without building the Lua view a long batch's first pass would
 * throw away (scripts/nianbao/batch.lua); nil, message when nb.load would fail. */
static int l_load_header(lua_State *L)
{
    STACK_ENTER(L);
    nb_report *r = load_argument(L);
    if (!r)
        STACK_RETURN(L, 2);
    nb_report **box = push_model(L, r); /* owns r if a push below raises */
    lua_pushboolean(L, 1);
    if (r->agency)
        lua_pushstring(L, r->agency);
    else
        lua_pushnil(L);
    if (r->year) /* as the view: no year field when it was not given */
        lua_pushinteger(L, r->year);
    else
        lua_pushnil(L);
    /* freed now: the collector sees only the small box, not the model's memory, and would
     * let thousands of them pile up over a batch */
    nb_report_free(*box);
    *box = NULL;
    lua_remove(L, -4);
    STACK_RETURN(L, 3);
}

/* nb.load_data(path): a data file that is not a report (FILE.review.lua), evaluated in
 * the report sandbox; a plain table, or nil, message. */
static int l_load_data(lua_State *L)
{
    STACK_ENTER(L);
    const char *path = luaL_checkstring(L, 1);
    nb_error err;
    if (!nb_load_data_file(L, path, &err)) {
        luaL_pushfail(L);
        lua_pushstring(L, err.message);
        STACK_RETURN(L, 2);
    }
    STACK_RETURN(L, 1);
}

/* nb.view(table): validate a table of the data-file shape and return its frozen view. */
static int l_view(lua_State *L)
{
    STACK_ENTER(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *name = luaL_optstring(L, 2, "（脚本中的表）");
    nb_error err;
    push_blank(L);
    nb_report *r = nb_convert(L, 1, -1, name, &err);
    lua_pop(L, 1);
    if (!r) {
        luaL_pushfail(L);
        lua_pushstring(L, err.message);
        STACK_RETURN(L, 2);
    }
    nb_push_report(L, r);
    STACK_RETURN(L, 1);
}

/* ---------- findings ---------- */

static void set_string_or_number(lua_State *L, const char *key, const char *s)
{
    if (!*s)
        return;
    if (lua_stringtonumber(L, s) == 0)
        lua_pushstring(L, s);
    lua_setfield(L, -2, key);
}

void nb_push_findings(lua_State *L, const nb_findings *f)
{
    STACK_ENTER(L);
    lua_createtable(L, (int)f->n, 0);
    for (size_t i = 0; i < f->n; i++) {
        const nb_finding *x = &f->items[i];
        lua_createtable(L, 0, 12);
        lua_pushstring(L, x->id);
        lua_setfield(L, -2, "id");
        lua_pushstring(L, nb_severity_name(x->severity));
        lua_setfield(L, -2, "severity");
        set_text(L, "section", x->section[0] ? x->section : NULL);
        set_text(L, "row", x->row[0] ? x->row : NULL);
        set_text(L, "label", x->row_label[0] ? x->row_label : NULL);
        set_text(L, "column", x->column[0] ? x->column : NULL);
        if (x->column_index) {
            lua_pushinteger(L, x->column_index);
            lua_setfield(L, -2, "column_index");
        }
        set_string_or_number(L, "expected", x->expected);
        set_string_or_number(L, "found", x->found);
        lua_pushstring(L, x->message);
        lua_setfield(L, -2, "message");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    STACK_CHECK(L, 1);
}

static const char FINDINGS_MT[] = "nianbao.findings_buffer";

static int findings_gc(lua_State *L)
{
    STACK_ENTER(L);
    nb_findings_free(luaL_checkudata(L, 1, FINDINGS_MT));
    STACK_RETURN(L, 0);
}

static int l_builtin_check(lua_State *L)
{
    int has_prev = !lua_isnoneornil(L, 2);
    lua_settop(L, 2);
    STACK_ENTER(L);
    const nb_report *r = nb_to_report(L, 1); /* pushes its owner, kept until the end */
    const nb_report *prev = NULL;
    if (has_prev)
        prev = nb_to_report(L, 2);
    else
        lua_pushnil(L); /* the same stack shape either way */
    /* the C list is owned by a userdata, so an error while copying it out cannot leak it */
    nb_findings *f = lua_newuserdatauv(L, sizeof *f, 0);
    memset(f, 0, sizeof *f);
    luaL_setmetatable(L, FINDINGS_MT);
    if (nb_check(r, prev, f) != 0)
        return luaL_error(L, "内存不足");
    nb_push_findings(L, f);
    lua_remove(L, -2); /* the C list, copied out: the collector frees it */
    lua_insert(L, -3); /* the models' owners go: the collector frees a converted copy */
    lua_pop(L, 2);
    STACK_RETURN(L, 1);
}

/* ---------- text helpers ---------- */

static int l_width(lua_State *L)
{
    STACK_ENTER(L);
    size_t len;
    const char *s = nb_arg_lstring(L, 1, "width", "s", &len);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)len;
    lua_Integer w = 0;
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n < 0) { /* an invalid byte counts as one column */
            w += 1;
            p++;
            left--;
            continue;
        }
        /* East Asian Wide and Fullwidth count 2; ambiguous ones (“ ” — …) count 1 */
        w += utf8proc_charwidth(cp);
        p += n;
        left -= n;
    }
    lua_pushinteger(L, w);
    STACK_RETURN(L, 1);
}

static int l_nfkc(lua_State *L)
{
    STACK_ENTER(L);
    const char *s = nb_arg_lstring(L, 1, "nfkc", "s", NULL);
    /* most texts are ASCII and CJK only: mapped character by character (host/textindex.c),
     * up to the first NUL as utf8proc reads it; utf8proc_map for the others */
    int all_plain;
    char *plain = nb_text_nfkc_plain(s, strlen(s), &all_plain);
    if (plain) {
        push_owned_string(L, plain);
        STACK_RETURN(L, 1);
    }
    if (all_plain)
        return luaL_error(L, "内存不足");
    /* utf8proc_map with utf8proc_NFKC's options, whose result tells running out of memory
     * (an error) from bad UTF-8 (fail, message) */
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    if (n == UTF8PROC_ERROR_NOMEM)
        return luaL_error(L, "内存不足");
    if (n < 0) {
        luaL_pushfail(L);
        lua_pushliteral(L, "文字不是有效的 UTF-8");
        STACK_RETURN(L, 2);
    }
    push_owned_string(L, (char *)out);
    STACK_RETURN(L, 1);
}

/* nb.default_title(agency, year): the title a report without one gets (host/report.c). */
static int l_default_title(lua_State *L)
{
    STACK_ENTER(L);
    nb_report r;
    memset(&r, 0, sizeof r);
    r.agency = (char *)luaL_checkstring(L, 1); /* read only: nb_report_title copies */
    r.year = (int)luaL_optinteger(L, 2, 0);
    char *t = nb_report_title(&r);
    if (!t)
        return luaL_error(L, "内存不足");
    push_owned_string(L, t);
    STACK_RETURN(L, 1);
}

/* ---------- resources along the search path ---------- */

/* nb.find(name) -> text, where | nil */
static int l_find(lua_State *L)
{
    STACK_ENTER(L);
    const char *name = luaL_checkstring(L, 1);
    char where[4096];
    if (!nb_host_find(L, name, where, sizeof where)) {
        luaL_pushfail(L);
        STACK_RETURN(L, 1);
    }
    lua_pushstring(L, where);
    STACK_RETURN(L, 2);
}

/* nb.load_script(name) -> function, where, embedded | nil (not found) | raises (syntax
 * error): the embedded copy comes from its bytecode, a file along the path from its source;
 * embedded says which (a file identical to the embedded copy counts as it). */
static int l_load_script(lua_State *L)
{
    STACK_ENTER(L);
    const char *name = luaL_checkstring(L, 1);
    char where[4096];
    int err, embedded;
    if (!nb_host_load(L, name, where, sizeof where, &err, &embedded)) {
        if (err)
            return lua_error(L);
        luaL_pushfail(L);
        STACK_RETURN(L, 1);
    }
    lua_pushstring(L, where);
    lua_pushboolean(L, embedded);
    STACK_RETURN(L, 3);
}

/* nb._end_startup() -> whether the state was starting up: the collector returns to Lua's
 * default pause (host/host.h) */
static int l_end_startup(lua_State *L)
{
    STACK_ENTER(L);
    lua_pushboolean(L, nb_host_end_startup(L));
    STACK_RETURN(L, 1);
}

/* nb.suggest(word, list) -> the closest string of list, or nil when none is close */
static int l_suggest(lua_State *L)
{
    STACK_ENTER(L);
    const char *word = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_Integer n = (lua_Integer)lua_rawlen(L, 2);
    if (n > 100000)
        return luaL_error(L, "nb.suggest：列表过长");
    const char **valid = lua_newuserdatauv(L, ((size_t)n + 1) * sizeof *valid, 0);
    size_t k = 0;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, 2, i); /* the list keeps the strings alive */
        if (lua_type(L, -1) == LUA_TSTRING)
            valid[k++] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    valid[k] = NULL;
    const char *best = nb_suggest(word, valid);
    lua_pop(L, 1);
    if (best)
        lua_pushstring(L, best);
    else
        luaL_pushfail(L);
    STACK_RETURN(L, 1);
}

static int l_search_path(lua_State *L)
{
    STACK_ENTER(L);
    nb_host_push_path(L);
    lua_newtable(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -2);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -2, i);
        lua_rawseti(L, -2, i);
    }
    lua_remove(L, -2); /* the registry's own list, which scripts must not change */
    STACK_RETURN(L, 1);
}

/* nb.embedded_names([folder]) -> the embedded names, or only those directly in folder
 * ("rules" gives "rules/text_style.lua", not "rules/x/y.lua"): nb.list reads one folder per
 * call, and making a string of every name to throw most away cost a check 0.1 M. */
static int l_embedded_names(lua_State *L)
{
    STACK_ENTER(L);
    size_t flen = 0;
    const char *folder = luaL_optlstring(L, 1, NULL, &flen);
    lua_createtable(L, folder ? 0 : (int)nb_embedded_count, 0);
    lua_Integer n = 0;
    for (size_t i = 0; i < nb_embedded_count; i++) {
        const char *name = nb_embedded_files[i].name;
        size_t nlen = strlen(name);
        /* longer than the folder and its slash (so memcmp stays inside name; a folder with a
         * NUL byte matches nothing), then the folder, a slash and no further slash */
        if (folder && (nlen <= flen + 1 || memcmp(name, folder, flen) != 0 || name[flen] != '/' ||
                       strchr(name + flen + 1, '/')))
            continue;
        lua_pushstring(L, name);
        lua_rawseti(L, -2, ++n);
    }
    STACK_RETURN(L, 1);
}

/* nb._is_embedded(name) -> whether name resolves to the embedded copy (or a file identical
 * to it): the command line uses it to know a command is the bundled one */
static int l_is_embedded(lua_State *L)
{
    STACK_ENTER(L);
    lua_pushboolean(L, nb_host_is_embedded(L, luaL_checkstring(L, 1)));
    STACK_RETURN(L, 1);
}

static int l_write_file(lua_State *L)
{
    STACK_ENTER(L);
    const char *path = luaL_checkstring(L, 1);
    size_t len;
    const char *data = luaL_checklstring(L, 2, &len);
    nb_error err;
    if (nb_write_atomic(path, data, len, &err) != 0) {
        luaL_pushfail(L);
        lua_pushstring(L, err.message);
        STACK_RETURN(L, 2);
    }
    lua_pushboolean(L, 1);
    STACK_RETURN(L, 1);
}

/* ---------- the schema as data ---------- */

/* nb.schema is read-only. Each table is sealed (replaced by its frozen proxy) as soon as it
 * is filled, and made with the size it will have (lua_createtable), so that building it
 * neither grows tables nor walks them again to freeze them. */

/* A sealed list of { key, label }. */
static void push_column_list(lua_State *L, const nb_column *cols, int n)
{
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_createtable(L, 0, 2);
        set_text(L, "key", cols[i].key);
        set_text(L, "label", cols[i].label);
        seal(L);
        lua_rawseti(L, -2, i + 1);
    }
    seal(L);
}

/* A sealed list of the blank markers (host/schema.c). */
static void push_blank_markers(lua_State *L)
{
    int n = 0;
    while (nb_blank_markers[n])
        n++;
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_pushstring(L, nb_blank_markers[i]);
        lua_rawseti(L, -2, i + 1);
    }
    seal(L);
}

/* The blocks of the trial format's table 二, sealed: header and columns, each column
 * { label, kind = "count" | "change" | "amount" }. */
static void push_trial_blocks(lua_State *L)
{
    static const char *const kinds[] = {"count", "change", "amount"};
    lua_createtable(L, NB_T2_2019_BLOCKS, 0);
    for (int b = 0; b < NB_T2_2019_BLOCKS; b++) {
        const nb_t2_2019_block *block = &nb_t2_2019_blocks[b];
        lua_createtable(L, 0, 2);
        set_text(L, "header", block->header);
        lua_createtable(L, NB_T2_2019_MAX_COLS, 0);
        for (int k = 0; k < NB_T2_2019_MAX_COLS && block->columns[k].label; k++) {
            lua_createtable(L, 0, 2);
            set_text(L, "label", block->columns[k].label);
            set_text(L, "kind", kinds[block->columns[k].kind]);
            seal(L);
            lua_rawseti(L, -2, k + 1);
        }
        seal(L);
        lua_setfield(L, -2, "columns");
        seal(L);
        lua_rawseti(L, -2, b + 1);
    }
    seal(L);
}

/* Facts of the format beyond the tables: blank markers, the 2019 trial rows, the fee
 * fields, the default title's suffix and the severity names (all from host/schema.c),
 * into the (unsealed) schema table on top. */
static void push_schema_facts(lua_State *L)
{
    push_blank_markers(L);
    lua_setfield(L, -2, "blanks");
    lua_createtable(L, 0, 2);
    lua_createtable(L, NB_T2_2019_ROWS, 0);
    for (int i = 0; i < NB_T2_2019_ROWS; i++) {
        lua_createtable(L, 0, 3);
        set_text(L, "label", nb_t2_2019_rows[i].label);
        lua_pushinteger(L, nb_t2_2019_rows[i].cells);
        lua_setfield(L, -2, "cells");
        lua_pushinteger(L, nb_t2_2019_rows[i].block + 1);
        lua_setfield(L, -2, "block");
        seal(L);
        lua_rawseti(L, -2, i + 1);
    }
    seal(L);
    lua_setfield(L, -2, "rows");
    push_trial_blocks(L);
    lua_setfield(L, -2, "blocks");
    seal(L);
    lua_setfield(L, -2, NB_KEY(PROACTIVE_2019));
    lua_createtable(L, 0, 1);
    push_column_list(L, nb_fee_fields, NB_FEE_FIELDS);
    lua_setfield(L, -2, "fields");
    seal(L);
    lua_setfield(L, -2, NB_KEY(PROCESSING_FEES));
    set_text(L, "title_suffix", nb_title_suffix);
    push_column_list(L, nb_severities, NB_SEVERITIES);
    lua_setfield(L, -2, "severities");
}

/* Whether cell i of table 二 starts a row: a row of several cells is listed at its first cell. */
static int t2_row_starts(int i)
{
    return i == 0 || strcmp(nb_t2_cells[i - 1].row_key, nb_t2_cells[i].row_key) != 0;
}

/* Table 二's rows of block b, sealed: key, label, amount and the keys of a row's cells. */
static void push_t2_rows(lua_State *L, int b)
{
    int nrows = 0;
    for (int i = 0; i < NB_T2_CELLS; i++)
        nrows += nb_t2_cells[i].block == b && t2_row_starts(i);
    lua_createtable(L, nrows, 0);
    nrows = 0;
    for (int i = 0; i < NB_T2_CELLS; i++) {
        const nb_t2_cell *t = &nb_t2_cells[i];
        if (t->block != b || !t2_row_starts(i))
            continue;
        lua_createtable(L, 0, 4);
        set_text(L, "key", t->row_key);
        set_text(L, "label", t->label);
        lua_pushboolean(L, t->is_amount);
        lua_setfield(L, -2, "amount");
        if (t->col_key) {
            lua_createtable(L, 3, 0);
            for (int k = 0; k < 3; k++) {
                lua_pushstring(L, nb_t2_cells[i + k].col_key);
                lua_rawseti(L, -2, k + 1);
            }
            seal(L);
            lua_setfield(L, -2, "cells");
        }
        seal(L);
        lua_rawseti(L, -2, ++nrows);
    }
    seal(L);
}

static void push_schema(lua_State *L)
{
    lua_createtable(L, 0, 9);
    lua_createtable(L, NB_SECTIONS, 0);
    for (int i = 0; i < NB_SECTIONS; i++) {
        lua_createtable(L, 0, 3);
        set_text(L, "numeral", nb_sections[i].numeral);
        set_text(L, "key", nb_sections[i].key);
        set_text(L, NB_ITEM_KEY(HEADING), nb_sections[i].heading);
        seal(L);
        lua_rawseti(L, -2, i + 1);
    }
    seal(L);
    lua_setfield(L, -2, "sections");

    /* table 二: blocks with their header, value columns and rows */
    lua_createtable(L, 0, 2);
    set_text(L, "content_label", nb_t2_content_label);
    lua_createtable(L, NB_T2_BLOCKS, 0);
    for (int b = 0; b < NB_T2_BLOCKS; b++) {
        lua_createtable(L, 0, 3);
        set_text(L, "header", nb_t2_blocks[b].header);
        lua_createtable(L, nb_t2_blocks[b].n_value_columns, 0);
        for (int k = 0; k < nb_t2_blocks[b].n_value_columns; k++) {
            lua_pushstring(L, nb_t2_blocks[b].value_columns[k]);
            lua_rawseti(L, -2, k + 1);
        }
        seal(L);
        lua_setfield(L, -2, "columns");
        push_t2_rows(L, b);
        lua_setfield(L, -2, "rows");
        seal(L);
        lua_rawseti(L, -2, b + 1);
    }
    seal(L);
    lua_setfield(L, -2, "blocks");
    seal(L);
    lua_setfield(L, -2, NB_KEY(PROACTIVE));

    /* table 三 */
    lua_createtable(L, 0, 6);
    set_text(L, "corner", nb_t3_corner);
    set_text(L, "applicants", nb_t3_applicants);
    set_text(L, "legal_persons", nb_t3_legal_persons);
    set_text(L, "results", nb_t3_results_label);
    push_column_list(L, nb_t3_cols, NB_T3_COLS);
    lua_setfield(L, -2, "columns");
    lua_createtable(L, NB_T3_ROWS, 0);
    for (int k = 0; k < NB_T3_ROWS; k++) {
        const nb_t3_row *row = &nb_t3_rows[k];
        lua_createtable(L, 0, 8);
        set_text(L, "key", row->key);
        set_text(L, "label", row->label);
        lua_pushinteger(L, row->level);
        lua_setfield(L, -2, "level");
        /* how many of the label area's 3 grid columns the row's own label covers (FORMAT §1) */
        lua_pushinteger(L, 4 - row->level);
        lua_setfield(L, -2, "span");
        lua_pushboolean(L, k >= NB_T3_FIRST_RESULT && k <= NB_T3_LAST_RESULT);
        lua_setfield(L, -2, "result");
        set_text(L, "group", row->group);
        set_text(L, "member", row->member);
        set_text(L, "group_label", row->group_label);
        seal(L);
        lua_rawseti(L, -2, k + 1);
    }
    seal(L);
    lua_setfield(L, -2, "rows");
    seal(L);
    lua_setfield(L, -2, NB_KEY(REQUESTS));

    /* table 四 */
    lua_createtable(L, 0, 4);
    /* the label over the review group's columns, named by that group's key */
    set_text(L, nb_t4_groups[0].key, nb_t4_review);
    set_text(L, "litigation", nb_t4_litigation);
    push_column_list(L, nb_t4_groups, NB_T4_GROUPS);
    lua_setfield(L, -2, "groups");
    push_column_list(L, nb_t4_cols, NB_T4_COLS);
    lua_setfield(L, -2, "columns");
    seal(L);
    lua_setfield(L, -2, NB_KEY(APPEALS));
    push_schema_facts(L);
    seal(L);
}

/* ---------- the module ---------- */

/* nb.exit: the exit codes of host/host.h, for the commands in scripts/nianbao/commands/. */
static void push_exit_codes(lua_State *L)
{
    static const struct { const char *name; int code; } codes[] = {
        {"ok", NB_EXIT_OK}, {"findings", NB_EXIT_FINDINGS}, {"usage", NB_EXIT_USAGE}, {"script", NB_EXIT_SCRIPT},
    };
    lua_createtable(L, 0, 4);
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        lua_pushinteger(L, codes[i].code);
        lua_setfield(L, -2, codes[i].name);
    }
}

/* ---------- argument checks of the public functions ---------- */

/* The documented arguments of the module's C functions (docs/lua-api.md), checked before
 * the function runs, so that a script calling one wrongly reads in Chinese which function
 * and which argument, at its own file:line, rather than Lua's "bad argument #1 to 'load'".
 * One word per argument, TYPE:NAME: s a string (a number is taken, as Lua's libraries take
 * it), t a table, n a number, i an integer, a any value; ? after the type: optional.
 * (The functions the rules call thousands of times a report are not wrapped: they check
 * their own arguments, at no cost, with host/argcheck.h: nb.width, nfkc, has_any, find_byte,
 * codepoints_around, runs, first_count, and escape_html, called for every cell of a page.) */
static const struct {
    const char *name;
    const char *args;
} checked_args[] = {
    {"load", "s:path"},
    {"load_data", "s:path"},
    {"run_limited", "t:argv t?:limits"},
    {"unzip", "s:bytes s:name"}, /* nb.unzip(bytes [, limits]) is api.lua's */
    {"docx_items", "s:xml s?:numbering s?:styles"},
    {"view", "t:table s?:name"},
    {"freeze", "t:t"},
    {"default_title", "s:agency i?:year"},
    {"find", "s:name"},
    {"load_script", "s:name"},
    {"suggest", "s:word t:list"},
    {"embedded_names", "s?:folder"},
    {"write_file", "s:path s:text"},
    {"zip", "t:entries"},
};

/* Upvalues: the function, its name, its argument words. */
static int checked_call(lua_State *L)
{
    const char *args = lua_tostring(L, lua_upvalueindex(3));
    int i = 1;
    for (const char *w = args; *w; i++) {
        char t = w[0];
        int optional = w[1] == '?';
        const char *name = strchr(w, ':') + 1;
        const char *end = strchr(name, ' ');
        int len = end ? (int)(end - name) : (int)strlen(name);
        if (!(optional && lua_isnoneornil(L, i)) && !nb_arg_fits(L, i, t)) {
            char arg[32]; /* (not pushed: the stack above the arguments must stay as it was) */
            snprintf(arg, sizeof arg, "%.*s", len, name);
            return nb_arg_error(L, lua_tostring(L, lua_upvalueindex(2)), i, arg, t, optional);
        }
        w = end ? end + 1 : name + len;
    }
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

/* Replaces each function of checked_args in the module (on the top of the stack) by a
 * closure that checks its arguments first. */
static void check_arguments_of(lua_State *L)
{
    for (size_t k = 0; k < sizeof checked_args / sizeof checked_args[0]; k++) {
        lua_getfield(L, -1, checked_args[k].name);
        assert(lua_iscfunction(L, -1));
        lua_pushstring(L, checked_args[k].name);
        lua_pushstring(L, checked_args[k].args);
        lua_pushcclosure(L, checked_call, 3);
        lua_setfield(L, -2, checked_args[k].name);
    }
}

static const luaL_Reg functions[] = {
    {"load", l_load},
    {"load_data", l_load_data},
    {"_load_header", l_load_header},
    {"run_limited", nb_l_run_limited},
    {"unzip", nb_l_unzip},
    {"_unzip_all", nb_l_unzip_all},
    {"docx_items", nb_l_docx_items},
    {"view", l_view},
    {"freeze", l_freeze},
    {"_builtin_check", l_builtin_check},
    {"width", l_width},
    {"nfkc", l_nfkc},
    {"default_title", l_default_title},
    {"find", l_find},
    {"load_script", l_load_script},
    {"suggest", l_suggest},
    {"_text_index", nb_l_text_index},
    {"_fnv1a", nb_l_fnv1a},
    {"has_any", nb_l_has_any},
    {"find_byte", nb_l_find_byte},
    {"codepoints_around", nb_l_codepoints_around},
    {"runs", nb_l_runs},
    {"first_count", nb_l_first_count},
    {"escape_html", nb_l_escape_html},
    {"search_path", l_search_path},
    {"embedded_names", l_embedded_names},
    {"_is_embedded", l_is_embedded},
    {"_end_startup", l_end_startup},
#ifndef _WIN32
    {"_try_quickly", nb_l_try_quickly},
#endif
    {"write_file", l_write_file},
    {"zip", nb_l_zip},
    {NULL, NULL},
};

/* the module's __index: builds nb.schema when first read, then stores it in the module */
static int module_index(lua_State *L)
{
    if (lua_type(L, 2) != LUA_TSTRING || strcmp(lua_tostring(L, 2), "schema") != 0)
        return 0;
    push_schema(L); /* sealed as built */
    lua_pushvalue(L, -1);
    lua_setfield(L, 1, "schema");
    return 1;
}

int nb_open_module(lua_State *L)
{
    STACK_ENTER(L);
    /* registry entries shared by every view */
    if (luaL_newmetatable(L, MODEL_MT)) {
        lua_pushcfunction(L, model_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    if (luaL_newmetatable(L, FINDINGS_MT)) {
        lua_pushcfunction(L, findings_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, MODELS_KEY);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, METHODS_KEY);
    lua_newtable(L); /* BLANK */
    lua_newtable(L);
    lua_pushcfunction(L, blank_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "nianbao.BLANK");
    lua_setfield(L, -2, "__name");
    static const char *const arith[] = {"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm",
                                        "__idiv", "__band", "__bor", "__bxor", "__shl", "__shr", "__bnot",
                                        "__lt", "__le"};
    for (size_t i = 0; i < sizeof arith / sizeof arith[0]; i++) {
        lua_pushcfunction(L, blank_arith);
        lua_setfield(L, -2, arith[i]);
    }
    lua_pushcfunction(L, frozen_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "nianbao.BLANK");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, BLANK_KEY);

    luaL_newlib(L, functions);
    check_arguments_of(L);
    push_blank(L);
    lua_setfield(L, -2, "BLANK");
    lua_pushliteral(L, NB_VERSION);
    lua_setfield(L, -2, "version");
    push_exit_codes(L);
    lua_setfield(L, -2, "exit");
    lua_getfield(L, LUA_REGISTRYINDEX, METHODS_KEY);
    lua_setfield(L, -2, "_report_methods");
    /* the two facts of the schema that a check needs, without building nb.schema: the
     * severity names (rules are validated against them) and the blank markers (the
     * importer's normalisation, which compares agency names) */
    push_column_list(L, nb_severities, NB_SEVERITIES);
    lua_setfield(L, -2, "_severities");
    push_blank_markers(L);
    lua_setfield(L, -2, "_blanks");
    /* nb.schema is built and frozen on first use (a third of a start's instructions) */
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, module_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);

    /* the Lua part: scripts/nianbao/api.lua extends the module */
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "nianbao.module");
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, "nianbao");
    lua_pop(L, 1);
    lua_getglobal(L, "require");
    lua_pushliteral(L, "nianbao.api");
    lua_call(L, 1, 0);
    STACK_RETURN(L, 1);
}
