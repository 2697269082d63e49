#include "synth.h"
#include "util/buf.h"

#include <stdio.h>

#define PROPS_PER_DEVICE 10

static void add_device(vc_buf *b, size_t dev, size_t nprops, bool both)
{
    char name[48];
    bool modern = dev % 2;

    snprintf(name, sizeof(name), "scsi-blockdev-%06zu", dev);
    if (modern)
        vc_buf_addf(b, "%s options:\n", name);
    else
        vc_buf_addf(b, "name \"%s\", bus SCSI\n", name);
    for (size_t p = 0; p < nprops; p++) {
        char prop[32];

        /* the block size property sits at a different place in each device */
        if (p == dev % nprops || (both && p == (dev + 1) % nprops))
            snprintf(prop, sizeof(prop), "%s_block_size",
                     (p == dev % nprops) == (dev % 4 < 2) ? "logical" : "physical");
        else
            snprintf(prop, sizeof(prop), "property-%02zu", p);
        if (modern)
            vc_buf_addf(b, "  %s=<uint32>\n", prop);
        else
            vc_buf_addf(b, "%s.%s=uint32\n", name, prop);
    }
}

char *vc_synth_device_listing(size_t lines, bool blockio, size_t *len)
{
    vc_buf b = VC_BUF_INIT;
    size_t ndev = (lines + PROPS_PER_DEVICE - 1) / PROPS_PER_DEVICE;

    for (size_t d = 0; d < ndev; d++) {
        size_t left = lines - d * PROPS_PER_DEVICE;
        size_t nprops = left < PROPS_PER_DEVICE ? left : PROPS_PER_DEVICE;
        add_device(&b, d, nprops, blockio && d + 1 == ndev && nprops > 1);
    }
    *len = b.len;
    return vc_buf_steal(&b);
}

/* The inverse of vc_disk_name_to_index: 0 -> a, 25 -> z, 26 -> aa. */
static void add_disk_name(vc_buf *b, const char *prefix, size_t idx)
{
    char letters[16];
    size_t i = sizeof(letters);

    letters[--i] = '\0';
    do {
        letters[--i] = (char)('a' + idx % 26);
        idx = idx / 26;
    } while (idx-- > 0);
    vc_buf_add(b, prefix);
    vc_buf_add(b, letters + i);
}

/* The head and tail of every generated domain. */
static void domain_open(vc_buf *b, const char *name)
{
    vc_buf_addf(b, "<domain type='qemu'>\n"
                "  <name>%s</name>\n"
                "  <uuid>6f1a9d3e-2b47-4c58-9e0a-13c5b7d2e8f4</uuid>\n"
                "  <memory unit='KiB'>262144</memory>\n"
                "  <vcpu>1</vcpu>\n"
                "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
                "  <devices>\n"
                "    <emulator>/usr/bin/qemu</emulator>\n", name);
}

static char *domain_close(vc_buf *b, size_t *len)
{
    vc_buf_add(b, "  </devices>\n</domain>\n");
    *len = b->len;
    return vc_buf_steal(b);
}

char *vc_synth_disk_domain(size_t n, const char *bus, const char *prefix,
                           size_t *len)
{
    vc_buf b = VC_BUF_INIT;

    domain_open(&b, "disks");
    for (size_t i = 0; i < n; i++) {
        vc_buf_addf(&b, "    <disk type='file' device='disk'><source file='/img/%zu'/>"
                    "<target dev='", i);
        add_disk_name(&b, prefix, i);
        vc_buf_addf(&b, "' bus='%s'/></disk>\n", bus);
    }
    return domain_close(&b, len);
}

char *vc_synth_serial_domain(size_t n, size_t *len)
{
    vc_buf b = VC_BUF_INIT;

    domain_open(&b, "serials");
    for (size_t i = 0; i < n; i++)
        vc_buf_add(&b, "    <serial type='pty'/>\n");
    return domain_close(&b, len);
}

char *vc_synth_controller_domain(size_t n, size_t *len)
{
    vc_buf b = VC_BUF_INIT;

    domain_open(&b, "controllers");
    for (size_t i = 0; i < n; i++) {
        vc_buf_addf(&b, "    <controller type='virtio-serial' index='%zu'/>\n", n - 1 - i);
        vc_buf_addf(&b, "    <channel type='pty'><target type='virtio' name='c%zu'/>"
                    "<address type='virtio-serial' controller='%zu'/></channel>\n", i,
                    n + i);
    }
    return domain_close(&b, len);
}
