/* values.h: the values the mutation engine writes into an attribute or
 * a text node when it does not take a valid one from the vocabulary:
 * empty and very long text, numbers at and past the limits the parser
 * has (in decimal, hex and octal, with trailing junk, a leading blank
 * or '+'), QEMU's and the shell's separators and quotes, whitespace and
 * control characters, non-ASCII and invalid UTF-8, paths with blanks,
 * each alone or around the value that was there. */
#ifndef VC_FUZZ_VALUES_H
#define VC_FUZZ_VALUES_H

#include <stddef.h>

#include "rng.h"

/* Stands for bytes that are not UTF-8 in a value (libxml2's tree holds
 * UTF-8 only): the engine writes U+E000, the private-use character,
 * and replaces it with VC_FUZZ_BAD_UTF8 in the serialized document. */
#define VC_FUZZ_BAD_UTF8_MARK "\xee\x80\x80"
#define VC_FUZZ_BAD_UTF8 "\xc3\x28"

/* A hostile value derived from @orig (may be NULL); caller frees. */
char *vc_fuzz_hostile_value(vc_rng *rng, const char *orig);

/* The fixed hostile strings, for the dictionary: *@n is their number. */
const char *const *vc_fuzz_hostile_strings(size_t *n);

/* The length of the very long values. */
#define VC_FUZZ_LONG_VALUE (64u * 1024)

#endif
