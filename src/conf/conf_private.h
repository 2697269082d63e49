/* conf_private.h: what the parts of src/conf share and nothing outside
 * it uses: safe libxml2 reading and typed attribute helpers, the parse
 * context, each family's parse and format functions (as
 * device_families.h names them), and the pieces of the domain reader
 * and writer.
 *
 * Parse functions read one element and return the new object, or NULL
 * with ctx->err set.  Format functions append the canonical element(s)
 * at the device indentation (4 spaces) unless stated. */
#ifndef VC_CONF_PRIVATE_H
#define VC_CONF_PRIVATE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>

#include "conf/domain.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/numset.h"

/* ---- xml_util.c ---------------------------------------------------- */
/* What every parser function gets. */
typedef struct vc_parse_ctx {
    const vc_host *host;     /* where the domain is defined */
    /* the domain being read: what is read so far (a device parser may
     * look at the devices before it) */
    const vc_domain_def *def;
    unsigned flags;          /* vc_parse_flags */
    vc_error *err;
    vc_numset boot_orders;   /* <boot order=> values seen so far */
    /* serial and parallel ports: the next free number (the highest
     * so far + 1) over the first @seen of the domain's array, kept as
     * the array grows so no port costs a scan of the others */
    struct {
        size_t seen;
        long next;
    } ports[2];
} vc_parse_ctx;

/* Parse @len bytes of XML safely: no network, no DTD loading, no entity
 * expansion; documents with a DOCTYPE (internal subset: entity bombs,
 * external entities) are refused, as are inputs above @max bytes.
 * libxml2 errors become one "FILE:LINE: message" line in @err. */
xmlDocPtr vc_xml_read(const char *data, size_t len, size_t max,
                      const char *filename, vc_error *err);

/* xml_prescan.c: refuse, before libxml2 sees them, inputs it would take
 * quadratic time over: a start tag of more than @max_attrs attributes
 * ("FILE:LINE: an element with more than N attributes"). */
#define VC_XML_MAX_ATTRS 256
int vc_xml_prescan(const char *data, size_t len, size_t max_attrs, const char *filename,
                   vc_error *err);

/* Element tests and lookups (name only; namespace ignored).  Each
 * element and attribute they find is marked as read by the parser
 * (vocabulary.h lists what was read); the first element of a name is
 * the one libvirt reads, and vc_xml_child returns it. */
bool vc_xml_is(const xmlNode *n, const char *name);
xmlNodePtr vc_xml_child(const xmlNode *n, const char *name);
/* Mark an element found otherwise (its name looked up in a table). */
void vc_xml_mark(const xmlNode *n);
bool vc_xml_was_read(const xmlNode *n);
bool vc_xml_attr_was_read(const xmlAttr *a);

/* Whether attribute @name (no namespace) is there. */
bool vc_xml_has(const xmlNode *n, const char *name);
/* Owned copies (NULL when absent). */
char *vc_xml_prop(const xmlNode *n, const char *name);
char *vc_xml_text(const xmlNode *n);

/* Attribute @attr of @n as an enum through @from_string; @what names it
 * in "unknown WHAT 'VALUE'".  Returns 1 when set, 0 when absent (out
 * untouched), -1 on error. */
int vc_xml_enum(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                int (*from_string)(const char *), const char *what, int *out);

/* Same, for the values libvirt refuses in words of their own: @fmt is
 * the message, a literal whose one %s is the value. */
int vc_xml_enum_worded(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                       int (*from_string)(const char *), const char *fmt, int *out);

/* Same for a required attribute: absence is an error naming
 * <ELEM ATTR>. */
int vc_xml_enum_req(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                    int (*from_string)(const char *), const char *what,
                    int *out);

/* An unsigned number in @base (0: decimal, 0x hex or 0 octal) at most
 * @max.  1 set, 0 absent, -1 error ("invalid value ... for <e a>"). */
int vc_xml_ull(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
               int base, unsigned long long max, unsigned long long *out);
int vc_xml_uint(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                int base, unsigned max, unsigned *out);
/* The same for an element's text content (@n is the element). */
int vc_xml_text_ull(vc_parse_ctx *ctx, const xmlNode *n,
                    unsigned long long max, unsigned long long *out);
int vc_xml_ll(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
              long long min, long long max, long long *out);

