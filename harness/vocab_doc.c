/* vocab_doc.c: the seed documents and the dictionary written from the
 * parser's vocabulary (vocab_doc.h).
 *
 * A seed document is built top down.  Under an element, each child
 * name the vocabulary gives it becomes one instance per distinct
 * condition written on that step ("disk[type=block]", "disk[type=dir]"),
 * or one plain instance when no entry puts a condition there.  An
 * instance then takes the attributes and children of every entry whose
 * conditions its values meet: a condition's own values first, then the
 * values written for the element. */
#include "vocab_doc.h"
#include "conf/vocabulary.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    const vc_vocab_elem *e;
    size_t nsteps;
    vc_vocab_step steps[VC_VOCAB_MAX_STEPS];
} entry;

typedef struct inst inst;
struct inst {
    const inst *parent;
    const vc_vocab_step *step;  /* its name and the conditions it was made for */
    size_t depth;
};

typedef struct seed {
    entry *entries;             /* those of this document */
    size_t n;
    unsigned counter;           /* for VC_VOCAB_UNIQUE values */
    vc_buf out;
} seed;

static bool step_eq_name(const vc_vocab_step *a, const vc_vocab_step *b)
{
    return a->name_len == b->name_len && strncmp(a->name, b->name, a->name_len) == 0;
}

static bool step_eq(const vc_vocab_step *a, const vc_vocab_step *b)
{
    return step_eq_name(a, b) && a->cond_len == b->cond_len &&
           (!a->cond_len || strncmp(a->cond, b->cond, a->cond_len) == 0);
}

static bool entry_matches(const seed *s, const entry *en, const inst *in, bool own_cond);

/* The value a condition forces, when @cond names @attr ("[type=a|b]"
 * forces "a"); an owned copy or NULL. */
static char *forced(const char *cond, size_t len, const char *attr)
{
    const char *p = cond, *end = cond + len;
    size_t alen = strlen(attr);

    while (p < end && *p == '[') {
        const char *close = memchr(p, ']', (size_t)(end - p));
        const char *eq = close ? memchr(p, '=', (size_t)(close - p)) : NULL;
        if (!eq)
            return NULL;
        if ((size_t)(eq - p - 1) == alen && strncmp(p + 1, attr, alen) == 0) {
            const char *bar = memchr(eq, '|', (size_t)(close - eq));
            return vc_strndup(eq + 1, (size_t)((bar ? bar : close) - eq - 1));
        }
        p = close + 1;
    }
    return NULL;
}

/* The seed text of a value; @unique counts VC_VOCAB_UNIQUE ones. */
static char *value_text(const vc_vocab_value *v, unsigned *unique)
{
    unsigned u = (v->flags & VC_VOCAB_UNIQUE) ? ++*unique : 0;

    if (v->sample && !(u && (v->kind == VC_VOCAB_UINT || v->kind == VC_VOCAB_INT)))
        return u ? vc_asprintf("%s%u", v->sample, u) : vc_strdup(v->sample);
    switch (v->kind) {
    case VC_VOCAB_ENUM:
        for (size_t i = 0; v->names && i < v->names->n; i++)
            if (!(i < 64 && (v->refused >> i) & 1) && v->names->names[i])
                return vc_strdup(v->names->names[i]);
        return vc_strdup("");
    case VC_VOCAB_UINT: {
        unsigned long long x = (unsigned long long)v->min + u;
        if (x > v->max)
            x = v->max;
        return v->base == 10 ? vc_asprintf("%llu", x) : vc_asprintf("0x%llx", x);
    }
    case VC_VOCAB_INT: {
        long long x = v->min <= 0 && (long long)v->max >= 0 ? 0 : v->min;
        return vc_asprintf("%lld", x + (long long)u);
    }
    case VC_VOCAB_PATH:
        return u ? vc_asprintf("/var/lib/vc/file%u", u) : vc_strdup("/var/lib/vc/file");
    case VC_VOCAB_UUID:
        return vc_asprintf("c7a5fdbd-cdaf-9455-926a-d65c16db%04x", u);
    case VC_VOCAB_MAC:
        return vc_strdup("52:54:00:12:34:56");
    case VC_VOCAB_CPUSET:
        return vc_strdup("0-1");
    case VC_VOCAB_WWN:
        return vc_strdup("5000c50015ea71ad");
    case VC_VOCAB_USB_PORT:
        return vc_strdup("1");
    case VC_VOCAB_USB_VERSION:
        return vc_strdup("2.0");
    case VC_VOCAB_STRING:
    case VC_VOCAB_NONE:
    case VC_VOCAB_KIND_LAST:
        break;
    }
    return u ? vc_asprintf("word%u", u) : vc_strdup("word");
}

