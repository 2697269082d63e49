#include "tier.h"
#include "outcome.h"
#include "corpus.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"

void vc_tier_add(vc_tier *t, const char *name, void *data)
{
    vc_grow(&t->cases, &t->cap, t->n + 1, sizeof(*t->cases));
    t->cases[t->n] = (vc_tier_case){ .name = vc_strdup(name), .data = data };
    t->n++;
}

void vc_tier_add_skipped(vc_tier *t, const char *name, const char *reason)
{
    vc_tier_add(t, name, NULL);
    t->cases[t->n - 1].skip = vc_strdup(reason);
}

/* Runs the case's own test with the case as its state. */
static void run_one(void **state)
{
    vc_tier_case *c = *state;

    c->fn(state);
    *state = c;
}

static bool wanted(const char *tier, const char *name)
{
    const char *glob = getenv("VC_TEST_FILTER");
    char *full;
    bool yes;

    if (!glob || !*glob)
        return true;
    full = vc_asprintf("%s/%s", tier, name);
    yes = fnmatch(glob, name, 0) == 0 || fnmatch(glob, full, 0) == 0;
    free(full);
    return yes;
}

/* Append @text to the file named by $@var (+ @suffix), if it is set. */
static void write_report(const char *var, const char *suffix, const char *mode,
                         const char *text)
{
    const char *base = getenv(var);
    char *path;
    FILE *f;

    if (!base || !*base)
        return;
    path = vc_asprintf("%s%s", base, suffix);
    f = fopen(path, mode);
    if (!f || fputs(text, f) < 0 || fclose(f) != 0)
        printf("%s: cannot write %s\n", var, path);
    free(path);
}

static void report(const char *tier, const vc_result *res, size_t n)
{
    vc_buf b = VC_BUF_INIT;
    char *suffix = vc_asprintf("%s.xml", tier);

    vc_outcome_summary(&b, tier, res, n);
    fputs(vc_buf_str(&b), stdout);
    fflush(stdout);
    vc_buf_reset(&b);
    vc_outcome_tap(&b, tier, res, n);
    write_report("VC_TEST_TAP", "", "a", vc_buf_str(&b));
    vc_buf_reset(&b);
    vc_outcome_junit(&b, tier, res, n);
    write_report("VC_TEST_JUNIT", suffix, "w", vc_buf_str(&b));
    vc_buf_free(&b);
    free(suffix);
}

int vc_units_run(const char *tier, const vc_unit *units, size_t n, vc_outcome *out)
{
    vc_result *res = vc_calloc(n ? n : 1, sizeof(*res));
    int failed;

    for (size_t i = 0; i < n; i++) {
        const vc_unit *u = &units[i];
        vc_result *r = &res[i];

        r->name = u->test.name;
        r->reason = u->skip ? u->skip : u->reason;
        if (!wanted(tier, u->test.name)) {
            r->outcome = VC_OUTCOME_NOT_RUN;
        } else if (u->skip) {
            printf("note: %s: skipped %s (%s)\n", tier, r->name, u->skip);
            r->outcome = VC_OUTCOME_SKIP;
        } else {
            bool passed;

            /* run-tests reads this to leave the case's output out of a
             * failing program's summary: it failed as expected */
            if (u->xfail)
                printf("xfail: %s/%s (%s)\n", tier, r->name,
                       u->reason ? u->reason : "listed");
            /* one test a group: cmocka's count is then this test's verdict */
            passed = _cmocka_run_group_tests(tier, &u->test, 1, NULL, NULL) == 0;

            fflush(stderr);
            if (passed && u->xfail)
                printf("%s: %s: unexpected pass (remove it from the xfail list)\n", tier,
                       r->name);
            r->outcome = u->xfail ? (passed ? VC_OUTCOME_XPASS : VC_OUTCOME_XFAIL)
                                  : (passed ? VC_OUTCOME_PASS : VC_OUTCOME_FAIL);
        }
    }
    report(tier, res, n);
    failed = vc_outcome_failed(res, n);
    for (size_t i = 0; out && i < n; i++)
        out[i] = res[i].outcome;
    free(res);
    return failed;
}

