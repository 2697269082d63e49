/* build_net.c: network interfaces, in QEMU's three generations:
 *   -net nic,model=e1000,vlan=1   -net tap,vlan=1        (old)
 *   -device e1000,vlan=1          -net tap,vlan=1        (semi-new)
 *   -netdev tap,id=hostnet1       -device e1000,netdev=hostnet1 (best)
 * Interfaces of type network, bridge and direct get their host side
 * from src/net through the host's kernel: a tap on the bridge (or a
 * macvtap link) and, for virtio, vhost-net; QEMU is handed the
 * descriptors (fd=, vhostfd=). */
#include "qemu/build_private.h"
#include "conf/network.h"
#include "net/net.h"

#include <stdlib.h>
#include <string.h>

/* The descriptors an interface's host side holds (-1: none). */
typedef struct host_fds {
    int tap, vhost;
} host_fds;

static bool is_virtio(const vc_net_def *net)
{
    return net->model && VC_STREQ(net->model, "virtio");
}

/* Interfaces whose host side libvirt creates. */
static bool has_host_side(const vc_net_def *net)
{
    return net->type == VC_NET_TYPE_NETWORK || net->type == VC_NET_TYPE_BRIDGE ||
           net->type == VC_NET_TYPE_DIRECT;
}

static const vc_net_macvtap_mode macvtap_modes[VC_NET_DIRECT_LAST] = {
    [VC_NET_DIRECT_VEPA] = VC_NET_MACVTAP_VEPA,
    [VC_NET_DIRECT_PRIVATE] = VC_NET_MACVTAP_PRIVATE,
    [VC_NET_DIRECT_BRIDGE] = VC_NET_MACVTAP_BRIDGE,
    [VC_NET_DIRECT_PASSTHROUGH] = VC_NET_MACVTAP_PASSTHRU,
};

/* Where an interface's host side goes: a tap on @bridge, or a macvtap
 * link on @linkdev in @mode. */
typedef struct host_link {
    const char *bridge;
    const char *linkdev;
    vc_net_direct_mode mode;
} host_link;

/* The macvtap mode of each direct forward mode of a network. */
static const vc_net_direct_mode forward_direct[VC_NET_FORWARD_LAST] = {
    [VC_NET_FORWARD_BRIDGE] = VC_NET_DIRECT_BRIDGE,
    [VC_NET_FORWARD_PRIVATE] = VC_NET_DIRECT_PRIVATE,
    [VC_NET_FORWARD_VEPA] = VC_NET_DIRECT_VEPA,
    [VC_NET_FORWARD_PASSTHROUGH] = VC_NET_DIRECT_PASSTHROUGH,
};

/* The device of @nd's pool that the @nth of this domain's interfaces on
 * @nd gets (networkAllocateActualDevice): the least used one, or, where
 * a device is used exclusively (passthrough; private with 802.1Qbh),
 * one no other interface uses. */
static int pool_device(vc_build_ctx *ctx, const vc_network_def *nd, const vc_net_def *net,
                       size_t nth, const char **dev)
{
    bool exclusive = nd->forward == VC_NET_FORWARD_PASSTHROUGH ||
                     (nd->forward == VC_NET_FORWARD_PRIVATE && net->virtport &&
                      net->virtport->type == VC_VPORT_8021QBH);

    if (nd->nforward_devs == 0)
        return vc_build_error(ctx, "internal error network '%s' uses a direct mode, but "
                              "has no forward dev and no interface pool", nd->name);
    if (exclusive && nth >= nd->nforward_devs)
        return vc_build_error(ctx, "internal error network '%s' requires exclusive access "
                              "to interfaces, but none are available", nd->name);
    *dev = nd->forward_devs[nth % nd->nforward_devs];
    return 0;
}

/* How many of this domain's interfaces before @net are on network @nd:
 * they took their devices of its pool first. */
static size_t network_nth(const vc_build_ctx *ctx, const vc_net_def *net,
                          const vc_network_def *nd)
{
    size_t nth = 0;

    for (size_t i = 0; i < ctx->def->nnets && ctx->def->nets[i] != net; i++)
        if (ctx->def->nets[i]->type == VC_NET_TYPE_NETWORK &&
            vc_streq_null(ctx->def->nets[i]->network, nd->name))
            nth++;
    return nth;
}

