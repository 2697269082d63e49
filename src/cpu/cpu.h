/* cpu.h: fitting a guest <cpu> to the CPU models a QEMU offers, with
 * libvirt's x86 CPU map (cpu_map.xml): the model name and the +/-
 * feature list for -cpu (libvirt's cpu_x86.c).
 *
 * A map is read once and used for every build that needs it. */
#ifndef VC_CPU_CPU_H
#define VC_CPU_CPU_H

#include <stdbool.h>

#include "conf/domain.h"
#include "conf/host.h"
#include "util/error.h"
#include "util/props.h"

typedef struct vc_cpu_map vc_cpu_map;

/* Read the x86 part of a cpu_map.xml.  Errors name @path (VC_EXIT_INPUT). */
vc_cpu_map *vc_cpu_map_load(const char *path, vc_error *err);
void vc_cpu_map_free(vc_cpu_map *map);

/* Append the items "model[,vendor=V][,+feat|,-feat...]" for @cpu (custom
 * or host-model) on @host, choosing among the host's emulator models
 * (its legacy ones too unless @skip_legacy).  Errors as libvirt's, with
 * VC_EXIT_BUILD: guest and host incompatible, no suitable model, or a
 * model the emulator lacks with fallback forbidden. */
int vc_cpu_model_guest(const vc_cpu_map *map, const vc_host_cpu *host,
                       bool skip_legacy, const vc_cpu_def *cpu, vc_props *out,
                       vc_error *err);

#endif
