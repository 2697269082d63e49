/* test_outcome.c: the harness's own verdicts (harness/outcome.c,
 * harness/tier.c).  Each outcome is checked in every format, exactly,
 * so that a wrong mapping (an expected failure shown as a failure, an
 * unexpected pass as a pass, a filtered case counted) fails here; then a
 * planted group is run for real in a child, and its TAP and JUnit read
 * back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_args.h"
#include "tier.h"
#include "outcome.h"
#include "diff.h"
#include "util/alloc.h"
#include "util/file.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/parser.h>

/* one case of each outcome */
static const vc_result every[] = {
    { "p", VC_OUTCOME_PASS, NULL },
    { "f", VC_OUTCOME_FAIL, NULL },
    { "x", VC_OUTCOME_XFAIL, "bug 7" },
    { "u", VC_OUTCOME_XPASS, "bug 8" },
    { "s", VC_OUTCOME_SKIP, "no /dev/kvm" },
    { "n", VC_OUTCOME_NOT_RUN, NULL },
};
#define N_EVERY (sizeof(every) / sizeof(every[0]))

static void test_summary(void **state)
{
    vc_buf b = VC_BUF_INIT;

    (void)state;
    vc_outcome_summary(&b, "t", every, N_EVERY);
    /* the unexpected pass is a failure; the filtered case is nowhere */
    assert_string_equal(vc_buf_str(&b), "t: 1 passed, 2 failed, 1 skipped, 1 xfail\n");
    assert_int_equal(vc_outcome_failed(every, N_EVERY), 2);
    vc_buf_reset(&b);
    vc_outcome_summary(&b, "t", every, 1);
    assert_string_equal(vc_buf_str(&b), "t: 1 passed, 0 failed\n");
    vc_buf_free(&b);
}

static void test_tap(void **state)
{
    vc_buf b = VC_BUF_INIT;

    (void)state;
    vc_outcome_tap(&b, "t", every, N_EVERY);
    assert_string_equal(vc_buf_str(&b),
                        "ok - t/p\n"
                        "not ok - t/f\n"
                        "not ok - t/x # TODO expected failure: bug 7\n"
                        "not ok - t/u (unexpected pass: take it off the xfail list)\n"
                        "ok - t/s # SKIP no /dev/kvm\n");
    vc_buf_reset(&b);
    /* a '#' in a name would start a directive */
    vc_outcome_tap(&b, "t", (vc_result[]){ { "a#b # SKIP", VC_OUTCOME_FAIL, NULL } }, 1);
    assert_string_equal(vc_buf_str(&b), "not ok - t/a_b _ SKIP\n");
    vc_buf_reset(&b);
    vc_outcome_tap_skip(&b, "t", "corpus not found at /x");
    assert_string_equal(vc_buf_str(&b), "# tier skipped: t: corpus not found at /x\n");
    vc_buf_free(&b);
}

static void test_junit(void **state)
{
    vc_buf b = VC_BUF_INIT;

    (void)state;
    vc_outcome_junit(&b, "t", every, N_EVERY);
    assert_string_equal(vc_buf_str(&b),
        "<?xml version='1.0' encoding='UTF-8'?>\n<testsuites>\n"
        "<testsuite name='t' tests='5' failures='2' errors='0' skipped='2'>\n"
        "<testcase classname='t' name='p'/>\n"
        "<testcase classname='t' name='f'><failure message='failed'/></testcase>\n"
        "<testcase classname='t' name='x'><skipped message='expected failure: bug 7'/></testcase>\n"
        "<testcase classname='t' name='u'><failure message='unexpected pass: take it off "
        "the xfail list: bug 8'/></testcase>\n"
        "<testcase classname='t' name='s'><skipped message='skipped: no /dev/kvm'/></testcase>\n"
        "</testsuite>\n</testsuites>\n");
    vc_buf_reset(&b);
    vc_outcome_junit_skip(&b, "t", "a<b");
    assert_string_equal(vc_buf_str(&b),
        "<?xml version='1.0' encoding='UTF-8'?>\n<testsuites>\n"
        "<testsuite name='t' tests='1' failures='0' errors='0' skipped='1'>\n"
        "<testcase classname='t' name='t'><skipped message='tier skipped: a&lt;b'/></testcase>\n"
        "</testsuite>\n</testsuites>\n");
    vc_buf_free(&b);
}

