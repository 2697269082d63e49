/* build_disk_dev.c: the -device half of a disk (libvirt 0.10.2's
 * qemuBuildDriveDevStr): ide-*, scsi-*, virtio-blk-*, usb-storage. */
#include "qemu/build_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

/* wwn and type='lun' (SG_IO passthrough) are limited to some buses. */
static int check_disk(vc_build_ctx *ctx, const vc_disk_def *d)
{
    const char *bus = vc_build_disk_qemu_bus(d);

    if (d->wwn) {
        if (d->bus != VC_DISK_BUS_IDE && d->bus != VC_DISK_BUS_SCSI)
            return vc_build_unsupported(ctx, "Only ide and scsi disk support wwn");
        if ((d->bus == VC_DISK_BUS_IDE && !VC_BUILD_HAS(ctx, IDE_DRIVE_WWN)) ||
            (d->bus == VC_DISK_BUS_SCSI && !VC_BUILD_HAS(ctx, SCSI_DISK_WWN)))
            return vc_build_unsupported(ctx,
                "Setting wwn is not supported for this QEMU binary");
    }
    if (d->device == VC_DISK_DEVICE_LUN) {
        if (d->bus != VC_DISK_BUS_VIRTIO && d->bus != VC_DISK_BUS_SCSI)
            return vc_build_unsupported(ctx,
                "disk device='lun' is not supported for bus='%s'", bus);
        if (d->type != VC_DISK_TYPE_BLOCK)
            return vc_build_unsupported(ctx,
                "disk device='lun' is not supported for type='%s'",
                vc_disk_type_to_string(d->type));
        if (!VC_BUILD_HAS(ctx, BLK_SG_IO))
            return vc_build_unsupported(ctx,
                "disk device='lun' is not supported by this QEMU");
        if (d->wwn)
            return vc_build_unsupported(ctx,
                "Setting wwn is not supported for lun device");
    }
    if ((d->logical_block_size || d->physical_block_size) &&
        !VC_BUILD_HAS(ctx, BLOCKIO))
        return vc_build_unsupported(ctx, "disk blockio is not supported by this QEMU");
    return 0;
}

/* ide-cd/ide-hd when QEMU tells them apart, else ide-drive. */
static void ide_model(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *b)
{
    if (VC_BUILD_HAS(ctx, IDE_CD))
        vc_props_value(b, d->device == VC_DISK_DEVICE_CDROM ? "ide-cd" : "ide-hd");
    else
        vc_props_value(b, "ide-drive");
}

static void scsi_model(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *b)
{
    if (d->device == VC_DISK_DEVICE_LUN)
        vc_props_value(b, "scsi-block");
    else if (VC_BUILD_HAS(ctx, SCSI_CD))
        vc_props_value(b, d->device == VC_DISK_DEVICE_CDROM ? "scsi-cd" : "scsi-hd");
    else
        vc_props_value(b, "scsi-disk");
}

static int scsi_device(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *b)
{
    const vc_drive_addr *a = &d->info.addr.u.drive;
    int model;

    if (d->device == VC_DISK_DEVICE_LUN && !VC_BUILD_HAS(ctx, SCSI_BLOCK))
        return vc_build_unsupported(ctx,
            "This QEMU doesn't support scsi-block for lun passthrough");
    model = vc_build_disk_controller_model(ctx->def, d);
    if (vc_build_scsi_model(ctx, &model) < 0)
        return -1;
    /* lsi has no targets: the unit is the SCSI id */
    if (model == VC_SCSI_MODEL_LSILOGIC) {
        if (a->target != 0)
            return vc_build_unsupported(ctx,
                "target must be 0 for controller model 'lsilogic'");
        scsi_model(ctx, d, b);
        vc_props_addf(b, "bus", "scsi%u.%u", a->controller, a->bus);
        vc_props_addf(b, "scsi-id", "%u", a->unit);
        return 0;
    }
    if (!VC_BUILD_HAS(ctx, SCSI_DISK_CHANNEL)) {
        if (a->target > 7)
            return vc_build_unsupported(ctx,
                "This QEMU doesn't support target greater than 7");
        if (a->bus != a->unit && a->bus != 0)
            return vc_build_unsupported(ctx,
                "This QEMU only supports both bus and unit equal to 0");
    }
    scsi_model(ctx, d, b);
    vc_props_addf(b, "bus", "scsi%u.0", a->controller);
    vc_props_addf(b, "channel", "%u", a->bus);
    vc_props_addf(b, "scsi-id", "%u", a->target);
    vc_props_addf(b, "lun", "%u", a->unit);
    return 0;
}

