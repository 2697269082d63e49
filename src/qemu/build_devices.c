/* build_devices.c: the smaller device families: USB hubs and inputs,
 * video cards, sound, watchdog, memory balloon, and the option ROM
 * settings PCI devices share.  Graphics live in build_graphics.c. */
#include "qemu/build_private.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

/* -device with the device's address appended; takes @p. */
static int add_device(vc_build_ctx *ctx, vc_props *p, const vc_device_info *info)
{
    if (vc_build_device_address(ctx, p, info) < 0) {
        vc_props_free(p);
        return -1;
    }
    return vc_build_opt(ctx, VC_QOPT_DEVICE, p);
}

int vc_build_rom(vc_build_ctx *ctx, vc_props *p, const vc_device_info *info)
{
    if (info->rom_bar == VC_SWITCH_DEFAULT && !info->rom_file)
        return 0;
    if (info->addr.type != VC_ADDR_PCI)
        return vc_build_unsupported(ctx, "rombar and romfile are supported only "
                                    "for PCI devices");
    if (!VC_BUILD_HAS(ctx, ROMBAR))
        return vc_build_unsupported(ctx, "rombar and romfile not supported in "
                                    "this QEMU binary");
    if (info->rom_bar == VC_SWITCH_OFF)
        vc_props_add(p, "rombar", "0");
    else if (info->rom_bar == VC_SWITCH_ON)
        vc_props_add(p, "rombar", "1");
    if (info->rom_file)
        vc_props_add(p, "romfile", info->rom_file);
    return 0;
}

int vc_build_hub_args(vc_build_ctx *ctx)
{
    for (size_t i = 0; i < ctx->def->nhubs; i++) {
        const vc_hub_def *hub = ctx->def->hubs[i];
        vc_props p = VC_PROPS_INIT;

        if (!VC_BUILD_HAS(ctx, USB_HUB))
            return vc_build_unsupported(ctx, "usb-hub not supported by QEMU binary");
        vc_props_value(&p, "usb-hub");
        vc_props_add(&p, "id", hub->info.alias);
        if (add_device(ctx, &p, &hub->info) < 0)
            return -1;
    }
    return 0;
}

/* USB mice and tablets; PS/2 and Xen inputs come with the machine. */
int vc_build_input_args(vc_build_ctx *ctx)
{
    for (size_t i = 0; i < ctx->def->ninputs; i++) {
        const vc_input_def *in = ctx->def->inputs[i];
        const char *kind = in->type == VC_INPUT_MOUSE ? "mouse" : "tablet";

        if (in->bus != VC_INPUT_BUS_USB)
            continue;
        if (VC_BUILD_HAS(ctx, DEVICE)) {
            vc_props p = VC_PROPS_INIT;
            vc_props_valuef(&p, "usb-%s", kind);
            vc_props_add(&p, "id", in->info.alias);
            if (add_device(ctx, &p, &in->info) < 0)
                return -1;
        } else {
            vc_build_literal(ctx, VC_QOPT_USBDEVICE, kind);
        }
    }
    return 0;
}

/* -vga values and -device models per video type ("" = none). */
static const char *const vga_names[VC_VIDEO_LAST] = {
    [VC_VIDEO_VGA] = "std", [VC_VIDEO_CIRRUS] = "cirrus",
    [VC_VIDEO_VMVGA] = "vmware", [VC_VIDEO_XEN] = "", [VC_VIDEO_VBOX] = "",
    [VC_VIDEO_QXL] = "qxl",
};
static const char *const video_devices[VC_VIDEO_LAST] = {
    [VC_VIDEO_VGA] = "VGA", [VC_VIDEO_CIRRUS] = "cirrus-vga",
    [VC_VIDEO_VMVGA] = "vmware-svga", [VC_VIDEO_XEN] = "", [VC_VIDEO_VBOX] = "",
    [VC_VIDEO_QXL] = "qxl",
};

/* A qxl card's RAM: libvirt's default when the XML gives none. */
static unsigned qxl_ram(const vc_video_def *v)
{
    return v->ram ? v->ram : VC_VIDEO_QXL_DEFAULT_RAM;
}

