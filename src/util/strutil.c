#include "util/strutil.h"
#include "util/alloc.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

bool vc_streq_null(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

bool vc_parse_ull(const char *s, int base, unsigned long long *out)
{
    char *end;
    unsigned long long v;

    if (!s || !*s || isspace((unsigned char)*s) || *s == '-' || *s == '+')
        return false;
    errno = 0;
    v = strtoull(s, &end, base);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}

bool vc_parse_ll(const char *s, int base, long long *out)
{
    char *end;
    long long v;

    if (!s || !*s || isspace((unsigned char)*s) || *s == '+')
        return false;
    errno = 0;
    v = strtoll(s, &end, base);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}

int vc_parse_number(const char **p)
{
    long v = 0;
    const char *s = *p;

    if (!isdigit((unsigned char)*s))
        return -1;
    while (isdigit((unsigned char)*s)) {
        v = v * 10 + (*s - '0');
        if (v > INT_MAX)
            return -1;
        s++;
    }
    *p = s;
    return (int)v;
}

void vc_strlist_take(vc_strlist *l, char *s)
{
    vc_grow(&l->items, &l->cap, l->n + 2, sizeof(*l->items));
    l->items[l->n++] = s;
    l->items[l->n] = NULL;
}

void vc_strlist_add(vc_strlist *l, const char *s)
{
    vc_strlist_take(l, vc_strdup(s));
}

bool vc_strlist_has(const vc_strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], s) == 0)
            return true;
    return false;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void vc_strlist_sort(vc_strlist *l)
{
    if (l->n > 1)
        qsort(l->items, l->n, sizeof(*l->items), cmp_str);
}

bool vc_strlist_has_sorted(const vc_strlist *l, const char *s)
{
    return l->n && bsearch(&s, l->items, l->n, sizeof(*l->items), cmp_str);
}

void vc_strlist_free(vc_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}
