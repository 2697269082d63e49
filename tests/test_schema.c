/* test_schema.c: every domain XML we know against schemas/domain.rng.
 *
 * Tier "schema-reference": every xml2argv/NAME.xml and xml2xml/NAME.xml of the
 * reference corpus must validate.  Rows that xml2argv/cases.tsv marks
 * `fail-parse` are semantic errors (two USB controllers with one index,
 * a USB hub with no USB bus) that a grammar cannot express: they are
 * validated and the outcome is reported, but it does not decide the case.
 *
 * Tier "schema": the project's own documents.  Every xml2argvdata/NAME.xml
 * (same `fail-parse` rule, from xml2argvdata/cases.tsv when present),
 * every tests/schemadata/valid/NAME.xml must validate, and every
 * tests/schemadata/invalid/NAME.xml must fail with the errors recorded in
 * NAME.err next to it (REGENERATE=1 rewrites it).  libxml2 reports an
 * error inside an <interleave> only at the enclosing element, without a
 * line, so the first message alone rarely says where: the file keeps all
 * of them, in order (usually two or three lines).
 *
 * libxml2 is used as the parser is: no network, no entity substitution,
 * no DTD loading, inputs read through vc_file_read (size limit).  Its
 * messages go to the case (structured handlers), never to stderr.
 */
#include "corpus.h"
#include "expect.h"
#include "test_args.h"
#include "tier.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

typedef enum {
    EXPECT_VALID,
    EXPECT_INVALID,    /* must fail; messages compared with errfile */
    EXPECT_EITHER,     /* semantic error: outcome reported only */
} schema_expect;

typedef struct schema_case {
    char *path;        /* the document */
    char *label;       /* the path as shown in messages (no directories) */
    char *errfile;     /* EXPECT_INVALID: the expected messages */
    schema_expect expect;
    xmlRelaxNGPtr schema;   /* borrowed from the tier */
} schema_case;

static void schema_case_free(void *p)
{
    schema_case *c = p;
    free(c->path);
    free(c->label);
    free(c->errfile);
    free(c);
}

/* Collects libxml2's errors for one document. */
typedef struct err_sink {
    const char *label;
    vc_buf all;        /* every message, one a line */
} err_sink;

static void err_sink_free(err_sink *s)
{
    vc_buf_free(&s->all);
}

/* "LABEL:LINE: element NAME: MESSAGE", from whatever libxml2 knows. */
static void err_sink_add(void *data, xmlErrorPtr e)
{
    err_sink *s = data;
    vc_buf line = VC_BUF_INIT;
    const xmlNode *node = e->node;
    long lineno = e->line;
    size_t n;

    if (lineno <= 0 && node)
        lineno = xmlGetLineNo(node);
    vc_buf_add(&line, s->label);
    if (lineno > 0)
        vc_buf_addf(&line, ":%ld", lineno);
    vc_buf_add(&line, ": ");
    if (node && node->type == XML_ELEMENT_NODE && node->name)
        vc_buf_addf(&line, "element %s: ", (const char *)node->name);
    if (e->message) {
        n = strlen(e->message);
        while (n > 0 && (e->message[n - 1] == '\n' || e->message[n - 1] == ' '))
            n--;
        vc_buf_addn(&line, e->message, n);
    } else {
        vc_buf_add(&line, "(no message)");
    }
    vc_buf_add(&s->all, vc_buf_str(&line));
    vc_buf_addc(&s->all, '\n');
    vc_buf_free(&line);
}

/* Parse @path safely; NULL with the reason in @sink otherwise. */
static xmlDocPtr read_doc(const char *path, err_sink *sink)
{
    vc_error err = { 0 };
    xmlParserCtxtPtr ctxt = NULL;
    xmlDocPtr doc = NULL;
    char *data = NULL;
    size_t len = 0;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &data, &len, &err) < 0) {
        vc_buf_addf(&sink->all, "%s\n", err.msg);
        goto cleanup;
    }
    if (!(ctxt = xmlNewParserCtxt()))
        abort();
    /* libxml2 2.9 has no per-context handler for parse errors: with
     * XML_PARSE_NOERROR they go to the (thread's) structured handler,
     * set only for the duration of this parse. */
    xmlSetStructuredErrorFunc(sink, err_sink_add);
    doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL, XML_OPTIONS);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc || !ctxt->wellFormed) {
        if (sink->all.len == 0)
            vc_buf_addf(&sink->all, "%s: not well-formed\n", sink->label);
        xmlFreeDoc(doc);
        doc = NULL;
    }

 cleanup:
    if (ctxt)
        xmlFreeParserCtxt(ctxt);
    free(data);
    return doc;
}

