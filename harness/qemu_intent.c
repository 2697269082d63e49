/* qemu_intent.c: what the builder meant by a property list, in the
 * terms of the QEMU model's readings (qemu_opts.h): a leading value is
 * the implied key's, a flag "noKEY" is KEY=off and any other flag
 * KEY=on, and QemuOpts keeps its id apart. */
#include "qemu_opts.h"

#include <string.h>

static void add_flag(vc_qkvs *out, const char *key)
{
    if (strncmp(key, "no", 2) == 0)
        vc_qkvs_add(out, key + 2, "off");
    else
        vc_qkvs_add(out, key, "on");
}

/* A -cpu feature item: "+F", "-F", or "F". */
static void add_feature(vc_qkvs *out, const char *item)
{
    if (item[0] == '+' || item[0] == '-')
        vc_qkvs_add(out, item + 1, item[0] == '+' ? "on" : "off");
    else
        vc_qkvs_add(out, item, "on");
}

static void add_item(const vc_qm_option *opt, const char *implied, size_t i,
                     const vc_prop *it, vc_qkvs *out)
{
    /* a value where the syntax has none cannot match any reading */
    const char *stray = "(value with no key)";

    if (it->kind == VC_PROP_PAIR) {
        vc_qkvs_add(out, it->key, it->value);
        return;
    }
    switch (opt->syntax) {
    case VC_QM_OPTS:
    case VC_QM_KEYVAL:
        if (it->kind == VC_PROP_FLAG)
            add_flag(out, it->key);
        else
            vc_qkvs_add(out, i == 0 && implied ? implied : stray, it->value);
        return;
    case VC_QM_CPU:
        if (it->kind == VC_PROP_FLAG)
            vc_qkvs_add(out, it->key, "on");
        else if (i == 0)
            vc_qkvs_add(out, "model", it->value);
        else
            add_feature(out, it->value);
        return;
    case VC_QM_SOUNDHW:
        vc_qkvs_add(out, it->kind == VC_PROP_VALUE ? "card" : stray,
                    it->kind == VC_PROP_VALUE ? it->value : it->key);
        return;
    case VC_QM_CHR:
    case VC_QM_MONITOR:
        if (it->kind == VC_PROP_FLAG)
            add_flag(out, it->key);     /* "control" before the spec too */
        else
            vc_qkvs_add(out, "backend", it->value);
        return;
    default:
        vc_qkvs_add(out, stray, it->value ? it->value : it->key);
        return;
    }
}

void vc_qm_intent(const vc_qm_option *opt, const char *implied,
                  const vc_props *props, vc_qkvs *out)
{
    for (size_t i = 0; i < props->n; i++)
        add_item(opt, implied, i, &props->items[i], out);
    if (opt->syntax == VC_QM_OPTS)
        vc_qkvs_hoist_id(out);
}
