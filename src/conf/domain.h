/* domain.h: the domain definition model (libvirt 0.10.2 domain XML).
 *
 * Parsed by vc_domain_parse() (domain_parse.c), written back
 * canonically by vc_domain_format() (domain_format.c).  Everything is
 * typed: enums from string tables, numbers as numbers; strings only
 * where the XML holds free text (paths, names).
 */
#ifndef VC_CONF_DOMAIN_H
#define VC_CONF_DOMAIN_H

#include <stddef.h>

#include "conf/conf_types.h"
#include "conf/device_info.h"
#include "conf/disk.h"
#include "conf/net.h"
#include "conf/chr.h"
#include "conf/graphics.h"
#include "conf/controller.h"
#include "conf/devices.h"
#include "conf/host.h"
#include "util/error.h"

typedef enum { VC_LIFECYCLE_DESTROY, VC_LIFECYCLE_RESTART,
               VC_LIFECYCLE_RENAME_RESTART, VC_LIFECYCLE_PRESERVE,
               VC_LIFECYCLE_COREDUMP_DESTROY, VC_LIFECYCLE_COREDUMP_RESTART,
               VC_LIFECYCLE_LAST } vc_lifecycle;
VC_ENUM_DECL(vc_lifecycle);

/* <on_lockfailure>: what a lock manager does on losing the locks */
typedef enum { VC_LOCKFAIL_DEFAULT, VC_LOCKFAIL_POWEROFF, VC_LOCKFAIL_RESTART,
               VC_LOCKFAIL_PAUSE, VC_LOCKFAIL_IGNORE, VC_LOCKFAIL_LAST } vc_lockfailure;
VC_ENUM_DECL(vc_lockfailure);

typedef enum { VC_FEATURE_ACPI, VC_FEATURE_APIC, VC_FEATURE_PAE,
               VC_FEATURE_HAP, VC_FEATURE_VIRIDIAN, VC_FEATURE_PRIVNET,
               VC_FEATURE_HYPERV, VC_FEATURE_LAST } vc_feature;
VC_ENUM_DECL(vc_feature);

typedef enum { VC_HYPERV_RELAXED, VC_HYPERV_LAST } vc_hyperv_feature;
VC_ENUM_DECL(vc_hyperv_feature);

typedef enum { VC_BOOT_FLOPPY, VC_BOOT_CDROM, VC_BOOT_DISK, VC_BOOT_NET,
               VC_BOOT_LAST } vc_boot_dev;
VC_ENUM_DECL(vc_boot_dev);     /* fd, cdrom, hd, network */

typedef enum { VC_SMBIOS_NONE, VC_SMBIOS_EMULATE, VC_SMBIOS_HOST,
               VC_SMBIOS_SYSINFO, VC_SMBIOS_LAST } vc_smbios_mode;
VC_ENUM_DECL(vc_smbios_mode);

typedef enum { VC_PLACEMENT_DEFAULT, VC_PLACEMENT_STATIC, VC_PLACEMENT_AUTO,
               VC_PLACEMENT_LAST } vc_placement;
VC_ENUM_DECL(vc_placement);

typedef enum { VC_NUMATUNE_STRICT, VC_NUMATUNE_PREFERRED,
               VC_NUMATUNE_INTERLEAVE, VC_NUMATUNE_LAST } vc_numatune_mode;
VC_ENUM_DECL(vc_numatune_mode);

typedef enum { VC_CLOCK_UTC, VC_CLOCK_LOCALTIME, VC_CLOCK_VARIABLE,
               VC_CLOCK_TIMEZONE, VC_CLOCK_LAST } vc_clock_offset;
VC_ENUM_DECL(vc_clock_offset);

typedef enum { VC_TIMER_PLATFORM, VC_TIMER_PIT, VC_TIMER_RTC, VC_TIMER_HPET,
               VC_TIMER_TSC, VC_TIMER_KVMCLOCK, VC_TIMER_LAST } vc_timer_name;
VC_ENUM_DECL(vc_timer_name);
typedef enum { VC_TICK_DELAY, VC_TICK_CATCHUP, VC_TICK_MERGE, VC_TICK_DISCARD,
               VC_TICK_LAST } vc_timer_tickpolicy;
