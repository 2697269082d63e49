/* build_address.h: helpers shared by the address, controller and disk
 * parts of the builder (build_address.c, build_pci.c, build_disk*.c). */
#ifndef VC_QEMU_BUILD_ADDRESS_H
#define VC_QEMU_BUILD_ADDRESS_H

#include "qemu/build_internal.h"

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

/* Put the disks in libvirt's order (by bus, then target name). */
void vc_build_order_disks(vc_domain_def *def);

/* QEMU's id of USB bus @idx: "usb", "usb1", ... (caller frees) */
char *vc_build_usb_id(unsigned idx);

/* USB2 companion controllers share one PCI slot. */
bool vc_build_is_usb2(const vc_controller_def *c);

#endif
