#include "schema.h"

#include <string.h>

const nb_section nb_sections[NB_SECTIONS] = {
    {"一", "overview", "一、总体情况"},
    {"二", "proactive", "二、主动公开政府信息情况"},
    {"三", "requests", "三、收到和处理政府信息公开申请情况"},
    {"四", "appeals", "四、政府信息公开行政复议、行政诉讼情况"},
    {"五", "problems", "五、存在的主要问题及改进情况"},
    {"六", "other_matters", "六、其他需要报告的事项"},
};

const char *const nb_fields[NB_FIELDS + 1] = {
    "format", "agency", "year", "title", "preamble", "overview", "proactive", "proactive_2019",
    "requests", "appeals", "problems", "improvements", "other_matters", "processing_fees",
    "signature", NULL,
};

const char *const nb_item_fields[NB_ITEM_FIELDS + 1] = {"heading", "text", NULL};

const char *const nb_t2_content_label = "信息内容";

const nb_t2_block nb_t2_blocks[NB_T2_BLOCKS] = {
    {"第二十条第（一）项", {"本年制发件数", "本年废止件数", "现行有效件数"}, 3},
    {"第二十条第（五）项", {"本年处理决定数量", NULL, NULL}, 1},
    {"第二十条第（六）项", {"本年处理决定数量", NULL, NULL}, 1},
    {"第二十条第（八）项", {"本年收费金额（单位：万元）", NULL, NULL}, 1},
};

const nb_t2_cell nb_t2_cells[NB_T2_CELLS] = {
    {"proactive.regulations.issued", "regulations", "issued", "规章", "本年制发件数", 0, 0},
    {"proactive.regulations.repealed", "regulations", "repealed", "规章", "本年废止件数", 0, 0},
    {"proactive.regulations.in_force", "regulations", "in_force", "规章", "现行有效件数", 0, 0},
    {"proactive.normative_documents.issued", "normative_documents", "issued", "行政规范性文件", "本年制发件数", 0, 0},
    {"proactive.normative_documents.repealed", "normative_documents", "repealed", "行政规范性文件", "本年废止件数", 0, 0},
    {"proactive.normative_documents.in_force", "normative_documents", "in_force", "行政规范性文件", "现行有效件数", 0, 0},
    {"proactive.licensing", "licensing", NULL, "行政许可", "本年处理决定数量", 1, 0},
    {"proactive.punishment", "punishment", NULL, "行政处罚", "本年处理决定数量", 2, 0},
    {"proactive.coercion", "coercion", NULL, "行政强制", "本年处理决定数量", 2, 0},
    {"proactive.fees", "fees", NULL, "行政事业性收费", "本年收费金额（单位：万元）", 3, 1},
};