VC_ENUM_DECL(vc_timer_tickpolicy);
typedef enum { VC_TRACK_BOOT, VC_TRACK_GUEST, VC_TRACK_WALL,
               VC_TRACK_LAST } vc_timer_track;
VC_ENUM_DECL(vc_timer_track);
typedef enum { VC_TIMER_MODE_AUTO, VC_TIMER_MODE_NATIVE,
               VC_TIMER_MODE_EMULATE, VC_TIMER_MODE_PARAVIRT,
               VC_TIMER_MODE_SMPSAFE, VC_TIMER_MODE_LAST } vc_timer_mode;
VC_ENUM_DECL(vc_timer_mode);

typedef struct vc_timer_def {
    vc_timer_name name;
    int present;            /* -1 unset, 0 no, 1 yes */
    int tickpolicy;         /* -1 unset */
    int track;              /* -1 unset (rtc only) */
    int mode;               /* -1 unset (tsc only) */
    unsigned long frequency;   /* 0 unset (tsc only) */
    /* catchup policy details */
    unsigned long catchup_threshold, catchup_slew, catchup_limit;
} vc_timer_def;

typedef struct vc_clock_def {
    vc_clock_offset offset;
    long long adjustment;   /* variable */
    int basis;              /* variable: 0 utc, 1 localtime */
    bool utc_reset;         /* utc, localtime: adjustment='reset' */
    char *timezone;         /* timezone */
    vc_timer_def *timers;
    size_t ntimers;
} vc_clock_def;

typedef enum { VC_CPU_MODE_CUSTOM, VC_CPU_MODE_HOST_MODEL,
               VC_CPU_MODE_HOST_PASSTHROUGH, VC_CPU_MODE_LAST } vc_cpu_mode;
VC_ENUM_DECL(vc_cpu_mode);
typedef enum { VC_CPU_MATCH_MINIMUM, VC_CPU_MATCH_EXACT, VC_CPU_MATCH_STRICT,
               VC_CPU_MATCH_LAST } vc_cpu_match;
VC_ENUM_DECL(vc_cpu_match);
typedef enum { VC_CPU_FALLBACK_ALLOW, VC_CPU_FALLBACK_FORBID,
               VC_CPU_FALLBACK_LAST } vc_cpu_fallback;
VC_ENUM_DECL(vc_cpu_fallback);
typedef enum { VC_CPU_FEATURE_FORCE, VC_CPU_FEATURE_REQUIRE,
               VC_CPU_FEATURE_OPTIONAL, VC_CPU_FEATURE_DISABLE,
               VC_CPU_FEATURE_FORBID, VC_CPU_FEATURE_LAST } vc_cpu_feature_policy;
VC_ENUM_DECL(vc_cpu_feature_policy);

typedef struct vc_cpu_feature {
    char *name;
    vc_cpu_feature_policy policy;
} vc_cpu_feature;

typedef struct vc_cpu_cell {
    vc_cpumask cpus;
    char *cpus_str;         /* as given (formatted back verbatim) */
    unsigned long long memory;   /* KiB */
} vc_cpu_cell;

typedef struct vc_cpu_def {
    vc_cpu_mode mode;
    bool has_match;
    vc_cpu_match match;
    char *model;
    vc_cpu_fallback fallback;
    char *vendor;
    char *vendor_id;
    unsigned sockets, cores, threads;   /* 0 = no <topology> */
    vc_cpu_feature *features;
    size_t nfeatures;
    vc_cpu_cell *cells;
    size_t ncells;
} vc_cpu_def;

typedef struct vc_vcpupin {
    unsigned vcpu;
    vc_cpumask cpuset;
} vc_vcpupin;

typedef struct vc_blkio_device {
    char *path;
    unsigned weight;
} vc_blkio_device;

typedef enum { VC_SECLABEL_DEFAULT, VC_SECLABEL_NONE, VC_SECLABEL_DYNAMIC,
               VC_SECLABEL_STATIC, VC_SECLABEL_LAST } vc_seclabel_type;
VC_ENUM_DECL(vc_seclabel_type);

