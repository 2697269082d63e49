/* ioctl.c: the ioctls of tun and macvtap descriptors (linux/if_tun.h)
 * and of sockets on struct ifreq (linux/sockios.h), on the fake links. */
#include "mock_private.h"

#include <errno.h>
#include <linux/if_tun.h>
#include <linux/sockios.h>
#include <net/if_arp.h>
#include <string.h>
#include <sys/ioctl.h>

/* what TUNSETIFF may change on a macvtap queue (of its features) */
#define MACVTAP_SETTABLE (IFF_VNET_HDR | IFF_MULTI_QUEUE)
/* the flags SIOCSIFFLAGS may change (dev_change_flags) */
#define IF_SETTABLE (IFF_UP | IFF_DEBUG | IFF_NOTRAILERS | IFF_NOARP | IFF_DYNAMIC | \
                     IFF_MULTICAST | IFF_PORTSEL | IFF_AUTOMEDIA | IFF_PROMISC | \
                     IFF_ALLMULTI)

/* the parts of the argument the trace shows, in this order */
enum {
    F_NAME = 1, F_TUNFLAGS = 2, F_IFFLAGS = 4, F_MAC = 8, F_INDEX = 16, F_FEATURES = 32,
};

/* @l: a socket's request: the link ifr_name names (never NULL); a tun
 * or macvtap descriptor's: its link, NULL when it has none */
typedef long (*serve_fn)(vc_mock_kernel *m, mock_fd *f, mock_link *l, void *arg);

typedef struct request {
    unsigned long request;
    bool tun;                   /* a tun or macvtap descriptor's; else a socket's */
    unsigned in, out;           /* F_*: the argument before and after */
    serve_fn serve;
} request;

/* ---- tun and macvtap descriptors ------------------------------------ */

static long tun_getfeatures(vc_mock_kernel *m, mock_fd *f, mock_link *l, void *arg)
{
    unsigned int features = f->kind == MOCK_FD_MACVTAP ? m->macvtap_features
                                                       : m->tun_features;

    (void)l;
    memcpy(arg, &features, sizeof(features));
    return 0;
}

static long tun_getiff(vc_mock_kernel *m, mock_fd *f, mock_link *l, void *arg)
{
    struct ifreq *ifr = arg;

    if (!l && f->kind == MOCK_FD_MACVTAP)
        return -ENOLINK;
    if (!l)
        return m->tungetiff_unattached ? -m->tungetiff_unattached : 0;
    memcpy(ifr->ifr_name, l->name, IFNAMSIZ);
    ifr->ifr_flags = f->tun_flags;
    return 0;
}

/* a macvtap queue: IFF_TAP|IFF_NO_PI, with or without its features */
static long macvtap_setiff(vc_mock_kernel *m, mock_fd *f, unsigned short flags)
{
    if ((flags & ~MACVTAP_SETTABLE) != (IFF_TAP | IFF_NO_PI) ||
        (flags & MACVTAP_SETTABLE & ~m->macvtap_features))
        return -EINVAL;
    f->tun_flags = (short)((f->tun_flags & ~MACVTAP_SETTABLE) | (flags & MACVTAP_SETTABLE));
    return 0;
}

static long tun_setiff(vc_mock_kernel *m, mock_fd *f, mock_link *l, void *arg)
{
    struct ifreq *ifr = arg;
    unsigned short flags = (unsigned short)ifr->ifr_flags;
    char name[IFNAMSIZ];
    long rc;

    if (f->kind == MOCK_FD_MACVTAP)
        return macvtap_setiff(m, f, flags);
    if (l)
        return -EINVAL;
    /* only taps: a tun device is of no use to a guest NIC */
    if ((flags & IFF_TUN) || !(flags & IFF_TAP) || (flags & ~m->tun_features))
        return -EINVAL;
    memcpy(name, ifr->ifr_name, IFNAMSIZ);
    name[IFNAMSIZ - 1] = '\0';
    if (!*name)
        strcpy(name, "tap%d");
    /* an existing device would be attached to, were it a free tap */
    if (mock_link_by_name(m, name))
        return -EBUSY;
    if ((rc = mock_link_add(m, name, MOCK_LINK_TAP, &l)) < 0)
        return rc;
    f->link = l->ifindex;
    f->tun_flags = (short)flags;
    memcpy(ifr->ifr_name, l->name, IFNAMSIZ);
    return 0;
}

