/* build_drive.c: the -drive value of a disk and, with -device, the
 * device that sits on it (libvirt 0.10.2's qemuBuildDriveStr and
 * qemuBuildDriveDevStr). */
#include "qemu/build_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

/* QEMU's if= names of the disk buses. */
static const char *const qemu_bus[VC_DISK_BUS_LAST] = {
    [VC_DISK_BUS_IDE] = "ide", [VC_DISK_BUS_FDC] = "floppy",
    [VC_DISK_BUS_SCSI] = "scsi", [VC_DISK_BUS_VIRTIO] = "virtio",
    [VC_DISK_BUS_XEN] = "xen", [VC_DISK_BUS_USB] = "usb",
    [VC_DISK_BUS_UML] = "uml", [VC_DISK_BUS_SATA] = "sata",
};

/* cache= before QEMU 0.10 knew only on/off: the modes without an
 * equivalent are made safe (off). */
static const char *const cache_v1[VC_DISK_CACHE_LAST] = {
    "default", "off", "off", "on", "off", "off",
};
static const char *const cache_v2[VC_DISK_CACHE_LAST] = {
    "default", "none", "writethrough", "writeback", "directsync", "unsafe",
};

#define SERIAL_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"

int vc_build_disk_serial_check(vc_build_ctx *ctx, const vc_disk_def *d)
{
    if (strspn(d->serial, SERIAL_CHARS) != strlen(d->serial))
        return vc_build_error(ctx, "internal error driver serial '%s' contains "
                              "unsafe characters", d->serial);
    return 0;
}

const char *vc_build_disk_qemu_bus(const vc_disk_def *d)
{
    return d->bus < VC_DISK_BUS_LAST ? qemu_bus[d->bus] : "";
}

/* Where the legacy (no -device) -drive puts the disk: bus=/unit= from
 * the drive address, or index= from the target name. */
static int drive_position(vc_build_ctx *ctx, const vc_disk_def *d,
                          int *busid, int *unitid, int *idx)
{
    const vc_drive_addr *a = &d->info.addr.u.drive;
    bool drive_addr = d->info.addr.type == VC_ADDR_DRIVE;

    *busid = *unitid = -1;
    if ((d->bus == VC_DISK_BUS_SCSI || d->bus == VC_DISK_BUS_IDE ||
         d->bus == VC_DISK_BUS_FDC) && !drive_addr)
        return vc_build_error(ctx, "internal error unexpected address type for %s disk",
                              vc_disk_bus_to_string(d->bus));
    /* one IDE controller and one FDC (with one bus) */
    if ((d->bus == VC_DISK_BUS_IDE || d->bus == VC_DISK_BUS_FDC) && a->controller != 0)
        return vc_build_error(ctx, "internal error Only 1 %s controller is supported",
                              vc_build_disk_qemu_bus(d));
    switch (d->bus) {
    case VC_DISK_BUS_SCSI:
        /* bus= makes QEMU create a controller; only one bus per one */
        if (a->bus != 0)
            return vc_build_error(ctx, "internal error SCSI controller only supports 1 bus");
        *busid = (int)a->controller;
        *unitid = (int)a->unit;
        return 0;
    case VC_DISK_BUS_IDE:
        *busid = (int)a->bus;
        *unitid = (int)a->unit;
        return 0;
    case VC_DISK_BUS_FDC:
        if (a->bus != 0)
            return vc_build_error(ctx, "internal error Only 1 %s bus is supported",
                                  vc_build_disk_qemu_bus(d));
        if (a->target != 0)
            return vc_build_unsupported(ctx, "target must be 0 for controller fdc");
        *unitid = (int)a->unit;
        return 0;
    case VC_DISK_BUS_VIRTIO:
        /* with the s390 bus every virtio disk was put on it */
        if (VC_BUILD_HAS(ctx, VIRTIO_S390) && d->info.addr.type != VC_ADDR_VIRTIO_S390)
            return vc_build_error(ctx,
                "internal error unexpected address type for s390-virtio disk");
        *idx = -1;
        return 0;
    default:
        return 0;
    }
}