int vc_build_net_hostdev(vc_build_ctx *ctx, const vc_net_def *net, const vc_pci_addr **pci)
{
    const vc_network_def *nd;
    size_t nth;

    if (net->type != VC_NET_TYPE_NETWORK ||
        !(nd = vc_host_network(ctx->host, net->network)) ||
        nd->forward != VC_NET_FORWARD_HOSTDEV)
        return 0;
    /* each device of the pool is one interface's alone */
    if ((nth = network_nth(ctx, net, nd)) >= nd->nforward_pci)
        return vc_build_error(ctx, "internal error network '%s' requires exclusive access "
                              "to interfaces, but none are available", nd->name);
    *pci = &nd->forward_pci[nth];
    return 1;
}

/* The host side of @net: type bridge and direct say it; type network
 * takes it from the network's forward mode: its bridge (none, nat,
 * route; bridge with a bridge name), or a macvtap link on a device of
 * its pool (bridge, private, vepa, passthrough). */
static int resolve_link(vc_build_ctx *ctx, const vc_net_def *net, host_link *l)
{
    const vc_network_def *nd;
    size_t nth = 0;

    l->bridge = net->bridge;
    l->linkdev = net->type == VC_NET_TYPE_DIRECT ? net->dev : NULL;
    l->mode = net->direct_mode;
    if (net->type != VC_NET_TYPE_NETWORK)
        return 0;
    if (!(nd = vc_host_network(ctx->host, net->network)))
        return vc_build_error(ctx, "Network not found: no network with matching "
                              "name '%s'", net->network);
    switch (nd->forward) {
    case VC_NET_FORWARD_BRIDGE: case VC_NET_FORWARD_PRIVATE: case VC_NET_FORWARD_VEPA:
    case VC_NET_FORWARD_PASSTHROUGH:
        if (nd->forward == VC_NET_FORWARD_BRIDGE && nd->bridge)
            break;
        nth = network_nth(ctx, net, nd);
        l->bridge = NULL;
        l->mode = forward_direct[nd->forward];
        return pool_device(ctx, nd, net, nth, &l->linkdev);
    default:
        break;
    }
    if (!nd->bridge)
        return vc_build_error(ctx, "internal error network '%s' does not have a "
                              "bridge name.", nd->name);
    l->bridge = nd->bridge;
    return 0;
}

/* The tap (on a bridge) or macvtap link of an interface, handed to
 * QEMU (qemuNetworkIfaceConnect, qemuPhysIfaceConnect).  IFF_VNET_HDR
 * is asked for a virtio NIC of a QEMU that can read it. */
static int connect_tap(vc_build_ctx *ctx, const vc_net_def *net, int *fd)
{
    const vc_host_kernel *k = ctx->host->kernel;
    bool vnet_hdr = VC_BUILD_HAS(ctx, VNET_HDR) && is_virtio(net);
    char name[VC_NET_IFNAME_MAX];
    host_link l;

    if (!k)
        return vc_build_error(ctx, "internal error host '%s' has no kernel to create "
                              "interface devices with", ctx->host->name);
    if (resolve_link(ctx, net, &l) < 0)
        return -1;
    if (l.linkdev) {
        if (vc_net_macvtap_create(k, l.linkdev, net->ifname, macvtap_modes[l.mode],
                                  net->mac, vnet_hdr, fd, name, ctx->err) < 0)
            return -1;
        /* a link outlives its descriptor: delete it if the build fails */
        vc_strlist_add(&ctx->macvtaps, name);
    } else if (vc_net_tap_create(k, l.bridge, net->ifname, net->mac, vnet_hdr, fd, name,
                                 ctx->err) < 0) {
        return -1;
    }
    vc_command_pass_fd(ctx->cmd, *fd, vc_net_close_fd, (void *)k);
    return 0;
}

