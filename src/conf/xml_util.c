/* xml_util.c: safe libxml2 reading and attribute helpers. */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct read_state {
    const char *filename;
    vc_error *err;
    bool failed;
} read_state;

/* libxml2 messages that name its internals or advise a parser option
 * no user can set (XML_PARSE_HUGE), said in the document's terms.  The
 * limits are libxml2's (parserInternals.h); 0 takes the number from the
 * message ("Excessive depth in document: 256 use XML_PARSE_HUGE ..."). */
static const struct {
    const char *needle;
    const char *say;        /* printf format of one %lu: the limit */
    unsigned long limit;
} rewrites[] = {
    { "Excessive depth in document", "elements nested deeper than %lu levels", 0 },
    { "Name too long", "a name longer than %lu bytes", XML_MAX_NAME_LENGTH },
    { "AttValue length too long", "an attribute value longer than %lu bytes",
      XML_MAX_TEXT_LENGTH },
    { "huge text node", "text longer than %lu bytes", XML_MAX_TEXT_LENGTH },
    { "Comment too big", "a comment longer than %lu bytes", XML_MAX_TEXT_LENGTH },
    { "CData section too big", "a CDATA section longer than %lu bytes",
      XML_MAX_TEXT_LENGTH },
    { "too big found", "a processing instruction longer than %lu bytes",
      XML_MAX_TEXT_LENGTH },
    { "Huge input lookup", "a document longer than %lu bytes", XML_MAX_LOOKUP_LIMIT },
    /* any other advice to use a parser option */
    { "XML_PARSE_", "the document exceeds a limit of the XML parser", 0 },
};

static char *user_message(const char *msg)
{
    for (size_t i = 0; i < sizeof(rewrites) / sizeof(rewrites[0]); i++) {
        const char *hit = strstr(msg, rewrites[i].needle);
        unsigned long limit = rewrites[i].limit;

        if (!hit)
            continue;
        if (!limit && strchr(rewrites[i].say, '%')) {
            const char *digits = hit + strcspn(hit, "0123456789");
            limit = strtoul(digits, NULL, 10);
        }
        return vc_asprintf(rewrites[i].say, limit);
    }
    return vc_strdup(msg);
}

static void record_error(read_state *st, int line, const char *msg)
{
    char *m;
    size_t n;

    if (st->failed)
        return;             /* keep the first error only */
    st->failed = true;
    m = user_message(msg ? msg : "malformed XML");
    n = strlen(m);
    while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
        m[--n] = '\0';
    vc_error_set(st->err, VC_EXIT_INPUT, "%s:%d: %s", st->filename, line, m);
    free(m);
}

/* Structured errors of one parser context: nothing goes to stderr. */
static void on_xml_error(void *data, xmlErrorPtr e)
{
    xmlParserCtxtPtr pctxt = data;
    read_state *st = pctxt ? pctxt->_private : NULL;

    if (!st || !e || e->level < XML_ERR_ERROR)
        return;
    record_error(st, e->line, e->message);
}

/* Any DOCTYPE is refused before its declarations are processed. */
static void on_internal_subset(void *data, const xmlChar *name,
                               const xmlChar *external_id,
                               const xmlChar *system_id)
{
    xmlParserCtxtPtr pctxt = data;
    read_state *st = pctxt->_private;

    (void)name;
    (void)external_id;
    (void)system_id;
    record_error(st, xmlSAX2GetLineNumber(pctxt),
                 "document type declarations (DOCTYPE) are not allowed");
    xmlStopParser(pctxt);
}

