#include "util/buf.h"
#include "util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(vc_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    size_t ncap;

    if (need <= b->cap)
        return;
    ncap = b->cap ? b->cap : 64;
    while (ncap < need)
        ncap *= 2;
    b->s = vc_realloc(b->s, ncap);
    b->cap = ncap;
}

void vc_buf_addn(vc_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void vc_buf_add(vc_buf *b, const char *s)
{
    vc_buf_addn(b, s, strlen(s));
}

void vc_buf_addc(vc_buf *b, char c)
{
    vc_buf_addn(b, &c, 1);
}

void vc_buf_addf(vc_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void vc_buf_indent(vc_buf *b, int n)
{
    while (n-- > 0)
        vc_buf_addc(b, ' ');
}

const char *vc_buf_str(const vc_buf *b)
{
    return b->s ? b->s : "";
}

char *vc_buf_steal(vc_buf *b)
{
    char *s = b->s ? b->s : vc_strdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void vc_buf_reset(vc_buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void vc_buf_free(vc_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}
