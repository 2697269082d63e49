/* xml_values.c: the string values of an XML document, one replaceable
 * at a time (libxml2 serializes the replacement with the escaping it
 * needs: &quot;, &#10; in attributes, &lt; ...). */
#include "xml_values.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

struct vc_xml_values {
    xmlDocPtr doc;
    xmlNodePtr *nodes;      /* an attribute or a text node */
    size_t n, cap;
};

static void add_node(vc_xml_values *v, xmlNodePtr node)
{
    vc_grow(&v->nodes, &v->cap, v->n + 1, sizeof(*v->nodes));
    v->nodes[v->n++] = node;
}

static void collect(vc_xml_values *v, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            for (xmlAttrPtr a = n->properties; a; a = a->next)
                add_node(v, (xmlNodePtr)a);
            collect(v, n->children);
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   !xmlIsBlankNode(n)) {
            add_node(v, n);
        }
    }
}

int vc_xml_values_parse(const char *data, size_t len, const char *name,
                        vc_xml_values **out, vc_error *err)
{
    vc_xml_values *v = VC_NEW(vc_xml_values);

    v->doc = xmlReadMemory(data, (int)len, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    if (!v->doc) {
        free(v);
        return vc_error_set(err, VC_EXIT_INPUT, "%s: malformed XML", name);
    }
    collect(v, xmlDocGetRootElement(v->doc));
    *out = v;
    return 0;
}

int vc_xml_values_load(const char *path, vc_xml_values **out, vc_error *err)
{
    char *data = NULL;
    size_t len = 0;
    int rc;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &data, &len, err) < 0)
        return -1;
    rc = vc_xml_values_parse(data, len, path, out, err);
    free(data);
    return rc;
}

size_t vc_xml_values_count(const vc_xml_values *v)
{
    return v->n;
}

/* An attribute's value, or a text node's content (caller frees). */
static char *node_text(xmlNodePtr n)
{
    xmlChar *s = xmlNodeGetContent(n);
    char *r = vc_strdup(s ? (const char *)s : "");

    xmlFree(s);
    return r;
}

const char *vc_xml_values_get(const vc_xml_values *v, size_t i)
{
    xmlNodePtr n = v->nodes[i];

    /* a text node's content is its own; an attribute's is its text child */
    if (n->type == XML_ATTRIBUTE_NODE)
        n = n->children;
    return n && n->content ? (const char *)n->content : "";
}

char *vc_xml_values_where(const vc_xml_values *v, size_t i)
{
    xmlChar *path = xmlGetNodePath(v->nodes[i]);
    char *r = vc_strdup(path ? (const char *)path : "?");

    xmlFree(path);
    return r;
}

static void shape_of(vc_buf *b, const xmlNode *n)
{
    static const char *const selectors[] = { "type", "device", "mode", "model" };

    if (!n || n->type != XML_ELEMENT_NODE)
        return;
    shape_of(b, n->parent);
    vc_buf_addf(b, "/%s", (const char *)n->name);
    for (size_t i = 0; i < sizeof(selectors) / sizeof(selectors[0]); i++) {
        xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)selectors[i]);
        if (v)
            vc_buf_addf(b, "[@%s='%s']", selectors[i], (const char *)v);
        xmlFree(v);
    }
}

char *vc_xml_values_shape(const vc_xml_values *v, size_t i)
{
    xmlNodePtr n = v->nodes[i];
    vc_buf b = VC_BUF_INIT;

    shape_of(&b, n->parent);
    if (n->type == XML_ATTRIBUTE_NODE)
        vc_buf_addf(&b, "/@%s", (const char *)n->name);
    else
        vc_buf_add(&b, "/text()");
    return vc_buf_steal(&b);
}

/* Set a node's text without entity parsing (xmlNodeSetContent on an
 * attribute would read "&..." as references). */
static void set_text(xmlNodePtr n, const char *value)
{
    if (n->type == XML_ATTRIBUTE_NODE) {
        xmlAttrPtr a = (xmlAttrPtr)n;
        xmlSetNsProp(a->parent, a->ns, a->name, (const xmlChar *)value);
    } else {
        xmlNodeSetContent(n, (const xmlChar *)value);   /* a text node: raw */
    }
}

char *vc_xml_values_with(vc_xml_values *v, size_t i, const char *value, size_t *len)
{
    xmlNodePtr n = v->nodes[i];
    char *orig = node_text(n);
    xmlChar *mem = NULL;
    int size = 0;
    char *r;

    set_text(n, value);
    xmlDocDumpMemory(v->doc, &mem, &size);
    set_text(n, orig);
    free(orig);
    r = vc_strndup(mem ? (const char *)mem : "", mem ? (size_t)size : 0);
    xmlFree(mem);
    *len = mem ? (size_t)size : 0;
    return r;
}

char *vc_xml_values_without(vc_xml_values *v, size_t i, size_t *len)
{
    xmlNodePtr n = v->nodes[i];
    xmlDocPtr copy = xmlCopyDoc(v->doc, 1);
    xmlChar *path = xmlGetNodePath(n->type == XML_ATTRIBUTE_NODE ? n : n->parent);
    xmlXPathContextPtr ctx = xmlXPathNewContext(copy);
    xmlXPathObjectPtr found = ctx && path ? xmlXPathEvalExpression(path, ctx) : NULL;
    xmlNodePtr gone = NULL;
    xmlChar *mem = NULL;
    int size = 0;
    char *r;

    /* the same node in the copy, found by its path (and let go of by
     * the XPath result before it is freed) */
    if (found && found->nodesetval && found->nodesetval->nodeNr == 1)
        gone = found->nodesetval->nodeTab[0];
    xmlXPathFreeObject(found);
    xmlXPathFreeContext(ctx);
    xmlFree(path);
    if (gone && gone->type == XML_ATTRIBUTE_NODE) {
        xmlRemoveProp((xmlAttrPtr)gone);
    } else if (gone) {
        xmlUnlinkNode(gone);
        xmlFreeNode(gone);
    }
    xmlDocDumpMemory(copy, &mem, &size);
    xmlFreeDoc(copy);
    r = vc_strndup(mem ? (const char *)mem : "", mem ? (size_t)size : 0);
    xmlFree(mem);
    *len = mem ? (size_t)size : 0;
    return r;
}

void vc_xml_values_free(vc_xml_values *v)
{
    if (!v)
        return;
    xmlFreeDoc(v->doc);
    free(v->nodes);
    free(v);
}
