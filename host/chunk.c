#include "chunk.h"
#include "bytes.h"
#include "lualex.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>

/* ---------- numerals in the source ---------- */

static int is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Index just past the long string or comment opened at buf[i] (the end of the text when it
 * is never closed). */
static size_t skip_long(const char *buf, size_t len, size_t i, int level)
{
    const char *end = nb_lex_long(buf + i, buf + len, level, NULL, NULL, NULL);
    return end ? (size_t)(end - buf) : len;
}

size_t nb_count_numerals(const char *buf, size_t len)
{
    size_t count = 0, i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)buf[i];
        int level; /* of a long bracket at i */
        if (c == '-' && i + 1 < len && buf[i + 1] == '-') { /* comments, and the blank after */
            const char *end = nb_lex_blank(buf + i, buf + len, NULL);
            i = end ? (size_t)(end - buf) : len;
        } else if (c == '"' || c == '\'') {
            /* A newline ends no string here: Lua refuses the file there anyway, and \z or an
             * escaped CR LF would otherwise put this scan out of step with Lua's. */
            /* to the closing quote, jumping by memchr over the text (most of a data file)
             * to the next quote or backslash */
            for (i++; i < len;) {
                const char *q = memchr(buf + i, c, len - i);
                size_t end = q ? (size_t)(q - buf) : len;
                const char *b = memchr(buf + i, '\\', end - i);
                if (!b) {
                    i = end;
                    break;
                }
                i = (size_t)(b - buf) + 2; /* the backslash and the character it escapes */
            }
            i++;
        } else if (c == '[' && (level = nb_lex_long_level(buf + i, buf + len)) >= 0) {
            i = skip_long(buf, len, i, level);
        } else if (is_alpha(c)) {
            while (i < len && (is_alpha((unsigned char)buf[i]) || is_digit((unsigned char)buf[i])))
                i++;
        } else if (is_digit(c) || (c == '.' && i + 1 < len && is_digit((unsigned char)buf[i + 1]))) {
            count++;
            /* as Lua's lexer: a sign continues a numeral after its exponent mark, E for a
             * decimal one and P for a hexadecimal one (0x1e+5 is two numerals) */
            int hex = c == '0' && i + 1 < len && (buf[i + 1] == 'x' || buf[i + 1] == 'X');
            char mark = hex ? 'p' : 'e';
            for (i++; i < len; i++) {
                unsigned char d = (unsigned char)buf[i];
                unsigned char p = (unsigned char)buf[i - 1];
                if (!(is_alpha(d) || is_digit(d) || d == '.' ||
                      ((d == '+' || d == '-') && (p | 0x20) == mark)))
                    break;
            }
        } else {
            i++;
        }
    }
    return count;
}

/* ---------- the compiled chunk ---------- */

/* Lua 5.4's opcodes (lopcodes.h, "ORDER OP"); the unit tests compile known statements and
 * check the verdict, so a different numbering would fail them. */
enum {
    OP_MOVE, OP_LOADI, OP_LOADF, OP_LOADK, OP_LOADKX, OP_LOADFALSE, OP_LFALSESKIP, OP_LOADTRUE,
    OP_LOADNIL, OP_GETUPVAL, OP_SETUPVAL, OP_GETTABUP, OP_GETTABLE, OP_GETI, OP_GETFIELD,
    OP_SETTABUP, OP_SETTABLE, OP_SETI, OP_SETFIELD, OP_NEWTABLE, OP_SELF, OP_ADDI, OP_ADDK,
    OP_SUBK, OP_MULK, OP_MODK, OP_POWK, OP_DIVK, OP_IDIVK, OP_BANDK, OP_BORK, OP_BXORK, OP_SHRI,
    OP_SHLI, OP_ADD, OP_SUB, OP_MUL, OP_MOD, OP_POW, OP_DIV, OP_IDIV, OP_BAND, OP_BOR, OP_BXOR,
    OP_SHL, OP_SHR, OP_MMBIN, OP_MMBINI, OP_MMBINK, OP_UNM, OP_BNOT, OP_NOT, OP_LEN, OP_CONCAT,
    OP_CLOSE, OP_TBC, OP_JMP, OP_EQ, OP_LT, OP_LE, OP_EQK, OP_EQI, OP_LTI, OP_LEI, OP_GTI,
    OP_GEI, OP_TEST, OP_TESTSET, OP_CALL, OP_TAILCALL, OP_RETURN, OP_RETURN0, OP_RETURN1,
    OP_FORLOOP, OP_FORPREP, OP_TFORPREP, OP_TFORCALL, OP_TFORLOOP, OP_SETLIST, OP_CLOSURE,
    OP_VARARG, OP_VARARGPREP, OP_EXTRAARG
};

enum { DUMP_CAP = 64 * 1024 * 1024 };

static int dump_writer(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    nb_bytes *d = ud; /* a chunk past DUMP_CAP, or out of memory, stops the dump */
    return !nb_bytes_add(d, p, n) || d->over;
}

typedef struct {
    const unsigned char *p, *end;
    int bad;
} reader;

