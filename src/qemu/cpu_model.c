/* cpu_model.c: libvirt's x86 CPU model logic (cpu_x86.c) for -cpu.
 *
 * CPUID data is a sparse set of (function -> eax/ebx/ecx/edx bits).
 * The guest's data is worked out from the host CPU and the <cpu>
 * element (x86Compute), then described as the allowed model that needs
 * the fewest +/- features (x86Decode).  libvirt keeps the map's
 * features and models in lists it prepends to, so both are walked in
 * reverse document order here: that order decides the feature order
 * in the output and which model wins a tie. */
#include "qemu/cpu_model.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

typedef struct cpuid {
    uint32_t fn;
    uint32_t r[4];          /* eax, ebx, ecx, edx */
} cpuid;

typedef struct cpudata {
    cpuid *e;
    size_t n, cap;
} cpudata;

typedef struct named_data {
    char *name;
    char *vendor;           /* models only */
    cpudata data;
} named_data;

typedef struct cpumap {
    named_data *features;
    size_t nfeatures, features_cap;
    named_data *models;
    size_t nmodels, models_cap;
} cpumap;

/* --- CPUID data ---------------------------------------------------- */

static bool cpuid_zero(const cpuid *c)
{
    return !(c->r[0] | c->r[1] | c->r[2] | c->r[3]);
}

/* The entry for @fn, NULL when absent or all zero. */
static cpuid *data_get(const cpudata *d, uint32_t fn)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->e[i].fn == fn)
            return cpuid_zero(&d->e[i]) ? NULL : &d->e[i];
    return NULL;
}

static cpuid *data_slot(cpudata *d, uint32_t fn)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->e[i].fn == fn)
            return &d->e[i];
    vc_grow(&d->e, &d->cap, d->n + 1, sizeof(*d->e));
    memset(&d->e[d->n], 0, sizeof(d->e[0]));
    d->e[d->n].fn = fn;
    return &d->e[d->n++];
}

static void data_add(cpudata *d, const cpudata *add)
{
    for (size_t i = 0; i < add->n; i++) {
        cpuid *c = data_slot(d, add->e[i].fn);
        for (int r = 0; r < 4; r++)
            c->r[r] |= add->e[i].r[r];
    }
}

static void data_sub(cpudata *d, const cpudata *sub)
{
    for (size_t i = 0; i < sub->n; i++) {
        cpuid *c = data_get(d, sub->e[i].fn);
        if (c)
            for (int r = 0; r < 4; r++)
                c->r[r] &= ~sub->e[i].r[r];
    }
}

static void data_copy(cpudata *dst, const cpudata *src)
{
    memset(dst, 0, sizeof(*dst));
    data_add(dst, src);
}

static void data_free(cpudata *d)
{
    free(d->e);
    memset(d, 0, sizeof(*d));
}

static bool cpuid_contains(const cpuid *c, const cpuid *mask)
{
    for (int r = 0; r < 4; r++)
        if ((c->r[r] & mask->r[r]) != mask->r[r])
            return false;
    return true;
}

static bool data_is_subset(const cpudata *d, const cpudata *subset)
{
    for (size_t i = 0; i < subset->n; i++) {
        const cpuid *c;
        if (cpuid_zero(&subset->e[i]))
            continue;
        if (!(c = data_get(d, subset->e[i].fn)) || !cpuid_contains(c, &subset->e[i]))
            return false;
    }
    return true;
}

static bool data_intersects(const cpudata *a, const cpudata *b)
{
    for (size_t i = 0; i < a->n; i++) {
        const cpuid *c = data_get(b, a->e[i].fn);
        if (!c)
            continue;
        for (int r = 0; r < 4; r++)
            if (a->e[i].r[r] & c->r[r])
                return true;
    }
    return false;
}

static bool data_empty(const cpudata *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (!cpuid_zero(&d->e[i]))
            return false;
    return true;
}

typedef enum { CMP_EQUAL, CMP_SUPERSET, CMP_SUBSET, CMP_UNRELATED } cmp_result;

/* x86ModelCompare: how @a's bits relate to @b's, function by function. */
static cmp_result data_compare(const cpudata *a, const cpudata *b)
{
    cmp_result result = CMP_EQUAL;
    const cpudata *sides[2] = { a, b };

    for (int s = 0; s < 2; s++) {
        const cpudata *x = sides[s], *y = sides[1 - s];
        for (size_t i = 0; i < x->n; i++) {
            const cpuid *c1 = &x->e[i], *c2;
            cmp_result match = s == 0 ? CMP_SUPERSET : CMP_SUBSET;

            if (cpuid_zero(c1))
                continue;
            if ((c2 = data_get(y, c1->fn))) {
                if (!memcmp(c1->r, c2->r, sizeof(c1->r)))
                    continue;
                if (!cpuid_contains(c1, c2))
                    match = s == 0 ? CMP_SUBSET : CMP_SUPERSET;
            }
            if (result == CMP_EQUAL)
                result = match;
            else if (result != match)
                return CMP_UNRELATED;
        }
    }
    return result;
}

