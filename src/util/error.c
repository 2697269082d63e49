#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Newlines would break the one-line contract of every message, and
 * other control bytes (an escape sequence in a file name or a value)
 * would act on the terminal that shows it. */
static void flatten(char *s)
{
    for (; *s; s++) {
        if (*s == '\n' || *s == '\r')
            *s = ' ';
        else if ((*s > 0 && *s < ' ' && *s != '\t') || *s == 0x7f)
            *s = '?';
    }
}

int vc_error_set(vc_error *err, int code, const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return -1;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    flatten(err->msg);
    err->code = code;
    return -1;
}

void vc_error_prefix(vc_error *err, const char *fmt, ...)
{
    char old[VC_ERROR_MSG_MAX];
    va_list ap;
    int n;

    if (!err)
        return;
    memcpy(old, err->msg, sizeof(old));
    va_start(ap, fmt);
    n = vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof(err->msg))
        snprintf(err->msg + n, sizeof(err->msg) - (size_t)n, ": %.*s",
                 (int)(sizeof(err->msg) - (size_t)n), old);
    flatten(err->msg);
}

void vc_error_clear(vc_error *err)
{
    if (!err)
        return;
    err->code = 0;
    err->msg[0] = '\0';
}
