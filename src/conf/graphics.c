/* graphics.c: <graphics>: enum tables, parsing, formatting. */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

VC_ENUM_IMPL(vc_graphics_type, VC_GRAPHICS_LAST, "sdl", "vnc", "rdp", "desktop", "spice")
VC_ENUM_IMPL(vc_listen_type, VC_LISTEN_LAST, "none", "address", "network")
VC_ENUM_IMPL(vc_spice_channel, VC_SPICE_CH_LAST, "main", "display", "inputs", "cursor",
             "playback", "record", "smartcard", "usbredir")
VC_ENUM_IMPL(vc_spice_mode, VC_SPICE_MODE_LAST, "any", "secure", "insecure")
VC_ENUM_IMPL(vc_spice_image, VC_SPICE_IMAGE_LAST, "default", "auto_glz", "auto_lz",
             "quic", "glz", "lz", "off")
VC_ENUM_IMPL(vc_spice_wan, VC_SPICE_WAN_LAST, "default", "auto", "never", "always")
VC_ENUM_IMPL(vc_spice_streaming, VC_SPICE_STREAM_LAST, "default", "filter", "all", "off")
VC_ENUM_IMPL(vc_spice_mouse, VC_SPICE_MOUSE_LAST, "default", "server", "client")
VC_ENUM_IMPL(vc_vnc_share, VC_VNC_SHARE_LAST, "default", "allow-exclusive",
             "force-shared", "ignore")
VC_ENUM_IMPL(vc_graphics_connected, VC_GRAPHICS_CONNECTED_LAST, "default", "fail",
             "disconnect", "keep")

void vc_graphics_def_free(vc_graphics_def *g)
{
    if (!g)
        return;
    free(g->socket);
    free(g->keymap);
    free(g->passwd);
    free(g->passwd_valid_to);
    free(g->display);
    free(g->xauth);
    for (size_t i = 0; i < g->nlistens; i++) {
        free(g->listens[i].address);
        free(g->listens[i].network);
    }
    free(g->listens);
    free(g);
}

static int parse_port(vc_parse_ctx *ctx, const xmlNode *n, const char *attr, int *port)
{
    long long v;
    int r = vc_xml_ll(ctx, n, attr, -1, 65535, &v);

    if (r > 0)
        *port = (int)v;
    return r;
}

static int parse_listens(vc_parse_ctx *ctx, const xmlNode *node, vc_graphics_def *g)
{
    char *attr = vc_xml_prop(node, "listen");

    for (xmlNodePtr c = node->children; c; c = c->next) {
        vc_graphics_listen l;
        int v;
        if (!vc_xml_is(c, "listen"))
            continue;
        memset(&l, 0, sizeof(l));
        if (vc_xml_enum_req(ctx, c, "type", vc_listen_type_from_string,
                            "graphics listen type", &v) < 0) {
            free(attr);
            return -1;
        }
        l.type = (vc_listen_type)v;
        l.address = vc_xml_prop(c, "address");
        l.network = vc_xml_prop(c, "network");
        g->listens = vc_realloc(g->listens, (g->nlistens + 1) * sizeof(l));
        g->listens[g->nlistens++] = l;
        if (l.type == VC_LISTEN_ADDRESS && !l.address) {
            free(attr);
            return vc_xml_error(ctx, "graphics listen type 'address' requires an address");
        }
        if (l.type == VC_LISTEN_NETWORK && !l.network) {
            free(attr);
            return vc_xml_error(ctx, "graphics listen type 'network' requires a network name");
        }
    }
    if (attr && g->nlistens && g->listens[0].type == VC_LISTEN_ADDRESS &&
        !VC_STREQ(attr, g->listens[0].address)) {
        vc_xml_error(ctx, "graphics listen attribute %s must match address attribute of first listen element (found %s)",
                     attr, g->listens[0].address);
        free(attr);
        return -1;
    }
    if (attr && !g->nlistens) {
        g->listens = VC_NEW(vc_graphics_listen);
        g->nlistens = 1;
        g->listens[0].type = VC_LISTEN_ADDRESS;
        g->listens[0].address = attr;
        return 0;
    }
    free(attr);
    return 0;
}

