/* build_net.c: network interfaces, in QEMU's three generations:
 *   -net nic,model=e1000,vlan=1   -net tap,vlan=1        (old)
 *   -device e1000,vlan=1          -net tap,vlan=1        (semi-new)
 *   -netdev tap,id=hostnet1       -device e1000,netdev=hostnet1 (best)
 * Interfaces that need the host's networking (tap devices opened by
 * libvirt for network/bridge/direct) are rejected until that lands. */
#include "qemu/build_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

static bool use_netdev(vc_build_ctx *ctx)
{
    return VC_BUILD_HAS(ctx, NETDEV) && VC_BUILD_HAS(ctx, DEVICE);
}

static void add_mac(vc_buf *b, const char *key, const unsigned char mac[VC_MAC_LEN])
{
    char s[18];
    vc_mac_format(mac, s);
    vc_buf_addf(b, "%s%s", key, s);
}

/* The host side: "user", "tap,ifname=..,script=..", "socket,listen=.."
 * and its vlan/name or id.  @sep follows the type name. */
static int host_net_str(vc_build_ctx *ctx, const vc_net_def *net, int vlan,
                        char **out)
{
    vc_buf b = VC_BUF_INIT;
    char sep = ',';

    if (net->script && net->type != VC_NET_TYPE_ETHERNET)
        return vc_build_unsupported(ctx, "scripts are not supported on interfaces of type %s",
                                    vc_net_type_to_string(net->type));
    switch (net->type) {
    case VC_NET_TYPE_ETHERNET:
        vc_buf_add(&b, "tap");
        if (net->ifname) {
            vc_buf_addf(&b, "%cifname=%s", sep, net->ifname);
            sep = ',';
        }
        if (net->script) {
            vc_buf_addf(&b, "%cscript=%s", sep, net->script);
            sep = ',';
        }
        break;
    case VC_NET_TYPE_CLIENT:
    case VC_NET_TYPE_SERVER:
    case VC_NET_TYPE_MCAST: {
        static const char *const keys[VC_NET_TYPE_LAST] = {
            [VC_NET_TYPE_CLIENT] = "connect", [VC_NET_TYPE_SERVER] = "listen",
            [VC_NET_TYPE_MCAST] = "mcast",
        };
        vc_buf_addf(&b, "socket%c%s=%s:%u", sep, keys[net->type],
                    net->address ? net->address : "", net->port);
        sep = ',';
        break;
    }
    case VC_NET_TYPE_USER:
        vc_buf_add(&b, "user");
        break;
    default:
        vc_buf_free(&b);
        return vc_build_unsupported(ctx, "interface type '%s' needs host networking, "
                                    "which is not supported yet",
                                    vc_net_type_to_string(net->type));
    }

    if (vlan >= 0) {
        vc_buf_addf(&b, "%cvlan=%d", sep, vlan);
        if (net->info.alias)
            vc_buf_addf(&b, ",name=host%s", net->info.alias);
    } else {
        vc_buf_addf(&b, "%cid=host%s", sep, net->info.alias);
    }
    *out = vc_buf_steal(&b);
    return 0;
}

/* Legacy guest side: -net nic,macaddr=..,vlan=N[,model=M][,name=A] */
static char *nic_str(const vc_net_def *net, int vlan)
{
    vc_buf b = VC_BUF_INIT;

    vc_buf_add(&b, "nic,");
    add_mac(&b, "macaddr=", net->mac);
    vc_buf_addf(&b, ",vlan=%d", vlan);
    if (net->model)
        vc_buf_addf(&b, ",model=%s", net->model);
    if (net->info.alias)
        vc_buf_addf(&b, ",name=%s", net->info.alias);
    return vc_buf_steal(&b);
}

