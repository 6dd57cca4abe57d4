/* Windows: the UTF-8 wrappers declared in compat.h. This file calls the real functions. */
#include "compat.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>
#include <shellapi.h>

#undef fopen
#undef freopen
#undef remove
#undef rename
#undef getenv
#undef stat
#undef _stat64
#undef _findfirst64i32
#undef _findnext64i32
#undef _mkdir
#undef system

wchar_t *nb_win_wide(const char *s)
{
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
    if (n <= 0) {
        errno = EILSEQ;
        return NULL;
    }
    wchar_t *w = malloc((size_t)n * sizeof *w);
    if (!w) {
        errno = ENOMEM;
        return NULL;
    }
    MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w, n);
    return w;
}

char *nb_win_utf8(const wchar_t *w)
{
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    if (n <= 0) {
        errno = EILSEQ;
        return NULL;
    }
    char *s = malloc((size_t)n);
    if (!s) {
        errno = ENOMEM;
        return NULL;
    }
    WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
    return s;
}

/* A Windows error as the errno the C callers print with strerror. */
static int errno_of(DWORD e)
{
    switch (e) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_NAME:
        return ENOENT;
    case ERROR_ACCESS_DENIED:
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION:
        return EACCES;
    case ERROR_ALREADY_EXISTS:
    case ERROR_FILE_EXISTS:
        return EEXIST;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL:
        return ENOSPC;
    case ERROR_NOT_SAME_DEVICE:
        return EXDEV;
    default:
        return EIO;
    }
}

void nb_win_set_errno(void) { errno = errno_of(GetLastError()); }

FILE *nb_win_fopen(const char *path, const char *mode)
{
    wchar_t *wp = nb_win_wide(path), *wm = nb_win_wide(mode);
    FILE *f = wp && wm ? _wfopen(wp, wm) : NULL;
    free(wp);
    free(wm);
    return f;
}

FILE *nb_win_freopen(const char *path, const char *mode, FILE *old)
{
    if (!path) /* C99: change the mode only; msvcrt cannot, the stream stays */
        return old;
    wchar_t *wp = nb_win_wide(path), *wm = nb_win_wide(mode);
    FILE *f = wp && wm ? _wfreopen(wp, wm, old) : NULL;
    free(wp);
    free(wm);
    return f;
}

int nb_win_remove(const char *path)
{
    wchar_t *wp = nb_win_wide(path);
    int r = wp ? _wremove(wp) : -1;
    if (r != 0 && wp && GetFileAttributesW(wp) & FILE_ATTRIBUTE_DIRECTORY)
        r = _wrmdir(wp); /* as POSIX remove(): an empty folder too */
    free(wp);
    return r;
}

/* POSIX rename replaces an existing file; msvcrt's refuses. */
int nb_win_rename(const char *from, const char *to)
{
    wchar_t *wf = nb_win_wide(from), *wt = nb_win_wide(to);
    int r = -1;
    if (wf && wt) {
        if (MoveFileExW(wf, wt, MOVEFILE_REPLACE_EXISTING | MOVEFILE_COPY_ALLOWED))
            r = 0;
        else
            nb_win_set_errno();
    }
    free(wf);
    free(wt);
    return r;
}

/* getenv returns a pointer that stays valid: one converted copy per name, kept */
typedef struct env_entry {
    struct env_entry *next;
    char *name, *value;
} env_entry;
static env_entry *env_cache;

char *nb_win_getenv(const char *name)
{
    wchar_t *wn = nb_win_wide(name);
    if (!wn)
        return NULL;
    const wchar_t *wv = _wgetenv(wn);
    free(wn);
    if (!wv)
        return NULL;
    char *v = nb_win_utf8(wv);
    if (!v)
        return NULL;
    for (env_entry *e = env_cache; e; e = e->next)
        if (strcmp(e->name, name) == 0) {
            if (strcmp(e->value, v) != 0) {
                free(e->value);
                e->value = v;
            } else {
                free(v);
            }
            return e->value;
        }
    env_entry *e = malloc(sizeof *e);
    char *n = strdup(name);
    if (!e || !n) {
        free(e);
        free(n);
        free(v);
        return NULL;
    }
    *e = (env_entry){env_cache, n, v};
    env_cache = e;
    return v;
}

int nb_win_stat64(const char *path, struct _stat64 *st)
{
    wchar_t *wp = nb_win_wide(path);
    int r = wp ? _wstat64(wp, st) : -1;
    free(wp);
    return r;
}

