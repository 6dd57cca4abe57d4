/* The `nianbao.html` module. parse(text) gives the document as plain Lua tables:
 * an element is { tag = "td", attrs = { colspan = "2" }, child, child, ... } and a text
 * node is a string; comments are dropped. iconv(text, from[, to]) converts a charset and
 * replaces undecodable bytes with U+FFFD, so hostile input never fails the import. */
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
 * and its duplicate-attribute check with the square of an element's attributes, so a page
 * is measured first with a cheap tag scan. The estimate follows HTML5 where a page could
 * cheat it: an end tag lowers the depth only when an element of its name is open, and
 * "<div/>" opens a div (only void elements, and elements inside <svg> or <math>, close
 * themselves). The hard bound is the allocation budget below; this scan gives the clear
 * message for the common cases. */
#define NB_HTML_MAX_NESTING 1000
#define NB_HTML_MAX_ATTRS 256              /* on one element */
#define NB_HTML_MAX_ATTR_WORK 20000000.0   /* sum over elements of attributes squared */

static int in_list(const char *const *names, const char *name, size_t n)
{
    for (const char *const *p = names; *p; p++)
        if (strlen(*p) == n && strncasecmp(*p, name, n) == 0)
            return 1;
    return 0;
}

static int is_void(const char *name, size_t n)
{
    static const char *const names[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                        "link", "meta", "param", "source", "track", "wbr", NULL};
    return in_list(names, name, n);
}

/* Elements a later sibling closes (<p>, <li>, cells...): never counted nor kept open. */
static int closed_by_sibling(const char *name, size_t n)
{
    static const char *const names[] = {"p", "li", "td", "th", "tr", "option", "dt", "dd", NULL};
    return in_list(names, name, n);
}

static int is_name_char(char c)
{
    return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

typedef struct {
    size_t depth, max;          /* open counted elements */
    size_t attrs_max;           /* most attributes on one element */
    double attr_work;           /* sum of attributes squared */
    const char *name[NB_HTML_MAX_NESTING + 2];
    size_t len[NB_HTML_MAX_NESTING + 2];
    size_t foreign;             /* open <svg>/<math> */
} html_scan;

/* Scans the attributes of a tag from s[j] to its '>'; returns the index of '>' or len. */
static size_t scan_attributes(const char *s, size_t len, size_t j, size_t *count)
{
    size_t n = 0;
    while (j < len) {
        while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' ||
                           s[j] == '\f' || s[j] == '/'))
            j++;
        if (j >= len || s[j] == '>')
            break;
        n++; /* a name: up to a space, '/', '>' or '=' (a leading '=' belongs to it) */
        j++;
        while (j < len && !strchr(" \t\n\r\f/>=", s[j]))
            j++;
        while (j < len && strchr(" \t\n\r\f", s[j]))
            j++;
        if (j < len && s[j] == '=') {
            j++;
            while (j < len && strchr(" \t\n\r\f", s[j]))
                j++;
            if (j < len && (s[j] == '"' || s[j] == '\'')) {
                const char *q = memchr(s + j + 1, s[j], len - j - 1);
                j = q ? (size_t)(q - s) + 1 : len;
            } else {
                while (j < len && !strchr(" \t\n\r\f>", s[j]))
                    j++;
            }
        }
    }
    *count = n;
    return j;
}

/* The first "-->" in s[0..len), or NULL (memmem is GNU; the Windows C library has none). */
static const char *comment_end(const char *s, size_t len)
{
    for (const char *p = s; (p = memchr(p, '-', len - (size_t)(p - s))) != NULL; p++)
        if ((size_t)(p - s) + 3 <= len && p[1] == '-' && p[2] == '>')
            return p;
    return NULL;
}

