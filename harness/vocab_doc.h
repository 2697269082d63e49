/* vocab_doc.h: documents written from the parser's vocabulary
 * (src/conf/vocabulary.h), for the fuzzer and the vocabulary tier.
 *
 * The seed documents together name every element and attribute the
 * domain parser reads, each with a valid value of its kind (the
 * vocabulary's sample, else the first accepted enum name, the lowest
 * number, a path, a UUID...), and each parses.  There are
 * vc_vocab_seed_count() of them: what the parser refuses together
 * (two kinds of <address> on one device, <os><boot> beside a device's
 * <boot>) goes to different documents.  Element instances follow the
 * vocabulary's conditions: one <disk> per kind of disk it describes
 * (type='block', type='network', ...), each with the elements and
 * attributes that hold for it.
 */
#ifndef VC_HARNESS_VOCAB_DOC_H
#define VC_HARNESS_VOCAB_DOC_H

#include <stddef.h>

/* Seed document @i (0-based, below vc_vocab_seed_count()), NUL
 * terminated; *@len is set to its length.  Caller frees. */
char *vc_vocab_seed_document_n(unsigned i, size_t *len);

/* The first seed document (vc_vocab_seed_document_n(0, len)). */
char *vc_vocab_seed_document(size_t *len);

/* A libFuzzer / AFL dictionary of the vocabulary, one token a line:
 * "<disk", "</disk>", "type=", each enumerated value, each sample and
 * each number at the ends of its range.  Caller frees. */
char *vc_vocab_dictionary(size_t *len);

#endif
