/* Lua 5.4's lexical forms, read as its lexer (llex.c) reads them. One reading shared by
 * what reads a data file's text without compiling it: the literal reader (literal.c), which
 * makes values of them, and the diagnoses (diagnose.c, chunk.c), which pass over them.
 *
 * Each function reads the text from p (inside it) to end and returns where the form ends.
 * line, when not NULL, is advanced by each line break passed, counted as Lua counts them
 * ("\r\n" and "\n\r" are one). */
#ifndef NB_LUALEX_H
#define NB_LUALEX_H

#include <stddef.h>

/* The length of the line break at p: 1, or 2 for "\r\n" and "\n\r"; 0 when there is none. */
size_t nb_lex_newline(const char *p, const char *end);

/* At '[': the level of the long bracket it opens ("[[" 0, "[==[" 2), or -1 when none is. */
int nb_lex_long_level(const char *p, const char *end);

/* Past the long string or comment opened at p with level; NULL when it never closes. With
 * out, its value is written there (the line break right after the opening dropped, each
 * other one made "\n") and its length to *out_len; out must hold as many bytes as the form
 * takes in the text (a value is never longer than its text). */
const char *nb_lex_long(const char *p, const char *end, int level, int *line, char *out, size_t *out_len);

/* Past the quoted string at p (its quote); NULL when it does not close on its line (an
 * escaped line break continues it) or holds an escape Lua refuses. out as for nb_lex_long. */
const char *nb_lex_quoted(const char *p, const char *end, int *line, char *out, size_t *out_len);

/* After the backslash at p[-1]: past the escape of a quoted string, its value written to v
 * (*n bytes, 0 for \z); NULL for one Lua refuses. */
const char *nb_lex_escape(const char *p, const char *end, int *line, char v[6], size_t *n);

/* nb_lex_long when level >= 0 (a long string opened at p), else nb_lex_quoted. */
const char *nb_lex_string(const char *p, const char *end, int level, int *line, char *out, size_t *out_len);

/* Past the numeral at p (a digit, or a '.' before one), as far as the lexer reads one: hex
 * digits and dots, and a sign after an exponent mark (e, or p when it starts 0x). NULL when
 * a letter follows it, which Lua refuses. */
const char *nb_lex_numeral(const char *p, const char *end);

/* Past the white space and comments at p; NULL when a long comment never closes. */
const char *nb_lex_blank(const char *p, const char *end, int *line);

/* The value of a hex digit, or -1 for another character. */
int nb_lex_hex_value(char c);

#endif
