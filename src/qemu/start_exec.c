/* start_exec.c: running QEMU (fork + exec, so that the caller keeps
 * QEMU as its child: it can wait for it, and undo everything when QEMU
 * refuses the line) and waiting for it to greet on its monitor. */
#include "qemu/start.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* In the child: close every descriptor from 3 up but those of @keep
 * (sorted), which lose FD_CLOEXEC. */
static void close_others(const int *keep, size_t n)
{
    unsigned lo = 3;

    for (size_t i = 0; i < n; i++) {
        if (keep[i] < 3)
            continue;
        if ((unsigned)keep[i] > lo)
            close_range(lo, (unsigned)keep[i] - 1, 0);
        lo = (unsigned)keep[i] + 1;
    }
    close_range(lo, ~0U, 0);
}

static void child(const vc_command *cmd, char **argv, char **envp, int *keep,
                  size_t nkeep, const char *log, int report)
{
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int out = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    sigset_t none;
    int e;

    /* a session of its own: the terminal's ^C is not QEMU's */
    if (setsid() < 0 || null < 0 || out < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 ||
        dup2(out, 2) < 0)
        goto fail;
    /* what this process ignores or blocks (exec keeps both) is not QEMU's */
    for (int sig = 1; sig < NSIG; sig++) {
        struct sigaction old;
        if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            signal(sig, SIG_DFL);
    }
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (size_t i = 0; i < cmd->nfds; i++)
        if (fcntl(cmd->fds[i].fd, F_SETFD, 0) < 0)
            goto fail;
    close_others(keep, nkeep);      /* @report is among them, and CLOEXEC */
    execve(argv[0], argv, envp);
 fail:
    e = errno;
    /* freed so that a leak checker following the child sees none */
    free(keep);
    free(envp);
    free(argv);
    if (write(report, &e, sizeof(e)) < 0)
        _exit(127);
    _exit(127);
}

pid_t vc_start_exec(const vc_command *cmd, const char *log, vc_error *err)
{
    char **argv = vc_calloc(cmd->nargs + 1, sizeof(*argv));
    char **envp = vc_calloc(cmd->env.n + 1, sizeof(*envp));
    int *keep = vc_calloc(cmd->nfds + 1, sizeof(*keep));
    int report[2] = { -1, -1 }, e = 0, status;
    pid_t pid = -1;
    ssize_t r;

    for (size_t i = 0; i < cmd->nargs; i++)
        argv[i] = cmd->args[i].text;
    for (size_t i = 0; i < cmd->env.n; i++)
        envp[i] = cmd->env.items[i];
    if (pipe2(report, O_CLOEXEC) < 0) {
        vc_error_set(err, VC_EXIT_INTERNAL, "pipe: %s", strerror(errno));
        goto out;
    }
    for (size_t i = 0; i < cmd->nfds; i++)
        keep[i] = cmd->fds[i].fd;
    keep[cmd->nfds] = report[1];
    qsort(keep, cmd->nfds + 1, sizeof(*keep), cmp_int);
    if ((pid = fork()) < 0) {
        vc_error_set(err, VC_EXIT_INTERNAL, "fork: %s", strerror(errno));
        goto out;
    }
    if (pid == 0)
        child(cmd, argv, envp, keep, cmd->nfds + 1, log, report[1]);
    close(report[1]);
    report[1] = -1;
    /* the pipe closes at exec: nothing read means QEMU is running */
    while ((r = read(report[0], &e, sizeof(e))) < 0 && errno == EINTR)
        ;
    if (r > 0) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
        vc_error_set(err, VC_EXIT_BUILD, "cannot run %s: %s", argv[0], strerror(e));
        pid = -1;
    }
 out:
    if (report[0] >= 0)
        close(report[0]);
    if (report[1] >= 0)
        close(report[1]);
    free(keep);
    free(envp);
    free(argv);
    return pid;
}

/* What QEMU said when it gave up: the lines of @log from the last one
 * @prog (its name) starts, warnings aside, joined on one line; else the
 * last line. */
static char *last_words(const char *log, const char *prog)
{
    const char *base = strrchr(prog, '/') ? strrchr(prog, '/') + 1 : prog;
    char *data = NULL, *from = NULL, *last = NULL, *save = NULL, *out;
    size_t len = 0;
    vc_error ignored = { 0 };
    vc_buf b = VC_BUF_INIT;

    if (vc_file_read(log, 1 << 20, &data, &len, &ignored) < 0 || len == 0) {
        free(data);
        return vc_strdup("(it printed nothing)");
    }
    for (char *l = strtok_r(data, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (strncmp(l, base, strlen(base)) == 0 && !strstr(l, ": warning: ")) {
            vc_buf_reset(&b);
            from = l;
        }
        if (from && *l)
            vc_buf_addf(&b, "%s%s", b.len ? " " : "", l);
        last = *l ? l : last;
    }
    /* not in its own name ("qemu: could not load kernel"): its last line */
    out = from ? vc_buf_steal(&b) : vc_strdup(last ? last : "(no error message)");
    vc_buf_free(&b);
    free(data);
    return out;
}

static int exited(pid_t pid, int status, const char *prog, const char *log, vc_error *err)
{
    char *said = last_words(log, prog);

    if (WIFSIGNALED(status))
        vc_error_set(err, VC_EXIT_BUILD, "QEMU (pid %d) was killed by signal %d: %s",
                     (int)pid, WTERMSIG(status), said);
    else
        vc_error_set(err, VC_EXIT_BUILD, "QEMU refused to start (exit status %d): %s",
                     WEXITSTATUS(status), said);
    free(said);
    return -1;
}

/* Read from @fd until @want shows up in what was read: 1; 0 on a
 * timeout or EOF. */
static int read_until(int fd, const char *want)
{
    char buf[4096];
    size_t len = 0;
    ssize_t r;

    while (len < sizeof(buf) - 1 && (r = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0) {
        len += (size_t)r;
        buf[len] = '\0';
        if (strstr(buf, want))
            return 1;
    }
    return 0;
}

/* One try: 1 when QEMU answered, 0 when not yet (or it is going away:
 * the caller's waitpid sees that). */
static int try_monitor(const char *monitor)
{
    static const char caps[] = "{\"execute\": \"qmp_capabilities\"}\n";
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    struct timeval tv = { .tv_sec = 5 };
    int fd, ret = 0;

    if (strlen(monitor) >= sizeof(addr.sun_path))
        return 0;
    strcpy(addr.sun_path, monitor);
    if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
        return 0;
    if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0) {
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        ret = read_until(fd, "{\"QMP\":") &&
              write(fd, caps, sizeof(caps) - 1) == (ssize_t)(sizeof(caps) - 1) &&
              read_until(fd, "\"return\"");
    }
    close(fd);
    return ret;
}

static double now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int vc_start_wait_monitor(pid_t pid, const char *prog, const char *monitor, const char *log,
                          vc_error *err)
{
    const struct timespec tick = { .tv_nsec = 50 * 1000 * 1000 };
    double deadline = now() + VC_START_TIMEOUT;
    int status;

    do {
        if (waitpid(pid, &status, WNOHANG) == pid)
            return exited(pid, status, prog, log, err);
        if (try_monitor(monitor))
            return 0;
        nanosleep(&tick, NULL);
    } while (now() < deadline);
    return vc_error_set(err, VC_EXIT_BUILD, "QEMU (pid %d) did not answer on its monitor "
                        "%s within %d s", (int)pid, monitor, VC_START_TIMEOUT);
}
