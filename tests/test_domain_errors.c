/* test_domain_errors.c: every parse-time error path of the domain
 * parser.  Tier "domain-errors": each tests/domainerrors/NAME.xml must
 * be rejected with exactly the message in NAME.err (REGENERATE=1
 * rewrites it); an accepted document fails its case.  Synthetic cases
 * (synthetic-NAME.err) feed documents too large to commit, built in
 * memory: HEAD, then FILL repeated to LEN bytes in all, then TAIL.
 */
#include "corpus.h"
#include "expect.h"
#include "test_args.h"
#include "tier.h"
#include "conf/domain.h"
#include "util/alloc.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Just past libxml2's limit on one text, attribute value, comment,
 * CDATA section or processing instruction (XML_MAX_TEXT_LENGTH), and
 * under the document's own limit: libxml2's message, not ours. */
#define PAST_TEXT_LIMIT (10000000 + 100)

static const struct synthetic {
    const char *name;
    const char *head;
    char fill;
    size_t len;
    const char *tail;
} synthetics[] = {
    { "oversized", "<domain type='qemu'><name>", 'x', VC_DOMAIN_XML_MAX + 1, "" },
    { "attribute-too-long", "<domain type='qemu' id='", '1', PAST_TEXT_LIMIT, "'/>" },
    { "comment-too-long", "<domain type='qemu'><!--", 'x', PAST_TEXT_LIMIT, "--></domain>" },
    { "cdata-too-long", "<domain type='qemu'><name><![CDATA[", 'x', PAST_TEXT_LIMIT,
      "]]></name></domain>" },
    { "pi-too-long", "<domain type='qemu'><?pi ", 'x', PAST_TEXT_LIMIT, "?></domain>" },
};

typedef struct err_case {
    char *name;
    char *xml;      /* NULL: synthesized */
    const struct synthetic *synth;
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
        const struct synthetic *y = c->synth;
        size_t tail = strlen(y->tail);

        len = y->len;
        data = vc_malloc0(len + 1);
        memset(data, y->fill, len);
        memcpy(data, y->head, strlen(y->head));
        memcpy(data + len - tail, y->tail, tail);
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

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
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
    for (size_t i = 0; i < sizeof(synthetics) / sizeof(synthetics[0]); i++) {
        c = VC_NEW(err_case);
        c->name = vc_asprintf("synthetic-%s", synthetics[i].name);
        c->synth = &synthetics[i];
        c->err = vc_asprintf("%s/%s.err", dir, c->name);
        vc_tier_add(&tier, c->name, c);
    }
    failed = vc_tier_run(&tier, test_error);
    vc_tier_free(&tier, err_case_free);
    vc_strlist_free(&names);
    free(dir);
    return failed ? 1 : 0;
}
