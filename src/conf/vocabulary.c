/* vocabulary.c: the table of every element and attribute the domain
 * parser reads (vocabulary.h), in the order the formatter writes them.
 *
 * Enumerated values name the parser's own tables.  The seed numbers
 * split what the parser refuses together: a device's <address> of each
 * type (1 pci, 2 drive, 3 virtio-serial, 4 ccid, 5 usb, 6 spapr-vio,
 * 7 virtio-s390), and pairs of alternatives (1 or 2): per-device <boot>
 * or <os><boot>, the three kinds of <clock offset=>, <seclabel type=>,
 * channel <target type=> and <secret uuid=|usage=>. */
#include "conf/vocabulary.h"
#include "conf/conf_private.h"

#include <limits.h>

VC_ENUM_IMPL(vc_vocab_kind, VC_VOCAB_KIND_LAST, "none", "string", "path", "enum",
             "uint", "int", "uuid", "mac", "cpuset", "wwn", "usb-port", "usb-version")

/* ---- values ---- */
#define BIT(i) (1ull << (i))
#define V_STR .kind = VC_VOCAB_STRING
#define V_PATH .kind = VC_VOCAB_PATH
#define V_ENUM(t) .kind = VC_VOCAB_ENUM, .names = &t##_enum
/* "default" (slot 0) is a value the user may not write */
#define V_ENUM_ND(t) V_ENUM(t), .refused = BIT(0)
#define V_UINT(lo, hi) .kind = VC_VOCAB_UINT, .min = (lo), .max = (hi), .base = 10
#define V_XUINT(lo, hi, b) .kind = VC_VOCAB_UINT, .min = (lo), .max = (hi), .base = (b)
#define V_INT(lo, hi) .kind = VC_VOCAB_INT, .min = (lo), \
                      .max = (unsigned long long)(hi), .base = 10
#define V_UUID .kind = VC_VOCAB_UUID
#define V_MAC .kind = VC_VOCAB_MAC
#define V_CPUSET .kind = VC_VOCAB_CPUSET
#define YESNO V_ENUM_ND(vc_yesno)
#define SWITCH_ND V_ENUM_ND(vc_switch)
#define U32 0xFFFFFFFFull

/* ---- entries ---- */
#define A(...) .attrs = (const vc_vocab_attr[]){ __VA_ARGS__ }, \
    .nattrs = sizeof((const vc_vocab_attr[]){ __VA_ARGS__ }) / sizeof(vc_vocab_attr)
#define E(p, ...) { .path = (p), __VA_ARGS__ }
#define REP .flags = VC_VOCAB_REPEAT
#define TEXT(...) .text = { __VA_ARGS__ }

#define SEED_BOOT_DEVICE 1
#define SEED_BOOT_OS 2

/* What every device with an address carries (device_info.c). */
#define CONTROLLER { "controller", { V_UINT(0, VC_CONTROLLER_INDEX_MAX) } }
#define PCI_ATTRS \
    { "domain", { V_XUINT(0, 0xFFFF, 0) } }, { "bus", { V_XUINT(0, 0xFF, 0) } }, \
    { "slot", { V_XUINT(0, 0x1F, 0) } }, { "function", { V_XUINT(0, 7, 0) } }, \
    { "multifunction", { V_ENUM(vc_switch) } }
#define ADDRESSES(dev) \
    E(dev "/address", A({ "type", { V_ENUM_ND(vc_addr_type) } })), \
    E(dev "/address[type=pci]", A(PCI_ATTRS), .seed = 1), \
    E(dev "/address[type=drive]", A(CONTROLLER, { "bus", { V_UINT(0, U32) } }, \
                                    { "target", { V_UINT(0, U32) } }, \
                                    { "unit", { V_UINT(0, U32) } }), .seed = 2), \
    E(dev "/address[type=virtio-serial]", A(CONTROLLER, { "bus", { V_UINT(0, U32) } }, \
                                            { "port", { V_UINT(0, U32) } }), .seed = 3), \
    E(dev "/address[type=ccid]", A(CONTROLLER, { "slot", { V_UINT(0, U32) } }), .seed = 4), \
    E(dev "/address[type=usb]", A({ "bus", { V_UINT(0, U32) } }, \
                                  { "port", { .kind = VC_VOCAB_USB_PORT } }), .seed = 5), \
    E(dev "/address[type=spapr-vio]", A({ "reg", { V_XUINT(0, ~0ull, 16) } }), .seed = 6), \
    E(dev "/address[type=virtio-s390]", .seed = 7)