static int check_qxl_sizes(vc_build_ctx *ctx, const vc_video_def *v)
{
    if (v->vram > UINT_MAX / 1024)
        return vc_build_error(ctx, "internal error value for 'vram' must be less than '%u'",
                              UINT_MAX / 1024);
    if (qxl_ram(v) > UINT_MAX / 1024)
        return vc_build_error(ctx, "internal error value for 'ram' must be less than '%u'",
                              UINT_MAX / 1024);
    return 0;
}

/* A video card as -device (the primary one as qxl-vga). */
static int video_device(vc_build_ctx *ctx, const vc_video_def *v, bool primary)
{
    vc_props p = VC_PROPS_INIT;
    const char *model;

    if (primary) {
        model = video_devices[v->type];
        if (!model || !*model)
            return vc_build_unsupported(ctx, "invalid model for video type '%s'",
                                        vc_video_type_to_string(v->type));
        if (v->type == VC_VIDEO_QXL)
            model = "qxl-vga";
    } else {
        if (v->type != VC_VIDEO_QXL)
            return vc_build_unsupported(ctx, "non-primary video device must be type of 'qxl'");
        model = "qxl";
    }
    if (v->type == VC_VIDEO_QXL && check_qxl_sizes(ctx, v) < 0)
        return -1;
    vc_props_value(&p, model);
    vc_props_add(&p, "id", v->info.alias);
    if (v->type == VC_VIDEO_QXL) {
        /* QEMU takes bytes */
        vc_props_addf(&p, "ram_size", "%u", qxl_ram(v) * 1024);
        if (v->vram)
            vc_props_addf(&p, "vram_size", "%u", v->vram * 1024);
    }
    return add_device(ctx, &p, &v->info);
}

/* Whether QEMU can take the primary card as a -device too. */
static bool primary_as_device(vc_build_ctx *ctx, vc_video_type type)
{
    if (!VC_BUILD_HAS(ctx, DEVICE_VIDEO_PRIMARY))
        return false;
    switch (type) {
    case VC_VIDEO_VGA:    return VC_BUILD_HAS(ctx, VGA_DEVICE);
    case VC_VIDEO_CIRRUS: return VC_BUILD_HAS(ctx, CIRRUS_VGA);
    case VC_VIDEO_VMVGA:  return VC_BUILD_HAS(ctx, VMWARE_SVGA);
    case VC_VIDEO_QXL:    return VC_BUILD_HAS(ctx, DEVICE_QXL_VGA);
    default:              return false;
    }
}

static int primary_vga(vc_build_ctx *ctx, const vc_video_def *v)
{
    const char *vga = vga_names[v->type];

    if (v->type == VC_VIDEO_XEN)    /* -vga does nothing for the Xen pvfb */
        return 0;
    if (v->type == VC_VIDEO_QXL && !VC_BUILD_HAS(ctx, VGA_QXL))
        return vc_build_unsupported(ctx, "This QEMU does not support QXL graphics adapters");
    if (!vga || !*vga)
        return vc_build_unsupported(ctx, "video type %s is not supported with QEMU",
                                    vc_video_type_to_string(v->type));
    vc_build_literal(ctx, VC_QOPT_VGA, vga);
    if (v->type == VC_VIDEO_QXL && VC_BUILD_HAS(ctx, DEVICE)) {
        const char *dev = VC_BUILD_HAS(ctx, DEVICE_QXL_VGA) ? "qxl-vga" : "qxl";
        vc_props p = VC_PROPS_INIT;
        char key[32];

        if (check_qxl_sizes(ctx, v) < 0)
            return -1;
        snprintf(key, sizeof(key), "%s.ram_size", dev);
        vc_props_addf(&p, key, "%u", qxl_ram(v) * 1024);
        if (vc_build_opt(ctx, VC_QOPT_GLOBAL, &p) < 0)
            return -1;
        if (v->vram) {
            snprintf(key, sizeof(key), "%s.vram_size", dev);
            vc_props_addf(&p, key, "%u", v->vram * 1024);
            if (vc_build_opt(ctx, VC_QOPT_GLOBAL, &p) < 0)
                return -1;
        }
    }
    return 0;
}

