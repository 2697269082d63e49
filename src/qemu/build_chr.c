/* build_chr.c: character devices: smartcards, serial and parallel
 * ports, channels (guestfwd, virtio) and consoles, as -chardev plus
 * -device where QEMU has both, else the legacy -serial/-parallel. */
#include "qemu/build_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

#define SMARTCARD_DEFAULT_DATABASE "/etc/pki/nssdb"

/* The spicevmc channel name follows from what the device is. */
static const char *spicevmc_name(const char *alias)
{
    if (VC_STRPREFIX(alias, "smartcard"))
        return "smartcard";
    if (VC_STRPREFIX(alias, "redir"))
        return "usbredir";
    return "vdagent";
}

static const char *str_or(const char *s, const char *dflt)
{
    return s ? s : dflt;
}

/* QEMU reads an empty local port as 0 in -chardev; the legacy spec
 * cannot hold an empty one, so both get the 0 it means */
static const char *local_port(const vc_chr_source *src)
{
    return src->bind_service && *src->bind_service ? src->bind_service : "0";
}

/* A remote port QEMU has to connect to (or listen on): an empty one is
 * refused by QEMU in either form, and the legacy spec cannot write it. */
static int check_ports(vc_build_ctx *ctx, const vc_chr_source *src)
{
    const char *port = src->type == VC_CHR_UDP ? src->connect_service :
                       src->type == VC_CHR_TCP ? src->service : NULL;

    if (port && !*port)
        return vc_build_unsupported(ctx, "a %s character device needs a port",
                                    vc_chr_type_to_string(src->type));
    return 0;
}

/* -chardev BACKEND,id=charALIAS,... for a source. */
static int chardev_props(vc_build_ctx *ctx, const vc_chr_source *src,
                         const char *alias, vc_props *p)
{
    const char *type = vc_chr_type_to_string(src->type);

    if (check_ports(ctx, src) < 0)
        return -1;
    switch (src->type) {
    case VC_CHR_NULL:
    case VC_CHR_VC:
    case VC_CHR_PTY:
    case VC_CHR_STDIO:
        vc_props_value(p, type);
        vc_props_addf(p, "id", "char%s", alias);
        return 0;
    case VC_CHR_DEV:
        /* tty and parport became aliases of serial and parallel */
        if (VC_BUILD_HAS(ctx, CHARDEV_SERIAL_PARALLEL))
            vc_props_value(p, VC_STRPREFIX(alias, "parallel") ? "parallel" : "serial");
        else
            vc_props_value(p, VC_STRPREFIX(alias, "parallel") ? "parport" : "tty");
        vc_props_addf(p, "id", "char%s", alias);
        vc_props_add(p, "path", str_or(src->path, ""));
        return 0;
    case VC_CHR_FILE:
    case VC_CHR_PIPE:
        vc_props_value(p, type);
        vc_props_addf(p, "id", "char%s", alias);
        vc_props_add(p, "path", str_or(src->path, ""));
        return 0;
    case VC_CHR_UDP:
        vc_props_value(p, "udp");
        vc_props_addf(p, "id", "char%s", alias);
        vc_props_add(p, "host", str_or(src->connect_host, ""));
        vc_props_add(p, "port", str_or(src->connect_service, ""));
        vc_props_add(p, "localaddr", str_or(src->bind_host, ""));
        vc_props_add(p, "localport", local_port(src));
        return 0;
    case VC_CHR_TCP:
        vc_props_value(p, "socket");
        vc_props_addf(p, "id", "char%s", alias);
        vc_props_add(p, "host", str_or(src->host, ""));
        vc_props_add(p, "port", str_or(src->service, ""));
        if (src->protocol == VC_CHR_TCP_TELNET)
            vc_build_bool(ctx, p, "telnet", true);
        if (src->listen) {
            vc_build_bool(ctx, p, "server", true);
            vc_build_bool(ctx, p, "wait", false);
        }
        return 0;
    case VC_CHR_UNIX:
        vc_props_value(p, "socket");
        vc_props_addf(p, "id", "char%s", alias);
        vc_props_add(p, "path", str_or(src->path, ""));
        if (src->listen) {
            vc_build_bool(ctx, p, "server", true);
            vc_build_bool(ctx, p, "wait", false);
        }
        return 0;
    case VC_CHR_SPICEVMC:
        if (!VC_BUILD_HAS(ctx, CHARDEV_SPICEVMC))
            return vc_build_unsupported(ctx, "spicevmc not supported in this QEMU binary");
        vc_props_value(p, "spicevmc");
        vc_props_addf(p, "id", "char%s", alias);
        vc_props_add(p, "name", spicevmc_name(alias));
        return 0;
    default:
        return vc_build_unsupported(ctx, "unsupported chardev '%s'", str_or(type, "?"));
    }
}

