/* domain_xml.h: the per-family parse and format entry points used by
 * domain_parse.c and domain_format.c (internal to src/conf).
 *
 * Each parse function reads one element and returns the new object, or
 * NULL with ctx->err set.  Each format function appends the canonical
 * element(s) at the device indentation (4 spaces) unless stated. */
#ifndef VC_CONF_DOMAIN_XML_H
#define VC_CONF_DOMAIN_XML_H

#include "conf/domain.h"
#include "conf/xml_util.h"

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
vc_disk_def *vc_disk_parse(vc_parse_ctx *ctx, const xmlNode *node);
void vc_disk_format(vc_buf *b, const vc_disk_def *d);
int vc_disk_name_to_index(const char *name);
void vc_disk_assign_address(vc_disk_def *d);

/* controller.c */
vc_controller_def *vc_controller_parse(vc_parse_ctx *ctx, const xmlNode *node);
void vc_controller_format(vc_buf *b, const vc_controller_def *c);

/* net.c */
vc_net_def *vc_net_parse(vc_parse_ctx *ctx, const xmlNode *node);
void vc_net_format(vc_buf *b, const vc_net_def *n);

/* chr.c */
vc_chr_def *vc_chr_parse(vc_parse_ctx *ctx, const xmlNode *node,
                         vc_chr_device device, const vc_domain_def *def);
int vc_chr_source_parse(vc_parse_ctx *ctx, const xmlNode *node,
                        vc_chr_source *src);
void vc_chr_format(vc_buf *b, const vc_chr_def *c);
void vc_chr_source_format(vc_buf *b, const vc_chr_source *s, int indent,
                          bool tty_compat);

/* graphics.c */
vc_graphics_def *vc_graphics_parse(vc_parse_ctx *ctx, const xmlNode *node);
void vc_graphics_format(vc_buf *b, const vc_graphics_def *g);

/* devices.c: the smaller families */
vc_input_def *vc_input_parse(vc_parse_ctx *ctx, const xmlNode *node,
                             const vc_domain_def *def);
vc_sound_def *vc_sound_parse(vc_parse_ctx *ctx, const xmlNode *node);
vc_video_def *vc_video_parse(vc_parse_ctx *ctx, const xmlNode *node,
                             const vc_domain_def *def);
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

#endif
