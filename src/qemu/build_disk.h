/* build_disk.h: the parts of vc_build_disk_args (build_disk*.c,
 * build_controller.c, build_fs.c). */
#ifndef VC_QEMU_BUILD_DISK_H
#define VC_QEMU_BUILD_DISK_H

#include "qemu/build_address.h"

/* The disk's source as QEMU takes it ("/path", "fat:DIR", "nbd:H:P",
 * "rbd:...", "sheepdog:..."), unquoted: the option's serializer quotes. */
int vc_build_disk_source(vc_build_ctx *ctx, const vc_disk_def *d, vc_buf *buf);
/* A cdrom or floppy with its tray open: started without a medium. */
bool vc_build_disk_tray_open(const vc_disk_def *d);

/* QEMU's name of the disk's bus (if=): "ide", "floppy", "virtio", ... */
const char *vc_build_disk_qemu_bus(const vc_disk_def *d);

/* The -drive properties (qemuBuildDriveStr); @bootable asks for boot=on. */
int vc_build_drive_props(vc_build_ctx *ctx, const vc_disk_def *d, bool bootable,
                         vc_props *p);
/* The -device properties of a disk on its bus (qemuBuildDriveDevStr). */
int vc_build_drive_dev_props(vc_build_ctx *ctx, const vc_disk_def *d,
                             unsigned bootindex, vc_props *p);

/* -device for the SCSI, SATA, USB, virtio-serial and CCID controllers. */
int vc_build_controller_args(vc_build_ctx *ctx);
/* -fsdev and -device virtio-9p-pci for each filesystem. */
int vc_build_fs_args(vc_build_ctx *ctx);

#endif
