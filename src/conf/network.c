/* network.c: network definitions read from a directory of NAME.xml
 * files, as libvirt keeps them in /etc/libvirt/qemu/networks. */
#include "conf/network.h"
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/file.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

VC_ENUM_IMPL(vc_net_forward, VC_NET_FORWARD_LAST, "none", "nat", "route", "bridge",
             "private", "vepa", "passthrough", "hostdev")

/* Network definitions are small. */
#define NETWORK_XML_MAX (1024u * 1024)

const vc_network_def *vc_host_network(const vc_host *host, const char *name)
{
    const vc_host_networks *nets = host->networks;

    for (size_t i = 0; nets && name && i < nets->n; i++)
        if (strcmp(nets->defs[i].name, name) == 0)
            return &nets->defs[i];
    return NULL;
}

static const char *keep(vc_host_networks *nets, char *s)
{
    if (!s)
        return NULL;
    vc_strlist_take(&nets->strings, s);
    return s;
}

/* One <address type='pci'> of a hostdev pool: hexadecimal or decimal
 * numbers, as in a domain, within PCI's bounds. */
static int parse_pool_pci(const xmlNode *a, vc_pci_addr *pci, const char *path,
                          const char *netname, vc_error *err)
{
    static const struct { const char *attr; unsigned max; } f[] = {
        { "domain", 0xFFFF }, { "bus", 0xFF }, { "slot", 0x1F }, { "function", 0x7 },
    };
    unsigned *dst[] = { &pci->domain, &pci->bus, &pci->slot, &pci->function };
    char *type = vc_xml_prop(a, "type");
    bool is_pci = type && strcmp(type, "pci") == 0;

    free(type);
    memset(pci, 0, sizeof(*pci));
    if (!is_pci)
        return vc_error_set(err, VC_EXIT_INPUT, "%s: network '%s': a forward <address> "
                            "must be of type 'pci'", path, netname);
    for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
        char *v = vc_xml_prop(a, f[i].attr);
        unsigned long long x = 0;
        bool ok = !v || (vc_parse_ull(v, 0, &x) && x <= f[i].max);

        if (!ok)
            vc_error_set(err, VC_EXIT_INPUT, "%s: network '%s': invalid PCI address "
                         "%s='%s'", path, netname, f[i].attr, v);
        free(v);
        if (!ok)
            return -1;
        *dst[i] = (unsigned)x;
    }
    return 0;
}

/* <forward mode= dev=> and its <interface dev=> pool: a <forward>
 * without a mode is NAT; the dev attribute is the pool's first
 * interface (libvirt 0.10.2's virNetworkDefParseXML). */
static int parse_forward(vc_host_networks *nets, vc_network_def *def, xmlNodePtr fwd,
                         const char *path, vc_error *err)
{
    char *mode = vc_xml_prop(fwd, "mode"), *dev = vc_xml_prop(fwd, "dev"), *managed;
    int m = mode ? vc_net_forward_from_string(mode) : VC_NET_FORWARD_NAT;
    int ret = -1;

    if (m < 0) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: unknown forwarding type '%s'", path, mode);
        goto cleanup;
    }
    def->forward = (vc_net_forward)m;
    if ((managed = vc_xml_prop(fwd, "managed")))
        def->managed = strcmp(managed, "yes") == 0;
    free(managed);
    for (xmlNodePtr c = fwd->children; c; c = c->next) {
        char *ifdev;
        if (vc_xml_is(c, "address")) {
            def->forward_pci = vc_realloc(def->forward_pci,
                                          (def->nforward_pci + 1) * sizeof(vc_pci_addr));
            if (parse_pool_pci(c, &def->forward_pci[def->nforward_pci++], path,
                               def->name, err) < 0)
                goto cleanup;
            continue;
        }
        if (!vc_xml_is(c, "interface"))
            continue;
        if (!(ifdev = vc_xml_prop(c, "dev"))) {
            vc_error_set(err, VC_EXIT_INPUT, "%s: Missing required dev attribute in network "
                         "'%s' forward interface element", path, def->name);
            goto cleanup;
        }
        if (def->nforward_devs == 0 && dev && strcmp(dev, ifdev) != 0) {
            vc_error_set(err, VC_EXIT_INPUT, "%s: forward dev '%s' must match first "
                         "interface element dev '%s' in network '%s'", path, dev, ifdev,
                         def->name);
            free(ifdev);
            goto cleanup;
        }
        def->forward_devs = vc_realloc(def->forward_devs,
                                       (def->nforward_devs + 1) * sizeof(char *));
        def->forward_devs[def->nforward_devs++] = keep(nets, ifdev);
    }
    if (dev && def->nforward_devs == 0) {
        def->forward_devs = vc_calloc(1, sizeof(char *));
        def->forward_devs[def->nforward_devs++] = keep(nets, dev);
        dev = NULL;
    }
    ret = 0;
