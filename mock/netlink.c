/* netlink.c: rtnetlink on the fake kernel: RTM_NEWLINK of macvtap links,
 * RTM_DELLINK, and the acknowledgements nl_recv hands back.  One message
 * a datagram: a datagram that is not exactly one message fails the send
 * with EINVAL; a message the kernel cannot use is acknowledged with
 * -EINVAL, as Linux does. */
#include "mock_private.h"

#include <errno.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

#define KIND_MAX 32

/* what a request says */
typedef struct nl_request {
    struct nlmsghdr hdr;
    struct ifinfomsg ifi;
    long bad;                   /* -EINVAL: the kernel cannot use it */
    bool has_name, has_link, has_mac, has_kind, has_mode;
    char name[IFNAMSIZ];
    size_t namelen;             /* IFNAMSIZ or more: too long */
    uint32_t link, mode;
    unsigned char mac[MOCK_MAC_LEN];
    char kind[KIND_MAX];
} nl_request;

typedef enum attr_shape { A_U32, A_MODE, A_STRING, A_MAC, A_NEST } attr_shape;
typedef enum attr_slot { S_NONE, S_NAME, S_LINK, S_MAC, S_KIND, S_MODE } attr_slot;

typedef struct attr_desc {
    unsigned short type;
    const char *name;
    attr_shape shape;
    attr_slot slot;             /* where the request keeps it */
    const struct attr_desc *nested;
} attr_desc;

#define A(type, shape, slot, nested) { type, #type, shape, slot, nested }
#define A_END { 0, NULL, A_U32, S_NONE, NULL }

static const attr_desc macvlan_attrs[] = {
    A(IFLA_MACVLAN_MODE, A_MODE, S_MODE, NULL),
    A(IFLA_MACVLAN_FLAGS, A_U32, S_NONE, NULL),
    A_END,
};

static const attr_desc info_attrs[] = {
    A(IFLA_INFO_KIND, A_STRING, S_KIND, NULL),
    A(IFLA_INFO_DATA, A_NEST, S_NONE, macvlan_attrs),
    A_END,
};

static const attr_desc link_attrs[] = {
    A(IFLA_ADDRESS, A_MAC, S_MAC, NULL),
    A(IFLA_BROADCAST, A_MAC, S_NONE, NULL),
    A(IFLA_IFNAME, A_STRING, S_NAME, NULL),
    A(IFLA_MTU, A_U32, S_NONE, NULL),
    A(IFLA_LINK, A_U32, S_LINK, NULL),
    A(IFLA_MASTER, A_U32, S_NONE, NULL),
    A(IFLA_LINKINFO, A_NEST, S_NONE, info_attrs),
    A_END,
};

/* ---- decoding: into the request and the trace at once ---------------- */

static void store(nl_request *req, attr_slot slot, const unsigned char *data, size_t len)
{
    size_t n = strnlen((const char *)data, len);

    switch (slot) {
    case S_NAME:
        req->has_name = true;
        req->namelen = n;
        memcpy(req->name, data, n < IFNAMSIZ ? n : IFNAMSIZ - 1);
        break;
    case S_KIND:
        req->has_kind = true;
        memcpy(req->kind, data, n < KIND_MAX ? n : KIND_MAX - 1);
        break;
    case S_LINK:
        req->has_link = true;
        memcpy(&req->link, data, sizeof(req->link));
        break;
    case S_MODE:
        req->has_mode = true;
        memcpy(&req->mode, data, sizeof(req->mode));
        break;
    case S_MAC:
        req->has_mac = true;
        memcpy(req->mac, data, MOCK_MAC_LEN);
        break;
    case S_NONE:
        break;
    }
}

static long walk(const attr_desc *table, const unsigned char *p, size_t len,
                 const char *sep, nl_request *req, vc_buf *b);

static long put_attr(const attr_desc *d, const unsigned char *data, size_t len,
                     nl_request *req, vc_buf *b)
{
    uint32_t u;
    long rc = 0;

    vc_buf_add(b, d->name);
    switch (d->shape) {
    case A_U32:
    case A_MODE:
        if (len != sizeof(u))
            return -EINVAL;
        memcpy(&u, data, sizeof(u));
        vc_buf_addc(b, '=');
        if (d->shape == A_MODE)
            mock_put_name(b, mock_macvlan_modes, u);
        else
            vc_buf_addf(b, "%u", u);
        break;
    case A_STRING:
        vc_buf_addc(b, '=');
        mock_put_string(b, (const char *)data, strnlen((const char *)data, len));
        break;
    case A_MAC:
        if (len != MOCK_MAC_LEN)
            return -EINVAL;
        vc_buf_addc(b, '=');
        mock_put_mac(b, data);
        break;
    case A_NEST:
        vc_buf_addc(b, '{');
        rc = walk(d->nested, data, len, "", req, b);
        vc_buf_addc(b, '}');
        break;
    }
    store(req, d->slot, data, len);
    return rc;
}

/* The attributes at @p, of @table, each after @sep then a blank;
 * -EINVAL when one does not fit. */