typedef struct vc_seclabel {
    vc_seclabel_type type;
    char *model;
    bool relabel;
    char *label;
    char *imagelabel;
    char *baselabel;
} vc_seclabel;

typedef struct vc_sysinfo_entry {
    char *name;             /* bios: vendor, version, date, release;
                               system: manufacturer, product, version,
                               serial, uuid, sku, family */
    char *value;
} vc_sysinfo_entry;

/* The entries of <bios> (0) and <system> (1) libvirt reads, in the
 * order it writes them (and QEMU's -smbios takes them); NULL-ended. */
extern const char *const vc_sysinfo_fields[2][8];

/* Each block holds its known entries once, in that order (the first
 * of a name, and not an empty one, as libvirt's XPath reads them). */
typedef struct vc_sysinfo {
    bool present;
    vc_sysinfo_entry *bios;
    size_t nbios;
    vc_sysinfo_entry *system;
    size_t nsystem;
} vc_sysinfo;

typedef struct vc_qemu_env {
    char *name, *value;     /* value may be NULL */
} vc_qemu_env;

/* The qemu:commandline namespace extension. */
typedef struct vc_qemu_cmdline {
    char **args;
    size_t nargs;
    vc_qemu_env *env;
    size_t nenv;
} vc_qemu_cmdline;

typedef struct vc_os_def {
    char *type;             /* "hvm", "xen", "linux", "exe" */
    char *arch;             /* "i686", "x86_64", ... */
    char *machine;
    char *loader;
    char *kernel, *initrd, *cmdline, *root;
    vc_boot_dev boot[VC_BOOT_LAST];
    size_t nboot;
    vc_yesno bootmenu;
    vc_smbios_mode smbios;
    bool has_smbios;
    vc_yesno bios_useserial;
    bool has_reboot_timeout;
    int reboot_timeout;     /* -1..65535 ms */
    char *bootloader;
    char *bootloader_args;
} vc_os_def;

typedef struct vc_domain_def {
    vc_virt_type virt_type;
    int id;                         /* -1 unless a live definition */
    char *name;
    unsigned char uuid[VC_UUID_LEN];
    char *title;
    char *description;
    char *metadata;                 /* canonical XML of <metadata> or NULL */

    unsigned long long max_memory;  /* KiB */
    unsigned long long cur_memory;  /* KiB */
    vc_switch dump_core;
    bool hugepages;
    bool mem_locked;                /* <memoryBacking><locked/> */
    bool nosharepages;              /* <memoryBacking><nosharepages/>: no KSM */

    unsigned blkio_weight;          /* 0 unset */
    vc_blkio_device *blkio_devices;
    size_t nblkio_devices;

    /* memtune, KiB; 0 = unset */
    unsigned long long hard_limit, soft_limit, min_guarantee, swap_hard_limit;

    unsigned short maxvcpus, vcpus;
    vc_placement placement;
    vc_cpumask cpumask;

    /* cputune */
    unsigned long shares;
    unsigned long long period;
    long long quota;
    unsigned long long emulator_period;   /* the emulator threads' */
    long long emulator_quota;
    vc_vcpupin *vcpupins;
    size_t nvcpupins;
    vc_cpumask emulatorpin;

    /* numatune */
    bool has_numatune;
    vc_numatune_mode numa_mode;
    vc_placement numa_placement;
    vc_cpumask numa_nodeset;

    vc_sysinfo sysinfo;
    vc_os_def os;
    unsigned features;              /* bit (1 << vc_feature) */
    vc_switch apic_eoi;
    vc_switch hyperv[VC_HYPERV_LAST];
    vc_cpu_def *cpu;
    vc_clock_def clock;
    vc_lifecycle on_poweroff, on_reboot, on_crash;
    vc_lockfailure on_lockfailure;
    vc_yesno pm_s3, pm_s4;          /* suspend-to-mem, suspend-to-disk */

    char *emulator;
    /* the devices, a family an array (device_families.h) */
#define VC_DEVICE_FAMILY(kind, elem, type, array, ...) type **array; size_t n##array;
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY

    vc_seclabel *seclabels;     /* one per security driver (model) */
    size_t nseclabels;

    vc_qemu_cmdline *qemu_cmdline;  /* NULL when the namespace is unused */
} vc_domain_def;

