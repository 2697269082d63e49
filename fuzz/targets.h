/* targets.h: the fuzz targets as the tiers see them.  The Makefile
 * (fuzz/fuzz.mk) builds every fuzz/fuzz_NAME.c for the tiers with its
 * LLVMFuzzerInitialize and LLVMFuzzerTestOneInput renamed
 * vc_fuzz_NAME_init and vc_fuzz_NAME_one, so all of them link into one
 * program.  A new target is a line here. */
#ifndef VC_FUZZ_TARGETS_H
#define VC_FUZZ_TARGETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* X(NAME, STRUCTURED): STRUCTURED targets read XML, and are mutated by
 * the structure-aware engine (mutate.h), the others byte by byte. */
#define VC_FUZZ_TARGETS(X) \
    X(domain, true) \
    X(caps, false) \
    X(qemu_conf, false)

#define VC_FUZZ_DECLARE(name, structured) \
    int vc_fuzz_##name##_init(int *argc, char ***argv); \
    int vc_fuzz_##name##_one(const uint8_t *data, size_t size);
VC_FUZZ_TARGETS(VC_FUZZ_DECLARE)
#undef VC_FUZZ_DECLARE

typedef struct vc_fuzz_target {
    const char *name;
    int (*init)(int *argc, char ***argv);
    int (*one)(const uint8_t *data, size_t size);
    bool structured;
} vc_fuzz_target;

#define VC_FUZZ_ROW(name, structured) \
    { #name, vc_fuzz_##name##_init, vc_fuzz_##name##_one, structured },
static const vc_fuzz_target vc_fuzz_targets[] = { VC_FUZZ_TARGETS(VC_FUZZ_ROW) };
#undef VC_FUZZ_ROW

#define VC_FUZZ_NTARGETS (sizeof(vc_fuzz_targets) / sizeof(vc_fuzz_targets[0]))

#endif
