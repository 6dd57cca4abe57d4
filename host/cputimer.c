#include "cputimer.h"

#include <lauxlib.h>
#include <lua.h>

#ifndef _WIN32
#include <signal.h>
#include <string.h>
#include <sys/time.h>

static lua_State *volatile alarm_target; /* the state running fn, while the alarm is armed */
static volatile sig_atomic_t alarm_rang;
static void expired_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    luaL_error(L, "规则运行超时（CPU 时间）"); /* never shown: the rule is run again under its hook */
}

/* As lua.c does for Ctrl-C: the handler only sets a hook (lua_sethook may be called from
 * a signal handler), and the hook raises at the next instruction fn runs. */
static void on_alarm(int sig)
{
    (void)sig;
    alarm_rang = 1;
    if (alarm_target)
        lua_sethook(alarm_target, expired_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

/* The handler stays installed once set: restoring the default (which ends the process)
 * after each run would let an alarm that went off just before the disarm, and is delivered
 * late (valgrind delivers signals at its own pace), kill the program. When SIGPROF already
 * has a handler (a profiler's), it is left alone and nothing runs under the alarm. */
static int handler_installed(void)
{
    static int state; /* 0 not tried, 1 installed, -1 SIGPROF is someone else's */
    if (state == 0) {
        struct sigaction sa, old;
        state = -1;
        if (sigaction(SIGPROF, NULL, &old) == 0 && old.sa_handler == SIG_DFL && !(old.sa_flags & SA_SIGINFO)) {
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = on_alarm;
            sigemptyset(&sa.sa_mask);
            sa.sa_flags = SA_RESTART;
            if (sigaction(SIGPROF, &sa, NULL) == 0)
                state = 1;
        }
    }
    return state == 1;
}

static void arm(long ms)
{
    struct itimerval t;
    memset(&t, 0, sizeof t);
    t.it_value.tv_sec = ms / 1000;
    t.it_value.tv_usec = (ms % 1000) * 1000;
    setitimer(ITIMER_PROF, &t, NULL);
}

int nb_l_try_quickly(lua_State *L)
{
    lua_Integer ms = luaL_checkinteger(L, 1);
    luaL_argcheck(L, ms > 0 && ms <= 60000, 1, "1..60000 ms");
    luaL_checktype(L, 2, LUA_TFUNCTION);
    if (alarm_target || lua_gethook(L) || !handler_installed()) {
        lua_pushnil(L);
        lua_pushnil(L);
        lua_pushboolean(L, 0);
        return 3;
    }
    int nargs = lua_gettop(L) - 2;
    alarm_rang = 0;
    alarm_target = L;
    arm((long)ms);
    int status = lua_pcall(L, nargs, LUA_MULTRET, 0);
    /* disarmed before the hook is cleared: an alarm between the two would set it again */
    arm(0);
    alarm_target = NULL;
    lua_sethook(L, NULL, 0, 0);
    if (alarm_rang) {
        /* the alarm went off: whatever fn did after it (an error, or an end reached after
         * a pcall of its own swallowed the alarm's error) is not fn's own result */
        lua_settop(L, 0);
        lua_pushnil(L);
        lua_pushnil(L);
        lua_pushboolean(L, 1);
        return 3;
    }
    if (status != LUA_OK) { /* [ms, error] */
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1); /* [ms, results...] */
    lua_insert(L, 2);
    return lua_gettop(L) - 1;
}
#endif
