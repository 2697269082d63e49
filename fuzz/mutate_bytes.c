/* mutate_bytes.c: a small byte-level mutator, for where libFuzzer's is
 * not linked (the fuzz-smoke tier). */
#include "mutate.h"
#include "values.h"

#include <string.h>

size_t vc_fuzz_mutate_bytes(uint8_t *data, size_t size, size_t max_size, vc_rng *rng)
{
    size_t at = vc_rng_below(rng, size + 1), n;

    switch (vc_rng_below(rng, 6)) {
    case 0:                             /* flip a bit */
        if (at < size)
            data[at] ^= (uint8_t)(1u << vc_rng_below(rng, 8));
        break;
    case 1:                             /* set a byte */
        if (at < size)
            data[at] = (uint8_t)vc_rng_next(rng);
        break;
    case 2:                             /* delete a run */
        n = vc_rng_below(rng, size - at + 1);
        memmove(data + at, data + at + n, size - at - n);
        size -= n;
        break;
    case 3:                             /* duplicate a run */
        n = vc_rng_below(rng, size - at + 1);
        if (n > max_size - size)
            n = max_size - size;
        memmove(data + at + n, data + at, size - at);
        size += n;
        break;
    default: {                          /* insert a hostile string */
        size_t count;
        const char *const *strings = vc_fuzz_hostile_strings(&count);
        const char *s = strings[vc_rng_below(rng, count)];

        n = strlen(s);
        if (n <= max_size - size) {
            memmove(data + at + n, data + at, size - at);
            memcpy(data + at, s, n);
            size += n;
        }
        break;
    }
    }
    return size;
}