/* The device families, in the canonical order of device_families.h. */
typedef enum vc_device_kind {
#define VC_DEVICE_FAMILY(kind, ...) VC_DEV_##kind,
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY
    VC_DEV_LAST
} vc_device_kind;

/* An order of the families, written ORDER(X) X(DISK) X(NET) ..., gives
 * an array with VC_DEV_ORDER_ARRAY and is checked to name every family
 * exactly once with VC_DEV_ORDER_CHECK (at compile time). */
#define VC_DEV_ORDER_ITEM(k) VC_DEV_##k,
#define VC_DEV_ORDER_BIT(k) | (1u << VC_DEV_##k)
#define VC_DEV_ORDER_ONE(k) + 1
#define VC_DEV_ORDER_ARRAY(list) { list(VC_DEV_ORDER_ITEM) }
#define VC_DEV_ORDER_CHECK(list, mask, what) \
    _Static_assert((0u list(VC_DEV_ORDER_BIT)) == (mask) && \
                   (0 list(VC_DEV_ORDER_ONE)) == __builtin_popcount(mask), \
                   what " must name each of its device families once")
#define VC_DEV_ALL ((1u << VC_DEV_LAST) - 1)
_Static_assert(VC_DEV_LAST <= 32, "device kind masks are 32 bits");

/* The families of which a domain has at most one. */
static inline vc_watchdog_def *vc_domain_watchdog(const vc_domain_def *def)
{
    return def->nwatchdogs ? def->watchdogs[0] : NULL;
}
static inline vc_memballoon_def *vc_domain_memballoon(const vc_domain_def *def)
{
    return def->nmemballoons ? def->memballoons[0] : NULL;
}
static inline vc_redirfilter_def *vc_domain_redirfilter(const vc_domain_def *def)
{
    return def->nredirfilters ? def->redirfilters[0] : NULL;
}

/* The element a family is read from ("disk", "interface", ...). */
const char *vc_device_kind_element(vc_device_kind kind);
size_t vc_domain_ndevices(const vc_domain_def *def, vc_device_kind kind);
/* The @i-th device of @kind (a vc_disk_def *, ...), NULL past the end. */
void *vc_domain_device(const vc_domain_def *def, vc_device_kind kind, size_t i);
/* The address part of a device of @kind; NULL for families without one
 * (leases, graphics, the redirection filter). */
vc_device_info *vc_device_info_of(vc_device_kind kind, void *dev);

/* Every device that has an address, family by family in libvirt's
 * virDomainDeviceInfoIterate order; stops at the first callback < 0. */
typedef int (*vc_device_info_cb)(vc_device_kind kind, void *dev,
                                 vc_device_info *info, void *opaque);
int vc_domain_walk_infos(vc_domain_def *def, vc_device_info_cb cb, void *opaque);

/* How the XML is read (libvirt's VIR_DOMAIN_XML_INACTIVE): an inactive
 * definition drops runtime-only state (id, aliases, disk mirrors,
 * auto-generated vnet* interface names, pty paths). */
typedef enum {
    VC_PARSE_ACTIVE = 0,
    VC_PARSE_INACTIVE = 1 << 0,
} vc_parse_flags;

/* Inputs above this size are refused. */
#define VC_DOMAIN_XML_MAX (10u * 1024 * 1024)

/* Parse @xml (@len bytes; @filename names it in messages, may be NULL)
 * as defined on @host, which fills in what the XML leaves to it (arch,
 * machine, emulator, UUID, MACs).  On error returns NULL with @err set
 * (code VC_EXIT_INPUT, one line). */
vc_domain_def *vc_domain_parse(const char *xml, size_t len,
                               const char *filename, const vc_host *host,
                               unsigned flags, vc_error *err);
/* Read and parse a file. */
vc_domain_def *vc_domain_parse_file(const char *path, const vc_host *host,
                                    unsigned flags, vc_error *err);

/* Canonical XML (caller frees), newline-terminated. */
char *vc_domain_format(const vc_domain_def *def);

void vc_domain_def_free(vc_domain_def *def);

#endif