static void add_media_cdrom(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *b)
{
    if (d->device != VC_DISK_DEVICE_CDROM)
        return;
    /* scsi-cd and ide-cd know they are CD-ROMs */
    if (d->bus == VC_DISK_BUS_SCSI && VC_BUILD_HAS(ctx, SCSI_CD))
        return;
    if (d->bus == VC_DISK_BUS_IDE && VC_BUILD_HAS(ctx, IDE_CD))
        return;
    vc_props_add(b, "media", "cdrom");
}

static int add_cache(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *b)
{
    if (d->cache == VC_DISK_CACHE_DEFAULT) {
        /* shared writable disks must not be cached by the host */
        if (d->shared && !d->readonly)
            vc_props_add(b, "cache", "off");
        return 0;
    }
    if (!VC_BUILD_HAS(ctx, DRIVE_CACHE_V2)) {
        vc_props_add(b, "cache", cache_v1[d->cache]);
        return 0;
    }
    if (d->cache == VC_DISK_CACHE_DIRECTSYNC && !VC_BUILD_HAS(ctx, CACHE_DIRECTSYNC))
        return vc_build_unsupported(ctx,
            "disk cache mode 'directsync' is not supported by this QEMU");
    if (d->cache == VC_DISK_CACHE_UNSAFE && !VC_BUILD_HAS(ctx, CACHE_UNSAFE))
        return vc_build_unsupported(ctx,
            "disk cache mode 'unsafe' is not supported by this QEMU");
    vc_props_add(b, "cache", cache_v2[d->cache]);
    return 0;
}

/* werror=/rerror= only reach a QEMU with the JSON monitor, which
 * reports the resulting stops. */
static void add_error_policy(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *b)
{
    const char *wpolicy = NULL, *rpolicy = NULL;

    if (!VC_BUILD_HAS(ctx, MONITOR_JSON))
        return;
    if (d->error_policy)
        wpolicy = vc_disk_error_policy_to_string(d->error_policy);
    if (d->rerror_policy)
        rpolicy = vc_disk_error_policy_to_string(d->rerror_policy);
    if (d->error_policy == VC_DISK_ERROR_ENOSPACE)
        wpolicy = "enospc";     /* QEMU's spelling; not valid for reads */
    else if (!rpolicy)
        rpolicy = wpolicy;
    if (wpolicy)
        vc_props_add(b, "werror", wpolicy);
    if (rpolicy)
        vc_props_add(b, "rerror", rpolicy);
}

static int add_iotune(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *b)
{
    const vc_disk_iotune *t = &d->iotune;
    const struct { const char *name; unsigned long long v; } opts[] = {
        { "bps", t->total_bytes_sec }, { "bps_rd", t->read_bytes_sec },
        { "bps_wr", t->write_bytes_sec }, { "iops", t->total_iops_sec },
        { "iops_rd", t->read_iops_sec }, { "iops_wr", t->write_iops_sec },
    };
    bool any = false;

    for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
        any = any || opts[i].v;
    if (any && !VC_BUILD_HAS(ctx, DRIVE_IOTUNE))
        return vc_build_unsupported(ctx,
            "block I/O throttling not supported with this QEMU binary");
    for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
        if (opts[i].v)
            vc_props_addf(b, opts[i].name, "%llu", opts[i].v);
    return 0;
}

/* Whether -drive gets a file=: an nbd source has no path; an open tray
 * has no medium. */
static bool drive_has_file(const vc_disk_def *d)
{
    return (d->src || (d->type == VC_DISK_TYPE_NETWORK &&
                       d->protocol == VC_DISK_PROTOCOL_NBD)) &&
           !vc_build_disk_tray_open(d);
}

/* Everything after the position: boot, readonly, format, geometry,
 * serial, cache, copy-on-read, error policy, aio, throttling. */
