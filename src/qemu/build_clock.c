/* build_clock.c: the guest clock: -rtc (or -localtime on old QEMU),
 * the TZ variable, and what the <timer> elements ask for. */
#include "qemu/build_private.h"

#include <stdlib.h>
#include <time.h>

#include "util/alloc.h"
#include "util/buf.h"

/* -rtc base=...,clock=...,driftfix=... */
static int rtc_arg(vc_build_ctx *ctx, vc_props *p)
{
    const vc_clock_def *clock = &ctx->def->clock;

    switch (clock->offset) {
    case VC_CLOCK_UTC:
        vc_props_add(p, "base", "utc");
        break;
    case VC_CLOCK_LOCALTIME:
    case VC_CLOCK_TIMEZONE:
        vc_props_add(p, "base", "localtime");
        break;
    case VC_CLOCK_VARIABLE: {
        /* QEMU takes the start time, not an offset */
        time_t now = time(NULL);
        struct tm nowbits;
        now += clock->adjustment;
        gmtime_r(&now, &nowbits);
        vc_props_addf(p, "base", "%d-%02d-%02dT%02d:%02d:%02d",
                    nowbits.tm_year + 1900, nowbits.tm_mon + 1,
                    nowbits.tm_mday, nowbits.tm_hour, nowbits.tm_min,
                    nowbits.tm_sec);
        break;
    }
    default:
        return vc_build_unsupported(ctx, "unsupported clock offset '%s'",
                                    vc_clock_offset_to_string(clock->offset));
    }

    for (size_t i = 0; i < clock->ntimers; i++) {
        const vc_timer_def *t = &clock->timers[i];
        if (t->name != VC_TIMER_RTC)
            continue;
        switch (t->track) {
        case -1:        /* unspecified: the default */
            break;
        case VC_TRACK_BOOT:
            return vc_build_unsupported(ctx, "unsupported rtc timer track '%s'",
                                        vc_timer_track_to_string(t->track));
        case VC_TRACK_GUEST:
            vc_props_add(p, "clock", "vm");
            break;
        case VC_TRACK_WALL:
            vc_props_add(p, "clock", "host");
            break;
        }
        switch (t->tickpolicy) {
        case -1:
        case VC_TICK_DELAY:
            break;
        case VC_TICK_CATCHUP:
            vc_props_add(p, "driftfix", "slew");
            break;
        default:
            return vc_build_unsupported(ctx, "unsupported rtc timer tickpolicy '%s'",
                                        vc_timer_tickpolicy_to_string(t->tickpolicy));
        }
        break;      /* only the first rtc timer counts */
    }
    return 0;
}

static int rtc_timer(vc_build_ctx *ctx, const vc_timer_def *t)
{
    /* With -rtc the policy went into rtc_arg (the two caps exclude
     * each other). */
    if (VC_BUILD_HAS(ctx, RTC_TD_HACK)) {
        switch (t->tickpolicy) {
        case -1:
        case VC_TICK_DELAY:
            return 0;
        case VC_TICK_CATCHUP:
            vc_build_switch(ctx, VC_QOPT_RTC_TD_HACK);
            return 0;
        default:
            return vc_build_unsupported(ctx, "unsupported rtc tickpolicy '%s'",
                                        vc_timer_tickpolicy_to_string(t->tickpolicy));
        }
    }
    if (!VC_BUILD_HAS(ctx, RTC) && t->tickpolicy != -1 &&
        t->tickpolicy != VC_TICK_DELAY)
        return vc_build_unsupported(ctx, "unsupported rtc tickpolicy '%s'",
                                    vc_timer_tickpolicy_to_string(t->tickpolicy));
    return 0;
}

static int pit_timer(vc_build_ctx *ctx, const vc_timer_def *t)
{
    switch (t->tickpolicy) {
    case -1:
    case VC_TICK_DELAY:
        /* delay is the userspace PIT's default; the kernel PIT's is
         * catchup, so ask for no reinjection */
        if (VC_BUILD_HAS(ctx, NO_KVM_PIT))
            vc_build_switch(ctx, VC_QOPT_NO_KVM_PIT);
        return 0;
    case VC_TICK_CATCHUP:
        if (VC_BUILD_HAS(ctx, NO_KVM_PIT))
            return 0;
        if (VC_BUILD_HAS(ctx, TDF)) {
            vc_build_switch(ctx, VC_QOPT_TDF);
            return 0;
        }
        break;
    default:
        break;
    }
    return vc_build_unsupported(ctx, "unsupported pit tickpolicy '%s'",
                                vc_timer_tickpolicy_to_string(t->tickpolicy));
}

static int hpet_timer(vc_build_ctx *ctx, const vc_timer_def *t)
{
    /* Unspecified leaves QEMU's default (on where -no-hpet exists). */
    if (VC_BUILD_HAS(ctx, NO_HPET)) {
        if (t->present == 0)
            vc_build_switch(ctx, VC_QOPT_NO_HPET);
    } else if (t->present == 1) {
        return vc_build_unsupported(ctx, "pit timer is not supported");
    }
    return 0;
}

int vc_build_clock_args(vc_build_ctx *ctx)
{
    const vc_clock_def *clock = &ctx->def->clock;

    if (VC_BUILD_HAS(ctx, RTC)) {
        vc_props rtc = VC_PROPS_INIT;
        if (rtc_arg(ctx, &rtc) < 0) {
            vc_props_free(&rtc);
            return -1;
        }
        if (vc_build_opt(ctx, VC_QOPT_RTC, &rtc) < 0)
            return -1;
    } else {
        switch (clock->offset) {
        case VC_CLOCK_LOCALTIME:
        case VC_CLOCK_TIMEZONE:
            vc_build_switch(ctx, VC_QOPT_LOCALTIME);
            break;
        case VC_CLOCK_UTC:
            break;
        default:
            return vc_build_unsupported(ctx, "unsupported clock offset '%s'",
                                        vc_clock_offset_to_string(clock->offset));
        }
    }
    if (clock->offset == VC_CLOCK_TIMEZONE && clock->timezone)
        vc_command_add_env(ctx->cmd, "TZ", clock->timezone);

    for (size_t i = 0; i < clock->ntimers; i++) {
        const vc_timer_def *t = &clock->timers[i];
        int rc = 0;

        switch (t->name) {
        case VC_TIMER_KVMCLOCK:     /* a -cpu flag */
            break;
        case VC_TIMER_RTC:
            rc = rtc_timer(ctx, t);
            break;
        case VC_TIMER_PIT:
            rc = pit_timer(ctx, t);
            break;
        case VC_TIMER_HPET:
            rc = hpet_timer(ctx, t);
            break;
        default:    /* platform, tsc: QEMU has no knob */
            rc = vc_build_unsupported(ctx, "unsupported timer type (name) '%s'",
                                      vc_timer_name_to_string(t->name));
            break;
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}
