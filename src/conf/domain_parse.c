/* domain_parse.c: reading a whole <domain> document into the model. */
#include "conf/conf_private.h"
#include "conf/vocabulary.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/strutil.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>


VC_ENUM_IMPL(vc_virt_type, VC_VIRT_LAST, "qemu", "kqemu", "kvm", "xen")
VC_ENUM_IMPL(vc_lockfailure, VC_LOCKFAIL_LAST, "default", "poweroff", "restart", "pause",
             "ignore")
VC_ENUM_IMPL(vc_lifecycle, VC_LIFECYCLE_LAST, "destroy", "restart",
             "rename-restart", "preserve", "coredump-destroy", "coredump-restart")
VC_ENUM_IMPL(vc_feature, VC_FEATURE_LAST, "acpi", "apic", "pae", "hap",
             "viridian", "privnet", "hyperv")
VC_ENUM_IMPL(vc_hyperv_feature, VC_HYPERV_LAST, "relaxed")
VC_ENUM_IMPL(vc_boot_dev, VC_BOOT_LAST, "fd", "cdrom", "hd", "network")
VC_ENUM_IMPL(vc_smbios_mode, VC_SMBIOS_LAST, "none", "emulate", "host", "sysinfo")
VC_ENUM_IMPL(vc_seclabel_type, VC_SECLABEL_LAST, "default", "none", "dynamic", "static")
VC_ENUM_IMPL(vc_sysinfo_type, 1, "smbios")

static int parse_lifecycle(vc_parse_ctx *ctx, const xmlNode *root, const char *name,
                           vc_lifecycle dflt, bool crash, vc_lifecycle *out)
{
    xmlNodePtr n = vc_xml_child(root, name);
    char *s;
    int v;

    *out = dflt;
    if (!n || !(s = vc_xml_text(n)))
        return 0;
    v = vc_lifecycle_from_string(s);
    if (v < 0 || (!crash && v >= VC_LIFECYCLE_COREDUMP_DESTROY)) {
        vc_xml_error(ctx, "unknown lifecycle action '%s' in <%s>", s, name);
        free(s);
        return -1;
    }
    free(s);
    *out = (vc_lifecycle)v;
    return 0;
}

/* <on_lockfailure>: left to the lock manager when absent or "default" */
static int parse_lockfailure(vc_parse_ctx *ctx, const xmlNode *root, vc_domain_def *def)
{
    xmlNodePtr n = vc_xml_child(root, "on_lockfailure");
    char *s;
    int v;

    if (!n || !(s = vc_xml_text(n)))
        return 0;
    if ((v = vc_lockfailure_from_string(s)) < 0) {
        vc_xml_error(ctx, "unknown on_lockfailure action: %s", s);
        free(s);
        return -1;
    }
    free(s);
    def->on_lockfailure = (vc_lockfailure)v;
    return 0;
}

static int parse_hyperv(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    unsigned seen = 0;

    for (xmlNodePtr h = n->children; h; h = h->next) {
        int hf, v;
        if (h->type != XML_ELEMENT_NODE)
            continue;
        if ((hf = vc_hyperv_feature_from_string((const char *)h->name)) < 0)
            return vc_xml_error(ctx, "unsupported HyperV Enlightenment feature: %s",
                                (const char *)h->name);
        if (seen & (1u << hf))
            continue;           /* the first of a name counts */
        seen |= 1u << hf;
        vc_xml_mark(h);
        if (vc_xml_enum_req(ctx, h, "state", vc_switch_from_string,
                            "HyperV Enlightenment feature state", &v) < 0)
            return -1;
        def->hyperv[hf] = (vc_switch)v;
    }
    return 0;
}

static int parse_features(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        int f;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if ((f = vc_feature_from_string((const char *)c->name)) < 0)
            return vc_xml_error(ctx, "unexpected feature <%s>", (const char *)c->name);
        if (def->features & (1u << f))
            continue;           /* the first of a name counts */
        def->features |= 1u << f;
        vc_xml_mark(c);
        if (f == VC_FEATURE_APIC) {
            int v = 0;
            if (vc_xml_enum(ctx, c, "eoi", vc_switch_from_string,
                            "apic eoi value", &v) < 0)
                return -1;
            def->apic_eoi = (vc_switch)v;
        } else if (f == VC_FEATURE_HYPERV && parse_hyperv(ctx, c, def) < 0) {
            return -1;
        }
    }
    return 0;
}

