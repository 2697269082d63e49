/* mutate.c: structure-aware mutation of XML documents. */
#include "mutate.h"
#include "values.h"
#include "xml_values.h"
#include "util/alloc.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* libxml2 refuses more nesting than this without XML_PARSE_HUGE */
#define XML_DEPTH_LIMIT 256

/* The document and its nodes, collected again after each change. */
typedef struct doc_view {
    xmlDocPtr doc;
    const vc_fuzz_vocab *vocab;
    vc_rng *rng;
    xmlNodePtr *elems;          /* every element, the root first */
    size_t nelems, capelems;
    xmlNodePtr *values;         /* attributes and non-blank text nodes */
    size_t nvalues, capvalues;
} doc_view;

static void collect(doc_view *v, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            vc_grow(&v->elems, &v->capelems, v->nelems + 1, sizeof(*v->elems));
            v->elems[v->nelems++] = n;
            for (xmlAttrPtr a = n->properties; a; a = a->next) {
                vc_grow(&v->values, &v->capvalues, v->nvalues + 1, sizeof(*v->values));
                v->values[v->nvalues++] = (xmlNodePtr)a;
            }
            collect(v, n->children);
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   !xmlIsBlankNode(n)) {
            vc_grow(&v->values, &v->capvalues, v->nvalues + 1, sizeof(*v->values));
            v->values[v->nvalues++] = n;
        }
    }
}

static void refresh(doc_view *v)
{
    v->nelems = v->nvalues = 0;
    collect(v, xmlDocGetRootElement(v->doc));
}

static xmlNodePtr pick_elem(doc_view *v, bool allow_root)
{
    if (v->nelems < (allow_root ? 1u : 2u))
        return NULL;
    return allow_root ? v->elems[vc_rng_below(v->rng, v->nelems)]
                      : v->elems[1 + vc_rng_below(v->rng, v->nelems - 1)];
}

/* The element a value node belongs to, and the vocabulary's name of
 * the value ("#text" for text). */
static const char *value_owner(xmlNodePtr n, const char **attr)
{
    *attr = n->type == XML_ATTRIBUTE_NODE ? (const char *)n->name : VC_FUZZ_TEXT;
    return n->parent ? (const char *)n->parent->name : "";
}

/* ---- the changes: each returns whether it changed anything ---------- */

static bool value_valid(doc_view *v)
{
    xmlNodePtr n = v->nvalues ? v->values[vc_rng_below(v->rng, v->nvalues)] : NULL;
    const char *attr, *elem, *value;

    if (!n)
        return false;
    elem = value_owner(n, &attr);
    value = vc_rng_one_in(v->rng, 3) ? vc_fuzz_vocab_any_value(v->vocab, v->rng)
                                     : vc_fuzz_vocab_value(v->vocab, elem, attr, v->rng);
    if (!value)
        return false;
    vc_xml_node_set_value(n, value);
    return true;
}

static bool value_hostile(doc_view *v)
{
    xmlNodePtr n = v->nvalues ? v->values[vc_rng_below(v->rng, v->nvalues)] : NULL;
    char *orig, *value;

    if (!n)
        return false;
    orig = vc_xml_node_value(n);
    value = vc_fuzz_hostile_value(v->rng, orig);
    vc_xml_node_set_value(n, value);
    free(value);
    free(orig);
    return true;
}

static xmlAttrPtr pick_attr(doc_view *v, xmlNodePtr *owner)
{
    size_t count = 0;
    xmlAttrPtr a;

    for (size_t i = 0; i < v->nvalues; i++)
        count += v->values[i]->type == XML_ATTRIBUTE_NODE;
    if (!count)
        return NULL;
    count = vc_rng_below(v->rng, count);
    for (size_t i = 0;; i++) {
        if (v->values[i]->type == XML_ATTRIBUTE_NODE && count-- == 0) {
            a = (xmlAttrPtr)v->values[i];
            *owner = a->parent;
            return a;
        }
    }
}

