/* test_numset.c: the number set (util/numset.c) that keeps boot orders
 * and implicit controllers linear. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_args.h"
#include "tier.h"

#include "util/numset.h"

#include <stdio.h>

static void test_empty(void **state)
{
    vc_numset s = VC_NUMSET_INIT;

    (void)state;
    assert_false(vc_numset_has(&s, 0));
    assert_false(vc_numset_has(&s, 42));
    assert_int_equal(vc_numset_count(&s), 0);
    vc_numset_free(&s);
}

/* 0 is the free-slot marker inside: it must still be a member */
static void test_zero_and_extremes(void **state)
{
    vc_numset s = VC_NUMSET_INIT;

    (void)state;
    assert_true(vc_numset_add(&s, 0));
    assert_false(vc_numset_add(&s, 0));
    assert_true(vc_numset_add(&s, UINT64_MAX));
    assert_true(vc_numset_add(&s, 1));
    assert_false(vc_numset_add(&s, UINT64_MAX));
    assert_true(vc_numset_has(&s, 0));
    assert_true(vc_numset_has(&s, UINT64_MAX));
    assert_false(vc_numset_has(&s, 2));
    assert_int_equal(vc_numset_count(&s), 3);
    vc_numset_free(&s);
    assert_false(vc_numset_has(&s, 0));
}

/* through many growths, with keys that differ only in high bits (a
 * controller's type sits above its index) */
static void test_many(void **state)
{
    vc_numset s = VC_NUMSET_INIT;
    const uint64_t n = 100000;

    (void)state;
    for (uint64_t i = 0; i < n; i++) {
        assert_true(vc_numset_add(&s, i << 32 | (i & 7)));
        assert_false(vc_numset_add(&s, i << 32 | (i & 7)));
    }
    assert_int_equal(vc_numset_count(&s), n);
    for (uint64_t i = 0; i < n; i++) {
        assert_true(vc_numset_has(&s, i << 32 | (i & 7)));
        assert_false(vc_numset_has(&s, i << 32 | ((i + 1) & 7) | 8));
    }
    vc_numset_free(&s);
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
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_zero_and_extremes),
        cmocka_unit_test(test_many),
    };
    size_t n = sizeof(tests) / sizeof(tests[0]);
    int failed = vc_group_run("numset", tests, n, NULL, NULL);

    return failed ? 1 : 0;
}
