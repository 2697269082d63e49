/* test_host.c: the host model (src/conf/host.h).
 *
 * Tier "host": what the test host and the system host answer, that the
 * ids a host derives are reproducible (the same XML without UUID or MAC
 * gives the same canonical XML and the same command line twice), and
 * that a build on the system host against the Debian QEMU recording
 * names the x86 PCI bus "pci.0", takes its environment from the host
 * and puts the monitor under the host's state directory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_args.h"
#include "tier.h"

#include "corpus.h"
#include "conf/domain.h"
#include "qemu/build.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char bare_domain[] =
    "<domain type='kvm'><name>repro</name><memory>65536</memory>"
    "<os><type>hvm</type></os><devices>"
    "<interface type='user'/><interface type='user'><model type='virtio'/></interface>"
    "</devices></domain>";

static vc_domain_def *parse(const char *xml, const vc_host *host)
{
    vc_error err = { 0 };
    vc_domain_def *def = vc_domain_parse(xml, strlen(xml), "inline.xml", host,
                                         VC_PARSE_INACTIVE, &err);
    if (!def)
        fail_msg("parse: %s", err.msg);
    return def;
}

/* The command line of @def on @host (caller frees). */
static char *build(vc_domain_def *def, const vc_host *host, const vc_caps *caps)
{
    vc_build_opts opts;
    vc_qemu_config cfg;
    vc_command cmd = VC_COMMAND_INIT;
    vc_error err = { 0 };
    char *line = NULL;

    vc_build_opts_init(&opts);
    vc_qemu_config_init(&cfg);
    vc_qemu_config_finish(&cfg);
    if (vc_qemu_build(def, host, caps, &cfg, &opts, &cmd, &err) == 0)
        line = vc_command_to_line(&cmd);
    vc_command_free(&cmd);
    vc_qemu_config_free(&cfg);
    if (!line)
        fail_msg("build: %s", err.msg);
    return line;
}

static void test_test_host_guests(void **state)
{
    const vc_host *h = vc_host_test();

    (void)state;
    /* libvirt's rule: the first guest of the os type that runs the
     * domain type */
    assert_string_equal(vc_host_default_arch(h, "hvm", VC_VIRT_QEMU), "i686");
    assert_string_equal(vc_host_default_arch(h, "hvm", VC_VIRT_KVM), "x86_64");
    assert_null(vc_host_default_arch(h, "xen", VC_VIRT_QEMU));
    assert_string_equal(vc_host_default_emulator(h, "hvm", "x86_64", VC_VIRT_KVM),
                        "/usr/bin/kvm");
    assert_string_equal(vc_host_default_emulator(h, "hvm", "x86_64", VC_VIRT_QEMU),
                        "/usr/bin/qemu-system-x86_64");
    assert_string_equal(vc_host_default_machine(h, "hvm", "x86_64", VC_VIRT_QEMU),
                        "pc-0.11");
    assert_string_equal(vc_host_default_machine(h, "hvm", "x86_64", VC_VIRT_KVM), "pc");
    /* an alias is resolved with the emulator's own machine list */
    assert_string_equal(vc_host_canonical_machine(h, "/usr/bin/qemu-system-x86_64", "pc"),
                        "pc-0.11");
    assert_string_equal(vc_host_canonical_machine(h, "/usr/bin/kvm", "pc"), "pc");
    assert_string_equal(vc_host_canonical_machine(h, "/opt/other", "pc"), "pc");
    assert_false(vc_host_has_arch(h, "sparc"));
    assert_false(vc_host_has_os_arch(h, "xen", "ppc64"));
    assert_string_equal(vc_host_secret_by_usage(h, "mycluster_myname"),
                        "AQCVn5hO6HzFAhAAq0NCv8jtJcIcE+HOBlMQ1A");
    assert_null(vc_host_secret_by_usage(h, "other"));
    assert_string_equal(vc_host_getenv(h, "HOME"), "/home/test");
    assert_null(vc_host_getenv(h, "HOM"));
}

