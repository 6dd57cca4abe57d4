/* Explanations for the mistakes of people who type data files with a Chinese input method:
 * the file saved as GBK or UTF-16, full-width punctuation where Lua syntax needs ASCII, the
 * line of a key named in an error, and operating-system errors in Chinese. */
#ifndef NB_DIAGNOSE_H
#define NB_DIAGNOSE_H

#include <stddef.h>

#include "error.h"

/* 1 (and err set, naming the encoding and how to save as UTF-8) when buf is UTF-16 or
 * GBK/GB18030 rather than UTF-8; 0 otherwise. */
int nb_diagnose_encoding(const char *buf, size_t len, const char *name, nb_error *err);

/* After a syntax error: 1 (and err set to "name:line: …请改为英文半角的“,”") when a
 * character outside every string and comment is not ASCII; 0 otherwise. */
int nb_diagnose_syntax(const char *buf, size_t len, const char *name, nb_error *err);

/* The line of the key at the end of a dotted path ("requests.withheld.state_secrt"): each
 * part is looked for as `part =` after the previous one. 0 when not found. */
int nb_diagnose_key_line(const char *buf, size_t len, const char *path);

/* 1 (and err set to "name:line: path：键“k”重复…") when one table constructor of a data file
 * that loaded gives the same key twice: Lua keeps the last value without a word. 0 otherwise
 * (also when the scan runs out of memory or nesting). */
int nb_diagnose_duplicate_key(const char *buf, size_t len, const char *name, nb_error *err);

/* Lua's syntax message (without "name:line:") in Chinese; the message itself when it is not
 * one of those known. */
void nb_diagnose_lua_message(const char *msg, char *out, size_t size);

/* A Chinese text for an errno value, or NULL when there is none. */
const char *nb_strerror_zh(int errnum);

/* The Chinese text, or the system's own when there is none. */
const char *nb_os_error(int errnum);

#endif
