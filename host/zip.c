#include "zip.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <zlib.h>

/* Below this size deflate saves nothing worth the header. */
#define ZIP_STORE_BELOW 64
#define ZIP_MAX_ENTRIES 65535u
#define ZIP_MAX_32 0xffffffffu
#define LOCAL_HEADER 30
#define CENTRAL_HEADER 46
#define END_RECORD 22
/* Every entry carries 1980-01-01 00:00 (the first DOS date): the same input gives the same
 * bytes, so archives can be compared and cached. */
#define DOS_TIME 0
#define DOS_DATE ((0 << 9) | (1 << 5) | 1)
/* general purpose flag bit 11: names are UTF-8 */
#define FLAG_UTF8 0x0800

static unsigned char *put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v & 0xff);
    p[1] = (unsigned char)((v >> 8) & 0xff);
    return p + 2;
}

static unsigned char *put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v & 0xff);
    p[1] = (unsigned char)((v >> 8) & 0xff);
    p[2] = (unsigned char)((v >> 16) & 0xff);
    p[3] = (unsigned char)((v >> 24) & 0xff);
    return p + 4;
}

static int fail(char *err, size_t err_len, const char *msg, const nb_zip_entry *e)
{
    if (err && err_len) {
        if (e)
            snprintf(err, err_len, "%s：%.*s", msg, (int)(e->name_len > 200 ? 200 : e->name_len),
                     e->name);
        else
            snprintf(err, err_len, "%s", msg);
    }
    return -1;
}

static int cmp_name(const void *a, const void *b)
{
    const nb_zip_entry *x = *(const nb_zip_entry *const *)a, *y = *(const nb_zip_entry *const *)b;
    size_t n = x->name_len < y->name_len ? x->name_len : y->name_len;
    int c = memcmp(x->name, y->name, n);
    if (c)
        return c;
    return (x->name_len > y->name_len) - (x->name_len < y->name_len);
}

/* Whether a /-separated name has an empty, "." or ".." part: extracted, it would leave (or
 * not name a file in) the folder it is extracted into. */
static int has_outside_part(const char *name, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && name[i] != '/')
            continue;
        size_t part = i - start;
        if (part == 0 || (part == 1 && name[start] == '.') ||
            (part == 2 && name[start] == '.' && name[start + 1] == '.'))
            return 1;
        start = i + 1;
    }
    return 0;
}

/* Checks names and sizes; returns the worst-case archive size (0 after a failure). */
static size_t check_and_bound(const nb_zip_entry *entries, size_t n, char *err, size_t err_len)
{
    if (n > ZIP_MAX_ENTRIES) {
        fail(err, err_len, "压缩包的文件太多（最多 65535 个）", NULL);
        return 0;
    }
    size_t total = END_RECORD;
    for (size_t i = 0; i < n; i++) {
        const nb_zip_entry *e = &entries[i];
        if (e->name_len == 0 || e->name_len > 0xffff) {
            fail(err, err_len, "压缩包内的文件名为空或过长", NULL);
            return 0;
        }
        if (e->name[0] == '/' || memchr(e->name, '\\', e->name_len) ||
            memchr(e->name, '\0', e->name_len) || has_outside_part(e->name, e->name_len)) {
            fail(err, err_len, "压缩包内的文件名应是以 / 分隔的相对路径（不含空的、. 或 .. 部分）", e);
            return 0;
        }
        if (e->len >= ZIP_MAX_32) {
            fail(err, err_len, "压缩包内的文件超过 4 GiB", e);
            return 0;
        }
        size_t one = LOCAL_HEADER + CENTRAL_HEADER + 2 * e->name_len + e->len;
        if (total > SIZE_MAX - one) {
            fail(err, err_len, "压缩包过大", NULL);
            return 0;
        }
        total += one;
    }
    if (total >= ZIP_MAX_32) {
        fail(err, err_len, "压缩包超过 4 GiB", NULL);
        return 0;
    }
    /* duplicate names make a package that readers disagree on */
    if (n > 1) {
        const nb_zip_entry **order = malloc(n * sizeof *order);
        if (!order) {
            fail(err, err_len, "内存不足", NULL);
            return 0;
        }
        for (size_t i = 0; i < n; i++)
            order[i] = &entries[i];
        qsort(order, n, sizeof *order, cmp_name);
        for (size_t i = 1; i < n; i++)
            if (cmp_name(&order[i - 1], &order[i]) == 0) {
                fail(err, err_len, "压缩包内的文件名重复", order[i]);
                free(order);
                return 0;
            }
        free(order);
    }
    return total;
}

