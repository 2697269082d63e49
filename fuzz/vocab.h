/* vocab.h: what the mutation engine knows of the domain dialect: for
 * each element, its attributes and children, and valid values of each
 * attribute (and of its text, under the name "#text").
 *
 * It is filled from the parser's own vocabulary (src/conf/vocabulary.h:
 * every element and attribute it reads, enum values from its tables,
 * number ranges) and from documents (the seeds: every XML of the
 * corpus, for the values real documents hold). */
#ifndef VC_FUZZ_VOCAB_H
#define VC_FUZZ_VOCAB_H

#include <stddef.h>

#include <libxml/tree.h>

#include "rng.h"

#define VC_FUZZ_TEXT "#text"

typedef struct vc_fuzz_vocab vc_fuzz_vocab;

vc_fuzz_vocab *vc_fuzz_vocab_new(void);
void vc_fuzz_vocab_free(vc_fuzz_vocab *v);

/* Every element, attribute and child relation the parser reads, with
 * the valid values its vocabulary gives: the enum names it accepts,
 * the ends of number ranges, defaults and samples. */
void vc_fuzz_vocab_add_parser(vc_fuzz_vocab *v);

/* Every element, attribute, value and child relation of @doc. */
void vc_fuzz_vocab_add_doc(vc_fuzz_vocab *v, xmlDocPtr doc);
/* The same from @len bytes of XML; input that is not XML adds nothing. */
void vc_fuzz_vocab_add_xml(vc_fuzz_vocab *v, const char *xml, size_t len);

/* One fact: @attr (VC_FUZZ_TEXT for the text; NULL: none) of @elem may
 * hold @value (NULL: no value known), and @elem may be a child of
 * @parent (NULL: not known). */
void vc_fuzz_vocab_add(vc_fuzz_vocab *v, const char *parent, const char *elem,
                       const char *attr, const char *value);

/* Random picks; NULL when nothing is known.  Strings are the vocab's. */
const char *vc_fuzz_vocab_value(const vc_fuzz_vocab *v, const char *elem, const char *attr,
                                vc_rng *rng);
/* A value of any attribute of any element. */
const char *vc_fuzz_vocab_any_value(const vc_fuzz_vocab *v, vc_rng *rng);
/* An attribute name known on @elem (VC_FUZZ_TEXT excluded). */
const char *vc_fuzz_vocab_attr(const vc_fuzz_vocab *v, const char *elem, vc_rng *rng);
/* An element known as a child of @elem. */
const char *vc_fuzz_vocab_child(const vc_fuzz_vocab *v, const char *elem, vc_rng *rng);

/* For the dictionary: @fn(@opaque, s) once for each distinct value, in
 * byte order. */
void vc_fuzz_vocab_each_value(const vc_fuzz_vocab *v,
                              void (*fn)(void *opaque, const char *s), void *opaque);

#endif
