/* build_disk.c: every disk on the command line: -drive [+ -device], or
 * -hda/-cdrom/-fda without -drive.  (Controllers go out before them,
 * 9p filesystems after: build_controller.c, build_fs.c.) */
#include "qemu/build_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The boot position of the first disk of each kind: with bootindex,
 * what build.c computed (consumed here); otherwise the <boot dev=>
 * order, which only decides boot=on. */
typedef struct boot_slots {
    unsigned floppy, cdrom, disk;
} boot_slots;

static void boot_slots_init(vc_build_ctx *ctx, boot_slots *b)
{
    const vc_os_def *os = &ctx->def->os;

    b->floppy = b->cdrom = b->disk = 0;
    if (ctx->emit_bootindex) {
        b->floppy = ctx->boot_floppy;
        b->cdrom = ctx->boot_cdrom;
        b->disk = ctx->boot_disk;
        ctx->boot_floppy = ctx->boot_cdrom = ctx->boot_disk = 0;
        return;
    }
    if (!VC_BUILD_HAS(ctx, DRIVE_BOOT))
        return;
    for (size_t i = 0; i < os->nboot; i++) {
        unsigned n = (unsigned)i + 1;
        switch (os->boot[i]) {
        case VC_BOOT_FLOPPY: b->floppy = n; break;
        case VC_BOOT_CDROM: b->cdrom = n; break;
        case VC_BOOT_DISK: b->disk = n; break;
        default: break;
        }
    }
}

/* The first disk of a kind takes that kind's boot position. */
static unsigned boot_slot_take(boot_slots *b, const vc_disk_def *d)
{
    unsigned *slot;
    unsigned n;

    switch (d->device) {
    case VC_DISK_DEVICE_CDROM: slot = &b->cdrom; break;
    case VC_DISK_DEVICE_FLOPPY: slot = &b->floppy; break;
    default: slot = &b->disk; break;
    }
    n = *slot;
    *slot = 0;
    return n;
}

/* Before -device, QEMU attached USB disks with -usbdevice. */
static int usb_legacy_disk(vc_build_ctx *ctx, const vc_disk_def *d)
{
    if (d->device != VC_DISK_DEVICE_DISK)
        return vc_build_error(ctx, "internal error unsupported usb disk type for '%s'",
                              d->src ? d->src : "");
    /* the USB code reads "disk:[format=FMT:]PATH": a ':' in the path
     * would be read as options */
    if (d->src && strchr(d->src, ':'))
        return vc_build_unsupported(ctx, "USB disk path '%s' cannot be given to "
                                    "-usbdevice: it holds ':'", d->src);
    vc_build_literalf(ctx, VC_QOPT_USBDEVICE, "disk:%s", d->src ? d->src : "");
    return 0;
}

/* The floppy controller is built in: drives attach by -global. */
static int fdc_globals(vc_build_ctx *ctx, const vc_disk_def *d, unsigned bootindex)
{
    char drive = d->info.addr.u.drive.unit ? 'B' : 'A';
    vc_props p = VC_PROPS_INIT;
    char key[32];

    snprintf(key, sizeof(key), "isa-fdc.drive%c", drive);
    vc_props_addf(&p, key, "drive-%s", d->info.alias ? d->info.alias : "");
    if (vc_build_opt(ctx, VC_QOPT_GLOBAL, &p) < 0)
        return -1;
    if (!bootindex)
        return 0;
    snprintf(key, sizeof(key), "isa-fdc.bootindex%c", drive);
    vc_props_addf(&p, key, "%u", bootindex);
    return vc_build_opt(ctx, VC_QOPT_GLOBAL, &p);
}

/* QEMU 6.0 dropped the driveA/driveB globals: a floppy is a device on
 * the controller's bus, unit 0 (A) or 1 (B). */
static int fdc_device(vc_build_ctx *ctx, const vc_disk_def *d, unsigned bootindex)
{
    const char *alias = d->info.alias ? d->info.alias : "";
    vc_props p = VC_PROPS_INIT;

    vc_props_value(&p, "floppy");
    vc_props_addf(&p, "unit", "%u", d->info.addr.u.drive.unit ? 1 : 0);
    vc_props_addf(&p, "drive", "drive-%s", alias);
    vc_props_add(&p, "id", alias);
    if (vc_build_opt(ctx, VC_QOPT_DEVICE, &p) < 0)
        return -1;
    /* the boot index stayed on the controller */
    if (!bootindex)
        return 0;
    vc_props_addf(&p, d->info.addr.u.drive.unit ? "isa-fdc.bootindexB"
                                                 : "isa-fdc.bootindexA", "%u", bootindex);
    return vc_build_opt(ctx, VC_QOPT_GLOBAL, &p);
}

