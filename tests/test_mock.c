/* test_mock.c: the real src/net over the fake kernel of mock/, in every
 * scenario: what the functions return, what the kernel then holds, and
 * the trace; then the fake kernel's own rules, and its scenario files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_args.h"
#include "tier.h"
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "mock.h"
#include "net/net.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/strutil.h"

static const unsigned char guest_mac[VC_NET_MAC_LEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

/* ---- helpers -------------------------------------------------------- */

static vc_mock_kernel *boot(const char *scenario)
{
    vc_error err = { 0 };
    vc_mock_kernel *m = vc_mock_kernel_new(scenario, &err);

    if (!m)
        fail_msg("scenario %s: %s", scenario, err.msg);
    return m;
}

/* shown indented: run-tests would take a line "note: ..." for a report */
static void show(const char *what, const char *text)
{
    fprintf(stderr, "%s:\n", what);
    for (const char *l = text; *l;) {
        size_t n = strcspn(l, "\n");

        fprintf(stderr, "    %.*s\n", (int)n, l);
        l += n + (l[n] == '\n');
    }
}

static bool has_line(const char *text, const char *line)
{
    size_t n = strlen(line);

    for (const char *p = text; (p = strstr(p, line)); p++)
        if ((p == text || p[-1] == '\n') && (p[n] == '\n' || !p[n]))
            return true;
    return false;
}

/* The trace (handing nothing), checked for each of the NULL-terminated
 * lines; freed. */
static void expect_lines(vc_mock_kernel *m, const int *handed, size_t nhanded,
                         const char *const *lines)
{
    char *t = vc_mock_trace(m, handed, nhanded, NULL);

    for (size_t i = 0; lines[i]; i++) {
        if (!has_line(t, lines[i])) {
            show("trace", t);
            free(t);
            fail_msg("the trace lacks the line: %s", lines[i]);
        }
    }
    free(t);
}

#define EXPECT_LINES(m, handed, nhanded, ...) \
    expect_lines(m, handed, nhanded, (const char *const[]){ __VA_ARGS__, NULL })

static void expect_no_text(vc_mock_kernel *m, const char *text)
{
    char *t = vc_mock_trace(m, NULL, 0, NULL);

    if (strstr(t, text)) {
        show("trace", t);
        free(t);
        fail_msg("the trace holds: %s", text);
    }
    free(t);
}

static void expect_trace(vc_mock_kernel *m, const int *handed, size_t nhanded,
                         const char *want)
{
    char *t = vc_mock_trace(m, handed, nhanded, NULL);

    if (strcmp(t, want) != 0) {
        show("got", t);
        show("want", want);
        free(t);
        fail_msg("the trace differs");
    }
    free(t);
}

static void expect_error(const vc_error *err, const char *msg)
{
    assert_int_equal(err->code, VC_EXIT_BUILD);
    assert_string_equal(err->msg, msg);
}

static void expect_clean_end(vc_mock_kernel *m)
{
    size_t leaks = 99;
    char *t = vc_mock_trace(m, NULL, 0, &leaks);
    const char *last = "end: nothing open, nothing created\n";
    size_t n = strlen(t);

    if (n < strlen(last) || strcmp(t + n - strlen(last), last) != 0) {
        show("trace", t);
        free(t);
        fail_msg("the kernel still holds something");
    }
    free(t);
    assert_int_equal(leaks, 0);
}

/* A scenario file in a fresh directory (the caller removes both). */
static char *write_scenario(char *dir, const char *name, const char *text, size_t len)
{
    char *path = vc_asprintf("%s/%s", dir, name);
    vc_error err = { 0 };

    if (vc_file_write(path, text, len, &err) < 0)
        fail_msg("%s", err.msg);
    return path;
}

static vc_mock_kernel *boot_text(const char *text)
{
    char dir[] = "/tmp/vc-mock-XXXXXX";
    char *path;
    vc_mock_kernel *m;

    assert_non_null(mkdtemp(dir));
    path = write_scenario(dir, "t.scenario", text, strlen(text));
    m = boot(path);
    unlink(path);
    rmdir(dir);
    free(path);
    return m;
}

static int tap_create(vc_mock_kernel *m, const char *bridge, const char *ifname,
                      bool vnet_hdr, char name[VC_NET_IFNAME_MAX], vc_error *err)
{
    int fd = -2;

    memset(name, 0, VC_NET_IFNAME_MAX);
    if (vc_net_tap_create(vc_mock_kernel_ops(m), bridge, ifname, guest_mac, vnet_hdr, &fd,
                          name, err) < 0) {
        assert_int_equal(fd, -1);
        return -1;
    }
    return fd;
}

static int macvtap_create(vc_mock_kernel *m, const char *linkdev, const char *ifname,
                          vc_net_macvtap_mode mode, bool vnet_hdr,
                          char name[VC_NET_IFNAME_MAX], vc_error *err)
{
    int fd = -2;

    memset(name, 0, VC_NET_IFNAME_MAX);
    if (vc_net_macvtap_create(vc_mock_kernel_ops(m), linkdev, ifname, mode, guest_mac,
                              vnet_hdr, &fd, name, err) < 0) {
        assert_int_equal(fd, -1);
        return -1;
    }
    return fd;
}

/* through the seam, as src/net would */
static int k_close(vc_mock_kernel *m, int fd)
{
    const vc_host_kernel *k = vc_mock_kernel_ops(m);

    return k->close(k->opaque, fd);
}

static int k_ioctl(vc_mock_kernel *m, int fd, unsigned long request, void *arg)
{
    const vc_host_kernel *k = vc_mock_kernel_ops(m);

    return k->ioctl(k->opaque, fd, request, arg);
}

static int k_open(vc_mock_kernel *m, const char *path)
{
    const vc_host_kernel *k = vc_mock_kernel_ops(m);

    return k->open(k->opaque, path, O_RDWR);
}

static int k_socket(vc_mock_kernel *m, int domain, int type, int protocol)
{
    const vc_host_kernel *k = vc_mock_kernel_ops(m);

    return k->socket(k->opaque, domain, type, protocol);
}

/* TUNGETIFF on @fd: its flags (the name to @name) */
static unsigned short tun_flags(vc_mock_kernel *m, int fd, char name[IFNAMSIZ])
{
    struct ifreq ifr;

    memset(&ifr, 0, sizeof(ifr));
    assert_int_equal(k_ioctl(m, fd, TUNGETIFF, &ifr), 0);
    memcpy(name, ifr.ifr_name, IFNAMSIZ);
    return (unsigned short)ifr.ifr_flags;
}

/* ---- tap ------------------------------------------------------------ */

static void test_tap_current(void **state)
{
    vc_mock_kernel *m = boot("current");
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX], ifname[IFNAMSIZ];
    int fd, handed[1];
    size_t leaks = 99;
    char *t;

    (void)state;
    fd = tap_create(m, "virbr0", NULL, true, name, &err);
    assert_int_equal(fd, 3);
    assert_string_equal(name, "vnet0");
    handed[0] = fd;
    expect_trace(m, handed, 1,
        "open(\"/dev/net/tun\", O_RDWR) = 3\n"
        "ioctl(3, TUNGETFEATURES) = 0 [IFF_TUN|IFF_TAP|IFF_NO_PI|IFF_ONE_QUEUE|IFF_VNET_HDR]\n"
        "ioctl(3, TUNGETIFF) = -1 EBADFD\n"
        "note: Enabling IFF_VNET_HDR\n"
        "ioctl(3, TUNSETIFF, \"vnet%d\", [IFF_TAP|IFF_NO_PI|IFF_VNET_HDR]) = 0 \"vnet0\"\n"
        "socket(AF_PACKET, SOCK_DGRAM, 0) = 4\n"
        "ioctl(4, SIOCGIFHWADDR, \"vnet0\") = 0 02:00:00:00:00:07\n"
        "ioctl(4, SIOCSIFHWADDR, \"vnet0\", fe:54:00:12:34:56) = 0\n"
        "close(4) = 0\n"
        "socket(AF_PACKET, SOCK_DGRAM, 0) = 4\n"
        "ioctl(4, SIOCGIFINDEX, \"vnet0\") = 0 ifindex 7\n"
        "close(4) = 0\n"
        "socket(AF_PACKET, SOCK_DGRAM, 0) = 4\n"
        "ioctl(4, SIOCBRADDIF, \"virbr0\", ifindex 7) = 0\n"
        "close(4) = 0\n"
        "socket(AF_PACKET, SOCK_DGRAM, 0) = 4\n"
        "ioctl(4, SIOCGIFFLAGS, \"vnet0\") = 0 [IFF_BROADCAST|IFF_MULTICAST]\n"
        "ioctl(4, SIOCSIFFLAGS, \"vnet0\", [IFF_UP|IFF_BROADCAST|IFF_MULTICAST]) = 0\n"
        "close(4) = 0\n"
        "end: fd 3 /dev/net/tun (vnet0) open, handed to QEMU\n"
        "end: link vnet0 created: tap fe:54:00:12:34:56, up, port of virbr0\n");
    t = vc_mock_trace(m, handed, 1, &leaks);
    free(t);
    assert_int_equal(leaks, 0);

    /* the descriptor is the device: IFF_VNET_HDR on, and it goes with it */
    assert_int_equal(tun_flags(m, fd, ifname), IFF_TAP | IFF_NO_PI | IFF_VNET_HDR);
    assert_string_equal(ifname, "vnet0");
    assert_true(vc_net_link_exists(vc_mock_kernel_ops(m), "vnet0"));
    assert_int_equal(k_close(m, fd), 0);
    assert_false(vc_net_link_exists(vc_mock_kernel_ops(m), "vnet0"));
    EXPECT_LINES(m, NULL, 0, "close(3) = 0 (vnet0 deleted)");
    expect_clean_end(m);
    vc_mock_kernel_free(m);
}

