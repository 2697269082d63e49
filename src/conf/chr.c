/* chr.c: character devices (<serial>, <parallel>, <console>,
 * <channel>) and the chardev source shared with other devices. */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

VC_ENUM_IMPL(vc_chr_device, VC_CHR_DEVICE_LAST, "parallel", "serial", "console", "channel")
VC_ENUM_IMPL(vc_chr_type, VC_CHR_LAST, "null", "vc", "pty", "dev", "file", "pipe",
             "stdio", "udp", "tcp", "unix", "spicevmc")
VC_ENUM_IMPL(vc_chr_tcp_protocol, VC_CHR_TCP_LAST, "raw", "telnet", "telnets", "tls")
VC_ENUM_IMPL(vc_chr_channel_target, VC_CHR_CHANNEL_LAST, "none", "guestfwd", "virtio")
VC_ENUM_IMPL(vc_chr_console_target, VC_CHR_CONSOLE_LAST, "none", "serial", "xen",
             "uml", "virtio", "lxc", "openvz")
VC_ENUM_IMPL(vc_chr_source_mode, 2, "bind", "connect")

void vc_chr_source_clear(vc_chr_source *s)
{
    free(s->path);
    free(s->host);
    free(s->service);
    free(s->bind_host);
    free(s->bind_service);
    free(s->connect_host);
    free(s->connect_service);
    memset(s, 0, sizeof(*s));
}

void vc_chr_def_free(vc_chr_def *c)
{
    if (!c)
        return;
    vc_chr_source_clear(&c->source);
    free(c->target_name);
    free(c->guestfwd_addr);
    vc_device_info_clear(&c->info);
    free(c);
}

/* One <source>: what it says for a device of the source's type, when
 * no <source> before it said it (*@seen: bit 0 any, 1 udp bind, 2 udp
 * connect). */
static void source_parse(const xmlNode *c, const char *mode, vc_chr_source *src,
                         unsigned *seen, bool inactive)
{
    bool bind = !mode || VC_STREQ(mode, "bind");

    switch (src->type) {
    case VC_CHR_PTY: case VC_CHR_DEV: case VC_CHR_FILE: case VC_CHR_PIPE:
    case VC_CHR_UNIX: case VC_CHR_TCP:
        if (*seen & 1)
            return;
        *seen |= 1;
        if (src->type == VC_CHR_TCP) {
            src->host = vc_xml_prop(c, "host");
            src->service = vc_xml_prop(c, "service");
        } else {
            src->path = vc_xml_prop(c, "path");
        }
        src->listen = (src->type == VC_CHR_UNIX || src->type == VC_CHR_TCP) && mode && bind;
        /* a live pty's name is runtime state */
        if (src->type == VC_CHR_PTY && inactive)
            VC_FREE(src->path);
        return;
    case VC_CHR_UDP:
        if (*seen & (!mode || !bind ? 4 : 2))
            return;
        *seen |= !mode || !bind ? 4 : 2;
        if (!mode || !bind) {
            src->connect_host = vc_xml_prop(c, "host");
            src->connect_service = vc_xml_prop(c, "service");
        } else {
            src->bind_host = vc_xml_prop(c, "host");
            src->bind_service = vc_xml_prop(c, "service");
        }
        return;
    default:
        return;
    }
}

/* Reads the type attribute of @node and its <source>/<protocol>
 * children.  Of several <source>s, the first says the host side (UDP:
 * the first of each mode); of several <protocol>s, the first counts. */
int vc_chr_source_parse(vc_parse_ctx *ctx, const xmlNode *node, vc_chr_source *src)
{
    int v = VC_CHR_PTY;
    unsigned seen = 0;
    xmlNodePtr proto;

    if (vc_xml_enum_worded(ctx, node, "type", vc_chr_type_from_string,
                           "unknown type presented to host for character device: %s",
                           &v) < 0)
        return -1;
    src->type = (vc_chr_type)v;
    for (xmlNodePtr c = node->children; c; c = c->next) {
        char *mode;

        if (!vc_xml_is(c, "source"))
            continue;
        if ((mode = vc_xml_prop(c, "mode")) && vc_chr_source_mode_from_string(mode) < 0) {
            vc_xml_error(ctx, "unknown character device source mode '%s'", mode);
            free(mode);
            return -1;
        }
        source_parse(c, mode, src, &seen, ctx->flags & VC_PARSE_INACTIVE);
        free(mode);
    }
    if (src->type == VC_CHR_TCP && (proto = vc_xml_child(node, "protocol"))) {
        v = 0;
        if (vc_xml_enum(ctx, proto, "type", vc_chr_tcp_protocol_from_string,
                        "source protocol", &v) < 0)
            return -1;
        src->protocol = (vc_chr_tcp_protocol)v;
    }
    switch (src->type) {
    case VC_CHR_DEV: case VC_CHR_FILE: case VC_CHR_PIPE: case VC_CHR_UNIX:
        if (!src->path)
            return vc_xml_error(ctx, "missing source path attribute for char device");
        break;
    case VC_CHR_TCP:
        if (!src->host)
            return vc_xml_error(ctx, "missing source host attribute for char device");
        if (!src->service)
            return vc_xml_error(ctx, "missing source service attribute for char device");
        break;
    case VC_CHR_UDP:
        if (!src->connect_service)
            return vc_xml_error(ctx, "missing source service attribute for char device");
        break;
    default:
        break;
    }
    return 0;
}

