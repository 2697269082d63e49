/* test_qemu_config.c: the driver configuration (qemu.conf keys).
 *
 * Tier "qemu-conf": every tests/qemuconf/NAME.conf is loaded and the
 * result (each key that differs from the defaults, or the one-line
 * error) compared with NAME.expect (REGENERATE=1 rewrites it).  Unit
 * tests cover --set.
 */
#include "corpus.h"
#include "expect.h"
#include "test_args.h"
#include "tier.h"
#include "qemu/qemu_config.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct conf_case {
    char *conf;
    char *expect;
} conf_case;

static void conf_case_free(void *p)
{
    conf_case *c = p;
    free(c->conf);
    free(c->expect);
    free(c);
}

static void dump_str(vc_buf *b, const char *key, const char *v, const char *def)
{
    if (!v != !def || (v && strcmp(v, def) != 0))
        vc_buf_addf(b, "%s = %s\n", key, v ? v : "(unset)");
}

static void dump_bool(vc_buf *b, const char *key, bool v, bool def)
{
    if (v != def)
        vc_buf_addf(b, "%s = %d\n", key, v);
}

/* The settings a command line depends on, where they differ from the
 * defaults. */
static char *dump(const vc_qemu_config *c)
{
    vc_qemu_config d;
    vc_buf b = VC_BUF_INIT;

    vc_qemu_config_init(&d);
    vc_qemu_config_finish(&d);
#define S(k) dump_str(&b, #k, c->k, d.k)
#define B(k) dump_bool(&b, #k, c->k, d.k)
    S(vnc_listen); B(vnc_auto_unix_socket); B(vnc_tls); S(vnc_tls_x509_cert_dir);
    B(vnc_tls_x509_verify); S(vnc_password); B(vnc_sasl); S(vnc_sasl_dir);
    B(vnc_allow_host_audio); S(spice_listen); B(spice_tls);
    S(spice_tls_x509_cert_dir); S(spice_password); B(nographics_allow_host_audio);
    S(hugetlbfs_mount); S(hugepage_path); S(state_dir); B(set_process_name);
    S(user); S(group); S(security_driver);
#undef S
#undef B
    if (c->max_processes != d.max_processes)
        vc_buf_addf(&b, "max_processes = %d\n", c->max_processes);
    vc_qemu_config_free(&d);
    if (!b.len)
        vc_buf_add(&b, "(defaults)\n");
    return vc_buf_steal(&b);
}

static void test_conf_case(void **state)
{
    conf_case *c = ((vc_tier_case *)*state)->data;
    vc_qemu_config cfg;
    vc_error err = { 0 };
    char *actual;
    int rc;

    vc_qemu_config_init(&cfg);
    if (vc_qemu_config_load(&cfg, c->conf, &err) < 0) {
        /* strip the directory so expectations do not depend on it */
        const char *slash = strrchr(c->conf, '/');
        const char *msg = strstr(err.msg, slash ? slash + 1 : c->conf);
        actual = vc_asprintf("error %d: %s\n", err.code, msg ? msg : err.msg);
    } else {
        vc_qemu_config_finish(&cfg);
        actual = dump(&cfg);
    }
    vc_qemu_config_free(&cfg);
    rc = vc_expect_file(c->expect, actual);
    free(actual);
    if (rc < 0)
        fail_msg("differs from %s", c->expect);
}

