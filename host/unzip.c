#include "unzip.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <zlib.h>

const nb_unzip_limits nb_unzip_default_limits = {
    .max_entries = 10000,
    .max_size = 64u << 20,
    .max_ratio = 200.0,
};

enum {
    EOCD_SIG = 0x06054b50,
    CENTRAL_SIG = 0x02014b50,
    LOCAL_SIG = 0x04034b50,
    EOCD_SIZE = 22,
    CENTRAL_SIZE = 46,
    LOCAL_SIZE = 30,
};

static uint32_t u16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t u32(const unsigned char *p) { return u16(p) | u16(p + 2) << 16; }

/* The end-of-central-directory record: searched backwards over the comment (at most 64 KiB). */
static const unsigned char *find_eocd(const unsigned char *zip, size_t len)
{
    if (len < EOCD_SIZE)
        return NULL;
    size_t stop = len > EOCD_SIZE + 65535 ? len - EOCD_SIZE - 65535 : 0;
    for (size_t i = len - EOCD_SIZE + 1; i-- > stop;) {
        if (u32(zip + i) == EOCD_SIG && i + EOCD_SIZE + u16(zip + i + 20) <= len)
            return zip + i;
    }
    return NULL;
}

static int inflate_entry(const unsigned char *src, size_t src_len, size_t size, char *dst, nb_error *err)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {
        nb_error_set(err, "无法解压（内存不足）");
        return -1;
    }
    z.next_in = (unsigned char *)src;
    z.avail_in = (uInt)src_len;
    z.next_out = (unsigned char *)dst;
    z.avail_out = (uInt)size;
    int rc = inflate(&z, Z_FINISH);
    size_t produced = size - z.avail_out;
    inflateEnd(&z);
    if (rc == Z_BUF_ERROR && z.avail_out == 0) {
        /* more data than the directory declared: a lie, as ZIP bombs tell */
        nb_error_set(err, "解压后的大小超过目录中声明的大小，拒绝读取");
        return -1;
    }
    if (rc != Z_STREAM_END || produced != size) {
        nb_error_set(err, "压缩数据损坏，无法解压");
        return -1;
    }
    return 0;
}

/* One record of the central directory */
typedef struct {
    const unsigned char *name;
    size_t name_len;
    uint32_t flags, method, crc;
    size_t csize, usize, local;
} central_entry;

/* The central directory, checked against the file and the entry bound: *first is its first
 * record and *entries their count; -1 with err set when it is refused. */
static int open_directory(const unsigned char *zip, size_t len, const nb_unzip_limits *lim,
                          const unsigned char **first, const unsigned char **end, size_t *entries,
                          nb_error *err)
{
    const unsigned char *eocd = find_eocd(zip, len);
    if (!eocd) {
        nb_error_set(err, "不是完整的 ZIP 文件（找不到目录结尾），文件可能被截断");
        return -1;
    }
    size_t count = u16(eocd + 10);
    size_t dir_size = u32(eocd + 12), dir_offset = u32(eocd + 16);
    if (count == 0xFFFF || dir_size == 0xFFFFFFFFu || dir_offset == 0xFFFFFFFFu) {
        nb_error_set(err, "ZIP64 格式的文件不支持");
        return -1;
    }
    if (count > lim->max_entries) {
        nb_error_set(err, "ZIP 文件有 %zu 个条目，超过上限 %zu，拒绝读取", count, lim->max_entries);
        return -1;
    }
    if (dir_offset > len || dir_size > len - dir_offset) {
        nb_error_set(err, "ZIP 目录超出文件范围，文件损坏");
        return -1;
    }
    *first = zip + dir_offset;
    *end = *first + dir_size;
    *entries = count;
    return 0;
}

/* The record at *p (the i-th, from 0) into e, and *p past it; -1 with err set when it does
 * not fit the directory. */
static int next_record(const unsigned char **p, const unsigned char *end, size_t i, central_entry *e,
                       nb_error *err)
{
    const unsigned char *r = *p;
    if ((size_t)(end - r) < CENTRAL_SIZE || u32(r) != CENTRAL_SIG) {
        nb_error_set(err, "ZIP 目录损坏（第 %zu 个条目）", i + 1);
        return -1;
    }
    size_t nlen = u16(r + 28), xlen = u16(r + 30), clen = u16(r + 32);
    if ((size_t)(end - r) < CENTRAL_SIZE + nlen + xlen + clen) {
        nb_error_set(err, "ZIP 目录损坏（第 %zu 个条目）", i + 1);
        return -1;
    }
    e->name = r + CENTRAL_SIZE;
    e->name_len = nlen;
    e->flags = u16(r + 8);
    e->method = u16(r + 10);
    e->crc = u32(r + 16);
    e->csize = u32(r + 20);
    e->usize = u32(r + 24);
    e->local = u32(r + 42);
    *p = r + CENTRAL_SIZE + nlen + xlen + clen;
    return 0;
}

