/* start_host.c: what the host needs before QEMU runs: the state
 * directory, ports for autoport graphics, disk images. */
#include "qemu/start.h"
#include "util/alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int vc_start_state_dir(const char *dir, bool *made, vc_error *err)
{
    struct stat st;

    *made = false;
    if (mkdir(dir, 0700) == 0) {
        *made = true;
        return 0;
    }
    if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return 0;
    return vc_error_set(err, VC_EXIT_BUILD, "cannot create state directory '%s': %s",
                        dir, errno == EEXIST ? "not a directory" : strerror(errno));
}

/* Can @port be bound on every IPv4 address?  libvirt asks the same, with
 * SO_REUSEADDR so that a port in TIME_WAIT still counts as free. */
static bool port_free(int port)
{
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                                .sin_addr.s_addr = htonl(INADDR_ANY) };
    int one = 1, fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    bool ok;

    if (fd < 0)
        return false;
    ok = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) == 0 &&
         bind(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0;
    close(fd);
    return ok;
}

int vc_start_free_port(int from, vc_error *err)
{
    for (int port = from; port < 65536; port++)
        if (port_free(port))
            return port;
    return vc_error_set(err, VC_EXIT_BUILD, "unable to find an unused port from %d", from);
}

static int take_port(int from, int *port, const char *what, vc_strlist *actions,
                     vc_error *err)
{
    int p = vc_start_free_port(from, err);
    char *msg;

    if (p < 0)
        return -1;
    *port = p;
    msg = vc_asprintf("port %d for %s (autoport)", p, what);
    vc_strlist_take(actions, msg);
    return 0;
}

int vc_start_graphics_ports(vc_domain_def *def, bool tls, vc_strlist *actions,
                            vc_error *err)
{
    for (size_t i = 0; i < def->ngraphics; i++) {
        vc_graphics_def *g = def->graphics[i];

        if (!g->autoport)
            continue;
        /* a VNC server on a UNIX socket has no port to take */
        if (g->type == VC_GRAPHICS_VNC && !g->socket &&
            take_port(VC_START_PORT_MIN, &g->port, "VNC", actions, err) < 0)
            return -1;
        if (g->type != VC_GRAPHICS_SPICE)
            continue;
        if (take_port(VC_START_PORT_MIN, &g->port, "SPICE", actions, err) < 0 ||
            (tls && take_port(g->port + 1, &g->tls_port, "SPICE TLS", actions, err) < 0))
            return -1;
    }
    return 0;
}

/* Run @argv, its output captured for the message when it fails. */
static int run_tool(char *const argv[], vc_error *err)
{
    char out[512];
    size_t len = 0;
    int pfd[2], status;
    ssize_t r;
    pid_t pid;

    if (pipe2(pfd, O_CLOEXEC) < 0)
        return vc_error_set(err, VC_EXIT_INTERNAL, "pipe: %s", strerror(errno));
    if ((pid = fork()) < 0) {
        close(pfd[0]);
        close(pfd[1]);
        return vc_error_set(err, VC_EXIT_INTERNAL, "fork: %s", strerror(errno));
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        if (null < 0 || dup2(null, 0) < 0 || dup2(pfd[1], 1) < 0 || dup2(pfd[1], 2) < 0)
            _exit(127);
        execvp(argv[0], argv);
        dprintf(2, "cannot run %s: %s", argv[0], strerror(errno));
        _exit(127);
    }
    close(pfd[1]);
    while ((r = read(pfd[0], out + len, sizeof(out) - 1 - len)) > 0 ||
           (r < 0 && errno == EINTR))
        len += r > 0 ? (size_t)r : 0;
    out[len] = '\0';
    close(pfd[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    return vc_error_set(err, VC_EXIT_BUILD, "%s failed: %s", argv[0], out);
}

/* The disks whose image start may make: files with a source (a network
 * or block source, or an empty drive, has nothing to make). */
static bool makes_image(const vc_disk_def *d)
{
    return d->type == VC_DISK_TYPE_FILE && d->src && *d->src;
}

void vc_start_disk_formats(vc_domain_def *def, bool probing, vc_strlist *actions)
{
    for (size_t i = 0; i < def->ndisks && !probing; i++) {
        vc_disk_def *d = def->disks[i];

        if (d->driver_type || !d->src || !*d->src ||
            (d->type != VC_DISK_TYPE_FILE && d->type != VC_DISK_TYPE_BLOCK))
            continue;
        d->driver_type = vc_strdup("raw");
        vc_strlist_take(actions, vc_asprintf("disk %s: format raw (no driver type, and "
                                             "allow_disk_format_probing is off)", d->dst));
    }
}

int vc_start_images(const vc_domain_def *def, const vc_start_opts *opts,
                    vc_strlist *made, vc_strlist *actions, vc_error *err)
{
    const char *tool = opts->qemu_img ? opts->qemu_img : "qemu-img";
    const char *size = opts->image_size ? opts->image_size : VC_START_IMAGE_SIZE;

    for (size_t i = 0; i < def->ndisks; i++) {
        const vc_disk_def *d = def->disks[i];
        const char *fmt = d->driver_type ? d->driver_type : "raw";
        char *argv[] = { (char *)tool, "create", "-q", "-f", (char *)fmt,
                         d->src, (char *)size, NULL };

        if (!makes_image(d) || access(d->src, F_OK) == 0 || vc_strlist_has(made, d->src))
            continue;
        vc_strlist_take(actions, vc_asprintf("create image %s (%s, %s)", d->src, fmt, size));
        if (opts->dry_run)
            continue;
        if (run_tool(argv, err) < 0) {
            unlink(d->src);     /* it was missing: whatever is there is half made */
            vc_error_prefix(err, "image '%s'", d->src);
            return -1;
        }
        vc_strlist_add(made, d->src);
    }
    return 0;
}
