/* libFuzzer target: the literal reader (host/literal.c) against Lua's compiler. Whatever
 * the reader takes must compile, run and return the very table the reader built (same
 * values, number subtypes, float bits, and order of traversal); what it declines must leave
 * the stack as it was (tests/fuzz/literal_same.h). The loader's scan for a key given twice
 * (host/diagnose.c), which reads the files the reader declines, reads any bytes too. */
#include <stddef.h>
#include <stdint.h>

#include "diagnose.h"
#include "literal_same.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nb_error err;
    (void)nb_diagnose_duplicate_key((const char *)data, size, "fuzz.lua", &err);
    char why[300];
    if (literal_compare((const char *)data, size, why, sizeof why) < 0)
        __builtin_trap();
    return 0;
}
