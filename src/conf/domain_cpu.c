/* domain_cpu.c: the guest <cpu> and <clock> elements. */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

VC_ENUM_IMPL(vc_cpu_mode, VC_CPU_MODE_LAST, "custom", "host-model", "host-passthrough")
VC_ENUM_IMPL(vc_cpu_match, VC_CPU_MATCH_LAST, "minimum", "exact", "strict")
VC_ENUM_IMPL(vc_cpu_fallback, VC_CPU_FALLBACK_LAST, "allow", "forbid")
VC_ENUM_IMPL(vc_cpu_feature_policy, VC_CPU_FEATURE_LAST, "force", "require",
             "optional", "disable", "forbid")
VC_ENUM_IMPL(vc_clock_offset, VC_CLOCK_LAST, "utc", "localtime", "variable", "timezone")
VC_ENUM_IMPL(vc_timer_name, VC_TIMER_LAST, "platform", "pit", "rtc", "hpet",
             "tsc", "kvmclock")
VC_ENUM_IMPL(vc_timer_tickpolicy, VC_TICK_LAST, "delay", "catchup", "merge", "discard")
VC_ENUM_IMPL(vc_timer_track, VC_TRACK_LAST, "boot", "guest", "wall")
VC_ENUM_IMPL(vc_timer_mode, VC_TIMER_MODE_LAST, "auto", "native", "emulate",
             "paravirt", "smpsafe")
VC_ENUM_IMPL(vc_clock_basis, 2, "utc", "localtime")     /* vc_clock_def.basis */

void vc_cpu_def_free(vc_cpu_def *cpu)
{
    if (!cpu)
        return;
    free(cpu->model);
    free(cpu->vendor);
    free(cpu->vendor_id);
    for (size_t i = 0; i < cpu->nfeatures; i++)
        free(cpu->features[i].name);
    free(cpu->features);
    for (size_t i = 0; i < cpu->ncells; i++)
        free(cpu->cells[i].cpus_str);
    free(cpu->cells);
    free(cpu);
}

static int parse_topology(vc_parse_ctx *ctx, const xmlNode *n, vc_cpu_def *cpu)
{
    static const char *const names[] = { "sockets", "cores", "threads" };
    unsigned *dst[] = { &cpu->sockets, &cpu->cores, &cpu->threads };

    for (size_t i = 0; i < 3; i++) {
        int r = vc_xml_uint(ctx, n, names[i], 10, 0xFFFF, dst[i]);
        if (r < 0)
            return -1;
        if (r == 0)
            return vc_xml_error(ctx, "missing '%s' attribute in CPU topology", names[i]);
        if (*dst[i] == 0)
            return vc_xml_error(ctx, "invalid CPU topology: '%s' must be positive", names[i]);
    }
    return 0;
}

static int parse_feature(vc_parse_ctx *ctx, const xmlNode *n, vc_cpu_def *cpu)
{
    vc_cpu_feature f = { NULL, VC_CPU_FEATURE_REQUIRE };
    int v = VC_CPU_FEATURE_REQUIRE;

    if (vc_xml_enum(ctx, n, "policy", vc_cpu_feature_policy_from_string,
                    "CPU feature policy", &v) < 0)
        return -1;
    f.policy = (vc_cpu_feature_policy)v;
    if (!(f.name = vc_xml_prop(n, "name")))
        return vc_xml_error(ctx, "missing CPU feature name");
    for (size_t i = 0; i < cpu->nfeatures; i++)
        if (strcmp(cpu->features[i].name, f.name) == 0) {
            vc_xml_error(ctx, "CPU feature '%s' specified more than once", f.name);
            free(f.name);
            return -1;
        }
    cpu->features = vc_realloc(cpu->features, (cpu->nfeatures + 1) * sizeof(f));
    cpu->features[cpu->nfeatures++] = f;
    return 0;
}

