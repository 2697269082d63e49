/* vocab.c: names and values of the domain dialect, as lists. */
#include "vocab.h"
#include "conf/vocabulary.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Enough valid values of one attribute to pick from; longer values are
 * not vocabulary (the hostile values make long ones). */
#define MAX_VALUES 64
#define MAX_VALUE_LEN 256

typedef struct element {
    char *name;
    vc_strlist attrs;       /* VC_FUZZ_TEXT among them when it has text */
    vc_strlist children;
} element;

typedef struct slot {
    char *elem, *attr;
    vc_strlist values;
} slot;

struct vc_fuzz_vocab {
    element *elems;
    size_t nelems, capelems;
    slot *slots;
    size_t nslots, capslots;
};

vc_fuzz_vocab *vc_fuzz_vocab_new(void)
{
    return VC_NEW(vc_fuzz_vocab);
}

void vc_fuzz_vocab_free(vc_fuzz_vocab *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->nelems; i++) {
        free(v->elems[i].name);
        vc_strlist_free(&v->elems[i].attrs);
        vc_strlist_free(&v->elems[i].children);
    }
    for (size_t i = 0; i < v->nslots; i++) {
        free(v->slots[i].elem);
        free(v->slots[i].attr);
        vc_strlist_free(&v->slots[i].values);
    }
    free(v->elems);
    free(v->slots);
    free(v);
}

static element *find_element(const vc_fuzz_vocab *v, const char *name)
{
    for (size_t i = 0; i < v->nelems; i++)
        if (strcmp(v->elems[i].name, name) == 0)
            return &v->elems[i];
    return NULL;
}

static element *get_element(vc_fuzz_vocab *v, const char *name)
{
    element *e = find_element(v, name);

    if (e)
        return e;
    vc_grow(&v->elems, &v->capelems, v->nelems + 1, sizeof(*v->elems));
    e = &v->elems[v->nelems++];
    e->name = vc_strdup(name);
    return e;
}

static slot *find_slot(const vc_fuzz_vocab *v, const char *elem, const char *attr)
{
    for (size_t i = 0; i < v->nslots; i++)
        if (strcmp(v->slots[i].attr, attr) == 0 && strcmp(v->slots[i].elem, elem) == 0)
            return &v->slots[i];
    return NULL;
}

static void add_unique(vc_strlist *l, const char *s)
{
    if (!vc_strlist_has(l, s))
        vc_strlist_add(l, s);
}

void vc_fuzz_vocab_add(vc_fuzz_vocab *v, const char *parent, const char *elem,
                       const char *attr, const char *value)
{
    element *e = get_element(v, elem);
    slot *s;

    if (parent)
        add_unique(&get_element(v, parent)->children, elem);
    if (!attr)
        return;
    add_unique(&e->attrs, attr);
    if (!value || strlen(value) > MAX_VALUE_LEN)
        return;
    if (!(s = find_slot(v, elem, attr))) {
        vc_grow(&v->slots, &v->capslots, v->nslots + 1, sizeof(*v->slots));
        s = &v->slots[v->nslots++];
        s->elem = vc_strdup(elem);
        s->attr = vc_strdup(attr);
    }
    if (s->values.n < MAX_VALUES)
        add_unique(&s->values, value);
}

/* The valid values a vocabulary entry gives @attr of @elem. */
static void add_values(vc_fuzz_vocab *v, const char *elem, const char *attr,
                       const vc_vocab_value *val)
{
    char n[3][32];
    size_t nn = 0;

    vc_fuzz_vocab_add(v, NULL, elem, attr, val->sample);
    vc_fuzz_vocab_add(v, NULL, elem, attr, val->dflt);
    switch (val->kind) {
    case VC_VOCAB_ENUM:
        for (size_t i = 0; val->names && i < val->names->n; i++)
            if (val->names->names[i] && !(i < 64 && (val->refused >> i) & 1))
                vc_fuzz_vocab_add(v, NULL, elem, attr, val->names->names[i]);
        break;
    case VC_VOCAB_UINT:
        snprintf(n[nn++], sizeof(n[0]), "%llu", (unsigned long long)val->min);
        snprintf(n[nn++], sizeof(n[0]), val->base == 16 ? "0x%llx" : "%llu", val->max);
        break;
    case VC_VOCAB_INT:
        snprintf(n[nn++], sizeof(n[0]), "%lld", val->min);
        snprintf(n[nn++], sizeof(n[0]), "%lld", (long long)val->max);
        if (val->flags & VC_VOCAB_MINUS_ONE)
            snprintf(n[nn++], sizeof(n[0]), "-1");
        break;
    default:
        break;
    }
    for (size_t i = 0; i < nn; i++)
        vc_fuzz_vocab_add(v, NULL, elem, attr, n[i]);
}