const nb_t3_row nb_t3_rows[NB_T3_ROWS] = {
    {"new", NULL, NULL, NULL, "一、本年新收政府信息公开申请数量", 1},
    {"carried_over", NULL, NULL, NULL, "二、上年结转政府信息公开申请数量", 1},
    {"disclosed", NULL, NULL, NULL, "（一）予以公开", 2},
    {"partially_disclosed", NULL, NULL, NULL, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2},
    {"withheld.state_secret", "withheld", "state_secret", "（三）不予公开", "1.属于国家秘密", 3},
    {"withheld.prohibited_by_law", "withheld", "prohibited_by_law", "（三）不予公开", "2.其他法律行政法规禁止公开", 3},
    {"withheld.security_stability", "withheld", "security_stability", "（三）不予公开", "3.危及“三安全一稳定”", 3},
    {"withheld.third_party", "withheld", "third_party", "（三）不予公开", "4.保护第三方合法权益", 3},
    {"withheld.internal_affairs", "withheld", "internal_affairs", "（三）不予公开", "5.属于三类内部事务信息", 3},
    {"withheld.process_info", "withheld", "process_info", "（三）不予公开", "6.属于四类过程性信息", 3},
    {"withheld.enforcement_files", "withheld", "enforcement_files", "（三）不予公开", "7.属于行政执法案卷", 3},
    {"withheld.inquiry", "withheld", "inquiry", "（三）不予公开", "8.属于行政查询事项", 3},
    {"unavailable.not_held", "unavailable", "not_held", "（四）无法提供", "1.本机关不掌握相关政府信息", 3},
    {"unavailable.needs_creation", "unavailable", "needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作", 3},
    {"unavailable.unclear", "unavailable", "unclear", "（四）无法提供", "3.补正后申请内容仍不明确", 3},
    {"not_processed.petition", "not_processed", "petition", "（五）不予处理", "1.信访举报投诉类申请", 3},
    {"not_processed.duplicate", "not_processed", "duplicate", "（五）不予处理", "2.重复申请", 3},
    {"not_processed.publication", "not_processed", "publication", "（五）不予处理", "3.要求提供公开出版物", 3},
    {"not_processed.mass_repeated", "not_processed", "mass_repeated", "（五）不予处理", "4.无正当理由大量反复申请", 3},
    {"not_processed.reconfirmation", "not_processed", "reconfirmation", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", 3},
    {"other.no_correction", "other", "no_correction", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 3},
    {"other.no_fee_payment", "other", "no_fee_payment", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 3},
    {"other.other", "other", "other", "（六）其他处理", "3.其他", 3},
    {"total", NULL, NULL, NULL, "（七）总计", 2},
    {"carried_forward", NULL, NULL, NULL, "四、结转下年度继续办理", 1},
};

const nb_column nb_t3_cols[NB_T3_COLS] = {
    {"natural_person", "自然人"},
    {"commercial", "商业企业"},
    {"research", "科研机构"},
    {"public_interest", "社会公益组织"},
    {"legal_services", "法律服务机构"},
    {"other", "其他"},
    {"total", "总计"},
};

const char *const nb_t3_corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
const char *const nb_t3_applicants = "申请人情况";
const char *const nb_t3_legal_persons = "法人或其他组织";
const char *const nb_t3_results_label = "三、本年度办理结果";

const nb_column nb_t4_groups[NB_T4_GROUPS] = {
    {"review", "行政复议"},
    {"litigation_direct", "未经复议直接起诉"},
    {"litigation_after_review", "复议后起诉"},
};

const nb_column nb_t4_cols[NB_T4_COLS] = {
    {"upheld", "结果维持"},
    {"corrected", "结果纠正"},
    {"other", "其他结果"},
    {"pending", "尚未审结"},
    {"total", "总计"},
};

const nb_column nb_fee_fields[NB_FEE_FIELDS] = {
    {"notices", "收费通知件数"},
    {"notified", "收费通知金额（元）"},
    {"collected", "实际收取金额（元）"},
};

#define T2019_COUNTS {{"上一年项目数量", NB_T2019_COUNT}, {"本年增/减", NB_T2019_CHANGE}, {"处理决定数量", NB_T2019_COUNT}}
const nb_t2_2019_block nb_t2_2019_blocks[NB_T2_2019_BLOCKS] = {
    {"第二十条第（一）项", {{"本年新制作数量", NB_T2019_COUNT}, {"本年新公开数量", NB_T2019_COUNT}, {"对外公开总数量", NB_T2019_COUNT}}},
    {"第二十条第（五）项", T2019_COUNTS},
    {"第二十条第（六）项", T2019_COUNTS},
    {"第二十条第（八）项", {{"上一年项目数量", NB_T2019_COUNT}, {"本年增/减", NB_T2019_CHANGE}, {NULL, 0}}},
    {"第二十条第（九）项", {{"采购项目数量", NB_T2019_COUNT}, {"采购总金额", NB_T2019_AMOUNT}, {NULL, 0}}},
};
#undef T2019_COUNTS

const nb_t2_2019_row nb_t2_2019_rows[NB_T2_2019_ROWS] = {
    {"规章", 3, 0}, {"规范性文件", 3, 0}, {"行政许可", 3, 1}, {"其他对外管理服务事项", 3, 1},
    {"行政处罚", 3, 2}, {"行政强制", 3, 2}, {"行政事业性收费", 2, 3}, {"政府集中采购", 2, 4},
};

int nb_t2_2019_row_index(const char *label)
{
    for (int i = 0; i < NB_T2_2019_ROWS; i++)
        if (strcmp(nb_t2_2019_rows[i].label, label) == 0)
            return i;
    return -1;
}

nb_t2_2019_kind nb_t2_2019_kind_of(int row, int col)
{
    if (row < 0 || row >= NB_T2_2019_ROWS || col < 0 || col >= nb_t2_2019_rows[row].cells)
        return NB_T2019_COUNT;
    return nb_t2_2019_blocks[nb_t2_2019_rows[row].block].columns[col].kind;
}

const char *const *nb_t2_2019_labels(void)
{
    static const char *labels[NB_T2_2019_ROWS + 1];
    for (int i = 0; i < NB_T2_2019_ROWS; i++) /* the same values every time */
        labels[i] = nb_t2_2019_rows[i].label;
    return labels;
}

const char *const nb_blank_markers[] = {"", "/", "／", "—", "——", "-", "－", "_", "–", NULL};

const char *const nb_title_suffix = "政府信息公开工作年度报告";

const nb_column nb_severities[NB_SEVERITIES] = {
    {"error", "错误"},
    {"warning", "警告"},
};

const char *const nb_t4_review = "行政复议";
const char *const nb_t4_litigation = "行政诉讼";

int nb_t3_row_index(const char *key)
{
    for (int i = 0; i < NB_T3_ROWS; i++)
        if (strcmp(nb_t3_rows[i].key, key) == 0)
            return i;
    return -1;
}

/* Append key to the NULL-terminated list unless it is there already. */
static void add_key(const char **list, size_t cap, const char *key)
{
    size_t n = 0;
    for (; list[n]; n++)
        if (strcmp(list[n], key) == 0)
            return;
    if (n + 1 < cap)
        list[n] = key;
}

enum { KEYS_MAX = NB_T3_ROWS + 1 };

const char *const *nb_schema_keys(nb_keyset which)
{
    /* built once from the tables; the same values every time, so a repeated build is harmless */
    static const char *lists[NB_KEYSETS][KEYS_MAX];
    static int built;
    if (!built) {
        for (int i = 0; i < NB_T2_CELLS; i++) {
            add_key(lists[NB_KEYS_T2_ROWS], KEYS_MAX, nb_t2_cells[i].row_key);
            if (nb_t2_cells[i].col_key)
                add_key(lists[NB_KEYS_T2_COLUMNS], KEYS_MAX, nb_t2_cells[i].col_key);
        }
        for (int i = 0; i < NB_T3_ROWS; i++)
            add_key(lists[NB_KEYS_T3_ROWS], KEYS_MAX, nb_t3_rows[i].group ? nb_t3_rows[i].group : nb_t3_rows[i].key);
        for (int i = 0; i < NB_T4_GROUPS; i++)
            add_key(lists[NB_KEYS_T4_GROUPS], KEYS_MAX, nb_t4_groups[i].key);
        for (int i = 0; i < NB_T4_COLS; i++)
            add_key(lists[NB_KEYS_T4_COLUMNS], KEYS_MAX, nb_t4_cols[i].key);
        for (int i = 0; i < NB_FEE_FIELDS; i++)
            add_key(lists[NB_KEYS_FEES], KEYS_MAX, nb_fee_fields[i].key);
        built = 1;
    }
    static const char *const none[] = {NULL};
    return (unsigned)which < NB_KEYSETS ? lists[which] : none;
}

/* The parts of the report around the six sections (FORMAT.md §2). */
const char *const nb_signature_keys[] = {"agency", "date", NULL};

static int parse_unpadded(const char **p, int max_digits)
{
    const char *s = *p;
    if (*s < '1' || *s > '9') /* no leading zero: GB/T 9704 writes 1月, not 01月 */
        return -1;
    int v = 0, n = 0;
    while (*s >= '0' && *s <= '9' && n < max_digits) {
        v = v * 10 + (*s - '0');
        s++;
        n++;
    }
    *p = s;
    return v;
}

static int eat(const char **p, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(*p, word, n) != 0)
        return 0;
    *p += n;
    return 1;
}

int nb_date_parse(const char *s, int *year, int *month, int *day)
{
    const char *p = s;
    int y = parse_unpadded(&p, 4);
    if (y < 1000 || !eat(&p, "年"))
        return 0;
    int m = parse_unpadded(&p, 2);
    if (m < 1 || m > 12 || !eat(&p, "月"))
        return 0;
    int d = parse_unpadded(&p, 2);
    if (d < 1 || !eat(&p, "日") || *p)
        return 0;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > days[m - 1] + (m == 2 && leap))
        return 0;
    *year = y;
    *month = m;
    *day = d;
    return 1;
}
