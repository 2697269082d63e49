/* caps_table.h: every capability flag, in one table.
 *
 * VC_CAP(ENUM, "name"): the first block is libvirt's canonical list in
 * its order (the index is the position); the names are what the CLI
 * prints and what --caps accepts.  Flags the project adds for later
 * QEMU features come after it, with what they mean and how they are
 * detected.  How each flag is detected lives in caps_help.c (help text)
 * and caps_device.c (device listings).
 *
 * Include this file with VC_CAP defined; it is included more than once.
 */

/* --- canonical (libvirt 0.10.2 order, RHEL tail included) --- */
VC_CAP(KQEMU                       , "kqemu")
VC_CAP(VNC_COLON                   , "vnc-colon")
VC_CAP(NO_REBOOT                   , "no-reboot")
VC_CAP(DRIVE                       , "drive")
VC_CAP(DRIVE_BOOT                  , "drive-boot")
VC_CAP(NAME                        , "name")
VC_CAP(UUID                        , "uuid")
VC_CAP(DOMID                       , "domid")
VC_CAP(VNET_HDR                    , "vnet-hdr")
VC_CAP(MIGRATE_KVM_STDIO           , "migrate-kvm-stdio")
VC_CAP(MIGRATE_QEMU_TCP            , "migrate-qemu-tcp")
VC_CAP(MIGRATE_QEMU_EXEC           , "migrate-qemu-exec")
VC_CAP(DRIVE_CACHE_V2              , "drive-cache-v2")
VC_CAP(KVM                         , "kvm")
VC_CAP(DRIVE_FORMAT                , "drive-format")
VC_CAP(VGA                         , "vga")
VC_CAP(QEMU_0_10                   , "0.10")
VC_CAP(PCI_DEVICE                  , "pci-device")
VC_CAP(MEM_PATH                    , "mem-path")
VC_CAP(DRIVE_SERIAL                , "drive-serial")
VC_CAP(XEN_DOMID                   , "xen-domid")
VC_CAP(MIGRATE_QEMU_UNIX           , "migrate-qemu-unix")
VC_CAP(CHARDEV                     , "chardev")
VC_CAP(ENABLE_KVM                  , "enable-kvm")
VC_CAP(MONITOR_JSON                , "monitor-json")
VC_CAP(BALLOON                     , "balloon")
VC_CAP(DEVICE                      , "device")
VC_CAP(SDL                         , "sdl")
VC_CAP(SMP_TOPOLOGY                , "smp-topology")
VC_CAP(NETDEV                      , "netdev")
VC_CAP(RTC                         , "rtc")
VC_CAP(VHOST_NET                   , "vhost-net")
VC_CAP(RTC_TD_HACK                 , "rtc-td-hack")
VC_CAP(NO_HPET                     , "no-hpet")
VC_CAP(NO_KVM_PIT                  , "no-kvm-pit")
VC_CAP(TDF                         , "tdf")
VC_CAP(PCI_CONFIGFD                , "pci-configfd")
VC_CAP(NODEFCONFIG                 , "nodefconfig")
VC_CAP(BOOT_MENU                   , "boot-menu")
VC_CAP(ENABLE_KQEMU                , "enable-kqemu")
VC_CAP(FSDEV                       , "fsdev")
VC_CAP(NESTING                     , "nesting")
VC_CAP(NAME_PROCESS                , "name-process")
VC_CAP(DRIVE_READONLY              , "drive-readonly")
VC_CAP(SMBIOS_TYPE                 , "smbios-type")
VC_CAP(VGA_QXL                     , "vga-qxl")
VC_CAP(SPICE                       , "spice")
VC_CAP(VGA_NONE                    , "vga-none")
VC_CAP(MIGRATE_QEMU_FD             , "migrate-qemu-fd")
VC_CAP(BOOT_INDEX                  , "boot-index")
VC_CAP(HDA_DUPLEX                  , "hda-duplex")
VC_CAP(DRIVE_AIO                   , "drive-aio")
VC_CAP(PCI_MULTIBUS                , "pci-multibus")
VC_CAP(PCI_BOOTINDEX               , "pci-bootindex")
VC_CAP(CCID_EMULATED               , "ccid-emulated")
VC_CAP(CCID_PASSTHRU               , "ccid-passthru")
VC_CAP(CHARDEV_SPICEVMC            , "chardev-spicevmc")
VC_CAP(DEVICE_SPICEVMC             , "device-spicevmc")
VC_CAP(VIRTIO_TX_ALG               , "virtio-tx-alg")
VC_CAP(DEVICE_QXL_VGA              , "device-qxl-vga")
VC_CAP(PCI_MULTIFUNCTION           , "pci-multifunction")
VC_CAP(VIRTIO_BLK_PCI_IOEVENTFD    , "virtio-blk-pci.ioeventfd")
VC_CAP(SGA                         , "sga")
VC_CAP(VIRTIO_BLK_PCI_EVENT_IDX    , "virtio-blk-pci.event_idx")
VC_CAP(VIRTIO_NET_PCI_EVENT_IDX    , "virtio-net-pci.event_idx")
VC_CAP(CACHE_DIRECTSYNC            , "cache-directsync")
VC_CAP(PIIX3_USB_UHCI              , "piix3-usb-uhci")
VC_CAP(PIIX4_USB_UHCI              , "piix4-usb-uhci")
VC_CAP(USB_EHCI                    , "usb-ehci")
VC_CAP(ICH9_USB_EHCI1              , "ich9-usb-ehci1")
VC_CAP(VT82C686B_USB_UHCI          , "vt82c686b-usb-uhci")
VC_CAP(PCI_OHCI                    , "pci-ohci")
VC_CAP(USB_REDIR                   , "usb-redir")
VC_CAP(USB_HUB                     , "usb-hub")
VC_CAP(NO_SHUTDOWN                 , "no-shutdown")
VC_CAP(CACHE_UNSAFE                , "cache-unsafe")
VC_CAP(ROMBAR                      , "rombar")
VC_CAP(ICH9_AHCI                   , "ich9-ahci")
VC_CAP(NO_ACPI                     , "no-acpi")
VC_CAP(FSDEV_READONLY              , "fsdev-readonly")
VC_CAP(VIRTIO_BLK_PCI_SCSI         , "virtio-blk-pci.scsi")
VC_CAP(BLK_SG_IO                   , "blk-sg-io")
VC_CAP(DRIVE_COPY_ON_READ          , "drive-copy-on-read")
VC_CAP(CPU_HOST                    , "cpu-host")
VC_CAP(FSDEV_WRITEOUT              , "fsdev-writeout")
VC_CAP(DRIVE_IOTUNE                , "drive-iotune")
VC_CAP(SYSTEM_WAKEUP               , "system_wakeup")
VC_CAP(SCSI_DISK_CHANNEL           , "scsi-disk.channel")
VC_CAP(SCSI_BLOCK                  , "scsi-block")
VC_CAP(TRANSACTION                 , "transaction")
VC_CAP(BLOCK_JOB_SYNC              , "block-job-sync")
VC_CAP(BLOCK_JOB_ASYNC             , "block-job-async")
VC_CAP(SCSI_CD                     , "scsi-cd")
VC_CAP(IDE_CD                      , "ide-cd")
VC_CAP(NO_USER_CONFIG              , "no-user-config")
VC_CAP(HDA_MICRO                   , "hda-micro")
VC_CAP(DUMP_GUEST_MEMORY           , "dump-guest-memory")
VC_CAP(NEC_USB_XHCI                , "nec-usb-xhci")
VC_CAP(VIRTIO_S390                 , "virtio-s390")
VC_CAP(BALLOON_EVENT               , "balloon-event")
VC_CAP(BRIDGE                      , "bridge")
VC_CAP(LSI                         , "lsi")
VC_CAP(VIRTIO_SCSI_PCI             , "virtio-scsi-pci")
VC_CAP(BLOCKIO                     , "blockio")
VC_CAP(DISABLE_S3                  , "disable-s3")
VC_CAP(DISABLE_S4                  , "disable-s4")
VC_CAP(USB_REDIR_FILTER            , "usb-redir.filter")
VC_CAP(IDE_DRIVE_WWN               , "ide-drive.wwn")
VC_CAP(SCSI_DISK_WWN               , "scsi-disk.wwn")
VC_CAP(SECCOMP_SANDBOX             , "seccomp-sandbox")
VC_CAP(REBOOT_TIMEOUT              , "reboot-timeout")
VC_CAP(DUMP_GUEST_CORE             , "dump-guest-core")
VC_CAP(SEAMLESS_MIGRATION          , "seamless-migration")
VC_CAP(BLOCK_COMMIT                , "block-commit")
VC_CAP(DISABLE_KSM                 , "disable-ksm")
VC_CAP(VIRTIO_NET_MACVTAP_COMPAT   , "virtio-net-pci.__com_redhat_macvtap_compat")
VC_CAP(DRIVE_MIRROR                , "drive-mirror")
VC_CAP(DRIVE_REOPEN                , "drive-reopen")
VC_CAP(BLOCKDEV_SNAPSHOT_SYNC      , "blockdev-snapshot-sync")
VC_CAP(QXL                         , "qxl")
VC_CAP(VGA_DEVICE                  , "VGA")
VC_CAP(CIRRUS_VGA                  , "cirrus-vga")
VC_CAP(VMWARE_SVGA                 , "vmware-svga")
VC_CAP(DEVICE_VIDEO_PRIMARY        , "device-video-primary")
VC_CAP(IPV6_MIGRATION              , "ipv6-migration")
VC_CAP(VNC_SHARE_POLICY            , "vnc-share-policy")
VC_CAP(MLOCK                       , "mlock")

