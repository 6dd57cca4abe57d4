/* The report model: one report as C data (counts as int64, fee as double, blanks marked). */
#ifndef NB_REPORT_H
#define NB_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "schema.h"

typedef enum {
    NB_CELL_ABSENT = 0, /* the data file did not have it */
    NB_CELL_BLANK,      /* a blank marker of nb_blank_markers (schema.h) */
    NB_CELL_VALUE,      /* a valid value: count in .count, amount in .amount */
    NB_CELL_INVALID     /* a number that is not a valid value: kept in .amount */
} nb_cell_state;

/* A count above this is out of range (no agency handles a billion applications), and
 * keeps every sum far from int64 overflow; an amount (万元) above NB_MAX_AMOUNT likewise.
 * A cell beyond them is VALUE.INVALID, its message naming the bound. */
#define NB_MAX_COUNT 1000000000.0
#define NB_MAX_AMOUNT 1e12

typedef struct {
    nb_cell_state state;
    int64_t count;  /* for counts; for an invalid integer, the integer as written */
    double amount;  /* for amounts, and the raw number of an invalid cell */
} nb_cell;

typedef struct {
    char *heading;
    char *text;
} nb_subsection;

/* One row of the 2019 trial format's table 二, kept by its own labels. */
typedef struct {
    char *label;
    nb_cell values[4];
    int n_values;
} nb_row2019;

typedef struct {
    int format;          /* 2021 or 2019 */
    int year;            /* 0 when absent */
    char *agency;
    char *title;         /* as given, or NULL: derive with nb_report_title */
    char *preamble;      /* text before 一、总体情况, or NULL */

    nb_subsection *overview;
    size_t n_overview;

    int has_proactive;
    nb_cell proactive[NB_T2_CELLS];      /* order of nb_t2_cells */
    nb_row2019 *proactive_2019;
    size_t n_proactive_2019;

    int has_requests;
    nb_cell requests[NB_T3_ROWS][NB_T3_COLS];
    int total_given[NB_T3_ROWS];         /* the 总计 column was in the file */
    int total_row_given;                 /* the （七）总计 row was in the file */

    int has_appeals;
    nb_cell appeals[NB_T4_GROUPS][NB_T4_COLS];

    char *problems;
    char *improvements;
    char *other_matters;

    int has_processing_fees;
    nb_cell fee_notices;                 /* count */
    nb_cell fee_notified;                /* yuan */
    nb_cell fee_collected;               /* yuan */

    int has_signature;                   /* 落款 and 成文日期 at the end */
    char *signature_agency;
    char *signature_date;                /* "2025年1月20日" (validated), or NULL */
} nb_report;

nb_report *nb_report_new(void);
void nb_report_free(nb_report *r);

/* Fill what the file may omit: the 总计 column (sum of the applicant columns) and the
 * （七）总计 row (sum of the result rows), where they were not given. */
void nb_report_derive(nb_report *r);

/* The title as given, or agency, year and nb_title_suffix (schema.h). Caller frees. */
char *nb_report_title(const nb_report *r);

char *nb_strdup(const char *s);

#endif
