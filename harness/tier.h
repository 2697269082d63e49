/* tier.h: running one data-driven tier as a cmocka group.
 *
 * A tier is a list of cases found on disk; each becomes a cmocka test
 * whose state is the case.  Every case ends with one outcome
 * (outcome.h); after the group, one summary line:
 *     TIER: N passed, M failed[, K skipped][, X xfail]
 * or, when its corpus is absent:
 *     TIER: skipped (REASON)
 * Set by harness/run-tests, VC_TEST_TAP names a file the TAP lines are
 * appended to and VC_TEST_JUNIT a prefix for one JUnit file a tier
 * (PREFIX + TIER + ".xml").  VC_TEST_FILTER=GLOB runs only the cases
 * whose NAME or TIER/NAME matches; the rest are not run and not
 * counted. */
#ifndef VC_HARNESS_TIER_H
#define VC_HARNESS_TIER_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>

#include "util/strutil.h"
#include "outcome.h"

typedef struct vc_tier_case {
    char *name;      /* test name shown by cmocka */
    void *data;      /* the case, owned by the caller */
    bool xfail;      /* known to fail (see vc_tier_load_xfail) */
    char *why;       /* the xfail list's reason, or NULL */
    char *skip;      /* non-NULL: not run, skipped for this reason */
    vc_outcome outcome; /* set by vc_tier_run */
    CMUnitTestFunction fn;
} vc_tier_case;

typedef struct vc_tier {
    const char *name;
    vc_tier_case *cases;
    size_t n;
    size_t cap;
} vc_tier;

/* One test of a group: cmocka's, and what is known before it runs. */
typedef struct vc_unit {
    struct CMUnitTest test;
    bool xfail;
    const char *reason; /* why it is expected to fail, or NULL */
    const char *skip;   /* non-NULL: not run, skipped for this reason */
} vc_unit;

void vc_tier_add(vc_tier *t, const char *name, void *data);

/* A case the host cannot run: counted, and reported (summary, TAP,
 * JUnit) as skipped for @reason; it has no data. */
void vc_tier_add_skipped(vc_tier *t, const char *name, const char *reason);

/* Mark the cases named in @path as expected failures.  The file holds
 * "NAME<TAB>why" lines (# comments); a listed case that fails counts as
 * "xfail", one that passes is a failure ("unexpected pass": take it off
 * the list), and a listed name with no case is an error.  A missing
 * file marks nothing. */
int vc_tier_load_xfail(vc_tier *t, const char *path);

/* Run every case through @fn (state: the vc_tier_case), report it;
 * return the number that failed (expected failures excluded,
 * unexpected passes included). */
int vc_tier_run(vc_tier *t, CMUnitTestFunction fn);

/* Run a plain cmocka group the same way: each test on its own, so that
 * its outcome is known, with the group's state when @setup gives one. */
int vc_group_run(const char *tier, const struct CMUnitTest *tests, size_t n,
                 CMFixtureFunction setup, CMFixtureFunction teardown);

/* The common runner under both; each unit's outcome goes to @out
 * (n of them) unless it is NULL. */
int vc_units_run(const char *tier, const vc_unit *units, size_t n, vc_outcome *out);

/* A tier not run at all: its line, and a trace in TAP and JUnit. */
void vc_tier_skip(const char *tier, const char *reason);

/* A reference tier whose corpus is absent: skipped, naming the path
 * tried, or with VC_TEST_REQUIRE_REFERENCE=1 (CI, which has it) one
 * failure naming it.  Returns the number of failures (0 or 1). */
int vc_tier_no_reference(const char *tier);

void vc_tier_free(vc_tier *t, void (*free_data)(void *));

#endif
