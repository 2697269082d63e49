/* fuzz_qemu_conf.c: the qemu.conf target.
 *
 * The input is a qemu.conf.  Reading it (vc_qemu_config_parse, on the
 * fuzzer's buffer) must succeed with no error left pending, or refuse
 * with an input error (exit code 2).  A string setting the reader keeps
 * must be one the file gives: a changed string value appears in the
 * input, quoted (so a list or a number never becomes an empty listen
 * address).  When it is read, small domains using what it sets (VNC,
 * SPICE, hugepages, a bridged virtio NIC) are built with it against the
 * Debian 7.2 recording over the fake kernel, with the invariants of
 * build_check.h.
 */
#include "fuzz.h"
#include "build_check.h"
#include "capsets.h"
#include "conf/domain.h"
#include "qemu/qemu_config.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const domains[] = {
    "<domain type='kvm'><name>vnc</name><memory>219136</memory>"
    "<memoryBacking><hugepages/></memoryBacking><os><type>hvm</type></os>"
    "<devices><emulator>/usr/bin/qemu-system-x86_64</emulator>"
    "<interface type='bridge'><source bridge='virbr0'/><model type='virtio'/></interface>"
    "<graphics type='vnc' autoport='yes'/><sound model='ac97'/></devices></domain>",
    "<domain type='kvm'><name>spice</name><memory>219136</memory><os><type>hvm</type></os>"
    "<devices><emulator>/usr/bin/qemu-system-x86_64</emulator>"
    "<graphics type='spice' autoport='yes'/><video><model type='qxl'/></video>"
    "</devices></domain>",
};

/* Set up once per process (LLVMFuzzerInitialize). */
static vc_capsets capsets;
static const vc_capset *debian;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *src = vc_fuzz_srcdir();
    char *dir = vc_asprintf("%s/tests/injection", src);
    vc_error err = { 0 };

    (void)argc;
    (void)argv;
    if (vc_capsets_load(&capsets, dir, src, &err) < 0 ||
        !(debian = vc_capsets_find(&capsets, "debian-qemu-7.2"))) {
        fprintf(stderr, "fuzz-qemu_conf: %s (set VC_SRCDIR to the source tree)\n",
                err.msg[0] ? err.msg : "no debian-qemu-7.2 capability set");
        exit(1);
    }
    free(dir);
    return 0;
}

/* The string settings, to compare with the defaults: those that take
 * one string (security_driver may be a list the reader joins with ',',
 * even an empty one: the file need not hold its value as one string). */
#define S(field) { #field, offsetof(vc_qemu_config, field) }
static const struct {
    const char *key;
    size_t offset;
} strings[] = {
    S(vnc_listen), S(vnc_tls_x509_cert_dir), S(vnc_password), S(vnc_sasl_dir),
    S(spice_listen), S(spice_tls_x509_cert_dir), S(spice_password), S(hugetlbfs_mount),
    S(hugepage_path), S(state_dir), S(user), S(group),
    S(save_image_format), S(dump_image_format), S(auto_dump_path), S(lock_manager),
};
#undef S

static bool quoted_in(const uint8_t *data, size_t size, const char *value)
{
    for (const char *q = "\"'"; *q; q++) {
        char *needle = vc_asprintf("%c%s%c", *q, value, *q);
        bool found = memmem(data, size, needle, strlen(needle)) != NULL;

        free(needle);
        if (found)
            return true;
    }
    return false;
}

/* Every string setting that differs from its default is in the file. */
static void check_strings(const vc_qemu_config *cfg, const uint8_t *data, size_t size)
{
    vc_qemu_config dflt;

    vc_qemu_config_init(&dflt);
    for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
        const char *v = *(char *const *)((const char *)cfg + strings[i].offset);
        const char *d = *(char *const *)((const char *)&dflt + strings[i].offset);

        if (v && !vc_streq_null(v, d) && !quoted_in(data, size, v))
            vc_fuzz_fail("qemu.conf: %s is '%s', a string the file does not give",
                         strings[i].key, v);
    }
    vc_qemu_config_free(&dflt);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vc_qemu_config cfg;
    vc_error err = { 0 };

    vc_qemu_config_init(&cfg);
    if (vc_qemu_config_parse(&cfg, (const char *)data, size, "qemu.conf", &err) < 0) {
        vc_fuzz_expect_error("qemu.conf", &err, VC_EXIT_INPUT);
    } else {
        if (err.code)
            vc_fuzz_fail("qemu.conf: read, with an error left pending: %s", err.msg);
        check_strings(&cfg, data, size);
        vc_qemu_config_finish(&cfg);
        for (size_t i = 0; i < sizeof(domains) / sizeof(domains[0]); i++) {
            vc_domain_def *def = vc_domain_parse(domains[i], strlen(domains[i]), "fixed.xml",
                                                 vc_host_test(), VC_PARSE_INACTIVE, &err);
            if (!def)
                vc_fuzz_fail("qemu.conf: the fixed domain %zu does not parse: %s", i, err.msg);
            vc_fuzz_build_check(def, &debian->caps, &cfg, "current",
                                "build with the qemu.conf");
            vc_domain_def_free(def);
        }
    }
    vc_qemu_config_free(&cfg);
    return 0;
}
