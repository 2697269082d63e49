#include "tier.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"

void vc_tier_add(vc_tier *t, const char *name, void *data)
{
    vc_grow(&t->cases, &t->cap, t->n + 1, sizeof(*t->cases));
    t->cases[t->n].name = vc_strdup(name);
    t->cases[t->n].data = data;
    t->n++;
}

/* Runs the case's own test; reaching the end means it passed (a failed
 * assertion leaves through cmocka's longjmp). */
static void run_one(void **state)
{
    vc_tier_case *c = *state;

    c->fn(state);
    *state = c;
    c->passed = true;
}

int vc_tier_run(vc_tier *t, CMUnitTestFunction fn)
{
    struct CMUnitTest *tests = vc_calloc(t->n, sizeof(*tests));
    size_t passed = 0, failed = 0, xfail = 0;

    for (size_t i = 0; i < t->n; i++) {
        t->cases[i].fn = fn;
        t->cases[i].passed = false;
        tests[i].name = t->cases[i].name;
        tests[i].test_func = run_one;
        tests[i].initial_state = &t->cases[i];
    }
    if (t->n == 0) {
        printf("%s: 0 passed, 1 failed (no cases found)\n", t->name);
        free(tests);
        return 1;
    }
    _cmocka_run_group_tests(t->name, tests, t->n, NULL, NULL);
    fflush(stderr);
    for (size_t i = 0; i < t->n; i++) {
        vc_tier_case *c = &t->cases[i];
        if (c->passed && c->xfail) {
            printf("%s: %s: unexpected pass (remove it from the xfail list)\n",
                   t->name, c->name);
            failed++;
        } else if (c->passed) {
            passed++;
        } else if (c->xfail) {
            xfail++;
        } else {
            failed++;
        }
    }
    if (xfail)
        printf("%s: %zu passed, %zu failed, %zu xfail\n", t->name, passed, failed, xfail);
    else
        printf("%s: %zu passed, %zu failed\n", t->name, passed, failed);
    fflush(stdout);
    free(tests);
    return (int)failed;
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
        bool found = false;

        if (!*l || *l == '#')
            continue;
        for (size_t i = 0; i < t->n; i++) {
            if (strlen(t->cases[i].name) == n && strncmp(t->cases[i].name, l, n) == 0) {
                t->cases[i].xfail = true;
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
    printf("%s: skipped (%s)\n", tier, reason);
    fflush(stdout);
}

void vc_tier_free(vc_tier *t, void (*free_data)(void *))
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->cases[i].name);
        if (free_data)
            free_data(t->cases[i].data);
    }
    free(t->cases);
    t->cases = NULL;
    t->n = t->cap = 0;
}