/* vhost-net with libvirt 0.10.2's rules (qemuOpenVhostNet, seed 001):
 * <driver name='qemu'> never, a QEMU without vhost=/-netdev/-device or
 * a NIC other than virtio: not (an error when <driver name='vhost'>
 * asks for it), else it is opened if it can be. */
static int open_vhost(vc_build_ctx *ctx, const vc_net_def *net, int *fd)
{
    const vc_host_kernel *k = ctx->host->kernel;
    bool required = net->backend == VC_NET_BACKEND_VHOST;

    *fd = -1;
    if (net->backend == VC_NET_BACKEND_QEMU)
        return 0;
    if (!(VC_BUILD_HAS(ctx, VHOST_NET) && VC_BUILD_HAS(ctx, NETDEV) &&
          VC_BUILD_HAS(ctx, DEVICE)))
        return required ? vc_build_unsupported(ctx, "vhost-net is not supported with "
                                               "this QEMU binary") : 0;
    if (!is_virtio(net))
        return required ? vc_build_unsupported(ctx, "vhost-net is only supported for "
                                               "virtio network interfaces") : 0;
    if ((*fd = vc_net_vhost_open(k)) < 0) {
        if (required)
            return vc_build_unsupported(ctx, "vhost-net was requested for an interface, "
                                        "but is unavailable");
        return 0;
    }
    vc_command_pass_fd(ctx->cmd, *fd, vc_net_close_fd, (void *)k);
    return 0;
}


static bool use_netdev(vc_build_ctx *ctx)
{
    return VC_BUILD_HAS(ctx, NETDEV) && VC_BUILD_HAS(ctx, DEVICE);
}

static void add_mac(vc_props *p, const char *key, const unsigned char mac[VC_MAC_LEN])
{
    char s[18];
    vc_mac_format(mac, s);
    vc_props_add(p, key, s);
}

/* The host side: "user", "tap,fd=N", "tap,ifname=..,script=..",
 * "socket,listen=..", its vlan/name or id, and for taps vhost and the
 * send buffer (qemuBuildHostNetStr). */
static int host_net(vc_build_ctx *ctx, const vc_net_def *net, int vlan,
                    const host_fds *fds, vc_props *p)
{
    bool tap = false;

    if (net->script && net->type != VC_NET_TYPE_ETHERNET)
        return vc_build_unsupported(ctx, "scripts are not supported on interfaces of type %s",
                                    vc_net_type_to_string(net->type));
    switch (net->type) {
    case VC_NET_TYPE_NETWORK:
    case VC_NET_TYPE_BRIDGE:
    case VC_NET_TYPE_DIRECT:
        vc_props_value(p, "tap");
        vc_props_addf(p, "fd", "%d", fds->tap);
        tap = true;
        break;
    case VC_NET_TYPE_ETHERNET:
        vc_props_value(p, "tap");
        if (net->ifname)
            vc_props_add(p, "ifname", net->ifname);
        if (net->script)
            vc_props_add(p, "script", net->script);
        tap = true;
        break;
    case VC_NET_TYPE_CLIENT:
    case VC_NET_TYPE_SERVER:
    case VC_NET_TYPE_MCAST: {
        static const char *const keys[VC_NET_TYPE_LAST] = {
            [VC_NET_TYPE_CLIENT] = "connect", [VC_NET_TYPE_SERVER] = "listen",
            [VC_NET_TYPE_MCAST] = "mcast",
        };
        vc_props_value(p, "socket");
        vc_props_addf(p, keys[net->type], "%s:%u", net->address ? net->address : "",
                      net->port);
        break;
    }
    case VC_NET_TYPE_USER:
    case VC_NET_TYPE_INTERNAL:
        /* libvirt 0.10.2 gives a type it has no host side for (an
         * internal network is VirtualBox's) QEMU's user networking */
        vc_props_value(p, "user");
        break;
    default:
        return vc_build_unsupported(ctx, "interface type '%s' needs host networking, "
                                    "which is not supported yet",
                                    vc_net_type_to_string(net->type));
    }

    if (vlan >= 0) {
        vc_props_addf(p, "vlan", "%d", vlan);
        if (net->info.alias)
            vc_props_addf(p, "name", "host%s", net->info.alias);
    } else {
        vc_props_addf(p, "id", "host%s", net->info.alias);
    }
    if (tap && fds->vhost >= 0) {
        vc_props_add(p, "vhost", "on");
        vc_props_addf(p, "vhostfd", "%d", fds->vhost);
    }
    if (tap && net->has_sndbuf)
        vc_props_addf(p, "sndbuf", "%llu", net->sndbuf);
    return 0;
}

