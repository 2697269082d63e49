/* build_disk_src.c: where a disk's data comes from, as QEMU spells it:
 * a path, a FAT directory, or an nbd/rbd/sheepdog/gluster network
 * source. */
#include "qemu/build_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>


/* Append @s with every character of @special preceded by @esc
 * (libvirt's virBufferEscape): rbd's own syntax quotes ':' with '\\'.
 * Commas are the option serializer's business. */
static void add_escaped(vc_buf *buf, const char *s, char esc, const char *special)
{
    for (; *s; s++) {
        if (strchr(special, *s))
            vc_buf_addc(buf, esc);
        vc_buf_addc(buf, *s);
    }
}

/* nbd:HOST:PORT and sheepdog:HOST:PORT: a ':' inside would move the
 * parts. */
static int check_host_part(vc_build_ctx *ctx, const char *proto, const char *what,
                           const char *v)
{
    if (v && strchr(v, ':'))
        return vc_build_unsupported(ctx, "%s %s '%s' cannot be given in QEMU's "
                                    "%s:HOST:PORT syntax", proto, what, v, proto);
    return 0;
}

static void base64_add(vc_buf *buf, const unsigned char *in, size_t len)
{
    static const char tab[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < len)
            v |= (unsigned)in[i + 1] << 8;
        if (i + 2 < len)
            v |= in[i + 2];
        vc_buf_addc(buf, tab[(v >> 18) & 63]);
        vc_buf_addc(buf, tab[(v >> 12) & 63]);
        vc_buf_addc(buf, i + 1 < len ? tab[(v >> 6) & 63] : '=');
        vc_buf_addc(buf, i + 2 < len ? tab[v & 63] : '=');
    }
}

/* The secret's value from the host's store, or NULL when it has none
 * such (stores here are looked up by usage id only). */
static const char *secret_value(vc_build_ctx *ctx, const vc_disk_def *d)
{
    if (d->secret_is_uuid)
        return NULL;
    return vc_host_secret_by_usage(ctx->host, d->secret_usage);
}

/* rbd:POOL/IMAGE[:id=USER:key=KEY:auth_supported=cephx\;none]
 * [:auth_supported=none][:mon_host=H\:P\;H\:P] */
static int rbd_source(vc_build_ctx *ctx, const vc_disk_def *d, vc_buf *buf)
{
    vc_buf_add(buf, "rbd:");
    add_escaped(buf, d->src ? d->src : "", '\\', ":");
    if (d->auth_username) {
        const char *secret = secret_value(ctx, d);
        vc_buf key = VC_BUF_INIT;

        vc_buf_add(buf, ":id=");
        add_escaped(buf, d->auth_username, '\\', ":");
        if (!secret)
            return vc_build_error(ctx, "internal error rbd username '%s' specified "
                                  "but secret not found", d->auth_username);
        /* librbd wants the key base64 encoded */
        base64_add(&key, (const unsigned char *)secret, strlen(secret));
        vc_buf_add(buf, ":key=");
        add_escaped(buf, vc_buf_str(&key), '\\', ":");
        vc_buf_add(buf, ":auth_supported=cephx\\;none");
        vc_buf_free(&key);
    } else {
        vc_buf_add(buf, ":auth_supported=none");
    }
    if (d->nhosts > 0) {
        vc_buf_add(buf, ":mon_host=");
        for (size_t i = 0; i < d->nhosts; i++) {
            if (i)
                vc_buf_add(buf, "\\;");
            vc_buf_add(buf, d->hosts[i].name ? d->hosts[i].name : "");
            if (d->hosts[i].port)
                vc_buf_addf(buf, "\\:%s", d->hosts[i].port);
        }
    }
    return 0;
}

/* A URI part as libxml2's xmlSaveUri writes it: what is not
 * unreserved or a path separator is %-escaped. */
static void add_uri_escaped(vc_buf *buf, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr("-_.!~*'()/;:@&=+$,", c))
            vc_buf_addc(buf, (char)c);
        else
            vc_buf_addf(buf, "%%%02X", c);
    }
}

/* gluster[+TRANSPORT]://[HOST[:PORT]]/VOLUME/IMAGE[?socket=PATH], the
 * URI libvirt builds (qemuBuildGlusterString) */
