/* domain_tune.h: memory, vcpu and tuning elements (internal). */
#ifndef VC_CONF_DOMAIN_TUNE_H
#define VC_CONF_DOMAIN_TUNE_H

#include "conf/domain_xml.h"

/* <ELEM unit='U'>N</ELEM> in KiB (rounded up). 1 set, 0 empty, -1 error. */
int vc_parse_memory(vc_parse_ctx *ctx, const xmlNode *n, unsigned long long *kib);
int vc_vcpu_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
int vc_cputune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
int vc_numatune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
int vc_blkiotune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
int vc_memtune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
/* blkiotune, memoryBacking, memtune, vcpu, cputune, numatune */
void vc_tune_format(vc_buf *b, const vc_domain_def *def);

#endif