static int parse_pm(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    static const char *const names[] = { "suspend-to-mem", "suspend-to-disk" };
    vc_yesno *dst[] = { &def->pm_s3, &def->pm_s4 };

    for (size_t i = 0; i < 2; i++) {
        xmlNodePtr c = vc_xml_child(n, names[i]);
        int v = 0;
        if (c && vc_xml_enum_req(ctx, c, "enabled", vc_yesno_from_string,
                                 "pm enabled value", &v) < 0)
            return -1;
        if (c && v == VC_YESNO_DEFAULT)
            return vc_xml_error(ctx, "unknown pm enabled value 'default'");
        *dst[i] = (vc_yesno)v;
    }
    return 0;
}

static int parse_seclabel(vc_parse_ctx *ctx, const xmlNode *n, vc_seclabel *s)
{
    int v = VC_SECLABEL_DYNAMIC;
    char *relabel;
    xmlNodePtr c;

    if (vc_xml_enum(ctx, n, "type", vc_seclabel_type_from_string,
                    "security label type", &v) < 0)
        return -1;
    if (v == VC_SECLABEL_DEFAULT)
        return vc_xml_error(ctx, "invalid security type 'default'");
    s->type = (vc_seclabel_type)v;
    s->model = vc_xml_prop(n, "model");
    /* a static label is left alone unless relabel='yes' says otherwise */
    s->relabel = s->type == VC_SECLABEL_DYNAMIC;
    if ((relabel = vc_xml_prop(n, "relabel"))) {
        if (VC_STREQ(relabel, "yes"))
            s->relabel = true;
        else if (VC_STREQ(relabel, "no"))
            s->relabel = false;
        else {
            vc_xml_error(ctx, "invalid security relabel value %s", relabel);
            free(relabel);
            return -1;
        }
        free(relabel);
    }
    if (s->type == VC_SECLABEL_DYNAMIC && !s->relabel)
        return vc_xml_error(ctx, "dynamic label type must use resource relabeling");
    if (s->type == VC_SECLABEL_NONE && s->relabel)
        return vc_xml_error(ctx, "resource relabeling is not compatible with 'none' label type");
    if ((c = vc_xml_child(n, "label")) && s->type == VC_SECLABEL_STATIC)
        s->label = vc_xml_text(c);
    if (s->type == VC_SECLABEL_STATIC && !s->label)
        return vc_xml_error(ctx, "security label is missing");
    if ((c = vc_xml_child(n, "imagelabel")) && s->type != VC_SECLABEL_NONE &&
        s->relabel && (ctx->flags & VC_PARSE_INACTIVE) == 0)
        s->imagelabel = vc_xml_text(c);
    if ((c = vc_xml_child(n, "baselabel")) && s->type == VC_SECLABEL_DYNAMIC)
        s->baselabel = vc_xml_text(c);
    return 0;
}

/* Every <seclabel>, one per security driver: a lone one may leave the
 * model to the host (whose drivers the test host has none of), several
 * must each name theirs. */
static int parse_seclabels(vc_parse_ctx *ctx, const xmlNode *root, vc_domain_def *def)
{
    for (xmlNodePtr n = root->children; n; n = n->next) {
        vc_seclabel *s;

        if (!vc_xml_is(n, "seclabel"))
            continue;
        def->seclabels = vc_realloc(def->seclabels,
                                    (def->nseclabels + 1) * sizeof(*def->seclabels));
        s = &def->seclabels[def->nseclabels++];
        memset(s, 0, sizeof(*s));
        if (parse_seclabel(ctx, n, s) < 0)
            return -1;
    }
    for (size_t i = 0; def->nseclabels > 1 && i < def->nseclabels; i++)
        if (!def->seclabels[i].model)
            return vc_xml_error(ctx, "missing security model when using multiple labels");
    return 0;
}

const char *const vc_sysinfo_fields[2][8] = {
    { "vendor", "version", "date", "release", NULL },
    { "manufacturer", "product", "version", "serial", "uuid", "sku", "family", NULL },
};

/* The first <entry> of @name under @n. */
static xmlNodePtr sysinfo_entry(const xmlNode *n, const char *name)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        char *v;
        bool match;

        if (!vc_xml_is(c, "entry"))
            continue;
        v = vc_xml_prop(c, "name");
        match = v && VC_STREQ(v, name);
        free(v);
        if (match)
            return c;
    }
    return NULL;
}

