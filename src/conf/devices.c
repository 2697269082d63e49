/* devices.c: the smaller device families: input, sound, video,
 * watchdog, memballoon, hostdev, smartcard, redirdev, redirfilter, hub,
 * filesystem and lease (parsing, formatting, freeing). */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

VC_ENUM_IMPL(vc_input_type, VC_INPUT_LAST, "mouse", "tablet")
VC_ENUM_IMPL(vc_input_bus, VC_INPUT_BUS_LAST, "ps2", "usb", "xen")
VC_ENUM_IMPL(vc_sound_model, VC_SOUND_LAST, "sb16", "es1370", "pcspk", "ac97", "ich6")
VC_ENUM_IMPL(vc_sound_codec, VC_SOUND_CODEC_LAST, "duplex", "micro")
VC_ENUM_IMPL(vc_video_type, VC_VIDEO_LAST, "vga", "cirrus", "vmvga", "xen", "vbox", "qxl")
VC_ENUM_IMPL(vc_watchdog_model, VC_WATCHDOG_LAST, "i6300esb", "ib700")
VC_ENUM_IMPL(vc_watchdog_action, VC_WATCHDOG_ACTION_LAST, "reset", "shutdown",
             "poweroff", "pause", "dump", "none")
VC_ENUM_IMPL(vc_balloon_model, VC_BALLOON_LAST, "virtio", "xen", "none")
VC_ENUM_IMPL(vc_hostdev_subsys, VC_HOSTDEV_SUBSYS_LAST, "usb", "pci")
VC_ENUM_IMPL(vc_smartcard_mode, VC_SMARTCARD_LAST, "host", "host-certificates", "passthrough")
VC_ENUM_IMPL(vc_fs_type, VC_FS_TYPE_LAST, "mount", "block", "file", "template", "ram",
             "bind")
VC_ENUM_IMPL(vc_fs_driver, VC_FS_DRIVER_LAST, "default", "path", "handle")
VC_ENUM_IMPL(vc_fs_access, VC_FS_ACCESS_LAST, "passthrough", "mapped", "squash")
VC_ENUM_IMPL(vc_fs_wrpolicy, VC_FS_WRPOLICY_LAST, "default", "immediate")
VC_ENUM_IMPL(vc_hostdev_mode, 1, "subsystem")
VC_ENUM_IMPL(vc_usb_only, 1, "usb")

#define SIMPLE_FREE(type, name) \
    void name(type *d) { if (!d) return; vc_device_info_clear(&d->info); free(d); }
SIMPLE_FREE(vc_input_def, vc_input_def_free)
SIMPLE_FREE(vc_video_def, vc_video_def_free)
SIMPLE_FREE(vc_watchdog_def, vc_watchdog_def_free)
SIMPLE_FREE(vc_memballoon_def, vc_memballoon_def_free)
SIMPLE_FREE(vc_hostdev_def, vc_hostdev_def_free)
SIMPLE_FREE(vc_hub_def, vc_hub_def_free)

void vc_sound_def_free(vc_sound_def *d)
{
    if (!d)
        return;
    free(d->codecs);
    vc_device_info_clear(&d->info);
    free(d);
}

void vc_smartcard_def_free(vc_smartcard_def *d)
{
    if (!d)
        return;
    for (int i = 0; i < VC_SMARTCARD_NUM_CERTS; i++)
        free(d->certs[i]);
    free(d->database);
    vc_chr_source_clear(&d->passthru);
    vc_device_info_clear(&d->info);
    free(d);
}

void vc_redirdev_def_free(vc_redirdev_def *d)
{
    if (!d)
        return;
    vc_chr_source_clear(&d->source);
    vc_device_info_clear(&d->info);
    free(d);
}

void vc_redirfilter_def_free(vc_redirfilter_def *d)
{
    if (!d)
        return;
    free(d->usbdevs);
    free(d);
}

void vc_fs_def_free(vc_fs_def *d)
{
    if (!d)
        return;
    free(d->src);
    free(d->dst);
    vc_device_info_clear(&d->info);
    free(d);
}

void vc_lease_def_free(vc_lease_def *d)
{
    if (!d)
        return;
    free(d->lockspace);
    free(d->key);
    free(d->path);
    free(d);
}

/* ---- input ---- */

