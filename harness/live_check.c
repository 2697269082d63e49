/* live_check.c: a running QEMU against the domain it was started for.
 * The expected values come from the parsed domain (what the XML asked)
 * through tables, never from the command line's text, except for the
 * driver names and boot indexes the line gave each device id. */
#include "live.h"
#include "util/alloc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void vc_live_expect(vc_live_check *c, const char *what, const char *got, const char *want,
                    const char *why)
{
    if (got && strcmp(got, want) == 0) {
        c->verified++;
        return;
    }
    c->failed++;
    if (c->problems.len)
        vc_buf_add(&c->problems, "; ");
    if (got)
        vc_buf_addf(&c->problems, "%s: QEMU has '%s', expected '%s'", what, got, want);
    else
        vc_buf_addf(&c->problems, "%s: expected '%s', but %s", what, want, why);
}

void vc_live_check_free(vc_live_check *c)
{
    vc_buf_free(&c->problems);
}

/* A QOM property of the device @id against @want. */
static void expect_qom(vc_live_check *c, const char *id, const char *prop, const char *want)
{
    vc_error err = { 0 };
    char *path = vc_asprintf("/machine/peripheral/%s", id);
    char *what = vc_asprintf("%s %s", id, prop);
    char *got = vc_qmp_qom_get(c->qmp, path, prop, &err);

    vc_live_expect(c, what, got, want, err.msg);
    free(got);
    free(what);
    free(path);
}

static void expect_json(vc_live_check *c, const char *what, const vc_json *j,
                        const char *path, const char *want)
{
    char *got = vc_json_scalar(vc_json_path(j, path));
    char *label = vc_asprintf("%s %s", what, path);

    vc_live_expect(c, label, got, want, "QEMU does not report it");
    free(label);
    free(got);
}

static vc_json *query(vc_live_check *c, const char *command, const char *args)
{
    vc_error err = { 0 };
    vc_json *j = vc_qmp_execute(c->qmp, command, args, &err);

    if (!j)
        vc_live_expect(c, command, NULL, "a reply", err.msg);
    return j;
}

/* ---- every -device of the line exists with its driver ---------------- */

static const char *unalias(const vc_live_check *c, const char *driver)
{
    size_t n = strlen(driver);

    for (size_t i = 0; c->aliases && i < c->aliases->n; i++) {
        const char *a = c->aliases->items[i];
        if (strncmp(a, driver, n) == 0 && a[n] == '=')
            return a + n + 1;
    }
    return driver;
}

static void check_devices(vc_live_check *c, const vc_command *cmd)
{
    for (size_t i = 0; i < cmd->nargs; i++) {
        const vc_command_arg *a = &cmd->args[i];
        const char *id = vc_props_get(&a->props, "id");
        const char *boot = vc_props_get(&a->props, "bootindex");

        if (!a->option || strcmp(a->option, "-device") != 0 || !id || !a->props.n ||
            a->props.items[0].kind != VC_PROP_VALUE)
            continue;
        expect_qom(c, id, "type", unalias(c, a->props.items[0].value));
        if (boot)
            expect_qom(c, id, "bootindex", boot);
    }
}

/* ---- NICs ---------------------------------------------------------------- */

static const char *const switch_bool[VC_SWITCH_LAST] = {
    [VC_SWITCH_ON] = "true", [VC_SWITCH_OFF] = "false",
};
static const char *const txmode_tx[VC_NET_TXMODE_LAST] = {
    [VC_NET_TXMODE_IOTHREAD] = "bh", [VC_NET_TXMODE_TIMER] = "timer",
};

static void check_nets(vc_live_check *c, const vc_domain_def *def)
{
    for (size_t i = 0; i < def->nnets; i++) {
        const vc_net_def *n = def->nets[i];
        const char *id = n->info.alias;
        char mac[18], *netdev;

        if (!id || n->type == VC_NET_TYPE_HOSTDEV)
            continue;
        vc_mac_format(n->mac, mac);
        expect_qom(c, id, "mac", mac);
        netdev = vc_asprintf("host%s", id);
        expect_qom(c, id, "netdev", netdev);
        free(netdev);
        if (txmode_tx[n->txmode])
            expect_qom(c, id, "tx", txmode_tx[n->txmode]);
        if (switch_bool[n->ioeventfd])
            expect_qom(c, id, "ioeventfd", switch_bool[n->ioeventfd]);
        if (switch_bool[n->event_idx])
            expect_qom(c, id, "event_idx", switch_bool[n->event_idx]);
    }
}

