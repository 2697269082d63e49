/* caps_help.c: capabilities from the text of `qemu -help`.
 *
 * Most flags follow from an option or keyword being mentioned in the
 * help text (the table below).  A few follow from the version instead:
 * only where QEMU's behaviour changed at a release without the help text
 * saying so (e.g. kvm-74 gained IFF_VNET_HDR support, 0.12 gained
 * migration over unix sockets and fds).
 */
#include "caps/caps.h"
#include "caps/caps_private.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/strutil.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Text that, found anywhere in the help, means the flag. */
static const struct {
    const char *needle;
    vc_cap flag;
} help_needles[] = {
    { "-no-kqemu", VC_CAP_KQEMU },
    { "-enable-kqemu", VC_CAP_ENABLE_KQEMU },
    { "-no-kvm", VC_CAP_KVM },
    { "-enable-kvm", VC_CAP_ENABLE_KVM },
    { "-no-reboot", VC_CAP_NO_REBOOT },
    { "-name", VC_CAP_NAME },
    { "-uuid", VC_CAP_UUID },
    { "-drive", VC_CAP_DRIVE },
    { "-spice", VC_CAP_SPICE },
    { "-pcidevice", VC_CAP_PCI_DEVICE },
    { "-mem-path", VC_CAP_MEM_PATH },
    { "-chardev", VC_CAP_CHARDEV },
    { "-chardev spicevmc", VC_CAP_CHARDEV_SPICEVMC },
    { "-balloon", VC_CAP_BALLOON },
    { "-device", VC_CAP_DEVICE },
    { "-nodefconfig", VC_CAP_NODEFCONFIG },
    { "-no-user-config", VC_CAP_NO_USER_CONFIG },
    { "-rtc ", VC_CAP_RTC },               /* the space: not -rtc-td-hack */
    { "-rtc-td-hack", VC_CAP_RTC_TD_HACK },
    { "-no-hpet", VC_CAP_NO_HPET },
    { "-no-acpi", VC_CAP_NO_ACPI },
    { "-no-kvm-pit-reinjection", VC_CAP_NO_KVM_PIT },
    { "-tdf", VC_CAP_TDF },
    { "-enable-nesting", VC_CAP_NESTING },
    { ",menu=on", VC_CAP_BOOT_MENU },
    { "boot=on", VC_CAP_DRIVE_BOOT },      /* libvirt: anywhere, -drive or not */
    { ",reboot-timeout=rb_time", VC_CAP_REBOOT_TIMEOUT },
    { "-smbios type", VC_CAP_SMBIOS_TYPE },
    { "-sandbox", VC_CAP_SECCOMP_SANDBOX },
    { "-sdl", VC_CAP_SDL },
    { ",vhost=", VC_CAP_VHOST_NET },
    { "dump-guest-core=on|off", VC_CAP_DUMP_GUEST_CORE },
    { "-redhat-disable-KSM", VC_CAP_DISABLE_KSM },
    { "-display", VC_CAP_DISPLAY },
    { "-display sdl", VC_CAP_DISPLAY_SDL },
    { "-audiodev", VC_CAP_AUDIODEV },
    { "-chardev serial,", VC_CAP_CHARDEV_SERIAL_PARALLEL },
    { "-fsdev local,", VC_CAP_FSDEV_DRIVERS },
    { "-fsdev handle,", VC_CAP_FSDEV_HANDLE },
};

/* Where a needle of an option counts.  libvirt 0.10.2 searches the
 * whole help for most of them (once the option is there at all), and
 * from the option's first mention to the end for -fsdev and -netdev;
 * the rules of later QEMUs the project adds read the option's own
 * lines, so that a neighbour's help cannot set them. */
typedef enum {
    SCOPE_WHOLE,    /* anywhere, if the option is mentioned */
    SCOPE_TAIL,     /* from the option's first mention on */
    SCOPE_BLOCK,    /* the option's lines and their continuations */
} needle_scope;

