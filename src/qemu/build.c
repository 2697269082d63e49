/* build.c: the QEMU command line for a domain, in libvirt 0.10.2's
 * order (qemuBuildCommandLine): environment, emulator, machine, CPU,
 * memory, processors, identity, monitor, clock, power, boot, then the
 * device families, then migration, balloon and the qemu:commandline
 * extras. */
#include "qemu/build_private.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/net.h"
#include "util/alloc.h"
#include "util/buf.h"

void vc_build_opts_init(vc_build_opts *opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->migrate_fd = -1;
}

static int build_verror(vc_build_ctx *ctx, const char *prefix,
                        const char *fmt, va_list ap)
{
    char msg[VC_ERROR_MSG_MAX];

    vsnprintf(msg, sizeof(msg), fmt, ap);
    return vc_error_set(ctx->err, VC_EXIT_BUILD, "%s%s", prefix, msg);
}

int vc_build_unsupported(vc_build_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    build_verror(ctx, "unsupported configuration: ", fmt, ap);
    va_end(ap);
    return -1;
}

int vc_build_error(vc_build_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    build_verror(ctx, "", fmt, ap);
    va_end(ap);
    return -1;
}

void vc_build_env_pass(vc_build_ctx *ctx, const char *name)
{
    const char *v = vc_host_getenv(ctx->host, name);
    if (v)
        vc_command_add_env(ctx->cmd, name, v);
}

/* virCommandAddEnvPassCommon: a clean locale and the variables a
 * child needs, nothing else from the host's environment. */
static void build_env(vc_build_ctx *ctx)
{
    static const char *const passed[] = {
        "LD_PRELOAD", "LD_LIBRARY_PATH", "PATH", "HOME", "USER", "LOGNAME",
        "TMPDIR",
    };

    vc_command_add_env(ctx->cmd, "LC_ALL", "C");
    for (size_t i = 0; i < sizeof(passed) / sizeof(passed[0]); i++) {
        const char *v = vc_host_getenv(ctx->host, passed[i]);
        if (!v && VC_STREQ(passed[i], "PATH"))
            v = "/bin";
        if (v)
            vc_command_add_env(ctx->cmd, passed[i], v);
    }
}

/* Arch, emulator, machine and domain id: the parser filled in what the
 * host supplies; the host canonicalizes a machine alias for the emulator
 * and gives the started domain its id. */
static int resolve_guest(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;

    ctx->arch = def->os.arch ? def->os.arch : ctx->host->arch;
    ctx->emulator = def->emulator;
    if (!ctx->emulator)
        return vc_build_error(ctx, "internal error no emulator found for arch '%s'",
                              ctx->arch);
    /* A QEMU that lists its machine types has no others, and says
     * itself what its aliases stand for (the host's table is for the
     * QEMU it knows, libvirt's qemuCanonicalizeMachine). */
    if (VC_BUILD_HAS(ctx, MACHINE_LISTING) && def->os.machine) {
        if (!vc_build_has_machine(ctx, def->os.machine))
            return vc_build_unsupported(ctx, "machine type '%s' is not supported "
                                        "by this QEMU binary", def->os.machine);
        ctx->machine = vc_caps_canonical_machine(&ctx->caps, def->os.machine);
    } else {
        ctx->machine = vc_host_canonical_machine(ctx->host, ctx->emulator,
                                                 def->os.machine);
    }
    ctx->domid = ctx->host->domain_id >= 0 ? ctx->host->domain_id : def->id;
    return 0;
}

