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

#include "tier.h"
#include "outcome.h"
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

typedef struct planted_run {
    char dir[64];
    int failed;    /* what vc_units_run returned */
    char *tap;
    char *junit;
} planted_run;

static int planted_setup(void **state)
{
    planted_run *p = vc_calloc(1, sizeof(*p));
    vc_error err = { 0 };
    char *tap, *junit;
    pid_t pid;
    int st;

    snprintf(p->dir, sizeof(p->dir), "/tmp/vc-outcome-XXXXXX");
    if (!mkdtemp(p->dir))
        return -1;
    tap = vc_asprintf("%s/p.tap", p->dir);
    junit = vc_asprintf("%s/p-", p->dir);
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);

        /* its summary line is not this program's */
        dup2(null, 1);
        dup2(null, 2);
        setenv("VC_TEST_TAP", tap, 1);
        setenv("VC_TEST_JUNIT", junit, 1);
        /* every case but "gone" */
        setenv("VC_TEST_FILTER", "planted/[!g]*", 1);
        _exit(vc_units_run("planted", planted, sizeof(planted) / sizeof(planted[0])));
    }
    free(junit);
    junit = vc_asprintf("%s/p-planted.xml", p->dir);
    if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) ||
        vc_file_read(tap, VC_FILE_MAX_DEFAULT, &p->tap, NULL, &err) < 0 ||
        vc_file_read(junit, VC_FILE_MAX_DEFAULT, &p->junit, NULL, &err) < 0)
        p->failed = -1;
    else
        p->failed = WEXITSTATUS(st);
    unlink(tap);
    unlink(junit);
    rmdir(p->dir);
    free(tap);
    free(junit);
    *state = p;
    return 0;
}

static int planted_teardown(void **state)
{
    planted_run *p = *state;

    free(p->tap);
    free(p->junit);
    free(p);
    return 0;
}

static void test_planted(void **state)
{
    planted_run *p = *state;
    xmlDocPtr doc;

    /* fail and the unexpected pass */
    assert_int_equal(p->failed, 2);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_tap),
        cmocka_unit_test(test_junit),
        cmocka_unit_test(test_planted),
    };
    size_t n = sizeof(tests) / sizeof(tests[0]);
    int failed = vc_group_run("outcome", tests, n, planted_setup, planted_teardown);

    xmlCleanupParser();
    return failed ? 1 : 0;
}
