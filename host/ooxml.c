#include "ooxml.h"

#include <stdio.h>
#include <string.h>

#define W "http://schemas.openxmlformats.org/wordprocessingml/2006/main|"
/* Word's "Strict Open XML" documents use the ISO namespace for the same elements */
#define W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main|"

static const nb_expat *X; /* libexpat (host/importlibs.c) */

const nb_expat *nb_ooxml_expat(const char **why)
{
    if (!X)
        X = nb_expat_open(why);
    return X;
}

int nb_ooxml_is(const char *name, const char *local)
{
    if (strncmp(name, W, sizeof W - 1) == 0)
        return strcmp(name + sizeof W - 1, local) == 0;
    if (strncmp(name, W_STRICT, sizeof W_STRICT - 1) == 0)
        return strcmp(name + sizeof W_STRICT - 1, local) == 0;
    return 0;
}

const char *nb_ooxml_attr(const char **atts, const char *local)
{
    for (int i = 0; atts[i]; i += 2)
        if (nb_ooxml_is(atts[i], local))
            return atts[i + 1];
    return NULL;
}

void nb_ooxml_stop(void *ud, const char *why)
{
    nb_xml_base *b = ud;
    if (!b->problem)
        b->problem = why;
    X->XML_StopParser(b->parser, XML_FALSE);
}

/* a part of a Word package has no DTD: one is refused (no entity expansion at all) */
static void XMLCALL on_doctype(void *ud, const char *name, const char *sysid, const char *pubid, int internal)
{
    (void)name, (void)sysid, (void)pubid, (void)internal;
    nb_ooxml_stop(ud, "含有 DOCTYPE 声明（Word 文档不会有），拒绝读取");
}

static void XMLCALL on_entity(void *ud, const char *name, int is_param, const char *value, int value_len,
                              const char *base, const char *sysid, const char *pubid, const char *notation)
{
    (void)name, (void)is_param, (void)value, (void)value_len, (void)base, (void)sysid, (void)pubid, (void)notation;
    nb_ooxml_stop(ud, "含有实体声明，拒绝读取");
}

const char *nb_ooxml_parse(nb_xml_base *b, void *ud, XML_StartElementHandler start, XML_EndElementHandler end,
                           XML_CharacterDataHandler text, const char *xml, size_t len, const char *part,
                           char *message, size_t size, int *out_of_memory)
{
    /* NULL: the declared encoding (Word writes UTF-8; UTF-16 is read too) */
    b->parser = X->XML_ParserCreateNS(NULL, '|');
    if (!b->parser) {
        *out_of_memory = 1;
        return "内存不足";
    }
    X->XML_SetUserData(b->parser, ud);
    X->XML_SetElementHandler(b->parser, start, end);
    if (text)
        X->XML_SetCharacterDataHandler(b->parser, text);
    X->XML_SetStartDoctypeDeclHandler(b->parser, on_doctype);
    X->XML_SetEntityDeclHandler(b->parser, on_entity);
    int ok = X->XML_Parse(b->parser, xml, (int)(len > 0x7fffffff ? 0x7fffffff : len), XML_TRUE) == XML_STATUS_OK;
    const char *why = NULL;
    if (!ok && !b->problem) {
        snprintf(message, size, "%s 第 %lu 行：XML 格式错误（%s）", part,
                 (unsigned long)X->XML_GetCurrentLineNumber(b->parser), X->XML_ErrorString(X->XML_GetErrorCode(b->parser)));
        why = message;
    } else if (b->problem) {
        snprintf(message, size, "%s：%s", part, b->problem);
        why = message;
    }
    X->XML_ParserFree(b->parser);
    b->parser = NULL;
    return why;
}
