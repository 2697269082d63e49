/* test_cli.c: build/virtconform as a user runs it.
 *
 * A case is tests/cli/NAME.args (one argument per line; run from the
 * source directory) and NAME.expect:
 *     exit N
 *     --- stdout
 *     ...
 *     --- stderr
 *     ...
 * REGENERATE=1 rewrites NAME.expect.  Every error case must print
 * exactly one line on stderr.  An optional NAME.setup lists what to make
 * in a scratch directory first, a FIFO or a socket (harness/scratch.h);
 * the arguments and the expectation call that directory @TMP@.  A run
 * that hangs is killed (harness/spawn.h) and fails its case.
 */
#include "corpus.h"
#include "expect.h"
#include "scratch.h"
#include "spawn.h"
#include "test_args.h"
#include "tier.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cli_case {
    char *args;
    char *expect;
    char *setup;    /* NULL: the case makes nothing */
} cli_case;

/* A started QEMU gets this process's environment (libvirt's pass-through
 * list), which differs from machine to machine and under valgrind: the
 * expectation names PATH and HOME @PATH@ and @HOME@ where they hold this
 * process's values, and leaves out the rest of the list.  A test
 * profile's own values stay. */
static char *mask_env(char *text)
{
    enum { MASK, DROP, DROP_ANY };
    static const struct { const char *name; int how; } vars[] = {
        { "PATH", MASK }, { "HOME", MASK }, { "USER", DROP }, { "LOGNAME", DROP },
        /* valgrind gives the child another LD_PRELOAD than ours */
        { "LD_PRELOAD", DROP_ANY }, { "LD_LIBRARY_PATH", DROP_ANY }, { "TMPDIR", DROP_ANY },
    };

    for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
        const char *value = getenv(vars[i].name);
        char *key = vars[i].how == DROP_ANY ? vc_asprintf("%s=", vars[i].name)
                                            : vc_asprintf("%s=%s ", vars[i].name, value ? value : "");
        char *at = NULL, *end, *next, *masked;

        /* the assignment is a word: after a space, or at the start of a
         * line of a wrapped command (argv --wrap) */
        for (char *p = text; (vars[i].how == DROP_ANY || value) && (p = strstr(p, key)); p++)
            if (p > text && (p[-1] == ' ' || p[-1] == '\n')) {
                at = p;
                break;
            }
        free(key);
        if (!at || !(end = strchr(at, ' ')))
            continue;
        /* the word and what separates it from the next one */
        next = end + 1;
        if (strncmp(next, "\\\n", 2) == 0)
            next += 2;
        masked = vars[i].how == MASK
            ? vc_asprintf("%.*s%s=@%s@%s", (int)(at - text), text, vars[i].name,
                          vars[i].name, end)
            : vc_asprintf("%.*s%s", (int)(at - text), text, next);
        free(text);
        text = masked;
    }
    return text;
}

static void cli_case_free(void *p)
{
    cli_case *c = p;
    free(c->args);
    free(c->expect);
    free(c->setup);
    free(c);
}

static void test_cli_case(void **state)
{
    cli_case *c = ((vc_tier_case *)*state)->data;
    vc_error err = { 0 };
    vc_spawn_result res = { 0 };
    vc_scratch scratch = { 0 };
    vc_strlist argv = { 0 };
    vc_buf actual = VC_BUF_INIT;
    char *text = NULL, *line, *save = NULL, *out, *errout;
    const char *cli = vc_corpus_cli();
    size_t nlines = 0;
    int rc;

    if (c->setup && vc_scratch_make(&scratch, c->setup, &err) < 0)
        fail_msg("%s", err.msg);
    if (vc_file_read(c->args, VC_FILE_MAX_DEFAULT, &text, NULL, &err) < 0) {
        vc_scratch_remove(&scratch);
        fail_msg("%s", err.msg);
    }
    vc_strlist_add(&argv, cli);
    for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        vc_strlist_take(&argv, vc_scratch_expand(&scratch, line));
    free(text);

    rc = vc_spawn(vc_corpus_srcdir(), argv.items, &res, &err);
    vc_strlist_free(&argv);
    if (rc < 0) {
        vc_scratch_remove(&scratch);
        fail_msg("%s", err.msg);
    }
    out = mask_env(vc_scratch_mask(&scratch, res.out));
    errout = vc_scratch_mask(&scratch, res.err);
    vc_scratch_remove(&scratch);
    vc_buf_addf(&actual, "exit %d\n--- stdout\n%s--- stderr\n%s", res.status, out, errout);
    for (const char *p = errout; *p; p++)
        nlines += *p == '\n';
    free(out);
    free(errout);
    rc = vc_expect_file(c->expect, vc_buf_str(&actual));
    vc_buf_free(&actual);
    if (res.status != 0 && nlines != 1) {
        vc_spawn_result_free(&res);
        fail_msg("failing command printed %zu lines on stderr, not one", nlines);
    }
    vc_spawn_result_free(&res);
    if (rc < 0)
        fail_msg("output differs from %s", c->expect);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    char *dir = vc_asprintf("%s/tests/cli", vc_corpus_srcdir());
    vc_tier tier = { .name = "cli" };
    vc_strlist names = { 0 };
    vc_error err = { 0 };
    int failed;

    if (vc_corpus_list(dir, ".args", &names, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        free(dir);
        return 1;
    }
    for (size_t i = 0; i < names.n; i++) {
        cli_case *c = VC_NEW(cli_case);
        c->args = vc_asprintf("%s/%s.args", dir, names.items[i]);
        c->expect = vc_asprintf("%s/%s.expect", dir, names.items[i]);
        c->setup = vc_asprintf("%s/%s.setup", dir, names.items[i]);
        if (!vc_path_exists(c->setup))
            VC_FREE(c->setup);
        vc_tier_add(&tier, names.items[i], c);
    }
    failed = vc_tier_run(&tier, test_cli_case);
    vc_tier_free(&tier, cli_case_free);
    vc_strlist_free(&names);
    free(dir);
    return failed ? 1 : 0;
}
