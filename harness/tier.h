/* tier.h: running one data-driven tier as a cmocka group.
 *
 * A tier is a list of cases found on disk; each becomes a cmocka test
 * whose state is the case.  After the group, one summary line:
 *     TIER: N passed, M failed
 * (a tier that skips some checks adds ", K skipped"), or, when its
 * corpus is absent:
 *     TIER: skipped (REASON)
 */
#ifndef VC_HARNESS_TIER_H
#define VC_HARNESS_TIER_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>

#include "util/strutil.h"

typedef struct vc_tier_case {
    char *name;      /* test name shown by cmocka */
    void *data;      /* the case, owned by the caller */
    bool xfail;      /* known to fail (see vc_tier_load_xfail) */
    bool passed;     /* set by the runner when the test returns */
    CMUnitTestFunction fn;
} vc_tier_case;

typedef struct vc_tier {
    const char *name;
    vc_tier_case *cases;
    size_t n;
    size_t cap;
} vc_tier;

void vc_tier_add(vc_tier *t, const char *name, void *data);

/* Mark the cases named in @path as expected failures.  The file holds
 * "NAME<TAB>why" lines (# comments); a listed case that fails counts as
 * "xfail", one that passes is a failure ("unexpected pass": take it off
 * the list), and a listed name with no case is an error.  A missing
 * file marks nothing. */
int vc_tier_load_xfail(vc_tier *t, const char *path);

/* Run every case through @fn (state: the vc_tier_case); print the
 * summary "TIER: N passed, M failed[, K xfail]"; return the number that
 * failed (expected failures excluded, unexpected passes included). */
int vc_tier_run(vc_tier *t, CMUnitTestFunction fn);

void vc_tier_skip(const char *tier, const char *reason);

void vc_tier_free(vc_tier *t, void (*free_data)(void *));

#endif
