/* The official format of 国办公开办函〔2021〕30号 as static data (FORMAT.md §1).
 * Everything that names a section, row, column or label comes from here. */
#ifndef NB_SCHEMA_H
#define NB_SCHEMA_H

#include <stddef.h>

enum { NB_SECTIONS = 6 };

typedef struct {
    const char *numeral;  /* "一" */
    const char *key;      /* the key in the data file */
    const char *heading;  /* "一、总体情况" */
} nb_section;

/* Table 二: four blocks; block 1 has three value columns, the others one. */
enum { NB_T2_CELLS = 10, NB_T2_BLOCKS = 4 };

typedef struct {
    const char *path;     /* the dotted path: proactive.<row_key>.<col_key> */
    const char *row_key;  /* the row's key in the data file */
    const char *col_key;  /* the column's key, or NULL for single-value rows */
    const char *label;    /* the row label, as 规章 */
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
    const char *key;      /* group.member for a row of a group */
    const char *group;    /* the group's key, or NULL when the row is its own group */
    const char *member;   /* the row's key within its group, or NULL */
    const char *group_label; /* "（三）不予公开" or NULL */
    const char *label;    /* "1.属于国家秘密" */
    int level;            /* 1: top row (一、二、四), 2: result group row, 3: item in a group */
} nb_t3_row;

typedef struct {
    const char *key;      /* the key in the data file */
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

/* The processing fees of section 六 (国办函〔2020〕109号): notices is a count, the others
 * amounts in 元. */
enum { NB_FEE_FIELDS = 3 };
extern const nb_column nb_fee_fields[NB_FEE_FIELDS];

/* Table 二 of the 2019 trial format (国办公开办函〔2019〕60号), as its reports published it:
 * five blocks, each with its own value columns. A column is a count, a signed count (本年增/减:
 * the change in the number of items, negative when items were dropped) or an amount
 * (采购总金额, in the unit the report states). */
typedef enum { NB_T2019_COUNT, NB_T2019_CHANGE, NB_T2019_AMOUNT } nb_t2_2019_kind;

typedef struct {
    const char *label;         /* "本年增/减" */
    nb_t2_2019_kind kind;
} nb_t2_2019_column;

enum { NB_T2_2019_BLOCKS = 5, NB_T2_2019_MAX_COLS = 3 };
typedef struct {
    const char *header;        /* "第二十条第（九）项" */
    nb_t2_2019_column columns[NB_T2_2019_MAX_COLS];
} nb_t2_2019_block;
extern const nb_t2_2019_block nb_t2_2019_blocks[NB_T2_2019_BLOCKS];

/* Its rows, in order: label, number of cells (the block's columns) and block. */
typedef struct {
    const char *label;
    int cells;
    int block;                 /* index into nb_t2_2019_blocks */
} nb_t2_2019_row;
enum { NB_T2_2019_ROWS = 8 };
extern const nb_t2_2019_row nb_t2_2019_rows[NB_T2_2019_ROWS];

/* The row with this label, or -1; the kind of its cell `col` (0-based), NB_T2019_COUNT for
 * an unknown row or column. */
int nb_t2_2019_row_index(const char *label);
nb_t2_2019_kind nb_t2_2019_kind_of(int row, int col);
/* The NULL-terminated list of the row labels, for messages and suggestions. */
const char *const *nb_t2_2019_labels(void);

/* Texts that stand for a blank cell (the empty text, a slash, dashes), NULL-terminated. */
extern const char *const nb_blank_markers[];

/* The title when the data file gives none: agency, year (omitted when 0) and this suffix. */
extern const char *const nb_title_suffix;

/* Severity names: in data (findings) and in Chinese (messages), indexed by nb_severity. */
enum { NB_SEVERITIES = 2 };
extern const nb_column nb_severities[NB_SEVERITIES];

/* Key lists derived from the tables above (NULL-terminated), so that nothing else spells
 * the keys: the rows of table 二, the columns of its first block, the rows (and groups) of
 * table 三, the groups and columns of table 四, the processing fees. */
typedef enum {
    NB_KEYS_T2_ROWS, NB_KEYS_T2_COLUMNS, NB_KEYS_T3_ROWS, NB_KEYS_T4_GROUPS, NB_KEYS_T4_COLUMNS,
    NB_KEYS_FEES, NB_KEYSETS
} nb_keyset;
const char *const *nb_schema_keys(nb_keyset which);

/* The fields of a data file (FORMAT §2), and of each subsection of 一; NULL-terminated.
 * NB_KEY(AGENCY) names the agency field: keys are spelled only in schema.c. */
enum {
    NB_F_FORMAT, NB_F_AGENCY, NB_F_YEAR, NB_F_TITLE, NB_F_PREAMBLE, NB_F_OVERVIEW, NB_F_PROACTIVE,
    NB_F_PROACTIVE_2019, NB_F_REQUESTS, NB_F_APPEALS, NB_F_PROBLEMS, NB_F_IMPROVEMENTS,
    NB_F_OTHER_MATTERS, NB_F_PROCESSING_FEES, NB_F_SIGNATURE, NB_FIELDS
};
extern const char *const nb_fields[NB_FIELDS + 1];
enum { NB_F_HEADING, NB_F_TEXT, NB_ITEM_FIELDS };
extern const char *const nb_item_fields[NB_ITEM_FIELDS + 1];
#define NB_KEY(f) (nb_fields[NB_F_##f])
#define NB_ITEM_KEY(f) (nb_item_fields[NB_F_##f])

/* Lookups; -1 when not found. */
int nb_t3_row_index(const char *key);

/* The signature (落款) table's keys, NULL-terminated. */
extern const char *const nb_signature_keys[];

/* A 成文日期 as GB/T 9704 writes it: "2025年1月20日", Arabic digits, no zero padding, a real
 * calendar date. 1 and the parts when valid, else 0. */
int nb_date_parse(const char *s, int *year, int *month, int *day);

#endif
