/* The `nianbao.html` module. parse(text) gives the document as plain Lua tables:
 * an element is { tag = "td", attrs = { colspan = "2" }, child, child, ... } and a text
 * node is a string; comments are dropped. iconv(text, from[, to]) converts a charset and
 * replaces undecodable bytes with U+FFFD, so hostile input never fails the import. */
#define _GNU_SOURCE /* memmem */
#include "html.h"

#include <errno.h>
#include <iconv.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifndef NB_NO_GUMBO
#include <gumbo.h>
#endif
#include <lauxlib.h>
#include <lua.h>

#ifndef NB_NO_GUMBO /* a Windows build without gumbo (tools/build-windows.sh --without-gumbo) */
/* Deeper nesting than this is cut (and reported): it only occurs in hostile pages, and it
 * keeps both this conversion and the Lua walkers from exhausting the C stack. */
#define MAX_DEPTH 200
#define NB_HTML_MAX_INPUT (32u << 20)

static void push_node(lua_State *L, const GumboNode *node, int depth, int *cut);

static void push_children(lua_State *L, const GumboVector *children, int depth, int *cut)
{
    lua_Integer n = 0;
    for (unsigned i = 0; i < children->length; i++) {
        const GumboNode *child = children->data[i];
        if (child->type == GUMBO_NODE_COMMENT)
            continue;
        if (depth >= MAX_DEPTH && (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE)) {
            *cut = 1;
            continue;
        }
        push_node(L, child, depth + 1, cut);
        lua_rawseti(L, -2, ++n);
    }
}

static void push_node(lua_State *L, const GumboNode *node, int depth, int *cut)
{
    luaL_checkstack(L, 4, "HTML 嵌套过深");
    switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
        lua_pushstring(L, node->v.text.text);
        return;
    case GUMBO_NODE_DOCUMENT:
        lua_createtable(L, (int)node->v.document.children.length, 1);
        lua_pushliteral(L, "#document");
        lua_setfield(L, -2, "tag");
        push_children(L, &node->v.document.children, depth, cut);
        return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
        const GumboElement *e = &node->v.element;
        lua_createtable(L, (int)e->children.length, 2);
        const char *tag = gumbo_normalized_tagname(e->tag);
        if (e->tag == GUMBO_TAG_UNKNOWN || !tag || !*tag) {
            GumboStringPiece piece = e->original_tag;
            gumbo_tag_from_original_text(&piece);
            lua_pushlstring(L, piece.data ? piece.data : "", piece.data ? piece.length : 0);
        } else {
            lua_pushstring(L, tag);
        }
        lua_setfield(L, -2, "tag");
        lua_createtable(L, 0, (int)e->attributes.length);
        for (unsigned i = 0; i < e->attributes.length; i++) {
            const GumboAttribute *a = e->attributes.data[i];
            lua_pushstring(L, a->value);
            lua_setfield(L, -2, a->name);
        }
        lua_setfield(L, -2, "attrs");
        push_children(L, &e->children, depth, cut);
        return;
    }
    default:
        lua_pushliteral(L, "");
        return;
    }
}

/* Gumbo's memory grows with the square of the nesting depth (3 GB at 20000 open <div>s),
 * so a page is measured first with a cheap tag scan: elements that close themselves (void
 * elements, <p>, <li>, table cells...) do not count. */
#define NB_HTML_MAX_NESTING 1000

static int self_closing(const char *name, size_t n)
{
    static const char *const names[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                        "link", "meta", "param", "source", "track", "wbr", "p",
                                        "li", "td", "th", "tr", "option", "dt", "dd", NULL};
    for (const char *const *p = names; *p; p++)
        if (strlen(*p) == n && strncasecmp(*p, name, n) == 0)
            return 1;
    return 0;
}