/* Names: the template takes the lowest free number, a name is kept. */
static void test_tap_names(void **state)
{
    vc_mock_kernel *m = boot("current");
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX];
    int a, b, c;

    (void)state;
    a = tap_create(m, NULL, NULL, true, name, &err);
    assert_string_equal(name, "vnet0");
    b = tap_create(m, "br0", NULL, true, name, &err);
    assert_string_equal(name, "vnet1");
    c = tap_create(m, NULL, "mytap", false, name, &err);
    assert_string_equal(name, "mytap");
    assert_int_equal(a, 3);
    assert_int_equal(b, 4);
    assert_int_equal(c, 5);
    assert_int_equal(k_close(m, a), 0);
    a = tap_create(m, NULL, NULL, false, name, &err);
    assert_int_equal(a, 3);
    assert_string_equal(name, "vnet0");
    EXPECT_LINES(m, NULL, 0,
                 "ioctl(5, SIOCBRADDIF, \"br0\", ifindex 8) = 0",
                 "ioctl(5, TUNSETIFF, \"mytap\", [IFF_TAP|IFF_NO_PI]) = 0 \"mytap\"",
                 "end: fd 3 /dev/net/tun (vnet0) open, LEAKED",
                 "end: link vnet0 created: tap fe:54:00:12:34:56, up",
                 "end: link vnet1 created: tap fe:54:00:12:34:56, up, port of br0",
                 "end: link mytap created: tap fe:54:00:12:34:56, up");
    /* a name that exists is not a new tap */
    assert_int_equal(tap_create(m, NULL, "eth0", false, name, &err), -1);
    expect_error(&err, "Unable to create tap device eth0: Device or resource busy");
    assert_int_equal(tap_create(m, NULL, "a-name-too-long-for-linux", false, name, &err), -1);
    expect_error(&err, "Tap device name 'a-name-too-long-for-linux' is too long");
    vc_mock_kernel_free(m);
}

/* vnet_hdr not asked for: no probe at all */
static void test_tap_without_vnet_hdr(void **state)
{
    vc_mock_kernel *m = boot("current");
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX];

    (void)state;
    assert_int_equal(tap_create(m, "virbr1", NULL, false, name, &err), 3);
    expect_no_text(m, "TUNGETFEATURES");
    expect_no_text(m, "note:");
    EXPECT_LINES(m, NULL, 0,
                 "ioctl(3, TUNSETIFF, \"vnet%d\", [IFF_TAP|IFF_NO_PI]) = 0 \"vnet0\"");
    vc_mock_kernel_free(m);
}

/* The probe refuses IFF_VNET_HDR: the tap is made without it, and the
 * note says why. */
static void expect_probe_refused(const char *scenario, const char *note,
                                 const char *const *lines)
{
    vc_mock_kernel *m = boot(scenario);
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX], ifname[IFNAMSIZ];
    int fd;

    fd = tap_create(m, "virbr0", NULL, true, name, &err);
    if (fd != 3)
        fail_msg("%s: %s", scenario, err.msg);
    assert_string_equal(name, "vnet0");
    assert_int_equal(tun_flags(m, fd, ifname), IFF_TAP | IFF_NO_PI);
    EXPECT_LINES(m, NULL, 0, note,
                 "ioctl(3, TUNSETIFF, \"vnet%d\", [IFF_TAP|IFF_NO_PI]) = 0 \"vnet0\"",
                 "end: link vnet0 created: tap fe:54:00:12:34:56, up, port of virbr0");
    expect_lines(m, NULL, 0, lines);
    expect_no_text(m, "note: Enabling");
    vc_mock_kernel_free(m);
}

static void test_tap_no_vnet_hdr_feature(void **state)
{
    (void)state;
    expect_probe_refused("no-vnet-hdr-feature",
                         "note: Not enabling IFF_VNET_HDR; TUNGETFEATURES ioctl() reports "
                         "no IFF_VNET_HDR",
                         (const char *const[]){
                             "ioctl(3, TUNGETFEATURES) = 0 [IFF_TUN|IFF_TAP|IFF_NO_PI|"
                             "IFF_ONE_QUEUE]", NULL });
}

static void test_tap_no_tungetfeatures(void **state)
{
    (void)state;
    expect_probe_refused("no-tungetfeatures",
                         "note: Not enabling IFF_VNET_HDR; TUNGETFEATURES ioctl() not "
                         "implemented",
                         (const char *const[]){ "ioctl(3, TUNGETFEATURES) = -1 EINVAL", NULL });
}

static void test_tap_tungetiff_broken(void **state)
{
    (void)state;
    expect_probe_refused("tungetiff-broken",
                         "note: Not enabling IFF_VNET_HDR; TUNGETIFF ioctl() not implemented",
                         (const char *const[]){ "ioctl(3, TUNGETIFF) = 0 \"\" []", NULL });
}

static void test_tap_tungetiff_einval(void **state)
{
    (void)state;
    expect_probe_refused("tungetiff-einval",
                         "note: Not enabling IFF_VNET_HDR; TUNGETIFF ioctl() not implemented",
                         (const char *const[]){ "ioctl(3, TUNGETIFF) = -1 EINVAL", NULL });
}

static void expect_tap_refused(const char *scenario, const char *bridge, const char *msg,
                               const char *const *lines)
{
    vc_mock_kernel *m = boot(scenario);
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX];

    assert_int_equal(tap_create(m, bridge, NULL, true, name, &err), -1);
    expect_error(&err, msg);
    expect_lines(m, NULL, 0, lines);
    expect_clean_end(m);
    vc_mock_kernel_free(m);
}

static void test_tap_no_tun(void **state)
{
    (void)state;
    expect_tap_refused("no-tun", "virbr0",
                       "Unable to open /dev/net/tun, is tun module loaded?: No such file or "
                       "directory",
                       (const char *const[]){ "open(\"/dev/net/tun\", O_RDWR) = -1 ENOENT",
                                              NULL });
    expect_tap_refused("tun-eperm", "virbr0",
                       "Unable to open /dev/net/tun, is tun module loaded?: Operation not "
                       "permitted",
                       (const char *const[]){ "open(\"/dev/net/tun\", O_RDWR) = -1 EPERM",
                                              NULL });
}

static void test_tap_busy(void **state)
{
    (void)state;
    expect_tap_refused("tunsetiff-busy", "virbr0",
                       "Unable to create tap device vnet%d: Device or resource busy",
                       (const char *const[]){
                           "ioctl(3, TUNSETIFF, \"vnet%d\", [IFF_TAP|IFF_NO_PI|IFF_VNET_HDR])"
                           " = -1 EBUSY",
                           "close(3) = 0", NULL });
}

