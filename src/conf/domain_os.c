/* domain_os.c: <os> and <bootloader>, with the arch and machine the
 * host supplies when the XML names none. */
#include "conf/conf_private.h"
#include "util/alloc.h"
#include "util/strutil.h"

#include <stdlib.h>
#include <string.h>

static char *child_text(const xmlNode *n, const char *name)
{
    return vc_xml_text(vc_xml_child(n, name));
}

static int parse_boot(vc_parse_ctx *ctx, const xmlNode *os, vc_domain_def *def)
{
    xmlNodePtr n;

    for (n = os->children; n; n = n->next) {
        int v;
        if (!vc_xml_is(n, "boot"))
            continue;
        if (def->os.nboot >= VC_BOOT_LAST)
            break;
        if (vc_xml_enum_req(ctx, n, "dev", vc_boot_dev_from_string,
                            "boot device", &v) < 0)
            return -1;
        def->os.boot[def->os.nboot++] = (vc_boot_dev)v;
    }
    if ((n = vc_xml_child(os, "bootmenu"))) {
        int v = 0;
        if (vc_xml_enum(ctx, n, "enable", vc_yesno_from_string,
                        "bootmenu enable value", &v) < 0)
            return -1;
        def->os.bootmenu = (vc_yesno)v;
    }
    if ((n = vc_xml_child(os, "bios"))) {
        int v = 0, r;
        long long t;
        if (vc_xml_enum(ctx, n, "useserial", vc_yesno_from_string,
                        "bios useserial value", &v) < 0)
            return -1;
        def->os.bios_useserial = (vc_yesno)v;
        if ((r = vc_xml_ll(ctx, n, "rebootTimeout", -1, 65535, &t)) < 0) {
            vc_error_clear(ctx->err);
            return vc_xml_error(ctx, "invalid value for rebootTimeout, must be in range [-1,65535]");
        }
        if (r) {
            def->os.has_reboot_timeout = true;
            def->os.reboot_timeout = (int)t;
        }
    }
    return 0;
}

int vc_os_parse(vc_parse_ctx *ctx, const xmlNode *root, vc_domain_def *def)
{
    xmlNodePtr os = vc_xml_child(root, "os"), type, n;
    const char *dflt;

    def->os.bootloader = child_text(root, "bootloader");
    def->os.bootloader_args = child_text(root, "bootloader_args");
    if (!os || !(type = vc_xml_child(os, "type")) || !(def->os.type = vc_xml_text(type)))
        return vc_xml_error(ctx, "an os <type> must be specified");
    if (def->virt_type == VC_VIRT_XEN && VC_STREQ(def->os.type, "linux")) {
        free(def->os.type);
        def->os.type = vc_strdup("xen");
    }
    if (!vc_host_has_os_type(ctx->host, def->os.type))
        return vc_xml_error(ctx, "no support for os type '%s'", def->os.type);
    def->os.arch = vc_xml_prop(type, "arch");
    if (def->os.arch) {
        if (!vc_host_has_arch(ctx->host, def->os.arch))
            return vc_xml_error(ctx, "No guest options available for arch '%s'",
                                def->os.arch);
        if (!vc_host_has_os_arch(ctx->host, def->os.type, def->os.arch))
            return vc_xml_error(ctx, "os type '%s' & arch '%s' combination is not supported",
                                def->os.type, def->os.arch);
    } else {
        if (!(dflt = vc_host_default_arch(ctx->host, def->os.type, def->virt_type)))
            return vc_xml_error(ctx, "no supported architecture for os type '%s'",
                                def->os.type);
        def->os.arch = vc_strdup(dflt);
    }
    def->os.machine = vc_xml_prop(type, "machine");
    if (!def->os.machine &&
        (dflt = vc_host_default_machine(ctx->host, def->os.type, def->os.arch,
                                        def->virt_type)))
        def->os.machine = vc_strdup(dflt);

    /* <init> boots containers (os type 'exe', which no QEMU host
     * offers); libvirt 0.10.2 knows no <dtb> */
    def->os.kernel = child_text(os, "kernel");
    def->os.initrd = child_text(os, "initrd");
    def->os.cmdline = child_text(os, "cmdline");
    def->os.root = child_text(os, "root");
    if (VC_STREQ(def->os.type, "hvm")) {
        def->os.loader = child_text(os, "loader");
        if (parse_boot(ctx, os, def) < 0)
            return -1;
    }
    if ((n = vc_xml_child(os, "smbios"))) {
        int v;
        if (vc_xml_enum_req(ctx, n, "mode", vc_smbios_mode_from_string,
                            "smbios mode", &v) < 0)
            return -1;
        def->os.smbios = (vc_smbios_mode)v;
        def->os.has_smbios = true;
        if (v == VC_SMBIOS_SYSINFO && !def->sysinfo.present)
            return vc_xml_error(ctx, "smbios mode 'sysinfo' used but no <sysinfo> given");
    }
    return 0;
}

static void text_elem(vc_buf *b, int indent, const char *name, const char *value)
{
    if (!value)
        return;
    vc_buf_indent(b, indent);
    vc_buf_addf(b, "<%s>", name);
    vc_xml_escape(b, value);
    vc_buf_addf(b, "</%s>\n", name);
}

void vc_os_format(vc_buf *b, const vc_domain_def *def)
{
    const vc_os_def *os = &def->os;

    if (os->bootloader) {
        text_elem(b, 2, "bootloader", os->bootloader);
        text_elem(b, 2, "bootloader_args", os->bootloader_args);
    }
    vc_buf_add(b, "  <os>\n    <type");
    vc_xml_attr(b, "arch", os->arch);
    vc_xml_attr(b, "machine", os->machine);
    vc_buf_add(b, ">");
    if (def->virt_type == VC_VIRT_XEN && VC_STREQ(os->type, "xen"))
        vc_buf_add(b, "linux");
    else
        vc_xml_escape(b, os->type);
    vc_buf_add(b, "</type>\n");
    text_elem(b, 4, "loader", os->loader);
    text_elem(b, 4, "kernel", os->kernel);
    text_elem(b, 4, "initrd", os->initrd);
    text_elem(b, 4, "cmdline", os->cmdline);
    text_elem(b, 4, "root", os->root);
    if (!os->bootloader) {
        for (size_t i = 0; i < os->nboot; i++)
            vc_buf_addf(b, "    <boot dev='%s'/>\n", vc_boot_dev_to_string(os->boot[i]));
        if (os->bootmenu)
            vc_buf_addf(b, "    <bootmenu enable='%s'/>\n", vc_yesno_to_string(os->bootmenu));
    }
    if (os->has_smbios)
        vc_buf_addf(b, "    <smbios mode='%s'/>\n", vc_smbios_mode_to_string(os->smbios));
    if (os->bios_useserial || os->has_reboot_timeout) {
        vc_buf_add(b, "    <bios");
        if (os->bios_useserial)
            vc_buf_addf(b, " useserial='%s'", vc_yesno_to_string(os->bios_useserial));
        if (os->has_reboot_timeout)
            vc_buf_addf(b, " rebootTimeout='%d'", os->reboot_timeout);
        vc_buf_add(b, "/>\n");
    }
    vc_buf_add(b, "  </os>\n");
}
