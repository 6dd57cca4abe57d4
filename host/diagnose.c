#include "diagnose.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bytes.h"
#include "lualex.h"
#include "utf8.h"

/* ---------- the file's encoding ---------- */

/* Length of the valid UTF-8 sequence at p (at most n bytes), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
    if (p[0] < 0x80)
        return 1;
    size_t len = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 && p[0] < 0xE0 ? 2 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

/* Whether the bytes read as GB18030: ASCII, two-byte pairs 81–FE 40–FE (not 7F), four-byte
 * 81–FE 30–39 81–FE 30–39. */
static int reads_as_gb18030(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
        } else if (p[i] >= 0x81 && p[i] <= 0xFE && i + 1 < n && p[i + 1] >= 0x40 && p[i + 1] <= 0xFE &&
                   p[i + 1] != 0x7F) {
            i += 2;
        } else if (p[i] >= 0x81 && p[i] <= 0xFE && i + 3 < n && p[i + 1] >= 0x30 && p[i + 1] <= 0x39 &&
                   p[i + 2] >= 0x81 && p[i + 2] <= 0xFE && p[i + 3] >= 0x30 && p[i + 3] <= 0x39) {
            i += 4;
        } else {
            return 0;
        }
    }
    return 1;
}

static const char SAVE_AS_UTF8[] =
    "请用编辑器另存为 UTF-8 编码：记事本“另存为”→“编码”选 UTF-8；WPS/Word 另存为“纯文本”并选 UTF-8；"
    "VS Code 点右下角的编码→“通过编码保存”→UTF-8";

int nb_diagnose_encoding(const char *buf, size_t len, const char *name, nb_error *err)
{
    const unsigned char *p = (const unsigned char *)buf;
    /* UTF-16: a byte-order mark, or ASCII text with every other byte NUL */
    int utf16 = len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF));
    /* 4 KiB: a file that opens with a Chinese comment has its ASCII (keys, numbers) later */
    size_t check = len < 4096 ? len - len % 2 : 4096;
    if (!utf16 && len >= 8 && memchr(p, 0, check)) { /* without a NUL byte, no count is needed */
        size_t zero_even = 0, zero_odd = 0;
        for (size_t i = 0; i < check; i++)
            if (p[i] == 0) {
                if (i % 2)
                    zero_odd++;
                else
                    zero_even++;
            }
        /* the ASCII of UTF-16 puts its NUL bytes all on one side (a CJK character may add a
         * few on the other: 一 is 00 4E); binary data has them on both */
        size_t most = zero_odd > zero_even ? zero_odd : zero_even, fewest = zero_odd + zero_even - most;
        utf16 = zero_odd * 3 >= check || zero_even * 3 >= check || (most >= 8 && fewest * 4 <= most);
    }
    if (utf16) {
        nb_error_set(err, "%s：文件是 UTF-16 编码（Windows 记事本的“Unicode”），数据文件须为 UTF-8。%s", name,
                     SAVE_AS_UTF8);
        return 1;
    }
    /* GBK/GB18030: far more invalid UTF-8 sequences than valid ones, and the whole file reads
     * as GB18030 (a stray bad byte in a UTF-8 file is left to the string check) */
    size_t valid = 0, invalid = 0;
    for (size_t i = 0; i < len;) {
        if (p[i] < 0x80) {
            /* ASCII (a data file's keys, numbers and indentation) eight bytes at a time */
            for (i++; i + 8 <= len; i += 8) {
                uint64_t w;
                memcpy(&w, p + i, 8);
                if (w & UINT64_C(0x8080808080808080))
                    break;
            }
            continue;
        }
        if ((p[i] & 0xF0) == 0xE0 && i + 2 < len && (p[i + 1] & 0xC0) == 0x80 &&
            (p[i + 2] & 0xC0) == 0x80) { /* a Chinese character, the commonest case */
            valid++;
            i += 3;
            /* even if every byte left were invalid, they would be fewer than the valid ones:
             * the file is no GBK file (most UTF-8 files know it before their last quarter) */
            if (valid > invalid + (len - i))
                break;
            continue;
        }
        size_t n = utf8_seq(p + i, len - i);
        if (n) {
            valid++;
            i += n;
        } else {
            invalid++;
            i++;
        }
    }
    if (invalid >= 8 && invalid >= valid && reads_as_gb18030(p, len)) {
        nb_error_set(err, "%s：文件是 GBK/GB18030 编码（中文 Windows 的默认编码），数据文件须为 UTF-8。%s", name,
                     SAVE_AS_UTF8);
        return 1;
    }
    return 0;
}

