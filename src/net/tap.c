/* tap.c: tap devices (libvirt's virnetdevtap.c, and seed 004's
 * IFF_VNET_HDR probe). */
#include "net/net_private.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <string.h>
#include <sys/ioctl.h>

#define TUN_PATH "/dev/net/tun"

bool vc_net_tap_probe_vnet_hdr(const vc_host_kernel *k, int fd)
{
    unsigned int features = 0;
    struct ifreq dummy;

    if (k->ioctl(k->opaque, fd, TUNGETFEATURES, &features) != 0) {
        vc_net_note(k, "Not enabling IFF_VNET_HDR; TUNGETFEATURES ioctl() not implemented");
        return false;
    }
    if (!(features & IFF_VNET_HDR)) {
        vc_net_note(k, "Not enabling IFF_VNET_HDR; TUNGETFEATURES ioctl() reports "
                    "no IFF_VNET_HDR");
        return false;
    }
    /* QEMU queries the flag with TUNGETIFF: a kernel that has it fails
     * with EBADFD on a descriptor not yet attached to a device */
    memset(&dummy, 0, sizeof(dummy));
    if (k->ioctl(k->opaque, fd, TUNGETIFF, &dummy) != -1 || errno != EBADFD) {
        vc_net_note(k, "Not enabling IFF_VNET_HDR; TUNGETIFF ioctl() not implemented");
        return false;
    }
    vc_net_note(k, "Enabling IFF_VNET_HDR");
    return true;
}

int vc_net_tap_create(const vc_host_kernel *k, const char *bridge, const char *ifname,
                      const unsigned char mac[VC_NET_MAC_LEN], bool vnet_hdr,
                      int *fd, char created[VC_NET_IFNAME_MAX], vc_error *err)
{
    const char *name = ifname ? ifname : "vnet%d";
    unsigned char tapmac[VC_NET_MAC_LEN];
    struct ifreq ifr;
    int tapfd;

    *fd = -1;
    if (strlen(name) >= sizeof(ifr.ifr_name))
        return vc_error_set(err, VC_EXIT_BUILD, "Tap device name '%s' is too long", name);
    if ((tapfd = k->open(k->opaque, TUN_PATH, O_RDWR)) < 0)
        return vc_net_syserr(err, errno, "Unable to open %s, is tun module loaded?",
                             TUN_PATH);
    memset(&ifr, 0, sizeof(ifr));
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    if (vnet_hdr && vc_net_tap_probe_vnet_hdr(k, tapfd))
        ifr.ifr_flags |= IFF_VNET_HDR;
    memcpy(ifr.ifr_name, name, strlen(name) + 1);
    if (k->ioctl(k->opaque, tapfd, TUNSETIFF, &ifr) < 0) {
        vc_net_syserr(err, errno, "Unable to create tap device %s", name);
        goto error;
    }
    memcpy(created, ifr.ifr_name, VC_NET_IFNAME_MAX);
    created[VC_NET_IFNAME_MAX - 1] = '\0';

    /* the bridge takes the lowest MAC of its ports: never the guest's */
    memcpy(tapmac, mac, sizeof(tapmac));
    tapmac[0] = 0xFE;
    if (vc_net_link_set_mac(k, created, tapmac, err) < 0 ||
        (bridge && vc_net_bridge_add_port(k, bridge, created, err) < 0) ||
        vc_net_link_set_up(k, created, err) < 0)
        goto error;
    *fd = tapfd;
    return 0;

error:
    /* not persistent: the device goes with its descriptor */
    k->close(k->opaque, tapfd);
    return -1;
}