/* Where the packed bytes of e start, after every bound is checked; 0 with err set when it is
 * refused (no entry's data can start at 0: a local header comes first). */
static size_t entry_data(const unsigned char *zip, size_t len, const central_entry *e,
                         const nb_unzip_limits *lim, nb_error *err)
{
    int n = (int)e->name_len;
    const char *name = (const char *)e->name;
    if (e->flags & 1) {
        nb_error_set(err, "%.*s 已加密，无法读取", n, name);
        return 0;
    }
    if (e->csize == 0xFFFFFFFFu || e->usize == 0xFFFFFFFFu || e->local == 0xFFFFFFFFu) {
        nb_error_set(err, "ZIP64 格式的文件不支持");
        return 0;
    }
    if (e->usize > lim->max_size) {
        nb_error_set(err, "%.*s 解压后有 %zu 字节，超过上限 %zu 字节，拒绝读取", n, name, e->usize,
                     lim->max_size);
        return 0;
    }
    if (e->usize > 4096 && (double)e->usize > lim->max_ratio * (double)(e->csize ? e->csize : 1)) {
        nb_error_set(err, "%.*s 的压缩比异常（%zu 字节压缩为 %zu 字节，超过 %.0f 倍），可能是 ZIP 炸弹，拒绝读取",
                     n, name, e->usize, e->csize, lim->max_ratio);
        return 0;
    }
    if (e->local > len || len - e->local < LOCAL_SIZE || u32(zip + e->local) != LOCAL_SIG) {
        nb_error_set(err, "%.*s 的本地文件头损坏", n, name);
        return 0;
    }
    size_t data = e->local + LOCAL_SIZE + u16(zip + e->local + 26) + u16(zip + e->local + 28);
    if (data > len || e->csize > len - data) {
        nb_error_set(err, "%.*s 的数据超出文件范围，文件被截断或损坏", n, name);
        return 0;
    }
    if (e->method != 0 && e->method != 8) {
        nb_error_set(err, "%.*s 使用了不支持的压缩方法 %u", n, name, (unsigned)e->method);
        return 0;
    }
    if (e->method == 0 && e->csize != e->usize) {
        nb_error_set(err, "%.*s 的大小不一致，文件损坏", n, name);
        return 0;
    }
    return data;
}

/* e's bytes unpacked into dst (e->usize of them, checked by entry_data) and their CRC checked */
static int unpack(const unsigned char *zip, size_t data, const central_entry *e, char *dst, nb_error *err)
{
    if (e->method == 0)
        memcpy(dst, zip + data, e->usize);
    else if (inflate_entry(zip + data, e->csize, e->usize, dst, err) != 0)
        return -1;
    if ((uint32_t)crc32(0L, (const Bytef *)dst, (uInt)e->usize) != e->crc) {
        nb_error_set(err, "%.*s 的校验和不符，文件损坏", (int)e->name_len, (const char *)e->name);
        return -1;
    }
    return 0;
}

/* The first entry called `name`: 1 with *e and *data (where its packed bytes start, every
 * bound checked), 0 when there is none, -1 with err set when the archive is refused. */
static int find_entry(const unsigned char *zip, size_t len, const char *name, const nb_unzip_limits *lim,
                      central_entry *e, size_t *data, nb_error *err)
{
    const unsigned char *p, *end;
    size_t entries;
    if (open_directory(zip, len, lim, &p, &end, &entries, err) != 0)
        return -1;
    size_t name_len = strlen(name);
    for (size_t i = 0; i < entries; i++) {
        if (next_record(&p, end, i, e, err) != 0)
            return -1;
        if (e->name_len != name_len || memcmp(e->name, name, name_len) != 0)
            continue;
        *data = entry_data(zip, len, e, lim, err);
        return *data ? 1 : -1;
    }
    return 0;
}

int nb_unzip_read(const unsigned char *zip, size_t len, const char *name,
                  const nb_unzip_limits *limits, char **out, size_t *out_len, nb_error *err)
{
    *out = NULL;
    *out_len = 0;
    central_entry e;
    size_t data;
    int rc = find_entry(zip, len, name, limits ? limits : &nb_unzip_default_limits, &e, &data, err);
    if (rc <= 0)
        return rc;
    char *buf = malloc(e.usize + 1);
    if (!buf) {
        nb_error_set(err, "内存不足");
        return -1;
    }
    if (unpack(zip, data, &e, buf, err) != 0) {
        free(buf);
        return -1;
    }
    buf[e.usize] = '\0';
    *out = buf;
    *out_len = e.usize;
    return 1;
}