static int parse_target(vc_parse_ctx *ctx, const xmlNode *t, vc_chr_def *c,
                        const vc_domain_def *def)
{
    int v;
    unsigned port;
    int r;

    c->target_port = -1;
    switch (c->device) {
    case VC_CHR_DEVICE_CHANNEL:
        if (!t)
            return vc_xml_error(ctx, "missing <target> for channel");
        if (vc_xml_enum_req(ctx, t, "type", vc_chr_channel_target_from_string,
                            "channel target type", &v) < 0)
            return -1;
        if (v == VC_CHR_CHANNEL_NONE)
            return vc_xml_error(ctx, "unknown channel target type 'none'");
        c->target_type = v;
        if (v == VC_CHR_CHANNEL_GUESTFWD) {
            if (!(c->guestfwd_addr = vc_xml_prop(t, "address")))
                return vc_xml_error(ctx, "guestfwd channel does not define a target address");
            if ((r = vc_xml_uint(ctx, t, "port", 10, 65535, &c->guestfwd_port)) < 0)
                return -1;
            if (r == 0)
                return vc_xml_error(ctx, "guestfwd channel does not define a target port");
        } else {
            c->target_name = vc_xml_prop(t, "name");
        }
        return 0;
    case VC_CHR_DEVICE_CONSOLE:
        v = VC_CHR_CONSOLE_SERIAL;   /* the host default console target */
        (void)def;
        if (t && vc_xml_enum(ctx, t, "type", vc_chr_console_target_from_string,
                             "console target type", &v) < 0)
            return -1;
        c->target_type = v;
        break;
    default:
        break;
    }
    if (t && (r = vc_xml_uint(ctx, t, "port", 10, VC_CHR_PORT_MAX, &port)) != 0) {
        if (r < 0)
            return -1;
        c->target_port = (int)port;
    }
    return 0;
}

/* The port after the highest one of @arr (libvirt's rule), or -1 when
 * that one is the largest a port may be (max + 1 would wrap to a
 * negative port, written back and then refused).  @arr only grows at
 * its end while the domain is read: what @kind has seen is not looked
 * at again. */
static int next_port(vc_parse_ctx *ctx, int kind, vc_chr_def **arr, size_t n)
{
    for (size_t i = ctx->ports[kind].seen; i < n; i++)
        if (arr[i]->target_port >= ctx->ports[kind].next)
            ctx->ports[kind].next = (long)arr[i]->target_port + 1;
    ctx->ports[kind].seen = n;
    return ctx->ports[kind].next <= VC_CHR_PORT_MAX ? (int)ctx->ports[kind].next : -1;
}

static vc_chr_def *chr_parse(vc_parse_ctx *ctx, const xmlNode *node,
                             vc_chr_device device)
{
    const vc_domain_def *def = ctx->def;
    vc_chr_def *c = VC_NEW(vc_chr_def);

    c->device = device;
    if (vc_chr_source_parse(ctx, node, &c->source) < 0 ||
        parse_target(ctx, vc_xml_child(node, "target"), c, def) < 0 ||
        vc_device_info_parse(ctx, node, &c->info, 0) < 0)
        goto error;
    if (c->target_port < 0) {
        if (device == VC_CHR_DEVICE_SERIAL)
            c->target_port = next_port(ctx, 0, def->serials, def->nserials);
        else if (device == VC_CHR_DEVICE_PARALLEL)
            c->target_port = next_port(ctx, 1, def->parallels, def->nparallels);
        else if (device == VC_CHR_DEVICE_CONSOLE)
            c->target_port = 0;
        if (c->target_port < 0 && device != VC_CHR_DEVICE_CHANNEL) {
            vc_xml_error(ctx, "no %s port number left after %d",
                         vc_chr_device_to_string(device), VC_CHR_PORT_MAX);
            goto error;
        }
    }
    return c;

error:
    vc_chr_def_free(c);
    return NULL;
}

