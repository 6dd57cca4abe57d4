#include "docx.h"
#include "bytes.h"
#include "importlibs.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#define W "http://schemas.openxmlformats.org/wordprocessingml/2006/main|"
/* mc:AlternateContent: mc:Choice holds what Word shows (a text box as DrawingML), mc:Fallback
 * the same again for older readers (as VML): read once, from the Choice */
#define MC_FALLBACK "http://schemas.openxmlformats.org/markup-compatibility/2006|Fallback"

enum { MAX_ITEMS = 200000, MAX_DEPTH = 256 };

static const nb_expat *X; /* libexpat, loaded by the first parse (host/importlibs.c) */

typedef struct {
    XML_Parser parser;
    /* the parse result: records in one buffer, pushed to Lua after expat is done (a Lua
     * error must not jump through expat's frames): 'P' text NUL (a paragraph, in a cell or
     * not), 'T' 't' (a table's start and end, at any depth), 'R' 'E' (a row's), 'C' (a
     * cell's start), 'c' span NUL (a cell's end) or 'm' (the end of a vMerge continuation) */
    nb_bytes records;
    nb_bytes text;      /* the paragraph being read */
    int in_t;      /* inside w:t */
    int tbl;       /* w:tbl depth */
    int span[MAX_DEPTH + 1], vcont[MAX_DEPTH + 1]; /* of the cell open at each table depth */
    int fallback;  /* depth inside mc:Fallback, whose content is skipped */
    long items;
    int depth;
    const char *problem;
} state;

/* Word's "Strict Open XML" documents use the ISO namespace for the same elements */
#define W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main|"

static int is(const char *name, const char *local)
{
    if (strncmp(name, W, sizeof W - 1) == 0)
        return strcmp(name + sizeof W - 1, local) == 0;
    if (strncmp(name, W_STRICT, sizeof W_STRICT - 1) == 0)
        return strcmp(name + sizeof W_STRICT - 1, local) == 0;
    return 0;
}

static const char *attr(const char **atts, const char *local)
{
    for (int i = 0; atts[i]; i += 2)
        if (is(atts[i], local))
            return atts[i + 1];
    return NULL;
}

static void stop(state *s, const char *why)
{
    if (!s->problem)
        s->problem = why;
    X->XML_StopParser(s->parser, XML_FALSE);
}

static void emit_para(state *s)
{
    if (s->text.len > 0) {
        if (++s->items > MAX_ITEMS)
            return stop(s, "段落过多");
        nb_bytes_add(&s->records, "P", 1);
        nb_bytes_add(&s->records, s->text.data, s->text.len);
        nb_bytes_add(&s->records, "", 1);
    }
    s->text.len = 0;
}

static void add_record(state *s, const char *r) { nb_bytes_add(&s->records, r, 1); }

static void XMLCALL on_start(void *ud, const char *name, const char **atts)
{
    state *s = ud;
    if (++s->depth > MAX_DEPTH)
        return stop(s, "XML 嵌套过深");
    if (s->fallback || strcmp(name, MC_FALLBACK) == 0) {
        s->fallback++;
        return;
    }
    if (is(name, "t")) {
        s->in_t = 1;
    } else if (is(name, "tab")) {
        nb_bytes_add(&s->text, " ", 1);
    } else if (is(name, "br") || is(name, "cr")) {
        /* a line break: a new paragraph, as <br> in HTML (a title broken after its year) */
        nb_bytes_add(&s->text, "\n", 1);
    } else if (is(name, "tbl")) {
        emit_para(s);
        s->tbl++;
        add_record(s, "T");
    } else if (s->tbl > 0 && is(name, "tr")) {
        add_record(s, "R");
    } else if (s->tbl > 0 && is(name, "tc")) {
        emit_para(s);
        s->span[s->tbl] = 1;
        s->vcont[s->tbl] = 0;
        add_record(s, "C");
    } else if (s->tbl > 0 && is(name, "gridSpan")) {
        const char *v = attr(atts, "val");
        int n = v ? atoi(v) : 1;
        s->span[s->tbl] = n >= 1 && n <= 64 ? n : 1;
    } else if (s->tbl > 0 && is(name, "vMerge")) {
        const char *v = attr(atts, "val");
        s->vcont[s->tbl] = !v || strcmp(v, "continue") == 0;
    }
}

