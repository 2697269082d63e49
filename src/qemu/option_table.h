/* option_table.h: every QEMU option the builder writes, and how QEMU
 * reads its value.  The builder reaches the command line only through
 * these rows (build_option.c), so a value is quoted by the one
 * serializer (util/props.c) or, in the LITERAL rows, taken whole by
 * QEMU for the reason given.
 *
 * VC_QOPT(ENUM, "-option", SYNTAX, implied first key or NULL, why)
 * Include with VC_QOPT defined; it is included more than once.
 */

/* --- switches: no value --- */
VC_QOPT(S,              "-S",               NONE, NULL, "")
VC_QOPT(NO_KQEMU,       "-no-kqemu",        NONE, NULL, "")
VC_QOPT(ENABLE_KQEMU,   "-enable-kqemu",    NONE, NULL, "")
VC_QOPT(KERNEL_KQEMU,   "-kernel-kqemu",    NONE, NULL, "")
VC_QOPT(NO_KVM,         "-no-kvm",          NONE, NULL, "")
VC_QOPT(ENABLE_KVM,     "-enable-kvm",      NONE, NULL, "")
VC_QOPT(MEM_PREALLOC,   "-mem-prealloc",    NONE, NULL, "")
VC_QOPT(DISABLE_KSM,    "-redhat-disable-KSM", NONE, NULL, "")
VC_QOPT(XEN_ATTACH,     "-xen-attach",      NONE, NULL, "")
VC_QOPT(NOGRAPHIC,      "-nographic",       NONE, NULL, "")
VC_QOPT(NO_USER_CONFIG, "-no-user-config",  NONE, NULL, "")
VC_QOPT(NODEFCONFIG,    "-nodefconfig",     NONE, NULL, "")
VC_QOPT(NODEFAULTS,     "-nodefaults",      NONE, NULL, "")
VC_QOPT(LOCALTIME,      "-localtime",       NONE, NULL, "")
VC_QOPT(RTC_TD_HACK,    "-rtc-td-hack",     NONE, NULL, "")
VC_QOPT(NO_KVM_PIT,     "-no-kvm-pit-reinjection", NONE, NULL, "")
VC_QOPT(TDF,            "-tdf",             NONE, NULL, "")
VC_QOPT(NO_HPET,        "-no-hpet",         NONE, NULL, "")
VC_QOPT(NO_REBOOT,      "-no-reboot",       NONE, NULL, "")
VC_QOPT(NO_SHUTDOWN,    "-no-shutdown",     NONE, NULL, "")
VC_QOPT(NO_ACPI,        "-no-acpi",         NONE, NULL, "")
VC_QOPT(USB,            "-usb",             NONE, NULL, "")
VC_QOPT(SDL,            "-sdl",             NONE, NULL, "")
VC_QOPT(FULL_SCREEN,    "-full-screen",     NONE, NULL, "")
VC_QOPT(STD_VGA,        "-std-vga",         NONE, NULL, "")
VC_QOPT(VMWAREVGA,      "-vmwarevga",       NONE, NULL, "")

/* --- QemuOpts: key=value lists, ',' in a value doubled --- */
VC_QOPT(NAME,           "-name",            OPTS, "guest", "")
VC_QOPT(M,              "-M",               OPTS, "type", "")
VC_QOPT(MACHINE,        "-machine",         OPTS, "type", "")
VC_QOPT(MEMORY,         "-m",               OPTS, "size", "")
VC_QOPT(REALTIME,       "-realtime",        OPTS, NULL, "")
VC_QOPT(OVERCOMMIT,     "-overcommit",      OPTS, NULL, "")
VC_QOPT(SMP,            "-smp",             OPTS, "cpus", "")
VC_QOPT(NUMA,           "-numa",            OPTS, "type", "")
VC_QOPT(SMBIOS,         "-smbios",          OPTS, NULL, "")
VC_QOPT(CHARDEV,        "-chardev",         OPTS, "backend", "")
VC_QOPT(MON,            "-mon",             OPTS, "chardev", "")
VC_QOPT(RTC,            "-rtc",             OPTS, NULL, "")
VC_QOPT(BOOT,           "-boot",            OPTS, "order", "")
VC_QOPT(DRIVE,          "-drive",           OPTS, NULL, "")
VC_QOPT(DEVICE,         "-device",          OPTS, "driver", "")
VC_QOPT(FSDEV,          "-fsdev",           OPTS, "fsdriver", "")
VC_QOPT(NETDEV,         "-netdev",          OPTS, "type", "")
VC_QOPT(NET,            "-net",             OPTS, "type", "")
VC_QOPT(VNC,            "-vnc",             OPTS, "vnc", "")
VC_QOPT(SPICE,          "-spice",           OPTS, NULL, "")
VC_QOPT(OBJECT,         "-object",          OPTS, "qom-type", "")
VC_QOPT(AUDIODEV,       "-audiodev",        OPTS, "driver", "")
VC_QOPT(DISPLAY,        "-display",         OPTS, "type", "")

