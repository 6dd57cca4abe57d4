/* The ZIP reader (host/unzip.c) on archives built byte by byte here: a stored entry is read
 * and its CRC checked; every bound (entry count, directory and data inside the file, sizes,
 * ratio, the declared size) refuses the archive with a message, never reads past it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "testutil.h"
#include "unzip.h"

typedef struct {
    unsigned char data[1 << 16];
    size_t len;
} zipbuf;

static void p16(zipbuf *z, unsigned v) { z->data[z->len++] = v & 0xff; z->data[z->len++] = (v >> 8) & 0xff; }
static void p32(zipbuf *z, unsigned long v) { p16(z, v & 0xffff); p16(z, (v >> 16) & 0xffff); }
static void pbytes(zipbuf *z, const void *p, size_t n) { memcpy(z->data + z->len, p, n); z->len += n; }

/* One entry `name` holding `body` (method 0 stored or 8 deflated); the central directory
 * declares `declared` uncompressed bytes (the real size when 0) and `entries` entries. */
static void build(zipbuf *z, const char *name, const char *body, int method, unsigned long declared,
                  unsigned entries)
{
    memset(z, 0, sizeof *z);
    size_t blen = strlen(body), nlen = strlen(name);
    unsigned char packed[8192];
    size_t plen = blen;
    if (method == 8) {
        z_stream s;
        memset(&s, 0, sizeof s);
        assert_int_equal(deflateInit2(&s, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
        s.next_in = (unsigned char *)body;
        s.avail_in = (uInt)blen;
        s.next_out = packed;
        s.avail_out = sizeof packed;
        assert_int_equal(deflate(&s, Z_FINISH), Z_STREAM_END);
        plen = sizeof packed - s.avail_out;
        deflateEnd(&s);
    } else {
        memcpy(packed, body, blen);
    }
    unsigned long crc = crc32(0L, (const Bytef *)body, (uInt)blen);
    p32(z, 0x04034b50); p16(z, 20); p16(z, 0); p16(z, method); p16(z, 0); p16(z, 0);
    p32(z, crc); p32(z, plen); p32(z, blen); p16(z, nlen); p16(z, 0);
    pbytes(z, name, nlen);
    pbytes(z, packed, plen);
    size_t dir = z->len;
    p32(z, 0x02014b50); p16(z, 20); p16(z, 20); p16(z, 0); p16(z, method); p16(z, 0); p16(z, 0);
    p32(z, crc); p32(z, plen); p32(z, declared ? declared : blen); p16(z, nlen); p16(z, 0); p16(z, 0);
    p16(z, 0); p16(z, 0); p32(z, 0); p32(z, 0);
    pbytes(z, name, nlen);
    size_t dir_size = z->len - dir;
    p32(z, 0x06054b50); p16(z, 0); p16(z, 0); p16(z, entries); p16(z, entries);
    p32(z, dir_size); p32(z, dir); p16(z, 0);
}

static int read_entry(const zipbuf *z, const char *name, char **out, size_t *len, nb_error *err)
{
    return nb_unzip_read(z->data, z->len, name, NULL, out, len, err);
}

static void test_stored_and_deflated(void **state)
{
    (void)state;
    zipbuf z;
    char *out;
    size_t len;
    nb_error err;
    build(&z, "word/document.xml", "<w:document/>", 0, 0, 1);
    assert_int_equal(read_entry(&z, "word/document.xml", &out, &len, &err), 1);
    assert_int_equal(len, 13);
    assert_string_equal(out, "<w:document/>");
    free(out);
    assert_int_equal(read_entry(&z, "word/other.xml", &out, &len, &err), 0);
    build(&z, "a", "text text text text", 8, 0, 1);
    assert_int_equal(read_entry(&z, "a", &out, &len, &err), 1);
    assert_string_equal(out, "text text text text");
    free(out);
}

static void test_crc(void **state)
{
    (void)state;
    zipbuf z;
    char *out;
    size_t len;
    nb_error err;
    build(&z, "a", "hello", 0, 0, 1);
    z.data[30 + 1] ^= 1; /* one bit of the stored data */
    assert_int_equal(read_entry(&z, "a", &out, &len, &err), -1);
    assert_contains(err.message, "校验和不符");
}

static void test_bounds(void **state)
{
    (void)state;
    zipbuf z;
    char *out;
    size_t len;
    nb_error err;
    /* too many entries declared */
    build(&z, "a", "x", 0, 0, 20000);
    assert_int_equal(read_entry(&z, "a", &out, &len, &err), -1);
    assert_contains(err.message, "超过上限");
    /* more entries declared than the directory holds: the reader stops at its end */
    build(&z, "a", "x", 0, 0, 3);
    assert_int_equal(read_entry(&z, "b", &out, &len, &err), -1);
    assert_contains(err.message, "目录损坏");
    /* the directory offset points past the file */
    build(&z, "a", "x", 0, 0, 1);
    z.data[z.len - 6 + 3] = 0x7f;
    assert_int_equal(read_entry(&z, "a", &out, &len, &err), -1);
    assert_contains(err.message, "超出文件范围");
    /* no end record at all (a cut file) */
    build(&z, "a", "x", 0, 0, 1);
    z.len -= 10;
    assert_int_equal(read_entry(&z, "a", &out, &len, &err), -1);
    assert_contains(err.message, "截断");
    /* ZIP64 markers */
    build(&z, "a", "x", 0, 0xFFFFFFFFul, 1);
    assert_int_equal(read_entry(&z, "a", &out, &len, &err), -1);
    assert_contains(err.message, "ZIP64");
}

static void test_sizes(void **state)
{
    (void)state;
    zipbuf z;
    char *out;
    size_t len;
    nb_error err;
    static char zeros[6000];
    memset(zeros, '0', sizeof zeros - 1);
    /* a ratio far above 200 (6000 zeros pack to a few bytes): a bomb */
    build(&z, "a", zeros, 8, 0, 1);
    assert_int_equal(read_entry(&z, "a", &out, &len, &err), -1);
    assert_contains(err.message, "ZIP 炸弹");
    /* above the size limit */
    build(&z, "a", "x", 0, 0, 1);
    nb_unzip_limits small = nb_unzip_default_limits;
    small.max_size = 0;
    assert_int_equal(nb_unzip_read(z.data, z.len, "a", &small, &out, &len, &err), -1);
    assert_contains(err.message, "超过上限");
    /* a declared size smaller than the data: refused, not overflowed */
    build(&z, "a", "some text that is longer than four bytes", 8, 4, 1);
    assert_int_equal(read_entry(&z, "a", &out, &len, &err), -1);
    assert_contains(err.message, "超过目录中声明的大小");
    /* stored data whose sizes disagree */
    build(&z, "a", "hello", 0, 7, 1);
    assert_int_equal(read_entry(&z, "a", &out, &len, &err), -1);
    assert_contains(err.message, "大小不一致");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stored_and_deflated),
        cmocka_unit_test(test_crc),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
