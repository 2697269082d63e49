/* domain_defaults.h: <os> with the host-capability defaults, the
 * <devices> walk and the defaults libvirt fills in after parsing
 * (internal). */
#ifndef VC_CONF_DOMAIN_DEFAULTS_H
#define VC_CONF_DOMAIN_DEFAULTS_H

#include "conf/domain_xml.h"

int vc_os_parse(vc_parse_ctx *ctx, const xmlNode *root, vc_domain_def *def);
void vc_os_format(vc_buf *b, const vc_domain_def *def);

int vc_devices_parse(vc_parse_ctx *ctx, const xmlNode *devices, vc_domain_def *def);
int vc_domain_apply_defaults(vc_parse_ctx *ctx, vc_domain_def *def);

#endif
