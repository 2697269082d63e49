/* device_info.c: <address>, <alias>, <boot>, <rom> and <master> of a
 * device: parsing, checking and canonical formatting. */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

VC_ENUM_IMPL(vc_addr_type, VC_ADDR_LAST, "none", "pci", "drive",
             "virtio-serial", "ccid", "usb", "spapr-vio", "virtio-s390")

void vc_ptr_append(void *arrp, size_t *n, void *item)
{
    void ***arr = arrp;

    *arr = vc_realloc(*arr, (*n + 1) * sizeof(void *));
    (*arr)[(*n)++] = item;
}

void vc_device_info_clear(vc_device_info *info)
{
    free(info->alias);
    free(info->rom_file);
    if (info->addr.type == VC_ADDR_USB)
        free(info->addr.u.usb.port);
    memset(info, 0, sizeof(*info));
}

int vc_pci_addr_parse(vc_parse_ctx *ctx, const xmlNode *node, vc_pci_addr *a)
{
    static const struct { const char *attr; unsigned max; } f[] = {
        { "domain", 0xFFFF }, { "bus", 0xFF }, { "slot", 0x1F },
        { "function", 0x7 },
    };
    unsigned *dst[] = { &a->domain, &a->bus, &a->slot, &a->function };
    int v;

    for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
        unsigned long long x;
        int r = vc_xml_ull(ctx, node, f[i].attr, 0, ~0ull, &x);

        if (r < 0)
            return -1;
        if (r > 0 && x > f[i].max) {
            char *s = vc_xml_prop(node, f[i].attr);
            vc_xml_error(ctx, "invalid PCI address %s='%s', must be <= 0x%X",
                         f[i].attr, s, f[i].max);
            free(s);
            return -1;
        }
        *dst[i] = r > 0 ? (unsigned)x : 0;
    }
    v = 0;
    if (vc_xml_enum(ctx, node, "multifunction", vc_switch_from_string,
                    "address multifunction value", &v) < 0)
        return -1;
    a->multifunction = (vc_switch)v;
    return 0;
}

void vc_pci_addr_format_attrs(vc_buf *b, const vc_pci_addr *a)
{
    vc_buf_addf(b, " domain='0x%.4x' bus='0x%.2x' slot='0x%.2x' function='0x%.1x'",
                a->domain, a->bus, a->slot, a->function);
    if (a->multifunction)
        vc_buf_addf(b, " multifunction='%s'", vc_switch_to_string(a->multifunction));
}

/* USB ports are "N" or "N.N..." up to four levels, each 0..999. */
static bool usb_port_valid(const char *s)
{
    const char *p = s;
    int levels = 0;

    for (;;) {
        int v = vc_parse_number(&p);
        if (v < 0 || v > 999)
            return false;
        if (++levels > 4)
            return false;
        if (*p == '\0')
            return true;
        if (*p != '.')
            return false;
        p++;
    }
}

/* An address part: its attribute and largest value. */
typedef struct addr_field {
    const char *attr;
    unsigned max;
} addr_field;

#define CONTROLLER { "controller", VC_CONTROLLER_INDEX_MAX }
#define U32(name) { name, 0xFFFFFFFFu }

static int parse_uint_fields(vc_parse_ctx *ctx, const xmlNode *node,
                             const addr_field *f, unsigned **dst, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        *dst[i] = 0;
        if (vc_xml_uint(ctx, node, f[i].attr, 10, f[i].max, dst[i]) < 0)
            return -1;
    }
    return 0;
}

static int parse_address(vc_parse_ctx *ctx, const xmlNode *node,
                         vc_device_addr *addr)
{
    int type;
    int r = vc_xml_enum(ctx, node, "type", vc_addr_type_from_string,
                        "address type", &type);

    if (r < 0)
        return -1;
    if (r == 0)
        return vc_xml_error(ctx, "no type specified for device <address>");
    addr->type = (vc_addr_type)type;
    switch (addr->type) {
    case VC_ADDR_PCI:
        return vc_pci_addr_parse(ctx, node, &addr->u.pci);
    case VC_ADDR_DRIVE: {
        static const addr_field a[] = { CONTROLLER, U32("bus"), U32("target"), U32("unit") };
        unsigned *d[] = { &addr->u.drive.controller, &addr->u.drive.bus,
                          &addr->u.drive.target, &addr->u.drive.unit };
        return parse_uint_fields(ctx, node, a, d, 4);
    }
    case VC_ADDR_VIRTIO_SERIAL: {
        static const addr_field a[] = { CONTROLLER, U32("bus"), U32("port") };
        unsigned *d[] = { &addr->u.vioserial.controller, &addr->u.vioserial.bus,
                          &addr->u.vioserial.port };
        return parse_uint_fields(ctx, node, a, d, 3);
    }
    case VC_ADDR_CCID: {
        static const addr_field a[] = { CONTROLLER, U32("slot") };
        unsigned *d[] = { &addr->u.ccid.controller, &addr->u.ccid.slot };
        return parse_uint_fields(ctx, node, a, d, 2);
    }
    case VC_ADDR_USB: {
        static const addr_field a[] = { U32("bus") };
        unsigned *d[] = { &addr->u.usb.bus };
        if (parse_uint_fields(ctx, node, a, d, 1) < 0)
            return -1;
        addr->u.usb.port = vc_xml_prop(node, "port");
        if (addr->u.usb.port && !usb_port_valid(addr->u.usb.port))
            return vc_xml_error(ctx, "invalid USB address port '%s'",
                                addr->u.usb.port);
        return 0;
    }
    case VC_ADDR_SPAPRVIO: {
        int s = vc_xml_ull(ctx, node, "reg", 16, ~0ull, &addr->u.spaprvio.reg);
        if (s < 0)
            return -1;
        addr->u.spaprvio.has_reg = s > 0;
        return 0;
    }
    case VC_ADDR_VIRTIO_S390:
        return 0;
    case VC_ADDR_NONE:
    case VC_ADDR_LAST:
        break;
    }
    return vc_xml_error(ctx, "unknown address type 'none'");
}

