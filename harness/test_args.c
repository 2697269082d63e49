#include "test_args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read by the harness (harness/tier.c, expect.c, diff.c, corpus.c). */
static const vc_test_knob common[] = {
    { "VC_TEST_FILTER=GLOB", "run only the cases whose NAME or TIER/NAME matches; "
                             "the others are not run and not counted" },
    { "VC_TEST_DEBUG=0|1|2", "on a mismatch: no diff, the diff trimmed (default), "
                             "or the whole diff" },
    { "VC_TEST_REGENERATE=1", "rewrite expected files that differ, printing the diff "
                              "applied (REGENERATE=1 is the same)" },
    { "VC_TEST_REQUIRE_REFERENCE=1", "a missing reference corpus fails its tiers "
                                     "instead of skipping them" },
    { "VC_REFDIR=DIR", "the reference corpus (default "
                       "$VC_SRCDIR/../shared/reference/libvirt-0.10.2)" },
    { "VC_SRCDIR=DIR", "the source tree, where the data is (default: the tree the "
                       "program was built from)" },
    { "VC_CLI=PATH", "the virtconform program the tiers run (default: the one built "
                     "with them)" },
    { "VC_TEST_TAP=FILE", "append each tier's TAP test lines to FILE (run-tests sets it "
                          "under TAP=1)" },
    { "VC_TEST_JUNIT=PREFIX", "write each tier's JUnit to PREFIX + TIER.xml (run-tests "
                              "sets it under JUNIT=1)" },
    { NULL, NULL },
};

static void list(const vc_test_knob *k)
{
    for (; k && k->name; k++)
        printf("  %-30s %s\n", k->name, k->what);
}

void vc_test_args(int argc, char **argv, const vc_test_knob *own)
{
    const char *prog = argc > 0 ? argv[0] : "test";

    if (argc <= 1)
        return;
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        printf("usage: %s\nRuns its test tiers; steered by the environment:\n", prog);
        list(common);
        if (own && own->name) {
            printf("This program's own:\n");
            list(own);
        }
        exit(0);
    }
    fprintf(stderr, "usage: %s [--help] (the tiers take the environment, not arguments)\n",
            prog);
    exit(64);
}
