/* disk_parse.c: reading and checking one <disk> element. */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define ENUM(node, attr, type, what, dst) do { \
        int v_ = 0; \
        if (vc_xml_enum(ctx, (node), (attr), type##_from_string, (what), &v_) < 0) \
            goto error; \
        if (v_ || vc_xml_has((node), (attr))) \
            (dst) = v_; \
    } while (0)

/* A default-0 on/off attribute where "default" itself is not valid. */
static int parse_switch(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                        const char *what, vc_switch *out)
{
    char *v = vc_xml_prop(n, attr);
    int r;

    if (!v)
        return 0;
    r = vc_switch_from_string(v);
    if (r <= 0) {
        vc_xml_error(ctx, "unknown %s '%s'", what, v);
        free(v);
        return -1;
    }
    free(v);
    *out = (vc_switch)r;
    return 0;
}

static bool wwn_valid(const char *s)
{
    size_t n = 0;

    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s += 2;
    for (; s[n]; n++)
        if (!isxdigit((unsigned char)s[n]))
            return false;
    return n == 16;
}

/* The <seclabel>s of a file or block source (libvirt's
 * virSecurityDeviceLabelDefParseXML). */
static int parse_source_seclabels(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        vc_disk_seclabel *s;
        char *relabel;

        if (!vc_xml_is(c, "seclabel"))
            continue;
        d->seclabels = vc_realloc(d->seclabels, (d->nseclabels + 1) * sizeof(*d->seclabels));
        s = &d->seclabels[d->nseclabels++];
        memset(s, 0, sizeof(*s));
        s->model = vc_xml_prop(c, "model");
        if ((relabel = vc_xml_prop(c, "relabel"))) {
            s->norelabel = VC_STREQ(relabel, "no");
            if (!s->norelabel && !VC_STREQ(relabel, "yes")) {
                vc_xml_error(ctx, "invalid security relabel value %s", relabel);
                free(relabel);
                return -1;
            }
            free(relabel);
        }
        s->label = vc_xml_text(vc_xml_child(c, "label"));
        /* an empty label is no label, as libvirt's XPath string */
        if (s->label && !*s->label) {
            free(s->label);
            s->label = NULL;
        }
        if (s->label && s->norelabel)
            return vc_xml_error(ctx, "Cannot specify a label if relabelling is turned off. "
                                "model=%s", s->model ? s->model : "<null>");
    }
    return 0;
}

static int parse_source(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    static const char *const attr_of[] = {
        [VC_DISK_TYPE_BLOCK] = "dev", [VC_DISK_TYPE_FILE] = "file",
        [VC_DISK_TYPE_DIR] = "dir",
    };
    int v;

    if (d->type != VC_DISK_TYPE_NETWORK) {
        d->src = vc_xml_prop(n, attr_of[d->type]);
        if (d->type == VC_DISK_TYPE_FILE) {
            v = 0;
            if (vc_xml_enum(ctx, n, "startupPolicy", vc_disk_startup_from_string,
                            "startupPolicy value", &v) < 0)
                return -1;
            if (v == VC_DISK_STARTUP_DEFAULT && vc_xml_has(n, "startupPolicy"))
                return vc_xml_error(ctx, "unknown startupPolicy value 'default'");
            d->startup_policy = (vc_disk_startup)v;
        }
        if (d->type == VC_DISK_TYPE_FILE || d->type == VC_DISK_TYPE_BLOCK)
            return parse_source_seclabels(ctx, n, d);
        return 0;
    }
    if (vc_xml_enum_req(ctx, n, "protocol", vc_disk_protocol_from_string,
                        "disk source protocol type", &v) < 0)
        return -1;
    d->protocol = (vc_disk_protocol)v;
    d->src = vc_xml_prop(n, "name");
    for (xmlNodePtr h = n->children; h; h = h->next) {
        vc_disk_host *host;

        if (!vc_xml_is(h, "host"))
            continue;
        d->hosts = vc_realloc(d->hosts, (d->nhosts + 1) * sizeof(*d->hosts));
        host = &d->hosts[d->nhosts++];
        memset(host, 0, sizeof(*host));
        host->name = vc_xml_prop(h, "name");
        host->port = vc_xml_prop(h, "port");
        host->socket = vc_xml_prop(h, "socket");
        v = 0;
        if (vc_xml_enum(ctx, h, "transport", vc_disk_transport_from_string,
                        "disk source host transport", &v) < 0)
            return -1;
        host->transport = (vc_disk_transport)v;
        if (!host->name && host->transport != VC_DISK_TRANSPORT_UNIX)
            return vc_xml_error(ctx, "missing attribute 'name' of disk source <host>");
        /* a unix socket names no host, and only it names a socket */
        if (host->name && host->transport == VC_DISK_TRANSPORT_UNIX)
            return vc_xml_error(ctx, "transport %s does not support hostname", "unix");
        if (!host->socket && host->transport == VC_DISK_TRANSPORT_UNIX)
            return vc_xml_error(ctx, "missing socket for unix transport");
        if (host->socket && host->transport != VC_DISK_TRANSPORT_UNIX)
            return vc_xml_error(ctx, "transport %s does not support socket attribute",
                                vc_disk_transport_to_string(host->transport));
    }
    if (!d->src && d->protocol != VC_DISK_PROTOCOL_NBD)
        return vc_xml_error(ctx, "missing attribute 'name' of network disk <source>");
    return 0;
}

static int parse_driver(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    int v;

    d->driver_name = vc_xml_prop(n, "name");
    d->driver_type = vc_xml_prop(n, "type");
#define DENUM(attr, fn, what, field) \
    v = 0; \
    if (vc_xml_enum(ctx, n, attr, fn, what, &v) < 0) \
        return -1; \
    if (v == 0 && vc_xml_has(n, attr)) \
        return vc_xml_error(ctx, "unknown " what " 'default'"); \
    d->field = v
    DENUM("cache", vc_disk_cache_from_string, "disk cache mode", cache);
    DENUM("error_policy", vc_disk_error_policy_from_string, "disk error policy",
          error_policy);
    DENUM("rerror_policy", vc_disk_error_policy_from_string,
          "disk read error policy", rerror_policy);
    DENUM("io", vc_disk_io_from_string, "disk io mode", io);
#undef DENUM
    if (d->rerror_policy == VC_DISK_ERROR_ENOSPACE)
        return vc_xml_error(ctx, "unknown disk read error policy 'enospace'");
    if (parse_switch(ctx, n, "ioeventfd", "disk ioeventfd mode", &d->ioeventfd) < 0 ||
        parse_switch(ctx, n, "event_idx", "disk event_idx mode", &d->event_idx) < 0 ||
        parse_switch(ctx, n, "copy_on_read", "disk copy_on_read mode",
                     &d->copy_on_read) < 0)
        return -1;
    return 0;
}

static int parse_iotune(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_iotune *t)
{
    static const char *const names[] = {
        "total_bytes_sec", "read_bytes_sec", "write_bytes_sec",
        "total_iops_sec", "read_iops_sec", "write_iops_sec",
    };
    unsigned long long *dst[] = {
        &t->total_bytes_sec, &t->read_bytes_sec, &t->write_bytes_sec,
        &t->total_iops_sec, &t->read_iops_sec, &t->write_iops_sec,
    };

    for (size_t i = 0; i < 6; i++) {
        xmlNodePtr c = vc_xml_child(n, names[i]);
        if (c && vc_xml_text_ull(ctx, c, ~0ull, dst[i]) < 0)
            return -1;
    }
    if (t->total_bytes_sec && (t->read_bytes_sec || t->write_bytes_sec))
        return vc_xml_error(ctx, "total and read/write bytes_sec cannot be set at the same time");
    if (t->total_iops_sec && (t->read_iops_sec || t->write_iops_sec))
        return vc_xml_error(ctx, "total and read/write iops_sec cannot be set at the same time");
    return 0;
}

static int parse_encryption(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    char *fmt = vc_xml_prop(n, "format");
    xmlNodePtr s;

    d->encryption = VC_NEW(vc_disk_encryption);
    if ((d->encryption->format = vc_encryption_format_from_string(fmt)) < 0) {
        vc_xml_error(ctx, "unknown volume encryption format type %s",
                     fmt ? fmt : "(null)");
        free(fmt);
        return -1;
    }
    free(fmt);
    if ((s = vc_xml_child(n, "secret"))) {
        char *type = vc_xml_prop(s, "type");
        char *uuid = vc_xml_prop(s, "uuid");
        int rc = 0;

        if (vc_passphrase_from_string(type) < 0)
            rc = vc_xml_error(ctx, "unknown volume encryption secret type %s",
                              type ? type : "(null)");
        else if (!uuid)
            rc = vc_xml_error(ctx, "missing volume encryption uuid");
        else if (vc_uuid_parse(uuid, d->encryption->secret_uuid) < 0)
            rc = vc_xml_error(ctx, "malformed volume encryption uuid '%s'", uuid);
        free(type);
        free(uuid);
        if (rc < 0)
            return -1;
        d->encryption->has_secret = true;
    }
    return 0;
}

static int parse_auth(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    xmlNodePtr s = vc_xml_child(n, "secret");
    char *uuid = NULL;
    int v;

    if (!(d->auth_username = vc_xml_prop(n, "username")))
        return vc_xml_error(ctx, "missing username for auth");
    if (!s)
        return 0;
    if (vc_xml_enum_req(ctx, s, "type", vc_disk_secret_type_from_string,
                        "secret type", &v) < 0)
        return -1;
    d->secret_type = (vc_disk_secret_type)v;
    uuid = vc_xml_prop(s, "uuid");
    d->secret_usage = vc_xml_prop(s, "usage");
    if (uuid && d->secret_usage) {
        free(uuid);
        return vc_xml_error(ctx, "only one of uuid and usage can be specified");
    }
    if (uuid) {
        if (vc_uuid_parse(uuid, d->secret_uuid) < 0) {
            vc_xml_error(ctx, "malformed uuid '%s'", uuid);
            free(uuid);
            return -1;
        }
        d->secret_is_uuid = true;
        free(uuid);
    }
    return 0;
}

static vc_disk_bus default_bus(const vc_disk_def *d)
{
    static const struct { const char *prefix; vc_disk_bus bus; } map[] = {
        { "hd", VC_DISK_BUS_IDE }, { "sd", VC_DISK_BUS_SCSI },
        { "vd", VC_DISK_BUS_VIRTIO }, { "xvd", VC_DISK_BUS_XEN },
        { "ubd", VC_DISK_BUS_UML },
    };

    if (d->device == VC_DISK_DEVICE_FLOPPY)
        return VC_DISK_BUS_FDC;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (VC_STRPREFIX(d->dst, map[i].prefix))
            return map[i].bus;
    return VC_DISK_BUS_IDE;
}

static int parse_target(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    int v;

    d->dst = vc_xml_prop(n, "dev");
    if (!d->dst)
        return vc_xml_error(ctx, "missing attribute 'dev' of disk <target>");
    if (vc_xml_enum(ctx, n, "bus", vc_disk_bus_from_string, "disk bus type", &v) < 0)
        return -1;
    d->bus = vc_xml_has(n, "bus") ? (vc_disk_bus)v : (vc_disk_bus)-1;
    v = 0;
    if (vc_xml_enum(ctx, n, "tray", vc_disk_tray_from_string,
                    "disk tray status", &v) < 0)
        return -1;
    d->tray = (vc_disk_tray)v;
    return 0;
}

static int parse_mirror(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    char *ready;

    if (ctx->flags & VC_PARSE_INACTIVE)
        return 0;           /* runtime state */
    if (!(d->mirror = vc_xml_prop(n, "file")))
        return vc_xml_error(ctx, "mirror requires file name");
    d->mirror_format = vc_xml_prop(n, "format");
    ready = vc_xml_prop(n, "ready");
    d->mirroring = ready != NULL;
    free(ready);
    return 0;
}

static int parse_geometry(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    int v = 0;

    if (vc_xml_uint(ctx, n, "cyls", 10, 0xFFFFFFFFu, &d->geom_cyls) < 0 ||
        vc_xml_uint(ctx, n, "heads", 10, 0xFFFFFFFFu, &d->geom_heads) < 0 ||
        vc_xml_uint(ctx, n, "secs", 10, 0xFFFFFFFFu, &d->geom_secs) < 0 ||
        vc_xml_enum(ctx, n, "trans", vc_disk_geom_trans_from_string,
                    "disk geometry trans value", &v) < 0)
        return -1;
    d->geom_trans = (vc_disk_geom_trans)v;
    return 0;
}

static int parse_blockio(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    if (vc_xml_uint(ctx, n, "logical_block_size", 10, 0xFFFFFFFFu,
                    &d->logical_block_size) < 0 ||
        vc_xml_uint(ctx, n, "physical_block_size", 10, 0xFFFFFFFFu,
                    &d->physical_block_size) < 0)
        return -1;
    return 0;
}

static int parse_iotune_elem(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    return parse_iotune(ctx, n, &d->iotune);
}

static int parse_flag(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    (void)ctx;
    if (vc_xml_is(n, "readonly"))
        d->readonly = true;
    else if (vc_xml_is(n, "shareable"))
        d->shared = true;
    else
        d->transient = true;
    return 0;
}

static int parse_serial(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    (void)ctx;
    d->serial = vc_xml_text(n);
    return 0;
}

static int parse_wwn(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d)
{
    d->wwn = vc_xml_text(n);
    if (!wwn_valid(d->wwn))
        return vc_xml_error(ctx, "malformed wwn: %s", d->wwn);
    return 0;
}

/* The children a <disk> holds once each.  Of two of a name, libvirt
 * reads the first (virXPathNode) and so does vc_xml_child: the second
 * is ignored, never read over the first. */
static const struct {
    const char *name;
    int (*parse)(vc_parse_ctx *ctx, const xmlNode *n, vc_disk_def *d);
} disk_children[] = {
    { "source", parse_source }, { "target", parse_target },
    { "driver", parse_driver }, { "mirror", parse_mirror },
    { "auth", parse_auth }, { "geometry", parse_geometry },
    { "blockio", parse_blockio }, { "iotune", parse_iotune_elem },
    { "readonly", parse_flag }, { "shareable", parse_flag },
    { "transient", parse_flag }, { "serial", parse_serial },
    { "wwn", parse_wwn }, { "encryption", parse_encryption },
};

static int parse_children(vc_parse_ctx *ctx, const xmlNode *node, vc_disk_def *d)
{
    for (size_t i = 0; i < sizeof(disk_children) / sizeof(disk_children[0]); i++) {
        xmlNodePtr c = vc_xml_child(node, disk_children[i].name);
        if (c && disk_children[i].parse(ctx, c, d) < 0)
            return -1;
    }
    return 0;
}

/* Rules that relate several attributes. */
static int check_disk(vc_parse_ctx *ctx, vc_disk_def *d)
{
    const char *bus = vc_disk_bus_to_string(d->bus);

    if (d->device == VC_DISK_DEVICE_FLOPPY && !VC_STRPREFIX(d->dst, "fd"))
        return vc_xml_error(ctx, "invalid floppy device name: %s", d->dst);
    if (d->device != VC_DISK_DEVICE_FLOPPY && VC_STRPREFIX(d->dst, "fd"))
        return vc_xml_error(ctx, "invalid harddisk device name: %s", d->dst);
    if (d->device == VC_DISK_DEVICE_FLOPPY && d->bus != VC_DISK_BUS_FDC)
        return vc_xml_error(ctx, "invalid bus type '%s' for floppy disk", bus);
    if (d->device != VC_DISK_DEVICE_FLOPPY && d->bus == VC_DISK_BUS_FDC)
        return vc_xml_error(ctx, "invalid bus type '%s' for disk", bus);
    if (d->rawio && d->device != VC_DISK_DEVICE_LUN)
        return vc_xml_error(ctx, "rawio can be used only with device='lun'");
    if (d->sgio && d->device != VC_DISK_DEVICE_LUN)
        return vc_xml_error(ctx, "sgio can be used only with device='lun'");
    if (d->device == VC_DISK_DEVICE_LUN && d->type != VC_DISK_TYPE_BLOCK &&
        d->type != VC_DISK_TYPE_NETWORK)
        return vc_xml_error(ctx, "disk device='lun' is only valid for block type disk source");
    if (d->device == VC_DISK_DEVICE_LUN && d->bus != VC_DISK_BUS_SCSI &&
        d->bus != VC_DISK_BUS_VIRTIO)
        return vc_xml_error(ctx, "disk device='lun' is not supported for bus='%s'", bus);
    if (d->tray == VC_DISK_TRAY_OPEN && d->device != VC_DISK_DEVICE_CDROM &&
        d->device != VC_DISK_DEVICE_FLOPPY)
        return vc_xml_error(ctx, "tray is only valid for cdrom and floppy");
    if (d->ioeventfd && d->bus != VC_DISK_BUS_VIRTIO)
        return vc_xml_error(ctx, "disk ioeventfd mode supported only for virtio bus");
    if (d->event_idx && d->bus != VC_DISK_BUS_VIRTIO)
        return vc_xml_error(ctx, "disk event_idx mode supported only for virtio bus");
    if (d->startup_policy && d->device != VC_DISK_DEVICE_CDROM &&
        d->device != VC_DISK_DEVICE_FLOPPY)
        return vc_xml_error(ctx, "setting disk startupPolicy is allowed only for cdrom or floppy");
    if (!d->src && d->nhosts == 0 && d->device != VC_DISK_DEVICE_CDROM &&
        d->device != VC_DISK_DEVICE_FLOPPY)
        return vc_xml_error(ctx, "missing <source> for disk '%s'", d->dst);
    return 0;
}

vc_disk_def *vc_disk_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_disk_def *d = VC_NEW(vc_disk_def);
    int v;

    d->type = VC_DISK_TYPE_FILE;
    ENUM(node, "type", vc_disk_type, "disk type", d->type);
    ENUM(node, "device", vc_disk_device, "disk device", d->device);
    ENUM(node, "rawio", vc_yesno, "disk rawio setting", d->rawio);
    ENUM(node, "sgio", vc_disk_sgio, "disk sgio mode", d->sgio);
    ENUM(node, "snapshot", vc_disk_snapshot, "disk snapshot setting", d->snapshot);
    if ((vc_xml_has(node, "rawio") && d->rawio == VC_YESNO_DEFAULT) ||
        (vc_xml_has(node, "sgio") && d->sgio == VC_DISK_SGIO_DEFAULT) ||
        (vc_xml_has(node, "snapshot") && d->snapshot == VC_DISK_SNAPSHOT_DEFAULT)) {
        vc_xml_error(ctx, "unknown disk setting 'default'");
        goto error;
    }
    if (parse_children(ctx, node, d) < 0)
        goto error;
    if (!d->dst) {
        vc_xml_error(ctx, "missing <target> for disk");
        goto error;
    }
    if ((int)d->bus == -1)
        d->bus = default_bus(d);
    if (check_disk(ctx, d) < 0)
        goto error;
    if (vc_device_info_parse(ctx, node, &d->info, VC_INFO_ALLOW_BOOT) < 0)
        goto error;
    if (d->info.addr.type == VC_ADDR_NONE)
        vc_disk_assign_address(d);
    (void)v;
    return d;

error:
    vc_disk_def_free(d);
    return NULL;
}
