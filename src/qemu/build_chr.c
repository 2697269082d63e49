/* build_chr.c: character devices: smartcards, serial and parallel
 * ports, channels (guestfwd, virtio) and consoles, as -chardev plus
 * -device where QEMU has both, else the legacy -serial/-parallel. */
#include "qemu/build_internal.h"

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

char *vc_build_chardev_str(vc_build_ctx *ctx, const vc_chr_source *src,
                           const char *alias)
{
    vc_buf b = VC_BUF_INIT;

    switch (src->type) {
    case VC_CHR_NULL:
    case VC_CHR_VC:
    case VC_CHR_PTY:
    case VC_CHR_STDIO:
        vc_buf_addf(&b, "%s,id=char%s", vc_chr_type_to_string(src->type), alias);
        break;
    case VC_CHR_DEV:
        vc_buf_addf(&b, "%s,id=char%s,path=%s",
                    VC_STRPREFIX(alias, "parallel") ? "parport" : "tty",
                    alias, str_or(src->path, ""));
        break;
    case VC_CHR_FILE:
    case VC_CHR_PIPE:
        vc_buf_addf(&b, "%s,id=char%s,path=%s", vc_chr_type_to_string(src->type),
                    alias, str_or(src->path, ""));
        break;
    case VC_CHR_UDP:
        vc_buf_addf(&b, "udp,id=char%s,host=%s,port=%s,localaddr=%s,localport=%s",
                    alias, str_or(src->connect_host, ""),
                    str_or(src->connect_service, ""),
                    str_or(src->bind_host, ""), str_or(src->bind_service, "0"));
        break;
    case VC_CHR_TCP:
        vc_buf_addf(&b, "socket,id=char%s,host=%s,port=%s%s%s", alias,
                    str_or(src->host, ""), str_or(src->service, ""),
                    src->protocol == VC_CHR_TCP_TELNET ? ",telnet" : "",
                    src->listen ? ",server,nowait" : "");
        break;
    case VC_CHR_UNIX:
        vc_buf_addf(&b, "socket,id=char%s,path=%s%s", alias,
                    str_or(src->path, ""), src->listen ? ",server,nowait" : "");
        break;
    case VC_CHR_SPICEVMC:
        if (!VC_BUILD_HAS(ctx, CHARDEV_SPICEVMC)) {
            vc_buf_free(&b);
            vc_build_unsupported(ctx, "spicevmc not supported in this QEMU binary");
            return NULL;
        }
        vc_buf_addf(&b, "spicevmc,id=char%s,name=%s", alias, spicevmc_name(alias));
        break;
    default:
        vc_buf_free(&b);
        vc_build_unsupported(ctx, "unsupported chardev '%s'",
                             str_or(vc_chr_type_to_string(src->type), "?"));
        return NULL;
    }
    return vc_buf_steal(&b);
}

char *vc_build_chr_legacy_str(vc_build_ctx *ctx, const vc_chr_source *src,
                              const char *prefix)
{
    vc_buf b = VC_BUF_INIT;

    if (prefix)
        vc_buf_add(&b, prefix);
    switch (src->type) {
    case VC_CHR_NULL:
    case VC_CHR_VC:
    case VC_CHR_PTY:
    case VC_CHR_STDIO:
        vc_buf_add(&b, vc_chr_type_to_string(src->type));
        break;
    case VC_CHR_DEV:
        vc_buf_add(&b, str_or(src->path, ""));
        break;
    case VC_CHR_FILE:
    case VC_CHR_PIPE:
        vc_buf_addf(&b, "%s:%s", vc_chr_type_to_string(src->type),
                    str_or(src->path, ""));
        break;
    case VC_CHR_UDP:
        vc_buf_addf(&b, "udp:%s:%s@%s:%s", str_or(src->connect_host, ""),
                    str_or(src->connect_service, ""), str_or(src->bind_host, ""),
                    str_or(src->bind_service, "0"));
        break;
    case VC_CHR_TCP:
        vc_buf_addf(&b, "%s:%s:%s%s",
                    src->protocol == VC_CHR_TCP_TELNET ? "telnet" : "tcp",
                    str_or(src->host, ""), str_or(src->service, ""),
                    src->listen ? ",server,nowait" : "");
        break;
    case VC_CHR_UNIX:
        vc_buf_addf(&b, "unix:%s%s", str_or(src->path, ""),
                    src->listen ? ",server,nowait" : "");
        break;
    default:
        /* spicevmc has no legacy form: QEMU gets an empty spec, as
         * libvirt gives it */
        (void)ctx;
        break;
    }
    return vc_buf_steal(&b);
}

