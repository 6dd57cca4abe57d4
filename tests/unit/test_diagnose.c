/* Explanations for data files typed with a Chinese input method (host/diagnose.c). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "diagnose.h"
#include "load.h"

#define assert_contains(hay, needle) \
    do { \
        if (!strstr((hay), (needle))) \
            fail_msg("“%s” lacks “%s”", (hay), (needle)); \
    } while (0)

static int syntax(const char *text, nb_error *err)
{
    return nb_diagnose_syntax(text, strlen(text), "x.lua", err);
}

static void full_width_outside_strings(void **state)
{
    (void)state;
    nb_error err = {{0}};
    assert_true(syntax("return {\n  year = 2024，\n}", &err));
    assert_contains(err.message, "x.lua:2:");
    assert_contains(err.message, "“，”");
    assert_contains(err.message, "请改为英文半角的“,”");
    assert_true(syntax("return { agency = “某局” }", &err));
    assert_contains(err.message, "请改为英文半角的“\"”");
    assert_true(syntax("return {\n\n licensing = ３ }", &err));
    assert_contains(err.message, "x.lua:3:");
    assert_contains(err.message, "请改为英文半角的“3”");
    /* no colon is valid outside a string: "year：2024" means "=", and ":" would only lead to
     * another error */
    assert_true(syntax("return { year： 2024 }", &err));
    assert_contains(err.message, "请改为英文半角的“=”");
    /* full-width letters and other ASCII forms (typed in 全角 mode) */
    assert_true(syntax("return {\n  ｙｅａｒ = 2024 }", &err));
    assert_contains(err.message, "x.lua:2:");
    assert_contains(err.message, "请改为英文半角的“y”");
    assert_true(syntax("return { a = 1 ＋ 2 }", &err));
    assert_contains(err.message, "请改为英文半角的“+”");
    assert_true(syntax("return （ }", &err));
    assert_contains(err.message, "“(”");
}

static void chinese_inside_strings_and_comments_is_fine(void **state)
{
    (void)state;
    nb_error err = {{0}};
    assert_false(syntax("-- 注释，全角\nreturn { agency = \"某局，（）\", t = [[长文字：“”]], u = '单引号，' }", &err));
    assert_false(syntax("--[==[ 长注释，\n]] 还在注释里 ]==] return { a = [=[ ]] ，]=] }", &err));
    assert_false(syntax("return { a = \"转义\\\"，仍在字符串\" }", &err));
    /* outside: named even when it is no punctuation the table knows */
    assert_true(syntax("return { 机关 = 1 }", &err));
    assert_contains(err.message, "“机”在引号之外");
}

/* The line named is the one Lua names for the same file: every line break counts once, as
 * the lexer counts it ("\r\n" and "\n\r" are one, "\r" alone is one), in comments and in
 * strings too; an escaped line break continues a string. */
static void lines_counted_as_lua_counts_them(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int line;
    } cases[] = {
        {"return {\r a = 1,\r b = 2\xef\xbc\x8c\r}", 3},
        {"return {\r\n a = 1,\r\n b = 2\xef\xbc\x8c }", 3},
        {"return {\n\r a = 1,\n\r\n\r b = 2\xef\xbc\x8c }", 4},
        {"-- c\r--[[\r\r]] return { a = \xef\xbc\x93 }", 4},
        {"return { a = [[\r\n\r\n]], b = \xef\xbc\x93 }", 3},
        {"return { a = \"x\\\r\ny\", b = 2\xef\xbc\x8c }", 2},
        {"return { a = 'x\\\ry', b = 2\xef\xbc\x8c }", 2},
        /* \z skips the line breaks after it: the string goes on past them */
        {"return {\n a = \"x\\z\n  \xe4\xb8\xad\",\n b = 2\xef\xbc\x8c }", 4},
        {"return {\n a = \"x\\z\r\n\r\n  y\", b = 2\xef\xbc\x8c }", 4},
        {"return { a = '\\z\n', b = 'y\\z\n\\\n', c = 3\xef\xbc\x8c }", 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nb_error err = {{0}};
        if (!syntax(cases[i].text, &err))
            fail_msg("case %zu: nothing found", i);
        char want[32];
        snprintf(want, sizeof want, "x.lua:%d:", cases[i].line);
        if (!strstr(err.message, want))
            fail_msg("case %zu: “%s” lacks “%s”", i, err.message, want);
    }
}

