/* build_hostdev.c: host devices given to the guest (USB and PCI
 * passthrough) and USB redirection over a character device. */
#include "qemu/build_private.h"

#include <stdio.h>
#include <stdlib.h>

#include "util/buf.h"

static int usb_hostdev(vc_build_ctx *ctx, const vc_hostdev_def *h)
{
    vc_props p = VC_PROPS_INIT;

    /* a vendor/product match is resolved to bus/device on the host at
     * start-up, which this builder cannot do */
    if (!h->has_usb_addr || (!h->usb_bus && !h->usb_device))
        return vc_build_error(ctx, "internal error USB host device is missing "
                              "bus/device information");
    if (!VC_BUILD_HAS(ctx, DEVICE)) {
        vc_build_literalf(ctx, VC_QOPT_USBDEVICE, "host:%u.%u", h->usb_bus,
                          h->usb_device);
        return 0;
    }
    vc_props_value(&p, "usb-host");
    vc_props_addf(&p, "hostbus", "%u", h->usb_bus);
    vc_props_addf(&p, "hostaddr", "%u", h->usb_device);
    vc_props_add(&p, "id", h->info.alias);
    if (h->info.boot_index)
        vc_props_addf(&p, "bootindex", "%u", h->info.boot_index);
    if (vc_build_device_address(ctx, &p, &h->info) < 0) {
        vc_props_free(&p);
        return -1;
    }
    return vc_build_opt(ctx, VC_QOPT_DEVICE, &p);
}

/* @src on the host, given as the device of @info. */
static int pci_hostdev(vc_build_ctx *ctx, const vc_pci_addr *src, const vc_device_info *info)
{
    vc_props p = VC_PROPS_INIT;
    char host[16];

    /* vfio-pci, which came after pci-assign, has bootindex from its
     * first release: a QEMU that assigns by VFIO alone boots from it */
    bool vfio = VC_BUILD_HAS(ctx, DEVICE) && VC_BUILD_HAS(ctx, DEVICE_LISTING) &&
                !VC_BUILD_HAS(ctx, PCI_ASSIGN) && VC_BUILD_HAS(ctx, VFIO_PCI);

    if (info->boot_index && !vfio && !VC_BUILD_HAS(ctx, PCI_BOOTINDEX))
        return vc_build_unsupported(ctx, "booting from assigned PCI devices is "
                                    "not supported with this version of qemu");
    /* libvirt 0.10.2 leaves the PCI domain out */
    snprintf(host, sizeof(host), "%.2x:%.2x.%.1x", src->bus & 0xff,
             src->slot & 0xff, src->function & 0xf);
    if (!VC_BUILD_HAS(ctx, DEVICE)) {
        if (!VC_BUILD_HAS(ctx, PCI_DEVICE))
            return vc_build_unsupported(ctx, "PCI device assignment is not supported "
                                        "by this version of qemu");
        vc_build_literalf(ctx, VC_QOPT_PCIDEVICE, "host=%s", host);
        return 0;
    }
    /* (a configfd needs the host's sysfs: not given here).  A QEMU that
     * lists its devices without pci-assign assigns by VFIO, or not at
     * all. */
    if (VC_BUILD_HAS(ctx, DEVICE_LISTING) && !VC_BUILD_HAS(ctx, PCI_ASSIGN)) {
        if (!VC_BUILD_HAS(ctx, VFIO_PCI))
            return vc_build_unsupported(ctx, "PCI device assignment is not "
                                        "supported by this QEMU binary (it has "
                                        "neither pci-assign nor vfio-pci)");
        vc_props_value(&p, "vfio-pci");
    } else {
        vc_props_value(&p, "pci-assign");
    }
    vc_props_add(&p, "host", host);
    vc_props_add(&p, "id", info->alias);
    if (info->boot_index)
        vc_props_addf(&p, "bootindex", "%u", info->boot_index);
    if (vc_build_device_address(ctx, &p, info) < 0 || vc_build_rom(ctx, &p, info) < 0) {
        vc_props_free(&p);
        return -1;
    }
    return vc_build_opt(ctx, VC_QOPT_DEVICE, &p);
}