/* How -incoming is spelled for @from with this QEMU (NULL: none). */
static int resolve_migrate(vc_build_ctx *ctx, char **out)
{
    const char *from = ctx->opts->migrate_from;

    *out = NULL;
    if (!from)
        return 0;
    if (VC_STRPREFIX(from, "tcp")) {
        if (!VC_BUILD_HAS(ctx, MIGRATE_QEMU_TCP))
            return vc_build_error(ctx, "internal error TCP migration is not "
                                  "supported with this QEMU binary");
    } else if (VC_STREQ(from, "stdio")) {
        if (VC_BUILD_HAS(ctx, MIGRATE_QEMU_FD)) {
            /* QEMU reads the stream from a descriptor the caller hands
             * it: without one, "fd:-1" would fail only in QEMU */
            if (ctx->opts->migrate_fd < 0)
                return vc_build_error(ctx, "internal error STDIO migration with this QEMU "
                                      "binary needs a file descriptor, and none was given");
            *out = vc_asprintf("fd:%d", ctx->opts->migrate_fd);
            return 0;
        }
        if (VC_BUILD_HAS(ctx, MIGRATE_QEMU_EXEC)) {
            *out = vc_strdup("exec:cat");
            return 0;
        }
        if (!VC_BUILD_HAS(ctx, MIGRATE_KVM_STDIO))
            return vc_build_error(ctx, "internal error STDIO migration is not "
                                  "supported with this QEMU binary");
    } else if (VC_STRPREFIX(from, "exec")) {
        if (!VC_BUILD_HAS(ctx, MIGRATE_QEMU_EXEC))
            return vc_build_error(ctx, "internal error EXEC migration is not "
                                  "supported with this QEMU binary");
    } else if (VC_STRPREFIX(from, "fd")) {
        if (!VC_BUILD_HAS(ctx, MIGRATE_QEMU_FD))
            return vc_build_error(ctx, "internal error FD migration is not "
                                  "supported with this QEMU binary");
    } else if (VC_STRPREFIX(from, "unix")) {
        if (!VC_BUILD_HAS(ctx, MIGRATE_QEMU_UNIX))
            return vc_build_error(ctx, "internal error UNIX migration is not "
                                  "supported with this QEMU binary");
    } else {
        return vc_build_error(ctx, "internal error unknown migration protocol");
    }
    *out = vc_strdup(from);
    return 0;
}

/* Which accelerator switches the domain type asks for. */
typedef struct accel_flags {
    bool disable_kqemu, enable_kqemu, disable_kvm, enable_kvm;
} accel_flags;

static int resolve_accel(vc_build_ctx *ctx, accel_flags *a)
{
    memset(a, 0, sizeof(*a));
    switch (ctx->def->virt_type) {
    case VC_VIRT_QEMU:
        a->disable_kqemu = VC_BUILD_HAS(ctx, KQEMU);
        a->disable_kvm = VC_BUILD_HAS(ctx, KVM);
        return 0;
    case VC_VIRT_KQEMU:
        a->disable_kvm = VC_BUILD_HAS(ctx, KVM);
        if (VC_BUILD_HAS(ctx, ENABLE_KQEMU))
            a->enable_kqemu = true;
        else if (!VC_BUILD_HAS(ctx, KQEMU))
            return vc_build_unsupported(ctx, "the QEMU binary %s does not support kqemu",
                                        ctx->emulator);
        return 0;
    case VC_VIRT_KVM:
        a->disable_kqemu = VC_BUILD_HAS(ctx, KQEMU);
        if (VC_BUILD_HAS(ctx, ENABLE_KVM))
            a->enable_kvm = true;
        else if (!VC_BUILD_HAS(ctx, KVM))
            return vc_build_unsupported(ctx, "the QEMU binary %s does not support kvm",
                                        ctx->emulator);
        return 0;
    case VC_VIRT_XEN:
        return 0;
    default:
        return vc_build_unsupported(ctx, "the QEMU binary %s does not support %s",
                                    ctx->emulator,
                                    vc_virt_type_to_string(ctx->def->virt_type));
    }
}

static int build_name(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    vc_props p = VC_PROPS_INIT;

    if (!VC_BUILD_HAS(ctx, NAME))
        return 0;
    vc_props_value(&p, def->name);
    if (ctx->cfg->set_process_name && VC_BUILD_HAS(ctx, NAME_PROCESS))
        vc_props_addf(&p, "process", "qemu:%s", def->name);
    return vc_build_opt(ctx, VC_QOPT_NAME, &p);
}

static int build_machine(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;

    vc_props p = VC_PROPS_INIT;

    if (!ctx->machine)
        return 0;
    vc_props_value(&p, ctx->machine);
    if (def->dump_core == VC_SWITCH_DEFAULT)
        return vc_build_opt(ctx, VC_QOPT_M, &p);
    /* -M takes no parameters; -machine does */
    if (!VC_BUILD_HAS(ctx, DUMP_GUEST_CORE)) {
        vc_props_free(&p);
        return vc_build_unsupported(ctx, "dump-guest-core is not available "
                                    "with this QEMU binary");
    }
    vc_props_add(&p, "dump-guest-core", vc_switch_to_string(def->dump_core));
    return vc_build_opt(ctx, VC_QOPT_MACHINE, &p);
}

