/* Atomic output: a write replaces the file whole, and a failed write leaves nothing behind. */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "output.h"
#include "testutil.h"

/* Entries of the folder, not counting . and .. */
static int entries(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void writes_and_replaces(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/report.txt", test_dir);
    nb_error err;
    const char *first = "第一版：一段较长的内容，用来确认替换后不会残留旧内容的尾部。\n";
    assert_int_equal(nb_write_atomic(path, first, strlen(first), &err), 0);
    char *got = read_file(path, NULL);
    assert_string_equal(got, first);
    free(got);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    /* replace with shorter text; the mode the user gave the file is kept */
    assert_int_equal(chmod(path, 0600), 0);
    const char *second = "第二版\n";
    assert_int_equal(nb_write_atomic(path, second, strlen(second), &err), 0);
    size_t len;
    got = read_file(path, &len);
    assert_int_equal(len, strlen(second));
    assert_string_equal(got, second);
    free(got);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    /* no temporary file left in the folder */
    assert_int_equal(entries(test_dir), 1);
    /* binary-safe: NUL bytes and an empty file */
    assert_int_equal(nb_write_atomic(path, "a\0b", 3, &err), 0);
    got = read_file(path, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(got, "a\0b", 3);
    free(got);
    assert_int_equal(nb_write_atomic(path, "", 0, &err), 0);
    got = read_file(path, &len);
    assert_int_equal(len, 0);
    free(got);
    unlink(path);
}

static void missing_folder_fails_and_leaves_nothing(void **state)
{
    (void)state;
    char path[160];
    snprintf(path, sizeof path, "%s/no-such-folder/report.txt", test_dir);
    nb_error err = {{0}};
    assert_int_equal(nb_write_atomic(path, "x", 1, &err), -1);
    assert_contains(err.message, path);
    assert_contains(err.message, "临时文件");
    char sub[160];
    snprintf(sub, sizeof sub, "%s/no-such-folder", test_dir);
    struct stat st;
    assert_int_not_equal(stat(sub, &st), 0); /* the folder was not created */
    assert_int_equal(entries(test_dir), 0);
}

/* A target that cannot be replaced (a folder): the error names it, the folder is untouched,
 * and the temporary file is removed. */
static void unreplaceable_target_leaves_no_temporary(void **state)
{
    (void)state;
    char path[128], inner[160];
    snprintf(path, sizeof path, "%s/taken", test_dir);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(inner, sizeof inner, "%s/keep.txt", path);
    nb_error err;
    assert_int_equal(nb_write_atomic(inner, "keep", 4, &err), 0);
    assert_int_equal(nb_write_atomic(path, "x", 1, &err), -1);
    assert_contains(err.message, path);
    assert_contains(err.message, "原文件未改动");
    assert_int_equal(entries(test_dir), 1);  /* only the folder itself */
    assert_int_equal(entries(path), 1); /* still just keep.txt */
    char *got = read_file(inner, NULL);
    assert_string_equal(got, "keep");
    free(got);
    unlink(inner);
    rmdir(path);
}

/* A read-only folder: refused, the existing file keeps its content. */
static void read_only_folder_keeps_old_file(void **state)
{
    (void)state;
    if (geteuid() == 0)
        skip(); /* root writes anywhere */
    char sub[128], path[160];
    snprintf(sub, sizeof sub, "%s/ro", test_dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    snprintf(path, sizeof path, "%s/report.txt", sub);
    nb_error err;
    assert_int_equal(nb_write_atomic(path, "old", 3, &err), 0);
    assert_int_equal(chmod(sub, 0555), 0);
    assert_int_equal(nb_write_atomic(path, "new", 3, &err), -1);
    assert_contains(err.message, path);
    char *got = read_file(path, NULL);
    assert_string_equal(got, "old");
    free(got);
    assert_int_equal(entries(sub), 1);
    chmod(sub, 0755);
}

/* A symlink: its target is replaced (atomically) and the link stays a link. */
static void symlink_target_is_replaced(void **state)
{
    (void)state;
    char target[128], link[128];
    snprintf(target, sizeof target, "%s/target.txt", test_dir);
    snprintf(link, sizeof link, "%s/link.txt", test_dir);
    nb_error err;
    int before = entries(test_dir);
    assert_int_equal(nb_write_atomic(target, "old\n", 4, &err), 0);
    assert_int_equal(symlink("target.txt", link), 0);
    assert_int_equal(nb_write_atomic(link, "new\n", 4, &err), 0);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    char *got = read_file(target, NULL);
    assert_string_equal(got, "new\n");
    free(got);
    /* a dangling link is refused with its name, and nothing is created */
    unlink(target);
    assert_int_equal(nb_write_atomic(link, "x", 1, &err), -1);
    assert_contains(err.message, "link.txt");
    assert_int_equal(entries(test_dir), before + 1);
    unlink(link);
}

/* A FIFO (like /dev/stdout or a device) is written into, not replaced by a file. */
static void fifo_is_written_into(void **state)
{
    (void)state;
    char fifo[128];
    snprintf(fifo, sizeof fifo, "%s/pipe", test_dir);
    int before = entries(test_dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    int rd = open(fifo, O_RDWR | O_NONBLOCK); /* a reader, so the write does not block */
    assert_true(rd >= 0);
    nb_error err;
    assert_int_equal(nb_write_atomic(fifo, "report\n", 7, &err), 0);
    char buf[16] = {0};
    assert_int_equal(read(rd, buf, sizeof buf), 7);
    assert_string_equal(buf, "report\n");
    close(rd);
    struct stat st;
    assert_int_equal(lstat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_int_equal(entries(test_dir), before + 1);
    unlink(fifo);
    /* a folder is refused */
    assert_int_equal(nb_write_atomic(test_dir, "x", 1, &err), -1);
    assert_contains(err.message, "文件夹");
}

/* The mode of a replaced file is kept, but never its setuid/setgid/sticky bits. */
static void setuid_bits_are_not_carried(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/suid", test_dir);
    nb_error err;
    assert_int_equal(nb_write_atomic(path, "x", 1, &err), 0);
    assert_int_equal(chmod(path, 06755), 0);
    assert_int_equal(nb_write_atomic(path, "report", 6, &err), 0);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0755);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writes_and_replaces),
        cmocka_unit_test(missing_folder_fails_and_leaves_nothing),
        cmocka_unit_test(unreplaceable_target_leaves_no_temporary),
        cmocka_unit_test(read_only_folder_keeps_old_file),
        cmocka_unit_test(symlink_target_is_replaced),
        cmocka_unit_test(fifo_is_written_into),
        cmocka_unit_test(setuid_bits_are_not_carried),
    };
    return cmocka_run_group_tests(tests, make_test_dir, remove_test_dir);
}
