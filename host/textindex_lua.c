#include "textindex_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <string.h>
#include <utf8proc.h>

#include "argcheck.h"
#include "textindex.h"

static const char INDEX_MT[] = "nianbao.textindex";

static int index_gc(lua_State *L)
{
    nb_textindex *t = luaL_checkudata(L, 1, INDEX_MT);
    nb_textindex_free(t);
    return 0;
}

static void push_span(lua_State *L, const nb_textindex *t, nb_span sp)
{
    lua_pushlstring(L, t->text + sp.start, sp.len);
}

/* nb._text_index(s [, numbers]) -> { text, sentences = { s... }, clauses = { { c... } per
 *   sentence }, numbers = { { pos, len, text, value, integer, unit, form, sentence } } } | nil,
 *   message. numbers = false leaves out the numbers (a table per number that a caller
 *   wanting the text and its cuts does not read).
 * Positions are 1-based byte positions in text, as string.find gives them. */
int nb_l_text_index(lua_State *L)
{
    const char *s = luaL_checkstring(L, 1);
    int with_numbers = lua_isnoneornil(L, 2) || lua_toboolean(L, 2);
    /* the index lives in a userdata until pushed, so that a raise (out of memory) while
     * building the tables frees it through __gc */
    nb_textindex *t = lua_newuserdatauv(L, sizeof *t, 0);
    *t = (nb_textindex){0};
    if (luaL_newmetatable(L, INDEX_MT)) {
        lua_pushcfunction(L, index_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    if ((with_numbers ? nb_textindex_build(s, t) : nb_textindex_build_cuts(s, t)) != 0) {
        luaL_pushfail(L);
        lua_pushliteral(L, "文字不是有效的 UTF-8，或内存不足");
        return 2;
    }
    luaL_checkstack(L, 8, NULL);
    lua_createtable(L, 0, 4);
    lua_pushlstring(L, t->text, t->len);
    lua_setfield(L, -2, "text");
    lua_createtable(L, (int)t->nsentences, 0); /* sentences */
    lua_createtable(L, (int)t->nsentences, 0); /* clauses */
    for (size_t i = 0; i < t->nsentences; i++) {
        push_span(L, t, t->sentences[i]);
        lua_rawseti(L, -3, (lua_Integer)i + 1);
        size_t first = t->first_clause[i], last = t->first_clause[i + 1];
        lua_createtable(L, (int)(last - first), 0);
        for (size_t k = first; k < last; k++) {
            push_span(L, t, t->clauses[k]);
            lua_rawseti(L, -2, (lua_Integer)(k - first) + 1);
        }
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -3, "clauses");
    lua_setfield(L, -2, "sentences");
    if (!with_numbers) { /* the text, sentences and clauses only (nianbao.text's normalize) */
        nb_textindex_free(t);
        return 1;
    }
    lua_createtable(L, (int)t->nnumbers, 0);
    for (size_t i = 0; i < t->nnumbers; i++) {
        const nb_number *n = &t->numbers[i];
        lua_createtable(L, 0, 8);
        lua_pushinteger(L, (lua_Integer)n->pos + 1);
        lua_setfield(L, -2, "pos");
        lua_pushinteger(L, (lua_Integer)n->len);
        lua_setfield(L, -2, "len");
        lua_pushlstring(L, t->text + n->pos, n->len);
        lua_setfield(L, -2, "text");
        if (n->integer)
            lua_pushinteger(L, (lua_Integer)n->ivalue);
        else
            lua_pushnumber(L, n->value);
        lua_setfield(L, -2, "value");
        lua_pushstring(L, n->unit);
        lua_setfield(L, -2, "unit");
        lua_pushstring(L, n->form == NB_NUM_CHINESE ? "chinese" : "arabic");
        lua_setfield(L, -2, "form");
        if (n->sentence != (size_t)-1) {
            lua_pushinteger(L, (lua_Integer)n->sentence + 1);
            lua_setfield(L, -2, "sentence");
        }
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "numbers");
    nb_textindex_free(t);
    return 1;
}

int nb_l_has_any(lua_State *L)
{
    size_t len;
    const char *s = nb_arg_lstring(L, 1, "has_any", "s", &len);
    nb_arg_table(L, 2, "has_any", "words");
    /* a list without a metatable (every bundled one) is read raw: reading the words through
     * the API was 40 % of the call, lua_geti 22 % (docs/benchmarks.md) */
    int raw = !lua_getmetatable(L, 2);
    if (!raw)
        lua_pop(L, 1);
    for (lua_Integer i = 1;; i++) {
        if ((raw ? lua_rawgeti(L, 2, i) : lua_geti(L, 2, i)) == LUA_TNIL) /* honours __index, as words[i] does */
            break;
        size_t wlen;
        const char *w = lua_tolstring(L, -1, &wlen); /* a number as its text, as find takes it */
        if (!w)
            return luaL_error(L, "nb.has_any：words[%d] 应为字符串，实际为 %s", (int)i, luaL_typename(L, -1));
        if (nb_text_contains(s, len, w, wlen)) {
            lua_pushboolean(L, 1);
            return 1;
        }
        lua_pop(L, 1);
    }
    lua_pushboolean(L, 0);
    return 1;
}

int nb_l_find_byte(lua_State *L)
{
    size_t len, setlen;
    const char *s = nb_arg_lstring(L, 1, "find_byte", "s", &len);
    const char *set = nb_arg_lstring(L, 2, "find_byte", "bytes", &setlen);
    lua_Integer init = nb_arg_integer(L, 3, "find_byte", "init", 1, 1);
    /* string.find's reading of init: negative counts from the end, 0 is 1, past the end
     * finds nothing */
    if (init < 0)
        init = (lua_Integer)len + init + 1 < 1 ? 1 : (lua_Integer)len + init + 1;
    else if (init == 0)
        init = 1;
    if ((size_t)init > len + 1) {
        luaL_pushfail(L);
        return 1;
    }
    long at = nb_text_find_byte(s, len, (size_t)init - 1, set, setlen);
    if (at < 0)
        luaL_pushfail(L);
    else
        lua_pushinteger(L, (lua_Integer)at + 1);
    return 1;
}

/* The character of s (len bytes) that starts at byte at (0-based): its code point, and its
 * length through *n; an invalid sequence is its first byte alone. */
static int32_t char_at(const char *s, size_t len, size_t at, size_t *n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + at, (utf8proc_ssize_t)(len - at), &cp);
    if (k <= 0) {
        *n = 1;
        return (unsigned char)s[at];
    }
    *n = (size_t)k;
    return cp;
}

/* The code point of the character that ends just before byte end (end > 0): back over up
 * to three continuation bytes to where a character starts; when no character ends exactly
 * there, the last byte alone. */
static int32_t char_before(const char *s, size_t end)
{
    size_t start = end - 1, n;
    while (start > 0 && end - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    int32_t cp = char_at(s, end, start, &n);
    return start + n == end ? cp : (unsigned char)s[end - 1];
}

enum { RUN_SET_MAX = 32 };

static int in_set(const int32_t *set, size_t n, int32_t cp)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}

/* cp, decoded from n bytes, is one of the set: a byte that is not valid UTF-8 (decoded
 * alone, at or above 0x80) never is, whatever its value */
static int is_member(const int32_t *set, size_t nset, int32_t cp, size_t n)
{
    return !(n == 1 && cp >= 0x80) && in_set(set, nset, cp);
}

int nb_l_runs(lua_State *L)
{
    size_t len, clen;
    const char *s = nb_arg_lstring(L, 1, "runs", "s", &len);
    const char *chars = nb_arg_lstring(L, 2, "runs", "chars", &clen);
    int single = lua_toboolean(L, 3);
    /* the set's code points, and the bytes that begin one (at most one each): strcspn
     * passes over every other byte (in valid UTF-8 such a byte never falls inside a
     * character) */
    int32_t set[RUN_SET_MAX];
    size_t nset = 0;
    char begins[RUN_SET_MAX + 1] = {0};
    size_t nbegins = 0;
    for (size_t i = 0, n; i < clen; i += n) {
        int32_t cp = char_at(chars, clen, i, &n);
        if (n == 1 && cp >= 0x80)
            return luaL_argerror(L, 2, "不是有效的 UTF-8");
        if (in_set(set, nset, cp))
            continue;
        if (nset == RUN_SET_MAX)
            return luaL_argerror(L, 2, "至多 32 个不同的字符");
        set[nset++] = cp;
        if (chars[i] != '\0' && !memchr(begins, chars[i], nbegins))
            begins[nbegins++] = chars[i];
    }
    int nul_in_set = in_set(set, nset, 0);
    lua_createtable(L, 64, 0); /* sixteen runs before the list grows */
    lua_Integer k = 0;
    for (size_t i = 0, n; i < len;) {
        i += strcspn(s + i, begins); /* Lua ends every string with a NUL byte */
        if (i >= len)
            break;
        if (s[i] == '\0' && !nul_in_set) { /* a NUL inside s */
            i++;
            continue;
        }
        int32_t cp = char_at(s, len, i, &n);
        if (!is_member(set, nset, cp, n)) {
            i += n;
            continue;
        }
        size_t start = i;
        i += n;
        int32_t after = -1; /* none: the run ends s */
        while (i < len) {
            int32_t next = char_at(s, len, i, &n);
            if (single || !is_member(set, nset, next, n)) {
                after = next;
                break;
            }
            i += n;
        }
        lua_pushinteger(L, (lua_Integer)start + 1);
        lua_rawseti(L, -2, ++k);
        lua_pushinteger(L, (lua_Integer)i);
        lua_rawseti(L, -2, ++k);
        if (start > 0)
            lua_pushinteger(L, char_before(s, start));
        else
            lua_pushboolean(L, 0);
        lua_rawseti(L, -2, ++k);
        if (after >= 0)
            lua_pushinteger(L, after);
        else
            lua_pushboolean(L, 0);
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

int nb_l_codepoints_around(lua_State *L)
{
    size_t len;
    const char *s = nb_arg_lstring(L, 1, "codepoints_around", "s", &len);
    lua_Integer i = nb_arg_integer(L, 2, "codepoints_around", "i", 0, 0);
    lua_Integer j = nb_arg_integer(L, 3, "codepoints_around", "j", 1, i);
    if (i >= 2 && (size_t)(i - 1) <= len) {
        lua_pushinteger(L, char_before(s, (size_t)i - 1));
    } else {
        lua_pushnil(L);
    }
    if (j >= 1 && (size_t)j <= len) {
        size_t n;
        lua_pushinteger(L, char_at(s, len, (size_t)j - 1, &n));
        lua_pushinteger(L, (lua_Integer)n);
    } else {
        lua_pushnil(L);
        lua_pushnil(L);
    }
    return 3;
}

/* the counters a count ends with (nianbao.text's COUNTERS), each three bytes of UTF-8 */
static const char *const COUNTERS[] = {"件", "起", "宗", "个", "项", "条", "次", "篇", "份"};

static int is_counter(const char *s, size_t len)
{
    if (len < 3)
        return 0;
    for (size_t i = 0; i < sizeof COUNTERS / sizeof COUNTERS[0]; i++)
        if (memcmp(s, COUNTERS[i], 3) == 0)
            return 1;
    return 0;
}

/* The index of the first ASCII digit at or after i in s[0, len), or len: strcspn passes over
 * the rest (most of a Chinese text) many bytes at a time; a NUL byte inside the text stops it
 * early and is stepped over. */
static size_t next_digit(const char *s, size_t len, size_t i)
{
    while (i < len) {
        i += strcspn(s + i, "0123456789");
        if (i >= len || s[i] != '\0')
            break;
        i++;
    }
    return i < len ? i : len;
}

int nb_l_first_count(lua_State *L)
{
    size_t len;
    const char *s = nb_arg_lstring(L, 1, "first_count", "s", &len);
    lua_Number init = (lua_Number)nb_arg_integer(L, 2, "first_count", "init", 1, 1);
    size_t i = 0;
    while ((i = next_digit(s, len, i)) < len) {
        size_t pos = i; /* a run of digits: [pos, i) */
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
        if ((lua_Number)(pos + 1) >= init && is_counter(s + i, len - i) && !(pos > 0 && s[pos - 1] == '.')) {
            if (i - pos <= 18) { /* fits in 64 bits: the value itself */
                lua_Integer n = 0;
                for (size_t k = pos; k < i; k++)
                    n = n * 10 + (s[k] - '0');
                lua_pushinteger(L, n);
            } else { /* as math.tointeger(tonumber(digits)) gives it: nil past 64 bits */
                lua_pushlstring(L, s + pos, i - pos);
                lua_stringtonumber(L, lua_tostring(L, -1));
                int valid;
                lua_Integer n = lua_tointegerx(L, -1, &valid);
                lua_pop(L, 2);
                if (valid)
                    lua_pushinteger(L, n);
                else
                    lua_pushnil(L);
            }
            lua_createtable(L, 0, 3);
            lua_pushinteger(L, (lua_Integer)pos + 1);
            lua_setfield(L, -2, "pos");
            lua_pushvalue(L, -2);
            lua_setfield(L, -2, "n");
            lua_pushlstring(L, s + i, 3);
            lua_setfield(L, -2, "unit");
            return 2;
        }
    }
    lua_pushnil(L);
    return 1;
}
