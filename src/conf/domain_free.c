/* domain_free.c: releasing a domain definition (one owner: the def). */
#include "conf/conf_private.h"

#include <string.h>
#include <stdlib.h>

static void free_entries(vc_sysinfo_entry *e, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(e[i].name);
        free(e[i].value);
    }
    free(e);
}

static void free_qemu(vc_qemu_cmdline *q)
{
    if (!q)
        return;
    for (size_t i = 0; i < q->nargs; i++)
        free(q->args[i]);
    free(q->args);
    for (size_t i = 0; i < q->nenv; i++) {
        free(q->env[i].name);
        free(q->env[i].value);
    }
    free(q->env);
    free(q);
}

static void free_os(vc_os_def *os)
{
    free(os->type);
    free(os->arch);
    free(os->machine);
    free(os->loader);
    free(os->kernel);
    free(os->initrd);
    free(os->cmdline);
    free(os->root);
    free(os->bootloader);
    free(os->bootloader_args);
}

void vc_domain_def_free(vc_domain_def *def)
{
    if (!def)
        return;
    free(def->name);
    free(def->title);
    free(def->description);
    free(def->metadata);
    for (size_t i = 0; i < def->nblkio_devices; i++)
        free(def->blkio_devices[i].path);
    free(def->blkio_devices);
    free(def->vcpupins);
    free_entries(def->sysinfo.bios, def->sysinfo.nbios);
    free_entries(def->sysinfo.system, def->sysinfo.nsystem);
    free_os(&def->os);
    vc_cpu_def_free(def->cpu);
    vc_clock_clear(&def->clock);
    free(def->emulator);
#define VC_DEVICE_FAMILY(kind, elem, type, array, limit, pass, info, parse, add, \
                         format, format_all, free_fn) \
    for (size_t i = 0; i < def->n##array; i++) \
        free_fn(def->array[i]); \
    free(def->array);
#include "conf/device_families.h"
#undef VC_DEVICE_FAMILY
    for (size_t i = 0; i < def->nseclabels; i++) {
        free(def->seclabels[i].model);
        free(def->seclabels[i].label);
        free(def->seclabels[i].imagelabel);
        free(def->seclabels[i].baselabel);
    }
    free(def->seclabels);
    free_qemu(def->qemu_cmdline);
    free(def);
}
