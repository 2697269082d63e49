/* caps_device.c: capabilities from QEMU's device listings.
 *
 * Two formats are read, and may be mixed in one text:
 *   old (QEMU < 1.x):   name "virtio-net-pci", bus PCI
 *                       virtio-net-pci.tx=string
 *   modern (QEMU 2+):   name "qxl-vga", bus PCI, desc "..."
 *                       virtio-net-pci options:
 *                         tx=<str>
 * Both are reduced to a set of device names and "device.property"
 * names; the tables below map those to flags.  Lines of neither shape
 * (warnings such as "Could not initialize KVM", section headings) are
 * ignored.
 */
#include "caps/caps.h"
#include "caps/caps_private.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/strutil.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A device that exists means the flag. */
static const struct {
    const char *device;
    vc_cap flag;
} device_flags[] = {
    { "hda-duplex", VC_CAP_HDA_DUPLEX },
    { "hda-micro", VC_CAP_HDA_MICRO },
    { "ccid-card-emulated", VC_CAP_CCID_EMULATED },
    { "ccid-card-passthru", VC_CAP_CCID_PASSTHRU },
    { "piix3-usb-uhci", VC_CAP_PIIX3_USB_UHCI },
    { "piix4-usb-uhci", VC_CAP_PIIX4_USB_UHCI },
    { "usb-ehci", VC_CAP_USB_EHCI },
    { "ich9-usb-ehci1", VC_CAP_ICH9_USB_EHCI1 },
    { "vt82c686b-usb-uhci", VC_CAP_VT82C686B_USB_UHCI },
    { "pci-ohci", VC_CAP_PCI_OHCI },
    { "nec-usb-xhci", VC_CAP_NEC_USB_XHCI },
    { "usb-redir", VC_CAP_USB_REDIR },
    { "usb-hub", VC_CAP_USB_HUB },
    { "ich9-ahci", VC_CAP_ICH9_AHCI },
    { "virtio-blk-s390", VC_CAP_VIRTIO_S390 },
    { "virtio-net-s390", VC_CAP_VIRTIO_S390 },
    { "virtio-serial-s390", VC_CAP_VIRTIO_S390 },
    { "lsi53c895a", VC_CAP_LSI },
    { "virtio-scsi-pci", VC_CAP_VIRTIO_SCSI_PCI },
    { "qxl-vga", VC_CAP_DEVICE_QXL_VGA },
    { "qxl", VC_CAP_QXL },
    { "sga", VC_CAP_SGA },
    { "scsi-block", VC_CAP_SCSI_BLOCK },
    { "scsi-cd", VC_CAP_SCSI_CD },
    { "ide-cd", VC_CAP_IDE_CD },
    { "VGA", VC_CAP_VGA_DEVICE },
    { "cirrus-vga", VC_CAP_CIRRUS_VGA },
    { "vmware-svga", VC_CAP_VMWARE_SVGA },
    { "floppy", VC_CAP_DEVICE_FLOPPY },
    { "pci-assign", VC_CAP_PCI_ASSIGN },
    { "vfio-pci", VC_CAP_VFIO_PCI },
};

