#include "literal.h"
#include "chunk.h"
#include "lualex.h"

#include <lauxlib.h>
#include <lua.h>
#include <string.h>

/* The reader follows the rules of Lua 5.4's own lexer (llex.c) for what it takes, and
 * gives up (returns 0) at the first thing it does not take, however valid: the compiler
 * then reads the file, so a file is never read two different ways. */
typedef struct {
    lua_State *L;
    const char *p, *end;
    size_t numerals; /* read so far: past NB_MAX_NUMERALS the loader refuses the file */
} reader;

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

static int peek(const reader *r, size_t ahead)
{
    return r->p + ahead < r->end ? (unsigned char)r->p[ahead] : -1;
}

/* At '[': the level of the long bracket it opens, or -1. */
static int long_bracket_level(const reader *r)
{
    return nb_lex_long_level(r->p, r->end);
}

/* Spaces and comments. 0 on a long comment that is never closed. */
static int skip_blank(reader *r)
{
    if (r->p < r->end && (unsigned char)*r->p > ' ' && *r->p != '-')
        return 1; /* (most tokens follow no blank: the lexer is called for the others) */
    const char *p = nb_lex_blank(r->p, r->end, NULL);
    if (!p)
        return 0;
    r->p = p;
    return 1;
}

/* The string at p (long of level, or quoted when level < 0), which the lexer has read to
 * stop, pushed with the value it makes of it. The value, never longer than its text, is
 * written into a buffer of that size. */
static int push_lexed(reader *r, int level, const char *stop)
{
    luaL_Buffer b;
    size_t len = 0;
    char *out = luaL_buffinitsize(r->L, &b, (size_t)(stop - r->p));
    nb_lex_string(r->p, r->end, level, NULL, out, &len);
    luaL_pushresultsize(&b, len);
    r->p = stop;
    return 1;
}

/* A long string at p. Without a CR its value is its text, less a line break right after
 * the opening bracket: pushed from the text without the lexer's second pass. */
static int push_long_string(reader *r, int level)
{
    const char *stop = nb_lex_long(r->p, r->end, level, NULL, NULL, NULL);
    if (!stop)
        return 0;
    const char *s = r->p + level + 2, *e = stop - level - 2;
    if (memchr(s, '\r', (size_t)(e - s)))
        return push_lexed(r, level, stop);
    if (s < e && *s == '\n')
        s++;
    lua_pushlstring(r->L, s, (size_t)(e - s));
    r->p = stop;
    return 1;
}

/* The bytes that stop the plain run of a quoted string: its quote (bit 1 for ", 2 for '),
 * and for both a backslash or a line break (4). A table lookup a byte, as most of a data
 * file is the text of its strings. */
static const unsigned char STRING_STOP[256] = {
    ['"'] = 1, ['\''] = 2, ['\\'] = 4, ['\n'] = 4, ['\r'] = 4,
};

/* A quoted string at p. Without escapes the text is pushed as it stands. */
static int push_quoted(reader *r)
{
    char quote = *r->p++;
    const unsigned char stop = (quote == '"' ? 1 : 2) | 4;
    const char *start = r->p;
    while (r->p < r->end && !(STRING_STOP[(unsigned char)*r->p] & stop))
        r->p++;
    if (r->p < r->end && (*r->p == '\n' || *r->p == '\r'))
        return 0; /* unfinished string */
    if (r->p >= r->end)
        return 0;
    if (*r->p == quote) {
        lua_pushlstring(r->L, start, (size_t)(r->p - start));
        r->p++;
        return 1;
    }
    /* an escape: the whole string is read by the lexer's rules */
    r->p = start - 1;
    const char *past = nb_lex_quoted(r->p, r->end, NULL, NULL, NULL);
    return past && push_lexed(r, -1, past);
}