static int build_cpu_and_accel(vc_build_ctx *ctx)
{
    accel_flags a;
    vc_props cpu = VC_PROPS_INIT;

    if (resolve_accel(ctx, &a) < 0 || vc_build_cpu_arg(ctx, &cpu) < 0)
        return -1;
    if (cpu.n && vc_build_opt(ctx, VC_QOPT_CPU, &cpu) < 0)
        return -1;
    if (a.disable_kqemu) {
        vc_build_switch(ctx, VC_QOPT_NO_KQEMU);
    } else if (a.enable_kqemu) {
        vc_build_switch(ctx, VC_QOPT_ENABLE_KQEMU);
        vc_build_switch(ctx, VC_QOPT_KERNEL_KQEMU);
    }
    if (a.disable_kvm)
        vc_build_switch(ctx, VC_QOPT_NO_KVM);
    if (a.enable_kvm)
        vc_build_switch(ctx, VC_QOPT_ENABLE_KVM);
    return 0;
}

static int build_memory(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    const vc_qemu_config *cfg = ctx->cfg;
    vc_props p = VC_PROPS_INIT;

    if (ctx->def->os.loader)
        vc_build_literal(ctx, VC_QOPT_BIOS, ctx->def->os.loader);

    /* -m from the maximum (the balloon sets the current size later),
     * rounded up to whole MiB */
    vc_props_valuef(&p, "%llu", (def->max_memory + 1023) / 1024);
    if (vc_build_opt(ctx, VC_QOPT_MEMORY, &p) < 0)
        return -1;

    if (def->hugepages) {
        if (!cfg->hugetlbfs_mount)
            return vc_build_error(ctx, "internal error hugetlbfs filesystem is not mounted");
        if (!cfg->hugepage_path)
            return vc_build_error(ctx, "internal error hugepages are disabled by "
                                  "administrator config");
        if (!VC_BUILD_HAS(ctx, MEM_PATH))
            return vc_build_error(ctx, "internal error hugepage backing not supported by '%s'",
                                  ctx->emulator);
        vc_build_switch(ctx, VC_QOPT_MEM_PREALLOC);
        vc_build_literal(ctx, VC_QOPT_MEM_PATH, cfg->hugepage_path);
    }

    /* Memory locking: QEMU with -realtime mlock= is told either way;
     * later releases only have -overcommit mem-lock=, given when on. */
    if (VC_BUILD_HAS(ctx, MLOCK)) {
        vc_props_add(&p, "mlock", def->mem_locked ? "on" : "off");
        if (vc_build_opt(ctx, VC_QOPT_REALTIME, &p) < 0)
            return -1;
    } else if (def->mem_locked) {
        if (!VC_BUILD_HAS(ctx, OVERCOMMIT_MEM_LOCK))
            return vc_build_error(ctx, "unsupported configuration: memory locking "
                                  "not supported by QEMU binary");
        vc_props_add(&p, "mem-lock", "on");
        if (vc_build_opt(ctx, VC_QOPT_OVERCOMMIT, &p) < 0)
            return -1;
    }

    /* <nosharepages/>: RHEL's QEMU takes KSM off with its own switch */
    if (def->nosharepages) {
        if (!VC_BUILD_HAS(ctx, DISABLE_KSM))
            return vc_build_error(ctx, "unsupported configuration: disable shared memory "
                                  "is not available with this QEMU binary");
        vc_build_switch(ctx, VC_QOPT_DISABLE_KSM);
    }
    return 0;
}

/* QEMU refuses NUMA nodes that do not add up to -m (both in MiB);
 * libvirt 0.10.2 passed them on, which is kept where the QEMU is not
 * a recorded one. */
static int numa_total_check(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    unsigned long long total = 0, ram = (def->max_memory + 1023) / 1024;

    if (!def->cpu || !def->cpu->ncells || !VC_BUILD_HAS(ctx, MACHINE_LISTING))
        return 0;
    for (size_t i = 0; i < def->cpu->ncells; i++)
        total += (def->cpu->cells[i].memory + 1023) / 1024;
    if (total != ram)
        return vc_build_unsupported(ctx, "the NUMA cells hold %llu MiB, but the "
                                    "guest has %llu MiB: QEMU needs them equal",
                                    total, ram);
    return 0;
}

