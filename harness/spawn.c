#include "spawn.h"
#include "util/alloc.h"
#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Output goes to unlinked temporary files rather than pipes, so a child
 * that prints a lot cannot block on a full pipe. */
static int tmpfd(vc_error *err)
{
    char path[] = "/tmp/vc-spawn-XXXXXX";
    int fd = mkstemp(path);

    if (fd < 0)
        return vc_error_set(err, VC_EXIT_INTERNAL, "mkstemp: %s", strerror(errno));
    unlink(path);
    return fd;
}

static char *slurp(int fd)
{
    vc_error err = { 0 };
    char *path = vc_asprintf("/proc/self/fd/%d", fd);
    char *data = NULL;

    if (vc_file_read(path, 64u * 1024 * 1024, &data, NULL, &err) < 0)
        data = vc_strdup(err.msg);
    free(path);
    return data;
}

int vc_spawn(const char *cwd, char *const argv[], vc_spawn_result *res,
             vc_error *err)
{
    int out = -1, errfd = -1, ret = -1, wstatus;
    pid_t pid;

    memset(res, 0, sizeof(*res));
    if ((out = tmpfd(err)) < 0 || (errfd = tmpfd(err)) < 0)
        goto cleanup;
    fflush(stdout);
    fflush(stderr);
    if ((pid = fork()) < 0) {
        vc_error_set(err, VC_EXIT_INTERNAL, "fork: %s", strerror(errno));
        goto cleanup;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);

        /* a pending alarm survives exec: a program that hangs is killed */
        alarm(VC_SPAWN_TIMEOUT);
        if (null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(errfd, 2) < 0 ||
            (cwd && chdir(cwd) < 0))
            _exit(127);
        execv(argv[0], argv);
        dprintf(2, "exec %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    while (waitpid(pid, &wstatus, 0) < 0) {
        if (errno != EINTR) {
            vc_error_set(err, VC_EXIT_INTERNAL, "waitpid: %s", strerror(errno));
            goto cleanup;
        }
    }
    res->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
    res->out = slurp(out);
    res->err = slurp(errfd);
    ret = 0;

 cleanup:
    if (out >= 0)
        close(out);
    if (errfd >= 0)
        close(errfd);
    return ret;
}

void vc_spawn_result_free(vc_spawn_result *res)
{
    free(res->out);
    free(res->err);
    res->out = res->err = NULL;
}
