/* gumbo (published web pages) and expat (the XML of Word files): libraries only `import`
 * uses, opened when an import first needs them (host/dynlib.c), so that no other command pays
 * for loading them. On Windows they are linked into the program and returned as they are. */
#ifndef NB_IMPORTLIBS_H
#define NB_IMPORTLIBS_H

#include <expat.h>
#ifndef NB_NO_GUMBO
#include <gumbo.h>
#endif

/* the functions used, each named once */
#define NB_EXPAT_FUNCTIONS(X)                                                                \
    X(XML_ParserCreateNS) X(XML_ParserFree) X(XML_SetUserData) X(XML_SetElementHandler)       \
    X(XML_SetCharacterDataHandler) X(XML_SetStartDoctypeDeclHandler) X(XML_SetEntityDeclHandler) \
    X(XML_Parse) X(XML_StopParser) X(XML_GetErrorCode) X(XML_ErrorString) X(XML_GetCurrentLineNumber)
#define NB_GUMBO_FUNCTIONS(X) X(gumbo_parse_with_options) X(gumbo_normalized_tagname) X(gumbo_tag_from_original_text)

#define NB_LIB_FIELD(name) __typeof__(&name) name;
typedef struct {
    NB_EXPAT_FUNCTIONS(NB_LIB_FIELD)
} nb_expat;
#ifndef NB_NO_GUMBO
typedef struct {
    NB_GUMBO_FUNCTIONS(NB_LIB_FIELD)
    const GumboOptions *default_options; /* kGumboDefaultOptions */
} nb_gumbo;
#endif
#undef NB_LIB_FIELD

/* The library, loaded once; NULL when it cannot be loaded, with the reason in *why. */
const nb_expat *nb_expat_open(const char **why);
#ifndef NB_NO_GUMBO
const nb_gumbo *nb_gumbo_open(const char **why);
#endif

#endif