static void test_set_pairs(void **state)
{
    vc_qemu_config cfg;
    vc_error err = { 0 };

    (void)state;
    vc_qemu_config_init(&cfg);
    assert_int_equal(vc_qemu_config_set_pair(&cfg, "vnc_tls=1", &err), 0);
    assert_true(cfg.vnc_tls);
    assert_int_equal(vc_qemu_config_set_pair(&cfg, "vnc_tls_x509_cert_dir=/etc/pki/x", &err), 0);
    assert_string_equal(cfg.vnc_tls_x509_cert_dir, "/etc/pki/x");
    assert_int_equal(vc_qemu_config_set_pair(&cfg, "spice_password=\"a b\"", &err), 0);
    assert_string_equal(cfg.spice_password, "a b");
    assert_int_equal(vc_qemu_config_set_pair(&cfg, "vnc_tls=yes", &err), -1);
    assert_int_equal(err.code, VC_EXIT_USAGE);
    assert_string_equal(err.msg, "--set: vnc_tls: expected 0 or 1, got 'yes'");
    assert_int_equal(vc_qemu_config_set_pair(&cfg, "vnc_tsl=1", &err), -1);
    assert_string_equal(err.msg, "--set: unknown qemu.conf key 'vnc_tsl'");
    assert_int_equal(vc_qemu_config_set_pair(&cfg, "novalue", &err), -1);
    assert_string_equal(err.msg, "--set: expected KEY=VALUE, got 'novalue'");
    assert_int_equal(vc_qemu_config_set_pair(&cfg, "=1", &err), -1);
    vc_qemu_config_free(&cfg);
}

/* --set reads values as a file does, but bare text is a string: the
 * shell has done the quoting.  A list where a scalar goes is an error
 * there too, never an empty value. */
static void test_set_types(void **state)
{
    static const struct {
        const char *pair;
        const char *msg;    /* NULL: accepted */
    } cases[] = {
        { "vnc_listen=0.0.0.0", NULL },
        { "vnc_listen=\"::1\"", NULL },
        { "vnc_listen=[ \"0.0.0.0\" ]", "--set: vnc_listen: expected a string, got a list" },
        { "vnc_listen=[\"0.0.0.0\"", "--set: vnc_listen: unterminated list" },
        { "vnc_listen=\"0.0.0.0", "--set: unterminated string" },
        { "vnc_listen=\"a\" b", "--set: vnc_listen: unexpected 'b' after the value" },
        { "vnc_tls=[ 1 ]", "--set: vnc_tls: expected 0 or 1, got a list" },
        { "vnc_tls=", "--set: vnc_tls: expected 0 or 1, got ''" },
        { "max_files=[ [ 1 ] ]", "--set: max_files: a list inside a list" },
        { "user=[ \"a\", \"b\" ]", "--set: user: expected a string, got a list" },
        { "cgroup_device_acl=[ \"/dev/null\" ]", NULL },
        { "security_driver=[ \"selinux\", \"apparmor\" ]", NULL },
    };
    vc_qemu_config cfg;

    (void)state;
    vc_qemu_config_init(&cfg);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        vc_error err = { 0 };
        int rc = vc_qemu_config_set_pair(&cfg, cases[i].pair, &err);

        if (!cases[i].msg) {
            if (rc != 0)
                fail_msg("%s: %s", cases[i].pair, err.msg);
            continue;
        }
        assert_int_equal(rc, -1);
        assert_int_equal(err.code, VC_EXIT_USAGE);
        assert_string_equal(err.msg, cases[i].msg);
    }
    assert_string_equal(cfg.vnc_listen, "::1");
    assert_string_equal(cfg.security_driver, "selinux,apparmor");
    vc_qemu_config_free(&cfg);
}

/* Parse @len bytes copied to a buffer of exactly that size (no NUL
 * after it, so ASan sees any read past the end); the result as text. */
static char *parse_exact(const char *text, size_t len)
{
    char *copy = vc_malloc0(len ? len : 1);
    vc_qemu_config cfg;
    vc_error err = { 0 };
    char *out;

    memcpy(copy, text, len);
    vc_qemu_config_init(&cfg);
    if (vc_qemu_config_parse(&cfg, copy, len, "x.conf", &err) < 0) {
        assert_int_equal(err.code, VC_EXIT_INPUT);
        assert_null(strchr(err.msg, '\n'));
        out = vc_asprintf("error: %s\n", err.msg);
    } else {
        vc_qemu_config_finish(&cfg);
        out = dump(&cfg);
    }
    vc_qemu_config_free(&cfg);
    free(copy);
    return out;
}