/* The bridge refuses the port: the tap goes with its descriptor. */
static void test_tap_no_bridge(void **state)
{
    (void)state;
    expect_tap_refused("no-bridge", "virbr0",
                       "Unable to add bridge virbr0 port vnet0: No such device",
                       (const char *const[]){
                           "ioctl(4, SIOCBRADDIF, \"virbr0\", ifindex 7) = -1 ENODEV",
                           "close(3) = 0 (vnet0 deleted)", NULL });
    expect_tap_refused("current", "nosuchbr",
                       "Unable to add bridge nosuchbr port vnet0: No such device",
                       (const char *const[]){ "close(3) = 0 (vnet0 deleted)", NULL });
    expect_tap_refused("current", "eth1",
                       "Unable to add bridge eth1 port vnet0: Operation not supported",
                       (const char *const[]){ "close(3) = 0 (vnet0 deleted)", NULL });
}

/* ---- vhost-net ------------------------------------------------------ */

static void expect_vhost(const char *scenario, int want_errno)
{
    vc_mock_kernel *m = boot(scenario);
    int fd;

    errno = 0;
    fd = vc_net_vhost_open(vc_mock_kernel_ops(m));
    if (want_errno) {
        assert_int_equal(fd, -1);
        assert_int_equal(errno, want_errno);
        expect_clean_end(m);
    } else {
        assert_int_equal(fd, 3);
        EXPECT_LINES(m, &fd, 1, "open(\"/dev/vhost-net\", O_RDWR) = 3",
                     "end: fd 3 /dev/vhost-net open, handed to QEMU");
    }
    vc_mock_kernel_free(m);
}

static void test_vhost(void **state)
{
    vc_mock_kernel *m;

    (void)state;
    expect_vhost("current", 0);
    expect_vhost("no-vhost", ENOENT);
    expect_vhost("vhost-eperm", EPERM);
    m = boot("no-vhost");
    vc_net_vhost_open(vc_mock_kernel_ops(m));
    EXPECT_LINES(m, NULL, 0, "open(\"/dev/vhost-net\", O_RDWR) = -1 ENOENT");
    vc_mock_kernel_free(m);
}

/* ---- macvtap -------------------------------------------------------- */

static void test_macvtap_current(void **state)
{
    vc_mock_kernel *m = boot("current");
    const vc_host_kernel *k = vc_mock_kernel_ops(m);
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX], ifname[IFNAMSIZ];
    int fd;

    (void)state;
    fd = macvtap_create(m, "eth0", NULL, VC_NET_MACVTAP_VEPA, true, name, &err);
    assert_int_equal(fd, 3);
    assert_string_equal(name, "macvtap0");
    expect_trace(m, &fd, 1,
        "socket(AF_PACKET, SOCK_DGRAM, 0) = 3\n"
        "ioctl(3, SIOCGIFINDEX, \"eth0\") = 0 ifindex 2\n"
        "close(3) = 0\n"
        "socket(AF_PACKET, SOCK_DGRAM, 0) = 3\n"
        "ioctl(3, SIOCGIFFLAGS, \"macvtap0\") = -1 ENODEV\n"
        "close(3) = 0\n"
        "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3\n"
        "sendto(3, RTM_NEWLINK [NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE] IFLA_LINK=2 "
        "IFLA_ADDRESS=52:54:00:12:34:56 IFLA_IFNAME=\"macvtap0\" "
        "IFLA_LINKINFO{IFLA_INFO_KIND=\"macvtap\" "
        "IFLA_INFO_DATA{IFLA_MACVLAN_MODE=MACVLAN_MODE_VEPA}}) = 96\n"
        "recv(3) = NLMSG_ERROR 0\n"
        "close(3) = 0\n"
        "socket(AF_PACKET, SOCK_DGRAM, 0) = 3\n"
        "ioctl(3, SIOCGIFFLAGS, \"macvtap0\") = 0 [IFF_BROADCAST|IFF_MULTICAST]\n"
        "ioctl(3, SIOCSIFFLAGS, \"macvtap0\", [IFF_UP|IFF_BROADCAST|IFF_MULTICAST]) = 0\n"
        "close(3) = 0\n"
        "socket(AF_PACKET, SOCK_DGRAM, 0) = 3\n"
        "ioctl(3, SIOCGIFINDEX, \"macvtap0\") = 0 ifindex 7\n"
        "close(3) = 0\n"
        "open(\"/dev/tap7\", O_RDWR) = 3\n"
        "ioctl(3, TUNGETIFF) = 0 \"macvtap0\" [IFF_TAP|IFF_NO_PI|IFF_VNET_HDR]\n"
        "end: fd 3 /dev/tap7 (macvtap0) open, handed to QEMU\n"
        "end: link macvtap0 created: macvtap 52:54:00:12:34:56 on eth0 MACVLAN_MODE_VEPA, "
        "up\n");

    /* the link outlives the descriptor; RTM_DELLINK removes it */
    assert_int_equal(k_close(m, fd), 0);
    EXPECT_LINES(m, NULL, 0, "close(3) = 0",
                 "end: link macvtap0 created: macvtap 52:54:00:12:34:56 on eth0 "
                 "MACVLAN_MODE_VEPA, up");
    assert_int_equal(vc_net_link_delete(k, name, &err), 0);
    EXPECT_LINES(m, NULL, 0,
                 "sendto(3, RTM_DELLINK [NLM_F_REQUEST|NLM_F_ACK] IFLA_IFNAME=\"macvtap0\") = 48");
    expect_clean_end(m);

    /* the next takes the lowest free name again, in another mode */
    fd = macvtap_create(m, "eth1", NULL, VC_NET_MACVTAP_BRIDGE, true, name, &err);
    assert_string_equal(name, "macvtap0");
    assert_int_equal(tun_flags(m, fd, ifname), IFF_TAP | IFF_NO_PI | IFF_VNET_HDR);
    EXPECT_LINES(m, NULL, 0,
                 "end: link macvtap0 created: macvtap 52:54:00:12:34:56 on eth1 "
                 "MACVLAN_MODE_BRIDGE, up");
    vc_mock_kernel_free(m);
}

/* IFF_VNET_HDR not wanted: cleared on the queue */
static void test_macvtap_without_vnet_hdr(void **state)
{
    vc_mock_kernel *m = boot("current");
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX], ifname[IFNAMSIZ];
    int fd;

    (void)state;
    fd = macvtap_create(m, "eth0", NULL, VC_NET_MACVTAP_PRIVATE, false, name, &err);
    assert_int_equal(fd, 3);
    assert_int_equal(tun_flags(m, fd, ifname), IFF_TAP | IFF_NO_PI);
    assert_string_equal(ifname, "macvtap0");
    EXPECT_LINES(m, NULL, 0,
                 "ioctl(3, TUNSETIFF, \"macvtap0\", [IFF_TAP|IFF_NO_PI]) = 0 \"macvtap0\"",
                 "end: link macvtap0 created: macvtap 52:54:00:12:34:56 on eth0 "
                 "MACVLAN_MODE_PRIVATE, up");
    vc_mock_kernel_free(m);
}

static void expect_macvtap_refused(const char *scenario, const char *linkdev,
                                   const char *ifname, bool vnet_hdr, const char *msg,
                                   const char *const *lines)
{
    vc_mock_kernel *m = scenario[0] == '\n' ? boot_text(scenario + 1) : boot(scenario);
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX];

    assert_int_equal(macvtap_create(m, linkdev, ifname, VC_NET_MACVTAP_VEPA, vnet_hdr, name,
                                    &err), -1);
    expect_error(&err, msg);
    expect_lines(m, NULL, 0, lines);
    expect_clean_end(m);
    vc_mock_kernel_free(m);
}