/* Before -vga existed: -std-vga / -vmwarevga, cirrus by default. */
static int primary_legacy(vc_build_ctx *ctx, const vc_video_def *v)
{
    switch (v->type) {
    case VC_VIDEO_VGA:
        vc_build_switch(ctx, VC_QOPT_STD_VGA);
        return 0;
    case VC_VIDEO_VMVGA:
        vc_build_switch(ctx, VC_QOPT_VMWAREVGA);
        return 0;
    case VC_VIDEO_XEN:
    case VC_VIDEO_CIRRUS:
        return 0;
    default:
        return vc_build_unsupported(ctx, "video type %s is not supported with this QEMU",
                                    vc_video_type_to_string(v->type));
    }
}

int vc_build_video_args(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;

    if (def->nvideos == 0) {
        /* -nodefaults already did this with -device */
        if (!VC_BUILD_HAS(ctx, DEVICE) && VC_BUILD_HAS(ctx, VGA) &&
            VC_BUILD_HAS(ctx, VGA_NONE))
            vc_build_literal(ctx, VC_QOPT_VGA, "none");
        return 0;
    }
    if (primary_as_device(ctx, def->videos[0]->type)) {
        for (size_t i = 0; i < def->nvideos; i++)
            if (video_device(ctx, def->videos[i], i == 0) < 0)
                return -1;
        return 0;
    }
    if (VC_BUILD_HAS(ctx, VGA) ? primary_vga(ctx, def->videos[0]) < 0
                               : primary_legacy(ctx, def->videos[0]) < 0)
        return -1;
    if (def->nvideos > 1) {
        if (!VC_BUILD_HAS(ctx, DEVICE))
            return vc_build_unsupported(ctx, "only one video card is currently supported");
        for (size_t i = 1; i < def->nvideos; i++) {
            if (def->videos[i]->type != VC_VIDEO_QXL)
                return vc_build_unsupported(ctx, "video type %s is only valid as "
                                            "primary video card",
                                            vc_video_type_to_string(def->videos[i]->type));
            if (video_device(ctx, def->videos[i], false) < 0)
                return -1;
        }
    }
    return 0;
}

/* Where QEMU has -audiodev (and no -soundhw), the cards play into one
 * backend of this id: "none", as the guest has no sound on the host. */
#define SOUND_AUDIODEV "audio0"

/* QEMU's device names for the sound models. */
static const char *const sound_devices[VC_SOUND_LAST] = {
    [VC_SOUND_SB16] = "sb16", [VC_SOUND_ES1370] = "ES1370",
    [VC_SOUND_PCSPK] = "pcspk", [VC_SOUND_AC97] = "AC97",
    [VC_SOUND_ICH6] = "intel-hda",
};

static int hda_codec(vc_build_ctx *ctx, const vc_sound_def *s, vc_sound_codec codec,
                     int cad)
{
    static const char *const names[VC_SOUND_CODEC_LAST] = {
        [VC_SOUND_CODEC_DUPLEX] = "hda-duplex", [VC_SOUND_CODEC_MICRO] = "hda-micro",
    };
    const vc_cap caps[VC_SOUND_CODEC_LAST] = {
        [VC_SOUND_CODEC_DUPLEX] = VC_CAP_HDA_DUPLEX,
        [VC_SOUND_CODEC_MICRO] = VC_CAP_HDA_MICRO,
    };

    vc_props p = VC_PROPS_INIT;

    if (!vc_build_has(ctx, caps[codec]))
        return vc_build_unsupported(ctx, "%s not supported in this QEMU binary",
                                    names[codec]);
    vc_props_value(&p, names[codec]);
    vc_props_addf(&p, "id", "%s-codec%d", s->info.alias, cad);
    vc_props_addf(&p, "bus", "%s.0", s->info.alias);
    vc_props_addf(&p, "cad", "%d", cad);
    if (VC_BUILD_HAS(ctx, AUDIODEV))
        vc_props_add(&p, "audiodev", SOUND_AUDIODEV);
    return vc_build_opt(ctx, VC_QOPT_DEVICE, &p);
}

