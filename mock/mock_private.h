/* mock_private.h: what the parts of the fake kernel share. */
#ifndef VC_MOCK_PRIVATE_H
#define VC_MOCK_PRIVATE_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include "mock.h"
#include "util/buf.h"
#include "util/strutil.h"

#define MOCK_MAC_LEN 6
#define MOCK_FD_MIN 3           /* 0-2 are the process's stdio */
#define MOCK_FD_MAX 1024        /* RLIMIT_NOFILE: EMFILE past it */

typedef enum mock_link_kind {
    MOCK_LINK_LOOPBACK, MOCK_LINK_ETHER, MOCK_LINK_BRIDGE, MOCK_LINK_TAP,
    MOCK_LINK_MACVTAP,
} mock_link_kind;

typedef struct mock_link {
    char name[IFNAMSIZ];
    int ifindex;
    mock_link_kind kind;
    unsigned char mac[MOCK_MAC_LEN];
    short flags;                /* IFF_UP, ... of net/if.h */
    int master;                 /* ifindex of its bridge; 0: none */
    int lower;                  /* macvtap: ifindex of the link under it */
    uint32_t mode;              /* macvtap: MACVLAN_MODE_* */
    bool created;               /* during the run: the end state lists it */
} mock_link;

typedef enum mock_fd_kind {
    MOCK_FD_FREE, MOCK_FD_TUN, MOCK_FD_MACVTAP, MOCK_FD_DEVICE, MOCK_FD_NETLINK,
    MOCK_FD_SOCKET,
} mock_fd_kind;

typedef struct mock_fd {
    mock_fd_kind kind;
    char *what;                 /* how it was made, for the end state */
    int link;                   /* tun, macvtap: ifindex of its link; 0: none */
    short tun_flags;            /* tun (attached), macvtap: IFF_TAP, ... */
    unsigned char *queue;       /* netlink: answers not yet read, back to back */
    size_t qlen, qcap;
} mock_fd;

typedef enum mock_call { MOCK_CALL_OPEN, MOCK_CALL_IOCTL, MOCK_CALL_SOCKET,
                         MOCK_CALL_NETLINK, MOCK_CALL_SENDTO, MOCK_CALL_RECV } mock_call;

/* fail CALL WHAT ERR [N] */
typedef struct mock_fail {
    mock_call call;
    char *path;                 /* open */
    unsigned long what;         /* ioctl request, socket domain, message type */
    int err;
    int left;                   /* calls still to fail; -1: every one */
} mock_fail;

struct vc_mock_kernel {
    vc_host_kernel ops;         /* .opaque is this object */
    /* the scenario */
    vc_strlist devices;
    unsigned int tun_features;
    int tungetiff_unattached;   /* errno; 0: returns 0 */
    bool macvtap;
    unsigned int macvtap_features;  /* a macvtap queue's TUNGETFEATURES */
    unsigned int macvtap_flags;     /* and the flags it opens with */
    mock_fail *fails;
    size_t nfails, capfails;
    /* the state */
    mock_link *links;
    size_t nlinks, caplinks;
    int next_ifindex;
    mock_fd *fds;               /* indexed by descriptor */
    size_t nfds, capfds;
    vc_buf trace;
};

/* --- state.c: links and descriptors ---
 * The calls' handlers return what the kernel does inside: a value, or
 * -errno.  A mock_link * is valid until a link is added or deleted. */

/* the link, or NULL (like strchr, from a const kernel to a link the
 * caller may change) */
mock_link *mock_link_by_name(const vc_mock_kernel *m, const char *name);
mock_link *mock_link_by_index(const vc_mock_kernel *m, int ifindex);
/* A new link named @name (which may hold one "%d": the lowest free
 * number), down, with the next ifindex and its MAC: 0, or -EINVAL (a
 * bad name), -EEXIST (taken), -ENFILE (no free number). */
int mock_link_add(vc_mock_kernel *m, const char *name, mock_link_kind kind,
                  mock_link **out);
/* Detach what uses the link, then remove it. */
void mock_link_delete(vc_mock_kernel *m, mock_link *l);
/* The lowest free descriptor, of @kind, taking @what; -EMFILE. */
int mock_fd_new(vc_mock_kernel *m, mock_fd_kind kind, char *what);
/* an open descriptor, or NULL */
mock_fd *mock_fd_get(vc_mock_kernel *m, int fd);
/* errno of a "fail" directive matching this call (counting it), or 0. */
int mock_fail_match(vc_mock_kernel *m, mock_call call, unsigned long what,
                    const char *path);

/* --- ioctl.c, netlink.c: the calls --- */
int mock_ioctl(void *opaque, int fd, unsigned long request, void *arg);
ssize_t mock_nl_send(void *opaque, int fd, const void *buf, size_t len);
ssize_t mock_nl_recv(void *opaque, int fd, void *buf, size_t len);

/* --- scenario.c --- */
int mock_scenario_load(vc_mock_kernel *m, const char *scenario, vc_error *err);

/* --- names.c: the kernel headers' names, both ways --- */
typedef struct mock_name {
    const char *name;
    unsigned long value;
} mock_name;

extern const mock_name mock_errnos[], mock_requests[], mock_tun_flags[],
    mock_if_flags[], mock_domains[], mock_socktypes[], mock_nl_types[],
    mock_nl_flags[], mock_macvlan_modes[], mock_open_flags[];

const char *mock_name_of(const mock_name *table, unsigned long value);
bool mock_value_of(const mock_name *table, const char *name, unsigned long *value);

/* --- trace.c --- */
void mock_put_name(vc_buf *b, const mock_name *table, unsigned long value);
void mock_put_flags(vc_buf *b, const mock_name *table, unsigned long value);
void mock_put_errno(vc_buf *b, int e);
/* " = VALUE", or " = -1 ERRNO" for a negative @rc */
void mock_put_result(vc_buf *b, long rc);
/* @n bytes of @s C-escaped, so that a trace line stays one line */
void mock_put_escaped(vc_buf *b, const char *s, size_t n);
/* the same in double quotes */
void mock_put_string(vc_buf *b, const char *s, size_t n);
/* @s C-escaped, a new string */
char *mock_escaped(const char *s);
void mock_put_mac(vc_buf *b, const unsigned char mac[MOCK_MAC_LEN]);
/* The end of a call: @line (complete with its result, freed) goes to
 * the trace; returns what the system call returns for @rc: -1 with
 * errno = -@rc, or @rc. */
long mock_trace_return(vc_mock_kernel *m, vc_buf *line, long rc);

#endif