vc_input_def *vc_input_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_input_def *d = VC_NEW(vc_input_def);
    bool hvm = VC_STREQ(ctx->def->os.type, "hvm");
    int v, r;

    if (vc_xml_enum_req(ctx, node, "type", vc_input_type_from_string, "input device type", &v) < 0)
        goto error;
    d->type = (vc_input_type)v;
    if ((r = vc_xml_enum(ctx, node, "bus", vc_input_bus_from_string, "input bus type", &v)) < 0)
        goto error;
    if (r == 0)
        v = hvm ? (d->type == VC_INPUT_MOUSE ? VC_INPUT_BUS_PS2 : VC_INPUT_BUS_USB)
                : VC_INPUT_BUS_XEN;
    d->bus = (vc_input_bus)v;
    if (hvm && d->bus == VC_INPUT_BUS_PS2 && d->type != VC_INPUT_MOUSE) {
        vc_xml_error(ctx, "ps2 bus does not support %s input device",
                     vc_input_type_to_string(d->type));
        goto error;
    }
    if (hvm && d->bus == VC_INPUT_BUS_XEN) {
        vc_xml_error(ctx, "unsupported input bus xen");
        goto error;
    }
    if (!hvm && d->bus != VC_INPUT_BUS_XEN) {
        vc_xml_error(ctx, "unsupported input bus %s", vc_input_bus_to_string(d->bus));
        goto error;
    }
    if (!hvm && d->type != VC_INPUT_MOUSE) {
        vc_xml_error(ctx, "xen bus does not support %s input device",
                     vc_input_type_to_string(d->type));
        goto error;
    }
    if (vc_device_info_parse(ctx, node, &d->info, 0) < 0)
        goto error;
    return d;
error:
    vc_input_def_free(d);
    return NULL;
}

void vc_input_format(vc_buf *b, const vc_input_def *d)
{
    vc_buf_addf(b, "    <input type='%s' bus='%s'", vc_input_type_to_string(d->type),
                vc_input_bus_to_string(d->bus));
    if (!vc_device_info_is_set(&d->info)) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    vc_device_info_format(b, &d->info, 6);
    vc_buf_add(b, "    </input>\n");
}

/* ---- sound ---- */

vc_sound_def *vc_sound_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_sound_def *d = VC_NEW(vc_sound_def);
    int v;

    if (vc_xml_enum_req(ctx, node, "model", vc_sound_model_from_string, "sound model", &v) < 0)
        goto error;
    d->model = (vc_sound_model)v;
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (d->model != VC_SOUND_ICH6 || !vc_xml_is(c, "codec"))
            continue;
        if (vc_xml_enum_req(ctx, c, "type", vc_sound_codec_from_string, "codec type", &v) < 0)
            goto error;
        d->codecs = vc_realloc(d->codecs, (d->ncodecs + 1) * sizeof(*d->codecs));
        d->codecs[d->ncodecs++] = (vc_sound_codec)v;
    }
    if (vc_device_info_parse(ctx, node, &d->info, 0) < 0)
        goto error;
    return d;
error:
    vc_sound_def_free(d);
    return NULL;
}

void vc_sound_format(vc_buf *b, const vc_sound_def *d)
{
    vc_buf_addf(b, "    <sound model='%s'", vc_sound_model_to_string(d->model));
    if (!d->ncodecs && !vc_device_info_is_set(&d->info)) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    for (size_t i = 0; i < d->ncodecs; i++)
        vc_buf_addf(b, "      <codec type='%s'/>\n", vc_sound_codec_to_string(d->codecs[i]));
    vc_device_info_format(b, &d->info, 6);
    vc_buf_add(b, "    </sound>\n");
}

/* ---- video ---- */

vc_video_type vc_video_default_type(const vc_domain_def *def)
{
    if (VC_STREQ(def->os.type, "xen") || VC_STREQ(def->os.type, "linux"))
        return VC_VIDEO_XEN;
    return VC_VIDEO_CIRRUS;
}

unsigned vc_video_default_vram(const vc_domain_def *def, vc_video_type type)
{
    (void)def;
    switch (type) {
    case VC_VIDEO_VGA: case VC_VIDEO_CIRRUS: case VC_VIDEO_VMVGA:
        return 9 * 1024;
    case VC_VIDEO_XEN:
        return 4 * 1024;
    case VC_VIDEO_QXL:
        return VC_VIDEO_QXL_DEFAULT_RAM;
    default:
        return 0;
    }
}

/* The first <acceleration> of <model> that says either switch (the
 * QEMU driver does not use it, but keeps it): anything but "yes" is
 * "no", and an unsaid switch is "no" once the other is said. */
