/* build_address.c: device aliases (libvirt's qemuAssignDeviceAliases)
 * and the address suffix of a -device option. */
#include "qemu/build_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---- aliases ---------------------------------------------------------- */

static void set_alias(vc_device_info *info, char *alias)
{
    free(info->alias);
    info->alias = alias;
}

/* Without -drive: the target name ("hda") is all QEMU knows. */
static int disk_alias_legacy(vc_disk_def *d)
{
    set_alias(&d->info, vc_strdup(d->dst));
    return 0;
}

/* -drive without -device: QEMU's own names (ide0-hd0, virtio1, ...). */
static int disk_alias_fixed(vc_build_ctx *ctx, vc_disk_def *d)
{
    int idx = vc_disk_name_to_index(d->dst);
    int bus = 0, dev = idx;
    bool cd = d->device != VC_DISK_DEVICE_DISK;

    if (idx < 0)
        return vc_build_error(ctx, "internal error cannot convert disk '%s' to bus/device index",
                                 d->dst);
    if (d->bus == VC_DISK_BUS_IDE) {
        bus = idx / 2;
        dev = idx % 2;
    } else if (d->bus == VC_DISK_BUS_SCSI) {
        bus = idx / 7;
        dev = idx % 7;
    }
    switch (d->bus) {
    case VC_DISK_BUS_IDE:
        set_alias(&d->info, vc_asprintf("ide%d-%s%d", bus, cd ? "cd" : "hd", dev));
        return 0;
    case VC_DISK_BUS_SCSI:
        set_alias(&d->info, vc_asprintf("scsi%d-%s%d", bus, cd ? "cd" : "hd", dev));
        return 0;
    case VC_DISK_BUS_FDC:
        set_alias(&d->info, vc_asprintf("floppy%d", dev));
        return 0;
    case VC_DISK_BUS_VIRTIO:
        set_alias(&d->info, vc_asprintf("virtio%d", dev));
        return 0;
    case VC_DISK_BUS_XEN:
        set_alias(&d->info, vc_asprintf("xenblk%d", dev));
        return 0;
    case VC_DISK_BUS_USB:
        set_alias(&d->info, vc_asprintf("usb%d", dev));
        return 0;
    default:
        return vc_build_unsupported(ctx, "Unsupported disk name mapping for bus '%s'",
                                    vc_disk_bus_to_string(d->bus));
    }
}

/* With -device: bus name and drive address (scsi0-0-3-0 names the
 * target too, except on lsi where QEMU has no targets). */
static int disk_alias_custom(vc_build_ctx *ctx, vc_disk_def *d)
{
    const char *prefix = vc_disk_bus_to_string(d->bus);
    const vc_drive_addr *a = &d->info.addr.u.drive;

    if (d->info.addr.type != VC_ADDR_DRIVE) {
        set_alias(&d->info, vc_asprintf("%s-disk%d", prefix,
                                        vc_disk_name_to_index(d->dst)));
        return 0;
    }
    if (d->bus == VC_DISK_BUS_SCSI) {
        int model = vc_build_disk_controller_model(ctx->def, d);

        if (vc_build_scsi_model(ctx, &model) < 0)
            return -1;
        if (model != VC_SCSI_MODEL_LSILOGIC) {
            set_alias(&d->info, vc_asprintf("%s%u-%u-%u-%u", prefix, a->controller,
                                            a->bus, a->target, a->unit));
            return 0;
        }
    }
    set_alias(&d->info, vc_asprintf("%s%u-%u-%u", prefix, a->controller,
                                    a->bus, a->unit));
    return 0;
}

static int disk_alias(vc_build_ctx *ctx, vc_disk_def *d)
{
    if (!VC_BUILD_HAS(ctx, DRIVE))
        return disk_alias_legacy(d);
    if (!VC_BUILD_HAS(ctx, DEVICE))
        return disk_alias_fixed(ctx, d);
    return disk_alias_custom(ctx, d);
}

/* "<prefix><i>" for every device of a family. */
static void alias_each(vc_domain_def *def, vc_device_kind kind, const char *prefix)
{
    void *dev;

    for (size_t i = 0; (dev = vc_domain_device(def, kind, i)); i++)
        set_alias(vc_device_info_of(kind, dev), vc_asprintf("%s%zu", prefix, i));
}

#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wswitch-enum"
/* qemuAssignDeviceAliases for one family.  Disks and NICs are named
 * for every QEMU; the rest only where -device gives them ids. */
