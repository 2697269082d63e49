/* rng.c: RelaxNG validation of domain documents (rng.h). */
#include "rng.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/file.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* Where libxml2's messages for one document go. */
typedef struct err_sink {
    const char *label;
    vc_buf *all;       /* every message, one a line */
} err_sink;

/* "LABEL:LINE: element NAME: MESSAGE", from whatever libxml2 knows. */
static void err_sink_add(void *data, xmlErrorPtr e)
{
    err_sink *s = data;
    const xmlNode *node = e->node;
    long lineno = e->line;
    size_t n;

    if (lineno <= 0 && node)
        lineno = xmlGetLineNo(node);
    vc_buf_add(s->all, s->label);
    if (lineno > 0)
        vc_buf_addf(s->all, ":%ld", lineno);
    vc_buf_add(s->all, ": ");
    if (node && node->type == XML_ELEMENT_NODE && node->name)
        vc_buf_addf(s->all, "element %s: ", (const char *)node->name);
    if (e->message) {
        n = strlen(e->message);
        while (n > 0 && (e->message[n - 1] == '\n' || e->message[n - 1] == ' '))
            n--;
        vc_buf_addn(s->all, e->message, n);
    } else {
        vc_buf_add(s->all, "(no message)");
    }
    vc_buf_addc(s->all, '\n');
}

/* Parse @data (@url: its base for includes); NULL with the reason in
 * @sink otherwise. */
static xmlDocPtr read_mem(const char *data, size_t len, const char *url,
                          err_sink *sink)
{
    xmlParserCtxtPtr ctxt;
    xmlDocPtr doc;
    size_t before = sink->all->len;

    if (len > (size_t)INT_MAX) {
        vc_buf_addf(sink->all, "%s: too large\n", sink->label);
        return NULL;
    }
    if (!(ctxt = xmlNewParserCtxt()))
        abort();
    /* libxml2 2.9 has no per-context handler for parse errors: with
     * XML_PARSE_NOERROR they go to the (thread's) structured handler,
     * set only for the duration of this parse. */
    xmlSetStructuredErrorFunc(sink, err_sink_add);
    doc = xmlCtxtReadMemory(ctxt, data, (int)len, url, NULL, XML_OPTIONS);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc || !ctxt->wellFormed) {
        if (sink->all->len == before)
            vc_buf_addf(sink->all, "%s: not well-formed\n", sink->label);
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

static xmlDocPtr read_file(const char *path, err_sink *sink)
{
    vc_error err = { 0 };
    char *data = NULL;
    size_t len = 0;
    xmlDocPtr doc;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &data, &len, &err) < 0) {
        vc_buf_addf(sink->all, "%s\n", err.msg);
        return NULL;
    }
    doc = read_mem(data, len, path, sink);
    free(data);
    return doc;
}

xmlRelaxNGPtr vc_rng_load(const char *path, vc_buf *why)
{
    err_sink sink = { .label = path, .all = why };
    xmlRelaxNGParserCtxtPtr pctxt;
    xmlRelaxNGPtr schema;
    xmlDocPtr doc;

    if (!(doc = read_file(path, &sink)))
        return NULL;
    /* The parser context works on its own copy of the document; the
     * copy keeps its URL, so includes resolve beside @path. */
    if (!(pctxt = xmlRelaxNGNewDocParserCtxt(doc)))
        abort();
    xmlRelaxNGSetParserStructuredErrors(pctxt, err_sink_add, &sink);
    schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    xmlFreeDoc(doc);
    if (!schema && why->len == 0)
        vc_buf_addf(why, "%s: not a RelaxNG schema\n", path);
    return schema;
}

static int validate_doc(xmlRelaxNGPtr schema, xmlDocPtr doc, err_sink *sink)
{
    xmlRelaxNGValidCtxtPtr vctxt;
    size_t before = sink->all->len;
    int rc;

    if (!doc)
        return 1;
    if (!(vctxt = xmlRelaxNGNewValidCtxt(schema)))
        abort();
    xmlRelaxNGSetValidStructuredErrors(vctxt, err_sink_add, sink);
    rc = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    xmlFreeDoc(doc);
    if (rc > 0 && sink->all->len == before)
        vc_buf_addf(sink->all, "%s: invalid (no message)\n", sink->label);
    return rc < 0 ? -1 : rc > 0 ? 1 : 0;
}

int vc_rng_validate_file(xmlRelaxNGPtr schema, const char *path,
                         const char *label, vc_buf *msgs)
{
    err_sink sink = { .label = label, .all = msgs };

    return validate_doc(schema, read_file(path, &sink), &sink);
}

int vc_rng_validate_mem(xmlRelaxNGPtr schema, const char *data, size_t len,
                        const char *label, vc_buf *msgs)
{
    err_sink sink = { .label = label, .all = msgs };

    return validate_doc(schema, read_mem(data, len, label, &sink), &sink);
}