/* Whether s is UTF-8: every lead byte followed by its continuation bytes (enough for a test). */
static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0)
            return 0;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

/* A byte that starts no UTF-8 character is named by its value, never copied into the message
 * (which JSON, CSV and the workbook carry: they must stay UTF-8). */
static void stray_byte_outside_strings(void **state)
{
    (void)state;
    nb_error err = {{0}};
    assert_true(syntax("return {\n \x9f = 1 }", &err));
    assert_contains(err.message, "x.lua:2:");
    assert_contains(err.message, "0x9F");
    assert_true(valid_utf8(err.message));
    assert_true(syntax("return { a = 1 \xe6\x97 }", &err)); /* a character cut short */
    assert_contains(err.message, "0xE6");
    assert_true(valid_utf8(err.message));
}

static void encodings(void **state)
{
    (void)state;
    nb_error err = {{0}};
    /* "return { agency = "民政局" }" in GB18030 */
    const char gbk[] = "return { agency = \"\xc3\xf1\xd5\xfe\xbe\xd6\xc3\xf1\xd5\xfe\xbe\xd6\" }";
    assert_true(nb_diagnose_encoding(gbk, sizeof gbk - 1, "g.lua", &err));
    assert_contains(err.message, "GBK/GB18030");
    assert_contains(err.message, "另存为 UTF-8");
    const char utf16[] = "\xff\xfer\0e\0t\0u\0r\0n\0";
    assert_true(nb_diagnose_encoding(utf16, sizeof utf16 - 1, "u.lua", &err));
    assert_contains(err.message, "UTF-16");
    const char utf16_nobom[] = "r\0e\0t\0u\0r\0n\0 \0{\0 \0}\0";
    assert_true(nb_diagnose_encoding(utf16_nobom, sizeof utf16_nobom - 1, "u.lua", &err));
    /* without a BOM, opening with Chinese (a comment): its ASCII further on still tells */
    const char utf16_chinese[] = "-\0-\0 \0\x11\x6c\x3f\x65\x40\x5c\x11\x6c\x3f\x65\x40\x5c\x11\x6c\x3f\x65\x40\x5c"
                                 "\x11\x6c\x3f\x65\x40\x5c\x11\x6c\x3f\x65\x40\x5c\x11\x6c\x3f\x65\x40\x5c"
                                 "\x11\x6c\x3f\x65\x40\x5c\x11\x6c\x3f\x65\x40\x5c\x11\x6c\x3f\x65\x40\x5c"
                                 "\n\0r\0e\0t\0u\0r\0n\0 \0{\0 \0y\0e\0a\0r\0 \0=\0 \0""2\0""0\0""2\0""4\0 \0}\0";
    assert_true(nb_diagnose_encoding(utf16_chinese, sizeof utf16_chinese - 1, "u.lua", &err));
    assert_contains(err.message, "UTF-16");
    /* NUL bytes on both sides are binary, not UTF-16: left to the NUL check */
    const char binary[] = "\0\0\1\2\0\0\3\4\0\0\5\6\0\0\7\x08\0\0\x09\x0a\0\0\x0b\x0c\0\0\x0d\x0e\0\0\x0f\x10"
                          "\0\0\x11\x12\0\0\x13\x14\0\0\x15\x16\0\0\x17\x18\0\0\x19\x1a\0\0\x1b\x1c\0\0\x1d\x1e";
    assert_false(nb_diagnose_encoding(binary, sizeof binary - 1, "b.lua", &err));
    const char utf8[] = "return { agency = \"民政局\" }";
    assert_false(nb_diagnose_encoding(utf8, sizeof utf8 - 1, "u.lua", &err));
    /* one stray byte in UTF-8 text is no encoding: the string check names it */
    const char stray[] = "return { agency = \"民政\xff局\" }";
    assert_false(nb_diagnose_encoding(stray, sizeof stray - 1, "s.lua", &err));
    /* and the loader says it first, before the NUL check would */
    assert_null(nb_load_buffer(utf16, sizeof utf16 - 1, "u.lua", NULL, &err));
    assert_contains(err.message, "UTF-16");
}

