/* seeds.h: where each target's seeds come from: the project's corpus
 * (seed_dirs in seeds.c), the reference corpus when present, the
 * target's regression inputs (fuzz/regressions/NAME/), and for the
 * domain target the documents written from the parser's vocabulary
 * (harness/vocab_doc.h), which name every element and attribute it
 * reads.  make fuzz
 * writes them out (build/fuzz/gen-seeds); the fuzz-smoke tier mutates
 * them in memory. */
#ifndef VC_FUZZ_SEEDS_H
#define VC_FUZZ_SEEDS_H

#include <stddef.h>
#include <stdint.h>

#include "vocab.h"
#include "util/error.h"

typedef struct vc_fuzz_seed {
    char *name;             /* "LABEL-FILE", unique within the target */
    uint8_t *data;
    size_t len;
} vc_fuzz_seed;

typedef struct vc_fuzz_seeds {
    vc_fuzz_seed *items;
    size_t n, cap;
} vc_fuzz_seeds;

/* The seeds of @target ("domain", "caps", "qemu_conf").  A caps seed
 * is a help text, and when the recording has one, "\n--\n" and its
 * device listing. */
int vc_fuzz_seeds_load(const char *target, vc_fuzz_seeds *seeds, vc_error *err);
void vc_fuzz_seeds_free(vc_fuzz_seeds *seeds);

/* The vocabulary of the parser and of the domain seeds, for the
 * mutation engine. */
vc_fuzz_vocab *vc_fuzz_domain_vocab(void);

#endif