/* ---- drives -------------------------------------------------------------- */

/* What query-block's "cache" shows for each mode. */
static const struct { const char *writeback, *direct, *no_flush; }
cache_modes[VC_DISK_CACHE_LAST] = {
    [VC_DISK_CACHE_NONE] = { "true", "true", "false" },
    [VC_DISK_CACHE_WRITETHRU] = { "false", "false", "false" },
    [VC_DISK_CACHE_WRITEBACK] = { "true", "false", "false" },
    [VC_DISK_CACHE_DIRECTSYNC] = { "false", "true", "false" },
    [VC_DISK_CACHE_UNSAFE] = { "true", "false", "true" },
};

static const vc_json *find_by(const vc_json *list, const char *key, const char *value)
{
    for (size_t i = 0; list && list->type == VC_JSON_ARRAY && i < list->n; i++) {
        const vc_json *k = vc_json_get(list->items[i], key);
        if (k && k->type == VC_JSON_STRING && strcmp(k->string, value) == 0)
            return list->items[i];
    }
    return NULL;
}

/* A directory as a disk is QEMU's vvfat driver under a raw format: its
 * filename is "json:{...}" naming the directory and the driver. */
static void check_vvfat(vc_live_check *c, const char *drive, const vc_json *b,
                        const vc_disk_def *d, bool ro)
{
    char *file = vc_json_scalar(vc_json_path(b, "inserted.file"));
    vc_json *spec = NULL;
    vc_error err = { 0 };
    char *label = vc_asprintf("%s inserted.file", drive);

    if (file && strncmp(file, "json:", 5) == 0)
        spec = vc_json_parse(file + 5, strlen(file + 5), &err);
    if (!spec) {
        vc_live_expect(c, label, file, "json:{... \"driver\": \"vvfat\" ...}", "QEMU does not report it");
    } else {
        char *dir = vc_json_scalar(vc_json_path(spec, "file.dir"));
        char *drv = vc_json_scalar(vc_json_path(spec, "file.driver"));
        char *rw = vc_json_scalar(vc_json_path(spec, "file.rw"));

        vc_live_expect(c, label, dir, d->src, "QEMU names no directory");
        vc_live_expect(c, label, drv, "vvfat", "QEMU names no driver");
        vc_live_expect(c, label, rw, ro ? "false" : "true", "QEMU does not say");
        free(dir);
        free(drv);
        free(rw);
    }
    expect_json(c, drive, b, "inserted.drv", "raw");
    vc_json_free(spec);
    free(label);
    free(file);
}

static void check_disk(vc_live_check *c, const vc_disk_def *d, const vc_json *blocks)
{
    char *drive = vc_asprintf("drive-%s", d->info.alias);
    const vc_json *b = find_by(blocks, "device", drive);
    bool ro = d->readonly || d->device == VC_DISK_DEVICE_CDROM;

    if (!b) {
        vc_live_expect(c, drive, NULL, "a drive", "query-block does not list it");
    } else if (!d->src || ((d->device == VC_DISK_DEVICE_CDROM ||
                             d->device == VC_DISK_DEVICE_FLOPPY) &&
                            d->tray == VC_DISK_TRAY_OPEN)) {
        /* an empty drive, or one whose tray is open: nothing inserted */
        vc_live_expect(c, drive, vc_json_get(b, "inserted") ? "a medium" : "empty",
                       "empty", NULL);
    } else if (d->type == VC_DISK_TYPE_DIR) {
        check_vvfat(c, drive, b, d, ro);
    } else {
        expect_json(c, drive, b, "inserted.file", d->src);
        expect_json(c, drive, b, "inserted.drv", d->driver_type ? d->driver_type : "raw");
        expect_json(c, drive, b, "inserted.ro", ro ? "true" : "false");
        if (cache_modes[d->cache].writeback) {
            expect_json(c, drive, b, "inserted.cache.writeback",
                        cache_modes[d->cache].writeback);
            expect_json(c, drive, b, "inserted.cache.direct", cache_modes[d->cache].direct);
            expect_json(c, drive, b, "inserted.cache.no-flush",
                        cache_modes[d->cache].no_flush);
        }
    }
    if (d->bus == VC_DISK_BUS_VIRTIO && switch_bool[d->ioeventfd])
        expect_qom(c, d->info.alias, "ioeventfd", switch_bool[d->ioeventfd]);
    if (d->bus == VC_DISK_BUS_VIRTIO && switch_bool[d->event_idx])
        expect_qom(c, d->info.alias, "event_idx", switch_bool[d->event_idx]);
    free(drive);
}

