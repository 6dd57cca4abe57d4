/* Reading one entry, or all, of a ZIP file (a .docx) held in memory, with zlib's inflate. The file
 * is untrusted: the entry count, the sizes and the compression ratio are bounded, ZIP64
 * and encryption are refused, and the CRC is checked, so a ZIP bomb is refused. */
#ifndef NB_UNZIP_H
#define NB_UNZIP_H

#include <stddef.h>

#include "error.h"

typedef struct lua_State lua_State;

typedef struct {
    size_t max_entries;    /* entries in the central directory */
    size_t max_size;       /* uncompressed bytes of the entry read */
    double max_ratio;      /* uncompressed / compressed */
} nb_unzip_limits;

extern const nb_unzip_limits nb_unzip_default_limits;

/* The entry `name` of the ZIP data: 1 with *out (malloc'ed, NUL-terminated) and *out_len;
 * 0 when there is no such entry; -1 with *err set when the file is refused. */
int nb_unzip_read(const unsigned char *zip, size_t len, const char *name,
                  const nb_unzip_limits *limits, char **out, size_t *out_len, nb_error *err);

/* nb.unzip(bytes, name) -> the entry's bytes, or nil, message (no such entry or refused). */
int nb_l_unzip(lua_State *L);
/* nb._unzip_all(bytes [, entries, size, ratio]) -> { {name =, data =}, ... } in the archive's
 * order under the given bounds (nil: the usual ones), or nil, message; every record of the
 * directory is checked before any entry is unpacked. scripts/nianbao/api.lua's nb.unzip. */
int nb_l_unzip_all(lua_State *L);

#endif
