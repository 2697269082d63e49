/* disk.h: <disk> devices. */
#ifndef VC_CONF_DISK_H
#define VC_CONF_DISK_H

#include <stddef.h>

#include "conf/device_info.h"

typedef enum { VC_DISK_TYPE_BLOCK, VC_DISK_TYPE_FILE, VC_DISK_TYPE_DIR,
               VC_DISK_TYPE_NETWORK, VC_DISK_TYPE_LAST } vc_disk_type;
VC_ENUM_DECL(vc_disk_type);

typedef enum { VC_DISK_DEVICE_DISK, VC_DISK_DEVICE_CDROM,
               VC_DISK_DEVICE_FLOPPY, VC_DISK_DEVICE_LUN,
               VC_DISK_DEVICE_LAST } vc_disk_device;
VC_ENUM_DECL(vc_disk_device);

typedef enum { VC_DISK_BUS_IDE, VC_DISK_BUS_FDC, VC_DISK_BUS_SCSI,
               VC_DISK_BUS_VIRTIO, VC_DISK_BUS_XEN, VC_DISK_BUS_USB,
               VC_DISK_BUS_UML, VC_DISK_BUS_SATA,
               VC_DISK_BUS_LAST } vc_disk_bus;
VC_ENUM_DECL(vc_disk_bus);

typedef enum { VC_DISK_CACHE_DEFAULT, VC_DISK_CACHE_NONE,
               VC_DISK_CACHE_WRITETHRU, VC_DISK_CACHE_WRITEBACK,
               VC_DISK_CACHE_DIRECTSYNC, VC_DISK_CACHE_UNSAFE,
               VC_DISK_CACHE_LAST } vc_disk_cache;
VC_ENUM_DECL(vc_disk_cache);

/* error_policy (all values) and rerror_policy (not enospace). */
typedef enum { VC_DISK_ERROR_DEFAULT, VC_DISK_ERROR_STOP,
               VC_DISK_ERROR_REPORT, VC_DISK_ERROR_IGNORE,
               VC_DISK_ERROR_ENOSPACE, VC_DISK_ERROR_LAST } vc_disk_error_policy;
VC_ENUM_DECL(vc_disk_error_policy);

typedef enum { VC_DISK_IO_DEFAULT, VC_DISK_IO_NATIVE, VC_DISK_IO_THREADS,
               VC_DISK_IO_LAST } vc_disk_io;
VC_ENUM_DECL(vc_disk_io);

typedef enum { VC_DISK_SNAPSHOT_DEFAULT, VC_DISK_SNAPSHOT_NO,
               VC_DISK_SNAPSHOT_INTERNAL, VC_DISK_SNAPSHOT_EXTERNAL,
               VC_DISK_SNAPSHOT_LAST } vc_disk_snapshot;
VC_ENUM_DECL(vc_disk_snapshot);

typedef enum { VC_DISK_STARTUP_DEFAULT, VC_DISK_STARTUP_MANDATORY,
               VC_DISK_STARTUP_REQUISITE, VC_DISK_STARTUP_OPTIONAL,
               VC_DISK_STARTUP_LAST } vc_disk_startup;
VC_ENUM_DECL(vc_disk_startup);

typedef enum { VC_DISK_TRAY_CLOSED, VC_DISK_TRAY_OPEN,
               VC_DISK_TRAY_LAST } vc_disk_tray;
VC_ENUM_DECL(vc_disk_tray);

typedef enum { VC_DISK_PROTOCOL_NBD, VC_DISK_PROTOCOL_RBD,
               VC_DISK_PROTOCOL_SHEEPDOG, VC_DISK_PROTOCOL_GLUSTER,
               VC_DISK_PROTOCOL_LAST } vc_disk_protocol;
VC_ENUM_DECL(vc_disk_protocol);

typedef enum { VC_DISK_TRANSPORT_TCP, VC_DISK_TRANSPORT_UNIX,
               VC_DISK_TRANSPORT_RDMA, VC_DISK_TRANSPORT_LAST } vc_disk_transport;
VC_ENUM_DECL(vc_disk_transport);