typedef struct cond_ctx {
    const seed *s;
    const inst *in;
    char *held;                 /* the last value handed out */
} cond_ctx;

/* The first attribute @attr of an entry describing @in (its own
 * conditions aside), or NULL. */
static const vc_vocab_value *inst_attr(const seed *s, const inst *in, const char *attr)
{
    for (size_t i = 0; i < s->n; i++) {
        const entry *en = &s->entries[i];
        if (!entry_matches(s, en, in, false))
            continue;
        for (size_t k = 0; k < en->e->nattrs; k++)
            if (strcmp(en->e->attrs[k].name, attr) == 0)
                return &en->e->attrs[k].value;
    }
    return NULL;
}

/* What @in has for @attr, as far as conditions go: the value its own
 * condition forces, else the one written for it, else none. */
static const char *inst_value(const char *attr, void *opaque)
{
    cond_ctx *cx = opaque;
    const vc_vocab_value *v;
    unsigned scratch = 0;

    free(cx->held);
    cx->held = NULL;
    if (cx->in->step->cond &&
        (cx->held = forced(cx->in->step->cond, cx->in->step->cond_len, attr)))
        return cx->held;
    if ((v = inst_attr(cx->s, cx->in, attr)))
        cx->held = value_text(v, &scratch);
    return cx->held;
}

/* Whether @en describes instance @in itself: same depth, same names,
 * and its conditions met (at the last step only when @own_cond). */
static bool entry_matches(const seed *s, const entry *en, const inst *in, bool own_cond)
{
    const inst *at = in;

    if (en->nsteps != in->depth + 1)
        return false;
    for (size_t k = en->nsteps; k-- > 0; at = at->parent) {
        const vc_vocab_step *st = &en->steps[k];
        if (!step_eq_name(st, at->step))
            return false;
        if (st->cond && (k + 1 < en->nsteps || own_cond)) {
            cond_ctx cx = { s, at, NULL };
            bool ok = vc_vocab_cond_holds(st->cond, st->cond_len, inst_value, &cx);
            free(cx.held);
            if (!ok)
                return false;
        }
    }
    return true;
}

/* Whether @en leads below @in: its steps down to @in describe it. */
static bool entry_below(const seed *s, const entry *en, const inst *in)
{
    entry prefix = *en;

    if (en->nsteps <= in->depth + 1)
        return false;
    prefix.nsteps = in->depth + 1;
    return entry_matches(s, &prefix, in, true);
}

static void escape(vc_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': vc_buf_add(b, "&lt;"); break;
        case '&': vc_buf_add(b, "&amp;"); break;
        case '\'': vc_buf_add(b, "&apos;"); break;
        default: vc_buf_addc(b, *s);
        }
    }
}

static bool uses_qemu_ns(const seed *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (strstr(s->entries[i].e->path, "qemu:"))
            return true;
    return false;
}

static void write_inst(seed *s, const inst *in);

/* The instances of the child named @child of @in, from entry @first on
 * (the first to name it). */