int vc_tier_run(vc_tier *t, CMUnitTestFunction fn)
{
    vc_unit *units;
    vc_outcome *outcomes;
    int failed;

    if (t->n == 0) {
        /* an empty corpus is a failure, in every format */
        vc_result none = { "no-cases", VC_OUTCOME_FAIL, "no cases found" };

        printf("%s: no cases found\n", t->name);
        report(t->name, &none, 1);
        return 1;
    }
    units = vc_calloc(t->n, sizeof(*units));
    for (size_t i = 0; i < t->n; i++) {
        t->cases[i].fn = fn;
        units[i] = (vc_unit){ .test = { .name = t->cases[i].name, .test_func = run_one,
                                        .initial_state = &t->cases[i] },
                              .xfail = t->cases[i].xfail, .reason = t->cases[i].why,
                              .skip = t->cases[i].skip };
    }
    outcomes = vc_calloc(t->n, sizeof(*outcomes));
    failed = vc_units_run(t->name, units, t->n, outcomes);
    for (size_t i = 0; i < t->n; i++)
        t->cases[i].outcome = outcomes[i];
    free(outcomes);
    free(units);
    return failed;
}

int vc_group_run(const char *tier, const struct CMUnitTest *tests, size_t n,
                 CMFixtureFunction setup, CMFixtureFunction teardown)
{
    vc_unit *units = vc_calloc(n ? n : 1, sizeof(*units));
    void *state = NULL;
    int failed;

    if (setup && setup(&state) != 0) {
        printf("%s: the group's setup failed\n", tier);
        free(units);
        return (int)(n ? n : 1);
    }
    for (size_t i = 0; i < n; i++) {
        units[i].test = tests[i];
        /* as cmocka does: the group's state, when there is one, wins */
        if (state)
            units[i].test.initial_state = state;
    }
    failed = vc_units_run(tier, units, n, NULL);
    if (teardown && teardown(&state) != 0) {
        printf("%s: the group's teardown failed\n", tier);
        failed++;
    }
    free(units);
    return failed;
}

int vc_tier_load_xfail(vc_tier *t, const char *path)
{
    vc_error err = { 0 };
    char *text = NULL, *save = NULL;
    int bad = 0;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &text, NULL, &err) < 0)
        return 0;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        size_t n = strcspn(l, "\t ");
        const char *why = l + n + strspn(l + n, "\t ");
        bool found = false;

        if (!*l || *l == '#')
            continue;
        for (size_t i = 0; i < t->n; i++) {
            vc_tier_case *c = &t->cases[i];

            if (strlen(c->name) == n && strncmp(c->name, l, n) == 0) {
                c->xfail = true;
                free(c->why);
                c->why = *why ? vc_strdup(why) : NULL;
                found = true;
            }
        }
        if (!found) {
            printf("%s: %s lists '%.*s', which is not a case\n", t->name, path, (int)n, l);
            bad++;
        }
    }
    free(text);
    return bad;
}

void vc_tier_skip(const char *tier, const char *reason)
{
    vc_buf b = VC_BUF_INIT;
    char *suffix = vc_asprintf("%s.xml", tier);

    printf("%s: skipped (%s)\n", tier, reason);
    fflush(stdout);
    vc_outcome_tap_skip(&b, tier, reason);
    write_report("VC_TEST_TAP", "", "a", vc_buf_str(&b));
    vc_buf_reset(&b);
    vc_outcome_junit_skip(&b, tier, reason);
    write_report("VC_TEST_JUNIT", suffix, "w", vc_buf_str(&b));
    vc_buf_free(&b);
    free(suffix);
}

int vc_tier_no_reference(const char *tier)
{
    const char *req = getenv("VC_TEST_REQUIRE_REFERENCE");
    char *path = vc_corpus_refdir_tried();
    char *why = vc_asprintf("reference corpus not found at %s", path);
    bool required = req && *req && strcmp(req, "0") != 0;

    if (required) {
        vc_result r = { tier, VC_OUTCOME_FAIL, why };

        printf("%s: %s (VC_TEST_REQUIRE_REFERENCE=1)\n", tier, why);
        report(tier, &r, 1);
    } else {
        vc_tier_skip(tier, why);
    }
    free(why);
    free(path);
    return required;
}

void vc_tier_free(vc_tier *t, void (*free_data)(void *))
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->cases[i].name);
        free(t->cases[i].why);
        free(t->cases[i].skip);
        if (free_data && t->cases[i].data)
            free_data(t->cases[i].data);
    }
    free(t->cases);
    t->cases = NULL;
    t->n = t->cap = 0;
}
