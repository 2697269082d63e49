/* vocab_report.c: vocabulary paths and conditions, and what the parser
 * read of a document measured against the vocabulary (vocabulary.h).
 * The parser marks what it reads (xml_util.c); after a parse, every
 * element and attribute of the document is looked up in the table. */
#include "conf/vocabulary.h"
#include "conf/conf_private.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

int vc_vocab_next_step(const char **p, vc_vocab_step *step)
{
    const char *s = *p, *e = *p;

    if (!s || !*s)
        return -1;
    while (*e && *e != '/' && *e != '[')
        e++;
    if (e == s)
        return -1;
    step->name = s;
    step->name_len = (size_t)(e - s);
    step->cond = NULL;
    step->cond_len = 0;
    if (*e == '[') {
        step->cond = e;
        while (*e == '[') {
            if (!(e = strchr(e, ']')))
                return -1;
            e++;
        }
        step->cond_len = (size_t)(e - step->cond);
    }
    if (*e == '/')
        e++;
    else if (*e)
        return -1;
    *p = e;
    return 0;
}

size_t vc_vocab_split(const char *path, vc_vocab_step steps[VC_VOCAB_MAX_STEPS])
{
    const char *p = path;
    size_t n = 0;

    while (n < VC_VOCAB_MAX_STEPS && vc_vocab_next_step(&p, &steps[n]) == 0)
        n++;
    return *p ? 0 : n;
}

/* Whether @v is one of the '|'-separated values of [@p, @end). */
static bool value_listed(const char *p, const char *end, const char *v)
{
    size_t vlen = strlen(v);

    while (p <= end) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        const char *stop = bar ? bar : end;
        if ((size_t)(stop - p) == vlen && strncmp(p, v, vlen) == 0)
            return true;
        if (!bar)
            break;
        p = bar + 1;
    }
    return false;
}

bool vc_vocab_cond_holds(const char *cond, size_t len,
                         const char *(*value_of)(const char *attr, void *opaque),
                         void *opaque)
{
    const char *p = cond, *end = cond + len;

    while (p < end && *p == '[') {
        const char *close = memchr(p, ']', (size_t)(end - p));
        const char *eq = close ? memchr(p, '=', (size_t)(close - p)) : NULL;
        char *attr;
        const char *v;
        bool ok;

        if (!eq)
            return false;
        attr = vc_strndup(p + 1, (size_t)(eq - p - 1));
        v = value_of(attr, opaque);
        ok = v && value_listed(eq + 1, close, v);
        free(attr);
        if (!ok)
            return false;
        p = close + 1;
    }
    return true;
}

/* ---- the report ---- */

typedef struct entry {
    const vc_vocab_elem *e;
    size_t nsteps;
    vc_vocab_step steps[VC_VOCAB_MAX_STEPS];
    size_t attr_base;           /* its attributes' first slot in attr_seen */
} entry;

struct vc_vocab_report {
    entry *entries;
    size_t n;
    bool *elem_seen;
    bool *attr_seen;
    vc_strlist unknown, unread;
};

vc_vocab_report *vc_vocab_report_new(void)
{
    vc_vocab_report *r = VC_NEW(vc_vocab_report);
    const vc_vocab_elem *v = vc_domain_vocabulary(&r->n);
    size_t nattrs = 0;

    r->entries = vc_calloc(r->n, sizeof(*r->entries));
    for (size_t i = 0; i < r->n; i++) {
        entry *en = &r->entries[i];

        en->e = &v[i];
        en->attr_base = nattrs;
        nattrs += v[i].nattrs;
        /* a malformed path matches nothing (the vocabulary tier
         * reports it as never read) */
        en->nsteps = vc_vocab_split(v[i].path, en->steps);
    }
    r->elem_seen = vc_calloc(r->n ? r->n : 1, sizeof(bool));
    r->attr_seen = vc_calloc(nattrs ? nattrs : 1, sizeof(bool));
    return r;
}

static bool is_qemu_ns(const xmlNode *n)
{
    return n->ns && n->ns->href && strcmp((const char *)n->ns->href, VC_QEMU_NS) == 0;
}

/* Whether @s names element @n ("qemu:arg" for the extension's). */
static bool step_names(const vc_vocab_step *s, const xmlNode *n)
{
    const char *name = (const char *)n->name;
    size_t len = s->name_len;
    const char *sn = s->name;

    if (is_qemu_ns(n)) {
        if (len < 5 || strncmp(sn, "qemu:", 5) != 0)
            return false;
        sn += 5;
        len -= 5;
    }
    return strlen(name) == len && strncmp(sn, name, len) == 0;
}

typedef struct cond_ctx {
    const vc_vocab_report *r;
    const entry *en;
    size_t step;                /* the step whose conditions are checked */
    const xmlNode *node;        /* the element at that step */
} cond_ctx;

/* An attribute's value as written (no copy), or NULL. */
static const char *attr_text(const xmlNode *n, const char *attr)
{
    xmlAttrPtr a = xmlHasNsProp(n, (const xmlChar *)attr, NULL);

    if (!a || a->type != XML_ATTRIBUTE_NODE)
        return NULL;
    return a->children && a->children->content ? (const char *)a->children->content : "";
}