/* ---- a planted group, run for real --------------------------------- */

static void plant_pass(void **state) { (void)state; }
static void plant_fail(void **state) { (void)state; fail_msg("planted failure"); }

static const vc_unit planted[] = {
    { .test = { .name = "pass", .test_func = plant_pass } },
    { .test = { .name = "fail", .test_func = plant_fail } },
    { .test = { .name = "xfail", .test_func = plant_fail }, .xfail = true, .reason = "known" },
    { .test = { .name = "xpass", .test_func = plant_pass }, .xfail = true, .reason = "fixed" },
    { .test = { .name = "skip", .test_func = plant_fail }, .skip = "not here" },
    { .test = { .name = "gone", .test_func = plant_fail } },
};

/* A run of @body in a child, its output to /dev/null (its summary line
 * is not this program's), and the TAP and JUnit it wrote for @tier. */
typedef struct child_run {
    int rc;      /* the child's exit status; -1: it did not end well */
    char *tap;
    char *junit;
} child_run;

static void child_run_do(child_run *c, const char *tier, int (*body)(void))
{
    char dir[] = "/tmp/vc-outcome-XXXXXX";
    vc_error err = { 0 };
    char *tap, *prefix, *junit;
    pid_t pid;
    int st;

    *c = (child_run){ -1, NULL, NULL };
    if (!mkdtemp(dir))
        return;
    tap = vc_asprintf("%s/p.tap", dir);
    prefix = vc_asprintf("%s/p-", dir);
    junit = vc_asprintf("%s%s.xml", prefix, tier);
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY), rc;

        dup2(null, 1);
        dup2(null, 2);
        setenv("VC_TEST_TAP", tap, 1);
        setenv("VC_TEST_JUNIT", prefix, 1);
        rc = body();
        /* the child owns copies too: free them, for memcheck */
        free(tap);
        free(prefix);
        free(junit);
        _exit(rc);
    }
    if (pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
        vc_file_read(tap, VC_FILE_MAX_DEFAULT, &c->tap, NULL, &err) == 0 &&
        vc_file_read(junit, VC_FILE_MAX_DEFAULT, &c->junit, NULL, &err) == 0)
        c->rc = WEXITSTATUS(st);
    unlink(tap);
    unlink(junit);
    rmdir(dir);
    free(tap);
    free(prefix);
    free(junit);
}

static void child_run_free(child_run *c)
{
    free(c->tap);
    free(c->junit);
}

static int run_planted(void)
{
    /* every case but "gone" */
    setenv("VC_TEST_FILTER", "planted/[!g]*", 1);
    return vc_units_run("planted", planted, sizeof(planted) / sizeof(planted[0]), NULL);
}

static int planted_setup(void **state)
{
    child_run *c = vc_calloc(1, sizeof(*c));

    child_run_do(c, "planted", run_planted);
    *state = c;
    return 0;
}

static int planted_teardown(void **state)
{
    child_run_free(*state);
    free(*state);
    return 0;
}