static int parse_numa(vc_parse_ctx *ctx, const xmlNode *n, vc_cpu_def *cpu)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        vc_cpu_cell cell;

        if (!vc_xml_is(c, "cell"))
            continue;
        memset(&cell, 0, sizeof(cell));
        if (!(cell.cpus_str = vc_xml_prop(c, "cpus")))
            return vc_xml_error(ctx, "missing 'cpus' attribute in NUMA cell");
        if (vc_cpumask_parse(cell.cpus_str, &cell.cpus) < 0) {
            vc_xml_error(ctx, "malformed 'cpus' attribute '%s' in NUMA cell", cell.cpus_str);
            free(cell.cpus_str);
            return -1;
        }
        if (vc_xml_ull(ctx, c, "memory", 10, ~0ull, &cell.memory) <= 0) {
            free(cell.cpus_str);
            return vc_xml_error(ctx, "missing or invalid 'memory' attribute in NUMA cell");
        }
        cpu->cells = vc_realloc(cpu->cells, (cpu->ncells + 1) * sizeof(cell));
        cpu->cells[cpu->ncells++] = cell;
    }
    return 0;
}

vc_cpu_def *vc_cpu_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_cpu_def *cpu = VC_NEW(vc_cpu_def);
    xmlNodePtr c;
    int v = VC_CPU_MODE_CUSTOM, r;

    if (vc_xml_enum(ctx, node, "mode", vc_cpu_mode_from_string,
                    "CPU mode", &v) < 0)
        goto error;
    cpu->mode = (vc_cpu_mode)v;
    if ((c = vc_xml_child(node, "model"))) {
        cpu->model = vc_xml_text(c);
        /* An empty <model/> (host-model's usual form) names no model. */
        if (cpu->model && !*cpu->model) {
            free(cpu->model);
            cpu->model = NULL;
        }
        v = VC_CPU_FALLBACK_ALLOW;
        if (vc_xml_enum(ctx, c, "fallback", vc_cpu_fallback_from_string,
                        "CPU fallback value", &v) < 0)
            goto error;
        cpu->fallback = (vc_cpu_fallback)v;
        cpu->vendor_id = vc_xml_prop(c, "vendor_id");
    }
    if (cpu->mode == VC_CPU_MODE_CUSTOM) {
        v = VC_CPU_MATCH_EXACT;
        if ((r = vc_xml_enum(ctx, node, "match", vc_cpu_match_from_string,
                             "CPU match mode", &v)) < 0)
            goto error;
        cpu->has_match = r > 0 || cpu->model;
        cpu->match = (vc_cpu_match)v;
    }
    if ((c = vc_xml_child(node, "vendor"))) {
        cpu->vendor = vc_xml_text(c);
        if (!cpu->model) {
            vc_xml_error(ctx, "CPU vendor specified without CPU model");
            goto error;
        }
    }
    if ((c = vc_xml_child(node, "topology")) && parse_topology(ctx, c, cpu) < 0)
        goto error;
    for (c = node->children; c; c = c->next)
        if (vc_xml_is(c, "feature") && parse_feature(ctx, c, cpu) < 0)
            goto error;
    if (cpu->nfeatures && !cpu->model && cpu->mode == VC_CPU_MODE_CUSTOM) {
        vc_xml_error(ctx, "non-empty feature list specified without CPU model");
        goto error;
    }
    if ((c = vc_xml_child(node, "numa")) && parse_numa(ctx, c, cpu) < 0)
        goto error;
    return cpu;

error:
    vc_cpu_def_free(cpu);
    return NULL;
}