/* ---- sockets: struct ifreq on the link ifr_name names --------------- */

static unsigned short hw_type(const mock_link *l)
{
    return l->kind == MOCK_LINK_LOOPBACK ? ARPHRD_LOOPBACK : ARPHRD_ETHER;
}

static long sock_gethwaddr(vc_mock_kernel *m, mock_fd *f, mock_link *l, void *arg)
{
    struct ifreq *ifr = arg;

    (void)m, (void)f;
    ifr->ifr_hwaddr.sa_family = hw_type(l);
    memset(ifr->ifr_hwaddr.sa_data, 0, sizeof(ifr->ifr_hwaddr.sa_data));
    memcpy(ifr->ifr_hwaddr.sa_data, l->mac, MOCK_MAC_LEN);
    return 0;
}

static long sock_sethwaddr(vc_mock_kernel *m, mock_fd *f, mock_link *l, void *arg)
{
    static const unsigned char zero[MOCK_MAC_LEN];
    struct ifreq *ifr = arg;
    const unsigned char *mac = (const unsigned char *)ifr->ifr_hwaddr.sa_data;

    (void)m, (void)f;
    if (ifr->ifr_hwaddr.sa_family != hw_type(l))
        return -EINVAL;
    /* is_valid_ether_addr: neither multicast nor zero */
    if ((mac[0] & 1) || memcmp(mac, zero, MOCK_MAC_LEN) == 0)
        return -EADDRNOTAVAIL;
    memcpy(l->mac, mac, MOCK_MAC_LEN);
    return 0;
}

static long sock_getflags(vc_mock_kernel *m, mock_fd *f, mock_link *l, void *arg)
{
    struct ifreq *ifr = arg;

    (void)m, (void)f;
    ifr->ifr_flags = l->flags;
    return 0;
}

static long sock_setflags(vc_mock_kernel *m, mock_fd *f, mock_link *l, void *arg)
{
    struct ifreq *ifr = arg;

    (void)m, (void)f;
    l->flags = (short)((l->flags & ~IF_SETTABLE) | (ifr->ifr_flags & IF_SETTABLE));
    return 0;
}

static long sock_getindex(vc_mock_kernel *m, mock_fd *f, mock_link *l, void *arg)
{
    struct ifreq *ifr = arg;

    (void)m, (void)f;
    ifr->ifr_ifindex = l->ifindex;
    return 0;
}

/* @bridge takes the link of index ifr_ifindex as a port */
static long sock_braddif(vc_mock_kernel *m, mock_fd *f, mock_link *bridge, void *arg)
{
    const struct ifreq *ifr = arg;
    mock_link *port = mock_link_by_index(m, ifr->ifr_ifindex);

    (void)f;
    if (bridge->kind != MOCK_LINK_BRIDGE)
        return -EOPNOTSUPP;
    if (!port || port->kind == MOCK_LINK_LOOPBACK)
        return -EINVAL;
    if (port->kind == MOCK_LINK_BRIDGE)
        return -ELOOP;
    if (port->master)
        return -EBUSY;
    port->master = bridge->ifindex;
    return 0;
}

static const request requests[] = {
    { TUNGETFEATURES, true, 0, F_FEATURES, tun_getfeatures },
    { TUNGETIFF, true, 0, F_NAME | F_TUNFLAGS, tun_getiff },
    { TUNSETIFF, true, F_NAME | F_TUNFLAGS, F_NAME, tun_setiff },
    { SIOCGIFHWADDR, false, F_NAME, F_MAC, sock_gethwaddr },
    { SIOCSIFHWADDR, false, F_NAME | F_MAC, 0, sock_sethwaddr },
    { SIOCGIFFLAGS, false, F_NAME, F_IFFLAGS, sock_getflags },
    { SIOCSIFFLAGS, false, F_NAME | F_IFFLAGS, 0, sock_setflags },
    { SIOCGIFINDEX, false, F_NAME, F_INDEX, sock_getindex },
    { SIOCBRADDIF, false, F_NAME | F_INDEX, 0, sock_braddif },
};

