/* Nearest valid name for a misspelt key (one or two letters off, as in a typo). */
#ifndef NB_SUGGEST_H
#define NB_SUGGEST_H

#include <stddef.h>

/* Edit distance between two byte strings. */
size_t nb_edit_distance(const char *a, const char *b);

/* The closest of the NULL-terminated list `valid`, or NULL when none is close
 * (more than a third of the word would have to change). */
const char *nb_suggest(const char *word, const char *const *valid);

#endif
