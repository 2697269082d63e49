/* build_controller.c: -device for disk and bus controllers (libvirt
 * 0.10.2's qemuBuildControllerDevStr); IDE and FDC are built in. */
#include "qemu/build_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

/* The order controllers go out in, whatever the XML order. */
static const vc_ctrl_type controller_order[] = {
    VC_CTRL_SCSI, VC_CTRL_SATA, VC_CTRL_USB, VC_CTRL_VIRTIO_SERIAL, VC_CTRL_CCID,
};

/* QEMU device and capability of each USB controller model. */
static const struct {
    const char *device;
    int cap;                    /* -1: no QEMU device */
} usb_models[VC_USB_MODEL_LAST] = {
    [VC_USB_MODEL_PIIX3_UHCI] = { "piix3-usb-uhci", VC_CAP_PIIX3_USB_UHCI },
    [VC_USB_MODEL_PIIX4_UHCI] = { "piix4-usb-uhci", VC_CAP_PIIX4_USB_UHCI },
    [VC_USB_MODEL_EHCI] = { "usb-ehci", VC_CAP_USB_EHCI },
    [VC_USB_MODEL_ICH9_EHCI1] = { "ich9-usb-ehci1", VC_CAP_ICH9_USB_EHCI1 },
    [VC_USB_MODEL_ICH9_UHCI1] = { "ich9-usb-uhci1", VC_CAP_ICH9_USB_EHCI1 },
    [VC_USB_MODEL_ICH9_UHCI2] = { "ich9-usb-uhci2", VC_CAP_ICH9_USB_EHCI1 },
    [VC_USB_MODEL_ICH9_UHCI3] = { "ich9-usb-uhci3", VC_CAP_ICH9_USB_EHCI1 },
    [VC_USB_MODEL_VT82C686B_UHCI] = { "vt82c686b-usb-uhci", VC_CAP_VT82C686B_USB_UHCI },
    [VC_USB_MODEL_PCI_OHCI] = { "pci-ohci", VC_CAP_PCI_OHCI },
    [VC_USB_MODEL_NEC_XHCI] = { "nec-usb-xhci", VC_CAP_NEC_USB_XHCI },
    [VC_USB_MODEL_NONE] = { "none", -1 },
};

static int usb_controller(vc_build_ctx *ctx, const vc_controller_def *c, vc_props *p)
{
    int model = c->model;
    char *bus;

    /* the default is the PIIX3's UHCI, OHCI on ppc64 */
    if (model == -1)
        model = vc_streq_null(vc_build_arch(ctx), "ppc64") ? VC_USB_MODEL_PCI_OHCI
                                                           : VC_USB_MODEL_PIIX3_UHCI;
    if (model < 0 || model >= VC_USB_MODEL_LAST)
        return vc_build_error(ctx, "internal error unknown USB controller model");
    if (usb_models[model].cap < 0 ||
        !vc_build_has(ctx, (vc_cap)usb_models[model].cap))
        return vc_build_unsupported(ctx, "%s not supported in this QEMU binary",
                                    usb_models[model].device);
    vc_props_value(p, usb_models[model].device);
    bus = vc_build_usb_id(c->idx);
    /* companions attach to their EHCI's bus */
    if (c->info.has_master) {
        vc_props_addf(p, "masterbus", "%s.0", bus);
        vc_props_addf(p, "firstport", "%u", c->info.master_startport);
    } else {
        vc_props_add(p, "id", bus);
    }
    free(bus);
    return 0;
}

static int scsi_controller(vc_build_ctx *ctx, const vc_controller_def *c, vc_props *p)
{
    int model = c->model;

    if (vc_build_scsi_model(ctx, &model) < 0)
        return -1;
    switch (model) {
    case VC_SCSI_MODEL_VIRTIO_SCSI: vc_props_value(p, "virtio-scsi-pci"); break;
    case VC_SCSI_MODEL_IBMVSCSI: vc_props_value(p, "spapr-vscsi"); break;
    case VC_SCSI_MODEL_LSILOGIC: vc_props_value(p, "lsi"); break;
    default:
        return vc_build_unsupported(ctx, "Unsupported controller model: %s",
                                    vc_scsi_model_to_string(c->model));
    }
    vc_props_addf(p, "id", "scsi%u", c->idx);
    return 0;
}