static bool attr_drop(doc_view *v)
{
    xmlNodePtr owner;
    xmlAttrPtr a = pick_attr(v, &owner);

    return a && xmlRemoveProp(a) == 0;
}

/* To the front of its element's list, or to the end. */
static bool attr_reorder(doc_view *v)
{
    xmlNodePtr owner;
    xmlAttrPtr a = pick_attr(v, &owner), last;

    if (!a || !owner->properties->next)
        return false;
    xmlUnlinkNode((xmlNodePtr)a);
    a->parent = owner;
    if (!owner->properties) {
        owner->properties = a;
    } else if (vc_rng_one_in(v->rng, 2)) {
        a->next = owner->properties;
        owner->properties->prev = a;
        owner->properties = a;
    } else {
        for (last = owner->properties; last->next; last = last->next)
            ;
        last->next = a;
        a->prev = last;
    }
    return true;
}

/* An attribute the vocabulary knows on the element (or on any element),
 * with a valid value or a hostile one. */
static bool attr_add(doc_view *v)
{
    xmlNodePtr e = pick_elem(v, true), other = pick_elem(v, true);
    const char *elem = e ? (const char *)e->name : NULL, *name, *value;
    char *hostile = NULL;

    if (!e)
        return false;
    if (vc_rng_one_in(v->rng, 4))
        elem = (const char *)other->name;
    if (!(name = vc_fuzz_vocab_attr(v->vocab, elem, v->rng)))
        return false;
    value = vc_fuzz_vocab_value(v->vocab, elem, name, v->rng);
    if (!value || vc_rng_one_in(v->rng, 3))
        value = hostile = vc_fuzz_hostile_value(v->rng, value);
    xmlSetProp(e, (const xmlChar *)name, (const xmlChar *)value);
    free(hostile);
    return true;
}

/* Onto another element, or (rarely: a well-formedness error) twice on
 * its own. */
static bool attr_copy(doc_view *v)
{
    xmlNodePtr owner, to = pick_elem(v, true);
    xmlAttrPtr a = pick_attr(v, &owner);
    char *value;

    if (!a)
        return false;
    value = vc_xml_node_value((xmlNodePtr)a);
    if (vc_rng_one_in(v->rng, 8))
        xmlNewProp(owner, a->name, (const xmlChar *)value);
    else
        xmlSetProp(to, a->name, (const xmlChar *)value);
    free(value);
    return true;
}

static bool elem_drop(doc_view *v)
{
    xmlNodePtr e = pick_elem(v, false);

    if (!e)
        return false;
    xmlUnlinkNode(e);
    xmlFreeNode(e);
    return true;
}

/* A second <driver>, <auth>, <mirror>, <disk>: beside the first. */
static bool elem_duplicate(doc_view *v)
{
    xmlNodePtr e = pick_elem(v, false);

    if (!e)
        return false;
    xmlAddNextSibling(e, xmlCopyNode(e, 1));
    return true;
}

/* Before another element child of its parent. */
static bool elem_reorder(doc_view *v)
{
    xmlNodePtr e = pick_elem(v, false), sib;
    size_t n = 0, k;

    if (!e)
        return false;
    for (sib = e->parent->children; sib; sib = sib->next)
        n += sib->type == XML_ELEMENT_NODE && sib != e;
    if (!n)
        return false;
    k = vc_rng_below(v->rng, n);
    for (sib = e->parent->children;; sib = sib->next)
        if (sib->type == XML_ELEMENT_NODE && sib != e && k-- == 0)
            break;
    xmlUnlinkNode(e);
    xmlAddPrevSibling(sib, e);
    return true;
}

/* A copy as a child of another element (not inside itself). */
static bool elem_transplant(doc_view *v)
{
    xmlNodePtr e = pick_elem(v, false), to = pick_elem(v, true);

    if (!e)
        return false;
    xmlAddChild(to, xmlCopyNode(e, 1));
    return true;
}

/* Named as another child its parent may have. */
static bool elem_rename(doc_view *v)
{
    xmlNodePtr e = pick_elem(v, false);
    const char *name = e ? vc_fuzz_vocab_child(v->vocab, (const char *)e->parent->name,
                                               v->rng) : NULL;

    if (!name)
        return false;
    xmlNodeSetName(e, (const xmlChar *)name);
    return true;
}

