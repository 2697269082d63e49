/* state.c: the fake kernel's object, its links and descriptors, and the
 * calls that make and drop descriptors: open, close, socket (and note). */
#include "mock_private.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util/alloc.h"

#define TUN_PATH "/dev/net/tun"
#define TAP_PREFIX "/dev/tap"
/* a current macvtap queue: what it reports, how it opens */
#define MACVTAP_FEATURES (IFF_TAP | IFF_NO_PI | IFF_VNET_HDR | IFF_MULTI_QUEUE)
#define MACVTAP_TUN_FLAGS (IFF_TAP | IFF_NO_PI | IFF_VNET_HDR)
/* dev_alloc_name gives up past this */
#define NAME_NUMBERS 32768

/* ---- links ---------------------------------------------------------- */

mock_link *mock_link_by_name(const vc_mock_kernel *m, const char *name)
{
    for (size_t i = 0; i < m->nlinks; i++)
        if (VC_STREQ(m->links[i].name, name))
            return &m->links[i];
    return NULL;
}

mock_link *mock_link_by_index(const vc_mock_kernel *m, int ifindex)
{
    for (size_t i = 0; ifindex > 0 && i < m->nlinks; i++)
        if (m->links[i].ifindex == ifindex)
            return &m->links[i];
    return NULL;
}

/* dev_valid_name, and at most one '%' which must be "%d" */
static bool valid_name(const char *name)
{
    const char *pct = strchr(name, '%');

    if (!*name || strlen(name) >= IFNAMSIZ || VC_STREQ(name, ".") || VC_STREQ(name, ".."))
        return false;
    if (pct && (pct[1] != 'd' || strchr(pct + 1, '%')))
        return false;
    return strpbrk(name, "/: \t\n\r\v\f") == NULL;
}

/* @name, its "%d" replaced by the lowest number free */
static int pick_name(const vc_mock_kernel *m, const char *name, char out[IFNAMSIZ])
{
    const char *pct = strchr(name, '%');

    if (!pct) {
        if (mock_link_by_name(m, name))
            return -EEXIST;
        memcpy(out, name, strlen(name) + 1);
        return 0;
    }
    for (int i = 0; i < NAME_NUMBERS; i++) {
        int n = snprintf(out, IFNAMSIZ, "%.*s%d%s", (int)(pct - name), name, i, pct + 2);

        if (n >= IFNAMSIZ)
            return -EINVAL;
        if (!mock_link_by_name(m, out))
            return 0;
    }
    return -ENFILE;
}

int mock_link_add(vc_mock_kernel *m, const char *name, mock_link_kind kind,
                  mock_link **out)
{
    char real[IFNAMSIZ];
    mock_link *l;
    int rc;

    if (!valid_name(name))
        return -EINVAL;
    if ((rc = pick_name(m, name, real)) < 0)
        return rc;
    vc_grow(&m->links, &m->caplinks, m->nlinks + 1, sizeof(*m->links));
    l = &m->links[m->nlinks++];
    memset(l, 0, sizeof(*l));
    memcpy(l->name, real, sizeof(real));
    l->ifindex = m->next_ifindex++;
    l->kind = kind;
    /* locally administered, and the same on every run */
    l->mac[0] = 0x02;
    l->mac[4] = (unsigned char)(l->ifindex >> 8);
    l->mac[5] = (unsigned char)l->ifindex;
    l->flags = IFF_BROADCAST | IFF_MULTICAST;
    l->created = true;
    *out = l;
    return 0;
}

void mock_link_delete(vc_mock_kernel *m, mock_link *l)
{
    int ifindex = l->ifindex;

    memmove(l, l + 1, (size_t)(&m->links[m->nlinks] - (l + 1)) * sizeof(*l));
    m->nlinks--;
    for (size_t i = 0; i < m->nlinks; i++)
        if (m->links[i].master == ifindex)
            m->links[i].master = 0;
    for (size_t fd = 0; fd < m->nfds; fd++)
        if (m->fds[fd].link == ifindex)
            m->fds[fd].link = 0;
    /* the macvtaps over it go with it, as in the kernel */
    for (size_t i = 0; i < m->nlinks; i++) {
        if (m->links[i].kind == MOCK_LINK_MACVTAP && m->links[i].lower == ifindex) {
            mock_link_delete(m, &m->links[i]);
            i = (size_t)-1;      /* the array moved: look again from the start */
        }
    }
}

/* ---- descriptors ---------------------------------------------------- */