static int controller_device(vc_build_ctx *ctx, const vc_controller_def *c)
{
    vc_props p = VC_PROPS_INIT;
    int r = 0;

    switch (c->type) {
    case VC_CTRL_SCSI:
        r = scsi_controller(ctx, c, &p);
        break;
    case VC_CTRL_VIRTIO_SERIAL:
        vc_props_value(&p, c->info.addr.type == VC_ADDR_VIRTIO_S390
                           ? "virtio-serial-s390" : "virtio-serial-pci");
        vc_props_addf(&p, "id", "virtio-serial%u", c->idx);
        if (c->ports != -1)
            vc_props_addf(&p, "max_ports", "%d", c->ports);
        if (c->vectors != -1)
            vc_props_addf(&p, "vectors", "%d", c->vectors);
        break;
    case VC_CTRL_CCID:
        vc_props_value(&p, "usb-ccid");
        vc_props_addf(&p, "id", "ccid%u", c->idx);
        break;
    case VC_CTRL_SATA:
        vc_props_value(&p, "ahci");
        vc_props_addf(&p, "id", "ahci%u", c->idx);
        break;
    case VC_CTRL_USB:
        r = usb_controller(ctx, c, &p);
        break;
    default:
        r = vc_build_unsupported(ctx, "Unknown controller type: %s",
                                 vc_ctrl_type_to_string(c->type));
        break;
    }
    if (r < 0 || vc_build_device_address(ctx, &p, &c->info) < 0) {
        vc_props_free(&p);
        return -1;
    }
    return vc_build_opt(ctx, VC_QOPT_DEVICE, &p);
}

/* A default USB controller on a QEMU without piix3-usb-uhci is the
 * legacy -usb (added by build.c). */
static bool usb_is_legacy(vc_build_ctx *ctx, const vc_controller_def *c)
{
    return c->type == VC_CTRL_USB && c->model == -1 &&
           !VC_BUILD_HAS(ctx, PIIX3_USB_UHCI);
}

typedef enum { ANY, MASTERS, COMPANIONS } which_ctrl;

/* The controllers of one type: all, or those that are not USB
 * companions, or the companions. */
static int controllers_of(vc_build_ctx *ctx, vc_ctrl_type type, which_ctrl which,
                          bool *usb_legacy)
{
    const vc_domain_def *def = ctx->def;

    for (size_t i = 0; i < def->ncontrollers; i++) {
        const vc_controller_def *c = def->controllers[i];

        if (c->type != type || (which != ANY && c->info.has_master != (which == COMPANIONS)))
            continue;
        if (c->type == VC_CTRL_USB && c->model == VC_USB_MODEL_NONE)
            continue;
        if (c->type == VC_CTRL_SATA && !VC_BUILD_HAS(ctx, ICH9_AHCI))
            return vc_build_unsupported(ctx,
                "SATA is not supported with this QEMU binary");
        if (usb_is_legacy(ctx, c)) {
            if (*usb_legacy)
                return vc_build_unsupported(ctx,
                    "Multiple legacy USB controllers are not supported");
            *usb_legacy = true;
            continue;
        }
        if (controller_device(ctx, c) < 0)
            return -1;
    }
    return 0;
}

int vc_build_controller_args(vc_build_ctx *ctx)
{
    bool usb_legacy = false;

    /* without -device QEMU has its own controllers */
    if (!VC_BUILD_HAS(ctx, DEVICE))
        return 0;
    /* USB companions after the masters whose bus they join: QEMU looks
     * the master's bus up when it creates a companion.  libvirt 0.10.2
     * kept the XML's order, which is kept where there is no recorded
     * device listing (its test capability sets). */
    for (size_t j = 0; j < sizeof(controller_order) / sizeof(controller_order[0]); j++) {
        int rc;

        if (!VC_BUILD_HAS(ctx, DEVICE_LISTING))
            rc = controllers_of(ctx, controller_order[j], ANY, &usb_legacy);
        else if ((rc = controllers_of(ctx, controller_order[j], MASTERS, &usb_legacy)) == 0)
            rc = controllers_of(ctx, controller_order[j], COMPANIONS, &usb_legacy);
        if (rc < 0)
            return -1;
    }
    return 0;
}
