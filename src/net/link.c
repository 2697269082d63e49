/* link.c: a link's MAC, state and index, and bridge ports, through the
 * ioctl socket of net/if.h (libvirt's virnetdev.c, virnetdevbridge.c). */
#include "net/net_private.h"

#include <errno.h>
#include <linux/sockios.h>
#include <string.h>
#include <sys/socket.h>

int vc_net_control_socket(const vc_host_kernel *k, const char *ifname,
                          struct ifreq *ifr, vc_error *err)
{
    int fd;

    memset(ifr, 0, sizeof(*ifr));
    if (strlen(ifname) >= sizeof(ifr->ifr_name))
        return vc_error_set(err, VC_EXIT_BUILD, "Network interface name '%s' is too long",
                            ifname);
    memcpy(ifr->ifr_name, ifname, strlen(ifname) + 1);
    if ((fd = k->socket(k->opaque, AF_PACKET, SOCK_DGRAM, 0)) < 0)
        return vc_net_syserr(err, errno, "Cannot open network interface control socket");
    return fd;
}

int vc_net_link_set_mac(const vc_host_kernel *k, const char *ifname,
                        const unsigned char mac[VC_NET_MAC_LEN], vc_error *err)
{
    struct ifreq ifr;
    int fd, ret = -1;

    if ((fd = vc_net_control_socket(k, ifname, &ifr, err)) < 0)
        return -1;
    /* the hardware type comes from the link as it is */
    if (k->ioctl(k->opaque, fd, SIOCGIFHWADDR, &ifr) < 0) {
        vc_net_syserr(err, errno, "Cannot get interface MAC on '%s'", ifname);
        goto cleanup;
    }
    memcpy(ifr.ifr_hwaddr.sa_data, mac, VC_NET_MAC_LEN);
    if (k->ioctl(k->opaque, fd, SIOCSIFHWADDR, &ifr) < 0) {
        vc_net_syserr(err, errno, "Cannot set interface MAC on '%s'", ifname);
        goto cleanup;
    }
    ret = 0;
cleanup:
    k->close(k->opaque, fd);
    return ret;
}

int vc_net_link_set_up(const vc_host_kernel *k, const char *ifname, vc_error *err)
{
    struct ifreq ifr;
    int fd, ret = -1;

    if ((fd = vc_net_control_socket(k, ifname, &ifr, err)) < 0)
        return -1;
    if (k->ioctl(k->opaque, fd, SIOCGIFFLAGS, &ifr) < 0) {
        vc_net_syserr(err, errno, "Cannot get interface flags on '%s'", ifname);
        goto cleanup;
    }
    if (!(ifr.ifr_flags & IFF_UP)) {
        ifr.ifr_flags |= IFF_UP;
        if (k->ioctl(k->opaque, fd, SIOCSIFFLAGS, &ifr) < 0) {
            vc_net_syserr(err, errno, "Cannot set interface flags on '%s'", ifname);
            goto cleanup;
        }
    }
    ret = 0;
cleanup:
    k->close(k->opaque, fd);
    return ret;
}

int vc_net_link_index(const vc_host_kernel *k, const char *ifname, vc_error *err)
{
    struct ifreq ifr;
    int fd, ret = -1;

    if ((fd = vc_net_control_socket(k, ifname, &ifr, err)) < 0)
        return -1;
    if (k->ioctl(k->opaque, fd, SIOCGIFINDEX, &ifr) < 0)
        vc_net_syserr(err, errno, "Unable to get index for interface %s", ifname);
    else
        ret = ifr.ifr_ifindex;
    k->close(k->opaque, fd);
    return ret;
}

bool vc_net_link_exists(const vc_host_kernel *k, const char *ifname)
{
    struct ifreq ifr;
    int fd;
    bool exists;

    if ((fd = vc_net_control_socket(k, ifname, &ifr, NULL)) < 0)
        return false;
    exists = k->ioctl(k->opaque, fd, SIOCGIFFLAGS, &ifr) == 0 || errno != ENODEV;
    k->close(k->opaque, fd);
    return exists;
}

int vc_net_bridge_add_port(const vc_host_kernel *k, const char *bridge,
                           const char *ifname, vc_error *err)
{
    struct ifreq ifr;
    int fd, ret = -1, index;

    if ((index = vc_net_link_index(k, ifname, err)) < 0)
        return -1;
    if ((fd = vc_net_control_socket(k, bridge, &ifr, err)) < 0)
        return -1;
    ifr.ifr_ifindex = index;
    if (k->ioctl(k->opaque, fd, SIOCBRADDIF, &ifr) < 0)
        vc_net_syserr(err, errno, "Unable to add bridge %s port %s", bridge, ifname);
    else
        ret = 0;
    k->close(k->opaque, fd);
    return ret;
}