static long walk(const attr_desc *table, const unsigned char *p, size_t len,
                 const char *sep, nl_request *req, vc_buf *b)
{
    long rc;

    while (len > 0) {
        const attr_desc *d = table;
        struct rtattr a;

        if (len < sizeof(a))
            return -EINVAL;
        memcpy(&a, p, sizeof(a));
        if (a.rta_len < sizeof(a) || a.rta_len > len)
            return -EINVAL;
        while (d->name && d->type != (a.rta_type & NLA_TYPE_MASK))
            d++;
        vc_buf_add(b, sep);
        sep = " ";
        if (!d->name)
            vc_buf_addf(b, "attr%u[%zu bytes]", a.rta_type, a.rta_len - RTA_LENGTH(0));
        else if ((rc = put_attr(d, p + RTA_LENGTH(0), a.rta_len - RTA_LENGTH(0), req, b)) < 0)
            return rc;
        if (RTA_ALIGN(a.rta_len) >= len)
            break;
        p += RTA_ALIGN(a.rta_len);
        len -= RTA_ALIGN(a.rta_len);
    }
    return 0;
}

/* @buf into @req and the trace: -EINVAL when it is not one message. */
static long decode(const unsigned char *buf, size_t len, nl_request *req, vc_buf *b)
{
    const size_t attrs = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct ifinfomsg));

    memset(req, 0, sizeof(*req));
    if (buf && len >= NLMSG_HDRLEN)
        memcpy(&req->hdr, buf, sizeof(req->hdr));
    if (!buf || len < NLMSG_HDRLEN || req->hdr.nlmsg_len < NLMSG_HDRLEN ||
        req->hdr.nlmsg_len > len || NLMSG_ALIGN(req->hdr.nlmsg_len) < len) {
        vc_buf_addf(b, "<%zu bytes, not one message>", len);
        return -EINVAL;
    }
    mock_put_name(b, mock_nl_types, req->hdr.nlmsg_type);
    vc_buf_addc(b, ' ');
    mock_put_flags(b, mock_nl_flags, req->hdr.nlmsg_flags);
    if (req->hdr.nlmsg_len < NLMSG_LENGTH(sizeof(req->ifi))) {
        req->bad = -EINVAL;
        return 0;
    }
    memcpy(&req->ifi, buf + NLMSG_HDRLEN, sizeof(req->ifi));
    if (req->ifi.ifi_index)
        vc_buf_addf(b, " ifindex %d", req->ifi.ifi_index);
    if (req->hdr.nlmsg_len > attrs) {
        req->bad = walk(link_attrs, buf + attrs, req->hdr.nlmsg_len - attrs, " ", req, b);
        if (req->bad)
            vc_buf_add(b, " <malformed>");
    }
    if (req->has_name && req->namelen >= IFNAMSIZ)
        req->bad = -EINVAL;
    return 0;
}

/* ---- what the kernel does with it ----------------------------------- */

static mock_link *target(vc_mock_kernel *m, const nl_request *req)
{
    if (req->ifi.ifi_index)
        return mock_link_by_index(m, req->ifi.ifi_index);
    return req->has_name ? mock_link_by_name(m, req->name) : NULL;
}

static long newlink(vc_mock_kernel *m, const nl_request *req)
{
    static const unsigned char zero[MOCK_MAC_LEN];
    mock_link *l, *lower;
    int lower_index;
    long rc;

    if (target(m, req))
        /* changing a link is not modelled: only creating one */
        return req->hdr.nlmsg_flags & NLM_F_EXCL ? -EEXIST : -EOPNOTSUPP;
    if (!(req->hdr.nlmsg_flags & NLM_F_CREATE))
        return -ENODEV;
    if (!req->has_kind || !VC_STREQ(req->kind, "macvtap") || !m->macvtap)
        return -EOPNOTSUPP;
    if (!req->has_link)
        return -EINVAL;
    if (!(lower = mock_link_by_index(m, (int)req->link)))
        return -ENODEV;
    if (lower->kind == MOCK_LINK_LOOPBACK ||
        (req->has_mode && !mock_name_of(mock_macvlan_modes, req->mode)))
        return -EINVAL;
    if (req->has_mac && ((req->mac[0] & 1) || memcmp(req->mac, zero, MOCK_MAC_LEN) == 0))
        return -EADDRNOTAVAIL;
    lower_index = lower->ifindex;
    if ((rc = mock_link_add(m, req->has_name ? req->name : "macvtap%d", MOCK_LINK_MACVTAP,
                            &l)) < 0)
        return rc;
    l->lower = lower_index;
    l->mode = req->has_mode ? req->mode : MACVLAN_MODE_VEPA;
    if (req->has_mac)
        memcpy(l->mac, req->mac, MOCK_MAC_LEN);
    return 0;
}

static long dellink(vc_mock_kernel *m, const nl_request *req)
{
    mock_link *l = target(m, req);

    if (!req->ifi.ifi_index && !req->has_name)
        return -EINVAL;
    if (!l)
        return -ENODEV;
    /* devices without rtnl_link_ops cannot be deleted */
    if (l->kind == MOCK_LINK_LOOPBACK || l->kind == MOCK_LINK_ETHER)
        return -EOPNOTSUPP;
    mock_link_delete(m, l);
    return 0;
}

