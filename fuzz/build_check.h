/* build_check.h: a domain built into a QEMU command line, with every
 * invariant of a build checked: what the domain and qemu_conf targets
 * share. */
#ifndef VC_FUZZ_BUILD_CHECK_H
#define VC_FUZZ_BUILD_CHECK_H

#include "caps/caps.h"
#include "conf/domain.h"
#include "qemu/qemu_config.h"

/* Build @def (which the build changes: aliases, addresses) on the test
 * host for @caps and @cfg, over a fresh fake kernel in @scenario.  A
 * refusal must be a VC_EXIT_BUILD error; a command line must read back,
 * option by option as QEMU reads it, as exactly the keys the builder
 * meant, and as a shell reads it, as exactly its words; no descriptor
 * may be left open and not handed to QEMU, every descriptor handed must
 * be open, and freeing the command must close them all.  @what names
 * the build in a violation. */
void vc_fuzz_build_check(vc_domain_def *def, const vc_caps *caps,
                         const vc_qemu_config *cfg, const char *scenario,
                         const char *what);

#endif