/* -chardev for a device; false on error. */
static bool add_chardev(vc_build_ctx *ctx, const vc_chr_source *src,
                        const char *alias)
{
    char *s = vc_build_chardev_str(ctx, src, alias);
    if (!s)
        return false;
    vc_command_add_arg(ctx->cmd, "-chardev");
    vc_command_take_arg(ctx->cmd, s);
    return true;
}

static bool chardev_and_device(vc_build_ctx *ctx)
{
    return VC_BUILD_HAS(ctx, CHARDEV) && VC_BUILD_HAS(ctx, DEVICE);
}

static int build_smartcard(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    const vc_smartcard_def *sc;
    vc_buf opt = VC_BUF_INIT;

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
        vc_buf_add(&opt, "ccid-card-emulated,backend=nss-emulated");
        break;
    case VC_SMARTCARD_HOST_CERTIFICATES:
        if (!VC_BUILD_HAS(ctx, CHARDEV) || !VC_BUILD_HAS(ctx, CCID_EMULATED))
            return vc_build_unsupported(ctx, "this QEMU binary lacks smartcard host mode support");
        vc_buf_add(&opt, "ccid-card-emulated,backend=certificates");
        for (int j = 0; j < VC_SMARTCARD_NUM_CERTS; j++) {
            const char *cert = str_or(sc->certs[j], "");
            if (strchr(cert, ',')) {
                vc_buf_free(&opt);
                return vc_build_unsupported(ctx, "invalid certificate name: %s", cert);
            }
            vc_buf_addf(&opt, ",cert%d=%s", j + 1, cert);
        }
        if (sc->database && strchr(sc->database, ',')) {
            vc_buf_free(&opt);
            return vc_build_unsupported(ctx, "invalid database name: %s", sc->database);
        }
        vc_buf_addf(&opt, ",database=%s", str_or(sc->database, SMARTCARD_DEFAULT_DATABASE));
        break;
    case VC_SMARTCARD_PASSTHROUGH:
        if (!VC_BUILD_HAS(ctx, CHARDEV) || !VC_BUILD_HAS(ctx, CCID_PASSTHRU))
            return vc_build_unsupported(ctx, "this QEMU binary lacks smartcard "
                                        "passthrough mode support");
        if (!add_chardev(ctx, &sc->passthru, sc->info.alias))
            return -1;
        vc_buf_addf(&opt, "ccid-card-passthru,chardev=char%s", sc->info.alias);
        break;
    default:
        return vc_build_error(ctx, "internal error unexpected smartcard type %d", sc->mode);
    }
    vc_buf_addf(&opt, ",id=%s,bus=ccid0.0", sc->info.alias);
    vc_command_add_arg(ctx->cmd, "-device");
    vc_command_take_arg(ctx->cmd, vc_buf_steal(&opt));
    return 0;
}

/* pseries guests have their serial ports on the VIO bus. */
static bool is_pseries(vc_build_ctx *ctx)
{
    return VC_STREQ(ctx->arch, "ppc64") && ctx->machine &&
           VC_STREQ(ctx->machine, "pseries");
}

static int build_serial_device(vc_build_ctx *ctx, const vc_chr_def *chr)
{
    vc_buf b = VC_BUF_INIT;

    if (is_pseries(ctx)) {
        vc_buf_addf(&b, "spapr-vty,chardev=char%s", chr->info.alias);
        if (vc_build_device_address(ctx, &b, &chr->info) < 0) {
            vc_buf_free(&b);
            return -1;
        }
    } else {
        vc_buf_addf(&b, "isa-serial,chardev=char%s,id=%s", chr->info.alias,
                    chr->info.alias);
    }
    vc_command_add_arg(ctx->cmd, "-device");
    vc_command_take_arg(ctx->cmd, vc_buf_steal(&b));
    return 0;
}

/* Serial or parallel ports: "-serial none" when there are none and
 * no -nodefaults did it already. */