xmlDocPtr vc_xml_read(const char *data, size_t len, size_t max,
                      const char *filename, vc_error *err)
{
    read_state st = { filename ? filename : "(string)", err, false };
    xmlParserCtxtPtr pctxt = NULL;
    xmlDocPtr doc = NULL;

    if (len > max) {
        vc_error_set(err, VC_EXIT_INPUT,
                     "%s: document too large (%zu bytes, limit %zu)",
                     st.filename, len, max);
        return NULL;
    }
    if (memchr(data, '\0', len)) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: document contains a NUL byte",
                     st.filename);
        return NULL;
    }
    if (vc_xml_prescan(data, len, VC_XML_MAX_ATTRS, st.filename, err) < 0)
        return NULL;
    if (!(pctxt = xmlNewParserCtxt()))
        abort();
    pctxt->_private = &st;
    pctxt->sax->serror = on_xml_error;
    pctxt->sax->error = NULL;
    pctxt->sax->warning = NULL;
    pctxt->sax->internalSubset = on_internal_subset;
    pctxt->vctxt.error = NULL;
    pctxt->vctxt.warning = NULL;

    doc = xmlCtxtReadMemory(pctxt, data, (int)len, st.filename, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOWARNING |
                            XML_PARSE_NOERROR);
    if (st.failed || !doc || !pctxt->wellFormed) {
        if (!st.failed)
            vc_error_set(err, VC_EXIT_INPUT, "%s: malformed XML", st.filename);
        xmlFreeDoc(doc);
        doc = NULL;
    } else if (doc->intSubset || doc->extSubset) {
        vc_error_set(err, VC_EXIT_INPUT,
                     "%s: document type declarations (DOCTYPE) are not allowed",
                     st.filename);
        xmlFreeDoc(doc);
        doc = NULL;
    } else if (!xmlDocGetRootElement(doc)) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: missing root element", st.filename);
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(pctxt);
    return doc;
}

/* What the parser reads is marked on the document (the node's
 * _private points here), so that vocabulary.c can list afterwards what
 * it consulted.  Only the accessors below set it. */
static const char read_mark;

void vc_xml_mark(const xmlNode *n)
{
    if (n)
        ((xmlNode *)n)->_private = (void *)&read_mark;
}

bool vc_xml_was_read(const xmlNode *n)
{
    return n && n->_private == &read_mark;
}

bool vc_xml_attr_was_read(const xmlAttr *a)
{
    return a && a->_private == &read_mark;
}

bool vc_xml_is(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
        return false;
    vc_xml_mark(n);
    return true;
}

xmlNodePtr vc_xml_child(const xmlNode *n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (vc_xml_is(c, name))
            return c;
    return NULL;
}

bool vc_xml_has(const xmlNode *n, const char *name)
{
    /* no namespace, as xmlGetNoNsProp; the type check skips DTD
     * declarations (there are none: vc_xml_read refuses a DOCTYPE) */
    xmlAttrPtr a = n ? xmlHasNsProp(n, (const xmlChar *)name, NULL) : NULL;

    if (!a || a->type != XML_ATTRIBUTE_NODE)
        return false;
    a->_private = (void *)&read_mark;
    return true;
}

char *vc_xml_prop(const xmlNode *n, const char *name)
{
    xmlChar *v;
    char *r;

    if (!vc_xml_has(n, name) || !(v = xmlGetNoNsProp(n, (const xmlChar *)name)))
        return NULL;
    r = vc_strdup((const char *)v);
    xmlFree(v);
    return r;
}

char *vc_xml_text(const xmlNode *n)
{
    xmlChar *v;
    char *r;

    if (!n || !(v = xmlNodeGetContent(n)))
        return NULL;
    r = vc_strdup((const char *)v);
    xmlFree(v);
    return r;
}