/* ---------- full-width punctuation where Lua syntax needs ASCII ---------- */

typedef struct {
    const char *wide;
    const char *ascii;
} wide_char;

static const wide_char WIDE[] = {
    {"，", ","}, {"、", ","}, {"：", "=" /* no colon outside strings is valid: "year：2024" means "=" */}, {"；", ";"}, {"（", "("}, {"）", ")"}, {"【", "["},
    {"】", "]"}, {"［", "["}, {"］", "]"}, {"｛", "{"}, {"｝", "}"}, {"＝", "="}, {"“", "\""},
    {"”", "\""}, {"‘", "'"}, {"’", "'"}, {"＂", "\""}, {"＇", "'"}, {"。", "."}, {"．", "."},
    {"\xEF\xBC\x8D" /* U+FF0D, also a blank marker of the schema */, "-"}, {"　", " "}, {"０", "0"}, {"１", "1"}, {"２", "2"}, {"３", "3"}, {"４", "4"},
    {"５", "5"}, {"６", "6"}, {"７", "7"}, {"８", "8"}, {"９", "9"},
};

/* Past the long bracket opened at p with level, counting lines, or end when it never closes. */
static const char *past_long(const char *p, const char *end, int level, int *line)
{
    const char *q = nb_lex_long(p, end, level, line, NULL, NULL);
    return q ? q : end;
}

/* Past white space and comments at p, counting lines (end when a comment never closes). */
static const char *skip_blank(const char *p, const char *end, int *line)
{
    const char *q = nb_lex_blank(p, end, line);
    return q ? q : end;
}

int nb_diagnose_syntax(const char *buf, size_t len, const char *name, nb_error *err)
{
    const char *p = buf, *end = buf + len;
    int line = 1;
    while (p < end) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '\n' || ch == '\r' || (ch == '-' && p + 1 < end && p[1] == '-')) {
            p = skip_blank(p, end, &line); /* line breaks and comments */
        } else if (ch == '"' || ch == '\'') { /* a quoted string, escapes skipped, not checked */
            p++;
            while (p < end && (unsigned char)*p != ch && *p != '\n' && *p != '\r') {
                if (*p == '\\') {
                    /* read as Lua reads it: an escaped line break, and the line breaks \z
                     * skips, continue the string; one Lua refuses is passed over */
                    char v[6];
                    size_t n;
                    const char *q = nb_lex_escape(p + 1, end, &line, v, &n);
                    p = q ? q : p + 2 < end ? p + 2 : end;
                    continue;
                }
                p++;
            }
            if (p < end && (unsigned char)*p == ch)
                p++;
        } else if (ch == '[' && nb_lex_long_level(p, end) >= 0) {
            p = past_long(p, end, nb_lex_long_level(p, end), &line);
        } else if (ch >= 0x80) {
            /* a character outside any string: Lua syntax knows only ASCII */
            size_t n = utf8_seq((const unsigned char *)p, (size_t)(end - p));
            if (n == 0) { /* not UTF-8: the byte itself is not quoted (the message must stay UTF-8) */
                nb_error_set(err, "%s:%d: 数据文件语法错误：有一个不是 UTF-8 编码的字节（0x%02X）；"
                                  "数据文件须以 UTF-8 编码保存（GBK 等编码的文件请先另存为 UTF-8）",
                             name, line, (unsigned)ch);
                return 1;
            }
            for (size_t i = 0; i < sizeof WIDE / sizeof WIDE[0]; i++) {
                if ((size_t)(end - p) >= strlen(WIDE[i].wide) && memcmp(p, WIDE[i].wide, strlen(WIDE[i].wide)) == 0) {
                    nb_error_set(err, "%s:%d: 数据文件语法错误：这里有全角（中文输入法）字符“%s”，"
                                      "数据文件的标点和数字须为英文半角，请改为英文半角的“%s”"
                                      "（中文只能写在英文引号 \"...\" 之内）",
                                 name, line, WIDE[i].wide, WIDE[i].ascii);
                    return 1;
                }
            }
            /* any other full-width form of ASCII (ｙｅａｒ, ！, ＋): U+FF01..U+FF5E is ASCII + 0xFEE0 */
            if (n == 3) {
                unsigned cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (unsigned)(p[2] & 0x3F);
                if (cp >= 0xFF01 && cp <= 0xFF5E) {
                    nb_error_set(err, "%s:%d: 数据文件语法错误：这里有全角（中文输入法）字符“%.*s”，"
                                      "数据文件的标点、字母和数字须为英文半角，请改为英文半角的“%c”"
                                      "（中文只能写在英文引号 \"...\" 之内）",
                                 name, line, (int)n, p, (char)(cp - 0xFEE0));
                    return 1;
                }
            }
            nb_error_set(err, "%s:%d: 数据文件语法错误：字符“%.*s”在引号之外；文字须写在英文引号 \"...\" 之内，"
                              "标点须为英文半角",
                         name, line, (int)n, p);
            return 1;
        } else {
            p++;
        }
    }
    return 0;
}

