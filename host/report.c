#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *nb_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

nb_report *nb_report_new(void)
{
    nb_report *r = calloc(1, sizeof *r);
    if (r)
        r->format = 2021;
    return r;
}

void nb_report_free(nb_report *r)
{
    if (!r)
        return;
    free(r->agency);
    free(r->title);
    free(r->preamble);
    free(r->signature_agency);
    free(r->signature_date);
    for (size_t i = 0; i < r->n_overview; i++) {
        free(r->overview[i].heading);
        free(r->overview[i].text);
    }
    free(r->overview);
    for (size_t i = 0; i < r->n_proactive_2019; i++)
        free(r->proactive_2019[i].label);
    free(r->proactive_2019);
    free(r->problems);
    free(r->improvements);
    free(r->other_matters);
    free(r);
}

/* Sum of cells; blank and absent cells add nothing. Returns the state of the result:
 * VALUE when at least one cell had a value, BLANK when all were blank or absent,
 * INVALID when any cell was invalid (no sum can be trusted then). */
static nb_cell sum_cells(const nb_cell *const *cells, int n)
{
    nb_cell out = {NB_CELL_BLANK, 0, 0};
    for (int i = 0; i < n; i++) {
        if (cells[i]->state == NB_CELL_INVALID) {
            out.state = NB_CELL_INVALID;
            out.amount = 0.0 / 0.0;
            return out;
        }
        if (cells[i]->state == NB_CELL_VALUE) {
            out.state = NB_CELL_VALUE;
            out.count += cells[i]->count;
        }
    }
    out.amount = (double)out.count;
    return out;
}

void nb_report_derive(nb_report *r)
{
    if (!r->has_requests)
        return;
    if (!r->total_row_given) {
        for (int c = 0; c < NB_T3_APPLICANTS; c++) {
            const nb_cell *cells[NB_T3_LAST_RESULT - NB_T3_FIRST_RESULT + 1];
            for (int k = NB_T3_FIRST_RESULT; k <= NB_T3_LAST_RESULT; k++)
                cells[k - NB_T3_FIRST_RESULT] = &r->requests[k][c];
            r->requests[NB_T3_TOTAL][c] = sum_cells(cells, NB_T3_LAST_RESULT - NB_T3_FIRST_RESULT + 1);
        }
    }
    for (int k = 0; k < NB_T3_ROWS; k++) {
        if (r->total_given[k])
            continue;
        const nb_cell *cells[NB_T3_APPLICANTS];
        for (int c = 0; c < NB_T3_APPLICANTS; c++)
            cells[c] = &r->requests[k][c];
        r->requests[k][NB_T3_APPLICANTS] = sum_cells(cells, NB_T3_APPLICANTS);
    }
}

char *nb_report_title(const nb_report *r)
{
    if (r->title)
        return nb_strdup(r->title);
    const char *agency = r->agency ? r->agency : "";
    size_t n = strlen(agency) + 64;
    char *t = malloc(n);
    if (!t)
        return NULL;
    if (r->year)
        snprintf(t, n, "%s%d年%s", agency, r->year, nb_title_suffix);
    else
        snprintf(t, n, "%s%s", agency, nb_title_suffix);
    return t;
}
