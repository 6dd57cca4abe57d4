#include "docx.h"
#include "bytes.h"
#include "docx_numbering.h"
#include "ooxml.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

/* mc:AlternateContent: mc:Choice holds what Word shows (a text box as DrawingML), mc:Fallback
 * the same again for older readers (as VML): read once, from the Choice */
#define MC_FALLBACK "http://schemas.openxmlformats.org/markup-compatibility/2006|Fallback"

enum { MAX_ITEMS = 200000, MAX_DEPTH = 256, MAX_P_NEST = 16 };

/* a paragraph being read: its numbering, where its properties are, the run open in it */
typedef struct {
    nb_para_numbering n;
    size_t start;             /* where its text starts in the text being read */
    size_t later;             /* where its text boxes' records start in state.later */
    int depth, ppr_depth, numpr_depth, mark_depth; /* mark_depth: its w:pPr/w:rPr */
    signed char mark_vanish;  /* the paragraph mark's w:vanish: 1, 0, or -1 not said */
    char mark_deleted;        /* the paragraph mark is a deleted tracked change */
    char shown;               /* some of its text is shown */
    int tbl;                  /* the table whose style applies to its text (s->tbl then), 0: none */
    int run_depth, run_rpr_depth;
    signed char run_vanish, run_hidden; /* the run's own w:vanish (-1: not said); hidden (-1: not known yet) */
    signed char run_bold, run_bolded; /* the run's own w:b (-1: not said); bold (-1: not known yet) */
    char lead;                /* LEAD_NONE, LEAD_BOLD (its text so far is bold), LEAD_DONE */
    char run_style[NB_STYLE_ID_MAX];
    char counted;             /* counted in its list (label holds its number) */
    size_t label_len;
    char label[NB_NUMBER_LABEL_MAX];
} para_props;

/* A paragraph that opens with bold runs and goes on in plain ones ("（一）主动公开" in bold,
 * then its text): LEAD_MARK stands in its text where the bold lead ends, and its item gets
 * the lead's length in bytes (lead). The byte is no XML character, so never in the text. */
enum { LEAD_NONE, LEAD_BOLD, LEAD_DONE };
#define LEAD_MARK '\x01'

/* ---- the document ---- */

typedef struct {
    nb_xml_base b;
    /* the parse result: records in one buffer, pushed to Lua after expat is done (a Lua
     * error must not jump through expat's frames): 'P' text NUL (a paragraph, in a cell or
     * not), 'T' 't' (a table's start and end, at any depth), 'R' 'E' (a row's), 'C' (a
     * cell's start), 'c' span NUL (a cell's end) or 'm' (the end of a vMerge continuation) */
    nb_bytes records;
    /* the records of the text boxes anchored in the paragraph open, put after it when it ends */
    nb_bytes later;
    nb_bytes text;      /* the paragraphs open, each from its para_props.start */
    int in_t;      /* inside w:t */
    int tbl;       /* w:tbl depth */
    int span[MAX_DEPTH + 1], vcont[MAX_DEPTH + 1]; /* of the cell open at each table depth */
    int tbl_depth[MAX_DEPTH + 1];          /* the XML depth of the w:tbl open at each table depth */
    signed char tbl_hides[MAX_DEPTH + 1];  /* its table style's w:vanish: 1, 0, or -1 not said */
    signed char tbl_bold[MAX_DEPTH + 1];   /* and its w:b */
    /* the row open at each table depth: its XML depth (0: none), where its 'R' record is, the
     * paragraphs open around it, whether a cell of it started; and the depth of its w:trPr */
    int row_depth[MAX_DEPTH + 1], row_nest[MAX_DEPTH + 1];
    size_t row_at[MAX_DEPTH + 1];
    char row_cells[MAX_DEPTH + 1];
    int trpr_depth;
    /* the cell open at each table depth: its XML depth (0: none), where its 'C' record is; and
     * the depth of its w:tcPr */
    int cell_depth[MAX_DEPTH + 1];
    size_t cell_at[MAX_DEPTH + 1];
    int tcpr_depth;
    /* depth inside content Word does not show, which is skipped: mc:Fallback (a copy), a
     * deleted tracked change (w:del, w:moveFrom), what a hidden run holds (w:vanish) */
    int skip;
    long items;
    int depth;
    nb_numbering *nums; /* the definitions of word/numbering.xml and word/styles.xml, or NULL */
    para_props para[MAX_P_NEST]; /* the w:p open at each nesting (a text box's inside a paragraph) */
    int p_nest;
    /* a paragraph whose mark is deleted (join_nest > 0: its nesting): its text, still in text,
     * joins the next paragraph if that one follows it in the same container */
    para_props joined;
    int join_nest;
} state;

/* where records go: after the paragraph open, if any (a table in its text box) */
static nb_bytes *out(state *s) { return s->p_nest > 0 ? &s->later : &s->records; }

static void add_record(state *s, const char *r) { nb_bytes_add(out(s), r, 1); }