static unsigned char rd_byte(reader *r)
{
    if (r->p >= r->end) {
        r->bad = 1;
        return 0;
    }
    return *r->p++;
}

static size_t rd_size(reader *r)
{
    size_t x = 0;
    unsigned char b;
    do {
        b = rd_byte(r);
        if (x > (SIZE_MAX >> 8))
            r->bad = 1;
        x = (x << 7) | (b & 0x7f);
    } while (!(b & 0x80) && !r->bad);
    return x;
}

static const unsigned char *rd_skip(reader *r, size_t n)
{
    if (r->bad || n > (size_t)(r->end - r->p)) {
        r->bad = 1;
        return NULL;
    }
    const unsigned char *at = r->p;
    r->p += n;
    return at;
}

static void rd_string(reader *r)
{
    size_t n = rd_size(r);
    if (n)
        rd_skip(r, n - 1);
}

typedef struct {
    const unsigned char *s; /* NULL: not a string */
    size_t len;
} konst;

typedef struct {
    konst *k;       /* the constants (strings only; for the names in messages) */
    size_t sizek;
    const unsigned char *code; /* sizecode instructions, 4 bytes each (host order) */
    size_t sizecode;
    const unsigned char *lineinfo; /* signed deltas, or NULL */
    size_t sizelineinfo;
    const unsigned char *abs;      /* abslineinfo: pairs of varints */
    size_t sizeabs;
    int linedefined;
} func_info;

/* Reads one function of the dump; fills *out for the outermost one (depth 0). */
static void rd_function(reader *r, int depth, func_info *out)
{
    if (depth > 250) { /* deeper than Lua's parser allows */
        r->bad = 1;
        return;
    }
    rd_string(r); /* source */
    int linedefined = (int)rd_size(r);
    rd_size(r); /* lastlinedefined */
    rd_skip(r, 3); /* numparams, is_vararg, maxstacksize */
    size_t sizecode = rd_size(r);
    const unsigned char *code = rd_skip(r, sizecode > SIZE_MAX / 4 ? SIZE_MAX : sizecode * 4);
    size_t nk = rd_size(r);
    konst *k = NULL;
    if (out && !r->bad) {
        if (nk > (size_t)(r->end - r->p)) { /* each constant takes a byte at least */
            r->bad = 1;
            return;
        }
        k = calloc(nk + 1, sizeof *k);
        if (!k) {
            r->bad = 1;
            return;
        }
        out->k = k;
        out->sizek = nk;
    }
    for (size_t i = 0; i < nk && !r->bad; i++) {
        switch (rd_byte(r)) {
        case LUA_TNUMBER:             /* integer */
        case LUA_TNUMBER | (1 << 4):  /* float */
            rd_skip(r, 8);
            break;
        case LUA_TSTRING:
        case LUA_TSTRING | (1 << 4): {
            size_t n = rd_size(r);
            const unsigned char *at = n ? rd_skip(r, n - 1) : NULL;
            if (k && at) {
                k[i].s = at;
                k[i].len = n - 1;
            }
            break;
        }
        default: /* nil, false, true */
            break;
        }
    }
    size_t nup = rd_size(r);
    rd_skip(r, nup > SIZE_MAX / 3 ? SIZE_MAX : nup * 3);
    size_t np = rd_size(r);
    for (size_t i = 0; i < np && !r->bad; i++)
        rd_function(r, depth + 1, NULL);
    size_t nli = rd_size(r);
    const unsigned char *lineinfo = rd_skip(r, nli);
    size_t nabs = rd_size(r);
    const unsigned char *abs = r->p;
    for (size_t i = 0; i < 2 * nabs && !r->bad; i++)
        rd_size(r);
    size_t nloc = rd_size(r);
    for (size_t i = 0; i < nloc && !r->bad; i++) {
        rd_string(r);
        rd_size(r);
        rd_size(r);
    }
    size_t nupn = rd_size(r);
    for (size_t i = 0; i < nupn && !r->bad; i++)
        rd_string(r);
    if (out) {
        out->code = code;
        out->sizecode = sizecode;
        out->lineinfo = nli == sizecode ? lineinfo : NULL;
        out->sizelineinfo = nli;
        out->abs = abs;
        out->sizeabs = nabs;
        out->linedefined = linedefined;
    }
}

