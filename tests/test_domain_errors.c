/* test_domain_errors.c: every parse-time error path of the domain
 * parser.  Tier "domain-errors": each tests/domainerrors/NAME.xml must
 * be rejected with exactly the message in NAME.err (REGENERATE=1
 * rewrites it); an accepted document fails its case.  One synthetic
 * case feeds an oversized document built in memory.
 */
#include "corpus.h"
#include "expect.h"
#include "tier.h"
#include "conf/domain.h"
#include "util/alloc.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct err_case {
    char *name;
    char *xml;      /* NULL: the synthetic oversized document */
    char *err;
} err_case;

static void err_case_free(void *p)
{
    err_case *c = p;
    free(c->name);
    free(c->xml);
    free(c->err);
    free(c);
}

static void test_error(void **state)
{
    err_case *c = ((vc_tier_case *)*state)->data;
    vc_error err = { 0 };
    char *data = NULL, *fname, *actual;
    size_t len = 0;
    vc_domain_def *def;
    int rc;

    if (c->xml) {
        if (vc_file_read(c->xml, VC_FILE_MAX_DEFAULT, &data, &len, &err) < 0)
            fail_msg("%s", err.msg);
    } else {
        static const char head[] = "<domain type='qemu'><name>";
        len = VC_DOMAIN_XML_MAX + 1;
        data = vc_malloc0(len + 1);
        memset(data, 'x', len);
        memcpy(data, head, sizeof(head) - 1);
    }
    fname = vc_asprintf("%s.xml", c->name);
    def = vc_domain_parse(data, len, fname, vc_host_test(), VC_PARSE_ACTIVE, &err);
    free(data);
    free(fname);
    if (def) {
        vc_domain_def_free(def);
        fail_msg("%s was accepted but must be rejected", c->name);
    }
    if (err.code != VC_EXIT_INPUT)
        fail_msg("%s: error code %d, expected %d", c->name, err.code, VC_EXIT_INPUT);
    actual = vc_asprintf("%s\n", err.msg);
    rc = vc_expect_file(c->err, actual);
    free(actual);
    if (rc < 0)
        fail_msg("%s: message differs", c->name);
}

int main(void)
{
    vc_tier tier = { .name = "domain-errors" };
    char *dir = vc_asprintf("%s/tests/domainerrors", vc_corpus_srcdir());
    vc_strlist names = { 0 };
    vc_error err = { 0 };
    err_case *c;
    int failed;

    if (vc_corpus_list(dir, ".xml", &names, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        printf("domain-errors: 0 passed, 1 failed\n");
        free(dir);
        return 1;
    }
    for (size_t i = 0; i < names.n; i++) {
        c = VC_NEW(err_case);
        c->name = vc_strdup(names.items[i]);
        c->xml = vc_asprintf("%s/%s.xml", dir, names.items[i]);
        c->err = vc_asprintf("%s/%s.err", dir, names.items[i]);
        vc_tier_add(&tier, names.items[i], c);
    }
    c = VC_NEW(err_case);
    c->name = vc_strdup("synthetic-oversized");
    c->err = vc_asprintf("%s/synthetic-oversized.err", dir);
    vc_tier_add(&tier, c->name, c);
    failed = vc_tier_run(&tier, test_error);
    vc_tier_free(&tier, err_case_free);
    vc_strlist_free(&names);
    free(dir);
    return failed ? 1 : 0;
}