/* text read outside any paragraph (in a table or the body itself) as a paragraph */
static void emit_stray(state *s)
{
    if (s->p_nest > 0)
        return; /* the text of the paragraph open: it goes on */
    if (s->text.len > 0) {
        if (++s->items > MAX_ITEMS)
            return nb_ooxml_stop(s, "段落过多");
        nb_bytes_add(&s->records, "P", 1);
        nb_bytes_add(&s->records, s->text.data, s->text.len);
        nb_bytes_add(&s->records, "", 1);
    }
    s->text.len = 0;
}

/* the paragraph p (the innermost open) ends: its text, from p->start, becomes a record. That
 * of a paragraph in the body or a cell goes out, then its text boxes' paragraphs; that of a
 * text box's paragraph goes before the records of the boxes inside it. */
static void end_para(state *s, const para_props *p, int nest)
{
    size_t n = s->text.len - p->start;
    if (n > 0) {
        if (++s->items > MAX_ITEMS)
            return nb_ooxml_stop(s, "段落过多");
        if (nest == 1) {
            nb_bytes_add(&s->records, "P", 1);
            nb_bytes_add(&s->records, s->text.data + p->start, n);
            nb_bytes_add(&s->records, "", 1);
        } else if (nb_bytes_add(&s->later, "P", 1) && nb_bytes_add(&s->later, s->text.data + p->start, n)
                   && nb_bytes_add(&s->later, "", 1)) {
            char *at = s->later.data + p->later;
            size_t moved = s->later.len - p->later - (n + 2);
            /* rotate the record (at the end) to where the paragraph started */
            char *rec = malloc(n + 2);
            if (!rec) {
                s->later.failed = 1;
            } else {
                memcpy(rec, s->later.data + s->later.len - (n + 2), n + 2);
                memmove(at + n + 2, at, moved);
                memcpy(at, rec, n + 2);
                free(rec);
            }
        }
    }
    s->text.len = p->start;
    if (nest == 1 && s->later.len > 0) {
        nb_bytes_add(&s->records, s->later.data, s->later.len);
        s->later.len = 0;
    }
}

/* counts the paragraph p in its list, unless it is hidden (Word neither shows nor counts its
 * number): when it ends, or before the first paragraph of a text box inside it (document order) */
static int para_hidden(state *s, const para_props *p);
static void count_para(state *s, para_props *p)
{
    if (p->counted || !s->nums)
        return;
    p->counted = 1;
    if (!para_hidden(s, p))
        p->label_len = nb_numbering_label(s->nums, &p->n, p->label, sizeof p->label);
}

/* the number Word shows before a paragraph, put before its text; an empty paragraph (its
 * number alone) is counted in its list but stays no item */
static void number_para(state *s, para_props *p)
{
    count_para(s, p);
    size_t n = p->label_len;
    size_t at = p->start;
    size_t i = at;
    while (i < s->text.len && (s->text.data[i] == ' ' || s->text.data[i] == '\n'))
        i++;
    if (n == 0 || i == s->text.len || !nb_bytes_add(&s->text, p->label, n))
        return;
    memmove(s->text.data + at + n, s->text.data + at, s->text.len - n - at);
    memcpy(s->text.data + at, p->label, n);
}

/* the paragraph whose mark is deleted has no paragraph after it to join (a table, or the end
 * of its cell, text box or body, follows): it stays a paragraph of its own, as Word keeps it */
static void flush_joined(state *s)
{
    if (!s->join_nest)
        return;
    int nest = s->join_nest;
    s->join_nest = 0;
    number_para(s, &s->joined);
    end_para(s, &s->joined, nest);
}

/* the paragraph whose mark is deleted was in a row or cell deleted with track changes (its
 * records are cut): its text and its text boxes' records go with it, uncounted */
static void drop_joined(state *s)
{
    if (!s->join_nest)
        return;
    s->text.len = s->joined.start;
    if (s->join_nest == 1)
        s->later.len = s->joined.later;
    s->join_nest = 0;
}

static int on_off(const char *v) { return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0); }

/* a style id as nb_para_numbering keeps it: one too long for any style here matches none */
static void copy_style(char *dst, const char *v)
{
    size_t n = strlen(v);
    if (n < NB_STYLE_ID_MAX)
        memcpy(dst, v, n + 1);
    else
        memcpy(dst, "\x01", 2);
}

/* the properties of the paragraph open (its w:pPr's w:pStyle, w:numPr and the mark's
 * w:rPr/w:vanish; not those of a w:pPrChange, the properties before a tracked change, which
 * is deeper) and of its run open (w:rPr's w:vanish and w:rStyle) */
