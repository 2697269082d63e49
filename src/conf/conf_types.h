/* conf_types.h: small value types shared by the domain model. */
#ifndef VC_CONF_TYPES_H
#define VC_CONF_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "util/enum.h"

/* An optional on/off switch: 0 means "not given" (nothing formatted). */
typedef enum {
    VC_SWITCH_DEFAULT = 0,
    VC_SWITCH_ON,
    VC_SWITCH_OFF,
    VC_SWITCH_LAST
} vc_switch;
VC_ENUM_DECL(vc_switch);        /* "on" / "off" */

/* An optional yes/no: 0 means "not given". */
typedef enum {
    VC_YESNO_DEFAULT = 0,
    VC_YESNO_YES,
    VC_YESNO_NO,
    VC_YESNO_LAST
} vc_yesno;
VC_ENUM_DECL(vc_yesno);         /* "yes" / "no" */

/* A set of host CPUs or NUMA nodes (libvirt's cpuset syntax
 * "0-3,^2,8"); formatted canonically as ranges ("0-1,3,8"). */
#define VC_CPUMASK_BITS 1024
typedef struct vc_cpumask {
    bool set;                              /* given at all */
    uint64_t bits[VC_CPUMASK_BITS / 64];
} vc_cpumask;

bool vc_cpumask_get(const vc_cpumask *m, unsigned bit);
bool vc_cpumask_is_empty(const vc_cpumask *m);
/* Parse @s; -1 on syntax errors or CPUs >= VC_CPUMASK_BITS. */
int vc_cpumask_parse(const char *s, vc_cpumask *m);
/* Canonical text (caller frees). */
char *vc_cpumask_format(const vc_cpumask *m);

#define VC_UUID_LEN 16
/* Parse a UUID (hex digits with optional dashes, 32 digits); -1 if bad. */
int vc_uuid_parse(const char *s, unsigned char uuid[VC_UUID_LEN]);
/* Format as 8-4-4-4-12 lowercase into @out (37 bytes). */
void vc_uuid_format(const unsigned char uuid[VC_UUID_LEN], char out[37]);

#define VC_MAC_LEN 6
int vc_mac_parse(const char *s, unsigned char mac[VC_MAC_LEN]);
void vc_mac_format(const unsigned char mac[VC_MAC_LEN], char out[18]);

#endif