static int parse_sysinfo_block(const xmlNode *n, const char *const *fields,
                               vc_sysinfo_entry **arr, size_t *count)
{
    for (size_t f = 0; fields[f]; f++) {
        vc_sysinfo_entry e = { NULL, vc_xml_text(sysinfo_entry(n, fields[f])) };

        if (!e.value || !*e.value) {
            free(e.value);
            continue;
        }
        e.name = vc_strdup(fields[f]);
        *arr = vc_realloc(*arr, (*count + 1) * sizeof(e));
        (*arr)[(*count)++] = e;
    }
    return 0;
}

static int parse_sysinfo(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    char *type = vc_xml_prop(n, "type");
    xmlNodePtr c;

    if (vc_sysinfo_type_from_string(type) < 0) {
        vc_xml_error(ctx, "unknown sysinfo type '%s'", type ? type : "(null)");
        free(type);
        return -1;
    }
    free(type);
    def->sysinfo.present = true;
    if ((c = vc_xml_child(n, "bios")))
        parse_sysinfo_block(c, vc_sysinfo_fields[0], &def->sysinfo.bios, &def->sysinfo.nbios);
    if ((c = vc_xml_child(n, "system")))
        parse_sysinfo_block(c, vc_sysinfo_fields[1], &def->sysinfo.system,
                            &def->sysinfo.nsystem);
    return 0;
}

static bool is_qemu_ns(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, VC_QEMU_NS) == 0;
}

static int parse_qemu_ns(vc_parse_ctx *ctx, const xmlNode *n, vc_domain_def *def)
{
    vc_qemu_cmdline *q;

    if (!def->qemu_cmdline)
        def->qemu_cmdline = VC_NEW(vc_qemu_cmdline);
    q = def->qemu_cmdline;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (!is_qemu_ns(c))
            continue;
        if (vc_xml_is(c, "arg")) {
            char *v = vc_xml_prop(c, "value");
            if (!v)
                return vc_xml_error(ctx, "No qemu command-line argument specified");
            q->args = vc_realloc(q->args, (q->nargs + 1) * sizeof(char *));
            q->args[q->nargs++] = v;
        } else if (vc_xml_is(c, "env")) {
            vc_qemu_env e = { vc_xml_prop(c, "name"), NULL };
            const char *p;
            if (!e.name || !*e.name) {
                free(e.name);
                return vc_xml_error(ctx, "No qemu environment name specified");
            }
            /* libvirt's two messages: the first character, the rest */
            for (p = e.name; *p; p++)
                if (!(*p == '_' || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
                      (p != e.name && *p >= '0' && *p <= '9'))) {
                    vc_xml_error(ctx, p == e.name
                                 ? "Invalid environment name, it must begin with a letter "
                                   "or underscore"
                                 : "Invalid environment name, it must contain only "
                                   "alphanumerics and underscore");
                    free(e.name);
                    return -1;
                }
            e.value = vc_xml_prop(c, "value");
            q->env = vc_realloc(q->env, (q->nenv + 1) * sizeof(e));
            q->env[q->nenv++] = e;
        }
    }
    /* nothing to pass: no namespace data (libvirt 0.10.2), so nothing
     * is formatted, not even the xmlns, and the output reads back */
    if (!q->nargs && !q->nenv) {
        free(q);
        def->qemu_cmdline = NULL;
    }
    return 0;
}

/* <metadata>: kept as canonical XML (blank text dropped, reindented). */
static void strip_blanks(xmlNodePtr n)
{
    xmlNodePtr c = n->children;

    while (c) {
        xmlNodePtr next = c->next;
        if (c->type == XML_TEXT_NODE && xmlIsBlankNode(c) && (c->prev || c->next)) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else if (c->type == XML_COMMENT_NODE) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            strip_blanks(c);
        }
        c = next;
    }
}

static int parse_metadata(const xmlNode *n, vc_domain_def *def)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr copy = xmlDocCopyNode((xmlNodePtr)n, doc, 1);
    xmlBufferPtr buf = xmlBufferCreate();

    if (!doc || !copy || !buf)
        abort();
    xmlDocSetRootElement(doc, copy);
    strip_blanks(copy);
    xmlNodeDump(buf, doc, copy, 1, 1);
    def->metadata = vc_strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    xmlFreeDoc(doc);
    return 0;
}

