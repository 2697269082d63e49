/* test_json.c: tier "json", the JSON reader the live tier reads QMP's
 * replies with (harness/json.c): what QEMU writes reads back, and
 * what is not JSON is refused, never half read. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_args.h"
#include "tier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

static vc_json *parse(const char *text)
{
    vc_error err = { 0 };
    return vc_json_parse(text, strlen(text), &err);
}

static void expect_scalar(const vc_json *root, const char *path, const char *want)
{
    char *got = vc_json_scalar(vc_json_path(root, path));

    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* a reply as QEMU 7.2 writes one */
static void test_reply(void **state)
{
    vc_json *j = parse("{\"return\": [{\"io-status\": \"ok\", \"device\": \"drive-virtio-disk0\","
                       " \"inserted\": {\"ro\": false, \"cache\": {\"no-flush\": false, "
                       "\"direct\": true}, \"file\": \"/tmp/a b\\\\c\", \"bps\": 0, "
                       "\"virtual-size\": 16777216}}], \"id\": null}\n");
    const vc_json *list;

    (void)state;
    assert_non_null(j);
    list = vc_json_get(j, "return");
    assert_non_null(list);
    assert_int_equal(list->type, VC_JSON_ARRAY);
    assert_int_equal(list->n, 1);
    expect_scalar(list->items[0], "device", "drive-virtio-disk0");
    expect_scalar(list->items[0], "inserted.ro", "false");
    expect_scalar(list->items[0], "inserted.cache.direct", "true");
    expect_scalar(list->items[0], "inserted.file", "/tmp/a b\\c");
    expect_scalar(list->items[0], "inserted.virtual-size", "16777216");
    assert_null(vc_json_path(list->items[0], "inserted.nothing"));
    assert_null(vc_json_scalar(vc_json_get(j, "id")));
    vc_json_free(j);
}

static void test_escapes(void **state)
{
    vc_json *j = parse("\"\\u00e9\\ud83d\\ude00\\n\\t\\\"\\/\"");
    vc_buf b = VC_BUF_INIT;

    (void)state;
    assert_non_null(j);
    assert_string_equal(j->string, "\xc3\xa9\xf0\x9f\x98\x80\n\t\"/");
    vc_json_quote(&b, "a\"b\\c\nd");
    assert_string_equal(vc_buf_str(&b), "\"a\\\"b\\\\c\\u000ad\"");
    vc_buf_free(&b);
    vc_json_free(j);
}

static void test_take(void **state)
{
    vc_json *j = parse("{\"return\": {\"a\": 1}}"), *r;

    (void)state;
    r = vc_json_take(j, "return");
    assert_non_null(r);
    expect_scalar(r, "a", "1");
    assert_int_equal(vc_json_get(j, "return")->type, VC_JSON_NULL);
    assert_null(vc_json_take(j, "absent"));
    vc_json_free(r);
    vc_json_free(j);
}

/* each is refused whole, with an error */
static void test_refused(void **state)
{
    static const char *const bad[] = {
        "", "{", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "\"open", "\"\\x\"", "\"\\u12\"",
        "\"\\ud800\"", "\"\\u0000\"", "\"a\nb\"", "tru", "nul", "01x", "1e999", "-",
        "{} {}", "[1] x", "{1: 2}",
    };
    char deep[200];

    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        vc_error err = { 0 };
        vc_json *j = vc_json_parse(bad[i], strlen(bad[i]), &err);
        if (j)
            fail_msg("'%s' was read", bad[i]);
        assert_int_equal(err.code, VC_EXIT_INPUT);
    }
    memset(deep, '[', sizeof(deep));
    assert_null(vc_json_parse(deep, sizeof(deep), &(vc_error){ 0 }));
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
        cmocka_unit_test(test_reply),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_take),
        cmocka_unit_test(test_refused),
    };
    size_t n = sizeof(tests) / sizeof(tests[0]);
    int failed = vc_group_run("json", tests, n, NULL, NULL);

    return failed ? 1 : 0;
}
