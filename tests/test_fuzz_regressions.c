/* test_fuzz_regressions.c: every input that ever broke a fuzz target.
 *
 * Tier "fuzz-regressions": each file fuzz/regressions/NAME/FILE is a
 * case "NAME/FILE", run once through the target NAME (fuzz/targets.h),
 * in a buffer of its exact size.  An invariant violation fails the
 * case; under make check-asan and check-valgrind, so does anything the
 * sanitizers or memcheck report.  A folder that names no target is an
 * error, so an input never sits where nothing replays it.
 */
#include "test_args.h"
#include "tier.h"
#include "corpus.h"
#include "fuzz.h"
#include "targets.h"
#include "util/alloc.h"
#include "util/file.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

typedef struct reg_case {
    const vc_fuzz_target *target;
    char *path;
} reg_case;

static void reg_case_free(void *p)
{
    reg_case *c = p;
    free(c->path);
    free(c);
}

static void on_violation(const char *msg)
{
    fail_msg("%s", msg);
}

static void test_input(void **state)
{
    reg_case *c = ((vc_tier_case *)*state)->data;
    vc_error err = { 0 };
    char *text = NULL;
    uint8_t *data;
    size_t len = 0;

    if (vc_file_read(c->path, VC_FILE_MAX_DEFAULT, &text, &len, &err) < 0)
        fail_msg("%s", err.msg);
    data = vc_malloc0(len ? len : 1);
    memcpy(data, text, len);
    free(text);
    c->target->one(data, len);
    free(data);
}

static const vc_fuzz_target *find_target(const char *name)
{
    for (size_t i = 0; i < VC_FUZZ_NTARGETS; i++)
        if (strcmp(vc_fuzz_targets[i].name, name) == 0)
            return &vc_fuzz_targets[i];
    return NULL;
}

/* Every file of every target's folder; -1 for a folder of no target. */
static int add_cases(vc_tier *tier, const char *root)
{
    vc_strlist dirs = { 0 };
    vc_error err = { 0 };
    int ret = 0;

    if (vc_corpus_list(root, "", &dirs, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    for (size_t d = 0; ret == 0 && d < dirs.n; d++) {
        const vc_fuzz_target *t = find_target(dirs.items[d]);
        char *dir = vc_asprintf("%s/%s", root, dirs.items[d]);
        vc_strlist files = { 0 };

        if (!t) {
            fprintf(stderr, "%s: no fuzz target is named '%s'\n", dir, dirs.items[d]);
            ret = -1;
        } else if (vc_corpus_list(dir, "", &files, &err) < 0) {
            fprintf(stderr, "%s\n", err.msg);
            ret = -1;
        }
        for (size_t f = 0; ret == 0 && f < files.n; f++) {
            reg_case *c = VC_NEW(reg_case);
            char *name = vc_asprintf("%s/%s", t->name, files.items[f]);

            c->target = t;
            c->path = vc_asprintf("%s/%s", dir, files.items[f]);
            vc_tier_add(tier, name, c);
            free(name);
        }
        vc_strlist_free(&files);
        free(dir);
    }
    vc_strlist_free(&dirs);
    return ret;
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    vc_tier tier = { .name = "fuzz-regressions" };
    char *root = vc_asprintf("%s/fuzz/regressions", vc_corpus_srcdir());
    int failed;

    vc_fuzz_set_fail_hook(on_violation);
    for (size_t t = 0; t < VC_FUZZ_NTARGETS; t++) {
        int argc = 0;
        char **argv = NULL;

        vc_fuzz_targets[t].init(&argc, &argv);
    }
    if (add_cases(&tier, root) < 0) {
        printf("fuzz-regressions: 0 passed, 1 failed\n");
        failed = 1;
    } else {
        failed = vc_tier_run(&tier, test_input);
    }
    vc_tier_free(&tier, reg_case_free);
    free(root);
    xmlCleanupParser();
    return failed ? 1 : 0;
}
