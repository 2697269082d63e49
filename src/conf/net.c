/* net.c: <interface>: enum tables, parsing, checking, formatting. */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

VC_ENUM_IMPL(vc_net_type, VC_NET_TYPE_LAST, "user", "ethernet", "server", "client",
             "mcast", "network", "bridge", "internal", "direct", "hostdev")
VC_ENUM_IMPL(vc_net_backend, VC_NET_BACKEND_LAST, "default", "qemu", "vhost")
VC_ENUM_IMPL(vc_net_txmode, VC_NET_TXMODE_LAST, "default", "iothread", "timer")
VC_ENUM_IMPL(vc_net_direct_mode, VC_NET_DIRECT_LAST, "vepa", "private", "bridge",
             "passthrough")
VC_ENUM_IMPL(vc_vport_type, VC_VPORT_LAST, "none", "802.1Qbg", "802.1Qbh", "openvswitch")
VC_ENUM_IMPL(vc_net_link, VC_NET_LINK_LAST, "default", "up", "down")

void vc_net_def_free(vc_net_def *n)
{
    if (!n)
        return;
    free(n->model);
    free(n->network);
    free(n->portgroup);
    free(n->bridge);
    free(n->dev);
    free(n->address);
    free(n->internal_name);
    free(n->script);
    free(n->ifname);
    if (n->virtport)
        free(n->virtport->profileid);
    free(n->virtport);
    free(n->bandwidth);
    free(n->vlan_tags);
    free(n->filter);
    for (size_t i = 0; i < n->nfilter_params; i++) {
        free(n->filter_params[i].name);
        free(n->filter_params[i].value);
    }
    free(n->filter_params);
    vc_device_info_clear(&n->info);
    free(n);
}

/* A driver attribute with its own "unknown ..." message; "default" is
 * not a value a user may write. */
static int driver_enum(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                       int (*from)(const char *), const char *fmt, int *out)
{
    char *v = vc_xml_prop(n, attr);
    int r;

    if (!v)
        return 0;
    if ((r = from(v)) <= 0) {
        vc_xml_error(ctx, fmt, v);
        free(v);
        return -1;
    }
    free(v);
    *out = r;
    return 0;
}

static int parse_driver(vc_parse_ctx *ctx, const xmlNode *d, vc_net_def *n)
{
    int v;

    v = 0;
    if (driver_enum(ctx, d, "name", vc_net_backend_from_string,
                    "unknown interface <driver name='%s'> has been specified", &v) < 0)
        return -1;
    n->backend = (vc_net_backend)v;
    v = 0;
    if (driver_enum(ctx, d, "txmode", vc_net_txmode_from_string,
                    "unknown interface <driver txmode='%s'> has been specified", &v) < 0)
        return -1;
    n->txmode = (vc_net_txmode)v;
    v = 0;
    if (driver_enum(ctx, d, "ioeventfd", vc_switch_from_string,
                    "unknown interface ioeventfd mode '%s'", &v) < 0)
        return -1;
    n->ioeventfd = (vc_switch)v;
    v = 0;
    if (driver_enum(ctx, d, "event_idx", vc_switch_from_string,
                    "unknown interface event_idx mode '%s'", &v) < 0)
        return -1;
    n->event_idx = (vc_switch)v;
    return 0;
}

static int parse_uuid_attr(vc_parse_ctx *ctx, const xmlNode *p, const char *attr,
                           unsigned char *uuid, bool *has)
{
    char *s = vc_xml_prop(p, attr);

    if (!s)
        return 0;
    if (vc_uuid_parse(s, uuid) < 0) {
        vc_xml_error(ctx, "cannot parse virtualport parameter %s '%s'", attr, s);
        free(s);
        return -1;
    }
    free(s);
    *has = true;
    return 0;
}