static void parse_video_accel(const xmlNode *m, vc_video_def *d)
{
    for (xmlNodePtr c = m->children; c && !d->has_accel; c = c->next) {
        char *a3, *a2;
        if (!vc_xml_is(c, "acceleration"))
            continue;
        a3 = vc_xml_prop(c, "accel3d");
        a2 = vc_xml_prop(c, "accel2d");
        if (a3 || a2) {
            d->has_accel = true;
            d->accel3d = a3 && VC_STREQ(a3, "yes") ? VC_YESNO_YES : VC_YESNO_NO;
            d->accel2d = a2 && VC_STREQ(a2, "yes") ? VC_YESNO_YES : VC_YESNO_NO;
        }
        free(a3);
        free(a2);
    }
}

vc_video_def *vc_video_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    const vc_domain_def *def = ctx->def;
    vc_video_def *d = VC_NEW(vc_video_def);
    xmlNodePtr m = vc_xml_child(node, "model");
    int v, r;

    d->type = vc_video_default_type(def);
    if (m) {
        char *primary;
        if (vc_xml_enum(ctx, m, "type", vc_video_type_from_string, "video model", &v) < 0)
            goto error;
        if (vc_xml_has(m, "type"))
            d->type = (vc_video_type)v;
        if (vc_xml_uint(ctx, m, "ram", 10, 0xFFFFFFFFu, &d->ram) < 0 ||
            (r = vc_xml_uint(ctx, m, "vram", 10, 0xFFFFFFFFu, &d->vram)) < 0 ||
            vc_xml_uint(ctx, m, "heads", 10, 0xFFFFFFFFu, &d->heads) < 0)
            goto error;
        if (d->ram && d->type != VC_VIDEO_QXL) {
            vc_xml_error(ctx, "ram attribute only supported for type of qxl");
            goto error;
        }
        primary = vc_xml_prop(m, "primary");
        d->primary = primary && VC_STREQ(primary, "yes");
        free(primary);
        parse_video_accel(m, d);
    }
    /* libvirt fills in a qxl card's RAM when the model leaves it out;
     * ram='0', which it would not write back, is taken as left out so
     * that what is written reads back the same */
    if (d->type == VC_VIDEO_QXL && !d->ram)
        d->ram = VC_VIDEO_QXL_DEFAULT_RAM;
    if (!d->vram)
        d->vram = vc_video_default_vram(def, d->type);
    if (!d->heads)
        d->heads = 1;
    if (vc_device_info_parse(ctx, node, &d->info, 0) < 0)
        goto error;
    return d;
error:
    vc_video_def_free(d);
    return NULL;
}

void vc_video_format(vc_buf *b, const vc_video_def *d)
{
    vc_buf_addf(b, "    <video>\n      <model type='%s'", vc_video_type_to_string(d->type));
    if (d->ram)
        vc_buf_addf(b, " ram='%u'", d->ram);
    if (d->vram)
        vc_buf_addf(b, " vram='%u'", d->vram);
    if (d->heads)
        vc_buf_addf(b, " heads='%u'", d->heads);
    if (d->primary)
        vc_buf_add(b, " primary='yes'");
    if (d->has_accel)
        vc_buf_addf(b, ">\n        <acceleration accel3d='%s' accel2d='%s'/>\n      </model>\n",
                    vc_yesno_to_string(d->accel3d), vc_yesno_to_string(d->accel2d));
    else
        vc_buf_add(b, "/>\n");
    vc_device_info_format(b, &d->info, 6);
    vc_buf_add(b, "    </video>\n");
}

/* ---- watchdog, memballoon, hub ---- */

vc_watchdog_def *vc_watchdog_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_watchdog_def *d = VC_NEW(vc_watchdog_def);
    int v = VC_WATCHDOG_RESET;

    if (vc_xml_enum_req(ctx, node, "model", vc_watchdog_model_from_string,
                        "watchdog model", &v) < 0)
        goto error;
    d->model = (vc_watchdog_model)v;
    v = VC_WATCHDOG_RESET;
    if (vc_xml_enum(ctx, node, "action", vc_watchdog_action_from_string,
                    "watchdog action", &v) < 0)
        goto error;
    d->action = (vc_watchdog_action)v;
    if (vc_device_info_parse(ctx, node, &d->info, 0) < 0)
        goto error;
    return d;
error:
    vc_watchdog_def_free(d);
    return NULL;
}

void vc_watchdog_format(vc_buf *b, const vc_watchdog_def *d)
{
    vc_buf_addf(b, "    <watchdog model='%s' action='%s'", vc_watchdog_model_to_string(d->model),
                vc_watchdog_action_to_string(d->action));
    if (!vc_device_info_is_set(&d->info)) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    vc_device_info_format(b, &d->info, 6);
    vc_buf_add(b, "    </watchdog>\n");
}

