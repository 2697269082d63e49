/* network.h: the virtual networks a host defines (libvirt's network XML,
 * as far as a guest's <interface type='network'> needs it: the name,
 * the bridge its guests' taps join, and the forward mode with the pool
 * of host interfaces its macvtap modes use). */
#ifndef VC_CONF_NETWORK_H
#define VC_CONF_NETWORK_H

#include <stddef.h>

#include "conf/device_info.h"
#include "conf/host.h"
#include "util/enum.h"
#include "util/error.h"
#include "util/strutil.h"

/* <forward mode=>: none is an isolated network (no <forward>) */
typedef enum { VC_NET_FORWARD_NONE, VC_NET_FORWARD_NAT, VC_NET_FORWARD_ROUTE,
               VC_NET_FORWARD_BRIDGE, VC_NET_FORWARD_PRIVATE, VC_NET_FORWARD_VEPA,
               VC_NET_FORWARD_PASSTHROUGH, VC_NET_FORWARD_HOSTDEV,
               VC_NET_FORWARD_LAST } vc_net_forward;
VC_ENUM_DECL(vc_net_forward);

typedef struct vc_network_def {
    const char *name;
    const char *bridge;         /* NULL: the network has none */
    vc_net_forward forward;
    const char **forward_devs;  /* the pool of a direct mode, in order */
    size_t nforward_devs;
    vc_pci_addr *forward_pci;   /* the pool of mode hostdev: PCI devices */
    size_t nforward_pci;
    bool managed;               /* <forward managed='yes'> (hostdev) */
} vc_network_def;

struct vc_host_networks {
    const vc_network_def *defs;
    size_t n;
    /* storage of networks read from files */
    vc_network_def *owned;
    size_t cap;
    vc_strlist strings;
};
typedef struct vc_host_networks vc_host_networks;

#define VC_HOST_NETWORKS_INIT { NULL, 0, NULL, 0, { NULL, 0, 0 } }

/* Read every DIR/NAME.xml (a <network> whose <name> is NAME).  Errors
 * name the file (VC_EXIT_INPUT); nothing is kept then. */
int vc_networks_load_dir(vc_host_networks *nets, const char *dir, vc_error *err);
void vc_networks_free(vc_host_networks *nets);

/* The host's network of that name, NULL when it has none. */
const vc_network_def *vc_host_network(const vc_host *host, const char *name);

#endif