/* A child the vocabulary knows, with some of its attributes. */
static bool elem_add(doc_view *v)
{
    xmlNodePtr e = pick_elem(v, true), child;
    const char *name = e ? vc_fuzz_vocab_child(v->vocab, (const char *)e->name, v->rng)
                         : NULL;
    size_t nattrs;

    if (!name)
        return false;
    child = xmlNewChild(e, NULL, (const xmlChar *)name, NULL);
    nattrs = vc_rng_below(v->rng, 4);
    for (size_t i = 0; i < nattrs; i++) {
        const char *attr = vc_fuzz_vocab_attr(v->vocab, name, v->rng);
        const char *value = attr ? vc_fuzz_vocab_value(v->vocab, name, attr, v->rng) : NULL;

        if (value)
            xmlSetProp(child, (const xmlChar *)attr, (const xmlChar *)value);
    }
    return true;
}

/* Text where there was none, or more text. */
static bool text_add(doc_view *v)
{
    xmlNodePtr e = pick_elem(v, true);
    const char *value = e ? vc_fuzz_vocab_value(v->vocab, (const char *)e->name,
                                                VC_FUZZ_TEXT, v->rng) : NULL;
    char *hostile = vc_fuzz_hostile_value(v->rng, value);

    if (e)
        xmlNodeAddContent(e, (const xmlChar *)hostile);
    free(hostile);
    return e != NULL;
}

/* Past libxml2's depth limit: a chain of copies of the element's name
 * under it. */
static bool elem_nest(doc_view *v)
{
    xmlNodePtr e = pick_elem(v, true);
    size_t depth = XML_DEPTH_LIMIT - 8 + vc_rng_below(v->rng, 24);

    if (!e)
        return false;
    for (size_t i = 0; i < depth; i++)
        e = xmlNewChild(e, NULL, e->name, NULL);
    return true;
}

static const struct {
    bool (*fn)(doc_view *v);
    unsigned weight;
} changes[] = {
    { value_valid, 6 },
    { value_hostile, 10 },
    { attr_drop, 3 },
    { attr_reorder, 1 },
    { attr_add, 4 },
    { attr_copy, 2 },
    { elem_drop, 3 },
    { elem_duplicate, 4 },
    { elem_reorder, 2 },
    { elem_transplant, 1 },
    { elem_rename, 1 },
    { elem_add, 3 },
    { text_add, 1 },
    { elem_nest, 1 },
};

#define NCHANGES (sizeof(changes) / sizeof(changes[0]))

static bool change_once(doc_view *v)
{
    unsigned total = 0, r;

    for (size_t i = 0; i < NCHANGES; i++)
        total += changes[i].weight;
    r = (unsigned)vc_rng_below(v->rng, total);
    for (size_t i = 0; i < NCHANGES; i++) {
        if (r < changes[i].weight)
            return changes[i].fn(v);
        r -= changes[i].weight;
    }
    return false;
}

/* Replace each VC_FUZZ_BAD_UTF8_MARK in @s (@n bytes) by the bytes it
 * stands for; the new length. */
static size_t unmark(char *s, size_t n)
{
    const size_t ml = strlen(VC_FUZZ_BAD_UTF8_MARK), bl = strlen(VC_FUZZ_BAD_UTF8);
    size_t in = 0, out = 0;

    while (in < n) {
        if (n - in >= ml && memcmp(s + in, VC_FUZZ_BAD_UTF8_MARK, ml) == 0) {
            memcpy(s + out, VC_FUZZ_BAD_UTF8, bl);
            in += ml;
            out += bl;
        } else {
            s[out++] = s[in++];
        }
    }
    return out;
}

