/* netns.h: running a check against the real kernel in a throwaway
 * network namespace, and the few things such a check needs that are
 * not the project's code: links made by rtnetlink, /sys/class/net.
 *
 * The check runs in a forked child that enters a new network and mount
 * namespace, with a sysfs of its own on /sys, so the host's links are
 * never touched and everything the check made goes with the child.
 * The child must not use cmocka's assertions (they would jump into the
 * parent's copy of the test runner): it returns -1 with a message.
 */
#ifndef VC_HARNESS_NETNS_H
#define VC_HARNESS_NETNS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

#define VC_NETNS_MSG_MAX 512

typedef enum vc_netns_outcome {
    VC_NETNS_PASS,
    VC_NETNS_FAIL,      /* the check failed, or the child died: @msg says */
    VC_NETNS_REFUSED,   /* not allowed here (namespaces, ...): @msg says why */
} vc_netns_outcome;

/* A check: 0, or -1 with @msg (VC_NETNS_MSG_MAX bytes) saying what is
 * wrong, or 1 with @msg saying what this host does not allow (the
 * outcome is then VC_NETNS_REFUSED). */
typedef int (*vc_netns_check)(const void *arg, char *msg);

/* Run @fn(@arg, ...) in a child inside fresh namespaces; @msg
 * (VC_NETNS_MSG_MAX bytes) gets its message. */
vc_netns_outcome vc_netns_run(vc_netns_check fn, const void *arg, char *msg);

/* Write a message into @msg (VC_NETNS_MSG_MAX bytes); returns -1. */
int vc_netns_fail(char *msg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* RTM_NEWLINK of @kind named @name (on the link @parent when not NULL):
 * 0, or the negative errno the kernel answered. */
int vc_netns_newlink(const char *kind, const char *name, const char *parent);

/* The macvlan mode (MACVLAN_MODE_*) of the macvlan or macvtap @name,
 * by RTM_GETLINK; or -errno (-ENOENT: the link has none). */
long vc_netns_macvlan_mode(const char *name);

/* /sys/class/net/@ifname[/@attr] (@attr may be NULL or "brif/PORT"). */
bool vc_netns_sysfs_exists(const char *ifname, const char *attr);
/* Its first line, without the newline: 0, or -errno. */
int vc_netns_sysfs_read(const char *ifname, const char *attr, char *buf, size_t len);
/* The links in /sys/class/net, space-separated in directory order. */
void vc_netns_links(char *buf, size_t len);

/* What a check expects (netns_expect.c): 0, or -1 with @msg. */

/* TUNGETIFF on @fd: the device @name, a tap without packet info, with
 * IFF_VNET_HDR exactly when @vnet_hdr, not persistent. */
int vc_netns_expect_tun(int fd, const char *name, bool vnet_hdr, char *msg);
/* /sys/class/net/@name: the MAC @mac ("xx:xx:..."), and IFF_UP. */
int vc_netns_expect_link(const char *name, const char *mac, char *msg);
/* @fd is /dev/tapN of @name, N its ifindex (a macvtap's). */
int vc_netns_expect_tap_node(int fd, const char *name, char *msg);
/* The links are still those of @before (vc_netns_links); @after says
 * after what, for the message. */
int vc_netns_expect_links(const char *before, const char *after, char *msg);
/* @err holds exactly @want, from @call. */
int vc_netns_expect_error(const vc_error *err, const char *call, const char *want, char *msg);
/* A create that must fail (@rc, @fd): *fd left -1, @err exactly @want,
 * the links as they were (@before).  Closes @fd if it succeeded. */
int vc_netns_expect_refused(int rc, int fd, const vc_error *err, const char *call,
                            const char *want, const char *before, char *msg);

#endif
