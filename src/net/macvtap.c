/* macvtap.c: macvtap links over rtnetlink and their /dev/tapN
 * (libvirt's virnetdevmacvlan.c, virnetlink.c). */
#include "net/net_private.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/if_tun.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

#define NAME_PREFIX "macvtap"
#define NAME_TRIES 8192
/* names the kernel says are taken though they did not exist when
 * looked up: a race with another creator, given up after this many */
#define NAME_RACES 5

/* a request: header, ifinfomsg, attributes */
typedef struct nl_req {
    union {
        struct nlmsghdr hdr;
        unsigned char buf[1024];
    } u;
} nl_req;

static void req_init(nl_req *r, uint16_t type, uint16_t flags)
{
    struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };

    memset(r, 0, sizeof(*r));
    r->u.hdr.nlmsg_len = NLMSG_LENGTH(sizeof(ifi));
    r->u.hdr.nlmsg_type = type;
    r->u.hdr.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
    memcpy(NLMSG_DATA(&r->u.hdr), &ifi, sizeof(ifi));
}

/* Append an attribute; returns it (to nest into) -- the buffer is far
 * larger than any request here. */
static struct rtattr *req_attr(nl_req *r, uint16_t type, const void *data, size_t len)
{
    struct rtattr *a = (struct rtattr *)(r->u.buf + NLMSG_ALIGN(r->u.hdr.nlmsg_len));

    a->rta_type = type;
    a->rta_len = (unsigned short)RTA_LENGTH(len);
    if (len)
        memcpy(RTA_DATA(a), data, len);
    r->u.hdr.nlmsg_len = NLMSG_ALIGN(r->u.hdr.nlmsg_len) + RTA_ALIGN(a->rta_len);
    return a;
}

static void req_nest_end(nl_req *r, struct rtattr *nest)
{
    nest->rta_len = (unsigned short)((r->u.buf + r->u.hdr.nlmsg_len) - (unsigned char *)nest);
}

/* Send @r and read the kernel's answer: 0, with @kerr the negative
 * errno it acknowledged with; -1 with @err set when the exchange itself
 * failed -- and @sent true when the request went out (the kernel may
 * have acted on it). */
static int nl_talk(const vc_host_kernel *k, nl_req *r, int *kerr, bool *sent, vc_error *err)
{
    union {
        struct nlmsghdr hdr;
        unsigned char buf[4096];
    } ans;
    ssize_t n;
    int fd, ret = -1;

    *kerr = 0;
    *sent = false;
    if ((fd = k->socket(k->opaque, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)) < 0)
        return vc_net_syserr(err, errno, "cannot open netlink socket");
    if (k->nl_send(k->opaque, fd, r->u.buf, r->u.hdr.nlmsg_len) < 0) {
        vc_net_syserr(err, errno, "cannot send to netlink socket");
        goto cleanup;
    }
    *sent = true;
    if ((n = k->nl_recv(k->opaque, fd, ans.buf, sizeof(ans.buf))) < 0) {
        vc_net_syserr(err, errno, "cannot receive from netlink socket");
        goto cleanup;
    }
    if ((size_t)n < NLMSG_LENGTH(sizeof(struct nlmsgerr)) ||
        !NLMSG_OK(&ans.hdr, (size_t)n) || ans.hdr.nlmsg_type != NLMSG_ERROR) {
        vc_error_set(err, VC_EXIT_BUILD, "internal error malformed netlink response message");
        goto cleanup;
    }
    *kerr = ((const struct nlmsgerr *)NLMSG_DATA(&ans.hdr))->error;
    ret = 0;
cleanup:
    k->close(k->opaque, fd);
    return ret;
}

/* Delete the link a failure left; when the kernel will not, say so
 * after the failure's own message, which stays first. */
static void undo_link(const vc_host_kernel *k, const char *name, vc_error *err)
{
    vc_error why = { 0 };
    size_t n;

    if (vc_net_link_delete(k, name, &why) == 0 || !err)
        return;
    n = strlen(err->msg);
    snprintf(err->msg + n, sizeof(err->msg) - n, "; %s is left behind: %s", name, why.msg);
}