int mock_fd_new(vc_mock_kernel *m, mock_fd_kind kind, char *what)
{
    size_t fd = MOCK_FD_MIN;

    while (fd < m->nfds && m->fds[fd].kind != MOCK_FD_FREE)
        fd++;
    if (fd >= MOCK_FD_MAX) {
        free(what);
        return -EMFILE;
    }
    if (fd >= m->nfds) {
        vc_grow(&m->fds, &m->capfds, fd + 1, sizeof(*m->fds));
        memset(&m->fds[m->nfds], 0, (fd + 1 - m->nfds) * sizeof(*m->fds));
        m->nfds = fd + 1;
    }
    m->fds[fd].kind = kind;
    m->fds[fd].what = what;
    return (int)fd;
}

mock_fd *mock_fd_get(vc_mock_kernel *m, int fd)
{
    if (fd < 0 || (size_t)fd >= m->nfds || m->fds[fd].kind == MOCK_FD_FREE)
        return NULL;
    return &m->fds[fd];
}

static void fd_release(mock_fd *f)
{
    free(f->what);
    free(f->queue);
    memset(f, 0, sizeof(*f));
}

int mock_fail_match(vc_mock_kernel *m, mock_call call, unsigned long what,
                    const char *path)
{
    for (size_t i = 0; i < m->nfails; i++) {
        mock_fail *f = &m->fails[i];

        if (f->call != call || f->left == 0 ||
            (path ? !VC_STREQ(f->path, path) : f->what != what))
            continue;
        if (f->left > 0)
            f->left--;
        return f->err;
    }
    return 0;
}

/* ---- the calls ------------------------------------------------------ */

/* "/dev/tapN" with N a link's ifindex (no leading zero); 0 otherwise */
static int tap_index(const char *path)
{
    const char *p = path + strlen(TAP_PREFIX);
    int n;

    if (!VC_STRPREFIX(path, TAP_PREFIX) || *p == '0')
        return 0;
    n = vc_parse_number(&p);
    return n > 0 && !*p ? n : 0;
}

static long serve_open(vc_mock_kernel *m, const char *path)
{
    mock_link *l = mock_link_by_index(m, tap_index(path));
    int e, fd;

    if ((e = mock_fail_match(m, MOCK_CALL_OPEN, 0, path)))
        return -e;
    if (l && l->kind == MOCK_LINK_MACVTAP) {
        if ((fd = mock_fd_new(m, MOCK_FD_MACVTAP, mock_escaped(path))) >= 0) {
            m->fds[fd].link = l->ifindex;
            m->fds[fd].tun_flags = (short)m->macvtap_flags;
        }
        return fd;
    }
    if (!vc_strlist_has(&m->devices, path))
        return -ENOENT;
    return mock_fd_new(m, VC_STREQ(path, TUN_PATH) ? MOCK_FD_TUN : MOCK_FD_DEVICE,
                       mock_escaped(path));
}

static int k_open(void *opaque, const char *path, int flags)
{
    vc_mock_kernel *m = opaque;
    static const char *const modes[] = { "O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE" };
    vc_buf line = VC_BUF_INIT;
    const char *sep = "|";
    long rc;

    vc_buf_add(&line, "open(");
    mock_put_string(&line, path, strlen(path));
    vc_buf_addf(&line, ", %s", modes[flags & O_ACCMODE]);
    for (const mock_name *n = mock_open_flags; n->name; n++) {
        if (flags & (int)n->value) {
            vc_buf_addf(&line, "%s%s", sep, n->name);
            flags &= ~(int)n->value;
        }
    }
    if (flags & ~O_ACCMODE)
        vc_buf_addf(&line, "|0%o", (unsigned)(flags & ~O_ACCMODE));
    vc_buf_addc(&line, ')');
    rc = serve_open(m, path);
    mock_put_result(&line, rc);
    return (int)mock_trace_return(m, &line, rc);
}

static int k_close(void *opaque, int fd)
{
    vc_mock_kernel *m = opaque;
    vc_buf line = VC_BUF_INIT;
    mock_fd *f = mock_fd_get(m, fd);
    mock_link *l;

    vc_buf_addf(&line, "close(%d)", fd);
    mock_put_result(&line, f ? 0 : -EBADF);
    if (!f)
        return (int)mock_trace_return(m, &line, -EBADF);
    /* a tap is never persistent here: it goes with its descriptor */
    if (f->kind == MOCK_FD_TUN && (l = mock_link_by_index(m, f->link))) {
        vc_buf_add(&line, " (");
        mock_put_escaped(&line, l->name, strlen(l->name));
        vc_buf_add(&line, " deleted)");
        mock_link_delete(m, l);
    }
    fd_release(f);
    return (int)mock_trace_return(m, &line, 0);
}