static void paragraph_props(state *s, const char *name, const char **atts)
{
    if (s->p_nest == 0 || s->p_nest > MAX_P_NEST)
        return;
    para_props *p = &s->para[s->p_nest - 1];
    const char *v = nb_ooxml_attr(atts, "val");
    if (s->depth == p->depth + 1 && nb_ooxml_is(name, "pPr")) {
        p->ppr_depth = s->depth;
    } else if (p->ppr_depth && s->depth == p->ppr_depth + 1 && nb_ooxml_is(name, "pStyle") && v) {
        copy_style(p->n.style, v);
    } else if (p->ppr_depth && s->depth == p->ppr_depth + 1 && nb_ooxml_is(name, "numPr")) {
        p->numpr_depth = s->depth;
    } else if (p->numpr_depth && s->depth == p->numpr_depth + 1 && nb_ooxml_is(name, "numId") && v) {
        p->n.num = atol(v);
        p->n.has_num = 1;
    } else if (p->numpr_depth && s->depth == p->numpr_depth + 1 && nb_ooxml_is(name, "ilvl") && v) {
        p->n.ilvl = atoi(v);
        p->n.has_ilvl = 1;
    } else if (p->ppr_depth && s->depth == p->ppr_depth + 1 && nb_ooxml_is(name, "rPr")) {
        p->mark_depth = s->depth;
    } else if (p->mark_depth && s->depth == p->mark_depth + 1 && nb_ooxml_is(name, "vanish")) {
        p->mark_vanish = (signed char)on_off(v);
    } else if (!p->run_depth && nb_ooxml_is(name, "r")) {
        p->run_depth = s->depth;
        p->run_rpr_depth = 0;
        p->run_vanish = -1;
        p->run_hidden = -1;
        p->run_bold = -1;
        p->run_bolded = -1;
        p->run_style[0] = '\0';
    } else if (p->run_depth && s->depth == p->run_depth + 1 && nb_ooxml_is(name, "rPr")) {
        p->run_rpr_depth = s->depth;
    } else if (p->run_rpr_depth && s->depth == p->run_rpr_depth + 1 && nb_ooxml_is(name, "vanish")) {
        p->run_vanish = (signed char)on_off(v);
    } else if (p->run_rpr_depth && s->depth == p->run_rpr_depth + 1 && nb_ooxml_is(name, "rStyle") && v) {
        copy_style(p->run_style, v);
        p->run_bolded = -1; /* (known again from the properties said so far) */
    } else if (p->run_rpr_depth && s->depth == p->run_rpr_depth + 1 && nb_ooxml_is(name, "b")) {
        p->run_bold = (signed char)on_off(v);
        p->run_bolded = -1;
    }
}

/* below the paragraph's style: the style of the table it is in, else the document's defaults
 * (w:docDefaults/w:rPrDefault) */
static int below_para_style(state *s, const para_props *p)
{
    int h = p->tbl > 0 ? s->tbl_hides[p->tbl] : -1;
    return h >= 0 ? h : nb_default_hides(s->nums);
}

/* whether the run open in the paragraph p is hidden: its own w:vanish, else its character
 * style's, else its paragraph style's, its table style's, the defaults' (as Word applies them) */
static int run_hidden(state *s, para_props *p)
{
    if (p->run_hidden < 0) {
        int h = p->run_vanish;
        if (h < 0 && p->run_style[0])
            h = nb_style_hides(s->nums, p->run_style, NB_STYLE_CHARACTER);
        if (h < 0)
            h = nb_style_hides(s->nums, p->n.style, NB_STYLE_PARAGRAPH);
        if (h < 0)
            h = below_para_style(s, p);
        p->run_hidden = h > 0;
    }
    return p->run_hidden;
}

/* whether the text of the run open in the paragraph p is bold, as Word shows it. Bold is a
 * toggle property (ECMA-376 Part 1, 17.7.3): the run's own w:b says it outright (w:val="0" or
 * "false" turns a style's bold off); else each level of styles says it by the first value along
 * its w:basedOn chain: the defaults' bold, toggled by a bold table style, replaced by the
 * paragraph style's value (Word resets there rather than toggle: MS-OI29500 2.1.258), toggled
 * by a bold character style ("false" in a toggling level leaves the value): a bold character
 * style (Strong, 要点) in a bold paragraph style is plain. Chinese text is East Asian, which
 * Word formats with the properties of non-complex scripts: w:b; w:bCs is the bold of complex
 * scripts (Arabic, Hebrew) and is not read. */
static int run_bold(state *s, para_props *p)
{
    if (p->run_bolded < 0) {
        int b = p->run_bold;
        if (b < 0) {
            b = nb_default_bold(s->nums) > 0;
            if (p->tbl > 0 && s->tbl_bold[p->tbl] > 0)
                b = !b;
            int para = nb_style_bold(s->nums, p->n.style, NB_STYLE_PARAGRAPH);
            if (para >= 0)
                b = para;
            if (p->run_style[0] && nb_style_bold(s->nums, p->run_style, NB_STYLE_CHARACTER) > 0)
                b = !b;
        }
        p->run_bolded = b > 0;
    }
    return p->run_bolded;
}

/* whether the paragraph p is hidden: its mark hidden (the mark's w:vanish, else its style's,
 * its table style's, the defaults') or deleted, and none of its text shown. Word neither shows
 * nor counts its number. */
static int para_hidden(state *s, const para_props *p)
{
    if (p->shown)
        return 0;
    int h = p->mark_vanish >= 0 ? p->mark_vanish : nb_style_hides(s->nums, p->n.style, NB_STYLE_PARAGRAPH);
    if (h < 0)
        h = below_para_style(s, p);
    return h > 0 || p->mark_deleted;
}

/* whether the element is the w:del of the w:trPr of the row open (not of a w:trPrChange, the
 * properties before a change, which is deeper): the row deleted with track changes */