static int parse_spice_children(vc_parse_ctx *ctx, const xmlNode *node, vc_graphics_def *g)
{
    /* the children a SPICE <graphics> holds once each: libvirt reads
     * the first of a name, and so does vc_xml_child */
    const struct {
        const char *elem, *attr, *what;
        int (*from)(const char *);
        int *dst;
    } one[] = {
        { "image", "compression", "spice image compression", vc_spice_image_from_string,
          (int *)&g->image },
        { "jpeg", "compression", "spice compression", vc_spice_wan_from_string,
          (int *)&g->jpeg },
        { "zlib", "compression", "spice compression", vc_spice_wan_from_string,
          (int *)&g->zlib },
        { "playback", "compression", "spice playback compression", vc_switch_from_string,
          (int *)&g->playback },
        { "streaming", "mode", "spice streaming mode", vc_spice_streaming_from_string,
          (int *)&g->streaming },
        { "clipboard", "copypaste", "spice clipboard copypaste value", vc_yesno_from_string,
          (int *)&g->copypaste },
        { "mouse", "mode", "spice mouse mode", vc_spice_mouse_from_string,
          (int *)&g->mouse },
    };
    unsigned channels_seen = 0;

    _Static_assert(sizeof(vc_spice_image) == sizeof(int) && sizeof(vc_switch) == sizeof(int),
                   "the enums are stored through int pointers");

    for (xmlNodePtr c = node->children; c; c = c->next) {
        int v = 0, m = 0;
        if (!vc_xml_is(c, "channel"))
            continue;
        if (vc_xml_enum_req(ctx, c, "name", vc_spice_channel_from_string,
                            "spice channel name", &v) < 0 ||
            vc_xml_enum_req(ctx, c, "mode", vc_spice_mode_from_string,
                            "spice channel mode", &m) < 0)
            return -1;
        /* a channel named twice keeps its first mode */
        if (!(channels_seen & (1u << v)))
            g->channels[v] = (vc_spice_mode)m;
        channels_seen |= 1u << v;
    }
    for (size_t i = 0; i < sizeof(one) / sizeof(one[0]); i++) {
        xmlNodePtr c = vc_xml_child(node, one[i].elem);
        if (c && vc_xml_enum_req(ctx, c, one[i].attr, one[i].from, one[i].what,
                                 one[i].dst) < 0)
            return -1;
    }
    return 0;
}

static int parse_bool_attr(vc_parse_ctx *ctx, const xmlNode *n, const char *attr, bool *out)
{
    char *v = vc_xml_prop(n, attr);
    int rc = 0;

    if (!v)
        return 0;
    if (VC_STREQ(v, "yes"))
        *out = true;
    else if (VC_STREQ(v, "no"))
        *out = false;
    else
        rc = vc_xml_error(ctx, "unknown %s value '%s' in <graphics>", attr, v);
    free(v);
    return rc;
}

