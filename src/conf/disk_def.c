/* disk_def.c: disk enum tables, target-name index and freeing. */
#include "conf/conf_private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

VC_ENUM_IMPL(vc_disk_type, VC_DISK_TYPE_LAST, "block", "file", "dir", "network")
VC_ENUM_IMPL(vc_disk_device, VC_DISK_DEVICE_LAST, "disk", "cdrom", "floppy", "lun")
VC_ENUM_IMPL(vc_disk_bus, VC_DISK_BUS_LAST, "ide", "fdc", "scsi", "virtio",
             "xen", "usb", "uml", "sata")
VC_ENUM_IMPL(vc_disk_cache, VC_DISK_CACHE_LAST, "default", "none",
             "writethrough", "writeback", "directsync", "unsafe")
VC_ENUM_IMPL(vc_disk_error_policy, VC_DISK_ERROR_LAST, "default", "stop",
             "report", "ignore", "enospace")
VC_ENUM_IMPL(vc_disk_io, VC_DISK_IO_LAST, "default", "native", "threads")
VC_ENUM_IMPL(vc_disk_snapshot, VC_DISK_SNAPSHOT_LAST, "default", "no",
             "internal", "external")
VC_ENUM_IMPL(vc_disk_startup, VC_DISK_STARTUP_LAST, "default", "mandatory",
             "requisite", "optional")
VC_ENUM_IMPL(vc_disk_tray, VC_DISK_TRAY_LAST, "closed", "open")
VC_ENUM_IMPL(vc_disk_protocol, VC_DISK_PROTOCOL_LAST, "nbd", "rbd", "sheepdog",
             "gluster")
VC_ENUM_IMPL(vc_disk_transport, VC_DISK_TRANSPORT_LAST, "tcp", "unix", "rdma")
VC_ENUM_IMPL(vc_disk_sgio, VC_DISK_SGIO_LAST, "default", "filtered", "unfiltered")
VC_ENUM_IMPL(vc_disk_secret_type, VC_DISK_SECRET_LAST, "none", "iscsi", "ceph")
VC_ENUM_IMPL(vc_disk_geom_trans, VC_DISK_GEOM_TRANS_LAST, "default", "none",
             "auto", "lba")
VC_ENUM_IMPL(vc_encryption_format, 2, "default", "qcow")   /* vc_disk_encryption.format */
VC_ENUM_IMPL(vc_passphrase, 1, "passphrase")

/* "hda" -> 0, "vdb" -> 1, "sdaa" -> 26 (as libvirt's virDiskNameToIndex);
 * -1 when the name has no known prefix or letters. */
int vc_disk_name_to_index(const char *name)
{
    static const char *const prefixes[] = { "fd", "hd", "vd", "sd", "xvd", "ubd" };
    const char *p = NULL;
    int idx = 0;

    for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
        if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0) {
            p = name + strlen(prefixes[i]);
            break;
        }
    if (!p || !*p)
        return -1;
    for (int i = 0; *p; i++, p++) {
        if (!islower((unsigned char)*p))
            break;
        idx = (idx + (i < 1 ? 0 : 1)) * 26;
        if (idx > 1000000)
            return -1;
        idx += *p - 'a';
    }
    /* trailing partition digits are allowed */
    while (isdigit((unsigned char)*p))
        p++;
    return *p ? -1 : idx;
}

/* The drive address libvirt gives a disk without one. */
void vc_disk_assign_address(vc_disk_def *d)
{
    int idx = vc_disk_name_to_index(d->dst);
    vc_drive_addr *a = &d->info.addr.u.drive;
    int per_ctrl, per_bus;

    if (idx < 0)
        return;
    switch (d->bus) {
    case VC_DISK_BUS_SCSI: per_ctrl = 7; per_bus = 7; break;
    case VC_DISK_BUS_IDE: per_ctrl = 4; per_bus = 2; break;
    case VC_DISK_BUS_FDC: per_ctrl = 2; per_bus = 2; break;
    case VC_DISK_BUS_SATA: per_ctrl = 6; per_bus = 6; break;
    default:
        return;
    }
    d->info.addr.type = VC_ADDR_DRIVE;
    a->controller = (unsigned)(idx / per_ctrl);
    a->bus = (unsigned)((idx % per_ctrl) / per_bus);
    a->target = 0;
    a->unit = (unsigned)(idx % per_bus);
}

void vc_disk_def_free(vc_disk_def *d)
{
    if (!d)
        return;
    free(d->driver_name);
    free(d->driver_type);
    free(d->auth_username);
    free(d->secret_usage);
    free(d->src);
    for (size_t i = 0; i < d->nhosts; i++) {
        free(d->hosts[i].name);
        free(d->hosts[i].port);
        free(d->hosts[i].socket);
    }
    free(d->hosts);
    for (size_t i = 0; i < d->nseclabels; i++) {
        free(d->seclabels[i].model);
        free(d->seclabels[i].label);
    }
    free(d->seclabels);
    free(d->mirror);
    free(d->mirror_format);
    free(d->dst);
    free(d->serial);
    free(d->wwn);
    free(d->encryption);
    vc_device_info_clear(&d->info);
    free(d);
}
