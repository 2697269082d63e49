#include "diff.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT 3
/* Beyond this many LCS cells, show the whole change as one hunk. */
#define MAX_CELLS (16u * 1024 * 1024)

typedef struct lines {
    const char **start;
    size_t *len;
    size_t n;
    size_t cap;
    size_t cap2;
} lines;

static void split(lines *l, const char *s)
{
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
        vc_grow(&l->start, &l->cap, l->n + 1, sizeof(*l->start));
        vc_grow(&l->len, &l->cap2, l->n + 1, sizeof(*l->len));
        l->start[l->n] = s;
        l->len[l->n] = n;
        l->n++;
        s += n;
    }
}

static int same(const lines *a, size_t i, const lines *b, size_t j)
{
    return a->len[i] == b->len[j] && memcmp(a->start[i], b->start[j], a->len[i]) == 0;
}

static void add_line(vc_buf *out, char tag, const char *s, size_t n)
{
    vc_buf_addc(out, tag);
    vc_buf_addn(out, s, n);
    if (n == 0 || s[n - 1] != '\n')
        vc_buf_add(out, "\n\\ No newline at end of file\n");
}

/* ops: ' ' keep, '-' from a, '+' from b */
static char *edit_script(const lines *a, const lines *b, size_t *nops)
{
    size_t n = a->n, m = b->n;
    char *ops = vc_malloc0(n + m + 1);
    size_t k = 0;

    if ((unsigned long long)(n + 1) * (m + 1) > MAX_CELLS) {
        for (size_t i = 0; i < n; i++)
            ops[k++] = '-';
        for (size_t j = 0; j < m; j++)
            ops[k++] = '+';
    } else {
        unsigned *t = vc_calloc((n + 1) * (m + 1), sizeof(unsigned));
        size_t i = 0, j = 0;
#define T(i, j) t[(i) * (m + 1) + (j)]
        for (size_t x = n; x-- > 0;)
            for (size_t y = m; y-- > 0;)
                T(x, y) = same(a, x, b, y) ? T(x + 1, y + 1) + 1
                          : (T(x + 1, y) >= T(x, y + 1) ? T(x + 1, y) : T(x, y + 1));
        while (i < n || j < m) {
            if (i < n && j < m && same(a, i, b, j)) {
                ops[k++] = ' ';
                i++, j++;
            } else if (i < n && (j == m || T(i + 1, j) >= T(i, j + 1))) {
                ops[k++] = '-';
                i++;
            } else {
                ops[k++] = '+';
                j++;
            }
        }
#undef T
        free(t);
    }
    *nops = k;
    return ops;
}

char *vc_diff_unified(const char *a_label, const char *a,
                      const char *b_label, const char *b)
{
    lines la = { 0 }, lb = { 0 };
    vc_buf out = VC_BUF_INIT;
    size_t nops, k = 0;
    char *ops;

    if (strcmp(a, b) == 0)
        return NULL;
    split(&la, a);
    split(&lb, b);
    ops = edit_script(&la, &lb, &nops);

    vc_buf_addf(&out, "--- %s\n+++ %s\n", a_label, b_label);
    while (k < nops) {
        size_t start, end, ai = 0, bi = 0, an = 0, bn = 0;

        if (ops[k] == ' ') {
            k++;
            continue;
        }
        /* hunk: from CONTEXT before the change to CONTEXT after the last
         * change that is within 2*CONTEXT of the previous one */
        start = k > CONTEXT ? k - CONTEXT : 0;
        end = k;
        for (size_t q = k, gap = 0; q < nops; q++) {
            if (ops[q] == ' ') {
                if (++gap > 2 * CONTEXT)
                    break;
            } else {
                gap = 0;
                end = q + 1;
            }
        }
        end = end + CONTEXT < nops ? end + CONTEXT : nops;
        for (size_t q = 0; q < start; q++) {
            if (ops[q] != '+')
                ai++;
            if (ops[q] != '-')
                bi++;
        }
        for (size_t q = start; q < end; q++) {
            if (ops[q] != '+')
                an++;
            if (ops[q] != '-')
                bn++;
        }
        vc_buf_addf(&out, "@@ -%zu,%zu +%zu,%zu @@\n", an ? ai + 1 : ai, an,
                    bn ? bi + 1 : bi, bn);
        for (size_t q = start; q < end; q++) {
            if (ops[q] == '+') {
                add_line(&out, '+', lb.start[bi], lb.len[bi]);
                bi++;
            } else if (ops[q] == '-') {
                add_line(&out, '-', la.start[ai], la.len[ai]);
                ai++;
            } else {
                add_line(&out, ' ', la.start[ai], la.len[ai]);
                ai++, bi++;
            }
        }
        k = end;
    }
    free(ops);
    free(la.start);
    free(la.len);
    free(lb.start);
    free(lb.len);
    return vc_buf_steal(&out);
}

/* the length of @s's first @n lines */
static size_t head_len(const char *s, size_t n)
{
    const char *p = s;

    for (; n && *p; n--) {
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    return (size_t)(p - s);
}

char *vc_diff_shown(const char *diff)
{
    const char *d = getenv("VC_TEST_DEBUG");
    int level = d && *d ? atoi(d) : 1;
    size_t keep = head_len(diff, level == 0 ? 2 : VC_DIFF_TRIM), rest = 0;
    vc_buf b = VC_BUF_INIT;

    if (level >= 2 || !diff[keep])
        return vc_strdup(diff);
    for (const char *p = diff + keep; *p; p++)
        rest += *p == '\n';
    vc_buf_addn(&b, diff, keep);
    if (level == 0)
        vc_buf_add(&b, "(differs: VC_TEST_DEBUG=1 shows the diff)\n");
    else
        vc_buf_addf(&b, "... %zu more lines (VC_TEST_DEBUG=2 shows the whole diff)\n", rest);
    return vc_buf_steal(&b);
}