static int parse_virtport(vc_parse_ctx *ctx, const xmlNode *vp, vc_net_def *n)
{
    /* As libvirt 0.10.2: a network's interface may leave the type and
     * any parameter to the network's own virtualport; the types that
     * connect directly must say all of it */
    bool complete = n->type != VC_NET_TYPE_NETWORK;
    vc_virtport *p;
    xmlNodePtr params = vc_xml_child(vp, "parameters");
    int v = 0, r;

    if (n->type != VC_NET_TYPE_NETWORK && n->type != VC_NET_TYPE_BRIDGE &&
        n->type != VC_NET_TYPE_DIRECT && n->type != VC_NET_TYPE_HOSTDEV)
        return vc_xml_error(ctx, "<virtualport> element unsupported for <interface type='%s'>",
                            vc_net_type_to_string(n->type));
    p = n->virtport = VC_NEW(vc_virtport);
    if ((r = vc_xml_enum(ctx, vp, "type", vc_vport_type_from_string,
                         "virtualport type", &v)) < 0)
        return -1;
    /* "none" is the absence of a type, not a type one can write */
    if (r > 0 && v == VC_VPORT_NONE)
        return vc_xml_error(ctx, "unknown virtualport type 'none'");
    p->type = (vc_vport_type)v;
    if (complete && p->type == VC_VPORT_NONE)
        return vc_xml_error(ctx, "missing virtualport type");
    if (params) {
        if ((r = vc_xml_uint(ctx, params, "managerid", 10, 255, &p->managerid)) < 0)
            return -1;
        p->has_managerid = r > 0;
        if ((r = vc_xml_uint(ctx, params, "typeid", 10, 0xffffff, &p->typeid)) < 0)
            return -1;
        p->has_typeid = r > 0;
        if ((r = vc_xml_uint(ctx, params, "typeidversion", 10, 255, &p->typeidversion)) < 0)
            return -1;
        p->has_typeidversion = r > 0;
        if (parse_uuid_attr(ctx, params, "instanceid", p->instanceid, &p->has_instanceid) < 0 ||
            parse_uuid_attr(ctx, params, "interfaceid", p->interfaceid, &p->has_interfaceid) < 0)
            return -1;
        p->profileid = vc_xml_prop(params, "profileid");
    }
    /* whether or not <parameters> is there: the formatter always
     * writes one, so its absence must not decide anything */
    if (complete && p->type == VC_VPORT_8021QBG &&
        (!p->has_managerid || !p->has_typeid || !p->has_typeidversion))
        return vc_xml_error(ctx, "a managerid, typeid and typeidversion are required for 802.1Qbg virtualport");
    if (complete && p->type == VC_VPORT_8021QBH && !p->profileid)
        return vc_xml_error(ctx, "a profileid is required for 802.1Qbh virtualport");
    return 0;
}

static int parse_rate(vc_parse_ctx *ctx, const xmlNode *r, vc_bw_rate *rate)
{
    if (vc_xml_ull(ctx, r, "average", 10, ~0ull, &rate->average) <= 0)
        return vc_xml_error(ctx, "missing or invalid 'average' attribute of <%s>",
                            (const char *)r->name);
    if (vc_xml_ull(ctx, r, "peak", 10, ~0ull, &rate->peak) < 0 ||
        vc_xml_ull(ctx, r, "burst", 10, ~0ull, &rate->burst) < 0)
        return -1;
    rate->set = true;
    return 0;
}

/* The host device of a type='hostdev' interface: its <address> says
 * the bus by its type (a <hostdev> says it on the element). */
static int parse_hostdev_source(vc_parse_ctx *ctx, const xmlNode *s, vc_net_def *n)
{
    xmlNodePtr a = vc_xml_child(s, "address");
    char *type = a ? vc_xml_prop(a, "type") : NULL;
    int rc = 0;

    if (!type) {
        rc = vc_xml_error(ctx, "missing source address type");
    } else if (VC_STREQ(type, "usb")) {
        /* libvirt reads one; its QEMU driver gives a USB NIC no MAC */
        rc = vc_xml_error(ctx, "USB host devices are not supported as "
                          "<interface type='hostdev'>");
    } else if (!VC_STREQ(type, "pci")) {
        rc = vc_xml_error(ctx, "unknown host device source address type '%s'", type);
    } else {
        n->hostdev_addr.type = VC_ADDR_PCI;
        rc = vc_pci_addr_parse(ctx, a, &n->hostdev_addr.u.pci);
    }
    free(type);
    return rc < 0 ? -1 : 0;
}

