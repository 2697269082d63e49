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
 * Validation and its messages: harness/rng.c.
 */
#include "corpus.h"
#include "expect.h"
#include "rng.h"
#include "test_args.h"
#include "tier.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#include <libxml/parser.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void test_schema_case(void **state)
{
    schema_case *c = ((vc_tier_case *)*state)->data;
    vc_buf msgs = VC_BUF_INIT;
    int rc = vc_rng_validate_file(c->schema, c->path, c->label, &msgs);
    int bad = 0;

    if (rc < 0) {
        print_error("%s: the validator itself failed\n%s", c->label, vc_buf_str(&msgs));
        bad = 1;
    } else if (c->expect == EXPECT_VALID && rc != 0) {
        print_error("%s does not validate:\n%s", c->label, vc_buf_str(&msgs));
        bad = 1;
    } else if (c->expect == EXPECT_INVALID && rc == 0) {
        print_error("%s validates, but must be rejected\n", c->label);
        bad = 1;
    } else if (c->expect == EXPECT_INVALID) {
        if (vc_expect_file(c->errfile, vc_buf_str(&msgs)) < 0)
            bad = 1;
    } else if (c->expect == EXPECT_EITHER) {
        print_message("%s (expected to fail parsing for a semantic reason): %s\n",
                      c->label, rc == 0 ? "schema-valid" : "schema-invalid");
        if (rc != 0)
            print_message("%s", vc_buf_str(&msgs));
    }
    vc_buf_free(&msgs);
    if (bad)
        fail_msg("%s: schema check failed", c->label);
}

/* Load @srcdir/schemas/domain.rng; NULL with the reason on stderr. */
static xmlRelaxNGPtr load_schema(void)
{
    char *path = vc_asprintf("%s/schemas/domain.rng", vc_corpus_srcdir());
    vc_buf why = VC_BUF_INIT;
    xmlRelaxNGPtr schema = vc_rng_load(path, &why);

    if (!schema)
        fprintf(stderr, "%s: cannot load the schema:\n%s", path, vc_buf_str(&why));
    vc_buf_free(&why);
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
