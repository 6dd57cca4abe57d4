/* The `nianbao` Lua module: the frozen report view, the schema, findings, and the C
 * primitives (loading, checks, display width, atomic writes) that scripts build on. */
#ifndef NB_BINDING_H
#define NB_BINDING_H

#include "check.h"
#include "report.h"

typedef struct lua_State lua_State;

/* luaopen-style: pushes the module table (C part, then scripts/nianbao/api.lua on top). */
int nb_open_module(lua_State *L);

/* The functions below may raise a Lua error (out of memory, a table that is not a report):
 * call them only inside a protected call, as Lua calls the bindings. */

/* Push the frozen view of a report; the view takes ownership of r (freed even when this
 * raises). */
void nb_push_report(lua_State *L, nb_report *r);

/* The model behind a value: a frozen view, or a plain table converted on the spot, every
 * time (a mutable table may have changed since the last call, so nothing is cached for it).
 * Pushes the userdata that owns the model: the model lives while that value is on the
 * stack, so pop it only when done with the model. Raises a Lua error when the value is
 * neither. */
const nb_report *nb_to_report(lua_State *L, int idx);

/* Push findings as a list of plain tables. */
void nb_push_findings(lua_State *L, const nb_findings *f);

/* Deep read-only proxy of the table at idx (pushed). */
void nb_push_frozen(lua_State *L, int idx);

#endif