static long serve_socket(vc_mock_kernel *m, int domain, int type, int protocol,
                         const char *what)
{
    int base = type & ~(SOCK_CLOEXEC | SOCK_NONBLOCK);
    int e;

    if ((e = mock_fail_match(m, MOCK_CALL_SOCKET, (unsigned long)domain, NULL)))
        return -e;
    switch (domain) {
    case AF_NETLINK:
        if (base != SOCK_RAW && base != SOCK_DGRAM)
            return -ESOCKTNOSUPPORT;
        if (protocol != NETLINK_ROUTE)
            return -EPROTONOSUPPORT;
        return mock_fd_new(m, MOCK_FD_NETLINK, vc_strdup(what));
    case AF_PACKET:
    case AF_INET:
    case AF_INET6:
    case AF_LOCAL:
        if (base != SOCK_DGRAM && base != SOCK_STREAM)
            return -ESOCKTNOSUPPORT;
        return mock_fd_new(m, MOCK_FD_SOCKET, vc_strdup(what));
    default:
        return -EAFNOSUPPORT;
    }
}

static int k_socket(void *opaque, int domain, int type, int protocol)
{
    vc_mock_kernel *m = opaque;
    vc_buf line = VC_BUF_INIT;
    long rc;

    vc_buf_add(&line, "socket(");
    mock_put_name(&line, mock_domains, (unsigned long)domain);
    vc_buf_add(&line, ", ");
    mock_put_name(&line, mock_socktypes,
                  (unsigned long)(type & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)));
    if (type & SOCK_NONBLOCK)
        vc_buf_add(&line, "|SOCK_NONBLOCK");
    if (type & SOCK_CLOEXEC)
        vc_buf_add(&line, "|SOCK_CLOEXEC");
    if (domain == AF_NETLINK && protocol == NETLINK_ROUTE)
        vc_buf_add(&line, ", NETLINK_ROUTE)");
    else
        vc_buf_addf(&line, ", %d)", protocol);
    /* the call's own words describe the descriptor in the end state */
    rc = serve_socket(m, domain, type, protocol, vc_buf_str(&line));
    mock_put_result(&line, rc);
    return (int)mock_trace_return(m, &line, rc);
}

static void k_note(void *opaque, const char *msg)
{
    vc_mock_kernel *m = opaque;

    vc_buf_add(&m->trace, "note: ");
    mock_put_escaped(&m->trace, msg, strlen(msg));
    vc_buf_addc(&m->trace, '\n');
}

/* ---- the object ----------------------------------------------------- */

vc_mock_kernel *vc_mock_kernel_new(const char *scenario, vc_error *err)
{
    vc_mock_kernel *m = VC_NEW(vc_mock_kernel);
    mock_link *lo;

    m->ops = (vc_host_kernel){ k_open, k_close, mock_ioctl, k_socket, mock_nl_send,
                               mock_nl_recv, k_note, m };
    m->tungetiff_unattached = EBADFD;
    m->macvtap_features = MACVTAP_FEATURES;
    m->macvtap_flags = MACVTAP_TUN_FLAGS;
    m->next_ifindex = 1;
    mock_link_add(m, "lo", MOCK_LINK_LOOPBACK, &lo);
    memset(lo->mac, 0, sizeof(lo->mac));
    lo->flags = IFF_UP | IFF_LOOPBACK;
    lo->created = false;
    if (mock_scenario_load(m, scenario, err) < 0) {
        vc_mock_kernel_free(m);
        return NULL;
    }
    return m;
}

const vc_host_kernel *vc_mock_kernel_ops(vc_mock_kernel *m)
{
    return &m->ops;
}

void vc_mock_kernel_free(vc_mock_kernel *m)
{
    if (!m)
        return;
    for (size_t fd = 0; fd < m->nfds; fd++)
        fd_release(&m->fds[fd]);
    free(m->fds);
    free(m->links);
    for (size_t i = 0; i < m->nfails; i++)
        free(m->fails[i].path);
    free(m->fails);
    vc_strlist_free(&m->devices);
    vc_buf_free(&m->trace);
    free(m);
}