void vc_cpu_format(vc_buf *b, const vc_cpu_def *cpu)
{
    vc_buf_add(b, "  <cpu");
    if (cpu->mode != VC_CPU_MODE_CUSTOM || cpu->model)
        vc_buf_addf(b, " mode='%s'", vc_cpu_mode_to_string(cpu->mode));
    if (cpu->mode == VC_CPU_MODE_CUSTOM && cpu->has_match)
        vc_buf_addf(b, " match='%s'", vc_cpu_match_to_string(cpu->match));
    vc_buf_add(b, ">\n");
    /* libvirt names the model only for a custom CPU; host-model keeps
     * just its fallback, a custom CPU with a model both. */
    bool with_model = cpu->mode == VC_CPU_MODE_CUSTOM && cpu->model;
    bool with_fallback = cpu->mode == VC_CPU_MODE_HOST_MODEL || with_model;
    if (with_model || with_fallback) {
        vc_buf_addf(b, "    <model fallback='%s'", vc_cpu_fallback_to_string(cpu->fallback));
        vc_xml_attr(b, "vendor_id", cpu->vendor_id);
        if (with_model) {
            vc_buf_add(b, ">");
            vc_xml_escape(b, cpu->model);
            vc_buf_add(b, "</model>\n");
        } else {
            vc_buf_add(b, "/>\n");
        }
    }
    if (cpu->vendor) {
        vc_buf_add(b, "    <vendor>");
        vc_xml_escape(b, cpu->vendor);
        vc_buf_add(b, "</vendor>\n");
    }
    if (cpu->sockets)
        vc_buf_addf(b, "    <topology sockets='%u' cores='%u' threads='%u'/>\n",
                    cpu->sockets, cpu->cores, cpu->threads);
    for (size_t i = 0; i < cpu->nfeatures; i++) {
        vc_buf_addf(b, "    <feature policy='%s'",
                    vc_cpu_feature_policy_to_string(cpu->features[i].policy));
        vc_xml_attr(b, "name", cpu->features[i].name);
        vc_buf_add(b, "/>\n");
    }
    if (cpu->ncells) {
        vc_buf_add(b, "    <numa>\n");
        for (size_t i = 0; i < cpu->ncells; i++) {
            vc_buf_add(b, "      <cell");
            vc_xml_attr(b, "cpus", cpu->cells[i].cpus_str);
            vc_buf_addf(b, " memory='%llu'/>\n", cpu->cells[i].memory);
        }
        vc_buf_add(b, "    </numa>\n");
    }
    vc_buf_add(b, "  </cpu>\n");
}

void vc_clock_clear(vc_clock_def *clock)
{
    free(clock->timezone);
    free(clock->timers);
    memset(clock, 0, sizeof(*clock));
}

/* <catchup threshold= slew= limit=>: the details of tickpolicy='catchup';
 * 0 is unset, as in libvirt. */
static int parse_catchup(vc_parse_ctx *ctx, const xmlNode *n, vc_timer_def *t)
{
    static const char *const names[] = { "threshold", "slew", "limit" };
    unsigned long *dst[] = { &t->catchup_threshold, &t->catchup_slew, &t->catchup_limit };

    for (size_t i = 0; n && i < sizeof(names) / sizeof(names[0]); i++) {
        unsigned long long v;
        int r = vc_xml_ull(ctx, n, names[i], 10, ~0ul, &v);

        if (r < 0)
            return -1;
        if (r)
            *dst[i] = (unsigned long)v;
    }
    return 0;
}

static int parse_timer(vc_parse_ctx *ctx, const xmlNode *n, vc_timer_def *t)
{
    char *present;
    int v;

    t->present = t->tickpolicy = t->track = t->mode = -1;
    if (vc_xml_enum_req(ctx, n, "name", vc_timer_name_from_string, "timer name", &v) < 0)
        return -1;
    t->name = (vc_timer_name)v;
    if ((present = vc_xml_prop(n, "present"))) {
        if (VC_STREQ(present, "yes"))
            t->present = 1;
        else if (VC_STREQ(present, "no"))
            t->present = 0;
        else {
            vc_xml_error(ctx, "unknown timer present value '%s'", present);
            free(present);
            return -1;
        }
        free(present);
    }
    if (vc_xml_enum(ctx, n, "tickpolicy", vc_timer_tickpolicy_from_string,
                    "timer tickpolicy", &t->tickpolicy) < 0 ||
        vc_xml_enum(ctx, n, "track", vc_timer_track_from_string,
                    "timer track", &t->track) < 0 ||
        vc_xml_enum(ctx, n, "mode", vc_timer_mode_from_string,
                    "timer mode", &t->mode) < 0)
        return -1;
    {
        unsigned long long f;
        int r = vc_xml_ull(ctx, n, "frequency", 10, ~0ul, &f);
        if (r < 0)
            return -1;
        if (r)
            t->frequency = (unsigned long)f;
    }
    return parse_catchup(ctx, vc_xml_child(n, "catchup"), t);
}

