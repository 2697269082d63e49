/* start.c: a domain's QEMU started as a management daemon starts it:
 * state directory, ports, images, the line (whose build opens the
 * host side through the host's kernel), QEMU, its monitor greeting.
 * Each step's undoing is vc_started_stop's, so one path cleans up. */
#include "qemu/start.h"
#include "net/net.h"
#include "util/alloc.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

void vc_start_opts_init(vc_start_opts *opts)
{
    memset(opts, 0, sizeof(*opts));
}

static void started_init(vc_started *s)
{
    vc_command init = VC_COMMAND_INIT;

    memset(s, 0, sizeof(*s));
    s->pid = -1;
    s->cmd = init;
}

static void started_free(vc_started *s)
{
    vc_command_free(&s->cmd);       /* closes this process's copies */
    free(s->state_dir);
    free(s->monitor);
    free(s->log);
    free(s->line);
    vc_strlist_free(&s->images);
    vc_strlist_free(&s->links);
    vc_strlist_free(&s->actions);
    started_init(s);
}

void vc_started_release(vc_started *s)
{
    started_free(s);
}

static int reap(pid_t pid)
{
    int status = 0;

    if (waitpid(pid, &status, WNOHANG) == 0) {
        kill(pid, SIGKILL);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

void vc_started_stop(vc_started *s, bool remove_images, int *status)
{
    int st = s->pid > 0 ? reap(s->pid) : 0;

    if (status)
        *status = st;
    /* QEMU removes its socket when it exits cleanly; not when killed */
    if (s->launched && s->monitor)
        unlink(s->monitor);
    for (size_t i = 0; i < s->links.n; i++)
        vc_net_link_delete(s->kernel, s->links.items[i], NULL);
    if (s->made_log)
        unlink(s->log);
    for (size_t i = 0; remove_images && i < s->images.n; i++)
        unlink(s->images.items[i]);
    if (s->made_state_dir)
        rmdir(s->state_dir);
    started_free(s);
}

static void act(vc_started *s, const char *fmt, const char *arg)
{
    vc_strlist_take(&s->actions, vc_asprintf(fmt, arg));
}

/* The descriptors the line names, for the record. */
static void note_fds(vc_started *s)
{
    char *list = vc_strdup("");

    for (size_t i = 0; i < s->cmd.nfds; i++) {
        char *more = vc_asprintf("%s%s%d", list, i ? " " : "", s->cmd.fds[i].fd);
        free(list);
        list = more;
    }
    if (s->cmd.nfds)
        act(s, "hand descriptors %s to QEMU (taps, vhost-net)", list);
    for (size_t i = 0; i < s->links.n; i++)
        act(s, "link %s made (deleted when QEMU is stopped)", s->links.items[i]);
    free(list);
}

/* Paths under the state directory, and the directory itself. */
static int prepare_state(const vc_domain_def *def, const vc_start_opts *opts,
                         vc_started *s, vc_error *err)
{
    struct stat st;

    s->state_dir = vc_strdup(opts->state_dir ? opts->state_dir : VC_START_STATE_DIR);
    s->monitor = vc_asprintf("%s/%s.monitor", s->state_dir, def->name);
    s->log = opts->log_path ? vc_strdup(opts->log_path)
                            : vc_asprintf("%s/%s.log", s->state_dir, def->name);
    if (!opts->dry_run && vc_start_state_dir(s->state_dir, &s->made_state_dir, err) < 0)
        return -1;
    if (s->made_state_dir || (opts->dry_run && access(s->state_dir, F_OK) != 0))
        act(s, "create state directory %s", s->state_dir);
    /* QEMU would unlink a live QEMU's socket and take its place */
    if (lstat(s->monitor, &st) == 0) {
        vc_error_set(err, VC_EXIT_BUILD, "monitor socket %s exists: is domain '%s' "
                     "running already?", s->monitor, def->name);
        free(s->monitor);
        s->monitor = NULL;      /* not ours to remove */
        return -1;
    }
    act(s, "monitor (QMP) socket %s", s->monitor);
    s->made_log = !opts->dry_run && access(s->log, F_OK) != 0;
    act(s, "QEMU's output to %s", s->log);
    return 0;
}

int vc_qemu_start(vc_domain_def *def, const vc_host *host, const vc_caps *caps,
                  const vc_qemu_config *cfg, const vc_build_opts *bopts,
                  const vc_start_opts *opts, vc_started *out, vc_error *err)
{
    vc_build_opts b = *bopts;
    vc_host h = *host;
    bool ran;

    started_init(out);
    out->kernel = host->kernel;
    b.links = &out->links;
    vc_start_disk_formats(def, cfg->allow_disk_format_probing, &out->actions);
    if (prepare_state(def, opts, out, err) < 0 ||
        vc_start_graphics_ports(def, cfg->spice_tls, &out->actions, err) < 0 ||
        (opts->create_images &&
         vc_start_images(def, opts, &out->images, &out->actions, err) < 0))
        goto fail;
    h.state_dir = out->state_dir;
    h.monitor_path = out->monitor;
    if (vc_qemu_build(def, &h, caps, cfg, &b, &out->cmd, err) < 0)
        goto fail;
    out->line = vc_command_to_line(&out->cmd);
    note_fds(out);
    if (opts->dry_run)
        return 0;
    if ((out->pid = vc_start_exec(&out->cmd, out->log, err)) < 0)
        goto fail;
    out->launched = true;
    /* QEMU holds the taps now; this process's copies would keep them
     * alive after QEMU is gone */
    vc_command_close_fds(&out->cmd);
    if (vc_start_wait_monitor(out->pid, out->cmd.args[0].text, out->monitor, out->log, err) < 0)
        goto fail;
    return 0;

 fail:
    ran = out->launched;
    vc_started_stop(out, true, NULL);
    out->qemu_refused = ran;
    return -1;
}
