/* host/pool.c: small blocks from size classes, large ones from malloc, the contents kept
 * across every kind of resize, freed blocks used again, and a Lua state living on it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "pool.h"

/* A slab that cannot be had: malloc of a slab's size fails while this is set (the sanitizer
 * builds, whose malloc is ASan's, neither pool nor replace malloc). */
static int slabs_fail;

#if defined(NB_SANITIZE) || defined(__SANITIZE_ADDRESS__)
#define POOLED 0 /* the sanitizer builds give every block to malloc */
#else
#define POOLED 1

void *__libc_malloc(size_t n);
void *malloc(size_t n)
{
    if (slabs_fail && n == 64 * 1024)
        return NULL;
    return __libc_malloc(n);
}
#endif

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed * 31 + i);
}

static int holds(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed * 31 + i))
            return 0;
    return 1;
}

/* every size from 1 to 600 resized to every other of a sample, up and down, small and large:
 * the common prefix survives, and blocks are 16-byte aligned */
static void resizes_keep_contents(void **state)
{
    (void)state;
    nb_pool *pool = nb_pool_new();
    assert_non_null(pool);
    static const size_t to[] = {1, 8, 15, 16, 17, 31, 32, 100, 255, 256, 257, 400, 4096};
    for (size_t from = 1; from <= 600; from++)
        for (size_t k = 0; k < sizeof to / sizeof to[0]; k++) {
            unsigned char *p = nb_pool_alloc(pool, NULL, LUA_TSTRING, from);
            assert_non_null(p);
            assert_int_equal((uintptr_t)p % 16, 0);
            fill(p, from, (unsigned)from);
            unsigned char *q = nb_pool_alloc(pool, p, from, to[k]);
            assert_non_null(q);
            assert_int_equal((uintptr_t)q % 16, 0);
            assert_true(holds(q, from < to[k] ? from : to[k], (unsigned)from));
            fill(q, to[k], 7); /* the whole new size is usable */
            assert_null(nb_pool_alloc(pool, q, to[k], 0));
        }
    nb_pool_free(pool);
}

/* a freed small block is the next one given for its size class; a block within its class
 * stays where it is when resized */
static void freed_blocks_are_used_again(void **state)
{
    (void)state;
    if (!POOLED)
        skip();
    nb_pool *pool = nb_pool_new();
    void *a = nb_pool_alloc(pool, NULL, 0, 40);
    void *b = nb_pool_alloc(pool, NULL, 0, 40);
    assert_ptr_not_equal(a, b);
    nb_pool_alloc(pool, a, 40, 0);
    assert_ptr_equal(nb_pool_alloc(pool, NULL, 0, 33), a); /* 33..48 is the class of 40 */
    assert_ptr_equal(nb_pool_alloc(pool, b, 40, 48), b);
    assert_ptr_not_equal(nb_pool_alloc(pool, NULL, 0, 49), a);
    nb_pool_free(pool);
}

/* many live blocks at once (several slabs), all distinct and intact */
static void many_blocks_do_not_overlap(void **state)
{
    (void)state;
    nb_pool *pool = nb_pool_new();
    enum { N = 20000 };
    unsigned char **p = calloc(N, sizeof *p);
    for (unsigned i = 0; i < N; i++) {
        size_t n = 1 + i % 256;
        p[i] = nb_pool_alloc(pool, NULL, 0, n);
        assert_non_null(p[i]);
        fill(p[i], n, i);
    }
    for (unsigned i = 0; i < N; i += 2) /* every other one freed, then the slots reused */
        nb_pool_alloc(pool, p[i], 1 + i % 256, 0);
    for (unsigned i = 0; i < N; i += 2) {
        p[i] = nb_pool_alloc(pool, NULL, 0, 1 + i % 256);
        fill(p[i], 1 + i % 256, i);
    }
    for (unsigned i = 0; i < N; i++)
        assert_true(holds(p[i], 1 + i % 256, i));
    for (unsigned i = 0; i < N; i++) /* as lua_close does: every block back before the pool */
        nb_pool_alloc(pool, p[i], 1 + i % 256, 0);
    free(p);
    nb_pool_free(pool);
}

/* A slab that cannot be had leaves the pool as it was: the rest of the full slab is still
 * handed out once, never twice (it had been put on a free list before the failed malloc and
 * kept as the place to carve from, so two live blocks could share it). */
static void a_failed_slab_gives_nothing_twice(void **state)
{
    (void)state;
    if (!POOLED)
        skip();
    nb_pool *pool = nb_pool_new();
    enum { FULL = 1023, N = FULL + 2 };
    unsigned char *p[N];
    size_t sizes[N];
    /* blocks of 64 bytes until the first slab cannot hold another: 48 bytes are left over */
    for (size_t i = 0; i < FULL; i++) {
        sizes[i] = 64;
        p[i] = nb_pool_alloc(pool, NULL, 0, 64);
        assert_non_null(p[i]);
    }
    slabs_fail = 1;
    void *none = nb_pool_alloc(pool, NULL, 0, 64); /* needs a new slab, which fails */
    slabs_fail = 0;
    assert_null(none);
    /* the 48 bytes left: a block of 16 and then one of 48 must not share them */
    sizes[FULL] = 16;
    p[FULL] = nb_pool_alloc(pool, NULL, 0, 16);
    sizes[FULL + 1] = 48;
    p[FULL + 1] = nb_pool_alloc(pool, NULL, 0, 48);
    assert_non_null(p[FULL]);
    assert_non_null(p[FULL + 1]);
    for (size_t i = 0; i < N; i++)
        fill(p[i], sizes[i], (unsigned)i);
    for (size_t i = 0; i < N; i++)
        assert_true(holds(p[i], sizes[i], (unsigned)i));
    for (size_t i = 0; i < N; i++)
        nb_pool_alloc(pool, p[i], sizes[i], 0);
    nb_pool_free(pool);
}

/* a Lua state on the pool: strings, tables and closures made and collected, then closed */
static void a_lua_state_lives_on_it(void **state)
{
    (void)state;
    nb_pool *pool = nb_pool_new();
    lua_State *L = lua_newstate(nb_pool_alloc, pool);
    assert_non_null(L);
    luaL_openlibs(L);
    const char *code = "local t = {}\n"
                       "for i = 1, 20000 do t[i] = { i, tostring(i) .. string.rep('x', i % 300) } end\n"
                       "local n = 0\n"
                       "for i = 1, #t, 3 do t[i] = nil end\n"
                       "collectgarbage()\n"
                       "for i = 2, 20000, 3 do n = n + #t[i][2] end\n"
                       "return n";
    assert_int_equal(luaL_dostring(L, code), LUA_OK);
    lua_Integer want = 0;
    for (int i = 2; i <= 20000; i += 3) {
        char digits[16];
        want += snprintf(digits, sizeof digits, "%d", i) + i % 300;
    }
    assert_int_equal(lua_tointeger(L, -1), want);
    lua_close(L);
    nb_pool_free(pool);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(resizes_keep_contents),
        cmocka_unit_test(freed_blocks_are_used_again),
        cmocka_unit_test(many_blocks_do_not_overlap),
        cmocka_unit_test(a_failed_slab_gives_nothing_twice),
        cmocka_unit_test(a_lua_state_lives_on_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
