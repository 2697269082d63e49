/* device_info.h: what every device carries besides its own settings:
 * its address on a bus, the alias the hypervisor knows it by, boot
 * order, option ROM and (USB companion controllers) its master. */
#ifndef VC_CONF_DEVICE_INFO_H
#define VC_CONF_DEVICE_INFO_H

#include "conf/conf_types.h"

typedef enum {
    VC_ADDR_NONE = 0,
    VC_ADDR_PCI,
    VC_ADDR_DRIVE,
    VC_ADDR_VIRTIO_SERIAL,
    VC_ADDR_CCID,
    VC_ADDR_USB,
    VC_ADDR_SPAPRVIO,
    VC_ADDR_VIRTIO_S390,
    VC_ADDR_LAST
} vc_addr_type;
VC_ENUM_DECL(vc_addr_type);

typedef struct vc_pci_addr {
    unsigned domain;      /* 0..0xffff */
    unsigned bus;         /* 0..0xff */
    unsigned slot;        /* 0..0x1f */
    unsigned function;    /* 0..7 */
    vc_switch multifunction;
} vc_pci_addr;

typedef struct vc_drive_addr {
    unsigned controller, bus, target, unit;
} vc_drive_addr;

typedef struct vc_vioserial_addr {
    unsigned controller, bus, port;
} vc_vioserial_addr;

typedef struct vc_ccid_addr {
    unsigned controller, slot;
} vc_ccid_addr;

typedef struct vc_usb_addr {
    unsigned bus;
    char *port;           /* "1", "1.2.3": up to 4 levels; NULL if unset */
} vc_usb_addr;

typedef struct vc_spaprvio_addr {
    bool has_reg;
    unsigned long long reg;
} vc_spaprvio_addr;

typedef struct vc_device_addr {
    vc_addr_type type;
    union {
        vc_pci_addr pci;
        vc_drive_addr drive;
        vc_vioserial_addr vioserial;
        vc_ccid_addr ccid;
        vc_usb_addr usb;
        vc_spaprvio_addr spaprvio;
    } u;
} vc_device_addr;

typedef struct vc_device_info {
    char *alias;            /* <alias name=>, live definitions only */
    vc_device_addr addr;
    unsigned boot_index;    /* <boot order=>, 0 = none */
    bool has_master;        /* <master startport=> (USB companions) */
    unsigned master_startport;
    vc_switch rom_bar;      /* <rom bar=> */
    char *rom_file;         /* <rom file=> */
} vc_device_info;

void vc_device_info_clear(vc_device_info *info);

#endif
