#include "suggest.h"

#include <stdlib.h>
#include <string.h>

size_t nb_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 256 || lb > 256)
        return la > lb ? la : lb;
    size_t row[257];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *nb_suggest(const char *word, const char *const *valid)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (const char *const *v = valid; *v; v++) {
        size_t d = nb_edit_distance(word, *v);
        if (d < best_d) {
            best_d = d;
            best = *v;
        }
    }
    size_t len = strlen(word);
    if (best && best_d * 3 <= (len > 3 ? len : 3) + 2)
        return best;
    return NULL;
}
