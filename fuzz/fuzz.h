/* fuzz.h: what the fuzz targets share.
 *
 * A target is one file, fuzz/fuzz_NAME.c, with libFuzzer's entry
 * points: LLVMFuzzerInitialize (process-wide setup, once: capability
 * sets, configuration) and LLVMFuzzerTestOneInput (one input, every
 * invariant checked).  The Makefile links it four ways: with libFuzzer
 * (make fuzz), with AFL++'s driver (make fuzz-afl), with
 * standalone_main.c as a replay program (build/fuzz/fuzz-NAME FILE|DIR),
 * and, its entry points renamed vc_fuzz_NAME_init and vc_fuzz_NAME_one
 * (targets.h), into the fuzz-smoke and fuzz-regressions tiers.
 *
 * An input is fine when the code under test succeeds or refuses it with
 * a clean error; anything else breaks an invariant, and the target says
 * which through vc_fuzz_fail.
 */
#ifndef VC_FUZZ_FUZZ_H
#define VC_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant does not hold: print "fuzz: invariant violated: MSG" on
 * stderr and abort, so every fuzzing engine records the input.  A tier
 * installs a hook that fails the test instead; it must not return. */
_Noreturn void vc_fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
typedef void (*vc_fuzz_fail_hook)(const char *msg);
void vc_fuzz_set_fail_hook(vc_fuzz_fail_hook hook);

/* @err, from @stage, carries @code, the exit status the README
 * documents for that stage (VC_EXIT_INPUT for input the parser refuses,
 * VC_EXIT_BUILD for a configuration the builder refuses): an error of
 * any other code, VC_EXIT_INTERNAL above all, is a bug.  The message is
 * one line. */
void vc_fuzz_expect_error(const char *stage, const vc_error *err, int code);

/* Two outputs of what must be one text are equal, or fail naming
 * @what and the first line that differs. */
void vc_fuzz_expect_same(const char *what, const char *a, const char *b);

/* Where the source tree is ($VC_SRCDIR, else the tree the target was
 * built from): the capability sets, scenarios and seeds live there. */
const char *vc_fuzz_srcdir(void);

#endif