static void write_child(seed *s, const inst *in, size_t first, const vc_vocab_step *child)
{
    size_t d = in->depth + 1;
    bool any_cond = false;

    for (size_t j = first; j < s->n; j++)
        if (entry_below(s, &s->entries[j], in) &&
            step_eq_name(&s->entries[j].steps[d], child) && s->entries[j].steps[d].cond)
            any_cond = true;
    for (size_t j = first; j < s->n; j++) {
        const vc_vocab_step *st = &s->entries[j].steps[d];
        inst kid = { in, st, d };
        bool dup = false;

        if (!entry_below(s, &s->entries[j], in) || !step_eq_name(st, child) ||
            (any_cond && !st->cond))
            continue;
        for (size_t k = first; k < j && !dup; k++)
            dup = entry_below(s, &s->entries[k], in) && step_eq(&s->entries[k].steps[d], st);
        if (dup)
            continue;
        write_inst(s, &kid);
        if (!any_cond)
            break;
    }
}

/* Every child of @in, in the order the vocabulary names them. */
static void write_children(seed *s, const inst *in)
{
    for (size_t i = 0; i < s->n; i++) {
        const vc_vocab_step *child;
        bool seen = false;

        if (!entry_below(s, &s->entries[i], in))
            continue;
        child = &s->entries[i].steps[in->depth + 1];
        for (size_t k = 0; k < i && !seen; k++)
            seen = entry_below(s, &s->entries[k], in) &&
                   step_eq_name(&s->entries[k].steps[in->depth + 1], child);
        if (!seen)
            write_child(s, in, i, child);
    }
}

static void write_one(seed *s, const inst *in)
{
    const vc_vocab_value *text = NULL;
    vc_strlist written = { 0 };
    vc_buf body, kids = VC_BUF_INIT;

    vc_buf_indent(&s->out, (int)in->depth * 2);
    vc_buf_addc(&s->out, '<');
    vc_buf_addn(&s->out, in->step->name, in->step->name_len);
    if (in->depth == 0 && uses_qemu_ns(s))
        vc_buf_addf(&s->out, " xmlns:qemu='%s'", VC_QEMU_NS);
    for (size_t i = 0; i < s->n; i++) {
        const entry *en = &s->entries[i];
        if (!entry_matches(s, en, in, true))
            continue;
        if (en->e->text.kind != VC_VOCAB_NONE && !text)
            text = &en->e->text;
        for (size_t k = 0; k < en->e->nattrs; k++) {
            const vc_vocab_attr *a = &en->e->attrs[k];
            char *v;
            if (vc_strlist_has(&written, a->name))
                continue;
            vc_strlist_add(&written, a->name);
            if (!in->step->cond || !(v = forced(in->step->cond, in->step->cond_len, a->name)))
                v = value_text(&a->value, &s->counter);
            vc_buf_addf(&s->out, " %s='", a->name);
            escape(&s->out, v);
            vc_buf_addc(&s->out, '\'');
            free(v);
        }
    }
    vc_strlist_free(&written);
    /* the children first, to know whether the element is empty */
    body = s->out;
    s->out = kids;
    write_children(s, in);
    kids = s->out;
    s->out = body;
    if (!text && !kids.len) {
        vc_buf_add(&s->out, "/>\n");
        return;
    }
    vc_buf_addc(&s->out, '>');
    if (text) {
        char *v = value_text(text, &s->counter);
        escape(&s->out, v);
        free(v);
    }
    if (kids.len) {
        vc_buf_addc(&s->out, '\n');
        vc_buf_add(&s->out, vc_buf_str(&kids));
        vc_buf_indent(&s->out, (int)in->depth * 2);
    }
    vc_buf_free(&kids);
    vc_buf_add(&s->out, "</");
    vc_buf_addn(&s->out, in->step->name, in->step->name_len);
    vc_buf_add(&s->out, ">\n");
}

static void write_inst(seed *s, const inst *in)
{
    unsigned copies = 1;

    for (size_t i = 0; i < s->n; i++)
        if (entry_matches(s, &s->entries[i], in, true) && s->entries[i].e->copies > copies)
            copies = s->entries[i].e->copies;
    while (copies--)
        write_one(s, in);
}