static void check_disks(vc_live_check *c, const vc_domain_def *def)
{
    vc_json *blocks;

    if (!def->ndisks || !(blocks = query(c, "query-block", NULL)))
        return;
    for (size_t i = 0; i < def->ndisks; i++)
        if (def->disks[i]->info.alias && def->disks[i]->type != VC_DISK_TYPE_NETWORK)
            check_disk(c, def->disks[i], blocks);
    vc_json_free(blocks);
}

/* ---- character devices ------------------------------------------------------ */

/* What query-chardev's "filename" holds for each backend (NULL: not
 * checked); a listening socket's reads "disconnected:unix:...". */
static const char *const chr_names[VC_CHR_LAST] = {
    [VC_CHR_NULL] = "null", [VC_CHR_VC] = "vc", [VC_CHR_PTY] = "pty:",
    [VC_CHR_FILE] = "file", [VC_CHR_UNIX] = "unix:", [VC_CHR_TCP] = "tcp:",
    [VC_CHR_UDP] = "udp:", [VC_CHR_STDIO] = "stdio",
};

static void check_chr(vc_live_check *c, const vc_chr_def *chr, const vc_json *list)
{
    const char *names = chr_names[chr->source.type], *got = NULL;
    const vc_json *ch, *f;
    char *label;

    /* a serial console is its serial port's chardev, not one of its own */
    if (!chr->info.alias || (chr->device == VC_CHR_DEVICE_CONSOLE &&
                             chr->target_type == VC_CHR_CONSOLE_SERIAL))
        return;
    label = vc_asprintf("char%s", chr->info.alias);
    ch = find_by(list, "label", label);
    f = vc_json_get(ch, "filename");
    if (names && f && f->string)
        got = strstr(f->string, names) ? names : f->string;
    if (!ch)
        vc_live_expect(c, label, NULL, "a chardev", "query-chardev does not list it");
    else if (names)
        vc_live_expect(c, label, got, names, "it has no filename");
    if (chr->device == VC_CHR_DEVICE_CHANNEL && chr->target_name &&
        chr->target_type == VC_CHR_CHANNEL_VIRTIO)
        expect_qom(c, chr->info.alias, "name", chr->target_name);
    free(label);
}

size_t vc_live_chrs(const vc_domain_def *def, vc_chr_def ***out)
{
    vc_chr_def **const families[] = { def->serials, def->parallels, def->channels,
                                      def->consoles };
    const size_t counts[] = { def->nserials, def->nparallels, def->nchannels, def->nconsoles };
    size_t n = 0;

    *out = vc_calloc(counts[0] + counts[1] + counts[2] + counts[3] + 1, sizeof(**out));
    for (size_t f = 0; f < sizeof(counts) / sizeof(counts[0]); f++)
        for (size_t i = 0; i < counts[f]; i++)
            (*out)[n++] = families[f][i];
    return n;
}

static void check_chrs(vc_live_check *c, const vc_domain_def *def)
{
    vc_chr_def **chrs;
    size_t n = vc_live_chrs(def, &chrs);
    vc_json *list;

    if (n && (list = query(c, "query-chardev", NULL))) {
        for (size_t i = 0; i < n; i++)
            check_chr(c, chrs[i], list);
        vc_json_free(list);
    }
    free(chrs);
}

/* ---- graphics, memory, CPUs, NUMA --------------------------------------- */

static void check_vnc(vc_live_check *c, const vc_domain_def *def)
{
    for (size_t i = 0; i < def->ngraphics; i++) {
        const vc_graphics_def *g = def->graphics[i];
        vc_json *vnc;
        char port[16];

        if (g->type != VC_GRAPHICS_VNC || g->socket || !(vnc = query(c, "query-vnc", NULL)))
            continue;
        snprintf(port, sizeof(port), "%d", g->port);
        expect_json(c, "vnc", vnc, "enabled", "true");
        expect_json(c, "vnc", vnc, "service", port);
        if (g->nlistens && g->listens[0].address)
            expect_json(c, "vnc", vnc, "host", g->listens[0].address);
        vc_json_free(vnc);
    }
}

