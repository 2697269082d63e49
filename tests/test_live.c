/* test_live.c: tiers "live" and "live-project": the real QEMU started
 * through `start`'s code path (src/qemu/start.h) for a domain, then
 * asked over QMP whether it carries what the XML asked (harness/live.h).
 *
 * Run by `make check-live`, not `make check`.  Skipped when no QEMU on
 * this host has the version of a recording in qemuhelpdata/ (the build
 * uses that recording's capabilities).
 *
 * live: tests/live/NAME.xml, with NAME.live saying what the case needs:
 *     needs tap|kvm|macvtap|vhost-net   what this host must offer
 *     bridge NAME                        a bridge to make first
 *     xfail REASON                       QEMU refuses it today (why)
 * The XML names its scratch directory @TMP@ (its images go there).
 * live-project: every xml2argvdata/NAME.xml, its disks and file
 * backends moved into a scratch directory; a domain the tool refuses to
 * build passes with its refusal shown (a clear error is a fine answer);
 * tests/live/project.xfail lists those QEMU refuses today, and why.
 * VC_LIVE_PROJECT=0 leaves that tier out.
 * live-instruments: the own cases again (those that start), each
 * checked against its domain changed in every property the checks read
 * (MAC, tx, drive file, read-only, VNC port, vCPUs, memory): each
 * change must be reported, so the checks can fail.
 * live-cli: build/virtconform start itself: --dry-run makes nothing; a
 * real start prints the socket and pid of a paused QEMU.
 *
 * A case runs in a forked child inside a fresh network namespace when
 * it needs taps (root only).  After QMP's quit, nothing may be left:
 * no process, socket, image, state directory, tap or link.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "corpus.h"
#include "live.h"
#include "live_case.h"
#include "netns.h"
#include "qmp.h"
#include "scratch.h"
#include "spawn.h"
#include "test_args.h"
#include "tier.h"
#include "net/net.h"
#include "qemu/start.h"
#include "util/alloc.h"
#include "util/file.h"

/* A descriptor open here, without CLOEXEC, while QEMU starts: QEMU
 * must not have it. */
#define LEAK_MARKER "vc-live-leak-marker"

static int reap(pid_t pid, int *status)
{
    for (int i = 0; i < VC_QMP_TIMEOUT * 10; i++) {
        pid_t w = waitpid(pid, status, WNOHANG);
        if (w == pid)
            return 0;
        if (w < 0 && errno != EINTR)
            return -1;
        nanosleep(&(struct timespec){ .tv_nsec = 100 * 1000 * 1000 }, NULL);
    }
    kill(pid, SIGKILL);
    waitpid(pid, status, 0);
    return -1;
}

/* Nothing of the start is left once QEMU is gone. */
static void expect_gone(vc_live_check *c, pid_t pid, const char *scratch,
                        const vc_domain_def *def, const char *links_before)
{
    char *entries = vc_live_leftovers(scratch, def);
    char links[VC_NETNS_MSG_MAX];

    vc_live_expect(c, "QEMU process", kill(pid, 0) < 0 && errno == ESRCH ? "gone" : "alive",
                   "gone", NULL);
    vc_live_expect(c, "scratch directory", entries, "", NULL);
    if (links_before) {
        vc_netns_links(links, sizeof(links));
        vc_live_expect(c, "links", links, links_before, NULL);
    }
    free(entries);
}

/* The instruments can fail: @def changed in properties the checks read,
 * each change's label (as the checks name it) in @labels. */
static void mutate(vc_domain_def *def, vc_strlist *labels)
{
    static const vc_net_txmode other_tx[VC_NET_TXMODE_LAST] = {
        [VC_NET_TXMODE_IOTHREAD] = VC_NET_TXMODE_TIMER,
        [VC_NET_TXMODE_TIMER] = VC_NET_TXMODE_IOTHREAD,
    };

    for (size_t i = 0; i < def->nnets; i++) {
        vc_net_def *n = def->nets[i];
        n->mac[5] ^= 1;
        vc_strlist_take(labels, vc_asprintf("%s mac:", n->info.alias));
        if (n->txmode) {
            n->txmode = other_tx[n->txmode];
            vc_strlist_take(labels, vc_asprintf("%s tx:", n->info.alias));
        }
    }
    for (size_t i = 0; i < def->ndisks; i++) {
        vc_disk_def *d = def->disks[i];
        char *src;

        if (!d->src)
            continue;
        src = vc_asprintf("%s.other", d->src);
        free(d->src);
        d->src = src;
        vc_strlist_take(labels, vc_asprintf("drive-%s inserted.file:", d->info.alias));
        if (d->device == VC_DISK_DEVICE_CDROM)
            continue;       /* read-only whatever the XML says */
        d->readonly = !d->readonly;
        vc_strlist_take(labels, vc_asprintf("drive-%s inserted.ro:", d->info.alias));
    }
    for (size_t i = 0; i < def->ngraphics; i++) {
        def->graphics[i]->port++;
        vc_strlist_add(labels, "vnc service:");
    }
    def->vcpus++;
    def->max_memory *= 2;
    vc_strlist_add(labels, "vCPUs:");
    vc_strlist_add(labels, "memory base-memory:");
}

