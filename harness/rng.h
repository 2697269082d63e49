/* rng.h: RelaxNG validation of domain documents, with libxml2's messages.
 *
 * libxml2 is used as the parser is: no network, no entity substitution,
 * no DTD loading, inputs read through vc_file_read (size limit).  Its
 * messages go to the caller's buffer (structured handlers), never to
 * stderr, one a line: "LABEL:LINE: element NAME: MESSAGE". */
#ifndef VC_HARNESS_RNG_H
#define VC_HARNESS_RNG_H

#include <stddef.h>

#include <libxml/relaxng.h>

#include "util/buf.h"

/* Load the schema at @path; its <include>s resolve beside it.  NULL
 * with the reason in @why. */
xmlRelaxNGPtr vc_rng_load(const char *path, vc_buf *why);

/* Validate the document in file @path (@label names it in messages):
 * 0 valid, 1 invalid or unreadable, -1 the validator itself failed.
 * Every message is appended to @msgs. */
int vc_rng_validate_file(xmlRelaxNGPtr schema, const char *path,
                         const char *label, vc_buf *msgs);

/* The same for a document in memory. */
int vc_rng_validate_mem(xmlRelaxNGPtr schema, const char *data, size_t len,
                        const char *label, vc_buf *msgs);

#endif
