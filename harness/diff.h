/* diff.h: unified diff of two texts, for showing expectation mismatches. */
#ifndef VC_HARNESS_DIFF_H
#define VC_HARNESS_DIFF_H

/* NULL when the texts are equal, else a unified diff (3 lines of
 * context) from @a (labelled @a_label) to @b; caller frees. */
char *vc_diff_unified(const char *a_label, const char *a,
                      const char *b_label, const char *b);

/* @diff as VC_TEST_DEBUG asks to show it: 0 its two label lines and a
 * remark, 1 (the default) its first VC_DIFF_TRIM lines and a count of
 * the rest, 2 the whole; caller frees. */
#define VC_DIFF_TRIM 40
char *vc_diff_shown(const char *diff);

#endif