static int build_smp(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    vc_props p = VC_PROPS_INIT;

    if (!VC_BUILD_HAS(ctx, SMP_TOPOLOGY) && def->vcpus != def->maxvcpus)
        return vc_build_unsupported(ctx, "setting current vcpu count less than "
                                    "maximum is not supported with this QEMU binary");
    vc_props_valuef(&p, "%u", def->vcpus);
    if (VC_BUILD_HAS(ctx, SMP_TOPOLOGY)) {
        if (def->vcpus != def->maxvcpus)
            vc_props_addf(&p, "maxcpus", "%u", def->maxvcpus);
        /* a <topology> sets all three */
        if (def->cpu && def->cpu->sockets) {
            vc_props_addf(&p, "sockets", "%u", def->cpu->sockets);
            vc_props_addf(&p, "cores", "%u", def->cpu->cores);
            vc_props_addf(&p, "threads", "%u", def->cpu->threads);
        } else {
            vc_props_addf(&p, "sockets", "%u", def->maxvcpus);
            vc_props_add(&p, "cores", "1");
            vc_props_add(&p, "threads", "1");
        }
    }
    if (vc_build_opt(ctx, VC_QOPT_SMP, &p) < 0)
        return -1;

    if (numa_total_check(ctx) < 0)
        return -1;
    for (size_t i = 0; def->cpu && i < def->cpu->ncells; i++) {
        const vc_cpu_cell *cell = &def->cpu->cells[i];
        char *cpus = cell->cpus_str && !strchr(cell->cpus_str, ',')
                     ? vc_strdup(cell->cpus_str) : vc_cpumask_format(&cell->cpus);

        /* cpus= takes one range ("0-3,8" would make "8" a key), and
         * where it repeats, a node of several ranges gives one each */
        if (strchr(cpus, ',') && !VC_BUILD_HAS(ctx, NUMA_CPUS_REPEAT)) {
            vc_build_unsupported(ctx, "disjoint NUMA cpu ranges are not supported "
                                 "with this QEMU (cell %zu: cpus '%s')", i, cpus);
            free(cpus);
            return -1;
        }
        /* current machine types refuse mem=: the node's memory is a
         * backend object */
        if (VC_BUILD_HAS(ctx, NUMA_MEMDEV)) {
            vc_props_value(&p, "memory-backend-ram");
            vc_props_addf(&p, "id", "ram-node%zu", i);
            /* in MiB, as -m and mem= are: the nodes must add up to -m */
            vc_props_addf(&p, "size", "%lluM", (cell->memory + 1023) / 1024);
            if (vc_build_opt(ctx, VC_QOPT_OBJECT, &p) < 0) {
                free(cpus);
                return -1;
            }
        }
        vc_props_value(&p, "node");
        vc_props_addf(&p, "nodeid", "%zu", i);
        for (const char *r = cpus; *r; r += *r == ',') {
            size_t n = strcspn(r, ",");

            vc_props_addf(&p, "cpus", "%.*s", (int)n, r);
            r += n;
        }
        if (VC_BUILD_HAS(ctx, NUMA_MEMDEV))
            vc_props_addf(&p, "memdev", "ram-node%zu", i);
        else
            vc_props_addf(&p, "mem", "%llu", (cell->memory + 1023) / 1024);
        free(cpus);
        if (vc_build_opt(ctx, VC_QOPT_NUMA, &p) < 0)
            return -1;
    }
    return 0;
}

static int build_identity(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;

    if (VC_BUILD_HAS(ctx, UUID)) {
        char uuid[37];
        vc_uuid_format(def->uuid, uuid);
        vc_build_literal(ctx, VC_QOPT_UUID, uuid);
    }
    if (def->virt_type == VC_VIRT_XEN ||
        (def->os.type && (VC_STREQ(def->os.type, "xen") ||
                          VC_STREQ(def->os.type, "linux")))) {
        if (VC_BUILD_HAS(ctx, DOMID)) {
            vc_build_literalf(ctx, VC_QOPT_DOMID, "%d", ctx->domid);
        } else if (VC_BUILD_HAS(ctx, XEN_DOMID)) {
            vc_build_switch(ctx, VC_QOPT_XEN_ATTACH);
            vc_build_literalf(ctx, VC_QOPT_XEN_DOMID, "%d", ctx->domid);
        } else {
            return vc_build_unsupported(ctx, "qemu emulator '%s' does not support xen",
                                        ctx->emulator);
        }
    }
    return 0;
}

/* One -smbios type=N,key=value,... (nothing when there is nothing to
 * say): the parser kept the fields QEMU takes, in libvirt's order. */
static int smbios_arg(vc_build_ctx *ctx, int type, const vc_sysinfo_entry *e,
                      size_t n)
{
    vc_props p = VC_PROPS_INIT;

    vc_props_addf(&p, "type", "%d", type);
    for (size_t i = 0; i < n; i++)
        vc_props_add(&p, e[i].name, e[i].value);
    if (p.n == 1) {
        vc_props_free(&p);
        return 0;
    }
    return vc_build_opt(ctx, VC_QOPT_SMBIOS, &p);
}

