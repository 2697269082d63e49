/* host_test.c: the host of libvirt 0.10.2's QEMU test suite, as its
 * harness sets it up around every case (the reference corpus README,
 * "Test profile"). */
#include "conf/host.h"
#include "conf/network.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const vc_host_machine i686_machines[] = { { "pc", NULL }, { "isapc", NULL } };
static const vc_host_machine x86_64_machines[] = {
    { "pc-0.11", NULL }, { "pc", "pc-0.11" }, { "pc-0.10", NULL }, { "isapc", NULL },
};
static const vc_host_machine kvm_machines[] = { { "pc", NULL }, { "isapc", NULL } };
static const vc_host_machine xenner_machines[] = { { "xenner", NULL } };
static const vc_host_machine ppc64_machines[] = { { "pseries", NULL } };
static const vc_host_machine s390x_machines[] = { { "s390-virtio", NULL } };

static const vc_host_domain qemu_only[] = { { VC_VIRT_QEMU, NULL, NULL, 0 } };
static const vc_host_domain x86_64_domains[] = {
    { VC_VIRT_QEMU, NULL, NULL, 0 },
    { VC_VIRT_KVM, "/usr/bin/kvm", kvm_machines, N(kvm_machines) },
};
static const vc_host_domain xen_domains[] = { { VC_VIRT_KVM, "/usr/bin/kvm", NULL, 0 } };

static const vc_host_guest guests[] = {
    { "hvm", "i686", "/usr/bin/qemu", i686_machines, N(i686_machines),
      qemu_only, N(qemu_only) },
    { "hvm", "x86_64", "/usr/bin/qemu-system-x86_64", x86_64_machines,
      N(x86_64_machines), x86_64_domains, N(x86_64_domains) },
    { "xen", "x86_64", "/usr/bin/xenner", xenner_machines, N(xenner_machines),
      xen_domains, N(xen_domains) },
    { "hvm", "ppc64", "/usr/bin/qemu-system-ppc64", ppc64_machines,
      N(ppc64_machines), qemu_only, N(qemu_only) },
    { "hvm", "s390x", "/usr/bin/qemu-system-s390x", s390x_machines,
      N(s390x_machines), qemu_only, N(qemu_only) },
};

static const char *const cpu_features[] = {
    "lahf_lm", "xtpr", "cx16", "tm2", "est", "vmx", "ds_cpl", "pbe", "tm", "ht",
    "ss", "acpi", "ds",
};
static const char *const cpu_models[] = {
    "Opteron_G3", "Opteron_G2", "Opteron_G1", "Nehalem", "Penryn", "Conroe",
};
static const char *const cpu_legacy_models[] = {
    "n270", "athlon", "pentium3", "pentium2", "pentium", "486", "coreduo",
    "kvm32", "qemu32", "kvm64", "core2duo", "phenom", "qemu64",
};

static char *const environment[] = {
    "PATH=/bin", "HOME=/home/test", "USER=test", "LOGNAME=test", NULL,
};

static const char *const added_caps[] = { "vnc-colon", "no-reboot", "no-acpi" };

static const vc_host_secret secrets[] = {
    { "mycluster_myname", "AQCVn5hO6HzFAhAAq0NCv8jtJcIcE+HOBlMQ1A" },
};

/* its networks: guests of "default" join virbr0, of "isolated" virbr1 */
static const vc_network_def network_defs[] = {
    { "default", "virbr0", VC_NET_FORWARD_NAT, NULL, 0, NULL, 0, false },
    { "isolated", "virbr1", VC_NET_FORWARD_NONE, NULL, 0, NULL, 0, false },
};
static const vc_host_networks networks = { network_defs, N(network_defs), NULL, 0,
                                           { NULL, 0, 0 } };

static const vc_host test_host = {
    .name = "test",
    .arch = "x86_64",
    .guests = guests,
    .nguests = N(guests),
    .cpu = {
        .model = "core2duo",
        .vendor = "Intel",
        .features = cpu_features,
        .nfeatures = N(cpu_features),
        .models = cpu_models,
        .nmodels = N(cpu_models),
        .legacy_models = cpu_legacy_models,
        .nlegacy_models = N(cpu_legacy_models),
    },
    .environ = environment,
    .state_dir = "/nowhere",
    .monitor_path = "/tmp/test-monitor",
    .domain_id = 6,
    .derived_ids = true,
    .added_caps = added_caps,
    .nadded_caps = N(added_caps),
    .secrets = secrets,
    .nsecrets = N(secrets),
    .networks = &networks,
};

const vc_host *vc_host_test(void)
{
    return &test_host;
}
