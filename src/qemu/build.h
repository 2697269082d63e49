/* build.h: the QEMU command line for a domain. */
#ifndef VC_QEMU_BUILD_H
#define VC_QEMU_BUILD_H

#include <stdbool.h>

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
} vc_build_opts;

void vc_build_opts_init(vc_build_opts *opts);

/* Build the command line for @def on @host.  Device aliases and (when
 * the caps allow) PCI addresses are assigned into @def as QEMU needs
 * them.  Errors: VC_EXIT_BUILD with a one-line message such as
 * "unsupported configuration: ... txmode ... not supported by this QEMU". */
int vc_qemu_build(vc_domain_def *def, const vc_host *host, const vc_caps *caps,
                  const vc_qemu_config *cfg, const vc_build_opts *opts,
                  vc_command *cmd, vc_error *err);

#endif
