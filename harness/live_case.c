/* live_case.c: finding the host's QEMU, the live cases, and fitting
 * each case's domain to this host. */
#include "live_case.h"
#include "corpus.h"
#include "scratch.h"
#include "spawn.h"
#include "net/net.h"
#include "util/alloc.h"
#include "util/file.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

/* ---- the host's QEMU -------------------------------------------------------- */

/* "QEMU emulator version 7.2.22 (...)" as the caps' version number. */
static unsigned long emulator_version(const char *emulator)
{
    char *argv[] = { (char *)emulator, "-version", NULL };
    vc_spawn_result res = { 0 };
    vc_error err = { 0 };
    unsigned a, b, c;
    unsigned long v = 0;

    if (vc_spawn(NULL, argv, &res, &err) == 0 && res.status == 0 && res.out &&
        sscanf(res.out, "QEMU emulator version %u.%u.%u", &a, &b, &c) == 3)
        v = a * 1000000UL + b * 1000UL + c;
    vc_spawn_result_free(&res);
    return v;
}

/* 'name "lsi53c895a", bus PCI, alias "lsi"' lines of a listing. */
static void read_aliases(vc_live_env *env, const char *device_file)
{
    char *text = NULL, *save = NULL;
    vc_error err = { 0 };

    if (vc_file_read(device_file, VC_FILE_MAX_DEFAULT * 16, &text, NULL, &err) < 0)
        return;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char name[128], alias[128];
        const char *a = strstr(l, "alias \"");
        if (sscanf(l, "name \"%127[^\"]\"", name) == 1 && a &&
            sscanf(a, "alias \"%127[^\"]\"", alias) == 1)
            vc_strlist_take(&env->aliases, vc_asprintf("%s=%s", alias, name));
    }
    free(text);
}

/* The recording of version @v: 0 with env->recording and caps set. */
static int find_recording(vc_live_env *env, unsigned long v)
{
    char *dir = vc_asprintf("%s/qemuhelpdata", vc_corpus_srcdir());
    vc_strlist names = { 0 };
    vc_error err = { 0 };
    int ret = -1;

    vc_corpus_list(dir, ".help", &names, &err);
    for (size_t i = 0; ret < 0 && i < names.n; i++) {
        char *base = vc_asprintf("%s/%s", dir, names.items[i]);
        char *help = vc_asprintf("%s.help", base), *dev = vc_asprintf("%s.device", base);

        vc_caps_init(&env->caps);
        if (vc_caps_from_files(&env->caps, help, vc_path_exists(dev) ? dev : NULL, &err) == 0 &&
            env->caps.version == v) {
            env->recording = vc_asprintf("qemuhelpdata/%s", names.items[i]);
            read_aliases(env, dev);
            ret = 0;
        }
        free(help);
        free(dev);
        free(base);
    }
    vc_strlist_free(&names);
    free(dir);
    return ret;
}

