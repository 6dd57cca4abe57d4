/* Word's automatic numbering (word/numbering.xml, and the paragraph styles of
 * word/styles.xml that number their paragraphs): the number Word shows before a numbered
 * paragraph, so that the importer reads "一、总体情况" where the document holds "总体情况"
 * in a list; and the styles that hide their text (w:vanish) or set it in bold (w:b). Used by
 * host/docx.c while it reads the body. */
#ifndef NB_DOCX_NUMBERING_H
#define NB_DOCX_NUMBERING_H

#include <stddef.h>

enum { NB_STYLE_ID_MAX = 64, NB_NUMBER_LABEL_MAX = 256 };

typedef struct nb_numbering nb_numbering;

/* What a paragraph's own w:pPr says of its numbering. */
typedef struct {
    long num;                    /* w:numPr/w:numId */
    int ilvl;                    /* w:numPr/w:ilvl */
    char has_num, has_ilvl;
    char style[NB_STYLE_ID_MAX]; /* w:pStyle ("": none, the default paragraph style) */
} nb_para_numbering;

/* The list definitions of numbering_xml and the styles of styles_xml (either NULL: none), after
 * nb_ooxml_expat succeeded. NULL when a part cannot be read, with *why written into message
 * (the paragraphs are then read without their numbers), or with *why NULL when memory ran
 * out. */
nb_numbering *nb_numbering_read(const char *numbering_xml, size_t numbering_len, const char *styles_xml,
                                 size_t styles_len, char *message, size_t size, const char **why);
void nb_numbering_free(nb_numbering *n);

/* Counts the paragraph in its list (paragraphs are given in document order) and writes the
 * number Word shows before its text, with a space for the tab or space after it, into out;
 * its length, 0 when the paragraph is not numbered or its number cannot be written (a
 * bullet, an unknown format: the text alone is read). */
size_t nb_numbering_label(nb_numbering *n, const nb_para_numbering *p, char *out, size_t cap);

enum { NB_STYLE_CHARACTER, NB_STYLE_PARAGRAPH, NB_STYLE_TABLE };

/* Whether the style style_id hides its text (w:rPr/w:vanish, through w:basedOn): 1 hidden,
 * 0 shown, -1 when no style of the chain says (or n is NULL). kind: NB_STYLE_PARAGRAPH or
 * NB_STYLE_TABLE, where "" is the default paragraph or table style; NB_STYLE_CHARACTER ("":
 * none). */
int nb_style_hides(nb_numbering *n, const char *style_id, int kind);

/* Whether the document's defaults (w:docDefaults/w:rPrDefault/w:rPr/w:vanish) hide text: 1,
 * 0, or -1 when they do not say (or n is NULL). */
int nb_default_hides(nb_numbering *n);

/* The same for bold (w:rPr/w:b), as each style says it; how the levels combine is the
 * caller's (a toggle property, host/docx.c run_bold). */
int nb_style_bold(nb_numbering *n, const char *style_id, int kind);
int nb_default_bold(nb_numbering *n);

#endif
