/* fuzz_qemu_conf.c: the qemu.conf target.
 *
 * The input is a qemu.conf.  Reading it must succeed or refuse with an
 * input error (exit code 2); when it is read, small domains using what
 * it sets (VNC with TLS and SASL directories, SPICE, hugepages, a
 * bridged virtio NIC) are built with it against the Debian 7.2
 * recording over the fake kernel, with the invariants of build_check.h.
 *
 * The reader takes a path, so the input goes to a memory file
 * (memfd_create) read through /proc/self/fd.
 */
#include "fuzz.h"
#include "build_check.h"
#include "capsets.h"
#include "conf/domain.h"
#include "qemu/qemu_config.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

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

/* Read @size bytes of @data as a qemu.conf: 0, or -1 with @err set. */
static int load(vc_qemu_config *cfg, const uint8_t *data, size_t size, vc_error *err)
{
    int fd = memfd_create("qemu.conf", MFD_CLOEXEC);
    char path[64];
    int ret;

    if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size)) {
        perror("fuzz-qemu_conf: memfd");
        abort();
    }
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    ret = vc_qemu_config_load(cfg, path, err);
    close(fd);
    return ret;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vc_qemu_config cfg;
    vc_error err = { 0 };

    vc_qemu_config_init(&cfg);
    if (load(&cfg, data, size, &err) < 0) {
        vc_fuzz_expect_error("qemu.conf", &err, VC_EXIT_INPUT);
    } else {
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