static int row_deleted(state *s, const char *name)
{
    int t = s->tbl;
    return t > 0 && s->row_depth[t] && s->trpr_depth == s->row_depth[t] + 1 && s->depth == s->trpr_depth + 1
           && nb_ooxml_is(name, "del");
}

/* the same for a cell: the w:cellDel of the w:tcPr of the cell open */
static int cell_deleted(state *s, const char *name)
{
    int t = s->tbl;
    return t > 0 && s->cell_depth[t] && s->tcpr_depth == s->cell_depth[t] + 1 && s->depth == s->tcpr_depth + 1
           && nb_ooxml_is(name, "cellDel");
}

/* whether the element starts content Word does not show */
static int hidden_start(state *s, const char *name)
{
    if (strcmp(name, MC_FALLBACK) == 0)
        return 1;
    para_props *p = s->p_nest > 0 && s->p_nest <= MAX_P_NEST ? &s->para[s->p_nest - 1] : NULL;
    if (nb_ooxml_is(name, "del") || nb_ooxml_is(name, "moveFrom")) {
        /* in the mark's w:rPr: the paragraph deleted whole, its number gone from the list too */
        if (p && p->mark_depth && s->depth == p->mark_depth + 1)
            p->mark_deleted = 1;
        return 1;
    }
    if (!p)
        return 0;
    /* a hidden run's content after its properties: its text, breaks, tabs, drawings */
    return p->run_depth && s->depth == p->run_depth + 1 && !nb_ooxml_is(name, "rPr") && run_hidden(s, p);
}

static void XMLCALL on_start(void *ud, const char *name, const char **atts)
{
    state *s = ud;
    if (++s->depth > MAX_DEPTH)
        return nb_ooxml_stop(s, "XML 嵌套过深");
    if (!s->skip && row_deleted(s, name)) {
        /* Word drops the row when its changes are accepted: its record goes, and the rest
         * of it (the w:del, w:trPr and w:tr open, their contents) is skipped. trPr comes
         * before the cells, so nothing of the row was read yet but its 'R'. */
        int t = s->tbl;
        nb_bytes *o = out(s);
        if (!s->row_cells[t] && s->row_nest[t] == s->p_nest && s->row_at[t] < o->len) {
            drop_joined(s); /* (a paragraph before w:trPr: the row's, as the tr start flushed any other) */
            o->len = s->row_at[t];
            s->skip = s->depth - s->row_depth[t] + 1;
            s->row_depth[t] = 0;
            s->trpr_depth = 0;
            return;
        }
    }
    if (!s->skip && cell_deleted(s, name)) {
        /* a cell deleted with track changes: Word drops it, the cells after it move left. Its
         * w:tcPr comes before its paragraphs: nothing of it was read but its 'C'. */
        int t = s->tbl;
        nb_bytes *o = out(s);
        if (s->row_nest[t] == s->p_nest && o->len == s->cell_at[t] + 1) {
            drop_joined(s); /* (a paragraph before w:tcPr: the cell's) */
            o->len = s->cell_at[t];
            s->skip = s->depth - s->cell_depth[t] + 1;
            s->cell_depth[t] = 0;
            s->tcpr_depth = 0;
            return;
        }
    }
    if (s->skip || hidden_start(s, name)) {
        s->skip++;
        return;
    }
    int is_p = nb_ooxml_is(name, "p");
    /* what follows a paragraph whose mark is deleted: the next paragraph beside it takes its
     * text in; a table, or a paragraph elsewhere (in a content control), leaves it whole. So
     * does a row or cell (a paragraph set straight in w:tbl or w:tr): its start cuts text read
     * outside paragraphs (emit_stray) and its deletion the records after it, the waiting
     * paragraph's among them */
    int joins = is_p && s->join_nest == s->p_nest + 1 && s->joined.depth == s->depth;
    if (s->join_nest && !joins
        && (is_p || nb_ooxml_is(name, "tbl") || nb_ooxml_is(name, "tr") || nb_ooxml_is(name, "tc")))
        flush_joined(s);
    if (is_p) {
        for (int k = 0; k < s->p_nest && k < MAX_P_NEST; k++)
            count_para(s, &s->para[k]); /* the paragraphs around a text box's come first */
        if (s->p_nest < MAX_P_NEST) {
            para_props *p = &s->para[s->p_nest];
            memset(p, 0, sizeof *p);
            p->start = s->text.len;
            p->later = s->later.len;
            p->depth = s->depth;
            p->mark_vanish = -1;
            /* a table's style applies to its cells' text, not to a text box's in a cell */
            p->tbl = s->p_nest == 0 || s->tbl > s->para[s->p_nest - 1].tbl ? s->tbl : 0;
            if (joins) {
                /* one paragraph with the deleted mark's: its text first, the properties (the
                 * number) this paragraph's, as Word accepts the deletion */
                p->start = s->joined.start;
                p->later = s->joined.later;
                p->shown = s->joined.shown;
                p->lead = s->joined.lead; /* a lead goes on from the text taken in, or is over */
                s->join_nest = 0;
            }
        }
        s->p_nest++;
        return;
    }
    paragraph_props(s, name, atts);
    if (nb_ooxml_is(name, "t")) {
        s->in_t = 1;
    } else if (nb_ooxml_is(name, "tab")) {
        nb_bytes_add(&s->text, " ", 1);
    } else if (nb_ooxml_is(name, "br") || nb_ooxml_is(name, "cr")) {
        /* a line break: a new paragraph, as <br> in HTML (a title broken after its year) */
        nb_bytes_add(&s->text, "\n", 1);
    } else if (nb_ooxml_is(name, "tbl")) {
        emit_stray(s);
        s->tbl++;
        s->tbl_depth[s->tbl] = s->depth;
        s->tbl_hides[s->tbl] = (signed char)nb_style_hides(s->nums, "", NB_STYLE_TABLE); /* the default table style */
        s->tbl_bold[s->tbl] = (signed char)nb_style_bold(s->nums, "", NB_STYLE_TABLE);
        s->row_depth[s->tbl] = 0;
        add_record(s, "T");
    } else if (s->tbl > 0 && s->depth == s->tbl_depth[s->tbl] + 2 && nb_ooxml_is(name, "tblStyle")) {
        /* (w:tbl/w:tblPr/w:tblStyle: no other w:tblStyle is that deep in a table) */
        const char *v = nb_ooxml_attr(atts, "val");
        if (v) {
            s->tbl_hides[s->tbl] = (signed char)nb_style_hides(s->nums, v, NB_STYLE_TABLE);
            s->tbl_bold[s->tbl] = (signed char)nb_style_bold(s->nums, v, NB_STYLE_TABLE);
        }
    } else if (s->tbl > 0 && nb_ooxml_is(name, "tr")) {
        s->row_depth[s->tbl] = s->depth;
        s->row_nest[s->tbl] = s->p_nest;
        s->row_at[s->tbl] = out(s)->len;
        s->row_cells[s->tbl] = 0;
        add_record(s, "R");
    } else if (s->tbl > 0 && s->row_depth[s->tbl] && s->depth == s->row_depth[s->tbl] + 1 && nb_ooxml_is(name, "trPr")) {
        s->trpr_depth = s->depth;
    } else if (s->tbl > 0 && nb_ooxml_is(name, "tc")) {
        s->row_cells[s->tbl] = 1;
        emit_stray(s);
        s->span[s->tbl] = 1;
        s->vcont[s->tbl] = 0;
        s->cell_depth[s->tbl] = s->depth;
        s->cell_at[s->tbl] = out(s)->len;
        add_record(s, "C");
    } else if (s->tbl > 0 && s->cell_depth[s->tbl] && s->depth == s->cell_depth[s->tbl] + 1 && nb_ooxml_is(name, "tcPr")) {
        s->tcpr_depth = s->depth;
    } else if (s->tbl > 0 && nb_ooxml_is(name, "gridSpan")) {
        const char *v = nb_ooxml_attr(atts, "val");
        int n = v ? atoi(v) : 1;
        s->span[s->tbl] = n >= 1 && n <= 64 ? n : 1;
    } else if (s->tbl > 0 && nb_ooxml_is(name, "vMerge")) {
        const char *v = nb_ooxml_attr(atts, "val");
        s->vcont[s->tbl] = !v || strcmp(v, "continue") == 0;
    }
}