static int virtio_device(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *b)
{
    vc_props_value(b, d->info.addr.type == VC_ADDR_VIRTIO_S390 ? "virtio-blk-s390"
                                                               : "virtio-blk-pci");
    if (d->ioeventfd && VC_BUILD_HAS(ctx, VIRTIO_BLK_PCI_IOEVENTFD))
        vc_props_add(b, "ioeventfd", vc_switch_to_string(d->ioeventfd));
    if (d->event_idx && VC_BUILD_HAS(ctx, VIRTIO_BLK_PCI_EVENT_IDX))
        vc_props_add(b, "event_idx", vc_switch_to_string(d->event_idx));
    /* without the option, SG_IO is simply always on */
    if (VC_BUILD_HAS(ctx, VIRTIO_BLK_PCI_SCSI))
        vc_props_add(b, "scsi", d->device == VC_DISK_DEVICE_LUN ? "on" : "off");
    /* passthrough is legacy virtio only */
    if (d->device == VC_DISK_DEVICE_LUN && VC_BUILD_HAS(ctx, VIRTIO_BLK_PCI_SCSI) &&
        VC_BUILD_HAS(ctx, VIRTIO_MODERN) && d->info.addr.type != VC_ADDR_VIRTIO_S390)
        vc_props_add(b, "disable-modern", "on");
    return vc_build_device_address(ctx, b, &d->info);
}

/* IDE disks on the PIIX3's buses, SATA ones on an AHCI port. */
static int ide_device(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *b)
{
    const vc_drive_addr *a = &d->info.addr.u.drive;
    bool sata = d->bus == VC_DISK_BUS_SATA;

    if (sata && a->bus != 0)
        return vc_build_unsupported(ctx, "bus must be 0 for ide controller");
    if (a->target != 0)
        return vc_build_unsupported(ctx, "target must be 0 for ide controller");
    /* the PC's two IDE buses take two units each; libvirt 0.10.2 wrote
     * any, which is kept where the QEMU has no device listing */
    if (!sata && VC_BUILD_HAS(ctx, DEVICE_LISTING) && (a->bus > 1 || a->unit > 1))
        return vc_build_unsupported(ctx, "IDE address bus %u unit %u: the IDE "
                                    "controller has buses 0 and 1 of units 0 and 1",
                                    a->bus, a->unit);
    ide_model(ctx, d, b);
    if (sata) {
        vc_props_addf(b, "bus", "ahci%u.%u", a->controller, a->unit);
    } else {
        vc_props_addf(b, "bus", "ide.%u", a->bus);
        vc_props_addf(b, "unit", "%u", a->unit);
    }
    return 0;
}

static int bus_device(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *b)
{
    switch (d->bus) {
    case VC_DISK_BUS_IDE:
    case VC_DISK_BUS_SATA:
        return ide_device(ctx, d, b);
    case VC_DISK_BUS_SCSI:
        return scsi_device(ctx, d, b);
    case VC_DISK_BUS_VIRTIO:
        return virtio_device(ctx, d, b);
    case VC_DISK_BUS_USB:
        vc_props_value(b, "usb-storage");
        return vc_build_device_address(ctx, b, &d->info);
    default:
        return vc_build_error(ctx, "internal error unsupported disk bus '%s' with "
                              "device setup", vc_build_disk_qemu_bus(d));
    }
}

