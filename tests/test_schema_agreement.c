/* test_schema_agreement.c: the project's schema against libvirt 0.10.2's.
 *
 * Tier "schema-agreement": every domain document the project knows
 *   (xml2argvdata, tests/xml2xmldata, tests/schemadata/{valid,invalid},
 *   tests/domainerrors, tests/live, tests/cli, fuzz/regressions/domain)
 *   and the reference corpus's (xml2argv, xml2xml) is validated with
 *   schemas/domain.rng and with libvirt's docs/domain.rng; the two
 *   verdicts must agree.  tests/schema-extensions.list names the
 *   documents where the project departs on purpose, each with why: a
 *   listed document must disagree (one that agrees fails, so the list
 *   cannot go stale).
 * Tier "xml2xml-libvirt-schema": what the formatter writes for every
 *   document the xml2xml tiers round-trip (the project's documents live
 *   and inactive, the reference xml2argv documents inactive, the
 *   reference xml2xml rows in their modes) must validate with libvirt's
 *   schema; tests/xml2xml-libvirt-schema.list names the outputs that
 *   carry a listed extension, with why.  A document that libvirt's schema
 *   refuses as input has no valid form to print (a mount tag stays a
 *   mount tag): it is left out, counted in a note, and the
 *   schema-agreement tier says why it is what it is.
 *
 * libvirt's schema is read where the reference corpus is, never copied:
 * without it both tiers are skipped (a failure with
 * VC_TEST_REQUIRE_REFERENCE=1).  Its domain.rng includes its siblings,
 * which resolve beside it.
 */
#include "corpus.h"
#include "rng.h"
#include "test_args.h"
#include "tier.h"
#include "tsv.h"
#include "conf/domain.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#include <libxml/parser.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The two schemas, loaded once for both tiers. */
typedef struct schemas {
    xmlRelaxNGPtr own;
    xmlRelaxNGPtr libvirt;
} schemas;

typedef struct doc_case {
    char *path;            /* the document */
    char *label;           /* as shown in messages */
    unsigned flags;        /* xml2xml: VC_PARSE_* */
    const schemas *s;      /* borrowed */
} doc_case;

static void doc_case_free(void *p)
{
    doc_case *c = p;
    free(c->path);
    free(c->label);
    free(c);
}

/* Add a case; with @left_out (xml2xml-libvirt-schema), only when
 * libvirt's schema takes the input, counting the others there. */
static void add_case(vc_tier *t, const schemas *s, const char *path,
                     const char *label, unsigned flags, size_t *left_out)
{
    doc_case *c;

    if (left_out) {
        vc_buf msgs = VC_BUF_INIT;
        int rc = vc_rng_validate_file(s->libvirt, path, label, &msgs);

        vc_buf_free(&msgs);
        if (rc != 0) {
            (*left_out)++;
            return;
        }
    }
    c = VC_NEW(doc_case);
    c->path = vc_strdup(path);
    c->label = vc_strdup(label);
    c->flags = flags;
    c->s = s;
    vc_tier_add(t, c->label, c);
}

static const char *verdict(int rc)
{
    return rc == 0 ? "valid" : rc > 0 ? "invalid" : "validator failure";
}

static void test_agreement(void **state)
{
    doc_case *c = ((vc_tier_case *)*state)->data;
    vc_buf own = VC_BUF_INIT, lv = VC_BUF_INIT;
    int rc_own = vc_rng_validate_file(c->s->own, c->path, c->label, &own);
    int rc_lv = vc_rng_validate_file(c->s->libvirt, c->path, c->label, &lv);
    bool agree = rc_own >= 0 && rc_lv >= 0 && (rc_own == 0) == (rc_lv == 0);

    if (!agree)
        print_error("%s: the project's schema says %s, libvirt's %s\n"
                    "project:\n%slibvirt:\n%s", c->label, verdict(rc_own),
                    verdict(rc_lv), vc_buf_str(&own), vc_buf_str(&lv));
    vc_buf_free(&own);
    vc_buf_free(&lv);
    if (!agree)
        fail_msg("%s: the schemas disagree", c->label);
}

static void test_formatted(void **state)
{
    doc_case *c = ((vc_tier_case *)*state)->data;
    vc_error err = { 0 };
    vc_buf msgs = VC_BUF_INIT;
    vc_domain_def *def = vc_domain_parse_file(c->path, vc_host_test(), c->flags, &err);
    char *out;
    int rc;

    if (!def)
        fail_msg("%s: %s", c->label, err.msg);
    out = vc_domain_format(def);
    vc_domain_def_free(def);
    rc = vc_rng_validate_mem(c->s->libvirt, out, strlen(out), c->label, &msgs);
    if (rc != 0)
        print_error("%s: the formatted document is %s under libvirt's schema:\n%s"
                    "the document:\n%s", c->label, verdict(rc), vc_buf_str(&msgs), out);
    free(out);
    vc_buf_free(&msgs);
    if (rc != 0)
        fail_msg("%s: formatted output fails libvirt's schema", c->label);
}

