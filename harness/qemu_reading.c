/* qemu_reading.c: readings (the keys and values QEMU ends up with)
 * and the messages about them. */
#include "qemu_read.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void vc_qkvs_addn(vc_qkvs *l, const char *key, const char *value, size_t n)
{
    vc_grow(&l->items, &l->cap, l->n + 1, sizeof(*l->items));
    l->items[l->n].key = vc_strdup(key);
    l->items[l->n].value = vc_strndup(value, n);
    l->n++;
}

void vc_qkvs_add(vc_qkvs *l, const char *key, const char *value)
{
    vc_qkvs_addn(l, key, value, strlen(value));
}

void vc_qkvs_hoist_id(vc_qkvs *l)
{
    vc_qkv id = { NULL, NULL };
    size_t k = 0;

    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(l->items[i].key, "id") != 0) {
            l->items[k++] = l->items[i];
        } else if (!id.key) {
            id = l->items[i];
        } else {
            free(l->items[i].key);
            free(l->items[i].value);
        }
    }
    l->n = k;
    if (!id.key)
        return;
    vc_grow(&l->items, &l->cap, l->n + 1, sizeof(*l->items));
    memmove(l->items + 1, l->items, l->n * sizeof(*l->items));
    l->items[0] = id;
    l->n++;
}

bool vc_qkvs_equal(const vc_qkvs *a, const vc_qkvs *b)
{
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->items[i].key, b->items[i].key) != 0 ||
            strcmp(a->items[i].value, b->items[i].value) != 0)
            return false;
    return true;
}

static void add_escaped(vc_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            vc_buf_add(b, "\\n");
        else if (*s == '\t')
            vc_buf_add(b, "\\t");
        else if (*s == '\\' || *s == '"')
            vc_buf_addf(b, "\\%c", *s);
        else
            vc_buf_addc(b, *s);
    }
}

char *vc_qkvs_format(const vc_qkvs *l)
{
    vc_buf b = VC_BUF_INIT;

    for (size_t i = 0; i < l->n; i++) {
        if (i)
            vc_buf_addc(&b, ' ');
        add_escaped(&b, l->items[i].key);
        vc_buf_add(&b, "=\"");
        add_escaped(&b, l->items[i].value);
        vc_buf_addc(&b, '"');
    }
    return vc_buf_steal(&b);
}

char *vc_qm_quote(const char *s)
{
    vc_buf b = VC_BUF_INIT;

    vc_buf_addc(&b, '"');
    add_escaped(&b, s);
    vc_buf_addc(&b, '"');
    return vc_buf_steal(&b);
}

void vc_qkvs_free(vc_qkvs *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].key);
        free(l->items[i].value);
    }
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

int vc_qm_refuse(char **why, const char *fmt, ...)
{
    va_list ap;
    char *raw;
    vc_buf b = VC_BUF_INIT;

    va_start(ap, fmt);
    raw = vc_vasprintf(fmt, ap);
    va_end(ap);
    /* values quoted in it may hold newlines: keep the message one line */
    for (const char *p = raw; *p; p++) {
        if (*p == '\n')
            vc_buf_add(&b, "\\n");
        else
            vc_buf_addc(&b, *p);
    }
    free(raw);
    *why = vc_buf_steal(&b);
    return -1;
}

