/* diff.h: unified diff of two texts, for showing expectation mismatches. */
#ifndef VC_HARNESS_DIFF_H
#define VC_HARNESS_DIFF_H

/* NULL when the texts are equal, else a unified diff (3 lines of
 * context) from @a (labelled @a_label) to @b; caller frees. */
char *vc_diff_unified(const char *a_label, const char *a,
                      const char *b_label, const char *b);

#endif
