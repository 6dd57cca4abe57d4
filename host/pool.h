/* An allocator for Lua states made of many small objects (the script state, each data
 * file's sandbox). Lua passes the old size on every free and resize, so a small block needs
 * no header: blocks of up to NB_POOL_MAX bytes come from free lists per 16-byte size class,
 * carved from 64 KiB slabs; larger ones are malloc's. glibc's malloc and free were a tenth
 * of a check's instructions (docs/benchmarks.md). The slabs go back only when the pool is
 * freed, after lua_close. Sanitizer builds use malloc for every block, so that ASan still
 * sees each object. */
#ifndef NB_POOL_H
#define NB_POOL_H

#include <stddef.h>

#define NB_POOL_MAX 256

typedef struct nb_pool nb_pool;

nb_pool *nb_pool_new(void);
void nb_pool_free(nb_pool *pool); /* every block with it: after lua_close */

/* A lua_Alloc: ud is the pool. */
void *nb_pool_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

#endif
