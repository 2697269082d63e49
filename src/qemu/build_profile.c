/* build_profile.c: the test profile's host capabilities: which
 * emulator and machine type a guest gets when its XML names none (as
 * libvirt's parser fills them in from the host capabilities). */
#include "qemu/build_profile.h"

#include <string.h>

#include "util/strutil.h"

typedef struct profile_guest {
    const char *os_type;
    const char *arch;
    vc_virt_type virt;
    const char *emulator;
    const char *machine;    /* the first (default) machine */
} profile_guest;

/* One row per (guest, domain type); the hvm/qemu row of an arch comes
 * first so it is the arch's default. */
static const profile_guest profile_guests[] = {
    { "hvm", "i686",   VC_VIRT_QEMU, "/usr/bin/qemu", "pc" },
    { "hvm", "x86_64", VC_VIRT_QEMU, "/usr/bin/qemu-system-x86_64", "pc-0.11" },
    { "hvm", "x86_64", VC_VIRT_KVM,  "/usr/bin/kvm", "pc" },
    { "xen", "x86_64", VC_VIRT_QEMU, "/usr/bin/xenner", "xenner" },
    { "xen", "x86_64", VC_VIRT_KVM,  "/usr/bin/kvm", "xenner" },
    { "hvm", "ppc64",  VC_VIRT_QEMU, "/usr/bin/qemu-system-ppc64", "pseries" },
    { "hvm", "s390x",  VC_VIRT_QEMU, "/usr/bin/qemu-system-s390x", "s390-virtio" },
};

const char *vc_profile_default_arch(const char *os_type)
{
    for (size_t i = 0; i < sizeof(profile_guests) / sizeof(profile_guests[0]); i++)
        if (os_type && VC_STREQ(profile_guests[i].os_type, os_type))
            return profile_guests[i].arch;
    return NULL;
}

/* The guest row for the domain type, or the guest's default row. */
static const profile_guest *find_guest(const char *os_type, const char *arch,
                                       vc_virt_type virt)
{
    const profile_guest *first = NULL;

    if (!os_type || !arch)
        return NULL;
    for (size_t i = 0; i < sizeof(profile_guests) / sizeof(profile_guests[0]); i++) {
        const profile_guest *g = &profile_guests[i];
        if (!VC_STREQ(g->os_type, os_type) || !VC_STREQ(g->arch, arch))
            continue;
        if (g->virt == virt)
            return g;
        if (!first)
            first = g;
    }
    return first;
}

const char *vc_profile_default_emulator(const char *os_type, const char *arch,
                                        vc_virt_type virt)
{
    const profile_guest *g = find_guest(os_type, arch, virt);
    return g ? g->emulator : NULL;
}

const char *vc_profile_default_machine(const char *os_type, const char *arch,
                                       vc_virt_type virt)
{
    const profile_guest *g = find_guest(os_type, arch, virt);
    return g ? g->machine : NULL;
}
