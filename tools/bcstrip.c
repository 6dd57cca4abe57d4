/* Drops the local-variable records from a Lua 5.4 binary chunk, keeping everything errors
 * and tracebacks need (source name, line information, upvalue names). Loading bytecode
 * interns every string it carries, and the locals' names are most of them.
 *
 * The layout read here is the one of Lua 5.4's ldump.c (5.4.0 to 5.4.6):
 *   header: "\x1bLua", version 0x54, format 0, LUAC_DATA, sizeof Instruction, lua_Integer
 *           and lua_Number, the integer 0x5678 and the number 370.5 in native order;
 *   a byte (the main function's upvalue count), then the main function:
 *   function: source (string), linedefined, lastlinedefined (sizes), numparams, is_vararg,
 *           maxstacksize (bytes), code (size + instructions), constants (size + per constant
 *           a tag byte and its value), upvalues (size + 3 bytes each), protos (size +
 *           functions), debug: lineinfo (size + bytes), abslineinfo (size + pc/line size
 *           pairs), locvars (size + name string, startpc, endpc), upvalue names (size +
 *           strings).
 *   size: 7 bits a byte, most significant first, the last byte has 0x80 set;
 *   string: size + 1 then the bytes (no terminating 0), or size 0 for NULL.
 * Anything else (another version or format, an unknown constant tag, a count past the end,
 * bytes left over) makes the rewrite refuse, and the caller keeps the original chunk. */
#include "bcstrip.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <lua.h>

#define LUAC_DATA "\x19\x93\r\n\x1a\n"
#define NB_INSTRUCTION_SIZE 4 /* Lua 5.4's Instruction is a 32-bit unsigned integer */
#define MAX_NESTING 250       /* deeper than the parser itself allows (LUAI_MAXCCALLS 200) */

/* constant tags of Lua 5.4 (lobject.h: type | variant << 4) */
enum { T_NIL = 0, T_FALSE = 1, T_TRUE = 17, T_INT = 3, T_FLT = 19, T_SHRSTR = 4, T_LNGSTR = 20 };

typedef struct {
    const unsigned char *p, *end;
    unsigned char *o;
    int flags;
    int copy; /* bytes read are copied to the output */
    const char *why;
} S;

static int fail(S *s, const char *why)
{
    if (!s->why)
        s->why = why;
    return 0;
}

static int bytes(S *s, size_t n)
{
    if ((size_t)(s->end - s->p) < n)
        return fail(s, "truncated");
    if (s->copy) {
        memcpy(s->o, s->p, n);
        s->o += n;
    }
    s->p += n;
    return 1;
}

static int size(S *s, size_t *v, size_t limit)
{
    size_t x = 0;
    const unsigned char *start = s->p;
    for (;;) {
        if (s->p >= s->end)
            return fail(s, "truncated");
        unsigned b = *s->p++;
        if (x > (SIZE_MAX >> 7))
            return fail(s, "size overflows");
        x = (x << 7) | (b & 0x7f);
        if (b & 0x80)
            break;
    }
    if (x > limit)
        return fail(s, "size past its limit");
    size_t len = (size_t)(s->p - start);
    if (s->copy) {
        memcpy(s->o, start, len);
        s->o += len;
    }
    *v = x;
    return 1;
}

/* a count of elements of at least min_bytes each: no more than the bytes left allow */
static int count(S *s, size_t *n, size_t min_bytes)
{
    if (!size(s, n, INT_MAX))
        return 0;
    if (*n > (size_t)(s->end - s->p) / min_bytes)
        return fail(s, "count past the end");
    return 1;
}

static int string(S *s)
{
    size_t n;
    if (!size(s, &n, SIZE_MAX))
        return 0;
    return n == 0 || bytes(s, n - 1);
}

static void put_zero(S *s)
{
    *s->o++ = 0x80; /* the size 0: one byte with the end mark */
}