static void XMLCALL on_end(void *ud, const char *name)
{
    state *s = ud;
    s->depth--;
    if (s->skip) {
        s->skip--;
        return;
    }
    /* the container of a paragraph whose mark is deleted ends: no paragraph to join */
    if (s->join_nest && s->depth + 1 < s->joined.depth)
        flush_joined(s);
    para_props *open = s->p_nest > 0 && s->p_nest <= MAX_P_NEST ? &s->para[s->p_nest - 1] : NULL;
    if (nb_ooxml_is(name, "t")) {
        s->in_t = 0;
    } else if (nb_ooxml_is(name, "p")) {
        if (open && open->mark_deleted && !open->counted) {
            /* its mark deleted: its text waits for the next paragraph (not counted yet) */
            s->joined = *open;
            s->join_nest = s->p_nest;
        } else if (open) {
            number_para(s, open);
            end_para(s, open, s->p_nest);
        }
        /* (a paragraph nested deeper than MAX_P_NEST: its text stays in the one around it) */
        if (s->p_nest > 0)
            s->p_nest--;
    } else if (open && s->depth + 1 == open->run_depth) {
        open->run_depth = 0; /* the run ends */
        open->run_rpr_depth = 0;
    } else if (open && s->depth + 1 == open->run_rpr_depth) {
        open->run_rpr_depth = 0;
    } else if (open && s->depth + 1 == open->mark_depth) {
        open->mark_depth = 0;
    } else if (open && s->depth + 1 == open->ppr_depth) {
        open->ppr_depth = 0; /* the paragraph's w:pPr ends */
        open->numpr_depth = 0;
        open->mark_depth = 0;
    } else if (s->tbl > 0 && nb_ooxml_is(name, "tbl")) {
        emit_stray(s);
        s->tbl--;
        add_record(s, "t");
    } else if (s->tbl > 0 && nb_ooxml_is(name, "tc")) {
        emit_stray(s);
        if (s->depth + 1 == s->cell_depth[s->tbl])
            s->cell_depth[s->tbl] = 0;
        if (s->vcont[s->tbl]) {
            add_record(s, "m");
        } else {
            if (++s->items > MAX_ITEMS)
                return nb_ooxml_stop(s, "表格单元格过多");
            char span[8];
            int n = snprintf(span, sizeof span, "%d", s->span[s->tbl]);
            add_record(s, "c");
            nb_bytes_add(out(s), span, (size_t)n + 1);
        }
    } else if (s->tbl > 0 && nb_ooxml_is(name, "tr")) {
        if (s->depth + 1 == s->row_depth[s->tbl])
            s->row_depth[s->tbl] = 0;
        add_record(s, "E");
    } else if (s->depth + 1 == s->trpr_depth) {
        s->trpr_depth = 0;
    } else if (s->depth + 1 == s->tcpr_depth) {
        s->tcpr_depth = 0;
    }
}