size_t nb_zip_bound(const nb_zip_entry *entries, size_t n, char *err, size_t err_len)
{
    return check_and_bound(entries, n, err, err_len);
}

/* Deflates src into dst when the result fits in cap bytes; returns its size, or 0 when the
 * data is better stored (or deflate could not run). */
static size_t deflate_into(const unsigned char *src, size_t len, unsigned char *dst, size_t cap)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return 0;
    z.next_in = (Bytef *)src;
    z.avail_in = (uInt)len;
    z.next_out = dst;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    size_t out = (rc == Z_STREAM_END) ? (size_t)z.total_out : 0;
    deflateEnd(&z);
    return out < len ? out : 0;
}

int nb_zip_write(const nb_zip_entry *entries, size_t n, unsigned char *out, size_t cap,
                 size_t *out_len, char *err, size_t err_len)
{
    size_t bound = check_and_bound(entries, n, err, err_len);
    if (!bound)
        return -1;
    if (cap < bound)
        return fail(err, err_len, "压缩包的缓冲区不够大", NULL);
    /* The central directory is written after the data; its records need each entry's crc,
     * sizes and offset, kept here. */
    struct rec {
        uint32_t crc, csize, offset;
        unsigned method;
    } *recs = malloc((n ? n : 1) * sizeof *recs);
    if (!recs)
        return fail(err, err_len, "内存不足", NULL);
    unsigned char *p = out;
    for (size_t i = 0; i < n; i++) {
        const nb_zip_entry *e = &entries[i];
        uint32_t crc = (uint32_t)crc32(0L, Z_NULL, 0);
        /* crc32 takes uInt lengths: feed large parts in pieces */
        for (size_t off = 0; off < e->len;) {
            size_t piece = e->len - off > 0x40000000u ? 0x40000000u : e->len - off;
            crc = (uint32_t)crc32(crc, e->data + off, (uInt)piece);
            off += piece;
        }
        unsigned char *data_at = p + LOCAL_HEADER + e->name_len;
        size_t csize = 0;
        if (e->len >= ZIP_STORE_BELOW && !e->store)
            csize = deflate_into(e->data, e->len, data_at, e->len);
        unsigned method = csize ? 8 : 0;
        if (!csize) {
            csize = e->len;
            if (e->len)
                memcpy(data_at, e->data, e->len);
        }
        recs[i].crc = crc;
        recs[i].csize = (uint32_t)csize;
        recs[i].offset = (uint32_t)(p - out);
        recs[i].method = method;
        p = put32(p, 0x04034b50);
        p = put16(p, 20);
        p = put16(p, FLAG_UTF8);
        p = put16(p, method);
        p = put16(p, DOS_TIME);
        p = put16(p, DOS_DATE);
        p = put32(p, crc);
        p = put32(p, (uint32_t)csize);
        p = put32(p, (uint32_t)e->len);
        p = put16(p, (unsigned)e->name_len);
        p = put16(p, 0);
        memcpy(p, e->name, e->name_len);
        p += e->name_len + csize;
    }
    unsigned char *central = p;
    for (size_t i = 0; i < n; i++) {
        const nb_zip_entry *e = &entries[i];
        p = put32(p, 0x02014b50);
        /* made by Unix, spec 2.0: readers take a DOS-made name as code page 437 even with
         * the UTF-8 flag (Info-ZIP unzip does) */
        p = put16(p, (3 << 8) | 20);
        p = put16(p, 20);
        p = put16(p, FLAG_UTF8);
        p = put16(p, recs[i].method);
        p = put16(p, DOS_TIME);
        p = put16(p, DOS_DATE);
        p = put32(p, recs[i].crc);
        p = put32(p, recs[i].csize);
        p = put32(p, (uint32_t)e->len);
        p = put16(p, (unsigned)e->name_len);
        p = put16(p, 0); /* extra */
        p = put16(p, 0); /* comment */
        p = put16(p, 0); /* disk */
        p = put16(p, 0); /* internal attributes */
        p = put32(p, (uint32_t)0100644 << 16); /* external attributes: a rw-r--r-- file */
        p = put32(p, recs[i].offset);
        memcpy(p, e->name, e->name_len);
        p += e->name_len;
    }
    free(recs);
    size_t central_size = (size_t)(p - central);
    p = put32(p, 0x06054b50);
    p = put16(p, 0);
    p = put16(p, 0);
    p = put16(p, (unsigned)n);
    p = put16(p, (unsigned)n);
    p = put32(p, (uint32_t)central_size);
    p = put32(p, (uint32_t)(central - out));
    p = put16(p, 0);
    *out_len = (size_t)(p - out);
    return 0;
}

