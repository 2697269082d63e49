/* device_names.c: every QEMU device and object type the builder can
 * name (-device, -global DRIVER.PROP, -object).  harness/record-qemu
 * records the property listing of each (`virtconform devices`), and the
 * argv-validity tier fails on a -device the table lacks, so the table
 * follows the builder. */
#include "qemu/build.h"

#include <stddef.h>

static const vc_qemu_type qemu_types[] = {
    /* disks */
    { "ide-cd", VC_QTYPE_DEVICE }, { "ide-hd", VC_QTYPE_DEVICE },
    { "ide-drive", VC_QTYPE_DEVICE }, { "scsi-block", VC_QTYPE_DEVICE },
    { "scsi-cd", VC_QTYPE_DEVICE }, { "scsi-hd", VC_QTYPE_DEVICE },
    { "scsi-disk", VC_QTYPE_DEVICE }, { "virtio-blk-pci", VC_QTYPE_DEVICE },
    { "virtio-blk-s390", VC_QTYPE_DEVICE }, { "usb-storage", VC_QTYPE_DEVICE },
    { "floppy", VC_QTYPE_DEVICE }, { "isa-fdc", VC_QTYPE_DEVICE },
    /* controllers */
    { "piix3-usb-uhci", VC_QTYPE_DEVICE }, { "piix4-usb-uhci", VC_QTYPE_DEVICE },
    { "usb-ehci", VC_QTYPE_DEVICE }, { "ich9-usb-ehci1", VC_QTYPE_DEVICE },
    { "ich9-usb-uhci1", VC_QTYPE_DEVICE }, { "ich9-usb-uhci2", VC_QTYPE_DEVICE },
    { "ich9-usb-uhci3", VC_QTYPE_DEVICE }, { "vt82c686b-usb-uhci", VC_QTYPE_DEVICE },
    { "pci-ohci", VC_QTYPE_DEVICE }, { "nec-usb-xhci", VC_QTYPE_DEVICE },
    { "virtio-scsi-pci", VC_QTYPE_DEVICE }, { "spapr-vscsi", VC_QTYPE_DEVICE },
    { "lsi", VC_QTYPE_DEVICE }, { "virtio-serial-pci", VC_QTYPE_DEVICE },
    { "virtio-serial-s390", VC_QTYPE_DEVICE }, { "usb-ccid", VC_QTYPE_DEVICE },
    { "ahci", VC_QTYPE_DEVICE }, { "usb-hub", VC_QTYPE_DEVICE },
    /* character devices, smartcards */
    { "ccid-card-emulated", VC_QTYPE_DEVICE }, { "ccid-card-passthru", VC_QTYPE_DEVICE },
    { "spapr-vty", VC_QTYPE_DEVICE }, { "isa-serial", VC_QTYPE_DEVICE },
    { "isa-parallel", VC_QTYPE_DEVICE }, { "virtconsole", VC_QTYPE_DEVICE },
    { "virtserialport", VC_QTYPE_DEVICE }, { "spicevmc", VC_QTYPE_DEVICE },
    /* input, video, sound, watchdog, balloon */
    { "usb-mouse", VC_QTYPE_DEVICE }, { "usb-tablet", VC_QTYPE_DEVICE },
    { "VGA", VC_QTYPE_DEVICE }, { "cirrus-vga", VC_QTYPE_DEVICE },
    { "vmware-svga", VC_QTYPE_DEVICE }, { "qxl", VC_QTYPE_DEVICE },
    { "qxl-vga", VC_QTYPE_DEVICE }, { "sb16", VC_QTYPE_DEVICE },
    { "ES1370", VC_QTYPE_DEVICE }, { "AC97", VC_QTYPE_DEVICE },
    { "intel-hda", VC_QTYPE_DEVICE }, { "hda-duplex", VC_QTYPE_DEVICE },
    { "hda-micro", VC_QTYPE_DEVICE }, { "isa-pcspk", VC_QTYPE_DEVICE },
    { "i6300esb", VC_QTYPE_DEVICE }, { "ib700", VC_QTYPE_DEVICE },
    { "virtio-balloon-pci", VC_QTYPE_DEVICE }, { "sga", VC_QTYPE_DEVICE },
    { "PIIX4_PM", VC_QTYPE_DEVICE },
    /* host devices, filesystems */
    { "usb-redir", VC_QTYPE_DEVICE }, { "usb-host", VC_QTYPE_DEVICE },
    { "pci-assign", VC_QTYPE_DEVICE }, { "vfio-pci", VC_QTYPE_DEVICE },
    { "virtio-9p-pci", VC_QTYPE_DEVICE },
    /* NIC models libvirt documents for x86, ppc64 and s390 (the model
     * is the XML's <model type=>: any other is passed on as given) */
    { "virtio-net-pci", VC_QTYPE_DEVICE }, { "virtio-net-s390", VC_QTYPE_DEVICE },
    { "e1000", VC_QTYPE_DEVICE }, { "rtl8139", VC_QTYPE_DEVICE },
    { "ne2k_pci", VC_QTYPE_DEVICE }, { "ne2k_isa", VC_QTYPE_DEVICE },
    { "pcnet", VC_QTYPE_DEVICE }, { "i82551", VC_QTYPE_DEVICE },
    { "i82557b", VC_QTYPE_DEVICE }, { "i82559er", VC_QTYPE_DEVICE },
    { "spapr-vlan", VC_QTYPE_DEVICE },
    /* objects */
    { "memory-backend-ram", VC_QTYPE_OBJECT },
};

const vc_qemu_type *vc_qemu_types(size_t *n)
{
    *n = sizeof(qemu_types) / sizeof(qemu_types[0]);
    return qemu_types;
}
