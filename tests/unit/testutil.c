#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

nb_report *load_text(const char *text, char *err_out, size_t err_len)
{
    nb_error err = {{0}};
    nb_report *r = nb_load_buffer(text, strlen(text), "test.lua", NULL, &err);
    if (err_out)
        snprintf(err_out, err_len, "%s", r ? "" : err.message);
    return r;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = (size_t)n;
    }
    return buf;
}
