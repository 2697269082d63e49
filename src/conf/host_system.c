/* host_system.c: the machine this runs on.  Its guests are QEMU's
 * system emulators under their usual names, the host's own
 * architecture first (so it is the default), with KVM for the host's
 * architecture; nothing is probed, so the same machine gives the same
 * answers.  Its CPU is not known (CPU models need the test host). */
#include "conf/host.h"

#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const vc_host_machine pc[] = { { "pc", NULL } };
static const vc_host_machine pseries[] = { { "pseries", NULL } };

static const vc_host_domain qemu_only[] = { { VC_VIRT_QEMU, NULL, NULL, 0 } };
static const vc_host_domain qemu_kvm[] = {
    { VC_VIRT_QEMU, NULL, NULL, 0 }, { VC_VIRT_KVM, NULL, NULL, 0 },
};

static const struct {
    const char *arch;
    const char *emulator;
    const vc_host_machine *machines;
    size_t nmachines;
    const char *kvm_on;         /* the host arch KVM runs it on (besides its own) */
} targets[] = {
    { "x86_64", "/usr/bin/qemu-system-x86_64", pc, N(pc), NULL },
    { "i686", "/usr/bin/qemu-system-i386", pc, N(pc), "x86_64" },
    { "aarch64", "/usr/bin/qemu-system-aarch64", NULL, 0, NULL },
    { "armv7l", "/usr/bin/qemu-system-arm", NULL, 0, "aarch64" },
    { "ppc64", "/usr/bin/qemu-system-ppc64", pseries, N(pseries), NULL },
    { "s390x", "/usr/bin/qemu-system-s390x", NULL, 0, NULL },
};

_Static_assert(N(targets) <= VC_HOST_MAX_GUESTS, "guest_buf too small");

static void add_guest(vc_host *h, size_t t)
{
    bool kvm = strcmp(targets[t].arch, h->arch) == 0 ||
               (targets[t].kvm_on && strcmp(targets[t].kvm_on, h->arch) == 0);
    vc_host_guest *g = &h->guest_buf[h->nguests++];

    g->os_type = "hvm";
    g->arch = targets[t].arch;
    g->emulator = targets[t].emulator;
    g->machines = targets[t].machines;
    g->nmachines = targets[t].nmachines;
    g->domains = kvm ? qemu_kvm : qemu_only;
    g->ndomains = kvm ? N(qemu_kvm) : N(qemu_only);
}

void vc_host_system_init(vc_host *host, char *const *environ, const char *state_dir)
{
    struct utsname ut;

    memset(host, 0, sizeof(*host));
    host->name = "system";
    snprintf(host->arch_buf, sizeof(host->arch_buf), "%.*s",
             (int)sizeof(host->arch_buf) - 1, uname(&ut) == 0 ? ut.machine : "x86_64");
    host->arch = host->arch_buf;
    host->guests = host->guest_buf;
    for (size_t i = 0; i < N(targets); i++)
        if (strcmp(targets[i].arch, host->arch) == 0)
            add_guest(host, i);
    for (size_t i = 0; i < N(targets); i++)
        if (strcmp(targets[i].arch, host->arch) != 0)
            add_guest(host, i);
    host->environ = environ;
    host->state_dir = state_dir ? state_dir : "/var/lib/libvirt/qemu";
    host->domain_id = -1;
    host->derived_ids = false;
}
