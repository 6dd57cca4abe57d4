#include "docx.h"
#include "bytes.h"
#include "importlibs.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#define W "http://schemas.openxmlformats.org/wordprocessingml/2006/main|"

enum { MAX_ITEMS = 200000, MAX_DEPTH = 256 };

static const nb_expat *X; /* libexpat, loaded by the first parse (host/importlibs.c) */

typedef struct {
    XML_Parser parser;
    /* the parse result: records in one buffer, pushed to Lua after expat is done (a Lua
     * error must not jump through expat's frames) */
    nb_bytes records;   /* 'P' text NUL | 'R' | 'C' span text NUL | 'E' */
    nb_bytes text;      /* the paragraph or cell being read */
    int in_t;      /* inside w:t */
    int tbl;       /* w:tbl depth */
    int in_cell;   /* inside a w:tc of the outermost table */
    int span, vcont;
    int row_cells;
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

static void XMLCALL on_start(void *ud, const char *name, const char **atts)
{
    state *s = ud;
    if (++s->depth > MAX_DEPTH)
        return stop(s, "XML 嵌套过深");
    if (is(name, "t")) {
        s->in_t = 1;
    } else if (is(name, "tab")) {
        nb_bytes_add(&s->text, " ", 1);
    } else if (is(name, "br") || is(name, "cr")) {
        /* a line break: a new paragraph, as <br> in HTML (a title broken after its year) */
        nb_bytes_add(&s->text, "\n", 1);
    } else if (is(name, "tbl")) {
        if (s->tbl == 0)
            emit_para(s);
        s->tbl++;
    } else if (s->tbl == 1 && is(name, "tr")) {
        s->row_cells = 0;
        nb_bytes_add(&s->records, "R", 1);
    } else if (s->tbl == 1 && is(name, "tc")) {
        s->in_cell = 1;
        s->span = 1;
        s->vcont = 0;
        s->text.len = 0;
    } else if (s->tbl == 1 && s->in_cell && is(name, "gridSpan")) {
        const char *v = attr(atts, "val");
        int n = v ? atoi(v) : 1;
        s->span = n >= 1 && n <= 64 ? n : 1;
    } else if (s->tbl == 1 && s->in_cell && is(name, "vMerge")) {
        const char *v = attr(atts, "val");
        s->vcont = !v || strcmp(v, "continue") == 0;
    }
}

static void XMLCALL on_end(void *ud, const char *name)
{
    state *s = ud;
    s->depth--;
    if (is(name, "t")) {
        s->in_t = 0;
    } else if (is(name, "p")) {
        if (s->tbl == 0)
            emit_para(s);
    } else if (is(name, "tbl")) {
        s->tbl--;
    } else if (s->tbl == 1 && is(name, "tc")) {
        s->in_cell = 0;
        if (!s->vcont) {
            if (++s->items > MAX_ITEMS)
                return stop(s, "表格单元格过多");
            char span[8];
            int n = snprintf(span, sizeof span, "%d", s->span);
            nb_bytes_add(&s->records, "C", 1);
            nb_bytes_add(&s->records, span, (size_t)n + 1);
            nb_bytes_add(&s->records, s->text.data ? s->text.data : "", s->text.len);
            nb_bytes_add(&s->records, "", 1);
        }
        s->text.len = 0;
    } else if (s->tbl == 1 && is(name, "tr")) {
        nb_bytes_add(&s->records, "E", 1);
    }
}

static void XMLCALL on_text(void *ud, const char *text, int len)
{
    state *s = ud;
    if (s->in_t)
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

/* protected: the records as Lua items */
static int push_items(lua_State *L)
{
    const char *p = lua_touserdata(L, 1);
    size_t len = (size_t)lua_tointeger(L, 2);
    const char *end = p + len;
    lua_newtable(L);
    lua_Integer n = 0, c = 0;
    while (p < end) {
        char kind = *p++;
        if (kind == 'P') {
            lua_createtable(L, 0, 2);
            set_text(L, "kind", "para");
            set_text(L, "text", p);
            p += strlen(p) + 1;
            lua_rawseti(L, -2, ++n);
        } else if (kind == 'R') {
            lua_createtable(L, 0, 2);
            set_text(L, "kind", "row");
            lua_newtable(L);
            c = 0;
        } else if (kind == 'C') {
            int span = atoi(p);
            p += strlen(p) + 1;
            lua_createtable(L, 0, 3);
            set_text(L, "text", p);
            p += strlen(p) + 1;
            lua_pushboolean(L, 1);
            lua_setfield(L, -2, "definite");
            lua_pushinteger(L, span);
            lua_setfield(L, -2, "span");
            lua_rawseti(L, -2, ++c);
        } else { /* 'E' */
            lua_setfield(L, -2, "cells");
            if (c > 0)
                lua_rawseti(L, -2, ++n);
            else
                lua_pop(L, 1);
        }
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
