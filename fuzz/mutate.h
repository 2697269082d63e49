/* mutate.h: the structure-aware mutation engine of the domain target:
 * libFuzzer's custom mutator (domain_mutator.c) and the fuzz-smoke tier
 * both run it.
 *
 * The input is read as XML (libxml2) and changed one to three times, a
 * change at a time: an attribute value or a text node gets a valid value
 * (of that attribute, from the vocabulary, or of any other) or a hostile
 * one (values.h); attributes are dropped, added, copied to another
 * element, duplicated and reordered; child elements are dropped,
 * duplicated, reordered, renamed, copied elsewhere, added from the
 * vocabulary, and nested past libxml2's depth limit.  The document is
 * then written back.  Input that is not XML, one time in ten any input,
 * and a result that does not fit go to a byte-level mutator instead.
 */
#ifndef VC_FUZZ_MUTATE_H
#define VC_FUZZ_MUTATE_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"
#include "vocab.h"

/* A byte-level mutation of @data in place (@size bytes, room for
 * @max_size): the new size.  LLVMFuzzerMutate under libFuzzer,
 * vc_fuzz_mutate_bytes elsewhere. */
typedef size_t (*vc_fuzz_byte_mutator)(uint8_t *data, size_t size, size_t max_size,
                                       vc_rng *rng);

/* Mutate the XML in @data in place (@size bytes, room for @max_size);
 * the new size. */
size_t vc_fuzz_mutate_xml(uint8_t *data, size_t size, size_t max_size, vc_rng *rng,
                          const vc_fuzz_vocab *vocab, vc_fuzz_byte_mutator fallback);

/* Cross two XML documents into @out (room for @max_out bytes): a copy
 * of an element of the second, with its subtree, in place of an element
 * of the first of the same name, or under one named as its parent.  The
 * size, or 0 when either is not XML or the result does not fit. */
size_t vc_fuzz_crossover_xml(const uint8_t *data1, size_t size1, const uint8_t *data2,
                             size_t size2, uint8_t *out, size_t max_out, vc_rng *rng);

/* The engine's own byte mutator: flip, set, insert, delete or duplicate
 * bytes, or insert a hostile string. */
size_t vc_fuzz_mutate_bytes(uint8_t *data, size_t size, size_t max_size, vc_rng *rng);

#endif
