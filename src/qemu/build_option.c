/* build_option.c: the builder's only way onto the command line.  Each
 * option is a row of option_table.h saying how QEMU reads its value, so
 * values go through the one serializer or are, by the table, taken
 * whole. */
#include "qemu/build_private.h"
#include "util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static const struct {
    const char *name;
    vc_syntax syntax;
    const char *implied;
} qopts[VC_QOPT_LAST] = {
#define VC_QOPT(e, name, syntax, implied, why) \
    [VC_QOPT_##e] = { name, VC_SYNTAX_##syntax, implied },
#include "qemu/option_table.h"
#undef VC_QOPT
};

const char *vc_qopt_name(vc_qopt opt)
{
    return qopts[opt].name;
}

/* Using a row against its syntax is a bug in the builder, not an input
 * error: stop loudly so every test run catches it. */
static void misuse(vc_qopt opt, const char *how)
{
    fprintf(stderr, "virtconform: internal error: %s used as %s\n",
            qopts[opt].name, how);
    abort();
}

void vc_build_switch(vc_build_ctx *ctx, vc_qopt opt)
{
    if (qopts[opt].syntax != VC_SYNTAX_NONE)
        misuse(opt, "a switch");
    vc_command_add_arg(ctx->cmd, qopts[opt].name);
}

void vc_build_literal(vc_build_ctx *ctx, vc_qopt opt, const char *value)
{
    if (qopts[opt].syntax != VC_SYNTAX_LITERAL)
        misuse(opt, "a literal");
    vc_command_add_arg(ctx->cmd, qopts[opt].name);
    vc_command_add_arg(ctx->cmd, value);
}

void vc_build_literalf(vc_build_ctx *ctx, vc_qopt opt, const char *fmt, ...)
{
    va_list ap;
    char *s;

    va_start(ap, fmt);
    s = vc_vasprintf(fmt, ap);
    va_end(ap);
    vc_build_literal(ctx, opt, s);
    free(s);
}

int vc_build_opt(vc_build_ctx *ctx, vc_qopt opt, vc_props *props)
{
    vc_syntax syntax = qopts[opt].syntax;

    if (syntax == VC_SYNTAX_NONE || syntax == VC_SYNTAX_LITERAL)
        misuse(opt, "a property list");
    /* a QEMU that lists its devices has no others */
    if (opt == VC_QOPT_DEVICE && VC_BUILD_HAS(ctx, DEVICE_LISTING) &&
        props->n && props->items[0].kind == VC_PROP_VALUE &&
        !vc_build_has_device(ctx, props->items[0].value)) {
        int rc = vc_build_unsupported(ctx, "device '%s' is not supported by this "
                                      "QEMU binary", props->items[0].value);
        vc_props_free(props);
        return rc;
    }
    return vc_command_add_props(ctx->cmd, qopts[opt].name, syntax,
                                qopts[opt].implied, props, ctx->err);
}

void vc_build_bool(vc_build_ctx *ctx, vc_props *p, const char *key, bool on)
{
    if (VC_BUILD_HAS(ctx, BOOL_ON_OFF)) {
        vc_props_add(p, key, on ? "on" : "off");
    } else if (on) {
        vc_props_flag(p, key);
    } else {
        char *no = vc_asprintf("no%s", key);
        vc_props_flag(p, no);
        free(no);
    }
}
