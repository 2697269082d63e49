/* build_graphics.c: the display: -vnc (with the driver's TLS, SASL
 * and password settings), SDL through the environment (and -sdl or
 * -display sdl), -spice; and the audio backend each implies. */
#include "qemu/build_private.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

/* The listen address given in the XML, or an error for a <listen
 * type='network'> (which needs the network driver). */
static int listen_address(vc_build_ctx *ctx, const vc_graphics_def *g,
                          const char **addr)
{
    *addr = NULL;
    if (g->nlistens == 0)
        return 0;
    switch (g->listens[0].type) {
    case VC_LISTEN_ADDRESS:
        *addr = g->listens[0].address;
        return 0;
    case VC_LISTEN_NETWORK:
        if (!g->listens[0].network)
            return 0;
        return vc_build_error(ctx, "internal error network-based listen not possible, "
                              "network driver not present");
    default:
        return 0;
    }
}

static int vnc_args(vc_build_ctx *ctx, const vc_graphics_def *g)
{
    const vc_qemu_config *cfg = ctx->cfg;
    vc_props opt = VC_PROPS_INIT;
    const char *addr = NULL;

    if (!g->socket && !cfg->vnc_auto_unix_socket && VC_BUILD_HAS(ctx, VNC_COLON) &&
        listen_address(ctx, g, &addr) < 0)
        return -1;
    if (VC_BUILD_HAS(ctx, VNC_COLON) && g->share_policy != VC_VNC_SHARE_DEFAULT &&
        !VC_BUILD_HAS(ctx, VNC_SHARE_POLICY))
        return vc_build_unsupported(ctx, "vnc display sharing policy is not "
                                    "supported with this QEMU");

    if (g->socket) {
        vc_props_valuef(&opt, "unix:%s", g->socket);
    } else if (cfg->vnc_auto_unix_socket) {
        vc_props_valuef(&opt, "unix:%s/%s.vnc", ctx->host->state_dir, ctx->def->name);
    } else if (VC_BUILD_HAS(ctx, VNC_COLON)) {
        if (!addr)
            addr = cfg->vnc_listen ? cfg->vnc_listen : "127.0.0.1";
        /* an IPv6 address needs brackets before the :display */
        if (strchr(addr, ':'))
            vc_props_valuef(&opt, "[%s]:%d", addr, g->port - 5900);
        else
            vc_props_valuef(&opt, "%s:%d", addr, g->port - 5900);
    } else {
        vc_props_valuef(&opt, "%d", g->port - 5900);
    }

    if (VC_BUILD_HAS(ctx, VNC_COLON)) {
        if (g->passwd || cfg->vnc_password)
            vc_build_bool(ctx, &opt, "password", true);
        if (cfg->vnc_tls) {
            const char *dir = cfg->vnc_tls_x509_cert_dir ? cfg->vnc_tls_x509_cert_dir
                                                         : "/etc/pki/libvirt-vnc";
            vc_build_bool(ctx, &opt, "tls", true);
            vc_props_add(&opt, cfg->vnc_tls_x509_verify ? "x509verify" : "x509", dir);
        }
        if (cfg->vnc_sasl) {
            vc_build_bool(ctx, &opt, "sasl", true);
            if (cfg->vnc_sasl_dir)
                vc_command_add_env(ctx->cmd, "SASL_CONF_DIR", cfg->vnc_sasl_dir);
        }
        if (g->share_policy != VC_VNC_SHARE_DEFAULT)
            vc_props_add(&opt, "share", vc_vnc_share_to_string(g->share_policy));
    }
    if (vc_build_opt(ctx, VC_QOPT_VNC, &opt) < 0)
        return -1;
    if (g->keymap)
        vc_build_literal(ctx, VC_QOPT_KEYMAP, g->keymap);

    /* keep QEMU away from the host's sound devices unless allowed */
    if (cfg->vnc_allow_host_audio)
        vc_build_env_pass(ctx, "QEMU_AUDIO_DRV");
    else
        vc_command_add_env(ctx->cmd, "QEMU_AUDIO_DRV", "none");
    return 0;
}

static int sdl_args(vc_build_ctx *ctx, const vc_graphics_def *g)
{
    vc_props p = VC_PROPS_INIT;

    if (g->xauth)
        vc_command_add_env(ctx->cmd, "XAUTHORITY", g->xauth);
    if (g->display)
        vc_command_add_env(ctx->cmd, "DISPLAY", g->display);
    if (g->fullscreen)
        vc_build_switch(ctx, VC_QOPT_FULL_SCREEN);
    /* SDL may use the host's audio, as the user set it up */
    vc_build_env_pass(ctx, "QEMU_AUDIO_DRV");
    vc_build_env_pass(ctx, "SDL_AUDIODRIVER");
    /* better than relying on DISPLAY, which can be set anyway */
    if (VC_BUILD_HAS(ctx, SDL)) {
        vc_build_switch(ctx, VC_QOPT_SDL);
    } else if (VC_BUILD_HAS(ctx, DISPLAY_SDL)) {
        vc_props_value(&p, "sdl");
        return vc_build_opt(ctx, VC_QOPT_DISPLAY, &p);
    }
    return 0;
}

