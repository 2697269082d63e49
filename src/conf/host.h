/* host.h: the machine a domain is defined on and built for.
 *
 * One value holds everything the parser and the builder would otherwise
 * take from their surroundings (libvirt's capabilities, the driver's
 * state directory, the process environment, the secret store): the
 * guests it runs with their emulators and machine types, its CPU, the
 * environment QEMU inherits, where per-domain files go, the ids it gives
 * and the secrets it can look up.  There are two: the libvirt 0.10.2
 * test host (vc_host_test) and the real system (vc_host_system_init).
 * Code asks the host; it never asks which host it is.
 */
#ifndef VC_CONF_HOST_H
#define VC_CONF_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include "conf/conf_types.h"

/* The domain types of <domain type=>; the parser's table of their
 * names is in domain_parse.c. */
typedef enum { VC_VIRT_QEMU, VC_VIRT_KQEMU, VC_VIRT_KVM, VC_VIRT_XEN,
               VC_VIRT_LAST } vc_virt_type;
VC_ENUM_DECL(vc_virt_type);

typedef struct vc_host_machine {
    const char *name;
    const char *canonical;      /* what the name is an alias of, or NULL */
} vc_host_machine;

/* A domain type a guest runs as, with its own emulator and machines
 * where they differ from the guest's. */
typedef struct vc_host_domain {
    vc_virt_type type;
    const char *emulator;       /* NULL: the guest's */
    const vc_host_machine *machines;
    size_t nmachines;           /* 0: the guest's */
} vc_host_domain;

typedef struct vc_host_guest {
    const char *os_type;        /* "hvm", "xen" */
    const char *arch;
    const char *emulator;
    const vc_host_machine *machines;   /* the first is the default */
    size_t nmachines;
    const vc_host_domain *domains;
    size_t ndomains;
} vc_host_guest;

/* The host CPU and the CPU models its emulators offer. */
typedef struct vc_host_cpu {
    const char *model;          /* NULL: not known */
    const char *vendor;
    const char *const *features;
    size_t nfeatures;
    const char *const *models;  /* in the emulator's order */
    size_t nmodels;
    const char *const *legacy_models;
    size_t nlegacy_models;
} vc_host_cpu;

typedef struct vc_host_secret {
    const char *usage;          /* usage id */
    const char *value;
} vc_host_secret;

/* Host networking, filled in by src/net when it lands. */
struct vc_host_networks;        /* network definitions by name */
struct vc_host_kernel;          /* what tap, vhost-net and macvtap call */

#define VC_HOST_MAX_GUESTS 8

typedef struct vc_host {
    const char *name;           /* "test", "system": for messages only */
    const char *arch;           /* the host's own architecture */
    const vc_host_guest *guests;
    size_t nguests;
    vc_host_cpu cpu;

    /* What QEMU inherits: the builder passes some of these on. */
    char *const *environ;
    /* Per-domain files: NAME.monitor, NAME.vnc, ... */
    const char *state_dir;
    /* The monitor socket when the host fixes it, else STATE_DIR/NAME.monitor. */
    const char *monitor_path;
    /* The id a started domain gets (-1: the definition's own). */
    int domain_id;
    /* A UUID or MAC the definition leaves out is derived from the domain
     * name and the device's position (else it is random, as libvirt's). */
    bool derived_ids;
    /* Capability names every QEMU of this host is taken to have, on top
     * of what a recording or list says (the test suite's additions). */
    const char *const *added_caps;
    size_t nadded_caps;
    const vc_host_secret *secrets;
    size_t nsecrets;

    const struct vc_host_networks *networks;   /* NULL: none defined */
    const struct vc_host_kernel *kernel;       /* NULL: the real one */

    /* storage behind the system host's fields */
    char arch_buf[64];
    vc_host_guest guest_buf[VC_HOST_MAX_GUESTS];
} vc_host;

/* The host of libvirt 0.10.2's QEMU test suite: fixed and immutable. */
const vc_host *vc_host_test(void);

/* The machine this runs on: its architecture, QEMU's usual emulator
 * paths, @environ (not copied; must outlive the host) and @state_dir
 * (NULL: /var/lib/libvirt/qemu; not copied). */
void vc_host_system_init(vc_host *host, char *const *environ, const char *state_dir);

/* --- what the parser asks --- */
bool vc_host_has_os_type(const vc_host *host, const char *os_type);
/* Any guest of @arch at all. */
bool vc_host_has_arch(const vc_host *host, const char *arch);
bool vc_host_has_os_arch(const vc_host *host, const char *os_type, const char *arch);
/* The first guest of @os_type that runs @virt; NULL when none. */
const char *vc_host_default_arch(const vc_host *host, const char *os_type,
                                 vc_virt_type virt);
/* The default machine and emulator of a guest for @virt (NULL: none). */
const char *vc_host_default_machine(const vc_host *host, const char *os_type,
                                    const char *arch, vc_virt_type virt);
const char *vc_host_default_emulator(const vc_host *host, const char *os_type,
                                     const char *arch, vc_virt_type virt);
/* A missing UUID or MAC: derived or random, as the host does it. */
void vc_host_new_uuid(const vc_host *host, const char *name,
                      unsigned char uuid[VC_UUID_LEN]);
void vc_host_new_mac(const vc_host *host, const char *name, size_t index,
                     unsigned char mac[VC_MAC_LEN]);

/* --- what the builder asks --- */
/* The machine an alias stands for with @emulator, or @machine itself. */
const char *vc_host_canonical_machine(const vc_host *host, const char *emulator,
                                      const char *machine);
/* NAME=value of the environment, or NULL. */
const char *vc_host_getenv(const vc_host *host, const char *name);
/* A secret's value by usage id, NULL when the store has none such. */
const char *vc_host_secret_by_usage(const vc_host *host, const char *usage);

#endif