static int parse_header(vc_parse_ctx *ctx, const xmlNode *root, vc_domain_def *def)
{
    char *s;
    xmlNodePtr n;
    int v;

    if (vc_xml_enum_req(ctx, root, "type", vc_virt_type_from_string,
                        "domain type", &v) < 0)
        return -1;
    def->virt_type = (vc_virt_type)v;
    def->id = -1;
    if (!(ctx->flags & VC_PARSE_INACTIVE)) {
        long long id;
        int r = vc_xml_ll(ctx, root, "id", -1, 0x7fffffff, &id);
        if (r < 0)
            return -1;
        if (r)
            def->id = (int)id;
    }
    if (!(n = vc_xml_child(root, "name")) || !(def->name = vc_xml_text(n)) || !*def->name)
        return vc_xml_error(ctx, "missing domain <name>");
    if ((n = vc_xml_child(root, "uuid"))) {
        s = vc_xml_text(n);
        if (vc_uuid_parse(s, def->uuid) < 0) {
            vc_xml_error(ctx, "malformed uuid element '%s'", s);
            free(s);
            return -1;
        }
        free(s);
    } else {
        vc_host_new_uuid(ctx->host, def->name, def->uuid);
    }
    /* A title is one line (libvirt: "The title should not contain any
     * newlines"; virsh shows it in a table).  libvirt 0.10.2 looks for
     * LF only, so a CR, which only a &#13; reference can bring in,
     * passed; it ends a line as well, and is refused the same way. */
    if ((n = vc_xml_child(root, "title"))) {
        def->title = vc_xml_text(n);
        if (strpbrk(def->title, "\n\r"))
            return vc_xml_error(ctx, "domain <title> can't contain newlines");
    }
    if ((n = vc_xml_child(root, "description")))
        def->description = vc_xml_text(n);
    if ((n = vc_xml_child(root, "metadata")))
        parse_metadata(n, def);
    return 0;
}

static int parse_memory(vc_parse_ctx *ctx, const xmlNode *root, vc_domain_def *def)
{
    xmlNodePtr n = vc_xml_child(root, "memory");
    char *dump;

    if (!n || vc_parse_memory(ctx, n, &def->max_memory) <= 0) {
        if (ctx->err->code)
            return -1;
        return vc_xml_error(ctx, "missing or empty <memory> element");
    }
    if ((dump = vc_xml_prop(n, "dumpCore"))) {
        int v = vc_switch_from_string(dump);
        if (v <= 0) {
            vc_xml_error(ctx, "invalid memory core dump attribute value '%s'", dump);
            free(dump);
            return -1;
        }
        def->dump_core = (vc_switch)v;
        free(dump);
    }
    def->cur_memory = def->max_memory;
    if ((n = vc_xml_child(root, "currentMemory")) &&
        vc_parse_memory(ctx, n, &def->cur_memory) < 0)
        return -1;
    if (def->cur_memory > def->max_memory) {
        if (def->cur_memory - def->max_memory >= 1024)
            return vc_xml_error(ctx, "current memory '%lluk' exceeds maximum '%lluk'",
                                def->cur_memory, def->max_memory);
        def->cur_memory = def->max_memory;
    } else if (def->cur_memory == 0) {
        /* none is all of it, as libvirt reads it */
        def->cur_memory = def->max_memory;
    }
    if ((n = vc_xml_child(root, "memoryBacking"))) {
        def->hugepages = vc_xml_child(n, "hugepages") != NULL;
        def->nosharepages = vc_xml_child(n, "nosharepages") != NULL;
        def->mem_locked = vc_xml_child(n, "locked") != NULL;
    }
    if ((n = vc_xml_child(root, "blkiotune")) && vc_blkiotune_parse(ctx, n, def) < 0)
        return -1;
    if ((n = vc_xml_child(root, "memtune")) && vc_memtune_parse(ctx, n, def) < 0)
        return -1;
    if (vc_vcpu_parse(ctx, vc_xml_child(root, "vcpu"), def) < 0)
        return -1;
    if ((n = vc_xml_child(root, "cputune")) && vc_cputune_parse(ctx, n, def) < 0)
        return -1;
    if ((n = vc_xml_child(root, "numatune")) && vc_numatune_parse(ctx, n, def) < 0)
        return -1;
    /* a <vcpu> that named no placement takes <numatune>'s; an auto one
     * without <numatune> gives it a strict auto one */
    if (def->placement == VC_PLACEMENT_DEFAULT)
        def->placement = def->has_numatune && def->numa_placement == VC_PLACEMENT_AUTO
                         ? VC_PLACEMENT_AUTO : VC_PLACEMENT_STATIC;
    if (!def->has_numatune && def->placement == VC_PLACEMENT_AUTO) {
        def->has_numatune = true;
        def->numa_mode = VC_NUMATUNE_STRICT;
        def->numa_placement = VC_PLACEMENT_AUTO;
    }
    return 0;
}