static int parse_source(vc_parse_ctx *ctx, const xmlNode *s, vc_net_def *n)
{
    unsigned port;
    int r, v;

    switch (n->type) {
    case VC_NET_TYPE_NETWORK:
        n->network = vc_xml_prop(s, "network");
        n->portgroup = vc_xml_prop(s, "portgroup");
        break;
    case VC_NET_TYPE_BRIDGE:
        n->bridge = vc_xml_prop(s, "bridge");
        break;
    case VC_NET_TYPE_ETHERNET:
        n->dev = vc_xml_prop(s, "dev");
        break;
    case VC_NET_TYPE_DIRECT:
        n->dev = vc_xml_prop(s, "dev");
        v = VC_NET_DIRECT_VEPA;
        if (vc_xml_enum(ctx, s, "mode", vc_net_direct_mode_from_string,
                        "direct interface mode", &v) < 0)
            return -1;
        n->direct_mode = (vc_net_direct_mode)v;
        break;
    case VC_NET_TYPE_SERVER: case VC_NET_TYPE_CLIENT: case VC_NET_TYPE_MCAST:
        n->address = vc_xml_prop(s, "address");
        if ((r = vc_xml_uint(ctx, s, "port", 10, 65535, &port)) < 0)
            return -1;
        n->has_port = r > 0;
        n->port = port;
        break;
    case VC_NET_TYPE_INTERNAL:
        n->internal_name = vc_xml_prop(s, "name");
        break;
    case VC_NET_TYPE_HOSTDEV:
        return parse_hostdev_source(ctx, s, n);
    default:
        break;
    }
    return 0;
}

static int check_net(vc_parse_ctx *ctx, const vc_net_def *n)
{
    switch (n->type) {
    case VC_NET_TYPE_NETWORK:
        if (!n->network)
            return vc_xml_error(ctx, "No <source> 'network' attribute specified with <interface type='network'/>");
        break;
    case VC_NET_TYPE_BRIDGE:
        if (!n->bridge)
            return vc_xml_error(ctx, "No <source> 'bridge' attribute specified with <interface type='bridge'/>");
        break;
    case VC_NET_TYPE_DIRECT:
        if (!n->dev)
            return vc_xml_error(ctx, "No <source> 'dev' attribute specified with <interface type='direct'/>");
        break;
    case VC_NET_TYPE_SERVER: case VC_NET_TYPE_CLIENT: case VC_NET_TYPE_MCAST:
        if (!n->has_port)
            return vc_xml_error(ctx, "No <source> 'port' attribute specified with socket interface");
        if (n->type != VC_NET_TYPE_SERVER && !n->address)
            return vc_xml_error(ctx, "No <source> 'address' attribute specified with socket interface");
        break;
    case VC_NET_TYPE_HOSTDEV:
        if (n->hostdev_addr.type != VC_ADDR_PCI)
            return vc_xml_error(ctx, "missing source address type");
        break;
    case VC_NET_TYPE_INTERNAL:
        if (!n->internal_name)
            return vc_xml_error(ctx, "No <source> 'name' attribute specified with <interface type='internal'/>");
        break;
    default:
        break;
    }
    if (n->model)
        for (const char *p = n->model; *p; p++)
            if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-')
                return vc_xml_error(ctx, "Model name contains invalid characters");
    return 0;
}

static int parse_mac(vc_parse_ctx *ctx, const xmlNode *m, vc_net_def *n)
{
    char *s = vc_xml_prop(m, "address");
    int rc = 0;

    if (!s) {
        return 0;
    } else if (vc_mac_parse(s, n->mac) < 0) {
        rc = vc_xml_error(ctx, "unable to parse mac address '%s'", s);
    } else if (n->mac[0] & 1) {
        rc = vc_xml_error(ctx, "expected unicast mac address, found multicast '%s'", s);
    }
    free(s);
    return rc < 0 ? -1 : 1;
}

static int parse_target(vc_parse_ctx *ctx, const xmlNode *c, vc_net_def *n)
{
    n->ifname = vc_xml_prop(c, "dev");
    /* a name the host made up is runtime state */
    if (n->ifname && (ctx->flags & VC_PARSE_INACTIVE) && VC_STRPREFIX(n->ifname, "vnet"))
        VC_FREE(n->ifname);
    return 0;
}

static int parse_filterref(vc_parse_ctx *ctx, const xmlNode *c, vc_net_def *n)
{
    (void)ctx;
    n->filter = vc_xml_prop(c, "filter");
    for (xmlNodePtr p = c->children; p; p = p->next) {
        vc_filter_param fp;
        if (!vc_xml_is(p, "parameter"))
            continue;
        fp.name = vc_xml_prop(p, "name");
        fp.value = vc_xml_prop(p, "value");
        n->filter_params = vc_realloc(n->filter_params,
                                      (n->nfilter_params + 1) * sizeof(fp));
        n->filter_params[n->nfilter_params++] = fp;
    }
    return 0;
}