vc_graphics_def *vc_graphics_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_graphics_def *g = VC_NEW(vc_graphics_def);
    int v;

    if (vc_xml_enum_req(ctx, node, "type", vc_graphics_type_from_string,
                        "graphics type", &v) < 0)
        goto error;
    g->type = (vc_graphics_type)v;
    if (g->type == VC_GRAPHICS_SDL || g->type == VC_GRAPHICS_DESKTOP) {
        g->display = vc_xml_prop(node, "display");
        g->xauth = vc_xml_prop(node, "xauth");
        if (parse_bool_attr(ctx, node, "fullscreen", &g->fullscreen) < 0)
            goto error;
        return g;
    }
    if (parse_port(ctx, node, "port", &g->port) < 0 ||
        parse_bool_attr(ctx, node, "autoport", &g->autoport) < 0)
        goto error;
    /* -1 is the old way to say autoport (not for RDP, which keeps it);
     * for VNC and RDP, so is saying no port at all (libvirt 0.10.2),
     * whatever autoport= says.  Port 0, which is never written back,
     * counts as none, so that what is written reads back the same. */
    if ((g->port == -1 && g->type != VC_GRAPHICS_RDP) ||
        (g->port == 0 && g->type != VC_GRAPHICS_SPICE))
        g->autoport = true;
    if (parse_listens(ctx, node, g) < 0)
        goto error;
    g->keymap = vc_xml_prop(node, "keymap");
    g->passwd = vc_xml_prop(node, "passwd");
    g->passwd_valid_to = vc_xml_prop(node, "passwdValidTo");
    v = 0;
    if (vc_xml_enum(ctx, node, "connected", vc_graphics_connected_from_string,
                    "graphics connected action", &v) < 0)
        goto error;
    g->connected = (vc_graphics_connected)v;
    if (g->type == VC_GRAPHICS_VNC) {
        g->socket = vc_xml_prop(node, "socket");
        v = 0;
        if (vc_xml_enum(ctx, node, "sharePolicy", vc_vnc_share_from_string,
                        "vnc sharePolicy", &v) < 0)
            goto error;
        g->share_policy = (vc_vnc_share)v;
    } else if (g->type == VC_GRAPHICS_RDP) {
        if (parse_bool_attr(ctx, node, "replaceUser", &g->replace_user) < 0 ||
            parse_bool_attr(ctx, node, "multiUser", &g->multi_user) < 0)
            goto error;
    } else if (g->type == VC_GRAPHICS_SPICE) {
        if (parse_port(ctx, node, "tlsPort", &g->tls_port) < 0)
            goto error;
        if (g->tls_port == -1)
            g->autoport = true;
        v = 0;
        if (vc_xml_enum(ctx, node, "defaultMode", vc_spice_mode_from_string,
                        "spice defaultMode", &v) < 0)
            goto error;
        g->default_mode = (vc_spice_mode)v;
        if (parse_spice_children(ctx, node, g) < 0)
            goto error;
    }
    /* autoport picks the ports when the guest starts: an inactive
     * definition keeps neither the port nor the TLS port (libvirt
     * 0.10.2).  Decided once autoport is known for good (a tlsPort of -1
     * sets it too), or a port kept here is dropped when read again. */
    if (g->autoport && (ctx->flags & VC_PARSE_INACTIVE))
        g->port = g->tls_port = 0;
    return g;

error:
    vc_graphics_def_free(g);
    return NULL;
}

/* Every listen, those of type 'none' too: the first one is the one the
 * builder uses, so leaving one out changes the address a round trip
 * gives (libvirt 0.10.2 leaves them out). */
static void format_listens(vc_buf *b, const vc_graphics_def *g, bool *open)
{
    for (size_t i = 0; i < g->nlistens; i++) {
        const vc_graphics_listen *l = &g->listens[i];
        if (!*open) {
            vc_buf_add(b, ">\n");
            *open = true;
        }
        vc_buf_addf(b, "      <listen type='%s'", vc_listen_type_to_string(l->type));
        vc_xml_attr(b, "address", l->address);
        vc_xml_attr(b, "network", l->network);
        vc_buf_add(b, "/>\n");
    }
}

static void format_spice_children(vc_buf *b, const vc_graphics_def *g, bool *open)
{
#define OPEN() do { if (!*open) { vc_buf_add(b, ">\n"); *open = true; } } while (0)
    for (int i = 0; i < VC_SPICE_CH_LAST; i++)
        if (g->channels[i]) {
            OPEN();
            vc_buf_addf(b, "      <channel name='%s' mode='%s'/>\n",
                        vc_spice_channel_to_string(i), vc_spice_mode_to_string(g->channels[i]));
        }
    if (g->image) {
        OPEN();
        vc_buf_addf(b, "      <image compression='%s'/>\n", vc_spice_image_to_string(g->image));
    }
    if (g->jpeg) {
        OPEN();
        vc_buf_addf(b, "      <jpeg compression='%s'/>\n", vc_spice_wan_to_string(g->jpeg));
    }
    if (g->zlib) {
        OPEN();
        vc_buf_addf(b, "      <zlib compression='%s'/>\n", vc_spice_wan_to_string(g->zlib));
    }
    if (g->playback) {
        OPEN();
        vc_buf_addf(b, "      <playback compression='%s'/>\n", vc_switch_to_string(g->playback));
    }
    if (g->streaming) {
        OPEN();
        vc_buf_addf(b, "      <streaming mode='%s'/>\n", vc_spice_streaming_to_string(g->streaming));
    }
    if (g->copypaste) {
        OPEN();
        vc_buf_addf(b, "      <clipboard copypaste='%s'/>\n", vc_yesno_to_string(g->copypaste));
    }
    if (g->mouse) {
        OPEN();
        vc_buf_addf(b, "      <mouse mode='%s'/>\n", vc_spice_mouse_to_string(g->mouse));
    }
#undef OPEN
}

