/* devices.h: the smaller device families: input, sound, video,
 * watchdog, memballoon, hostdev, smartcard, redirdev/redirfilter, hub,
 * filesystem and lease. */
#ifndef VC_CONF_DEVICES_H
#define VC_CONF_DEVICES_H

#include <stddef.h>

#include "conf/chr.h"
#include "conf/disk.h"

typedef enum { VC_INPUT_MOUSE, VC_INPUT_TABLET, VC_INPUT_LAST } vc_input_type;
VC_ENUM_DECL(vc_input_type);
typedef enum { VC_INPUT_BUS_PS2, VC_INPUT_BUS_USB, VC_INPUT_BUS_XEN,
               VC_INPUT_BUS_LAST } vc_input_bus;
VC_ENUM_DECL(vc_input_bus);

typedef struct vc_input_def {
    vc_input_type type;
    vc_input_bus bus;
    vc_device_info info;
} vc_input_def;

typedef enum { VC_SOUND_SB16, VC_SOUND_ES1370, VC_SOUND_PCSPK,
               VC_SOUND_AC97, VC_SOUND_ICH6, VC_SOUND_LAST } vc_sound_model;
VC_ENUM_DECL(vc_sound_model);
typedef enum { VC_SOUND_CODEC_DUPLEX, VC_SOUND_CODEC_MICRO,
               VC_SOUND_CODEC_LAST } vc_sound_codec;
VC_ENUM_DECL(vc_sound_codec);

typedef struct vc_sound_def {
    vc_sound_model model;
    vc_sound_codec *codecs;
    size_t ncodecs;
    vc_device_info info;
} vc_sound_def;

typedef enum { VC_VIDEO_VGA, VC_VIDEO_CIRRUS, VC_VIDEO_VMVGA, VC_VIDEO_XEN,
               VC_VIDEO_VBOX, VC_VIDEO_QXL, VC_VIDEO_LAST } vc_video_type;
VC_ENUM_DECL(vc_video_type);

/* KiB: libvirt's default for a qxl card's RAM, and for its VRAM */
#define VC_VIDEO_QXL_DEFAULT_RAM (64 * 1024)

typedef struct vc_video_def {
    vc_video_type type;
    unsigned ram;           /* KiB, qxl only; 0 = unset */
    unsigned vram;          /* KiB; 0 = unset */
    unsigned heads;         /* 0 = unset */
    bool primary;
    bool has_accel;
    vc_yesno accel3d, accel2d;
    vc_device_info info;
} vc_video_def;

typedef enum { VC_WATCHDOG_I6300ESB, VC_WATCHDOG_IB700,
               VC_WATCHDOG_LAST } vc_watchdog_model;
VC_ENUM_DECL(vc_watchdog_model);
typedef enum { VC_WATCHDOG_RESET, VC_WATCHDOG_SHUTDOWN, VC_WATCHDOG_POWEROFF,
               VC_WATCHDOG_PAUSE, VC_WATCHDOG_DUMP, VC_WATCHDOG_NONE,
               VC_WATCHDOG_ACTION_LAST } vc_watchdog_action;
VC_ENUM_DECL(vc_watchdog_action);

typedef struct vc_watchdog_def {
    vc_watchdog_model model;
    vc_watchdog_action action;
    vc_device_info info;
} vc_watchdog_def;

typedef enum { VC_BALLOON_VIRTIO, VC_BALLOON_XEN, VC_BALLOON_NONE,
               VC_BALLOON_LAST } vc_balloon_model;
VC_ENUM_DECL(vc_balloon_model);

typedef struct vc_memballoon_def {
    vc_balloon_model model;
    vc_device_info info;
} vc_memballoon_def;

typedef enum { VC_HOSTDEV_SUBSYS_USB, VC_HOSTDEV_SUBSYS_PCI,
               VC_HOSTDEV_SUBSYS_LAST } vc_hostdev_subsys;
VC_ENUM_DECL(vc_hostdev_subsys);