/* ---- the call ------------------------------------------------------- */

static const request *find_request(unsigned long req)
{
    for (size_t i = 0; i < sizeof(requests) / sizeof(requests[0]); i++)
        if (requests[i].request == req)
            return &requests[i];
    return NULL;
}

/* The parts @fields of @arg, each after @sep. */
static void put_arg(vc_buf *b, const void *arg, unsigned fields, const char *sep)
{
    const struct ifreq *ifr = arg;
    unsigned int features;

    if (fields & F_NAME) {
        vc_buf_add(b, sep);
        mock_put_string(b, ifr->ifr_name, strnlen(ifr->ifr_name, IFNAMSIZ));
    }
    if (fields & (F_TUNFLAGS | F_IFFLAGS)) {
        vc_buf_add(b, sep);
        mock_put_flags(b, fields & F_TUNFLAGS ? mock_tun_flags : mock_if_flags,
                       (unsigned short)ifr->ifr_flags);
    }
    if (fields & F_MAC) {
        vc_buf_add(b, sep);
        mock_put_mac(b, (const unsigned char *)ifr->ifr_hwaddr.sa_data);
    }
    if (fields & F_INDEX)
        vc_buf_addf(b, "%sifindex %d", sep, ifr->ifr_ifindex);
    if (fields & F_FEATURES) {
        memcpy(&features, arg, sizeof(features));
        vc_buf_add(b, sep);
        mock_put_flags(b, mock_tun_flags, features);
    }
}

static long serve(vc_mock_kernel *m, int fd, const request *r, unsigned long req, void *arg)
{
    mock_fd *f = mock_fd_get(m, fd);
    char name[IFNAMSIZ];
    mock_link *l;
    bool tun_fd;
    int e;

    if (!f)
        return -EBADF;
    tun_fd = f->kind == MOCK_FD_TUN || f->kind == MOCK_FD_MACVTAP;
    if (!r || (r->tun ? !tun_fd : f->kind != MOCK_FD_SOCKET && f->kind != MOCK_FD_NETLINK))
        return -ENOTTY;
    if (!arg)
        return -EFAULT;
    if ((e = mock_fail_match(m, MOCK_CALL_IOCTL, req, NULL)))
        return -e;
    if (r->tun)
        return r->serve(m, f, mock_link_by_index(m, f->link), arg);
    /* the kernel reads ifr_name as at most IFNAMSIZ - 1 bytes */
    memcpy(name, ((const struct ifreq *)arg)->ifr_name, IFNAMSIZ);
    name[IFNAMSIZ - 1] = '\0';
    if (!(l = mock_link_by_name(m, name)))
        return -ENODEV;
    return r->serve(m, f, l, arg);
}

int mock_ioctl(void *opaque, int fd, unsigned long req, void *arg)
{
    vc_mock_kernel *m = opaque;
    const request *r = find_request(req);
    const char *name = mock_name_of(mock_requests, req);
    vc_buf line = VC_BUF_INIT;
    long rc;

    vc_buf_addf(&line, "ioctl(%d, ", fd);
    if (name)
        vc_buf_add(&line, name);
    else
        vc_buf_addf(&line, "0x%lx", req);
    if (r && arg)
        put_arg(&line, arg, r->in, ", ");
    else if (r && r->in)
        vc_buf_add(&line, ", NULL");
    vc_buf_addc(&line, ')');
    rc = serve(m, fd, r, req, arg);
    mock_put_result(&line, rc);
    if (rc >= 0)
        put_arg(&line, arg, r->out, " ");
    return (int)mock_trace_return(m, &line, rc);
}
