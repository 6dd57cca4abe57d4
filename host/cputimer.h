/* nb._try_quickly(ms, fn, ...): fn(...) under a CPU-time alarm instead of an instruction
 * hook. The rules' instruction budget is a count hook, and with any count hook set Lua 5.4
 * calls into its debug machinery before every VM instruction: a tenth of a check. A bundled
 * rule first runs without it; one that ends before the alarm cannot have run as many
 * instructions as its budget allows (scripts/nianbao/rules.lua), and one that does not is
 * stopped and run again under the hook, so every result is the hook's. */
#ifndef NB_CPUTIMER_H
#define NB_CPUTIMER_H

typedef struct lua_State lua_State;

/* Returns true, fn's results; false, the error value; or nil, nil, true when the alarm
 * went off first. Not run at all (nil, nil, false) when a hook is already set (a debugger
 * or another budget: its owner must keep it) or when called from within itself. */
int nb_l_try_quickly(lua_State *L);

#endif