/* A device property that is listed means the flag. */
static const struct {
    const char *property; /* device.property */
    vc_cap flag;
} property_flags[] = {
    { "virtio-net-pci.tx", VC_CAP_VIRTIO_TX_ALG },
    { "virtio-net-pci.event_idx", VC_CAP_VIRTIO_NET_PCI_EVENT_IDX },
    { "virtio-net-pci.__com_redhat_macvtap_compat", VC_CAP_VIRTIO_NET_MACVTAP_COMPAT },
    { "virtio-blk-pci.ioeventfd", VC_CAP_VIRTIO_BLK_PCI_IOEVENTFD },
    { "virtio-blk-pci.event_idx", VC_CAP_VIRTIO_BLK_PCI_EVENT_IDX },
    { "virtio-blk-pci.scsi", VC_CAP_VIRTIO_BLK_PCI_SCSI },
    { "virtio-blk-pci.bootindex", VC_CAP_BOOT_INDEX },
    /* the property says it where the release does not (RHEL backports
     * of 0.12); from 0.13 the version rule sets it too */
    { "virtio-blk-pci.multifunction", VC_CAP_PCI_MULTIFUNCTION },
    { "pci-assign.configfd", VC_CAP_PCI_CONFIGFD },
    { "scsi-disk.channel", VC_CAP_SCSI_DISK_CHANNEL },
    { "scsi-disk.wwn", VC_CAP_SCSI_DISK_WWN },
    { "ide-drive.wwn", VC_CAP_IDE_DRIVE_WWN },
    { "PIIX4_PM.disable_s3", VC_CAP_DISABLE_S3 },
    { "PIIX4_PM.disable_s4", VC_CAP_DISABLE_S4 },
    { "usb-redir.filter", VC_CAP_USB_REDIR_FILTER },
    /* ide-drive and scsi-disk are gone (QEMU 6.0): their successors
     * ide-hd and scsi-hd carry the same properties */
    { "ide-hd.wwn", VC_CAP_IDE_DRIVE_WWN },
    { "scsi-hd.wwn", VC_CAP_SCSI_DISK_WWN },
    { "scsi-hd.channel", VC_CAP_SCSI_DISK_CHANNEL },
    { "virtio-blk-pci.disable-modern", VC_CAP_VIRTIO_MODERN },
    { "ide-hd.wwn", VC_CAP_WWN_0X },
    { "scsi-hd.wwn", VC_CAP_WWN_0X },
    { "ide-hd.cyls", VC_CAP_DEVICE_GEOMETRY },
    { "ccid-card-emulated.db", VC_CAP_CCID_EMULATED_DB },
    { "ide-hd.serial", VC_CAP_DEVICE_SERIAL },
};

typedef vc_caps_listing listing;

static bool is_name_char(char c)
{
    return isalnum((unsigned char)c) || strchr("-_.,+:", c);
}

/* The heading `-machine help` prints; its section lists one machine a
 * line, "NAME   DESCRIPTION", up to the first line of another shape. */
static const char machine_heading[] = "Supported machines are:";

/* "NAME  DESCRIPTION" (or "NAME" alone) in a machine section, kept as
 * "NAME=TARGET" when the description says "(alias of TARGET)"; false
 * for a line of another shape, which ends the section. */
static bool parse_machine_line(listing *l, const char *line, size_t n)
{
    size_t k = 0;

    while (k < n && is_name_char(line[k]))
        k++;
    static const char alias[] = "(alias of ";
    const char *a, *end;

    static const char heading[] = " options:";
    size_t hl = sizeof(heading) - 1;

    if (k == 0 || (k < n && line[k] != ' ' && line[k] != '\t') ||
        (n - k == hl && memcmp(line + k, heading, hl) == 0))
        return false;
    a = memmem(line + k, n - k, alias, sizeof(alias) - 1);
    end = a ? memchr(a, ')', (size_t)(line + n - a)) : NULL;
    /* a target is one name, as the report writes it back */
    for (const char *t = a ? a + sizeof(alias) - 1 : NULL; end && t < end; t++)
        if (!is_name_char(*t))
            end = NULL;
    if (end && end > a + sizeof(alias) - 1)
        vc_strlist_take(&l->machines, vc_asprintf("%.*s=%.*s", (int)k, line,
                        (int)(end - a - (sizeof(alias) - 1)), a + sizeof(alias) - 1));
    else
        vc_strlist_take(&l->machines, vc_strndup(line, k));
    return true;
}

/* name "X", ... [, alias "Y"] ... : both name the device to -device */
static void parse_name_line(listing *l, const char *line, size_t n)
{
    static const char alias[] = ", alias \"";
    const char *name = line + strlen("name \"");
    const char *end = memchr(name, '"', n - (size_t)(name - line));
    const char *a, *a_end;
    int name_len;

    if (!end || end == name)
        return;
    name_len = (int)(end - name);
    vc_strlist_take(&l->devices, vc_strndup(name, (size_t)name_len));
    a = memmem(end, (size_t)(line + n - end), alias, sizeof(alias) - 1);
    if (!a)
        return;
    a += sizeof(alias) - 1;
    a_end = memchr(a, '"', (size_t)(line + n - a));
    if (!a_end || a_end == a)
        return;
    vc_strlist_take(&l->aliases, vc_strndup(a, (size_t)(a_end - a)));
    vc_strlist_take(&l->alias_map, vc_asprintf("%.*s=%.*s", (int)(a_end - a), a,
                                               name_len, name));
}

