/* qemu_opts.c: the option table of the QEMU model, and the readings of
 * -cpu, -soundhw, -global and whole values.  QemuOpts and keyval are in
 * qemu_optparse.c, the character device specs in qemu_chr.c. */
#include "qemu_opts.h"
#include "qemu_read.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROW(name, syntax, implied) { name, VC_QM_##syntax, implied, NULL, NULL, false }
#define SPLIT(name, after, chars) { name, VC_QM_LITERAL, NULL, chars, after, false }
#define JSON(name, implied) { name, VC_QM_OPTS, implied, NULL, NULL, true }

/* Every option, as QEMU parses it (softmmu/vl.c of 7.2 unless said). */
static const vc_qm_option options[] = {
    ROW("-S", SWITCH, NULL), ROW("-no-kqemu", SWITCH, NULL),
    ROW("-enable-kqemu", SWITCH, NULL), ROW("-kernel-kqemu", SWITCH, NULL),
    ROW("-no-kvm", SWITCH, NULL), ROW("-enable-kvm", SWITCH, NULL),
    ROW("-mem-prealloc", SWITCH, NULL), ROW("-redhat-disable-KSM", SWITCH, NULL), ROW("-xen-attach", SWITCH, NULL),
    ROW("-nographic", SWITCH, NULL), ROW("-no-user-config", SWITCH, NULL),
    ROW("-nodefconfig", SWITCH, NULL), ROW("-nodefaults", SWITCH, NULL),
    ROW("-localtime", SWITCH, NULL), ROW("-rtc-td-hack", SWITCH, NULL),
    ROW("-no-kvm-pit-reinjection", SWITCH, NULL), ROW("-tdf", SWITCH, NULL),
    ROW("-no-hpet", SWITCH, NULL), ROW("-no-reboot", SWITCH, NULL),
    ROW("-no-shutdown", SWITCH, NULL), ROW("-no-acpi", SWITCH, NULL),
    ROW("-usb", SWITCH, NULL), ROW("-sdl", SWITCH, NULL),
    ROW("-full-screen", SWITCH, NULL), ROW("-std-vga", SWITCH, NULL),
    ROW("-vmwarevga", SWITCH, NULL),

    /* qemu_opts_parse_noisily(list, optarg, permit_abbrev): the implied
     * name is the list's implied_opt_name when abbreviations are allowed */
    ROW("-name", OPTS, "guest"), ROW("-m", OPTS, "size"),
    ROW("-realtime", OPTS, NULL), ROW("-overcommit", OPTS, NULL),
    ROW("-smp", OPTS, "cpus"), ROW("-numa", OPTS, "type"),
    ROW("-smbios", OPTS, NULL), ROW("-chardev", OPTS, "backend"),
    ROW("-mon", OPTS, "chardev"), ROW("-rtc", OPTS, NULL),
    ROW("-boot", OPTS, "order"), ROW("-drive", OPTS, NULL),
    ROW("-fsdev", OPTS, "fsdriver"), ROW("-net", OPTS, "type"),
    ROW("-vnc", OPTS, "vnc"), ROW("-spice", OPTS, NULL),
    /* a value starting with '{' is JSON to these */
    JSON("-device", "driver"), JSON("-netdev", "type"),
    /* user_creatable_parse_str: QemuOpts, or JSON */
    JSON("-object", "qom-type"),

    /* keyval_parse_into(machine_opts_dict, optarg, "type", ...) */
    ROW("-M", KEYVAL, "type"), ROW("-machine", KEYVAL, "type"),
    /* audio_parse_option: qobject_input_visitor_new_str(optarg, "driver") */
    ROW("-audiodev", KEYVAL, "driver"),
    /* parse_display: qobject_input_visitor_new_str(optarg, "type") */
    ROW("-display", KEYVAL, "type"),

    ROW("-cpu", CPU, NULL), ROW("-soundhw", SOUNDHW, NULL),
    ROW("-global", GLOBAL, NULL),
    ROW("-serial", CHR, NULL), ROW("-parallel", CHR, NULL),
    ROW("-monitor", MONITOR, NULL),

    /* taken whole (a file name, a kernel command line, a number ...) */
    ROW("-bios", LITERAL, NULL), ROW("-mem-path", LITERAL, NULL),
    ROW("-kernel", LITERAL, NULL), ROW("-initrd", LITERAL, NULL),
    ROW("-append", LITERAL, NULL), ROW("-bootloader", LITERAL, NULL),
    ROW("-uuid", LITERAL, NULL), ROW("-domid", LITERAL, NULL),
    ROW("-xen-domid", LITERAL, NULL), ROW("-incoming", LITERAL, NULL),
    ROW("-hda", LITERAL, NULL), ROW("-hdb", LITERAL, NULL),
    ROW("-hdc", LITERAL, NULL), ROW("-hdd", LITERAL, NULL),
    ROW("-fda", LITERAL, NULL), ROW("-fdb", LITERAL, NULL),
    ROW("-cdrom", LITERAL, NULL), ROW("-k", LITERAL, NULL),
    ROW("-watchdog", LITERAL, NULL), ROW("-watchdog-action", LITERAL, NULL),
    /* usb_msd_init: "disk:[format=F:]PATH" */
    SPLIT("-usbdevice", "disk:", ":"),
    /* qemu-kvm's "host=B:S.F[,dma=none][,name=N]" */
    SPLIT("-pcidevice", "", ","),
    /* "std[,retrace=MODE]" (0.12) */
    SPLIT("-vga", "", ","),
    /* balloon_parse: "virtio[,QEMUOPTS]" */
    SPLIT("-balloon", "", ","),
};