/* e's bytes pushed as a string, unpacked straight into a Lua buffer (which the collector
 * frees if memory runs out); 0, or -1 with err set and nothing pushed that counts */
static int push_unpacked(lua_State *L, const unsigned char *zip, size_t data, const central_entry *e,
                         nb_error *err)
{
    luaL_Buffer b;
    char *dst = luaL_buffinitsize(L, &b, e->usize);
    if (unpack(zip, data, e, dst, err) != 0)
        return -1;
    luaL_pushresultsize(&b, e->usize);
    return 0;
}

/* nb.unzip(bytes, name): the entry's bytes; nil and a message */
int nb_l_unzip(lua_State *L)
{
    size_t len;
    const unsigned char *zip = (const unsigned char *)luaL_checklstring(L, 1, &len);
    const char *name = luaL_checkstring(L, 2);
    central_entry e;
    size_t data;
    nb_error err;
    int rc = find_entry(zip, len, name, &nb_unzip_default_limits, &e, &data, &err);
    if (rc == 1 && push_unpacked(L, zip, data, &e, &err) == 0)
        return 1;
    luaL_pushfail(L);
    if (rc == 0)
        lua_pushfstring(L, "ZIP 文件中没有 %s", name);
    else
        lua_pushstring(L, err.message);
    return 2;
}

/* The bytes of one entry in the file, from its local header to the end of its packed data */
typedef struct {
    size_t start, end;
    const unsigned char *name;
    size_t name_len;
} span;

static int by_start(const void *a, const void *b)
{
    const span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    /* then in the directory's order, so that the message names the same two every time */
    return (x->name > y->name) - (x->name < y->name);
}

/* Every entry of the archive at argument 1 under lim, in the directory's order, pushed as
 * { {name =, data =}, ... }; nil, message when any is refused. The directory is read whole
 * before anything is unpacked, so a damaged record late in it refuses the archive at once.
 * Two records whose bytes overlap are refused too: the ratio bounds each entry alone, and
 * thousands of records pointing at one packed entry would unpack it thousands of times (a
 * 1 MB file listed as 2 GB). Apart, the entries unpack to at most ratio times the file. */
static int push_all(lua_State *L, const nb_unzip_limits *lim)
{
    size_t len;
    const unsigned char *zip = (const unsigned char *)luaL_checklstring(L, 1, &len);
    const unsigned char *first, *end, *p;
    size_t entries;
    nb_error err;
    if (open_directory(zip, len, lim, &first, &end, &entries, &err) != 0)
        goto refused;
    central_entry e;
    /* the collector's, so that nothing is left to free when memory runs out */
    span *spans = lua_newuserdatauv(L, (entries ? entries : 1) * sizeof *spans, 0);
    p = first;
    for (size_t i = 0; i < entries; i++) {
        size_t data;
        if (next_record(&p, end, i, &e, &err) != 0 || !(data = entry_data(zip, len, &e, lim, &err)))
            goto refused;
        spans[i] = (span){e.local, data + e.csize, e.name, e.name_len};
    }
    qsort(spans, entries, sizeof *spans, by_start);
    for (size_t i = 1; i < entries; i++) {
        if (spans[i].start < spans[i - 1].end) {
            nb_error_set(&err, "%.*s 与 %.*s 的数据在文件中重叠，可能是 ZIP 炸弹，拒绝读取",
                         (int)spans[i - 1].name_len, (const char *)spans[i - 1].name,
                         (int)spans[i].name_len, (const char *)spans[i].name);
            goto refused;
        }
    }
    lua_createtable(L, (int)entries, 0);
    p = first;
    for (size_t i = 0; i < entries; i++) {
        next_record(&p, end, i, &e, &err);
        size_t data = entry_data(zip, len, &e, lim, &err);
        lua_createtable(L, 0, 2);
        lua_pushlstring(L, (const char *)e.name, e.name_len);
        lua_setfield(L, -2, "name");
        if (push_unpacked(L, zip, data, &e, &err) != 0)
            goto refused;
        lua_setfield(L, -2, "data");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
refused:
    luaL_pushfail(L);
    lua_pushstring(L, err.message);
    return 2;
}

/* nb._unzip_all(bytes [, entries, size, ratio]): the bounds given (nil: the usual ones) */
int nb_l_unzip_all(lua_State *L)
{
    nb_unzip_limits lim = nb_unzip_default_limits;
    lim.max_entries = (size_t)luaL_optinteger(L, 2, (lua_Integer)lim.max_entries);
    lim.max_size = (size_t)luaL_optinteger(L, 3, (lua_Integer)lim.max_size);
    lim.max_ratio = luaL_optnumber(L, 4, lim.max_ratio);
    return push_all(L, &lim);
}
