/* kernel.c: the real kernel behind the seam: libc's system calls. */
#include "net/net_private.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static int real_open(void *opaque, const char *path, int flags)
{
    (void)opaque;
    return open(path, flags);
}

static int real_close(void *opaque, int fd)
{
    (void)opaque;
    return close(fd);
}

static int real_ioctl(void *opaque, int fd, unsigned long request, void *arg)
{
    (void)opaque;
    return ioctl(fd, request, arg);
}

static int real_socket(void *opaque, int domain, int type, int protocol)
{
    (void)opaque;
    return socket(domain, type | SOCK_CLOEXEC, protocol);
}

/* to the kernel: port id 0 */
static ssize_t real_nl_send(void *opaque, int fd, const void *buf, size_t len)
{
    struct sockaddr_nl sa = { .nl_family = AF_NETLINK };

    (void)opaque;
    return sendto(fd, buf, len, 0, (struct sockaddr *)&sa, sizeof(sa));
}

static ssize_t real_nl_recv(void *opaque, int fd, void *buf, size_t len)
{
    ssize_t n;

    (void)opaque;
    do
        n = recv(fd, buf, len, 0);
    while (n < 0 && errno == EINTR);
    return n;
}

static void real_note(void *opaque, const char *msg)
{
    (void)opaque;
    (void)msg;
}

static const vc_host_kernel real_kernel = {
    real_open, real_close, real_ioctl, real_socket, real_nl_send, real_nl_recv,
    real_note, NULL,
};

const vc_host_kernel *vc_net_real_kernel(void)
{
    return &real_kernel;
}

void vc_net_close_fd(void *k, int fd)
{
    const vc_host_kernel *kernel = k;

    kernel->close(kernel->opaque, fd);
}

void vc_net_note(const vc_host_kernel *k, const char *msg)
{
    k->note(k->opaque, msg);
}

int vc_net_syserr(vc_error *err, int errnum, const char *fmt, ...)
{
    char msg[VC_ERROR_MSG_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return vc_error_set(err, VC_EXIT_BUILD, "%s: %s", msg, strerror(errnum));
}