static void XMLCALL on_text(void *ud, const char *text, int len)
{
    state *s = ud;
    if (s->in_t && !s->skip) {
        if (len > 0 && s->p_nest > 0 && s->p_nest <= MAX_P_NEST) {
            para_props *p = &s->para[s->p_nest - 1];
            /* white space alone neither starts nor ends the bold lead: an indent of
             * full-width spaces (U+3000) or no-break ones (U+00A0) neither */
            int blank = 1;
            for (int i = 0; i < len && blank;) {
                int n = text[i] == ' ' || text[i] == '\t'                       ? 1
                        : i + 1 < len && memcmp(text + i, "\xC2\xA0", 2) == 0     ? 2
                        : i + 2 < len && memcmp(text + i, "\xE3\x80\x80", 3) == 0 ? 3
                                                                                 : 0;
                blank = n > 0;
                i += n;
            }
            if (!blank && p->lead == LEAD_NONE) {
                p->lead = run_bold(s, p) ? LEAD_BOLD : LEAD_DONE;
            } else if (!blank && p->lead == LEAD_BOLD && !run_bold(s, p)) {
                nb_bytes_add(&s->text, "\x01", 1);
                p->lead = LEAD_DONE;
            }
        }
        nb_bytes_add(&s->text, text, (size_t)len);
        if (len > 0 && s->p_nest > 0 && s->p_nest <= MAX_P_NEST)
            s->para[s->p_nest - 1].shown = 1;
    }
}

static void set_text(lua_State *L, const char *key, const char *s)
{
    lua_pushstring(L, s);
    lua_setfield(L, -2, key);
}

/* the length of the record at p (its kind byte included) */
static size_t record_len(const char *p)
{
    return *p == 'P' || *p == 'c' ? strlen(p + 1) + 2 : 1;
}

/* a table's cell that holds a table of several rows is a frame's (its table a layout table),
 * not a data cell, when it holds more than this around it, or two such tables: a report's
 * title and headings, its tables 二 to 四 (a data cell holds a label, a note);
 * or one as wide as its own table or wider: a part of the page beside a number or a label
 * (a data cell is one column of its table) */
enum { FRAME_CELL_PARAS = 2, FRAME_CELL_TEXT = 200 };

/* what pass 1 learns of a table open at some depth */
typedef struct {
    size_t t;             /* the table's index (order of start) */
    size_t rows, wide;    /* its rows, and those of two cells or more */
    size_t cells;         /* the cells of its row open */
    size_t text, paras;   /* the cell open's own paragraphs: bytes, and how many */
    size_t inner;         /* the tables of several rows in the cell open, at any depth */
    size_t cols;          /* the cells of its widest row */
    size_t inner_cols, widest_inner; /* the widest of those tables: in the cell open, in any cell */
    char holds, frame;    /* a cell holds such a table; one is a frame's cell */
} table_scan;

enum { TABLE_LAYOUT = 1, TABLE_ROWS = 2 }; /* a table's flags: layout, several rows */

/* pass 2's reading of rows: the row open (row, cells on the stack) and the cell open (its
 * text on top) */
typedef struct {
    lua_Integer n, c;      /* items, and cells of the row open */
    int in_row, in_cell;
} row_reader;

/* a paragraph of a cell (or of a table set in it) joins the cell's text. Paragraphs join with
 * nothing (a label wrapped over two keeps its words), but a number over a number with a
 * space: "1" over "2" is never 12 */
static void push_unmarked(lua_State *L, const char *text);
static void cell_para(lua_State *L, row_reader *r, const char *text)
{
    if (r->in_cell) {
        size_t plen;
        const char *prev = lua_tolstring(L, -1, &plen);
        if (plen > 0 && prev[plen - 1] >= '0' && prev[plen - 1] <= '9' && text[0] >= '0' && text[0] <= '9') {
            lua_pushliteral(L, " ");
            lua_concat(L, 2);
        }
    }
    push_unmarked(L, text);
    if (r->in_cell)
        lua_concat(L, 2);
    r->in_cell = 1;
}

