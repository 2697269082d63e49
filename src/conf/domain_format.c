/* domain_format.c: the canonical <domain> document (libvirt 0.10.2's
 * virDomainDefFormat: element order, attribute order, indentation). */
#include "conf/conf_private.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

static void text_elem(vc_buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    vc_buf_addf(b, "  <%s>", name);
    vc_xml_escape(b, value);
    vc_buf_addf(b, "</%s>\n", name);
}

static void format_features(vc_buf *b, const vc_domain_def *def)
{
    if (!def->features)
        return;
    vc_buf_add(b, "  <features>\n");
    for (int i = 0; i < VC_FEATURE_LAST; i++) {
        if (!(def->features & (1u << i)))
            continue;
        if (i == VC_FEATURE_APIC && def->apic_eoi) {
            vc_buf_addf(b, "    <apic eoi='%s'/>\n", vc_switch_to_string(def->apic_eoi));
        } else if (i == VC_FEATURE_HYPERV) {
            vc_buf_add(b, "    <hyperv>\n");
            for (int j = 0; j < VC_HYPERV_LAST; j++)
                if (def->hyperv[j])
                    vc_buf_addf(b, "      <%s state='%s'/>\n", vc_hyperv_feature_to_string(j),
                                vc_switch_to_string(def->hyperv[j]));
            vc_buf_add(b, "    </hyperv>\n");
        } else {
            vc_buf_addf(b, "    <%s/>\n", vc_feature_to_string(i));
        }
    }
    vc_buf_add(b, "  </features>\n");
}

static void format_sysinfo_block(vc_buf *b, const char *name,
                                 const vc_sysinfo_entry *e, size_t n)
{
    if (!n)
        return;
    vc_buf_addf(b, "    <%s>\n", name);
    for (size_t i = 0; i < n; i++) {
        vc_buf_add(b, "      <entry");
        vc_xml_attr(b, "name", e[i].name);
        vc_buf_add(b, ">");
        vc_xml_escape(b, e[i].value ? e[i].value : "");
        vc_buf_add(b, "</entry>\n");
    }
    vc_buf_addf(b, "    </%s>\n", name);
}

/* Every family in the table's order (libvirt's virDomainDefFormat). */
static void format_devices(vc_buf *b, const vc_domain_def *def)
{
    vc_buf_add(b, "  <devices>\n");
    if (def->emulator) {
        vc_buf_add(b, "    <emulator>");
        vc_xml_escape(b, def->emulator);
        vc_buf_add(b, "</emulator>\n");
    }
#define VC_DEVICE_FAMILY(kind, elem, type, array, limit, pass, info, parse, add, \
                         format, format_all, free_fn) \
    { \
        void (*all)(vc_buf *, const vc_domain_def *) = format_all; \
        if (all) \
            all(b, def); \
        else \
            for (size_t i = 0; i < def->n##array; i++) \
                format(b, def->array[i]); \
    }
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY
    vc_buf_add(b, "  </devices>\n");
}

static void format_seclabel(vc_buf *b, const vc_seclabel *s)
{
    vc_buf_addf(b, "  <seclabel type='%s'", vc_seclabel_type_to_string(s->type));
    vc_xml_attr(b, "model", s->model);
    if (s->type != VC_SECLABEL_NONE)
        vc_buf_addf(b, " relabel='%s'", s->relabel ? "yes" : "no");
    if (!s->label && !s->imagelabel && !s->baselabel) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    if (s->label) {
        vc_buf_add(b, "    <label>");
        vc_xml_escape(b, s->label);
        vc_buf_add(b, "</label>\n");
    }
    if (s->imagelabel) {
        vc_buf_add(b, "    <imagelabel>");
        vc_xml_escape(b, s->imagelabel);
        vc_buf_add(b, "</imagelabel>\n");
    }
    if (s->baselabel) {
        vc_buf_add(b, "    <baselabel>");
        vc_xml_escape(b, s->baselabel);
        vc_buf_add(b, "</baselabel>\n");
    }
    vc_buf_add(b, "  </seclabel>\n");
}

