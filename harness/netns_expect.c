/* netns_expect.c: what a check in a namespace reads back from the
 * kernel, each a 0 or -1 with the message (netns.h). */
#include "netns.h"

#include <errno.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int vc_netns_expect_tun(int fd, const char *name, bool vnet_hdr, char *msg)
{
    const unsigned mask = IFF_TUN | IFF_TAP | IFF_NO_PI | IFF_VNET_HDR | IFF_PERSIST;
    unsigned want = IFF_TAP | IFF_NO_PI | (vnet_hdr ? IFF_VNET_HDR : 0), got;
    struct ifreq ifr;

    memset(&ifr, 0, sizeof(ifr));
    if (ioctl(fd, TUNGETIFF, &ifr) < 0)
        return vc_netns_fail(msg, "TUNGETIFF: %s", strerror(errno));
    got = (unsigned short)ifr.ifr_flags & mask;
    if (got != want)
        return vc_netns_fail(msg, "%s: TUNGETIFF flags 0x%x, want 0x%x (IFF_VNET_HDR %s)",
                             name, got, want, vnet_hdr ? "on" : "off");
    if (strcmp(ifr.ifr_name, name) != 0)
        return vc_netns_fail(msg, "TUNGETIFF names '%s', want '%s'", ifr.ifr_name, name);
    return 0;
}

int vc_netns_expect_link(const char *name, const char *mac, char *msg)
{
    char buf[64];
    int rc;

    if ((rc = vc_netns_sysfs_read(name, "address", buf, sizeof(buf))) < 0)
        return vc_netns_fail(msg, "%s: reading its address: %s", name, strerror(-rc));
    if (strcmp(buf, mac) != 0)
        return vc_netns_fail(msg, "%s: address %s, want %s", name, buf, mac);
    if ((rc = vc_netns_sysfs_read(name, "flags", buf, sizeof(buf))) < 0)
        return vc_netns_fail(msg, "%s: reading its flags: %s", name, strerror(-rc));
    if (!(strtoul(buf, NULL, 16) & IFF_UP))
        return vc_netns_fail(msg, "%s: flags %s lack IFF_UP", name, buf);
    return 0;
}

int vc_netns_expect_links(const char *before, const char *after, char *msg)
{
    char links[VC_NETNS_MSG_MAX / 2];

    vc_netns_links(links, sizeof(links));
    if (strcmp(links, before) != 0)
        return vc_netns_fail(msg, "links '%s' %s, want '%s'", links, after, before);
    return 0;
}

int vc_netns_expect_error(const vc_error *err, const char *call, const char *want, char *msg)
{
    if (err->code != VC_EXIT_BUILD || strcmp(err->msg, want) != 0)
        return vc_netns_fail(msg, "%s: error %d '%s', want %d '%s'", call, err->code,
                             err->msg, VC_EXIT_BUILD, want);
    return 0;
}

int vc_netns_expect_refused(int rc, int fd, const vc_error *err, const char *call,
                            const char *want, const char *before, char *msg)
{
    if (rc == 0) {
        close(fd);
        return vc_netns_fail(msg, "%s succeeded; want '%s'", call, want);
    }
    if (fd != -1)
        return vc_netns_fail(msg, "%s: *fd is %d after a failure, want -1", call, fd);
    if (vc_netns_expect_error(err, call, want, msg) < 0)
        return -1;
    return vc_netns_expect_links(before, "after the failure", msg);
}

int vc_netns_expect_tap_node(int fd, const char *name, char *msg)
{
    char link[32], path[64], want[32], index[16] = "";
    ssize_t n;

    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    if ((n = readlink(link, path, sizeof(path) - 1)) < 0)
        return vc_netns_fail(msg, "readlink %s: %s", link, strerror(errno));
    path[n] = '\0';
    vc_netns_sysfs_read(name, "ifindex", index, sizeof(index));
    snprintf(want, sizeof(want), "/dev/tap%s", index);
    if (strcmp(path, want) != 0)
        return vc_netns_fail(msg, "the descriptor is %s, want %s", path, want);
    return 0;
}
