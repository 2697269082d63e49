/* graphics.h: <graphics> devices (vnc, sdl, rdp, desktop, spice). */
#ifndef VC_CONF_GRAPHICS_H
#define VC_CONF_GRAPHICS_H

#include <stddef.h>

#include "conf/conf_types.h"

typedef enum { VC_GRAPHICS_SDL, VC_GRAPHICS_VNC, VC_GRAPHICS_RDP,
               VC_GRAPHICS_DESKTOP, VC_GRAPHICS_SPICE,
               VC_GRAPHICS_LAST } vc_graphics_type;
VC_ENUM_DECL(vc_graphics_type);

typedef enum { VC_LISTEN_NONE, VC_LISTEN_ADDRESS, VC_LISTEN_NETWORK,
               VC_LISTEN_LAST } vc_listen_type;
VC_ENUM_DECL(vc_listen_type);

typedef enum { VC_SPICE_CH_MAIN, VC_SPICE_CH_DISPLAY, VC_SPICE_CH_INPUTS,
               VC_SPICE_CH_CURSOR, VC_SPICE_CH_PLAYBACK, VC_SPICE_CH_RECORD,
               VC_SPICE_CH_SMARTCARD, VC_SPICE_CH_USBREDIR,
               VC_SPICE_CH_LAST } vc_spice_channel;
VC_ENUM_DECL(vc_spice_channel);

typedef enum { VC_SPICE_MODE_ANY, VC_SPICE_MODE_SECURE,
               VC_SPICE_MODE_INSECURE, VC_SPICE_MODE_LAST } vc_spice_mode;
VC_ENUM_DECL(vc_spice_mode);

typedef enum { VC_SPICE_IMAGE_DEFAULT, VC_SPICE_IMAGE_AUTO_GLZ,
               VC_SPICE_IMAGE_AUTO_LZ, VC_SPICE_IMAGE_QUIC, VC_SPICE_IMAGE_GLZ,
               VC_SPICE_IMAGE_LZ, VC_SPICE_IMAGE_OFF,
               VC_SPICE_IMAGE_LAST } vc_spice_image;
VC_ENUM_DECL(vc_spice_image);

/* jpeg and zlib compression */
typedef enum { VC_SPICE_WAN_DEFAULT, VC_SPICE_WAN_AUTO, VC_SPICE_WAN_NEVER,
               VC_SPICE_WAN_ALWAYS, VC_SPICE_WAN_LAST } vc_spice_wan;
VC_ENUM_DECL(vc_spice_wan);

typedef enum { VC_SPICE_STREAM_DEFAULT, VC_SPICE_STREAM_FILTER,
               VC_SPICE_STREAM_ALL, VC_SPICE_STREAM_OFF,
               VC_SPICE_STREAM_LAST } vc_spice_streaming;
VC_ENUM_DECL(vc_spice_streaming);

typedef enum { VC_SPICE_MOUSE_DEFAULT, VC_SPICE_MOUSE_SERVER,
               VC_SPICE_MOUSE_CLIENT, VC_SPICE_MOUSE_LAST } vc_spice_mouse;
VC_ENUM_DECL(vc_spice_mouse);

typedef enum { VC_VNC_SHARE_DEFAULT, VC_VNC_SHARE_ALLOW_EXCLUSIVE,
               VC_VNC_SHARE_FORCE_SHARED, VC_VNC_SHARE_IGNORE,
               VC_VNC_SHARE_LAST } vc_vnc_share;
VC_ENUM_DECL(vc_vnc_share);

typedef enum { VC_GRAPHICS_CONNECTED_DEFAULT, VC_GRAPHICS_CONNECTED_FAIL,
               VC_GRAPHICS_CONNECTED_DISCONNECT, VC_GRAPHICS_CONNECTED_KEEP,
               VC_GRAPHICS_CONNECTED_LAST } vc_graphics_connected;
VC_ENUM_DECL(vc_graphics_connected);

typedef struct vc_graphics_listen {
    vc_listen_type type;
    char *address;
    char *network;
    bool from_config;       /* address given in the XML (vs. resolved) */
} vc_graphics_listen;

typedef struct vc_graphics_def {
    vc_graphics_type type;

    /* vnc, rdp, spice */
    int port;               /* -1 = auto */
    bool autoport;
    int tls_port;           /* spice; -1 = auto */
    char *socket;           /* vnc */
    char *keymap;
    char *passwd;
    char *passwd_valid_to;  /* as given */
    vc_graphics_connected connected;
    vc_vnc_share share_policy;

    /* sdl, desktop */
    char *display;
    char *xauth;
    bool fullscreen;

    /* rdp */
    bool replace_user, multi_user;

    vc_graphics_listen *listens;
    size_t nlistens;

    /* spice */
    vc_spice_mode default_mode;
    vc_spice_mode channels[VC_SPICE_CH_LAST];   /* ANY = not given */
    vc_spice_image image;
    vc_spice_wan jpeg, zlib;
    vc_switch playback;
    vc_spice_streaming streaming;
    vc_yesno copypaste;
    vc_spice_mouse mouse;
} vc_graphics_def;

void vc_graphics_def_free(vc_graphics_def *g);

#endif