/* cyls/heads/secs on ide-hd, scsi-hd and virtio-blk, the BIOS
 * translation on ide-hd only (QEMU's device properties, where -drive
 * lost them). */
static int device_geometry(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *p)
{
    bool ide = d->bus == VC_DISK_BUS_IDE || d->bus == VC_DISK_BUS_SATA;

    if (!VC_BUILD_HAS(ctx, DEVICE_GEOMETRY) ||
        !(d->geom_cyls > 0 && d->geom_heads > 0 && d->geom_secs > 0))
        return 0;
    if (!ide && d->bus != VC_DISK_BUS_SCSI && d->bus != VC_DISK_BUS_VIRTIO)
        return vc_build_unsupported(ctx, "disk geometry is not supported for "
                                    "bus='%s' by this QEMU", vc_build_disk_qemu_bus(d));
    if (d->geom_trans != VC_DISK_GEOM_TRANS_DEFAULT && !ide)
        return vc_build_unsupported(ctx, "disk geometry translation is only "
                                    "supported for bus='ide' by this QEMU");
    vc_props_addf(p, "cyls", "%u", d->geom_cyls);
    vc_props_addf(p, "heads", "%u", d->geom_heads);
    vc_props_addf(p, "secs", "%u", d->geom_secs);
    if (d->geom_trans != VC_DISK_GEOM_TRANS_DEFAULT)
        vc_props_add(p, "bios-chs-trans", vc_disk_geom_trans_to_string(d->geom_trans));
    return 0;
}

/* Where -drive has no serial= (gone in QEMU 3.0), the disk device
 * takes it; scsi-block (device='lun') has none. */
static int device_serial(vc_build_ctx *ctx, const vc_disk_def *d, vc_props *p)
{
    if (!d->serial || VC_BUILD_HAS(ctx, DRIVE_SERIAL) || !VC_BUILD_HAS(ctx, DEVICE_SERIAL))
        return 0;
    if (vc_build_disk_serial_check(ctx, d) < 0)
        return -1;
    if (d->bus == VC_DISK_BUS_SCSI && d->device == VC_DISK_DEVICE_LUN)
        return vc_build_unsupported(ctx, "disk serial is not supported for "
                                    "device='lun' on bus='scsi' by this QEMU");
    vc_props_add(p, "serial", d->serial);
    return 0;
}

int vc_build_drive_dev_props(vc_build_ctx *ctx, const vc_disk_def *d,
                             unsigned bootindex, vc_props *p)
{
    const char *alias = d->info.alias ? d->info.alias : "";

    if (vc_disk_name_to_index(d->dst) < 0)
        return vc_build_error(ctx, "internal error unsupported disk type '%s'", d->dst);
    if (check_disk(ctx, d) < 0 || bus_device(ctx, d, p) < 0)
        return -1;
    vc_props_addf(p, "drive", "drive-%s", alias);
    vc_props_add(p, "id", alias);
    if (bootindex && VC_BUILD_HAS(ctx, BOOT_INDEX))
        vc_props_addf(p, "bootindex", "%u", bootindex);
    if (d->logical_block_size > 0)
        vc_props_addf(p, "logical_block_size", "%u", d->logical_block_size);
    /* QEMU refuses a logical size above the physical one, which is 512
     * unless given: a larger logical size alone is physical too */
    if (d->physical_block_size > 0)
        vc_props_addf(p, "physical_block_size", "%u", d->physical_block_size);
    else if (d->logical_block_size > 512)
        vc_props_addf(p, "physical_block_size", "%u", d->logical_block_size);
    if (d->wwn && VC_BUILD_HAS(ctx, WWN_0X))
        vc_props_addf(p, "wwn", "0x%s", d->wwn);
    else if (d->wwn)
        vc_props_add(p, "wwn", d->wwn);
    if (device_serial(ctx, d, p) < 0)
        return -1;
    return device_geometry(ctx, d, p);
}