static int build_smbios(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    const vc_sysinfo *src;

    if (!def->os.has_smbios || def->os.smbios == VC_SMBIOS_NONE ||
        def->os.smbios == VC_SMBIOS_EMULATE)
        return 0;
    if (!VC_BUILD_HAS(ctx, SMBIOS_TYPE))
        return vc_build_unsupported(ctx, "the QEMU binary %s does not support "
                                    "smbios settings", ctx->emulator);
    if (def->os.smbios == VC_SMBIOS_HOST)
        return vc_build_error(ctx, "internal error Host SMBIOS information is not available");
    if (!def->sysinfo.present)
        return vc_build_error(ctx, "internal error Domain '%s' sysinfo are not available",
                              def->name);
    src = &def->sysinfo;
    if (smbios_arg(ctx, 0, src->bios, src->nbios) < 0 ||
        smbios_arg(ctx, 1, src->system, src->nsystem) < 0)
        return -1;
    return 0;
}

/* -nographic must come before any serial/monitor option, or QEMU
 * puts them on stdio. */
static int build_defaults(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;

    vc_props p = VC_PROPS_INIT;

    if (def->ngraphics == 0)
        vc_build_switch(ctx, VC_QOPT_NOGRAPHIC);
    if (VC_BUILD_HAS(ctx, DEVICE)) {
        if (VC_BUILD_HAS(ctx, NO_USER_CONFIG))
            vc_build_switch(ctx, VC_QOPT_NO_USER_CONFIG);
        else if (VC_BUILD_HAS(ctx, NODEFCONFIG))
            vc_build_switch(ctx, VC_QOPT_NODEFCONFIG);
        vc_build_switch(ctx, VC_QOPT_NODEFAULTS);
    }
    if (def->os.bios_useserial == VC_YESNO_YES) {
        if (!VC_BUILD_HAS(ctx, DEVICE))
            return vc_build_unsupported(ctx, "qemu does not support -device");
        if (!VC_BUILD_HAS(ctx, SGA))
            return vc_build_unsupported(ctx, "qemu does not support SGA");
        if (!def->nserials)
            return vc_build_unsupported(ctx, "need at least one serial port to use SGA");
        vc_props_value(&p, "sga");
        return vc_build_opt(ctx, VC_QOPT_DEVICE, &p);
    }
    return 0;
}

static int build_monitor(vc_build_ctx *ctx)
{
    bool json = VC_BUILD_HAS(ctx, MONITOR_JSON);
    vc_chr_source mon;
    vc_props p = VC_PROPS_INIT;
    char *path = NULL;
    int ret = -1;

    memset(&mon, 0, sizeof(mon));
    mon.type = VC_CHR_UNIX;
    mon.listen = true;
    if (ctx->host->monitor_path)
        mon.path = (char *)ctx->host->monitor_path;
    else
        mon.path = path = vc_asprintf("%s/%s.monitor", ctx->host->state_dir,
                                      ctx->def->name);
    if (VC_BUILD_HAS(ctx, CHARDEV)) {
        if (vc_build_chardev(ctx, &mon, "monitor") < 0)
            goto cleanup;
        vc_props_add(&p, "chardev", "charmonitor");
        vc_props_add(&p, "id", "monitor");
        vc_props_add(&p, "mode", json ? "control" : "readline");
        if (vc_build_opt(ctx, VC_QOPT_MON, &p) < 0)
            goto cleanup;
    } else {
        if (json)
            vc_props_flag(&p, "control");
        if (vc_build_chr_compat(ctx, VC_QOPT_MONITOR, &mon, &p) < 0)
            goto cleanup;
    }
    ret = 0;
cleanup:
    free(path);
    return ret;
}

static int build_power(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    static const struct { const char *name; vc_cap cap; } pm[] = {
        { "s3", VC_CAP_DISABLE_S3 }, { "s4", VC_CAP_DISABLE_S4 },
    };
    const vc_yesno states[] = { def->pm_s3, def->pm_s4 };

    if (VC_BUILD_HAS(ctx, NO_REBOOT) && def->on_reboot != VC_LIFECYCLE_RESTART)
        vc_build_switch(ctx, VC_QOPT_NO_REBOOT);
    /* the JSON monitor reports the shutdown, so QEMU can stay */
    if (VC_BUILD_HAS(ctx, MONITOR_JSON) && VC_BUILD_HAS(ctx, NO_SHUTDOWN))
        vc_build_switch(ctx, VC_QOPT_NO_SHUTDOWN);
    if (!(def->features & (1u << VC_FEATURE_ACPI)) && VC_BUILD_HAS(ctx, NO_ACPI))
        vc_build_switch(ctx, VC_QOPT_NO_ACPI);

    for (size_t i = 0; i < 2; i++) {
        vc_props p = VC_PROPS_INIT;
        char key[32];

        if (states[i] == VC_YESNO_DEFAULT)
            continue;
        if (!vc_build_has(ctx, pm[i].cap))
            return vc_build_unsupported(ctx, "setting ACPI %s not supported",
                                        i == 0 ? "S3" : "S4");
        snprintf(key, sizeof(key), "PIIX4_PM.disable_%s", pm[i].name);
        vc_props_addf(&p, key, "%d", states[i] == VC_YESNO_NO);
        if (vc_build_opt(ctx, VC_QOPT_GLOBAL, &p) < 0)
            return -1;
    }
    return 0;
}

