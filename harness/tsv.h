/* tsv.h: the reference corpus's cases.tsv files. */
#ifndef VC_HARNESS_TSV_H
#define VC_HARNESS_TSV_H

#include "util/strutil.h"

/* The rows of the tab-separated file @path, its "name<TAB>..." header
 * left out, appended to @rows; -1 with the reason on stderr. */
int vc_tsv_rows(const char *path, vc_strlist *rows);

/* Field @n (from 0) of @row, "" past its last; the caller frees it. */
char *vc_tsv_field(const char *row, int n);

#endif
