#include "child.h"
#include "bytes.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>

int nb_child_arguments(lua_State *L, const char *argv[NB_CHILD_MAX_ARGS + 1], nb_child_limits *lim)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    *lim = (nb_child_limits){30.0, 512u << 20, 64u << 20};
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "timeout");
        lim->timeout = luaL_optnumber(L, -1, lim->timeout);
        lua_getfield(L, 2, "memory");
        lim->max_memory = (size_t)luaL_optinteger(L, -1, (lua_Integer)lim->max_memory);
        lua_getfield(L, 2, "output");
        lim->max_output = (size_t)luaL_optinteger(L, -1, (lua_Integer)lim->max_output);
        lua_pop(L, 3);
    }
    int argc = (int)luaL_len(L, 1);
    luaL_argcheck(L, argc >= 1 && argc <= NB_CHILD_MAX_ARGS, 1, "1 to 32 arguments");
    for (int i = 0; i < argc; i++) {
        if (lua_rawgeti(L, 1, i + 1) != LUA_TSTRING)
            return luaL_error(L, "nb.run_limited: argument %d is not a string", i + 1);
        argv[i] = lua_tostring(L, -1); /* kept alive by the table */
        lua_pop(L, 1);
    }
    argv[argc] = NULL;
    return argc;
}

#ifndef _WIN32
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

enum { MAX_STDERR = 4096 };

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void set_limit(int resource, rlim_t value)
{
    struct rlimit r = {value, value};
    setrlimit(resource, &r);
}

/* In the child: limits, standard streams, then exec; on failure errno goes to report_fd. */
static void child_exec(char *const argv[], int out_fd, int err_fd, int report_fd,
                       const nb_child_limits *lim)
{
    set_limit(RLIMIT_AS, (rlim_t)lim->max_memory);
    set_limit(RLIMIT_CPU, (rlim_t)lim->timeout + 1);
    set_limit(RLIMIT_FSIZE, 0); /* writes only to its pipes */
    set_limit(RLIMIT_CORE, 0);
    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0)
        goto fail;
    execvp(argv[0], argv);
fail:;
    int e = errno;
    ssize_t w = write(report_fd, &e, sizeof e);
    (void)w;
    _exit(127);
}

/* Read what fd has into s (bounded by s->max); 0 at its end or on an error. */
static int sink_read(nb_bytes *s, int fd)
{
    char buf[65536];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0)
        return errno == EINTR || errno == EAGAIN ? 1 : 0;
    if (n == 0)
        return 0;
    if (!nb_bytes_add(s, buf, (size_t)n)) {
        s->over = 1;
        return 0;
    }
    return 1;
}

int nb_l_run_limited(lua_State *L)
{
    const char *argv[NB_CHILD_MAX_ARGS + 1];
    nb_child_limits lim;
    nb_child_arguments(L, argv, &lim);

    int out[2], err[2], rep[2];
    if (pipe(out) < 0)
        return luaL_error(L, "pipe: %s", strerror(errno));
    if (pipe(err) < 0) {
        close(out[0]), close(out[1]);
        return luaL_error(L, "pipe: %s", strerror(errno));
    }
    if (pipe(rep) < 0) {
        close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        return luaL_error(L, "pipe: %s", strerror(errno));
    }
    fcntl(rep[1], F_SETFD, FD_CLOEXEC);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(out[0]), close(out[1]), close(err[0]), close(err[1]), close(rep[0]), close(rep[1]);
        return luaL_error(L, "fork: %s", strerror(e));
    }
    if (pid == 0) {
        close(out[0]), close(err[0]), close(rep[0]);
        child_exec((char *const *)argv, out[1], err[1], rep[1], &lim);
    }
    close(out[1]), close(err[1]), close(rep[1]);

    nb_bytes so = {.max = lim.max_output}, se = {.max = MAX_STDERR};
    double deadline = now_seconds() + lim.timeout;
    int timed_out = 0, open_out = 1, open_err = 1;
    while (open_out || open_err) {
        double left = deadline - now_seconds();
        if (left <= 0) {
            timed_out = 1;
            break;
        }
        struct pollfd p[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
        if (!open_out)
            p[0].fd = -1;
        if (!open_err)
            p[1].fd = -1;
        int n = poll(p, 2, (int)(left * 1000) + 1);
        if (n < 0 && errno != EINTR)
            break;
        if (n <= 0)
            continue;
        if (open_out && (p[0].revents & (POLLIN | POLLHUP | POLLERR)))
            open_out = sink_read(&so, out[0]);
        if (open_err && (p[1].revents & (POLLIN | POLLHUP | POLLERR)))
            open_err = sink_read(&se, err[0]); /* past its cap, standard error is dropped */
        if (so.over)
            break;
    }
    if (timed_out || so.over)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    int exec_errno = 0;
    ssize_t r = read(rep[0], &exec_errno, sizeof exec_errno);
    close(out[0]), close(err[0]), close(rep[0]);

    lua_createtable(L, 0, 8);
    lua_pushlstring(L, so.data ? so.data : "", so.len);
    lua_setfield(L, -2, "stdout");
    lua_pushlstring(L, se.data ? se.data : "", se.len);
    lua_setfield(L, -2, "stderr");
    free(so.data);
    free(se.data);
    if (r == (ssize_t)sizeof exec_errno) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "not_found");
        lua_pushstring(L, strerror(exec_errno));
        lua_setfield(L, -2, "error");
    } else if (WIFEXITED(status)) {
        lua_pushinteger(L, WEXITSTATUS(status));
        lua_setfield(L, -2, "status");
    } else if (WIFSIGNALED(status)) {
        lua_pushinteger(L, WTERMSIG(status));
        lua_setfield(L, -2, "signal");
    }
    lua_pushboolean(L, timed_out);
    lua_setfield(L, -2, "timed_out");
    lua_pushboolean(L, so.over);
    lua_setfield(L, -2, "too_large");
    return 1;
}

#endif /* Windows: host/win32/run_limited.c (CreateProcessW in a job object) */
