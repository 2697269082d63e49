/* net.h: <interface> devices. */
#ifndef VC_CONF_NET_H
#define VC_CONF_NET_H

#include <stddef.h>

#include "conf/device_info.h"

typedef enum { VC_NET_TYPE_USER, VC_NET_TYPE_ETHERNET, VC_NET_TYPE_SERVER,
               VC_NET_TYPE_CLIENT, VC_NET_TYPE_MCAST, VC_NET_TYPE_NETWORK,
               VC_NET_TYPE_BRIDGE, VC_NET_TYPE_INTERNAL, VC_NET_TYPE_DIRECT,
               VC_NET_TYPE_HOSTDEV, VC_NET_TYPE_LAST } vc_net_type;
VC_ENUM_DECL(vc_net_type);

/* <driver name=>: the virtio backend. */
typedef enum { VC_NET_BACKEND_DEFAULT, VC_NET_BACKEND_QEMU,
               VC_NET_BACKEND_VHOST, VC_NET_BACKEND_LAST } vc_net_backend;
VC_ENUM_DECL(vc_net_backend);

/* <driver txmode=>: iothread maps to qemu tx=bh, timer to tx=timer. */
typedef enum { VC_NET_TXMODE_DEFAULT, VC_NET_TXMODE_IOTHREAD,
               VC_NET_TXMODE_TIMER, VC_NET_TXMODE_LAST } vc_net_txmode;
VC_ENUM_DECL(vc_net_txmode);

/* <source mode=> of type='direct' (macvtap). */
typedef enum { VC_NET_DIRECT_VEPA, VC_NET_DIRECT_PRIVATE,
               VC_NET_DIRECT_BRIDGE, VC_NET_DIRECT_PASSTHROUGH,
               VC_NET_DIRECT_LAST } vc_net_direct_mode;
VC_ENUM_DECL(vc_net_direct_mode);

typedef enum { VC_VPORT_NONE, VC_VPORT_8021QBG, VC_VPORT_8021QBH,
               VC_VPORT_OPENVSWITCH, VC_VPORT_LAST } vc_vport_type;
VC_ENUM_DECL(vc_vport_type);

typedef enum { VC_NET_LINK_DEFAULT, VC_NET_LINK_UP, VC_NET_LINK_DOWN,
               VC_NET_LINK_LAST } vc_net_link;
VC_ENUM_DECL(vc_net_link);

typedef struct vc_virtport {
    vc_vport_type type;
    bool has_managerid, has_typeid, has_typeidversion, has_instanceid;
    unsigned managerid, typeid, typeidversion;
    unsigned char instanceid[VC_UUID_LEN];
    bool has_interfaceid;
    unsigned char interfaceid[VC_UUID_LEN];
    char *profileid;
} vc_virtport;

typedef struct vc_bw_rate {
    bool set;
    unsigned long long average, peak, burst;   /* 0 = unset (peak, burst) */
} vc_bw_rate;

typedef struct vc_bandwidth {
    vc_bw_rate in, out;
} vc_bandwidth;

typedef struct vc_filter_param {
    char *name, *value;
} vc_filter_param;

typedef struct vc_net_def {
    vc_net_type type;
    unsigned char mac[VC_MAC_LEN];

    char *model;                 /* "virtio", "e1000", ... (NULL = default) */
    vc_net_backend backend;      /* <driver name=> */
    vc_net_txmode txmode;        /* <driver txmode=> */
    vc_switch ioeventfd;         /* <driver ioeventfd=> */
    vc_switch event_idx;         /* <driver event_idx=> */

    /* <source> by type */
    char *network;               /* network: network name */
    char *portgroup;             /* network: portgroup */
    char *bridge;                /* bridge: bridge name */
    char *dev;                   /* ethernet: <source dev>, direct: linkdev */
    vc_net_direct_mode direct_mode;
    char *address;               /* server/client/mcast: address; ethernet: <ip> */
    unsigned port;               /* server/client/mcast */
    bool has_port;
    char *internal_name;         /* internal: <source name> */
    vc_device_addr hostdev_addr; /* hostdev: PCI source address */
    bool hostdev_managed;

    char *script;                /* <script path> */
    char *ifname;                /* <target dev> */
    vc_virtport *virtport;
    vc_bandwidth *bandwidth;
    unsigned *vlan_tags;         /* <vlan><tag id=/> */
    size_t nvlan_tags;
    bool vlan_trunk;
    char *filter;                /* <filterref filter=> */
    vc_filter_param *filter_params;
    size_t nfilter_params;
    vc_net_link link;
    bool has_sndbuf;             /* <tune><sndbuf> */
    unsigned long long sndbuf;

    vc_device_info info;         /* boot order, rom, alias, address */
} vc_net_def;

void vc_net_def_free(vc_net_def *n);

#endif