/* The verdict on GBK, by the plain count the scanner's shortcuts (ASCII eight bytes at a
 * time, stopping once the valid sequences cannot be outnumbered) must agree with: every
 * byte read, valid UTF-8 sequences and invalid bytes counted to the end. */
static int plain_gbk_verdict(const unsigned char *p, size_t n)
{
    size_t valid = 0, invalid = 0;
    for (size_t i = 0; i < n;) {
        size_t len = p[i] < 0x80 ? 1 : p[i] >= 0xF0 && p[i] <= 0xF4 ? 4 : p[i] >= 0xE0 && p[i] < 0xF0 ? 3
                                                           : p[i] >= 0xC2 && p[i] < 0xE0 ? 2 : 0;
        int ok = len > 0 && len <= n - i;
        for (size_t k = 1; ok && k < len; k++)
            ok = (p[i + k] & 0xC0) == 0x80;
        if (!ok) {
            invalid++;
            i++;
        } else {
            valid += len > 1;
            i += len;
        }
    }
    if (invalid < 8 || invalid < valid)
        return 0;
    for (size_t i = 0; i < n;) { /* and it reads as GB18030 */
        if (p[i] < 0x80)
            i++;
        else if (p[i] >= 0x81 && p[i] <= 0xFE && i + 1 < n && p[i + 1] >= 0x40 && p[i + 1] <= 0xFE && p[i + 1] != 0x7F)
            i += 2;
        else if (p[i] >= 0x81 && p[i] <= 0xFE && i + 3 < n && p[i + 1] >= 0x30 && p[i + 1] <= 0x39 &&
                 p[i + 2] >= 0x81 && p[i + 2] <= 0xFE && p[i + 3] >= 0x30 && p[i + 3] <= 0x39)
            i += 4;
        else
            return 0;
    }
    return 1;
}

static void encoding_shortcuts_agree(void **state)
{
    (void)state;
    /* pieces a data file is made of: ASCII runs, Chinese in UTF-8, GBK pairs, stray bytes */
    static const char *const pieces[] = {"return {", " ", "  year = 2024,\n", "\"", "民政局", "。", "\xc3\xf1",
                                         "\xd5\xfe\xbe\xd6", "\xff", "\xe6\x97", "\xc2\xa0", "\xf0\x9f\x98\x80", "x"};
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 12345;
    int gbk = 0, utf8 = 0;
    for (int round = 0; round < 20000; round++) {
        unsigned char buf[512];
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        int count = (int)(seed >> 16) % 40;
        /* most rounds lean to one kind, as real files do */
        int lean = round % 3;
        for (int k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t pick = (seed >> 16) % npieces;
            if (lean == 1 && pick >= 6 && pick <= 7 && (seed & 0x100))
                pick = 4;
            if (lean == 2 && pick >= 4 && (seed & 0x300)) /* mostly GBK, some of the rest */
                pick = 6 + ((seed >> 9) & 1);
            size_t len = strlen(pieces[pick]);
            if (n + len > sizeof buf)
                break;
            memcpy(buf + n, pieces[pick], len);
            n += len;
        }
        nb_error err = {{0}};
        int want = plain_gbk_verdict(buf, n);
        int got = nb_diagnose_encoding((const char *)buf, n, "r.lua", &err);
        if (got != want)
            fail_msg("round %d: the scanner says %d, the plain count %d", round, got, want);
        gbk += want;
        utf8 += !want;
    }
    if (gbk < 1000 || utf8 < 1000) /* both verdicts were tried */
        fail_msg("GBK %d times, not GBK %d times", gbk, utf8);
}

