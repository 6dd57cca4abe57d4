/* What the readers of a Word package's XML parts share (host/docx.c, the body;
 * host/docx_numbering.c, the lists and styles): libexpat, a parse that refuses any DTD or
 * entity declaration, and elements and attributes of the w: namespace by local name. */
#ifndef NB_OOXML_H
#define NB_OOXML_H

#include <stddef.h>

#include "importlibs.h"

/* The first member of a parse's state: its parser, and why it stopped (NULL: it did not). */
typedef struct {
    XML_Parser parser;
    const char *problem;
} nb_xml_base;

/* libexpat, loaded by the first call; NULL with the reason in *why when it cannot be. */
const nb_expat *nb_ooxml_expat(const char **why);

/* Whether the namespaced name (expat's "URI|local") is the w: element or attribute local,
 * in the transitional or the strict namespace. */
int nb_ooxml_is(const char *name, const char *local);

/* The value of the w: attribute local, or NULL. */
const char *nb_ooxml_attr(const char **atts, const char *local);

/* Stops the parse of ud (a state whose first member is its nb_xml_base), keeping the first
 * reason given. */
void nb_ooxml_stop(void *ud, const char *why);

/* Parses the part xml whole for ud (whose first member is b) with these handlers (text may
 * be NULL), after nb_ooxml_expat succeeded. NULL when it was read; else why not, written into
 * message: "PART 第 N 行：XML 格式错误（…）", "PART：" and the reason it was stopped, or
 * "内存不足" when no parser could be made (*out_of_memory is then set). */
const char *nb_ooxml_parse(nb_xml_base *b, void *ud, XML_StartElementHandler start, XML_EndElementHandler end,
                           XML_CharacterDataHandler text, const char *xml, size_t len, const char *part,
                           char *message, size_t size, int *out_of_memory);

#endif
