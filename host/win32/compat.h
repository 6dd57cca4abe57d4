/* Windows: UTF-8 file names and environment. Force-included (gcc -include) into every file
 * of the Windows build, the Lua and LuaFileSystem sources too (tools/build-windows.sh), so
 * that their narrow C calls, which Windows reads in the ANSI code page (936 on a Chinese
 * system), go through wrappers that convert UTF-8 to UTF-16 and call the wide APIs. */
#ifndef NB_WIN32_COMPAT_H
#define NB_WIN32_COMPAT_H
#ifdef _WIN32

/* the real declarations first, so that the macros below only rename the calls */
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <direct.h>
#include <sys/stat.h>
#include <sys/types.h>

FILE *nb_win_fopen(const char *path, const char *mode);
FILE *nb_win_freopen(const char *path, const char *mode, FILE *f);
int nb_win_remove(const char *path);
int nb_win_rename(const char *from, const char *to);
char *nb_win_getenv(const char *name);
int nb_win_stat(const char *path, struct stat *st);
int nb_win_stat64(const char *path, struct _stat64 *st);
int nb_win_mkdir(const char *path);
int nb_win_system(const char *command);
intptr_t nb_win_findfirst(const char *pattern, struct _finddata64i32_t *fd);
int nb_win_findnext(intptr_t h, struct _finddata64i32_t *fd);

/* errno from GetLastError() */
void nb_win_set_errno(void);
/* UTF-8 -> a new UTF-16 string (free it), or NULL (errno EILSEQ or ENOMEM) */
wchar_t *nb_win_wide(const char *utf8);
/* UTF-16 -> a new UTF-8 string (free it), or NULL */
char *nb_win_utf8(const wchar_t *wide);
/* main(): argv from the UTF-16 command line as UTF-8, console output in UTF-8, binary stdio */
void nb_win_init(int *argc, char ***argv);

#define fopen(p, m) nb_win_fopen(p, m)
#define freopen(p, m, f) nb_win_freopen(p, m, f)
#define remove(p) nb_win_remove(p)
#define rename(a, b) nb_win_rename(a, b)
#define getenv(n) nb_win_getenv(n)
#define stat(p, s) nb_win_stat(p, s)
/* LuaFileSystem: _stati64, _findfirst and _findnext are macros of mingw-w64 naming these
 * (64-bit) functions; function-like macros leave the struct tags of the same names alone */
#define _stat64(p, s) nb_win_stat64(p, s)
#define _findfirst64i32(p, f) nb_win_findfirst(p, f)
#define _findnext64i32(h, f) nb_win_findnext(h, f)
#define _mkdir(p) nb_win_mkdir(p)
/* LuaFileSystem also hands _stati64 (mingw: a macro naming _stat64) to a function as a
 * pointer (lfs.attributes), which the function-like macro above misses: rename the word
 * itself. The struct tag of the same word then needs a definition: _stat64's layout. */
#undef _stati64
#define _stati64 nb_win_stati64
struct nb_win_stati64 {
    _dev_t st_dev;
    _ino_t st_ino;
    unsigned short st_mode;
    short st_nlink;
    short st_uid;
    short st_gid;
    _dev_t st_rdev;
    __int64 st_size;
    __time64_t st_atime;
    __time64_t st_mtime;
    __time64_t st_ctime;
};
int nb_win_stati64(const char *path, struct nb_win_stati64 *st);
/* Lua's os.execute (render -f pdf starts LibreOffice or Chrome/Edge through cmd.exe) */
#define system(c) nb_win_system(c)

/* POSIX's localtime_r is msvcrt's localtime_s with the arguments swapped */
#include <time.h>
static inline struct tm *nb_win_localtime_r(const time_t *t, struct tm *tm)
{
    return localtime_s(tm, t) == 0 ? tm : NULL;
}
#define localtime_r(t, tm) nb_win_localtime_r(t, tm)

#endif
#endif
