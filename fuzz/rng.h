/* rng.h: the mutation engine's randomness, seeded by the caller
 * (libFuzzer's seed, or the smoke tier's fixed one), so a run is
 * repeatable from its seed. */
#ifndef VC_FUZZ_RNG_H
#define VC_FUZZ_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct vc_rng {
    uint64_t state;
} vc_rng;

/* splitmix64 */
static inline uint64_t vc_rng_next(vc_rng *r)
{
    uint64_t z = (r->state += 0x9e3779b97f4a7c15ull);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* 0 .. @n - 1 (0 when @n is 0) */
static inline size_t vc_rng_below(vc_rng *r, size_t n)
{
    return n ? (size_t)(vc_rng_next(r) % n) : 0;
}

/* true one time in @n */
static inline int vc_rng_one_in(vc_rng *r, size_t n)
{
    return vc_rng_below(r, n) == 0;
}

#endif
