/* Windows: nb.run_limited (host/child.h) without fork and rlimits. The child runs in a job
 * object that caps its memory (JOB_OBJECT_LIMIT_PROCESS_MEMORY), its CPU time, and lets it
 * start no process of its own; the job is closed with KILL_ON_JOB_CLOSE, so nothing outlives
 * the call. Standard output and error go to pipes read here up to their caps; the wall-clock
 * timeout is checked between reads. Windows has no RLIMIT_FSIZE: the child may write files
 * (pdftotext only writes to "-", standard output). */
#include "child.h"
#include "bytes.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>

#include <lauxlib.h>
#include <lua.h>

#include "compat.h"

enum { MAX_STDERR = 4096, POLL_MS = 10 };

/* Reads what the pipe holds without blocking; 0 once the pipe is closed and empty. */
static int sink_read(nb_bytes *s, HANDLE h)
{
    for (;;) {
        DWORD avail = 0;
        if (!PeekNamedPipe(h, NULL, 0, NULL, &avail, NULL))
            return 0; /* broken pipe: the child closed its end and the pipe is drained */
        if (avail == 0)
            return 1;
        char buf[65536];
        DWORD n = 0;
        if (!ReadFile(h, buf, avail < sizeof buf ? avail : (DWORD)sizeof buf, &n, NULL) || n == 0)
            return 0;
        if (!nb_bytes_add(s, buf, n)) {
            s->over = 1;
            return 0;
        }
        if (s->over)
            return 1;
    }
}

/* One argument quoted as the C runtime's command line parser reads it back: in quotes,
 * backslashes doubled before a quote and at the end, quotes escaped. */
static void append_arg(luaL_Buffer *b, const char *a)
{
    if (*a && !strpbrk(a, " \t\n\v\"")) {
        luaL_addstring(b, a);
        return;
    }
    luaL_addchar(b, '"');
    for (const char *p = a;; p++) {
        size_t slashes = 0;
        while (*p == '\\')
            p++, slashes++;
        if (!*p) {
            for (size_t i = 0; i < 2 * slashes; i++)
                luaL_addchar(b, '\\');
            break;
        }
        size_t n = *p == '"' ? 2 * slashes + 1 : slashes;
        for (size_t i = 0; i < n; i++)
            luaL_addchar(b, '\\');
        luaL_addchar(b, *p);
    }
    luaL_addchar(b, '"');
}

static HANDLE make_job(const nb_child_limits *lim)
{
    HANDLE job = CreateJobObjectW(NULL, NULL);
    if (!job)
        return NULL;
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION info;
    memset(&info, 0, sizeof info);
    info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_PROCESS_MEMORY |
        JOB_OBJECT_LIMIT_PROCESS_TIME | JOB_OBJECT_LIMIT_ACTIVE_PROCESS |
        JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
    info.BasicLimitInformation.ActiveProcessLimit = 1;
    /* CPU time in 100 ns units, a second more than the wall clock (as RLIMIT_CPU on Linux) */
    info.BasicLimitInformation.PerProcessUserTimeLimit.QuadPart =
        (LONGLONG)((lim->timeout + 1) * 1e7);
    info.ProcessMemoryLimit = lim->max_memory;
    if (!SetInformationJobObject(job, JobObjectExtendedLimitInformation, &info, sizeof info)) {
        CloseHandle(job);
        return NULL;
    }
    return job;
}

static void close_all(HANDLE *h, int n)
{
    for (int i = 0; i < n; i++)
        if (h[i] && h[i] != INVALID_HANDLE_VALUE)
            CloseHandle(h[i]);
}

