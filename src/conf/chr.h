/* chr.h: character devices: <serial>, <parallel>, <console>, <channel>
 * (and the source part shared with smartcard/redirdev passthrough). */
#ifndef VC_CONF_CHR_H
#define VC_CONF_CHR_H

#include "conf/device_info.h"

typedef enum { VC_CHR_DEVICE_PARALLEL, VC_CHR_DEVICE_SERIAL,
               VC_CHR_DEVICE_CONSOLE, VC_CHR_DEVICE_CHANNEL,
               VC_CHR_DEVICE_LAST } vc_chr_device;
VC_ENUM_DECL(vc_chr_device);   /* element names */

typedef enum { VC_CHR_NULL, VC_CHR_VC, VC_CHR_PTY, VC_CHR_DEV, VC_CHR_FILE,
               VC_CHR_PIPE, VC_CHR_STDIO, VC_CHR_UDP, VC_CHR_TCP,
               VC_CHR_UNIX, VC_CHR_SPICEVMC, VC_CHR_LAST } vc_chr_type;
VC_ENUM_DECL(vc_chr_type);

typedef enum { VC_CHR_TCP_RAW, VC_CHR_TCP_TELNET, VC_CHR_TCP_TELNETS,
               VC_CHR_TCP_TLS, VC_CHR_TCP_LAST } vc_chr_tcp_protocol;
VC_ENUM_DECL(vc_chr_tcp_protocol);

typedef enum { VC_CHR_CHANNEL_NONE, VC_CHR_CHANNEL_GUESTFWD,
               VC_CHR_CHANNEL_VIRTIO, VC_CHR_CHANNEL_LAST } vc_chr_channel_target;
VC_ENUM_DECL(vc_chr_channel_target);

typedef enum { VC_CHR_CONSOLE_NONE, VC_CHR_CONSOLE_SERIAL, VC_CHR_CONSOLE_XEN,
               VC_CHR_CONSOLE_UML, VC_CHR_CONSOLE_VIRTIO, VC_CHR_CONSOLE_LXC,
               VC_CHR_CONSOLE_OPENVZ, VC_CHR_CONSOLE_LAST } vc_chr_console_target;
VC_ENUM_DECL(vc_chr_console_target);

/* Where the host side of a character device goes. */
typedef struct vc_chr_source {
    vc_chr_type type;
    char *path;             /* pty (live), dev, file, pipe, unix */
    /* tcp: host/service, listen = mode='bind'; unix: listen */
    char *host, *service;
    bool listen;
    vc_chr_tcp_protocol protocol;
    /* udp */
    char *bind_host, *bind_service;
    char *connect_host, *connect_service;
} vc_chr_source;

/* The largest serial, parallel or console port number (an int). */
#define VC_CHR_PORT_MAX 0x7fffffff

typedef struct vc_chr_def {
    vc_chr_device device;
    vc_chr_source source;
    /* target: the meaning of target_type depends on device */
    int target_type;        /* vc_chr_channel_target / vc_chr_console_target */
    int target_port;        /* serial/parallel/console port; -1 unset */
    char *target_name;      /* virtio channel name */
    char *guestfwd_addr;    /* guestfwd channel address */
    unsigned guestfwd_port;
    vc_device_info info;
} vc_chr_def;

void vc_chr_source_clear(vc_chr_source *s);
void vc_chr_def_free(vc_chr_def *c);

#endif