static int drive_options(vc_build_ctx *ctx, const vc_disk_def *d, bool bootable,
                         vc_props *b)
{
    if (bootable && VC_BUILD_HAS(ctx, DRIVE_BOOT) &&
        (d->device == VC_DISK_DEVICE_DISK || d->device == VC_DISK_DEVICE_LUN) &&
        d->bus != VC_DISK_BUS_IDE)
        vc_props_add(b, "boot", "on");
    if (d->readonly && VC_BUILD_HAS(ctx, DRIVE_READONLY))
        vc_props_add(b, "readonly", "on");
    if (d->transient)
        return vc_build_unsupported(ctx, "transient disks not supported yet");
    /* a format without a file is refused (QEMU 7.2: 'A block device
     * must be specified for "file"'), and means nothing before */
    if (d->driver_type && d->type != VC_DISK_TYPE_DIR && drive_has_file(d) &&
        VC_BUILD_HAS(ctx, DRIVE_FORMAT))
        vc_props_add(b, "format", d->driver_type);
    /* where the disk devices take the geometry, -drive no longer does */
    if (d->geom_cyls > 0 && d->geom_heads > 0 && d->geom_secs > 0 &&
        !(VC_BUILD_HAS(ctx, DEVICE) && VC_BUILD_HAS(ctx, DEVICE_GEOMETRY))) {
        vc_props_addf(b, "cyls", "%u", d->geom_cyls);
        vc_props_addf(b, "heads", "%u", d->geom_heads);
        vc_props_addf(b, "secs", "%u", d->geom_secs);
        if (d->geom_trans != VC_DISK_GEOM_TRANS_DEFAULT)
            vc_props_add(b, "trans", vc_disk_geom_trans_to_string(d->geom_trans));
    }
    if (d->serial && VC_BUILD_HAS(ctx, DRIVE_SERIAL)) {
        if (vc_build_disk_serial_check(ctx, d) < 0)
            return -1;
        vc_props_add(b, "serial", d->serial);
    }
    if (add_cache(ctx, d, b) < 0)
        return -1;
    if (d->copy_on_read) {
        if (!VC_BUILD_HAS(ctx, DRIVE_COPY_ON_READ))
            return vc_build_unsupported(ctx,
                "copy_on_read is not supported by this QEMU binary");
        vc_props_add(b, "copy-on-read", vc_switch_to_string(d->copy_on_read));
    }
    add_error_policy(ctx, d, b);
    if (d->io) {
        if (!VC_BUILD_HAS(ctx, DRIVE_AIO))
            return vc_build_unsupported(ctx,
                "disk aio mode not supported with this QEMU binary");
        vc_props_add(b, "aio", vc_disk_io_to_string(d->io));
    }
    return add_iotune(ctx, d, b);
}

int vc_build_drive_props(vc_build_ctx *ctx, const vc_disk_def *d, bool bootable,
                         vc_props *p)
{
    int idx = vc_disk_name_to_index(d->dst);
    int busid, unitid;

    if (idx < 0)
        return vc_build_error(ctx, "internal error unsupported disk type '%s'", d->dst);
    if (drive_position(ctx, d, &busid, &unitid, &idx) < 0)
        return -1;
    if (drive_has_file(d)) {
        vc_buf file = VC_BUF_INIT;
        if (vc_build_disk_source(ctx, d, &file) < 0) {
            vc_buf_free(&file);
            return -1;
        }
        vc_props_add(p, "file", vc_buf_str(&file));
        vc_buf_free(&file);
    }
    vc_props_add(p, "if", VC_BUILD_HAS(ctx, DEVICE) ? "none" : vc_build_disk_qemu_bus(d));
    add_media_cdrom(ctx, d, p);
    if (VC_BUILD_HAS(ctx, DEVICE)) {
        vc_props_addf(p, "id", "drive-%s", d->info.alias ? d->info.alias : "");
    } else if (busid == -1 && unitid == -1) {
        if (idx != -1)
            vc_props_addf(p, "index", "%d", idx);
    } else {
        if (busid != -1)
            vc_props_addf(p, "bus", "%d", busid);
        if (unitid != -1)
            vc_props_addf(p, "unit", "%d", unitid);
    }
    return drive_options(ctx, d, bootable, p);
}