static const struct {
    const char *option;
    needle_scope scope;
    const char *needle;
    vc_cap flag;
} option_needles[] = {
    { "-drive", SCOPE_WHOLE, "format=", VC_CAP_DRIVE_FORMAT },
    /* libvirt reads "serial=s" anywhere, which -smbios's serial=str
     * also matches: harmless while -drive had serial= (to 2.x), wrong
     * after, so the project reads it in -drive's help only */
    { "-drive", SCOPE_BLOCK, "serial=s", VC_CAP_DRIVE_SERIAL },
    { "-drive", SCOPE_WHOLE, "readonly=", VC_CAP_DRIVE_READONLY },
    { "-drive", SCOPE_WHOLE, "aio=threads|native", VC_CAP_DRIVE_AIO },
    { "-drive", SCOPE_WHOLE, "copy-on-read=on|off", VC_CAP_DRIVE_COPY_ON_READ },
    { "-drive", SCOPE_WHOLE, "bps=", VC_CAP_DRIVE_IOTUNE },
    { "-fsdev", SCOPE_TAIL, "readonly", VC_CAP_FSDEV_READONLY },
    { "-fsdev", SCOPE_TAIL, "writeout", VC_CAP_FSDEV_WRITEOUT },
    { "-name", SCOPE_WHOLE, ",process=", VC_CAP_NAME_PROCESS },
    { "-chardev", SCOPE_BLOCK, "server=on|off", VC_CAP_BOOL_ON_OFF },
    { "-numa", SCOPE_BLOCK, "memdev=", VC_CAP_NUMA_MEMDEV },
    { "-realtime", SCOPE_BLOCK, "mlock=on|off", VC_CAP_MLOCK },
    { "-overcommit", SCOPE_BLOCK, "mem-lock", VC_CAP_OVERCOMMIT_MEM_LOCK },
};

/* From this version on (inclusive), the flag holds whatever the help
 * says: the feature came (or, for a -gone flag, went) with the release,
 * not with an option in the help. */
static const struct {
    unsigned long since;
    vc_cap flag;
} version_flags[] = {
    { 9000, VC_CAP_VNC_COLON },
    { 10000, VC_CAP_QEMU_0_10 },
    { 11000, VC_CAP_BLK_SG_IO },
    { 11000, VC_CAP_CPU_HOST },
    { 12000, VC_CAP_ROMBAR },       /* rombar works from 0.12, advertised later */
    { 13000, VC_CAP_PCI_MULTIFUNCTION },
    { 13000, VC_CAP_MONITOR_JSON },     /* JSON monitor usable from 0.13 */
    { 1001000, VC_CAP_IPV6_MIGRATION },
    { 1002000, VC_CAP_DEVICE_VIDEO_PRIMARY },
    { 1002000, VC_CAP_VNC_SHARE_POLICY },
    { 2001000, VC_CAP_NUMA_CPUS_REPEAT },
    { 6000000, VC_CAP_SHEEPDOG_GONE },
};

static const char *const banners[] = {
    "QEMU emulator version",
    "QEMU PC emulator version",
};

/* Find the version banner at the start of a line; NULL if none. */
static const char *find_banner(const char *text, const char **after)
{
    const char *line = text;

    while (line && *line) {
        for (size_t i = 0; i < ARRAY_CARDINALITY(banners); i++) {
            if (VC_STRPREFIX(line, banners[i])) {
                *after = line + strlen(banners[i]);
                return line;
            }
        }
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    return NULL;
}

static int parse_banner(vc_caps *caps, const char *text, const char *path,
                        vc_error *err)
{
    const char *p, *start, *eol;
    int major, minor, micro = 0;

    if (!(start = find_banner(text, &p)))
        return vc_error_set(err, VC_EXIT_INPUT,
                            "%s: no QEMU version banner (a line starting "
                            "'QEMU emulator version X.Y.Z'): not qemu -help "
                            "output", path);
    while (*p == ' ' || *p == '\t')
        p++;
    if ((major = vc_parse_number(&p)) < 0 || *p != '.')
        goto malformed;
    p++;
    if ((minor = vc_parse_number(&p)) < 0)
        goto malformed;
    if (*p == '.') {
        p++;
        if ((micro = vc_parse_number(&p)) < 0)
            goto malformed;
    }
    if (major > 4000 || minor > 999 || micro > 999)
        goto malformed;
    caps->version = (unsigned long)major * 1000000 + (unsigned long)minor * 1000 +
                    (unsigned long)micro;

    while (*p == ' ')
        p++;
    if (VC_STRPREFIX(p, "(qemu-kvm-")) {
        caps->is_kvm = true;
    } else if (VC_STRPREFIX(p, "(kvm-")) {
        int kvm;

        p += strlen("(kvm-");
        if ((kvm = vc_parse_number(&p)) < 0)
            goto malformed;
        caps->is_kvm = true;
        caps->kvm_version = (unsigned)kvm;
    }
    return 0;

 malformed:
    eol = strchr(start, '\n');
    return vc_error_set(err, VC_EXIT_INPUT,
                        "%s: malformed version in QEMU banner '%.*s'", path,
                        (int)(eol && eol - start < 80 ? eol - start : 80), start);
}

/* The help of one option: its lines (it may have several, e.g. one per
 * -fsdev backend) and their indented continuations, copied out so that
 * needles cannot match the help of a neighbouring option.  NULL when
 * the option is not there. */
static char *option_block(const char *text, const char *option)
{
    size_t n = strlen(option);
    const char *line = text;
    vc_buf b = VC_BUF_INIT;
    bool inside = false;

    while (*line) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
        bool starts = strncmp(line, option, n) == 0 &&
                      strchr(" \t[\n", line[n] ? line[n] : '\n');

        if (starts || (inside && (*line == ' ' || *line == '\t'))) {
            vc_buf_addn(&b, line, len);
            inside = true;
        } else {
            inside = false;
        }
        line += len;
    }
    return b.s ? vc_buf_steal(&b) : NULL;
}