static int alias_family(vc_build_ctx *ctx, vc_device_kind kind)
{
    vc_domain_def *def = ctx->def;

    switch (kind) {
    case VC_DEV_DISK:
        for (size_t i = 0; i < def->ndisks; i++)
            if (disk_alias(ctx, def->disks[i]) < 0)
                return -1;
        return 0;
    case VC_DEV_NET:
        /* -net name= came with QEMU 0.10 */
        if (!VC_BUILD_HAS(ctx, QEMU_0_10) && !VC_BUILD_HAS(ctx, DEVICE))
            return 0;
        for (size_t i = 0; i < def->nnets; i++) {
            /* hostdev interfaces are named with the host devices */
            if (def->nets[i]->type == VC_NET_TYPE_HOSTDEV)
                continue;
            set_alias(&def->nets[i]->info, vc_asprintf("net%zu", i));
        }
        return 0;
    case VC_DEV_CONTROLLER:
        for (size_t i = 0; VC_BUILD_HAS(ctx, DEVICE) && i < def->ncontrollers; i++) {
            vc_controller_def *c = def->controllers[i];
            set_alias(&c->info, vc_asprintf("%s%u", vc_ctrl_type_to_string(c->type),
                                            c->idx));
        }
        return 0;
    case VC_DEV_HOSTDEV: {
        /* hostdev interfaces first: libvirt lists them ahead */
        size_t k = 0;
        for (size_t i = 0; VC_BUILD_HAS(ctx, DEVICE) && i < def->nnets; i++)
            if (def->nets[i]->type == VC_NET_TYPE_HOSTDEV)
                set_alias(&def->nets[i]->info, vc_asprintf("hostdev%zu", k++));
        for (size_t i = 0; VC_BUILD_HAS(ctx, DEVICE) && i < def->nhostdevs; i++)
            set_alias(&def->hostdevs[i]->info, vc_asprintf("hostdev%zu", k++));
        return 0;
    }
    case VC_DEV_FS: case VC_DEV_SOUND: case VC_DEV_REDIRDEV:
    case VC_DEV_VIDEO: case VC_DEV_INPUT: case VC_DEV_PARALLEL: case VC_DEV_SERIAL:
    case VC_DEV_CHANNEL: case VC_DEV_CONSOLE: case VC_DEV_HUB: case VC_DEV_SMARTCARD:
    case VC_DEV_WATCHDOG: case VC_DEV_MEMBALLOON: {
        static const char *const prefix[VC_DEV_LAST] = {
            [VC_DEV_FS] = "fs", [VC_DEV_SOUND] = "sound", [VC_DEV_HOSTDEV] = "hostdev",
            [VC_DEV_REDIRDEV] = "redir", [VC_DEV_VIDEO] = "video",
            [VC_DEV_INPUT] = "input", [VC_DEV_PARALLEL] = "parallel",
            [VC_DEV_SERIAL] = "serial", [VC_DEV_CHANNEL] = "channel",
            [VC_DEV_CONSOLE] = "console", [VC_DEV_HUB] = "hub",
            [VC_DEV_SMARTCARD] = "smartcard", [VC_DEV_WATCHDOG] = "watchdog",
            [VC_DEV_MEMBALLOON] = "balloon",
        };
        if (VC_BUILD_HAS(ctx, DEVICE))
            alias_each(def, kind, prefix[kind]);
        return 0;
    }
    case VC_DEV_LEASE:          /* the lock manager's, not QEMU's */
    case VC_DEV_GRAPHICS:       /* a display, not a device */
    case VC_DEV_REDIRFILTER:    /* a property of usb-redir */
    case VC_DEV_LAST:
        return 0;
    }
    return 0;
}
#pragma GCC diagnostic pop

/* libvirt's order; only disks can fail, so it decides which error a
 * bad domain reports first. */
#define ALIAS_ORDER(X) X(DISK) X(NET) X(FS) X(SOUND) X(HOSTDEV) X(REDIRDEV) X(VIDEO) \
    X(CONTROLLER) X(INPUT) X(PARALLEL) X(SERIAL) X(CHANNEL) X(CONSOLE) X(HUB) \
    X(SMARTCARD) X(WATCHDOG) X(MEMBALLOON) X(LEASE) X(GRAPHICS) X(REDIRFILTER)
static const vc_device_kind alias_order[] = VC_DEV_ORDER_ARRAY(ALIAS_ORDER);
VC_DEV_ORDER_CHECK(ALIAS_ORDER, VC_DEV_ALL, "alias_order");

int vc_build_assign_aliases(vc_build_ctx *ctx)
{
    for (size_t k = 0; k < VC_DEV_LAST; k++)
        if (alias_family(ctx, alias_order[k]) < 0)
            return -1;
    return 0;
}

/* ---- models shared by aliases, addresses and controllers ------------- */

int vc_build_disk_controller_model(const vc_domain_def *def, const vc_disk_def *d)
{
    for (size_t i = 0; i < def->ncontrollers; i++) {
        const vc_controller_def *c = def->controllers[i];
        if (c->type == VC_CTRL_SCSI && c->idx == d->info.addr.u.drive.controller)
            return c->model;
    }
    return -1;
}

