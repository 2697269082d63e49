/* build_internal.h: what the parts of the argv builder share.
 *
 * build.c runs the build in libvirt's order and owns the core options;
 * each device family lives in a build_<family>.c of its own.  The
 * context is the only state: no globals.
 */
#ifndef VC_QEMU_BUILD_INTERNAL_H
#define VC_QEMU_BUILD_INTERNAL_H

#include "qemu/build.h"
#include "util/buf.h"
#include "util/props.h"

typedef struct vc_build_ctx {
    vc_domain_def *def;
    const vc_host *host;
    vc_caps caps;                 /* effective: the host's additions applied */
    const vc_qemu_config *cfg;
    const vc_build_opts *opts;
    vc_command *cmd;
    vc_error *err;

    /* Boot order as bootindex= on devices (when the QEMU has bootindex
     * and the domain uses <boot dev=>): the index to give the first
     * device of each kind, 0 for none.  Set by build.c before the
     * device families run; a family clears the one it used. */
    bool emit_bootindex;
    unsigned boot_floppy, boot_cdrom, boot_disk, boot_net;

    /* What the build resolved before the devices (never NULL once
     * vc_qemu_build has started them): the guest arch, the emulator and
     * the machine type, aliases resolved by the host (the definition
     * itself is left as parsed). */
    const char *arch;
    const char *emulator;
    const char *machine;
    /* -domid value: the host's id for the domain, or the definition's. */
    int domid;
} vc_build_ctx;

#define VC_BUILD_HAS(ctx, flag) vc_caps_has(&(ctx)->caps, VC_CAP_##flag)

/* --- build_option.c: the options QEMU is given (option_table.h) --- */
typedef enum vc_qopt {
#define VC_QOPT(e, name, syntax, implied, why) VC_QOPT_##e,
#include "qemu/option_table.h"
#undef VC_QOPT
    VC_QOPT_LAST
} vc_qopt;

const char *vc_qopt_name(vc_qopt opt);
/* A switch without a value. */
void vc_build_switch(vc_build_ctx *ctx, vc_qopt opt);
/* An option whose value QEMU takes whole. */
void vc_build_literal(vc_build_ctx *ctx, vc_qopt opt, const char *value);
void vc_build_literalf(vc_build_ctx *ctx, vc_qopt opt, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* An option written from a property list (taken; emptied either way);
 * -1 when a value cannot be said in the option's syntax. */
int vc_build_opt(vc_build_ctx *ctx, vc_qopt opt, vc_props *props);

/* Report a configuration the builder rejects (VC_EXIT_BUILD). */
int vc_build_unsupported(vc_build_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Report a rejected configuration with a message of libvirt's other
 * error classes, given whole ("internal error ...", ...). */
int vc_build_error(vc_build_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* rombar=0|1,romfile=F for a PCI device's <rom>; errors as libvirt
 * (build_devices.c). */
int vc_build_rom(vc_build_ctx *ctx, vc_props *p, const vc_device_info *info);

/* --- build_address.c: aliases and guest addresses --- */
/* Give every device its alias (net0, virtio-disk0, serial0, ...). */
int vc_build_assign_aliases(vc_build_ctx *ctx);
/* Assign spapr-vio, s390 and (with the device cap) PCI addresses to
 * devices without one (qemuDomainAssignAddresses). */
int vc_build_assign_addresses(vc_build_ctx *ctx);
/* Append bus=pci.0,addr=0x3 (or the bus form the address type needs)
 * for a device's address; nothing when it has none. */
int vc_build_device_address(vc_build_ctx *ctx, vc_props *p,
                            const vc_device_info *info);

/* --- build_disk.c: controllers, disks, filesystems --- */
int vc_build_disk_args(vc_build_ctx *ctx);

/* --- build_net.c: interfaces --- */
int vc_build_net_args(vc_build_ctx *ctx);

/* --- build_chr.c: serial, parallel, channel, console --- */
int vc_build_chr_args(vc_build_ctx *ctx);
/* -chardev for a source, with id char<alias>. */
int vc_build_chardev(vc_build_ctx *ctx, const vc_chr_source *src, const char *alias);
/* @opt with a source in the form of QEMUs before -chardev ("pty",
 * "tcp:host:port,server,nowait", ...), after what @p holds ("control");
 * takes @p. */
int vc_build_chr_compat(vc_build_ctx *ctx, vc_qopt opt, const vc_chr_source *src,
                        vc_props *p);

/* --- build_devices.c: graphics, video, sound, input, watchdog,
 * balloon, and the rest --- */
int vc_build_input_args(vc_build_ctx *ctx);
int vc_build_graphics_args(vc_build_ctx *ctx);
int vc_build_video_args(vc_build_ctx *ctx);
int vc_build_sound_args(vc_build_ctx *ctx);
int vc_build_watchdog_args(vc_build_ctx *ctx);
int vc_build_balloon_args(vc_build_ctx *ctx);

#endif