static int parse_body(vc_parse_ctx *ctx, const xmlNode *root, vc_domain_def *def)
{
    xmlNodePtr n;

    if (parse_header(ctx, root, def) < 0 || parse_memory(ctx, root, def) < 0)
        return -1;
    if ((n = vc_xml_child(root, "sysinfo")) && parse_sysinfo(ctx, n, def) < 0)
        return -1;
    if (vc_os_parse(ctx, root, def) < 0)
        return -1;
    if ((n = vc_xml_child(root, "features")) && parse_features(ctx, n, def) < 0)
        return -1;
    if ((n = vc_xml_child(root, "cpu")) && !(def->cpu = vc_cpu_parse(ctx, n)))
        return -1;
    if (vc_clock_parse(ctx, vc_xml_child(root, "clock"), &def->clock) < 0)
        return -1;
    if (parse_lifecycle(ctx, root, "on_poweroff", VC_LIFECYCLE_DESTROY, false,
                        &def->on_poweroff) < 0 ||
        parse_lifecycle(ctx, root, "on_reboot", VC_LIFECYCLE_RESTART, false,
                        &def->on_reboot) < 0 ||
        parse_lifecycle(ctx, root, "on_crash", VC_LIFECYCLE_DESTROY, true,
                        &def->on_crash) < 0 ||
        parse_lockfailure(ctx, root, def) < 0)
        return -1;
    if ((n = vc_xml_child(root, "pm")) && parse_pm(ctx, n, def) < 0)
        return -1;
    if ((n = vc_xml_child(root, "devices")) && vc_devices_parse(ctx, n, def) < 0)
        return -1;
    if (parse_seclabels(ctx, root, def) < 0)
        return -1;
    for (n = root->children; n; n = n->next)
        if (is_qemu_ns(n) && vc_xml_is(n, "commandline") && parse_qemu_ns(ctx, n, def) < 0)
            return -1;
    return vc_domain_apply_defaults(ctx, def);
}

vc_domain_def *vc_domain_parse_doc(const xmlDoc *doc, const vc_host *host,
                                   unsigned flags, vc_error *err)
{
    vc_parse_ctx ctx = { .host = host, .flags = flags, .err = err };
    xmlNodePtr root = xmlDocGetRootElement(doc);
    vc_domain_def *def = NULL;

    if (!vc_xml_is(root, "domain")) {
        vc_xml_error(&ctx, "unexpected root element <%s>, expecting <domain>",
                     (const char *)root->name);
        return NULL;
    }
    def = VC_NEW(vc_domain_def);
    ctx.def = def;
    if (parse_body(&ctx, root, def) < 0) {
        vc_domain_def_free(def);
        def = NULL;
    }
    vc_numset_free(&ctx.boot_orders);
    return def;
}

vc_domain_def *vc_domain_parse(const char *xml, size_t len, const char *filename,
                               const vc_host *host, unsigned flags, vc_error *err)
{
    vc_domain_def *def;
    xmlDocPtr doc;

    if (!(doc = vc_xml_read(xml, len, VC_DOMAIN_XML_MAX, filename, err)))
        return NULL;
    def = vc_domain_parse_doc(doc, host, flags, err);
    xmlFreeDoc(doc);
    return def;
}

vc_domain_def *vc_domain_parse_file(const char *path, const vc_host *host,
                                    unsigned flags, vc_error *err)
{
    char *data = NULL;
    size_t len = 0;
    vc_domain_def *def;

    if (vc_file_read(path, VC_DOMAIN_XML_MAX, &data, &len, err) < 0)
        return NULL;
    def = vc_domain_parse(data, len, path, host, flags, err);
    free(data);
    return def;
}
