/* libFuzzer target: the data-file loader (sandbox + conversion) and the built-in checks.
 * Any input must give a report or an error message, never a crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the default limits but fewer steps, so that loops end quickly and fuzzing stays fast */
    nb_limits limits = nb_default_limits;
    limits.max_instructions = 200 * 1000;
    nb_error err;
    err.message[0] = '\0';
    nb_report *r = nb_load_buffer((const char *)data, size, "fuzz.lua", &limits, &err);
    if (!r) {
        if (!err.message[0]) /* every refusal must say why */
            __builtin_trap();
        return 0;
    }
    nb_findings f;
    memset(&f, 0, sizeof f);
    nb_check(r, NULL, &f);
    nb_check(r, r, &f); /* also as its own previous year */
    nb_findings_free(&f);
    nb_report_free(r);
    return 0;
}