int vc_build_chardev(vc_build_ctx *ctx, const vc_chr_source *src, const char *alias)
{
    vc_props p = VC_PROPS_INIT;

    if (chardev_props(ctx, src, alias, &p) < 0) {
        vc_props_free(&p);
        return -1;
    }
    return vc_build_opt(ctx, VC_QOPT_CHARDEV, &p);
}

int vc_build_chr_compat(vc_build_ctx *ctx, vc_qopt opt, const vc_chr_source *src,
                        vc_props *p)
{
    /* @p is ours from here, as in every return below */
    if (check_ports(ctx, src) < 0) {
        vc_props_free(p);
        return -1;
    }
    switch (src->type) {
    case VC_CHR_NULL:
    case VC_CHR_VC:
    case VC_CHR_PTY:
    case VC_CHR_STDIO:
        vc_props_value(p, vc_chr_type_to_string(src->type));
        break;
    case VC_CHR_DEV:
        vc_props_value(p, "dev");
        vc_props_add(p, "path", str_or(src->path, ""));
        break;
    case VC_CHR_FILE:
    case VC_CHR_PIPE:
        vc_props_value(p, vc_chr_type_to_string(src->type));
        vc_props_add(p, "path", str_or(src->path, ""));
        break;
    case VC_CHR_UDP:
        vc_props_value(p, "udp");
        vc_props_add(p, "host", str_or(src->connect_host, ""));
        vc_props_add(p, "port", str_or(src->connect_service, ""));
        vc_props_add(p, "localaddr", str_or(src->bind_host, ""));
        vc_props_add(p, "localport", local_port(src));
        break;
    case VC_CHR_TCP:
        vc_props_value(p, src->protocol == VC_CHR_TCP_TELNET ? "telnet" : "tcp");
        vc_props_add(p, "host", str_or(src->host, ""));
        vc_props_add(p, "port", str_or(src->service, ""));
        if (src->listen) {
            vc_build_bool(ctx, p, "server", true);
            vc_build_bool(ctx, p, "wait", false);
        }
        break;
    case VC_CHR_UNIX:
        vc_props_value(p, "unix");
        vc_props_add(p, "path", str_or(src->path, ""));
        if (src->listen) {
            vc_build_bool(ctx, p, "server", true);
            vc_build_bool(ctx, p, "wait", false);
        }
        break;
    default:
        /* spicevmc came with -chardev: there is no old form of it */
        vc_props_free(p);
        return vc_build_unsupported(ctx, "%s not supported in this QEMU binary",
                                    str_or(vc_chr_type_to_string(src->type), "?"));
    }
    return vc_build_opt(ctx, opt, p);
}

static bool chardev_and_device(vc_build_ctx *ctx)
{
    return VC_BUILD_HAS(ctx, CHARDEV) && VC_BUILD_HAS(ctx, DEVICE);
}

