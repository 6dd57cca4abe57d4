/* Windows: atomic file writing (host/output.c on Linux). The data goes to a new file in the
 * target folder, is flushed to disk and replaces the target in one step (ReplaceFileW keeps
 * the replaced file's attributes and permissions; MoveFileExW when there is none). A failed
 * write leaves the existing file as it was and no temporary file behind. */
#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>

#include "compat.h"

static void set_win_error(nb_error *err, const char *path, const char *what)
{
    nb_win_set_errno();
    nb_error_set(err, "%s：%s：%s（原文件未改动）", path, what, strerror(errno));
}

static int write_all(HANDLE h, const char *data, size_t len)
{
    while (len > 0) {
        DWORD chunk = len > (1u << 30) ? (1u << 30) : (DWORD)len, done = 0;
        if (!WriteFile(h, data, chunk, &done, NULL))
            return -1;
        data += done;
        len -= done;
    }
    return 0;
}

int nb_write_atomic(const char *path, const char *data, size_t len, nb_error *err)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            nb_error_set(err, "写入标准输出失败：%s", strerror(errno));
            return -1;
        }
        return 0;
    }
    wchar_t *target = nb_win_wide(path);
    if (!target) {
        nb_error_set(err, "%s：文件名不是有效的 UTF-8", path);
        return -1;
    }
    /* only a regular file is replaced: not a folder, a link or junction, or a device */
    DWORD attr = GetFileAttributesW(target);
    if (attr != INVALID_FILE_ATTRIBUTES &&
        (attr & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_DEVICE))) {
        nb_error_set(err, "%s：不是普通文件，不能写入（原文件未改动）", path);
        free(target);
        return -1;
    }
    size_t n = wcslen(target);
    size_t cut = n; /* the folder part ends after the last separator */
    while (cut > 0 && target[cut - 1] != L'\\' && target[cut - 1] != L'/' && target[cut - 1] != L':')
        cut--;
    wchar_t *tmp = malloc((n + 48) * sizeof *tmp);
    if (!tmp) {
        free(target);
        nb_error_set(err, "%s：内存不足", path);
        return -1;
    }
    HANDLE h = INVALID_HANDLE_VALUE;
    for (int i = 0; i < 100 && h == INVALID_HANDLE_VALUE; i++) {
        swprintf(tmp, n + 48, L"%.*ls.%ls.%lu.%d.tmp", (int)cut, target, target + cut,
                 (unsigned long)GetCurrentProcessId(), i);
        h = CreateFileW(tmp, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
        if (h == INVALID_HANDLE_VALUE && GetLastError() != ERROR_FILE_EXISTS)
            break;
    }
    int rc = -1;
    if (h == INVALID_HANDLE_VALUE) {
        set_win_error(err, path, "无法在目标文件夹中创建临时文件");
        free(tmp);
        free(target);
        return -1;
    }
    if (write_all(h, data, len) != 0)
        set_win_error(err, path, "写入失败");
    else if (!FlushFileBuffers(h))
        set_win_error(err, path, "写入磁盘失败");
    else
        rc = 0;
    CloseHandle(h);
    if (rc == 0) {
        BOOL done = attr != INVALID_FILE_ATTRIBUTES &&
                    ReplaceFileW(target, tmp, NULL, REPLACEFILE_IGNORE_MERGE_ERRORS, NULL, NULL);
        if (!done && !MoveFileExW(tmp, target, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
            set_win_error(err, path, "无法替换文件");
            rc = -1;
        }
    }
    if (rc != 0)
        DeleteFileW(tmp);
    free(tmp);
    free(target);
    return rc;
}
