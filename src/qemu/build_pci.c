/* build_pci.c: guest addresses the build assigns (libvirt 0.10.2's
 * qemuDomainAssignAddresses): spapr-vio registers, virtio-s390, and
 * PCI slots (qemuAssignDevicePCISlots). */
#include "qemu/build_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCI_LAST_SLOT 31
#define PCI_FUNCTIONS 8

/* ---- spapr-vio -------------------------------------------------------- */

static int spapr_find_reg(vc_device_kind kind, void *dev, vc_device_info *info,
                          void *opaque)
{
    const vc_device_info *target = opaque;

    (void)kind;
    (void)dev;
    if (info == target || info->addr.type != VC_ADDR_SPAPRVIO)
        return 0;
    if (info->addr.u.spaprvio.has_reg &&
        info->addr.u.spaprvio.reg == target->addr.u.spaprvio.reg)
        return -1;
    return 0;
}

/* Give a spapr-vio device its register: the user's (which must be
 * free), or the first free one from @base in steps of 0x1000. */
static int spapr_assign(vc_build_ctx *ctx, vc_device_info *info,
                        unsigned long long base)
{
    vc_spaprvio_addr *a = &info->addr.u.spaprvio;
    bool user;

    /* the union holds another kind of address: read nothing of it */
    if (info->addr.type != VC_ADDR_SPAPRVIO)
        return 0;
    user = a->has_reg;
    if (!user) {
        a->reg = base;
        a->has_reg = true;
    }
    while (vc_domain_walk_infos(ctx->def, spapr_find_reg, info) < 0) {
        if (user)
            return vc_build_error(ctx, "XML error: spapr-vio address %#llx already in use",
                                  a->reg);
        a->reg += 0x1000;
    }
    return 0;
}

static void set_addr_type(vc_device_info *info, vc_addr_type type)
{
    if (info->addr.type == VC_ADDR_USB)
        free(info->addr.u.usb.port);
    memset(&info->addr, 0, sizeof(info->addr));
    info->addr.type = type;
}

/* Defaults match QEMU's (spapr_llan/spapr_vscsi/spapr_vty). */
static int assign_spapr(vc_build_ctx *ctx)
{
    vc_domain_def *def = ctx->def;

    for (size_t i = 0; i < def->nnets; i++) {
        vc_net_def *n = def->nets[i];
        if (vc_streq_null(n->model, "spapr-vlan") &&
            n->info.addr.type != VC_ADDR_SPAPRVIO)
            set_addr_type(&n->info, VC_ADDR_SPAPRVIO);
        if (spapr_assign(ctx, &n->info, 0x1000) < 0)
            return -1;
    }
    for (size_t i = 0; i < def->ncontrollers; i++) {
        vc_controller_def *c = def->controllers[i];
        if (c->type == VC_CTRL_SCSI) {
            int model = c->model;
            if (vc_build_scsi_model(ctx, &model) < 0)
                return -1;
            if (model == VC_SCSI_MODEL_IBMVSCSI &&
                c->info.addr.type != VC_ADDR_SPAPRVIO)
                set_addr_type(&c->info, VC_ADDR_SPAPRVIO);
        }
        if (spapr_assign(ctx, &c->info, 0x2000) < 0)
            return -1;
    }
    for (size_t i = 0; i < def->nserials; i++) {
        vc_chr_def *s = def->serials[i];
        if (vc_build_is_pseries(ctx) && s->info.addr.type != VC_ADDR_SPAPRVIO)
            set_addr_type(&s->info, VC_ADDR_SPAPRVIO);
        if (spapr_assign(ctx, &s->info, 0x30000000) < 0)
            return -1;
    }
    return 0;
}

/* ---- virtio-s390 ------------------------------------------------------ */

/* Address-less virtio disks, interfaces and virtio-serial controllers
 * of a QEMU with the legacy s390 virtio bus go on that bus. */
static void assign_s390(vc_build_ctx *ctx)
{
    vc_domain_def *def = ctx->def;

    if (!VC_BUILD_HAS(ctx, VIRTIO_S390))
        return;
    for (size_t i = 0; i < def->ndisks; i++)
        if (def->disks[i]->bus == VC_DISK_BUS_VIRTIO &&
            def->disks[i]->info.addr.type == VC_ADDR_NONE)
            def->disks[i]->info.addr.type = VC_ADDR_VIRTIO_S390;
    for (size_t i = 0; i < def->nnets; i++)
        if (vc_streq_null(def->nets[i]->model, "virtio") &&
            def->nets[i]->info.addr.type == VC_ADDR_NONE)
            def->nets[i]->info.addr.type = VC_ADDR_VIRTIO_S390;
    for (size_t i = 0; i < def->ncontrollers; i++)
        if (def->controllers[i]->type == VC_CTRL_VIRTIO_SERIAL &&
            def->controllers[i]->info.addr.type == VC_ADDR_NONE)
            def->controllers[i]->info.addr.type = VC_ADDR_VIRTIO_S390;
}