/* Why an opcode has no place in a data file, or NULL when it may stay. */
static const char *refusal(int op)
{
    switch (op) {
    case OP_CALL: case OP_TAILCALL: case OP_SELF:
        return "调用了函数";
    case OP_CLOSURE:
        return "定义了函数";
    case OP_JMP: case OP_FORLOOP: case OP_FORPREP: case OP_TFORPREP: case OP_TFORCALL:
    case OP_TFORLOOP: case OP_CLOSE: case OP_EQ: case OP_LT: case OP_LE: case OP_EQK: case OP_EQI: case OP_LTI:
    case OP_LEI: case OP_GTI: case OP_GEI: case OP_TEST: case OP_TESTSET: case OP_LFALSESKIP:
        return "使用了循环、跳转或条件";
    case OP_GETUPVAL: case OP_SETUPVAL:
        return "使用了变量“_ENV”";
    case OP_GETTABLE: case OP_GETI: case OP_GETFIELD:
        return "读取了表中的值";
    case OP_TBC: /* a <close> variable; a CLOSE alone is a goto leaving a block (above) */
        return "使用了 <close> 变量";
    case OP_MOVE: case OP_LOADI: case OP_LOADF: case OP_LOADK: case OP_LOADKX: case OP_LOADFALSE:
    case OP_LOADTRUE: case OP_LOADNIL: case OP_SETTABLE:
    case OP_SETI: case OP_SETFIELD: case OP_NEWTABLE: case OP_SETLIST: case OP_RETURN:
    case OP_RETURN0: case OP_RETURN1: case OP_VARARG: case OP_VARARGPREP: case OP_EXTRAARG:
    case OP_CONCAT: case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN:
    case OP_MMBIN: case OP_MMBINI: case OP_MMBINK:
        return NULL;
    default:
        /* arithmetic (0/0 is how a file writes NaN: reported as an invalid value, not refused) */
        if (op >= OP_ADDI && op <= OP_SHR)
            return NULL;
        return "使用了此种语句";
    }
}

int nb_verify_chunk(lua_State *L, const char *name, nb_error *err)
{
    nb_bytes dump = {.max = DUMP_CAP};
    int status = lua_dump(L, dump_writer, &dump, 0);
    const unsigned char *bytes = (const unsigned char *)dump.data;
    if (status != 0 || dump.over || dump.failed || dump.len < 32) {
        free(dump.data);
        nb_error_set(err, "%s：数据文件过于复杂，无法检查", name);
        return -1;
    }
    /* header: signature, version 5.4, format 0, LUAC_DATA, sizes 4 8 8, LUAC_INT, LUAC_NUM */
    if (memcmp(bytes, LUA_SIGNATURE "\x54\x00", 6) != 0 || bytes[12] != 4) {
        free(dump.data);
        nb_error_set(err, "%s：无法检查数据文件（Lua 字节码格式不符）", name);
        return -1;
    }
    reader r = {bytes + 31 + 1, bytes + dump.len, 0}; /* + the byte of the upvalue count */
    func_info f = {0};
    rd_function(&r, 0, &f);
    if (r.bad || !f.code) {
        free(f.k);
        free(dump.data);
        nb_error_set(err, "%s：无法检查数据文件（字节码不完整）", name);
        return -1;
    }
    unsigned char literal[256] = {0}; /* register holds a constant just loaded */
    int line = f.linedefined;
    reader abs = {f.abs, bytes + dump.len, 0};
    int rc = 0;
    for (size_t pc = 0; pc < f.sizecode; pc++) {
        uint32_t ins;
        memcpy(&ins, f.code + 4 * pc, 4);
        if (f.lineinfo) {
            signed char delta = (signed char)f.lineinfo[pc];
            if (delta == -128) { /* ABSLINEINFO: the next (pc, line) pair holds it */
                rd_size(&abs);
                line = (int)rd_size(&abs);
            } else {
                line += delta;
            }
        }
        int op = (int)(ins & 0x7f), a = (int)((ins >> 7) & 0xff), b = (int)((ins >> 16) & 0xff);
        const char *why = refusal(op);
        char named[300];
        if (op == OP_GETTABUP || op == OP_SETTABUP) { /* a global name: the only upvalue is _ENV */
            size_t kc = op == OP_GETTABUP ? (ins >> 24) & 0xff : (size_t)b;
            const konst *kk = kc < f.sizek ? &f.k[kc] : NULL;
            int n = kk && kk->s ? (int)(kk->len > 60 ? 60 : kk->len) : 1;
            const char *s = kk && kk->s ? (const char *)kk->s : "?";
            snprintf(named, sizeof named, op == OP_GETTABUP ? "使用了变量或库“%.*s”" : "给变量“%.*s”赋值",
                     n, s);
            why = named;
        }
        if (!why && op == OP_SETTABLE && !literal[b])
            why = "用计算出的值作键；键只能是写出的字符串或数字";
        if (why) {
            nb_error_set(err, "%s:%d: 数据文件只能由表、字符串和数字构成，不能调用函数，也不能使用变量或库（%s）",
                         name, line, why);
            rc = -1;
            break;
        }
        switch (op) {
        case OP_LOADI: case OP_LOADF: case OP_LOADK: case OP_LOADKX: case OP_LOADTRUE:
        case OP_LOADFALSE:
            literal[a] = 1;
            break;
        case OP_LOADNIL:
            for (int i = a; i <= a + b && i < 256; i++)
                literal[i] = 0;
            break;
        case OP_VARARG:
            memset(literal + a, 0, sizeof literal - (size_t)a);
            break;
        case OP_SETTABLE: case OP_SETI: case OP_SETFIELD: case OP_SETTABUP: case OP_SETLIST:
        case OP_RETURN: case OP_RETURN0: case OP_RETURN1: case OP_EXTRAARG: case OP_MMBIN:
        case OP_MMBINI: case OP_MMBINK: case OP_VARARGPREP:
            break; /* they write no register */
        default:
            literal[a] = 0;
        }
    }
    free(f.k);
    free(dump.data);
    return rc;
}
