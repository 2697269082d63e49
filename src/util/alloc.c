#include "util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
    fputs("virtconform: out of memory\n", stderr);
    abort();
}

void *vc_malloc0(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *vc_calloc(size_t nmemb, size_t size)
{
    void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *vc_realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        oom();
    return p;
}

char *vc_strdup(const char *s)
{
    char *p;

    if (!s)
        return NULL;
    p = strdup(s);
    if (!p)
        oom();
    return p;
}

char *vc_strndup(const char *s, size_t n)
{
    char *p = strndup(s, n);
    if (!p)
        oom();
    return p;
}

char *vc_vasprintf(const char *fmt, va_list ap)
{
    char *p = NULL;

    if (vasprintf(&p, fmt, ap) < 0)
        oom();
    return p;
}

char *vc_asprintf(const char *fmt, ...)
{
    va_list ap;
    char *p;

    va_start(ap, fmt);
    p = vc_vasprintf(fmt, ap);
    va_end(ap);
    return p;
}

void vc_grow(void *arrp, size_t *cap, size_t need, size_t size)
{
    void **arr = arrp;
    size_t ncap;

    if (need <= *cap)
        return;
    ncap = *cap ? *cap : 8;
    while (ncap < need)
        ncap *= 2;
    *arr = vc_realloc(*arr, ncap * size);
    memset((char *)*arr + *cap * size, 0, (ncap - *cap) * size);
    *cap = ncap;
}
