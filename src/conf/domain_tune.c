/* domain_tune.c: memory sizes with units, <vcpu>, <cputune>,
 * <numatune>, <blkiotune>, <memtune> and <memoryBacking>. */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

VC_ENUM_IMPL(vc_placement, VC_PLACEMENT_LAST, "default", "static", "auto")
VC_ENUM_IMPL(vc_numatune_mode, VC_NUMATUNE_LAST, "strict", "preferred", "interleave")

VC_ENUM_IMPL(vc_memory_unit, VC_MEMORY_UNIT_LAST, "b", "bytes", "KB", "k", "KiB",
             "MB", "M", "MiB", "GB", "G", "GiB", "TB", "T", "TiB", "PB", "P", "PiB",
             "EB", "E", "EiB")

/* bytes per unit, in vc_memory_unit's order */
static const unsigned long long unit_scale[] = {
    1, 1,
    1000ull, 1024ull, 1024ull,
    1000000ull, 1ull << 20, 1ull << 20,
    1000000000ull, 1ull << 30, 1ull << 30,
    1000000000000ull, 1ull << 40, 1ull << 40,
    1000000000000000ull, 1ull << 50, 1ull << 50,
    1000000000000000000ull, 1ull << 60, 1ull << 60,
};
_Static_assert(sizeof(unit_scale) / sizeof(unit_scale[0]) == VC_MEMORY_UNIT_LAST,
               "a scale for every memory unit");

/* The bytes per unit of @n's @unit_attr (@dflt when absent), 0 after
 * an error. */
static unsigned long long unit_of(vc_parse_ctx *ctx, const xmlNode *n, const char *unit_attr,
                                  vc_memory_unit dflt)
{
    char *unit = vc_xml_prop(n, unit_attr);
    int u = unit ? vc_memory_unit_from_string(unit) : (int)dflt;

    if (u < 0) {
        vc_xml_error(ctx, "unknown suffix '%s' for <%s>", unit, (const char *)n->name);
        free(unit);
        return 0;
    }
    free(unit);
    return unit_scale[u];
}

int vc_parse_memory(vc_parse_ctx *ctx, const xmlNode *n, unsigned long long *kib)
{
    unsigned long long scale = unit_of(ctx, n, "unit", VC_MEMORY_UNIT_KIB), v;
    int r;

    if (!scale)
        return -1;
    if ((r = vc_xml_text_ull(ctx, n, ~0ull, &v)) <= 0)
        return r;
    if (v > (unsigned long long)VC_MEMORY_KIB_MAX * 1024 / scale)
        return vc_xml_error(ctx, "value of <%s> too large (at most %lld KiB)",
                            (const char *)n->name, VC_MEMORY_KIB_MAX);
    v *= scale;
    *kib = v / 1024 + (v % 1024 ? 1 : 0);
    return 1;
}

int vc_parse_scaled(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                    const char *unit_attr, vc_memory_unit dflt, unsigned long long *out)
{
    unsigned long long scale = unit_of(ctx, n, unit_attr, dflt), v;
    int r;

    if (!scale)
        return -1;
    r = attr ? vc_xml_ull(ctx, n, attr, 10, ~0ull, &v) : vc_xml_text_ull(ctx, n, ~0ull, &v);
    if (r <= 0)
        return r;
    if (v > ~0ull / scale)
        return vc_xml_error(ctx, "value of %s too large", attr ? attr : (const char *)n->name);
    *out = v * scale;
    return 1;
}

static int parse_cpumask_attr(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                              vc_cpumask *m)
{
    char *s = vc_xml_prop(n, attr);

    if (!s)
        return 0;
    if (vc_cpumask_parse(s, m) < 0) {
        vc_xml_error(ctx, "malformed %s '%s' in <%s>", attr, s, (const char *)n->name);
        free(s);
        return -1;
    }
    free(s);
    return 1;
}