/* --- lists QEMU splits at every ',', with no quoting --- */
VC_QOPT(CPU,            "-cpu",             LIST, NULL, "")
VC_QOPT(SOUNDHW,        "-soundhw",         LIST, NULL, "")

/* --- DRIVER.PROP=VALUE --- */
VC_QOPT(GLOBAL,         "-global",          GLOBAL, NULL, "")

/* --- character devices in the spec of QEMUs before -chardev --- */
VC_QOPT(MONITOR,        "-monitor",         CHR_COMPAT, NULL, "")
VC_QOPT(SERIAL,         "-serial",          CHR_COMPAT, NULL, "")
VC_QOPT(PARALLEL,       "-parallel",        CHR_COMPAT, NULL, "")

/* --- values QEMU takes whole --- */
VC_QOPT(BIOS,           "-bios",            LITERAL, NULL, "a file name")
VC_QOPT(MEM_PATH,       "-mem-path",        LITERAL, NULL, "a directory name")
VC_QOPT(KERNEL,         "-kernel",          LITERAL, NULL, "a file name")
VC_QOPT(INITRD,         "-initrd",          LITERAL, NULL, "a file name")
VC_QOPT(APPEND,         "-append",          LITERAL, NULL, "the guest kernel's command line, passed on as it is")
VC_QOPT(BOOTLOADER,     "-bootloader",      LITERAL, NULL, "a program name")
VC_QOPT(UUID,           "-uuid",            LITERAL, NULL, "a UUID the builder formats")
VC_QOPT(DOMID,          "-domid",           LITERAL, NULL, "a number")
VC_QOPT(XEN_DOMID,      "-xen-domid",       LITERAL, NULL, "a number")
VC_QOPT(INCOMING,       "-incoming",        LITERAL, NULL, "a migration URI, parsed by the migration code")
VC_QOPT(HDA,            "-hda",             LITERAL, NULL, "a file name")
VC_QOPT(HDB,            "-hdb",             LITERAL, NULL, "a file name")
VC_QOPT(HDC,            "-hdc",             LITERAL, NULL, "a file name")
VC_QOPT(HDD,            "-hdd",             LITERAL, NULL, "a file name")
VC_QOPT(FDA,            "-fda",             LITERAL, NULL, "a file name")
VC_QOPT(FDB,            "-fdb",             LITERAL, NULL, "a file name")
VC_QOPT(CDROM,          "-cdrom",           LITERAL, NULL, "a file name")
VC_QOPT(USBDEVICE,      "-usbdevice",       LITERAL, NULL, "KIND[:ARG]; the builder refuses a disk path holding ':'")
VC_QOPT(PCIDEVICE,      "-pcidevice",       LITERAL, NULL, "host=BUS:SLOT.FN, numbers the builder formats")
VC_QOPT(KEYMAP,         "-k",               LITERAL, NULL, "a keymap name")
VC_QOPT(VGA,            "-vga",             LITERAL, NULL, "a display type name")
VC_QOPT(WATCHDOG,       "-watchdog",        LITERAL, NULL, "a model name")
VC_QOPT(WATCHDOG_ACTION, "-watchdog-action", LITERAL, NULL, "an action name")
VC_QOPT(BALLOON,        "-balloon",         LITERAL, NULL, "a model name")