static void test_macvtap_fail(void **state)
{
    (void)state;
    expect_macvtap_refused("macvtap-fail", "eth0", NULL, true,
                           "error creating macvtap type of interface: Operation not supported",
                           (const char *const[]){ "recv(3) = NLMSG_ERROR -EOPNOTSUPP", NULL });
    expect_macvtap_refused("current", "eth9", NULL, true,
                           "Unable to get index for interface eth9: No such device",
                           (const char *const[]){ NULL });
    expect_macvtap_refused("current", "eth0", "eth1", true,
                           "Unable to create macvlan device eth1: File exists",
                           (const char *const[]){ NULL });
    /* failures after the link exists delete it */
    expect_macvtap_refused("\ninclude current\nfail open /dev/tap7 ENXIO\n", "eth0", NULL,
                           true, "cannot open macvtap tap device /dev/tap7: No such device or "
                           "address",
                           (const char *const[]){
                               "sendto(3, RTM_DELLINK [NLM_F_REQUEST|NLM_F_ACK] "
                               "IFLA_IFNAME=\"macvtap0\") = 48",
                               "recv(3) = NLMSG_ERROR 0", NULL });
    expect_macvtap_refused("\ninclude current\nfail ioctl TUNSETIFF EINVAL\n", "eth0", NULL,
                           false, "cannot clean IFF_VNET_HDR flag on macvtap tap: Invalid "
                           "argument",
                           (const char *const[]){ "close(3) = 0", NULL });
    expect_macvtap_refused("\ninclude current\nfail ioctl SIOCSIFFLAGS EPERM\n", "eth0",
                           "mvt0", true, "Cannot set interface flags on 'mvt0': Operation not "
                           "permitted", (const char *const[]){ NULL });
}

static void test_macvtap_names(void **state)
{
    vc_mock_kernel *m = boot("current");
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX];

    (void)state;
    assert_int_equal(macvtap_create(m, "eth0", "mvt0", VC_NET_MACVTAP_VEPA, true, name,
                                    &err), 3);
    assert_string_equal(name, "mvt0");
    assert_int_equal(macvtap_create(m, "eth0", NULL, VC_NET_MACVTAP_VEPA, true, name, &err),
                     4);
    assert_string_equal(name, "macvtap0");
    /* a leftover of ours gets a fresh name */
    assert_int_equal(macvtap_create(m, "eth0", "macvtap0", VC_NET_MACVTAP_VEPA, true, name,
                                    &err), 5);
    assert_string_equal(name, "macvtap1");
    EXPECT_LINES(m, NULL, 0, "open(\"/dev/tap7\", O_RDWR) = 3",
                 "end: fd 5 /dev/tap9 (macvtap1) open, LEAKED");
    vc_mock_kernel_free(m);

    /* the kernel's EEXIST (a race) makes src/net try the next name */
    m = boot_text("include current\nfail netlink RTM_NEWLINK EEXIST 1\n");
    assert_int_equal(macvtap_create(m, "eth0", NULL, VC_NET_MACVTAP_VEPA, true, name, &err),
                     3);
    assert_string_equal(name, "macvtap1");
    EXPECT_LINES(m, NULL, 0, "recv(3) = NLMSG_ERROR -EEXIST", "recv(3) = NLMSG_ERROR 0");
    vc_mock_kernel_free(m);
}

/* The exchange with rtnetlink failing at each step; an answer lost
 * after the request went out still leaves no link behind. */
static void test_macvtap_netlink_exchange(void **state)
{
    (void)state;
    expect_macvtap_refused("\ninclude current\nfail socket AF_NETLINK EACCES\n", "eth0", NULL,
                           true, "cannot open netlink socket: Permission denied",
                           (const char *const[]){
                               "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = -1 EACCES",
                               NULL });
    expect_macvtap_refused("\ninclude current\nfail sendto RTM_NEWLINK ENOBUFS\n", "eth0",
                           NULL, true, "cannot send to netlink socket: No buffer space "
                           "available", (const char *const[]){ "close(3) = 0", NULL });
    expect_macvtap_refused("\ninclude current\nfail recv RTM_NEWLINK EINTR\n", "eth0", NULL,
                           true, "cannot receive from netlink socket: Interrupted system call",
                           (const char *const[]){
                               "recv(3) = -1 EINTR",
                               "sendto(3, RTM_DELLINK [NLM_F_REQUEST|NLM_F_ACK] "
                               "IFLA_IFNAME=\"macvtap0\") = 48",
                               "recv(3) = NLMSG_ERROR 0", NULL });
}

/* a kernel whose netlink answers are cut to 8 bytes */
static ssize_t short_recv(void *opaque, int fd, void *buf, size_t len)
{
    const vc_host_kernel *k = vc_mock_kernel_ops(opaque);
    ssize_t n = k->nl_recv(k->opaque, fd, buf, len);

    return n > 8 ? 8 : n;
}

static void test_macvtap_malformed_answer(void **state)
{
    vc_mock_kernel *m = boot("current");
    vc_host_kernel k = *vc_mock_kernel_ops(m);
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX];
    int fd = -2;

    (void)state;
    k.opaque = m;
    k.nl_recv = short_recv;
    assert_int_equal(vc_net_macvtap_create(&k, "eth0", NULL, VC_NET_MACVTAP_VEPA, guest_mac,
                                           true, &fd, name, &err), -1);
    assert_int_equal(fd, -1);
    /* the cleanup's own answer is cut too: what the kernel did is
     * unknown, and the error says so */
    expect_error(&err, "internal error malformed netlink response message; macvtap0 is left "
                 "behind: internal error malformed netlink response message");
    EXPECT_LINES(m, NULL, 0, "sendto(3, RTM_DELLINK [NLM_F_REQUEST|NLM_F_ACK] "
                 "IFLA_IFNAME=\"macvtap0\") = 48");
    vc_mock_kernel_free(m);
}

/* The deletion after a failure fails too: the failure comes first, and
 * the link the kernel kept is named. */
static void test_macvtap_delete_fails(void **state)
{
    vc_mock_kernel *m = boot_text("include current\nfail open /dev/tap7 ENXIO\n"
                                  "fail sendto RTM_DELLINK ENOBUFS 1\n");
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX];

    (void)state;
    assert_int_equal(macvtap_create(m, "eth0", NULL, VC_NET_MACVTAP_VEPA, true, name, &err),
                     -1);
    expect_error(&err, "cannot open macvtap tap device /dev/tap7: No such device or address; "
                 "macvtap0 is left behind: cannot send to netlink socket: No buffer space "
                 "available");
    EXPECT_LINES(m, NULL, 0, "end: link macvtap0 created: macvtap 52:54:00:12:34:56 on eth0 "
                 "MACVLAN_MODE_VEPA, up");
    vc_mock_kernel_free(m);
}

/* udev makes /dev/tapN after the link: ENOENT is waited out */
static void test_macvtap_tap_late(void **state)
{
    vc_mock_kernel *m = boot_text("include current\nfail open /dev/tap7 ENOENT 2\n");
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX];

    (void)state;
    assert_int_equal(macvtap_create(m, "eth0", NULL, VC_NET_MACVTAP_VEPA, true, name, &err),
                     3);
    EXPECT_LINES(m, NULL, 0, "open(\"/dev/tap7\", O_RDWR) = -1 ENOENT",
                 "open(\"/dev/tap7\", O_RDWR) = 3");
    vc_mock_kernel_free(m);

    /* for ever: the link goes */
    expect_macvtap_refused("\ninclude current\nfail open /dev/tap7 ENOENT\n", "eth0", NULL,
                           true, "cannot open macvtap tap device /dev/tap7: No such file or "
                           "directory", (const char *const[]){
                               "recv(3) = NLMSG_ERROR 0", NULL });
    expect_macvtap_refused("\ninclude current\nfail ioctl SIOCGIFINDEX ENODEV\n", "eth0",
                           NULL, true, "Unable to get index for interface eth0: No such "
                           "device", (const char *const[]){ NULL });
}

/* An older macvtap: queues that open without IFF_VNET_HDR, and may not
 * have it at all. */