/* ---- PCI -------------------------------------------------------------- */

/* The addresses in use, as domain:bus:slot.function keys. */
typedef struct pci_set {
    uint64_t *keys;
    size_t n, cap;
    unsigned nextslot;
    vc_build_ctx *ctx;
} pci_set;

static uint64_t pci_key(const vc_pci_addr *a)
{
    return ((uint64_t)a->domain << 24) | ((uint64_t)a->bus << 16) |
           ((uint64_t)a->slot << 8) | a->function;
}

static bool pci_used(const pci_set *s, const vc_pci_addr *a)
{
    uint64_t k = pci_key(a);

    for (size_t i = 0; i < s->n; i++)
        if (s->keys[i] == k)
            return true;
    return false;
}

static void pci_mark(pci_set *s, const vc_pci_addr *a)
{
    vc_grow(&s->keys, &s->cap, s->n + 1, sizeof(*s->keys));
    s->keys[s->n++] = pci_key(a);
}

/* "0000:00:03.0", as libvirt prints addresses in its errors. */
static void pci_str(const vc_pci_addr *a, char out[16])
{
    snprintf(out, 16, "%.4x:%.2x:%.2x.%.1x", a->domain & 0xffff,
             a->bus & 0xff, a->slot & 0xff, a->function & 0xf);
}

static int pci_reserve_addr(pci_set *s, const vc_pci_addr *a)
{
    char str[16];

    if (pci_used(s, a)) {
        pci_str(a, str);
        return vc_build_error(s->ctx, "internal error unable to reserve PCI address %s",
                              str);
    }
    pci_mark(s, a);
    return 0;
}

static int pci_reserve_slot(pci_set *s, unsigned slot)
{
    for (unsigned f = 0; f < PCI_FUNCTIONS; f++) {
        vc_pci_addr a = { .slot = slot, .function = f };
        if (pci_reserve_addr(s, &a) < 0)
            return -1;
    }
    return 0;
}

/* A slot is free when none of its functions is used. */
static bool pci_slot_free(const pci_set *s, const vc_pci_addr *at)
{
    for (unsigned f = 0; f < PCI_FUNCTIONS; f++) {
        vc_pci_addr a = *at;
        a.function = f;
        if (pci_used(s, &a))
            return false;
    }
    return true;
}

static int pci_next_slot(pci_set *s)
{
    unsigned slot = s->nextslot;

    for (unsigned n = 0; n <= PCI_LAST_SLOT; n++, slot++) {
        if (slot > PCI_LAST_SLOT)
            slot = 0;
        vc_pci_addr a = { .slot = slot };
        if (pci_slot_free(s, &a))
            return (int)slot;
    }
    return vc_build_error(s->ctx, "internal error No more available PCI addresses");
}

static void pci_advance(pci_set *s, unsigned slot)
{
    s->nextslot = slot + 1 > PCI_LAST_SLOT ? 0 : slot + 1;
}

/* Put a device on the next free slot, function 0, whole slot reserved. */
static int pci_set_next(pci_set *s, vc_device_info *info)
{
    int slot = pci_next_slot(s);

    if (slot < 0 || pci_reserve_slot(s, (unsigned)slot) < 0)
        return -1;
    set_addr_type(info, VC_ADDR_PCI);
    info->addr.u.pci.slot = (unsigned)slot;
    pci_advance(s, (unsigned)slot);
    return 0;
}