static void format_qemu_ns(vc_buf *b, const vc_qemu_cmdline *q)
{
    if (!q->nargs && !q->nenv)
        return;
    vc_buf_add(b, "  <qemu:commandline>\n");
    for (size_t i = 0; i < q->nargs; i++) {
        vc_buf_add(b, "    <qemu:arg");
        vc_xml_attr(b, "value", q->args[i]);
        vc_buf_add(b, "/>\n");
    }
    for (size_t i = 0; i < q->nenv; i++) {
        vc_buf_add(b, "    <qemu:env");
        vc_xml_attr(b, "name", q->env[i].name);
        vc_xml_attr(b, "value", q->env[i].value);
        vc_buf_add(b, "/>\n");
    }
    vc_buf_add(b, "  </qemu:commandline>\n");
}

char *vc_domain_format(const vc_domain_def *def)
{
    vc_buf b = VC_BUF_INIT;
    char uuid[37];

    vc_buf_addf(&b, "<domain type='%s'", vc_virt_type_to_string(def->virt_type));
    if (def->id != -1)
        vc_buf_addf(&b, " id='%d'", def->id);
    if (def->qemu_cmdline)
        vc_buf_add(&b, " xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'");
    vc_buf_add(&b, ">\n");
    text_elem(&b, "name", def->name);
    vc_uuid_format(def->uuid, uuid);
    vc_buf_addf(&b, "  <uuid>%s</uuid>\n", uuid);
    text_elem(&b, "title", def->title);
    text_elem(&b, "description", def->description);
    if (def->metadata) {
        vc_buf_add(&b, "  ");
        vc_buf_add(&b, def->metadata);
        vc_buf_add(&b, "\n");
    }
    vc_buf_add(&b, "  <memory");
    if (def->dump_core)
        vc_buf_addf(&b, " dumpCore='%s'", vc_switch_to_string(def->dump_core));
    vc_buf_addf(&b, " unit='KiB'>%llu</memory>\n", def->max_memory);
    vc_buf_addf(&b, "  <currentMemory unit='KiB'>%llu</currentMemory>\n", def->cur_memory);
    vc_tune_format(&b, def);
    if (def->sysinfo.present) {
        vc_buf_add(&b, "  <sysinfo type='smbios'>\n");
        format_sysinfo_block(&b, "bios", def->sysinfo.bios, def->sysinfo.nbios);
        format_sysinfo_block(&b, "system", def->sysinfo.system, def->sysinfo.nsystem);
        vc_buf_add(&b, "  </sysinfo>\n");
    }
    vc_os_format(&b, def);
    format_features(&b, def);
    if (def->cpu)
        vc_cpu_format(&b, def->cpu);
    vc_clock_format(&b, &def->clock);
    vc_buf_addf(&b, "  <on_poweroff>%s</on_poweroff>\n", vc_lifecycle_to_string(def->on_poweroff));
    vc_buf_addf(&b, "  <on_reboot>%s</on_reboot>\n", vc_lifecycle_to_string(def->on_reboot));
    vc_buf_addf(&b, "  <on_crash>%s</on_crash>\n", vc_lifecycle_to_string(def->on_crash));
    if (def->on_lockfailure)
        vc_buf_addf(&b, "  <on_lockfailure>%s</on_lockfailure>\n",
                    vc_lockfailure_to_string(def->on_lockfailure));
    if (def->pm_s3 || def->pm_s4) {
        vc_buf_add(&b, "  <pm>\n");
        if (def->pm_s3)
            vc_buf_addf(&b, "    <suspend-to-mem enabled='%s'/>\n", vc_yesno_to_string(def->pm_s3));
        if (def->pm_s4)
            vc_buf_addf(&b, "    <suspend-to-disk enabled='%s'/>\n", vc_yesno_to_string(def->pm_s4));
        vc_buf_add(&b, "  </pm>\n");
    }
    format_devices(&b, def);
    for (size_t i = 0; i < def->nseclabels; i++)
        format_seclabel(&b, &def->seclabels[i]);
    if (def->qemu_cmdline)
        format_qemu_ns(&b, def->qemu_cmdline);
    vc_buf_add(&b, "</domain>\n");
    return vc_buf_steal(&b);
}
