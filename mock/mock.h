/* mock.h: a fake Linux kernel beneath src/net.
 *
 * It implements vc_host_kernel at the system call: open, close, ioctl,
 * socket, netlink send/receive.  Descriptors, links, ifindexes and MACs
 * are its own and deterministic (the lowest free descriptor >= 3; lo is
 * ifindex 1, then the scenario's links in order, then the links made
 * during the run), and nothing reaches the host.  Every call served is
 * written to a trace, one line a call.
 *
 * A scenario says what the kernel has and what it refuses.  It is a
 * file mock/scenarios/NAME.scenario (or any path), one directive a line,
 * words separated by blanks, '#' to the end of the line a comment:
 *
 *   include NAME|PATH        read another scenario here (NAME: the
 *                            scenario directory; PATH: holds a '/')
 *   device PATH              a device node that opens: /dev/net/tun (a
 *                            tun descriptor), /dev/vhost-net, or any
 *                            other (a descriptor without ioctls)
 *   tun-features [FLAG...]   what TUNGETFEATURES reports and TUNSETIFF
 *                            accepts (IFF_TUN IFF_TAP IFF_NO_PI ...)
 *   tungetiff-unattached E   TUNGETIFF on an unattached tun descriptor:
 *                            fails with errno E (default EBADFD), or
 *                            returns 0 when E is "0" (the broken old
 *                            kernels)
 *   link NAME [MAC]          an Ethernet link (up)
 *   bridge NAME [MAC]        a bridge (up)
 *   macvtap                  RTM_NEWLINK can make macvtap links (and
 *                            /dev/tapN opens for each)
 *   macvtap-features [FLAG...]  a macvtap queue's TUNGETFEATURES, and
 *                            which of IFF_VNET_HDR, IFF_MULTI_QUEUE its
 *                            TUNSETIFF accepts (an older macvtap)
 *   macvtap-flags [FLAG...]  the flags a macvtap queue opens with
 *   fail CALL WHAT ERR [N]   the first N (default every) matching calls
 *                            fail with errno ERR:
 *                              open PATH, ioctl REQUEST (TUNSETIFF,
 *                              SIOCBRADDIF, ...), socket DOMAIN
 *                              (AF_NETLINK, AF_PACKET, ...), netlink
 *                              MSGTYPE (RTM_NEWLINK, RTM_DELLINK: the
 *                              kernel acknowledges with -ERR), sendto
 *                              MSGTYPE (sending it fails), recv MSGTYPE
 *                              (reading the answer to it fails; the
 *                              answer stays queued)
 *
 * Later directives add to earlier ones; tun-features,
 * tungetiff-unattached, macvtap-features and macvtap-flags replace.  A link's MAC defaults to
 * 02:00:00:00:HI:LO of its ifindex, as does every new link's.
 */
#ifndef VC_MOCK_MOCK_H
#define VC_MOCK_MOCK_H

#include <stddef.h>

#include "net/net.h"
#include "util/error.h"

typedef struct vc_mock_kernel vc_mock_kernel;

/* A fake kernel in scenario @scenario: a name in mock/scenarios
 * ("current") or a path containing '/'.  Unknown name: VC_EXIT_USAGE
 * error naming the known ones; a bad file: VC_EXIT_INPUT
 * "FILE:LINE: what is wrong". */
vc_mock_kernel *vc_mock_kernel_new(const char *scenario, vc_error *err);

/* The system call table; valid as long as @m. */
const vc_host_kernel *vc_mock_kernel_ops(vc_mock_kernel *m);

/* The trace: every call served so far, then the end state: each
 * descriptor still open, marked handed to QEMU when it is one of
 * @handed, else LEAKED (a handed one not open is named too; negative
 * entries are ignored); each link created during the run and not
 * deleted.  *@leaks (may be NULL) = open descriptors not handed.
 * Caller frees.
 *
 * One line a call; strings are C-escaped, flags are [A|B] ([] for
 * none), a failure is "-1 ERRNO_NAME":
 *   open("/dev/net/tun", O_RDWR) = 3
 *   close(3) = 0 (vnet0 deleted)
 *   socket(AF_PACKET, SOCK_DGRAM, 0) = 4
 *   ioctl(3, TUNGETFEATURES) = 0 [IFF_TUN|IFF_TAP|IFF_NO_PI|IFF_ONE_QUEUE|IFF_VNET_HDR]
 *   ioctl(3, TUNGETIFF) = -1 EBADFD
 *   ioctl(3, TUNSETIFF, "vnet%d", [IFF_TAP|IFF_NO_PI|IFF_VNET_HDR]) = 0 "vnet0"
 *   ioctl(4, SIOCSIFHWADDR, "vnet0", fe:54:00:12:34:56) = 0
 *   ioctl(4, SIOCBRADDIF, "virbr0", ifindex 7) = 0
 *   sendto(5, RTM_DELLINK [NLM_F_REQUEST|NLM_F_ACK] IFLA_IFNAME="macvtap0") = 40
 *   recv(5) = NLMSG_ERROR 0
 *   note: Enabling IFF_VNET_HDR
 * then:
 *   end: fd 3 /dev/net/tun (vnet0) open, handed to QEMU
 *   end: fd 5 /dev/vhost-net open, LEAKED
 *   end: link vnet0 created: tap fe:54:00:12:34:56, up, port of virbr0
 *   end: nothing open, nothing created
 */
char *vc_mock_trace(const vc_mock_kernel *m, const int *handed, size_t nhanded,
                    size_t *leaks);

void vc_mock_kernel_free(vc_mock_kernel *m);

#endif