static int function(S *s, int depth)
{
    size_t n, v;
    if (depth > MAX_NESTING)
        return fail(s, "functions nested too deep");
    if (!string(s) || !size(s, &v, INT_MAX) || !size(s, &v, INT_MAX) || !bytes(s, 3))
        return 0; /* source, linedefined, lastlinedefined, numparams, is_vararg, maxstacksize */
    if (!count(s, &n, NB_INSTRUCTION_SIZE) || !bytes(s, n * NB_INSTRUCTION_SIZE))
        return 0; /* code */
    if (!count(s, &n, 1))
        return 0; /* constants */
    for (size_t i = 0; i < n; i++) {
        if (!bytes(s, 1))
            return 0;
        switch (s->p[-1]) {
        case T_NIL: case T_FALSE: case T_TRUE: break;
        case T_INT: if (!bytes(s, sizeof(lua_Integer))) return 0; break;
        case T_FLT: if (!bytes(s, sizeof(lua_Number))) return 0; break;
        case T_SHRSTR: case T_LNGSTR: if (!string(s)) return 0; break;
        default: return fail(s, "unknown constant tag");
        }
    }
    size_t nup;
    if (!count(s, &nup, 3) || !bytes(s, nup * 3))
        return 0; /* upvalues: instack, idx, kind */
    if (!count(s, &n, 1))
        return 0; /* nested functions */
    for (size_t i = 0; i < n; i++)
        if (!function(s, depth + 1))
            return 0;
    if (!count(s, &n, 1) || !bytes(s, n))
        return 0; /* lineinfo */
    if (!count(s, &n, 2))
        return 0; /* abslineinfo */
    for (size_t i = 0; i < n; i++)
        if (!size(s, &v, INT_MAX) || !size(s, &v, INT_MAX))
            return 0;
    /* locvars: read without copying, written as none */
    int copy = s->copy;
    if (s->flags & NB_BC_DROP_LOCALS) {
        if (copy)
            put_zero(s);
        s->copy = 0;
    }
    if (!count(s, &n, 3))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!string(s) || !size(s, &v, INT_MAX) || !size(s, &v, INT_MAX))
            return 0;
    s->copy = copy;
    if (!count(s, &n, 1))
        return 0; /* upvalue names */
    if (n != 0 && n != nup)
        return fail(s, "upvalue names do not match the upvalues");
    int drop = (s->flags & NB_BC_DROP_UPNAMES) != 0;
    for (size_t i = 0; i < n; i++) {
        s->copy = copy && !drop;
        if (!string(s))
            return 0;
        s->copy = copy;
        if (copy && drop)
            put_zero(s); /* NULL, as the loader reads a name it was not given; the count stays
                            so that a dump of the loaded function is the same bytes */
    }
    return 1;
}

static int header(S *s)
{
    unsigned char want[4 + 2 + 6 + 3 + sizeof(lua_Integer) + sizeof(lua_Number)];
    unsigned char *w = want;
    memcpy(w, LUA_SIGNATURE, 4);
    w += 4;
    *w++ = (unsigned char)((LUA_VERSION_NUM / 100) * 16 + LUA_VERSION_NUM % 100);
    *w++ = 0; /* LUAC_FORMAT: the official format */
    memcpy(w, LUAC_DATA, 6);
    w += 6;
    *w++ = NB_INSTRUCTION_SIZE;
    *w++ = sizeof(lua_Integer);
    *w++ = sizeof(lua_Number);
    lua_Integer i = 0x5678;
    lua_Number x = 370.5;
    memcpy(w, &i, sizeof i);
    w += sizeof i;
    memcpy(w, &x, sizeof x);
    if (want[4] != 0x54)
        return fail(s, "not Lua 5.4");
    if ((size_t)(s->end - s->p) < sizeof want || memcmp(s->p, want, sizeof want) != 0)
        return fail(s, "header differs from this Lua's");
    return bytes(s, sizeof want + 1); /* and the main function's upvalue count */
}

size_t nb_bc_strip(const unsigned char *in, size_t n, unsigned char *out, int flags,
                   const char **why)
{
    S s = {in, in + n, out, flags, 1, NULL};
    int ok = header(&s) && function(&s, 0);
    if (ok && s.p != s.end)
        ok = fail(&s, "bytes after the main function");
    *why = s.why;
    return ok ? (size_t)(s.o - out) : 0;
}