/* Legacy guest side: -net nic,macaddr=..,vlan=N[,model=M][,name=A] */
static void nic(const vc_net_def *net, int vlan, vc_props *p)
{
    vc_props_value(p, "nic");
    add_mac(p, "macaddr", net->mac);
    vc_props_addf(p, "vlan", "%d", vlan);
    if (net->model)
        vc_props_add(p, "model", net->model);
    if (net->info.alias)
        vc_props_add(p, "name", net->info.alias);
}

/* virtio-net's own knobs: tx algorithm, ioeventfd, event_idx. */
static int virtio_opts(vc_build_ctx *ctx, const vc_net_def *net, vc_props *p)
{
    static const char *const tx[VC_NET_TXMODE_LAST] = {
        [VC_NET_TXMODE_IOTHREAD] = "bh", [VC_NET_TXMODE_TIMER] = "timer",
    };

    if (net->txmode != VC_NET_TXMODE_DEFAULT) {
        if (!VC_BUILD_HAS(ctx, VIRTIO_TX_ALG))
            return vc_build_unsupported(ctx, "virtio-net-pci 'tx' option not "
                                        "supported in this QEMU binary");
        vc_props_add(p, "tx", tx[net->txmode]);
    }
    /* QEMU reports ioeventfd for virtio-blk only; it covers both */
    if (net->ioeventfd != VC_SWITCH_DEFAULT && VC_BUILD_HAS(ctx, VIRTIO_BLK_PCI_IOEVENTFD))
        vc_props_add(p, "ioeventfd", vc_switch_to_string(net->ioeventfd));
    if (net->event_idx != VC_SWITCH_DEFAULT && VC_BUILD_HAS(ctx, VIRTIO_NET_PCI_EVENT_IDX))
        vc_props_add(p, "event_idx", vc_switch_to_string(net->event_idx));
    /* RHEL's QEMU disables merged buffers on macvtap for migration to
     * older hosts when told the NIC is one (seed 002) */
    if (net->type == VC_NET_TYPE_DIRECT && VC_BUILD_HAS(ctx, VIRTIO_NET_MACVTAP_COMPAT))
        vc_props_add(p, "__com_redhat_macvtap_compat", "on");
    return 0;
}

/* Guest side as a device: model, options, vlan= or netdev=, id, mac,
 * address, rom, bootindex. */
static int nic_device(vc_build_ctx *ctx, const vc_net_def *net, int vlan,
                      unsigned bootindex, vc_props *p)
{
    bool virtio = net->model && VC_STREQ(net->model, "virtio");

    if (!net->model)
        vc_props_value(p, "rtl8139");
    else if (virtio)
        vc_props_value(p, net->info.addr.type == VC_ADDR_VIRTIO_S390 ? "virtio-net-s390"
                                                                     : "virtio-net-pci");
    else
        vc_props_value(p, net->model);

    if (virtio && virtio_opts(ctx, net, p) < 0)
        return -1;
    if (vlan == -1)
        vc_props_addf(p, "netdev", "host%s", net->info.alias);
    else
        vc_props_addf(p, "vlan", "%d", vlan);
    vc_props_add(p, "id", net->info.alias);
    add_mac(p, "mac", net->mac);
    if (vc_build_device_address(ctx, p, &net->info) < 0 ||
        vc_build_rom(ctx, p, &net->info) < 0)
        return -1;
    if (bootindex && VC_BUILD_HAS(ctx, BOOT_INDEX))
        vc_props_addf(p, "bootindex", "%u", bootindex);
    return 0;
}

/* Vlan tags only where the connection tags transparently: an SR-IOV
 * device given to the guest, or an Open vSwitch bridge (libvirt
 * 0.10.2's check when it allocates an interface's connection). */