static int drive_disk(vc_build_ctx *ctx, vc_disk_def *d, boot_slots *boot)
{
    vc_props p = VC_PROPS_INIT;
    unsigned bootindex;
    bool with_device, mask_device;
    int rc;

    if (d->bus == VC_DISK_BUS_USB && !VC_BUILD_HAS(ctx, DEVICE))
        return usb_legacy_disk(ctx, d);
    bootindex = boot_slot_take(boot, d);

    /* Xen paravirtual disks cannot be -device: their drive is built as
     * for a QEMU without -device. */
    /* QEMU takes if=xen on its Xen machines only (xenfv, xenpv); where
     * the machine types are known, a disk it would refuse is refused */
    if (d->bus == VC_DISK_BUS_XEN && VC_BUILD_HAS(ctx, MACHINE_LISTING) &&
        !(ctx->machine && VC_STRPREFIX(ctx->machine, "xen")))
        return vc_build_unsupported(ctx, "disk bus 'xen' needs a Xen machine "
                                    "type, not '%s'", ctx->machine ? ctx->machine : "");
    with_device = VC_BUILD_HAS(ctx, DEVICE) && d->bus != VC_DISK_BUS_XEN;
    mask_device = VC_BUILD_HAS(ctx, DEVICE) && !with_device;
    if (mask_device)
        vc_caps_clear(&ctx->caps, VC_CAP_DEVICE);
    rc = vc_build_drive_props(ctx, d, !ctx->emit_bootindex && bootindex, &p);
    if (mask_device)
        vc_caps_set(&ctx->caps, VC_CAP_DEVICE);
    if (rc < 0) {
        vc_props_free(&p);
        return -1;
    }
    if (vc_build_opt(ctx, VC_QOPT_DRIVE, &p) < 0)
        return -1;

    if (!ctx->emit_bootindex)
        bootindex = 0;
    else if (d->info.boot_index)
        bootindex = d->info.boot_index;
    if (!with_device)
        return 0;
    if (d->bus == VC_DISK_BUS_FDC)
        return VC_BUILD_HAS(ctx, DEVICE_FLOPPY) ? fdc_device(ctx, d, bootindex)
                                                : fdc_globals(ctx, d, bootindex);
    if (vc_build_drive_dev_props(ctx, d, bootindex, &p) < 0) {
        vc_props_free(&p);
        return -1;
    }
    return vc_build_opt(ctx, VC_QOPT_DEVICE, &p);
}

/* QEMU before -drive: -hda..-hdd, -cdrom (hdc), -fda/-fdb. */
static int legacy_disk(vc_build_ctx *ctx, const vc_disk_def *d)
{
    static const struct { const char *dst; vc_qopt opt; } legacy[] = {
        { "hda", VC_QOPT_HDA }, { "hdb", VC_QOPT_HDB }, { "hdc", VC_QOPT_HDC },
        { "hdd", VC_QOPT_HDD }, { "fda", VC_QOPT_FDA }, { "fdb", VC_QOPT_FDB },
    };
    vc_buf file = VC_BUF_INIT;
    vc_qopt opt = VC_QOPT_LAST;

    if (d->type == VC_DISK_TYPE_BLOCK && d->tray == VC_DISK_TRAY_OPEN)
        return vc_build_unsupported(ctx,
            "tray status 'open' is invalid for block type disk");
    if (d->bus == VC_DISK_BUS_USB)
        return usb_legacy_disk(ctx, d);
    if (VC_STREQ(d->dst, "hdc") && d->device == VC_DISK_DEVICE_CDROM) {
        if (!d->src)
            return 0;
        opt = VC_QOPT_CDROM;
    }
    for (size_t i = 0; opt == VC_QOPT_LAST && i < sizeof(legacy) / sizeof(legacy[0]); i++)
        if (VC_STREQ(d->dst, legacy[i].dst))
            opt = legacy[i].opt;
    if (opt == VC_QOPT_LAST)
        return vc_build_error(ctx, "internal error unsupported disk type '%s'", d->dst);
    if (vc_build_disk_source(ctx, d, &file) < 0) {
        vc_buf_free(&file);
        return -1;
    }
    /* an open tray: the drive exists, empty */
    if (!vc_build_disk_tray_open(d))
        vc_build_literal(ctx, opt, vc_buf_str(&file));
    vc_buf_free(&file);
    return 0;
}

int vc_build_disks_args(vc_build_ctx *ctx)
{
    vc_domain_def *def = ctx->def;
    boot_slots boot;

    if (!VC_BUILD_HAS(ctx, DRIVE)) {
        for (size_t i = 0; i < def->ndisks; i++)
            if (legacy_disk(ctx, def->disks[i]) < 0)
                return -1;
        return 0;
    }
    boot_slots_init(ctx, &boot);
    for (size_t i = 0; i < def->ndisks; i++)
        if (drive_disk(ctx, def->disks[i], &boot) < 0)
            return -1;
    return 0;
}

int vc_build_disks_check(vc_build_ctx *ctx)
{
    vc_domain_def *def = ctx->def;

    /* only QEMU's own block layer is available */
    for (size_t i = 0; i < def->ndisks; i++) {
        const vc_disk_def *d = def->disks[i];
        if (d->driver_name && !VC_STREQ(d->driver_name, "qemu"))
            return vc_build_unsupported(ctx, "unsupported driver name '%s' for disk '%s'",
                                        d->driver_name, d->src ? d->src : "");
    }
    return 0;
}
