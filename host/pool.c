#include "pool.h"

#include <stdlib.h>
#include <string.h>

#if defined(NB_SANITIZE) || defined(__SANITIZE_ADDRESS__)
#define NB_POOL_OFF 1
#else
#define NB_POOL_OFF 0
#endif

enum { GRAIN = 16, CLASSES = NB_POOL_MAX / GRAIN, SLAB = 64 * 1024 };

typedef struct block {
    struct block *next;
} block;

typedef struct slab {
    struct slab *next;
    /* the blocks follow, GRAIN-aligned */
} slab;

struct nb_pool {
    block *free[CLASSES]; /* free blocks of (class + 1) * GRAIN bytes */
    char *bump, *end;     /* the unused rest of the newest slab */
    slab *slabs;
};

nb_pool *nb_pool_new(void) { return calloc(1, sizeof(nb_pool)); }

void nb_pool_free(nb_pool *pool)
{
    if (!pool)
        return;
    for (slab *s = pool->slabs, *next; s; s = next) {
        next = s->next;
        free(s);
    }
    free(pool);
}

static size_t class_of(size_t size) { return (size + GRAIN - 1) / GRAIN - 1; }

static void give_block(nb_pool *pool, void *p, size_t cls)
{
    block *b = p;
    b->next = pool->free[cls];
    pool->free[cls] = b;
}

static void *take(nb_pool *pool, size_t cls)
{
    block *b = pool->free[cls];
    if (b) {
        pool->free[cls] = b->next;
        return b;
    }
    size_t size = (cls + 1) * GRAIN;
    if ((size_t)(pool->end - pool->bump) < size) {
        /* a new slab; only once it is had, the rest of the old one (a multiple of the grain)
         * becomes a free block: given before a malloc that fails, it stayed the place to
         * carve from as well, and two blocks could share it */
        slab *s = malloc(SLAB);
        if (!s)
            return NULL;
        size_t rest = (size_t)(pool->end - pool->bump);
        if (rest >= GRAIN)
            give_block(pool, pool->bump, class_of(rest));
        s->next = pool->slabs;
        pool->slabs = s;
        pool->bump = (char *)s + GRAIN; /* the header, rounded up to the grain */
        pool->end = (char *)s + SLAB;
    }
    void *p = pool->bump;
    pool->bump += size;
    return p;
}

void *nb_pool_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    nb_pool *pool = ud;
    if (!ptr)
        osize = 0; /* then osize is the kind of object Lua makes, not a size */
    if (NB_POOL_OFF) {
        if (nsize == 0) {
            free(ptr);
            return NULL;
        }
        return realloc(ptr, nsize);
    }
    int small_old = ptr && osize <= NB_POOL_MAX, small_new = nsize <= NB_POOL_MAX;
    if (nsize == 0) {
        if (small_old)
            give_block(pool, ptr, class_of(osize));
        else
            free(ptr);
        return NULL;
    }
    if (!ptr)
        return small_new ? take(pool, class_of(nsize)) : malloc(nsize);
    if (small_old && small_new && class_of(osize) == class_of(nsize))
        return ptr; /* the block it has fits */
    if (!small_old && !small_new)
        return realloc(ptr, nsize);
    void *p = small_new ? take(pool, class_of(nsize)) : malloc(nsize);
    if (!p)
        return NULL; /* Lua keeps the old block */
    memcpy(p, ptr, osize < nsize ? osize : nsize);
    if (small_old)
        give_block(pool, ptr, class_of(osize));
    else
        free(ptr);
    return p;
}