vc_memballoon_def *vc_memballoon_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_memballoon_def *d = VC_NEW(vc_memballoon_def);
    int v;

    if (vc_xml_enum_req(ctx, node, "model", vc_balloon_model_from_string,
                        "memory balloon model", &v) < 0)
        goto error;
    d->model = (vc_balloon_model)v;
    if (vc_device_info_parse(ctx, node, &d->info, 0) < 0)
        goto error;
    return d;
error:
    vc_memballoon_def_free(d);
    return NULL;
}

void vc_memballoon_format(vc_buf *b, const vc_memballoon_def *d)
{
    vc_buf_addf(b, "    <memballoon model='%s'", vc_balloon_model_to_string(d->model));
    if (!vc_device_info_is_set(&d->info)) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    vc_device_info_format(b, &d->info, 6);
    vc_buf_add(b, "    </memballoon>\n");
}

vc_hub_def *vc_hub_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_hub_def *d = VC_NEW(vc_hub_def);
    char *type = vc_xml_prop(node, "type");

    if (vc_usb_only_from_string(type) < 0) {
        vc_xml_error(ctx, "unknown hub device type '%s'", type ? type : "(null)");
        free(type);
        vc_hub_def_free(d);
        return NULL;
    }
    free(type);
    if (vc_device_info_parse(ctx, node, &d->info, 0) < 0) {
        vc_hub_def_free(d);
        return NULL;
    }
    return d;
}

void vc_hub_format(vc_buf *b, const vc_hub_def *d)
{
    vc_buf_add(b, "    <hub type='usb'");
    if (!vc_device_info_is_set(&d->info)) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    vc_device_info_format(b, &d->info, 6);
    vc_buf_add(b, "    </hub>\n");
}

/* ---- hostdev ---- */

static int parse_hex_id(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                        unsigned *out, bool *has)
{
    int r = vc_xml_uint(ctx, n, attr, 0, 0xFFFF, out);
    if (r < 0)
        return -1;
    *has = r > 0;
    return 0;
}

vc_hostdev_def *vc_hostdev_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_hostdev_def *d = VC_NEW(vc_hostdev_def);
    xmlNodePtr src = vc_xml_child(node, "source"), c;
    char *mode = vc_xml_prop(node, "mode"), *managed;
    int v;

    if (mode && vc_hostdev_mode_from_string(mode) < 0) {
        vc_xml_error(ctx, "unknown hostdev mode '%s'", mode);
        free(mode);
        goto error;
    }
    free(mode);
    if (vc_xml_enum_req(ctx, node, "type", vc_hostdev_subsys_from_string,
                        "host device source bus type", &v) < 0)
        goto error;
    d->type = (vc_hostdev_subsys)v;
    managed = vc_xml_prop(node, "managed");
    d->managed = managed && VC_STREQ(managed, "yes");
    free(managed);
    if (!src) {
        vc_xml_error(ctx, "missing <source> element in hostdev device");
        goto error;
    }
    if (d->type == VC_HOSTDEV_SUBSYS_PCI) {
        if (!(c = vc_xml_child(src, "address"))) {
            vc_xml_error(ctx, "missing <address> in PCI hostdev <source>");
            goto error;
        }
        if (vc_pci_addr_parse(ctx, c, &d->pci) < 0)
            goto error;
    } else {
        if (vc_xml_has(src, "startupPolicy")) {
            if (vc_xml_enum(ctx, src, "startupPolicy", vc_disk_startup_from_string,
                            "startup policy", &v) < 0)
                goto error;
            if (v == VC_DISK_STARTUP_DEFAULT) {
                vc_xml_error(ctx, "unknown startup policy 'default'");
                goto error;
            }
            d->startup_policy = (vc_disk_startup)v;
        }
        if ((c = vc_xml_child(src, "vendor")) &&
            parse_hex_id(ctx, c, "id", &d->vendor, &d->has_vendor) < 0)
            goto error;
        if ((c = vc_xml_child(src, "product")) &&
            parse_hex_id(ctx, c, "id", &d->product, &d->has_product) < 0)
            goto error;
        if ((c = vc_xml_child(src, "address"))) {
            if (vc_xml_uint(ctx, c, "bus", 0, 0xFFFF, &d->usb_bus) <= 0 ||
                vc_xml_uint(ctx, c, "device", 0, 0xFFFF, &d->usb_device) <= 0) {
                if (!ctx->err->code)
                    vc_xml_error(ctx, "usb address needs bus and device");
                goto error;
            }
            d->has_usb_addr = true;
        }
        if (d->has_vendor != d->has_product) {
            vc_xml_error(ctx, "missing vendor or product id in usb hostdev <source>");
            goto error;
        }
        if (!d->has_vendor && !d->has_usb_addr) {
            vc_xml_error(ctx, "usb hostdev <source> needs a vendor/product or an address");
            goto error;
        }
    }
    if (vc_device_info_parse(ctx, node, &d->info, VC_INFO_ALLOW_BOOT | VC_INFO_ALLOW_ROM) < 0)
        goto error;
    return d;
