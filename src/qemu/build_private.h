/* build_private.h: what the parts of the argv builder share.
 *
 * build.c runs the build in libvirt's order and owns the core options;
 * each device family lives in a build_<family>.c of its own and is
 * reached through build.c's switch on vc_device_kind.  Every option goes
 * through build_option.c (option_table.h).  The context is the only
 * state: no globals.
 */
#ifndef VC_QEMU_BUILD_PRIVATE_H
#define VC_QEMU_BUILD_PRIVATE_H

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
    /* macvtap links made so far: a build that fails deletes them */
    vc_strlist macvtaps;
} vc_build_ctx;

/* --- build_usage.c: every question asked of the capabilities, noted
 * in the caller's vc_build_usage when there is one --- */
#define VC_BUILD_HAS(ctx, flag) vc_build_has(ctx, VC_CAP_##flag)
bool vc_build_has(const vc_build_ctx *ctx, vc_cap flag);
bool vc_build_has_device(const vc_build_ctx *ctx, const char *name);
bool vc_build_has_machine(const vc_build_ctx *ctx, const char *name);

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

/* A boolean property: the short form ("server", "nowait") for QEMUs
 * before 6.0, which deprecated it; "server=on", "wait=off" where the
 * QEMU has VC_CAP_BOOL_ON_OFF. */
void vc_build_bool(vc_build_ctx *ctx, vc_props *p, const char *key, bool on);

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

/* --- the device families, one function each, in build order
 * (build.c's build_family) --- */
/* Refusals libvirt makes before it writes anything. */
int vc_build_disks_check(vc_build_ctx *ctx);
/* -device for the SCSI, SATA, USB, virtio-serial and CCID controllers. */
int vc_build_controller_args(vc_build_ctx *ctx);
int vc_build_disks_args(vc_build_ctx *ctx);
/* -fsdev and -device virtio-9p-pci for each filesystem. */
int vc_build_fs_args(vc_build_ctx *ctx);

/* --- build_net.c: interfaces --- */
int vc_build_net_args(vc_build_ctx *ctx);
/* 1 and the PCI device of its network's pool when @net is on a network
 * with <forward mode='hostdev'> (built with the host devices), 0 when
 * it is not, -1 when the pool has no device left for it. */
int vc_build_net_hostdev(vc_build_ctx *ctx, const vc_net_def *net, const vc_pci_addr **pci);

/* --- build_chr.c: smartcard, serial, parallel, channel, console --- */
int vc_build_smartcard_args(vc_build_ctx *ctx);
int vc_build_serial_args(vc_build_ctx *ctx);
int vc_build_parallel_args(vc_build_ctx *ctx);
int vc_build_channel_args(vc_build_ctx *ctx);
int vc_build_console_args(vc_build_ctx *ctx);
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

/* ---- build_address.c, build_pci.c: helpers shared with the disks ---- */
/* The guest arch as resolved by the build (the definition's until then). */
const char *vc_build_arch(const vc_build_ctx *ctx);
/* ppc64 "pseries": SCSI defaults to spapr-vscsi, serials sit on spapr-vio. */
bool vc_build_is_pseries(const vc_build_ctx *ctx);

/* The model of the SCSI controller a drive-addressed disk sits on, -1
 * when there is none (or it has the default model). */
int vc_build_disk_controller_model(const vc_domain_def *def, const vc_disk_def *d);
/* Resolve a SCSI controller model (libvirt's qemuSetScsiControllerModel):
 * a default one becomes spapr-vscsi on pseries, else lsi, else
 * virtio-scsi; explicit ones must be supported by the QEMU. */
int vc_build_scsi_model(vc_build_ctx *ctx, int *model);

/* QEMU's id of USB bus @idx: "usb", "usb1", ... (caller frees) */
char *vc_build_usb_id(unsigned idx);

/* USB2 companion controllers share one PCI slot. */
bool vc_build_is_usb2(const vc_controller_def *c);

