/* buf.h: a growable string, always NUL-terminated. */
#ifndef VC_UTIL_BUF_H
#define VC_UTIL_BUF_H

#include <stddef.h>

typedef struct vc_buf {
    char *s;
    size_t len;
    size_t cap;
} vc_buf;

#define VC_BUF_INIT { NULL, 0, 0 }

void vc_buf_add(vc_buf *b, const char *s);
void vc_buf_addn(vc_buf *b, const char *s, size_t n);
void vc_buf_addc(vc_buf *b, char c);
void vc_buf_addf(vc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vc_buf_indent(vc_buf *b, int n);
/* The contents ("" when empty); valid until the next change. */
const char *vc_buf_str(const vc_buf *b);
/* Hand the string to the caller (never NULL) and reset the buffer. */
char *vc_buf_steal(vc_buf *b);
void vc_buf_reset(vc_buf *b);
void vc_buf_free(vc_buf *b);

#endif