/* pushes text without its LEAD_MARKs; answers the byte offset of the first, or -1 */
static long push_unmarked_at(lua_State *L, const char *text)
{
    const char *m = strchr(text, LEAD_MARK);
    if (!m) {
        lua_pushstring(L, text);
        return -1;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (const char *q = text; *q; q++)
        if (*q != LEAD_MARK)
            luaL_addchar(&b, *q);
    luaL_pushresult(&b);
    return (long)(m - text);
}

static void push_unmarked(lua_State *L, const char *text) { (void)push_unmarked_at(L, text); }

static void drop_cell_text(lua_State *L, row_reader *r)
{
    if (r->in_cell)
        lua_pop(L, 1);
    r->in_cell = 0;
}

/* the cell's end: a cell of the row (empty when it has no text, unless only_text) */
static void end_cell(lua_State *L, row_reader *r, int span, int only_text)
{
    if (!r->in_cell) {
        if (only_text)
            return;
        lua_pushliteral(L, "");
    }
    r->in_cell = 0;
    lua_createtable(L, 0, 3);
    lua_insert(L, -2);
    lua_setfield(L, -2, "text");
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, "definite");
    lua_pushinteger(L, span);
    lua_setfield(L, -2, "span");
    lua_rawseti(L, -2, ++r->c);
}

static void start_row(lua_State *L, row_reader *r)
{
    lua_createtable(L, 0, 2);
    set_text(L, "kind", "row");
    lua_newtable(L);
    r->c = 0;
    r->in_row = 1;
}

/* the row's end: an item when it has cells */
static void end_row(lua_State *L, row_reader *r)
{
    if (!r->in_row)
        return;
    lua_setfield(L, -2, "cells");
    if (r->c > 0)
        lua_rawseti(L, -2, ++r->n);
    else
        lua_pop(L, 1);
    r->in_row = 0;
}

/* protected: the records as Lua items. A table is read as rows of cells, each cell's text
 * that of all its paragraphs (and of any table of one row set in it). A table set in a cell
 * that has several rows is read in its place, row by row, cell by cell (as LibreOffice's text
 * lists it): the row around it is cut there, the text before it and after it in the cell
 * cells of their own. But a table that holds a table of several rows in a frame's cell (one
 * with a report's text or several tables around it, or a table as wide as its own), or that
 * has fewer than two rows of two cells, is a layout table (a whole report set in a frame, as pages saved from the web are):
 * its cells' paragraphs and tables are read as the body's, in order, as the HTML front end
 * reads a <table> holding tables. */
static int push_items(lua_State *L)
{
    const char *start = lua_touserdata(L, 1);
    size_t len = (size_t)lua_tointeger(L, 2);
    const char *end = start + len;
    /* pass 1: which tables (by their order of start) are layout tables, which have rows */
    size_t ntables = 0;
    for (const char *p = start; p < end; p += record_len(p))
        ntables += *p == 'T';
    unsigned char *flags = lua_newuserdatauv(L, ntables ? ntables : 1, 0);
    memset(flags, 0, ntables ? ntables : 1);
    /* the table open at each depth (the parse stops deeper than MAX_DEPTH) */
    table_scan *open = lua_newuserdatauv(L, (MAX_DEPTH + 2) * sizeof *open, 0);
    memset(open, 0, sizeof *open); /* depth 0: the body, whose counts are not used */
    int depth = 0;
    size_t t = 0;
    for (const char *p = start; p < end; p += record_len(p)) {
        table_scan *o = &open[depth];
        switch (*p) {
        case 'T':
            if (depth <= MAX_DEPTH) {
                o = &open[++depth];
                memset(o, 0, sizeof *o);
                o->t = t;
            }
            t++;
            break;
        case 'R':
            o->rows++;
            o->cells = 0;
            break;
        case 'C':
            o->cells++;
            o->text = o->paras = o->inner = o->inner_cols = 0;
            break;
        case 'E':
            o->wide += o->cells >= 2;
            if (o->cells > o->cols)
                o->cols = o->cells;
            break;
        case 'P':
            o->text += strlen(p + 1);
            o->paras++;
            break;
        case 'c':
        case 'm':
            if (o->inner > 0) {
                o->holds = 1;
                if (o->inner >= 2 || o->paras > FRAME_CELL_PARAS || o->text > FRAME_CELL_TEXT)
                    o->frame = 1;
                if (o->inner_cols > o->widest_inner)
                    o->widest_inner = o->inner_cols;
            }
            o->inner = o->inner_cols = 0;
            break;
        case 't':
            if (depth > 0) {
                if (o->rows >= 2) {
                    flags[o->t] |= TABLE_ROWS;
                    for (int d = 1; d < depth; d++) {
                        open[d].inner++;
                        if (o->cols > open[d].inner_cols)
                            open[d].inner_cols = o->cols;
                    }
                }
                if (o->holds && (o->frame || o->wide < 2 || o->widest_inner >= o->cols))
                    flags[o->t] |= TABLE_LAYOUT;
                depth--;
            }
            break;
        }
    }
    lua_pop(L, 1);
    /* pass 2: the items; stack: flags, rowed, held, items [, row, cells [, cell text]] */
    unsigned char *rowed = lua_newuserdatauv(L, MAX_DEPTH + 2, 0); /* the table at a depth is read as rows */
    unsigned char *held = lua_newuserdatauv(L, MAX_DEPTH + 2, 0);  /* the cell open at a depth held one */
    lua_newtable(L);
    row_reader r = {0, 0, 0, 0};
    int leaf = 0;                  /* the depth of the outermost table read as rows (0: none) */
    depth = 0;
    t = 0;
    for (const char *p = start; p < end; p += record_len(p)) {
        char kind = *p;
        if (kind == 'P') {
            if (!leaf) {
                lua_createtable(L, 0, 3);
                set_text(L, "kind", "para");
                long lead = push_unmarked_at(L, p + 1);
                lua_setfield(L, -2, "text");
                if (lead > 0) {
                    lua_pushinteger(L, lead);
                    lua_setfield(L, -2, "lead");
                }
                lua_rawseti(L, -2, ++r.n);
            } else if (r.in_row) {
                cell_para(L, &r, p + 1);
            }
            continue;
        }
        if (kind == 'T') {
            if (depth > MAX_DEPTH) {
                t++;
                continue; /* (pass 1 did not go deeper either) */
            }
            depth++;
            rowed[depth] = held[depth] = 0;
            if (!leaf && !(flags[t] & TABLE_LAYOUT)) {
                leaf = depth;
                rowed[depth] = 1;
            } else if (leaf && (flags[t] & TABLE_ROWS)) {
                /* a table of several rows in a cell: the cell's text so far is a cell, the
                 * row is cut here */
                rowed[depth] = 1;
                int d = depth - 1;
                while (d > leaf && !rowed[d])
                    d--;
                held[d] = 1;
                if (r.in_cell)
                    end_cell(L, &r, 1, 1);
                end_row(L, &r);
            }
            t++;
            continue;
        }
        if (!leaf || !rowed[depth]) {
            if (kind == 't' && depth > 0)
                depth--;
            continue; /* the rows and cells of a layout table, or of a table of one row in a cell */
        }
        if (r.in_cell && kind != 'c')
            drop_cell_text(L, &r);
        if (kind == 'R' || kind == 'E' || kind == 't')
            end_row(L, &r);
        if (kind == 'R') {
            start_row(L, &r);
        } else if (kind == 'c' || kind == 'm') {
            /* a cell that held a table of rows: only its text after that table is a cell */
            if (kind == 'c' && r.in_row)
                end_cell(L, &r, atoi(p + 1), held[depth]);
            else
                drop_cell_text(L, &r);
            held[depth] = 0;
        } else if (kind == 't') {
            if (depth == leaf)
                leaf = 0;
            else
                start_row(L, &r); /* the rest of the row around the table */
            depth--;
        }
    }
    drop_cell_text(L, &r);
    end_row(L, &r);
    return 1;
}