/* Remember the addresses the XML gives (qemuCollectPCIAddress). */
static int pci_collect(vc_device_kind kind, void *dev, vc_device_info *info,
                       void *opaque)
{
    pci_set *s = opaque;
    const vc_pci_addr *a = &info->addr.u.pci;
    char str[16];

    if (info->addr.type != VC_ADDR_PCI)
        return 0;
    /* The PIIX3's own IDE (1.1) and UHCI (1.2) are implicit. */
    if (kind == VC_DEV_CONTROLLER && a->domain == 0 && a->bus == 0 && a->slot == 1) {
        const vc_controller_def *c = dev;
        if (c->type == VC_CTRL_IDE && c->idx == 0 && a->function == 1)
            return 0;
        if (c->type == VC_CTRL_USB && c->idx == 0 &&
            c->model == VC_USB_MODEL_PIIX3_UHCI && a->function == 2)
            return 0;
    }
    pci_str(a, str);
    if (pci_used(s, a)) {
        if (a->function != 0)
            return vc_build_error(s->ctx, "XML error: Attempted double use of PCI "
                                  "Address '%s' (may need \"multifunction='on'\" "
                                  "for device on function 0)", str);
        return vc_build_error(s->ctx, "XML error: Attempted double use of PCI "
                              "Address '%s'", str);
    }
    pci_mark(s, a);
    /* function 0 without multifunction=on takes the whole slot */
    if (a->function == 0 && a->multifunction != VC_SWITCH_ON) {
        for (unsigned f = 1; f < PCI_FUNCTIONS; f++) {
            vc_pci_addr t = *a;
            t.function = f;
            if (pci_used(s, &t)) {
                pci_str(&t, str);
                return vc_build_error(s->ctx, "XML error: Attempted double use of "
                                      "PCI Address '%s' (need \"multifunction='off'\" "
                                      "for device on function 0)", str);
            }
            pci_mark(s, &t);
        }
    }
    return 0;
}

/* Slot 1 is the PIIX3: its IDE controller at 1.1 and UHCI at 1.2. */
static int pci_piix3(pci_set *s, vc_domain_def *def)
{
    bool reserved_ide = false, reserved_usb = false;

    for (size_t i = 0; i < def->ncontrollers; i++) {
        vc_controller_def *c = def->controllers[i];
        unsigned function;
        bool *reserved;
        const char *what;

        if (c->type == VC_CTRL_IDE && c->idx == 0) {
            function = 1;
            reserved = &reserved_ide;
            what = "Primary IDE controller";
        } else if (c->type == VC_CTRL_USB && c->idx == 0 &&
                   (c->model == VC_USB_MODEL_PIIX3_UHCI || c->model == -1)) {
            function = 2;
            reserved = &reserved_usb;
            what = "PIIX3 USB controller";
        } else {
            continue;
        }
        if (c->info.addr.type == VC_ADDR_PCI) {
            const vc_pci_addr *a = &c->info.addr.u.pci;
            if (a->domain != 0 || a->bus != 0 || a->slot != 1 ||
                a->function != function)
                return vc_build_error(s->ctx, "internal error %s must have PCI "
                                      "address 0:0:1.%u", what, function);
            *reserved = true;
        } else {
            set_addr_type(&c->info, VC_ADDR_PCI);
            c->info.addr.u.pci.slot = 1;
            c->info.addr.u.pci.function = function;
        }
    }
    for (unsigned f = 0; f < PCI_FUNCTIONS; f++) {
        vc_pci_addr a = { .slot = 1, .function = f };
        if ((f == 1 && reserved_ide) || (f == 2 && reserved_usb))
            continue;
        if (pci_reserve_addr(s, &a) < 0)
            return -1;
    }
    return 0;
}

/* Slot 2 belongs to the primary video card unless QEMU can place it
 * anywhere (device-video-primary). */
static int pci_primary_video(pci_set *s, vc_domain_def *def)
{
    bool movable = VC_BUILD_HAS(s->ctx, DEVICE_VIDEO_PRIMARY);
    vc_pci_addr two = { .slot = 2 };

    if (def->nvideos > 0) {
        vc_device_info *info = &def->videos[0]->info;
        const vc_pci_addr *a = &info->addr.u.pci;

        if (info->addr.type != VC_ADDR_PCI) {
            if (!pci_slot_free(s, &two)) {
                if (movable)
                    return pci_set_next(s, info);
                return vc_build_error(s->ctx, "internal error PCI address 0:0:2.0 "
                                      "is in use, QEMU needs it for primary video");
            }
            set_addr_type(info, VC_ADDR_PCI);
            info->addr.u.pci.slot = 2;
            return pci_reserve_slot(s, 2);
        }
        if (!movable && (a->domain != 0 || a->bus != 0 || a->slot != 2 ||
                         a->function != 0))
            return vc_build_error(s->ctx, "internal error Primary video card must "
                                  "have PCI address 0:0:2.0");
        return 0;
    }
    /* keep slot 2 for a video card added later, when it is free */
    if (!movable && pci_slot_free(s, &two))
        return pci_reserve_slot(s, 2);
    return 0;
}

/* ICH9 EHCI and its UHCI companions share a slot: EHCI on function 7,
 * UHCI1..3 on 0..2 (UHCI1 as multifunction). */
