/* names.c: the kernel headers' names for the numbers the fake kernel
 * sees, so that scenarios and the trace speak the same words. */
#include "mock_private.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/if_tun.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#define N(x) { #x, (unsigned long)(x) }
#define END { NULL, 0 }

/* a value's first name is the one printed (EOPNOTSUPP over ENOTSUP) */
const mock_name mock_errnos[] = {
    N(EPERM), N(ENOENT), N(EINTR), N(EIO), N(ENXIO), N(EBADF), N(EAGAIN),
    N(ENOMEM), N(EACCES), N(EFAULT), N(EBUSY), N(EEXIST), N(ENODEV), N(EINVAL),
    N(ENFILE), N(EMFILE), N(ENOTTY), N(ENOSPC), N(ERANGE), N(ENOSYS), N(ELOOP),
    N(ENOLINK), N(EPROTO), N(EBADFD), N(ENOTSOCK), N(EMSGSIZE),
    N(EPROTONOSUPPORT), N(ESOCKTNOSUPPORT), N(EOPNOTSUPP), N(ENOTSUP),
    N(EAFNOSUPPORT), N(EADDRNOTAVAIL), N(ENETDOWN), N(ENOBUFS), N(ETIMEDOUT),
    END,
};

const mock_name mock_requests[] = {
    N(TUNSETIFF), N(TUNGETIFF), N(TUNGETFEATURES), N(TUNSETPERSIST),
    N(TUNSETOFFLOAD), N(TUNGETVNETHDRSZ), N(TUNSETVNETHDRSZ), N(TUNGETSNDBUF),
    N(TUNSETSNDBUF), N(TUNSETQUEUE),
    N(SIOCGIFHWADDR), N(SIOCSIFHWADDR), N(SIOCGIFFLAGS), N(SIOCSIFFLAGS),
    N(SIOCGIFINDEX), N(SIOCGIFMTU), N(SIOCSIFMTU), N(SIOCBRADDIF), N(SIOCBRDELIF),
    END,
};

/* linux/if_tun.h, in bit order */
const mock_name mock_tun_flags[] = {
    N(IFF_TUN), N(IFF_TAP),
#ifdef IFF_NAPI
    N(IFF_NAPI), N(IFF_NAPI_FRAGS),
#endif
#ifdef IFF_NO_CARRIER
    N(IFF_NO_CARRIER),
#endif
    N(IFF_MULTI_QUEUE), N(IFF_ATTACH_QUEUE), N(IFF_DETACH_QUEUE), N(IFF_PERSIST),
    N(IFF_NO_PI), N(IFF_ONE_QUEUE), N(IFF_VNET_HDR), N(IFF_TUN_EXCL),
    END,
};

/* net/if.h, in bit order */
const mock_name mock_if_flags[] = {
    N(IFF_UP), N(IFF_BROADCAST), N(IFF_DEBUG), N(IFF_LOOPBACK), N(IFF_POINTOPOINT),
    N(IFF_NOTRAILERS), N(IFF_RUNNING), N(IFF_NOARP), N(IFF_PROMISC),
    N(IFF_ALLMULTI), N(IFF_MASTER), N(IFF_SLAVE), N(IFF_MULTICAST), N(IFF_PORTSEL),
    N(IFF_AUTOMEDIA), N(IFF_DYNAMIC),
    END,
};

const mock_name mock_domains[] = {
    N(AF_UNSPEC), N(AF_LOCAL), N(AF_UNIX), N(AF_INET), N(AF_INET6), N(AF_NETLINK),
    N(AF_PACKET),
    END,
};

const mock_name mock_socktypes[] = {
    N(SOCK_STREAM), N(SOCK_DGRAM), N(SOCK_RAW), N(SOCK_SEQPACKET),
    END,
};

const mock_name mock_nl_types[] = {
    N(NLMSG_NOOP), N(NLMSG_ERROR), N(NLMSG_DONE), N(RTM_NEWLINK), N(RTM_DELLINK),
    N(RTM_GETLINK), N(RTM_SETLINK),
    END,
};

/* for new/delete requests: 0x100 is NLM_F_REPLACE (NLM_F_ROOT in a get) */
const mock_name mock_nl_flags[] = {
    N(NLM_F_REQUEST), N(NLM_F_MULTI), N(NLM_F_ACK), N(NLM_F_ECHO),
    N(NLM_F_REPLACE), N(NLM_F_EXCL), N(NLM_F_CREATE), N(NLM_F_APPEND),
    END,
};

const mock_name mock_macvlan_modes[] = {
    N(MACVLAN_MODE_PRIVATE), N(MACVLAN_MODE_VEPA), N(MACVLAN_MODE_BRIDGE),
    N(MACVLAN_MODE_PASSTHRU), N(MACVLAN_MODE_SOURCE),
    END,
};

/* after the access mode */
const mock_name mock_open_flags[] = {
    N(O_CREAT), N(O_EXCL), N(O_NOCTTY), N(O_TRUNC), N(O_APPEND), N(O_NONBLOCK),
    N(O_CLOEXEC),
    END,
};

const char *mock_name_of(const mock_name *table, unsigned long value)
{
    for (const mock_name *n = table; n->name; n++)
        if (n->value == value)
            return n->name;
    return NULL;
}

bool mock_value_of(const mock_name *table, const char *name, unsigned long *value)
{
    for (const mock_name *n = table; n->name; n++) {
        if (VC_STREQ(n->name, name)) {
            *value = n->value;
            return true;
        }
    }
    return false;
}
