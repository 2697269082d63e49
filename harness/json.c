/* json.c: a recursive-descent JSON reader (RFC 8259), depth-limited so
 * that no input exhausts the stack. */
#include "json.h"
#include "util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64

typedef struct reader {
    const char *s;
    size_t len, pos;
    vc_error *err;
} reader;

static vc_json *value(reader *r, int depth);

static int fail(reader *r, const char *what)
{
    return vc_error_set(r->err, VC_EXIT_INPUT, "JSON at byte %zu: %s", r->pos, what);
}

static void blanks(reader *r)
{
    while (r->pos < r->len && strchr(" \t\r\n", r->s[r->pos]) && r->s[r->pos])
        r->pos++;
}

static bool eat(reader *r, char c)
{
    blanks(r);
    if (r->pos < r->len && r->s[r->pos] == c) {
        r->pos++;
        return true;
    }
    return false;
}

static bool word(reader *r, const char *w)
{
    size_t n = strlen(w);

    if (r->len - r->pos < n || memcmp(r->s + r->pos, w, n) != 0)
        return false;
    r->pos += n;
    return true;
}

static vc_json *node(vc_json_type type)
{
    vc_json *j = vc_malloc0(sizeof(*j));
    j->type = type;
    return j;
}

static void utf8(vc_buf *b, unsigned cp)
{
    if (cp < 0x80) {
        vc_buf_addc(b, (char)cp);
    } else if (cp < 0x800) {
        vc_buf_addc(b, (char)(0xC0 | cp >> 6));
        vc_buf_addc(b, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        vc_buf_addc(b, (char)(0xE0 | cp >> 12));
        vc_buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
        vc_buf_addc(b, (char)(0x80 | (cp & 0x3F)));
    } else {
        vc_buf_addc(b, (char)(0xF0 | cp >> 18));
        vc_buf_addc(b, (char)(0x80 | ((cp >> 12) & 0x3F)));
        vc_buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
        vc_buf_addc(b, (char)(0x80 | (cp & 0x3F)));
    }
}

static int hex4(reader *r, unsigned *cp)
{
    char h[5] = { 0 };
    char *end;

    if (r->len - r->pos < 4)
        return fail(r, "short \\u escape");
    memcpy(h, r->s + r->pos, 4);
    *cp = (unsigned)strtoul(h, &end, 16);
    if (end != h + 4)
        return fail(r, "bad \\u escape");
    r->pos += 4;
    return 0;
}

/* The escape after a backslash: 0, or -1. */
static int escape(reader *r, vc_buf *b)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *e;
    unsigned cp, lo;

    if (r->pos >= r->len)
        return fail(r, "unterminated string");
    if ((e = strchr(from, r->s[r->pos])) && *e) {
        vc_buf_addc(b, to[e - from]);
        r->pos++;
        return 0;
    }
    if (r->s[r->pos++] != 'u')
        return fail(r, "bad escape");
    if (hex4(r, &cp) < 0)
        return -1;
    if (cp >= 0xD800 && cp < 0xDC00) {     /* a surrogate pair */
        if (!word(r, "\\u") || hex4(r, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF)
            return fail(r, "lone surrogate");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    if (cp == 0)
        return fail(r, "NUL in a string");
    utf8(b, cp);
    return 0;
}

static char *string(reader *r)
{
    vc_buf b = { 0 };

    if (!eat(r, '"'))
        return fail(r, "expected a string"), NULL;
    while (r->pos < r->len && r->s[r->pos] != '"') {
        unsigned char c = (unsigned char)r->s[r->pos++];
        if (c < 0x20) {
            fail(r, "control character in a string");
            goto bad;
        }
        if (c != '\\')
            vc_buf_addc(&b, (char)c);
        else if (escape(r, &b) < 0)
            goto bad;
    }
    if (r->pos++ >= r->len) {
        fail(r, "unterminated string");
        goto bad;
    }
    return vc_buf_steal(&b);
 bad:
    vc_buf_free(&b);
    return NULL;
}

static vc_json *number(reader *r)
{
    char *end;
    char tmp[64];
    size_t n = 0;
    vc_json *j;

    while (r->pos + n < r->len && n < sizeof(tmp) - 1 &&
           strchr("+-0123456789.eE", r->s[r->pos + n]) && r->s[r->pos + n])
        n++;
    memcpy(tmp, r->s + r->pos, n);
    tmp[n] = '\0';
    j = node(VC_JSON_NUMBER);
    j->number = strtod(tmp, &end);
    if (n == 0 || end != tmp + n || !isfinite(j->number)) {
        vc_json_free(j);
        return fail(r, "bad number"), NULL;
    }
    r->pos += n;
    return j;
}

static void append(vc_json *j, char *key, vc_json *item)
{
    j->items = vc_realloc(j->items, (j->n + 1) * sizeof(*j->items));
    if (j->type == VC_JSON_OBJECT) {
        j->keys = vc_realloc(j->keys, (j->n + 1) * sizeof(*j->keys));
        j->keys[j->n] = key;
    }
    j->items[j->n++] = item;
}

/* An array or object, its opening bracket read. */
static vc_json *container(reader *r, vc_json_type type, int depth)
{
    char close = type == VC_JSON_ARRAY ? ']' : '}';
    vc_json *j = node(type);

    if (eat(r, close))
        return j;
    do {
        char *key = NULL;
        vc_json *item;

        if (type == VC_JSON_OBJECT &&
            (!(key = string(r)) || (!eat(r, ':') && fail(r, "expected ':'")))) {
            free(key);
            goto bad;
        }
        if (!(item = value(r, depth + 1))) {
            free(key);
            goto bad;
        }
        append(j, key, item);
    } while (eat(r, ','));
    if (eat(r, close))
        return j;
    fail(r, type == VC_JSON_ARRAY ? "expected ',' or ']'" : "expected ',' or '}'");
 bad:
    vc_json_free(j);
    return NULL;
}

static vc_json *value(reader *r, int depth)
{
    vc_json *j;

    if (depth > MAX_DEPTH)
        return fail(r, "nested too deep"), NULL;
    blanks(r);
    if (r->pos >= r->len)
        return fail(r, "expected a value"), NULL;
    switch (r->s[r->pos]) {
    case '{': r->pos++; return container(r, VC_JSON_OBJECT, depth);
    case '[': r->pos++; return container(r, VC_JSON_ARRAY, depth);
    case '"':
        j = node(VC_JSON_STRING);
        if (!(j->string = string(r)))
            return vc_json_free(j), NULL;
        return j;
    }
    if (word(r, "null"))
        return node(VC_JSON_NULL);
    if (word(r, "true") || word(r, "false")) {
        j = node(VC_JSON_BOOL);
        j->boolean = r->s[r->pos - 4] == 't';     /* "true" or "alse" */
        return j;
    }
    return number(r);
}

vc_json *vc_json_parse(const char *text, size_t len, vc_error *err)
{
    reader r = { text, len, 0, err };
    vc_json *j = value(&r, 0);

    blanks(&r);
    if (j && r.pos != len) {
        fail(&r, "text after the document");
        vc_json_free(j);
        return NULL;
    }
    return j;
}

void vc_json_free(vc_json *j)
{
    if (!j)
        return;
    for (size_t i = 0; i < j->n; i++) {
        if (j->keys)
            free(j->keys[i]);
        vc_json_free(j->items[i]);
    }
    free(j->keys);
    free(j->items);
    free(j->string);
    free(j);
}

const vc_json *vc_json_get(const vc_json *j, const char *key)
{
    for (size_t i = 0; j && j->type == VC_JSON_OBJECT && i < j->n; i++)
        if (strcmp(j->keys[i], key) == 0)
            return j->items[i];
    return NULL;
}

vc_json *vc_json_take(vc_json *j, const char *key)
{
    for (size_t i = 0; j && j->type == VC_JSON_OBJECT && i < j->n; i++) {
        if (strcmp(j->keys[i], key) == 0) {
            vc_json *v = j->items[i];
            j->items[i] = node(VC_JSON_NULL);
            return v;
        }
    }
    return NULL;
}

const vc_json *vc_json_path(const vc_json *j, const char *path)
{
    char *copy = vc_strdup(path), *save = NULL;

    for (char *k = strtok_r(copy, ".", &save); j && k; k = strtok_r(NULL, ".", &save))
        j = vc_json_get(j, k);
    free(copy);
    return j;
}

char *vc_json_scalar(const vc_json *j)
{
    if (!j)
        return NULL;
    switch (j->type) {
    case VC_JSON_BOOL: return vc_strdup(j->boolean ? "true" : "false");
    case VC_JSON_NUMBER: return vc_asprintf("%.17g", j->number);
    case VC_JSON_STRING: return vc_strdup(j->string);
    default: return NULL;
    }
}

void vc_json_quote(vc_buf *b, const char *s)
{
    vc_buf_addc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            vc_buf_addf(b, "\\%c", c);
        else if (c < 0x20)
            vc_buf_addf(b, "\\u%04x", c);
        else
            vc_buf_addc(b, (char)c);
    }
    vc_buf_addc(b, '"');
}
