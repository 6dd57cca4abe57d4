/* A small ZIP writer on zlib (deflate + crc32): the package of .docx and .xlsx files.
 * Self-contained: nothing else in the host depends on it. */
#ifndef NB_ZIP_H
#define NB_ZIP_H

#include <stddef.h>

typedef struct lua_State lua_State;

typedef struct {
    const char *name; /* UTF-8 path inside the archive, '/' separated */
    size_t name_len;
    const unsigned char *data;
    size_t len;
    int store; /* nonzero: written stored even when deflate would make it smaller */
} nb_zip_entry;

/* Builds a whole archive in memory. Entries of 64 bytes or more are deflated (kept stored when
 * deflate does not make them smaller, or when the entry asks for it with store). Returns 0 and *out (malloc'd, caller frees) / *out_len,
 * or -1 with a message in err (no ZIP64: at most 65535 entries, each part and the archive
 * under 4 GiB; names 1..65535 bytes). */
int nb_zip_build(const nb_zip_entry *entries, size_t n, unsigned char **out, size_t *out_len,
                 char *err, size_t err_len);

/* The same in two steps, for callers that own the buffer: the worst-case size (0 with a
 * message in err when the entries cannot be packed), then the archive into out[0..cap). */
size_t nb_zip_bound(const nb_zip_entry *entries, size_t n, char *err, size_t err_len);
int nb_zip_write(const nb_zip_entry *entries, size_t n, unsigned char *out, size_t cap,
                 size_t *out_len, char *err, size_t err_len);

/* nb.zip{ {name=..., data=... [, store=true]}, ... } -> archive bytes (a Lua string). */
int nb_l_zip(lua_State *L);

#endif