static int build_ports(vc_build_ctx *ctx, vc_chr_def *const *ports, size_t n,
                       bool serial)
{
    const char *opt = serial ? "-serial" : "-parallel";

    if (n == 0) {
        if (!VC_BUILD_HAS(ctx, DEVICE))
            vc_command_add_arg_pair(ctx->cmd, opt, "none");
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        const vc_chr_def *chr = ports[i];

        if (chardev_and_device(ctx)) {
            if (!add_chardev(ctx, &chr->source, chr->info.alias))
                return -1;
            if (serial) {
                if (build_serial_device(ctx, chr) < 0)
                    return -1;
            } else {
                vc_command_add_arg(ctx->cmd, "-device");
                vc_command_add_argf(ctx->cmd, "isa-parallel,chardev=char%s,id=%s",
                                    chr->info.alias, chr->info.alias);
            }
        } else {
            vc_command_add_arg(ctx->cmd, opt);
            vc_command_take_arg(ctx->cmd,
                                vc_build_chr_legacy_str(ctx, &chr->source, NULL));
        }
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
    vc_buf b = VC_BUF_INIT;
    bool old_vmc = spicevmc_device(ctx, chr);

    if (chr->device == VC_CHR_DEVICE_CONSOLE)
        vc_buf_add(&b, "virtconsole");
    else if (old_vmc)
        vc_buf_add(&b, "spicevmc");
    else
        vc_buf_add(&b, "virtserialport");

    if (chr->info.addr.type != VC_ADDR_NONE) {
        const vc_vioserial_addr *a = &chr->info.addr.u.vioserial;
        if (chr->info.addr.type != VC_ADDR_VIRTIO_SERIAL) {
            vc_buf_free(&b);
            return vc_build_error(ctx, "internal error virtio serial device has "
                                  "invalid address type");
        }
        vc_buf_addf(&b, ",bus=virtio-serial%u.%u,nr=%u", a->controller, a->bus, a->port);
    }
    if (chr->source.type == VC_CHR_SPICEVMC && chr->target_name &&
        !VC_STREQ(chr->target_name, "com.redhat.spice.0")) {
        vc_buf_free(&b);
        return vc_build_unsupported(ctx, "Unsupported spicevmc target name '%s'",
                                    chr->target_name);
    }
    if (old_vmc) {
        vc_buf_addf(&b, ",id=%s", chr->info.alias);
    } else {
        vc_buf_addf(&b, ",chardev=char%s,id=%s", chr->info.alias, chr->info.alias);
        if (chr->device == VC_CHR_DEVICE_CHANNEL && chr->target_name)
            vc_buf_addf(&b, ",name=%s", chr->target_name);
    }
    vc_command_add_arg(ctx->cmd, "-device");
    vc_command_take_arg(ctx->cmd, vc_buf_steal(&b));
    return 0;
}

static int build_channel(vc_build_ctx *ctx, const vc_chr_def *chr)
{
    switch (chr->target_type) {
    case VC_CHR_CHANNEL_GUESTFWD: {
        if (!chardev_and_device(ctx))
            return vc_build_unsupported(ctx, "guestfwd requires QEMU to support "
                                        "-chardev & -device");
        if (!add_chardev(ctx, &chr->source, chr->info.alias))
            return -1;
        vc_command_add_arg(ctx->cmd, "-netdev");
        vc_command_add_argf(ctx->cmd, "user,guestfwd=tcp:%s:%u,chardev=char%s,id=user-%s",
                            str_or(chr->guestfwd_addr, ""), chr->guestfwd_port,
                            chr->info.alias, chr->info.alias);
        return 0;
    }
    case VC_CHR_CHANNEL_VIRTIO:
        if (!VC_BUILD_HAS(ctx, DEVICE))
            return vc_build_unsupported(ctx, "virtio channel requires QEMU to support -device");
        /* the old spicevmc device needs no -chardev */
        if (!spicevmc_device(ctx, chr) &&
            !add_chardev(ctx, &chr->source, chr->info.alias))
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
        if (!add_chardev(ctx, &chr->source, chr->info.alias))
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

int vc_build_chr_args(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;

    if (build_smartcard(ctx) < 0 ||
        build_ports(ctx, def->serials, def->nserials, true) < 0 ||
        build_ports(ctx, def->parallels, def->nparallels, false) < 0)
        return -1;
    for (size_t i = 0; i < def->nchannels; i++)
        if (build_channel(ctx, def->channels[i]) < 0)
            return -1;
    for (size_t i = 0; i < def->nconsoles; i++)
        if (build_console(ctx, def->consoles[i]) < 0)
            return -1;
    return 0;
}