typedef enum { VC_DISK_SGIO_DEFAULT, VC_DISK_SGIO_FILTERED,
               VC_DISK_SGIO_UNFILTERED, VC_DISK_SGIO_LAST } vc_disk_sgio;
VC_ENUM_DECL(vc_disk_sgio);

typedef enum { VC_DISK_SECRET_NONE, VC_DISK_SECRET_ISCSI,
               VC_DISK_SECRET_CEPH, VC_DISK_SECRET_LAST } vc_disk_secret_type;
VC_ENUM_DECL(vc_disk_secret_type);

typedef enum { VC_DISK_GEOM_TRANS_DEFAULT, VC_DISK_GEOM_TRANS_NONE,
               VC_DISK_GEOM_TRANS_AUTO, VC_DISK_GEOM_TRANS_LBA,
               VC_DISK_GEOM_TRANS_LAST } vc_disk_geom_trans;
VC_ENUM_DECL(vc_disk_geom_trans);

typedef struct vc_disk_host {
    char *name;                 /* host name or address */
    char *port;                 /* service, as given */
    vc_disk_transport transport;
    char *socket;               /* unix transport */
} vc_disk_host;

typedef struct vc_disk_iotune {
    unsigned long long total_bytes_sec, read_bytes_sec, write_bytes_sec;
    unsigned long long total_iops_sec, read_iops_sec, write_iops_sec;
} vc_disk_iotune;

typedef struct vc_disk_encryption {
    int format;                 /* 0 default, 1 qcow (see disk_*.c) */
    bool has_secret;
    unsigned char secret_uuid[VC_UUID_LEN];   /* type='passphrase' */
} vc_disk_encryption;

/* <source><seclabel>: a per-disk override of the domain's labelling */
typedef struct vc_disk_seclabel {
    char *model;                /* the domain <seclabel> it overrides */
    bool norelabel;             /* relabel='no' */
    char *label;
} vc_disk_seclabel;

typedef struct vc_disk_def {
    vc_disk_type type;
    vc_disk_device device;
    vc_yesno rawio;
    vc_disk_sgio sgio;
    vc_disk_snapshot snapshot;

    /* <driver> */
    char *driver_name;          /* "qemu", "file", "tap", ... */
    char *driver_type;          /* format: "raw", "qcow2", "fat", ... */
    vc_disk_cache cache;
    vc_disk_error_policy error_policy;
    vc_disk_error_policy rerror_policy;
    vc_disk_io io;
    vc_switch ioeventfd;        /* virtio bus only */
    vc_switch event_idx;        /* virtio bus only */
    vc_switch copy_on_read;

    /* <auth> */
    char *auth_username;
    vc_disk_secret_type secret_type;
    bool secret_is_uuid;
    unsigned char secret_uuid[VC_UUID_LEN];
    char *secret_usage;

    /* <source> */
    char *src;                  /* file, dev, dir or network name */
    vc_disk_protocol protocol;  /* network disks */
    vc_disk_host *hosts;
    size_t nhosts;
    vc_disk_startup startup_policy;
    vc_disk_seclabel *seclabels;   /* file and block disks */
    size_t nseclabels;

    /* <mirror> (live definitions only) */
    char *mirror;
    char *mirror_format;
    bool mirroring;             /* ready='yes' */

    /* <target> */
    char *dst;                  /* "hda", "vdb", ... */
    vc_disk_bus bus;
    vc_disk_tray tray;

    /* <geometry> */
    unsigned geom_cyls, geom_heads, geom_secs;   /* 0 = unset */
    vc_disk_geom_trans geom_trans;

    /* <blockio> */
    unsigned logical_block_size, physical_block_size;

    vc_disk_iotune iotune;
    bool readonly, shared, transient;
    char *serial;
    char *wwn;
    vc_disk_encryption *encryption;

    vc_device_info info;
} vc_disk_def;

void vc_disk_def_free(vc_disk_def *d);

/* The index a target name stands for ("hda" 0, "vdb" 1, "sdaa" 26), as
 * libvirt's virDiskNameToIndex; -1 when it is no such name. */
int vc_disk_name_to_index(const char *name);

#endif
