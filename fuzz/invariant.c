/* invariant.c: how a fuzz target says an invariant is broken. */
#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VC_FUZZ_SRCDIR
#define VC_FUZZ_SRCDIR "."
#endif

/* process-wide, set once by a tier before it runs a target */
static vc_fuzz_fail_hook fail_hook;

void vc_fuzz_set_fail_hook(vc_fuzz_fail_hook hook)
{
    fail_hook = hook;
}

void vc_fuzz_fail(const char *fmt, ...)
{
    char msg[4096];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (fail_hook)
        fail_hook(msg);
    fprintf(stderr, "fuzz: invariant violated: %s\n", msg);
    abort();
}

void vc_fuzz_expect_error(const char *stage, const vc_error *err, int code)
{
    if (err->code != code)
        vc_fuzz_fail("%s: error of exit code %d where %d is documented: %s", stage,
                     err->code, code, err->msg);
    if (!err->msg[0] || strchr(err->msg, '\n'))
        vc_fuzz_fail("%s: the error is not one line: \"%s\"", stage, err->msg);
}

/* The line at @s, C-escaped for a message (at most 200 bytes of it). */
static void escape_line(char *out, size_t size, const char *s)
{
    size_t n = strcspn(s, "\n"), o = 0;

    for (size_t i = 0; i < n && i < 200 && o + 5 < size; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
            o += (size_t)snprintf(out + o, size - o, "\\x%02x", c);
        else
            out[o++] = (char)c;
    }
    out[o] = '\0';
}

void vc_fuzz_expect_same(const char *what, const char *a, const char *b)
{
    size_t line = 1, start = 0, i = 0;
    char la[1024], lb[1024];

    for (; a[i] && a[i] == b[i]; i++) {
        if (a[i] == '\n') {
            line++;
            start = i + 1;
        }
    }
    if (a[i] == b[i])
        return;
    escape_line(la, sizeof(la), a + start);
    escape_line(lb, sizeof(lb), b + start);
    vc_fuzz_fail("%s: line %zu differs: \"%s\" then \"%s\"", what, line, la, lb);
}

const char *vc_fuzz_srcdir(void)
{
    const char *s = getenv("VC_SRCDIR");
    return s && *s ? s : VC_FUZZ_SRCDIR;
}
