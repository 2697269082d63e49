/* build_core.h: the parts of the core options that live in files of
 * their own (CPU model, clock), used by build.c only. */
#ifndef VC_QEMU_BUILD_CORE_H
#define VC_QEMU_BUILD_CORE_H

#include "qemu/build_internal.h"

/* The -cpu value as a list (left empty when none is needed). */
int vc_build_cpu_arg(vc_build_ctx *ctx, vc_props *p);

/* -rtc / -localtime, TZ, and the timer options. */
int vc_build_clock_args(vc_build_ctx *ctx);

/* -device usb-hub for each <hub> (right after -usb). */
int vc_build_hub_args(vc_build_ctx *ctx);

/* USB redirection (-chardev + usb-redir) and host devices
 * (usb-host / pci-assign, or -usbdevice / -pcidevice): build_hostdev.c. */
int vc_build_redirdev_args(vc_build_ctx *ctx);
int vc_build_hostdev_args(vc_build_ctx *ctx);

/* Add NAME=value when the host's environment has it (virCommandAddEnvPass). */
void vc_build_env_pass(vc_build_ctx *ctx, const char *name);

#endif