/* libvirt 0.10.2 lists a type='hostdev' interface among the host
 * devices, ahead of the <hostdev> elements, and builds it there. */
int vc_build_hostdev_args(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;

    for (size_t i = 0; i < def->nnets; i++) {
        const vc_net_def *n = def->nets[i];
        if (n->type == VC_NET_TYPE_HOSTDEV &&
            pci_hostdev(ctx, &n->hostdev_addr.u.pci, &n->info) < 0)
            return -1;
    }
    for (size_t i = 0; i < def->nhostdevs; i++) {
        const vc_hostdev_def *h = def->hostdevs[i];
        int rc = h->type == VC_HOSTDEV_SUBSYS_USB ? usb_hostdev(ctx, h)
                                                  : pci_hostdev(ctx, &h->pci, &h->info);
        if (rc < 0)
            return -1;
    }
    /* the devices networks with <forward mode='hostdev'> hand out are
     * added to the list while the interfaces are built: last */
    for (size_t i = 0; i < def->nnets; i++) {
        const vc_pci_addr *pci;
        int rc = vc_build_net_hostdev(ctx, def->nets[i], &pci);
        if (rc < 0 || (rc > 0 && pci_hostdev(ctx, pci, &def->nets[i]->info) < 0))
            return -1;
    }
    return 0;
}

/* filter=class:vendor:product:version:allow|... (-1 = any) */
static void redir_filter(const vc_redirfilter_def *f, vc_props *p)
{
    vc_buf bb = VC_BUF_INIT, *b = &bb;

    for (size_t i = 0; i < f->nusbdevs; i++) {
        const vc_redirfilter_usbdev *u = &f->usbdevs[i];
        const int vals[4] = { u->usb_class, u->vendor, u->product, u->version };
        if (i)
            vc_buf_addc(b, '|');
        for (int v = 0; v < 4; v++) {
            if (vals[v] < 0)
                vc_buf_add(b, "-1:");
            else
                vc_buf_addf(b, v == 0 ? "0x%02X:" : "0x%04X:", (unsigned)vals[v]);
        }
        vc_buf_addf(b, "%u", u->allow ? 1u : 0u);
    }
    vc_props_add(p, "filter", vc_buf_str(b));
    vc_buf_free(b);
}

int vc_build_redirdev_args(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    const vc_redirfilter_def *filter = vc_domain_redirfilter(def);

    for (size_t i = 0; i < def->nredirdevs; i++) {
        const vc_redirdev_def *r = def->redirdevs[i];
        vc_props p = VC_PROPS_INIT;

        if (vc_build_chardev(ctx, &r->source, r->info.alias) < 0)
            return -1;
        if (!VC_BUILD_HAS(ctx, DEVICE) || !VC_BUILD_HAS(ctx, USB_REDIR))
            return vc_build_unsupported(ctx, "USB redirection is not supported by "
                                        "this version of QEMU");
        if (filter && filter->nusbdevs &&
            !VC_BUILD_HAS(ctx, USB_REDIR_FILTER))
            return vc_build_unsupported(ctx, "USB redirection filter is not "
                                        "supported by this version of QEMU");
        vc_props_value(&p, "usb-redir");
        vc_props_addf(&p, "chardev", "char%s", r->info.alias);
        vc_props_add(&p, "id", r->info.alias);
        if (filter && filter->nusbdevs)
            redir_filter(filter, &p);
        if (vc_build_device_address(ctx, &p, &r->info) < 0) {
            vc_props_free(&p);
            return -1;
        }
        if (vc_build_opt(ctx, VC_QOPT_DEVICE, &p) < 0)
            return -1;
    }
    return 0;
}
