/* Cutting text to a byte budget without splitting a UTF-8 character: messages and labels
 * are Chinese, and a fixed buffer cut in the middle of a character would hand scripts and
 * terminals invalid UTF-8. */
#ifndef NB_UTF8_H
#define NB_UTF8_H

#include <stdarg.h>
#include <stddef.h>

/* Length of the longest prefix of s (len bytes) that fits in max bytes and does not end
 * in the middle of a character. */
size_t nb_utf8_fit(const char *s, size_t len, size_t max);

/* snprintf into buf (size bytes, size > 0); when the text does not fit it is cut at the
 * last whole character. Returns the length written. */
size_t nb_format(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
size_t nb_vformat(char *buf, size_t size, const char *fmt, va_list ap);

#endif