static void test_derived_ids(void **state)
{
    const vc_host *h = vc_host_test();
    unsigned char a[VC_UUID_LEN], b[VC_UUID_LEN], c[VC_UUID_LEN];
    unsigned char m0[VC_MAC_LEN], m1[VC_MAC_LEN], m0b[VC_MAC_LEN];

    (void)state;
    vc_host_new_uuid(h, "guest", a);
    vc_host_new_uuid(h, "guest", b);
    vc_host_new_uuid(h, "guest2", c);
    assert_memory_equal(a, b, VC_UUID_LEN);
    assert_memory_not_equal(a, c, VC_UUID_LEN);
    assert_int_equal(a[6] >> 4, 8);         /* version 8 */
    assert_int_equal(a[8] >> 6, 2);         /* RFC variant */
    vc_host_new_mac(h, "guest", 0, m0);
    vc_host_new_mac(h, "guest", 1, m1);
    vc_host_new_mac(h, "guest", 0, m0b);
    assert_memory_equal(m0, m0b, VC_MAC_LEN);
    assert_memory_not_equal(m0, m1, VC_MAC_LEN);
    assert_int_equal(m0[0], 0x52);
    assert_int_equal(m0[1], 0x54);
    assert_int_equal(m0[2], 0x00);
}

/* The same XML without UUID or MAC, read and built twice. */
static void test_reproducible_output(void **state)
{
    const vc_host *h = vc_host_test();
    vc_domain_def *d1, *d2;
    char *x1, *x2, *l1, *l2;
    vc_caps caps;
    vc_error err = { 0 };

    (void)state;
    vc_caps_init(&caps);
    assert_int_equal(vc_caps_parse_list(&caps, "kvm,drive,device,netdev,uuid,name", &err), 0);
    d1 = parse(bare_domain, h);
    d2 = parse(bare_domain, h);
    x1 = vc_domain_format(d1);
    x2 = vc_domain_format(d2);
    assert_string_equal(x1, x2);
    l1 = build(d1, h, &caps);
    l2 = build(d2, h, &caps);
    assert_string_equal(l1, l2);
    /* two interfaces, two different derived MACs */
    assert_true(d1->nnets == 2);
    assert_memory_not_equal(d1->nets[0]->mac, d1->nets[1]->mac, VC_MAC_LEN);
    free(x1);
    free(x2);
    free(l1);
    free(l2);
    vc_domain_def_free(d1);
    vc_domain_def_free(d2);
}

/* The system host gives random ids, as libvirt does. */
static void test_system_ids_random(void **state)
{
    static char *const env[] = { NULL };
    vc_host h;
    vc_domain_def *d1, *d2;

    (void)state;
    vc_host_system_init(&h, env, NULL);
    d1 = parse(bare_domain, &h);
    d2 = parse(bare_domain, &h);
    assert_memory_not_equal(d1->uuid, d2->uuid, VC_UUID_LEN);
    vc_domain_def_free(d1);
    vc_domain_def_free(d2);
}

/* Without --profile=test: x86 guests get bus=pci.0, the environment is
 * the host's, the monitor lives in its state directory. */
static void test_system_build_debian(void **state)
{
    static char *const env[] = {
        "PATH=/usr/bin:/bin", "HOME=/root", "SECRET_TOKEN=x", "TMPDIR=/var/tmp", NULL,
    };
    const char *src = vc_corpus_srcdir();
    char *help = vc_asprintf("%s/qemuhelpdata/debian-qemu-7.2.help", src);
    char *dev = vc_asprintf("%s/qemuhelpdata/debian-qemu-7.2.device", src);
    char *xml = vc_asprintf("%s/tests/cli/guest.xml", src);
    vc_error err = { 0 };
    vc_domain_def *def;
    vc_caps caps;
    vc_host h;
    char *line;

    (void)state;
    vc_host_system_init(&h, env, "/run/vc-state");
    vc_caps_init(&caps);
    if (vc_caps_from_files(&caps, help, dev, &err) < 0)
        fail_msg("%s", err.msg);
    if (!(def = vc_domain_parse_file(xml, &h, VC_PARSE_INACTIVE, &err)))
        fail_msg("%s", err.msg);
    line = build(def, &h, &caps);
    assert_non_null(strstr(line, "bus=pci.0,"));
    assert_null(strstr(line, "bus=pci,"));
    assert_true(strncmp(line, "LC_ALL=C PATH=/usr/bin:/bin HOME=/root TMPDIR=/var/tmp ", 55) == 0);
    assert_null(strstr(line, "SECRET_TOKEN"));
    assert_non_null(strstr(line, "path=/run/vc-state/guest.monitor,"));
    assert_null(strstr(line, "pc-0.11"));
    free(line);
    vc_domain_def_free(def);
    free(help);
    free(dev);
    free(xml);
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
        cmocka_unit_test(test_test_host_guests),
        cmocka_unit_test(test_derived_ids),
        cmocka_unit_test(test_reproducible_output),
        cmocka_unit_test(test_system_ids_random),
        cmocka_unit_test(test_system_build_debian),
    };
    int failed = vc_group_run("host", tests, sizeof(tests) / sizeof(tests[0]), NULL,
                              NULL);

    return failed ? 1 : 0;
}
