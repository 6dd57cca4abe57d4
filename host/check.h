/* The built-in checks of FORMAT §3: the arithmetic between cells, valid and blank values,
 * missing sections, the old template, and the carry-over from last year. Knows nothing of Lua. */
#ifndef NB_CHECK_H
#define NB_CHECK_H

#include <stddef.h>

#include "report.h"

typedef enum { NB_SEV_ERROR = 0, NB_SEV_WARNING = 1 } nb_severity;

typedef struct {
    char id[32];            /* "T3.BALANCE" */
    nb_severity severity;
    char section[8];        /* "三", or "" */
    char row[96];           /* row key ("withheld.state_secret", "proactive.regulations"), or "" */
    char row_label[320];    /* its Chinese label */
    char column[96];        /* column label ("自然人", "总计", "本年制发件数"), or "" */
    int column_index;       /* 1-based column of the table, 0 when none */
    char expected[64];
    char found[64];
    char message[1024];     /* one Chinese sentence */
} nb_finding;

typedef struct {
    nb_finding *items;
    size_t n;
    size_t cap;
} nb_findings;

void nb_findings_free(nb_findings *f);

/* Append the findings of every built-in check. previous may be NULL. Returns 0, or -1
 * when memory ran out (the list then holds what was found so far). */
int nb_check(const nb_report *r, const nb_report *previous, nb_findings *out);

const char *nb_severity_name(nb_severity s);

#endif