static int parse_tune(vc_parse_ctx *ctx, const xmlNode *c, vc_net_def *n)
{
    xmlNodePtr sb = vc_xml_child(c, "sndbuf");
    int r = sb ? vc_xml_text_ull(ctx, sb, ULONG_MAX, &n->sndbuf) : 0;

    if (r < 0)
        return -1;
    n->has_sndbuf = r > 0;
    return 0;
}

static int parse_link(vc_parse_ctx *ctx, const xmlNode *c, vc_net_def *n)
{
    int v = 0;

    if (vc_xml_enum(ctx, c, "state", vc_net_link_from_string,
                    "interface link state", &v) < 0)
        return -1;
    n->link = (vc_net_link)v;
    return 0;
}

static int parse_bandwidth(vc_parse_ctx *ctx, const xmlNode *c, vc_net_def *n)
{
    xmlNodePtr in = vc_xml_child(c, "inbound"), out = vc_xml_child(c, "outbound");

    n->bandwidth = VC_NEW(vc_bandwidth);
    if ((in && parse_rate(ctx, in, &n->bandwidth->in) < 0) ||
        (out && parse_rate(ctx, out, &n->bandwidth->out) < 0))
        return -1;
    return 0;
}

static int parse_vlan(vc_parse_ctx *ctx, const xmlNode *c, vc_net_def *n)
{
    char *trunk = vc_xml_prop(c, "trunk");

    n->vlan_trunk = trunk && VC_STREQ(trunk, "yes");
    free(trunk);
    for (xmlNodePtr t = c->children; t; t = t->next) {
        unsigned id;
        if (!vc_xml_is(t, "tag"))
            continue;
        if (vc_xml_uint(ctx, t, "id", 10, 4095, &id) <= 0)
            return vc_xml_error(ctx, "missing or invalid vlan tag id");
        n->vlan_tags = vc_realloc(n->vlan_tags, (n->nvlan_tags + 1) * sizeof(unsigned));
        n->vlan_tags[n->nvlan_tags++] = id;
    }
    return 0;
}

#define TYPE(t) (1u << VC_NET_TYPE_##t)
#define STRING(attr, field) attr, offsetof(vc_net_def, field), NULL
/* The children an <interface> holds once each (for the types of the
 * mask; 0: all): read by their function, or, for a child that holds
 * one string, its attribute stored at the field.  Of two of a name,
 * libvirt reads the first, and so does vc_xml_child: the second is
 * ignored, never read over the first. */
static const struct {
    const char *name;
    unsigned types;
    const char *attr;
    size_t field;
    int (*parse)(vc_parse_ctx *ctx, const xmlNode *c, vc_net_def *n);
} net_children[] = {
    { "source", 0, NULL, 0, parse_source },
    { "ip", TYPE(ETHERNET) | TYPE(BRIDGE), STRING("address", address) },
    { "virtualport", 0, NULL, 0, parse_virtport },
    { "script", 0, STRING("path", script) },
    { "target", 0, NULL, 0, parse_target },
    { "model", 0, STRING("type", model) },
    { "filterref", 0, NULL, 0, parse_filterref }, { "tune", 0, NULL, 0, parse_tune },
    { "link", 0, NULL, 0, parse_link }, { "bandwidth", 0, NULL, 0, parse_bandwidth },
    { "vlan", 0, NULL, 0, parse_vlan },
};
#undef STRING
#undef TYPE

static int parse_children(vc_parse_ctx *ctx, const xmlNode *node, vc_net_def *n,
                          bool *have_mac)
{
    xmlNodePtr c;
    int r = 0;

    if ((c = vc_xml_child(node, "mac")) && (r = parse_mac(ctx, c, n)) < 0)
        return -1;
    *have_mac = r > 0;
    for (size_t i = 0; i < sizeof(net_children) / sizeof(net_children[0]); i++) {
        if (net_children[i].types && !(net_children[i].types & (1u << n->type)))
            continue;
        if (!(c = vc_xml_child(node, net_children[i].name)))
            continue;
        if (net_children[i].parse && net_children[i].parse(ctx, c, n) < 0)
            return -1;
        if (!net_children[i].parse)
            *(char **)((char *)n + net_children[i].field) = vc_xml_prop(c, net_children[i].attr);
    }
    /* <driver> only means something to virtio NICs */
    if (n->model && VC_STREQ(n->model, "virtio") && (c = vc_xml_child(node, "driver")))
        return parse_driver(ctx, c, n);
    return 0;
}

