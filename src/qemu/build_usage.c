/* build_usage.c: the builder's questions to the capabilities, answered
 * from the build's effective set and noted in the caller's usage set.
 * Noting what is asked, rather than scanning the sources for names,
 * also sees the rules that read a flag through a table (sound codecs,
 * USB models, power management) and counts only rules a domain reached. */
#include "qemu/build_private.h"

#include <stdlib.h>

static void note(vc_strlist *l, const char *name)
{
    if (!vc_strlist_has(l, name))
        vc_strlist_add(l, name);
}

bool vc_build_has(const vc_build_ctx *ctx, vc_cap flag)
{
    vc_build_usage *u = ctx->opts->usage;

    if (u)
        u->flags[flag / 64] |= UINT64_C(1) << (flag % 64);
    return vc_caps_has(&ctx->caps, flag);
}

bool vc_build_has_device(const vc_build_ctx *ctx, const char *name)
{
    if (ctx->opts->usage)
        note(&ctx->opts->usage->devices, name);
    return vc_caps_has_device(&ctx->caps, name);
}

bool vc_build_has_machine(const vc_build_ctx *ctx, const char *name)
{
    if (ctx->opts->usage)
        note(&ctx->opts->usage->machines, name);
    return vc_caps_has_machine(&ctx->caps, name);
}

bool vc_build_usage_has_flag(const vc_build_usage *u, vc_cap flag)
{
    return (u->flags[flag / 64] >> (flag % 64)) & 1;
}

void vc_build_usage_free(vc_build_usage *u)
{
    vc_strlist_free(&u->devices);
    vc_strlist_free(&u->machines);
}