/* DEV.PROP=TYPE (old); the property is after the last dot before '='. */
static bool parse_old_prop(listing *l, const char *line, size_t n)
{
    const char *eq = memchr(line, '=', n);
    const char *dot = NULL;

    if (!eq || eq == line)
        return false;
    for (const char *p = line; p < eq; p++) {
        if (!is_name_char(*p))
            return false;
        if (*p == '.')
            dot = p;
    }
    if (!dot || dot == line || dot + 1 == eq)
        return false;
    vc_strlist_take(&l->props, vc_strndup(line, (size_t)(eq - line)));
    return true;
}

/* "  PROP=<type> ..." under a "DEV options:" heading (modern). */
static void parse_modern_prop(listing *l, const char *dev, const char *line,
                              size_t n)
{
    const char *p = line;
    const char *start;

    while (p < line + n && (*p == ' ' || *p == '\t'))
        p++;
    start = p;
    while (p < line + n && is_name_char(*p))
        p++;
    if (p == start || p >= line + n || *p != '=')
        return;
    vc_strlist_take(&l->props, vc_asprintf("%s.%.*s", dev, (int)(p - start), start));
}

/* "DEV options:" -> DEV, else NULL. */
static char *modern_heading(const char *line, size_t n)
{
    static const char suffix[] = " options:";
    size_t sl = sizeof(suffix) - 1;

    if (n <= sl || memcmp(line + n - sl, suffix, sl) != 0)
        return NULL;
    for (size_t i = 0; i < n - sl; i++)
        if (!is_name_char(line[i]))
            return NULL;
    return vc_strndup(line, n - sl);
}

static void parse_listing(listing *l, const char *text, size_t len)
{
    const char *p = text;
    const char *end = text + len;
    char *section = NULL; /* device of the current modern heading */
    bool machines = false; /* inside the machine section */

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char *heading;

        if (n && p[n - 1] == '\r')
            n--;
        if (machines && (machines = parse_machine_line(l, p, n))) {
            p = nl ? nl + 1 : end;
            continue;
        }
        if (n == sizeof(machine_heading) - 1 && memcmp(p, machine_heading, n) == 0) {
            machines = true;
            VC_FREE(section);
        } else if (n >= 6 && memcmp(p, "name \"", 6) == 0) {
            parse_name_line(l, p, n);
            VC_FREE(section);
        } else if ((heading = modern_heading(p, n))) {
            free(section);
            section = heading;
        } else if (n && (*p == ' ' || *p == '\t')) {
            if (section)
                parse_modern_prop(l, section, p, n);
        } else if (!parse_old_prop(l, p, n)) {
            VC_FREE(section);
        }
        p = nl ? nl + 1 : end;
    }
    free(section);
}

/* Block size properties (any device) mean -device ...,logical_block_size=
 * and physical_block_size= work: they are a block-layer feature that
 * every block device lists alike.  libvirt 0.10.2 looks for each name
 * anywhere; QEMU's block devices always list the two together, so
 * asking one device for both gives its answer on every real listing.
 * @props is sorted: each candidate's partner is a bsearch away. */
static bool has_blockio(const vc_strlist *props)
{
    vc_buf partner = VC_BUF_INIT;
    bool found = false;

    for (size_t i = 0; i < props->n && !found; i++) {
        const char *s = props->items[i];
        const char *dot = strrchr(s, '.');

        if (!dot || strcmp(dot + 1, "logical_block_size") != 0)
            continue;
        vc_buf_reset(&partner);
        vc_buf_addf(&partner, "%.*s.physical_block_size", (int)(dot - s), s);
        found = vc_strlist_has_sorted(props, partner.s);
    }
    vc_buf_free(&partner);
    return found;
}

