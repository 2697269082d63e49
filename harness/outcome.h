/* outcome.h: what became of each case of a tier, and how each report
 * format says it.
 *
 * One table (outcome.c) maps every outcome to the summary line, TAP and
 * JUnit, so that the formats cannot disagree about a verdict:
 *     outcome          summary   TAP                       JUnit
 *     pass             passed    ok                        <testcase/>
 *     fail             failed    not ok                    <failure>
 *     expected-fail    xfail     not ok # TODO reason      <skipped> reason
 *     unexpected-pass  failed    not ok (unexpected pass)  <failure>
 *     skip             skipped   ok # SKIP reason          <skipped> reason
 *     not-run          (none)    (none)                    (none)
 * Not-run is a case left out by VC_TEST_FILTER: it counts nowhere. */
#ifndef VC_HARNESS_OUTCOME_H
#define VC_HARNESS_OUTCOME_H

#include <stddef.h>

#include "util/buf.h"

typedef enum {
    VC_OUTCOME_PASS,
    VC_OUTCOME_FAIL,
    VC_OUTCOME_XFAIL,
    VC_OUTCOME_XPASS,
    VC_OUTCOME_SKIP,
    VC_OUTCOME_NOT_RUN,
    VC_OUTCOME_COUNT
} vc_outcome;

typedef struct vc_result {
    const char *name;
    vc_outcome outcome;
    const char *reason; /* why skipped or expected to fail; may be NULL */
} vc_result;

/* "TIER: N passed, M failed[, K skipped][, X xfail]\n" */
void vc_outcome_summary(vc_buf *b, const char *tier, const vc_result *r, size_t n);

/* TAP test lines, unnumbered ("ok - TIER/NAME ..."): a program's tiers
 * append to one stream, and harness/run-tests closes it with the plan. */
void vc_outcome_tap(vc_buf *b, const char *tier, const vc_result *r, size_t n);

/* One JUnit document: a <testsuite> named @tier. */
void vc_outcome_junit(vc_buf *b, const char *tier, const vc_result *r, size_t n);

/* The same for a tier skipped whole (its corpus absent): a TAP comment
 * run-tests turns into a skip, and a suite holding one skipped case. */
void vc_outcome_tap_skip(vc_buf *b, const char *tier, const char *reason);
void vc_outcome_junit_skip(vc_buf *b, const char *tier, const char *reason);

/* Whether @r counts against the tier (fail, unexpected pass). */
int vc_outcome_failed(const vc_result *r, size_t n);

#endif