int nb_l_run_limited(lua_State *L)
{
    const char *argv[NB_CHILD_MAX_ARGS + 1];
    nb_child_limits lim;
    int argc = nb_child_arguments(L, argv, &lim);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; i < argc; i++) {
        if (i)
            luaL_addchar(&b, ' ');
        append_arg(&b, argv[i]);
    }
    luaL_pushresult(&b);
    wchar_t *cmd = nb_win_wide(lua_tostring(L, -1));
    lua_pop(L, 1);
    if (!cmd)
        return luaL_error(L, "nb.run_limited: the arguments are not UTF-8");

    /* handles: 0 out read, 1 out write, 2 err read, 3 err write, 4 NUL, 5 job */
    HANDLE h[6] = {0};
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
    const char *failed = NULL;
    if (!CreatePipe(&h[0], &h[1], &sa, 0) || !CreatePipe(&h[2], &h[3], &sa, 0))
        failed = "CreatePipe";
    else if ((h[4] = CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa,
                                 OPEN_EXISTING, 0, NULL)) == INVALID_HANDLE_VALUE)
        failed = "NUL";
    else if (!(h[5] = make_job(&lim)))
        failed = "CreateJobObject";
    if (failed) {
        DWORD e = GetLastError();
        free(cmd);
        close_all(h, 6);
        return luaL_error(L, "%s: Windows error %d", failed, (int)e);
    }
    /* the reading ends stay here */
    SetHandleInformation(h[0], HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(h[2], HANDLE_FLAG_INHERIT, 0);

    STARTUPINFOW si;
    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = h[4];
    si.hStdOutput = h[1];
    si.hStdError = h[3];
    PROCESS_INFORMATION pi;
    /* suspended until it is in the job, so that no instruction runs without the limits */
    BOOL started = CreateProcessW(NULL, cmd, NULL, NULL, TRUE,
                                  CREATE_SUSPENDED | CREATE_NO_WINDOW | CREATE_UNICODE_ENVIRONMENT,
                                  NULL, NULL, &si, &pi);
    DWORD start_error = started ? 0 : GetLastError();
    free(cmd);
    CloseHandle(h[1]), CloseHandle(h[3]), CloseHandle(h[4]);
    h[1] = h[3] = h[4] = NULL;
    if (!started) {
        close_all(h, 6);
        lua_createtable(L, 0, 5);
        lua_pushliteral(L, "");
        lua_setfield(L, -2, "stdout");
        lua_pushliteral(L, "");
        lua_setfield(L, -2, "stderr");
        if (start_error == ERROR_FILE_NOT_FOUND || start_error == ERROR_PATH_NOT_FOUND) {
            lua_pushboolean(L, 1);
            lua_setfield(L, -2, "not_found");
        }
        lua_pushfstring(L, "CreateProcess: Windows error %d", (int)start_error);
        lua_setfield(L, -2, "error");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "timed_out");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "too_large");
        return 1;
    }
    if (!AssignProcessToJobObject(h[5], pi.hProcess)) {
        DWORD e = GetLastError();
        TerminateProcess(pi.hProcess, 1);
        CloseHandle(pi.hThread), CloseHandle(pi.hProcess);
        close_all(h, 6);
        return luaL_error(L, "AssignProcessToJobObject: Windows error %d", (int)e);
    }
    ResumeThread(pi.hThread);
    CloseHandle(pi.hThread);

    nb_bytes so = {.max = lim.max_output}, se = {.max = MAX_STDERR};
    ULONGLONG deadline = GetTickCount64() + (ULONGLONG)(lim.timeout * 1000);
    int timed_out = 0, open_out = 1, open_err = 1, exited = 0;
    while (open_out || open_err || !exited) {
        if (open_out)
            open_out = sink_read(&so, h[0]);
        if (open_err && !sink_read(&se, h[2]))
            open_err = 0; /* past its cap, standard error is dropped */
        if (so.over)
            break;
        if (GetTickCount64() >= deadline) {
            timed_out = 1;
            break;
        }
        if (!exited)
            exited = WaitForSingleObject(pi.hProcess, POLL_MS) == WAIT_OBJECT_0;
        else if (open_out || open_err)
            Sleep(1); /* the child is gone; its pipes drain (a pipe closes with its last writer) */
    }
    if (timed_out || so.over)
        TerminateJobObject(h[5], 1);
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 0;
    GetExitCodeProcess(pi.hProcess, &code);
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION info;
    memset(&info, 0, sizeof info);
    QueryInformationJobObject(h[5], JobObjectExtendedLimitInformation, &info, sizeof info, NULL);
    CloseHandle(pi.hProcess);
    close_all(h, 6);

    lua_createtable(L, 0, 8);
    lua_pushlstring(L, so.data ? so.data : "", so.len);
    lua_setfield(L, -2, "stdout");
    lua_pushlstring(L, se.data ? se.data : "", se.len);
    lua_setfield(L, -2, "stderr");
    free(so.data);
    free(se.data);
    /* a process the job stopped has no signal; an NTSTATUS exit code (0xC0000000 and up:
     * access violation, out of memory, killed for its CPU time) stands in for one, as the
     * Lua side only names it */
    if (!timed_out && !so.over && code >= 0xC0000000u) {
        lua_pushinteger(L, (lua_Integer)code);
        lua_setfield(L, -2, "signal");
    } else {
        lua_pushinteger(L, (lua_Integer)code);
        lua_setfield(L, -2, "status");
    }
    lua_pushinteger(L, (lua_Integer)info.PeakProcessMemoryUsed);
    lua_setfield(L, -2, "peak_memory");
    lua_pushboolean(L, timed_out);
    lua_setfield(L, -2, "timed_out");
    lua_pushboolean(L, so.over);
    lua_setfield(L, -2, "too_large");
    return 1;
}
