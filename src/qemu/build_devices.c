/* build_devices.c: the smaller device families: USB hubs and inputs,
 * video cards, sound, watchdog, memory balloon, and the option ROM
 * settings PCI devices share.  Graphics live in build_graphics.c. */
#include "qemu/build_core.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

/* "-device STR" with the device's address appended; takes @b. */
static int add_device(vc_build_ctx *ctx, vc_buf *b, const vc_device_info *info)
{
    if (vc_build_device_address(ctx, b, info) < 0) {
        vc_buf_free(b);
        return -1;
    }
    vc_command_add_arg(ctx->cmd, "-device");
    vc_command_take_arg(ctx->cmd, vc_buf_steal(b));
    return 0;
}

int vc_build_rom_str(vc_build_ctx *ctx, vc_buf *buf, const vc_device_info *info)
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
        vc_buf_add(buf, ",rombar=0");
    else if (info->rom_bar == VC_SWITCH_ON)
        vc_buf_add(buf, ",rombar=1");
    if (info->rom_file)
        vc_buf_addf(buf, ",romfile=%s", info->rom_file);
    return 0;
}

int vc_build_hub_args(vc_build_ctx *ctx)
{
    for (size_t i = 0; i < ctx->def->nhubs; i++) {
        const vc_hub_def *hub = ctx->def->hubs[i];
        vc_buf b = VC_BUF_INIT;

        if (!VC_BUILD_HAS(ctx, USB_HUB))
            return vc_build_unsupported(ctx, "usb-hub not supported by QEMU binary");
        vc_buf_addf(&b, "usb-hub,id=%s", hub->info.alias);
        if (add_device(ctx, &b, &hub->info) < 0)
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
            vc_buf b = VC_BUF_INIT;
            vc_buf_addf(&b, "usb-%s,id=%s", kind, in->info.alias);
            if (add_device(ctx, &b, &in->info) < 0)
                return -1;
        } else {
            vc_command_add_arg_pair(ctx->cmd, "-usbdevice", kind);
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
    return v->ram ? v->ram : 64 * 1024;
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
    vc_buf b = VC_BUF_INIT;
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
    vc_buf_addf(&b, "%s,id=%s", model, v->info.alias);
    if (v->type == VC_VIDEO_QXL) {
        if (check_qxl_sizes(ctx, v) < 0) {
            vc_buf_free(&b);
            return -1;
        }
        /* QEMU takes bytes */
        vc_buf_addf(&b, ",ram_size=%u", qxl_ram(v) * 1024);
        if (v->vram)
            vc_buf_addf(&b, ",vram_size=%u", v->vram * 1024);
    }
    return add_device(ctx, &b, &v->info);
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
    vc_command_add_arg_pair(ctx->cmd, "-vga", vga);
    if (v->type == VC_VIDEO_QXL && VC_BUILD_HAS(ctx, DEVICE)) {
        const char *dev = VC_BUILD_HAS(ctx, DEVICE_QXL_VGA) ? "qxl-vga" : "qxl";
        if (check_qxl_sizes(ctx, v) < 0)
            return -1;
        vc_command_add_arg(ctx->cmd, "-global");
        vc_command_add_argf(ctx->cmd, "%s.ram_size=%u", dev, qxl_ram(v) * 1024);
        if (v->vram) {
            vc_command_add_arg(ctx->cmd, "-global");
            vc_command_add_argf(ctx->cmd, "%s.vram_size=%u", dev, v->vram * 1024);
        }
    }
    return 0;
}

/* Before -vga existed: -std-vga / -vmwarevga, cirrus by default. */
static int primary_legacy(vc_build_ctx *ctx, const vc_video_def *v)
{
    switch (v->type) {
    case VC_VIDEO_VGA:
        vc_command_add_arg(ctx->cmd, "-std-vga");
        return 0;
    case VC_VIDEO_VMVGA:
        vc_command_add_arg(ctx->cmd, "-vmwarevga");
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
            vc_command_add_arg_pair(ctx->cmd, "-vga", "none");
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

    if (!vc_caps_has(&ctx->caps, caps[codec]))
        return vc_build_unsupported(ctx, "%s not supported in this QEMU binary",
                                    names[codec]);
    vc_command_add_arg(ctx->cmd, "-device");
    vc_command_add_argf(ctx->cmd, "%s,id=%s-codec%d,bus=%s.0,cad=%d", names[codec],
                        s->info.alias, cad, s->info.alias, cad);
    return 0;
}

static int sound_device(vc_build_ctx *ctx, const vc_sound_def *s)
{
    vc_buf b = VC_BUF_INIT;

    /* the PC speaker has no -device form (and no address) */
    if (s->model == VC_SOUND_PCSPK) {
        vc_command_add_arg_pair(ctx->cmd, "-soundhw", "pcspk");
        return 0;
    }
    vc_buf_addf(&b, "%s,id=%s", sound_devices[s->model], s->info.alias);
    if (add_device(ctx, &b, &s->info) < 0)
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
    vc_buf b = VC_BUF_INIT;

    if (def->nsounds == 0)
        return 0;
    if (VC_BUILD_HAS(ctx, DEVICE)) {
        for (size_t i = 0; i < def->nsounds; i++)
            if (sound_device(ctx, def->sounds[i]) < 0)
                return -1;
        return 0;
    }
    for (size_t i = 0; i < def->nsounds; i++) {
        if (def->sounds[i]->model == VC_SOUND_ICH6) {
            vc_buf_free(&b);
            return vc_build_unsupported(ctx, "this QEMU binary lacks hda support");
        }
        if (i)
            vc_buf_addc(&b, ',');
        vc_buf_add(&b, vc_sound_model_to_string(def->sounds[i]->model));
    }
    vc_command_add_arg(ctx->cmd, "-soundhw");
    vc_command_take_arg(ctx->cmd, vc_buf_steal(&b));
    return 0;
}

int vc_build_watchdog_args(vc_build_ctx *ctx)
{
    const vc_watchdog_def *w = ctx->def->watchdog;
    vc_watchdog_action act;

    if (!w)
        return 0;
    if (VC_BUILD_HAS(ctx, DEVICE)) {
        vc_buf b = VC_BUF_INIT;
        vc_buf_addf(&b, "%s,id=%s", vc_watchdog_model_to_string(w->model), w->info.alias);
        if (add_device(ctx, &b, &w->info) < 0)
            return -1;
    } else {
        vc_command_add_arg_pair(ctx->cmd, "-watchdog",
                                vc_watchdog_model_to_string(w->model));
    }
    /* QEMU has no dump action: libvirt pauses the guest and dumps it */
    act = w->action == VC_WATCHDOG_DUMP ? VC_WATCHDOG_PAUSE : w->action;
    vc_command_add_arg_pair(ctx->cmd, "-watchdog-action",
                            vc_watchdog_action_to_string(act));
    return 0;
}

/* Newer QEMU has no default balloon: ask for it. */
int vc_build_balloon_args(vc_build_ctx *ctx)
{
    const vc_memballoon_def *m = ctx->def->memballoon;

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
        vc_buf b = VC_BUF_INIT;
        vc_buf_addf(&b, "virtio-balloon-pci,id=%s", m->info.alias);
        return add_device(ctx, &b, &m->info);
    }
    if (VC_BUILD_HAS(ctx, BALLOON))
        vc_command_add_arg_pair(ctx->cmd, "-balloon", "virtio");
    return 0;
}
