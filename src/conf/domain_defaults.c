/* domain_defaults.c: what libvirt 0.10.2 fills in after parsing:
 * emulator, boot device, implicit controllers, USB controller, memory
 * balloon, default video and implicit mouse; plus cross-device checks
 * (boot orders, USB disabled, duplicate aliases). */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the controller (type, index) as one number, for a vc_numset */
static uint64_t controller_key(vc_ctrl_type type, unsigned idx)
{
    return (uint64_t)type << 32 | idx;
}

static void maybe_add_controller(vc_parse_ctx *ctx, vc_domain_def *def, vc_numset *have,
                                 vc_ctrl_type type, unsigned idx)
{
    vc_controller_def *c;

    if (!vc_numset_add(have, controller_key(type, idx)))
        return;
    c = VC_NEW(vc_controller_def);
    c->type = type;
    c->idx = idx;
    c->model = c->ports = c->vectors = -1;
    vc_controller_add(ctx, def, c);
}

/* Disks get every controller of their bus up to the highest they use
 * (libvirt's virDomainDefAddDiskControllersForType), one at a time: a
 * drive address or a target name ("sdzzzz") naming controller 2^31
 * would mean 2^31 controllers.  libvirt makes them until memory runs
 * out; past VC_IMPLICIT_CONTROLLERS, which no QEMU could hold (each is
 * a PCI device, and libvirt 0.10.2 has 32 slots), the domain is
 * refused. */
#define VC_IMPLICIT_CONTROLLERS 1024

static int add_disk_controllers(vc_parse_ctx *ctx, vc_domain_def *def, vc_numset *have,
                                vc_ctrl_type type, vc_disk_bus bus)
{
    const vc_disk_def *top = NULL;
    long max = -1;

    for (size_t i = 0; i < def->ndisks; i++) {
        const vc_disk_def *d = def->disks[i];
        if (d->bus == bus && d->info.addr.type == VC_ADDR_DRIVE &&
            (long)d->info.addr.u.drive.controller > max) {
            max = (long)d->info.addr.u.drive.controller;
            top = d;
        }
    }
    if (max >= VC_IMPLICIT_CONTROLLERS)
        return vc_xml_error(ctx, "disk '%s' is on %s controller %ld: controllers are "
                            "added implicitly up to index %d only", top->dst,
                            vc_ctrl_type_to_string(type), max, VC_IMPLICIT_CONTROLLERS - 1);
    for (long i = 0; i <= max; i++)
        maybe_add_controller(ctx, def, have, type, (unsigned)i);
    return 0;
}

static int add_implicit_controllers(vc_parse_ctx *ctx, vc_domain_def *def, vc_numset *have)
{
    if (add_disk_controllers(ctx, def, have, VC_CTRL_SCSI, VC_DISK_BUS_SCSI) < 0 ||
        add_disk_controllers(ctx, def, have, VC_CTRL_FDC, VC_DISK_BUS_FDC) < 0 ||
        add_disk_controllers(ctx, def, have, VC_CTRL_IDE, VC_DISK_BUS_IDE) < 0 ||
        add_disk_controllers(ctx, def, have, VC_CTRL_SATA, VC_DISK_BUS_SATA) < 0)
        return -1;

    /* virtio-serial for virtio channels and consoles, and ccid for
     * smartcards: only the controller each device names (unlike disks,
     * whose controllers are filled in from 0 up to the highest). */
    for (size_t i = 0; i < def->nchannels + def->nconsoles; i++) {
        const vc_chr_def *c = i < def->nchannels ? def->channels[i]
                                                  : def->consoles[i - def->nchannels];
        bool virtio = i < def->nchannels ? c->target_type == VC_CHR_CHANNEL_VIRTIO
                                         : c->target_type == VC_CHR_CONSOLE_VIRTIO;
        if (!virtio)
            continue;
        maybe_add_controller(ctx, def, have, VC_CTRL_VIRTIO_SERIAL,
                             c->info.addr.type == VC_ADDR_VIRTIO_SERIAL
                             ? c->info.addr.u.vioserial.controller : 0);
    }
    for (size_t i = 0; i < def->nsmartcards; i++) {
        const vc_device_info *info = &def->smartcards[i]->info;
        maybe_add_controller(ctx, def, have, VC_CTRL_CCID,
                             info->addr.type == VC_ADDR_CCID ? info->addr.u.ccid.controller : 0);
    }
    return 0;
}

static int check_usb(vc_parse_ctx *ctx, vc_domain_def *def, bool *usb_none)
{
    bool other = false;

    *usb_none = false;
    for (size_t i = 0; i < def->ncontrollers; i++) {
        const vc_controller_def *c = def->controllers[i];
        if (c->type != VC_CTRL_USB)
            continue;
        if (c->model == VC_USB_MODEL_NONE) {
            if (other || *usb_none)
                return vc_xml_error(ctx, "Can't add another USB controller: USB is disabled for this domain");
            *usb_none = true;
        } else {
            if (*usb_none)
                return vc_xml_error(ctx, "Can't add another USB controller: USB is disabled for this domain");
            other = true;
        }
    }
    if (!*usb_none)
        return 0;
    for (size_t i = 0; i < def->ninputs; i++)
        if (def->inputs[i]->bus == VC_INPUT_BUS_USB)
            return vc_xml_error(ctx, "Can't add USB input device. USB is disabled for this domain");
    if (def->nhubs)
        return vc_xml_error(ctx, "Can't add USB hub: USB is disabled for this domain");
    if (def->nredirdevs)
        return vc_xml_error(ctx, "Can't add redirected USB device: USB is disabled for this domain");
    return 0;
}

