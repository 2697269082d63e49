/* xml_values.h: every string value of an XML document (attribute
 * values and non-blank text), and the document with one of them
 * replaced, to feed a parser variants of a known-good input. */
#ifndef VC_HARNESS_XML_VALUES_H
#define VC_HARNESS_XML_VALUES_H

#include <stddef.h>

#include "util/error.h"

typedef struct vc_xml_values vc_xml_values;

/* Read and parse @path.  -1 with @err set when it is not XML. */
int vc_xml_values_load(const char *path, vc_xml_values **out, vc_error *err);
/* The same for @len bytes of XML in memory (@name names it). */
int vc_xml_values_parse(const char *data, size_t len, const char *name,
                        vc_xml_values **out, vc_error *err);

size_t vc_xml_values_count(const vc_xml_values *v);
/* The original text of value @i. */
const char *vc_xml_values_get(const vc_xml_values *v, size_t i);
/* Where value @i is, as an XPath ("/domain/devices/disk[2]/source/@file");
 * caller frees. */
char *vc_xml_values_where(const vc_xml_values *v, size_t i);

/* Where value @i is as a shape: its path without positions, each
 * element with the attributes that select what it holds (type, device,
 * mode, model): "/domain/devices/disk[@type='file'][@device='disk']/
 * address[@type='drive']/@controller".  Caller frees. */
char *vc_xml_values_shape(const vc_xml_values *v, size_t i);

/* The document, serialized, with value @i replaced by @value (the
 * document itself is left as it was).  Caller frees; *@len is set. */
char *vc_xml_values_with(vc_xml_values *v, size_t i, const char *value, size_t *len);

/* The document without value @i: without the attribute, or without
 * the element whose text it is (the document itself is left as it
 * was).  Caller frees; *@len is set. */
char *vc_xml_values_without(vc_xml_values *v, size_t i, size_t *len);

void vc_xml_values_free(vc_xml_values *v);

#endif