/* ---------- the line of a key ---------- */

static int is_ident(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

int nb_diagnose_key_line(const char *buf, size_t len, const char *path)
{
    const char *p = buf, *end = buf + len;
    int line = 1, found = 0;
    const char *from = buf;
    char part[128];
    while (*path) {
        size_t n = strcspn(path, ".[");
        if (n == 0 || n >= sizeof part)
            break;
        memcpy(part, path, n);
        part[n] = '\0';
        path += n;
        while (*path == '.' || *path == '[') { /* an index is on the line of its list's key */
            if (*path == '[')
                path += strcspn(path, "]") + (path[strcspn(path, "]")] ? 1 : 0);
            else
                path++;
        }
        /* the next `part =` after the previous part, as a whole identifier */
        const char *hit = NULL;
        for (const char *q = from; q + n <= end; q++) {
            if (memcmp(q, part, n) == 0 && (q == buf || !is_ident(q[-1])) && (q + n == end || !is_ident(q[n]))) {
                const char *r = q + n;
                while (r < end && (*r == ' ' || *r == '\t'))
                    r++;
                if (r < end && *r == '=' && (r + 1 == end || r[1] != '=')) {
                    hit = q;
                    break;
                }
            }
        }
        if (!hit)
            break;
        from = hit + n;
        found = 1;
    }
    if (!found)
        return 0;
    for (; p < from && p < end; p++)
        line += (*p == '\n');
    return line;
}

/* ---------- operating-system errors ---------- */

const char *nb_strerror_zh(int errnum)
{
    switch (errnum) {
    case ENOENT: return "文件或目录不存在";
    case EACCES: return "没有权限";
    case EPERM: return "不允许此操作";
    case EISDIR: return "这是一个目录，不是文件";
    case ENOTDIR: return "路径中有一部分不是目录";
    case ENAMETOOLONG: return "文件名过长";
    case ELOOP: return "符号链接层数过多";
    case EMFILE: case ENFILE: return "打开的文件过多";
    case ENOSPC: return "磁盘空间不足";
    case EROFS: return "文件系统为只读";
    case EEXIST: return "文件已存在";
    case EIO: return "读写错误（输入/输出错误）";
    case ENOMEM: return "内存不足";
    case EBUSY: return "设备或资源忙";
    case EXDEV: return "不能跨文件系统移动";
    case EINVAL: return "参数无效";
    case EFBIG: return "文件过大";
#ifdef EDQUOT /* not in Windows' errno */
    case EDQUOT: return "超出磁盘配额";
#endif
    default: return NULL;
    }
}

const char *nb_os_error(int errnum)
{
    const char *zh = nb_strerror_zh(errnum);
    return zh ? zh : strerror(errnum);
}

/* ---------- Lua's syntax messages in Chinese ---------- */

void nb_diagnose_lua_message(const char *msg, char *out, size_t size)
{
    /* Lua's parser writes "<what> near <token>"; the token is kept as written */
    const char *near = strstr(msg, " near ");
    char token[200] = "";
    size_t what_len = near ? (size_t)(near - msg) : strlen(msg);
    if (near) {
        const char *t = near + 6;
        if (strcmp(t, "<eof>") == 0)
            nb_format(token, sizeof token, "，在文件末尾");
        else
            nb_format(token, sizeof token, "，在 %s 附近", t);
    }
    char what[400];
    nb_format(what, sizeof what, "%.*s", (int)what_len, msg);
    char closer[8], opener[8];
    int line = 0;
    if (sscanf(what, "'%7[^']' expected (to close '%7[^']' at line %d)", closer, opener, &line) == 3)
        nb_format(out, size, "缺少“%s”（与第 %d 行的“%s”配对）%s；上一项的末尾可能少了逗号“,”或括号，或键与值之间少了等号“=”", closer, line,
                  opener, token);
    else if (strcmp(what, "'}' expected") == 0)
        nb_format(out, size, "缺少“}”或逗号“,”%s：表中的各项之间须用英文逗号分隔，键与值之间须用英文等号“=”连接", token);
    else if (sscanf(what, "'%7[^']' expected", closer) == 1)
        nb_format(out, size, "此处应为“%s”%s", closer, token);
    else if (strcmp(what, "unfinished string") == 0)
        nb_format(out, size, "字符串没有结束：缺少结尾的英文引号“\"”%s", token);
    else if (strncmp(what, "unfinished long string", 22) == 0)
        nb_format(out, size, "长文字 [[...]] 没有结束：缺少结尾的“]]”%s", token);
    else if (strncmp(what, "unfinished long comment", 23) == 0)
        nb_format(out, size, "长注释 --[[...]] 没有结束：缺少结尾的“]]”%s", token);
    else if (strcmp(what, "malformed number") == 0)
        nb_format(out, size, "数字的写法不对%s（小数点只能有一个，数字中不能有其他字符）", token);
    else if (strcmp(what, "unexpected symbol") == 0)
        nb_format(out, size, "此处不能出现这个符号%s（可能少填了一个值，或多了标点）", token);
    else if (strcmp(what, "<eof> expected") == 0)
        nb_format(out, size, "表已经结束，后面还有内容%s（可能多了一个“}”）", token);
    else if (strncmp(what, "invalid escape sequence", 23) == 0 || strcmp(what, "hexadecimal digit expected") == 0 ||
             strcmp(what, "decimal escape too large") == 0 || strcmp(what, "UTF-8 value too large") == 0 ||
             strncmp(what, "missing '{'", 11) == 0 || strncmp(what, "missing '}'", 11) == 0)
        nb_format(out, size, "字符串中的反斜杠“\\”用法不对%s（要写反斜杠本身请写“\\\\”）", token);
    /* "year: 2024" or "year:x" (a colon where a data file needs "=") ends in one of these two */
    else if (strcmp(what, "<name> expected") == 0)
        nb_format(out, size, "此处应为英文的键名（如 year）%s；键与值之间用英文等号“=”连接（如 year = 2024），不用冒号", token);
    else if (strcmp(what, "function arguments expected") == 0)
        nb_format(out, size, "此处不能出现冒号“:”或函数调用%s；键与值之间用英文等号“=”连接（如 year = 2024）", token);
    else if (strcmp(what, "<string> expected") == 0)
        nb_format(out, size, "此处应为英文引号 \"...\" 中的文字%s", token);
    else if (strcmp(what, "invalid long string delimiter") == 0)
        nb_format(out, size, "长文字的开头写法不对%s（应为“[[”或“[==[”）", token);
    else if (strcmp(what, "lexical element too long") == 0)
        nb_format(out, size, "一段文字或一个数字过长%s", token);
    else if (strcmp(what, "chunk has too many lines") == 0)
        nb_format(out, size, "文件行数过多%s", token);
    else
        nb_format(out, size, "%s", msg);
}

/* ---------- a key written twice in one table ---------- */

/* A scan of the file as Lua's lexer reads it, that tells the fields of each table
 * constructor apart and compares their keys by value: a string however written (escapes,
 * long brackets), a number however written ([1], [1.0], [0x1] and a list's first place are
 * one key), true and false. A key made by an expression ([x], [1 + 1]) is not compared. */

/* One key seen: the table it belongs to (a number per constructor), its bytes in the set's
 * store (a kind byte, then a string's value or a number's bytes) and its line. */
typedef struct {
    uint32_t table, off, len; /* (a file past 4 GiB is not scanned) */
    int line;
} dup_entry;

typedef struct {
    dup_entry *slots; /* open addressing; table == 0 marks a free slot */
    size_t cap, used;
    nb_bytes store;
    uint64_t seed; /* differs from run to run: a file cannot be made of keys that collide */
} dup_set;

static size_t dup_hash(const dup_set *s, size_t table, const char *key, size_t len)
{
    uint64_t h = s->seed ^ table;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)key[i]) * 1099511628211ull;
    /* the slot is taken from the low bits: mix the high ones in */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return (size_t)h;
}

