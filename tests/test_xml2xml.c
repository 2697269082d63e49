/* test_xml2xml.c: the domain parser and formatter over XML documents.
 *
 * Tier "xml2xml": every tests/xml2xmldata/NAME.xml parses (as a live
 *   definition) and formats to NAME.out (REGENERATE=1 rewrites it).
 * Tier "xml2xml-roundtrip": parse -> format -> parse -> format is a
 *   fixed point for every XML the project knows: the xml2xmldata documents
 *   and xml2argvdata .xml files (each as a live and as an inactive
 *   definition) and every reference xml2argv .xml that parses.
 * Tier "xml2xml-reference": each row of the reference
 *   xml2xml/cases.tsv, each mode of "both" as its own case, compared
 *   byte for byte after dropping one trailing newline from each side.
 * Tier "xml2argv-parse-reference": every reference xml2argv .xml
 *   parses as an inactive definition, unless its cases.tsv rows say
 *   fail-parse (then it must be rejected).
 */
#include "corpus.h"
#include "expect.h"
#include "test_args.h"
#include "tier.h"
#include "tsv.h"
#include "conf/domain.h"
#include "util/alloc.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct x2x_case {
    char *input;
    char *expected;     /* file; NULL for round-trip / parse-only cases */
    unsigned flags;
    int kind;           /* KIND_* */
} x2x_case;

enum { KIND_OWN, KIND_ROUNDTRIP, KIND_REFERENCE, KIND_PARSE_OK, KIND_PARSE_FAIL };

static void x2x_case_free(void *p)
{
    x2x_case *c = p;
    free(c->input);
    free(c->expected);
    free(c);
}

static x2x_case *new_case(const char *input, const char *expected, unsigned flags, int kind)
{
    x2x_case *c = VC_NEW(x2x_case);
    c->input = vc_strdup(input);
    c->expected = expected ? vc_strdup(expected) : NULL;
    c->flags = flags;
    c->kind = kind;
    return c;
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    if (n && s[n - 1] == '\n')
        s[n - 1] = '\0';
}

static char *format_file(const char *path, unsigned flags, vc_error *err)
{
    vc_domain_def *def = vc_domain_parse_file(path, vc_host_test(), flags, err);
    char *out;

    if (!def)
        return NULL;
    out = vc_domain_format(def);
    vc_domain_def_free(def);
    return out;
}

static void test_case(void **state)
{
    x2x_case *c = ((vc_tier_case *)*state)->data;
    vc_error err = { 0 };
    char *out = format_file(c->input, c->flags, &err);
    char *expected = NULL, *again = NULL;
    vc_domain_def *def2 = NULL;
    int rc = 0;

    if (c->kind == KIND_PARSE_FAIL) {
        free(out);
        if (out)
            fail_msg("%s parsed but must be rejected", c->input);
        return;
    }
    if (!out)
        fail_msg("%s: %s", c->input, err.msg);
    switch (c->kind) {
    case KIND_OWN:
        rc = vc_expect_file(c->expected, out);
        break;
    case KIND_REFERENCE:
        if (vc_file_read(c->expected, VC_FILE_MAX_DEFAULT, &expected, NULL, &err) < 0) {
            rc = -1;
            fprintf(stderr, "%s\n", err.msg);
            break;
        }
        chomp(expected);
        chomp(out);
        rc = vc_expect_text(c->expected, expected, out);
        break;
    case KIND_ROUNDTRIP:
        if (!(def2 = vc_domain_parse(out, strlen(out), c->input, vc_host_test(), c->flags, &err))) {
            fprintf(stderr, "re-parsing the formatted %s: %s\n", c->input, err.msg);
            rc = -1;
            break;
        }
        again = vc_domain_format(def2);
        rc = vc_expect_text(c->input, out, again);
        break;
    default:
        break;
    }
    free(out);
    free(expected);
    free(again);
    vc_domain_def_free(def2);
    if (rc < 0)
        fail_msg("%s: output differs", c->input);
}

static void add_dir(vc_tier *own, vc_tier *rt, const char *dir, const char *tag)
{
    vc_strlist names = { 0 };
    vc_error err = { 0 };

    if (!vc_path_exists(dir) || vc_corpus_list(dir, ".xml", &names, &err) < 0) {
        vc_strlist_free(&names);
        return;
    }
    for (size_t i = 0; i < names.n; i++) {
        char *in = vc_asprintf("%s/%s.xml", dir, names.items[i]);
        char *out = vc_asprintf("%s/%s.out", dir, names.items[i]);
        char *label = vc_asprintf("%s/%s", tag, names.items[i]);
        char *inactive = vc_asprintf("%s-inactive", label);
        if (own)
            vc_tier_add(own, names.items[i], new_case(in, out, VC_PARSE_ACTIVE, KIND_OWN));
        vc_tier_add(rt, label, new_case(in, NULL, VC_PARSE_ACTIVE, KIND_ROUNDTRIP));
        vc_tier_add(rt, inactive, new_case(in, NULL, VC_PARSE_INACTIVE, KIND_ROUNDTRIP));
        free(in);
        free(out);
        free(label);
        free(inactive);
    }
    vc_strlist_free(&names);
}