error:
    vc_hostdev_def_free(d);
    return NULL;
}

void vc_hostdev_format(vc_buf *b, const vc_hostdev_def *d)
{
    vc_buf_addf(b, "    <hostdev mode='subsystem' type='%s' managed='%s'>\n      <source",
                vc_hostdev_subsys_to_string(d->type), d->managed ? "yes" : "no");
    if (d->startup_policy)
        vc_buf_addf(b, " startupPolicy='%s'", vc_disk_startup_to_string(d->startup_policy));
    vc_buf_add(b, ">\n");
    if (d->type == VC_HOSTDEV_SUBSYS_PCI) {
        vc_buf_add(b, "        <address");
        vc_pci_addr_format_attrs(b, &d->pci);
        vc_buf_add(b, "/>\n");
    } else {
        if (d->has_vendor)
            vc_buf_addf(b, "        <vendor id='0x%.4x'/>\n        <product id='0x%.4x'/>\n",
                        d->vendor, d->product);
        if (d->has_usb_addr)
            vc_buf_addf(b, "        <address bus='%u' device='%u'/>\n", d->usb_bus,
                        d->usb_device);
    }
    vc_buf_add(b, "      </source>\n");
    vc_device_info_format(b, &d->info, 6);
    vc_buf_add(b, "    </hostdev>\n");
}

/* ---- smartcard, redirdev, redirfilter ---- */

vc_smartcard_def *vc_smartcard_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_smartcard_def *d = VC_NEW(vc_smartcard_def);
    int v, ncerts = 0;

    switch (vc_xml_enum_worded(ctx, node, "mode", vc_smartcard_mode_from_string,
                               "unknown smartcard device mode: %s", &v)) {
    case -1:
        goto error;
    case 0:
        vc_xml_error(ctx, "missing smartcard device mode");
        goto error;
    }
    d->mode = (vc_smartcard_mode)v;
    if (d->mode == VC_SMARTCARD_HOST_CERTIFICATES) {
        for (xmlNodePtr c = node->children; c; c = c->next) {
            if (vc_xml_is(c, "certificate")) {
                if (ncerts == VC_SMARTCARD_NUM_CERTS) {
                    vc_xml_error(ctx, "host-certificates mode needs exactly three certificates");
                    goto error;
                }
                d->certs[ncerts++] = vc_xml_text(c);
            } else if (vc_xml_is(c, "database") && !d->database) {
                d->database = vc_xml_text(c);
            }
        }
        if (ncerts != VC_SMARTCARD_NUM_CERTS) {
            vc_xml_error(ctx, "host-certificates mode needs exactly three certificates");
            goto error;
        }
    } else if (d->mode == VC_SMARTCARD_PASSTHROUGH) {
        if (!vc_xml_has(node, "type")) {
            vc_xml_error(ctx, "passthrough mode requires a character device type attribute");
            goto error;
        }
        if (vc_chr_source_parse(ctx, node, &d->passthru) < 0)
            goto error;
    }
    if (vc_device_info_parse(ctx, node, &d->info, 0) < 0)
        goto error;
    if (d->info.addr.type != VC_ADDR_NONE && d->info.addr.type != VC_ADDR_CCID) {
        vc_xml_error(ctx, "Controllers must use the 'ccid' address type");
        goto error;
    }
    return d;
error:
    vc_smartcard_def_free(d);
    return NULL;
}