/* The key is the store's bytes from off. The line of an earlier entry of the same key and
 * table (the key then leaves the store); 0 when new (it is kept when insert, else it leaves
 * the store too), -1 when out of memory. */
static int dup_add(dup_set *s, size_t table, size_t off, int line, int insert)
{
    if (s->store.failed)
        return -1;
    size_t len = s->store.len - off;
    if ((s->used + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        dup_entry *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; i < s->cap; i++) {
            const dup_entry *e = &s->slots[i];
            if (!e->table)
                continue;
            size_t j = dup_hash(s, e->table, s->store.data + e->off, e->len) & (cap - 1);
            while (slots[j].table)
                j = (j + 1) & (cap - 1);
            slots[j] = *e;
        }
        free(s->slots);
        s->slots = slots;
        s->cap = cap;
    }
    const char *key = s->store.data + off;
    size_t j = dup_hash(s, table, key, len) & (s->cap - 1);
    for (; s->slots[j].table; j = (j + 1) & (s->cap - 1)) {
        const dup_entry *e = &s->slots[j];
        if (e->table == table && e->len == len && memcmp(s->store.data + e->off, key, len) == 0) {
            s->store.len = off;
            return e->line;
        }
    }
    if (!insert) {
        s->store.len = off;
        return 0;
    }
    s->slots[j] = (dup_entry){(uint32_t)table, (uint32_t)off, (uint32_t)len, line};
    s->used++;
    return 0;
}