static int build_smartcard(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    const vc_smartcard_def *sc;
    vc_props p = VC_PROPS_INIT;

    if (!def->nsmartcards)
        return 0;
    /* the usb-ccid controller went out with the controllers; QEMU
     * takes one card, in its slot 0 */
    sc = def->smartcards[0];
    /* no address: libvirt's parser puts the card in slot 0 of ccid0 */
    if (def->nsmartcards > 1 ||
        (sc->info.addr.type != VC_ADDR_NONE &&
         (sc->info.addr.type != VC_ADDR_CCID || sc->info.addr.u.ccid.controller != 0 ||
          sc->info.addr.u.ccid.slot != 0)))
        return vc_build_unsupported(ctx, "this QEMU binary lacks multiple smartcard support");

    switch (sc->mode) {
    case VC_SMARTCARD_HOST:
        if (!VC_BUILD_HAS(ctx, CHARDEV) || !VC_BUILD_HAS(ctx, CCID_EMULATED))
            return vc_build_unsupported(ctx, "this QEMU binary lacks smartcard host mode support");
        vc_props_value(&p, "ccid-card-emulated");
        vc_props_add(&p, "backend", "nss-emulated");
        break;
    case VC_SMARTCARD_HOST_CERTIFICATES:
        if (!VC_BUILD_HAS(ctx, CHARDEV) || !VC_BUILD_HAS(ctx, CCID_EMULATED))
            return vc_build_unsupported(ctx, "this QEMU binary lacks smartcard host mode support");
        /* libvirt refuses these rather than quoting them */
        for (int j = 0; j < VC_SMARTCARD_NUM_CERTS; j++)
            if (strchr(str_or(sc->certs[j], ""), ','))
                return vc_build_unsupported(ctx, "invalid certificate name: %s",
                                            sc->certs[j]);
        if (sc->database && strchr(sc->database, ','))
            return vc_build_unsupported(ctx, "invalid database name: %s", sc->database);
        vc_props_value(&p, "ccid-card-emulated");
        vc_props_add(&p, "backend", "certificates");
        for (int j = 0; j < VC_SMARTCARD_NUM_CERTS; j++) {
            char key[8];
            snprintf(key, sizeof(key), "cert%d", j + 1);
            vc_props_add(&p, key, str_or(sc->certs[j], ""));
        }
        vc_props_add(&p, VC_BUILD_HAS(ctx, CCID_EMULATED_DB) ? "db" : "database",
                     str_or(sc->database, SMARTCARD_DEFAULT_DATABASE));
        break;
    case VC_SMARTCARD_PASSTHROUGH:
        if (!VC_BUILD_HAS(ctx, CHARDEV) || !VC_BUILD_HAS(ctx, CCID_PASSTHRU))
            return vc_build_unsupported(ctx, "this QEMU binary lacks smartcard "
                                        "passthrough mode support");
        if (vc_build_chardev(ctx, &sc->passthru, sc->info.alias))
            return -1;
        vc_props_value(&p, "ccid-card-passthru");
        vc_props_addf(&p, "chardev", "char%s", sc->info.alias);
        break;
    default:
        return vc_build_error(ctx, "internal error unexpected smartcard type %d", sc->mode);
    }
    vc_props_add(&p, "id", sc->info.alias);
    vc_props_add(&p, "bus", "ccid0.0");
    return vc_build_opt(ctx, VC_QOPT_DEVICE, &p);
}

/* pseries guests have their serial ports on the VIO bus. */
static bool is_pseries(vc_build_ctx *ctx)
{
    return VC_STREQ(ctx->arch, "ppc64") && ctx->machine &&
           VC_STREQ(ctx->machine, "pseries");
}

