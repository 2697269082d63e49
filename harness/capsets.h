/* capsets.h: the capability sets a directory names, each a file
 * NAME.caps (capability names, comma-separated, on the first line) or
 * NAME.qemu (the name of a recording in qemuhelpdata/): what the
 * injection tier and the fuzz targets build every input against. */
#ifndef VC_HARNESS_CAPSETS_H
#define VC_HARNESS_CAPSETS_H

#include <stddef.h>

#include "caps/caps.h"
#include "util/error.h"

typedef struct vc_capset {
    char *name;             /* NAME of the file */
    vc_caps caps;
} vc_capset;

typedef struct vc_capsets {
    vc_capset *items;
    size_t n, cap;
} vc_capsets;

/* Every NAME.caps, then every NAME.qemu of @dir (each sorted by name);
 * recordings are read from @srcdir/qemuhelpdata.  An empty directory is
 * an error. */
int vc_capsets_load(vc_capsets *sets, const char *dir, const char *srcdir,
                    vc_error *err);

/* The set named @name, NULL when there is none. */
const vc_capset *vc_capsets_find(const vc_capsets *sets, const char *name);

void vc_capsets_free(vc_capsets *sets);

#endif
