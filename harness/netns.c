/* netns.c: checks in throwaway namespaces, and what they need (netns.h). */
#include "netns.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* libgcov's, in a --coverage build (make coverage): the child's counts
 * are written at exit, which _exit skips */
extern void __gcov_dump(void) __attribute__((weak));

/* the child's exit status says which outcome; its message comes over a pipe */
enum { CHILD_PASS = 0, CHILD_FAIL = 1, CHILD_REFUSED = 2 };

int vc_netns_fail(char *msg, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, VC_NETNS_MSG_MAX, fmt, ap);
    va_end(ap);
    return -1;
}

static int enter(char *msg)
{
    if (unshare(CLONE_NEWNET | CLONE_NEWNS) < 0)
        return vc_netns_fail(msg, "unshare(CLONE_NEWNET|CLONE_NEWNS): %s", strerror(errno));
    /* or the sysfs mount below would propagate back to the host (the
     * kernel ignores source and type here; memcheck wants strings) */
    if (mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) < 0)
        return vc_netns_fail(msg, "making / rprivate: %s", strerror(errno));
    /* sysfs shows the network namespace of whoever mounts it */
    if (mount("sysfs", "/sys", "sysfs", 0, NULL) < 0)
        return vc_netns_fail(msg, "mounting sysfs on /sys: %s", strerror(errno));
    return 0;
}

static void child(vc_netns_check fn, const void *arg, int wfd)
{
    char msg[VC_NETNS_MSG_MAX] = "";
    int code = CHILD_PASS, rc;
    size_t len, off = 0;

    if (enter(msg) < 0 || (rc = fn(arg, msg)) > 0)
        code = CHILD_REFUSED;
    else if (rc < 0)
        code = CHILD_FAIL;
    len = strlen(msg);
    while (off < len) {
        ssize_t n = write(wfd, msg + off, len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    if (__gcov_dump)
        __gcov_dump();
    /* not exit(): the parent's stdio buffers and atexit handlers are not ours */
    _exit(code);
}

/* What the child wrote, up to EOF, into @msg. */
static void read_msg(int rfd, char *msg)
{
    size_t off = 0;
    ssize_t n;

    while (off < VC_NETNS_MSG_MAX - 1 &&
           ((n = read(rfd, msg + off, VC_NETNS_MSG_MAX - 1 - off)) > 0 ||
            (n < 0 && errno == EINTR)))
        off += n > 0 ? (size_t)n : 0;
    msg[off] = '\0';
}

vc_netns_outcome vc_netns_run(vc_netns_check fn, const void *arg, char *msg)
{
    int fds[2], status;
    pid_t pid;

    msg[0] = '\0';
    if (pipe2(fds, O_CLOEXEC) < 0) {
        vc_netns_fail(msg, "pipe: %s", strerror(errno));
        return VC_NETNS_FAIL;
    }
    fflush(stdout);
    fflush(stderr);
    if ((pid = fork()) < 0) {
        vc_netns_fail(msg, "fork: %s", strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return VC_NETNS_FAIL;
    }
    if (pid == 0) {
        close(fds[0]);
        child(fn, arg, fds[1]);
    }
    close(fds[1]);
    read_msg(fds[0], msg);
    close(fds[0]);
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            vc_netns_fail(msg, "waitpid: %s", strerror(errno));
            return VC_NETNS_FAIL;
        }
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_PASS)
        return VC_NETNS_PASS;
    if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_REFUSED)
        return VC_NETNS_REFUSED;
    if (WIFEXITED(status) && WEXITSTATUS(status) != CHILD_FAIL) {
        /* a sanitizer or memcheck ended it: its report is in the log */
        size_t len = strlen(msg);
        snprintf(msg + len, VC_NETNS_MSG_MAX - len, "%sthe check's child exited %d",
                 len ? "; " : "", WEXITSTATUS(status));
    } else if (WIFSIGNALED(status)) {
        vc_netns_fail(msg, "the check's child was killed by signal %d (%s)",
                      WTERMSIG(status), strsignal(WTERMSIG(status)));
    }
    return VC_NETNS_FAIL;
}

/* An attribute at the end of @h (room is the caller's); returns it, to
 * nest into. */
static struct rtattr *put_attr(struct nlmsghdr *h, unsigned short type, const void *data,
                               size_t len)
{
    struct rtattr *a = (struct rtattr *)((char *)h + NLMSG_ALIGN(h->nlmsg_len));

    a->rta_type = type;
    a->rta_len = (unsigned short)RTA_LENGTH(len);
    if (len)
        memcpy(RTA_DATA(a), data, len);
    h->nlmsg_len = NLMSG_ALIGN(h->nlmsg_len) + RTA_ALIGN(a->rta_len);
    return a;
}

