#ifndef NB_TESTUTIL_H
#define NB_TESTUTIL_H
#include "report.h"
/* Load a data file from a string (NULL on failure, message in err_out if given). */
nb_report *load_text(const char *text, char *err_out, size_t err_len);
/* Read a whole file; caller frees. */
char *read_file(const char *path, size_t *len);
#endif