/* ---- build_disk*.c, build_controller.c, build_fs.c ------------------ */
/* The disk's source as QEMU takes it ("/path", "fat:DIR", "nbd:H:P",
 * "rbd:...", "sheepdog:..."), unquoted: the option's serializer quotes. */
int vc_build_disk_source(vc_build_ctx *ctx, const vc_disk_def *d, vc_buf *buf);
/* A cdrom or floppy with its tray open: started without a medium. */
bool vc_build_disk_tray_open(const vc_disk_def *d);

/* QEMU's name of the disk's bus (if=): "ide", "floppy", "virtio", ... */
const char *vc_build_disk_qemu_bus(const vc_disk_def *d);

/* The disk's serial, where libvirt takes it: only letters, digits, '-'
 * and '_' (libvirt refuses the others rather than quoting them). */
int vc_build_disk_serial_check(vc_build_ctx *ctx, const vc_disk_def *d);

/* The -drive properties (qemuBuildDriveStr); @bootable asks for boot=on. */
int vc_build_drive_props(vc_build_ctx *ctx, const vc_disk_def *d, bool bootable,
                         vc_props *p);
/* The -device properties of a disk on its bus (qemuBuildDriveDevStr). */
int vc_build_drive_dev_props(vc_build_ctx *ctx, const vc_disk_def *d,
                             unsigned bootindex, vc_props *p);

/* ---- the core options in files of their own: CPU, clock ------------- */
/* The -cpu value as a list (left empty when none is needed). */
int vc_build_cpu_arg(vc_build_ctx *ctx, vc_props *p);

/* -rtc / -localtime, TZ, and the timer options. */
int vc_build_clock_args(vc_build_ctx *ctx);

/* -device usb-hub for each <hub> (right after -usb). */
int vc_build_hub_args(vc_build_ctx *ctx);

/* USB redirection (-chardev + usb-redir) and host devices
 * (usb-host / pci-assign, or -usbdevice / -pcidevice): build_hostdev.c. */
int vc_build_redirdev_args(vc_build_ctx *ctx);
int vc_build_hostdev_args(vc_build_ctx *ctx);

/* Add NAME=value when the host's environment has it (virCommandAddEnvPass). */
void vc_build_env_pass(vc_build_ctx *ctx, const char *name);

/* ---- qemu_config_text.c: the syntax of qemu.conf -------------------- */
typedef enum {
    VC_CONF_WORD,       /* bare: a number, a boolean (or, from --set, any text) */
    VC_CONF_STRING,     /* quoted */
    VC_CONF_LIST,       /* [ ... ] of words and strings, never of lists */
} vc_conf_kind;

typedef struct vc_conf_value {
    vc_conf_kind kind;
    char *text;                     /* WORD, STRING */
    struct vc_conf_value *items;    /* LIST */
    size_t n;
    unsigned line;                  /* where it starts */
} vc_conf_value;

/* Record "NAME:LINE: MSG" (@line 0: "NAME: MSG") with @code; -1. */
int vc_conf_error(vc_error *err, int code, const char *name, unsigned line,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Called with each "key = value" of a file and the line of its key. */
typedef int (*vc_conf_entry_fn)(void *opaque, const char *key, const vc_conf_value *v,
                                unsigned line, vc_error *err);

/* Read @len bytes of qemu.conf text (no NUL needed); a syntax error is
 * "PATH:LINE: ..." (VC_EXIT_INPUT). */
int vc_conf_parse(const char *text, size_t len, const char *path, vc_conf_entry_fn fn,
                  void *opaque, vc_error *err);
/* The value of --set KEY=TEXT: quoted or a list as in a file; bare text
 * is one word however it reads.  Errors are "WHERE: ..." (@code). */
int vc_conf_parse_set_value(const char *text, const char *key, const char *where,
                            int code, vc_conf_value *v, vc_error *err);
void vc_conf_value_free(vc_conf_value *v);

#endif