static size_t nesting_estimate(const char *s, size_t len)
{
    size_t depth = 0, max = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (s[i] != '<')
            continue;
        if (strncmp(s + i, "<!--", len - i < 4 ? len - i : 4) == 0) {
            const char *end = memmem(s + i, len - i, "-->", 3);
            if (!end)
                break;
            i = (size_t)(end - s);
            continue;
        }
        int closing = s[i + 1] == '/';
        size_t start = i + 1 + (size_t)closing, j = start;
        while (j < len && (((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') || (s[j] >= '0' && s[j] <= '9')))
            j++;
        if (j == start)
            continue;
        const char *gt = memchr(s + j, '>', len - j);
        if (!gt)
            break;
        int empty = gt > s + j && gt[-1] == '/';
        if (closing) {
            if (depth > 0 && !self_closing(s + start, j - start))
                depth--;
        } else if (!empty && !self_closing(s + start, j - start) && ++depth > max) {
            max = depth;
        }
        i = (size_t)(gt - s);
    }
    return max;
}

/* gumbo does not check its allocations, so it gets an allocator that keeps every block in a
 * list and, when malloc fails, jumps back out of the parser; the whole list is then freed. */
typedef union block {
    struct {
        union block *prev, *next;
    } link;
    max_align_t align;
} block;

typedef struct {
    GumboOutput *out;
    GumboOptions options;
    block blocks;      /* list head */
    jmp_buf out_of_memory;
} parse_box;

static void *box_alloc(void *userdata, size_t size)
{
    parse_box *b = userdata;
    block *x = malloc(sizeof *x + size);
    if (!x)
        longjmp(b->out_of_memory, 1);
    x->link.prev = &b->blocks;
    x->link.next = b->blocks.link.next;
    b->blocks.link.next->link.prev = x;
    b->blocks.link.next = x;
    return x + 1;
}

static void box_free(void *userdata, void *p)
{
    (void)userdata;
    if (!p)
        return;
    block *x = (block *)p - 1;
    x->link.prev->link.next = x->link.next;
    x->link.next->link.prev = x->link.prev;
    free(x);
}

static void box_release(parse_box *b)
{
    block *x = b->blocks.link.next;
    while (x != &b->blocks) {
        block *next = x->link.next;
        free(x);
        x = next;
    }
    b->blocks.link.prev = b->blocks.link.next = &b->blocks;
    b->out = NULL;
}

static int box_gc(lua_State *L)
{
    box_release(lua_touserdata(L, 1));
    return 0;
}

/* parse(text) -> document tree, cut (true when nesting was too deep); or nil, message when
 * the page itself is refused (too large, nested too deep, not parsed). Only what is not the
 * page's fault (memory ran out) raises. */
static int refuse(lua_State *L, const char *message)
{
    lua_pushnil(L);
    lua_pushstring(L, message);
    return 2;
}

static int l_parse(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    if (len > NB_HTML_MAX_INPUT)
        return refuse(L, lua_pushfstring(L, "HTML 文件过大（%d 字节以上），不予解析", (int)NB_HTML_MAX_INPUT));
    size_t nesting = nesting_estimate(text, len);
    if (nesting > NB_HTML_MAX_NESTING) {
        return refuse(L, lua_pushfstring(L, "HTML 元素嵌套过深（约 %d 层，最多 %d 层），不予解析", (int)nesting,
                                         NB_HTML_MAX_NESTING));
    }
    /* gumbo's memory is owned by a userdata so that a Lua error cannot leak it */
    parse_box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->out = NULL;
    b->blocks.link.prev = b->blocks.link.next = &b->blocks;
    b->options = kGumboDefaultOptions;
    b->options.allocator = box_alloc;
    b->options.deallocator = box_free;
    b->options.userdata = b;
    if (luaL_newmetatable(L, "nianbao.html.output")) {
        lua_pushcfunction(L, box_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    if (setjmp(b->out_of_memory)) {
        box_release(b);
        return luaL_error(L, "内存不足，无法解析 HTML");
    }
    b->out = gumbo_parse_with_options(&b->options, text, len);
    if (!b->out)
        return refuse(L, "HTML 解析失败");
    int cut = 0;
    push_node(L, b->out->document, 0, &cut);
    lua_pushboolean(L, cut);
    box_release(b);
    return 2;
}

#else
static int l_parse(lua_State *L)
{
    return luaL_error(L, "此版本的 nianbao 不能读取网页（编译时未包含 gumbo）：请把网页另存为文本后再导入");
}
#endif

typedef struct {
    iconv_t cd;
} iconv_box;

static int iconv_gc(lua_State *L)
{
    iconv_box *b = lua_touserdata(L, 1);
    if (b->cd != (iconv_t)-1) {
        iconv_close(b->cd);
        b->cd = (iconv_t)-1;
    }
    return 0;
}

/* iconv(text, from[, to = "UTF-8"]) -> converted text, number of bytes replaced; or nil, message */
static int l_iconv(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    const char *from = luaL_checkstring(L, 2);
    const char *to = luaL_optstring(L, 3, "UTF-8");
    iconv_box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->cd = (iconv_t)-1;
    if (luaL_newmetatable(L, "nianbao.html.iconv")) {
        lua_pushcfunction(L, iconv_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    b->cd = iconv_open(to, from);
    if (b->cd == (iconv_t)-1) {
        lua_pushnil(L);
        lua_pushfstring(L, "不支持的字符集转换：%s -> %s", from, to);
        return 2;
    }
    luaL_Buffer buf;
    luaL_buffinit(L, &buf);
    char *in = (char *)text;
    size_t left = len;
    lua_Integer replaced = 0;
    char chunk[4096];
    while (left > 0) {
        char *out = chunk;
        size_t room = sizeof chunk;
        size_t r = iconv(b->cd, &in, &left, &out, &room);
        luaL_addlstring(&buf, chunk, (size_t)(out - chunk));
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            /* an invalid or truncated sequence: one replacement character, skip a byte */
            luaL_addstring(&buf, "\xEF\xBF\xBD");
            replaced++;
            in++;
            left--;
            iconv(b->cd, NULL, NULL, NULL, NULL);
        }
    }
    char *out = chunk;
    size_t room = sizeof chunk;
    iconv(b->cd, NULL, NULL, &out, &room); /* flush any shift state */
    luaL_addlstring(&buf, chunk, (size_t)(out - chunk));
    luaL_pushresult(&buf);
    lua_pushinteger(L, replaced);
    return 2;
}

int nb_open_html(lua_State *L)
{
    static const luaL_Reg functions[] = {
        {"parse", l_parse},
        {"iconv", l_iconv},
        {NULL, NULL},
    };
    luaL_newlib(L, functions);
    return 1;
}
