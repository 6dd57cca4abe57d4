/* The official format of 国办公开办函〔2021〕30号 as static data (FORMAT.md §1).
 * Everything that names a section, row, column or label comes from here. */
#ifndef NB_SCHEMA_H
#define NB_SCHEMA_H

#include <stddef.h>

enum { NB_SECTIONS = 6 };

typedef struct {
    const char *numeral;  /* "一" */
    const char *key;      /* "overview" */
    const char *heading;  /* "一、总体情况" */
} nb_section;

/* Table 二: four blocks; block 1 has three value columns, the others one. */
enum { NB_T2_CELLS = 10, NB_T2_BLOCKS = 4 };

typedef struct {
    const char *path;     /* "proactive.regulations.issued" */
    const char *row_key;  /* "regulations" */
    const char *col_key;  /* "issued" or NULL for single-value rows */
    const char *label;    /* "规章" */
    const char *column;   /* "本年制发件数" */
    int block;            /* 0..3 */
    int is_amount;        /* 1 for the fee in 万元 */
} nb_t2_cell;

typedef struct {
    const char *header;   /* "第二十条第（一）项" */
    const char *value_columns[3];
    int n_value_columns;
} nb_t2_block;

/* Table 三: 25 rows x 7 columns. The result rows run from （一）予以公开 to （六）3.其他:
 * 21 rows (FORMAT.md says 20, but its own list has 21); with （七）总计 the 三、本年度办理结果
 * cell spans 22 rows. */
enum { NB_T3_ROWS = 25, NB_T3_COLS = 7, NB_T3_APPLICANTS = 6 };
enum {
    NB_T3_NEW = 0, NB_T3_CARRIED_OVER = 1,
    NB_T3_FIRST_RESULT = 2, NB_T3_LAST_RESULT = 22,
    NB_T3_TOTAL = 23, NB_T3_CARRIED_FORWARD = 24
};

typedef struct {
    const char *key;      /* "withheld.state_secret" */
    const char *group;    /* "withheld" or NULL when the row is its own group */
    const char *member;   /* "state_secret" or NULL */
    const char *group_label; /* "（三）不予公开" or NULL */
    const char *label;    /* "1.属于国家秘密" */
    int level;            /* 1: top row (一、二、四), 2: result group row, 3: item in a group */
} nb_t3_row;

typedef struct {
    const char *key;      /* "natural_person" */
    const char *label;    /* "自然人" */
} nb_column;

/* Table 四: three groups of five. */
enum { NB_T4_GROUPS = 3, NB_T4_COLS = 5 };

extern const nb_section nb_sections[NB_SECTIONS];
extern const nb_t2_block nb_t2_blocks[NB_T2_BLOCKS];
extern const nb_t2_cell nb_t2_cells[NB_T2_CELLS];
extern const nb_t3_row nb_t3_rows[NB_T3_ROWS];
extern const nb_column nb_t3_cols[NB_T3_COLS];
extern const char *const nb_t3_corner;        /* the 勾稽关系 note in the top-left cell */
extern const char *const nb_t3_applicants;    /* 申请人情况 */
extern const char *const nb_t3_legal_persons; /* 法人或其他组织 */
extern const char *const nb_t3_results_label; /* 三、本年度办理结果 */
extern const nb_column nb_t4_groups[NB_T4_GROUPS];
extern const nb_column nb_t4_cols[NB_T4_COLS];
extern const char *const nb_t4_review;        /* 行政复议 */
extern const char *const nb_t4_litigation;    /* 行政诉讼 */

/* Extra labels and texts the official format fixes. */
extern const char *const nb_t2_content_label;  /* 信息内容 */

/* Lookups; -1 when not found. */
int nb_t3_row_index(const char *key);
int nb_t3_group_index(const char *group, const char *member);

/* The signature (落款) table's keys, NULL-terminated. */
extern const char *const nb_signature_keys[];

/* A 成文日期 as GB/T 9704 writes it: "2025年1月20日", Arabic digits, no zero padding, a real
 * calendar date. 1 and the parts when valid, else 0. */
int nb_date_parse(const char *s, int *year, int *month, int *day);

#endif