static void test_macvtap_older(void **state)
{
    vc_mock_kernel *m;
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX], ifname[IFNAMSIZ];
    int fd;

    (void)state;
    /* it has the feature: set */
    m = boot_text("include current\nmacvtap-flags IFF_TAP IFF_NO_PI\n");
    fd = macvtap_create(m, "eth0", NULL, VC_NET_MACVTAP_VEPA, true, name, &err);
    assert_int_equal(fd, 3);
    assert_int_equal(tun_flags(m, fd, ifname), IFF_TAP | IFF_NO_PI | IFF_VNET_HDR);
    EXPECT_LINES(m, NULL, 0,
                 "ioctl(3, TUNGETFEATURES) = 0 [IFF_TAP|IFF_MULTI_QUEUE|IFF_NO_PI|"
                 "IFF_VNET_HDR]",
                 "ioctl(3, TUNSETIFF, \"macvtap0\", [IFF_TAP|IFF_NO_PI|IFF_VNET_HDR]) = 0 "
                 "\"macvtap0\"");
    vc_mock_kernel_free(m);

    /* it lacks it: left off, with the reason noted */
    m = boot_text("include current\nmacvtap-flags IFF_TAP IFF_NO_PI\n"
                  "macvtap-features IFF_TAP IFF_NO_PI\n");
    fd = macvtap_create(m, "eth0", NULL, VC_NET_MACVTAP_VEPA, true, name, &err);
    assert_int_equal(fd, 3);
    assert_int_equal(tun_flags(m, fd, ifname), IFF_TAP | IFF_NO_PI);
    EXPECT_LINES(m, NULL, 0, "note: Not enabling IFF_VNET_HDR on macvtap tap; "
                 "TUNGETFEATURES reports no IFF_VNET_HDR");
    expect_no_text(m, "TUNSETIFF");
    vc_mock_kernel_free(m);

    /* it reports it but TUNSETIFF refuses: left off too */
    m = boot_text("include current\nmacvtap-flags IFF_TAP IFF_NO_PI\n"
                  "fail ioctl TUNSETIFF EINVAL\n");
    fd = macvtap_create(m, "eth0", NULL, VC_NET_MACVTAP_VEPA, true, name, &err);
    assert_int_equal(fd, 3);
    assert_int_equal(tun_flags(m, fd, ifname), IFF_TAP | IFF_NO_PI);
    EXPECT_LINES(m, NULL, 0, "note: Not enabling IFF_VNET_HDR on macvtap tap; TUNSETIFF "
                 "refused it");
    vc_mock_kernel_free(m);

    /* not wanted and not there: nothing to do */
    m = boot_text("include current\nmacvtap-flags IFF_TAP IFF_NO_PI\n");
    fd = macvtap_create(m, "eth0", NULL, VC_NET_MACVTAP_VEPA, false, name, &err);
    assert_int_equal(fd, 3);
    expect_no_text(m, "TUNSETIFF");
    vc_mock_kernel_free(m);

    expect_macvtap_refused("\ninclude current\nmacvtap-flags IFF_TAP IFF_NO_PI\n"
                           "fail ioctl TUNGETFEATURES EINVAL\n", "eth0", NULL, true,
                           "cannot get feature flags on macvtap tap: Invalid argument",
                           (const char *const[]){ "close(3) = 0", NULL });
    expect_macvtap_refused("\ninclude current\nfail ioctl TUNGETIFF EBADFD\n", "eth0", NULL,
                           true, "cannot get interface flags on macvtap tap: File descriptor "
                           "in bad state", (const char *const[]){ "close(3) = 0", NULL });
}

/* The kernel calls every free name taken: given up after a few. */
static void test_macvtap_name_races(void **state)
{
    (void)state;
    expect_macvtap_refused("\ninclude current\nfail netlink RTM_NEWLINK EEXIST\n", "eth0",
                           NULL, true, "Unable to create macvlan device macvtap4: File exists",
                           (const char *const[]){ "recv(3) = NLMSG_ERROR -EEXIST", NULL });
    /* names that exist are passed over, not counted */
    expect_macvtap_refused("\ninclude current\nlink macvtap0\nlink macvtap1\n"
                           "fail netlink RTM_NEWLINK EEXIST\n", "eth0", NULL, true,
                           "Unable to create macvlan device macvtap6: File exists",
                           (const char *const[]){ NULL });
}

/* Deleting a link takes the macvtaps over it along; their queues stay
 * open with no link. */
static void test_macvtap_lower_deleted(void **state)
{
    vc_mock_kernel *m = boot("current");
    const vc_host_kernel *k = vc_mock_kernel_ops(m);
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX];
    struct ifreq ifr;
    int fd;

    (void)state;
    fd = macvtap_create(m, "virbr1", NULL, VC_NET_MACVTAP_VEPA, true, name, &err);
    assert_int_equal(fd, 3);
    assert_int_equal(vc_net_link_delete(k, "virbr1", &err), 0);
    assert_false(vc_net_link_exists(k, "macvtap0"));
    memset(&ifr, 0, sizeof(ifr));
    assert_int_equal(k_ioctl(m, fd, TUNGETIFF, &ifr), -1);
    assert_int_equal(errno, ENOLINK);
    EXPECT_LINES(m, NULL, 0, "end: fd 3 /dev/tap7 (link gone) open, LEAKED");
    assert_int_equal(vc_net_link_delete(k, "eth0", &err), -1);
    expect_error(&err, "error destroying eth0 interface: Operation not supported");
    assert_int_equal(vc_net_link_delete(k, "nosuch", &err), -1);
    expect_error(&err, "error destroying nosuch interface: No such device");
    vc_mock_kernel_free(m);
}

/* ---- links ---------------------------------------------------------- */

static void test_links(void **state)
{
    vc_mock_kernel *m = boot("current");
    const vc_host_kernel *k = vc_mock_kernel_ops(m);
    static const unsigned char mac[VC_NET_MAC_LEN] = { 0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };
    static const unsigned char multicast[VC_NET_MAC_LEN] = { 0x01, 0, 0x5e, 0, 0, 1 };
    vc_error err = { 0 };

    (void)state;
    assert_int_equal(vc_net_link_index(k, "lo", &err), 1);
    assert_int_equal(vc_net_link_index(k, "eth0", &err), 2);
    assert_int_equal(vc_net_link_index(k, "br0", &err), 6);
    assert_true(vc_net_link_exists(k, "virbr1"));
    assert_false(vc_net_link_exists(k, "virbr2"));
    /* up already: no SIOCSIFFLAGS */
    assert_int_equal(vc_net_link_set_up(k, "eth0", &err), 0);
    expect_no_text(m, "SIOCSIFFLAGS");
    assert_int_equal(vc_net_link_set_mac(k, "eth1", mac, &err), 0);
    assert_int_equal(vc_net_link_set_mac(k, "eth1", mac, &err), 0);
    assert_int_equal(vc_net_link_set_mac(k, "eth1", multicast, &err), -1);
    expect_error(&err, "Cannot set interface MAC on 'eth1': Cannot assign requested address");
    assert_int_equal(vc_net_link_set_mac(k, "eth7", mac, &err), -1);
    expect_error(&err, "Cannot get interface MAC on 'eth7': No such device");
    assert_int_equal(vc_net_bridge_add_port(k, "virbr0", "eth0", &err), 0);
    assert_int_equal(vc_net_bridge_add_port(k, "br0", "eth0", &err), -1);
    expect_error(&err, "Unable to add bridge br0 port eth0: Device or resource busy");
    assert_int_equal(vc_net_bridge_add_port(k, "br0", "virbr0", &err), -1);
    expect_error(&err, "Unable to add bridge br0 port virbr0: Too many levels of symbolic links");
    EXPECT_LINES(m, NULL, 0,
                 "ioctl(3, SIOCGIFHWADDR, \"eth1\") = 0 52:54:00:e0:00:02",
                 "ioctl(3, SIOCGIFHWADDR, \"eth1\") = 0 02:aa:bb:cc:dd:ee",
                 "ioctl(3, SIOCSIFHWADDR, \"eth1\", 01:00:5e:00:00:01) = -1 EADDRNOTAVAIL",
                 "ioctl(3, SIOCGIFFLAGS, \"eth0\") = 0 [IFF_UP|IFF_BROADCAST|IFF_MULTICAST]",
                 "ioctl(3, SIOCBRADDIF, \"virbr0\", ifindex 2) = 0",
                 /* scenario links are not the run's: they are not listed */
                 "end: nothing open, nothing created");
    vc_mock_kernel_free(m);
}

/* ---- the kernel's own rules ----------------------------------------- */