int vc_clock_parse(vc_parse_ctx *ctx, const xmlNode *node, vc_clock_def *clock)
{
    int v = VC_CLOCK_UTC;

    if (!node)
        return 0;
    if (vc_xml_enum(ctx, node, "offset", vc_clock_offset_from_string,
                    "clock offset", &v) < 0)
        return -1;
    clock->offset = (vc_clock_offset)v;
    if (clock->offset == VC_CLOCK_TIMEZONE &&
        !(clock->timezone = vc_xml_prop(node, "timezone")))
        return vc_xml_error(ctx, "missing 'timezone' attribute for clock with offset='timezone'");
    if (clock->offset == VC_CLOCK_UTC || clock->offset == VC_CLOCK_LOCALTIME) {
        /* an adjustment makes it a variable clock on that basis, unless
         * it is 'reset' (libvirt 0.9.11) */
        char *adj = vc_xml_prop(node, "adjustment");

        if (adj && VC_STREQ(adj, "reset")) {
            clock->utc_reset = true;
        } else if (adj) {
            if (!vc_parse_ll(adj, 10, &clock->adjustment) ||
                clock->adjustment < -(1ll << 62) || clock->adjustment > 1ll << 62) {
                vc_xml_error(ctx, "unknown clock adjustment '%s'", adj);
                free(adj);
                return -1;
            }
            clock->basis = clock->offset == VC_CLOCK_LOCALTIME;
            clock->offset = VC_CLOCK_VARIABLE;
        }
        free(adj);
    } else if (clock->offset == VC_CLOCK_VARIABLE) {
        char *basis = vc_xml_prop(node, "basis");
        if (vc_xml_ll(ctx, node, "adjustment", -(1ll << 62), 1ll << 62,
                      &clock->adjustment) < 0) {
            free(basis);
            return -1;
        }
        if (basis && (clock->basis = vc_clock_basis_from_string(basis)) < 0) {
            vc_xml_error(ctx, "unknown clock basis '%s'", basis);
            free(basis);
            return -1;
        }
        free(basis);
    }
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (!vc_xml_is(c, "timer"))
            continue;
        clock->timers = vc_realloc(clock->timers,
                                   (clock->ntimers + 1) * sizeof(*clock->timers));
        memset(&clock->timers[clock->ntimers], 0, sizeof(*clock->timers));
        if (parse_timer(ctx, c, &clock->timers[clock->ntimers++]) < 0)
            return -1;
    }
    return 0;
}

void vc_clock_format(vc_buf *b, const vc_clock_def *clock)
{
    vc_buf_addf(b, "  <clock offset='%s'", vc_clock_offset_to_string(clock->offset));
    if (clock->offset == VC_CLOCK_VARIABLE)
        vc_buf_addf(b, " adjustment='%lld' basis='%s'", clock->adjustment,
                    vc_clock_basis_to_string(clock->basis));
    else if (clock->offset == VC_CLOCK_TIMEZONE)
        vc_xml_attr(b, "timezone", clock->timezone);
    else if (clock->utc_reset)
        vc_buf_add(b, " adjustment='reset'");
    if (!clock->ntimers) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    for (size_t i = 0; i < clock->ntimers; i++) {
        const vc_timer_def *t = &clock->timers[i];
        vc_buf_addf(b, "    <timer name='%s'", vc_timer_name_to_string(t->name));
        if (t->present >= 0)
            vc_buf_addf(b, " present='%s'", t->present ? "yes" : "no");
        if (t->tickpolicy >= 0)
            vc_buf_addf(b, " tickpolicy='%s'", vc_timer_tickpolicy_to_string(t->tickpolicy));
        if ((t->name == VC_TIMER_PLATFORM || t->name == VC_TIMER_RTC) && t->track >= 0)
            vc_buf_addf(b, " track='%s'", vc_timer_track_to_string(t->track));
        if (t->name == VC_TIMER_TSC) {
            if (t->frequency)
                vc_buf_addf(b, " frequency='%lu'", t->frequency);
            if (t->mode >= 0)
                vc_buf_addf(b, " mode='%s'", vc_timer_mode_to_string(t->mode));
        }
        if (!t->catchup_threshold && !t->catchup_slew && !t->catchup_limit) {
            vc_buf_add(b, "/>\n");
            continue;
        }
        vc_buf_add(b, ">\n      <catchup");
        if (t->catchup_threshold)
            vc_buf_addf(b, " threshold='%lu'", t->catchup_threshold);
        if (t->catchup_slew)
            vc_buf_addf(b, " slew='%lu'", t->catchup_slew);
        if (t->catchup_limit)
            vc_buf_addf(b, " limit='%lu'", t->catchup_limit);
        vc_buf_add(b, "/>\n    </timer>\n");
    }
    vc_buf_add(b, "  </clock>\n");
}
