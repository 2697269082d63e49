/* domain_devices.c: walking <devices> and handing each element to its
 * family parser; the console back-compat rules live here too. */
#include "conf/domain_defaults.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

/* libvirt's virDomainControllerInsertPreAlloced: keep controllers of a
 * type together, ordered by index. */
static void insert_controller(vc_domain_def *def, vc_controller_def *c)
{
    long at = -1;

    for (long i = (long)def->ncontrollers - 1; i >= 0; i--) {
        if (def->controllers[i]->type != c->type)
            continue;
        if (def->controllers[i]->idx > c->idx)
            at = i;
        else if (at == -1)
            at = i + 1;
    }
    vc_ptr_append(&def->controllers, &def->ncontrollers, c);
    if (at < 0)
        return;
    memmove(&def->controllers[at + 1], &def->controllers[at],
            (def->ncontrollers - 1 - (size_t)at) * sizeof(*def->controllers));
    def->controllers[at] = c;
}

static int add_console(vc_parse_ctx *ctx, vc_domain_def *def, vc_chr_def *chr)
{
    (void)ctx;
    /* The first <console> of an HVM guest with a serial target stands
     * for serial port 0: it becomes (or repeats) serials[0]. */
    if (def->nconsoles == 0 && chr->target_type == VC_CHR_CONSOLE_SERIAL &&
        VC_STREQ(def->os.type, "hvm")) {
        vc_chr_def *stub = VC_NEW(vc_chr_def);
        if (def->nserials == 0) {
            chr->device = VC_CHR_DEVICE_SERIAL;
            vc_ptr_append(&def->serials, &def->nserials, chr);
        } else {
            vc_chr_def_free(chr);
        }
        stub->device = VC_CHR_DEVICE_CONSOLE;
        stub->target_type = VC_CHR_CONSOLE_SERIAL;
        stub->target_port = 0;
        vc_ptr_append(&def->consoles, &def->nconsoles, stub);
        return 0;
    }
    chr->target_port = (int)def->nconsoles;
    vc_ptr_append(&def->consoles, &def->nconsoles, chr);
    return 0;
}

static int parse_one(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    const char *name = (const char *)n->name;
    void *d;

#define ADD(fn, arr) do { \
        if (!(d = fn)) return -1; \
        vc_ptr_append(&def->arr, &def->n##arr, d); \
        return 0; \
    } while (0)

    if (VC_STREQ(name, "disk"))
        ADD(vc_disk_parse(ctx, n), disks);
    if (VC_STREQ(name, "controller")) {
        vc_controller_def *c = vc_controller_parse(ctx, n);
        if (!c)
            return -1;
        insert_controller(def, c);
        return 0;
    }
    if (VC_STREQ(name, "lease"))
        ADD(vc_lease_parse(ctx, n), leases);
    if (VC_STREQ(name, "filesystem"))
        ADD(vc_fs_parse(ctx, n), fss);
    if (VC_STREQ(name, "interface"))
        ADD(vc_net_parse(ctx, n, def), nets);
    if (VC_STREQ(name, "smartcard"))
        ADD(vc_smartcard_parse(ctx, n), smartcards);
    if (VC_STREQ(name, "serial"))
        ADD(vc_chr_parse(ctx, n, VC_CHR_DEVICE_SERIAL, def), serials);
    if (VC_STREQ(name, "parallel"))
        ADD(vc_chr_parse(ctx, n, VC_CHR_DEVICE_PARALLEL, def), parallels);
    if (VC_STREQ(name, "channel"))
        ADD(vc_chr_parse(ctx, n, VC_CHR_DEVICE_CHANNEL, def), channels);
    if (VC_STREQ(name, "input"))
        ADD(vc_input_parse(ctx, n, def), inputs);
    if (VC_STREQ(name, "graphics"))
        ADD(vc_graphics_parse(ctx, n), graphics);
    if (VC_STREQ(name, "sound"))
        ADD(vc_sound_parse(ctx, n), sounds);
    if (VC_STREQ(name, "video"))
        ADD(vc_video_parse(ctx, n, def), videos);
    if (VC_STREQ(name, "hostdev"))
        ADD(vc_hostdev_parse(ctx, n), hostdevs);
    if (VC_STREQ(name, "redirdev"))
        ADD(vc_redirdev_parse(ctx, n), redirdevs);
    if (VC_STREQ(name, "hub"))
        ADD(vc_hub_parse(ctx, n), hubs);
#undef ADD
    return 0;
}

int vc_devices_parse(vc_parse_ctx *ctx, const xmlNode *devices, vc_domain_def *def)
{
    xmlNodePtr n;

    if ((n = vc_xml_child(devices, "emulator")))
        def->emulator = vc_xml_text(n);
    /* serials before consoles: the console compat rule looks at them */
    for (n = devices->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || vc_xml_is(n, "console"))
            continue;
        if (vc_xml_is(n, "watchdog")) {
            if (def->watchdog)
                return vc_xml_error(ctx, "only a single watchdog device is supported");
            if (!(def->watchdog = vc_watchdog_parse(ctx, n)))
                return -1;
        } else if (vc_xml_is(n, "memballoon")) {
            if (def->memballoon)
                return vc_xml_error(ctx, "only a single memory balloon device is supported");
            if (!(def->memballoon = vc_memballoon_parse(ctx, n)))
                return -1;
        } else if (vc_xml_is(n, "redirfilter")) {
            if (def->redirfilter)
                return vc_xml_error(ctx, "only one redirfilter is supported");
            if (!(def->redirfilter = vc_redirfilter_parse(ctx, n)))
                return -1;
        } else if (parse_one(ctx, n, def) < 0) {
            return -1;
        }
    }
    for (n = devices->children; n; n = n->next) {
        vc_chr_def *chr;
        if (!vc_xml_is(n, "console"))
            continue;
        if (!(chr = vc_chr_parse(ctx, n, VC_CHR_DEVICE_CONSOLE, def)))
            return -1;
        add_console(ctx, def, chr);
    }
    return 0;
}
