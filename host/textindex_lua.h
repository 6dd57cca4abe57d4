/* nb._text_index(s): the C text index of one narrative text (host/textindex.c) as plain
 * Lua tables; scripts/nianbao/textindex.lua builds nb.text on it. */
#ifndef NB_TEXTINDEX_LUA_H
#define NB_TEXTINDEX_LUA_H

typedef struct lua_State lua_State;

int nb_l_text_index(lua_State *L);

/* nb.has_any(s, words): whether any plain string of the list words (up to its first nil)
 * occurs in s; string.find(s, w, 1, true) for each w, in C. */
int nb_l_has_any(lua_State *L);

/* nb.find_byte(s, bytes [, init]): the position of the first byte of s at or after init
 * (default 1, negative from the end, as string.find) that is one of the bytes of the
 * string bytes, or nil. */
int nb_l_find_byte(lua_State *L);

/* nb.codepoints_around(s, i [, j]): the code point of the character that ends just before
 * byte i (nil when i is 1), and the code point and byte length of the character that starts
 * at byte j (default i; nil past the end). A byte that is not part of valid UTF-8 counts as
 * a character of its own, its byte value. */
int nb_l_codepoints_around(lua_State *L);

/* nb.runs(s, chars [, single]): the runs of s made only of characters of the string chars
 * (at most 32 of them), in order, as one flat list { start, stop, before, after, ... }: the
 * byte positions of a run's first and last bytes, and the code points of the characters
 * just before and after it (false at either end of s). With single, every character is a
 * run of its own. chars must be valid UTF-8. A byte of s that is not part of valid UTF-8
 * is a character of its own, its byte value, and never one of chars. */
int nb_l_runs(lua_State *L);

/* nb.first_count(s [, init]): the first count of a normalised text (a run of digits
 * followed by a counter, not after "."), starting at or after byte init: its value and
 * { pos, n, unit }, or nil. nianbao.text's first_count, which rules call per clause. */
int nb_l_first_count(lua_State *L);

#endif
