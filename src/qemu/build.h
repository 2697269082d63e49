/* build.h: the QEMU command line for a domain. */
#ifndef VC_QEMU_BUILD_H
#define VC_QEMU_BUILD_H

#include <stdbool.h>
#include <stdint.h>

#include "conf/domain.h"
#include "caps/caps.h"
#include "cpu/cpu.h"
#include "util/command.h"
#include "qemu/qemu_config.h"
#include "util/error.h"

typedef struct vc_build_opts {
    /* Leave the legacy CPU models out (skip_legacy_cpus=1). */
    bool skip_legacy_cpus;
    /* Incoming migration: URI ("stdio", "fd:7", "tcp:host:port", ...) and
     * the descriptor given with it, or -1. */
    const char *migrate_from;
    int migrate_fd;
    /* CPU model map (libvirt's cpu_map.xml), read once by the caller;
     * NULL: none known. */
    const vc_cpu_map *cpu_map;
    /* Where the links a successful build made go (macvtap: a link
     * outlives its descriptor, so whoever starts QEMU deletes it when
     * QEMU is gone); NULL: nobody asks. */
    vc_strlist *links;
    /* Where the build notes every capability it asks about (NULL:
     * nobody asks); see vc_build_usage. */
    struct vc_build_usage *usage;
} vc_build_opts;

/* What builds asked of their capabilities: each flag tested, each
 * device type and machine type looked up in a listing.  The caller owns
 * it and may gather many builds into one (`compare` over a corpus: a
 * capability no build asked about is read by no builder rule there). */
typedef struct vc_build_usage {
    uint64_t flags[(VC_CAP_LAST + 63) / 64];
    vc_strlist devices;
    vc_strlist machines;
} vc_build_usage;

bool vc_build_usage_has_flag(const vc_build_usage *u, vc_cap flag);
void vc_build_usage_free(vc_build_usage *u);

void vc_build_opts_init(vc_build_opts *opts);

/* Build the command line for @def on @host.  Device aliases and (when
 * the caps allow) PCI addresses are assigned into @def as QEMU needs
 * them.  Errors: VC_EXIT_BUILD with a one-line message such as
 * "unsupported configuration: ... txmode ... not supported by this QEMU". */
int vc_qemu_build(vc_domain_def *def, const vc_host *host, const vc_caps *caps,
                  const vc_qemu_config *cfg, const vc_build_opts *opts,
                  vc_command *cmd, vc_error *err);

#endif