static void XMLCALL on_end(void *ud, const char *name)
{
    state *s = ud;
    s->depth--;
    if (s->fallback) {
        s->fallback--;
        return;
    }
    if (is(name, "t")) {
        s->in_t = 0;
    } else if (is(name, "p")) {
        emit_para(s);
    } else if (s->tbl > 0 && is(name, "tbl")) {
        emit_para(s);
        s->tbl--;
        add_record(s, "t");
    } else if (s->tbl > 0 && is(name, "tc")) {
        emit_para(s);
        if (s->vcont[s->tbl]) {
            add_record(s, "m");
        } else {
            if (++s->items > MAX_ITEMS)
                return stop(s, "表格单元格过多");
            char span[8];
            int n = snprintf(span, sizeof span, "%d", s->span[s->tbl]);
            add_record(s, "c");
            nb_bytes_add(&s->records, span, (size_t)n + 1);
        }
    } else if (s->tbl > 0 && is(name, "tr")) {
        add_record(s, "E");
    }
}

static void XMLCALL on_text(void *ud, const char *text, int len)
{
    state *s = ud;
    if (s->in_t && !s->fallback)
        nb_bytes_add(&s->text, text, (size_t)len);
}

/* a document part has no DTD: one is refused (no entity expansion at all) */
static void XMLCALL on_doctype(void *ud, const char *name, const char *sysid, const char *pubid, int internal)
{
    (void)name, (void)sysid, (void)pubid, (void)internal;
    stop(ud, "含有 DOCTYPE 声明（Word 文档不会有），拒绝读取");
}

static void XMLCALL on_entity(void *ud, const char *name, int is_param, const char *value, int value_len,
                              const char *base, const char *sysid, const char *pubid, const char *notation)
{
    (void)name, (void)is_param, (void)value, (void)value_len, (void)base, (void)sysid, (void)pubid, (void)notation;
    stop(ud, "含有实体声明，拒绝读取");
}

static void set_text(lua_State *L, const char *key, const char *s)
{
    lua_pushstring(L, s);
    lua_setfield(L, -2, key);
}

/* the length of the record at p (its kind byte included) */
static size_t record_len(const char *p)
{
    return *p == 'P' || *p == 'c' ? strlen(p + 1) + 2 : 1;
}

/* protected: the records as Lua items. A table is read as rows of cells, each cell's text
 * that of all its paragraphs (and of any table of one row set in it); a table that holds a
 * table of several rows is a layout table (a whole report set in a frame of one cell, as
 * pages saved from the web are): its cells' paragraphs and tables are read as the body's,
 * in order, as the HTML front end reads a <table> holding tables. */
