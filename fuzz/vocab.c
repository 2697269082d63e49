/* vocab.c: names and values of the domain dialect, as lists. */
#include "vocab.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <libxml/parser.h>
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

void vc_fuzz_vocab_each(const vc_fuzz_vocab *v, vc_fuzz_vocab_kind kind,
                        void (*fn)(void *opaque, const char *s), void *opaque)
{
    vc_strlist all = { 0 };

    for (size_t i = 0; kind != VC_FUZZ_VALUES && i < v->nelems; i++) {
        if (kind == VC_FUZZ_ELEMENTS)
            vc_strlist_add(&all, v->elems[i].name);
        for (size_t j = 0; kind == VC_FUZZ_ATTRIBUTES && j < v->elems[i].attrs.n; j++)
            vc_strlist_add(&all, v->elems[i].attrs.items[j]);
    }
    for (size_t i = 0; kind == VC_FUZZ_VALUES && i < v->nslots; i++)
        for (size_t j = 0; j < v->slots[i].values.n; j++)
            vc_strlist_add(&all, v->slots[i].values.items[j]);
    vc_strlist_sort(&all);
    for (size_t i = 0; i < all.n; i++)
        if ((i == 0 || strcmp(all.items[i], all.items[i - 1]) != 0) &&
            strcmp(all.items[i], VC_FUZZ_TEXT) != 0)
            fn(opaque, all.items[i]);
    vc_strlist_free(&all);
}
