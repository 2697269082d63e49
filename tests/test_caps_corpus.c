/* test_caps_corpus.c: the capability detector over recorded QEMU output.
 *
 * Tier "help": every qemuhelpdata/NAME.help (with NAME.device when
 * present) must produce NAME.expect exactly (REGENERATE=1 rewrites it).
 * Tier "help-reference": every qemuhelp/NAME.help of the reference
 * corpus must produce its NAME.expect, comparing the canonical flags as a
 * set (project-added flags are not part of that corpus).
 */
#include "corpus.h"
#include "expect.h"
#include "test_args.h"
#include "tier.h"
#include "caps/caps.h"
#include "util/alloc.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct caps_case {
    char *help;
    char *device;   /* NULL when the recording has none */
    char *expect;
    bool reference;
} caps_case;

static void caps_case_free(void *p)
{
    caps_case *c = p;
    free(c->help);
    free(c->device);
    free(c->expect);
    free(c);
}

static void test_caps_case(void **state)
{
    caps_case *c = ((vc_tier_case *)*state)->data;
    vc_error err = { 0 };
    vc_caps caps, want;
    char *actual = NULL, *expected = NULL, *wanted = NULL;
    int rc;

    vc_caps_init(&caps);
    if (vc_caps_from_files(&caps, c->help, c->device, &err) < 0)
        fail_msg("%s", err.msg);
    actual = vc_caps_format(&caps, c->reference);

    if (!c->reference) {
        rc = vc_expect_file(c->expect, actual);
    } else {
        if (vc_file_read(c->expect, VC_FILE_MAX_DEFAULT, &expected, NULL, &err) < 0 ||
            vc_caps_parse_report(&want, expected, c->expect, &err) < 0) {
            free(actual);
            free(expected);
            fail_msg("%s", err.msg);
        }
        wanted = vc_caps_format(&want, true);
        rc = vc_expect_text(c->expect, wanted, actual);
    }
    free(actual);
    free(expected);
    free(wanted);
    if (rc < 0)
        fail_msg("capabilities differ from %s", c->expect);
}

static int run_dir(const char *tier_name, const char *dir, bool reference)
{
    vc_tier tier = { .name = tier_name };
    vc_strlist names = { 0 };
    vc_error err = { 0 };
    int failed;

    if (vc_corpus_list(dir, ".help", &names, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        printf("%s: 0 passed, 1 failed\n", tier_name);
        return 1;
    }
    for (size_t i = 0; i < names.n; i++) {
        caps_case *c = VC_NEW(caps_case);
        c->help = vc_asprintf("%s/%s.help", dir, names.items[i]);
        c->device = vc_asprintf("%s/%s.device", dir, names.items[i]);
        if (!vc_path_exists(c->device))
            VC_FREE(c->device);
        c->expect = vc_asprintf("%s/%s.expect", dir, names.items[i]);
        c->reference = reference;
        vc_tier_add(&tier, names.items[i], c);
    }
    failed = vc_tier_run(&tier, test_caps_case);
    vc_tier_free(&tier, caps_case_free);
    vc_strlist_free(&names);
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
    char *dir = vc_asprintf("%s/qemuhelpdata", vc_corpus_srcdir());
    char *ref = vc_corpus_refdir();
    int failed = run_dir("help", dir, false);

    if (ref) {
        char *refhelp = vc_asprintf("%s/qemuhelp", ref);
        failed += run_dir("help-reference", refhelp, true);
        free(refhelp);
    } else {
        failed += vc_tier_no_reference("help-reference");
    }
    free(dir);
    free(ref);
    return failed ? 1 : 0;
}