/* --- project additions (after VC_CAP_FIRST_PROJECT) --- */
/* -display TYPE: the modern way to pick sdl/vnc/none (QEMU >= 1.0,
 * where -sdl is later removed). Detected from "-display" in help. */
VC_CAP(DISPLAY                     , "display")
/* -overcommit mem-lock=on|off: replaces -realtime mlock=on|off (QEMU
 * 3.1+). Detected from "-overcommit" with "mem-lock" in help. */
VC_CAP(OVERCOMMIT_MEM_LOCK         , "overcommit-mem-lock")
/* Short-form booleans (server, nowait, password) are written key=on /
 * wait=off: QEMU 6.0 deprecated the short forms.  Detected from
 * "server=on|off" in the -chardev help. */
VC_CAP(BOOL_ON_OFF                 , "opts-bool-on-off")
/* -numa node,memdev=ID with -object memory-backend-ram: current machine
 * types refuse -numa node,mem=.  Detected from "memdev=" in -numa's help. */
VC_CAP(NUMA_MEMDEV                 , "numa-memdev")
/* -audiodev with -device for sound cards: -soundhw is gone (QEMU 7.1).
 * Detected from "-audiodev" in help. */
VC_CAP(AUDIODEV                    , "audiodev")
/* The PC speaker plays into an audiodev by -machine pcspk-audiodev=ID:
 * a QEMU with -audiodev and without -soundhw (7.1+), where the speaker
 * is created with the machine, before any -global could reach it. */
