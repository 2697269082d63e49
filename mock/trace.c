/* trace.c: the trace of the calls served, in the kernel headers' words,
 * and the end state: what is still open, what was created. */
#include "mock_private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void mock_put_name(vc_buf *b, const mock_name *table, unsigned long value)
{
    const char *name = mock_name_of(table, value);

    if (name)
        vc_buf_add(b, name);
    else
        vc_buf_addf(b, "%lu", value);
}

void mock_put_flags(vc_buf *b, const mock_name *table, unsigned long value)
{
    const char *sep = "";

    vc_buf_addc(b, '[');
    for (const mock_name *n = table; n->name && value; n++) {
        if ((value & n->value) == n->value) {
            vc_buf_addf(b, "%s%s", sep, n->name);
            value &= ~n->value;
            sep = "|";
        }
    }
    if (value)
        vc_buf_addf(b, "%s0x%lx", sep, value);
    vc_buf_addc(b, ']');
}

void mock_put_errno(vc_buf *b, int e)
{
    const char *name = mock_name_of(mock_errnos, (unsigned long)e);

    if (name)
        vc_buf_add(b, name);
    else
        vc_buf_addf(b, "errno %d", e);
}

void mock_put_result(vc_buf *b, long rc)
{
    if (rc >= 0) {
        vc_buf_addf(b, " = %ld", rc);
        return;
    }
    vc_buf_add(b, " = -1 ");
    mock_put_errno(b, (int)-rc);
}

void mock_put_escaped(vc_buf *b, const char *s, size_t n)
{
    static const char plain[] = "\\\"\n\t\r";
    static const char named[] = "\\\"ntr";

    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *p = c ? strchr(plain, c) : NULL;

        if (p)
            vc_buf_addf(b, "\\%c", named[p - plain]);
        else if (c < 0x20 || c >= 0x7f)
            vc_buf_addf(b, "\\%03o", c);     /* octal: never runs into a digit */
        else
            vc_buf_addc(b, (char)c);
    }
}

char *mock_escaped(const char *s)
{
    vc_buf b = VC_BUF_INIT;

    mock_put_escaped(&b, s, strlen(s));
    return vc_buf_steal(&b);
}

void mock_put_string(vc_buf *b, const char *s, size_t n)
{
    vc_buf_addc(b, '"');
    mock_put_escaped(b, s, n);
    vc_buf_addc(b, '"');
}

void mock_put_mac(vc_buf *b, const unsigned char mac[MOCK_MAC_LEN])
{
    vc_buf_addf(b, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3],
                mac[4], mac[5]);
}

long mock_trace_return(vc_mock_kernel *m, vc_buf *line, long rc)
{
    vc_buf_add(&m->trace, vc_buf_str(line));
    vc_buf_addc(&m->trace, '\n');
    vc_buf_free(line);
    if (rc >= 0)
        return rc;
    errno = (int)-rc;
    return -1;
}

static bool is_handed(int fd, const int *handed, size_t nhanded)
{
    for (size_t i = 0; i < nhanded; i++)
        if (handed[i] == fd)
            return true;
    return false;
}

/* "/dev/net/tun (vnet0)": how it was made and the link it serves */
static void put_fd(vc_buf *b, const vc_mock_kernel *m, const mock_fd *f)
{
    const mock_link *l = mock_link_by_index(m, f->link);

    vc_buf_add(b, f->what);
    if (l) {
        vc_buf_add(b, " (");
        mock_put_escaped(b, l->name, strlen(l->name));
        vc_buf_addc(b, ')');
    } else if (f->kind == MOCK_FD_MACVTAP) {
        vc_buf_add(b, " (link gone)");
    }
}

static void put_link(vc_buf *b, const vc_mock_kernel *m, const mock_link *l)
{
    static const char *const kinds[] = {
        [MOCK_LINK_LOOPBACK] = "loopback", [MOCK_LINK_ETHER] = "ethernet",
        [MOCK_LINK_BRIDGE] = "bridge", [MOCK_LINK_TAP] = "tap",
        [MOCK_LINK_MACVTAP] = "macvtap",
    };
    const mock_link *other;

    vc_buf_add(b, "end: link ");
    mock_put_escaped(b, l->name, strlen(l->name));
    vc_buf_addf(b, " created: %s ", kinds[l->kind]);
    mock_put_mac(b, l->mac);
    if (l->kind == MOCK_LINK_MACVTAP) {
        vc_buf_add(b, " on ");
        if ((other = mock_link_by_index(m, l->lower)))
            mock_put_escaped(b, other->name, strlen(other->name));
        else
            vc_buf_addf(b, "ifindex %d", l->lower);
        vc_buf_addc(b, ' ');
        mock_put_name(b, mock_macvlan_modes, l->mode);
    }
    vc_buf_add(b, l->flags & IFF_UP ? ", up" : ", down");
    if ((other = mock_link_by_index(m, l->master))) {
        vc_buf_add(b, ", port of ");
        mock_put_escaped(b, other->name, strlen(other->name));
    }
    vc_buf_addc(b, '\n');
}

char *vc_mock_trace(const vc_mock_kernel *m, const int *handed, size_t nhanded,
                    size_t *leaks)
{
    vc_buf b = VC_BUF_INIT;
    size_t nleaks = 0, nopen = 0, ncreated = 0;

    vc_buf_add(&b, vc_buf_str(&m->trace));
    for (size_t fd = 0; fd < m->nfds; fd++) {
        const mock_fd *f = &m->fds[fd];
        bool given = is_handed((int)fd, handed, nhanded);

        if (f->kind == MOCK_FD_FREE)
            continue;
        nopen++;
        nleaks += !given;
        vc_buf_addf(&b, "end: fd %zu ", fd);
        put_fd(&b, m, f);
        vc_buf_add(&b, given ? " open, handed to QEMU\n" : " open, LEAKED\n");
    }
    /* handing QEMU a closed descriptor is a bug of the caller's too (a
     * negative one is "none") */
    for (size_t i = 0; i < nhanded; i++) {
        int fd = handed[i];

        if (fd >= 0 && ((size_t)fd >= m->nfds || m->fds[fd].kind == MOCK_FD_FREE))
            vc_buf_addf(&b, "end: fd %d handed to QEMU, not open\n", fd);
    }
    for (size_t i = 0; i < m->nlinks; i++) {
        if (m->links[i].created) {
            ncreated++;
            put_link(&b, m, &m->links[i]);
        }
    }
    if (!nopen && !ncreated)
        vc_buf_add(&b, "end: nothing open, nothing created\n");
    if (leaks)
        *leaks = nleaks;
    return vc_buf_steal(&b);
}
