/* host.c: what the parser and the builder ask of a host (libvirt's
 * virCapabilitiesDefaultGuest* rules), and the ids it gives. */
#include "conf/host.h"
#include "util/strutil.h"

#include <stdint.h>
#include <string.h>
#include <sys/random.h>

bool vc_host_has_os_type(const vc_host *host, const char *os_type)
{
    for (size_t i = 0; i < host->nguests; i++)
        if (VC_STREQ(host->guests[i].os_type, os_type))
            return true;
    return false;
}

bool vc_host_has_arch(const vc_host *host, const char *arch)
{
    for (size_t i = 0; i < host->nguests; i++)
        if (VC_STREQ(host->guests[i].arch, arch))
            return true;
    return false;
}

static const vc_host_guest *find_guest(const vc_host *host, const char *os_type,
                                       const char *arch)
{
    for (size_t i = 0; i < host->nguests; i++)
        if (VC_STREQ(host->guests[i].os_type, os_type) &&
            VC_STREQ(host->guests[i].arch, arch))
            return &host->guests[i];
    return NULL;
}

bool vc_host_has_os_arch(const vc_host *host, const char *os_type, const char *arch)
{
    return find_guest(host, os_type, arch) != NULL;
}

static const vc_host_domain *find_domain(const vc_host_guest *g, vc_virt_type virt)
{
    for (size_t i = 0; i < g->ndomains; i++)
        if (g->domains[i].type == virt)
            return &g->domains[i];
    return NULL;
}

const char *vc_host_default_arch(const vc_host *host, const char *os_type,
                                 vc_virt_type virt)
{
    for (size_t i = 0; i < host->nguests; i++)
        if (VC_STREQ(host->guests[i].os_type, os_type) &&
            find_domain(&host->guests[i], virt))
            return host->guests[i].arch;
    return NULL;
}

const char *vc_host_default_machine(const vc_host *host, const char *os_type,
                                    const char *arch, vc_virt_type virt)
{
    const vc_host_guest *g = find_guest(host, os_type, arch);
    const vc_host_domain *d;

    if (!g)
        return NULL;
    if ((d = find_domain(g, virt)) && d->nmachines)
        return d->machines[0].name;
    return g->nmachines ? g->machines[0].name : NULL;
}

const char *vc_host_default_emulator(const vc_host *host, const char *os_type,
                                     const char *arch, vc_virt_type virt)
{
    const vc_host_guest *g = find_guest(host, os_type, arch);
    const vc_host_domain *d;

    if (!g)
        return NULL;
    if ((d = find_domain(g, virt)) && d->emulator)
        return d->emulator;
    return g->emulator;
}

static const char *canonical_in(const vc_host_machine *m, size_t n, const char *machine)
{
    for (size_t i = 0; i < n; i++)
        if (VC_STREQ(m[i].name, machine))
            return m[i].canonical ? m[i].canonical : m[i].name;
    return NULL;
}

/* The machines are those of the guest or domain whose emulator it is
 * (libvirt canonicalizes with the emulator's own list). */
const char *vc_host_canonical_machine(const vc_host *host, const char *emulator,
                                      const char *machine)
{
    const char *c;

    for (size_t i = 0; emulator && machine && i < host->nguests; i++) {
        const vc_host_guest *g = &host->guests[i];

        if (g->emulator && VC_STREQ(g->emulator, emulator) &&
            (c = canonical_in(g->machines, g->nmachines, machine)))
            return c;
        for (size_t j = 0; j < g->ndomains; j++) {
            const vc_host_domain *d = &g->domains[j];
            if (d->emulator && VC_STREQ(d->emulator, emulator) && d->nmachines &&
                (c = canonical_in(d->machines, d->nmachines, machine)))
                return c;
        }
    }
    return machine;
}

const char *vc_host_getenv(const vc_host *host, const char *name)
{
    size_t len = strlen(name);

    for (size_t i = 0; host->environ && host->environ[i]; i++)
        if (strncmp(host->environ[i], name, len) == 0 && host->environ[i][len] == '=')
            return host->environ[i] + len + 1;
    return NULL;
}

const char *vc_host_secret_by_usage(const vc_host *host, const char *usage)
{
    for (size_t i = 0; usage && i < host->nsecrets; i++)
        if (VC_STREQ(host->secrets[i].usage, usage))
            return host->secrets[i].value;
    return NULL;
}

/* ---- ids ------------------------------------------------------------- */

/* FNV-1a: a stable spread of the name over the id's bytes (not secret,
 * not random: the same input must give the same command line). */
static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

static void derive(const char *what, const char *name, size_t index,
                   unsigned char *out, size_t len)
{
    uint64_t h = fnv1a(UINT64_C(0xcbf29ce484222325), what, strlen(what));

    h = fnv1a(h, name, strlen(name) + 1);
    h = fnv1a(h, (const char *)&(uint64_t){ index }, sizeof(uint64_t));
    for (size_t i = 0; i < len; i++) {
        if (i % 8 == 0 && i)
            h = fnv1a(h, (const char *)&i, sizeof(i));
        out[i] = (unsigned char)(h >> (8 * (i % 8)));
    }
}

static void random_bytes(unsigned char *out, size_t len)
{
    if (getrandom(out, len, 0) != (ssize_t)len)
        memset(out, 0, len);
}

void vc_host_new_uuid(const vc_host *host, const char *name,
                      unsigned char uuid[VC_UUID_LEN])
{
    if (host->derived_ids) {
        derive("uuid", name, 0, uuid, VC_UUID_LEN);
        uuid[6] = (uuid[6] & 0x0f) | 0x80;      /* RFC 9562 version 8: custom */
    } else {
        random_bytes(uuid, VC_UUID_LEN);
        uuid[6] = (uuid[6] & 0x0f) | 0x40;      /* version 4: random */
    }
    uuid[8] = (uuid[8] & 0x3f) | 0x80;
}

void vc_host_new_mac(const vc_host *host, const char *name, size_t index,
                     unsigned char mac[VC_MAC_LEN])
{
    /* libvirt's QEMU/KVM prefix, then three bytes */
    mac[0] = 0x52;
    mac[1] = 0x54;
    mac[2] = 0x00;
    if (host->derived_ids)
        derive("mac", name, index, mac + 3, 3);
    else
        random_bytes(mac + 3, 3);
}
