/* cpu_private.h: what the parts of the CPU model engine share: CPUID
 * data and the loaded map (internal to src/cpu). */
#ifndef VC_CPU_PRIVATE_H
#define VC_CPU_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu/cpu.h"

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

struct vc_cpu_map {
    named_data *features;
    size_t nfeatures, features_cap;
    named_data *models;
    size_t nmodels, models_cap;
};


/* --- cpu_data.c: sets of CPUID bits --- */
bool vc_cpuid_zero(const cpuid *c);
/* The entry for @fn, NULL when absent or all zero. */
cpuid *vc_cpudata_get(const cpudata *d, uint32_t fn);
void vc_cpudata_add(cpudata *d, const cpudata *add);
void vc_cpudata_sub(cpudata *d, const cpudata *sub);
void vc_cpudata_copy(cpudata *dst, const cpudata *src);
void vc_cpudata_free(cpudata *d);
cpuid *vc_cpudata_slot(cpudata *d, uint32_t fn);
bool vc_cpudata_is_subset(const cpudata *d, const cpudata *subset);
bool vc_cpudata_intersects(const cpudata *a, const cpudata *b);
bool vc_cpudata_empty(const cpudata *d);

typedef enum { CMP_EQUAL, CMP_SUPERSET, CMP_SUBSET, CMP_UNRELATED } cmp_result;
/* x86ModelCompare: how @a's bits relate to @b's. */
cmp_result vc_cpudata_compare(const cpudata *a, const cpudata *b);

/* --- cpu_map.c --- */
const named_data *vc_cpu_map_feature(const vc_cpu_map *map, const char *name);
const named_data *vc_cpu_map_model(const vc_cpu_map *map, const char *name);

#endif