static bool on_path(const char *tool)
{
    char *path = vc_strdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin"), *save = NULL;
    bool found = false;

    for (char *d = strtok_r(path, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
        char *p = vc_asprintf("%s/%s", d, tool);
        found = access(p, X_OK) == 0;
        free(p);
    }
    free(path);
    return found;
}

int vc_live_env_init(vc_live_env *env, char *why, size_t len)
{
    vc_host host;
    const char *emu, *project = getenv("VC_LIVE_PROJECT");
    unsigned long v;

    memset(env, 0, sizeof(*env));
    vc_qemu_config_init(&env->cfg);
    vc_qemu_config_finish(&env->cfg);
    vc_build_opts_init(&env->bopts);
    vc_host_system_init(&host, environ, NULL);
    emu = vc_host_default_emulator(&host, "hvm", host.arch, VC_VIRT_QEMU);
    env->emulator = vc_strdup(emu ? emu : "qemu-system-x86_64");
    if (!(v = emulator_version(env->emulator)))
        return snprintf(why, len, "no QEMU at %s", env->emulator), -1;
    if (find_recording(env, v) < 0)
        return snprintf(why, len, "%s is QEMU %lu.%lu.%lu, and no recording in qemuhelpdata/ "
                        "has that version", env->emulator, v / 1000000, v / 1000 % 1000,
                        v % 1000), -1;
    if (!on_path("qemu-img"))
        return snprintf(why, len, "no qemu-img on PATH (package qemu-utils)"), -1;
    if (geteuid() != 0)
        snprintf(env->no_netns, sizeof(env->no_netns), "taps need root");
    else if (access("/dev/net/tun", R_OK | W_OK) != 0)
        snprintf(env->no_netns, sizeof(env->no_netns), "no /dev/net/tun");
    env->project = !project || strcmp(project, "0") != 0;
    return 0;
}

void vc_live_env_free(vc_live_env *env)
{
    free(env->emulator);
    free(env->recording);
    vc_strlist_free(&env->aliases);
    vc_qemu_config_free(&env->cfg);
}

/* ---- cases ---------------------------------------------------------------------- */

void vc_live_case_free(void *p)
{
    vc_live_case *lc = p;

    free(lc->xml);
    free(lc);
}

/* What a case can need of the host, and how to tell it is there. */
static const struct {
    const char *name;
    const char *path;       /* present when the host has it */
} needs_table[] = {
    { "kvm", "/dev/kvm" },
    { "vhost-net", "/dev/vhost-net" },
    { "macvtap", "/sys/module/macvtap" },
};

/* NULL when the host has @need, else why not (static text). */
static const char *lacks(const vc_live_env *env, const char *need)
{
    if (strcmp(need, "tap") == 0)
        return env->no_netns[0] ? env->no_netns : NULL;
    for (size_t i = 0; i < sizeof(needs_table) / sizeof(needs_table[0]); i++)
        if (strcmp(need, needs_table[i].name) == 0)
            return access(needs_table[i].path, F_OK) == 0 ? NULL : needs_table[i].path;
    return "an unknown need";
}

static bool has_taps(const vc_domain_def *def)
{
    for (size_t i = 0; i < def->nnets; i++)
        if (def->nets[i]->type == VC_NET_TYPE_BRIDGE || def->nets[i]->type == VC_NET_TYPE_NETWORK ||
            def->nets[i]->type == VC_NET_TYPE_DIRECT ||
            def->nets[i]->type == VC_NET_TYPE_ETHERNET)     /* QEMU makes the tap */
            return true;
    return false;
}

static vc_live_case *new_case(vc_live_env *env, vc_live_result *res, const char *tier,
                              char *xml, bool project)
{
    vc_live_case *lc = vc_malloc0(sizeof(*lc));
    vc_domain_def *def;
    vc_error err = { 0 };

    lc->xml = xml;
    lc->tier = tier;
    lc->project = project;
    lc->env = env;
    lc->result = res;
    lc->scratch = "/nonexistent";   /* only to read it: where taps are */
    vc_host_system_init(&lc->host, environ, NULL);
    if ((def = vc_live_case_domain(lc, &err))) {
        lc->needs_netns = has_taps(def);
        lc->needs_kvm = def->virt_type == VC_VIRT_KVM;     /* still, for an own case */
        for (size_t i = 0; i < def->ndisks; i++)
            lc->needs_lun |= def->disks[i]->device == VC_DISK_DEVICE_LUN;
    }
    vc_domain_def_free(def);
    lc->scratch = NULL;
    return lc;
}

/* NAME.live: "needs WHAT" and "xfail WHY" lines.  -1: the host lacks
 * something (*@skip says what); 1: expected to fail; 0. */
static int read_expectation(const vc_live_env *env, const char *tier, const char *path,
                            const char *name, char **skip)
{
    char *text = NULL, *save = NULL;
    vc_error err = { 0 };
    int ret = 0;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &text, NULL, &err) < 0) {
        printf("note: %s: %s: %s\n", tier, name, err.msg);
        return 0;
    }
    for (char *l = strtok_r(text, "\n", &save); l && ret >= 0; l = strtok_r(NULL, "\n", &save)) {
        const char *why;
        if (strncmp(l, "needs ", 6) == 0 && (why = lacks(env, l + 6))) {
            *skip = vc_asprintf("needs %s: %s", l + 6, why);
            ret = -1;
        } else if (strncmp(l, "xfail ", 6) == 0) {
            ret = 1;
        }
    }
    free(text);
    return ret;
}

/* The cases of @subdir: own ones read NAME.live, project ones are moved
 * to fit (relocate). */
static void add_cases(vc_live_env *env, vc_live_result *res, vc_tier *t, const char *subdir,
                      bool project)
{
    char *dir = vc_asprintf("%s/%s", vc_corpus_srcdir(), subdir);
    vc_strlist names = { 0 };
    vc_error err = { 0 };

    vc_corpus_list(dir, ".xml", &names, &err);
    for (size_t i = 0; i < names.n; i++) {
        char *exp = vc_asprintf("%s/%s.live", dir, names.items[i]);
        char *skip = NULL;
        int e = project ? 0 : read_expectation(env, t->name, exp, names.items[i], &skip);
        vc_live_case *lc = NULL;

        free(exp);
        if (e >= 0)
            lc = new_case(env, res, t->name, vc_asprintf("%s/%s.xml", dir, names.items[i]),
                          project);
        if (lc && lc->needs_netns && env->no_netns[0]) {
            skip = vc_asprintf("taps: %s", env->no_netns);
            vc_live_case_free(lc);
            lc = NULL;
        } else if (lc && lc->needs_kvm && lacks(env, "kvm")) {
            skip = vc_asprintf("domain type kvm: no %s", lacks(env, "kvm"));
            vc_live_case_free(lc);
            lc = NULL;
        } else if (lc && lc->needs_lun) {
            skip = vc_strdup("a disk device='lun' passes a SCSI device of the host through");
            vc_live_case_free(lc);
            lc = NULL;
        }
        if (skip)
            vc_tier_add_skipped(t, names.items[i], skip);
        free(skip);
        if (!lc)
            continue;
        vc_tier_add(t, names.items[i], lc);
        t->cases[t->n - 1].xfail = e == 1;
    }
    vc_strlist_free(&names);
    free(dir);
}

