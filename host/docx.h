/* The body of a Word document (word/document.xml) as the importer's items, parsed with
 * expat: paragraphs, and the rows of each w:tbl whose cells are the w:tc (a w:gridSpan
 * cell is one cell, as a colspan cell of HTML; a w:vMerge continuation is no cell, as
 * the rows a rowspan covers), so the table reader of the HTML importer reads them. */
#ifndef NB_DOCX_H
#define NB_DOCX_H

typedef struct lua_State lua_State;

/* nb.docx_items(xml [, numbering_xml [, styles_xml]]) -> { {kind="para", text=}, {kind="row",
 * cells={ {text=, definite=true, span=} }} ... } [, warning], or nil, message. With
 * word/numbering.xml (and word/styles.xml), a paragraph numbered by Word's automatic list
 * numbering (w:numPr, in the paragraph or its style) starts with the number Word shows
 * ("一、" "（一）" "1."), counted as Word counts; warning says a part that could not be read
 * (the paragraphs are then read without their numbers). */
int nb_l_docx_items(lua_State *L);

#endif
