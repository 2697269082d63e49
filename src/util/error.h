/* error.h: the error a function hands back to its caller.
 *
 * Library functions never print: they fill a vc_error and return -1.
 * The CLI (or a test) reports it once.  The code doubles as the
 * process exit status, so it is one of the documented VC_EXIT_* values.
 */
#ifndef VC_UTIL_ERROR_H
#define VC_UTIL_ERROR_H

enum {
    VC_EXIT_OK = 0,
    VC_EXIT_BUILD = 1,     /* configuration rejected while building */
    VC_EXIT_INPUT = 2,     /* bad input: file, XML, capability text */
    VC_EXIT_INTERNAL = 70, /* EX_SOFTWARE: a bug or an exhausted resource */
    VC_EXIT_USAGE = 64,    /* EX_USAGE: bad command line */
};

#define VC_ERROR_MSG_MAX 1024

typedef struct vc_error {
    int code;                    /* VC_EXIT_*; 0 while unset */
    char msg[VC_ERROR_MSG_MAX];  /* one line, no trailing newline */
} vc_error;

/* Record an error (overwriting any earlier one); always returns -1 so
 * callers can write `return vc_error_set(...)`.  @err may be NULL.  The
 * message is made one line: a line end becomes a blank, another control
 * byte '?'. */
int vc_error_set(vc_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Put "prefix: " in front of the message already recorded. */
void vc_error_prefix(vc_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void vc_error_clear(vc_error *err);

#endif