#define ALIAS_MASTER(dev) \
    E(dev "/alias", A({ "name", { V_STR, .sample = "alias", .flags = VC_VOCAB_UNIQUE } })), \
    E(dev "/master", A({ "startport", { V_UINT(0, U32) } }))
#define INFO(dev) ALIAS_MASTER(dev), ADDRESSES(dev)
#define BOOT(dev) \
    E(dev "/boot", A({ "order", { V_UINT(1, INT_MAX), .flags = VC_VOCAB_UNIQUE } }), \
      .seed = SEED_BOOT_DEVICE)
#define ROM(dev) E(dev "/rom", A({ "bar", { V_ENUM(vc_switch) } }, { "file", { V_PATH } }))

/* The host side of a character device (chr.c), @dev with its type. */
#define CHR_SOURCE(dev) \
    E(dev "/source", A({ "mode", { V_ENUM(vc_chr_source_mode), .sample = "connect" } }), \
      REP), \
    E(dev "[type=pty|dev|file|pipe|unix]/source", A({ "path", { V_PATH } })), \
    E(dev "[type=tcp|udp]/source", A({ "host", { V_STR, .sample = "127.0.0.1" } }, \
                                     { "service", { V_STR, .sample = "4555" } })), \
    E(dev "[type=tcp]/protocol", A({ "type", { V_ENUM(vc_chr_tcp_protocol) } }))
#define CHR(dev) \
    E(dev, A({ "type", { V_ENUM(vc_chr_type), .dflt = "pty" } }), REP), CHR_SOURCE(dev)

#define D "domain/devices/disk"
#define NET "domain/devices/interface"
#define G "domain/devices/graphics"
#define SC "domain/devices/smartcard"
#define HD "domain/devices/hostdev"
#define RD "domain/devices/redirdev"

static const vc_vocab_elem vocabulary[] = {
    E("domain", A({ "type", { V_ENUM(vc_virt_type) } },
                  { "id", { V_INT(-1, INT_MAX), .dflt = "-1" } })),
    E("domain/name", TEXT(V_STR, .sample = "vocabulary")),
    E("domain/uuid", TEXT(V_UUID)),
    E("domain/title", TEXT(V_STR)),
    E("domain/description", TEXT(V_STR)),
    E("domain/metadata"),
    E("domain/memory", A({ "unit", { V_ENUM(vc_memory_unit), .dflt = "KiB", .sample = "KiB" } },
                         { "dumpCore", { SWITCH_ND } }),
      TEXT(V_UINT(0, VC_MEMORY_KIB_MAX), .sample = "1048576")),
    E("domain/currentMemory", A({ "unit", { V_ENUM(vc_memory_unit), .dflt = "KiB",
                                            .sample = "KiB" } }),
      TEXT(V_UINT(0, VC_MEMORY_KIB_MAX), .sample = "1048576")),
    E("domain/blkiotune"),
    E("domain/blkiotune/weight", TEXT(V_UINT(0, 1000))),
    E("domain/blkiotune/device", REP),
    E("domain/blkiotune/device/path", TEXT(V_PATH, .flags = VC_VOCAB_UNIQUE)),
    E("domain/blkiotune/device/weight", TEXT(V_UINT(0, 1000))),
    E("domain/memtune"),
#define MEMTUNE(name) E("domain/memtune/" name, \
        A({ "unit", { V_ENUM(vc_memory_unit), .dflt = "KiB" } }), \
        TEXT(V_UINT(0, VC_MEMORY_KIB_MAX)))
    MEMTUNE("hard_limit"), MEMTUNE("soft_limit"), MEMTUNE("min_guarantee"),
    MEMTUNE("swap_hard_limit"),