void vc_live_cases_own(vc_live_env *env, vc_live_result *res, vc_tier *t)
{
    add_cases(env, res, t, "tests/live", false);
}

void vc_live_cases_instruments(vc_live_env *env, vc_live_result *res, vc_tier *t)
{
    size_t w = 0;

    add_cases(env, res, t, "tests/live", false);
    for (size_t i = 0; i < t->n; i++) {
        vc_live_case *lc = t->cases[i].data;
        if (t->cases[i].xfail) {
            vc_live_case_free(lc);
            free(t->cases[i].name);
            free(t->cases[i].why);
            continue;
        }
        if (lc)     /* not a skipped case */
            lc->instrument = true;
        t->cases[w++] = t->cases[i];
    }
    t->n = w;
}

void vc_live_cases_project(vc_live_env *env, vc_live_result *res, vc_tier *t)
{
    add_cases(env, res, t, "xml2argvdata", true);
}

/* ---- a case's domain, fitted to this host ------------------------------------- */

static void move_into(char **path, const char *scratch, const char *kind, size_t i)
{
    free(*path);
    *path = vc_asprintf("%s/%s%zu", scratch, kind, i);
}

/* A project case's files go into the scratch directory: its images
 * (block devices become files) and its file, pipe and socket backends. */
static void relocate(vc_domain_def *def, const char *scratch)
{
    vc_chr_def **chrs;
    size_t n = vc_live_chrs(def, &chrs);

    for (size_t i = 0; i < def->ndisks; i++) {
        vc_disk_def *d = def->disks[i];
        if (!d->src || d->type == VC_DISK_TYPE_NETWORK)
            continue;
        /* a directory keeps a comma in its name: the escaping is tested */
        move_into(&d->src, scratch, d->type == VC_DISK_TYPE_DIR ? "dir," : "disk", i);
        if (d->type == VC_DISK_TYPE_BLOCK)
            d->type = VC_DISK_TYPE_FILE;
    }
    for (size_t i = 0; i < n; i++) {
        vc_chr_source *s = &chrs[i]->source;
        if (s->path && (s->type == VC_CHR_FILE || s->type == VC_CHR_PIPE ||
                        s->type == VC_CHR_UNIX))
            move_into(&s->path, scratch, "chr", i);
    }
    free(chrs);
}

vc_domain_def *vc_live_case_domain(vc_live_case *lc, vc_error *err)
{
    vc_scratch s = { lc->scratch };
    char *text = NULL, *xml;
    vc_domain_def *def;

    if (vc_file_read(lc->xml, VC_FILE_MAX_DEFAULT, &text, NULL, err) < 0)
        return NULL;
    xml = vc_scratch_expand(&s, text);
    def = vc_domain_parse(xml, strlen(xml), lc->xml, &lc->host, VC_PARSE_INACTIVE, err);
    free(xml);
    free(text);
    if (!def)
        return NULL;
    free(def->emulator);
    def->emulator = vc_strdup(lc->env->emulator);
    if (lc->project) {
        relocate(def, lc->scratch);
        /* without KVM, a kvm domain runs under TCG: its devices are the same */
        if (def->virt_type == VC_VIRT_KVM && lacks(lc->env, "kvm"))
            def->virt_type = VC_VIRT_QEMU;
    }
    return def;
}

int vc_live_case_prepare(vc_live_case *lc, char *msg)
{
    lc->scratch = vc_strdup("/tmp/vc-live-XXXXXX");
    if (!mkdtemp(lc->scratch))
        return vc_netns_fail(msg, "mkdtemp: %s", strerror(errno));
    lc->state_dir = vc_asprintf("%s/state", lc->scratch);
    vc_host_system_init(&lc->host, environ, lc->state_dir);
    lc->host.kernel = vc_net_real_kernel();
    return 0;
}