int vc_vcpu_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    unsigned long long v = 1;
    unsigned cur;
    int p = VC_PLACEMENT_DEFAULT, r;

    def->maxvcpus = def->vcpus = 1;
    def->placement = VC_PLACEMENT_DEFAULT;
    if (!n)
        return 0;
    if (vc_xml_text_ull(ctx, n, 0xFFFF, &v) < 0)
        return -1;
    if (v == 0)
        return vc_xml_error(ctx, "invalid maxvcpus 0 in <vcpu>");
    def->maxvcpus = def->vcpus = (unsigned short)v;
    if ((r = vc_xml_uint(ctx, n, "current", 10, 0xFFFF, &cur)) < 0)
        return -1;
    if (r) {
        if (cur == 0 || cur > def->maxvcpus)
            return vc_xml_error(ctx, "maxvcpus must not be less than current vcpus (%u < %u)",
                                def->maxvcpus, cur);
        def->vcpus = (unsigned short)cur;
    }
    if (vc_xml_enum_worded(ctx, n, "placement", vc_placement_from_string,
                           "Unsupported CPU placement mode '%s'", &p) < 0)
        return -1;
    /* auto ignores a cpuset; with neither attribute the placement is
     * <numatune>'s, decided once that is read */
    def->placement = (vc_placement)p;
    if (def->placement != VC_PLACEMENT_AUTO &&
        parse_cpumask_attr(ctx, n, "cpuset", &def->cpumask) < 0)
        return -1;
    if (def->placement == VC_PLACEMENT_DEFAULT && def->cpumask.set)
        def->placement = VC_PLACEMENT_STATIC;
    return 0;
}

static int parse_vcpupin(vc_parse_ctx *ctx, const xmlNode *c, vc_domain_def *def)
{
    vc_vcpupin pin;

    memset(&pin, 0, sizeof(pin));
    if (vc_xml_uint(ctx, c, "vcpu", 10, 0xFFFF, &pin.vcpu) <= 0)
        return vc_xml_error(ctx, "missing or invalid attribute 'vcpu' of <vcpupin>");
    if (pin.vcpu >= def->maxvcpus)
        return vc_xml_error(ctx, "vcpupin vcpu %u must be less than maxvcpus %u",
                            pin.vcpu, def->maxvcpus);
    for (size_t i = 0; i < def->nvcpupins; i++)
        if (def->vcpupins[i].vcpu == pin.vcpu)
            return vc_xml_error(ctx, "duplicate vcpupin for vcpu %u", pin.vcpu);
    if (parse_cpumask_attr(ctx, c, "cpuset", &pin.cpuset) <= 0)
        return vc_xml_error(ctx, "missing or invalid attribute 'cpuset' of <vcpupin>");
    def->vcpupins = vc_realloc(def->vcpupins, (def->nvcpupins + 1) * sizeof(*def->vcpupins));
    def->vcpupins[def->nvcpupins++] = pin;
    return 0;
}

/* A <quota> or <emulator_quota>: any long long, negative for none. */
static int parse_quota(vc_parse_ctx *ctx, const xmlNode *c, long long *out)
{
    char *s = vc_xml_text(c);

    if (!vc_parse_ll(s, 10, out)) {
        vc_xml_error(ctx, "invalid value '%s' in <%s>", s, (const char *)c->name);
        free(s);
        return -1;
    }
    free(s);
    return 0;
}

/* <shares>, the periods, the quotas and <emulatorpin> are read once
 * (the first of a name, as libvirt), <vcpupin> once per vCPU. */
int vc_cputune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    unsigned long long v;
    xmlNodePtr c;

    if ((c = vc_xml_child(n, "shares"))) {
        if (vc_xml_text_ull(ctx, c, ~0ul, &v) < 0)
            return -1;
        def->shares = (unsigned long)v;
    }
    if ((c = vc_xml_child(n, "period")) && vc_xml_text_ull(ctx, c, ~0ull, &def->period) < 0)
        return -1;
    if ((c = vc_xml_child(n, "quota")) && parse_quota(ctx, c, &def->quota) < 0)
        return -1;
    if ((c = vc_xml_child(n, "emulator_period")) &&
        vc_xml_text_ull(ctx, c, ~0ull, &def->emulator_period) < 0)
        return -1;
    if ((c = vc_xml_child(n, "emulator_quota")) && parse_quota(ctx, c, &def->emulator_quota) < 0)
        return -1;
    for (c = n->children; c; c = c->next)
        if (vc_xml_is(c, "vcpupin") && parse_vcpupin(ctx, c, def) < 0)
            return -1;
    if ((c = vc_xml_child(n, "emulatorpin")) &&
        parse_cpumask_attr(ctx, c, "cpuset", &def->emulatorpin) <= 0)
        return vc_xml_error(ctx, "missing or invalid attribute 'cpuset' of <emulatorpin>");
    return 0;
}