int vc_netns_newlink(const char *kind, const char *name, const char *parent)
{
    union {
        struct nlmsghdr h;
        char buf[512];
    } req, ans;
    struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
    struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
    struct rtattr *info;
    int fd, ret;
    ssize_t n;

    memset(&req, 0, sizeof(req));
    req.h.nlmsg_len = NLMSG_LENGTH(sizeof(ifi));
    req.h.nlmsg_type = RTM_NEWLINK;
    req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
    memcpy(NLMSG_DATA(&req.h), &ifi, sizeof(ifi));
    put_attr(&req.h, IFLA_IFNAME, name, strlen(name) + 1);
    if (parent) {
        unsigned int index = if_nametoindex(parent);

        if (index == 0)
            return -errno;
        put_attr(&req.h, IFLA_LINK, &index, sizeof(index));
    }
    info = put_attr(&req.h, IFLA_LINKINFO, NULL, 0);
    put_attr(&req.h, IFLA_INFO_KIND, kind, strlen(kind));
    info->rta_len = (unsigned short)((char *)&req.h + req.h.nlmsg_len - (char *)info);

    if ((fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE)) < 0)
        return -errno;
    if (sendto(fd, &req, req.h.nlmsg_len, 0, (struct sockaddr *)&kernel, sizeof(kernel)) < 0 ||
        (n = recv(fd, &ans, sizeof(ans), 0)) < 0)
        ret = -errno;
    else if ((size_t)n < NLMSG_LENGTH(sizeof(struct nlmsgerr)) ||
             ans.h.nlmsg_type != NLMSG_ERROR)
        ret = -EPROTO;
    else
        ret = ((struct nlmsgerr *)NLMSG_DATA(&ans.h))->error;
    close(fd);
    return ret;
}

/* The attribute @type among those from @a, @len bytes long. */
static struct rtattr *find_attr(struct rtattr *a, size_t len, unsigned short type)
{
    int left = (int)len;

    for (; RTA_OK(a, left); a = RTA_NEXT(a, left))
        if (a->rta_type == type)
            return a;
    return NULL;
}

long vc_netns_macvlan_mode(const char *name)
{
    union {
        struct nlmsghdr h;
        char buf[512];
    } req;
    static const size_t ans_size = 16384;   /* a link's whole description */
    struct nlmsghdr *ans = NULL;
    struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
    struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
    struct rtattr *a;
    long ret = -EPROTO;
    int fd;
    ssize_t n;

    memset(&req, 0, sizeof(req));
    req.h.nlmsg_len = NLMSG_LENGTH(sizeof(ifi));
    req.h.nlmsg_type = RTM_GETLINK;
    req.h.nlmsg_flags = NLM_F_REQUEST;
    memcpy(NLMSG_DATA(&req.h), &ifi, sizeof(ifi));
    put_attr(&req.h, IFLA_IFNAME, name, strlen(name) + 1);
    if ((fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE)) < 0)
        return -errno;
    if (!(ans = malloc(ans_size))) {
        ret = -ENOMEM;
        goto cleanup;
    }
    if (sendto(fd, &req, req.h.nlmsg_len, 0, (struct sockaddr *)&kernel, sizeof(kernel)) < 0 ||
        (n = recv(fd, ans, ans_size, 0)) < 0) {
        ret = -errno;
        goto cleanup;
    }
    if (!NLMSG_OK(ans, (size_t)n))
        goto cleanup;
    if (ans->nlmsg_type == NLMSG_ERROR) {
        ret = ((struct nlmsgerr *)NLMSG_DATA(ans))->error;
        goto cleanup;
    }
    /* IFLA_LINKINFO { IFLA_INFO_DATA { IFLA_MACVLAN_MODE } } */
    if (ans->nlmsg_type != RTM_NEWLINK ||
        !(a = find_attr(IFLA_RTA(NLMSG_DATA(ans)), IFLA_PAYLOAD(ans), IFLA_LINKINFO)) ||
        !(a = find_attr(RTA_DATA(a), RTA_PAYLOAD(a), IFLA_INFO_DATA)) ||
        !(a = find_attr(RTA_DATA(a), RTA_PAYLOAD(a), IFLA_MACVLAN_MODE)) ||
        RTA_PAYLOAD(a) < sizeof(uint32_t)) {
        ret = -ENOENT;
        goto cleanup;
    }
    ret = *(const uint32_t *)RTA_DATA(a);
cleanup:
    free(ans);
    close(fd);
    return ret;
}

static void sysfs_path(char *path, size_t len, const char *ifname, const char *attr)
{
    snprintf(path, len, "/sys/class/net/%s%s%s", ifname, attr ? "/" : "", attr ? attr : "");
}

bool vc_netns_sysfs_exists(const char *ifname, const char *attr)
{
    char path[256];

    sysfs_path(path, sizeof(path), ifname, attr);
    return access(path, F_OK) == 0;
}

int vc_netns_sysfs_read(const char *ifname, const char *attr, char *buf, size_t len)
{
    char path[256];
    FILE *f;
    int ret = 0;

    sysfs_path(path, sizeof(path), ifname, attr);
    if (!(f = fopen(path, "re")))
        return -errno;
    if (!fgets(buf, (int)len, f))
        ret = -EIO;
    else
        buf[strcspn(buf, "\n")] = '\0';
    fclose(f);
    return ret;
}

void vc_netns_links(char *buf, size_t len)
{
    DIR *d = opendir("/sys/class/net");
    struct dirent *e;
    size_t off = 0;

    buf[0] = '\0';
    if (!d)
        return;
    while ((e = readdir(d)) && off < len) {
        if (e->d_name[0] == '.')
            continue;
        off += (size_t)snprintf(buf + off, len - off, "%s%s", off ? " " : "", e->d_name);
    }
    closedir(d);
}