/* A numeral at p, its extent as the lexer takes it, converted by Lua itself. */
static int push_number(reader *r)
{
    if (++r->numerals > NB_MAX_NUMERALS)
        return 0;
    const char *start = r->p;
    r->p = nb_lex_numeral(start, r->end);
    if (!r->p)
        return 0; /* a numeral touching a letter */
    char text[128];
    size_t n = (size_t)(r->p - start);
    if (n >= sizeof text)
        return 0;
    memcpy(text, start, n);
    text[n] = '\0';
    return lua_stringtonumber(r->L, text) == n + 1;
}

static int is_reserved(const char *s, size_t n)
{
    static const char *const words[] = {"and", "break", "do", "else", "elseif", "end", "false",
        "for", "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return",
        "then", "true", "until", "while"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
            return 1;
    return 0;
}

static size_t name_length(const reader *r)
{
    size_t n = 0;
    if (r->p < r->end && is_alpha((unsigned char)*r->p))
        while (r->p + n < r->end && (is_alpha((unsigned char)r->p[n]) || is_digit((unsigned char)r->p[n])))
            n++;
    return n;
}

/* The compiler keeps a constructor's table, its positional items not yet stored (it stores
 * them 50 at a time: LFIELDS_PER_FLUSH in lopcodes.h), the key and the value of the field
 * being read and a temporary (the operand of a minus it does not fold, -0.0) in registers,
 * a nested table above them, and refuses a chunk that needs 255 (MAXREGS in lcode.c). The
 * reader counts each field as needing all three (the compiler needs none for a short key or
 * a constant among the first 256 constants) and leaves deeper files to it. */
#define COMPILER_FLUSH 50
#define MAX_REGISTER 250

static int push_table(reader *r, int depth, int reg);

/* A quoted or long-bracket string at p; 0 for anything else. */
static int push_string(reader *r)
{
    int c = peek(r, 0);
    if (c == '"' || c == '\'')
        return push_quoted(r);
    int level = c == '[' ? long_bracket_level(r) : -1;
    return level >= 0 && push_long_string(r, level);
}

static int starts_numeral(const reader *r)
{
    return is_digit(peek(r, 0)) || (peek(r, 0) == '.' && is_digit(peek(r, 1)));
}

/* A value at p: a string, a number (with a minus before it), true, false, a table, and nil
 * where allow_nil (a keyed field: it sets nothing, as in the compiled constructor). reg is
 * the register the compiled value would take. */
static int push_value(reader *r, int depth, int reg, int allow_nil)
{
    int c = peek(r, 0);
    if (c == '"' || c == '\'' || c == '[')
        return push_string(r);
    if (c == '{')
        return push_table(r, depth + 1, reg);
    if (starts_numeral(r))
        return push_number(r);
    if (c == '-') {
        r->p++;
        if (!skip_blank(r) || !starts_numeral(r) || !push_number(r))
            return 0;
        lua_arith(r->L, LUA_OPUNM);
        return 1;
    }
    size_t n = name_length(r);
    if (n == 4 && memcmp(r->p, "true", 4) == 0)
        lua_pushboolean(r->L, 1);
    else if (n == 5 && memcmp(r->p, "false", 5) == 0)
        lua_pushboolean(r->L, 0);
    else if (n == 3 && memcmp(r->p, "nil", 3) == 0 && allow_nil)
        lua_pushnil(r->L);
    else
        return 0; /* a variable, an operator, a function... */
    r->p += n;
    return 1;
}

/* One field of a constructor, pushed as two values: the key (false for a positional item)
 * and the value. *keyed tells which. reg: the first register above the table and its
 * pending items. */
static int push_field(reader *r, int depth, int reg, int *keyed)
{
    lua_State *L = r->L;
    *keyed = 1;
    if (peek(r, 0) == '[' && long_bracket_level(r) < 0) { /* ["key"] = value */
        if (peek(r, 1) == '=')
            return 0; /* "[=" without its second '[': invalid delimiter */
        r->p++;
        if (!skip_blank(r) || !push_string(r)) /* not a number or an expression as the key */
            return 0;
        if (!skip_blank(r) || peek(r, 0) != ']')
            return 0;
        r->p++;
        if (!skip_blank(r) || peek(r, 0) != '=' || peek(r, 1) == '=')
            return 0;
        r->p++;
        return skip_blank(r) && push_value(r, depth, reg + 1, 1);
    }
    size_t n = name_length(r);
    if (n > 0) { /* name = value, or a value that is a name (true, false) */
        reader after = *r;
        after.p += n;
        if (!skip_blank(&after))
            return 0;
        if (peek(&after, 0) == '=' && peek(&after, 1) != '=') {
            if (is_reserved(r->p, n))
                return 0;
            lua_pushlstring(L, r->p, n);
            r->p = after.p + 1;
            return skip_blank(r) && push_value(r, depth, reg + 1, 1);
        }
    }
    *keyed = 0;
    lua_pushboolean(L, 0);
    return push_value(r, depth, reg, 0);
}

/* A constructor at p, built as the compiled one is: the table presized to its positional
 * items and its keyed fields, then the fields set in the file's order. */
static int push_table(reader *r, int depth, int reg)
{
    lua_State *L = r->L;
    if (depth > NB_LITERAL_MAX_DEPTH || reg > MAX_REGISTER)
        return 0;
    r->p++; /* '{' */
    int base = lua_gettop(L);
    int items = 0, keyed_fields = 0;
    for (;;) {
        if (!skip_blank(r))
            return 0;
        if (peek(r, 0) == '}')
            break;
        int keyed;
        int first_free = reg + 1 + items % COMPILER_FLUSH;
        if (first_free + 3 > MAX_REGISTER)
            return 0;
        /* room for the key, the value, a string buffer's box and what lauxlib pushes while
         * it grows */
        if (!lua_checkstack(L, 8) || !push_field(r, depth, first_free, &keyed))
            return 0;
        keyed ? keyed_fields++ : items++;
        if (!skip_blank(r))
            return 0;
        int c = peek(r, 0);
        if (c == ',' || c == ';')
            r->p++;
        else if (c != '}')
            return 0;
    }
    r->p++; /* '}' */
    if (!lua_checkstack(L, 4))
        return 0;
    lua_createtable(L, items, keyed_fields);
    int t = lua_gettop(L);
    lua_Integer next = 1;
    for (int i = base + 1; i < t; i += 2) {
        if (lua_type(L, i) == LUA_TBOOLEAN) {
            lua_pushvalue(L, i + 1);
            lua_rawseti(L, t, next++);
        } else {
            /* a key set before is left to the compiler: given twice, the loader then names
             * it (nb_diagnose_duplicate_key, a scan of the whole text that a file read here
             * is spared); cleared (nil sets nothing), the table would depend on when the
             * collector runs (it marks a cleared key dead, and the same key set again then
             * takes another node) */
            lua_pushvalue(L, i);
            int was_set = lua_rawget(L, t) != LUA_TNIL;
            lua_pop(L, 1);
            if (was_set)
                return 0;
            if (!lua_isnil(L, i + 1)) {
                lua_pushvalue(L, i);
                lua_pushvalue(L, i + 1);
                lua_rawset(L, t);
            }
        }
    }
    if (t > base + 1) { /* the table in place of its fields */
        lua_replace(L, base + 1);
        lua_settop(L, base + 1);
    }
    return 1;
}

int nb_literal_push(lua_State *L, const char *buf, size_t len)
{
    int top = lua_gettop(L);
    reader r = {L, buf, buf + len, 0};
    int ok = skip_blank(&r) && name_length(&r) == 6 && memcmp(r.p, "return", 6) == 0;
    if (ok) {
        r.p += 6;
        ok = skip_blank(&r) && peek(&r, 0) == '{' && push_table(&r, 1, 0) && skip_blank(&r);
    }
    if (ok && peek(&r, 0) == ';') {
        r.p++;
        ok = skip_blank(&r);
    }
    if (!ok || r.p != r.end) {
        lua_settop(L, top);
        return 0;
    }
    return 1;
}