void vc_fuzz_vocab_add_parser(vc_fuzz_vocab *v)
{
    size_t n;
    const vc_vocab_elem *e = vc_domain_vocabulary(&n);

    for (size_t i = 0; i < n; i++) {
        const char *p = e[i].path;
        char *parent = NULL, *elem = NULL;
        vc_vocab_step st;

        while (vc_vocab_next_step(&p, &st) == 0) {
            free(parent);
            parent = elem;
            elem = vc_strndup(st.name, st.name_len);
        }
        if (elem) {
            vc_fuzz_vocab_add(v, parent, elem, NULL, NULL);
            for (size_t k = 0; k < e[i].nattrs; k++)
                add_values(v, elem, e[i].attrs[k].name, &e[i].attrs[k].value);
            if (e[i].text.kind != VC_VOCAB_NONE)
                add_values(v, elem, VC_FUZZ_TEXT, &e[i].text);
        }
        free(parent);
        free(elem);
    }
}

static void add_node(vc_fuzz_vocab *v, const xmlNode *parent, const xmlNode *n)
{
    const char *pname = parent ? (const char *)parent->name : NULL;
    const char *name = (const char *)n->name;
    bool text = false;

    vc_fuzz_vocab_add(v, pname, name, NULL, NULL);
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        xmlChar *value = xmlNodeGetContent((const xmlNode *)a);
        vc_fuzz_vocab_add(v, NULL, name, (const char *)a->name, (const char *)value);
        xmlFree(value);
    }
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            add_node(v, n, c);
        else if (c->type == XML_TEXT_NODE && !xmlIsBlankNode((xmlNode *)c))
            text = true;
    }
    if (text) {
        xmlChar *value = xmlNodeGetContent(n);
        vc_fuzz_vocab_add(v, NULL, name, VC_FUZZ_TEXT, (const char *)value);
        xmlFree(value);
    }
}

void vc_fuzz_vocab_add_doc(vc_fuzz_vocab *v, xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);

    if (root)
        add_node(v, NULL, root);
}

void vc_fuzz_vocab_add_xml(vc_fuzz_vocab *v, const char *xml, size_t len)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

    if (!doc)
        return;
    vc_fuzz_vocab_add_doc(v, doc);
    xmlFreeDoc(doc);
}

static const char *pick(const vc_strlist *l, vc_rng *rng)
{
    return l->n ? l->items[vc_rng_below(rng, l->n)] : NULL;
}

const char *vc_fuzz_vocab_value(const vc_fuzz_vocab *v, const char *elem, const char *attr,
                                vc_rng *rng)
{
    const slot *s = find_slot(v, elem, attr);
    return s ? pick(&s->values, rng) : NULL;
}

const char *vc_fuzz_vocab_any_value(const vc_fuzz_vocab *v, vc_rng *rng)
{
    return v->nslots ? pick(&v->slots[vc_rng_below(rng, v->nslots)].values, rng) : NULL;
}

const char *vc_fuzz_vocab_attr(const vc_fuzz_vocab *v, const char *elem, vc_rng *rng)
{
    const element *e = find_element(v, elem);
    const char *a = e ? pick(&e->attrs, rng) : NULL;

    return a && strcmp(a, VC_FUZZ_TEXT) != 0 ? a : NULL;
}

const char *vc_fuzz_vocab_child(const vc_fuzz_vocab *v, const char *elem, vc_rng *rng)
{
    const element *e = find_element(v, elem);
    return e ? pick(&e->children, rng) : NULL;
}

void vc_fuzz_vocab_each_value(const vc_fuzz_vocab *v,
                              void (*fn)(void *opaque, const char *s), void *opaque)
{
    vc_strlist all = { 0 };

    for (size_t i = 0; i < v->nslots; i++)
        for (size_t j = 0; j < v->slots[i].values.n; j++)
            vc_strlist_add(&all, v->slots[i].values.items[j]);
    vc_strlist_sort(&all);
    for (size_t i = 0; i < all.n; i++)
        if (i == 0 || strcmp(all.items[i], all.items[i - 1]) != 0)
            fn(opaque, all.items[i]);
    vc_strlist_free(&all);
}