void vc_smartcard_format(vc_buf *b, const vc_smartcard_def *d)
{
    vc_buf_addf(b, "    <smartcard mode='%s'", vc_smartcard_mode_to_string(d->mode));
    if (d->mode == VC_SMARTCARD_PASSTHROUGH)
        vc_buf_addf(b, " type='%s'", vc_chr_type_to_string(d->passthru.type));
    if (d->mode == VC_SMARTCARD_HOST && !vc_device_info_is_set(&d->info)) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    if (d->mode == VC_SMARTCARD_HOST_CERTIFICATES) {
        for (int i = 0; i < VC_SMARTCARD_NUM_CERTS; i++) {
            vc_buf_add(b, "      <certificate>");
            vc_xml_escape(b, d->certs[i]);
            vc_buf_add(b, "</certificate>\n");
        }
        if (d->database) {
            vc_buf_add(b, "      <database>");
            vc_xml_escape(b, d->database);
            vc_buf_add(b, "</database>\n");
        }
    } else if (d->mode == VC_SMARTCARD_PASSTHROUGH) {
        vc_chr_source_format(b, &d->passthru, 6, false);
    }
    vc_device_info_format(b, &d->info, 6);
    vc_buf_add(b, "    </smartcard>\n");
}

vc_redirdev_def *vc_redirdev_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_redirdev_def *d = VC_NEW(vc_redirdev_def);
    char *bus = vc_xml_prop(node, "bus");

    if (bus && vc_usb_only_from_string(bus) < 0) {
        vc_xml_error(ctx, "unknown redirdev bus '%s'", bus);
        free(bus);
        goto error;
    }
    free(bus);
    if (!vc_xml_has(node, "type")) {
        vc_xml_error(ctx, "missing type in redirdev");
        goto error;
    }
    if (vc_chr_source_parse(ctx, node, &d->source) < 0)
        goto error;
    if (d->source.type != VC_CHR_SPICEVMC && d->source.type != VC_CHR_TCP) {
        vc_xml_error(ctx, "redirdev type must be 'spicevmc' or 'tcp'");
        goto error;
    }
    if (vc_device_info_parse(ctx, node, &d->info, 0) < 0)
        goto error;
    return d;
error:
    vc_redirdev_def_free(d);
    return NULL;
}

void vc_redirdev_format(vc_buf *b, const vc_redirdev_def *d)
{
    vc_buf_addf(b, "    <redirdev bus='usb' type='%s'", vc_chr_type_to_string(d->source.type));
    if (d->source.type == VC_CHR_SPICEVMC && !vc_device_info_is_set(&d->info)) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    vc_chr_source_format(b, &d->source, 6, false);
    vc_device_info_format(b, &d->info, 6);
    vc_buf_add(b, "    </redirdev>\n");
}

static int parse_usb_id(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                        int max, int *out)
{
    char *s = vc_xml_prop(n, attr);
    unsigned long long v;

    *out = -1;
    if (!s || VC_STREQ(s, "-1")) {
        free(s);
        return 0;
    }
    if (!vc_parse_ull(s, 0, &v) || v > (unsigned long long)max) {
        vc_xml_error(ctx, "invalid redirdev usbdev %s '%s'", attr, s);
        free(s);
        return -1;
    }
    free(s);
    *out = (int)v;
    return 0;
}

/* A USB version, "M.mm", as the BCD number of a USB descriptor
 * (0xMMmm): two decimal digits each side, as libvirt reads it ("1.1"
 * is 1.10, 0x0110).  More digits would not fit the four BCD digits the
 * formatter writes back (255.0 came back as 95.00, 2.5 as 2.05). */
static int parse_usb_version(vc_parse_ctx *ctx, const xmlNode *n, int *out)
{
    char *s = vc_xml_prop(n, "version");
    const char *p = s;
    int major, minor = 0;

    *out = -1;
    if (!s || VC_STREQ(s, "-1")) {
        free(s);
        return 0;
    }
    major = vc_parse_number(&p);
    if (major >= 0 && *p == '.') {
        const char *digits = ++p;
        minor = vc_parse_number(&p);
        if (p - digits == 1)
            minor *= 10;                /* tenths */
        else if (p - digits != 2)
            minor = -1;
    }
    if (major < 0 || major > 99 || minor < 0 || minor > 99 || *p) {
        vc_xml_error(ctx, "invalid redirdev usbdev version '%s'", s);
        free(s);
        return -1;
    }
    free(s);
    *out = (major / 10) << 12 | (major % 10) << 8 | (minor / 10) << 4 | (minor % 10);
    return 0;
}