static int build_serial_device(vc_build_ctx *ctx, const vc_chr_def *chr)
{
    vc_props p = VC_PROPS_INIT;

    if (is_pseries(ctx)) {
        vc_props_value(&p, "spapr-vty");
        vc_props_addf(&p, "chardev", "char%s", chr->info.alias);
        if (vc_build_device_address(ctx, &p, &chr->info) < 0) {
            vc_props_free(&p);
            return -1;
        }
    } else {
        vc_props_value(&p, "isa-serial");
        vc_props_addf(&p, "chardev", "char%s", chr->info.alias);
        vc_props_add(&p, "id", chr->info.alias);
    }
    return vc_build_opt(ctx, VC_QOPT_DEVICE, &p);
}

/* Serial or parallel ports: "-serial none" when there are none and
 * no -nodefaults did it already. */
static int build_ports(vc_build_ctx *ctx, vc_chr_def *const *ports, size_t n,
                       bool serial)
{
    vc_qopt opt = serial ? VC_QOPT_SERIAL : VC_QOPT_PARALLEL;

    if (n == 0) {
        vc_props p = VC_PROPS_INIT;
        if (VC_BUILD_HAS(ctx, DEVICE))
            return 0;
        vc_props_value(&p, "none");
        return vc_build_opt(ctx, opt, &p);
    }
    for (size_t i = 0; i < n; i++) {
        const vc_chr_def *chr = ports[i];
        vc_props p = VC_PROPS_INIT;

        if (!chardev_and_device(ctx)) {
            if (vc_build_chr_compat(ctx, opt, &chr->source, &p) < 0)
                return -1;
            continue;
        }
        if (vc_build_chardev(ctx, &chr->source, chr->info.alias))
            return -1;
        if (serial) {
            if (build_serial_device(ctx, chr) < 0)
                return -1;
            continue;
        }
        vc_props_value(&p, "isa-parallel");
        vc_props_addf(&p, "chardev", "char%s", chr->info.alias);
        vc_props_add(&p, "id", chr->info.alias);
        if (vc_build_opt(ctx, VC_QOPT_DEVICE, &p) < 0)
            return -1;
    }
    return 0;
}

/* QEMU's old spicevmc device, which has its own backend. */
static bool spicevmc_device(vc_build_ctx *ctx, const vc_chr_def *chr)
{
    return chr->device == VC_CHR_DEVICE_CHANNEL &&
           chr->source.type == VC_CHR_SPICEVMC && VC_BUILD_HAS(ctx, DEVICE_SPICEVMC);
}

/* virtconsole / virtserialport / spicevmc on a virtio-serial bus. */
static int virtio_port_device(vc_build_ctx *ctx, const vc_chr_def *chr)
{
    vc_props p = VC_PROPS_INIT;
    bool old_vmc = spicevmc_device(ctx, chr);

    if (chr->info.addr.type != VC_ADDR_NONE &&
        chr->info.addr.type != VC_ADDR_VIRTIO_SERIAL)
        return vc_build_error(ctx, "internal error virtio serial device has "
                              "invalid address type");
    if (chr->source.type == VC_CHR_SPICEVMC && chr->target_name &&
        !VC_STREQ(chr->target_name, "com.redhat.spice.0"))
        return vc_build_unsupported(ctx, "Unsupported spicevmc target name '%s'",
                                    chr->target_name);

    if (chr->device == VC_CHR_DEVICE_CONSOLE)
        vc_props_value(&p, "virtconsole");
    else if (old_vmc)
        vc_props_value(&p, "spicevmc");
    else
        vc_props_value(&p, "virtserialport");
    /* QEMU keeps port 0 of each controller for a virtconsole */
    if (chr->device != VC_CHR_DEVICE_CONSOLE && !old_vmc &&
        chr->info.addr.type == VC_ADDR_VIRTIO_SERIAL &&
        chr->info.addr.u.vioserial.port == 0) {
        vc_props_free(&p);
        return vc_build_unsupported(ctx, "virtio-serial port 0 is reserved for a "
                                    "console: a channel needs port 1 or more");
    }
    if (vc_build_device_address(ctx, &p, &chr->info) < 0) {
        vc_props_free(&p);
        return -1;
    }
    if (!old_vmc)
        vc_props_addf(&p, "chardev", "char%s", chr->info.alias);
    vc_props_add(&p, "id", chr->info.alias);
    if (!old_vmc && chr->device == VC_CHR_DEVICE_CHANNEL && chr->target_name)
        vc_props_add(&p, "name", chr->target_name);
    return vc_build_opt(ctx, VC_QOPT_DEVICE, &p);
}