static int spice_channels(vc_build_ctx *ctx, const vc_graphics_def *g, vc_props *opt)
{
    switch (g->default_mode) {
    case VC_SPICE_MODE_SECURE:
        vc_props_add(opt, "tls-channel", "default");
        break;
    case VC_SPICE_MODE_INSECURE:
        vc_props_add(opt, "plaintext-channel", "default");
        break;
    default:
        break;
    }
    for (int i = 0; i < VC_SPICE_CH_LAST; i++) {
        switch (g->channels[i]) {
        case VC_SPICE_MODE_SECURE:
            if (!ctx->cfg->spice_tls)
                return vc_build_unsupported(ctx, "spice secure channels set in XML "
                                            "configuration, but TLS is disabled in qemu.conf");
            vc_props_add(opt, "tls-channel", vc_spice_channel_to_string(i));
            break;
        case VC_SPICE_MODE_INSECURE:
            vc_props_add(opt, "plaintext-channel", vc_spice_channel_to_string(i));
            break;
        default:
            break;
        }
    }
    return 0;
}

static void spice_tuning(vc_build_ctx *ctx, const vc_graphics_def *g, vc_props *opt)
{
    if (g->image != VC_SPICE_IMAGE_DEFAULT)
        vc_props_add(opt, "image-compression", vc_spice_image_to_string(g->image));
    if (g->jpeg != VC_SPICE_WAN_DEFAULT)
        vc_props_add(opt, "jpeg-wan-compression", vc_spice_wan_to_string(g->jpeg));
    if (g->zlib != VC_SPICE_WAN_DEFAULT)
        vc_props_add(opt, "zlib-glz-wan-compression", vc_spice_wan_to_string(g->zlib));
    if (g->playback != VC_SWITCH_DEFAULT)
        vc_props_add(opt, "playback-compression", vc_switch_to_string(g->playback));
    if (g->streaming != VC_SPICE_STREAM_DEFAULT)
        vc_props_add(opt, "streaming-video", vc_spice_streaming_to_string(g->streaming));
    if (g->copypaste == VC_YESNO_NO)
        vc_build_bool(ctx, opt, "disable-copy-paste", true);
}

static int spice_args(vc_build_ctx *ctx, const vc_graphics_def *g)
{
    const vc_qemu_config *cfg = ctx->cfg;
    vc_props opt = VC_PROPS_INIT;
    const char *addr;

    if (!VC_BUILD_HAS(ctx, SPICE))
        return vc_build_unsupported(ctx, "spice graphics are not supported with this QEMU");
    if (g->tls_port > 0 && !cfg->spice_tls)
        return vc_build_unsupported(ctx, "spice TLS port set in XML configuration,"
                                    " but TLS is disabled in qemu.conf");
    if (listen_address(ctx, g, &addr) < 0)
        return -1;
    vc_props_addf(&opt, "port", "%u", (unsigned)g->port);
    if (g->tls_port > 0)
        vc_props_addf(&opt, "tls-port", "%u", (unsigned)g->tls_port);
    if (!addr)
        addr = cfg->spice_listen;
    if (addr)
        vc_props_add(&opt, "addr", addr);
    if (g->mouse == VC_SPICE_MOUSE_SERVER)
        vc_props_add(&opt, "agent-mouse", "off");
    else if (g->mouse == VC_SPICE_MOUSE_CLIENT)
        vc_props_add(&opt, "agent-mouse", "on");
    /* a password is given over the monitor, never on the command line */
    if (!g->passwd && !cfg->spice_password)
        vc_build_bool(ctx, &opt, "disable-ticketing", true);
    if (cfg->spice_tls)
        vc_props_add(&opt, "x509-dir", cfg->spice_tls_x509_cert_dir
                                       ? cfg->spice_tls_x509_cert_dir
                                       : "/etc/pki/libvirt-spice");
    if (spice_channels(ctx, g, &opt) < 0) {
        vc_props_free(&opt);
        return -1;
    }
    spice_tuning(ctx, g, &opt);
    if (VC_BUILD_HAS(ctx, SEAMLESS_MIGRATION))
        vc_props_add(&opt, "seamless-migration", "on");
    if (vc_build_opt(ctx, VC_QOPT_SPICE, &opt) < 0)
        return -1;
    if (g->keymap)
        vc_build_literal(ctx, VC_QOPT_KEYMAP, g->keymap);
    /* SPICE tunnels the audio itself */
    vc_command_add_env(ctx->cmd, "QEMU_AUDIO_DRV", "spice");
    return 0;
}

int vc_build_graphics_args(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    const vc_graphics_def *g;

    if (def->ngraphics == 0)
        return 0;
    if (def->ngraphics > 1)
        return vc_build_unsupported(ctx, "only 1 graphics device is supported");
    g = def->graphics[0];
    switch (g->type) {
    case VC_GRAPHICS_VNC:
        return vnc_args(ctx, g);
    case VC_GRAPHICS_SDL:
        return sdl_args(ctx, g);
    case VC_GRAPHICS_SPICE:
        return spice_args(ctx, g);
    default:
        return vc_build_unsupported(ctx, "unsupported graphics type '%s'",
                                    vc_graphics_type_to_string(g->type));
    }
}
