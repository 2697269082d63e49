/* cli_diff.h: an argument-level diff of two command lines. */
#ifndef VC_CLI_DIFF_H
#define VC_CLI_DIFF_H

#include "util/buf.h"
#include "util/strutil.h"

/* Append to @out the lines of @a and @b that differ, in order, "- LINE"
 * or "+ LINE" each. */
void vc_cli_diff(const vc_strlist *a, const vc_strlist *b, vc_buf *out);

#endif
