/* expect.h: comparing output with an expected file, or regenerating it.
 *
 * By default a mismatch prints a unified diff (expected -> actual) on
 * stderr and fails.  With REGENERATE=1 in the environment, a differing
 * or missing expected file is rewritten and the diff applied is
 * printed, so the change can be reviewed (git diff) before committing.
 */
#ifndef VC_HARNESS_EXPECT_H
#define VC_HARNESS_EXPECT_H

#include <stdbool.h>

bool vc_expect_regenerate(void);

/* 0 when @actual equals the contents of @path (or @path was
 * regenerated), -1 with the diff printed otherwise. */
int vc_expect_file(const char *path, const char *actual);

/* Compare without regenerating (for corpora we do not own). */
int vc_expect_text(const char *label, const char *expected, const char *actual);

#endif
