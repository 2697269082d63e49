/* net.h: the host side of a guest NIC: tap devices on a bridge (with
 * IFF_VNET_HDR when it is safe), vhost-net, and macvtap links.
 *
 * Everything here reaches the kernel through a vc_host_kernel: the real
 * one (vc_net_real_kernel) or the fake one of mock/.  The seam is at the
 * system call -- open, ioctl, close, socket and netlink messages -- so
 * every path of the real code runs against the fake kernel.
 *
 * Every function either succeeds and hands its caller the descriptors
 * and links it made, or fails, closes what it opened and deletes what
 * it created, with @err set (VC_EXIT_BUILD, libvirt's message).
 */
#ifndef VC_NET_NET_H
#define VC_NET_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "util/error.h"

/* The kernel as the real code sees it.  Each call returns what the
 * system call would and sets errno the same way. */
typedef struct vc_host_kernel {
    int (*open)(void *opaque, const char *path, int flags);
    int (*close)(void *opaque, int fd);
    int (*ioctl)(void *opaque, int fd, unsigned long request, void *arg);
    int (*socket)(void *opaque, int domain, int type, int protocol);
    /* netlink: one message to the kernel, one datagram back */
    ssize_t (*nl_send)(void *opaque, int fd, const void *buf, size_t len);
    ssize_t (*nl_recv)(void *opaque, int fd, void *buf, size_t len);
    /* a decision the code took and why (libvirt's VIR_INFO) */
    void (*note)(void *opaque, const char *msg);
    void *opaque;
} vc_host_kernel;

/* The running kernel, through libc. */
const vc_host_kernel *vc_net_real_kernel(void);

/* Close @fd through the kernel @k (a vc_host_kernel *), as a descriptor
 * closer for vc_command_pass_fd. */
void vc_net_close_fd(void *k, int fd);

#define VC_NET_MAC_LEN 6
#define VC_NET_IFNAME_MAX 16    /* IFNAMSIZ */

/* --- tap (tap.c) --- */

/* libvirt's virNetDevProbeVnetHdr (seed 004): true when TUNGETFEATURES
 * lists IFF_VNET_HDR and TUNGETIFF on the still unattached @fd fails
 * with EBADFD; the reason either way goes to the kernel's note. */
bool vc_net_tap_probe_vnet_hdr(const vc_host_kernel *k, int fd);

/* A tap device: /dev/net/tun, TUNSETIFF with IFF_TAP|IFF_NO_PI (and
 * IFF_VNET_HDR when @vnet_hdr asks and the probe allows), named @ifname
 * or the template "vnet%d"; its MAC is @mac with the first byte 0xFE (so
 * the bridge never takes the guest's address), it joins @bridge (when
 * not NULL) and is brought up.  The device lives as long as *@fd.
 * The created name goes to @created (VC_NET_IFNAME_MAX bytes). */
int vc_net_tap_create(const vc_host_kernel *k, const char *bridge, const char *ifname,
                      const unsigned char mac[VC_NET_MAC_LEN], bool vnet_hdr,
                      int *fd, char created[VC_NET_IFNAME_MAX], vc_error *err);

/* --- vhost-net (vhost.c) --- */

/* Open /dev/vhost-net: the descriptor, or -1 with errno set. */
int vc_net_vhost_open(const vc_host_kernel *k);

/* --- links (link.c): the ioctl socket of net/if.h --- */

int vc_net_link_set_mac(const vc_host_kernel *k, const char *ifname,
                        const unsigned char mac[VC_NET_MAC_LEN], vc_error *err);
int vc_net_link_set_up(const vc_host_kernel *k, const char *ifname, vc_error *err);
/* The ifindex, or -1 with @err set. */
int vc_net_link_index(const vc_host_kernel *k, const char *ifname, vc_error *err);
/* Does a link of that name exist? (SIOCGIFFLAGS: ENODEV means no) */
bool vc_net_link_exists(const vc_host_kernel *k, const char *ifname);
int vc_net_bridge_add_port(const vc_host_kernel *k, const char *bridge,
                           const char *ifname, vc_error *err);

/* --- macvtap (macvtap.c) --- */

typedef enum vc_net_macvtap_mode {
    VC_NET_MACVTAP_VEPA, VC_NET_MACVTAP_PRIVATE, VC_NET_MACVTAP_BRIDGE,
    VC_NET_MACVTAP_PASSTHRU, VC_NET_MACVTAP_LAST
} vc_net_macvtap_mode;

/* A macvtap link on @linkdev (RTM_NEWLINK, kind "macvtap", @mode, @mac,
 * the first free name of "macvtap%d" or @ifname), brought up, and its
 * /dev/tapN opened with IFF_VNET_HDR set or cleared as @vnet_hdr asks.
 * The link outlives *@fd: vc_net_macvtap_delete removes it. */
int vc_net_macvtap_create(const vc_host_kernel *k, const char *linkdev,
                          const char *ifname, vc_net_macvtap_mode mode,
                          const unsigned char mac[VC_NET_MAC_LEN], bool vnet_hdr,
                          int *fd, char created[VC_NET_IFNAME_MAX], vc_error *err);

/* RTM_DELLINK. */
int vc_net_link_delete(const vc_host_kernel *k, const char *ifname, vc_error *err);

#endif