static void test_descriptors(void **state)
{
    vc_mock_kernel *m = boot("current");
    const vc_host_kernel *k = vc_mock_kernel_ops(m);
    unsigned int features;

    (void)state;
    assert_int_equal(k_open(m, "/dev/net/tun"), 3);
    assert_int_equal(k_open(m, "/dev/vhost-net"), 4);
    assert_int_equal(k_socket(m, AF_LOCAL, SOCK_STREAM | SOCK_CLOEXEC, 0), 5);
    assert_int_equal(k_close(m, 3), 0);
    assert_int_equal(k_socket(m, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE), 3);
    assert_int_equal(k_close(m, 42), -1);
    assert_int_equal(errno, EBADF);
    assert_int_equal(k_close(m, 1), -1);
    assert_int_equal(errno, EBADF);
    assert_int_equal(k_open(m, "/dev/kvm"), -1);
    assert_int_equal(errno, ENOENT);
    assert_int_equal(k_open(m, "/dev/tap2"), -1);       /* eth0: no macvtap */
    assert_int_equal(errno, ENOENT);
    assert_int_equal(k_socket(m, AF_BLUETOOTH, SOCK_DGRAM, 0), -1);
    assert_int_equal(errno, EAFNOSUPPORT);
    assert_int_equal(k_socket(m, AF_NETLINK, SOCK_RAW, NETLINK_GENERIC), -1);
    assert_int_equal(errno, EPROTONOSUPPORT);
    /* ioctls belong to their kind of descriptor */
    assert_int_equal(k_ioctl(m, 4, TUNGETFEATURES, &features), -1);
    assert_int_equal(errno, ENOTTY);
    assert_int_equal(k_ioctl(m, 5, TUNGETFEATURES, &features), -1);
    assert_int_equal(errno, ENOTTY);
    assert_int_equal(k_ioctl(m, 4, 0x1234, &features), -1);
    assert_int_equal(errno, ENOTTY);
    assert_int_equal(k_open(m, "/dev/net/tun"), 6);
    assert_int_equal(k_ioctl(m, 6, TUNGETFEATURES, NULL), -1);
    assert_int_equal(errno, EFAULT);
    k->note(k->opaque, "a note");
    EXPECT_LINES(m, NULL, 0,
                 "socket(AF_LOCAL, SOCK_STREAM|SOCK_CLOEXEC, 0) = 5",
                 "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3",
                 "close(42) = -1 EBADF",
                 "open(\"/dev/kvm\", O_RDWR) = -1 ENOENT",
                 "socket(31, SOCK_DGRAM, 0) = -1 EAFNOSUPPORT",
                 "ioctl(4, 0x1234) = -1 ENOTTY",
                 "ioctl(6, TUNGETFEATURES) = -1 EFAULT",
                 "note: a note",
                 "end: fd 3 socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) open, LEAKED",
                 "end: fd 4 /dev/vhost-net open, LEAKED",
                 "end: fd 5 socket(AF_LOCAL, SOCK_STREAM|SOCK_CLOEXEC, 0) open, LEAKED",
                 "end: fd 6 /dev/net/tun open, LEAKED");
    vc_mock_kernel_free(m);
}

static int setiff(vc_mock_kernel *m, int fd, const char *name, int flags, char *real)
{
    struct ifreq ifr;
    int rc;

    memset(&ifr, 0, sizeof(ifr));
    strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
    ifr.ifr_flags = (short)flags;
    rc = k_ioctl(m, fd, TUNSETIFF, &ifr);
    if (real)
        memcpy(real, ifr.ifr_name, IFNAMSIZ);
    return rc;
}