#undef MEMTUNE
    E("domain/memoryBacking"),
    E("domain/memoryBacking/hugepages"),
    E("domain/memoryBacking/nosharepages"),
    E("domain/memoryBacking/locked"),
    E("domain/vcpu", A({ "placement", { V_ENUM(vc_placement), .sample = "static" } },
                       { "cpuset", { V_CPUSET } },
                       { "current", { V_UINT(1, 0xFFFF) } }),
      TEXT(V_UINT(1, 0xFFFF), .sample = "2")),
    E("domain/cputune"),
    E("domain/cputune/shares", TEXT(V_UINT(0, ULONG_MAX))),
    E("domain/cputune/period", TEXT(V_UINT(0, ~0ull))),
    E("domain/cputune/quota", TEXT(V_INT(LLONG_MIN, LLONG_MAX))),
    E("domain/cputune/emulator_period", TEXT(V_UINT(0, ~0ull))),
    E("domain/cputune/emulator_quota", TEXT(V_INT(LLONG_MIN, LLONG_MAX))),
    E("domain/cputune/vcpupin", A({ "vcpu", { V_UINT(0, 0xFFFF) } }, { "cpuset", { V_CPUSET } }),
      REP),
    E("domain/cputune/emulatorpin", A({ "cpuset", { V_CPUSET } })),
    E("domain/numatune"),
    E("domain/numatune/memory", A({ "mode", { V_ENUM(vc_numatune_mode) } },
                                  { "placement", { V_ENUM(vc_placement), .sample = "static" } },
                                  { "nodeset", { V_CPUSET } })),
    E("domain/sysinfo", A({ "type", { V_ENUM(vc_sysinfo_type) } })),
    E("domain/sysinfo/bios"),
    E("domain/sysinfo/bios/entry", A({ "name", { V_STR, .sample = "vendor" } }), TEXT(V_STR),
      REP),
    E("domain/sysinfo/system"),
    E("domain/sysinfo/system/entry", A({ "name", { V_STR, .sample = "product" } }), TEXT(V_STR),
      REP),
    E("domain/bootloader", TEXT(V_PATH)),
    E("domain/bootloader_args", TEXT(V_STR)),
    E("domain/os"),
    E("domain/os/type", A({ "arch", { V_STR, .sample = "x86_64" } },
                          { "machine", { V_STR, .sample = "pc" } }),
      TEXT(V_STR, .sample = "hvm")),
    E("domain/os/loader", TEXT(V_PATH)),
    E("domain/os/kernel", TEXT(V_PATH)),
    E("domain/os/initrd", TEXT(V_PATH)),
    E("domain/os/cmdline", TEXT(V_STR)),
    E("domain/os/root", TEXT(V_STR)),
    E("domain/os/boot", A({ "dev", { V_ENUM(vc_boot_dev) } }), REP, .seed = SEED_BOOT_OS),
    E("domain/os/bootmenu", A({ "enable", { V_ENUM(vc_yesno) } })),
    E("domain/os/smbios", A({ "mode", { V_ENUM(vc_smbios_mode) } })),
    E("domain/os/bios", A({ "useserial", { V_ENUM(vc_yesno) } },
                          { "rebootTimeout", { V_INT(-1, 65535) } })),
    E("domain/features"),
    E("domain/features/acpi"),
    E("domain/features/apic", A({ "eoi", { V_ENUM(vc_switch) } })),
    E("domain/features/pae"),
    E("domain/features/hap"),
    E("domain/features/viridian"),
    E("domain/features/privnet"),
    E("domain/features/hyperv"),
    E("domain/features/hyperv/relaxed", A({ "state", { V_ENUM(vc_switch) } })),
    E("domain/cpu", A({ "mode", { V_ENUM(vc_cpu_mode), .dflt = "custom" } })),
    E("domain/cpu[mode=custom]", A({ "match", { V_ENUM(vc_cpu_match) } })),
    E("domain/cpu/model", A({ "fallback", { V_ENUM(vc_cpu_fallback) } },
                            { "vendor_id", { V_STR, .sample = "GenuineIntel" } }),
      TEXT(V_STR, .sample = "core2duo")),
    E("domain/cpu/vendor", TEXT(V_STR, .sample = "Intel")),
    E("domain/cpu/topology", A({ "sockets", { V_UINT(1, 0xFFFF) } },
                               { "cores", { V_UINT(1, 0xFFFF) } },
                               { "threads", { V_UINT(1, 0xFFFF) } })),
    E("domain/cpu/feature", A({ "policy", { V_ENUM(vc_cpu_feature_policy) } },
                              { "name", { V_STR, .sample = "vmx",
                                          .flags = VC_VOCAB_UNIQUE } }), REP),
    E("domain/cpu/numa"),
    E("domain/cpu/numa/cell", A({ "cpus", { V_CPUSET } }, { "memory", { V_UINT(0, ~0ull) } }),
      REP),
    E("domain/clock", A({ "offset", { V_ENUM(vc_clock_offset), .dflt = "utc" } })),
    E("domain/clock[offset=variable]",
      A({ "adjustment", { V_INT(-(1ll << 62), 1ll << 62) } },
        { "basis", { V_ENUM(vc_clock_basis) } }), .seed = 1),
    E("domain/clock[offset=timezone]", A({ "timezone", { V_STR, .sample = "Europe/Paris" } }),
      .seed = 2),
    /* 'reset', or seconds that make the clock variable */
    E("domain/clock[offset=utc|localtime]", A({ "adjustment", { V_STR, .sample = "reset" } }),
      .seed = 3),
    E("domain/clock/timer", A({ "name", { V_ENUM(vc_timer_name) } },
                              { "present", { YESNO } },
                              { "tickpolicy", { V_ENUM(vc_timer_tickpolicy) } },
                              { "track", { V_ENUM(vc_timer_track) } },
                              { "mode", { V_ENUM(vc_timer_mode) } },
                              { "frequency", { V_UINT(0, ULONG_MAX) } }), REP),
    E("domain/clock/timer/catchup", A({ "threshold", { V_UINT(0, ULONG_MAX) } },
                                      { "slew", { V_UINT(0, ULONG_MAX) } },
                                      { "limit", { V_UINT(0, ULONG_MAX) } })),
    /* rename-restart, preserve; the coredump actions only on a crash */
    E("domain/on_poweroff", TEXT(V_ENUM(vc_lifecycle), .refused = BIT(4) | BIT(5))),
    E("domain/on_reboot", TEXT(V_ENUM(vc_lifecycle), .refused = BIT(4) | BIT(5))),
    E("domain/on_crash", TEXT(V_ENUM(vc_lifecycle))),
    E("domain/on_lockfailure", TEXT(V_ENUM(vc_lockfailure))),
    E("domain/pm"),
    E("domain/pm/suspend-to-mem", A({ "enabled", { YESNO } })),
    E("domain/pm/suspend-to-disk", A({ "enabled", { YESNO } })),
    E("domain/devices"),
    E("domain/devices/emulator", TEXT(V_PATH)),

    /* disk_parse.c */
    E(D, A({ "type", { V_ENUM(vc_disk_type), .dflt = "file" } },
           { "device", { V_ENUM(vc_disk_device), .dflt = "disk" } },
           { "snapshot", { V_ENUM_ND(vc_disk_snapshot) } }), REP),
    E(D "[device=lun][type=block]", A({ "rawio", { YESNO } },
                                      { "sgio", { V_ENUM_ND(vc_disk_sgio) } })),
    E(D "/driver", A({ "name", { V_STR, .sample = "qemu" } },
                     { "type", { V_STR, .sample = "raw" } },
                     { "cache", { V_ENUM_ND(vc_disk_cache) } },
                     { "error_policy", { V_ENUM_ND(vc_disk_error_policy) } },
                     /* not enospace */
                     { "rerror_policy", { V_ENUM(vc_disk_error_policy),
                                          .refused = BIT(0) | BIT(4) } },
                     { "io", { V_ENUM_ND(vc_disk_io) } },
                     { "ioeventfd", { SWITCH_ND } },
                     { "event_idx", { SWITCH_ND } },
                     { "copy_on_read", { SWITCH_ND } })),
    E(D "/auth", A({ "username", { V_STR } })),
    E(D "/auth/secret", A({ "type", { V_ENUM(vc_disk_secret_type), .sample = "iscsi" } })),
    E(D "/auth/secret", A({ "uuid", { V_UUID } }), .seed = 1),
    E(D "/auth/secret", A({ "usage", { V_STR } }), .seed = 2),
    E(D "[type=file]/source", A({ "file", { V_PATH } })),
    E(D "[type=file][device=cdrom|floppy]/source",
      A({ "startupPolicy", { V_ENUM_ND(vc_disk_startup) } })),
    E(D "[type=block]/source", A({ "dev", { V_PATH } })),
    /* a label only where relabelling stays on */
    E(D "[type=file|block]/source/seclabel", A({ "model", { V_STR, .sample = "selinux" } },
                                               { "relabel", { YESNO, .sample = "yes" } }), REP),
    E(D "[type=file|block]/source/seclabel/label",
      TEXT(V_STR, .sample = "system_u:object_r:svirt_image_t:s0")),
    E(D "[type=dir]/source", A({ "dir", { V_PATH } })),
    E(D "[type=network]/source", A({ "protocol", { V_ENUM(vc_disk_protocol) } },
                                   { "name", { V_STR } })),
    /* a host by name and port, or a unix socket */
    E(D "[type=network]/source/host", A({ "transport", { V_ENUM(vc_disk_transport),
                                                         .dflt = "tcp" } }), REP),
    E(D "[type=network]/source/host[transport=tcp|rdma]",
      A({ "name", { V_STR, .sample = "example.org" } }, { "port", { V_STR, .sample = "6000" } })),
    E(D "[type=network]/source/host[transport=unix]", A({ "socket", { V_PATH } })),
    E(D "/mirror", A({ "file", { V_PATH } }, { "format", { V_STR, .sample = "raw" } },
                     { "ready", { V_STR, .sample = "yes" } })),
    E(D "/target", A({ "dev", { V_STR, .sample = "vda" } },
                     { "bus", { V_ENUM(vc_disk_bus), .sample = "virtio" } },
                     { "tray", { V_ENUM(vc_disk_tray) } })),
    E(D "/geometry", A({ "cyls", { V_UINT(0, U32) } }, { "heads", { V_UINT(0, U32) } },
                       { "secs", { V_UINT(0, U32) } },
                       { "trans", { V_ENUM(vc_disk_geom_trans) } })),
    E(D "/blockio", A({ "logical_block_size", { V_UINT(0, U32) } },
                      { "physical_block_size", { V_UINT(0, U32) } })),
    E(D "/iotune"),
    E(D "/iotune/total_bytes_sec", TEXT(V_UINT(0, ~0ull))),
    E(D "/iotune/read_bytes_sec", TEXT(V_UINT(0, ~0ull))),
    E(D "/iotune/write_bytes_sec", TEXT(V_UINT(0, ~0ull))),
    E(D "/iotune/total_iops_sec", TEXT(V_UINT(0, ~0ull))),
    E(D "/iotune/read_iops_sec", TEXT(V_UINT(0, ~0ull))),
    E(D "/iotune/write_iops_sec", TEXT(V_UINT(0, ~0ull))),
    E(D "/readonly"),
    E(D "/shareable"),
    E(D "/transient"),
    E(D "/serial", TEXT(V_STR)),
    E(D "/wwn", TEXT(.kind = VC_VOCAB_WWN)),
    E(D "/encryption", A({ "format", { V_ENUM(vc_encryption_format) } })),
    E(D "/encryption/secret", A({ "type", { V_ENUM(vc_passphrase) } },
                                { "uuid", { V_UUID } })),
    BOOT(D), INFO(D),

    /* controller.c */
    E("domain/devices/controller",
      A({ "type", { V_ENUM(vc_ctrl_type), .dflt = "ide" } },
        { "index", { V_UINT(0, VC_CONTROLLER_INDEX_MAX) } }), REP),
    E("domain/devices/controller[type=scsi]", A({ "model", { V_ENUM(vc_scsi_model) } })),
    E("domain/devices/controller[type=usb]", A({ "model", { V_ENUM(vc_usb_model) } })),
    E("domain/devices/controller[type=virtio-serial]",
      A({ "ports", { V_UINT(0, INT_MAX) } }, { "vectors", { V_UINT(0, INT_MAX) } })),
    INFO("domain/devices/controller"),

    /* devices.c: lease, filesystem */
    E("domain/devices/lease", REP),
    E("domain/devices/lease/lockspace", TEXT(V_STR)),
    E("domain/devices/lease/key", TEXT(V_STR)),
    E("domain/devices/lease/target", A({ "path", { V_PATH } },
                                       { "offset", { V_UINT(0, ~0ull) } })),
    E("domain/devices/filesystem",
      A({ "type", { V_ENUM(vc_fs_type), .dflt = "mount" } },
        { "accessmode", { V_ENUM(vc_fs_access) } }), REP),
    E("domain/devices/filesystem/driver", A({ "type", { V_ENUM(vc_fs_driver) } },
                                            { "wrpolicy", { V_ENUM(vc_fs_wrpolicy) } })),
    E("domain/devices/filesystem[type=mount]/source", A({ "dir", { V_PATH } })),
    E("domain/devices/filesystem[type=block]/source", A({ "dev", { V_PATH } })),
    E("domain/devices/filesystem[type=file]/source", A({ "file", { V_PATH } })),
    E("domain/devices/filesystem[type=template]/source", A({ "name", { V_STR } })),
    E("domain/devices/filesystem[type=bind]/source", A({ "dir", { V_PATH } })),
    E("domain/devices/filesystem[type=ram]/source",
      A({ "usage", { V_UINT(0, ~0ull / 1024), .sample = "1024" } },
        { "units", { V_ENUM(vc_memory_unit), .dflt = "KiB" } })),
    E("domain/devices/filesystem/target", A({ "dir", { V_PATH } })),
    E("domain/devices/filesystem/readonly"),
    E("domain/devices/filesystem/space_hard_limit",
      A({ "unit", { V_ENUM(vc_memory_unit), .dflt = "bytes" } }), TEXT(V_UINT(0, ~0ull))),
    E("domain/devices/filesystem/space_soft_limit",
      A({ "unit", { V_ENUM(vc_memory_unit), .dflt = "bytes" } }), TEXT(V_UINT(0, ~0ull))),
    INFO("domain/devices/filesystem"),

    /* net.c */
    E(NET, A({ "type", { V_ENUM(vc_net_type), .dflt = "user" } }), REP),
    E(NET "[type=hostdev]", A({ "managed", { YESNO } })),
    E(NET "/mac", A({ "address", { V_MAC } })),
    E(NET "/source"),
    E(NET "[type=network]/source", A({ "network", { V_STR, .sample = "default" } },
                                     { "portgroup", { V_STR } })),
    E(NET "[type=bridge]/source", A({ "bridge", { V_STR, .sample = "br0" } })),
    E(NET "[type=ethernet]/source", A({ "dev", { V_STR, .sample = "eth0" } })),
    E(NET "[type=direct]/source", A({ "dev", { V_STR, .sample = "eth0" } },
                                    { "mode", { V_ENUM(vc_net_direct_mode) } })),
    E(NET "[type=server|client|mcast]/source",
      A({ "address", { V_STR, .sample = "127.0.0.1" } }, { "port", { V_UINT(0, 65535) } })),
    E(NET "[type=internal]/source", A({ "name", { V_STR } })),
    E(NET "[type=hostdev]/source/address",
      A({ "type", { V_ENUM(vc_addr_type), .refused = ~BIT(VC_ADDR_PCI) } }, PCI_ATTRS)),
    E(NET "[type=ethernet|bridge]/ip", A({ "address", { V_STR, .sample = "192.168.0.2" } })),
    /* the types that connect directly need a complete virtualport;
     * a network's may leave any part to the network */
    E(NET "[type=network|bridge|direct|hostdev]/virtualport",
      A({ "type", { V_ENUM_ND(vc_vport_type) } })),
    E(NET "[type=network|bridge|direct|hostdev]/virtualport/parameters", A({ "managerid", { V_UINT(0, 255) } },
                                       { "typeid", { V_UINT(0, 0xFFFFFF) } },
                                       { "typeidversion", { V_UINT(0, 255) } },
                                       { "instanceid", { V_UUID } },
                                       { "interfaceid", { V_UUID } },
                                       { "profileid", { V_STR } })),
    E(NET "/script", A({ "path", { V_PATH } })),
    E(NET "/target", A({ "dev", { V_STR, .sample = "tap0" } })),
    E(NET "/model", A({ "type", { V_STR, .sample = "virtio" } })),
    /* read for virtio models only */
    E(NET "/driver", A({ "name", { V_ENUM_ND(vc_net_backend) } },
                       { "txmode", { V_ENUM_ND(vc_net_txmode) } },
                       { "ioeventfd", { SWITCH_ND } },
                       { "event_idx", { SWITCH_ND } })),
    E(NET "/filterref", A({ "filter", { V_STR } })),
    E(NET "/filterref/parameter", A({ "name", { V_STR, .sample = "IP" } },
                                    { "value", { V_STR } }), REP),
    E(NET "/tune"),
    E(NET "/tune/sndbuf", TEXT(V_UINT(0, ULONG_MAX))),
    E(NET "/link", A({ "state", { V_ENUM(vc_net_link) } })),
    E(NET "/bandwidth"),
