/* caps_types.c: every QEMU device and object type the argv builder can
 * name (-device, -global DRIVER.PROP, -object).  The detector keeps
 * which of them a device listing names (vc_caps_has_device);
 * harness/record-qemu records the property listing of each
 * (`virtconform devices`); the argv-validity tier fails on a -device
 * the table lacks, so the table follows the builder. */
#include "caps/caps.h"

#include <stddef.h>

static const vc_caps_type qemu_types[] = {
    /* disks */
    { "ide-cd", VC_CAPS_TYPE_DEVICE }, { "ide-hd", VC_CAPS_TYPE_DEVICE },
    { "ide-drive", VC_CAPS_TYPE_DEVICE }, { "scsi-block", VC_CAPS_TYPE_DEVICE },
    { "scsi-cd", VC_CAPS_TYPE_DEVICE }, { "scsi-hd", VC_CAPS_TYPE_DEVICE },
    { "scsi-disk", VC_CAPS_TYPE_DEVICE }, { "virtio-blk-pci", VC_CAPS_TYPE_DEVICE },
    { "virtio-blk-s390", VC_CAPS_TYPE_DEVICE }, { "usb-storage", VC_CAPS_TYPE_DEVICE },
    { "floppy", VC_CAPS_TYPE_DEVICE }, { "isa-fdc", VC_CAPS_TYPE_DEVICE },
    /* controllers */
    { "piix3-usb-uhci", VC_CAPS_TYPE_DEVICE }, { "piix4-usb-uhci", VC_CAPS_TYPE_DEVICE },
    { "usb-ehci", VC_CAPS_TYPE_DEVICE }, { "ich9-usb-ehci1", VC_CAPS_TYPE_DEVICE },
    { "ich9-usb-uhci1", VC_CAPS_TYPE_DEVICE }, { "ich9-usb-uhci2", VC_CAPS_TYPE_DEVICE },
    { "ich9-usb-uhci3", VC_CAPS_TYPE_DEVICE }, { "vt82c686b-usb-uhci", VC_CAPS_TYPE_DEVICE },
    { "pci-ohci", VC_CAPS_TYPE_DEVICE }, { "nec-usb-xhci", VC_CAPS_TYPE_DEVICE },
    { "virtio-scsi-pci", VC_CAPS_TYPE_DEVICE }, { "spapr-vscsi", VC_CAPS_TYPE_DEVICE },
    { "lsi", VC_CAPS_TYPE_DEVICE }, { "virtio-serial-pci", VC_CAPS_TYPE_DEVICE },
    { "virtio-serial-s390", VC_CAPS_TYPE_DEVICE }, { "usb-ccid", VC_CAPS_TYPE_DEVICE },
    { "ahci", VC_CAPS_TYPE_DEVICE }, { "usb-hub", VC_CAPS_TYPE_DEVICE },
    /* character devices, smartcards */
    { "ccid-card-emulated", VC_CAPS_TYPE_DEVICE }, { "ccid-card-passthru", VC_CAPS_TYPE_DEVICE },
    { "spapr-vty", VC_CAPS_TYPE_DEVICE }, { "isa-serial", VC_CAPS_TYPE_DEVICE },
    { "isa-parallel", VC_CAPS_TYPE_DEVICE }, { "virtconsole", VC_CAPS_TYPE_DEVICE },
    { "virtserialport", VC_CAPS_TYPE_DEVICE }, { "spicevmc", VC_CAPS_TYPE_DEVICE },
    /* input, video, sound, watchdog, balloon */
    { "usb-mouse", VC_CAPS_TYPE_DEVICE }, { "usb-tablet", VC_CAPS_TYPE_DEVICE },
    { "VGA", VC_CAPS_TYPE_DEVICE }, { "cirrus-vga", VC_CAPS_TYPE_DEVICE },
    { "vmware-svga", VC_CAPS_TYPE_DEVICE }, { "qxl", VC_CAPS_TYPE_DEVICE },
    { "qxl-vga", VC_CAPS_TYPE_DEVICE }, { "sb16", VC_CAPS_TYPE_DEVICE },
    { "ES1370", VC_CAPS_TYPE_DEVICE }, { "AC97", VC_CAPS_TYPE_DEVICE },
    { "intel-hda", VC_CAPS_TYPE_DEVICE }, { "hda-duplex", VC_CAPS_TYPE_DEVICE },
    { "hda-micro", VC_CAPS_TYPE_DEVICE }, { "isa-pcspk", VC_CAPS_TYPE_DEVICE },
    { "i6300esb", VC_CAPS_TYPE_DEVICE }, { "ib700", VC_CAPS_TYPE_DEVICE },
    { "virtio-balloon-pci", VC_CAPS_TYPE_DEVICE }, { "sga", VC_CAPS_TYPE_DEVICE },
    { "PIIX4_PM", VC_CAPS_TYPE_DEVICE },
    /* host devices, filesystems */
    { "usb-redir", VC_CAPS_TYPE_DEVICE }, { "usb-host", VC_CAPS_TYPE_DEVICE },
    { "pci-assign", VC_CAPS_TYPE_DEVICE }, { "vfio-pci", VC_CAPS_TYPE_DEVICE },
    { "virtio-9p-pci", VC_CAPS_TYPE_DEVICE },
    /* NIC models libvirt documents for x86, ppc64 and s390 (the model
     * is the XML's <model type=>: any other is passed on as given where
     * QEMU lists no devices, and refused where it does).  Only PCI
     * models: the builder gives every NIC a PCI address, as libvirt
     * 0.10.2 did, so ne2k_isa and usb-net are left out and refused */
    { "virtio-net-pci", VC_CAPS_TYPE_DEVICE }, { "virtio-net-s390", VC_CAPS_TYPE_DEVICE },
    { "e1000", VC_CAPS_TYPE_DEVICE }, { "rtl8139", VC_CAPS_TYPE_DEVICE },
    { "ne2k_pci", VC_CAPS_TYPE_DEVICE },
    { "pcnet", VC_CAPS_TYPE_DEVICE }, { "i82551", VC_CAPS_TYPE_DEVICE },
    { "i82557b", VC_CAPS_TYPE_DEVICE }, { "i82559er", VC_CAPS_TYPE_DEVICE },
    { "spapr-vlan", VC_CAPS_TYPE_DEVICE },
    /* and the later models QEMU lists as network devices, so a
     * definition naming one is built where the QEMU has it */
    { "e1000e", VC_CAPS_TYPE_DEVICE }, { "e1000-82544gc", VC_CAPS_TYPE_DEVICE },
    { "e1000-82545em", VC_CAPS_TYPE_DEVICE }, { "vmxnet3", VC_CAPS_TYPE_DEVICE },
    { "i82550", VC_CAPS_TYPE_DEVICE }, { "i82557a", VC_CAPS_TYPE_DEVICE },
    { "i82557c", VC_CAPS_TYPE_DEVICE }, { "i82558a", VC_CAPS_TYPE_DEVICE },
    { "i82558b", VC_CAPS_TYPE_DEVICE }, { "i82559a", VC_CAPS_TYPE_DEVICE },
    { "i82559b", VC_CAPS_TYPE_DEVICE }, { "i82559c", VC_CAPS_TYPE_DEVICE },
    { "i82562", VC_CAPS_TYPE_DEVICE }, { "i82801", VC_CAPS_TYPE_DEVICE },
    { "tulip", VC_CAPS_TYPE_DEVICE },
    /* objects */
    { "memory-backend-ram", VC_CAPS_TYPE_OBJECT },
};

const vc_caps_type *vc_caps_types(size_t *n)
{
    *n = sizeof(qemu_types) / sizeof(qemu_types[0]);
    return qemu_types;
}