static int check_vlan(vc_build_ctx *ctx, const vc_net_def *net)
{
    const vc_network_def *nd = NULL;
    bool bridge = net->type == VC_NET_TYPE_BRIDGE;
    const vc_pci_addr *pci;
    int rc;

    if (!net->nvlan_tags || net->type == VC_NET_TYPE_HOSTDEV)
        return 0;
    if (net->type == VC_NET_TYPE_NETWORK) {
        if ((rc = vc_build_net_hostdev(ctx, net, &pci)) != 0)
            return rc < 0 ? -1 : 0;
        /* an unknown network is reported when it is connected */
        if (!(nd = vc_host_network(ctx->host, net->network)))
            return 0;
        bridge = nd->forward == VC_NET_FORWARD_BRIDGE && nd->bridge;
    }
    if (bridge && net->virtport && net->virtport->type == VC_VPORT_OPENVSWITCH)
        return 0;
    if (nd)
        return vc_build_unsupported(ctx, "an interface connecting to network '%s' is "
                                    "requesting a vlan tag, but that is not supported "
                                    "for this type of network", nd->name);
    return vc_build_unsupported(ctx, "an interface of type '%s' is requesting a vlan tag, "
                                "but that is not supported for this type of connection",
                                vc_net_type_to_string(net->type));
}

static int build_interface(vc_build_ctx *ctx, const vc_net_def *net, int vlan,
                           unsigned bootindex)
{
    vc_props host = VC_PROPS_INIT, guest = VC_PROPS_INIT;
    host_fds fds = { -1, -1 };
    int ret = -1;

    const vc_pci_addr *pci;
    int rc;

    if (check_vlan(ctx, net) < 0)
        return -1;
    /* a hostdev interface, or one of a network that hands out host
     * devices, is a PCI passthrough device, built there */
    if (net->type == VC_NET_TYPE_HOSTDEV)
        return 0;
    if ((rc = vc_build_net_hostdev(ctx, net, &pci)) != 0)
        return rc < 0 ? -1 : 0;
    if (has_host_side(net) &&
        (connect_tap(ctx, net, &fds.tap) < 0 || open_vhost(ctx, net, &fds.vhost) < 0))
        return -1;
    if (host_net(ctx, net, vlan, &fds, &host) < 0)
        goto cleanup;
    if (use_netdev(ctx) && vc_build_opt(ctx, VC_QOPT_NETDEV, &host) < 0)
        goto cleanup;
    if (VC_BUILD_HAS(ctx, DEVICE)) {
        if (nic_device(ctx, net, vlan, bootindex, &guest) < 0 ||
            vc_build_opt(ctx, VC_QOPT_DEVICE, &guest) < 0)
            goto cleanup;
    } else {
        nic(net, vlan, &guest);
        if (vc_build_opt(ctx, VC_QOPT_NET, &guest) < 0)
            goto cleanup;
    }
    if (host.n && vc_build_opt(ctx, VC_QOPT_NET, &host) < 0)
        goto cleanup;
    ret = 0;
cleanup:
    vc_props_free(&host);
    vc_props_free(&guest);
    return ret;
}

int vc_build_net_args(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    unsigned boot_net = ctx->boot_net;

    if (def->nnets == 0) {
        /* -nodefaults already dropped QEMU's default NIC */
        vc_props none = VC_PROPS_INIT;
        if (VC_BUILD_HAS(ctx, DEVICE))
            return 0;
        vc_props_value(&none, "none");
        return vc_build_opt(ctx, VC_QOPT_NET, &none);
    }
    for (size_t i = 0; i < def->nnets; i++) {
        /* -netdev needs no vlans */
        int vlan = use_netdev(ctx) ? -1 : (int)i;
        /* <boot dev='network'/> goes to the first NIC when bootindex
         * replaces -boot */
        unsigned bootindex = boot_net ? boot_net : def->nets[i]->info.boot_index;

        boot_net = 0;
        if (build_interface(ctx, def->nets[i], vlan, bootindex) < 0)
            return -1;
    }
    ctx->boot_net = 0;
    return 0;
}
