/* device_families.h: every device family of <devices>, in one table.
 *
 * The rows make the domain model's arrays (vc_domain_def), the shared
 * kind enum (vc_device_kind), the parser's element dispatch, the
 * canonical format order (the row order: libvirt's virDomainDefFormat),
 * freeing and the walk over device addresses.  The builder switches on
 * the kind (with -Wswitch-enum) for aliases, PCI slots and build order,
 * so a new family is one row here plus its own files, and forgetting
 * one of its cases there does not compile.
 *
 * VC_DEVICE_FAMILY(KIND, ELEMENT, TYPE, ARRAY, LIMIT, PASS, INFO,
 *                  PARSE, ADD, FORMAT, FORMAT_ALL, FREE)
 *   KIND       VC_DEV_<KIND>
 *   ELEMENT    its element under <devices>
 *   TYPE       the model type; the domain holds TYPE **ARRAY, size_t nARRAY
 *   LIMIT      the error when a domain has a second one, or NULL
 *   PASS       1; 2 when read after every other family (the console
 *              compat rule looks at the serial ports)
 *   INFO       VC_HAS_INFO when TYPE has a vc_device_info `info`, else
 *              VC_NO_INFO
 *   PARSE      TYPE *(vc_parse_ctx *, const xmlNode *)
 *   ADD        int (vc_parse_ctx *, vc_domain_def *, TYPE *), or NULL to
 *              append
 *   FORMAT     void (vc_buf *, const TYPE *)
 *   FORMAT_ALL void (vc_buf *, const vc_domain_def *) for a family that
 *              formats as a whole, or NULL (FORMAT for each)
 *   FREE       void (TYPE *)
 *
 * Include with VC_DEVICE_FAMILY defined; it is included more than once.
 */
VC_DEVICE_FAMILY(DISK, "disk", vc_disk_def, disks, NULL, 1, VC_HAS_INFO,
                 vc_disk_parse, NULL, vc_disk_format, NULL, vc_disk_def_free)
VC_DEVICE_FAMILY(CONTROLLER, "controller", vc_controller_def, controllers, NULL, 1,
                 VC_HAS_INFO, vc_controller_parse, vc_controller_add,
                 vc_controller_format, NULL, vc_controller_def_free)
VC_DEVICE_FAMILY(LEASE, "lease", vc_lease_def, leases, NULL, 1, VC_NO_INFO,
                 vc_lease_parse, NULL, vc_lease_format, NULL, vc_lease_def_free)
VC_DEVICE_FAMILY(FS, "filesystem", vc_fs_def, fss, NULL, 1, VC_HAS_INFO,
                 vc_fs_parse, NULL, vc_fs_format, NULL, vc_fs_def_free)
VC_DEVICE_FAMILY(NET, "interface", vc_net_def, nets, NULL, 1, VC_HAS_INFO,
                 vc_net_parse, NULL, vc_net_format, NULL, vc_net_def_free)
VC_DEVICE_FAMILY(SMARTCARD, "smartcard", vc_smartcard_def, smartcards, NULL, 1,
                 VC_HAS_INFO, vc_smartcard_parse, NULL, vc_smartcard_format, NULL,
                 vc_smartcard_def_free)
VC_DEVICE_FAMILY(SERIAL, "serial", vc_chr_def, serials, NULL, 1, VC_HAS_INFO,
                 vc_serial_parse, NULL, vc_chr_format, NULL, vc_chr_def_free)
VC_DEVICE_FAMILY(PARALLEL, "parallel", vc_chr_def, parallels, NULL, 1, VC_HAS_INFO,
                 vc_parallel_parse, NULL, vc_chr_format, NULL, vc_chr_def_free)
VC_DEVICE_FAMILY(CONSOLE, "console", vc_chr_def, consoles, NULL, 2, VC_HAS_INFO,
                 vc_console_parse, vc_console_add, vc_chr_format, vc_consoles_format,
                 vc_chr_def_free)
VC_DEVICE_FAMILY(CHANNEL, "channel", vc_chr_def, channels, NULL, 1, VC_HAS_INFO,
                 vc_channel_parse, vc_channel_add, vc_chr_format, NULL, vc_chr_def_free)
VC_DEVICE_FAMILY(INPUT, "input", vc_input_def, inputs, NULL, 1, VC_HAS_INFO,
                 vc_input_parse, NULL, vc_input_format, vc_inputs_format,
                 vc_input_def_free)
VC_DEVICE_FAMILY(GRAPHICS, "graphics", vc_graphics_def, graphics, NULL, 1, VC_NO_INFO,
                 vc_graphics_parse, NULL, vc_graphics_format, vc_graphics_all_format,
                 vc_graphics_def_free)
VC_DEVICE_FAMILY(SOUND, "sound", vc_sound_def, sounds, NULL, 1, VC_HAS_INFO,
                 vc_sound_parse, NULL, vc_sound_format, NULL, vc_sound_def_free)
VC_DEVICE_FAMILY(VIDEO, "video", vc_video_def, videos, NULL, 1, VC_HAS_INFO,
                 vc_video_parse, NULL, vc_video_format, NULL, vc_video_def_free)
VC_DEVICE_FAMILY(HOSTDEV, "hostdev", vc_hostdev_def, hostdevs, NULL, 1, VC_HAS_INFO,
                 vc_hostdev_parse, NULL, vc_hostdev_format, NULL, vc_hostdev_def_free)
VC_DEVICE_FAMILY(REDIRDEV, "redirdev", vc_redirdev_def, redirdevs, NULL, 1, VC_HAS_INFO,
                 vc_redirdev_parse, NULL, vc_redirdev_format, NULL, vc_redirdev_def_free)
VC_DEVICE_FAMILY(REDIRFILTER, "redirfilter", vc_redirfilter_def, redirfilters,
                 "only one redirfilter is supported", 1, VC_NO_INFO,
                 vc_redirfilter_parse, NULL, vc_redirfilter_format, NULL,
                 vc_redirfilter_def_free)
VC_DEVICE_FAMILY(HUB, "hub", vc_hub_def, hubs, NULL, 1, VC_HAS_INFO,
                 vc_hub_parse, NULL, vc_hub_format, NULL, vc_hub_def_free)
VC_DEVICE_FAMILY(WATCHDOG, "watchdog", vc_watchdog_def, watchdogs,
                 "only a single watchdog device is supported", 1, VC_HAS_INFO,
                 vc_watchdog_parse, NULL, vc_watchdog_format, NULL, vc_watchdog_def_free)
VC_DEVICE_FAMILY(MEMBALLOON, "memballoon", vc_memballoon_def, memballoons,
                 "only a single memory balloon device is supported", 1, VC_HAS_INFO,
                 vc_memballoon_parse, NULL, vc_memballoon_format, NULL,
                 vc_memballoon_def_free)