/* Started: check, quit, wait, stop; 0 or -1 with @msg. */
static int check_running(const vc_live_case *lc, vc_domain_def *def, vc_started *st,
                         const char *scratch, vc_live_result *res, char *msg)
{
    vc_live_check c = { .aliases = &lc->env->aliases }, gone = { 0 };
    vc_strlist labels = { 0 };
    vc_error err = { 0 };
    vc_qmp q;
    vc_json *r;
    pid_t pid = st->pid;
    int status = -1, ret = 0;

    if (lc->instrument)
        mutate(def, &labels);
    vc_live_expect_bridge_ports(&c, def);
    vc_live_expect_fds(&c, pid, &st->cmd);
    vc_live_expect_no_fd(&c, pid, LEAK_MARKER);
    if (vc_qmp_open(&q, st->monitor, &err) == 0) {
        c.qmp = &q;
        vc_live_check_domain(&c, def, &st->cmd);
        if ((r = vc_qmp_execute(&q, "quit", NULL, &err)))
            vc_json_free(r);
        vc_qmp_close(&q);
    }
    if (err.code)
        vc_live_expect(&gone, "QMP", NULL, "a monitor", err.msg);
    vc_live_expect(&gone, "QEMU's exit", reap(pid, &status) == 0 && status == 0 ? "0" : "not 0",
                   "0", NULL);
    st->pid = -1;
    vc_started_stop(st, true, NULL);
    expect_gone(&gone, pid, scratch, def, lc->needs_netns ? lc->links_before : NULL);
    for (size_t i = 0; i < labels.n && ret == 0; i++)
        if (!strstr(vc_buf_str(&c.problems), labels.items[i]))
            ret = vc_netns_fail(msg, "a changed property went unnoticed: %s (reported: %s)",
                                labels.items[i], vc_buf_str(&c.problems));
    if (ret == 0 && !lc->instrument && c.failed)
        ret = vc_netns_fail(msg, "%zu of %zu properties wrong: %s", c.failed,
                            c.failed + c.verified, vc_buf_str(&c.problems));
    if (ret == 0 && gone.failed)
        ret = vc_netns_fail(msg, "%s", vc_buf_str(&gone.problems));
    res->verified = lc->instrument ? 0 : c.verified + gone.verified;
    vc_strlist_free(&labels);
    vc_live_check_free(&c);
    vc_live_check_free(&gone);
    return ret;
}

static int run_case(const void *arg, char *msg)
{
    vc_live_case *lc = (vc_live_case *)arg;
    vc_live_result *res = lc->result;
    vc_start_opts opts;
    vc_started st;
    vc_domain_def *def = NULL;
    vc_error err = { 0 };
    int ret = -1, marker, rc;

    if (vc_live_case_prepare(lc, msg) < 0 ||
        !(def = vc_live_case_domain(lc, &err)) ||
        vc_live_case_host(lc, def, msg) < 0) {
        if (!def)
            vc_netns_fail(msg, "%s", err.msg);
        goto out;
    }
    vc_start_opts_init(&opts);
    opts.state_dir = lc->state_dir;
    opts.create_images = true;
    marker = memfd_create(LEAK_MARKER, 0);
    rc = vc_qemu_start(def, &lc->host, &lc->env->caps, &lc->env->cfg, &lc->env->bopts, &opts,
                       &st, &err);
    if (marker >= 0)
        close(marker);
    if (rc < 0) {
        /* the tool's own refusal is an answer; QEMU's is a failure */
        if (lc->project && !st.qemu_refused) {
            res->refused = true;
            snprintf(res->note, sizeof(res->note), "%s", err.msg);
            ret = 0;
        } else {
            vc_netns_fail(msg, "%s", err.msg);
        }
        goto out;
    }
    ret = check_running(lc, def, &st, lc->scratch, res, msg);
 out:
    vc_domain_def_free(def);
    vc_live_case_finish(lc);
    return ret;
}

