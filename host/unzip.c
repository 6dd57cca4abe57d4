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

int nb_unzip_read(const unsigned char *zip, size_t len, const char *name,
                  const nb_unzip_limits *limits, char **out, size_t *out_len, nb_error *err)
{
    const nb_unzip_limits *lim = limits ? limits : &nb_unzip_default_limits;
    *out = NULL;
    *out_len = 0;
    const unsigned char *eocd = find_eocd(zip, len);
    if (!eocd) {
        nb_error_set(err, "不是完整的 ZIP 文件（找不到目录结尾），文件可能被截断");
        return -1;
    }
    size_t entries = u16(eocd + 10);
    size_t dir_size = u32(eocd + 12), dir_offset = u32(eocd + 16);
    if (entries == 0xFFFF || dir_size == 0xFFFFFFFFu || dir_offset == 0xFFFFFFFFu) {
        nb_error_set(err, "ZIP64 格式的文件不支持");
        return -1;
    }
    if (entries > lim->max_entries) {
        nb_error_set(err, "ZIP 文件有 %zu 个条目，超过上限 %zu，拒绝读取", entries, lim->max_entries);
        return -1;
    }
    if (dir_offset > len || dir_size > len - dir_offset) {
        nb_error_set(err, "ZIP 目录超出文件范围，文件损坏");
        return -1;
    }
    size_t name_len = strlen(name);
    const unsigned char *p = zip + dir_offset, *end = p + dir_size;
    for (size_t i = 0; i < entries; i++) {
        if ((size_t)(end - p) < CENTRAL_SIZE || u32(p) != CENTRAL_SIG) {
            nb_error_set(err, "ZIP 目录损坏（第 %zu 个条目）", i + 1);
            return -1;
        }
        uint32_t flags = u16(p + 8), method = u16(p + 10), crc = u32(p + 16);
        size_t csize = u32(p + 20), usize = u32(p + 24);
        size_t nlen = u16(p + 28), xlen = u16(p + 30), clen = u16(p + 32);
        size_t local = u32(p + 42);
        if ((size_t)(end - p) < CENTRAL_SIZE + nlen + xlen + clen) {
            nb_error_set(err, "ZIP 目录损坏（第 %zu 个条目）", i + 1);
            return -1;
        }
        int match = nlen == name_len && memcmp(p + CENTRAL_SIZE, name, nlen) == 0;
        p += CENTRAL_SIZE + nlen + xlen + clen;
        if (!match)
            continue;
        if (flags & 1) {
            nb_error_set(err, "%s 已加密，无法读取", name);
            return -1;
        }
        if (csize == 0xFFFFFFFFu || usize == 0xFFFFFFFFu || local == 0xFFFFFFFFu) {
            nb_error_set(err, "ZIP64 格式的文件不支持");
            return -1;
        }
        if (usize > lim->max_size) {
            nb_error_set(err, "%s 解压后有 %zu 字节，超过上限 %zu 字节，拒绝读取", name, usize, lim->max_size);
            return -1;
        }
        if (usize > 4096 && (double)usize > lim->max_ratio * (double)(csize ? csize : 1)) {
            nb_error_set(err, "%s 的压缩比异常（%zu 字节压缩为 %zu 字节，超过 %.0f 倍），可能是 ZIP 炸弹，拒绝读取",
                         name, usize, csize, lim->max_ratio);
            return -1;
        }
        if (local > len || len - local < LOCAL_SIZE || u32(zip + local) != LOCAL_SIG) {
            nb_error_set(err, "%s 的本地文件头损坏", name);
            return -1;
        }
        size_t data = local + LOCAL_SIZE + u16(zip + local + 26) + u16(zip + local + 28);
        if (data > len || csize > len - data) {
            nb_error_set(err, "%s 的数据超出文件范围，文件被截断或损坏", name);
            return -1;
        }
        char *buf = malloc(usize + 1);
        if (!buf) {
            nb_error_set(err, "内存不足");
            return -1;
        }
        if (method == 0) {
            if (csize != usize) {
                free(buf);
                nb_error_set(err, "%s 的大小不一致，文件损坏", name);
                return -1;
            }
            memcpy(buf, zip + data, usize);
        } else if (method == 8) {
            if (inflate_entry(zip + data, csize, usize, buf, err) != 0) {
                free(buf);
                return -1;
            }
        } else {
            free(buf);
            nb_error_set(err, "%s 使用了不支持的压缩方法 %u", name, (unsigned)method);
            return -1;
        }
        if ((uint32_t)crc32(0L, (const Bytef *)buf, (uInt)usize) != crc) {
            free(buf);
            nb_error_set(err, "%s 的校验和不符，文件损坏", name);
            return -1;
        }
        buf[usize] = '\0';
        *out = buf;
        *out_len = usize;
        return 1;
    }
    return 0;
}

static int push_buffer(lua_State *L)
{
    lua_pushlstring(L, lua_touserdata(L, 1), (size_t)lua_tointeger(L, 2));
    return 1;
}

/* The entry `name` of the archive at argument 1 under lim: its bytes; nil and a message (and
 * true when with_missing and the entry is not there, the directory read whole and sound). */
static int push_entry(lua_State *L, const nb_unzip_limits *lim, int with_missing)
{
    size_t len;
    const char *zip = luaL_checklstring(L, 1, &len);
    const char *name = luaL_checkstring(L, 2);
    luaL_checkstack(L, 4, NULL);
    char *out;
    size_t out_len;
    nb_error err;
    int rc = nb_unzip_read((const unsigned char *)zip, len, name, lim, &out, &out_len, &err);
    if (rc <= 0) {
        luaL_pushfail(L);
        if (rc == 0)
            lua_pushfstring(L, "ZIP 文件中没有 %s", name);
        else
            lua_pushstring(L, err.message);
        if (rc == 0 && with_missing) {
            lua_pushboolean(L, 1);
            return 3;
        }
        return 2;
    }
    /* copied in a protected call, so that the buffer is freed when memory runs out */
    lua_pushcfunction(L, push_buffer);
    lua_pushlightuserdata(L, out);
    lua_pushinteger(L, (lua_Integer)out_len);
    int status = lua_pcall(L, 2, 1, 0);
    free(out);
    if (status != LUA_OK)
        return lua_error(L);
    return 1;
}

int nb_l_unzip(lua_State *L) { return push_entry(L, NULL, 0); }

int nb_l_unzip_limited(lua_State *L)
{
    nb_unzip_limits lim = nb_unzip_default_limits;
    lim.max_entries = (size_t)luaL_optinteger(L, 3, (lua_Integer)lim.max_entries);
    lim.max_size = (size_t)luaL_optinteger(L, 4, (lua_Integer)lim.max_size);
    lim.max_ratio = luaL_optnumber(L, 5, lim.max_ratio);
    return push_entry(L, &lim, 1);
}
