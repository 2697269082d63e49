/* domain_mutator.c: libFuzzer's custom mutator for the domain target:
 * the structure-aware engine of mutate.h over the vocabulary of the
 * seeds, with libFuzzer's own byte mutations for what is not XML, and
 * its crossover of two documents.
 * Linked only into the libFuzzer build (AFL++ mutates bytes, with the
 * dictionary). */
#include "fuzz.h"
#include "mutate.h"
#include "seeds.h"

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
                               unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1, const uint8_t *data2,
                                 size_t size2, uint8_t *out, size_t max_out,
                                 unsigned int seed);

/* built at the first mutation, for the whole run */
static vc_fuzz_vocab *vocab;

static size_t libfuzzer_bytes(uint8_t *data, size_t size, size_t max_size, vc_rng *rng)
{
    (void)rng;
    return LLVMFuzzerMutate(data, size, max_size);
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
                               unsigned int seed)
{
    vc_rng rng = { seed };

    if (!vocab)
        vocab = vc_fuzz_domain_vocab();
    return vc_fuzz_mutate_xml(data, size, max_size, &rng, vocab, libfuzzer_bytes);
}

/* Subtrees of one corpus document grafted into another: a <disk> of
 * one where the other has its own, say. */
size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1, const uint8_t *data2,
                                 size_t size2, uint8_t *out, size_t max_out,
                                 unsigned int seed)
{
    vc_rng rng = { seed };

    return vc_fuzz_crossover_xml(data1, size1, data2, size2, out, max_out, &rng);
}