static void test_case(void **state)
{
    vc_tier_case *tc = *state;
    vc_live_case *lc = tc->data;
    char msg[VC_NETNS_MSG_MAX] = "";
    bool ok;

    memset(lc->result, 0, sizeof(*lc->result));
    if (lc->needs_netns) {
        ok = vc_netns_run(run_case, lc, msg) == VC_NETNS_PASS;
    } else {
        fflush(stdout);
        ok = run_case(lc, msg) == 0;
    }
    if (lc->result->refused)
        printf("note: %s: %s refused by the tool: %s\n", lc->tier, tc->name, lc->result->note);
    lc->env->verified += lc->result->verified;
    if (!ok) {
        print_error("%s: %s\n", tc->name, msg);
        fail();
    }
}

static int run_tier(vc_tier *t, const char *xfail)
{
    int failed;

    if (xfail && vc_tier_load_xfail(t, xfail) < 0)
        return 1;
    failed = vc_tier_run(t, test_case);
    return failed;
}

/* ---- live-cli: build/virtconform start as a user runs it ---------------- */

#define CLI_CASE "disk-virtio"     /* images to make, a VNC port to find */

/* `start` with @extra (or none) on tests/live/CLI_CASE.xml written into
 * @scratch: its result. */
static void run_start(const vc_live_env *env, const char *scratch, const char *extra,
                      vc_spawn_result *res)
{
    char *src = vc_asprintf("%s/tests/live/%s.xml", vc_corpus_srcdir(), CLI_CASE);
    char *xml = vc_asprintf("%s/dom.xml", scratch), *text = NULL, *expanded;
    char *help = vc_asprintf("--help-file=%s/%s.help", vc_corpus_srcdir(), env->recording);
    char *dev = vc_asprintf("--device-file=%s/%s.device", vc_corpus_srcdir(), env->recording);
    char *state = vc_asprintf("--state-dir=%s/state", scratch);
    vc_scratch sc = { (char *)scratch };
    vc_error err = { 0 };
    char *argv[] = { (char *)vc_corpus_cli(), "start", help, dev, state, "--create-images",
                     (char *)extra, extra ? xml : NULL, NULL };

    if (!extra)
        argv[6] = xml;
    assert_non_null(argv[0]);
    assert_int_equal(vc_file_read(src, VC_FILE_MAX_DEFAULT, &text, NULL, &err), 0);
    expanded = vc_scratch_expand(&sc, text);
    assert_int_equal(vc_file_write(xml, expanded, strlen(expanded), &err), 0);
    assert_int_equal(vc_spawn(NULL, argv, res, &err), 0);
    free(expanded);
    free(text);
    free(state);
    free(dev);
    free(help);
    free(xml);
    free(src);
}

/* A CLI test's state: what its teardown undoes, whether the test got to
 * the end or an assertion left it early. */
typedef struct cli_state {
    const vc_live_env *env;
    char scratch[32];
    int pid;            /* QEMU, once start printed it */
    vc_spawn_result res;
} cli_state;

static int cli_setup(void **state)
{
    cli_state *cs = vc_malloc0(sizeof(*cs));

    cs->env = *state;
    snprintf(cs->scratch, sizeof(cs->scratch), "/tmp/vc-live-cli-XXXXXX");
    if (!mkdtemp(cs->scratch))
        return free(cs), -1;
    *state = cs;
    return 0;
}

static int cli_teardown(void **state)
{
    cli_state *cs = *state;
    int status;

    if (cs->pid > 0 && kill(cs->pid, SIGKILL) == 0)
        reap(cs->pid, &status);
    vc_spawn_result_free(&cs->res);
    vc_scratch_remove(&(vc_scratch){ vc_strdup(cs->scratch) });   /* it frees its dir */
    free(cs);
    return 0;
}

/* --dry-run: the plan and the line, and nothing made */
static void test_cli_dry_run(void **state)
{
    cli_state *cs = *state;
    char *left;

    run_start(cs->env, cs->scratch, "--dry-run", &cs->res);
    if (cs->res.status != 0)
        fail_msg("start --dry-run exited %d: %s", cs->res.status, cs->res.err);
    assert_non_null(strstr(cs->res.out, "would: create state directory "));
    assert_non_null(strstr(cs->res.out, "would: create image "));
    assert_non_null(strstr(cs->res.out, "would: port 59"));
    assert_non_null(strstr(cs->res.out, "\nargv "));
    assert_non_null(strstr(cs->res.out, " -S "));
    assert_null(strstr(cs->res.out, "\npid "));
    left = vc_live_dir_entries(cs->scratch);
    assert_string_equal(left, "dom.xml");
    free(left);
}