/* -boot (or bootindex on the devices), kernel and bootloader. */
static int build_boot(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    static const char letters[VC_BOOT_LAST] = {
        [VC_BOOT_FLOPPY] = 'a', [VC_BOOT_CDROM] = 'd',
        [VC_BOOT_DISK] = 'c', [VC_BOOT_NET] = 'n',
    };
    vc_props p = VC_PROPS_INIT;
    char order[VC_BOOT_LAST + 1];
    size_t n = 0;

    if (def->os.bootloader) {
        vc_build_literal(ctx, VC_QOPT_BOOTLOADER, def->os.bootloader);
        return 0;
    }

    /* bootindex gives predictable results, but the boot menu needs -boot */
    if (def->os.nboot == 0) {
        if (!VC_BUILD_HAS(ctx, BOOT_INDEX))
            return vc_build_unsupported(ctx, "hypervisor lacks deviceboot feature");
        ctx->emit_bootindex = true;
    } else if (VC_BUILD_HAS(ctx, BOOT_INDEX) &&
               (def->os.bootmenu != VC_YESNO_YES || !VC_BUILD_HAS(ctx, BOOT_MENU))) {
        ctx->emit_bootindex = true;
    }

    if (def->os.has_reboot_timeout && !VC_BUILD_HAS(ctx, REBOOT_TIMEOUT))
        return vc_build_unsupported(ctx, "reboot timeout is not supported "
                                    "by this QEMU binary");
    if (!ctx->emit_bootindex) {
        for (size_t i = 0; i < def->os.nboot; i++)
            order[n++] = letters[def->os.boot[i]];
        order[n] = '\0';
        /* a PC's CMOS holds three boot devices; libvirt 0.10.2 wrote
         * more, which a QEMU refuses: refused where the QEMU is known */
        if (n > 3 && VC_BUILD_HAS(ctx, MACHINE_LISTING) &&
            (vc_streq_null(ctx->arch, "x86_64") || vc_streq_null(ctx->arch, "i686")))
            return vc_build_unsupported(ctx, "a PC boots from at most 3 devices "
                                        "by -boot order, not %zu ('%s')", n, order);
        /* named only when other parameters follow */
        if (def->os.has_reboot_timeout ||
            (def->os.bootmenu != VC_YESNO_DEFAULT && VC_BUILD_HAS(ctx, BOOT_MENU)))
            vc_props_add(&p, "order", order);
        else
            vc_props_value(&p, order);
    }
    /* without the capability the menu is silently left out */
    if (def->os.bootmenu != VC_YESNO_DEFAULT && VC_BUILD_HAS(ctx, BOOT_MENU))
        vc_props_add(&p, "menu", def->os.bootmenu == VC_YESNO_YES ? "on" : "off");
    if (def->os.has_reboot_timeout)
        vc_props_addf(&p, "reboot-timeout", "%d", def->os.reboot_timeout);
    if (p.n && vc_build_opt(ctx, VC_QOPT_BOOT, &p) < 0)
        return -1;

    if (def->os.kernel)
        vc_build_literal(ctx, VC_QOPT_KERNEL, def->os.kernel);
    if (def->os.initrd)
        vc_build_literal(ctx, VC_QOPT_INITRD, def->os.initrd);
    if (def->os.cmdline)
        vc_build_literal(ctx, VC_QOPT_APPEND, def->os.cmdline);
    return 0;
}

/* Where the <boot dev=> order goes on the devices: disks get it as
 * bootindex= or boot=on, the NIC only as bootindex. */