vc_net_def *vc_net_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_net_def *n = VC_NEW(vc_net_def);
    bool have_mac = false;
    int v = VC_NET_TYPE_USER;

    if (vc_xml_enum(ctx, node, "type", vc_net_type_from_string,
                    "interface type", &v) < 0)
        goto error;
    n->type = (vc_net_type)v;
    if (n->type == VC_NET_TYPE_HOSTDEV) {
        char *managed = vc_xml_prop(node, "managed");
        n->hostdev_managed = managed && VC_STREQ(managed, "yes");
        free(managed);
    }
    if (parse_children(ctx, node, n, &have_mac) < 0 || check_net(ctx, n) < 0 ||
        vc_device_info_parse(ctx, node, &n->info,
                             VC_INFO_ALLOW_BOOT | VC_INFO_ALLOW_ROM) < 0)
        goto error;
    if (!have_mac)
        vc_host_new_mac(ctx->host, ctx->def->name, ctx->def->nnets, n->mac);
    return n;

error:
    vc_net_def_free(n);
    return NULL;
}

static void format_virtport(vc_buf *b, const vc_virtport *p)
{
    char uuid[37];

    vc_buf_add(b, "      <virtualport");
    if (p->type != VC_VPORT_NONE)
        vc_buf_addf(b, " type='%s'", vc_vport_type_to_string(p->type));
    vc_buf_add(b, ">\n        <parameters");
    if (p->has_managerid)
        vc_buf_addf(b, " managerid='%u'", p->managerid);
    if (p->has_typeid)
        vc_buf_addf(b, " typeid='%u'", p->typeid);
    if (p->has_typeidversion)
        vc_buf_addf(b, " typeidversion='%u'", p->typeidversion);
    if (p->has_instanceid) {
        vc_uuid_format(p->instanceid, uuid);
        vc_buf_addf(b, " instanceid='%s'", uuid);
    }
    if (p->has_interfaceid) {
        vc_uuid_format(p->interfaceid, uuid);
        vc_buf_addf(b, " interfaceid='%s'", uuid);
    }
    vc_xml_attr(b, "profileid", p->profileid);
    vc_buf_add(b, "/>\n      </virtualport>\n");
}

static void format_rate(vc_buf *b, const char *name, const vc_bw_rate *r)
{
    if (!r->set)
        return;
    vc_buf_addf(b, "        <%s average='%llu'", name, r->average);
    if (r->peak)
        vc_buf_addf(b, " peak='%llu'", r->peak);
    if (r->burst)
        vc_buf_addf(b, " burst='%llu'", r->burst);
    vc_buf_add(b, "/>\n");
}

static void format_source(vc_buf *b, const vc_net_def *n)
{
    switch (n->type) {
    case VC_NET_TYPE_NETWORK:
        vc_buf_add(b, "      <source");
        vc_xml_attr(b, "network", n->network);
        vc_xml_attr(b, "portgroup", n->portgroup);
        vc_buf_add(b, "/>\n");
        break;
    case VC_NET_TYPE_ETHERNET:
    case VC_NET_TYPE_BRIDGE:
        if (n->type == VC_NET_TYPE_BRIDGE || n->dev) {
            vc_buf_add(b, "      <source");
            if (n->type == VC_NET_TYPE_BRIDGE)
                vc_xml_attr(b, "bridge", n->bridge);
            else
                vc_xml_attr(b, "dev", n->dev);
            vc_buf_add(b, "/>\n");
        }
        if (n->address) {
            vc_buf_add(b, "      <ip");
            vc_xml_attr(b, "address", n->address);
            vc_buf_add(b, "/>\n");
        }
        break;
    case VC_NET_TYPE_SERVER: case VC_NET_TYPE_CLIENT: case VC_NET_TYPE_MCAST:
        vc_buf_add(b, "      <source");
        vc_xml_attr(b, "address", n->address);
        vc_buf_addf(b, " port='%u'/>\n", n->port);
        break;
    case VC_NET_TYPE_INTERNAL:
        vc_buf_add(b, "      <source");
        vc_xml_attr(b, "name", n->internal_name);
        vc_buf_add(b, "/>\n");
        break;
    case VC_NET_TYPE_DIRECT:
        vc_buf_add(b, "      <source");
        vc_xml_attr(b, "dev", n->dev);
        vc_buf_addf(b, " mode='%s'/>\n", vc_net_direct_mode_to_string(n->direct_mode));
        break;
    case VC_NET_TYPE_HOSTDEV:
        if (n->hostdev_addr.type == VC_ADDR_PCI) {
            vc_buf_add(b, "      <source>\n        <address type='pci'");
            vc_pci_addr_format_attrs(b, &n->hostdev_addr.u.pci);
            vc_buf_add(b, "/>\n      </source>\n");
        }
        break;
    default:
        break;
    }
}