int vc_numatune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    xmlNodePtr m = vc_xml_child(n, "memory");
    int mode = VC_NUMATUNE_STRICT, placement = VC_PLACEMENT_DEFAULT, r = 0;

    if (!m)
        return 0;
    if (vc_xml_enum_worded(ctx, m, "mode", vc_numatune_mode_from_string,
                           "Unsupported NUMA memory tuning mode '%s'", &mode) < 0 ||
        vc_xml_enum_worded(ctx, m, "placement", vc_placement_from_string,
                           "Unsupported memory placement mode '%s'", &placement) < 0)
        return -1;
    def->has_numatune = true;
    def->numa_mode = (vc_numatune_mode)mode;
    if (placement != VC_PLACEMENT_AUTO) {
        if ((r = parse_cpumask_attr(ctx, m, "nodeset", &def->numa_nodeset)) < 0)
            return -1;
        if (r == 0 && placement == VC_PLACEMENT_STATIC)
            return vc_xml_error(ctx, "nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
        if (r)
            placement = VC_PLACEMENT_STATIC;
    }
    /* as libvirt: with neither, a static vcpu placement makes it static
     * (which needs the nodeset this element did not give), else auto */
    if (placement == VC_PLACEMENT_DEFAULT)
        placement = def->placement == VC_PLACEMENT_STATIC ? VC_PLACEMENT_STATIC
                                                          : VC_PLACEMENT_AUTO;
    if (placement != VC_PLACEMENT_AUTO && r == 0)
        return vc_xml_error(ctx, "nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
    def->numa_placement = (vc_placement)placement;
    return 0;
}

/* One <weight> (the first), a <device> per path. */
int vc_blkiotune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    xmlNodePtr w = vc_xml_child(n, "weight");
    unsigned long long v;

    if (w) {
        if (vc_xml_text_ull(ctx, w, 1000, &v) < 0)
            return -1;
        def->blkio_weight = (unsigned)v;
    }
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (vc_xml_is(c, "device")) {
            vc_blkio_device dev = { NULL, 0 };
            xmlNodePtr p = vc_xml_child(c, "path"), w = vc_xml_child(c, "weight");
            if (!p || !w)
                return vc_xml_error(ctx, "missing <path> or <weight> in blkiotune <device>");
            if (vc_xml_text_ull(ctx, w, 1000, &v) < 0)
                return -1;
            dev.weight = (unsigned)v;
            dev.path = vc_xml_text(p);
            for (size_t i = 0; i < def->nblkio_devices; i++)
                if (strcmp(def->blkio_devices[i].path, dev.path) == 0) {
                    vc_xml_error(ctx, "duplicate device weight path '%s'", dev.path);
                    free(dev.path);
                    return -1;
                }
            def->blkio_devices = vc_realloc(def->blkio_devices,
                                            (def->nblkio_devices + 1) * sizeof(dev));
            def->blkio_devices[def->nblkio_devices++] = dev;
        }
    }
    return 0;
}

int vc_memtune_parse(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    static const char *const names[] = {
        "hard_limit", "soft_limit", "min_guarantee", "swap_hard_limit",
    };
    unsigned long long *dst[] = {
        &def->hard_limit, &def->soft_limit, &def->min_guarantee, &def->swap_hard_limit,
    };

    for (size_t i = 0; i < 4; i++) {
        xmlNodePtr c = vc_xml_child(n, names[i]);
        if (c && vc_parse_memory(ctx, c, dst[i]) < 0)
            return -1;
    }
    return 0;
}

static void format_mask_attr(vc_buf *b, const char *attr, const vc_cpumask *m)
{
    char *s = vc_cpumask_format(m);
    vc_buf_addf(b, " %s='%s'", attr, s);
    free(s);
}