const char *vc_build_arch(const vc_build_ctx *ctx)
{
    return ctx->arch ? ctx->arch : ctx->def->os.arch;
}

bool vc_build_is_pseries(const vc_build_ctx *ctx)
{
    const char *machine = ctx->machine ? ctx->machine : ctx->def->os.machine;

    return vc_streq_null(vc_build_arch(ctx), "ppc64") &&
           vc_streq_null(machine, "pseries");
}

int vc_build_scsi_model(vc_build_ctx *ctx, int *model)
{
    if (*model > 0) {
        switch (*model) {
        case VC_SCSI_MODEL_LSILOGIC:
            if (!VC_BUILD_HAS(ctx, LSI))
                return vc_build_unsupported(ctx,
                    "This QEMU doesn't support lsi scsi controller");
            return 0;
        case VC_SCSI_MODEL_VIRTIO_SCSI:
            if (!VC_BUILD_HAS(ctx, VIRTIO_SCSI_PCI))
                return vc_build_unsupported(ctx,
                    "This QEMU doesn't support virtio scsi controller");
            return 0;
        case VC_SCSI_MODEL_IBMVSCSI:
            return 0;
        default:
            return vc_build_unsupported(ctx, "Unsupported controller model: %s",
                                        vc_scsi_model_to_string(*model));
        }
    }
    if (vc_build_is_pseries(ctx))
        *model = VC_SCSI_MODEL_IBMVSCSI;
    else if (VC_BUILD_HAS(ctx, LSI))
        *model = VC_SCSI_MODEL_LSILOGIC;
    else if (VC_BUILD_HAS(ctx, VIRTIO_SCSI_PCI))
        *model = VC_SCSI_MODEL_VIRTIO_SCSI;
    else
        return vc_build_error(ctx, "internal error Unable to determine model for scsi controller");
    return 0;
}

/* ---- the address part of -device ------------------------------------- */

/* QEMU names USB bus 0 "usb", the others "usb1", "usb2", ... */
char *vc_build_usb_id(unsigned idx)
{
    return idx == 0 ? vc_strdup("usb") : vc_asprintf("usb%u", idx);
}

static int pci_address(vc_build_ctx *ctx, vc_props *p, const vc_pci_addr *a)
{
    if (a->domain != 0)
        return vc_build_error(ctx,
            "internal error Only PCI device addresses with domain=0 are supported");
    if (a->bus != 0)
        return vc_build_error(ctx,
            "internal error Only PCI device addresses with bus=0 are supported");
    if (VC_BUILD_HAS(ctx, PCI_MULTIFUNCTION)) {
        if (a->function > 7)
            return vc_build_error(ctx,
                "internal error The function of PCI device addresses must less than 8");
    } else if (a->function != 0) {
        return vc_build_error(ctx,
            "internal error Only PCI device addresses with function=0 are supported");
    }
    /* QEMUs with one PCI bus call it "pci", later ones "pci.0" */
    vc_props_add(p, "bus", VC_BUILD_HAS(ctx, PCI_MULTIBUS) ? "pci.0" : "pci");
    if (a->multifunction == VC_SWITCH_ON)
        vc_props_add(p, "multifunction", "on");
    else if (a->multifunction == VC_SWITCH_OFF)
        vc_props_add(p, "multifunction", "off");
    if (a->function != 0)
        vc_props_addf(p, "addr", "0x%x.0x%x", a->slot, a->function);
    else
        vc_props_addf(p, "addr", "0x%x", a->slot);
    return 0;
}

int vc_build_device_address(vc_build_ctx *ctx, vc_props *p,
                            const vc_device_info *info)
{
    const vc_device_addr *a = &info->addr;
    char *bus;

    switch (a->type) {
    case VC_ADDR_PCI:
        return pci_address(ctx, p, &a->u.pci);
    case VC_ADDR_USB:
        bus = vc_build_usb_id(a->u.usb.bus);
        vc_props_addf(p, "bus", "%s.0", bus);
        vc_props_add(p, "port", a->u.usb.port ? a->u.usb.port : "");
        free(bus);
        return 0;
    case VC_ADDR_SPAPRVIO:
        if (a->u.spaprvio.has_reg)
            vc_props_addf(p, "reg", "0x%llx", a->u.spaprvio.reg);
        return 0;
    case VC_ADDR_VIRTIO_SERIAL:
        vc_props_addf(p, "bus", "virtio-serial%u.%u", a->u.vioserial.controller,
                      a->u.vioserial.bus);
        vc_props_addf(p, "nr", "%u", a->u.vioserial.port);
        return 0;
    case VC_ADDR_CCID:
        vc_props_addf(p, "bus", "ccid%u.0", a->u.ccid.controller);
        return 0;
    default:
        /* drive addresses are spelled by the disk itself; virtio-s390
         * devices have none on the command line */
        return 0;
    }
}