typedef struct vc_hostdev_def {
    vc_hostdev_subsys type;     /* mode='subsystem' only */
    bool managed;
    vc_disk_startup startup_policy;   /* usb: what a missing device does */
    /* usb source: vendor/product and/or address */
    bool has_vendor, has_product;
    unsigned vendor, product;
    bool has_usb_addr;
    unsigned usb_bus, usb_device;
    /* pci source */
    vc_pci_addr pci;
    vc_device_info info;        /* boot order, rom, alias, guest address */
} vc_hostdev_def;

typedef enum { VC_SMARTCARD_HOST, VC_SMARTCARD_HOST_CERTIFICATES,
               VC_SMARTCARD_PASSTHROUGH, VC_SMARTCARD_LAST } vc_smartcard_mode;
VC_ENUM_DECL(vc_smartcard_mode);

#define VC_SMARTCARD_NUM_CERTS 3
typedef struct vc_smartcard_def {
    vc_smartcard_mode mode;
    char *certs[VC_SMARTCARD_NUM_CERTS];   /* host-certificates */
    char *database;                        /* host-certificates */
    vc_chr_source passthru;                /* passthrough */
    vc_device_info info;
} vc_smartcard_def;

typedef struct vc_redirdev_def {
    /* bus is always usb */
    vc_chr_source source;       /* tcp or spicevmc */
    vc_device_info info;
} vc_redirdev_def;

typedef struct vc_redirfilter_usbdev {
    int usb_class;              /* -1 = any */
    int vendor;                 /* -1 = any */
    int product;                /* -1 = any */
    int version;                /* BCD, -1 = any */
    bool allow;
} vc_redirfilter_usbdev;

typedef struct vc_redirfilter_def {
    vc_redirfilter_usbdev *usbdevs;
    size_t nusbdevs;
} vc_redirfilter_def;

typedef struct vc_hub_def {
    /* type is always usb */
    vc_device_info info;
} vc_hub_def;

typedef enum { VC_FS_TYPE_MOUNT, VC_FS_TYPE_BLOCK, VC_FS_TYPE_FILE,
               VC_FS_TYPE_TEMPLATE, VC_FS_TYPE_RAM, VC_FS_TYPE_BIND,
               VC_FS_TYPE_LAST } vc_fs_type;
VC_ENUM_DECL(vc_fs_type);
typedef enum { VC_FS_DRIVER_DEFAULT, VC_FS_DRIVER_PATH, VC_FS_DRIVER_HANDLE,
               VC_FS_DRIVER_LAST } vc_fs_driver;
VC_ENUM_DECL(vc_fs_driver);
typedef enum { VC_FS_ACCESS_PASSTHROUGH, VC_FS_ACCESS_MAPPED,
               VC_FS_ACCESS_SQUASH, VC_FS_ACCESS_LAST } vc_fs_access;
VC_ENUM_DECL(vc_fs_access);
typedef enum { VC_FS_WRPOLICY_DEFAULT, VC_FS_WRPOLICY_IMMEDIATE,
               VC_FS_WRPOLICY_LAST } vc_fs_wrpolicy;
VC_ENUM_DECL(vc_fs_wrpolicy);

typedef struct vc_fs_def {
    vc_fs_type type;
    vc_fs_driver driver;
    vc_fs_access access;
    vc_fs_wrpolicy wrpolicy;
    char *src;
    unsigned long long usage;   /* type='ram': bytes */
    char *dst;
    bool readonly;
    unsigned long long space_hard_limit, space_soft_limit;   /* bytes, 0 unset */
    vc_device_info info;
} vc_fs_def;

typedef struct vc_lease_def {
    char *lockspace;
    char *key;
    char *path;
    unsigned long long offset;
    bool has_offset;
} vc_lease_def;

void vc_input_def_free(vc_input_def *d);
void vc_sound_def_free(vc_sound_def *d);
void vc_video_def_free(vc_video_def *d);
void vc_watchdog_def_free(vc_watchdog_def *d);
void vc_memballoon_def_free(vc_memballoon_def *d);
void vc_hostdev_def_free(vc_hostdev_def *d);
void vc_smartcard_def_free(vc_smartcard_def *d);
void vc_redirdev_def_free(vc_redirdev_def *d);
void vc_redirfilter_def_free(vc_redirfilter_def *d);
void vc_hub_def_free(vc_hub_def *d);
void vc_fs_def_free(vc_fs_def *d);
void vc_lease_def_free(vc_lease_def *d);

#endif
