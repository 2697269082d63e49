#include "tier.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>

void vc_tier_add(vc_tier *t, const char *name, void *data)
{
    vc_grow(&t->cases, &t->cap, t->n + 1, sizeof(*t->cases));
    t->cases[t->n].name = vc_strdup(name);
    t->cases[t->n].data = data;
    t->n++;
}

int vc_tier_run(vc_tier *t, CMUnitTestFunction fn)
{
    struct CMUnitTest *tests = vc_calloc(t->n, sizeof(*tests));
    int failed;

    for (size_t i = 0; i < t->n; i++) {
        tests[i].name = t->cases[i].name;
        tests[i].test_func = fn;
        tests[i].initial_state = &t->cases[i];
    }
    if (t->n == 0) {
        printf("%s: 0 passed, 1 failed (no cases found)\n", t->name);
        free(tests);
        return 1;
    }
    failed = _cmocka_run_group_tests(t->name, tests, t->n, NULL, NULL);
    fflush(stderr);
    printf("%s: %zu passed, %d failed\n", t->name, t->n - (size_t)failed, failed);
    fflush(stdout);
    free(tests);
    return failed;
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