/* 0 valid, 1 invalid (or unreadable), -1 validator failure. */
static int validate(xmlRelaxNGPtr schema, const char *path, err_sink *sink)
{
    xmlRelaxNGValidCtxtPtr vctxt = NULL;
    xmlDocPtr doc;
    int rc;

    if (!(doc = read_doc(path, sink)))
        return 1;
    if (!(vctxt = xmlRelaxNGNewValidCtxt(schema)))
        abort();
    xmlRelaxNGSetValidStructuredErrors(vctxt, err_sink_add, sink);
    rc = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    xmlFreeDoc(doc);
    if (rc > 0 && sink->all.len == 0)
        vc_buf_addf(&sink->all, "%s: invalid (no message)\n", sink->label);
    return rc < 0 ? -1 : rc > 0 ? 1 : 0;
}

static void test_schema_case(void **state)
{
    schema_case *c = ((vc_tier_case *)*state)->data;
    err_sink sink = { .label = c->label };
    int rc = validate(c->schema, c->path, &sink);
    int bad = 0;

    if (rc < 0) {
        print_error("%s: the validator itself failed\n%s", c->label, vc_buf_str(&sink.all));
        bad = 1;
    } else if (c->expect == EXPECT_VALID && rc != 0) {
        print_error("%s does not validate:\n%s", c->label, vc_buf_str(&sink.all));
        bad = 1;
    } else if (c->expect == EXPECT_INVALID && rc == 0) {
        print_error("%s validates, but must be rejected\n", c->label);
        bad = 1;
    } else if (c->expect == EXPECT_INVALID) {
        if (vc_expect_file(c->errfile, vc_buf_str(&sink.all)) < 0)
            bad = 1;
    } else if (c->expect == EXPECT_EITHER) {
        print_message("%s (expected to fail parsing for a semantic reason): %s\n",
                      c->label, rc == 0 ? "schema-valid" : "schema-invalid");
        if (rc != 0)
            print_message("%s", vc_buf_str(&sink.all));
    }
    err_sink_free(&sink);
    if (bad)
        fail_msg("%s: schema check failed", c->label);
}

/* Load @srcdir/schemas/domain.rng; NULL with the reason on stderr. */
static xmlRelaxNGPtr load_schema(void)
{
    char *path = vc_asprintf("%s/schemas/domain.rng", vc_corpus_srcdir());
    err_sink sink = { .label = path };
    xmlRelaxNGParserCtxtPtr pctxt = NULL;
    xmlRelaxNGPtr schema = NULL;
    xmlDocPtr doc;

    if (!(doc = read_doc(path, &sink)))
        goto cleanup;
    /* The parser context works on its own copy of the document. */
    if (!(pctxt = xmlRelaxNGNewDocParserCtxt(doc)))
        abort();
    xmlRelaxNGSetParserStructuredErrors(pctxt, err_sink_add, &sink);
    schema = xmlRelaxNGParse(pctxt);

 cleanup:
    if (!schema)
        fprintf(stderr, "%s: cannot load the schema:\n%s", path, vc_buf_str(&sink.all));
    if (pctxt)
        xmlRelaxNGFreeParserCtxt(pctxt);
    xmlFreeDoc(doc);
    err_sink_free(&sink);
    free(path);
    return schema;
}