static int build_channel(vc_build_ctx *ctx, const vc_chr_def *chr)
{
    vc_props p = VC_PROPS_INIT;

    switch (chr->target_type) {
    case VC_CHR_CHANNEL_GUESTFWD:
        if (!chardev_and_device(ctx))
            return vc_build_unsupported(ctx, "guestfwd requires QEMU to support "
                                        "-chardev & -device");
        if (vc_build_chardev(ctx, &chr->source, chr->info.alias))
            return -1;
        vc_props_value(&p, "user");
        if (VC_BUILD_HAS(ctx, GUESTFWD_CHARDEV)) {
            vc_props_addf(&p, "guestfwd", "tcp:%s:%u-chardev:char%s",
                          str_or(chr->guestfwd_addr, ""), chr->guestfwd_port,
                          chr->info.alias);
        } else {
            vc_props_addf(&p, "guestfwd", "tcp:%s:%u", str_or(chr->guestfwd_addr, ""),
                          chr->guestfwd_port);
            vc_props_addf(&p, "chardev", "char%s", chr->info.alias);
        }
        vc_props_addf(&p, "id", "user-%s", chr->info.alias);
        return vc_build_opt(ctx, VC_QOPT_NETDEV, &p);
    case VC_CHR_CHANNEL_VIRTIO:
        if (!VC_BUILD_HAS(ctx, DEVICE))
            return vc_build_unsupported(ctx, "virtio channel requires QEMU to support -device");
        /* the old spicevmc device needs no -chardev */
        if (!spicevmc_device(ctx, chr) &&
            vc_build_chardev(ctx, &chr->source, chr->info.alias))
            return -1;
        return virtio_port_device(ctx, chr);
    default:
        return 0;
    }
}

static int build_console(vc_build_ctx *ctx, const vc_chr_def *chr)
{
    switch (chr->target_type) {
    case VC_CHR_CONSOLE_VIRTIO:
        if (!VC_BUILD_HAS(ctx, DEVICE))
            return vc_build_unsupported(ctx, "virtio channel requires QEMU to support -device");
        if (vc_build_chardev(ctx, &chr->source, chr->info.alias))
            return -1;
        return virtio_port_device(ctx, chr);
    case VC_CHR_CONSOLE_SERIAL:     /* the serial port already is it */
        return 0;
    default:
        return vc_build_unsupported(ctx, "unsupported console target type %s",
                                    str_or(vc_chr_console_target_to_string(chr->target_type),
                                           "?"));
    }
}

int vc_build_smartcard_args(vc_build_ctx *ctx)
{
    return build_smartcard(ctx);
}

int vc_build_serial_args(vc_build_ctx *ctx)
{
    return build_ports(ctx, ctx->def->serials, ctx->def->nserials, true);
}

int vc_build_parallel_args(vc_build_ctx *ctx)
{
    return build_ports(ctx, ctx->def->parallels, ctx->def->nparallels, false);
}

int vc_build_channel_args(vc_build_ctx *ctx)
{
    for (size_t i = 0; i < ctx->def->nchannels; i++)
        if (build_channel(ctx, ctx->def->channels[i]) < 0)
            return -1;
    return 0;
}

int vc_build_console_args(vc_build_ctx *ctx)
{
    for (size_t i = 0; i < ctx->def->nconsoles; i++)
        if (build_console(ctx, ctx->def->consoles[i]) < 0)
            return -1;
    return 0;
}