/* --- the map --------------------------------------------------------- */

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = v ? vc_strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static bool is_elem(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name);
}

static const named_data *map_find(const named_data *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (name && VC_STREQ(list[i].name, name))
            return &list[i];
    return NULL;
}

static int load_feature(vc_build_ctx *ctx, cpumap *map, xmlNodePtr node)
{
    static const char *const regs[4] = { "eax", "ebx", "ecx", "edx" };
    named_data f = { prop(node, "name"), NULL, { NULL, 0, 0 } };

    for (xmlNodePtr c = node->children; c; c = c->next) {
        char *fn;
        unsigned long long v;
        cpuid *slot;

        if (!is_elem(c, "cpuid"))
            continue;
        fn = prop(c, "function");
        if (!fn || !vc_parse_ull(fn, 0, &v)) {
            free(fn);
            free(f.name);
            data_free(&f.data);
            return vc_build_error(ctx, "internal error Invalid cpuid function in CPU map");
        }
        free(fn);
        slot = data_slot(&f.data, (uint32_t)v);
        for (int r = 0; r < 4; r++) {
            char *s = prop(c, regs[r]);
            unsigned long long bits = 0;
            if (s)
                vc_parse_ull(s, 0, &bits);
            slot->r[r] |= (uint32_t)bits;
            free(s);
        }
    }
    vc_grow(&map->features, &map->features_cap, map->nfeatures + 1, sizeof(f));
    map->features[map->nfeatures++] = f;
    return 0;
}

static int load_model(vc_build_ctx *ctx, cpumap *map, xmlNodePtr node)
{
    named_data m = { prop(node, "name"), NULL, { NULL, 0, 0 } };
    int ret = -1;

    for (xmlNodePtr c = node->children; c; c = c->next) {
        char *name;
        const named_data *ref;

        if (c->type != XML_ELEMENT_NODE)
            continue;
        name = prop(c, "name");
        if (is_elem(c, "model")) {
            if (!(ref = map_find(map->models, map->nmodels, name))) {
                vc_build_error(ctx, "internal error Missing ancestor's name in CPU model %s",
                               m.name);
                free(name);
                goto cleanup;
            }
            free(m.vendor);
            m.vendor = ref->vendor ? vc_strdup(ref->vendor) : NULL;
            data_free(&m.data);
            data_copy(&m.data, &ref->data);
        } else if (is_elem(c, "vendor")) {
            free(m.vendor);
            m.vendor = name;
            name = NULL;
        } else if (is_elem(c, "feature")) {
            if (!(ref = map_find(map->features, map->nfeatures, name))) {
                vc_build_error(ctx, "internal error Feature %s required by CPU model %s "
                               "not found", name ? name : "", m.name);
                free(name);
                goto cleanup;
            }
            data_add(&m.data, &ref->data);
        }
        free(name);
    }
    vc_grow(&map->models, &map->models_cap, map->nmodels + 1, sizeof(m));
    map->models[map->nmodels++] = m;
    return 0;

cleanup:
    free(m.name);
    free(m.vendor);
    data_free(&m.data);
    return ret;
}

static void map_free(cpumap *map)
{
    for (size_t i = 0; i < map->nfeatures; i++) {
        free(map->features[i].name);
        data_free(&map->features[i].data);
    }
    for (size_t i = 0; i < map->nmodels; i++) {
        free(map->models[i].name);
        free(map->models[i].vendor);
        data_free(&map->models[i].data);
    }
    free(map->features);
    free(map->models);
}

static int map_load(vc_build_ctx *ctx, const char *path, cpumap *map)
{
    xmlDocPtr doc;
    xmlNodePtr root;
    int ret = 0;

    memset(map, 0, sizeof(*map));
    doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        return vc_build_error(ctx, "internal error cannot parse CPU map %s", path);
    root = xmlDocGetRootElement(doc);
    for (xmlNodePtr arch = root ? root->children : NULL; arch && !ret; arch = arch->next) {
        char *name;
        bool x86;
        if (!is_elem(arch, "arch"))
            continue;
        name = prop(arch, "name");
        x86 = name && VC_STREQ(name, "x86");
        free(name);
        if (!x86)
            continue;
        for (xmlNodePtr n = arch->children; n && !ret; n = n->next) {
            if (is_elem(n, "feature"))
                ret = load_feature(ctx, map, n);
            else if (is_elem(n, "model"))
                ret = load_model(ctx, map, n);
        }
    }
    xmlFreeDoc(doc);
    if (ret < 0)
        map_free(map);
    return ret;
}