static void add_reference(vc_tier *ref, vc_tier *parse, vc_tier *rt, const char *refdir)
{
    char *x2x = vc_asprintf("%s/xml2xml/cases.tsv", refdir);
    char *x2a = vc_asprintf("%s/xml2argv/cases.tsv", refdir);
    char *argvdir = vc_asprintf("%s/xml2argv", refdir);
    vc_strlist rows = { 0 }, argv_rows = { 0 }, names = { 0 };
    vc_error err = { 0 };

    if (vc_tsv_rows(x2x, &rows) == 0) {
        for (size_t i = 0; i < rows.n; i++) {
            char *name = vc_tsv_field(rows.items[i], 0), *in = vc_tsv_field(rows.items[i], 1);
            char *exp = vc_tsv_field(rows.items[i], 2), *mode = vc_tsv_field(rows.items[i], 3);
            char *inp = vc_asprintf("%s/%s", refdir, in), *expp = vc_asprintf("%s/%s", refdir, exp);
            for (int m = 0; m < 2; m++) {
                const char *mname = m ? "active" : "inactive";
                if (strcmp(mode, "both") != 0 && strcmp(mode, mname) != 0)
                    continue;
                char *label = vc_asprintf("%s-%s", name, mname);
                vc_tier_add(ref, label, new_case(inp, expp, m ? VC_PARSE_ACTIVE : VC_PARSE_INACTIVE,
                                                 KIND_REFERENCE));
                free(label);
            }
            free(name); free(in); free(exp); free(mode); free(inp); free(expp);
        }
    }
    if (vc_tsv_rows(x2a, &argv_rows) == 0 && vc_corpus_list(argvdir, ".xml", &names, &err) == 0) {
        for (size_t i = 0; i < names.n; i++) {
            bool fail = false;
            char *in = vc_asprintf("%s/%s.xml", argvdir, names.items[i]);
            for (size_t r = 0; r < argv_rows.n; r++) {
                char *n = vc_tsv_field(argv_rows.items[r], 0), *e = vc_tsv_field(argv_rows.items[r], 1);
                fail |= strcmp(n, names.items[i]) == 0 && strcmp(e, "fail-parse") == 0;
                free(n);
                free(e);
            }
            vc_tier_add(parse, names.items[i],
                        new_case(in, NULL, VC_PARSE_INACTIVE, fail ? KIND_PARSE_FAIL : KIND_PARSE_OK));
            if (!fail) {
                char *label = vc_asprintf("reference/%s", names.items[i]);
                vc_tier_add(rt, label, new_case(in, NULL, VC_PARSE_INACTIVE, KIND_ROUNDTRIP));
                free(label);
            }
            free(in);
        }
    }
    vc_strlist_free(&rows);
    vc_strlist_free(&argv_rows);
    vc_strlist_free(&names);
    free(x2x);
    free(x2a);
    free(argvdir);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    vc_tier own = { .name = "xml2xml" }, rt = { .name = "xml2xml-roundtrip" };
    vc_tier ref = { .name = "xml2xml-reference" };
    vc_tier parse = { .name = "xml2argv-parse-reference" };
    char *dir = vc_asprintf("%s/tests/xml2xmldata", vc_corpus_srcdir());
    char *argvdata = vc_asprintf("%s/xml2argvdata", vc_corpus_srcdir());
    char *refdir = vc_corpus_refdir();
    int failed = 0;

    add_dir(&own, &rt, dir, "xml2xmldata");
    add_dir(NULL, &rt, argvdata, "xml2argvdata");
    if (refdir)
        add_reference(&ref, &parse, &rt, refdir);
    failed += vc_tier_run(&own, test_case);
    failed += vc_tier_run(&rt, test_case);
    if (refdir) {
        failed += vc_tier_run(&ref, test_case);
        failed += vc_tier_run(&parse, test_case);
    } else {
        failed += vc_tier_no_reference("xml2xml-reference");
        failed += vc_tier_no_reference("xml2argv-parse-reference");
    }
    vc_tier_free(&own, x2x_case_free);
    vc_tier_free(&rt, x2x_case_free);
    vc_tier_free(&ref, x2x_case_free);
    vc_tier_free(&parse, x2x_case_free);
    free(dir);
    free(argvdata);
    free(refdir);
    return failed ? 1 : 0;
}
