/* props.c: property lists and the serializer of QEMU option syntax. */
#include "util/props.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static vc_prop *push(vc_props *p, vc_prop_kind kind)
{
    vc_prop *it;

    vc_grow(&p->items, &p->cap, p->n + 1, sizeof(*p->items));
    it = &p->items[p->n++];
    it->kind = kind;
    it->key = it->value = NULL;
    return it;
}

void vc_props_value(vc_props *p, const char *value)
{
    push(p, VC_PROP_VALUE)->value = vc_strdup(value ? value : "");
}

void vc_props_valuef(vc_props *p, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    push(p, VC_PROP_VALUE)->value = vc_vasprintf(fmt, ap);
    va_end(ap);
}

void vc_props_add(vc_props *p, const char *key, const char *value)
{
    vc_prop *it = push(p, VC_PROP_PAIR);

    it->key = vc_strdup(key);
    it->value = vc_strdup(value ? value : "");
}

void vc_props_addf(vc_props *p, const char *key, const char *fmt, ...)
{
    vc_prop *it = push(p, VC_PROP_PAIR);
    va_list ap;

    it->key = vc_strdup(key);
    va_start(ap, fmt);
    it->value = vc_vasprintf(fmt, ap);
    va_end(ap);
}

void vc_props_flag(vc_props *p, const char *key)
{
    push(p, VC_PROP_FLAG)->key = vc_strdup(key);
}

const char *vc_props_get(const vc_props *p, const char *key)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].kind == VC_PROP_PAIR && strcmp(p->items[i].key, key) == 0)
            return p->items[i].value;
    return NULL;
}

void vc_props_move(vc_props *dst, vc_props *src)
{
    for (size_t i = 0; i < src->n; i++)
        *push(dst, src->items[i].kind) = src->items[i];
    free(src->items);
    src->items = NULL;
    src->n = src->cap = 0;
}

void vc_props_copy(vc_props *dst, const vc_props *src)
{
    for (size_t i = 0; i < src->n; i++) {
        vc_prop *it = push(dst, src->items[i].kind);
        it->key = vc_strdup(src->items[i].key);
        it->value = vc_strdup(src->items[i].value);
    }
}

void vc_props_free(vc_props *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->items[i].key);
        free(p->items[i].value);
    }
    free(p->items);
    p->items = NULL;
    p->n = p->cap = 0;
}

/* ---- the serializer --------------------------------------------------- */

/* A value QEMU cannot be given in this syntax. */
static int cannot(vc_error *err, const char *option, const char *key,
                  const char *value, const char *why)
{
    return vc_error_set(err, VC_EXIT_BUILD,
                        "unsupported configuration: %s%s%s value '%s' cannot be "
                        "given to QEMU's %s: %s", key ? "'" : "", key ? key : "",
                        key ? "'" : "", value, option, why);
}

/* Keys are the builder's own words; one that QEMU would split is a bug. */
static bool key_ok(const char *key)
{
    return key && *key && !strpbrk(key, ",=");
}

static void add_quoted(vc_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == ',')
            vc_buf_addc(b, ',');
        vc_buf_addc(b, *s);
    }
}

/* QemuOpts (util/qemu-option.c): items split at single commas, a doubled
 * comma is a literal one; the first item is the implied key's value when
 * its text has no '=' before the first ','.  But QEMU's scan for the id
 * (opts_parse_id) reads that item without the implied key, so
 * "a,,id=b" would set the id, and keyval (-machine since 6.2) ends an
 * implied value at the first ',': a leading value holding ',' is named
 * as well. */
static int format_opts(const vc_props *p, const char *implied, const char *option,
                       vc_buf *b, vc_error *err)
{
    for (size_t i = 0; i < p->n; i++) {
        const vc_prop *it = &p->items[i];

        if (i)
            vc_buf_addc(b, ',');
        switch (it->kind) {
        case VC_PROP_VALUE:
            if (i != 0)
                return vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %s: "
                                    "a bare value after the first item", option);
            if (strpbrk(it->value, "=,")) {
                if (!implied)
                    return cannot(err, option, NULL, it->value,
                                  "'=' or ',' would make it keys");
                vc_buf_addf(b, "%s=", implied);
            }
            add_quoted(b, it->value);
            break;
        case VC_PROP_PAIR:
            if (!key_ok(it->key))
                return vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %s: "
                                    "bad key '%s'", option, it->key ? it->key : "");
            vc_buf_add(b, it->key);
            vc_buf_addc(b, '=');
            add_quoted(b, it->value);
            break;
        case VC_PROP_FLAG:
            if (!key_ok(it->key))
                return vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %s: "
                                    "bad key '%s'", option, it->key ? it->key : "");
            vc_buf_add(b, it->key);
            break;
        }
    }
    return 0;
}

