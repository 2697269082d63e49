/* cli_diff.c: the lines that differ between two command lines given one
 * argument a line, in order: "- LINE" for a line only @a has, "+ LINE"
 * for one only @b has (a longest common subsequence; no context: the
 * unchanged arguments are the rest of the line). */
#include "cli/cli_diff.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Past this many cells the middle is shown as removed, then added: a
 * domain of thousands of devices whose every line moved. */
#define DIFF_CELLS_MAX (4u * 1024 * 1024)

static void emit(vc_buf *out, char sign, const char *line)
{
    vc_buf_addc(out, sign);
    vc_buf_addc(out, ' ');
    vc_buf_add(out, line);
    vc_buf_addc(out, '\n');
}

void vc_cli_diff(const vc_strlist *a, const vc_strlist *b, vc_buf *out)
{
    size_t lo = 0, na = a->n, nb = b->n, n, m, *len;

    while (lo < na && lo < nb && strcmp(a->items[lo], b->items[lo]) == 0)
        lo++;
    while (na > lo && nb > lo && strcmp(a->items[na - 1], b->items[nb - 1]) == 0)
        na--, nb--;
    n = na - lo;
    m = nb - lo;
    if ((n + 1) * (m + 1) > DIFF_CELLS_MAX) {
        for (size_t i = lo; i < na; i++)
            emit(out, '-', a->items[i]);
        for (size_t j = lo; j < nb; j++)
            emit(out, '+', b->items[j]);
        return;
    }
    /* len[i][j]: the common subsequence of a[lo+i..] and b[lo+j..] */
    len = vc_calloc((n + 1) * (m + 1), sizeof(*len));
#define LEN(i, j) len[(i) * (m + 1) + (j)]
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            LEN(i, j) = strcmp(a->items[lo + i], b->items[lo + j]) == 0
                ? LEN(i + 1, j + 1) + 1
                : (LEN(i + 1, j) >= LEN(i, j + 1) ? LEN(i + 1, j) : LEN(i, j + 1));
    for (size_t i = 0, j = 0; i < n || j < m;) {
        if (i < n && j < m && strcmp(a->items[lo + i], b->items[lo + j]) == 0)
            i++, j++;
        else if (j == m || (i < n && LEN(i + 1, j) >= LEN(i, j + 1)))
            emit(out, '-', a->items[lo + i++]);
        else
            emit(out, '+', b->items[lo + j++]);
    }
#undef LEN
    free(len);
}