int vc_xml_error(vc_parse_ctx *ctx, const char *fmt, ...)
{
    char msg[VC_ERROR_MSG_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return vc_error_set(ctx->err, VC_EXIT_INPUT, "%s", msg);
}

/* @fmt words the refusal, its one %s being the value. */
static int xml_enum(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                    int (*from_string)(const char *), const char *fmt,
                    const char *what, int *out)
{
    char *v = vc_xml_prop(n, attr);
    int r;

    if (!v)
        return 0;
    if ((r = from_string(v)) < 0) {
        if (what)
            vc_xml_error(ctx, "unknown %s '%s'", what, v);
        else
            vc_xml_error(ctx, fmt, v);
        free(v);
        return -1;
    }
    free(v);
    *out = r;
    return 1;
}

int vc_xml_enum(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                int (*from_string)(const char *), const char *what, int *out)
{
    return xml_enum(ctx, n, attr, from_string, NULL, what, out);
}

int vc_xml_enum_worded(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                       int (*from_string)(const char *), const char *fmt, int *out)
{
    return xml_enum(ctx, n, attr, from_string, fmt, NULL, out);
}

int vc_xml_enum_req(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                    int (*from_string)(const char *), const char *what,
                    int *out)
{
    int r = vc_xml_enum(ctx, n, attr, from_string, what, out);

    if (r == 0)
        return vc_xml_error(ctx, "missing attribute '%s' of <%s>", attr,
                            (const char *)n->name);
    return r;
}

static int number_error(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                        const char *v)
{
    if (attr)
        return vc_xml_error(ctx, "invalid value '%s' for attribute '%s' of <%s>",
                            v, attr, (const char *)n->name);
    return vc_xml_error(ctx, "invalid value '%s' in <%s>", v,
                        (const char *)n->name);
}

static int parse_ull_value(vc_parse_ctx *ctx, const xmlNode *n,
                           const char *attr, const char *v, int base,
                           unsigned long long max, unsigned long long *out)
{
    unsigned long long x;

    if (!vc_parse_ull(v, base, &x) || x > max)
        return number_error(ctx, n, attr, v);
    *out = x;
    return 1;
}

int vc_xml_ull(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
               int base, unsigned long long max, unsigned long long *out)
{
    char *v = vc_xml_prop(n, attr);
    int r;

    if (!v)
        return 0;
    r = parse_ull_value(ctx, n, attr, v, base, max, out);
    free(v);
    return r;
}

int vc_xml_uint(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                int base, unsigned max, unsigned *out)
{
    unsigned long long x;
    int r = vc_xml_ull(ctx, n, attr, base, max, &x);

    if (r > 0)
        *out = (unsigned)x;
    return r;
}

int vc_xml_text_ull(vc_parse_ctx *ctx, const xmlNode *n,
                    unsigned long long max, unsigned long long *out)
{
    char *v = vc_xml_text(n);
    int r;

    if (!v)
        return 0;
    r = parse_ull_value(ctx, n, NULL, v, 10, max, out);
    free(v);
    return r;
}

int vc_xml_ll(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
              long long min, long long max, long long *out)
{
    char *v = vc_xml_prop(n, attr);
    long long x;
    int r = 1;

    if (!v)
        return 0;
    if (!vc_parse_ll(v, 10, &x) || x < min || x > max)
        r = number_error(ctx, n, attr, v);
    else
        *out = x;
    free(v);
    return r;
}

/* What a reader gets back is what was written: a parser turns a raw CR
 * (or CR LF) into LF everywhere, and a raw TAB, LF or CR inside an
 * attribute value into a space (XML 1.0, 2.11 and 3.3.3), so those are
 * written as character references where they would change.  Other
 * control characters cannot be in an XML 1.0 document at all, not even
 * as references; the parser never hands one over (libxml2 refuses
 * them), and they are dropped here, as libvirt does, rather than
 * written into a document nothing could read. */
static void escape(vc_buf *b, const char *s, bool attr)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': vc_buf_add(b, "&lt;"); break;
        case '>': vc_buf_add(b, "&gt;"); break;
        case '&': vc_buf_add(b, "&amp;"); break;
        case '"': vc_buf_add(b, "&quot;"); break;
        case '\'': vc_buf_add(b, "&apos;"); break;
        case '\r': vc_buf_add(b, "&#13;"); break;
        case '\n': vc_buf_add(b, attr ? "&#10;" : "\n"); break;
        case '\t': vc_buf_add(b, attr ? "&#9;" : "\t"); break;
        default:
            if ((unsigned char)*s >= 0x20)
                vc_buf_addc(b, *s);
        }
    }
}

void vc_xml_escape(vc_buf *b, const char *s)
{
    escape(b, s, false);
}

void vc_xml_attr(vc_buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    vc_buf_addf(b, " %s='", name);
    escape(b, value, true);
    vc_buf_addc(b, '\'');
}