int vc_live_case_host(vc_live_case *lc, const vc_domain_def *def, char *msg)
{
    vc_chr_def **chrs;
    size_t n = vc_live_chrs(def, &chrs);

    /* what the domain's owner would have made: its FIFOs and directories */
    for (size_t i = 0; i < n; i++)
        if (chrs[i]->source.type == VC_CHR_PIPE && chrs[i]->source.path &&
            VC_STRPREFIX(chrs[i]->source.path, lc->scratch))
            mkfifo(chrs[i]->source.path, 0600);
    free(chrs);
    for (size_t i = 0; i < def->ndisks; i++)
        if (def->disks[i]->type == VC_DISK_TYPE_DIR && def->disks[i]->src &&
            VC_STRPREFIX(def->disks[i]->src, lc->scratch))
            mkdir(def->disks[i]->src, 0700);
    for (size_t i = 0; i < def->nnets; i++) {
        const char *br = def->nets[i]->bridge;
        int rc;
        if (def->nets[i]->type != VC_NET_TYPE_BRIDGE || !br || vc_netns_sysfs_exists(br, NULL))
            continue;
        if ((rc = vc_netns_newlink("bridge", br, NULL)) < 0)
            return vc_netns_fail(msg, "bridge %s: %s", br, strerror(-rc));
    }
    if (lc->needs_netns)
        vc_netns_links(lc->links_before, sizeof(lc->links_before));
    return 0;
}

void vc_live_case_finish(vc_live_case *lc)
{
    vc_scratch s = { lc->scratch };

    if (lc->scratch)
        vc_scratch_remove(&s);
    free(lc->state_dir);
    lc->scratch = lc->state_dir = NULL;
}

/* Is @path a file or pipe backend or a directory disk of @def (the
 * guest's output, or what its owner made: kept)? */
static bool is_owners(const vc_domain_def *def, const char *path)
{
    vc_chr_def **chrs;
    size_t n = vc_live_chrs(def, &chrs);
    bool found = false;

    for (size_t i = 0; i < n && !found; i++)
        found = (chrs[i]->source.type == VC_CHR_FILE || chrs[i]->source.type == VC_CHR_PIPE) &&
                chrs[i]->source.path && strcmp(chrs[i]->source.path, path) == 0;
    free(chrs);
    /* the FIFOs and directories the domain's owner made stay theirs */
    for (size_t i = 0; i < def->ndisks && !found; i++)
        found = def->disks[i]->type == VC_DISK_TYPE_DIR && def->disks[i]->src &&
                strcmp(def->disks[i]->src, path) == 0;
    return found;
}

static char *dir_entries(const char *dir, const vc_domain_def *def)
{
    vc_strlist names = { 0 };
    vc_buf b = VC_BUF_INIT;
    struct dirent *e;
    DIR *d = opendir(dir);

    while (d && (e = readdir(d))) {
        char *path = vc_asprintf("%s/%s", dir, e->d_name);
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
            !(def && is_owners(def, path)))
            vc_strlist_add(&names, e->d_name);
        free(path);
    }
    if (d)
        closedir(d);
    vc_strlist_sort(&names);
    for (size_t i = 0; i < names.n; i++)
        vc_buf_addf(&b, "%s%s", i ? " " : "", names.items[i]);
    vc_strlist_free(&names);
    return vc_buf_steal(&b);
}

char *vc_live_leftovers(const char *dir, const vc_domain_def *def)
{
    return dir_entries(dir, def);
}

char *vc_live_dir_entries(const char *dir)
{
    return dir_entries(dir, NULL);
}

void vc_live_expect_bridge_ports(vc_live_check *c, const vc_domain_def *def)
{
    for (size_t i = 0; i < def->nnets; i++) {
        const char *br = def->nets[i]->bridge;
        char *dir, *ports, want[16], got[16];
        size_t n = 0, on = 0;

        bool first = true;

        if (def->nets[i]->type != VC_NET_TYPE_BRIDGE || !br)
            continue;
        for (size_t j = 0; j < def->nnets; j++) {
            bool same = def->nets[j]->type == VC_NET_TYPE_BRIDGE && def->nets[j]->bridge &&
                        strcmp(def->nets[j]->bridge, br) == 0;
            on += same;
            first = first && !(same && j < i);
        }
        if (!first)
            continue;       /* that bridge is counted already */
        dir = vc_asprintf("/sys/class/net/%s/brif", br);
        ports = vc_live_dir_entries(dir);
        for (const char *p = ports; *p; p++)
            n += p == ports || p[-1] == ' ';
        snprintf(want, sizeof(want), "%zu", on);
        snprintf(got, sizeof(got), "%zu", n);
        free(ports);
        free(dir);
        dir = vc_asprintf("bridge %s ports", br);
        vc_live_expect(c, dir, got, want, NULL);
        free(dir);
    }
}
