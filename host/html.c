/* The `nianbao.html` module. parse(text) gives the document as plain Lua tables:
 * an element is { tag = "td", attrs = { colspan = "2" }, child, child, ... } and a text
 * node is a string; comments are dropped. iconv(text, from[, to]) converts a charset and
 * replaces undecodable bytes with U+FFFD, so a few stray bytes never fail the import; text
 * that is mostly not in that charset is refused with a message instead. */
#include "html.h"
#include "importlibs.h"

#include <errno.h>
#include <iconv.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>

#ifndef NB_NO_GUMBO /* a Windows build without gumbo (tools/build-windows.sh --without-gumbo) */
/* Deeper nesting than this is cut (and reported): it only occurs in hostile pages, and it
 * keeps both this conversion and the Lua walkers from exhausting the C stack. */
#define MAX_DEPTH 200
#define NB_HTML_MAX_INPUT (32u << 20)

static const nb_gumbo *G; /* libgumbo, loaded by the first parse (host/importlibs.c) */

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
        const char *tag = G->gumbo_normalized_tagname(e->tag);
        if (e->tag == GUMBO_TAG_UNKNOWN || !tag || !*tag) {
            GumboStringPiece piece = e->original_tag;
            G->gumbo_tag_from_original_text(&piece);
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
 * its time too (each start tag looks down the stack of open elements), and its
 * duplicate-attribute check with the square of an element's attributes, so a page is
 * measured first with a cheap tag scan. The estimate follows HTML5's tokenizer and tree
 * builder where a page could cheat it (it may count more than gumbo builds, never less for
 * the cases below):
 * - a tag name runs to a space, '/' or '>' ("<b<b>" opens "b<b", which "</b>" does not close);
 * - comments end at "-->" or "--!>" ("<!-->" too); "<?", "<!x" and "</ " open bogus comments
 *   that end at '>'; the text of <script>, <style>, <textarea>, <title>, <xmp>, <iframe>,
 *   <noembed> and <noframes> holds no tags up to its own end tag, <plaintext> none at all;
 * - an end tag lowers the depth only when an element of its name is open and nothing between
 *   stops it as HTML5 does: a scope boundary (<table>, <object>, <template>…) for an end tag
 *   of a special or formatting element, any special element (<div>…) for another one
 *   ("<span><div></span>" keeps both open); a formatting end tag above a special element
 *   (adoption agency) closes itself only; </body> and </html> close nothing;
 * - "<div/>" opens a div: only void elements, and elements in <svg>/<math> content, close
 *   themselves; an HTML element there (<p>, <div>…) breaks out into HTML again.
 * The hard bounds are the allocation budget and the time limit below; this scan gives the
 * clear message for the common cases. */
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
                                        "link", "meta", "param", "source", "track", "wbr", "image",
                                        "keygen", "basefont", "bgsound", "frame", NULL};
    return in_list(names, name, n);
}

/* Elements a later sibling closes (<p>, <li>, cells...): never counted nor kept open;
 * html, head and body, which a page cannot nest (gumbo merges a second one). */
static int not_counted(const char *name, size_t n)
{
    static const char *const names[] = {"p", "li", "td", "th", "tr", "option", "dt", "dd",
                                        "html", "head", "body", NULL};
    return in_list(names, name, n);
}

/* HTML5's "special" elements (an end tag of another element does not pass them). */
static int is_special(const char *name, size_t n)
{
    static const char *const names[] = {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
        "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
        "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link",
        "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript",
        "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section",
        "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea",
        "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp", "mi", "mo", "mn",
        "ms", "mtext", "annotation-xml", "foreignobject", "desc", NULL};
    return in_list(names, name, n);
}

static int is_formatting(const char *name, size_t n)
{
    static const char *const names[] = {"a", "b", "big", "code", "em", "font", "i", "nobr", "s",
                                        "small", "strike", "strong", "tt", "u", NULL};
    return in_list(names, name, n);
}