static void check_memory_cpus(vc_live_check *c, const vc_domain_def *def)
{
    vc_json *mem = query(c, "query-memory-size-summary", NULL);
    vc_json *cpus = query(c, "query-cpus-fast", NULL);
    char want[32], got[32];

    snprintf(want, sizeof(want), "%llu", def->max_memory * 1024);
    if (mem)
        expect_json(c, "memory", mem, "base-memory", want);
    snprintf(want, sizeof(want), "%u", (unsigned)def->vcpus);
    snprintf(got, sizeof(got), "%zu", cpus ? cpus->n : 0);
    if (cpus)
        vc_live_expect(c, "vCPUs", got, want, NULL);
    vc_json_free(mem);
    vc_json_free(cpus);
}

/* "info numa" (no QMP command lists nodes and sizes in 7.2). */
static void check_numa(vc_live_check *c, const vc_domain_def *def)
{
    vc_json *out;
    char want[32], got[32];
    size_t nodes = 0;

    if (!def->cpu || !def->cpu->ncells ||
        !(out = query(c, "human-monitor-command", "{\"command-line\": \"info numa\"}")))
        return;
    snprintf(want, sizeof(want), "%zu", def->cpu->ncells);
    snprintf(got, sizeof(got), "%zu", nodes);
    if (!out->string || sscanf(out->string, "%zu nodes", &nodes) != 1)
        vc_live_expect(c, "numa nodes", NULL, want, "info numa says no number of nodes");
    else
        vc_live_expect(c, "numa nodes", (snprintf(got, sizeof(got), "%zu", nodes), got),
                       want, NULL);
    for (size_t i = 0; out->string && i < def->cpu->ncells; i++) {
        char *line = vc_asprintf("node %zu size: %llu MB", i, def->cpu->cells[i].memory / 1024);
        vc_live_expect(c, line, strstr(out->string, line) ? line : "another size", line, NULL);
        free(line);
    }
    vc_json_free(out);
}

void vc_live_check_domain(vc_live_check *c, const vc_domain_def *def, const vc_command *cmd)
{
    check_devices(c, cmd);
    check_nets(c, def);
    check_disks(c, def);
    check_chrs(c, def);
    check_vnc(c, def);
    check_memory_cpus(c, def);
    check_numa(c, def);
}

/* What each descriptor the line names is, in QEMU (readlink of
 * /proc/PID/fd/N). */
static const struct { const char *key, *target; } fd_targets[] = {
    { "fd", "/dev/net/tun" },
    { "vhostfd", "/dev/vhost-net" },
};

void vc_live_expect_fds(vc_live_check *c, pid_t pid, const vc_command *cmd)
{
    for (size_t i = 0; i < cmd->nargs; i++) {
        const vc_command_arg *a = &cmd->args[i];

        if (!a->option || (strcmp(a->option, "-netdev") != 0 && strcmp(a->option, "-net") != 0))
            continue;
        for (size_t k = 0; k < sizeof(fd_targets) / sizeof(fd_targets[0]); k++) {
            const char *fd = vc_props_get(&a->props, fd_targets[k].key);
            char link[64], got[256], *what;
            ssize_t n;

            if (!fd)
                continue;
            snprintf(link, sizeof(link), "/proc/%d/fd/%s", (int)pid, fd);
            n = readlink(link, got, sizeof(got) - 1);
            got[n > 0 ? n : 0] = '\0';
            what = vc_asprintf("QEMU's %s=%s", fd_targets[k].key, fd);
            vc_live_expect(c, what, n > 0 ? got : NULL, fd_targets[k].target,
                           "QEMU does not hold it");
            free(what);
        }
    }
}

void vc_live_expect_no_fd(vc_live_check *c, pid_t pid, const char *name)
{
    char *dir = vc_asprintf("/proc/%d/fd", (int)pid);
    const char *found = "none";
    struct dirent *e;
    DIR *d = opendir(dir);

    while (d && (e = readdir(d))) {
        char link[512], got[256];
        ssize_t n;

        snprintf(link, sizeof(link), "%s/%s", dir, e->d_name);
        if ((n = readlink(link, got, sizeof(got) - 1)) > 0) {
            got[n] = '\0';
            if (strstr(got, name))
                found = "one";
        }
    }
    if (d)
        closedir(d);
    vc_live_expect(c, "a descriptor the line does not name, held by QEMU",
                   d ? found : NULL, "none", "its descriptors cannot be listed");
    free(dir);
}
