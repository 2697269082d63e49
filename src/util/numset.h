/* numset.h: a set of 64-bit numbers in expected constant time, for the
 * checks that would otherwise compare each device with every earlier
 * one (boot orders, implicit controllers): a document of 100k devices
 * must not cost 10^10 comparisons. */
#ifndef VC_UTIL_NUMSET_H
#define VC_UTIL_NUMSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct vc_numset {
    uint64_t *slots;    /* open addressing; 0 marks a free slot */
    size_t n, cap;      /* numbers held (0 aside), slots */
    bool has_zero;
} vc_numset;

#define VC_NUMSET_INIT { NULL, 0, 0, false }

/* Add @v: true when it was not there yet. */
bool vc_numset_add(vc_numset *s, uint64_t v);
bool vc_numset_has(const vc_numset *s, uint64_t v);
size_t vc_numset_count(const vc_numset *s);
void vc_numset_free(vc_numset *s);

#endif
