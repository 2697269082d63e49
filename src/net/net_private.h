/* net_private.h: what the parts of src/net share. */
#ifndef VC_NET_PRIVATE_H
#define VC_NET_PRIVATE_H

#include <net/if.h>

#include "net/net.h"

/* libvirt's virReportSystemError: "MESSAGE: strerror(errnum)". */
int vc_net_syserr(vc_error *err, int errnum, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The socket interface ioctls go through (virNetDevSetupControl), with
 * @ifr zeroed and named @ifname; -1 with @err set. */
int vc_net_control_socket(const vc_host_kernel *k, const char *ifname,
                          struct ifreq *ifr, vc_error *err);

/* A decision and its reason, to the kernel's note (VIR_INFO). */
void vc_net_note(const vc_host_kernel *k, const char *msg);

#endif