/* Items QEMU splits at every comma (-cpu, -soundhw): nothing to quote
 * with, so a comma in a value is refused. */
static int format_list(const vc_props *p, const char *option, vc_buf *b,
                       vc_error *err)
{
    for (size_t i = 0; i < p->n; i++) {
        const vc_prop *it = &p->items[i];

        if (it->value && strchr(it->value, ','))
            return cannot(err, option, it->key, it->value,
                          "it splits its value at every ','");
        if (it->kind != VC_PROP_VALUE && !key_ok(it->key))
            return vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %s: "
                                "bad key '%s'", option, it->key ? it->key : "");
        if (i)
            vc_buf_addc(b, ',');
        if (it->key)
            vc_buf_add(b, it->key);
        if (it->kind == VC_PROP_PAIR)
            vc_buf_addc(b, '=');
        if (it->value)
            vc_buf_add(b, it->value);
    }
    return 0;
}

/* -global DRIVER.PROP=VALUE: QEMU splits at the first '=' and keeps the
 * rest as it is. */
static int format_global(const vc_props *p, const char *option, vc_buf *b,
                         vc_error *err)
{
    const vc_prop *it = p->n == 1 ? &p->items[0] : NULL;

    if (!it || it->kind != VC_PROP_PAIR || !key_ok(it->key) || !strchr(it->key, '.'))
        return vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %s takes "
                            "one DRIVER.PROP=VALUE", option);
    vc_buf_addf(b, "%s=%s", it->key, it->value);
    return 0;
}

/* --- character devices before -chardev ---------------------------------
 * QEMU reads "file:PATH" and "pipe:PATH" whole, a /dev path whole,
 * "tcp:HOST:PORT" and "udp:HOST:PORT[@HOST:PORT]" with sscanf (a host
 * ends at ':' and holds at most 64 bytes, a port ends at ',' or '@' and
 * holds at most 32), "unix:PATH" as QemuOpts with PATH implied; options
 * after the spec are QemuOpts. */

typedef struct chr_part {
    const char *key;
    const char *stop;       /* characters that end it in QEMU's reading */
    size_t max;             /* its buffer; 0: no limit */
    const char *sep;        /* written before it */
} chr_part;

static const struct {
    const char *backend;
    const char *prefix;
    chr_part parts[4];
    bool tail;              /* takes options after the spec */
} chr_specs[] = {
    { "null", "null", { { NULL, NULL, 0, NULL } }, false },
    { "none", "none", { { NULL, NULL, 0, NULL } }, false },
    { "vc", "vc", { { NULL, NULL, 0, NULL } }, false },
    { "pty", "pty", { { NULL, NULL, 0, NULL } }, false },
    { "stdio", "stdio", { { NULL, NULL, 0, NULL } }, false },
    { "file", "file:", { { "path", "", 0, "" } }, false },
    { "pipe", "pipe:", { { "path", "", 0, "" } }, false },
    { "dev", "", { { "path", "", 0, "" } }, false },
    { "unix", "unix:", { { "path", NULL, 0, "" } }, true },
    { "tcp", "tcp:", { { "host", ":", 64, "" }, { "port", ",", 32, ":" } }, true },
    { "telnet", "telnet:", { { "host", ":", 64, "" }, { "port", ",", 32, ":" } }, true },
    { "udp", "udp:", { { "host", ":", 64, "" }, { "port", "@,", 32, ":" },
                       { "localaddr", ":", 64, "@" }, { "localport", ",", 32, ":" } },
      false },
};