void vc_tune_format(vc_buf *b, const vc_domain_def *def)
{
    if (def->blkio_weight || def->nblkio_devices) {
        vc_buf_add(b, "  <blkiotune>\n");
        if (def->blkio_weight)
            vc_buf_addf(b, "    <weight>%u</weight>\n", def->blkio_weight);
        for (size_t i = 0; i < def->nblkio_devices; i++) {
            vc_buf_add(b, "    <device>\n      <path>");
            vc_xml_escape(b, def->blkio_devices[i].path);
            vc_buf_addf(b, "</path>\n      <weight>%u</weight>\n    </device>\n",
                        def->blkio_devices[i].weight);
        }
        vc_buf_add(b, "  </blkiotune>\n");
    }
    if (def->hard_limit || def->soft_limit || def->min_guarantee || def->swap_hard_limit) {
        vc_buf_add(b, "  <memtune>\n");
        if (def->hard_limit)
            vc_buf_addf(b, "    <hard_limit unit='KiB'>%llu</hard_limit>\n", def->hard_limit);
        if (def->soft_limit)
            vc_buf_addf(b, "    <soft_limit unit='KiB'>%llu</soft_limit>\n", def->soft_limit);
        if (def->min_guarantee)
            vc_buf_addf(b, "    <min_guarantee unit='KiB'>%llu</min_guarantee>\n",
                        def->min_guarantee);
        if (def->swap_hard_limit)
            vc_buf_addf(b, "    <swap_hard_limit unit='KiB'>%llu</swap_hard_limit>\n",
                        def->swap_hard_limit);
        vc_buf_add(b, "  </memtune>\n");
    }
    if (def->hugepages || def->nosharepages || def->mem_locked) {
        vc_buf_add(b, "  <memoryBacking>\n");
        if (def->hugepages)
            vc_buf_add(b, "    <hugepages/>\n");
        if (def->nosharepages)
            vc_buf_add(b, "    <nosharepages/>\n");
        if (def->mem_locked)
            vc_buf_add(b, "    <locked/>\n");
        vc_buf_add(b, "  </memoryBacking>\n");
    }
    vc_buf_addf(b, "  <vcpu placement='%s'", vc_placement_to_string(def->placement));
    if (def->cpumask.set)
        format_mask_attr(b, "cpuset", &def->cpumask);
    if (def->vcpus != def->maxvcpus)
        vc_buf_addf(b, " current='%u'", def->vcpus);
    vc_buf_addf(b, ">%u</vcpu>\n", def->maxvcpus);

    if (def->shares || def->period || def->quota || def->emulator_period ||
        def->emulator_quota || def->nvcpupins || def->emulatorpin.set) {
        vc_buf_add(b, "  <cputune>\n");
        if (def->shares)
            vc_buf_addf(b, "    <shares>%lu</shares>\n", def->shares);
        if (def->period)
            vc_buf_addf(b, "    <period>%llu</period>\n", def->period);
        if (def->quota)
            vc_buf_addf(b, "    <quota>%lld</quota>\n", def->quota);
        if (def->emulator_period)
            vc_buf_addf(b, "    <emulator_period>%llu</emulator_period>\n",
                        def->emulator_period);
        if (def->emulator_quota)
            vc_buf_addf(b, "    <emulator_quota>%lld</emulator_quota>\n", def->emulator_quota);
        for (size_t i = 0; i < def->nvcpupins; i++) {
            vc_buf_addf(b, "    <vcpupin vcpu='%u'", def->vcpupins[i].vcpu);
            format_mask_attr(b, "cpuset", &def->vcpupins[i].cpuset);
            vc_buf_add(b, "/>\n");
        }
        if (def->emulatorpin.set) {
            vc_buf_add(b, "    <emulatorpin");
            format_mask_attr(b, "cpuset", &def->emulatorpin);
            vc_buf_add(b, "/>\n");
        }
        vc_buf_add(b, "  </cputune>\n");
    }
    if (def->has_numatune) {
        vc_buf_addf(b, "  <numatune>\n    <memory mode='%s'",
                    vc_numatune_mode_to_string(def->numa_mode));
        if (def->numa_placement == VC_PLACEMENT_STATIC)
            format_mask_attr(b, "nodeset", &def->numa_nodeset);
        else
            vc_buf_addf(b, " placement='%s'", vc_placement_to_string(def->numa_placement));
        vc_buf_add(b, "/>\n  </numatune>\n");
    }
}