void vc_net_format(vc_buf *b, const vc_net_def *n)
{
    char mac[18];

    vc_mac_format(n->mac, mac);
    vc_buf_addf(b, "    <interface type='%s'%s>\n      <mac address='%s'/>\n",
                vc_net_type_to_string(n->type),
                n->type == VC_NET_TYPE_HOSTDEV && n->hostdev_managed ? " managed='yes'" : "",
                mac);
    format_source(b, n);
    if (n->nvlan_tags) {
        vc_buf_add(b, n->vlan_trunk ? "      <vlan trunk='yes'>\n" : "      <vlan>\n");
        for (size_t i = 0; i < n->nvlan_tags; i++)
            vc_buf_addf(b, "        <tag id='%u'/>\n", n->vlan_tags[i]);
        vc_buf_add(b, "      </vlan>\n");
    }
    if (n->virtport)
        format_virtport(b, n->virtport);
    if (n->script) {
        vc_buf_add(b, "      <script");
        vc_xml_attr(b, "path", n->script);
        vc_buf_add(b, "/>\n");
    }
    if (n->ifname) {
        vc_buf_add(b, "      <target");
        vc_xml_attr(b, "dev", n->ifname);
        vc_buf_add(b, "/>\n");
    }
    if (n->model) {
        vc_buf_add(b, "      <model");
        vc_xml_attr(b, "type", n->model);
        vc_buf_add(b, "/>\n");
        if (VC_STREQ(n->model, "virtio") &&
            (n->backend || n->txmode || n->ioeventfd || n->event_idx)) {
            vc_buf_add(b, "      <driver");
            if (n->backend)
                vc_buf_addf(b, " name='%s'", vc_net_backend_to_string(n->backend));
            if (n->txmode)
                vc_buf_addf(b, " txmode='%s'", vc_net_txmode_to_string(n->txmode));
            if (n->ioeventfd)
                vc_buf_addf(b, " ioeventfd='%s'", vc_switch_to_string(n->ioeventfd));
            if (n->event_idx)
                vc_buf_addf(b, " event_idx='%s'", vc_switch_to_string(n->event_idx));
            vc_buf_add(b, "/>\n");
        }
    }
    if (n->filter) {
        vc_buf_add(b, "      <filterref");
        vc_xml_attr(b, "filter", n->filter);
        if (!n->nfilter_params) {
            vc_buf_add(b, "/>\n");
        } else {
            vc_buf_add(b, ">\n");
            for (size_t i = 0; i < n->nfilter_params; i++) {
                vc_buf_add(b, "        <parameter");
                vc_xml_attr(b, "name", n->filter_params[i].name);
                vc_xml_attr(b, "value", n->filter_params[i].value);
                vc_buf_add(b, "/>\n");
            }
            vc_buf_add(b, "      </filterref>\n");
        }
    }
    if (n->has_sndbuf)
        vc_buf_addf(b, "      <tune>\n        <sndbuf>%llu</sndbuf>\n      </tune>\n",
                    n->sndbuf);
    if (n->link)
        vc_buf_addf(b, "      <link state='%s'/>\n", vc_net_link_to_string(n->link));
    if (n->bandwidth && (n->bandwidth->in.set || n->bandwidth->out.set)) {
        vc_buf_add(b, "      <bandwidth>\n");
        format_rate(b, "inbound", &n->bandwidth->in);
        format_rate(b, "outbound", &n->bandwidth->out);
        vc_buf_add(b, "      </bandwidth>\n");
    }
    vc_device_info_format(b, &n->info, 6);
    vc_buf_add(b, "    </interface>\n");
}
