#define _GNU_SOURCE /* O_TMPFILE */
#include "output.h"

#include "diagnose.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_fully(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static mode_t mode_of(const char *path)
{
    /* Keep the permissions of the file being replaced, or the usual 0644; never its
     * setuid, setgid or sticky bits (a report is no program). */
    struct stat st;
    return stat(path, &st) == 0 ? st.st_mode & 0777 : 0644;
}

/* The data in an unnamed file of dir (O_TMPFILE), named only for the instant between
 * linkat and rename: a process killed while writing leaves nothing behind. Returns 0 or
 * -1 (*err set), or 1 when the file system cannot do it (then a named temporary is used). */
static int write_unnamed(const char *path, const char *dir, const char *base, char *tmp,
                         size_t tmp_size, const char *data, size_t len, nb_error *err)
{
    int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode_of(path));
    if (fd < 0)
        return 1;
    fchmod(fd, mode_of(path)); /* open() applied the umask */
    if (write_fully(fd, data, len) != 0 || fsync(fd) != 0) {
        nb_error_set(err, "%s：写入失败：%s（原文件未改动）", path, nb_os_error(errno));
        close(fd);
        return -1;
    }
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    int linked = -1;
    for (int i = 0; i < 100 && linked != 0; i++) {
        snprintf(tmp, tmp_size, "%s/.%s.%ld.%d", dir, base, (long)getpid(), i);
        linked = linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW);
        if (linked != 0 && errno != EEXIST)
            break;
    }
    close(fd);
    if (linked != 0)
        return 1; /* no /proc, or no hard links here */
    if (rename(tmp, path) != 0) {
        nb_error_set(err, "%s：无法替换文件：%s（原文件未改动）", path, nb_os_error(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

/* -o onto something that is not a regular file (a FIFO, a terminal, /dev/stdout, /dev/null):
 * written into directly, as a shell redirection would; replacing it would destroy it. */
static int write_into(const char *path, const char *data, size_t len, nb_error *err)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        nb_error_set(err, "%s：无法打开：%s", path, strerror(errno));
        return -1;
    }
    int rc = write_fully(fd, data, len);
    if (rc != 0)
        nb_error_set(err, "%s：写入失败：%s", path, strerror(errno));
    if (close(fd) != 0 && rc == 0) {
        nb_error_set(err, "%s：写入失败：%s", path, strerror(errno));
        rc = -1;
    }
    return rc;
}

static int replace_atomic(const char *path, const char *data, size_t len, nb_error *err);

int nb_write_atomic(const char *path, const char *data, size_t len, nb_error *err)
{
    if (strcmp(path, "-") == 0)
        return replace_atomic(path, data, len, err);
    struct stat st, out;
    /* the file standard output already writes to (-o /dev/stdout >report.txt): replacing
     * it would leave the shell's descriptor on the old, unlinked file */
    if (stat(path, &st) == 0 && fstat(STDOUT_FILENO, &out) == 0 && st.st_dev == out.st_dev &&
        st.st_ino == out.st_ino)
        return replace_atomic("-", data, len, err);
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            nb_error_set(err, "%s：是文件夹，不能作为输出文件（原文件未改动）", path);
            return -1;
        }
        return write_into(path, data, len, err);
    }
    /* a symlink: its target is replaced (atomically, in the target's folder), the link stays */
    struct stat lst;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        char *target = realpath(path, NULL);
        if (!target) {
            nb_error_set(err, "%s：符号链接指向的文件不存在或无法解析：%s", path, strerror(errno));
            return -1;
        }
        int rc = replace_atomic(target, data, len, err);
        free(target);
        return rc;
    }
    return replace_atomic(path, data, len, err);
}

static int replace_atomic(const char *path, const char *data, size_t len, nb_error *err)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            nb_error_set(err, "写入标准输出失败：%s", nb_os_error(errno));
            return -1;
        }
        return 0;
    }
    size_t n = strlen(path);
    char *tmp = malloc(n + 32);
    char *dircopy = malloc(n + 1);
    if (!tmp || !dircopy) {
        free(tmp);
        free(dircopy);
        nb_error_set(err, "%s：内存不足", path);
        return -1;
    }
    memcpy(dircopy, path, n + 1);
    const char *dir = dirname(dircopy);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    int done = write_unnamed(path, dir, base, tmp, n + 32, data, len, err);
    if (done != 1) {
        free(tmp);
        free(dircopy);
        return done;
    }
    snprintf(tmp, n + 32, "%s/.%s.XXXXXX", dir, base);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        nb_error_set(err, "%s：无法在目标文件夹中创建临时文件：%s", path, nb_os_error(errno));
        free(tmp);
        free(dircopy);
        return -1;
    }
    fchmod(fd, mode_of(path));
    int rc = -1;
    if (write_fully(fd, data, len) != 0)
        nb_error_set(err, "%s：写入失败：%s（原文件未改动）", path, nb_os_error(errno));
    else if (fsync(fd) != 0)
        nb_error_set(err, "%s：写入磁盘失败：%s（原文件未改动）", path, nb_os_error(errno));
    else
        rc = 0;
    if (close(fd) != 0 && rc == 0) {
        nb_error_set(err, "%s：写入失败：%s（原文件未改动）", path, nb_os_error(errno));
        rc = -1;
    }
    if (rc == 0 && rename(tmp, path) != 0) {
        nb_error_set(err, "%s：无法替换文件：%s（原文件未改动）", path, nb_os_error(errno));
        rc = -1;
    }
    if (rc != 0)
        unlink(tmp);
    free(tmp);
    free(dircopy);
    return rc;
}