vc_chr_def *vc_serial_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    return chr_parse(ctx, node, VC_CHR_DEVICE_SERIAL);
}

vc_chr_def *vc_parallel_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    return chr_parse(ctx, node, VC_CHR_DEVICE_PARALLEL);
}

vc_chr_def *vc_console_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    return chr_parse(ctx, node, VC_CHR_DEVICE_CONSOLE);
}

vc_chr_def *vc_channel_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    return chr_parse(ctx, node, VC_CHR_DEVICE_CHANNEL);
}

/* A virtio channel is on a virtio-serial bus even when it names no
 * address; its port is numbered once all channels are read
 * (vc_channels_number_ports). */
int vc_channel_add(vc_parse_ctx *ctx, vc_domain_def *def, vc_chr_def *chr)
{
    vc_device_addr *a = &chr->info.addr;

    (void)ctx;
    if (chr->target_type == VC_CHR_CHANNEL_VIRTIO && a->type == VC_ADDR_NONE)
        a->type = VC_ADDR_VIRTIO_SERIAL;
    vc_ptr_append(&def->channels, &def->nchannels, chr);
    return 0;
}

typedef struct port_slot {
    uint64_t bus;       /* controller and bus */
    size_t i;           /* the channel's place in the document */
} port_slot;

static int port_slot_cmp(const void *a, const void *b)
{
    const port_slot *x = a, *y = b;

    if (x->bus != y->bus)
        return x->bus < y->bus ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* A channel without a port (0: libvirt cannot tell it from port='0')
 * takes the port after the highest of the channels before it on the same
 * controller and bus, as libvirt 0.10.2's parser does.  The channels are
 * grouped by bus (sorted, in document order within one) so that a domain
 * of many buses costs no scan of every channel per channel. */
void vc_channels_number_ports(vc_domain_def *def)
{
    port_slot *slots = vc_calloc(def->nchannels ? def->nchannels : 1, sizeof(*slots));
    size_t n = 0;
    unsigned max = 0;

    for (size_t i = 0; i < def->nchannels; i++) {
        const vc_device_addr *a = &def->channels[i]->info.addr;
        if (a->type == VC_ADDR_VIRTIO_SERIAL)
            slots[n++] = (port_slot){ (uint64_t)a->u.vioserial.controller << 32 |
                                      a->u.vioserial.bus, i };
    }
    qsort(slots, n, sizeof(*slots), port_slot_cmp);
    for (size_t j = 0; j < n; j++) {
        vc_vioserial_addr *v = &def->channels[slots[j].i]->info.addr.u.vioserial;

        if (j == 0 || slots[j].bus != slots[j - 1].bus)
            max = 0;
        if (v->port == 0)
            v->port = max + 1;
        if (v->port > max)
            max = v->port;
    }
    free(slots);
}

/* The first <console> of an HVM guest with a serial target stands for
 * serial port 0: it becomes (or repeats) serials[0], and the console
 * list keeps a stub that formats as that port; a later one, N, repeats
 * serials[N] when there is one. */
int vc_console_add(vc_parse_ctx *ctx, vc_domain_def *def, vc_chr_def *chr)
{
    bool serial_view = chr->target_type == VC_CHR_CONSOLE_SERIAL &&
                       VC_STREQ(def->os.type, "hvm");

    (void)ctx;
    /* Console N of that kind is written as serial port N
     * (vc_consoles_format), so what else it holds would not read back
     * (its alias would come back as the port's, twice): keep a stub. */
    if (serial_view && (def->nconsoles == 0 || def->nconsoles < def->nserials)) {
        vc_chr_def *stub = VC_NEW(vc_chr_def);
        if (def->nserials == 0) {
            chr->device = VC_CHR_DEVICE_SERIAL;
            vc_ptr_append(&def->serials, &def->nserials, chr);
        } else {
            vc_chr_def_free(chr);
        }
        stub->device = VC_CHR_DEVICE_CONSOLE;
        stub->target_type = VC_CHR_CONSOLE_SERIAL;
        stub->target_port = (int)def->nconsoles;
        vc_ptr_append(&def->consoles, &def->nconsoles, stub);
        return 0;
    }
    chr->target_port = (int)def->nconsoles;
    vc_ptr_append(&def->consoles, &def->nconsoles, chr);
    return 0;
}

/* libvirt's back compat: a serial-type console of an HVM guest is shown
 * as its serial port, and a guest with serial ports but no console
 * shows the first as its console. */
void vc_consoles_format(vc_buf *b, const vc_domain_def *def)
{
    bool hvm = VC_STREQ(def->os.type, "hvm");

    for (size_t i = 0; i < def->nconsoles; i++) {
        vc_chr_def c = *def->consoles[i];
        if (hvm && c.target_type == VC_CHR_CONSOLE_SERIAL && i < def->nserials) {
            c = *def->serials[i];
            c.device = VC_CHR_DEVICE_CONSOLE;
            c.target_type = VC_CHR_CONSOLE_SERIAL;
        }
        vc_chr_format(b, &c);
    }
    if (hvm && def->nconsoles == 0 && def->nserials > 0) {
        vc_chr_def c = *def->serials[0];
        c.device = VC_CHR_DEVICE_CONSOLE;
        c.target_type = VC_CHR_CONSOLE_SERIAL;
        vc_chr_format(b, &c);
    }
}

void vc_chr_source_format(vc_buf *b, const vc_chr_source *s, int indent, bool tty_compat)
{
    (void)tty_compat;
    switch (s->type) {
    case VC_CHR_PTY: case VC_CHR_DEV: case VC_CHR_FILE: case VC_CHR_PIPE:
        if (s->type != VC_CHR_PTY || s->path) {
            vc_buf_indent(b, indent);
            vc_buf_add(b, "<source");
            vc_xml_attr(b, "path", s->path);
            vc_buf_add(b, "/>\n");
        }
        break;
    case VC_CHR_UDP:
        if (s->bind_host || s->bind_service) {
            vc_buf_indent(b, indent);
            vc_buf_add(b, "<source mode='bind'");
            vc_xml_attr(b, "host", s->bind_host);
            vc_xml_attr(b, "service", s->bind_service);
            vc_buf_add(b, "/>\n");
        }
        if (s->connect_host || s->connect_service) {
            vc_buf_indent(b, indent);
            vc_buf_add(b, "<source mode='connect'");
            vc_xml_attr(b, "host", s->connect_host);
            vc_xml_attr(b, "service", s->connect_service);
            vc_buf_add(b, "/>\n");
        }
        break;
    case VC_CHR_TCP:
        vc_buf_indent(b, indent);
        vc_buf_addf(b, "<source mode='%s'", s->listen ? "bind" : "connect");
        vc_xml_attr(b, "host", s->host);
        vc_xml_attr(b, "service", s->service);
        vc_buf_add(b, "/>\n");
        vc_buf_indent(b, indent);
        vc_buf_addf(b, "<protocol type='%s'/>\n", vc_chr_tcp_protocol_to_string(s->protocol));
        break;
    case VC_CHR_UNIX:
        vc_buf_indent(b, indent);
        vc_buf_addf(b, "<source mode='%s'", s->listen ? "bind" : "connect");
        vc_xml_attr(b, "path", s->path);
        vc_buf_add(b, "/>\n");
        break;
    default:
        break;
    }
}

void vc_chr_format(vc_buf *b, const vc_chr_def *c)
{
    const char *elem = vc_chr_device_to_string(c->device);
    bool tty = c->device == VC_CHR_DEVICE_CONSOLE && c->target_port == 0 &&
               c->source.type == VC_CHR_PTY && c->source.path;

    vc_buf_addf(b, "    <%s type='%s'", elem, vc_chr_type_to_string(c->source.type));
    if (tty)
        vc_xml_attr(b, "tty", c->source.path);
    vc_buf_add(b, ">\n");
    vc_chr_source_format(b, &c->source, 6, tty);
    switch (c->device) {
    case VC_CHR_DEVICE_CHANNEL:
        vc_buf_addf(b, "      <target type='%s'",
                    vc_chr_channel_target_to_string(c->target_type));
        if (c->target_type == VC_CHR_CHANNEL_GUESTFWD) {
            vc_xml_attr(b, "address", c->guestfwd_addr);
            vc_buf_addf(b, " port='%u'", c->guestfwd_port);
        } else {
            vc_xml_attr(b, "name", c->target_name);
        }
        vc_buf_add(b, "/>\n");
        break;
    case VC_CHR_DEVICE_CONSOLE:
        vc_buf_addf(b, "      <target type='%s' port='%d'/>\n",
                    vc_chr_console_target_to_string(c->target_type), c->target_port);
        break;
    default:
        vc_buf_addf(b, "      <target port='%d'/>\n", c->target_port);
        break;
    }
    vc_device_info_format(b, &c->info, 6);
    vc_buf_addf(b, "    </%s>\n", elem);
}
