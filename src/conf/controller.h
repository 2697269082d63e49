/* controller.h: <controller> devices. */
#ifndef VC_CONF_CONTROLLER_H
#define VC_CONF_CONTROLLER_H

#include "conf/device_info.h"

typedef enum { VC_CTRL_IDE, VC_CTRL_FDC, VC_CTRL_SCSI, VC_CTRL_SATA,
               VC_CTRL_VIRTIO_SERIAL, VC_CTRL_CCID, VC_CTRL_USB,
               VC_CTRL_LAST } vc_ctrl_type;
VC_ENUM_DECL(vc_ctrl_type);

typedef enum { VC_SCSI_MODEL_AUTO, VC_SCSI_MODEL_BUSLOGIC,
               VC_SCSI_MODEL_LSILOGIC, VC_SCSI_MODEL_LSISAS1068,
               VC_SCSI_MODEL_VMPVSCSI, VC_SCSI_MODEL_IBMVSCSI,
               VC_SCSI_MODEL_VIRTIO_SCSI, VC_SCSI_MODEL_LAST } vc_scsi_model;
VC_ENUM_DECL(vc_scsi_model);

typedef enum { VC_USB_MODEL_PIIX3_UHCI, VC_USB_MODEL_PIIX4_UHCI,
               VC_USB_MODEL_EHCI, VC_USB_MODEL_ICH9_EHCI1,
               VC_USB_MODEL_ICH9_UHCI1, VC_USB_MODEL_ICH9_UHCI2,
               VC_USB_MODEL_ICH9_UHCI3, VC_USB_MODEL_VT82C686B_UHCI,
               VC_USB_MODEL_PCI_OHCI, VC_USB_MODEL_NEC_XHCI,
               VC_USB_MODEL_NONE, VC_USB_MODEL_LAST } vc_usb_model;
VC_ENUM_DECL(vc_usb_model);

/* The largest controller index (libvirt's int); an address naming a
 * controller (drive, virtio-serial, ccid) may name no larger one, since
 * that controller is then added and written with this index. */
#define VC_CONTROLLER_INDEX_MAX 0x7fffffffu

typedef struct vc_controller_def {
    vc_ctrl_type type;
    unsigned idx;
    int model;              /* -1 = default; else vc_scsi_model/vc_usb_model */
    /* virtio-serial */
    int ports;              /* -1 = unset */
    int vectors;            /* -1 = unset */
    vc_device_info info;    /* includes <master startport> */
} vc_controller_def;

void vc_controller_def_free(vc_controller_def *c);

#endif