void vc_graphics_format(vc_buf *b, const vc_graphics_def *g)
{
    const char *listen = g->nlistens && g->listens[0].type == VC_LISTEN_ADDRESS
                         ? g->listens[0].address : NULL;
    bool open = false;

    vc_buf_addf(b, "    <graphics type='%s'", vc_graphics_type_to_string(g->type));
    switch (g->type) {
    case VC_GRAPHICS_SDL:
    case VC_GRAPHICS_DESKTOP:
        vc_xml_attr(b, "display", g->display);
        vc_xml_attr(b, "xauth", g->xauth);
        if (g->fullscreen)
            vc_buf_add(b, " fullscreen='yes'");
        vc_buf_add(b, "/>\n");
        return;
    case VC_GRAPHICS_VNC:
        if (g->socket) {
            vc_xml_attr(b, "socket", g->socket);
        } else {
            if (g->port)
                vc_buf_addf(b, " port='%d'", g->port);
            else if (g->autoport)
                vc_buf_add(b, " port='-1'");
            vc_buf_addf(b, " autoport='%s'", g->autoport ? "yes" : "no");
            vc_xml_attr(b, "listen", listen);
        }
        vc_xml_attr(b, "keymap", g->keymap);
        if (g->share_policy)
            vc_buf_addf(b, " sharePolicy='%s'", vc_vnc_share_to_string(g->share_policy));
        break;
    case VC_GRAPHICS_RDP:
        if (g->port)
            vc_buf_addf(b, " port='%d'", g->port);
        else if (g->autoport)
            vc_buf_add(b, " port='0'");
        if (g->autoport)
            vc_buf_add(b, " autoport='yes'");
        if (g->replace_user)
            vc_buf_add(b, " replaceUser='yes'");
        if (g->multi_user)
            vc_buf_add(b, " multiUser='yes'");
        vc_xml_attr(b, "listen", listen);
        break;
    case VC_GRAPHICS_SPICE:
        if (g->port)
            vc_buf_addf(b, " port='%d'", g->port);
        if (g->tls_port)
            vc_buf_addf(b, " tlsPort='%d'", g->tls_port);
        vc_buf_addf(b, " autoport='%s'", g->autoport ? "yes" : "no");
        vc_xml_attr(b, "listen", listen);
        vc_xml_attr(b, "keymap", g->keymap);
        if (g->default_mode)
            vc_buf_addf(b, " defaultMode='%s'", vc_spice_mode_to_string(g->default_mode));
        break;
    default:
        break;
    }
    vc_xml_attr(b, "passwd", g->passwd);
    vc_xml_attr(b, "passwdValidTo", g->passwd_valid_to);
    if (g->connected)
        vc_buf_addf(b, " connected='%s'", vc_graphics_connected_to_string(g->connected));
    format_listens(b, g, &open);
    if (g->type == VC_GRAPHICS_SPICE)
        format_spice_children(b, g, &open);
    vc_buf_add(b, open ? "    </graphics>\n" : "/>\n");
}

/* Graphics imply a mouse (PS/2, or Xen's for paravirtual guests), which
 * libvirt writes just before them. */
void vc_graphics_all_format(vc_buf *b, const vc_domain_def *def)
{
    vc_input_def mouse;

    if (!def->ngraphics)
        return;
    memset(&mouse, 0, sizeof(mouse));
    mouse.type = VC_INPUT_MOUSE;
    mouse.bus = VC_STREQ(def->os.type, "hvm") ? VC_INPUT_BUS_PS2 : VC_INPUT_BUS_XEN;
    vc_input_format(b, &mouse);
    for (size_t i = 0; i < def->ngraphics; i++)
        vc_graphics_format(b, def->graphics[i]);
}
