/* test_build_usage.c: the builder notes what it asks of the capabilities
 * (vc_build_opts.usage, src/qemu/build_usage.c), which `compare` reports
 * as "read by no builder rule".
 *
 * Tier "build-usage": a flag read directly and flags read through a
 * table (sound codecs) are noted, as are the device and machine types
 * looked up in the listings; a flag no rule reads (display) is not; the
 * set gathers over builds; and noting changes nothing in the line.
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

/* Sound with a codec (a table read), on a machine type of the listing. */
static const char sound_domain[] =
    "<domain type='qemu'><name>usage</name><memory>65536</memory>"
    "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
    "<sound model='ich6'><codec type='micro'/></sound>"
    "</devices></domain>";
/* A reboot timeout: one flag read directly. */
static const char reboot_domain[] =
    "<domain type='qemu'><name>usage2</name><memory>65536</memory>"
    "<os><type arch='x86_64' machine='pc'>hvm</type><bios rebootTimeout='100'/></os>"
    "<devices/></domain>";

static void debian_caps(vc_caps *caps)
{
    char *help = vc_asprintf("%s/qemuhelpdata/debian-qemu-7.2.help", vc_corpus_srcdir());
    char *dev = vc_asprintf("%s/qemuhelpdata/debian-qemu-7.2.device", vc_corpus_srcdir());
    vc_error err = { 0 };
    int rc;

    vc_caps_init(caps);
    rc = vc_caps_from_files(caps, help, dev, &err);
    free(help);
    free(dev);
    if (rc < 0)
        fail_msg("%s", err.msg);
}

/* Build @xml against Debian's recording into @usage (may be NULL); the
 * line (caller frees). */
static char *build(const char *xml, vc_build_usage *usage)
{
    vc_build_opts opts;
    vc_qemu_config cfg;
    vc_command cmd = VC_COMMAND_INIT;
    vc_error err = { 0 };
    vc_domain_def *def;
    vc_caps caps;
    char *line = NULL;

    debian_caps(&caps);
    def = vc_domain_parse(xml, strlen(xml), "inline.xml", vc_host_test(),
                          VC_PARSE_INACTIVE, &err);
    if (!def)
        fail_msg("parse: %s", err.msg);
    vc_build_opts_init(&opts);
    opts.usage = usage;
    vc_qemu_config_init(&cfg);
    vc_qemu_config_finish(&cfg);
    if (vc_qemu_build(def, vc_host_test(), &caps, &cfg, &opts, &cmd, &err) == 0)
        line = vc_command_to_line(&cmd);
    vc_command_free(&cmd);
    vc_qemu_config_free(&cfg);
    vc_domain_def_free(def);
    if (!line)
        fail_msg("build: %s", err.msg);
    return line;
}

static void test_noted(void **state)
{
    vc_build_usage u = { 0 };

    (void)state;
    free(build(sound_domain, &u));
    /* through the codec table, and directly */
    assert_true(vc_build_usage_has_flag(&u, VC_CAP_HDA_MICRO));
    assert_true(vc_build_usage_has_flag(&u, VC_CAP_DEVICE_LISTING));
    /* detected only: no rule reads it */
    assert_false(vc_build_usage_has_flag(&u, VC_CAP_DISPLAY));
    /* what this domain does not reach */
    assert_false(vc_build_usage_has_flag(&u, VC_CAP_REBOOT_TIMEOUT));
    assert_true(vc_strlist_has(&u.devices, "intel-hda"));
    assert_true(vc_strlist_has(&u.devices, "hda-micro"));
    assert_false(vc_strlist_has(&u.devices, "virtio-net-pci"));
    assert_true(vc_strlist_has(&u.machines, "pc"));
    vc_build_usage_free(&u);
}

static void test_gathers(void **state)
{
    vc_build_usage u = { 0 };

    (void)state;
    free(build(sound_domain, &u));
    free(build(reboot_domain, &u));
    assert_true(vc_build_usage_has_flag(&u, VC_CAP_HDA_MICRO));
    assert_true(vc_build_usage_has_flag(&u, VC_CAP_REBOOT_TIMEOUT));
    /* each name once, however often it was asked */
    free(build(sound_domain, &u));
    {
        size_t n = 0;
        for (size_t i = 0; i < u.devices.n; i++)
            n += strcmp(u.devices.items[i], "intel-hda") == 0;
        assert_int_equal(n, 1);
    }
    vc_build_usage_free(&u);
}

static void test_line_unchanged(void **state)
{
    vc_build_usage u = { 0 };
    char *with = build(sound_domain, &u), *without = build(sound_domain, NULL);

    (void)state;
    assert_string_equal(with, without);
    free(with);
    free(without);
    vc_build_usage_free(&u);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_noted),
        cmocka_unit_test(test_gathers),
        cmocka_unit_test(test_line_unchanged),
    };

    vc_test_args(argc, argv, NULL);
    return vc_group_run("build-usage", tests, sizeof(tests) / sizeof(tests[0]), NULL,
                        NULL) ? 1 : 0;
}