/* The default the vocabulary gives @attr of the element at cx->step. */
static const char *attr_default(const cond_ctx *cx, const char *attr)
{
    const vc_vocab_report *r = cx->r;

    for (size_t i = 0; i < r->n; i++) {
        const entry *o = &r->entries[i];
        size_t k;

        if (o->nsteps != cx->step + 1)
            continue;
        for (k = 0; k <= cx->step; k++)
            if (o->steps[k].name_len != cx->en->steps[k].name_len ||
                strncmp(o->steps[k].name, cx->en->steps[k].name, o->steps[k].name_len) != 0)
                break;
        if (k <= cx->step)
            continue;
        for (size_t a = 0; a < o->e->nattrs; a++)
            if (strcmp(o->e->attrs[a].name, attr) == 0 && o->e->attrs[a].value.dflt)
                return o->e->attrs[a].value.dflt;
    }
    return NULL;
}

static const char *cond_value(const char *attr, void *opaque)
{
    const cond_ctx *cx = opaque;
    const char *v = attr_text(cx->node, attr);

    return v ? v : attr_default(cx, attr);
}

/* Whether entry @en names the element @path[depth] (ancestors first);
 * its conditions count only when @strict. */
static bool entry_matches(const vc_vocab_report *r, const entry *en,
                          const xmlNode *const *path, size_t depth, bool strict)
{
    if (en->nsteps != depth + 1)
        return false;
    for (size_t k = 0; k <= depth; k++) {
        cond_ctx cx = { r, en, k, path[k] };
        if (!step_names(&en->steps[k], path[k]))
            return false;
        if (strict && en->steps[k].cond &&
            !vc_vocab_cond_holds(en->steps[k].cond, en->steps[k].cond_len, cond_value, &cx))
            return false;
    }
    return true;
}

static void note(vc_strlist *l, const char *filename, const xmlNode *n)
{
    xmlChar *where = xmlGetNodePath(n);
    char *line = vc_asprintf("%s: %s", filename, where ? (const char *)where : "?");

    vc_strlist_take(l, line);
    xmlFree(where);
}

/* What the parser read of the element @path[@depth] and below.  In a
 * document it refused, it may have read an attribute where it does not
 * accept it (that was the error): there the conditions do not count. */
static void walk(vc_vocab_report *r, const char *filename, const xmlNode **path,
                 size_t depth, bool strict)
{
    const xmlNode *n = path[depth];
    bool read = vc_xml_was_read(n), known = false;

    for (size_t i = 0; i < r->n; i++) {
        if (!entry_matches(r, &r->entries[i], path, depth, strict))
            continue;
        known = true;
        if (read)
            r->elem_seen[i] = true;
    }
    if (!read)
        note(&r->unread, filename, n);
    else if (!known)
        note(&r->unknown, filename, n);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        bool aread = vc_xml_attr_was_read(a), aknown = false;

        for (size_t i = 0; read && i < r->n; i++) {
            const entry *en = &r->entries[i];
            if (!entry_matches(r, en, path, depth, strict))
                continue;
            for (size_t k = 0; k < en->e->nattrs; k++)
                if (strcmp(en->e->attrs[k].name, (const char *)a->name) == 0) {
                    aknown = true;
                    if (aread)
                        r->attr_seen[en->attr_base + k] = true;
                }
        }
        if (!aread)
            note(&r->unread, filename, (const xmlNode *)a);
        else if (!aknown)
            note(&r->unknown, filename, (const xmlNode *)a);
    }
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (depth + 1 >= VC_VOCAB_MAX_STEPS) {
            /* deeper than any entry: nothing there is known */
            if (vc_xml_was_read(c))
                note(&r->unknown, filename, c);
            continue;
        }
        path[depth + 1] = c;
        walk(r, filename, path, depth + 1, strict);
    }
}

int vc_vocab_report_add(vc_vocab_report *r, const char *xml, size_t len,
                        const char *filename, const vc_host *host,
                        unsigned flags, vc_error *err)
{
    const xmlNode *path[VC_VOCAB_MAX_STEPS];
    vc_domain_def *def;
    xmlDocPtr doc;
    int rc;

    if (!filename)
        filename = "(string)";
    if (!(doc = vc_xml_read(xml, len, VC_DOMAIN_XML_MAX, filename, err)))
        return -1;
    def = vc_domain_parse_doc(doc, host, flags, err);
    rc = def ? 0 : -1;
    path[0] = xmlDocGetRootElement(doc);
    walk(r, filename, path, 0, def != NULL);
    vc_domain_def_free(def);
    xmlFreeDoc(doc);
    return rc;
}

const vc_strlist *vc_vocab_report_unknown(const vc_vocab_report *r)
{
    return &r->unknown;
}

const vc_strlist *vc_vocab_report_unread(const vc_vocab_report *r)
{
    return &r->unread;
}

void vc_vocab_report_missing(const vc_vocab_report *r, vc_strlist *out)
{
    for (size_t i = 0; i < r->n; i++) {
        const vc_vocab_elem *e = r->entries[i].e;

        if (!r->elem_seen[i])
            vc_strlist_add(out, e->path);
        for (size_t k = 0; k < e->nattrs; k++)
            if (!r->attr_seen[r->entries[i].attr_base + k])
                vc_strlist_take(out, vc_asprintf("%s@%s", e->path, e->attrs[k].name));
    }
}

void vc_vocab_report_free(vc_vocab_report *r)
{
    if (!r)
        return;
    free(r->entries);
    free(r->elem_seen);
    free(r->attr_seen);
    vc_strlist_free(&r->unknown);
    vc_strlist_free(&r->unread);
    free(r);
}