static int parse_boot(vc_parse_ctx *ctx, const xmlNode *node, vc_device_info *info)
{
    char *s = vc_xml_prop(node, "order");
    unsigned long long v;

    if (!s)
        return vc_xml_error(ctx, "missing boot order attribute");
    if (!vc_parse_ull(s, 10, &v) || v == 0 || v > 0x7fffffff) {
        vc_xml_error(ctx, "incorrect boot order '%s', expecting positive integer", s);
        free(s);
        return -1;
    }
    if (!vc_numset_add(&ctx->boot_orders, v)) {
        vc_xml_error(ctx, "boot order '%s' used for more than one device", s);
        free(s);
        return -1;
    }
    free(s);
    info->boot_index = (unsigned)v;
    return 0;
}

int vc_device_info_parse(vc_parse_ctx *ctx, const xmlNode *node,
                         vc_device_info *info, unsigned allow)
{
    bool seen_addr = false, seen_alias = false, seen_boot = false;
    bool seen_master = false, seen_rom = false;

    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!seen_alias && vc_xml_is(c, "alias") &&
            !(ctx->flags & VC_PARSE_INACTIVE)) {
            seen_alias = true;
            info->alias = vc_xml_prop(c, "name");
        } else if (!seen_addr && vc_xml_is(c, "address")) {
            seen_addr = true;
            if (parse_address(ctx, c, &info->addr) < 0)
                return -1;
        } else if (!seen_master && vc_xml_is(c, "master")) {
            seen_master = true;
            if (vc_xml_uint(ctx, c, "startport", 10, 0xFFFFFFFFu,
                            &info->master_startport) <= 0)
                return vc_xml_error(ctx, "missing or invalid <master> 'startport' attribute");
            info->has_master = true;
        } else if (!seen_boot && (allow & VC_INFO_ALLOW_BOOT) && vc_xml_is(c, "boot")) {
            seen_boot = true;
            if (parse_boot(ctx, c, info) < 0)
                return -1;
        } else if (!seen_rom && (allow & VC_INFO_ALLOW_ROM) && vc_xml_is(c, "rom")) {
            int v = 0;
            seen_rom = true;
            if (vc_xml_enum(ctx, c, "bar", vc_switch_from_string,
                            "rom bar value", &v) < 0)
                return -1;
            info->rom_bar = (vc_switch)v;
            info->rom_file = vc_xml_prop(c, "file");
        }
    }
    return 0;
}

bool vc_device_info_is_set(const vc_device_info *info)
{
    return info->addr.type != VC_ADDR_NONE || info->alias ||
           info->has_master || info->boot_index || info->rom_bar ||
           info->rom_file;
}

void vc_device_info_format(vc_buf *b, const vc_device_info *info, int indent)
{
    const vc_device_addr *a = &info->addr;

    if (info->boot_index) {
        vc_buf_indent(b, indent);
        vc_buf_addf(b, "<boot order='%u'/>\n", info->boot_index);
    }
    if (info->alias) {
        vc_buf_indent(b, indent);
        vc_buf_add(b, "<alias");
        vc_xml_attr(b, "name", info->alias);
        vc_buf_add(b, "/>\n");
    }
    if (info->has_master) {
        vc_buf_indent(b, indent);
        vc_buf_addf(b, "<master startport='%u'/>\n", info->master_startport);
    }
    if (info->rom_bar || info->rom_file) {
        vc_buf_indent(b, indent);
        vc_buf_add(b, "<rom");
        if (info->rom_bar)
            vc_buf_addf(b, " bar='%s'", vc_switch_to_string(info->rom_bar));
        vc_xml_attr(b, "file", info->rom_file);
        vc_buf_add(b, "/>\n");
    }
    if (a->type == VC_ADDR_NONE)
        return;
    vc_buf_indent(b, indent);
    vc_buf_addf(b, "<address type='%s'", vc_addr_type_to_string(a->type));
    switch (a->type) {
    case VC_ADDR_PCI:
        vc_pci_addr_format_attrs(b, &a->u.pci);
        break;
    case VC_ADDR_DRIVE:
        vc_buf_addf(b, " controller='%u' bus='%u' target='%u' unit='%u'",
                    a->u.drive.controller, a->u.drive.bus, a->u.drive.target,
                    a->u.drive.unit);
        break;
    case VC_ADDR_VIRTIO_SERIAL:
        vc_buf_addf(b, " controller='%u' bus='%u' port='%u'",
                    a->u.vioserial.controller, a->u.vioserial.bus,
                    a->u.vioserial.port);
        break;
    case VC_ADDR_CCID:
        vc_buf_addf(b, " controller='%u' slot='%u'", a->u.ccid.controller,
                    a->u.ccid.slot);
        break;
    case VC_ADDR_USB:
        vc_buf_addf(b, " bus='%u'", a->u.usb.bus);
        vc_xml_attr(b, "port", a->u.usb.port);
        break;
    case VC_ADDR_SPAPRVIO:
        if (a->u.spaprvio.has_reg)
            vc_buf_addf(b, " reg='0x%llx'", a->u.spaprvio.reg);
        break;
    case VC_ADDR_VIRTIO_S390:
    case VC_ADDR_NONE:
    case VC_ADDR_LAST:
        break;
    }
    vc_buf_add(b, "/>\n");
}