static void apply_version_rules(vc_caps *caps, const char *text)
{
    unsigned long v = caps->version;
    unsigned int kvm = caps->kvm_version;

    for (size_t i = 0; i < ARRAY_CARDINALITY(version_flags); i++)
        if (v >= version_flags[i].since)
            vc_caps_set(caps, version_flags[i].flag);

    /* kvm-74 was the first KVM with IFF_VNET_HDR support on tap fds; every
     * qemu-kvm from 0.10 has it, and upstream QEMU has had it since the
     * qemu-kvm merge (1.3). */
    if ((caps->is_kvm && (v >= 10000 || kvm >= 74)) || v >= 1003000)
        vc_caps_set(caps, VC_CAP_VNET_HDR);

    /* -incoming: tcp and exec from 0.10 (kvm-79/80); unix and fd from
     * 0.12; before that, only the stdio form of old kvm.  kvm's early
     * tcp support blocked the monitor, so it does not count. */
    if (v >= 10000) {
        vc_caps_set(caps, VC_CAP_MIGRATE_QEMU_TCP);
        vc_caps_set(caps, VC_CAP_MIGRATE_QEMU_EXEC);
        if (v >= 12000) {
            vc_caps_set(caps, VC_CAP_MIGRATE_QEMU_UNIX);
            vc_caps_set(caps, VC_CAP_MIGRATE_QEMU_FD);
        }
    } else if (kvm >= 79) {
        vc_caps_set(caps, VC_CAP_MIGRATE_QEMU_TCP);
        if (kvm >= 80)
            vc_caps_set(caps, VC_CAP_MIGRATE_QEMU_EXEC);
    } else if (kvm > 0) {
        vc_caps_set(caps, VC_CAP_MIGRATE_KVM_STDIO);
    }

    /* The RHEL build of 0.12 backports the JSON monitor and -netdev; it
     * says so by naming libvirt in its help. */
    if (v >= 12000 && v < 13000 && strstr(text, "libvirt")) {
        vc_caps_set(caps, VC_CAP_MONITOR_JSON);
        vc_caps_set(caps, VC_CAP_NETDEV);
    }
}