static void scan_html(const char *s, size_t len, html_scan *sc)
{
    memset(sc, 0, sizeof *sc);
    for (size_t i = 0; i + 1 < len; i++) {
        if (s[i] != '<')
            continue;
        if (strncmp(s + i, "<!--", len - i < 4 ? len - i : 4) == 0) {
            const char *end = comment_end(s + i, len - i);
            if (!end)
                break;
            i = (size_t)(end - s);
            continue;
        }
        int closing = s[i + 1] == '/';
        size_t start = i + 1 + (size_t)closing, j = start;
        if (j >= len || !(((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z')))
            continue;
        while (j < len && is_name_char(s[j]))
            j++;
        const char *name = s + start;
        size_t n = j - start, attrs;
        size_t gt = scan_attributes(s, len, j, &attrs);
        if (gt >= len)
            break;
        if (attrs > sc->attrs_max)
            sc->attrs_max = attrs;
        sc->attr_work += (double)attrs * (double)attrs;
        int empty = s[gt - 1] == '/' && (is_void(name, n) || sc->foreign > 0);
        if (closing) {
            for (size_t k = sc->depth; k > 0; k--)
                if (sc->len[k - 1] == n && strncasecmp(sc->name[k - 1], name, n) == 0) {
                    for (size_t m = k - 1; m < sc->depth; m++)
                        if ((sc->len[m] == 3 && strncasecmp(sc->name[m], "svg", 3) == 0) ||
                            (sc->len[m] == 4 && strncasecmp(sc->name[m], "math", 4) == 0))
                            sc->foreign--;
                    sc->depth = k - 1;
                    break;
                }
        } else if (!empty && !is_void(name, n) && !closed_by_sibling(name, n)) {
            sc->name[sc->depth] = name;
            sc->len[sc->depth] = n;
            if ((n == 3 && strncasecmp(name, "svg", 3) == 0) || (n == 4 && strncasecmp(name, "math", 4) == 0))
                sc->foreign++;
            if (++sc->depth > sc->max)
                sc->max = sc->depth;
            if (sc->depth > NB_HTML_MAX_NESTING)
                return; /* refused: no need to read on */
        }
        i = gt;
    }
}

/* gumbo does not check its allocations, so it gets an allocator that keeps every block in a
 * list and, when malloc fails, jumps back out of the parser; the whole list is then freed. */
typedef union block {
    struct {
        union block *prev, *next;
        size_t size;
    } link;
    max_align_t align;
} block;

typedef struct {
    GumboOutput *out;
    GumboOptions options;
    block blocks;      /* list head */
    size_t used, budget; /* bytes gumbo holds, and the most it may: see NB_HTML_BUDGET */
    int over_budget;
    jmp_buf out_of_memory;
} parse_box;

/* gumbo may hold this much for a page of len bytes (a real page needs about 10 times its size;
 * hostile nesting and attribute patterns need far more and are stopped here). */
#define NB_HTML_BUDGET(len) ((size_t)64 * 1024 * 1024 + 24 * (len))

static void *box_alloc(void *userdata, size_t size)
{
    parse_box *b = userdata;
    if (size > b->budget - b->used) {
        b->over_budget = 1;
        longjmp(b->out_of_memory, 1);
    }
    block *x = malloc(sizeof *x + size);
    if (!x)
        longjmp(b->out_of_memory, 1);
    x->link.size = size;
    b->used += size;
    x->link.prev = &b->blocks;
    x->link.next = b->blocks.link.next;
    b->blocks.link.next->link.prev = x;
    b->blocks.link.next = x;
    return x + 1;
}

static void box_free(void *userdata, void *p)
{
    if (!p)
        return;
    block *x = (block *)p - 1;
    ((parse_box *)userdata)->used -= x->link.size;
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
    b->used = 0;
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
    /* only running out of memory raises; a refused page is nil and the reason */
    html_scan *sc = malloc(sizeof *sc);
    if (!sc)
        return luaL_error(L, "内存不足，无法解析 HTML");
    scan_html(text, len, sc);
    size_t nesting = sc->max, attrs = sc->attrs_max;
    double work = sc->attr_work;
    free(sc);
    if (nesting > NB_HTML_MAX_NESTING)
        return refuse(L, lua_pushfstring(L, "HTML 元素嵌套过深（超过 %d 层），不予解析", NB_HTML_MAX_NESTING));
    if (attrs > NB_HTML_MAX_ATTRS || work > NB_HTML_MAX_ATTR_WORK) {
        return refuse(L, lua_pushfstring(L, "HTML 元素的属性过多（一个元素最多 %d 个，实有 %d 个），不予解析",
                                         NB_HTML_MAX_ATTRS, (int)attrs));
    }
    /* gumbo's memory is owned by a userdata so that a Lua error cannot leak it */
    parse_box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->out = NULL;
    b->blocks.link.prev = b->blocks.link.next = &b->blocks;
    b->used = 0;
    b->budget = NB_HTML_BUDGET(len);
    b->over_budget = 0;
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
        int over = b->over_budget;
        box_release(b);
        if (over) {
            lua_pushnil(L);
            lua_pushfstring(L, "HTML 结构过于复杂（解析所需内存超过 %d MiB），不予解析",
                            (int)(NB_HTML_BUDGET(len) >> 20));
            return 2;
        }
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
/* nil, message, as for a page that cannot be parsed: import names the file and exits 2 */
static int l_parse(lua_State *L)
{
    lua_pushnil(L);
    lua_pushliteral(L, "此版本的 nianbao 不能读取网页（编译时未包含网页解析库 gumbo）：请在浏览器中把网页"
                       "“另存为”文本文件（.txt）后导入该文本文件，或改用 Linux 版 nianbao 导入网页");
    return 2;
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
#ifdef NB_NO_GUMBO
    lua_pushboolean(L, 0); /* --version names the optional parts a build has */
#else
    lua_pushboolean(L, 1);
#endif
    lua_setfield(L, -2, "available");
    return 1;
}