static void set_device_boot(vc_build_ctx *ctx)
{
    const vc_os_def *os = &ctx->def->os;
    bool drives = ctx->emit_bootindex || VC_BUILD_HAS(ctx, DRIVE_BOOT);

    for (size_t i = 0; i < os->nboot; i++) {
        unsigned idx = (unsigned)i + 1;
        switch (os->boot[i]) {
        case VC_BOOT_FLOPPY:
            if (drives)
                ctx->boot_floppy = idx;
            break;
        case VC_BOOT_CDROM:
            if (drives)
                ctx->boot_cdrom = idx;
            break;
        case VC_BOOT_DISK:
            if (drives)
                ctx->boot_disk = idx;
            break;
        case VC_BOOT_NET:
            if (ctx->emit_bootindex && !ctx->boot_net)
                ctx->boot_net = idx;
            break;
        default:
            break;
        }
    }
}

/* -usb unless a USB controller went on the command line as -device
 * (or the domain asked for none), as libvirt counts them while
 * emitting the controllers. */
static void build_usb(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;
    int usbcontrollers = 0;

    if (VC_BUILD_HAS(ctx, DEVICE)) {
        for (size_t i = 0; i < def->ncontrollers; i++) {
            const vc_controller_def *c = def->controllers[i];
            if (c->type != VC_CTRL_USB)
                continue;
            if (c->model == VC_USB_MODEL_NONE)
                usbcontrollers = -1;
            else if (c->model == -1 && !VC_BUILD_HAS(ctx, PIIX3_USB_UHCI))
                continue;   /* legacy: QEMU's own -usb */
            else
                usbcontrollers++;
        }
    }
    if (usbcontrollers == 0)
        vc_build_switch(ctx, VC_QOPT_USB);
}

static void build_incoming(vc_build_ctx *ctx, const char *incoming)
{
    if (incoming)
        vc_build_literal(ctx, VC_QOPT_INCOMING, incoming);
}

static void build_qemu_cmdline(vc_build_ctx *ctx)
{
    const vc_qemu_cmdline *q = ctx->def->qemu_cmdline;

    if (!q)
        return;
    /* the user's own arguments, given verbatim by design */
    for (size_t i = 0; i < q->nargs; i++)
        vc_command_add_arg(ctx->cmd, q->args[i]);
    for (size_t i = 0; i < q->nenv; i++)
        vc_command_add_env(ctx->cmd, q->env[i].name,
                           q->env[i].value ? q->env[i].value : "");
}

/* A failed build leaves nothing behind on the host: the descriptors it
 * would have handed to QEMU are closed, the macvtap links deleted. */
static void undo_host_side(vc_build_ctx *ctx)
{
    vc_command_close_fds(ctx->cmd);
    for (size_t i = 0; i < ctx->macvtaps.n; i++)
        vc_net_link_delete(ctx->host->kernel, ctx->macvtaps.items[i], NULL);
}

/* What the host says its QEMUs have beyond the given capabilities, and
 * what follows from the emulator's architecture: x86 QEMUs name their
 * PCI bus "pci.0" (libvirt sets pci-multibus while probing them). */
