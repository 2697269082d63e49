/* build_cpu.c: the -cpu value: the guest CPU model (host-passthrough,
 * or a model from the CPU map fitted to the host), the 32-bit default
 * for i686 guests on 64-bit emulators, and the kvmclock, PV EOI and
 * Hyper-V flags (qemuBuildCpuArgStr). */
#include "qemu/build_private.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

static bool host_is_x86_64(vc_build_ctx *ctx)
{
    return VC_STREQ(ctx->host->arch, "x86_64");
}

/* A guest <cpu> with a model or a host mode. */
static int guest_model(vc_build_ctx *ctx, vc_props *p)
{
    const vc_cpu_def *cpu = ctx->def->cpu;

    if (cpu->mode == VC_CPU_MODE_HOST_PASSTHROUGH) {
        const char *mode = vc_cpu_mode_to_string(cpu->mode);
        if (!VC_BUILD_HAS(ctx, CPU_HOST))
            return vc_build_unsupported(ctx, "CPU mode '%s' is not supported by QEMU binary",
                                        mode);
        if (ctx->def->virt_type != VC_VIRT_KVM)
            return vc_build_unsupported(ctx, "CPU mode '%s' is only supported with kvm",
                                        mode);
        vc_props_value(p, "host");
        return 0;
    }
    return vc_cpu_model_guest(ctx->opts->cpu_map, &ctx->host->cpu,
                              ctx->opts->skip_legacy_cpus, ctx->def->cpu, p, ctx->err);
}

/* A model to put the feature flags after, when none was chosen. */
static void need_model(vc_props *p, const char *default_model)
{
    if (!p->n)
        vc_props_value(p, default_model);
}

int vc_build_cpu_arg(vc_build_ctx *ctx, vc_props *p)
{
    const vc_domain_def *def = ctx->def;
    const char *default_model = VC_STREQ(ctx->arch, "i686") ? "qemu32" : "qemu64";

    if (def->cpu && (def->cpu->mode != VC_CPU_MODE_CUSTOM || def->cpu->model)) {
        if (guest_model(ctx, p) < 0) {
            vc_props_free(p);
            return -1;
        }
    } else if (VC_STREQ(ctx->arch, "i686") &&
               ((host_is_x86_64(ctx) && strstr(ctx->emulator, "kvm")) ||
                strstr(ctx->emulator, "x86_64"))) {
        /* a 64-bit emulator would show the i686 guest a 64-bit CPU */
        vc_props_value(p, default_model);
    }

    for (size_t i = 0; i < def->clock.ntimers; i++) {
        const vc_timer_def *t = &def->clock.timers[i];
        if (t->name != VC_TIMER_KVMCLOCK || t->present == -1)
            continue;
        need_model(p, default_model);
        vc_props_value(p, t->present ? "+kvmclock" : "-kvmclock");
        break;
    }
    if (def->apic_eoi != VC_SWITCH_DEFAULT) {
        need_model(p, default_model);
        vc_props_value(p, def->apic_eoi == VC_SWITCH_ON ? "+kvm_pv_eoi" : "-kvm_pv_eoi");
    }
    if (def->features & (1u << VC_FEATURE_HYPERV)) {
        need_model(p, default_model);
        for (int i = 0; i < VC_HYPERV_LAST; i++)
            if (def->hyperv[i] == VC_SWITCH_ON)
                vc_props_valuef(p, "hv_%s", vc_hyperv_feature_to_string(i));
    }
    return 0;
}
