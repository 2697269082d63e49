/* cpu_model.h: fitting a guest <cpu> to the CPU models QEMU knows, with
 * libvirt's x86 CPU map (cpu_map.xml): the model name and the +/-
 * feature list for -cpu. */
#ifndef VC_QEMU_CPU_MODEL_H
#define VC_QEMU_CPU_MODEL_H

#include "qemu/build_internal.h"

/* Append the items "model[,vendor=V][,+feat|,-feat...]" for the domain's
 * custom or host-model CPU.  Errors as libvirt: no map or models known,
 * guest and host incompatible, or a model QEMU lacks with fallback
 * forbidden. */
int vc_cpu_model_guest(vc_build_ctx *ctx, vc_props *out);

#endif