enum { DUP_MAX_DEPTH = 256, DUP_PATH = 512 };

/* Past the string at p (a long bracket of level, or quoted when level < 0), counting lines;
 * its value appended to out when out. NULL when it does not close. */
static const char *string_value(const char *p, const char *end, int level, int *line, nb_bytes *out)
{
    const char *stop = nb_lex_string(p, end, level, line, NULL, NULL);
    size_t off = out ? out->len : 0, n = 0;
    /* room for the value, which is never longer than its text, then the value over it */
    if (!stop || !out || !nb_bytes_add(out, p, (size_t)(stop - p)) || out->over)
        return stop;
    nb_lex_string(p, end, level, NULL, out->data + off, &n);
    out->len = off + n;
    out->data[out->len] = '\0';
    return stop;
}

/* Adds the value of the numeral s..e (negated when neg) as a table key: 'i' and an integer,
 * or 'f' and a float that is no integer (Lua makes 2.0 the key 2). 0 when it is no numeral. */
static int numeral_key(const char *s, const char *e, int neg, nb_bytes *out)
{
    size_t n = (size_t)(e - s);
    int hex = n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    int integer = 1, overflow = 0;
    uint64_t u = 0;
    for (const char *p = s + (hex ? 2 : 0); p < e && integer; p++) {
        int d = nb_lex_hex_value(*p);
        if (d < 0 || (!hex && d > 9)) {
            integer = 0;
        } else if (hex) {
            u = u * 16 + (uint64_t)d; /* wraps around, as Lua's hexadecimal integers do */
        } else {
            overflow |= u > (UINT64_MAX - (uint64_t)d) / 10;
            u = u * 10 + (uint64_t)d;
        }
    }
    char kind;
    unsigned char bytes[8];
    /* a decimal integer past the largest one is a float in Lua */
    if (integer && (hex || (!overflow && u <= (uint64_t)INT64_MAX))) {
        if (neg)
            u = 0 - u;
        kind = 'i';
        memcpy(bytes, &u, 8);
    } else {
        char tmp[128];
        char *copy = n < sizeof tmp ? tmp : malloc(n + 1);
        if (!copy)
            return 0;
        memcpy(copy, s, n);
        copy[n] = '\0';
        char *stop;
        double d = strtod(copy, &stop);
        int whole = stop == copy + n;
        if (copy != tmp)
            free(copy);
        if (!whole || n == 0)
            return 0;
        if (neg)
            d = -d;
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && (double)(int64_t)d == d) {
            int64_t i = (int64_t)d;
            kind = 'i';
            memcpy(bytes, &i, 8);
        } else {
            kind = 'f';
            memcpy(bytes, &d, 8);
        }
    }
    nb_bytes_add(out, &kind, 1);
    nb_bytes_add(out, bytes, 8);
    return 1;
}