/* The error the kernel acknowledges @req with. */
static long act(vc_mock_kernel *m, const nl_request *req)
{
    int e;

    /* the kernel acts on requests only */
    if (!(req->hdr.nlmsg_flags & NLM_F_REQUEST))
        return 0;
    if (req->hdr.nlmsg_type != RTM_NEWLINK && req->hdr.nlmsg_type != RTM_DELLINK)
        return -EOPNOTSUPP;
    if (req->bad)
        return req->bad;
    if ((e = mock_fail_match(m, MOCK_CALL_NETLINK, req->hdr.nlmsg_type, NULL)))
        return -e;
    return req->hdr.nlmsg_type == RTM_NEWLINK ? newlink(m, req) : dellink(m, req);
}

/* NLMSG_ERROR: @error and the request's header */
static void queue_ack(mock_fd *f, const struct nlmsghdr *hdr, long error)
{
    struct {
        struct nlmsghdr hdr;
        struct nlmsgerr err;
    } ack;
    size_t size = NLMSG_ALIGN(NLMSG_LENGTH(sizeof(ack.err)));

    memset(&ack, 0, sizeof(ack));
    ack.hdr.nlmsg_len = NLMSG_LENGTH(sizeof(ack.err));
    ack.hdr.nlmsg_type = NLMSG_ERROR;
    ack.hdr.nlmsg_seq = hdr->nlmsg_seq;
    ack.hdr.nlmsg_pid = hdr->nlmsg_pid;
    ack.err.error = (int)error;
    ack.err.msg = *hdr;
    vc_grow(&f->queue, &f->qcap, f->qlen + size, 1);
    memset(f->queue + f->qlen, 0, size);
    memcpy(f->queue + f->qlen, &ack, sizeof(ack) < size ? sizeof(ack) : size);
    f->qlen += size;
}

/* a socket that is not netlink cannot reach the kernel's netlink */
static long check_socket(const mock_fd *f)
{
    if (!f)
        return -EBADF;
    if (f->kind != MOCK_FD_NETLINK && f->kind != MOCK_FD_SOCKET)
        return -ENOTSOCK;
    return 0;
}

ssize_t mock_nl_send(void *opaque, int fd, const void *buf, size_t len)
{
    vc_mock_kernel *m = opaque;
    mock_fd *f = mock_fd_get(m, fd);
    vc_buf line = VC_BUF_INIT;
    nl_request req;
    long rc, sock, error;

    vc_buf_addf(&line, "sendto(%d, ", fd);
    rc = decode(buf, len, &req, &line);
    vc_buf_addc(&line, ')');
    if ((sock = check_socket(f)) == 0 && f->kind != MOCK_FD_NETLINK)
        sock = -EINVAL;
    if (sock < 0)
        rc = sock;
    if (rc == 0 && (error = mock_fail_match(m, MOCK_CALL_SENDTO, req.hdr.nlmsg_type, NULL)))
        rc = -error;            /* never reached the kernel */
    if (rc == 0) {
        error = act(m, &req);
        if (error || (req.hdr.nlmsg_flags & NLM_F_ACK))
            queue_ack(f, &req.hdr, error);
        rc = (long)len;
    }
    mock_put_result(&line, rc);
    return mock_trace_return(m, &line, rc);
}

ssize_t mock_nl_recv(void *opaque, int fd, void *buf, size_t len)
{
    vc_mock_kernel *m = opaque;
    mock_fd *f = mock_fd_get(m, fd);
    vc_buf line = VC_BUF_INIT;
    struct nlmsghdr hdr;
    struct nlmsgerr err;
    long rc = check_socket(f);
    size_t n, size;

    vc_buf_addf(&line, "recv(%d)", fd);
    if (rc == 0 && !f->qlen)
        rc = -EAGAIN;       /* would wait for ever */
    if (rc == 0 && !buf)
        rc = -EFAULT;
    if (rc == 0) {
        /* only acknowledgements are ever queued; a failed read leaves
         * the answer queued */
        memcpy(&hdr, f->queue, sizeof(hdr));
        memcpy(&err, f->queue + NLMSG_HDRLEN, sizeof(err));
        rc = -mock_fail_match(m, MOCK_CALL_RECV, err.msg.nlmsg_type, NULL);
    }
    if (rc < 0) {
        mock_put_result(&line, rc);
        return mock_trace_return(m, &line, rc);
    }
    n = hdr.nlmsg_len < len ? hdr.nlmsg_len : len;
    memcpy(buf, f->queue, n);
    size = NLMSG_ALIGN(hdr.nlmsg_len);
    memmove(f->queue, f->queue + size, f->qlen - size);
    f->qlen -= size;
    vc_buf_add(&line, " = NLMSG_ERROR ");
    if (err.error) {
        vc_buf_addc(&line, '-');
        mock_put_errno(&line, -err.error);
    } else {
        vc_buf_addc(&line, '0');
    }
    if (n < hdr.nlmsg_len)
        vc_buf_addf(&line, " (truncated to %zu bytes)", n);
    return mock_trace_return(m, &line, (long)n);
}