vc_redirfilter_def *vc_redirfilter_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_redirfilter_def *d = VC_NEW(vc_redirfilter_def);

    for (xmlNodePtr c = node->children; c; c = c->next) {
        vc_redirfilter_usbdev u;
        char *allow;
        if (!vc_xml_is(c, "usbdev"))
            continue;
        if (parse_usb_id(ctx, c, "class", 0xFF, &u.usb_class) < 0 ||
            parse_usb_id(ctx, c, "vendor", 0xFFFF, &u.vendor) < 0 ||
            parse_usb_id(ctx, c, "product", 0xFFFF, &u.product) < 0 ||
            parse_usb_version(ctx, c, &u.version) < 0)
            goto error;
        allow = vc_xml_prop(c, "allow");
        if (!allow || (!VC_STREQ(allow, "yes") && !VC_STREQ(allow, "no"))) {
            vc_xml_error(ctx, "invalid or missing redirdev usbdev allow value '%s'",
                         allow ? allow : "(null)");
            free(allow);
            goto error;
        }
        u.allow = VC_STREQ(allow, "yes");
        free(allow);
        d->usbdevs = vc_realloc(d->usbdevs, (d->nusbdevs + 1) * sizeof(u));
        d->usbdevs[d->nusbdevs++] = u;
    }
    return d;
error:
    vc_redirfilter_def_free(d);
    return NULL;
}

void vc_redirfilter_format(vc_buf *b, const vc_redirfilter_def *d)
{
    vc_buf_add(b, "    <redirfilter>\n");
    for (size_t i = 0; i < d->nusbdevs; i++) {
        const vc_redirfilter_usbdev *u = &d->usbdevs[i];
        vc_buf_add(b, "      <usbdev");
        if (u->usb_class >= 0)
            vc_buf_addf(b, " class='0x%02X'", u->usb_class);
        if (u->vendor >= 0)
            vc_buf_addf(b, " vendor='0x%04X'", u->vendor);
        if (u->product >= 0)
            vc_buf_addf(b, " product='0x%04X'", u->product);
        if (u->version >= 0)
            vc_buf_addf(b, " version='%d.%d%d'", ((u->version >> 12) & 0xf) * 10 +
                        ((u->version >> 8) & 0xf), (u->version >> 4) & 0xf, u->version & 0xf);
        vc_buf_addf(b, " allow='%s'/>\n", u->allow ? "yes" : "no");
    }
    vc_buf_add(b, "    </redirfilter>\n");
}

/* ---- filesystem, lease ---- */

/* the <source> attribute of each type; ram has a size instead */
static const char *const fs_src_attr[] = {
    [VC_FS_TYPE_MOUNT] = "dir", [VC_FS_TYPE_BLOCK] = "dev", [VC_FS_TYPE_FILE] = "file",
    [VC_FS_TYPE_TEMPLATE] = "name", [VC_FS_TYPE_BIND] = "dir",
};

vc_fs_def *vc_fs_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_fs_def *d = VC_NEW(vc_fs_def);
    xmlNodePtr c;
    int v = VC_FS_TYPE_MOUNT;

    if (vc_xml_enum(ctx, node, "type", vc_fs_type_from_string, "filesystem type", &v) < 0)
        goto error;
    d->type = (vc_fs_type)v;
    v = VC_FS_ACCESS_PASSTHROUGH;
    if (vc_xml_enum(ctx, node, "accessmode", vc_fs_access_from_string,
                    "accessmode", &v) < 0)
        goto error;
    d->access = (vc_fs_access)v;
    if ((c = vc_xml_child(node, "driver"))) {
        v = 0;
        if (vc_xml_enum(ctx, c, "type", vc_fs_driver_from_string, "fs driver type", &v) < 0)
            goto error;
        d->driver = (vc_fs_driver)v;
        v = 0;
        if (vc_xml_enum(ctx, c, "wrpolicy", vc_fs_wrpolicy_from_string,
                        "filesystem write policy", &v) < 0)
            goto error;
        d->wrpolicy = (vc_fs_wrpolicy)v;
    }
    c = vc_xml_child(node, "source");
    if (d->type == VC_FS_TYPE_RAM) {
        /* KiB unless units= says otherwise, kept in bytes */
        int r = c ? vc_parse_scaled(ctx, c, "usage", "units", VC_MEMORY_UNIT_KIB, &d->usage)
                  : 0;

        if (r < 0)
            goto error;
        if (r == 0) {
            vc_xml_error(ctx, "missing 'usage' attribute for RAM filesystem");
            goto error;
        }
    } else if (c) {
        d->src = vc_xml_prop(c, fs_src_attr[d->type]);
    }
    if ((c = vc_xml_child(node, "target")))
        d->dst = vc_xml_prop(c, "dir");
    d->readonly = vc_xml_child(node, "readonly") != NULL;
    if ((c = vc_xml_child(node, "space_hard_limit")) &&
        vc_parse_scaled(ctx, c, NULL, "unit", VC_MEMORY_UNIT_BYTES, &d->space_hard_limit) < 0)
        goto error;
    if ((c = vc_xml_child(node, "space_soft_limit")) &&
        vc_parse_scaled(ctx, c, NULL, "unit", VC_MEMORY_UNIT_BYTES, &d->space_soft_limit) < 0)
        goto error;
    if (!d->src && d->type != VC_FS_TYPE_RAM) {
        vc_xml_error(ctx, "missing source for filesystem");
        goto error;
    }
    if (!d->dst) {
        vc_xml_error(ctx, "missing target for filesystem");
        goto error;
    }
    if (vc_device_info_parse(ctx, node, &d->info, 0) < 0)
        goto error;
    return d;