static int is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

/* The key of the field "[...] =" at p (its '['), added to out: a string, a numeral (with one
 * minus), true or false. Past its '=', or NULL when it is none of those. */
static const char *bracket_key(const char *p, const char *end, int *line, nb_bytes *out)
{
    const char *q = skip_blank(p + 1, end, line);
    if (q >= end)
        return NULL;
    int level = nb_lex_long_level(q, end);
    if (*q == '"' || *q == '\'' || level >= 0) {
        nb_bytes_add(out, "s", 1);
        q = string_value(q, end, level, line, out);
    } else {
        int neg = *q == '-' && !(q + 1 < end && q[1] == '-');
        if (neg)
            q = skip_blank(q + 1, end, line);
        if (q < end && ((*q >= '0' && *q <= '9') || (*q == '.' && q + 1 < end && q[1] >= '0' && q[1] <= '9'))) {
            const char *e = nb_lex_numeral(q, end);
            if (!e || !numeral_key(q, e, neg, out))
                return NULL;
            q = e;
        } else if (!neg && is_name_start(*q)) {
            const char *e = q;
            while (e < end && is_ident(*e))
                e++;
            if (e - q == 4 && memcmp(q, "true", 4) == 0)
                nb_bytes_add(out, "bt", 2);
            else if (e - q == 5 && memcmp(q, "false", 5) == 0)
                nb_bytes_add(out, "bf", 2);
            else
                return NULL;
            q = e;
        } else {
            return NULL;
        }
    }
    if (!q)
        return NULL;
    q = skip_blank(q, end, line);
    if (q >= end || *q != ']')
        return NULL;
    q = skip_blank(q + 1, end, line);
    return q < end && *q == '=' && (q + 1 == end || q[1] != '=') ? q + 1 : NULL;
}

/* Whether the name s..e opens a block that "end" (or "until") closes. */
static int block_word(const char *s, const char *e, int *delta)
{
    static const char *const open[] = {"function", "if", "do", "repeat"}, *const close[] = {"end", "until"};
    size_t n = (size_t)(e - s);
    for (size_t i = 0; i < sizeof open / sizeof *open; i++)
        if (strlen(open[i]) == n && memcmp(s, open[i], n) == 0)
            return *delta = 1;
    for (size_t i = 0; i < sizeof close / sizeof *close; i++)
        if (strlen(close[i]) == n && memcmp(s, close[i], n) == 0)
            return *delta = -1, 1;
    return 0;
}

/* per open table: its number, where its path ends, how many list items so far (their lines
 * from item_base on), whether it has a key [n], and the parentheses and blocks open where it
 * opened (a ',' or name inside those is no field) */