static const uint32_t macvlan_modes[VC_NET_MACVTAP_LAST] = {
    [VC_NET_MACVTAP_VEPA] = MACVLAN_MODE_VEPA,
    [VC_NET_MACVTAP_PRIVATE] = MACVLAN_MODE_PRIVATE,
    [VC_NET_MACVTAP_BRIDGE] = MACVLAN_MODE_BRIDGE,
    [VC_NET_MACVTAP_PASSTHRU] = MACVLAN_MODE_PASSTHRU,
};

/* RTM_NEWLINK for one name: 0 created, 1 the name is taken (try the
 * next), -1 error. */
static int newlink(const vc_host_kernel *k, const char *ifname, int link_index,
                   vc_net_macvtap_mode mode, const unsigned char mac[VC_NET_MAC_LEN],
                   vc_error *err)
{
    static const char kind[] = "macvtap";
    uint32_t index = (uint32_t)link_index;
    struct rtattr *info, *data;
    nl_req r;
    int kerr;
    bool sent;

    req_init(&r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
    req_attr(&r, IFLA_LINK, &index, sizeof(index));
    req_attr(&r, IFLA_ADDRESS, mac, VC_NET_MAC_LEN);
    req_attr(&r, IFLA_IFNAME, ifname, strlen(ifname) + 1);
    info = req_attr(&r, IFLA_LINKINFO, NULL, 0);
    req_attr(&r, IFLA_INFO_KIND, kind, strlen(kind));
    data = req_attr(&r, IFLA_INFO_DATA, NULL, 0);
    req_attr(&r, IFLA_MACVLAN_MODE, &macvlan_modes[mode], sizeof(uint32_t));
    req_nest_end(&r, data);
    req_nest_end(&r, info);
    if (nl_talk(k, &r, &kerr, &sent, err) < 0) {
        /* the answer is lost, not the link: it did not exist before */
        if (sent && vc_net_link_exists(k, ifname))
            undo_link(k, ifname, err);
        return -1;
    }
    if (kerr == -EEXIST)
        return 1;
    if (kerr)
        return vc_net_syserr(err, -kerr, "error creating %s type of interface", kind);
    return 0;
}

int vc_net_link_delete(const vc_host_kernel *k, const char *ifname, vc_error *err)
{
    nl_req r;
    int kerr;
    bool sent;

    req_init(&r, RTM_DELLINK, 0);
    req_attr(&r, IFLA_IFNAME, ifname, strlen(ifname) + 1);
    if (nl_talk(k, &r, &kerr, &sent, err) < 0)
        return -1;
    if (kerr)
        return vc_net_syserr(err, -kerr, "error destroying %s interface", ifname);
    return 0;
}

/* /dev/tapN of the link, N its ifindex; udev may lag behind the link. */
static int tap_open(const vc_host_kernel *k, const char *ifname, vc_error *err)
{
    char path[32];
    int index, fd;

    if ((index = vc_net_link_index(k, ifname, err)) < 0)
        return -1;
    snprintf(path, sizeof(path), "/dev/tap%d", index);
    for (int tries = 0; tries < 10; tries++) {
        struct timespec pause = { 0, 20 * 1000 * 1000 };

        if ((fd = k->open(k->opaque, path, O_RDWR)) >= 0)
            return fd;
        if (errno != ENOENT)
            break;
        nanosleep(&pause, NULL);
    }
    return vc_net_syserr(err, errno, "cannot open macvtap tap device %s", path);
}

/* IFF_VNET_HDR on or off, as @vnet_hdr asks and the kernel allows
 * (virNetDevMacVLanTapSetup). */
static int tap_setup(const vc_host_kernel *k, int fd, bool vnet_hdr, vc_error *err)
{
    struct ifreq ifr;
    unsigned int features;
    short flags;
    const char *what = NULL;

    memset(&ifr, 0, sizeof(ifr));
    if (k->ioctl(k->opaque, fd, TUNGETIFF, &ifr) < 0)
        return vc_net_syserr(err, errno, "cannot get interface flags on macvtap tap");
    flags = ifr.ifr_flags;
    if ((ifr.ifr_flags & IFF_VNET_HDR) && !vnet_hdr) {
        flags &= (short)~IFF_VNET_HDR;
        what = "cannot clean IFF_VNET_HDR flag on macvtap tap";
    } else if (!(ifr.ifr_flags & IFF_VNET_HDR) && vnet_hdr) {
        if (k->ioctl(k->opaque, fd, TUNGETFEATURES, &features) < 0)
            return vc_net_syserr(err, errno, "cannot get feature flags on macvtap tap");
        if (features & IFF_VNET_HDR)
            flags |= IFF_VNET_HDR;
        else
            vc_net_note(k, "Not enabling IFF_VNET_HDR on macvtap tap; TUNGETFEATURES "
                        "reports no IFF_VNET_HDR");
    }
    if (flags == ifr.ifr_flags)
        return 0;
    ifr.ifr_flags = flags;
    if (k->ioctl(k->opaque, fd, TUNSETIFF, &ifr) == 0)
        return 0;
    /* a header wanted but not set costs speed, not correctness (libvirt
     * goes on); one that cannot be cleared would corrupt every packet */
    if (!what) {
        vc_net_note(k, "Not enabling IFF_VNET_HDR on macvtap tap; TUNSETIFF refused it");
        return 0;
    }
    return vc_net_syserr(err, errno, "%s", what);
}

/* The link: @ifname when given (unless it is a leftover of ours, which
 * gets a fresh name), else the first free macvtapN. */
static int create_link(const vc_host_kernel *k, const char *ifname, int link_index,
                       vc_net_macvtap_mode mode, const unsigned char mac[VC_NET_MAC_LEN],
                       char name[VC_NET_IFNAME_MAX], vc_error *err)
{
    int rc = 1;

    if (ifname && !(vc_net_link_exists(k, ifname) &&
                    strncmp(ifname, NAME_PREFIX, strlen(NAME_PREFIX)) == 0)) {
        if (strlen(ifname) >= VC_NET_IFNAME_MAX)
            return vc_error_set(err, VC_EXIT_BUILD, "Network interface name '%s' is "
                                "too long", ifname);
        memcpy(name, ifname, strlen(ifname) + 1);
        if (!vc_net_link_exists(k, name) &&
            (rc = newlink(k, name, link_index, mode, mac, err)) < 0)
            return -1;
        if (rc == 1)
            return vc_net_syserr(err, EEXIST, "Unable to create macvlan device %s", name);
        return 0;
    }
    for (int c = 0, races = 0; rc == 1 && c < NAME_TRIES; c++) {
        snprintf(name, VC_NET_IFNAME_MAX, NAME_PREFIX "%d", c);
        if (vc_net_link_exists(k, name))
            continue;
        if ((rc = newlink(k, name, link_index, mode, mac, err)) < 0)
            return -1;
        if (rc == 1 && ++races == NAME_RACES)
            return vc_net_syserr(err, EEXIST, "Unable to create macvlan device %s", name);
    }
    if (rc == 1)
        return vc_error_set(err, VC_EXIT_BUILD, "internal error no free %s%%d "
                            "interface name", NAME_PREFIX);
    return 0;
}

int vc_net_macvtap_create(const vc_host_kernel *k, const char *linkdev,
                          const char *ifname, vc_net_macvtap_mode mode,
                          const unsigned char mac[VC_NET_MAC_LEN], bool vnet_hdr,
                          int *fd, char created[VC_NET_IFNAME_MAX], vc_error *err)
{
    char name[VC_NET_IFNAME_MAX];
    int link_index, tapfd;

    *fd = -1;
    if ((unsigned)mode >= VC_NET_MACVTAP_LAST)
        return vc_error_set(err, VC_EXIT_BUILD, "internal error unknown macvtap mode %d",
                            (int)mode);
    if ((link_index = vc_net_link_index(k, linkdev, err)) < 0 ||
        create_link(k, ifname, link_index, mode, mac, name, err) < 0)
        return -1;
    /* the link exists from here: every failure deletes it */
    if (vc_net_link_set_up(k, name, err) < 0 ||
        (tapfd = tap_open(k, name, err)) < 0)
        goto delete;
    if (tap_setup(k, tapfd, vnet_hdr, err) < 0) {
        k->close(k->opaque, tapfd);
        goto delete;
    }
    memcpy(created, name, VC_NET_IFNAME_MAX);
    *fd = tapfd;
    return 0;

delete:
    undo_link(k, name, err);
    return -1;
}