error:
    vc_fs_def_free(d);
    return NULL;
}

void vc_fs_format(vc_buf *b, const vc_fs_def *d)
{
    vc_buf_addf(b, "    <filesystem type='%s' accessmode='%s'>\n",
                vc_fs_type_to_string(d->type), vc_fs_access_to_string(d->access));
    if (d->driver || d->wrpolicy) {
        vc_buf_add(b, "      <driver");
        if (d->driver)
            vc_buf_addf(b, " type='%s'", vc_fs_driver_to_string(d->driver));
        if (d->wrpolicy)
            vc_buf_addf(b, " wrpolicy='%s'", vc_fs_wrpolicy_to_string(d->wrpolicy));
        vc_buf_add(b, "/>\n");
    }
    vc_buf_add(b, "      <source");
    if (d->type == VC_FS_TYPE_RAM)
        vc_buf_addf(b, " usage='%llu' units='KiB'", d->usage / 1024);
    else
        vc_xml_attr(b, fs_src_attr[d->type], d->src);
    vc_buf_add(b, "/>\n      <target");
    vc_xml_attr(b, "dir", d->dst);
    vc_buf_add(b, "/>\n");
    if (d->readonly)
        vc_buf_add(b, "      <readonly/>\n");
    vc_device_info_format(b, &d->info, 6);
    if (d->space_hard_limit)
        vc_buf_addf(b, "      <space_hard_limit unit='bytes'>%llu</space_hard_limit>\n",
                    d->space_hard_limit);
    if (d->space_soft_limit)
        vc_buf_addf(b, "      <space_soft_limit unit='bytes'>%llu</space_soft_limit>\n",
                    d->space_soft_limit);
    vc_buf_add(b, "    </filesystem>\n");
}

vc_lease_def *vc_lease_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_lease_def *d = VC_NEW(vc_lease_def);
    xmlNodePtr c;
    int r;

    d->lockspace = vc_xml_text(vc_xml_child(node, "lockspace"));
    d->key = vc_xml_text(vc_xml_child(node, "key"));
    if ((c = vc_xml_child(node, "target"))) {
        d->path = vc_xml_prop(c, "path");
        if ((r = vc_xml_ull(ctx, c, "offset", 10, ~0ull, &d->offset)) < 0)
            goto error;
        d->has_offset = r > 0;
    }
    if (!d->key) {
        vc_xml_error(ctx, "missing 'key' element for lease");
        goto error;
    }
    if (!d->path) {
        vc_xml_error(ctx, "missing 'target' element for lease");
        goto error;
    }
    return d;
error:
    vc_lease_def_free(d);
    return NULL;
}

void vc_lease_format(vc_buf *b, const vc_lease_def *d)
{
    vc_buf_add(b, "    <lease>\n");
    if (d->lockspace) {
        vc_buf_add(b, "      <lockspace>");
        vc_xml_escape(b, d->lockspace);
        vc_buf_add(b, "</lockspace>\n");
    }
    vc_buf_add(b, "      <key>");
    vc_xml_escape(b, d->key);
    vc_buf_add(b, "</key>\n      <target");
    vc_xml_attr(b, "path", d->path);
    if (d->has_offset)
        vc_buf_addf(b, " offset='%llu'", d->offset);
    vc_buf_add(b, "/>\n    </lease>\n");
}

/* ---- the input family as formatted: implied inputs are not written ---- */

void vc_inputs_format(vc_buf *b, const vc_domain_def *def)
{
    for (size_t i = 0; i < def->ninputs; i++)
        if (def->inputs[i]->bus == VC_INPUT_BUS_USB)
            vc_input_format(b, def->inputs[i]);
}