static int sound_device(vc_build_ctx *ctx, const vc_sound_def *s)
{
    vc_props p = VC_PROPS_INIT;

    /* the PC speaker has no -device form (and no address): it is built
     * into the machine, which connects it once -soundhw is gone */
    if (s->model == VC_SOUND_PCSPK && VC_BUILD_HAS(ctx, MACHINE_PCSPK_AUDIODEV)) {
        vc_props_add(&p, "pcspk-audiodev", SOUND_AUDIODEV);
        return vc_build_opt(ctx, VC_QOPT_MACHINE, &p);
    }
    if (s->model == VC_SOUND_PCSPK) {
        vc_props_value(&p, "pcspk");
        return vc_build_opt(ctx, VC_QOPT_SOUNDHW, &p);
    }
    vc_props_value(&p, sound_devices[s->model]);
    vc_props_add(&p, "id", s->info.alias);
    if (VC_BUILD_HAS(ctx, AUDIODEV) && s->model != VC_SOUND_ICH6)
        vc_props_add(&p, "audiodev", SOUND_AUDIODEV);
    if (add_device(ctx, &p, &s->info) < 0)
        return -1;
    if (s->model != VC_SOUND_ICH6)
        return 0;
    for (size_t i = 0; i < s->ncodecs; i++)
        if (hda_codec(ctx, s, s->codecs[i], (int)i) < 0)
            return -1;
    if (s->ncodecs == 0)
        return hda_codec(ctx, s, VC_SOUND_CODEC_DUPLEX, 0);
    return 0;
}

int vc_build_sound_args(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    vc_props p = VC_PROPS_INIT;

    if (def->nsounds == 0)
        return 0;
    if (VC_BUILD_HAS(ctx, DEVICE)) {
        if (VC_BUILD_HAS(ctx, AUDIODEV)) {
            vc_props_value(&p, "none");
            vc_props_add(&p, "id", SOUND_AUDIODEV);
            if (vc_build_opt(ctx, VC_QOPT_AUDIODEV, &p) < 0)
                return -1;
        }
        for (size_t i = 0; i < def->nsounds; i++)
            if (sound_device(ctx, def->sounds[i]) < 0)
                return -1;
        return 0;
    }
    for (size_t i = 0; i < def->nsounds; i++) {
        if (def->sounds[i]->model == VC_SOUND_ICH6) {
            vc_props_free(&p);
            return vc_build_unsupported(ctx, "this QEMU binary lacks hda support");
        }
        vc_props_value(&p, vc_sound_model_to_string(def->sounds[i]->model));
    }
    return vc_build_opt(ctx, VC_QOPT_SOUNDHW, &p);
}

int vc_build_watchdog_args(vc_build_ctx *ctx)
{
    const vc_watchdog_def *w = vc_domain_watchdog(ctx->def);
    vc_watchdog_action act;

    if (!w)
        return 0;
    if (VC_BUILD_HAS(ctx, DEVICE)) {
        vc_props p = VC_PROPS_INIT;
        vc_props_value(&p, vc_watchdog_model_to_string(w->model));
        vc_props_add(&p, "id", w->info.alias);
        if (add_device(ctx, &p, &w->info) < 0)
            return -1;
    } else {
        vc_build_literal(ctx, VC_QOPT_WATCHDOG, vc_watchdog_model_to_string(w->model));
    }
    /* QEMU has no dump action: libvirt pauses the guest and dumps it */
    act = w->action == VC_WATCHDOG_DUMP ? VC_WATCHDOG_PAUSE : w->action;
    vc_build_literal(ctx, VC_QOPT_WATCHDOG_ACTION, vc_watchdog_action_to_string(act));
    return 0;
}

/* Newer QEMU has no default balloon: ask for it. */
int vc_build_balloon_args(vc_build_ctx *ctx)
{
    const vc_memballoon_def *m = vc_domain_memballoon(ctx->def);

    if (!m || m->model == VC_BALLOON_NONE)
        return 0;
    /* s390 virtio machines have no balloon device */
    if (ctx->machine && VC_STRPREFIX(ctx->machine, "s390-virtio") &&
        VC_BUILD_HAS(ctx, VIRTIO_S390))
        return 0;
    if (m->model != VC_BALLOON_VIRTIO)
        return vc_build_unsupported(ctx, "Memory balloon device type '%s' is not "
                                    "supported by this version of qemu",
                                    vc_balloon_model_to_string(m->model));
    if (VC_BUILD_HAS(ctx, DEVICE)) {
        vc_props p = VC_PROPS_INIT;
        vc_props_value(&p, "virtio-balloon-pci");
        vc_props_add(&p, "id", m->info.alias);
        return add_device(ctx, &p, &m->info);
    }
    if (VC_BUILD_HAS(ctx, BALLOON))
        vc_build_literal(ctx, VC_QOPT_BALLOON, "virtio");
    return 0;
}
