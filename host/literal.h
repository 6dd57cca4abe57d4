/* A data file that is one literal, `return { ... }` made of strings, numbers, booleans and
 * nested tables (what `nianbao import` and `nianbao new` write, and what people type), is
 * read straight into a Lua table here: compiling it and running the code was most of a
 * load (docs/benchmarks.md). The table is the one the compiled chunk would return, built
 * the same way (each constructor presized to its items, fields set in the file's order), so
 * the conversion cannot tell the two apart.
 *
 * Anything else is left to the compiler in the sandbox (host/load.c), which gives the
 * errors and runs what the sandbox allows: an expression, a variable, a numeric key such as
 * [1] =, the escape \u{...}, a syntax error, nesting deeper than NB_LITERAL_MAX_DEPTH or
 * needing more of the compiler's registers than it has (its own error then). */
#ifndef NB_LITERAL_H
#define NB_LITERAL_H

#include <stddef.h>

typedef struct lua_State lua_State;

#define NB_LITERAL_MAX_DEPTH 64

/* Pushes the table and returns 1 when buf (without a byte-order mark) is such a literal;
 * otherwise returns 0 with the stack as it was. Allocates: call in protected mode. */
int nb_literal_push(lua_State *L, const char *buf, size_t len);

#endif