static int pci_usb2(pci_set *s, vc_domain_def *def, size_t i)
{
    vc_controller_def *c = def->controllers[i];
    vc_pci_addr addr = { 0 };

    for (size_t j = 0; j < i; j++) {
        const vc_controller_def *o = def->controllers[j];
        if (vc_build_is_usb2(o) && o->idx == c->idx) {
            if (o->info.addr.type == VC_ADDR_PCI)
                addr = o->info.addr.u.pci;
            break;
        }
    }
    /* the companions take the first part's address (multifunction
     * included, as libvirt does) and their own function */
    switch (c->model) {
    case VC_USB_MODEL_ICH9_EHCI1: addr.function = 7; break;
    case VC_USB_MODEL_ICH9_UHCI1:
        addr.function = 0;
        addr.multifunction = VC_SWITCH_ON;
        break;
    case VC_USB_MODEL_ICH9_UHCI2: addr.function = 1; break;
    case VC_USB_MODEL_ICH9_UHCI3: addr.function = 2; break;
    default: break;
    }
    if (addr.slot == 0) {
        int slot = pci_next_slot(s);
        if (slot < 0)
            return -1;
        addr.slot = (unsigned)slot;
        pci_advance(s, addr.slot);
    }
    if (pci_reserve_addr(s, &addr) < 0)
        return -1;
    set_addr_type(&c->info, VC_ADDR_PCI);
    c->info.addr.u.pci = addr;
    return 0;
}