static void key_lines(void **state)
{
    (void)state;
    const char text[] = "return {\n  requests = {\n    new = { 1 },\n    withheld = {\n      state_secrt = { 0 },\n    },\n  },\n  state_secrt = 1,\n}";
    assert_int_equal(nb_diagnose_key_line(text, strlen(text), "requests.withheld.state_secrt"), 5);
    assert_int_equal(nb_diagnose_key_line(text, strlen(text), "state_secrt"), 5); /* the first one */
    assert_int_equal(nb_diagnose_key_line(text, strlen(text), "requests.new[1]"), 3);
    assert_int_equal(nb_diagnose_key_line(text, strlen(text), "nothing"), 0);
}

static void lua_messages(void **state)
{
    (void)state;
    char out[800];
    nb_diagnose_lua_message("'}' expected (to close '{' at line 3) near 'x'", out, sizeof out);
    assert_contains(out, "缺少“}”（与第 3 行的“{”配对）");
    assert_contains(out, "'x'");
    nb_diagnose_lua_message("unfinished string near '\"abc'", out, sizeof out);
    assert_contains(out, "字符串没有结束");
    nb_diagnose_lua_message("'}' expected near <eof>", out, sizeof out);
    assert_contains(out, "在文件末尾");
    /* a key without "=" in a table on one line ("{ issued 0, ... }", table 二's rows) */
    nb_diagnose_lua_message("'}' expected near '0'", out, sizeof out);
    assert_contains(out, "逗号“,”");
    assert_contains(out, "等号“=”");
    /* a half-width colon where "=" belongs ("year: 2024", "year:x") */
    nb_diagnose_lua_message("<name> expected near '2024'", out, sizeof out);
    assert_contains(out, "英文等号“=”");
    assert_contains(out, "'2024'");
    assert_null(strstr(out, "expected"));
    nb_diagnose_lua_message("function arguments expected near '}'", out, sizeof out);
    assert_contains(out, "英文等号“=”");
    assert_null(strstr(out, "expected"));
    /* the escapes of a string, all in one explanation */
    const char *escapes[] = {"hexadecimal digit expected near '\"\\xZ'", "decimal escape too large near '\"\\999'",
                             "UTF-8 value too large near '\"\\u{7FFFFFFFF'", "missing '{' near '\"\\u'",
                             "missing '}' near '\"\\u{41'"};
    for (size_t i = 0; i < sizeof escapes / sizeof *escapes; i++) {
        nb_diagnose_lua_message(escapes[i], out, sizeof out);
        assert_contains(out, "反斜杠");
    }
    nb_diagnose_lua_message("invalid long string delimiter near '[='", out, sizeof out);
    assert_contains(out, "长文字");
    nb_diagnose_lua_message("something new near 'y'", out, sizeof out);
    assert_string_equal(out, "something new near 'y'"); /* unknown: kept as Lua wrote it */
}

static void os_errors(void **state)
{
    (void)state;
    assert_string_equal(nb_os_error(ENOENT), "文件或目录不存在");
    assert_string_equal(nb_os_error(EISDIR), "这是一个目录，不是文件");
    assert_non_null(nb_os_error(12345)); /* unknown: the system's text */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(full_width_outside_strings),
        cmocka_unit_test(chinese_inside_strings_and_comments_is_fine),
        cmocka_unit_test(stray_byte_outside_strings),
        cmocka_unit_test(encodings),
        cmocka_unit_test(encoding_shortcuts_agree),
        cmocka_unit_test(lines_counted_as_lua_counts_them),
        cmocka_unit_test(key_lines),
        cmocka_unit_test(lua_messages),
        cmocka_unit_test(os_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