/* --- the host's models ----------------------------------------------- */

/* A model the emulator offers (its legacy ones unless left out). */
static bool model_allowed(vc_build_ctx *ctx, const char *name)
{
    const vc_host_cpu *cpu = &ctx->host->cpu;

    for (size_t i = 0; i < cpu->nmodels; i++)
        if (VC_STREQ(cpu->models[i], name))
            return true;
    if (ctx->opts->skip_legacy_cpus)
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

static int feature_data(vc_build_ctx *ctx, const cpumap *map, const char *name,
                        cpudata *into)
{
    const named_data *f = map_find(map->features, map->nfeatures, name);
    if (!f)
        return vc_build_error(ctx, "internal error Unknown CPU feature %s", name);
    data_add(into, &f->data);
    return 0;
}

static int model_data(vc_build_ctx *ctx, const cpumap *map, const char *name,
                      cpudata *into)
{
    const named_data *m = map_find(map->models, map->nmodels, name);
    if (!m)
        return vc_build_error(ctx, "internal error Unknown CPU model %s",
                              name ? name : "");
    data_add(into, &m->data);
    return 0;
}

/* The guest's features of one policy (its model too for "require"). */
static int guest_policy_data(vc_build_ctx *ctx, const cpumap *map, const guest_cpu *g,
                             vc_cpu_feature_policy policy, cpudata *into)
{
    if (policy == VC_CPU_FEATURE_REQUIRE && model_data(ctx, map, g->model, into) < 0)
        return -1;
    for (size_t i = 0; i < g->nfeatures; i++)
        if (g->features[i].policy == policy &&
            feature_data(ctx, map, g->features[i].name, into) < 0)
            return -1;
    return 0;
}

static int host_data(vc_build_ctx *ctx, const cpumap *map, cpudata *into)
{
    const vc_host_cpu *cpu = &ctx->host->cpu;

    if (model_data(ctx, map, cpu->model, into) < 0)
        return -1;
    for (size_t i = 0; i < cpu->nfeatures; i++)
        if (feature_data(ctx, map, cpu->features[i], into) < 0)
            return -1;
    return 0;
}

static int incompatible(vc_build_ctx *ctx, const char *why)
{
    return vc_build_error(ctx, "operation failed: guest and host CPU are not "
                          "compatible: %s", why);
}

static int compute_guest(vc_build_ctx *ctx, const cpumap *map, const guest_cpu *g,
                         cpudata *guest)
{
    cpudata host = { 0 }, p[VC_CPU_FEATURE_LAST] = { { 0 } }, diff = { 0 };
    cmp_result cmp;
    int ret = -1;

    if (g->vendor && !vc_streq_null(g->vendor, ctx->host->cpu.vendor)) {
        char *msg = vc_asprintf("host CPU vendor does not match required CPU vendor %s",
                                g->vendor);
        incompatible(ctx, msg);
        free(msg);
        return -1;
    }
    if (host_data(ctx, map, &host) < 0)
        goto cleanup;
    for (int pol = 0; pol < VC_CPU_FEATURE_LAST; pol++)
        if (guest_policy_data(ctx, map, g, pol, &p[pol]) < 0)
            goto cleanup;

    if (data_intersects(&p[VC_CPU_FEATURE_FORBID], &host)) {
        incompatible(ctx, "Host CPU provides forbidden features");
        goto cleanup;
    }
    /* the model's own features the guest forced, dropped or relaxed */
    data_sub(&p[VC_CPU_FEATURE_REQUIRE], &p[VC_CPU_FEATURE_FORCE]);
    data_sub(&p[VC_CPU_FEATURE_REQUIRE], &p[VC_CPU_FEATURE_OPTIONAL]);
    data_sub(&p[VC_CPU_FEATURE_REQUIRE], &p[VC_CPU_FEATURE_DISABLE]);
    cmp = data_compare(&host, &p[VC_CPU_FEATURE_REQUIRE]);
    if (cmp == CMP_SUBSET || cmp == CMP_UNRELATED) {
        incompatible(ctx, "Host CPU does not provide required features");
        goto cleanup;
    }

    /* what the host has beyond what the guest mentions */
    data_copy(&diff, &host);
    data_sub(&diff, &p[VC_CPU_FEATURE_OPTIONAL]);
    data_sub(&diff, &p[VC_CPU_FEATURE_REQUIRE]);
    data_sub(&diff, &p[VC_CPU_FEATURE_DISABLE]);
    data_sub(&diff, &p[VC_CPU_FEATURE_FORCE]);
    if (!data_empty(&diff) && g->match == VC_CPU_MATCH_STRICT) {
        incompatible(ctx, "Host CPU does not strictly match guest CPU: Extra features");
        goto cleanup;
    }

    data_copy(guest, &host);
    if (g->match == VC_CPU_MATCH_EXACT)
        data_sub(guest, &diff);
    data_add(guest, &p[VC_CPU_FEATURE_FORCE]);
    data_sub(guest, &p[VC_CPU_FEATURE_DISABLE]);
    ret = 0;

cleanup:
    data_free(&host);
    data_free(&diff);
    for (int pol = 0; pol < VC_CPU_FEATURE_LAST; pol++)
        data_free(&p[pol]);
    return ret;
}

/* --- decoding (x86Decode) ----------------------------------------------- */

/* One candidate description: the model, and its +features / -features. */
typedef struct described {
    const named_data *model;
    vc_props features;
} described;

/* Features of @bits in reverse map order, each taken out once. */
static void describe_features(const cpumap *map, cpudata *bits, char sign, vc_props *out)
{
    for (size_t i = map->nfeatures; i-- > 0;) {
        const named_data *f = &map->features[i];
        if (data_empty(&f->data) || !data_is_subset(bits, &f->data))
            continue;
        data_sub(bits, &f->data);
        vc_props_valuef(out, "%c%s", sign, f->name);
    }
}

static void describe(const cpumap *map, const named_data *model, const cpudata *data,
                     described *d)
{
    cpudata extra, missing;

    data_copy(&extra, data);
    data_sub(&extra, &model->data);
    data_copy(&missing, &model->data);
    data_sub(&missing, data);
    d->model = model;
    describe_features(map, &extra, '+', &d->features);
    describe_features(map, &missing, '-', &d->features);
    data_free(&extra);
    data_free(&missing);
}

static int decode(vc_build_ctx *ctx, const cpumap *map, const cpudata *data,
                  const char *preferred, vc_cpu_fallback fallback,
                  const char *vendor_id, vc_props *out)
{
    described best = { NULL, VC_PROPS_INIT };

    for (size_t i = map->nmodels; i-- > 0;) {
        const named_data *m = &map->models[i];
        described cand = { NULL, VC_PROPS_INIT };
        bool is_preferred = preferred && VC_STREQ(m->name, preferred);

        if (!model_allowed(ctx, m->name)) {
            if (is_preferred && fallback != VC_CPU_FALLBACK_ALLOW) {
                vc_props_free(&best.features);
                return vc_build_unsupported(ctx, "CPU model %s is not supported by "
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
        return vc_build_error(ctx, "internal error Cannot find suitable CPU model "
                              "for given data");
    vc_props_value(out, best.model->name);
    if (vendor_id)
        vc_props_add(out, "vendor", vendor_id);
    vc_props_move(out, &best.features);
    return 0;
}

int vc_cpu_model_guest(vc_build_ctx *ctx, vc_props *out)
{
    const vc_cpu_def *cpu = ctx->def->cpu;
    cpumap map;
    cpudata guest = { 0 };
    guest_cpu g;
    vc_cpu_feature *host_feats = NULL;
    const char *preferred;
    int ret = -1;

    /* models need the host's CPU and the emulator's list of models */
    if (!ctx->host->cpu.model || !ctx->opts->cpu_map_path)
        return vc_build_error(ctx, "Requested operation is not valid: CPU "
                              "specification not supported by hypervisor");
    if (map_load(ctx, ctx->opts->cpu_map_path, &map) < 0)
        return -1;

    g.fallback = cpu->fallback;
    if (cpu->mode == VC_CPU_MODE_HOST_MODEL) {
        /* the host's CPU, every feature required */
        size_t n = ctx->host->cpu.nfeatures;
        host_feats = vc_calloc(n, sizeof(*host_feats));
        for (size_t i = 0; i < n; i++) {
            host_feats[i].name = (char *)ctx->host->cpu.features[i];
            host_feats[i].policy = VC_CPU_FEATURE_REQUIRE;
        }
        g.model = ctx->host->cpu.model;
        g.vendor = ctx->host->cpu.vendor;
        g.match = VC_CPU_MATCH_EXACT;
        g.features = host_feats;
        g.nfeatures = n;
    } else {
        g.model = cpu->model;
        g.vendor = cpu->vendor;
        g.match = cpu->has_match ? cpu->match : VC_CPU_MATCH_EXACT;
        g.features = cpu->features;
        g.nfeatures = cpu->nfeatures;
    }
    if (compute_guest(ctx, &map, &g, &guest) < 0)
        goto cleanup;
    preferred = g.match == VC_CPU_MATCH_MINIMUM ? ctx->host->cpu.model : g.model;
    if (decode(ctx, &map, &guest, preferred, g.fallback, cpu->vendor_id, out) < 0)
        goto cleanup;
    ret = 0;

cleanup:
    free(host_feats);
    data_free(&guest);
    map_free(&map);
    return ret;
}
