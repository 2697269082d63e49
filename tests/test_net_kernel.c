/* test_net_kernel.c: tier "net-kernel", src/net against the running
 * kernel (vc_net_real_kernel), not a model of it.
 *
 * Each check runs in a child inside a fresh network and mount namespace
 * (harness/netns.h): it makes a bridge, or a parent link for macvtap,
 * calls the project's code, and reads back what the kernel says --
 * TUNGETIFF on the descriptor, /sys/class/net.  The host never changes.
 * Needs root and /dev/net/tun; checks that need what this kernel lacks
 * (macvtap, a parent link for it, /dev/vhost-net) are skipped with a
 * "note:" naming what is missing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "netns.h"
#include "test_args.h"
#include "tier.h"
#include "net/net.h"

#define TIER "net-kernel"
#define TUN_PATH "/dev/net/tun"
#define VHOST_PATH "/dev/vhost-net"
#define BRIDGE "vcbr0"
#define PARENT "vcnic0"
#define NO_LINK "vcnolink0"
#define LONG_NAME "vcaverylongname0"    /* IFNAMSIZ with its NUL */

static const unsigned char guest_mac[VC_NET_MAC_LEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
#define GUEST_MAC "52:54:00:12:34:56"
#define TAP_MAC "fe:54:00:12:34:56"     /* the tap's: first byte 0xFE */

/* What this kernel has, found before the checks run. */
typedef struct kernel_has {
    bool vnet_hdr;                      /* the probe allows IFF_VNET_HDR */
    const char *parent_kind;            /* the link macvtap sits on */
    char no_macvtap[VC_NETNS_MSG_MAX];  /* why macvtap checks cannot run */
    char no_vhost[VC_NETNS_MSG_MAX];
} kernel_has;

/* NEEDS_BASE: what the whole tier needs (root, /dev/net/tun) */
typedef enum needs { NEEDS_BASE, NEEDS_MACVTAP, NEEDS_VHOST } needs;

typedef struct check_def {
    const char *name;
    vc_netns_check fn;
    const void *data;
    needs needs;
} check_def;

/* a check as it runs: its definition and what the kernel has */
typedef struct check_run {
    const check_def *def;
    const kernel_has *has;
} check_run;

/* ---- helpers ------------------------------------------------------------- */

static int make_link(const char *kind, const char *name, const char *parent, char *msg)
{
    int rc = vc_netns_newlink(kind, name, parent);

    if (rc < 0)
        return vc_netns_fail(msg, "RTM_NEWLINK kind %s: %s", kind, strerror(-rc));
    return 0;
}

/* Is @name a port of the bridge (when @bridged) or of none? */
static int expect_port(const char *name, bool bridged, char *msg)
{
    char port[32];

    snprintf(port, sizeof(port), "brif/%s", name);
    if (bridged && !vc_netns_sysfs_exists(BRIDGE, port))
        return vc_netns_fail(msg, "%s is not a port of %s", name, BRIDGE);
    if (!bridged && vc_netns_sysfs_exists(name, "brport"))
        return vc_netns_fail(msg, "%s is a bridge port; no bridge was asked", name);
    return 0;
}

/* ---- tap ---------------------------------------------------------------- */

typedef struct tap_case {
    const char *ifname;     /* NULL: the template vnet%d */
    const char *want_name;
    bool bridged;
    bool vnet_hdr;
} tap_case;

static int check_tap(const void *arg, char *msg)
{
    const check_run *c = arg;
    const tap_case *t = c->def->data;
    char name[VC_NET_IFNAME_MAX] = "";
    vc_error err = { 0 };
    int fd = -1, ret = -1;

    if (make_link("bridge", BRIDGE, NULL, msg) < 0)
        return -1;
    if (vc_net_tap_create(vc_net_real_kernel(), t->bridged ? BRIDGE : NULL, t->ifname,
                          guest_mac, t->vnet_hdr, &fd, name, &err) < 0)
        return vc_netns_fail(msg, "vc_net_tap_create: %s", err.msg);
    if (strcmp(name, t->want_name) != 0) {
        vc_netns_fail(msg, "the tap is named '%s', want '%s'", name, t->want_name);
        goto cleanup;
    }
    if (vc_netns_expect_tun(fd, name, t->vnet_hdr && c->has->vnet_hdr, msg) < 0 ||
        vc_netns_expect_link(name, TAP_MAC, msg) < 0 || expect_port(name, t->bridged, msg) < 0)
        goto cleanup;
    ret = 0;
cleanup:
    /* as a command that was passed the descriptor closes it */
    vc_net_close_fd((void *)vc_net_real_kernel(), fd);
    /* not persistent: the device goes with its descriptor */
    if (ret == 0 && vc_netns_sysfs_exists(name, NULL))
        ret = vc_netns_fail(msg, "%s still exists after close()", name);
    return ret;
}

/* ---- links -------------------------------------------------------------- */

static int check_link_helpers(const void *arg, char *msg)
{
    static const unsigned char mac[VC_NET_MAC_LEN] = { 0x02, 0, 0, 0xab, 0xcd, 0xef };
    const vc_host_kernel *k = vc_net_real_kernel();
    vc_error err = { 0 };
    char buf[32];
    int index;

    (void)arg;
    if (make_link("bridge", BRIDGE, NULL, msg) < 0)
        return -1;
    if (!vc_net_link_exists(k, BRIDGE) || vc_net_link_exists(k, NO_LINK) ||
        vc_net_link_exists(k, LONG_NAME))
        return vc_netns_fail(msg, "vc_net_link_exists: wrong for %s, %s or %s", BRIDGE,
                             NO_LINK, LONG_NAME);
    if ((index = vc_net_link_index(k, BRIDGE, &err)) < 0)
        return vc_netns_fail(msg, "vc_net_link_index: %s", err.msg);
    if (vc_netns_sysfs_read(BRIDGE, "ifindex", buf, sizeof(buf)) < 0 || atoi(buf) != index)
        return vc_netns_fail(msg, "vc_net_link_index %d, sysfs says %s", index, buf);
    if (vc_net_link_set_mac(k, BRIDGE, mac, &err) < 0 || vc_net_link_set_up(k, BRIDGE, &err) < 0 ||
        vc_net_link_set_up(k, BRIDGE, &err) < 0)   /* once up, nothing to do */
        return vc_netns_fail(msg, "%s", err.msg);
    return vc_netns_expect_link(BRIDGE, "02:00:00:ab:cd:ef", msg);
}

typedef enum link_op { SET_MAC, SET_UP, INDEX, ADD_PORT, DELETE } link_op;

/* A link helper the kernel (or the code, before it) refuses. */
typedef struct link_refusal {
    link_op op;
    const char *ifname;
    const char *port;       /* ADD_PORT: @ifname is the bridge */
    const char *want;
} link_refusal;

static const link_refusal link_refusals[] = {
    { INDEX, NO_LINK, NULL, "Unable to get index for interface " NO_LINK ": No such device" },
    { INDEX, LONG_NAME, NULL, "Network interface name '" LONG_NAME "' is too long" },
    { SET_MAC, NO_LINK, NULL, "Cannot get interface MAC on '" NO_LINK "': No such device" },
    { SET_MAC, LONG_NAME, NULL, "Network interface name '" LONG_NAME "' is too long" },
    { SET_MAC, BRIDGE, NULL,
      "Cannot set interface MAC on '" BRIDGE "': Cannot assign requested address" },
    { SET_UP, NO_LINK, NULL, "Cannot get interface flags on '" NO_LINK "': No such device" },
    { SET_UP, LONG_NAME, NULL, "Network interface name '" LONG_NAME "' is too long" },
    { ADD_PORT, BRIDGE, NO_LINK,
      "Unable to get index for interface " NO_LINK ": No such device" },
    { ADD_PORT, LONG_NAME, "lo", "Network interface name '" LONG_NAME "' is too long" },
    { ADD_PORT, BRIDGE, "lo", "Unable to add bridge " BRIDGE " port lo: Invalid argument" },
    { DELETE, NO_LINK, NULL, "error destroying " NO_LINK " interface: No such device" },
};

static int link_call(const link_refusal *r, vc_error *err)
{
    /* multicast: no link takes it */
    static const unsigned char mac[VC_NET_MAC_LEN] = { 0x01, 0, 0x5e, 0, 0, 1 };
    const vc_host_kernel *k = vc_net_real_kernel();

    switch (r->op) {
    case SET_MAC:
        return vc_net_link_set_mac(k, r->ifname, mac, err);
    case SET_UP:
        return vc_net_link_set_up(k, r->ifname, err);
    case INDEX:
        return vc_net_link_index(k, r->ifname, err) < 0 ? -1 : 0;
    case ADD_PORT:
        return vc_net_bridge_add_port(k, r->ifname, r->port, err);
    case DELETE:
        return vc_net_link_delete(k, r->ifname, err);
    }
    return 0;
}

static int check_link_refusals(const void *arg, char *msg)
{
    (void)arg;
    if (make_link("bridge", BRIDGE, NULL, msg) < 0)
        return -1;
    for (size_t i = 0; i < sizeof(link_refusals) / sizeof(link_refusals[0]); i++) {
        const link_refusal *r = &link_refusals[i];
        vc_error err = { 0 };
        char call[64];

        snprintf(call, sizeof(call), "row %zu (%s)", i + 1, r->ifname);
        if (link_call(r, &err) == 0)
            return vc_netns_fail(msg, "%s succeeded; want '%s'", call, r->want);
        if (vc_netns_expect_error(&err, call, r->want, msg) < 0)
            return -1;
    }
    return 0;
}

/* ---- macvtap ------------------------------------------------------------ */

typedef struct macvtap_case {
    const char *ifname;
    const char *want_name;
    bool vnet_hdr;
    vc_net_macvtap_mode mode;
    long kernel_mode;       /* MACVLAN_MODE_*, as RTM_GETLINK says */
} macvtap_case;

static int expect_mode(const char *name, long want, char *msg)
{
    long mode = vc_netns_macvlan_mode(name);

    if (mode < 0)
        return vc_netns_fail(msg, "%s: its macvlan mode: %s", name, strerror((int)-mode));
    if (mode != want)
        return vc_netns_fail(msg, "%s: macvlan mode %ld, want %ld", name, mode, want);
    return 0;
}

static int check_macvtap(const void *arg, char *msg)
{
    const check_run *c = arg;
    const macvtap_case *m = c->def->data;
    const vc_host_kernel *k = vc_net_real_kernel();
    char name[VC_NET_IFNAME_MAX] = "", before[VC_NETNS_MSG_MAX / 2];
    vc_error err = { 0 };
    int fd = -1, ret = -1;

    if (make_link(c->has->parent_kind, PARENT, NULL, msg) < 0)
        return -1;
    vc_netns_links(before, sizeof(before));
    if (vc_net_macvtap_create(k, PARENT, m->ifname, m->mode, guest_mac,
                              m->vnet_hdr, &fd, name, &err) < 0)
        return vc_netns_fail(msg, "vc_net_macvtap_create: %s", err.msg);
    if (strcmp(name, m->want_name) != 0) {
        vc_netns_fail(msg, "the macvtap is named '%s', want '%s'", name, m->want_name);
        goto cleanup;
    }
    if (!vc_netns_sysfs_exists(name, "lower_" PARENT)) {
        vc_netns_fail(msg, "%s does not sit on %s", name, PARENT);
        goto cleanup;
    }
    /* macvtap has IFF_VNET_HDR whatever the probe of /dev/net/tun says */
    if (vc_netns_expect_link(name, GUEST_MAC, msg) < 0 ||
        expect_mode(name, m->kernel_mode, msg) < 0 ||
        vc_netns_expect_tap_node(fd, name, msg) < 0 ||
        vc_netns_expect_tun(fd, name, m->vnet_hdr, msg) < 0)
        goto cleanup;
    close(fd);
    fd = -1;
    if (!vc_netns_sysfs_exists(name, NULL)) {
        vc_netns_fail(msg, "%s went with its descriptor; it should outlive it", name);
        goto cleanup;
    }
    if (vc_net_link_delete(k, name, &err) < 0) {
        vc_netns_fail(msg, "vc_net_link_delete: %s", err.msg);
        goto cleanup;
    }
    ret = vc_netns_expect_links(before, "after vc_net_link_delete", msg);
cleanup:
    if (fd >= 0)
        close(fd);
    return ret;
}

/* The first free macvtapN; a leftover macvtapN asked for by name gets
 * a fresh one.  (Each its own MAC: two up on one link cannot share one.) */
static int check_macvtap_names(const void *arg, char *msg)
{
    static const char *const asked[] = { NULL, NULL, "macvtap0" };
    static const char *const want[] = { "macvtap0", "macvtap1", "macvtap2" };
    const check_run *c = arg;
    const vc_host_kernel *k = vc_net_real_kernel();
    int fds[3] = { -1, -1, -1 }, ret = -1;
    unsigned char mac[VC_NET_MAC_LEN];
    char name[VC_NET_IFNAME_MAX];
    vc_error err = { 0 };

    if (make_link(c->has->parent_kind, PARENT, NULL, msg) < 0)
        return -1;
    memcpy(mac, guest_mac, sizeof(mac));
    for (size_t i = 0; i < 3; i++) {
        mac[5] = (unsigned char)i;
        if (vc_net_macvtap_create(k, PARENT, asked[i], VC_NET_MACVTAP_VEPA, mac, true,
                                  &fds[i], name, &err) < 0) {
            vc_netns_fail(msg, "vc_net_macvtap_create #%zu: %s", i + 1, err.msg);
            goto cleanup;
        }
        if (strcmp(name, want[i]) != 0) {
            vc_netns_fail(msg, "macvtap #%zu is named '%s', want '%s'", i + 1, name, want[i]);
            goto cleanup;
        }
    }
    ret = expect_mode(name, MACVLAN_MODE_VEPA, msg);
cleanup:
    for (size_t i = 0; i < 3; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    return ret;
}

/* The kernel refuses to bring up a second macvtap with the MAC of the
 * first: the link just made is deleted again. */
static int check_macvtap_mac_in_use(const void *arg, char *msg)
{
    const check_run *c = arg;
    const vc_host_kernel *k = vc_net_real_kernel();
    char name[VC_NET_IFNAME_MAX], before[VC_NETNS_MSG_MAX / 2];
    vc_error err = { 0 };
    int first = -1, fd = 0, ret = -1, rc;

    if (make_link(c->has->parent_kind, PARENT, NULL, msg) < 0)
        return -1;
    if (vc_net_macvtap_create(k, PARENT, NULL, VC_NET_MACVTAP_VEPA, guest_mac, true, &first,
                              name, &err) < 0)
        return vc_netns_fail(msg, "vc_net_macvtap_create: %s", err.msg);
    vc_netns_links(before, sizeof(before));
    rc = vc_net_macvtap_create(k, PARENT, NULL, VC_NET_MACVTAP_VEPA, guest_mac, true, &fd,
                               name, &err);
    ret = vc_netns_expect_refused(rc, fd, &err, "vc_net_macvtap_create",
                                  "Cannot set interface flags on 'macvtap1': "
                                  "Address already in use", before, msg);
    close(first);
    return ret;
}

/* ---- refused creations -------------------------------------------------- */

/* A tap or macvtap the kernel (or the code, before it) refuses: libvirt's
 * message, *fd -1, and no link left behind. */
typedef struct create_refusal {
    bool macvtap;
    const char *link;       /* the bridge, or the macvtap's link */
    const char *ifname;
    vc_net_macvtap_mode mode;
    const char *want;
} create_refusal;

typedef struct refusal_set {
    const create_refusal *rows;
    size_t n;
} refusal_set;

static const create_refusal tap_refusals[] = {
    { false, "vcnobr0", NULL, 0, "Unable to add bridge vcnobr0 port vnet0: No such device" },
    /* TUNSETIFF on a name that is not a tap's */
    { false, BRIDGE, BRIDGE, 0, "Unable to create tap device " BRIDGE ": Invalid argument" },
    { false, BRIDGE, LONG_NAME, 0, "Tap device name '" LONG_NAME "' is too long" },
};

static const create_refusal macvtap_refusals[] = {
    { true, NO_LINK, NULL, VC_NET_MACVTAP_VEPA,
      "Unable to get index for interface " NO_LINK ": No such device" },
    { true, "lo", "lo", VC_NET_MACVTAP_VEPA, "Unable to create macvlan device lo: File exists" },
    { true, "lo", LONG_NAME, VC_NET_MACVTAP_VEPA,
      "Network interface name '" LONG_NAME "' is too long" },
    { true, "lo", NULL, VC_NET_MACVTAP_LAST, "internal error unknown macvtap mode 4" },
};

/* RTM_NEWLINK refused: macvtap cannot sit on a loopback */
static const create_refusal macvtap_kernel_refusals[] = {
    { true, "lo", NULL, VC_NET_MACVTAP_BRIDGE,
      "error creating macvtap type of interface: Invalid argument" },
    { true, "lo", "vcmvt3", VC_NET_MACVTAP_BRIDGE,
      "error creating macvtap type of interface: Invalid argument" },
};

#define REFUSALS(rows) { rows, sizeof(rows) / sizeof(rows[0]) }
static const refusal_set tap_refused = REFUSALS(tap_refusals);
static const refusal_set macvtap_refused = REFUSALS(macvtap_refusals);
static const refusal_set macvtap_kernel_refused = REFUSALS(macvtap_kernel_refusals);

static int check_refusals(const void *arg, char *msg)
{
    const check_run *c = arg;
    const refusal_set *set = c->def->data;
    const vc_host_kernel *k = vc_net_real_kernel();

    if (make_link("bridge", BRIDGE, NULL, msg) < 0)
        return -1;
    for (size_t i = 0; i < set->n; i++) {
        const create_refusal *r = &set->rows[i];
        char name[VC_NET_IFNAME_MAX] = "", before[VC_NETNS_MSG_MAX / 2], call[64];
        vc_error err = { 0 };
        int fd = 0, rc;

        vc_netns_links(before, sizeof(before));
        if (r->macvtap)
            rc = vc_net_macvtap_create(k, r->link, r->ifname, r->mode, guest_mac, true, &fd,
                                       name, &err);
        else
            rc = vc_net_tap_create(k, r->link, r->ifname, guest_mac, true, &fd, name, &err);
        snprintf(call, sizeof(call), "row %zu (%s on %s)", i + 1,
                 r->ifname ? r->ifname : "no name", r->link);
        if (vc_netns_expect_refused(rc, fd, &err, call, r->want, before, msg) < 0)
            return -1;
    }
    return 0;
}

/* ---- devices missing ---------------------------------------------------- */

/* An empty tmpfs over @dir, in the check's own mount namespace: as on a
 * host without the device. */
static int hide(const char *dir, char *msg)
{
    if (mount("none", dir, "tmpfs", 0, "mode=0755") < 0)
        return vc_netns_fail(msg, "mounting a tmpfs on %s: %s", dir, strerror(errno));
    return 0;
}

/* libvirt's hint when /dev/net/tun is not there. */
static int check_tap_no_tun(const void *arg, char *msg)
{
    char name[VC_NET_IFNAME_MAX] = "", before[VC_NETNS_MSG_MAX / 2];
    vc_error err = { 0 };
    int fd = 0, rc;

    (void)arg;
    if (hide("/dev/net", msg) < 0)
        return -1;
    vc_netns_links(before, sizeof(before));
    rc = vc_net_tap_create(vc_net_real_kernel(), NULL, NULL, guest_mac, true, &fd, name, &err);
    return vc_netns_expect_refused(rc, fd, &err, "vc_net_tap_create",
                                   "Unable to open " TUN_PATH ", is tun module loaded?: "
                                   "No such file or directory", before, msg);
}

static int check_vhost(const void *arg, char *msg)
{
    int fd = vc_net_vhost_open(vc_net_real_kernel());

    (void)arg;
    if (fd < 0)
        return vc_netns_fail(msg, "vc_net_vhost_open: %s", strerror(errno));
    close(fd);
    return 0;
}

/* -1 with errno, for the caller to decide (QEMU goes on without it). */
static int check_vhost_missing(const void *arg, char *msg)
{
    int fd;

    (void)arg;
    if (hide("/dev", msg) < 0)
        return -1;
    errno = 0;
    if ((fd = vc_net_vhost_open(vc_net_real_kernel())) >= 0) {
        close(fd);
        return vc_netns_fail(msg, "vc_net_vhost_open under an empty /dev gave fd %d", fd);
    }
    if (errno != ENOENT)
        return vc_netns_fail(msg, "vc_net_vhost_open: errno %d (%s), want ENOENT", errno,
                             strerror(errno));
    return 0;
}

/* ---- what this kernel has ----------------------------------------------- */

/* Namespaces, and links made in them: 1 when that is not allowed (not
 * enough capabilities). */
static int probe_namespaces(const void *arg, char *msg)
{
    int rc = vc_netns_newlink("bridge", BRIDGE, NULL);

    (void)arg;
    if (rc == -EPERM) {
        vc_netns_fail(msg, "RTM_NEWLINK kind bridge: %s", strerror(-rc));
        return 1;
    }
    return 0;
}

static int probe_link(const void *kind, char *msg)
{
    return make_link(kind, PARENT, NULL, msg);
}

static int probe_macvtap(const void *parent_kind, char *msg)
{
    if (make_link(parent_kind, PARENT, NULL, msg) < 0)
        return -1;
    return make_link("macvtap", "vcprobe0", PARENT, msg);
}

/* The link macvtap checks sit on: a dummy, else a veth (as good a
 * parent, and more often built in). */
static void probe_macvtap_parent(kernel_has *has)
{
    char dummy[VC_NETNS_MSG_MAX], veth[VC_NETNS_MSG_MAX];

    if (vc_netns_run(probe_link, "dummy", dummy) == VC_NETNS_PASS) {
        has->parent_kind = "dummy";
    } else if (vc_netns_run(probe_link, "veth", veth) == VC_NETNS_PASS) {
        has->parent_kind = "veth";
        printf("note: %s: macvtap checks sit on a veth link (no dummy links: %s)\n", TIER,
               dummy);
    } else {
        snprintf(has->no_macvtap, sizeof(has->no_macvtap),
                 "no dummy links: %.200s; no veth links: %.200s", dummy, veth);
        return;
    }
    if (vc_netns_run(probe_macvtap, has->parent_kind, dummy) != VC_NETNS_PASS)
        snprintf(has->no_macvtap, sizeof(has->no_macvtap), "no macvtap links: %.400s", dummy);
}

/* Fill @has: 0, or -1 with @why the tier cannot run at all. */
static int probe(kernel_has *has, char *why)
{
    char msg[VC_NETNS_MSG_MAX];
    int fd;

    if (geteuid() != 0)
        return vc_netns_fail(why, "not root");
    if ((fd = open(TUN_PATH, O_RDWR | O_CLOEXEC)) < 0)
        return vc_netns_fail(why, "%s: %s", TUN_PATH, strerror(errno));
    has->vnet_hdr = vc_net_tap_probe_vnet_hdr(vc_net_real_kernel(), fd);
    close(fd);
    if (!has->vnet_hdr)
        printf("note: %s: the IFF_VNET_HDR probe says no: taps are checked without it\n",
               TIER);
    /* refused here, refused to every check; a kernel without bridges is
     * left for the checks to report */
    if (vc_netns_run(probe_namespaces, NULL, msg) == VC_NETNS_REFUSED)
        return vc_netns_fail(why, "%s", msg);
    probe_macvtap_parent(has);
    if (access(VHOST_PATH, F_OK) < 0)
        snprintf(has->no_vhost, sizeof(has->no_vhost), "%s: %s", VHOST_PATH, strerror(errno));
    return 0;
}

static const char *missing(const kernel_has *has, needs needs)
{
    switch (needs) {
    case NEEDS_MACVTAP:
        return has->no_macvtap[0] ? has->no_macvtap : NULL;
    case NEEDS_VHOST:
        return has->no_vhost[0] ? has->no_vhost : NULL;
    case NEEDS_BASE:
        break;
    }
    return NULL;
}

/* ---- the tier ----------------------------------------------------------- */

static const tap_case tap_vnet_hdr = { NULL, "vnet0", true, true };
static const tap_case tap_no_vnet_hdr = { NULL, "vnet0", true, false };
static const tap_case tap_named = { "vctap7", "vctap7", true, true };
static const tap_case tap_unbridged = { NULL, "vnet0", false, false };
static const macvtap_case macvtap_vnet_hdr = {
    NULL, "macvtap0", true, VC_NET_MACVTAP_BRIDGE, MACVLAN_MODE_BRIDGE,
};
static const macvtap_case macvtap_named = {
    "vcmvt3", "vcmvt3", false, VC_NET_MACVTAP_PRIVATE, MACVLAN_MODE_PRIVATE,
};

static const check_def checks[] = {
    { "tap-vnet-hdr", check_tap, &tap_vnet_hdr, NEEDS_BASE },
    { "tap-no-vnet-hdr", check_tap, &tap_no_vnet_hdr, NEEDS_BASE },
    { "tap-named", check_tap, &tap_named, NEEDS_BASE },
    { "tap-unbridged", check_tap, &tap_unbridged, NEEDS_BASE },
    { "tap-refused", check_refusals, &tap_refused, NEEDS_BASE },
    { "tap-no-tun", check_tap_no_tun, NULL, NEEDS_BASE },
    { "link-helpers", check_link_helpers, NULL, NEEDS_BASE },
    { "link-refused", check_link_refusals, NULL, NEEDS_BASE },
    { "macvtap-refused", check_refusals, &macvtap_refused, NEEDS_BASE },
    { "macvtap-vnet-hdr", check_macvtap, &macvtap_vnet_hdr, NEEDS_MACVTAP },
    { "macvtap-named-no-vnet-hdr", check_macvtap, &macvtap_named, NEEDS_MACVTAP },
    { "macvtap-names", check_macvtap_names, NULL, NEEDS_MACVTAP },
    { "macvtap-mac-in-use", check_macvtap_mac_in_use, NULL, NEEDS_MACVTAP },
    { "macvtap-kernel-refused", check_refusals, &macvtap_kernel_refused, NEEDS_MACVTAP },
    { "vhost-open", check_vhost, NULL, NEEDS_VHOST },
    { "vhost-missing", check_vhost_missing, NULL, NEEDS_BASE },
};
#define N_CHECKS (sizeof(checks) / sizeof(checks[0]))

static void run_check(void **state)
{
    const check_run *c = *state;
    char msg[VC_NETNS_MSG_MAX];

    switch (vc_netns_run(c->def->fn, c, msg)) {
    case VC_NETNS_PASS:
        return;
    case VC_NETNS_REFUSED:
        fail_msg("%s: refused: %s", c->def->name, msg);
        break;
    case VC_NETNS_FAIL:
        fail_msg("%s: %s", c->def->name, msg);
        break;
    }
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    kernel_has has = { 0 };
    check_run runs[N_CHECKS];
    vc_unit units[N_CHECKS];
    char why[VC_NETNS_MSG_MAX];

    if (probe(&has, why) < 0) {
        vc_tier_skip(TIER, why);
        return 0;
    }
    for (size_t i = 0; i < N_CHECKS; i++) {
        runs[i] = (check_run){ &checks[i], &has };
        /* a check whose kernel feature is missing is skipped, saying which */
        units[i] = (vc_unit){ .test = { .name = checks[i].name, .test_func = run_check,
                                        .initial_state = &runs[i] },
                              .skip = missing(&has, checks[i].needs) };
    }
    return vc_units_run(TIER, units, N_CHECKS, NULL) ? 1 : 0;
}