#define RATE { "average", { V_UINT(0, ~0ull) } }, { "peak", { V_UINT(0, ~0ull) } }, \
             { "burst", { V_UINT(0, ~0ull) } }
    E(NET "/bandwidth/inbound", A(RATE)),
    E(NET "/bandwidth/outbound", A(RATE)),
#undef RATE
    E(NET "/vlan", A({ "trunk", { YESNO } })),
    E(NET "/vlan/tag", A({ "id", { V_UINT(0, 4095) } }), REP),
    BOOT(NET), ROM(NET), INFO(NET),

    /* devices.c: smartcard (its passthrough a character device) */
    E(SC, A({ "mode", { V_ENUM(vc_smartcard_mode) } }), REP),
    E(SC "[mode=host-certificates]/certificate", TEXT(V_STR), REP, .copies = 3),
    E(SC "[mode=host-certificates]/database", TEXT(V_PATH)),
    E(SC "[mode=passthrough]", A({ "type", { V_ENUM(vc_chr_type) } })),
    CHR_SOURCE(SC "[mode=passthrough]"),
    ALIAS_MASTER(SC),
    E(SC "/address", A({ "type", { V_ENUM(vc_addr_type), .refused = ~BIT(VC_ADDR_CCID) } })),
    E(SC "/address[type=ccid]", A(CONTROLLER, { "slot", { V_UINT(0, U32) } })),

    /* chr.c */
    CHR("domain/devices/serial"),
    E("domain/devices/serial/target", A({ "port", { V_UINT(0, VC_CHR_PORT_MAX) } })),
    INFO("domain/devices/serial"),
    CHR("domain/devices/parallel"),
    E("domain/devices/parallel/target", A({ "port", { V_UINT(0, VC_CHR_PORT_MAX) } })),
    INFO("domain/devices/parallel"),
    CHR("domain/devices/console"),
    E("domain/devices/console/target",
      A({ "type", { V_ENUM(vc_chr_console_target), .dflt = "serial" } },
        { "port", { V_UINT(0, VC_CHR_PORT_MAX) } })),
    INFO("domain/devices/console"),
    CHR("domain/devices/channel"),
    E("domain/devices/channel/target",
      A({ "type", { V_ENUM_ND(vc_chr_channel_target), .sample = "virtio" } })),
    E("domain/devices/channel/target[type=guestfwd]",
      A({ "address", { V_STR, .sample = "10.0.2.1" } }, { "port", { V_UINT(0, 65535) } }),
      .seed = 1),
    E("domain/devices/channel/target[type=virtio]",
      A({ "name", { V_STR, .sample = "org.qemu.guest_agent.0" } }), .seed = 2),
    INFO("domain/devices/channel"),

    /* devices.c: input; graphics.c */
    E("domain/devices/input", A({ "type", { V_ENUM(vc_input_type), .sample = "tablet" } },
                                { "bus", { V_ENUM(vc_input_bus), .sample = "usb" } }), REP),
    INFO("domain/devices/input"),
    E(G, A({ "type", { V_ENUM(vc_graphics_type) } }), REP),
    E(G "[type=sdl|desktop]", A({ "display", { V_STR, .sample = ":0" } },
                                { "xauth", { V_PATH } },
                                { "fullscreen", { YESNO } })),
    E(G "[type=vnc|rdp|spice]",
      A({ "port", { V_INT(-1, 65535) } },
        { "autoport", { YESNO } },
        { "listen", { V_STR, .sample = "127.0.0.1" } },
        { "keymap", { V_STR, .sample = "en-us" } },
        { "passwd", { V_STR } },
        { "passwdValidTo", { V_STR, .sample = "2010-04-09T15:51:00" } },
        { "connected", { V_ENUM(vc_graphics_connected) } })),
    E(G "[type=vnc]", A({ "socket", { V_PATH } },
                        { "sharePolicy", { V_ENUM(vc_vnc_share) } })),
    E(G "[type=rdp]", A({ "replaceUser", { YESNO } }, { "multiUser", { YESNO } })),
    E(G "[type=spice]", A({ "tlsPort", { V_INT(-1, 65535) } },
                          { "defaultMode", { V_ENUM(vc_spice_mode) } })),
    E(G "[type=vnc|rdp|spice]/listen", A({ "type", { V_ENUM(vc_listen_type) } },
                                         { "address", { V_STR, .sample = "127.0.0.1" } },
                                         { "network", { V_STR, .sample = "default" } }), REP),
    E(G "[type=spice]/channel", A({ "name", { V_ENUM(vc_spice_channel) } },
                                  { "mode", { V_ENUM(vc_spice_mode) } }), REP),
    E(G "[type=spice]/image", A({ "compression", { V_ENUM(vc_spice_image) } })),
    E(G "[type=spice]/jpeg", A({ "compression", { V_ENUM(vc_spice_wan) } })),
    E(G "[type=spice]/zlib", A({ "compression", { V_ENUM(vc_spice_wan) } })),
    E(G "[type=spice]/playback", A({ "compression", { V_ENUM(vc_switch) } })),
    E(G "[type=spice]/streaming", A({ "mode", { V_ENUM(vc_spice_streaming) } })),
    E(G "[type=spice]/clipboard", A({ "copypaste", { V_ENUM(vc_yesno) } })),
    E(G "[type=spice]/mouse", A({ "mode", { V_ENUM(vc_spice_mouse) } })),

    /* devices.c: sound, video, hostdev, redirdev, redirfilter, hub,
     * watchdog, memballoon */
    E("domain/devices/sound", A({ "model", { V_ENUM(vc_sound_model) } }), REP),
    E("domain/devices/sound[model=ich6]/codec", A({ "type", { V_ENUM(vc_sound_codec) } }),
      REP),
    INFO("domain/devices/sound"),
    E("domain/devices/video", REP),
    /* ram is for qxl only */
    E("domain/devices/video/model", A({ "type", { V_ENUM(vc_video_type), .sample = "qxl" } },
                                      { "ram", { V_UINT(0, U32) } },
                                      { "vram", { V_UINT(0, U32) } },
                                      { "heads", { V_UINT(0, U32) } },
                                      { "primary", { YESNO } })),
    /* kept, not built: anything but yes reads as no */
    E("domain/devices/video/model/acceleration", A({ "accel3d", { YESNO } },
                                                   { "accel2d", { YESNO } })),
    INFO("domain/devices/video"),
    E(HD, A({ "mode", { V_ENUM(vc_hostdev_mode) } },
            { "type", { V_ENUM(vc_hostdev_subsys) } },
            { "managed", { YESNO } }), REP),
    E(HD "/source"),
    E(HD "[type=usb]/source", A({ "startupPolicy", { V_ENUM_ND(vc_disk_startup) } })),
    E(HD "[type=pci]/source/address", A(PCI_ATTRS)),
    E(HD "[type=usb]/source/vendor", A({ "id", { V_XUINT(0, 0xFFFF, 0) } })),
    E(HD "[type=usb]/source/product", A({ "id", { V_XUINT(0, 0xFFFF, 0) } })),
    E(HD "[type=usb]/source/address", A({ "bus", { V_XUINT(0, 0xFFFF, 0) } },
                                        { "device", { V_XUINT(0, 0xFFFF, 0) } })),
    BOOT(HD), ROM(HD), INFO(HD),
    /* tcp or spicevmc */
    E(RD, A({ "bus", { V_ENUM(vc_usb_only) } },
            { "type", { V_ENUM(vc_chr_type),
                        .refused = ~(BIT(VC_CHR_TCP) | BIT(VC_CHR_SPICEVMC)) } }), REP),
    E(RD "/source", A({ "mode", { V_ENUM(vc_chr_source_mode), .sample = "connect" } }), REP),
    E(RD "[type=tcp]/source", A({ "host", { V_STR, .sample = "127.0.0.1" } },
                                { "service", { V_STR, .sample = "4000" } })),
    E(RD "[type=tcp]/protocol", A({ "type", { V_ENUM(vc_chr_tcp_protocol) } })),
    INFO(RD),
    E("domain/devices/redirfilter"),
    E("domain/devices/redirfilter/usbdev",
      A({ "class", { V_XUINT(0, 0xFF, 0), .flags = VC_VOCAB_MINUS_ONE } },
        { "vendor", { V_XUINT(0, 0xFFFF, 0), .flags = VC_VOCAB_MINUS_ONE } },
        { "product", { V_XUINT(0, 0xFFFF, 0), .flags = VC_VOCAB_MINUS_ONE } },
        { "version", { .kind = VC_VOCAB_USB_VERSION } },
        { "allow", { YESNO } }), REP),
    E("domain/devices/hub", A({ "type", { V_ENUM(vc_usb_only) } }), REP),
    INFO("domain/devices/hub"),
    E("domain/devices/watchdog", A({ "model", { V_ENUM(vc_watchdog_model) } },
                                   { "action", { V_ENUM(vc_watchdog_action) } })),
    INFO("domain/devices/watchdog"),
    E("domain/devices/memballoon", A({ "model", { V_ENUM(vc_balloon_model) } })),
    INFO("domain/devices/memballoon"),

    /* domain_parse.c: security label, qemu:commandline */
    E("domain/seclabel", A({ "type", { V_ENUM_ND(vc_seclabel_type), .dflt = "dynamic",
                                       .sample = "dynamic" } },
                           { "model", { V_STR, .sample = "selinux" } },
                           { "relabel", { YESNO, .sample = "yes" } }), REP),
    E("domain/seclabel[type=static]/label", TEXT(V_STR, .sample = "system_u:system_r:svirt_t:s0"),
      .seed = 1),
    /* live definitions only, relabel='yes' */
    E("domain/seclabel[type=static]/imagelabel", TEXT(V_STR), .seed = 1),
    E("domain/seclabel[type=dynamic]/imagelabel", TEXT(V_STR), .seed = 2),
    E("domain/seclabel[type=dynamic]/baselabel", TEXT(V_STR), .seed = 2),
    E("domain/qemu:commandline", REP),
    E("domain/qemu:commandline/qemu:arg", A({ "value", { V_STR, .sample = "-S" } }), REP),
    E("domain/qemu:commandline/qemu:env", A({ "name", { V_STR, .sample = "VC_ENV" } },
                                            { "value", { V_STR } }), REP),
};

const vc_vocab_elem *vc_domain_vocabulary(size_t *n)
{
    *n = sizeof(vocabulary) / sizeof(vocabulary[0]);
    return vocabulary;
}

unsigned vc_vocab_seed_count(void)
{
    unsigned max = 1;

    for (size_t i = 0; i < sizeof(vocabulary) / sizeof(vocabulary[0]); i++)
        if (vocabulary[i].seed > max)
            max = vocabulary[i].seed;
    return max;
}
