/* cpu_map.c: reading libvirt's cpu_map.xml.  libvirt keeps the map's
 * features and models in lists it prepends to, so the engine walks them
 * in reverse document order (cpu_model.c). */
#include "cpu/cpu_private.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/strutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

/* CPU maps are tens of kilobytes. */
#define CPU_MAP_MAX (4u * 1024 * 1024)

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = v ? vc_strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static bool is_elem(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name);
}

static const named_data *find(const named_data *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (name && VC_STREQ(list[i].name, name))
            return &list[i];
    return NULL;
}

const named_data *vc_cpu_map_feature(const vc_cpu_map *map, const char *name)
{
    return find(map->features, map->nfeatures, name);
}

const named_data *vc_cpu_map_model(const vc_cpu_map *map, const char *name)
{
    return find(map->models, map->nmodels, name);
}

static int load_feature(const char *path, vc_cpu_map *map, xmlNodePtr node,
                        vc_error *err)
{
    static const char *const regs[4] = { "eax", "ebx", "ecx", "edx" };
    named_data f = { prop(node, "name"), NULL, { NULL, 0, 0 } };

    for (xmlNodePtr c = node->children; c; c = c->next) {
        char *fn;
        unsigned long long v;
        cpuid *slot;

        if (!is_elem(c, "cpuid"))
            continue;
        fn = prop(c, "function");
        if (!fn || !vc_parse_ull(fn, 0, &v) || v > UINT32_MAX) {
            vc_error_set(err, VC_EXIT_INPUT, "%s:%ld: invalid cpuid function '%s' "
                         "in CPU feature %s", path, xmlGetLineNo(c), fn ? fn : "",
                         f.name ? f.name : "");
            free(fn);
            free(f.name);
            vc_cpudata_free(&f.data);
            return -1;
        }
        free(fn);
        slot = vc_cpudata_slot(&f.data, (uint32_t)v);
        for (int r = 0; r < 4; r++) {
            char *s = prop(c, regs[r]);
            unsigned long long bits = 0;
            if (s)
                vc_parse_ull(s, 0, &bits);
            slot->r[r] |= (uint32_t)bits;
            free(s);
        }
    }
    vc_grow(&map->features, &map->features_cap, map->nfeatures + 1, sizeof(f));
    map->features[map->nfeatures++] = f;
    return 0;
}

static int load_model(const char *path, vc_cpu_map *map, xmlNodePtr node,
                      vc_error *err)
{
    named_data m = { prop(node, "name"), NULL, { NULL, 0, 0 } };

    for (xmlNodePtr c = node->children; c; c = c->next) {
        char *name;
        const named_data *ref;

        if (c->type != XML_ELEMENT_NODE)
            continue;
        name = prop(c, "name");
        if (is_elem(c, "model")) {
            if (!(ref = vc_cpu_map_model(map, name))) {
                vc_error_set(err, VC_EXIT_INPUT, "%s:%ld: missing ancestor's name "
                             "in CPU model %s", path, xmlGetLineNo(c),
                             m.name ? m.name : "");
                free(name);
                goto error;
            }
            free(m.vendor);
            m.vendor = ref->vendor ? vc_strdup(ref->vendor) : NULL;
            vc_cpudata_free(&m.data);
            vc_cpudata_copy(&m.data, &ref->data);
        } else if (is_elem(c, "vendor")) {
            free(m.vendor);
            m.vendor = name;
            name = NULL;
        } else if (is_elem(c, "feature")) {
            if (!(ref = vc_cpu_map_feature(map, name))) {
                vc_error_set(err, VC_EXIT_INPUT, "%s:%ld: feature %s required by CPU "
                             "model %s not found", path, xmlGetLineNo(c),
                             name ? name : "", m.name ? m.name : "");
                free(name);
                goto error;
            }
            vc_cpudata_add(&m.data, &ref->data);
        }
        free(name);
    }
    vc_grow(&map->models, &map->models_cap, map->nmodels + 1, sizeof(m));
    map->models[map->nmodels++] = m;
    return 0;

error:
    free(m.name);
    free(m.vendor);
    vc_cpudata_free(&m.data);
    return -1;
}

void vc_cpu_map_free(vc_cpu_map *map)
{
    if (!map)
        return;
    for (size_t i = 0; i < map->nfeatures; i++) {
        free(map->features[i].name);
        vc_cpudata_free(&map->features[i].data);
    }
    for (size_t i = 0; i < map->nmodels; i++) {
        free(map->models[i].name);
        free(map->models[i].vendor);
        vc_cpudata_free(&map->models[i].data);
    }
    free(map->features);
    free(map->models);
    free(map);
}

vc_cpu_map *vc_cpu_map_load(const char *path, vc_error *err)
{
    vc_cpu_map *map = NULL;
    xmlDocPtr doc = NULL;
    xmlNodePtr root;
    char *text = NULL;
    size_t len;
    int rc = 0;

    if (vc_file_read(path, CPU_MAP_MAX, &text, &len, err) < 0)
        return NULL;
    /* no network, no DTD, entities left unexpanded */
    doc = xmlReadMemory(text, (int)len, path, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc || !(root = xmlDocGetRootElement(doc)) || !is_elem(root, "cpus")) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: not a CPU map (a <cpus> document)", path);
        goto cleanup;
    }
    map = VC_NEW(vc_cpu_map);
    for (xmlNodePtr arch = root->children; arch && !rc; arch = arch->next) {
        char *name;
        bool x86;
        if (!is_elem(arch, "arch"))
            continue;
        name = prop(arch, "name");
        x86 = name && VC_STREQ(name, "x86");
        free(name);
        if (!x86)
            continue;
        for (xmlNodePtr n = arch->children; n && !rc; n = n->next) {
            if (is_elem(n, "feature"))
                rc = load_feature(path, map, n, err);
            else if (is_elem(n, "model"))
                rc = load_model(path, map, n, err);
        }
    }
    if (rc < 0) {
        vc_cpu_map_free(map);
        map = NULL;
    }
cleanup:
    xmlFreeDoc(doc);
    free(text);
    return map;
}