/* libxml2's complaints about what a mutation wrote are not findings */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* @data read as XML, quietly (NULL when it is not XML). */
static xmlDocPtr read_doc(const uint8_t *data, size_t size)
{
    xmlGenericErrorFunc saved = xmlGenericError;
    void *saved_ctx = xmlGenericErrorContext;
    xmlDocPtr doc = NULL;

    if (size > INT32_MAX)
        return NULL;
    xmlSetGenericErrorFunc(NULL, quiet);
    doc = xmlReadMemory((const char *)data, (int)size, NULL, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                        XML_PARSE_HUGE);
    xmlSetGenericErrorFunc(saved_ctx, saved);
    return doc;
}

/* @doc written into @out (room for @max bytes), with the invalid UTF-8
 * marks replaced: its size, or 0 when it does not fit. */
static size_t write_doc(xmlDocPtr doc, uint8_t *out, size_t max)
{
    xmlGenericErrorFunc saved = xmlGenericError;
    void *saved_ctx = xmlGenericErrorContext;
    xmlChar *mem = NULL;
    int len = 0;
    size_t n = 0;

    xmlSetGenericErrorFunc(NULL, quiet);
    xmlDocDumpMemory(doc, &mem, &len);
    xmlSetGenericErrorFunc(saved_ctx, saved);
    if (mem && (n = unmark((char *)mem, (size_t)len)) <= max)
        memcpy(out, mem, n);
    else
        n = 0;
    xmlFree(mem);
    return n;
}

static void view_free(doc_view *v)
{
    xmlFreeDoc(v->doc);
    free(v->elems);
    free(v->values);
}

size_t vc_fuzz_mutate_xml(uint8_t *data, size_t size, size_t max_size, vc_rng *rng,
                          const vc_fuzz_vocab *vocab, vc_fuzz_byte_mutator fallback)
{
    doc_view v = { .vocab = vocab, .rng = rng };
    size_t n = 0, rounds = 1 + vc_rng_below(rng, 3);
    bool changed = false;

    if (vc_rng_one_in(rng, 10) || !(v.doc = read_doc(data, size)))
        return fallback(data, size, max_size, rng);
    for (size_t i = 0; i < rounds; i++) {
        refresh(&v);
        changed |= change_once(&v);
    }
    if (changed)
        n = write_doc(v.doc, data, max_size);
    view_free(&v);
    return n ? n : fallback(data, size, max_size, rng);
}

/* The elements of @doc named @name, in @v's order (@v refreshed). */
static xmlNodePtr pick_named(doc_view *v, const xmlChar *name)
{
    size_t count = 0, k;

    for (size_t i = 0; i < v->nelems; i++)
        count += xmlStrEqual(v->elems[i]->name, name);
    if (!count)
        return NULL;
    k = vc_rng_below(v->rng, count);
    for (size_t i = 0;; i++)
        if (xmlStrEqual(v->elems[i]->name, name) && k-- == 0)
            return v->elems[i];
}

size_t vc_fuzz_crossover_xml(const uint8_t *data1, size_t size1, const uint8_t *data2,
                             size_t size2, uint8_t *out, size_t max_out, vc_rng *rng)
{
    doc_view a = { .rng = rng }, b = { .rng = rng };
    xmlNodePtr from, to, copy;
    size_t n = 0;

    if (!(a.doc = read_doc(data1, size1)) || !(b.doc = read_doc(data2, size2)))
        goto cleanup;
    refresh(&a);
    refresh(&b);
    if (!(from = pick_elem(&b, false)) || !(to = pick_elem(&a, true)))
        goto cleanup;
    copy = xmlDocCopyNode(from, a.doc, 1);
    /* in place of an element of the same name, or under one named as
     * its parent, or anywhere */
    if (vc_rng_one_in(rng, 2) && (to = pick_named(&a, from->name)) && to->parent &&
        to->parent->type == XML_ELEMENT_NODE) {
        xmlReplaceNode(to, copy);
        xmlFreeNode(to);
    } else {
        xmlNodePtr parent = pick_named(&a, from->parent->name);
        xmlAddChild(parent ? parent : pick_elem(&a, true), copy);
    }
    n = write_doc(a.doc, out, max_out);

 cleanup:
    view_free(&a);
    view_free(&b);
    return n;
}