void vc_caps_listing_free(vc_caps_listing *l)
{
    vc_strlist_free(&l->devices);
    vc_strlist_free(&l->props);
    vc_strlist_free(&l->machines);
    vc_strlist_free(&l->aliases);
    vc_strlist_free(&l->alias_map);
}

int vc_caps_read_listing(const char *text, size_t len, const char *path,
                         vc_caps_listing *out, vc_error *err)
{
    memset(out, 0, sizeof(*out));
    if (vc_caps_check_text(text, len, path, "a QEMU device listing", err) < 0)
        return -1;
    parse_listing(out, text, len);
    vc_strlist_sort(&out->devices);
    vc_strlist_sort(&out->props);
    vc_strlist_sort(&out->aliases);
    vc_strlist_sort(&out->alias_map);
    vc_strlist_sort(&out->machines);
    return 0;
}

int vc_caps_parse_devices(vc_caps *caps, const char *text, size_t len,
                          const char *path, vc_error *err)
{
    listing l = { 0 };
    size_t ntypes;
    const vc_caps_type *types = vc_caps_types(&ntypes);
    int ret = -1;

    if (vc_caps_check_text(text, len, path, "a QEMU device listing", err) < 0)
        return -1;

    parse_listing(&l, text, len);
    for (size_t i = 0; i < l.machines.n; i++) {
        if (vc_caps_add_machine(caps, l.machines.items[i],
                                strlen(l.machines.items[i])) < 0) {
            vc_error_set(err, VC_EXIT_INPUT, "%s: more machine types than fit "
                         "in %d bytes", path, VC_CAPS_MACHINES_MAX);
            goto cleanup;
        }
    }
    /* a listing may hold 100k names: look them up in log n */
    vc_strlist_sort(&l.devices);
    vc_strlist_sort(&l.props);

    vc_strlist_sort(&l.aliases);
    if (l.devices.n)
        vc_caps_set(caps, VC_CAP_DEVICE_LISTING);
    for (size_t i = 0; i < ntypes; i++)
        if (types[i].kind == VC_CAPS_TYPE_DEVICE &&
            (vc_strlist_has_sorted(&l.devices, types[i].name) ||
             vc_strlist_has_sorted(&l.aliases, types[i].name)) &&
            vc_caps_add_device(caps, types[i].name, strlen(types[i].name)) < 0)
            abort();    /* the buffer is sized for the whole table */

    for (size_t i = 0; i < ARRAY_CARDINALITY(device_flags); i++)
        if (vc_strlist_has_sorted(&l.devices, device_flags[i].device))
            vc_caps_set(caps, device_flags[i].flag);
    for (size_t i = 0; i < ARRAY_CARDINALITY(property_flags); i++)
        if (vc_strlist_has_sorted(&l.props, property_flags[i].property))
            vc_caps_set(caps, property_flags[i].flag);
    if (has_blockio(&l.props))
        vc_caps_set(caps, VC_CAP_BLOCKIO);
    /* libvirt 0.10.2 trusts pci-assign's bootindex only where disks have
     * one: before that, -device bootindex= was not used at all */
    if (vc_caps_has(caps, VC_CAP_BOOT_INDEX) &&
        vc_strlist_has_sorted(&l.props, "pci-assign.bootindex"))
        vc_caps_set(caps, VC_CAP_PCI_BOOTINDEX);

    /* -vga qxl selects the qxl device: where that device is built in, -vga
     * accepts it even when the help's list of types leaves it out. */
    if (vc_caps_has(caps, VC_CAP_VGA) && vc_strlist_has_sorted(&l.devices, "qxl"))
        vc_caps_set(caps, VC_CAP_VGA_QXL);

    /* A spicevmc device is only wanted where -chardev spicevmc is not
     * there to be preferred. */
    if (!vc_caps_has(caps, VC_CAP_CHARDEV_SPICEVMC) &&
        vc_strlist_has_sorted(&l.devices, "spicevmc"))
        vc_caps_set(caps, VC_CAP_DEVICE_SPICEVMC);

    ret = 0;
 cleanup:
    vc_caps_listing_free(&l);
    return ret;
}