/* Every case file, and every prefix of it, read from an unterminated
 * buffer: the same result as from the file, and never a read past the
 * end (make check-asan) or a second line in an error. */
static void test_parse_unterminated(void **state)
{
    char *dir = vc_asprintf("%s/tests/qemuconf", vc_corpus_srcdir());
    vc_strlist names = { 0 };
    vc_error err = { 0 };

    (void)state;
    assert_int_equal(vc_corpus_list(dir, ".conf", &names, &err), 0);
    for (size_t i = 0; i < names.n; i++) {
        char *path = vc_asprintf("%s/%s.conf", dir, names.items[i]);
        char *text, *whole, *via_file;
        size_t len;
        vc_qemu_config cfg;

        assert_int_equal(vc_file_read(path, VC_FILE_MAX_DEFAULT, &text, &len, &err), 0);
        vc_qemu_config_init(&cfg);
        if (vc_qemu_config_load(&cfg, path, &err) < 0) {
            const char *at = strstr(err.msg, ".conf");
            via_file = vc_asprintf("error: x%s\n", at ? at : err.msg);
        } else {
            vc_qemu_config_finish(&cfg);
            via_file = dump(&cfg);
        }
        vc_qemu_config_free(&cfg);
        whole = parse_exact(text, len);
        assert_string_equal(whole, via_file);
        for (size_t cut = 0; cut < len; cut++)
            free(parse_exact(text, cut));
        free(whole);
        free(via_file);
        free(text);
        free(path);
    }
    vc_strlist_free(&names);
    free(dir);
}

static void test_profile_and_hugepages(void **state)
{
    vc_qemu_config cfg;
    vc_error err = { 0 };

    (void)state;
    vc_qemu_config_init(&cfg);
    vc_qemu_config_test_profile(&cfg);
    vc_qemu_config_finish(&cfg);
    /* the test host has its own state directory (src/conf/host_test.c) */
    assert_string_equal(cfg.state_dir, "/var/lib/libvirt/qemu");
    assert_string_equal(cfg.hugepage_path, "/dev/hugepages/libvirt/qemu");
    assert_true(cfg.spice_tls);
    assert_string_equal(cfg.spice_password, "123456");
    vc_qemu_config_free(&cfg);

    vc_qemu_config_init(&cfg);
    assert_int_equal(vc_qemu_config_set_pair(&cfg, "hugetlbfs_mount=/mnt/huge", &err), 0);
    vc_qemu_config_finish(&cfg);
    assert_string_equal(cfg.hugepage_path, "/mnt/huge/libvirt/qemu");
    vc_qemu_config_free(&cfg);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    char *dir = vc_asprintf("%s/tests/qemuconf", vc_corpus_srcdir());
    vc_tier tier = { .name = "qemu-conf" };
    vc_strlist names = { 0 };
    vc_error err = { 0 };
    const struct CMUnitTest units[] = {
        cmocka_unit_test(test_set_pairs),
        cmocka_unit_test(test_profile_and_hugepages),
        cmocka_unit_test(test_set_types),
        cmocka_unit_test(test_parse_unterminated),
    };
    int failed, ufailed;

    if (vc_corpus_list(dir, ".conf", &names, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        free(dir);
        return 1;
    }
    for (size_t i = 0; i < names.n; i++) {
        conf_case *c = VC_NEW(conf_case);
        c->conf = vc_asprintf("%s/%s.conf", dir, names.items[i]);
        c->expect = vc_asprintf("%s/%s.expect", dir, names.items[i]);
        vc_tier_add(&tier, names.items[i], c);
    }
    failed = vc_tier_run(&tier, test_conf_case);
    ufailed = vc_group_run("qemu-conf-set", units, sizeof(units) / sizeof(units[0]),
                           NULL, NULL);
    vc_tier_free(&tier, conf_case_free);
    vc_strlist_free(&names);
    free(dir);
    return failed || ufailed ? 1 : 0;
}