/* Every NAME.xml of @dir, labelled @tag/NAME.xml (and, with @inactive, a
 * second case @tag/NAME-inactive read as an inactive definition). */
static int add_dir(vc_tier *t, const schemas *s, const char *dir, const char *tag,
                   bool inactive, size_t *left_out)
{
    vc_strlist names = { 0 };
    vc_error err = { 0 };

    if (!vc_path_exists(dir))
        return 0;
    if (vc_corpus_list(dir, ".xml", &names, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    for (size_t i = 0; i < names.n; i++) {
        char *path = vc_asprintf("%s/%s.xml", dir, names.items[i]);
        char *label = vc_asprintf("%s/%s.xml", tag, names.items[i]);

        add_case(t, s, path, label, VC_PARSE_ACTIVE, left_out);
        if (inactive) {
            free(label);
            label = vc_asprintf("%s/%s-inactive", tag, names.items[i]);
            add_case(t, s, path, label, VC_PARSE_INACTIVE, left_out);
        }
        free(path);
        free(label);
    }
    vc_strlist_free(&names);
    return 0;
}

/* The reference documents the xml2xml tiers format: each xml2argv
 * document that is not a fail-parse row (inactive), and each xml2xml
 * row's input in the modes it names. */
static int add_reference_outputs(vc_tier *t, const schemas *s, const char *ref,
                                 size_t *left_out)
{
    char *x2a = vc_asprintf("%s/xml2argv/cases.tsv", ref);
    char *x2x = vc_asprintf("%s/xml2xml/cases.tsv", ref);
    char *argvdir = vc_asprintf("%s/xml2argv", ref);
    vc_strlist rows = { 0 }, fail = { 0 }, names = { 0 };
    vc_error err = { 0 };
    int ret = -1;

    if (vc_tsv_rows(x2a, &rows) < 0 || vc_corpus_list(argvdir, ".xml", &names, &err) < 0)
        goto cleanup;
    for (size_t r = 0; r < rows.n; r++) {
        char *name = vc_tsv_field(rows.items[r], 0), *expect = vc_tsv_field(rows.items[r], 1);
        if (strcmp(expect, "fail-parse") == 0)
            vc_strlist_add(&fail, name);
        free(name);
        free(expect);
    }
    for (size_t i = 0; i < names.n; i++) {
        if (vc_strlist_has(&fail, names.items[i]))
            continue;
        char *path = vc_asprintf("%s/%s.xml", argvdir, names.items[i]);
        char *label = vc_asprintf("reference/xml2argv/%s-inactive", names.items[i]);
        add_case(t, s, path, label, VC_PARSE_INACTIVE, left_out);
        free(path);
        free(label);
    }
    vc_strlist_free(&rows);
    if (vc_tsv_rows(x2x, &rows) < 0)
        goto cleanup;
    for (size_t r = 0; r < rows.n; r++) {
        char *name = vc_tsv_field(rows.items[r], 0), *in = vc_tsv_field(rows.items[r], 1);
        char *mode = vc_tsv_field(rows.items[r], 3);
        char *path = vc_asprintf("%s/%s", ref, in);

        for (int m = 0; m < 2; m++) {
            const char *mname = m ? "active" : "inactive";
            if (strcmp(mode, "both") != 0 && strcmp(mode, mname) != 0)
                continue;
            char *label = vc_asprintf("reference/xml2xml/%s-%s", name, mname);
            add_case(t, s, path, label, m ? VC_PARSE_ACTIVE : VC_PARSE_INACTIVE, left_out);
            free(label);
        }
        free(name);
        free(in);
        free(mode);
        free(path);
    }
    ret = 0;

 cleanup:
    vc_strlist_free(&rows);
    vc_strlist_free(&fail);
    vc_strlist_free(&names);
    free(x2a);
    free(x2x);
    free(argvdir);
    return ret;
}

/* Every listed extension says why. */
static bool reasons_given(const vc_tier *t, const char *list)
{
    bool ok = true;

    for (size_t i = 0; i < t->n; i++) {
        if (t->cases[i].xfail && !t->cases[i].why) {
            printf("%s: %s lists %s without a reason\n", t->name, list, t->cases[i].name);
            ok = false;
        }
    }
    return ok;
}

/* Run @t with the extensions of @list marked; a tier that cannot list
 * its documents is one failure. */
static int run(vc_tier *t, int listed, const char *list, CMUnitTestFunction fn)
{
    char *path = vc_asprintf("%s/tests/%s", vc_corpus_srcdir(), list);
    int failed;

    if (listed < 0 || vc_tier_load_xfail(t, path) < 0 || !reasons_given(t, list)) {
        printf("%s: 0 passed, 1 failed (%s)\n", t->name,
               listed < 0 ? "cannot list its documents" : "bad extension list");
        failed = 1;
    } else {
        failed = vc_tier_run(t, fn);
    }
    free(path);
    return failed;
}

static int run_tiers(const char *ref)
{
    static const struct {
        const char *sub;
        bool inactive;      /* xml2xml-libvirt-schema: also inactive */
        bool formatted;     /* xml2xml-libvirt-schema reads it */
    } own_dirs[] = {
        { "xml2argvdata", true, true },
        { "tests/xml2xmldata", true, true },
        { "tests/schemadata/valid", false, false },
        { "tests/schemadata/invalid", false, false },
        { "tests/domainerrors", false, false },
        { "tests/live", false, false },
        { "tests/cli", false, false },
        { "fuzz/regressions/domain", false, false },
    };
    vc_tier agree = { .name = "schema-agreement" };
    vc_tier formatted = { .name = "xml2xml-libvirt-schema" };
    char *own_path = vc_asprintf("%s/schemas/domain.rng", vc_corpus_srcdir());
    char *lv_path = vc_asprintf("%s/docs/domain.rng", ref);
    vc_buf why = VC_BUF_INIT;
    schemas s = { 0 };
    int listed = 0, listed_fmt = 0, failed = 0;
    size_t left_out = 0;

    if (!(s.own = vc_rng_load(own_path, &why)) || !(s.libvirt = vc_rng_load(lv_path, &why))) {
        fprintf(stderr, "cannot load a schema:\n%s", vc_buf_str(&why));
        printf("schema-agreement: 0 passed, 1 failed (a schema does not load)\n");
        printf("xml2xml-libvirt-schema: 0 passed, 1 failed (a schema does not load)\n");
        failed = 2;
        goto cleanup;
    }
    for (size_t i = 0; i < sizeof(own_dirs) / sizeof(own_dirs[0]); i++) {
        char *dir = vc_asprintf("%s/%s", vc_corpus_srcdir(), own_dirs[i].sub);
        const char *tag = own_dirs[i].sub;

        if (add_dir(&agree, &s, dir, tag, false, NULL) < 0)
            listed = -1;
        if (own_dirs[i].formatted &&
            add_dir(&formatted, &s, dir, tag, own_dirs[i].inactive, &left_out) < 0)
            listed_fmt = -1;
        free(dir);
    }
    {
        char *argv = vc_asprintf("%s/xml2argv", ref), *x2x = vc_asprintf("%s/xml2xml", ref);
        if (add_dir(&agree, &s, argv, "reference/xml2argv", false, NULL) < 0 ||
            add_dir(&agree, &s, x2x, "reference/xml2xml", false, NULL) < 0)
            listed = -1;
        free(argv);
        free(x2x);
    }
    if (add_reference_outputs(&formatted, &s, ref, &left_out) < 0)
        listed_fmt = -1;
    printf("note: xml2xml-libvirt-schema: %zu readings left out: libvirt's schema "
           "refuses their input (schema-agreement)\n", left_out);

    failed += run(&agree, listed, "schema-extensions.list", test_agreement);
    failed += run(&formatted, listed_fmt, "xml2xml-libvirt-schema.list", test_formatted);

 cleanup:
    vc_tier_free(&agree, doc_case_free);
    vc_tier_free(&formatted, doc_case_free);
    if (s.own)
        xmlRelaxNGFree(s.own);
    if (s.libvirt)
        xmlRelaxNGFree(s.libvirt);
    vc_buf_free(&why);
    free(own_path);
    free(lv_path);
    return failed;
}

int main(int argc, char **argv)
{
    char *ref;
    int failed;

    vc_test_args(argc, argv, NULL);
    LIBXML_TEST_VERSION

    if ((ref = vc_corpus_refdir())) {
        failed = run_tiers(ref);
        free(ref);
    } else {
        failed = vc_tier_no_reference("schema-agreement");
        failed += vc_tier_no_reference("xml2xml-libvirt-schema");
    }
    xmlCleanupParser();
    return failed ? 1 : 0;
}