_Static_assert(sizeof(struct nb_win_stati64) == sizeof(struct _stat64) &&
                   offsetof(struct nb_win_stati64, st_size) == offsetof(struct _stat64, st_size) &&
                   offsetof(struct nb_win_stati64, st_ctime) == offsetof(struct _stat64, st_ctime),
               "the layout of _stat64");
int nb_win_stati64(const char *path, struct nb_win_stati64 *st)
{
    return nb_win_stat64(path, (struct _stat64 *)st);
}

int nb_win_stat(const char *path, struct stat *st)
{
    struct _stat64 s;
    if (nb_win_stat64(path, &s) != 0)
        return -1;
    memset(st, 0, sizeof *st);
    st->st_dev = s.st_dev;
    st->st_ino = s.st_ino;
    st->st_mode = s.st_mode;
    st->st_nlink = s.st_nlink;
    st->st_uid = s.st_uid;
    st->st_gid = s.st_gid;
    st->st_rdev = s.st_rdev;
    st->st_size = (_off_t)s.st_size;
    st->st_atime = s.st_atime;
    st->st_mtime = s.st_mtime;
    st->st_ctime = s.st_ctime;
    return 0;
}

int nb_win_mkdir(const char *path)
{
    wchar_t *wp = nb_win_wide(path);
    int r = wp ? _wmkdir(wp) : -1;
    free(wp);
    return r;
}

static int find_result(const struct _wfinddata64i32_t *w, struct _finddata64i32_t *fd)
{
    char *name = nb_win_utf8(w->name);
    if (!name)
        return -1;
    fd->attrib = w->attrib;
    fd->time_create = w->time_create;
    fd->time_access = w->time_access;
    fd->time_write = w->time_write;
    fd->size = w->size;
    size_t n = strlen(name);
    if (n >= sizeof fd->name) { /* a cut name would be some other file */
        free(name);
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(fd->name, name, n + 1);
    free(name);
    return 0;
}

intptr_t nb_win_findfirst(const char *pattern, struct _finddata64i32_t *fd)
{
    wchar_t *wp = nb_win_wide(pattern);
    if (!wp)
        return -1;
    struct _wfinddata64i32_t w;
    intptr_t h = _wfindfirst64i32(wp, &w);
    free(wp);
    if (h == -1)
        return -1;
    if (find_result(&w, fd) != 0) {
        _findclose(h);
        return -1;
    }
    return h;
}

int nb_win_findnext(intptr_t h, struct _finddata64i32_t *fd)
{
    struct _wfinddata64i32_t w;
    if (_wfindnext64i32(h, &w) != 0)
        return -1;
    return find_result(&w, fd);
}

/* the console's code pages before nianbao switched them (0: no console) */
static UINT console_out_cp, console_in_cp;

static void restore_console(void)
{
    if (console_out_cp)
        SetConsoleOutputCP(console_out_cp);
    if (console_in_cp)
        SetConsoleCP(console_in_cp);
}

void nb_win_init(int *argc, char ***argv)
{
    int n = 0;
    wchar_t **w = CommandLineToArgvW(GetCommandLineW(), &n);
    if (w) {
        char **a = calloc((size_t)n + 1, sizeof *a);
        int ok = a != NULL;
        for (int i = 0; ok && i < n; i++)
            ok = (a[i] = nb_win_utf8(w[i])) != NULL;
        if (ok) {
            *argc = n;
            *argv = a; /* kept for the whole run */
        }
        LocalFree(w);
    }
    /* Chinese messages in UTF-8 on a console whose code page is usually 936; given back at
     * exit, so that the programs run after nianbao in the same window print as before */
    console_out_cp = GetConsoleOutputCP();
    console_in_cp = GetConsoleCP();
    SetConsoleOutputCP(CP_UTF8);
    SetConsoleCP(CP_UTF8);
    atexit(restore_console);
    /* the same bytes as on Linux: no \n -> \r\n in outputs and pipes */
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
}

/* cmd.exe /c with the command in UTF-16: a temporary folder or a program under a Chinese
 * user name reaches it intact (narrow system() would read it in the ANSI code page) */
int nb_win_system(const char *command)
{
    if (!command)
        return _wsystem(NULL);
    wchar_t *w = nb_win_wide(command);
    if (!w)
        return -1;
    int r = _wsystem(w);
    free(w);
    return r;
}