static int push_items(lua_State *L)
{
    const char *start = lua_touserdata(L, 1);
    size_t len = (size_t)lua_tointeger(L, 2);
    const char *end = start + len;
    /* pass 1: which tables (by their order of start) are layout tables */
    size_t ntables = 0;
    for (const char *p = start; p < end; p += record_len(p))
        ntables += *p == 'T';
    unsigned char *layout = lua_newuserdatauv(L, ntables ? ntables : 1, 0);
    memset(layout, 0, ntables ? ntables : 1);
    /* the table open at each depth and its rows (the parse stops deeper than MAX_DEPTH) */
    size_t *open = lua_newuserdatauv(L, (MAX_DEPTH + 2) * sizeof *open, 0);
    size_t *rows = lua_newuserdatauv(L, (MAX_DEPTH + 2) * sizeof *rows, 0);
    int depth = 0;
    size_t t = 0;
    for (const char *p = start; p < end; p += record_len(p)) {
        if (*p == 'T') {
            if (depth <= MAX_DEPTH) {
                open[++depth] = t;
                rows[depth] = 0;
            }
            t++;
        } else if (*p == 'R' && depth > 0) {
            rows[depth]++;
        } else if (*p == 't' && depth > 0) {
            if (rows[depth] >= 2)
                for (int d = 1; d < depth; d++)
                    layout[open[d]] = 1;
            depth--;
        }
    }
    lua_pop(L, 2);
    /* pass 2: the items; stack: layout, items [, row, cells [, cell text]] */
    lua_newtable(L);
    lua_Integer n = 0, c = 0;
    int leaf = 0;                  /* the depth of the table read as rows (0: none) */
    int in_row = 0, in_cell = 0;   /* a row (row, cells) and a cell's text are on the stack */
    depth = 0;
    t = 0;
    for (const char *p = start; p < end; p += record_len(p)) {
        char kind = *p;
        if (kind == 'P') {
            if (!leaf) {
                lua_createtable(L, 0, 2);
                set_text(L, "kind", "para");
                set_text(L, "text", p + 1);
                lua_rawseti(L, -2, ++n);
            } else if (in_row) {
                /* a paragraph of a cell, or of a table of one row set in it: the cell's text */
                lua_pushstring(L, p + 1);
                if (in_cell)
                    lua_concat(L, 2);
                in_cell = 1;
            }
            continue;
        }
        if (kind == 'T') {
            depth++;
            if (!leaf && !layout[t])
                leaf = depth;
            t++;
            continue;
        }
        if (!leaf || depth != leaf) {
            if (kind == 't')
                depth--;
            continue; /* the rows and cells of a layout table, or of a table set in a cell */
        }
        if (in_cell && kind != 'c') {
            lua_pop(L, 1);
            in_cell = 0;
        }
        if (in_row && (kind == 'R' || kind == 'E' || kind == 't')) {
            lua_setfield(L, -2, "cells");
            if (c > 0)
                lua_rawseti(L, -2, ++n);
            else
                lua_pop(L, 1);
            in_row = 0;
        }
        if (kind == 'R') {
            lua_createtable(L, 0, 2);
            set_text(L, "kind", "row");
            lua_newtable(L);
            c = 0;
            in_row = 1;
        } else if (kind == 'c' && in_row) {
            if (!in_cell)
                lua_pushliteral(L, "");
            in_cell = 0;
            lua_createtable(L, 0, 3);
            lua_insert(L, -2);
            lua_setfield(L, -2, "text");
            lua_pushboolean(L, 1);
            lua_setfield(L, -2, "definite");
            lua_pushinteger(L, atoi(p + 1));
            lua_setfield(L, -2, "span");
            lua_rawseti(L, -2, ++c);
        } else if (kind == 'c' && in_cell) {
            lua_pop(L, 1);
            in_cell = 0;
        } else if (kind == 't') {
            leaf = 0;
            depth--;
        }
    }
    if (in_cell)
        lua_pop(L, 1);
    if (in_row) {
        lua_setfield(L, -2, "cells");
        if (c > 0)
            lua_rawseti(L, -2, ++n);
        else
            lua_pop(L, 1);
    }
    return 1;
}

int nb_l_docx_items(lua_State *L)
{
    size_t len;
    const char *xml = luaL_checklstring(L, 1, &len);
    luaL_checkstack(L, 8, NULL);
    const char *why = NULL;
    if (!X && !(X = nb_expat_open(&why))) {
        luaL_pushfail(L);
        lua_pushfstring(L, "无法载入 XML 解析库 libexpat（%s），不能读取 Word 文件", why);
        return 2;
    }
    state s;
    memset(&s, 0, sizeof s);
    /* NULL: the declared encoding (Word writes UTF-8; UTF-16 is read too) */
    s.parser = X->XML_ParserCreateNS(NULL, '|');
    if (!s.parser)
        return luaL_error(L, "内存不足");
    X->XML_SetUserData(s.parser, &s);
    X->XML_SetElementHandler(s.parser, on_start, on_end);
    X->XML_SetCharacterDataHandler(s.parser, on_text);
    X->XML_SetStartDoctypeDeclHandler(s.parser, on_doctype);
    X->XML_SetEntityDeclHandler(s.parser, on_entity);
    int ok = X->XML_Parse(s.parser, xml, (int)(len > 0x7fffffff ? 0x7fffffff : len), XML_TRUE) == XML_STATUS_OK;
    char message[256];
    if (!ok && !s.problem)
        snprintf(message, sizeof message, "word/document.xml 第 %lu 行：XML 格式错误（%s）",
                 (unsigned long)X->XML_GetCurrentLineNumber(s.parser), X->XML_ErrorString(X->XML_GetErrorCode(s.parser)));
    else if (s.problem)
        snprintf(message, sizeof message, "word/document.xml：%s", s.problem);
    else if (s.records.failed || s.text.failed)
        snprintf(message, sizeof message, "内存不足");
    X->XML_ParserFree(s.parser);
    free(s.text.data);
    if (!ok || s.problem || s.records.failed || s.text.failed) {
        free(s.records.data);
        luaL_pushfail(L);
        lua_pushstring(L, message);
        return 2;
    }
    lua_pushcfunction(L, push_items);
    lua_pushlightuserdata(L, s.records.data ? s.records.data : "");
    lua_pushinteger(L, (lua_Integer)s.records.len);
    int status = lua_pcall(L, 2, 1, 0);
    free(s.records.data);
    if (status != LUA_OK)
        return lua_error(L);
    return 1;
}
