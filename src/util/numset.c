/* numset.c: open addressing with linear probing, kept at most half
 * full. */
#include "util/numset.h"
#include "util/alloc.h"

#include <stdlib.h>

/* a 64-bit mix (splitmix64's finalizer), so that consecutive numbers
 * spread over the slots */
static size_t slot_of(uint64_t v, size_t cap)
{
    v ^= v >> 30;
    v *= 0xbf58476d1ce4e5b9ULL;
    v ^= v >> 27;
    v *= 0x94d049bb133111ebULL;
    v ^= v >> 31;
    return (size_t)(v & (cap - 1));
}

static size_t find(const vc_numset *s, uint64_t v)
{
    size_t i = slot_of(v, s->cap);

    while (s->slots[i] && s->slots[i] != v)
        i = (i + 1) & (s->cap - 1);
    return i;
}

static void grow(vc_numset *s)
{
    vc_numset bigger = { vc_calloc(s->cap ? s->cap * 2 : 16, sizeof(uint64_t)), s->n,
                         s->cap ? s->cap * 2 : 16, s->has_zero };

    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i])
            bigger.slots[find(&bigger, s->slots[i])] = s->slots[i];
    free(s->slots);
    *s = bigger;
}

bool vc_numset_add(vc_numset *s, uint64_t v)
{
    size_t i;

    if (v == 0) {
        bool added = !s->has_zero;
        s->has_zero = true;
        return added;
    }
    if (2 * (s->n + 1) > s->cap)
        grow(s);
    i = find(s, v);
    if (s->slots[i])
        return false;
    s->slots[i] = v;
    s->n++;
    return true;
}

bool vc_numset_has(const vc_numset *s, uint64_t v)
{
    if (v == 0)
        return s->has_zero;
    return s->cap && s->slots[find(s, v)] == v;
}

size_t vc_numset_count(const vc_numset *s)
{
    return s->n + s->has_zero;
}

void vc_numset_free(vc_numset *s)
{
    free(s->slots);
    *s = (vc_numset)VC_NUMSET_INIT;
}