static void test_planted(void **state)
{
    child_run *p = *state;
    xmlDocPtr doc;

    /* fail and the unexpected pass */
    assert_int_equal(p->rc, 2);
    assert_string_equal(p->tap,
                        "ok - planted/pass\n"
                        "not ok - planted/fail\n"
                        "not ok - planted/xfail # TODO expected failure: known\n"
                        "not ok - planted/xpass (unexpected pass: take it off the xfail list)\n"
                        "ok - planted/skip # SKIP not here\n");
    assert_non_null(strstr(p->junit, "tests='5' failures='2' errors='0' skipped='2'"));
    assert_non_null(strstr(p->junit, "name='xfail'><skipped message='expected failure: known'"));
    assert_non_null(strstr(p->junit, "name='xpass'><failure "));
    assert_null(strstr(p->junit, "gone"));
    /* and a JUnit reader takes it */
    doc = xmlReadMemory(p->junit, (int)strlen(p->junit), "junit.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlFreeDoc(doc);
}

static int run_empty(void)
{
    vc_tier t = { .name = "e" };

    return vc_tier_run(&t, NULL);
}

/* a tier that found no case fails, and says so in TAP and JUnit too */
static void test_empty_tier(void **state)
{
    child_run c;

    (void)state;
    child_run_do(&c, "e", run_empty);
    assert_int_equal(c.rc, 1);
    assert_string_equal(c.tap, "not ok - e/no-cases\n");
    assert_non_null(strstr(c.junit, "<failure message='failed: no cases found'/>"));
    child_run_free(&c);
}

/* VC_TEST_DEBUG: no diff, trimmed, whole */
static void test_debug_levels(void **state)
{
    vc_buf a = VC_BUF_INIT, b = VC_BUF_INIT;
    char *d, *s;
    size_t n, lines = 0;

    (void)state;
    for (int i = 0; i < 100; i++) {
        vc_buf_addf(&a, "line %d\n", i);
        vc_buf_addf(&b, "line %d%s\n", i, i % 2 ? "" : " changed");
    }
    d = vc_diff_unified("want", vc_buf_str(&a), "got", vc_buf_str(&b));
    assert_non_null(d);
    setenv("VC_TEST_DEBUG", "2", 1);
    s = vc_diff_shown(d);
    assert_string_equal(s, d);
    free(s);
    setenv("VC_TEST_DEBUG", "0", 1);
    s = vc_diff_shown(d);
    assert_string_equal(s, "--- want\n+++ got\n(differs: VC_TEST_DEBUG=1 shows the diff)\n");
    free(s);
    unsetenv("VC_TEST_DEBUG");
    s = vc_diff_shown(d);
    /* the diff's first VC_DIFF_TRIM lines, then one remark */
    n = strstr(s, "\n... ") - s + 1;
    assert_int_equal(strncmp(s, d, n), 0);
    for (size_t i = 0; i < n; i++)
        lines += s[i] == '\n';
    assert_int_equal(lines, VC_DIFF_TRIM);
    assert_non_null(strstr(s + n, "more lines (VC_TEST_DEBUG=2 shows the whole diff)\n"));
    free(s);
    free(d);
    vc_buf_free(&a);
    vc_buf_free(&b);
}

static int no_reference(void)
{
    setenv("VC_REFDIR", "/nonexistent/vc-ref", 1);
    return vc_tier_no_reference("r");
}

static int reference_required(void)
{
    setenv("VC_TEST_REQUIRE_REFERENCE", "1", 1);
    return no_reference();
}

/* a missing corpus is a skip that names the path tried, or under
 * VC_TEST_REQUIRE_REFERENCE=1 a failure naming it */
static void test_no_reference(void **state)
{
    child_run c;

    (void)state;
    unsetenv("VC_TEST_REQUIRE_REFERENCE");
    child_run_do(&c, "r", no_reference);
    assert_int_equal(c.rc, 0);
    assert_string_equal(c.tap, "# tier skipped: r: reference corpus not found at /nonexistent/vc-ref\n");
    assert_non_null(strstr(c.junit, "<skipped message='tier skipped: reference corpus not found "
                                    "at /nonexistent/vc-ref'/>"));
    child_run_free(&c);
    child_run_do(&c, "r", reference_required);
    assert_int_equal(c.rc, 1);
    assert_string_equal(c.tap, "not ok - r/r\n");
    assert_non_null(strstr(c.junit, "<failure message='failed: reference corpus not found at "
                                    "/nonexistent/vc-ref'/>"));
    child_run_free(&c);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_tap),
        cmocka_unit_test(test_junit),
        cmocka_unit_test(test_planted),
        cmocka_unit_test(test_no_reference),
        cmocka_unit_test(test_debug_levels),
        cmocka_unit_test(test_empty_tier),
    };
    size_t n = sizeof(tests) / sizeof(tests[0]);
    int failed = vc_group_run("outcome", tests, n, planted_setup, planted_teardown);

    xmlCleanupParser();
    return failed ? 1 : 0;
}