/* Names that @dir/cases.tsv marks `fail-parse` (none if it is absent). */
static void read_fail_parse(const char *dir, vc_strlist *names)
{
    char *path = vc_asprintf("%s/cases.tsv", dir);
    vc_error err = { 0 };
    char *data = NULL, *line, *save = NULL;

    if (vc_path_exists(path) &&
        vc_file_read(path, VC_FILE_MAX_DEFAULT, &data, NULL, &err) == 0) {
        for (line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
            char *tab = strchr(line, '\t');
            if (!tab)
                continue;
            *tab = '\0';
            if (VC_STRPREFIX(tab + 1, "fail-parse\t") || VC_STREQ(tab + 1, "fail-parse"))
                if (!vc_strlist_has(names, line))
                    vc_strlist_add(names, line);
        }
    }
    free(data);
    free(path);
}

/* One directory of documents in a tier. */
typedef struct schema_dir {
    const char *sub;        /* below the tier's base directory */
    schema_expect expect;
    bool required;          /* a missing directory is an error */
} schema_dir;

/* Add a case for every @base/@d->sub/NAME.xml.  Names that the
 * directory's cases.tsv marks `fail-parse` only report their outcome. */
static int add_dir(vc_tier *tier, xmlRelaxNGPtr schema, const char *base,
                   const schema_dir *d)
{
    char *dir = vc_asprintf("%s/%s", base, d->sub);
    vc_strlist names = { 0 }, fail_parse = { 0 };
    vc_error err = { 0 };
    int ret = -1;

    if (!vc_path_exists(dir) && !d->required) {
        ret = 0;
        goto cleanup;
    }
    if (vc_corpus_list(dir, ".xml", &names, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        goto cleanup;
    }
    if (d->expect == EXPECT_VALID)
        read_fail_parse(dir, &fail_parse);
    for (size_t i = 0; i < names.n; i++) {
        schema_case *c = VC_NEW(schema_case);
        c->path = vc_asprintf("%s/%s.xml", dir, names.items[i]);
        c->label = vc_asprintf("%s/%s.xml", d->sub, names.items[i]);
        c->expect = d->expect;
        if (vc_strlist_has(&fail_parse, names.items[i]))
            c->expect = EXPECT_EITHER;
        if (d->expect == EXPECT_INVALID)
            c->errfile = vc_asprintf("%s/%s.err", dir, names.items[i]);
        c->schema = schema;
        vc_tier_add(tier, c->label, c);
    }
    ret = 0;

 cleanup:
    vc_strlist_free(&names);
    vc_strlist_free(&fail_parse);
    free(dir);
    return ret;
}

/* Load the schema once and validate every document of @dirs. */
static int run_tier(const char *name, const char *base, const schema_dir *dirs,
                    size_t ndirs)
{
    vc_tier tier = { .name = name };
    xmlRelaxNGPtr schema = load_schema();
    int failed;
    size_t i;

    for (i = 0; schema && i < ndirs; i++)
        if (add_dir(&tier, schema, base, &dirs[i]) < 0)
            break;
    if (!schema || i < ndirs) {
        printf("%s: 0 passed, 1 failed (%s)\n", name,
               schema ? "cannot list its documents" : "schema does not load");
        failed = 1;
    } else {
        failed = vc_tier_run(&tier, test_schema_case);
    }
    vc_tier_free(&tier, schema_case_free);
    if (schema)
        xmlRelaxNGFree(schema);
    return failed;
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    static const schema_dir own[] = {
        { "xml2argvdata", EXPECT_VALID, false },
        { "tests/schemadata/valid", EXPECT_VALID, true },
        { "tests/schemadata/invalid", EXPECT_INVALID, true },
    };
    static const schema_dir reference[] = {
        { "xml2argv", EXPECT_VALID, true },
        { "xml2xml", EXPECT_VALID, true },
    };
    char *ref;
    int failed;

    LIBXML_TEST_VERSION

    failed = run_tier("schema", vc_corpus_srcdir(), own, sizeof(own) / sizeof(own[0]));
    if ((ref = vc_corpus_refdir())) {
        failed += run_tier("schema-reference", ref, reference,
                           sizeof(reference) / sizeof(reference[0]));
        free(ref);
    } else {
        failed += vc_tier_no_reference("schema-reference");
    }
    xmlCleanupParser();
    return failed ? 1 : 0;
}
