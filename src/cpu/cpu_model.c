/* cpu_model.c: libvirt's x86 CPU model logic (cpu_x86.c) for -cpu.
 *
 * The guest's CPUID data is worked out from the host CPU and the <cpu>
 * element (x86Compute), then described as the allowed model that needs
 * the fewest +/- features (x86Decode).  The map's features and models
 * are walked in reverse document order, as libvirt's prepended lists
 * are: that order decides the feature order in the output and which
 * model wins a tie. */
#include "cpu/cpu_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct engine {
    const vc_host_cpu *host;
    bool skip_legacy;
    vc_error *err;
} engine;

/* A configuration the engine refuses, as the builder reports it. */
__attribute__((format(printf, 2, 3)))
static int fail(const engine *e, const char *fmt, ...)
{
    char msg[VC_ERROR_MSG_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return vc_error_set(e->err, VC_EXIT_BUILD, "%s", msg);
}

/* --- the host's models ----------------------------------------------- */

/* A model the emulator offers (its legacy ones unless left out). */
static bool model_allowed(const engine *e, const char *name)
{
    const vc_host_cpu *cpu = e->host;

    for (size_t i = 0; i < cpu->nmodels; i++)
        if (VC_STREQ(cpu->models[i], name))
            return true;
    if (e->skip_legacy)
        return false;
    for (size_t i = 0; i < cpu->nlegacy_models; i++)
        if (VC_STREQ(cpu->legacy_models[i], name))
            return true;
    return false;
}

/* --- guest data (x86Compute) ------------------------------------------ */

typedef struct guest_cpu {
    const char *model;
    const char *vendor;
    vc_cpu_match match;
    vc_cpu_fallback fallback;
    const vc_cpu_feature *features;
    size_t nfeatures;
} guest_cpu;

static int feature_data(const engine *e, const vc_cpu_map *map, const char *name,
                        cpudata *into)
{
    const named_data *f = vc_cpu_map_feature(map, name);
    if (!f)
        return fail(e, "internal error Unknown CPU feature %s", name);
    vc_cpudata_add(into, &f->data);
    return 0;
}

static int model_data(const engine *e, const vc_cpu_map *map, const char *name,
                      cpudata *into)
{
    const named_data *m = vc_cpu_map_model(map, name);
    if (!m)
        return fail(e, "internal error Unknown CPU model %s",
                              name ? name : "");
    vc_cpudata_add(into, &m->data);
    return 0;
}

/* The guest's features of one policy (its model too for "require"). */
static int guest_policy_data(const engine *e, const vc_cpu_map *map, const guest_cpu *g,
                             vc_cpu_feature_policy policy, cpudata *into)
{
    if (policy == VC_CPU_FEATURE_REQUIRE && model_data(e, map, g->model, into) < 0)
        return -1;
    for (size_t i = 0; i < g->nfeatures; i++)
        if (g->features[i].policy == policy &&
            feature_data(e, map, g->features[i].name, into) < 0)
            return -1;
    return 0;
}

static int host_data(const engine *e, const vc_cpu_map *map, cpudata *into)
{
    const vc_host_cpu *cpu = e->host;

    if (model_data(e, map, cpu->model, into) < 0)
        return -1;
    for (size_t i = 0; i < cpu->nfeatures; i++)
        if (feature_data(e, map, cpu->features[i], into) < 0)
            return -1;
    return 0;
}

static int incompatible(const engine *e, const char *why)
{
    return fail(e, "operation failed: guest and host CPU are not "
                          "compatible: %s", why);
}

static int compute_guest(const engine *e, const vc_cpu_map *map, const guest_cpu *g,
                         cpudata *guest)
{
    cpudata host = { 0 }, p[VC_CPU_FEATURE_LAST] = { { 0 } }, diff = { 0 };
    cmp_result cmp;
    int ret = -1;

    if (g->vendor && !vc_streq_null(g->vendor, e->host->vendor)) {
        char *msg = vc_asprintf("host CPU vendor does not match required CPU vendor %s",
                                g->vendor);
        incompatible(e, msg);
        free(msg);
        return -1;
    }
    if (host_data(e, map, &host) < 0)
        goto cleanup;
    for (int pol = 0; pol < VC_CPU_FEATURE_LAST; pol++)
        if (guest_policy_data(e, map, g, pol, &p[pol]) < 0)
            goto cleanup;

    if (vc_cpudata_intersects(&p[VC_CPU_FEATURE_FORBID], &host)) {
        incompatible(e, "Host CPU provides forbidden features");
        goto cleanup;
    }
    /* the model's own features the guest forced, dropped or relaxed */
    vc_cpudata_sub(&p[VC_CPU_FEATURE_REQUIRE], &p[VC_CPU_FEATURE_FORCE]);
    vc_cpudata_sub(&p[VC_CPU_FEATURE_REQUIRE], &p[VC_CPU_FEATURE_OPTIONAL]);
    vc_cpudata_sub(&p[VC_CPU_FEATURE_REQUIRE], &p[VC_CPU_FEATURE_DISABLE]);
    cmp = vc_cpudata_compare(&host, &p[VC_CPU_FEATURE_REQUIRE]);
    if (cmp == CMP_SUBSET || cmp == CMP_UNRELATED) {
        incompatible(e, "Host CPU does not provide required features");
        goto cleanup;
    }

    /* what the host has beyond what the guest mentions */
    vc_cpudata_copy(&diff, &host);
    vc_cpudata_sub(&diff, &p[VC_CPU_FEATURE_OPTIONAL]);
    vc_cpudata_sub(&diff, &p[VC_CPU_FEATURE_REQUIRE]);
    vc_cpudata_sub(&diff, &p[VC_CPU_FEATURE_DISABLE]);
    vc_cpudata_sub(&diff, &p[VC_CPU_FEATURE_FORCE]);
    if (!vc_cpudata_empty(&diff) && g->match == VC_CPU_MATCH_STRICT) {
        incompatible(e, "Host CPU does not strictly match guest CPU: Extra features");
        goto cleanup;
    }

    vc_cpudata_copy(guest, &host);
    if (g->match == VC_CPU_MATCH_EXACT)
        vc_cpudata_sub(guest, &diff);
    vc_cpudata_add(guest, &p[VC_CPU_FEATURE_FORCE]);
    vc_cpudata_sub(guest, &p[VC_CPU_FEATURE_DISABLE]);
    ret = 0;

cleanup:
    vc_cpudata_free(&host);
    vc_cpudata_free(&diff);
    for (int pol = 0; pol < VC_CPU_FEATURE_LAST; pol++)
        vc_cpudata_free(&p[pol]);
    return ret;
}

/* --- decoding (x86Decode) ----------------------------------------------- */

/* One candidate description: the model, and its +features / -features. */
typedef struct described {
    const named_data *model;
    vc_props features;
} described;

/* Features of @bits in reverse map order, each taken out once. */
static void describe_features(const vc_cpu_map *map, cpudata *bits, char sign, vc_props *out)
{
    for (size_t i = map->nfeatures; i-- > 0;) {
        const named_data *f = &map->features[i];
        if (vc_cpudata_empty(&f->data) || !vc_cpudata_is_subset(bits, &f->data))
            continue;
        vc_cpudata_sub(bits, &f->data);
        vc_props_valuef(out, "%c%s", sign, f->name);
    }
}

static void describe(const vc_cpu_map *map, const named_data *model, const cpudata *data,
                     described *d)
{
    cpudata extra, missing;

    vc_cpudata_copy(&extra, data);
    vc_cpudata_sub(&extra, &model->data);
    vc_cpudata_copy(&missing, &model->data);
    vc_cpudata_sub(&missing, data);
    d->model = model;
    describe_features(map, &extra, '+', &d->features);
    describe_features(map, &missing, '-', &d->features);
    vc_cpudata_free(&extra);
    vc_cpudata_free(&missing);
}

static int decode(const engine *e, const vc_cpu_map *map, const cpudata *data,
                  const char *preferred, vc_cpu_fallback fallback,
                  const char *vendor_id, vc_props *out)
{
    described best = { NULL, VC_PROPS_INIT };

    for (size_t i = map->nmodels; i-- > 0;) {
        const named_data *m = &map->models[i];
        described cand = { NULL, VC_PROPS_INIT };
        bool is_preferred = preferred && VC_STREQ(m->name, preferred);

        if (!model_allowed(e, m->name)) {
            if (is_preferred && fallback != VC_CPU_FALLBACK_ALLOW) {
                vc_props_free(&best.features);
                return fail(e, "unsupported configuration: CPU model %s is not supported by "
                                            "hypervisor", preferred);
            }
            continue;
        }
        describe(map, m, data, &cand);
        if (is_preferred) {
            vc_props_free(&best.features);
            best = cand;
            break;
        }
        if (!best.model || best.features.n > cand.features.n) {
            vc_props_free(&best.features);
            best = cand;
        } else {
            vc_props_free(&cand.features);
        }
    }
    if (!best.model)
        return fail(e, "internal error Cannot find suitable CPU model "
                              "for given data");
    vc_props_value(out, best.model->name);
    if (vendor_id)
        vc_props_add(out, "vendor", vendor_id);
    vc_props_move(out, &best.features);
    return 0;
}

int vc_cpu_model_guest(const vc_cpu_map *map, const vc_host_cpu *host,
                       bool skip_legacy, const vc_cpu_def *cpu, vc_props *out,
                       vc_error *err)
{
    engine eng = { host, skip_legacy, err }, *e = &eng;
    cpudata guest = { 0 };
    guest_cpu g;
    vc_cpu_feature *host_feats = NULL;
    const char *preferred;
    int ret = -1;

    /* models need the host's CPU and the emulator's list of models */
    if (!host->model || !map)
        return fail(e, "Requested operation is not valid: CPU "
                    "specification not supported by hypervisor");

    g.fallback = cpu->fallback;
    if (cpu->mode == VC_CPU_MODE_HOST_MODEL) {
        /* the host's CPU, every feature required */
        host_feats = vc_calloc(host->nfeatures, sizeof(*host_feats));
        for (size_t i = 0; i < host->nfeatures; i++) {
            host_feats[i].name = (char *)host->features[i];
            host_feats[i].policy = VC_CPU_FEATURE_REQUIRE;
        }
        g.model = host->model;
        g.vendor = host->vendor;
        g.match = VC_CPU_MATCH_EXACT;
        g.features = host_feats;
        g.nfeatures = host->nfeatures;
    } else {
        g.model = cpu->model;
        g.vendor = cpu->vendor;
        g.match = cpu->has_match ? cpu->match : VC_CPU_MATCH_EXACT;
        g.features = cpu->features;
        g.nfeatures = cpu->nfeatures;
    }
    if (compute_guest(e, map, &g, &guest) < 0)
        goto cleanup;
    preferred = g.match == VC_CPU_MATCH_MINIMUM ? host->model : g.model;
    if (decode(e, map, &guest, preferred, g.fallback, cpu->vendor_id, out) < 0)
        goto cleanup;
    ret = 0;

cleanup:
    free(host_feats);
    vc_cpudata_free(&guest);
    return ret;
}