const vc_qm_option *vc_qm_find(const char *name)
{
    for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++)
        if (strcmp(options[i].name, name) == 0)
            return &options[i];
    return NULL;
}

/* ---- lists, -global, whole values ------------------------------------- */

static void add_pair(vc_qkvs *out, const char *key, size_t keylen, const char *value)
{
    char *k = vc_strndup(key, keylen);
    vc_qkvs_add(out, k, value);
    free(k);
}

/* parse_cpu_option: the model up to the first ','; x86_cpu_parse_featurestr:
 * strtok(",") (empty items vanish), "+F"/"-F" F on/off, "K=V", "F" on. */
static int read_cpu(const char *text, vc_qkvs *out, char **why)
{
    size_t n = strcspn(text, ",");
    char *rest, *save = NULL;

    if (!*text)
        return vc_qm_refuse(why, "-cpu option cannot be empty");
    vc_qkvs_addn(out, "model", text, n);
    if (!text[n])
        return 0;
    rest = vc_strdup(text + n + 1);
    for (char *f = strtok_r(rest, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(f, '=');
        if (*f == '+' || *f == '-')
            vc_qkvs_add(out, f + 1, *f == '+' ? "on" : "off");
        else if (eq)
            add_pair(out, f, (size_t)(eq - f), eq + 1);
        else
            vc_qkvs_add(out, f, "on");
    }
    free(rest);
    return 0;
}

/* select_soundhw: card names split at every ','. */
static int read_soundhw(const char *text, vc_qkvs *out)
{
    for (const char *p = text;;) {
        size_t n = strcspn(p, ",");
        vc_qkvs_addn(out, "card", p, n);
        if (!p[n])
            return 0;
        p += n + 1;
    }
}

/* qemu_global_option: sscanf "%63[^.=].%63[^=]" then '=' and the value
 * whole; otherwise QemuOpts driver=,property=,value=. */
static int read_global(const char *text, vc_qkvs *out, char **why)
{
    char driver[64], property[64];
    int offset = 0;
    vc_qkvs opts = { 0 };
    const char *d, *p, *v;
    int rc;

    if (sscanf(text, "%63[^.=].%63[^=]%n", driver, property, &offset) == 2 &&
        text[offset] == '=') {
        char *key = vc_asprintf("%s.%s", driver, property);
        vc_qkvs_add(out, key, text + offset + 1);
        free(key);
        return 0;
    }
    if ((rc = vc_qm_read_opts(text, NULL, &opts, why)) == 0) {
        d = opts.n == 3 && !strcmp(opts.items[0].key, "driver") ? opts.items[0].value : NULL;
        p = opts.n == 3 && !strcmp(opts.items[1].key, "property") ? opts.items[1].value : NULL;
        v = opts.n == 3 && !strcmp(opts.items[2].key, "value") ? opts.items[2].value : NULL;
        if (d && p && v) {
            char *key = vc_asprintf("%s.%s", d, p);
            vc_qkvs_add(out, key, v);
            free(key);
        } else {
            rc = vc_qm_refuse(why, "not a DRIVER.PROP=VALUE");
        }
    }
    vc_qkvs_free(&opts);
    return rc;
}

static int read_literal(const vc_qm_option *opt, const char *text, vc_qkvs *out,
                        char **why)
{
    size_t after = opt->split_after ? strlen(opt->split_after) : 0;

    if (opt->split && strncmp(text, opt->split_after, after) == 0 &&
        strpbrk(text + after, opt->split))
        return vc_qm_refuse(why, "QEMU splits the value at '%c'",
                            *strpbrk(text + after, opt->split));
    vc_qkvs_add(out, opt->name, text);
    return 0;
}

/* netdev_is_modern: -netdev of type stream or dgram is read by keyval. */
static int netdev_modern(const vc_qm_option *opt, const char *text, vc_qkvs *out,
                         char **why)
{
    const char *type = NULL;

    if (strcmp(opt->name, "-netdev") != 0)
        return 0;
    for (size_t i = 0; i < out->n; i++)
        if (strcmp(out->items[i].key, "type") == 0)
            type = out->items[i].value;
    if (!type || (strcmp(type, "stream") != 0 && strcmp(type, "dgram") != 0))
        return 0;
    vc_qkvs_free(out);
    return vc_qm_read_keyval(text, opt->implied, out, why);
}

int vc_qm_read(const vc_qm_option *opt, const char *text, vc_qkvs *out, char **why)
{
    *why = NULL;
    switch (opt->syntax) {
    case VC_QM_OPTS:
        if (opt->json && text[0] == '{')
            return vc_qm_refuse(why, "QEMU reads a value starting with '{' as JSON");
        if (vc_qm_read_opts(text, opt->implied, out, why) < 0)
            return -1;
        return netdev_modern(opt, text, out, why);
    case VC_QM_KEYVAL:
        return vc_qm_read_keyval(text, opt->implied, out, why);
    case VC_QM_CPU:
        return read_cpu(text, out, why);
    case VC_QM_SOUNDHW:
        return read_soundhw(text, out);
    case VC_QM_GLOBAL:
        return read_global(text, out, why);
    case VC_QM_CHR:
    case VC_QM_MONITOR:
        return vc_qm_read_chr(opt, text, out, why);
    case VC_QM_LITERAL:
        return read_literal(opt, text, out, why);
    case VC_QM_SWITCH:
    default:
        return vc_qm_refuse(why, "%s takes no value", opt->name);
    }
}