/* Elements that bound the scope an end tag of a special element is looked for in. */
static int is_scope_boundary(const char *name, size_t n)
{
    static const char *const names[] = {"applet", "caption", "html", "table", "td", "th",
                                        "marquee", "object", "template", "mi", "mo", "mn", "ms",
                                        "mtext", "annotation-xml", "foreignobject", "desc",
                                        "title", NULL};
    return in_list(names, name, n);
}

/* Start tags that end <svg>/<math> content (HTML5 "breakout"; font only with attributes,
 * which the caller approximates). */
static int breaks_out(const char *name, size_t n)
{
    static const char *const names[] = {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
        "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
        "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strike",
        "strong", "sub", "sup", "table", "tt", "u", "ul", "var", NULL};
    return in_list(names, name, n);
}

/* Where the content of svg/math is HTML again (integration points). */
static int integration_point(const char *name, size_t n)
{
    static const char *const names[] = {"foreignobject", "desc", "title", "mi", "mo", "mn", "ms",
                                        "mtext", "annotation-xml", NULL};
    return in_list(names, name, n);
}

/* Elements whose text holds no tags up to their own end tag (raw text and RCDATA). */
static int is_raw_text(const char *name, size_t n)
{
    static const char *const names[] = {"script", "style", "textarea", "title", "xmp", "iframe",
                                        "noembed", "noframes", NULL};
    return in_list(names, name, n);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

typedef struct {
    size_t depth, max;          /* open counted elements */
    size_t attrs_max;           /* most attributes on one element */
    double attr_work;           /* sum of attributes squared */
    const char *name[NB_HTML_MAX_NESTING + 2];
    size_t len[NB_HTML_MAX_NESTING + 2];
    unsigned char kind[NB_HTML_MAX_NESTING + 2]; /* K_* of each open element */
    double work;                /* stack entries looked at by end tags */
    size_t tags;                /* start tags and comments */
} html_scan;

enum { K_FOREIGN = 1, K_SPECIAL = 2, K_BOUNDARY = 4 };

/* End tags look down the stack of open elements: a page of many end tags over a deep stack
 * is refused past this many steps (a real page needs a few million at most). */
#define NB_HTML_MAX_SCAN_WORK 50000000.0
/* Every start tag and comment becomes a node of gumbo's tree and of the Lua tree built from it
 * (about 500 bytes and 10 µs each): a page of a million empty <i></i> would take 500 MiB and
 * 10 s. A real report page has a few thousand. */
#define NB_HTML_MAX_TAGS 200000

/* Scans the attributes of a tag from s[j] to its '>'; returns the index of '>' or len. */
static size_t scan_attributes(const char *s, size_t len, size_t j, size_t *count)
{
    size_t n = 0;
    while (j < len) {
        while (j < len && (is_space(s[j]) || s[j] == '/'))
            j++;
        if (j >= len || s[j] == '>')
            break;
        n++; /* a name: up to a space, '/', '>' or '=' (a leading '=' belongs to it) */
        j++;
        while (j < len && !strchr(" \t\n\r\f/>=", s[j]))
            j++;
        while (j < len && is_space(s[j]))
            j++;
        if (j < len && s[j] == '=') {
            j++;
            while (j < len && is_space(s[j]))
                j++;
            if (j < len && (s[j] == '"' || s[j] == '\'')) {
                const char *q = memchr(s + j + 1, s[j], len - j - 1);
                j = q ? (size_t)(q - s) + 1 : len;
            } else {
                while (j < len && !is_space(s[j]) && s[j] != '>')
                    j++;
            }
        }
    }
    *count = n;
    return j;
}

/* The first "-->" in s[from..len) (or "--!>" from from2), as an index, or len. memmem is GNU;
 * the Windows C library has none. */
static size_t comment_end(const char *s, size_t len, size_t from, size_t from2)
{
    for (size_t p = from; p < len; p++) {
        const char *d = memchr(s + p, '-', len - p);
        if (!d)
            return len;
        p = (size_t)(d - s);
        if (p + 3 <= len && s[p + 1] == '-' && s[p + 2] == '>')
            return p + 2;
        if (p >= from2 && p + 4 <= len && s[p + 1] == '-' && s[p + 2] == '!' && s[p + 3] == '>')
            return p + 3;
    }
    return len;
}

/* Index of the '<' of the end tag "</name" (followed by a space, '/' or '>') in s[from..len),
 * or len. */
static size_t raw_text_end(const char *s, size_t len, size_t from, const char *name, size_t n)
{
    for (size_t p = from; p < len; p++) {
        const char *lt = memchr(s + p, '<', len - p);
        if (!lt)
            return len;
        p = (size_t)(lt - s);
        if (p + 2 + n < len && s[p + 1] == '/' && strncasecmp(s + p + 2, name, n) == 0 &&
            (is_space(s[p + 2 + n]) || s[p + 2 + n] == '/' || s[p + 2 + n] == '>'))
            return p;
    }
    return len;
}

/* Whether word (lower case) occurs in s[0..n), ignoring ASCII case. */
static int memmem_ci(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    for (size_t p = 0; p + w <= n; p++)
        if (strncasecmp(s + p, word, w) == 0)
            return 1;
    return 0;
}

static void scan_close(html_scan *sc, const char *name, size_t n)
{
    if ((n == 4 && strncasecmp(name, "body", 4) == 0) || (n == 4 && strncasecmp(name, "html", 4) == 0))
        return; /* they close nothing: a later start tag is put back in the body */
    int special = is_special(name, n), formatting = is_formatting(name, n);
    int stop = (special || formatting) ? K_BOUNDARY : K_SPECIAL, special_above = 0;
    for (size_t k = sc->depth; k > 0; k--) {
        sc->work++;
        if (sc->len[k - 1] == n && strncasecmp(sc->name[k - 1], name, n) == 0) {
            if (formatting && special_above) { /* adoption agency: what is above stays open */
                memmove(sc->name + k - 1, sc->name + k, (sc->depth - k) * sizeof *sc->name);
                memmove(sc->len + k - 1, sc->len + k, (sc->depth - k) * sizeof *sc->len);
                memmove(sc->kind + k - 1, sc->kind + k, sc->depth - k);
                sc->work += (double)(sc->depth - k);
                sc->depth--;
            } else {
                sc->depth = k - 1;
            }
            return;
        }
        if (sc->kind[k - 1] & stop)
            return; /* not in scope: HTML5 ignores this end tag */
        special_above |= sc->kind[k - 1] & K_SPECIAL;
    }
}

static void scan_html(const char *s, size_t len, html_scan *sc)
{
    memset(sc, 0, sizeof *sc);
    for (size_t i = 0; i + 1 < len; i++) {
        if (s[i] != '<')
            continue;
        if (sc->work > NB_HTML_MAX_SCAN_WORK)
            return; /* refused as too complex */
        int in_foreign = sc->depth > 0 && (sc->kind[sc->depth - 1] & K_FOREIGN);
        if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            i = comment_end(s, len, i + 2, i + 4);
            if (++sc->tags > NB_HTML_MAX_TAGS)
                return; /* refused: too many */
            continue;
        }
        if (s[i + 1] == '!' || s[i + 1] == '?' ||
            (s[i + 1] == '/' && i + 2 < len && !(((s[i + 2] | 32) >= 'a' && (s[i + 2] | 32) <= 'z')))) {
            if (in_foreign && len - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
                size_t p = i + 9;
                while (p + 2 < len && !(s[p] == ']' && s[p + 1] == ']' && s[p + 2] == '>'))
                    p++;
                i = p + 2;
                continue;
            }
            const char *gt = memchr(s + i, '>', len - i); /* a bogus comment (or </>) */
            if (!gt)
                break;
            i = (size_t)(gt - s);
            if (++sc->tags > NB_HTML_MAX_TAGS) /* a comment node each */
                return;
            continue;
        }
        int closing = s[i + 1] == '/';
        size_t start = i + 1 + (size_t)closing, j = start;
        if (j >= len || !(((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z')))
            continue;
        while (j < len && !is_space(s[j]) && s[j] != '/' && s[j] != '>')
            j++;
        const char *name = s + start;
        size_t n = j - start, attrs;
        size_t gt = scan_attributes(s, len, j, &attrs);
        if (gt >= len)
            break;
        if (attrs > sc->attrs_max)
            sc->attrs_max = attrs;
        sc->attr_work += (double)attrs * (double)attrs;
        i = gt;
        if (closing) {
            scan_close(sc, name, n);
            continue;
        }
        if (++sc->tags > NB_HTML_MAX_TAGS)
            return; /* refused: too many */
        int svg_math = (n == 3 && strncasecmp(name, "svg", 3) == 0) || (n == 4 && strncasecmp(name, "math", 4) == 0);
        if (in_foreign) {
            const char *parent = sc->name[sc->depth - 1];
            int font_out = n == 4 && strncasecmp(name, "font", 4) == 0 &&
                           (memmem_ci(s + j, gt - j, "color") || memmem_ci(s + j, gt - j, "face") ||
                            memmem_ci(s + j, gt - j, "size"));
            if (breaks_out(name, n) || font_out || integration_point(parent, sc->len[sc->depth - 1]))
                in_foreign = 0;
        }
        if (!in_foreign && (n == 9 && strncasecmp(name, "plaintext", 9) == 0))
            break; /* the rest of the page is text */
        int empty = s[gt - 1] == '/' && (is_void(name, n) || in_foreign || svg_math);
        if (!in_foreign && !empty && is_raw_text(name, n))
            i = raw_text_end(s, len, gt + 1, name, n) - 1; /* its end tag is scanned next */
        if (empty || is_void(name, n) || not_counted(name, n))
            continue;
        sc->name[sc->depth] = name;
        sc->len[sc->depth] = n;
        sc->kind[sc->depth] = (unsigned char)((in_foreign || svg_math ? K_FOREIGN : 0) |
                                              (is_special(name, n) ? K_SPECIAL : 0) |
                                              (is_scope_boundary(name, n) ? K_BOUNDARY : 0));
        if (++sc->depth > sc->max)
            sc->max = sc->depth;
        if (sc->depth > NB_HTML_MAX_NESTING)
            return; /* refused: no need to read on */
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
    int over_budget;     /* 1: memory, 2: time, 3: gumbo failed one of its own assertions */
    unsigned long calls; /* allocations so far (the clock is read every 1024) */
    clock_t deadline;
    jmp_buf out_of_memory;
} parse_box;

/* gumbo may hold this much for a page of len bytes (a real page needs about 10 times its size;
 * hostile nesting and attribute patterns need far more and are stopped here). */
#define NB_HTML_BUDGET(len) ((size_t)64 * 1024 * 1024 + 24 * (len))

/* gumbo's time grows with the nesting (each start tag looks down the stack) and every element
 * is an allocation, so the allocator also bounds the parse's processor time: a second line
 * behind the tag scan, never reached by a real page (8 MiB parse in well under a second). */
#define NB_HTML_MAX_SECONDS 4

/* gumbo checks its own invariants with assert, and Debian's libgumbo keeps them (so does
 * tools/build-windows.sh's): a page that breaks one (found by fuzzing:
 * <table><svg><desc></><![CDATA[>]]>) aborted the whole program. While gumbo parses, SIGABRT
 * leaves it the way an exhausted budget does: back to the parse's setjmp, the box freeing
 * whatever gumbo held. (glibc's abort() lets go of its lock and unblocks the signal before
 * raising it; SA_NODEFER keeps it unblocked after the jump.) */
static parse_box *parsing;

static void gumbo_aborted(int sig)
{
    (void)sig;
    parsing->over_budget = 3;
    longjmp(parsing->out_of_memory, 1);
}

#ifndef _WIN32
static struct sigaction before_parse;

static void catch_gumbo_abort(parse_box *b)
{
    struct sigaction sa = {.sa_handler = gumbo_aborted, .sa_flags = SA_NODEFER};
    sigemptyset(&sa.sa_mask);
    parsing = b;
    sigaction(SIGABRT, &sa, &before_parse);
}

static void restore_abort(void) { sigaction(SIGABRT, &before_parse, NULL); }
#else
static void (*before_parse)(int);

static void catch_gumbo_abort(parse_box *b)
{
    parsing = b;
    before_parse = signal(SIGABRT, gumbo_aborted);
}

static void restore_abort(void) { signal(SIGABRT, before_parse); }
#endif

static void release_gumbo_abort(void)
{
    if (!parsing)
        return;
    restore_abort();
    parsing = NULL;
}

static void *box_alloc(void *userdata, size_t size)
{
    parse_box *b = userdata;
    if (size > b->budget - b->used) {
        b->over_budget = 1;
        longjmp(b->out_of_memory, 1);
    }
    if ((++b->calls & 1023) == 0 && b->deadline != (clock_t)-1 && clock() > b->deadline) {
        b->over_budget = 2;
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
    const char *why = NULL;
    if (!G && !(G = nb_gumbo_open(&why)))
        return refuse(L, lua_pushfstring(L, "无法载入网页解析库 libgumbo（%s），不能读取网页", why));
    /* only running out of memory raises; a refused page is nil and the reason */
    html_scan *sc = malloc(sizeof *sc);
    if (!sc)
        return luaL_error(L, "内存不足，无法解析 HTML");
    scan_html(text, len, sc);
    size_t nesting = sc->max, attrs = sc->attrs_max;
    double work = sc->attr_work, scan_work = sc->work;
    size_t tags = sc->tags;
    free(sc);
    if (tags > NB_HTML_MAX_TAGS)
        return refuse(L, lua_pushfstring(L, "HTML 标签过多（超过 %d 个），不予解析", NB_HTML_MAX_TAGS));
    if (scan_work > NB_HTML_MAX_SCAN_WORK)
        return refuse(L, "HTML 结构过于复杂（结束标签过多），不予解析");
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
    b->calls = 0;
    clock_t now = clock();
    b->deadline = now == (clock_t)-1 ? now : now + (clock_t)NB_HTML_MAX_SECONDS * CLOCKS_PER_SEC;
    b->options = *G->default_options;
    /* gumbo records every parse error (about 100 bytes each) and nothing here reads them: a
     * page of 2,000,000 stray end tags or "<" took 350-400 MiB for its error list alone */
    b->options.max_errors = 0;
    b->options.allocator = box_alloc;
    b->options.deallocator = box_free;
    b->options.userdata = b;
    if (luaL_newmetatable(L, "nianbao.html.output")) {
        lua_pushcfunction(L, box_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    if (setjmp(b->out_of_memory)) {
        release_gumbo_abort();
        int over = b->over_budget;
        box_release(b);
        if (over == 3)
            return refuse(L, "HTML 结构异常，网页解析库 gumbo 无法解析（其内部检查失败），不予解析");
        if (over == 2)
            return refuse(L, lua_pushfstring(L, "HTML 结构过于复杂（解析超过 %d 秒处理器时间），不予解析",
                                             NB_HTML_MAX_SECONDS));
        if (over) {
            lua_pushnil(L);
            lua_pushfstring(L, "HTML 结构过于复杂（解析所需内存超过 %d MiB），不予解析",
                            (int)(NB_HTML_BUDGET(len) >> 20));
            return 2;
        }
        return luaL_error(L, "内存不足，无法解析 HTML");
    }
    catch_gumbo_abort(b);
    b->out = G->gumbo_parse_with_options(&b->options, text, len);
    release_gumbo_abort();
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

/* replacements beyond which (and beyond an eighth of the bytes read) a text is not in that charset */
#define ICONV_MAX_BAD 4096

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
            /* text in another charset, or bytes that are no text: each costs an iconv call
             * (8 MB of random bytes took a minute under the sanitizers), and its result would
             * be mostly replacement characters */
            if (replaced > ICONV_MAX_BAD && (size_t)replaced > (len - left) / 8) {
                lua_pushnil(L);
                lua_pushfstring(L, "无法按 %s 编码读取：前 %I 个字节中有 %I 个不是该编码的字节", from,
                                (lua_Integer)(len - left + 1), replaced);
                return 2;
            }
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
