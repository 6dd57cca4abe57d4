/* Windows: the part of POSIX iconv that nianbao uses (host/html.c), on the code pages of
 * Windows (MultiByteToWideChar): GB18030, GBK, Big5, UTF-8, UTF-16LE/BE and a few single-byte
 * sets. Found before any system iconv.h because host/win32 is first on the include path. */
#ifndef NB_WIN32_ICONV_H
#define NB_WIN32_ICONV_H

#include <stddef.h>

typedef struct nb_iconv *iconv_t;

iconv_t iconv_open(const char *to, const char *from);
size_t iconv(iconv_t cd, char **in, size_t *inleft, char **out, size_t *outleft);
int iconv_close(iconv_t cd);

#endif
