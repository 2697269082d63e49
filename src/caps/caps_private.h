/* caps_private.h: what the detector's own files share; not API (that is
 * caps.h), and nothing outside src/caps includes it. */
#ifndef VC_CAPS_CAPS_PRIVATE_H
#define VC_CAPS_CAPS_PRIVATE_H

#include <stddef.h>

#include "util/error.h"

#define ARRAY_CARDINALITY(a) (sizeof(a) / sizeof((a)[0]))

/* Refuse text holding a NUL byte (a binary, a core): -1 and
 * "PATH: binary data (NUL byte at offset N), not WHAT". */
int vc_caps_check_text(const char *text, size_t len, const char *path,
                       const char *what, vc_error *err);

#endif