/* An error about element @n: sets err and returns -1. */
int vc_xml_error(vc_parse_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Writing: @s escaped for element text (a CR as &#13;, so that it
 * reads back as a CR, not an LF). */
void vc_xml_escape(vc_buf *b, const char *s);
/* " NAME='ESCAPED'" when @value is non-NULL (TAB, LF and CR written as
 * references, so that they read back as themselves, not spaces). */
void vc_xml_attr(vc_buf *b, const char *name, const char *value);

/* ---- values the parser checks against a table of its own ------------ */
/* (listed with the rest by the vocabulary, vocabulary.h) */
typedef enum { VC_MEMORY_UNIT_B, VC_MEMORY_UNIT_BYTES, VC_MEMORY_UNIT_KB,
               VC_MEMORY_UNIT_K, VC_MEMORY_UNIT_KIB, VC_MEMORY_UNIT_MB,
               VC_MEMORY_UNIT_M, VC_MEMORY_UNIT_MIB, VC_MEMORY_UNIT_GB,
               VC_MEMORY_UNIT_G, VC_MEMORY_UNIT_GIB, VC_MEMORY_UNIT_TB,
               VC_MEMORY_UNIT_T, VC_MEMORY_UNIT_TIB, VC_MEMORY_UNIT_PB,
               VC_MEMORY_UNIT_P, VC_MEMORY_UNIT_PIB, VC_MEMORY_UNIT_EB,
               VC_MEMORY_UNIT_E, VC_MEMORY_UNIT_EIB,
               VC_MEMORY_UNIT_LAST } vc_memory_unit;
VC_ENUM_DECL(vc_memory_unit);       /* <memory unit=> and the like */
VC_ENUM_DECL(vc_sysinfo_type);      /* "smbios" */
VC_ENUM_DECL(vc_clock_basis);       /* "utc", "localtime" */
VC_ENUM_DECL(vc_hostdev_mode);      /* "subsystem" */
VC_ENUM_DECL(vc_usb_only);          /* "usb": <hub type=>, <redirdev bus=> */
VC_ENUM_DECL(vc_encryption_format); /* "default", "qcow" */
VC_ENUM_DECL(vc_passphrase);        /* "passphrase": encryption <secret type=> */
VC_ENUM_DECL(vc_chr_source_mode);   /* "bind", "connect" */

/* ---- the families and the domain's parts --------------------------- */
/* device_info.c */
enum { VC_INFO_ALLOW_BOOT = 1 << 0, VC_INFO_ALLOW_ROM = 1 << 1 };
int vc_device_info_parse(vc_parse_ctx *ctx, const xmlNode *node,
                         vc_device_info *info, unsigned allow);
bool vc_device_info_is_set(const vc_device_info *info);
/* <boot>, <alias>, <master>, <rom>, <address> at @indent spaces. */
void vc_device_info_format(vc_buf *b, const vc_device_info *info, int indent);
int vc_pci_addr_parse(vc_parse_ctx *ctx, const xmlNode *node, vc_pci_addr *a);
void vc_pci_addr_format_attrs(vc_buf *b, const vc_pci_addr *a);

/* disk_parse.c, disk_format.c, disk_def.c */
/* Each family's parse and format functions, as device_families.h
 * names them. */
vc_disk_def *vc_disk_parse(vc_parse_ctx *ctx, const xmlNode *node);
void vc_disk_format(vc_buf *b, const vc_disk_def *d);
void vc_disk_assign_address(vc_disk_def *d);

/* controller.c */
vc_controller_def *vc_controller_parse(vc_parse_ctx *ctx, const xmlNode *node);
/* Controllers of a type stay together, ordered by index: added as they
 * come, then put in that order once every one (implicit ones too) is
 * in. */
int vc_controller_add(vc_parse_ctx *ctx, vc_domain_def *def, vc_controller_def *c);
void vc_controllers_order(vc_domain_def *def);

/* Put the disks in libvirt's order: by bus, then target name
 * (disk_order.c). */
void vc_disks_order(vc_domain_def *def);
void vc_controller_format(vc_buf *b, const vc_controller_def *c);

/* net.c */
vc_net_def *vc_net_parse(vc_parse_ctx *ctx, const xmlNode *node);
void vc_net_format(vc_buf *b, const vc_net_def *n);

/* chr.c */
vc_chr_def *vc_serial_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_chr_def *vc_parallel_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_chr_def *vc_console_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_chr_def *vc_channel_parse(vc_parse_ctx *ctx, const xmlNode *node);
/* The first serial-type console of an HVM guest stands for serial 0. */
int vc_console_add(vc_parse_ctx *ctx, vc_domain_def *def, vc_chr_def *chr);
int vc_channel_add(vc_parse_ctx *ctx, vc_domain_def *def, vc_chr_def *chr);
/* Number the ports of channels that name none, once all are read. */
void vc_channels_number_ports(vc_domain_def *def);
/* Consoles, with serial-type ones shown as their serial port. */
void vc_consoles_format(vc_buf *b, const vc_domain_def *def);
int vc_chr_source_parse(vc_parse_ctx *ctx, const xmlNode *node,
                        vc_chr_source *src);
void vc_chr_format(vc_buf *b, const vc_chr_def *c);
void vc_chr_source_format(vc_buf *b, const vc_chr_source *s, int indent,
                          bool tty_compat);

/* graphics.c */
vc_graphics_def *vc_graphics_parse(vc_parse_ctx *ctx, const xmlNode *node);
void vc_graphics_format(vc_buf *b, const vc_graphics_def *g);

/* devices.c: the smaller families */
vc_input_def *vc_input_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_sound_def *vc_sound_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_video_def *vc_video_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_watchdog_def *vc_watchdog_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_memballoon_def *vc_memballoon_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_hostdev_def *vc_hostdev_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_smartcard_def *vc_smartcard_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_redirdev_def *vc_redirdev_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_redirfilter_def *vc_redirfilter_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_hub_def *vc_hub_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_fs_def *vc_fs_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_lease_def *vc_lease_parse(vc_parse_ctx *ctx, const xmlNode *node);
unsigned vc_video_default_vram(const vc_domain_def *def, vc_video_type type);
vc_video_type vc_video_default_type(const vc_domain_def *def);

void vc_input_format(vc_buf *b, const vc_input_def *d);
/* USB inputs only: the others are implied (vc_graphics_all_format). */
void vc_inputs_format(vc_buf *b, const vc_domain_def *def);
/* The implicit mouse, then every graphics device. */
void vc_graphics_all_format(vc_buf *b, const vc_domain_def *def);
void vc_sound_format(vc_buf *b, const vc_sound_def *d);
void vc_video_format(vc_buf *b, const vc_video_def *d);
void vc_watchdog_format(vc_buf *b, const vc_watchdog_def *d);
void vc_memballoon_format(vc_buf *b, const vc_memballoon_def *d);
void vc_hostdev_format(vc_buf *b, const vc_hostdev_def *d);
void vc_smartcard_format(vc_buf *b, const vc_smartcard_def *d);
void vc_redirdev_format(vc_buf *b, const vc_redirdev_def *d);
void vc_redirfilter_format(vc_buf *b, const vc_redirfilter_def *d);
void vc_hub_format(vc_buf *b, const vc_hub_def *d);
void vc_fs_format(vc_buf *b, const vc_fs_def *d);
void vc_lease_format(vc_buf *b, const vc_lease_def *d);

/* domain_cpu.c: <cpu>, <clock> */
vc_cpu_def *vc_cpu_parse(vc_parse_ctx *ctx, const xmlNode *node);
void vc_cpu_format(vc_buf *b, const vc_cpu_def *cpu);
void vc_cpu_def_free(vc_cpu_def *cpu);
int vc_clock_parse(vc_parse_ctx *ctx, const xmlNode *node, vc_clock_def *clock);
void vc_clock_format(vc_buf *b, const vc_clock_def *clock);
void vc_clock_clear(vc_clock_def *clock);

/* Appending to a device array (vc_grow-backed, capacity by doubling). */
void vc_ptr_append(void *arrp, size_t *n, void *item);

/* ---- domain_parse.c ------------------------------------------------- */
/* vc_domain_parse() on a document read by vc_xml_read (vocabulary.c
 * looks at what was read afterwards). */
vc_domain_def *vc_domain_parse_doc(const xmlDoc *doc, const vc_host *host,
                                   unsigned flags, vc_error *err);

/* ---- domain_os.c, domain_devices.c, domain_defaults.c ---------------- */
int vc_os_parse(vc_parse_ctx *ctx, const xmlNode *root, vc_domain_def *def);
void vc_os_format(vc_buf *b, const vc_domain_def *def);

int vc_devices_parse(vc_parse_ctx *ctx, const xmlNode *devices, vc_domain_def *def);
int vc_domain_apply_defaults(vc_parse_ctx *ctx, vc_domain_def *def);

/* ---- domain_tune.c ---------------------------------------------------- */
/* The largest memory size, in KiB.  libvirt lets a size be as many
 * bytes as an off_t holds (LLONG_MAX) and rounds it up to KiB, but the
 * KiB it writes back must hold too: a byte count rounded up past
 * LLONG_MAX / 1024 KiB would be refused when read again. */
#define VC_MEMORY_KIB_MAX (LLONG_MAX / 1024)

/* <ELEM unit='U'>N</ELEM> in KiB (rounded up), at most
 * VC_MEMORY_KIB_MAX ("too large" past it, not wrapped).  1 set, 0
 * empty, -1 error. */
int vc_parse_memory(vc_parse_ctx *ctx, const xmlNode *n, unsigned long long *kib);
/* A size in bytes: attribute @attr of @n (its text when NULL) in the
 * unit its attribute @unit_attr names, @dflt when absent.  1 read, 0
 * absent, -1 error. */
int vc_parse_scaled(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                    const char *unit_attr, vc_memory_unit dflt, unsigned long long *out);
int vc_vcpu_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
int vc_cputune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
int vc_numatune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
int vc_blkiotune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
int vc_memtune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
/* blkiotune, memoryBacking, memtune, vcpu, cputune, numatune */
void vc_tune_format(vc_buf *b, const vc_domain_def *def);

#endif
