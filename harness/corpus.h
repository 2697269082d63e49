/* corpus.h: finding cases by their files, and locating corpora. */
#ifndef VC_HARNESS_CORPUS_H
#define VC_HARNESS_CORPUS_H

#include <stdbool.h>

#include "util/error.h"
#include "util/strutil.h"

/* Names (file name less @suffix) of the files in @dir ending in
 * @suffix, sorted.  A case is its files: nothing else lists them. */
int vc_corpus_list(const char *dir, const char *suffix, vc_strlist *names,
                   vc_error *err);

/* The project's source tree ($VC_SRCDIR, default: the tree the
 * harness was built from), so that a test program runs from anywhere. */
const char *vc_corpus_srcdir(void);

/* The virtconform program the tiers run ($VC_CLI, default: the one
 * built beside the harness). */
const char *vc_corpus_cli(void);

/* The reference corpus ($VC_REFDIR, default
 * $VC_SRCDIR/../shared/reference/libvirt-0.10.2); NULL if absent. */
char *vc_corpus_refdir(void);

/* Where vc_corpus_refdir() looks, whether or not it is there: what a
 * message about its absence names. */
char *vc_corpus_refdir_tried(void);

bool vc_path_exists(const char *path);

#endif
