/* domain_devices.c: <devices>: each element handed to its family's
 * parser by the table of device_families.h, and what the table gives
 * the rest of the code: element names, counts, the address walk. */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

#define VC_HAS_INFO(dev) (&(dev)->info)
#define VC_NO_INFO(dev) ((void)(dev), (vc_device_info *)NULL)
#define VC_HAS_INFO_COUNT 1
#define VC_NO_INFO_COUNT 0

/* One reader per family: parse, check the limit, add (in order). */
#define VC_DEVICE_FAMILY(kind, elem, type, array, limit, pass, info, parse, add, \
                         format, format_all, free_fn) \
    static int read_##array(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def) \
    { \
        int (*add_fn)(vc_parse_ctx *, vc_domain_def *, type *) = add; \
        const char *limit_msg = limit; \
        type *dev; \
        if (limit_msg && def->n##array) \
            return vc_xml_error(ctx, "%s", limit_msg); \
        if (!(dev = parse(ctx, n))) \
            return -1; \
        if (add_fn) \
            return add_fn(ctx, def, dev); \
        vc_ptr_append(&def->array, &def->n##array, dev); \
        return 0; \
    }
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY

static const struct {
    const char *element;
    int pass;
    int (*read)(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def);
} families[VC_DEV_LAST] = {
#define VC_DEVICE_FAMILY(kind, elem, type, array, limit, pass, ...) \
    [VC_DEV_##kind] = { elem, pass, read_##array },
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY
};

const char *vc_device_kind_element(vc_device_kind kind)
{
    return (unsigned)kind < VC_DEV_LAST ? families[kind].element : NULL;
}

size_t vc_domain_ndevices(const vc_domain_def *def, vc_device_kind kind)
{
    switch (kind) {
#define VC_DEVICE_FAMILY(kind, elem, type, array, ...) \
    case VC_DEV_##kind: return def->n##array;
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY
    case VC_DEV_LAST:
        break;
    }
    return 0;
}

void *vc_domain_device(const vc_domain_def *def, vc_device_kind kind, size_t i)
{
    switch (kind) {
#define VC_DEVICE_FAMILY(kind, elem, type, array, ...) \
    case VC_DEV_##kind: return i < def->n##array ? def->array[i] : NULL;
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY
    case VC_DEV_LAST:
        break;
    }
    return NULL;
}

vc_device_info *vc_device_info_of(vc_device_kind kind, void *dev)
{
    switch (kind) {
#define VC_DEVICE_FAMILY(kind, elem, type, array, limit, pass, info, ...) \
    case VC_DEV_##kind: return info((type *)dev);
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY
    case VC_DEV_LAST:
        break;
    }
    return NULL;
}

/* virDomainDeviceInfoIterate's order: every family with an address. */
#define WALK_ORDER(X) X(DISK) X(NET) X(SOUND) X(HOSTDEV) X(VIDEO) X(CONTROLLER) \
    X(SMARTCARD) X(SERIAL) X(PARALLEL) X(CHANNEL) X(CONSOLE) X(INPUT) X(FS) \
    X(WATCHDOG) X(MEMBALLOON) X(HUB) X(REDIRDEV)
static const vc_device_kind walk_order[] = VC_DEV_ORDER_ARRAY(WALK_ORDER);
/* the families whose rows say VC_HAS_INFO */
enum {
    WITH_INFO = 0
#define VC_DEVICE_FAMILY(kind, elem, type, array, limit, pass, info, ...) \
    | (info##_COUNT << VC_DEV_##kind)
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY
};
VC_DEV_ORDER_CHECK(WALK_ORDER, (unsigned)WITH_INFO, "walk_order");

int vc_domain_walk_infos(vc_domain_def *def, vc_device_info_cb cb, void *opaque)
{
    for (size_t k = 0; k < sizeof(walk_order) / sizeof(walk_order[0]); k++) {
        switch (walk_order[k]) {
#define VC_DEVICE_FAMILY(kind, elem, type, array, limit, pass, info, ...) \
        case VC_DEV_##kind: \
            for (size_t i = 0; i < def->n##array; i++) { \
                vc_device_info *in = info(def->array[i]); \
                if (in && cb(VC_DEV_##kind, def->array[i], in, opaque) < 0) \
                    return -1; \
            } \
            break;
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY
        case VC_DEV_LAST:
            break;
        }
    }
    return 0;
}

int vc_devices_parse(vc_parse_ctx *ctx, const xmlNode *devices, vc_domain_def *def)
{
    xmlNodePtr n;

    if ((n = vc_xml_child(devices, "emulator")))
        def->emulator = vc_xml_text(n);
    for (int pass = 1; pass <= 2; pass++) {
        for (n = devices->children; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE)
                continue;
            for (size_t k = 0; k < VC_DEV_LAST; k++) {
                if (families[k].pass != pass || !vc_xml_is(n, families[k].element))
                    continue;
                if (families[k].read(ctx, n, def) < 0)
                    return -1;
                break;
            }
        }
    }
    vc_channels_number_ports(def);
    return 0;
}