/* a real start: the socket and pid it prints are QEMU's, paused */
static void test_cli_start(void **state)
{
    cli_state *cs = *state;
    vc_error err = { 0 };
    char monitor[512] = "";
    int status = -1;
    const char *m, *p;
    vc_json *r;
    vc_qmp q;

    run_start(cs->env, cs->scratch, NULL, &cs->res);
    if (cs->res.status != 0)
        fail_msg("start exited %d: %s", cs->res.status, cs->res.err);
    assert_non_null(m = strstr(cs->res.out, "\nmonitor "));
    assert_non_null(p = strstr(cs->res.out, "\npid "));
    assert_int_equal(sscanf(m, "\nmonitor %511s", monitor), 1);
    assert_int_equal(sscanf(p, "\npid %d", &cs->pid), 1);
    assert_true(cs->pid > 0);
    if (vc_qmp_open(&q, monitor, &err) < 0)
        fail_msg("%s", err.msg);
    r = vc_qmp_execute(&q, "query-status", NULL, &err);
    if (r && vc_json_get(r, "status") && vc_json_get(r, "status")->string)
        assert_string_equal(vc_json_get(r, "status")->string, "prelaunch");
    else
        fail_msg("query-status: %s", r ? "no status" : err.msg);
    vc_json_free(r);
    r = vc_qmp_execute(&q, "quit", NULL, &err);
    vc_json_free(r);
    vc_qmp_close(&q);
    /* QEMU was the CLI's child: this process is its subreaper */
    assert_int_equal(reap(cs->pid, &status), 0);
    cs->pid = 0;
    assert_int_equal(status, 0);
    assert_false(vc_path_exists(monitor));
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    static const vc_test_knob knobs[] = {
        { "VC_LIVE_PROJECT=0", "leave out the xml2argvdata cases" },
        { NULL, NULL },
    };
    vc_test_args(argc, argv, knobs);
    return run_tiers();
}

static int run_tiers(void)
{
    vc_live_env env;
    vc_tier own = { .name = "live" }, project = { .name = "live-project" };
    vc_tier instruments = { .name = "live-instruments" };
    char why[512];
    int failed = 0;
    char *xfail;
    vc_live_result *res;

    /* QEMU started by the CLI outlives it: it becomes this process's child */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    if (vc_live_env_init(&env, why, sizeof(why)) < 0) {
        vc_tier_skip("live", why);
        vc_tier_skip("live-instruments", why);
        vc_tier_skip("live-cli", why);
        vc_tier_skip("live-project", why);
        return 0;
    }
    /* shared with the namespace children */
    res = mmap(NULL, sizeof(*res), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (res == MAP_FAILED) {
        printf("live: 0 passed, 1 failed (mmap: %s)\n", strerror(errno));
        return 1;
    }
    printf("note: live: %s, capabilities of %s\n", env.emulator, env.recording);
    vc_live_cases_own(&env, res, &own);
    failed += run_tier(&own, NULL);
    printf("note: live: %zu properties verified over QMP\n", env.verified);
    vc_live_cases_instruments(&env, res, &instruments);
    failed += run_tier(&instruments, NULL);
    if (env.project) {
        size_t before = env.verified;
        vc_live_cases_project(&env, res, &project);
        xfail = vc_asprintf("%s/tests/live/project.xfail", vc_corpus_srcdir());
        failed += run_tier(&project, xfail);
        free(xfail);
        printf("note: live-project: %zu properties verified over QMP\n", env.verified - before);
    } else {
        vc_tier_skip("live-project", "VC_LIVE_PROJECT=0");
    }
    {
        const struct CMUnitTest cli[] = {
            cmocka_unit_test_prestate_setup_teardown(test_cli_dry_run, cli_setup,
                                                     cli_teardown, &env),
            cmocka_unit_test_prestate_setup_teardown(test_cli_start, cli_setup,
                                                     cli_teardown, &env),
        };
        int f = vc_group_run("live-cli", cli, sizeof(cli) / sizeof(cli[0]), NULL, NULL);
        failed += f;
    }
    vc_tier_free(&own, vc_live_case_free);
    vc_tier_free(&instruments, vc_live_case_free);
    vc_tier_free(&project, vc_live_case_free);
    munmap(res, sizeof(*res));
    vc_live_env_free(&env);
    return failed ? 1 : 0;
}