static int gluster_source(vc_build_ctx *ctx, const vc_disk_def *d, vc_buf *buf)
{
    const vc_disk_host *h = d->hosts;
    long port = 0;

    if (d->nhosts != 1)
        return vc_build_error(ctx, "internal error gluster accepts only one host");
    if (h->port) {
        char *end;

        port = strtol(h->port, &end, 10);
        if (port <= 0 || port > 65535)
            return vc_build_error(ctx, "internal error port must be a number");
    }
    vc_buf_add(buf, "gluster");
    if (h->transport != VC_DISK_TRANSPORT_TCP)
        vc_buf_addf(buf, "+%s", vc_disk_transport_to_string(h->transport));
    vc_buf_add(buf, "://");
    if (h->name) {
        bool v6 = strchr(h->name, ':') != NULL;

        vc_buf_add(buf, v6 ? "[" : "");
        add_uri_escaped(buf, h->name);
        vc_buf_add(buf, v6 ? "]" : "");
        if (port)
            vc_buf_addf(buf, ":%ld", port);
    }
    vc_buf_addc(buf, '/');
    add_uri_escaped(buf, d->src ? d->src : "");
    if (h->socket)
        vc_buf_addf(buf, "?socket=%s", h->socket);
    return 0;
}

static int network_source(vc_build_ctx *ctx, const vc_disk_def *d, vc_buf *buf)
{
    const char *proto = vc_disk_protocol_to_string(d->protocol);

    if (d->nhosts > 0 &&
        d->protocol != VC_DISK_PROTOCOL_RBD && d->protocol != VC_DISK_PROTOCOL_GLUSTER &&
        (check_host_part(ctx, proto, "host", d->hosts[0].name) < 0 ||
         check_host_part(ctx, proto, "port", d->hosts[0].port) < 0))
        return -1;
    switch (d->protocol) {
    case VC_DISK_PROTOCOL_NBD:
        if (d->nhosts != 1)
            return vc_build_error(ctx, "internal error NBD accepts only one host");
        if (d->hosts[0].transport == VC_DISK_TRANSPORT_UNIX) {
            vc_buf_addf(buf, "nbd:unix:%s", d->hosts[0].socket ? d->hosts[0].socket : "");
            return 0;
        }
        vc_buf_addf(buf, "nbd:%s:%s", d->hosts[0].name ? d->hosts[0].name : "",
                    d->hosts[0].port ? d->hosts[0].port : "");
        return 0;
    case VC_DISK_PROTOCOL_RBD:
        return rbd_source(ctx, d, buf);
    case VC_DISK_PROTOCOL_SHEEPDOG:
        if (VC_BUILD_HAS(ctx, SHEEPDOG_GONE))
            return vc_build_unsupported(ctx, "network disk protocol 'sheepdog' is not "
                                        "supported by this QEMU binary");
        vc_buf_add(buf, "sheepdog:");
        /* only one host is supported */
        if (d->nhosts > 0)
            vc_buf_addf(buf, "%s:%s:", d->hosts[0].name ? d->hosts[0].name : "",
                        d->hosts[0].port ? d->hosts[0].port : "");
        vc_buf_add(buf, d->src ? d->src : "");
        return 0;
    case VC_DISK_PROTOCOL_GLUSTER:
        return gluster_source(ctx, d, buf);
    default:
        return vc_build_error(ctx, "internal error unknown disk protocol");
    }
}

/* QEMU's virtual FAT disks: read-only directories. */
static int fat_source(vc_build_ctx *ctx, const vc_disk_def *d, vc_buf *buf)
{
    if (d->driver_type && !VC_STREQ(d->driver_type, "fat"))
        return vc_build_error(ctx, "internal error unsupported disk driver type "
                              "for '%s'", d->driver_type);
    if (!d->readonly)
        return vc_build_error(ctx, "internal error cannot create virtual FAT disks "
                              "in read-write mode");
    vc_buf_add(buf, d->device == VC_DISK_DEVICE_FLOPPY ? "fat:floppy:" : "fat:");
    vc_buf_add(buf, d->src ? d->src : "");
    return 0;
}

int vc_build_disk_source(vc_build_ctx *ctx, const vc_disk_def *d, vc_buf *buf)
{
    if (d->type == VC_DISK_TYPE_DIR)
        return fat_source(ctx, d, buf);
    if (d->type == VC_DISK_TYPE_NETWORK)
        return network_source(ctx, d, buf);
    vc_buf_add(buf, d->src ? d->src : "");
    return 0;
}

bool vc_build_disk_tray_open(const vc_disk_def *d)
{
    return (d->device == VC_DISK_DEVICE_FLOPPY || d->device == VC_DISK_DEVICE_CDROM) &&
           d->tray == VC_DISK_TRAY_OPEN;
}
