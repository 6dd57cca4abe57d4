/* nb._fnv1a(s): the 32-bit FNV-1a hash of a string as 8 lower-case hex digits, the hash of
 * a finding's fingerprint (scripts/nianbao/review.lua). In C because a finding about a long
 * sentence hashed it a byte at a time in Lua, the largest single cost of printing findings. */
#ifndef NB_FNV_H
#define NB_FNV_H

#include <stddef.h>
#include <stdint.h>

typedef struct lua_State lua_State;

uint32_t nb_fnv1a(const char *s, size_t len);
int nb_l_fnv1a(lua_State *L);

#endif