typedef struct {
    size_t id, path_len, item_base;
    long items;
    long paren, block;
    char has_int;
} frame;

typedef struct {
    int *lines;
    size_t len, cap;
} line_stack;

static int push_line(line_stack *s, int line)
{
    if (s->len == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        int *lines = realloc(s->lines, cap * sizeof *lines);
        if (!lines)
            return 0;
        s->lines = lines;
        s->cap = cap;
    }
    s->lines[s->len++] = line;
    return 1;
}

int nb_diagnose_duplicate_key(const char *buf, size_t len, const char *name, nb_error *err)
{
    const char *p = buf, *end = buf + len;
    int line = 1, found = 0;
    if (len > UINT32_MAX / 16) /* the set keeps 32-bit offsets; no data file is that big */
        return 0;
    dup_set set = {NULL, 0, 0, {0}, 0};
    set.seed = 1469598103934665603ull ^ (uint64_t)time(NULL) ^ (uint64_t)(uintptr_t)&set;
    frame frames[DUP_MAX_DEPTH];
    line_stack items = {NULL, 0, 0}; /* the lines of the list items of the tables open */
    int depth = 0;
    long paren = 0, block = 0;
    size_t next_id = 1;
    char path[DUP_PATH] = "";
    /* the last significant token: '{', ',', ';' mark the start of a field */
    char prev = 0;
    /* a field's key just read, as written (for the path of a table that is its value) */
    const char *key = NULL;
    size_t key_len = 0;
    char item[32]; /* a list item's key, "[3]" */
    if (p < end && *p == '#') /* a first line "#!..." that Lua skips */
        while (p < end && *p != '\n' && *p != '\r')
            p++;
    while (p < end && !found) {
        if ((unsigned char)*p <= ' ' || *p == '-') { /* (most tokens follow no blank) */
            p = skip_blank(p, end, &line);
            if (p >= end)
                break;
        }
        unsigned char ch = (unsigned char)*p;
        int level = ch == '[' ? nb_lex_long_level(p, end) : -1; /* of a long string at p */
        if (depth > 0 && (prev == '{' || prev == ',' || prev == ';') && ch != '}' &&
            paren == frames[depth - 1].paren && block == frames[depth - 1].block) {
            /* a field: "name =", "[key] =" or a list item */
            size_t off = set.store.len;
            int kline = line, l2 = line;
            const char *k = p, *after = NULL;
            size_t k_len = 0;
            if (ch == '[' && level < 0) {
                after = bracket_key(p, end, &l2, &set.store);
                k_len = after ? (size_t)(after - p) : 0;
                /* shown as written, or as its name when written plainly ["name"] */
                if (after) {
                    const char *s = skip_blank(p + 1, end, &(int){0});
                    const char *e = s < end && (*s == '"' || *s == '\'') ? memchr(s + 1, *s, (size_t)(end - s - 1)) : NULL;
                    if (e && set.store.len - off - 1 == (size_t)(e - s - 1) &&
                        memcmp(set.store.data + off + 1, s + 1, (size_t)(e - s - 1)) == 0) {
                        k = s + 1;
                        k_len = (size_t)(e - s - 1);
                    } else {
                        while (k_len > 0 && k[k_len - 1] != ']')
                            k_len--;
                    }
                }
            } else if (is_name_start((char)ch)) {
                const char *e = p;
                while (e < end && is_ident(*e))
                    e++;
                const char *r = skip_blank(e, end, &l2);
                if (r < end && *r == '=' && (r + 1 == end || r[1] != '=')) {
                    int delta;
                    if (!block_word(p, e, &delta)) {
                        nb_bytes_add(&set.store, "s", 1);
                        nb_bytes_add(&set.store, p, (size_t)(e - p));
                        after = r + 1;
                        k_len = (size_t)(e - p);
                    }
                }
            }
            int keyed = after || (ch == '[' && level < 0);
            if (!after)
                set.store.len = off;
            char was_item = 0;
            int before = 0;
            frame *f = &frames[depth - 1];
            if (!keyed) {
                /* a list item: its line kept by its place; compared with the keys [n] of the
                 * table (the set holds no items: lists are long and [n] keys rare) */
                int64_t i = ++f->items;
                k = item; /* written out only when named: most items are not */
                if (!push_line(&items, kline))
                    break;
                if (f->has_int) {
                    nb_bytes_add(&set.store, "i", 1);
                    nb_bytes_add(&set.store, &i, 8);
                    before = dup_add(&set, f->id, off, kline, 0);
                }
            } else if (after && !set.store.failed && set.store.data[off] == 'i') {
                int64_t n;
                memcpy(&n, set.store.data + off + 1, 8);
                f->has_int = 1;
                if (n >= 1 && n <= f->items) {
                    before = items.lines[f->item_base + (size_t)n - 1];
                    was_item = 1;
                    set.store.len = off;
                } else {
                    before = dup_add(&set, f->id, off, kline, 1);
                }
            } else if (after) {
                before = dup_add(&set, f->id, off, kline, 1);
            }
            if (before < 0)
                break;
            if (before > 0) {
                if (k == item)
                    k_len = (size_t)snprintf(item, sizeof item, "[%ld]", f->items);
                /* a list item and a key [n]: Lua keeps the item's value, whichever comes first */
                const char *tail = !keyed || was_item ? "只会留下一个值（列表的各项按位置就是键 [1]、[2]……）"
                                                      : "后写的值会覆盖先写的";
                /* a key of a page of text is named by its start: the message keeps its end */
                size_t shown = nb_utf8_fit(k, k_len, 60);
                const char *more = shown < k_len ? "…" : "";
                nb_error_set(err, "%s:%d: %s%s%.*s%s：键“%.*s%s”重复（第 %d 行已写过一次），%s；请删去其中一个，或改为应有的键",
                             name, kline, path, path[0] && k[0] != '[' ? "." : "", (int)shown, k, more, (int)shown, k, more,
                             before, tail);
                found = 1;
                break;
            }
            if (after) {
                key = k;
                key_len = k_len;
                prev = '=';
                line = l2;
                p = after;
                continue;
            }
            if (!keyed) { /* the item's value follows: a table there is named by its place */
                key = item;
                key_len = k_len;
            }
        }
        if (ch == '{') {
            if (depth == DUP_MAX_DEPTH)
                break;
            size_t n = strlen(path);
            frames[depth].path_len = n;
            if (key == item) /* the table is a list item: named by its place */
                key_len = (size_t)snprintf(item, sizeof item, "[%ld]", frames[depth - 1].items);
            if (depth > 0 && key)
                snprintf(path + n, sizeof path - n, "%s%.*s", n && key[0] != '[' ? "." : "", (int)key_len, key);
            frames[depth].id = next_id++;
            frames[depth].items = 0;
            frames[depth].item_base = items.len;
            frames[depth].has_int = 0;
            frames[depth].paren = paren;
            frames[depth].block = block;
            depth++;
            key = NULL;
            prev = '{';
            p++;
            continue;
        }
        if (ch == '}') {
            if (depth > 0) {
                depth--;
                path[frames[depth].path_len] = '\0';
                items.len = frames[depth].item_base;
            }
            prev = '}';
            key = NULL;
            p++;
            continue;
        }
        const char *next = p + 1;
        if (ch == '"' || ch == '\'' || level >= 0) {
            next = string_value(p, end, level, &line, NULL);
        } else if (ch >= '0' && ch <= '9') {
            next = nb_lex_numeral(p, end);
        } else if (is_name_start((char)ch)) {
            while (next < end && is_ident(*next))
                next++;
            int delta;
            if (block_word(p, next, &delta))
                block += delta;
        } else if (ch == '(') {
            paren++;
        } else if (ch == ')') {
            paren--;
        }
        if (!next) /* a string that does not close, a numeral run into a name: no Lua, nothing more to tell */
            break;
        p = next;
        prev = (char)ch;
        /* a list item's table may follow a sign or a parenthesis: "{ ({ ... }) }" */
        if (!(key == item && (ch == '(' || ch == '-')))
            key = NULL;
    }
    free(set.slots);
    free(set.store.data);
    free(items.lines);
    return found;
}