static int format_chr_compat(const vc_props *p, const char *option, vc_buf *b,
                             vc_error *err)
{
    size_t i = 0, spec = (size_t)-1;
    const char *backend;
    vc_props tail = VC_PROPS_INIT;
    int ret = -1;

    /* leading flags ("control,") */
    for (; i < p->n && p->items[i].kind == VC_PROP_FLAG; i++)
        vc_buf_addf(b, "%s,", p->items[i].key);
    if (i >= p->n || p->items[i].kind != VC_PROP_VALUE)
        return vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %s: no "
                            "character device backend", option);
    backend = p->items[i++].value;
    for (size_t k = 0; k < sizeof(chr_specs) / sizeof(chr_specs[0]); k++)
        if (strcmp(chr_specs[k].backend, backend) == 0)
            spec = k;
    if (spec == (size_t)-1)
        return vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %s: unknown "
                            "backend '%s'", option, backend);
    vc_buf_add(b, chr_specs[spec].prefix);
    for (size_t k = 0; k < 4 && chr_specs[spec].parts[k].key; k++) {
        const chr_part *part = &chr_specs[spec].parts[k];
        const char *v = vc_props_get(p, part->key);

        if (!v)
            v = "";
        if (part->stop && strpbrk(v, part->stop)) {
            char why[64];
            snprintf(why, sizeof(why), "its old form ends the %s at '%c'", part->key,
                     *strpbrk(v, part->stop));
            cannot(err, option, part->key, v, why);
            goto cleanup;
        }
        if (part->max && strlen(v) > part->max) {
            char why[64];
            snprintf(why, sizeof(why), "its old form reads at most %zu bytes of it",
                     part->max);
            cannot(err, option, part->key, v, why);
            goto cleanup;
        }
        /* QEMU takes a bare path for a device only under /dev/: any
         * other would be read as another backend's spec, or refused */
        if (strcmp(backend, "dev") == 0 && strncmp(v, "/dev/", 5) != 0) {
            cannot(err, option, part->key, v, "its old form takes only device "
                   "paths under /dev/");
            goto cleanup;
        }
        vc_buf_add(b, part->sep);
        if (part->stop) {
            vc_buf_add(b, v);
        } else {
            /* unix:PATH is QemuOpts with PATH implied */
            if (strcspn(v, "=") < strcspn(v, ","))
                vc_buf_addf(b, "%s=", part->key);
            add_quoted(b, v);
        }
    }
    for (; i < p->n; i++) {
        const vc_prop *it = &p->items[i];
        bool part = false;

        for (size_t k = 0; k < 4 && chr_specs[spec].parts[k].key; k++)
            part = part || (it->key && strcmp(it->key, chr_specs[spec].parts[k].key) == 0);
        if (it->kind == VC_PROP_PAIR && part)
            continue;
        if (it->kind == VC_PROP_VALUE || !chr_specs[spec].tail) {
            vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %s: '%s' does "
                         "not fit the old form of %s", option,
                         it->key ? it->key : it->value, backend);
            goto cleanup;
        }
        vc_buf_addc(b, ',');
        tail.items = (vc_prop *)it;
        tail.n = 1;
        if (format_opts(&tail, NULL, option, b, err) < 0)
            goto cleanup;
    }
    ret = 0;
cleanup:
    return ret;
}

char *vc_props_format(const vc_props *p, vc_syntax syntax, const char *implied,
                      const char *option, vc_error *err)
{
    vc_buf b = VC_BUF_INIT;
    int rc;

    switch (syntax) {
    case VC_SYNTAX_OPTS:
        rc = format_opts(p, implied, option, &b, err);
        break;
    case VC_SYNTAX_LIST:
        rc = format_list(p, option, &b, err);
        break;
    case VC_SYNTAX_GLOBAL:
        rc = format_global(p, option, &b, err);
        break;
    case VC_SYNTAX_CHR_COMPAT:
        rc = format_chr_compat(p, option, &b, err);
        break;
    case VC_SYNTAX_LITERAL:
        if (p->n != 1 || p->items[0].kind != VC_PROP_VALUE) {
            rc = vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %s takes "
                              "one value", option);
            break;
        }
        vc_buf_add(&b, p->items[0].value);
        rc = 0;
        break;
    case VC_SYNTAX_NONE:
    case VC_SYNTAX_LAST:
    default:
        rc = vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %s takes no value",
                          option);
        break;
    }
    if (rc < 0) {
        vc_buf_free(&b);
        return NULL;
    }
    return vc_buf_steal(&b);
}