/* The entries of seed document @round (1-based), their paths split. */
static void load(seed *s, unsigned round)
{
    size_t n;
    const vc_vocab_elem *v = vc_domain_vocabulary(&n);

    s->entries = vc_calloc(n ? n : 1, sizeof(*s->entries));
    for (size_t i = 0; i < n; i++) {
        entry *en = &s->entries[s->n];

        if (v[i].seed && v[i].seed != round)
            continue;
        en->e = &v[i];
        if ((en->nsteps = vc_vocab_split(v[i].path, en->steps)))
            s->n++;
    }
}

char *vc_vocab_seed_document_n(unsigned i, size_t *len)
{
    seed s = { NULL, 0, 0, VC_BUF_INIT };

    load(&s, i + 1);
    for (size_t k = 0; k < s.n; k++)
        if (s.entries[k].nsteps == 1) {
            inst root = { NULL, &s.entries[k].steps[0], 0 };
            write_inst(&s, &root);
            break;
        }
    free(s.entries);
    *len = s.out.len;
    return vc_buf_steal(&s.out);
}

char *vc_vocab_seed_document(size_t *len)
{
    return vc_vocab_seed_document_n(0, len);
}

/* ---- the dictionary ---- */

static void token(vc_strlist *seen, vc_buf *b, const char *t)
{
    if (!*t || vc_strlist_has(seen, t))
        return;
    vc_strlist_add(seen, t);
    vc_buf_addc(b, '"');
    for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
        if (*p == '"' || *p == '\\')
            vc_buf_addf(b, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            vc_buf_addf(b, "\\x%02x", *p);
        else
            vc_buf_addc(b, (char)*p);
    }
    vc_buf_add(b, "\"\n");
}

static void token_take(vc_strlist *seen, vc_buf *b, char *t)
{
    token(seen, b, t);
    free(t);
}

static void value_tokens(vc_strlist *seen, vc_buf *b, const vc_vocab_value *v)
{
    unsigned u = 0;

    if (v->sample)
        token(seen, b, v->sample);
    switch (v->kind) {
    case VC_VOCAB_ENUM:
        for (size_t i = 0; v->names && i < v->names->n; i++)
            if (v->names->names[i])
                token(seen, b, v->names->names[i]);
        break;
    case VC_VOCAB_UINT:
        token_take(seen, b, vc_asprintf("%llu", (unsigned long long)v->min));
        token_take(seen, b, vc_asprintf("%llu", v->max));
        break;
    case VC_VOCAB_INT:
        token_take(seen, b, vc_asprintf("%lld", v->min));
        token_take(seen, b, vc_asprintf("%lld", (long long)v->max));
        break;
    case VC_VOCAB_NONE:
    case VC_VOCAB_KIND_LAST:
        break;
    default:
        token_take(seen, b, value_text(v, &u));
        break;
    }
}

char *vc_vocab_dictionary(size_t *len)
{
    vc_strlist seen = { 0 };
    vc_buf b = VC_BUF_INIT;
    size_t n;
    const vc_vocab_elem *v = vc_domain_vocabulary(&n);

    token(&seen, &b, "/>");
    token_take(&seen, &b, vc_asprintf("xmlns:qemu='%s'", VC_QEMU_NS));
    for (size_t i = 0; i < n; i++) {
        const char *p = v[i].path;
        vc_vocab_step st;

        while (vc_vocab_next_step(&p, &st) == 0) {
            token_take(&seen, &b, vc_asprintf("<%.*s", (int)st.name_len, st.name));
            token_take(&seen, &b, vc_asprintf("</%.*s>", (int)st.name_len, st.name));
        }
        for (size_t k = 0; k < v[i].nattrs; k++) {
            token_take(&seen, &b, vc_asprintf("%s=", v[i].attrs[k].name));
            value_tokens(&seen, &b, &v[i].attrs[k].value);
        }
        value_tokens(&seen, &b, &v[i].text);
    }
    vc_strlist_free(&seen);
    *len = b.len;
    return vc_buf_steal(&b);
}