static int pci_controllers(pci_set *s, vc_domain_def *def)
{
    for (size_t i = 0; i < def->ncontrollers; i++) {
        vc_controller_def *c = def->controllers[i];

        /* the FDC is behind the ISA bridge, CCID is a USB device, the
         * first IDE controller is the PIIX3's, USB "none" is absent */
        if (c->type == VC_CTRL_FDC || c->type == VC_CTRL_CCID ||
            (c->type == VC_CTRL_IDE && c->idx == 0) ||
            (c->type == VC_CTRL_USB && c->model == VC_USB_MODEL_NONE) ||
            c->info.addr.type != VC_ADDR_NONE)
            continue;
        if (vc_build_is_usb2(c)) {
            if (pci_usb2(s, def, i) < 0)
                return -1;
        } else if (pci_set_next(s, &c->info) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A device without an address gets the next free slot. */
static int pci_place(pci_set *s, vc_device_info *info)
{
    return info->addr.type == VC_ADDR_NONE ? pci_set_next(s, info) : 0;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wswitch-enum"
/* qemuAssignDevicePCISlots for one family: which of its devices are
 * PCI devices that need a slot. */
static int pci_family(pci_set *s, vc_domain_def *def, vc_device_kind kind)
{
    switch (kind) {
    case VC_DEV_FS:
        for (size_t i = 0; i < def->nfss; i++)
            if (pci_place(s, &def->fss[i]->info) < 0)
                return -1;
        return 0;
    case VC_DEV_NET:
        /* hostdev interfaces are placed with the host devices */
        for (size_t i = 0; i < def->nnets; i++)
            if (def->nets[i]->type != VC_NET_TYPE_HOSTDEV &&
                pci_place(s, &def->nets[i]->info) < 0)
                return -1;
        return 0;
    case VC_DEV_SOUND:
        /* ISA sb16 and the PC speaker are not on PCI */
        for (size_t i = 0; i < def->nsounds; i++) {
            vc_sound_def *d = def->sounds[i];
            if (d->model != VC_SOUND_SB16 && d->model != VC_SOUND_PCSPK &&
                pci_place(s, &d->info) < 0)
                return -1;
        }
        return 0;
    case VC_DEV_CONTROLLER:
        return pci_controllers(s, def);
    case VC_DEV_DISK:
        /* of the disks only virtio ones are PCI devices */
        for (size_t i = 0; i < def->ndisks; i++) {
            vc_disk_def *d = def->disks[i];
            if (d->bus != VC_DISK_BUS_VIRTIO || d->info.addr.type == VC_ADDR_PCI ||
                d->info.addr.type == VC_ADDR_VIRTIO_S390)
                continue;
            if (d->info.addr.type != VC_ADDR_NONE)
                return vc_build_unsupported(s->ctx,
                    "virtio only support device address type 'PCI'");
            if (pci_set_next(s, &d->info) < 0)
                return -1;
        }
        return 0;
    case VC_DEV_HOSTDEV:
        for (size_t i = 0; i < def->nnets; i++)
            if (def->nets[i]->type == VC_NET_TYPE_HOSTDEV &&
                pci_place(s, &def->nets[i]->info) < 0)
                return -1;
        for (size_t i = 0; i < def->nhostdevs; i++)
            if (def->hostdevs[i]->type == VC_HOSTDEV_SUBSYS_PCI &&
                pci_place(s, &def->hostdevs[i]->info) < 0)
                return -1;
        return 0;
    case VC_DEV_MEMBALLOON:
        for (size_t i = 0; i < def->nmemballoons; i++)
            if (def->memballoons[i]->model == VC_BALLOON_VIRTIO &&
                pci_place(s, &def->memballoons[i]->info) < 0)
                return -1;
        return 0;
    case VC_DEV_WATCHDOG:
        /* the ib700 watchdog is an ISA device */
        for (size_t i = 0; i < def->nwatchdogs; i++)
            if (def->watchdogs[i]->model != VC_WATCHDOG_IB700 &&
                pci_place(s, &def->watchdogs[i]->info) < 0)
                return -1;
        return 0;
    case VC_DEV_VIDEO:
        /* the primary card has its slot already (pci_primary_video) */
        for (size_t i = 1; i < def->nvideos; i++) {
            if (def->videos[i]->type != VC_VIDEO_QXL)
                return vc_build_error(s->ctx, "internal error non-primary video "
                                      "device must be type of 'qxl'");
            if (pci_place(s, &def->videos[i]->info) < 0)
                return -1;
        }
        return 0;
    case VC_DEV_SMARTCARD:      /* on the CCID bus */
    case VC_DEV_SERIAL:         /* ISA, or spapr-vio */
    case VC_DEV_PARALLEL:
    case VC_DEV_CONSOLE:        /* virtio-serial ports, or the serial port */
    case VC_DEV_CHANNEL:
    case VC_DEV_INPUT:          /* USB or PS/2 */
    case VC_DEV_HUB:
    case VC_DEV_REDIRDEV:
    case VC_DEV_LEASE:
    case VC_DEV_GRAPHICS:
    case VC_DEV_REDIRFILTER:
    case VC_DEV_LAST:
        return 0;
    }
    return 0;
}
#pragma GCC diagnostic pop

/* The order slots are handed out in (libvirt's). */
#define PCI_ORDER(X) X(FS) X(NET) X(SOUND) X(CONTROLLER) X(DISK) X(HOSTDEV) \
    X(MEMBALLOON) X(WATCHDOG) X(VIDEO) X(SMARTCARD) X(SERIAL) X(PARALLEL) X(CONSOLE) \
    X(CHANNEL) X(INPUT) X(HUB) X(REDIRDEV) X(LEASE) X(GRAPHICS) X(REDIRFILTER)
static const vc_device_kind pci_order[] = VC_DEV_ORDER_ARRAY(PCI_ORDER);
VC_DEV_ORDER_CHECK(PCI_ORDER, VC_DEV_ALL, "pci_order");

static int pci_devices(pci_set *s, vc_domain_def *def)
{
    for (size_t k = 0; k < VC_DEV_LAST; k++)
        if (pci_family(s, def, pci_order[k]) < 0)
            return -1;
    return 0;
}

static int assign_pci(vc_build_ctx *ctx)
{
    pci_set s = { .ctx = ctx };
    int ret = -1;

    if (vc_domain_walk_infos(ctx->def, pci_collect, &s) < 0)
        goto cleanup;
    /* slot 0: the host bridge */
    if (pci_reserve_slot(&s, 0) < 0 ||
        pci_piix3(&s, ctx->def) < 0 ||
        pci_primary_video(&s, ctx->def) < 0 ||
        pci_devices(&s, ctx->def) < 0)
        goto cleanup;
    ret = 0;
cleanup:
    free(s.keys);
    return ret;
}

bool vc_build_is_usb2(const vc_controller_def *c)
{
    return c->type == VC_CTRL_USB &&
           (c->model == VC_USB_MODEL_ICH9_EHCI1 ||
            c->model == VC_USB_MODEL_ICH9_UHCI1 ||
            c->model == VC_USB_MODEL_ICH9_UHCI2 ||
            c->model == VC_USB_MODEL_ICH9_UHCI3);
}

int vc_build_assign_addresses(vc_build_ctx *ctx)
{
    /* guest addresses are -device properties: a QEMU without -device
     * places its devices itself (and a model it cannot take as a device
     * is no error there) */
    if (!VC_BUILD_HAS(ctx, DEVICE))
        return 0;
    if (assign_spapr(ctx) < 0)
        return -1;
    assign_s390(ctx);
    return assign_pci(ctx);
}