VC_CAP(MACHINE_PCSPK_AUDIODEV      , "machine-pcspk-audiodev")
/* -device floppy,unit=N,drive=ID: the isa-fdc driveA/driveB properties
 * are gone (QEMU 6.0).  Detected from a device named "floppy". */
VC_CAP(DEVICE_FLOPPY               , "device-floppy")
/* Disk geometry (cyls/heads/secs, bios-chs-trans) as properties of the
 * disk device, not -drive.  Detected from the property ide-hd.cyls. */
VC_CAP(DEVICE_GEOMETRY             , "device-geometry")
/* The recording holds a device listing with at least one device name:
 * a device the builder needs and the listing lacks is then refused. */
VC_CAP(DEVICE_LISTING              , "device-listing")
/* The device pci-assign is listed (old KVM host PCI assignment). */
VC_CAP(PCI_ASSIGN                  , "pci-assign")
/* The device vfio-pci is listed (host PCI assignment since QEMU 1.4). */
VC_CAP(VFIO_PCI                    , "vfio-pci")
/* -chardev serial / parallel: the names QEMU 7.2 keeps, where tty and
 * parport are deprecated aliases.  Detected from "-chardev serial,"
 * in the help. */
VC_CAP(CHARDEV_SERIAL_PARALLEL     , "chardev-serial-parallel")
/* The -fsdev help names its drivers one a line ("-fsdev local,..."),
 * so a driver it leaves out is gone (handle, QEMU 6.0). */
VC_CAP(FSDEV_DRIVERS               , "fsdev-drivers")
/* ... and the handle driver is one of them. */
VC_CAP(FSDEV_HANDLE                , "fsdev-handle")
/* ccid-card-emulated takes its NSS database as db= (libvirt 0.10.2
 * wrote database=, which no QEMU has).  Detected from the property
 * ccid-card-emulated.db. */
VC_CAP(CCID_EMULATED_DB            , "ccid-emulated-db")
/* wwn= is written 0x-prefixed: ide-hd and scsi-hd read it as an
 * integer in QEMU 7.2 (the hex64 type of earlier ones took the prefix
 * too).  Detected from the properties ide-hd.wwn or scsi-hd.wwn. */
VC_CAP(WWN_0X                      , "wwn-0x")
/* virtio devices are virtio 1.0 unless disable-modern=on, and
 * virtio-blk's SCSI passthrough (scsi=on, for device='lun') exists only
 * in legacy mode.  Detected from the property
 * virtio-blk-pci.disable-modern. */
VC_CAP(VIRTIO_MODERN               , "virtio-modern")
/* The recording lists its machine types (`-machine help`, a "Supported
 * machines are:" section of NAME.device); the names are in
 * vc_caps.machines, and a machine type not among them is refused. */
VC_CAP(MACHINE_LISTING             , "machine-listing")
/* -netdev user,guestfwd=tcp:ADDR:PORT-chardev:ID: the rule names its
 * -chardev itself; libvirt 0.10.2 wrote ",chardev=ID" beside it, which
 * -netdev user does not take.  Detected with -netdev and -chardev. */
VC_CAP(GUESTFWD_CHARDEV            , "guestfwd-chardev")
/* -numa node takes cpus= more than once, one range each, so a node's
 * CPUs need not be one range (QEMU 2.1 read -numa into a list; the help
 * does not say so: a version rule). */
VC_CAP(NUMA_CPUS_REPEAT            , "numa-cpus-repeat")
/* The disk devices take the disk's serial (serial=), where -drive no
 * longer does (3.0).  Detected from the property ide-hd.serial. */
VC_CAP(DEVICE_SERIAL               , "device-serial")
/* The sheepdog block driver is gone (QEMU 6.0 removed it): a version
 * rule, as the help does not list block drivers. */
VC_CAP(SHEEPDOG_GONE               , "sheepdog-gone")
/* -display sdl: the SDL window chosen by name, where there is no -sdl
 * (QEMU 7.2 has none; without either, QEMU picks its own default
 * display).  Detected from "-display sdl" in the help. */
VC_CAP(DISPLAY_SDL                 , "display-sdl")