int nb_l_docx_items(lua_State *L)
{
    size_t len, num_len = 0, styles_len = 0;
    const char *xml = luaL_checklstring(L, 1, &len);
    const char *num_xml = luaL_optlstring(L, 2, NULL, &num_len);
    const char *styles_xml = luaL_optlstring(L, 3, NULL, &styles_len);
    luaL_checkstack(L, 8, NULL);
    const char *why = NULL;
    if (!nb_ooxml_expat(&why)) {
        luaL_pushfail(L);
        lua_pushfstring(L, "无法载入 XML 解析库 libexpat（%s），不能读取 Word 文件", why);
        return 2;
    }
    /* the list definitions and styles: a part that cannot be read leaves the paragraphs
     * unnumbered (and the text its styles hide shown), and is said in the second result */
    char warning[256];
    const char *warn = NULL;
    nb_numbering *defs = NULL;
    if (num_xml || styles_xml) {
        defs = nb_numbering_read(num_xml, num_len, styles_xml, styles_len, warning, sizeof warning, &warn);
        if (!defs && !warn)
            return luaL_error(L, "内存不足");
    }
    state s;
    memset(&s, 0, sizeof s);
    s.nums = defs;
    char message[256];
    int out_of_memory = 0;
    const char *failed = nb_ooxml_parse(&s.b, &s, on_start, on_end, on_text, xml, len, "word/document.xml",
                                        message, sizeof message, &out_of_memory);
    if (!failed && !out_of_memory)
        flush_joined(&s); /* (a part whose root ends after its last paragraph has none left) */
    free(s.text.data);
    free(s.later.data);
    nb_numbering_free(defs);
    if (out_of_memory) {
        free(s.records.data);
        return luaL_error(L, "内存不足");
    }
    if (!failed && (s.records.failed || s.text.failed || s.later.failed))
        failed = "内存不足";
    if (failed) {
        free(s.records.data);
        luaL_pushfail(L);
        lua_pushstring(L, failed);
        return 2;
    }
    lua_pushcfunction(L, push_items);
    lua_pushlightuserdata(L, s.records.data ? s.records.data : "");
    lua_pushinteger(L, (lua_Integer)s.records.len);
    int status = lua_pcall(L, 2, 1, 0);
    free(s.records.data);
    if (status != LUA_OK)
        return lua_error(L);
    if (warn) {
        lua_pushstring(L, warn);
        return 2;
    }
    return 1;
}