int nb_zip_build(const nb_zip_entry *entries, size_t n, unsigned char **out, size_t *out_len,
                 char *err, size_t err_len)
{
    size_t bound = check_and_bound(entries, n, err, err_len);
    if (!bound)
        return -1;
    unsigned char *buf = malloc(bound);
    if (!buf)
        return fail(err, err_len, "内存不足", NULL);
    if (nb_zip_write(entries, n, buf, bound, out_len, err, err_len) != 0) {
        free(buf);
        return -1;
    }
    *out = buf;
    return 0;
}

/* nb.zip{ {name=..., data=...}, ... }: the entries' strings stay anchored in the argument
 * tables while the archive is built; the entry array and the output live in Lua memory, so an
 * error anywhere leaks nothing. */
int nb_l_zip(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    /* raw access: a metamethod could hand out strings that nothing anchors */
    lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
    if (n < 0 || (lua_Unsigned)n > ZIP_MAX_ENTRIES)
        return luaL_error(L, "nb.zip：文件数 %I 不在 0..65535 之内", n);
    nb_zip_entry *entries =
        lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof *entries, 0); /* index 2 */
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, 1, i) != LUA_TTABLE)
            return luaL_error(L, "nb.zip：第 %I 项应是 {name=..., data=...} 表", i);
        lua_pushliteral(L, "name");
        if (lua_rawget(L, -2) != LUA_TSTRING)
            return luaL_error(L, "nb.zip：第 %I 项的 name 应是字符串", i);
        lua_pushliteral(L, "data");
        if (lua_rawget(L, -3) != LUA_TSTRING)
            return luaL_error(L, "nb.zip：第 %I 项的 data 应是字符串", i);
        lua_pushliteral(L, "store"); /* optional: true keeps the entry stored (a mimetype) */
        int store = lua_rawget(L, -4);
        if (store != LUA_TNIL && store != LUA_TBOOLEAN)
            return luaL_error(L, "nb.zip：第 %I 项的 store 应是 true 或 false", i);
        nb_zip_entry *e = &entries[i - 1];
        e->name = lua_tolstring(L, -3, &e->name_len);
        e->data = (const unsigned char *)lua_tolstring(L, -2, &e->len);
        e->store = lua_toboolean(L, -1);
        lua_pop(L, 4);
    }
    char err[256];
    size_t bound = nb_zip_bound(entries, (size_t)n, err, sizeof err);
    if (!bound)
        return luaL_error(L, "nb.zip：%s", err);
    luaL_Buffer b;
    unsigned char *buf = (unsigned char *)luaL_buffinitsize(L, &b, bound);
    size_t len = 0;
    if (nb_zip_write(entries, (size_t)n, buf, bound, &len, err, sizeof err) != 0)
        return luaL_error(L, "nb.zip：%s", err);
    luaL_pushresultsize(&b, len);
    return 1;
}