cleanup:
    free(mode);
    free(dev);
    return ret;
}

/* One NAME.xml. */
static int load_one(vc_host_networks *nets, const char *path, const char *fname,
                    vc_error *err)
{
    size_t base = strlen(fname) - strlen(".xml");
    vc_network_def def = { 0 };
    xmlDocPtr doc = NULL;
    xmlNodePtr root, n;
    char *text = NULL, *name = NULL;
    size_t len;
    int ret = -1;

    if (vc_file_read(path, NETWORK_XML_MAX, &text, &len, err) < 0 ||
        !(doc = vc_xml_read(text, len, NETWORK_XML_MAX, path, err)))
        goto cleanup;
    root = xmlDocGetRootElement(doc);
    if (!vc_xml_is(root, "network")) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: unexpected root element <%s>, expecting "
                     "<network>", path, (const char *)root->name);
        goto cleanup;
    }
    if (!(n = vc_xml_child(root, "name")) || !(name = vc_xml_text(n)) || !*name) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: missing network <name>", path);
        goto cleanup;
    }
    if (strlen(name) != base || strncmp(name, fname, base) != 0) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: network config file name does not match "
                     "network name '%s'", path, name);
        goto cleanup;
    }
    if (vc_host_network(&(vc_host){ .networks = nets }, name)) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: network '%s' is defined twice", path, name);
        goto cleanup;
    }
    def.name = keep(nets, name);
    name = NULL;
    if ((n = vc_xml_child(root, "bridge")))
        def.bridge = keep(nets, vc_xml_prop(n, "name"));
    if ((n = vc_xml_child(root, "forward")) && parse_forward(nets, &def, n, path, err) < 0)
        goto cleanup;
    vc_grow(&nets->owned, &nets->cap, nets->n + 1, sizeof(*nets->owned));
    nets->owned[nets->n++] = def;
    nets->defs = nets->owned;
    ret = 0;
cleanup:
    if (ret < 0) {
        free(def.forward_devs);
        free(def.forward_pci);
    }
    free(name);
    xmlFreeDoc(doc);
    free(text);
    return ret;
}

int vc_networks_load_dir(vc_host_networks *nets, const char *dir, vc_error *err)
{
    vc_strlist names = { 0 };
    struct dirent *e;
    DIR *d;
    int ret = -1;

    if (!(d = opendir(dir)))
        return vc_error_set(err, VC_EXIT_INPUT, "%s: cannot read network directory: %s",
                            dir, strerror(errno));
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0)
            vc_strlist_add(&names, e->d_name);
    }
    closedir(d);
    vc_strlist_sort(&names);
    for (size_t i = 0; i < names.n; i++) {
        char *path = vc_asprintf("%s/%s", dir, names.items[i]);
        int rc = load_one(nets, path, names.items[i], err);
        free(path);
        if (rc < 0)
            goto cleanup;
    }
    ret = 0;
cleanup:
    if (ret < 0)
        vc_networks_free(nets);
    vc_strlist_free(&names);
    return ret;
}

void vc_networks_free(vc_host_networks *nets)
{
    for (size_t i = 0; nets->owned && i < nets->n; i++) {
        free(nets->owned[i].forward_devs);
        free(nets->owned[i].forward_pci);
    }
    free(nets->owned);
    vc_strlist_free(&nets->strings);
    nets->owned = NULL;
    nets->defs = NULL;
    nets->n = nets->cap = 0;
}