static int apply_host_caps(vc_build_ctx *ctx)
{
    for (size_t i = 0; i < ctx->host->nadded_caps; i++) {
        int flag = vc_cap_from_name(ctx->host->added_caps[i]);
        if (flag < 0)
            return vc_error_set(ctx->err, VC_EXIT_INTERNAL, "internal error: host "
                                "'%s' names unknown capability '%s'", ctx->host->name,
                                ctx->host->added_caps[i]);
        vc_caps_set(&ctx->caps, (vc_cap)flag);
    }
    if (VC_STRPREFIX(ctx->arch, "x86_64") || VC_STRPREFIX(ctx->arch, "i686"))
        vc_caps_set(&ctx->caps, VC_CAP_PCI_MULTIBUS);
    return 0;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wswitch-enum"
/* One device family's options.  Two options that are no family's go
 * with the family they precede: -usb before the hubs, -incoming before
 * the balloon. */
static int build_family(vc_build_ctx *ctx, vc_device_kind kind, const char *incoming)
{
    switch (kind) {
    case VC_DEV_CONTROLLER: return vc_build_controller_args(ctx);
    case VC_DEV_DISK:       return vc_build_disks_args(ctx);
    case VC_DEV_FS:         return vc_build_fs_args(ctx);
    case VC_DEV_NET:        return vc_build_net_args(ctx);
    case VC_DEV_SMARTCARD:  return vc_build_smartcard_args(ctx);
    case VC_DEV_SERIAL:     return vc_build_serial_args(ctx);
    case VC_DEV_PARALLEL:   return vc_build_parallel_args(ctx);
    case VC_DEV_CHANNEL:    return vc_build_channel_args(ctx);
    case VC_DEV_CONSOLE:    return vc_build_console_args(ctx);
    case VC_DEV_HUB:
        build_usb(ctx);
        return vc_build_hub_args(ctx);
    case VC_DEV_INPUT:      return vc_build_input_args(ctx);
    case VC_DEV_GRAPHICS:   return vc_build_graphics_args(ctx);
    case VC_DEV_VIDEO:      return vc_build_video_args(ctx);
    case VC_DEV_SOUND:      return vc_build_sound_args(ctx);
    case VC_DEV_WATCHDOG:   return vc_build_watchdog_args(ctx);
    case VC_DEV_REDIRDEV:   return vc_build_redirdev_args(ctx);
    case VC_DEV_HOSTDEV:    return vc_build_hostdev_args(ctx);
    case VC_DEV_MEMBALLOON:
        build_incoming(ctx, incoming);
        return vc_build_balloon_args(ctx);
    case VC_DEV_LEASE:          /* the lock manager's, not QEMU's */
    case VC_DEV_REDIRFILTER:    /* a property of each usb-redir */
    case VC_DEV_LAST:
        return 0;
    }
    return 0;
}
#pragma GCC diagnostic pop

/* libvirt 0.10.2's order (qemuBuildCommandLine). */
#define BUILD_ORDER(X) X(CONTROLLER) X(DISK) X(FS) X(NET) X(SMARTCARD) X(SERIAL) \
    X(PARALLEL) X(CHANNEL) X(CONSOLE) X(HUB) X(INPUT) X(GRAPHICS) X(VIDEO) X(SOUND) \
    X(WATCHDOG) X(REDIRDEV) X(HOSTDEV) X(MEMBALLOON) X(LEASE) X(REDIRFILTER)
static const vc_device_kind build_order[] = VC_DEV_ORDER_ARRAY(BUILD_ORDER);
VC_DEV_ORDER_CHECK(BUILD_ORDER, VC_DEV_ALL, "build_order");

static int build_devices(vc_build_ctx *ctx, const char *incoming)
{
    for (size_t k = 0; k < VC_DEV_LAST; k++)
        if (build_family(ctx, build_order[k], incoming) < 0)
            return -1;
    return 0;
}

int vc_qemu_build(vc_domain_def *def, const vc_host *host, const vc_caps *caps,
                  const vc_qemu_config *cfg, const vc_build_opts *opts,
                  vc_command *cmd, vc_error *err)
{
    vc_build_ctx ctx;
    char *incoming = NULL;
    int ret = -1;

    memset(&ctx, 0, sizeof(ctx));
    ctx.def = def;
    ctx.host = host;
    ctx.caps = *caps;
    ctx.cfg = cfg;
    ctx.opts = opts;
    ctx.cmd = cmd;
    ctx.err = err;

    if (vc_build_disks_check(&ctx) < 0 ||
        resolve_guest(&ctx) < 0 || apply_host_caps(&ctx) < 0)
        goto cleanup;
    if (vc_build_assign_addresses(&ctx) < 0 ||
        vc_build_assign_aliases(&ctx) < 0)
        goto cleanup;
    if (resolve_migrate(&ctx, &incoming) < 0)
        goto cleanup;

    build_env(&ctx);
    vc_command_add_arg(cmd, ctx.emulator);
    if (build_name(&ctx) < 0)
        goto cleanup;
    vc_build_switch(&ctx, VC_QOPT_S);
    if (build_machine(&ctx) < 0 ||
        build_cpu_and_accel(&ctx) < 0 ||
        build_memory(&ctx) < 0 ||
        build_smp(&ctx) < 0 ||
        build_identity(&ctx) < 0 ||
        build_smbios(&ctx) < 0 ||
        build_defaults(&ctx) < 0)
        goto cleanup;
    if (build_monitor(&ctx) < 0 ||
        vc_build_clock_args(&ctx) < 0 ||
        build_power(&ctx) < 0 ||
        build_boot(&ctx) < 0)
        goto cleanup;
    set_device_boot(&ctx);
    if (build_devices(&ctx, incoming) < 0)
        goto cleanup;
    build_qemu_cmdline(&ctx);
    ret = 0;

cleanup:
    if (ret < 0)
        undo_host_side(&ctx);
    for (size_t i = 0; ret == 0 && opts->links && i < ctx.macvtaps.n; i++)
        vc_strlist_add(opts->links, ctx.macvtaps.items[i]);
    vc_strlist_free(&ctx.macvtaps);
    free(incoming);
    return ret;
}