/* virtio-net's own knobs: tx algorithm, ioeventfd, event_idx. */
static int virtio_opts(vc_build_ctx *ctx, const vc_net_def *net, vc_buf *b)
{
    static const char *const tx[VC_NET_TXMODE_LAST] = {
        [VC_NET_TXMODE_IOTHREAD] = "bh", [VC_NET_TXMODE_TIMER] = "timer",
    };

    if (net->txmode != VC_NET_TXMODE_DEFAULT) {
        if (!VC_BUILD_HAS(ctx, VIRTIO_TX_ALG))
            return vc_build_unsupported(ctx, "virtio-net-pci 'tx' option not "
                                        "supported in this QEMU binary");
        vc_buf_addf(b, ",tx=%s", tx[net->txmode]);
    }
    /* QEMU reports ioeventfd for virtio-blk only; it covers both */
    if (net->ioeventfd != VC_SWITCH_DEFAULT && VC_BUILD_HAS(ctx, VIRTIO_BLK_PCI_IOEVENTFD))
        vc_buf_addf(b, ",ioeventfd=%s", vc_switch_to_string(net->ioeventfd));
    if (net->event_idx != VC_SWITCH_DEFAULT && VC_BUILD_HAS(ctx, VIRTIO_NET_PCI_EVENT_IDX))
        vc_buf_addf(b, ",event_idx=%s", vc_switch_to_string(net->event_idx));
    return 0;
}

/* Guest side as a device: model, options, vlan= or netdev=, id, mac,
 * address, rom, bootindex. */
static int nic_dev_str(vc_build_ctx *ctx, const vc_net_def *net, int vlan,
                       unsigned bootindex, char **out)
{
    vc_buf b = VC_BUF_INIT;
    bool virtio = net->model && VC_STREQ(net->model, "virtio");

    if (!net->model)
        vc_buf_add(&b, "rtl8139");
    else if (virtio)
        vc_buf_add(&b, net->info.addr.type == VC_ADDR_VIRTIO_S390 ? "virtio-net-s390"
                                                                   : "virtio-net-pci");
    else
        vc_buf_add(&b, net->model);

    if (virtio && virtio_opts(ctx, net, &b) < 0)
        goto error;
    if (vlan == -1)
        vc_buf_addf(&b, ",netdev=host%s", net->info.alias);
    else
        vc_buf_addf(&b, ",vlan=%d", vlan);
    vc_buf_addf(&b, ",id=%s", net->info.alias);
    add_mac(&b, ",mac=", net->mac);
    if (vc_build_device_address(ctx, &b, &net->info) < 0 ||
        vc_build_rom_str(ctx, &b, &net->info) < 0)
        goto error;
    if (bootindex && VC_BUILD_HAS(ctx, BOOT_INDEX))
        vc_buf_addf(&b, ",bootindex=%u", bootindex);
    *out = vc_buf_steal(&b);
    return 0;

error:
    vc_buf_free(&b);
    return -1;
}

static int build_interface(vc_build_ctx *ctx, const vc_net_def *net, int vlan,
                           unsigned bootindex)
{
    char *host = NULL, *nic = NULL;

    /* a hostdev interface is a PCI passthrough device, built there */
    if (net->type == VC_NET_TYPE_HOSTDEV)
        return 0;
    if (host_net_str(ctx, net, vlan, &host) < 0)
        return -1;
    if (use_netdev(ctx)) {
        vc_command_add_arg(ctx->cmd, "-netdev");
        vc_command_take_arg(ctx->cmd, host);
        host = NULL;
    }
    if (VC_BUILD_HAS(ctx, DEVICE)) {
        if (nic_dev_str(ctx, net, vlan, bootindex, &nic) < 0) {
            free(host);
            return -1;
        }
        vc_command_add_arg(ctx->cmd, "-device");
    } else {
        nic = nic_str(net, vlan);
        vc_command_add_arg(ctx->cmd, "-net");
    }
    vc_command_take_arg(ctx->cmd, nic);
    if (host) {
        vc_command_add_arg(ctx->cmd, "-net");
        vc_command_take_arg(ctx->cmd, host);
    }
    return 0;
}

int vc_build_net_args(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    unsigned boot_net = ctx->boot_net;

    if (def->nnets == 0) {
        /* -nodefaults already dropped QEMU's default NIC */
        if (!VC_BUILD_HAS(ctx, DEVICE))
            vc_command_add_arg_pair(ctx->cmd, "-net", "none");
        return 0;
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
