/* build_profile.h: the reference test profile's host capabilities. */
#ifndef VC_QEMU_BUILD_PROFILE_H
#define VC_QEMU_BUILD_PROFILE_H

#include "conf/domain.h"

/* The first arch the host offers for @os_type ("hvm" -> "i686"). */
const char *vc_profile_default_arch(const char *os_type);
/* Emulator / default machine for a guest; NULL when the host has no
 * such guest. */
const char *vc_profile_default_emulator(const char *os_type, const char *arch,
                                        vc_virt_type virt);
const char *vc_profile_default_machine(const char *os_type, const char *arch,
                                       vc_virt_type virt);

#endif
