/* qemu_config_text.c: the syntax of qemu.conf, as libvirt's virconf
 * reads it, into typed values; what each key accepts is qemu_config.c.
 *
 *     key = "string"        (or 'string', or """string""" over lines)
 *     key = 42              (a bare word: a number or a boolean 0/1)
 *     key = [ "a", "b", ]   (a list; over lines; comments inside)
 *     # comment             (also after a value)
 *
 * The text is (data, len): no terminating NUL is needed or read.  A
 * list inside a list is refused here, so no input makes the reader
 * recurse.  CR before LF is a blank, so CRLF files read as LF files.
 */
#include "qemu/build_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct reader {
    const char *p, *end;
    const char *path;       /* "FILE", or "--set" (a command line has no lines) */
    bool lines;             /* say FILE:LINE */
    int code;               /* VC_EXIT_INPUT, or VC_EXIT_USAGE for --set */
    unsigned line;
    vc_error *err;
} reader;

int vc_conf_error(vc_error *err, int code, const char *name, unsigned line,
                  const char *fmt, ...)
{
    char msg[VC_ERROR_MSG_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (!line)
        return vc_error_set(err, code, "%s: %s", name, msg);
    return vc_error_set(err, code, "%s:%u: %s", name, line, msg);
}

#define syntax(r, line, ...) \
    vc_conf_error((r)->err, (r)->code, (r)->path, (r)->lines ? (line) : 0, __VA_ARGS__)

static bool at(const reader *r, char c)
{
    return r->p < r->end && *r->p == c;
}

/* Blanks on this line (CR is one). */
static void skip_blanks(reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r'))
        r->p++;
}

static void skip_comment(reader *r)
{
    if (at(r, '#'))
        while (r->p < r->end && *r->p != '\n')
            r->p++;
}

/* Blanks, comments and line ends, as between the items of a list. */
static void skip_space(reader *r)
{
    for (;;) {
        skip_blanks(r);
        skip_comment(r);
        if (!at(r, '\n'))
            return;
        r->p++;
        r->line++;
    }
}

/* A bare word ends at a blank, a comment, a separator or a quote. */
static bool is_word_char(char c)
{
    return !strchr(" \t\r\n#,[]\"';", c) && c != '\0';
}

/* Up to 20 bytes at the reader, for a message (caller frees). */
static char *excerpt(const reader *r)
{
    size_t n = 0;

    while (r->p + n < r->end && n < 20 && r->p[n] != '\n')
        n++;
    return vc_strndup(r->p, n);
}

static int read_string(reader *r, vc_conf_value *v)
{
    const char quotes[3] = { *r->p, *r->p, *r->p };
    bool triple = (size_t)(r->end - r->p) >= 6 && memcmp(r->p, quotes, 3) == 0;
    const char *start = r->p + (triple ? 3 : 1), *close;
    unsigned line = r->line;

    if (triple) {
        /* """...""" may hold line ends */
        if (!(close = memmem(start, (size_t)(r->end - start), quotes, 3)))
            return syntax(r, line, "unterminated string");
        for (const char *p = start; p < close; p++)
            r->line += *p == '\n';
    } else {
        /* one line, as virconf reads it */
        close = start;
        while (close < r->end && *close != quotes[0] && *close != '\n')
            close++;
        if (close == r->end || *close != quotes[0])
            return syntax(r, line, "unterminated string");
    }
    v->kind = VC_CONF_STRING;
    v->text = vc_strndup(start, (size_t)(close - start));
    r->p = close + (triple ? 3 : 1);
    return 0;
}

/* A string or a bare word (a '[' here is inside a list already). */
static int read_scalar(reader *r, vc_conf_value *v, const char *key)
{
    const char *start = r->p;

    v->line = r->line;
    if (at(r, '"') || at(r, '\''))
        return read_string(r, v);
    if (at(r, '['))
        return syntax(r, r->line, "%s: a list inside a list", key);
    while (r->p < r->end && is_word_char(*r->p))
        r->p++;
    if (r->p == start)
        return syntax(r, r->line, "%s: expected a value", key);
    v->kind = VC_CONF_WORD;
    v->text = vc_strndup(start, (size_t)(r->p - start));
    return 0;
}

static int read_list(reader *r, vc_conf_value *v, const char *key)
{
    unsigned line = r->line;
    size_t cap = 0;

    v->kind = VC_CONF_LIST;
    v->line = line;
    r->p++;
    for (;;) {
        vc_conf_value *item;
        char *got;

        skip_space(r);
        if (r->p >= r->end)
            return syntax(r, line, "%s: unterminated list", key);
        if (at(r, ']'))
            break;
        vc_grow(&v->items, &cap, v->n + 1, sizeof(*v->items));
        item = &v->items[v->n++];
        memset(item, 0, sizeof(*item));
        if (read_scalar(r, item, key) < 0)
            return -1;
        skip_space(r);
        if (at(r, ','))
            r->p++;
        else if (r->p < r->end && !at(r, ']')) {
            got = excerpt(r);
            syntax(r, r->line, "%s: expected ',' or ']' in the list, got '%s'", key, got);
            free(got);
            return -1;
        }
    }
    r->p++;
    return 0;
}

static int read_value(reader *r, vc_conf_value *v, const char *key)
{
    memset(v, 0, sizeof(*v));
    if (at(r, '['))
        return read_list(r, v, key);
    return read_scalar(r, v, key);
}

/* After a value: blanks, an optional ';', a comment, the line end. */
static int end_of_statement(reader *r, const char *key)
{
    char *got;

    skip_blanks(r);
    if (at(r, ';'))
        r->p++;
    skip_blanks(r);
    skip_comment(r);
    if (r->p >= r->end || at(r, '\n'))
        return 0;
    got = excerpt(r);
    syntax(r, r->line, "%s: unexpected '%s' after the value", key, got);
    free(got);
    return -1;
}

static int read_statement(reader *r, vc_conf_entry_fn fn, void *opaque)
{
    const char *start = r->p;
    vc_conf_value v;
    unsigned line = r->line;
    char *key;
    int rc;

    while (r->p < r->end && (isalnum((unsigned char)*r->p) || *r->p == '_' || *r->p == '.'))
        r->p++;
    skip_blanks(r);
    if (r->p == start || !at(r, '='))
        return syntax(r, line, "expected 'key = value'");
    key = vc_strndup(start, strcspn(start, " \t\r="));
    r->p++;
    skip_blanks(r);
    rc = read_value(r, &v, key);
    if (rc == 0)
        rc = end_of_statement(r, key);
    if (rc == 0)
        rc = fn(opaque, key, &v, line, r->err);
    vc_conf_value_free(&v);
    free(key);
    return rc;
}

int vc_conf_parse(const char *text, size_t len, const char *path, vc_conf_entry_fn fn,
                  void *opaque, vc_error *err)
{
    reader r = { text, text + len, path, true, VC_EXIT_INPUT, 1, err };
    const char *nul = memchr(text, '\0', len);

    if (nul) {
        for (const char *p = text; p < nul; p++)
            r.line += *p == '\n';
        return syntax(&r, r.line, "binary data (NUL byte at offset %zu)",
                      (size_t)(nul - text));
    }
    for (;;) {
        skip_space(&r);
        if (r.p >= r.end)
            return 0;
        if (read_statement(&r, fn, opaque) < 0)
            return -1;
    }
}

int vc_conf_parse_set_value(const char *text, const char *key, const char *where,
                            int code, vc_conf_value *v, vc_error *err)
{
    size_t len = strlen(text);
    reader r = { text, text + len, where, false, code, 1, err };

    memset(v, 0, sizeof(*v));
    while (len && isspace((unsigned char)text[len - 1]))
        len--;
    r.end = text + len;
    skip_blanks(&r);
    /* the shell has split the command line: a bare value is all of it */
    if (!at(&r, '"') && !at(&r, '\'') && !at(&r, '[')) {
        v->kind = VC_CONF_WORD;
        v->line = 1;
        v->text = vc_strndup(r.p, (size_t)(r.end - r.p));
        return 0;
    }
    if (read_value(&r, v, key) < 0 || end_of_statement(&r, key) < 0) {
        vc_conf_value_free(v);
        return -1;
    }
    return 0;
}

void vc_conf_value_free(vc_conf_value *v)
{
    for (size_t i = 0; i < v->n; i++)
        vc_conf_value_free(&v->items[i]);
    free(v->items);
    free(v->text);
    memset(v, 0, sizeof(*v));
}