static void test_tunsetiff_rules(void **state)
{
    vc_mock_kernel *m = boot("current");
    char real[IFNAMSIZ], name[IFNAMSIZ];
    int fd = k_open(m, "/dev/net/tun");

    (void)state;
    assert_int_equal(setiff(m, fd, "tun%d", IFF_TUN | IFF_NO_PI, NULL), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(setiff(m, fd, "tap%d", IFF_TAP | IFF_MULTI_QUEUE, NULL), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(setiff(m, fd, "br0", IFF_TAP, NULL), -1);
    assert_int_equal(errno, EBUSY);
    assert_int_equal(setiff(m, fd, "x%s", IFF_TAP, NULL), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(setiff(m, fd, "", IFF_TAP | IFF_VNET_HDR, real), 0);
    assert_string_equal(real, "tap0");
    assert_int_equal(setiff(m, fd, "again", IFF_TAP, NULL), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(tun_flags(m, fd, name), IFF_TAP | IFF_VNET_HDR);
    assert_string_equal(name, "tap0");
    /* a second queue gets the next number */
    assert_int_equal(setiff(m, k_open(m, "/dev/net/tun"), "tap%d", IFF_TAP, real), 0);
    assert_string_equal(real, "tap1");
    vc_mock_kernel_free(m);

    m = boot("no-vnet-hdr-feature");
    fd = k_open(m, "/dev/net/tun");
    assert_int_equal(setiff(m, fd, "vnet%d", IFF_TAP | IFF_NO_PI | IFF_VNET_HDR, NULL), -1);
    assert_int_equal(errno, EINVAL);
    vc_mock_kernel_free(m);
}

/* A netlink message: the header, an ifinfomsg, @attrs as they are. */
static size_t nl_message(unsigned char *buf, uint16_t type, uint16_t flags,
                         const void *attrs, size_t alen)
{
    struct nlmsghdr h = { 0 };
    struct ifinfomsg ifi = { 0 };
    size_t len = NLMSG_LENGTH(sizeof(ifi)) + alen;

    h.nlmsg_len = (uint32_t)len;
    h.nlmsg_type = type;
    h.nlmsg_flags = flags;
    h.nlmsg_seq = 77;
    memcpy(buf, &h, sizeof(h));
    memcpy(buf + NLMSG_HDRLEN, &ifi, sizeof(ifi));
    memcpy(buf + NLMSG_LENGTH(sizeof(ifi)), attrs, alen);
    return len;
}

/* Send @len bytes of @buf; the error the kernel acknowledges with. */
static int nl_exchange(vc_mock_kernel *m, int fd, const unsigned char *buf, size_t len)
{
    const vc_host_kernel *k = vc_mock_kernel_ops(m);
    unsigned char ans[256];
    struct nlmsghdr h;
    struct nlmsgerr e;
    ssize_t n;

    assert_int_equal(k->nl_send(k->opaque, fd, buf, len), (ssize_t)len);
    n = k->nl_recv(k->opaque, fd, ans, sizeof(ans));
    assert_int_equal(n, NLMSG_LENGTH(sizeof(e)));
    memcpy(&h, ans, sizeof(h));
    memcpy(&e, ans + NLMSG_HDRLEN, sizeof(e));
    assert_int_equal(h.nlmsg_type, NLMSG_ERROR);
    assert_int_equal(h.nlmsg_seq, 77);
    assert_memory_equal(&e.msg, buf, sizeof(e.msg));
    return e.error;
}

static void test_netlink_rules(void **state)
{
    vc_mock_kernel *m = boot("current");
    const vc_host_kernel *k = vc_mock_kernel_ops(m);
    /* IFLA_IFNAME "eth0", then IFLA_INFO_KIND "vlan" in IFLA_LINKINFO */
    static const unsigned char eth0[] = { 9, 0, IFLA_IFNAME, 0, 'e', 't', 'h', '0', 0, 0, 0, 0 };
    static const unsigned char vlan[] = { 12, 0, IFLA_LINKINFO, 0,
                                          8, 0, IFLA_INFO_KIND, 0, 'v', 'l', 'a', 'n' };
    static const unsigned char longer[] = { 40, 0, IFLA_IFNAME, 0, 'x', 0, 0, 0 };
    static const unsigned char orphan[] = { 8, 0, IFLA_LINK, 0, 99, 0, 0, 0,
                                            16, 0, IFLA_LINKINFO, 0,
                                            11, 0, IFLA_INFO_KIND, 0, 'm', 'a', 'c', 'v',
                                            't', 'a', 'p', 0 };
    static const unsigned char shortmac[] = { 8, 0, IFLA_ADDRESS, 0, 1, 2, 3, 4 };
    unsigned char buf[256], ans[64];
    int fd = k_socket(m, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    int ctl = k_socket(m, AF_PACKET, SOCK_DGRAM, 0);
    const uint16_t req = NLM_F_REQUEST | NLM_F_ACK;
    size_t len;

    (void)state;
    assert_int_equal(k->nl_recv(k->opaque, fd, ans, sizeof(ans)), -1);
    assert_int_equal(errno, EAGAIN);
    len = nl_message(buf, RTM_DELLINK, req, eth0, sizeof(eth0));
    assert_int_equal(nl_exchange(m, fd, buf, len), -EOPNOTSUPP);
    len = nl_message(buf, RTM_GETLINK, req, eth0, sizeof(eth0));
    assert_int_equal(nl_exchange(m, fd, buf, len), -EOPNOTSUPP);
    len = nl_message(buf, RTM_NEWLINK, req | NLM_F_CREATE | NLM_F_EXCL, eth0, sizeof(eth0));
    assert_int_equal(nl_exchange(m, fd, buf, len), -EEXIST);
    len = nl_message(buf, RTM_NEWLINK, req | NLM_F_CREATE, vlan, sizeof(vlan));
    assert_int_equal(nl_exchange(m, fd, buf, len), -EOPNOTSUPP);
    len = nl_message(buf, RTM_NEWLINK, req | NLM_F_CREATE, orphan, sizeof(orphan));
    assert_int_equal(nl_exchange(m, fd, buf, len), -ENODEV);
    len = nl_message(buf, RTM_NEWLINK, req | NLM_F_CREATE, shortmac, sizeof(shortmac));
    assert_int_equal(nl_exchange(m, fd, buf, len), -EINVAL);
    len = nl_message(buf, RTM_DELLINK, req, longer, sizeof(longer));
    assert_int_equal(nl_exchange(m, fd, buf, len), -EINVAL);
    /* not one message: the send fails */
    assert_int_equal(k->nl_send(k->opaque, fd, buf, 8), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(k->nl_send(k->opaque, fd, buf, len + 8), -1);
    assert_int_equal(errno, EINVAL);
    buf[0] = 200;
    assert_int_equal(k->nl_send(k->opaque, fd, buf, len), -1);
    assert_int_equal(errno, EINVAL);
    /* only a netlink socket reaches the kernel's netlink */
    len = nl_message(buf, RTM_DELLINK, req, eth0, sizeof(eth0));
    assert_int_equal(k->nl_send(k->opaque, ctl, buf, len), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(k->nl_send(k->opaque, 99, buf, len), -1);
    assert_int_equal(errno, EBADF);
    /* an error is told without NLM_F_ACK; what is not a request is ignored */
    len = nl_message(buf, RTM_DELLINK, NLM_F_REQUEST, eth0, 0);
    assert_int_equal(k->nl_send(k->opaque, fd, buf, len), (ssize_t)len);
    assert_int_equal(k->nl_recv(k->opaque, fd, ans, sizeof(ans)),
                     NLMSG_LENGTH(sizeof(struct nlmsgerr)));
    len = nl_message(buf, RTM_DELLINK, 0, eth0, sizeof(eth0));
    assert_int_equal(k->nl_send(k->opaque, fd, buf, len), (ssize_t)len);
    assert_int_equal(k->nl_recv(k->opaque, fd, ans, sizeof(ans)), -1);
    assert_int_equal(errno, EAGAIN);
    EXPECT_LINES(m, NULL, 0,
                 "recv(3) = -1 EAGAIN",
                 "sendto(3, RTM_DELLINK [NLM_F_REQUEST|NLM_F_ACK] IFLA_IFNAME=\"eth0\") = 44",
                 "recv(3) = NLMSG_ERROR -EOPNOTSUPP",
                 "sendto(3, RTM_NEWLINK [NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE] "
                 "IFLA_LINKINFO{IFLA_INFO_KIND=\"vlan\"}) = 44",
                 "sendto(3, RTM_NEWLINK [NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE] "
                 "IFLA_ADDRESS <malformed>) = 40",
                 "sendto(3, RTM_DELLINK [NLM_F_REQUEST|NLM_F_ACK] <malformed>) = 40",
                 "sendto(3, <8 bytes, not one message>) = -1 EINVAL",
                 "sendto(4, RTM_DELLINK [NLM_F_REQUEST|NLM_F_ACK] IFLA_IFNAME=\"eth0\") = "
                 "-1 EINVAL",
                 "recv(3) = NLMSG_ERROR -EINVAL");
    vc_mock_kernel_free(m);
}

static void test_fail_counts(void **state)
{
    vc_mock_kernel *m = boot_text("include current\nfail open /dev/vhost-net EACCES 2\n"
                                  "fail socket AF_PACKET ENOBUFS\n");
    const vc_host_kernel *k = vc_mock_kernel_ops(m);
    vc_error err = { 0 };

    (void)state;
    assert_int_equal(vc_net_vhost_open(k), -1);
    assert_int_equal(errno, EACCES);
    assert_int_equal(vc_net_vhost_open(k), -1);
    assert_int_equal(vc_net_vhost_open(k), 3);
    assert_int_equal(vc_net_link_index(k, "eth0", &err), -1);
    expect_error(&err, "Cannot open network interface control socket: No buffer space "
                 "available");
    vc_mock_kernel_free(m);
}

/* Whatever names it sees, a trace stays one line a call. */
static void test_escaping(void **state)
{
    vc_mock_kernel *m = boot("current");
    const vc_host_kernel *k = vc_mock_kernel_ops(m);
    char real[IFNAMSIZ];
    int fd;

    (void)state;
    assert_int_equal(k_open(m, "/dev/x\"y\n\tz\001\\\xff"), -1);
    k->note(k->opaque, "two\nlines");
    fd = k_open(m, "/dev/net/tun");
    assert_int_equal(setiff(m, fd, "a\"b\x7f", IFF_TAP, real), 0);
    EXPECT_LINES(m, NULL, 0,
                 "open(\"/dev/x\\\"y\\n\\tz\\001\\\\\\377\", O_RDWR) = -1 ENOENT",
                 "note: two\\nlines",
                 "ioctl(3, TUNSETIFF, \"a\\\"b\\177\", [IFF_TAP]) = 0 \"a\\\"b\\177\"",
                 "end: fd 3 /dev/net/tun (a\\\"b\\177) open, LEAKED",
                 "end: link a\\\"b\\177 created: tap 02:00:00:00:00:07, down");
    vc_mock_kernel_free(m);
}

/* ---- the end state -------------------------------------------------- */

static void test_leaks(void **state)
{
    vc_mock_kernel *m = boot("current");
    vc_error err = { 0 };
    char name[VC_NET_IFNAME_MAX];
    int fds[4];
    size_t leaks = 99;
    char *t;

    (void)state;
    t = vc_mock_trace(m, NULL, 0, &leaks);
    assert_string_equal(t, "end: nothing open, nothing created\n");
    assert_int_equal(leaks, 0);
    free(t);
    fds[0] = vc_net_vhost_open(vc_mock_kernel_ops(m));
    fds[1] = tap_create(m, "virbr0", NULL, true, name, &err);
    fds[2] = 9;
    fds[3] = -1;
    assert_int_equal(fds[0], 3);
    assert_int_equal(fds[1], 4);
    t = vc_mock_trace(m, &fds[1], 1, &leaks);
    free(t);
    assert_int_equal(leaks, 1);
    EXPECT_LINES(m, &fds[1], 1, "end: fd 3 /dev/vhost-net open, LEAKED",
                 "end: fd 4 /dev/net/tun (vnet0) open, handed to QEMU");
    t = vc_mock_trace(m, fds, 4, &leaks);
    free(t);
    assert_int_equal(leaks, 0);
    EXPECT_LINES(m, fds, 4, "end: fd 3 /dev/vhost-net open, handed to QEMU",
                 "end: fd 9 handed to QEMU, not open");
    expect_no_text(m, "fd -1");
    t = vc_mock_trace(m, NULL, 0, NULL);
    free(t);
    vc_mock_kernel_free(m);
}

/* ---- scenarios ------------------------------------------------------ */

static void test_every_scenario_loads(void **state)
{
    const char *src = vc_corpus_srcdir();
    char *dirname = vc_asprintf("%s/mock/scenarios", src);
    DIR *dir = opendir(dirname);
    struct dirent *e;
    size_t n = 0;

    (void)state;
    assert_non_null(dir);
    while ((e = readdir(dir))) {
        char *name, *dot = strstr(e->d_name, ".scenario");

        if (!dot || dot[strlen(".scenario")])
            continue;
        name = vc_strndup(e->d_name, (size_t)(dot - e->d_name));
        vc_mock_kernel_free(boot(name));
        free(name);
        n++;
    }
    closedir(dir);
    free(dirname);
    assert_true(n >= 12);
}

static void test_unknown_scenario(void **state)
{
    vc_error err = { 0 };

    (void)state;
    assert_null(vc_mock_kernel_new("nosuch", &err));
    assert_int_equal(err.code, VC_EXIT_USAGE);
    if (!VC_STRPREFIX(err.msg, "unknown kernel scenario 'nosuch' (known: current, ") ||
        !strstr(err.msg, ", no-bridge, ") || !strstr(err.msg, ", vhost-eperm)"))
        fail_msg("message: %s", err.msg);
    assert_null(vc_mock_kernel_new("", &err));
    assert_int_equal(err.code, VC_EXIT_USAGE);
    assert_null(vc_mock_kernel_new("/nonexistent/x.scenario", &err));
    assert_int_equal(err.code, VC_EXIT_INPUT);
    if (!strstr(err.msg, "/nonexistent/x.scenario"))
        fail_msg("message: %s", err.msg);
}

/* @text as a scenario must fail with "FILE:@line: @msg". */
static void expect_parse_error(const char *text, size_t len, int line, const char *msg)
{
    char dir[] = "/tmp/vc-mock-XXXXXX";
    vc_error err = { 0 };
    char *path, *want;
    vc_mock_kernel *m;

    assert_non_null(mkdtemp(dir));
    path = write_scenario(dir, "bad.scenario", text, len);
    m = vc_mock_kernel_new(path, &err);
    want = vc_asprintf("%s:%d: %s", path, line, msg);
    unlink(path);
    rmdir(dir);
    free(path);
    vc_mock_kernel_free(m);
    if (m || err.code != VC_EXIT_INPUT || !VC_STREQ(err.msg, want)) {
        fprintf(stderr, "scenario:\n%s\ngot  (%d) %s\nwant %s\n", text, err.code,
                m ? "no error" : err.msg, want);
        free(want);
        fail_msg("wrong parse error");
    }
    free(want);
}

#define BAD(text, line, msg) expect_parse_error(text, strlen(text), line, msg)

static void test_parse_errors(void **state)
{
    (void)state;
    BAD("frobnicate x\n", 1, "unknown directive 'frobnicate'");
    BAD("# a comment\n\n  link eth0 zz:zz   # and one more\n", 3,
        "'zz:zz' is not a unicast MAC (xx:xx:xx:xx:xx:xx)");
    BAD("link eth0 01:00:00:00:00:01\n", 1,
        "'01:00:00:00:00:01' is not a unicast MAC (xx:xx:xx:xx:xx:xx)");
    BAD("link eth0\nbridge eth0\n", 2, "link 'eth0' is declared twice");
    BAD("include current\nlink eth0", 2, "link 'eth0' is declared twice");
    BAD("link eth%d\n", 1, "'eth%d' is not a link name");
    BAD("link a/b\n", 1, "'a/b' is not a link name");
    BAD("link abcdefghijklmnopq\n", 1, "'abcdefghijklmnopq' is not a link name");
    BAD("link\n", 1, "usage: link NAME [MAC]");
    BAD("macvtap now\n", 1, "usage: macvtap");
    BAD("tun-features IFF_TAP IFF_BOGUS\n", 1, "unknown tun flag 'IFF_BOGUS'");
    BAD("macvtap-features IFF_TAP IFF_BOGUS\n", 1, "unknown tun flag 'IFF_BOGUS'");
    BAD("macvtap-flags IFF_NOPE\n", 1, "unknown tun flag 'IFF_NOPE'");
    BAD("fail recv RTM_NEWROUTE EINTR\n", 1, "unknown recv 'RTM_NEWROUTE'");
    BAD("tungetiff-unattached 1\n", 1, "unknown errno '1'");
    BAD("device dev/net/tun\n", 1, "device 'dev/net/tun' is not an absolute path");
    BAD("fail read /dev/x EPERM\n", 1, "unknown call 'read' (open, ioctl, socket, netlink, "
        "sendto, recv)");
    BAD("fail ioctl TUNFROB EPERM\n", 1, "unknown ioctl 'TUNFROB'");
    BAD("fail socket AF_FROB EPERM\n", 1, "unknown socket 'AF_FROB'");
    BAD("fail netlink RTM_NEWROUTE EPERM\n", 1, "unknown netlink 'RTM_NEWROUTE'");
    BAD("fail open /dev/x ENOPE\n", 1, "unknown errno 'ENOPE'");
    BAD("fail open /dev/x EPERM 0\n", 1, "'0' is not a count of calls");
    BAD("fail open dev EPERM\n", 1, "'dev' is not an absolute path");
    expect_parse_error("device /a\n\0device /b\n", 21, 2, "a NUL byte: not a scenario");
}

/* Errors in an included file are told at their own place; a cycle ends. */
static void test_parse_includes(void **state)
{
    char dir[] = "/tmp/vc-mock-XXXXXX";
    vc_error err = { 0 };
    char *inner, *outer, *self, *text, *want;

    (void)state;
    assert_non_null(mkdtemp(dir));
    inner = write_scenario(dir, "inner.scenario", "macvtap\nlink\n", 13);
    text = vc_asprintf("include current\ninclude %s\n", inner);
    outer = write_scenario(dir, "outer.scenario", text, strlen(text));
    free(text);
    text = vc_asprintf("include %s/self.scenario\n", dir);
    self = write_scenario(dir, "self.scenario", text, strlen(text));
    free(text);

    assert_null(vc_mock_kernel_new(outer, &err));
    want = vc_asprintf("%s:2: usage: link NAME [MAC]", inner);
    assert_string_equal(err.msg, want);
    free(want);
    text = vc_asprintf("\n\ninclude nosuch\n");
    free(write_scenario(dir, "unknown.scenario", text, strlen(text)));
    free(text);
    text = vc_asprintf("%s/unknown.scenario", dir);
    assert_null(vc_mock_kernel_new(text, &err));
    want = vc_asprintf("%s:3: unknown scenario 'nosuch' (known: current, ", text);
    if (!VC_STRPREFIX(err.msg, want) || !strstr(err.msg, ", tunsetiff-busy, "))
        fail_msg("message: %s", err.msg);
    unlink(text);
    free(text);
    free(want);
    assert_null(vc_mock_kernel_new(self, &err));
    want = vc_asprintf("%s:1: includes nest deeper than 8 (a cycle?)", self);
    assert_string_equal(err.msg, want);
    free(want);
    assert_int_equal(err.code, VC_EXIT_INPUT);

    unlink(inner);
    unlink(outer);
    unlink(self);
    rmdir(dir);
    free(inner);
    free(outer);
    free(self);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tap_current),
        cmocka_unit_test(test_tap_names),
        cmocka_unit_test(test_tap_without_vnet_hdr),
        cmocka_unit_test(test_tap_no_vnet_hdr_feature),
        cmocka_unit_test(test_tap_no_tungetfeatures),
        cmocka_unit_test(test_tap_tungetiff_broken),
        cmocka_unit_test(test_tap_tungetiff_einval),
        cmocka_unit_test(test_tap_no_tun),
        cmocka_unit_test(test_tap_busy),
        cmocka_unit_test(test_tap_no_bridge),
        cmocka_unit_test(test_vhost),
        cmocka_unit_test(test_macvtap_current),
        cmocka_unit_test(test_macvtap_without_vnet_hdr),
        cmocka_unit_test(test_macvtap_fail),
        cmocka_unit_test(test_macvtap_names),
        cmocka_unit_test(test_macvtap_netlink_exchange),
        cmocka_unit_test(test_macvtap_malformed_answer),
        cmocka_unit_test(test_macvtap_delete_fails),
        cmocka_unit_test(test_macvtap_tap_late),
        cmocka_unit_test(test_macvtap_older),
        cmocka_unit_test(test_macvtap_name_races),
        cmocka_unit_test(test_macvtap_lower_deleted),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_descriptors),
        cmocka_unit_test(test_tunsetiff_rules),
        cmocka_unit_test(test_netlink_rules),
        cmocka_unit_test(test_fail_counts),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_leaks),
        cmocka_unit_test(test_every_scenario_loads),
        cmocka_unit_test(test_unknown_scenario),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_parse_includes),
    };
    size_t n = sizeof(tests) / sizeof(tests[0]);
    int failed = vc_group_run("mock", tests, n, NULL, NULL);

    return failed ? 1 : 0;
}