/* The implicit PS/2 (xen: xen bus) mouse is not stored: graphics imply it. */
static void fix_inputs(vc_domain_def *def)
{
    bool hvm = VC_STREQ(def->os.type, "hvm");
    size_t j = 0;

    for (size_t i = 0; i < def->ninputs; i++) {
        vc_input_def *in = def->inputs[i];
        if (in->type == VC_INPUT_MOUSE &&
            ((hvm && in->bus == VC_INPUT_BUS_PS2) || (!hvm && in->bus == VC_INPUT_BUS_XEN))) {
            vc_input_def_free(in);
            continue;
        }
        def->inputs[j++] = in;
    }
    def->ninputs = j;
    if (def->ngraphics) {
        vc_input_def *in = VC_NEW(vc_input_def);
        in->type = VC_INPUT_MOUSE;
        in->bus = hvm ? VC_INPUT_BUS_PS2 : VC_INPUT_BUS_XEN;
        vc_ptr_append(&def->inputs, &def->ninputs, in);
    }
}

typedef struct alias_list {
    const char **items;
    size_t n, cap;
} alias_list;

static int collect_alias(vc_device_kind kind, void *dev, vc_device_info *info,
                         void *opaque)
{
    alias_list *l = opaque;

    (void)kind;
    (void)dev;
    if (info->alias) {
        vc_grow(&l->items, &l->cap, l->n + 1, sizeof(*l->items));
        l->items[l->n++] = info->alias;
    }
    return 0;
}

static int cmp_alias(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A disk may override the labelling of one of the domain's models only
 * where the domain relabels for it. */
static int check_disk_seclabels(vc_parse_ctx *ctx, const vc_domain_def *def)
{
    for (size_t k = 0; k < def->nseclabels; k++) {
        const vc_seclabel *dom = &def->seclabels[k];

        if (dom->relabel || !dom->model)
            continue;
        for (size_t i = 0; i < def->ndisks; i++)
            for (size_t j = 0; j < def->disks[i]->nseclabels; j++) {
                const char *model = def->disks[i]->seclabels[j].model;

                if (model && VC_STREQ(model, dom->model))
                    return vc_xml_error(ctx, "label overrides require relabeling to be "
                                        "enabled at the domain level");
            }
    }
    return 0;
}

/* Aliases name devices to QEMU: two devices may not share one.  Sorted,
 * so a domain of many devices is checked in n log n. */
static int check_aliases(vc_parse_ctx *ctx, vc_domain_def *def)
{
    alias_list l = { NULL, 0, 0 };
    int ret = 0;

    vc_domain_walk_infos(def, collect_alias, &l);
    if (l.n > 1)
        qsort(l.items, l.n, sizeof(*l.items), cmp_alias);
    for (size_t i = 1; i < l.n && ret == 0; i++)
        if (strcmp(l.items[i - 1], l.items[i]) == 0)
            ret = vc_xml_error(ctx, "duplicate device alias '%s'", l.items[i]);
    free(l.items);
    return ret;
}

int vc_domain_apply_defaults(vc_parse_ctx *ctx, vc_domain_def *def)
{
    vc_numset have = VC_NUMSET_INIT;
    bool usb_none;
    int rc;

    if (!def->emulator) {
        const char *e = vc_host_default_emulator(ctx->host, def->os.type,
                                                 def->os.arch, def->virt_type);
        if (!e)
            return vc_xml_error(ctx, "no emulator for domain %s os type %s on "
                                "architecture %s", vc_virt_type_to_string(def->virt_type),
                                def->os.type, def->os.arch);
        def->emulator = vc_strdup(e);
    }
    if (VC_STREQ(def->os.type, "hvm")) {
        if (vc_numset_count(&ctx->boot_orders) && def->os.nboot)
            return vc_xml_error(ctx, "per-device boot elements cannot be used together with os/boot elements");
        if (!vc_numset_count(&ctx->boot_orders) && def->os.nboot == 0) {
            def->os.nboot = 1;
            def->os.boot[0] = VC_BOOT_DISK;
        }
    }
    if (check_disk_seclabels(ctx, def) < 0)
        return -1;
    vc_disks_order(def);
    fix_inputs(def);
    if (def->ngraphics && !def->nvideos) {
        vc_video_def *v = VC_NEW(vc_video_def);
        v->type = vc_video_default_type(def);
        v->vram = vc_video_default_vram(def, v->type);
        v->heads = 1;
        vc_ptr_append(&def->videos, &def->nvideos, v);
    }
    if (check_usb(ctx, def, &usb_none) < 0)
        return -1;
    for (size_t i = 0; i < def->ncontrollers; i++)
        vc_numset_add(&have, controller_key(def->controllers[i]->type, def->controllers[i]->idx));
    if (!usb_none && def->virt_type != VC_VIRT_XEN)
        maybe_add_controller(ctx, def, &have, VC_CTRL_USB, 0);
    rc = add_implicit_controllers(ctx, def, &have);
    vc_numset_free(&have);
    if (rc < 0)
        return -1;
    vc_controllers_order(def);
    if (!def->nmemballoons) {
        vc_memballoon_def *m = VC_NEW(vc_memballoon_def);
        m->model = def->virt_type == VC_VIRT_XEN ? VC_BALLOON_XEN : VC_BALLOON_VIRTIO;
        vc_ptr_append(&def->memballoons, &def->nmemballoons, m);
    }
    return check_aliases(ctx, def);
}