/* The rules, on @text: NUL-terminated, no NUL before its end. */
static int parse_help_text(vc_caps *caps, const char *text, const char *path,
                           vc_error *err)
{
    char *block = NULL;
    const char *block_of = NULL, *p;

    if (text[strspn(text, " \t\r\n")] == '\0')
        return vc_error_set(err, VC_EXIT_INPUT,
                            "%s: empty help text (expected the output of "
                            "qemu -help)", path);
    if (parse_banner(caps, text, path, err) < 0)
        return -1;

    for (size_t i = 0; i < ARRAY_CARDINALITY(help_needles); i++)
        if (strstr(text, help_needles[i].needle))
            vc_caps_set(caps, help_needles[i].flag);

    for (size_t i = 0; i < ARRAY_CARDINALITY(option_needles); i++) {
        const char *opt = option_needles[i].option;
        const char *from = strstr(text, opt);

        if (!from)
            continue;
        if (option_needles[i].scope == SCOPE_BLOCK) {
            /* rows come grouped by option: copy each option's lines once */
            if (!block_of || strcmp(block_of, opt) != 0) {
                free(block);
                block_of = opt;
                block = option_block(text, opt);
            }
            from = block;
        } else if (option_needles[i].scope == SCOPE_WHOLE) {
            from = text;
        }
        if (from && strstr(from, option_needles[i].needle))
            vc_caps_set(caps, option_needles[i].flag);
    }
    free(block);

    /* cache= values up to the closing bracket: the v1 syntax was
     * on|off; v2 names modes, and later releases added two.  libvirt
     * reads the first cache= of the help, wherever it is. */
    if (strstr(text, "-drive") && (p = strstr(text, "cache="))) {
        const char *end = strchr(p, ']');
        if (end) {
            size_t n = (size_t)(end - p);
            if (!memmem(p, n, "on|off", 6))
                vc_caps_set(caps, VC_CAP_DRIVE_CACHE_V2);
            if (memmem(p, n, "directsync", 10))
                vc_caps_set(caps, VC_CAP_CACHE_DIRECTSYNC);
            if (memmem(p, n, "unsafe", 6))
                vc_caps_set(caps, VC_CAP_CACHE_UNSAFE);
        }
    }

    /* -vga TYPE, but not the older -std-vga switch; the type list says
     * whether qxl and none are known. */
    if ((p = strstr(text, "-vga")) && !strstr(text, "-std-vga")) {
        const char *nl = strchr(p, '\n');
        const char *none = strstr(p, "|none");

        vc_caps_set(caps, VC_CAP_VGA);
        if (strstr(p, "|qxl"))
            vc_caps_set(caps, VC_CAP_VGA_QXL);
        if (none && (!nl || none < nl))
            vc_caps_set(caps, VC_CAP_VGA_NONE);
    }

    /* When -device came, -drive readonly= already worked unadvertised. */
    if (vc_caps_has(caps, VC_CAP_DEVICE))
        vc_caps_set(caps, VC_CAP_DRIVE_READONLY);

    if (strstr(text, "-xen-domid"))
        vc_caps_set(caps, VC_CAP_XEN_DOMID);
    else if (strstr(text, "-domid"))
        vc_caps_set(caps, VC_CAP_DOMID);

    if (strstr(text, "cores=") && strstr(text, "threads=") &&
        strstr(text, "sockets="))
        vc_caps_set(caps, VC_CAP_SMP_TOPOLOGY);

    if (strstr(text, "-fsdev"))
        vc_caps_set(caps, VC_CAP_FSDEV);

    /* -soundhw pcspk went with -soundhw itself */
    if (vc_caps_has(caps, VC_CAP_AUDIODEV) && !strstr(text, "-soundhw"))
        vc_caps_set(caps, VC_CAP_MACHINE_PCSPK_AUDIODEV);

    /* -netdev existed in 0.12 without the monitor commands for hotplug,
     * so it counts from 0.13. */
    if ((p = strstr(text, "-netdev")) && caps->version >= 13000) {
        vc_caps_set(caps, VC_CAP_NETDEV);
        if (strstr(p, "bridge"))
            vc_caps_set(caps, VC_CAP_BRIDGE);
    }
    /* a guestfwd rule's device is a chardev spec, where "chardev:ID"
     * names a -chardev (qemu_chr_open since -chardev came) */
    if (vc_caps_has(caps, VC_CAP_NETDEV) && vc_caps_has(caps, VC_CAP_CHARDEV))
        vc_caps_set(caps, VC_CAP_GUESTFWD_CHARDEV);

    /* 0.14 and 0.15.0 mishandle SIGTERM under -no-shutdown. */
    if (strstr(text, "-no-shutdown") &&
        (caps->version < 14000 || caps->version > 15000))
        vc_caps_set(caps, VC_CAP_NO_SHUTDOWN);

    apply_version_rules(caps, text);
    return 0;
}

int vc_caps_parse_help(vc_caps *caps, const char *text, size_t len,
                       const char *path, vc_error *err)
{
    char *copy;
    int rc;

    /* the rules search with the C string functions: they get a
     * terminated copy, never @text itself, which may end at @len */
    if (vc_caps_check_text(text, len, path, "qemu -help output", err) < 0)
        return -1;
    copy = vc_strndup(text, len);
    rc = parse_help_text(caps, copy, path, err);
    free(copy);
    return rc;
}
