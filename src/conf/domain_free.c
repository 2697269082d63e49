/* domain_free.c: releasing a domain definition (one owner: the def). */
#include "conf/domain_xml.h"

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
    free(os->init);
    free(os->loader);
    free(os->kernel);
    free(os->initrd);
    free(os->cmdline);
    free(os->dtb);
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
#define FREE_ARR(arr, fn) do { \
        for (size_t i = 0; i < def->n##arr; i++) fn(def->arr[i]); \
        free(def->arr); \
    } while (0)
    FREE_ARR(disks, vc_disk_def_free);
    FREE_ARR(controllers, vc_controller_def_free);
    FREE_ARR(leases, vc_lease_def_free);
    FREE_ARR(fss, vc_fs_def_free);
    FREE_ARR(nets, vc_net_def_free);
    FREE_ARR(smartcards, vc_smartcard_def_free);
    FREE_ARR(serials, vc_chr_def_free);
    FREE_ARR(parallels, vc_chr_def_free);
    FREE_ARR(consoles, vc_chr_def_free);
    FREE_ARR(channels, vc_chr_def_free);
    FREE_ARR(inputs, vc_input_def_free);
    FREE_ARR(graphics, vc_graphics_def_free);
    FREE_ARR(sounds, vc_sound_def_free);
    FREE_ARR(videos, vc_video_def_free);
    FREE_ARR(hostdevs, vc_hostdev_def_free);
    FREE_ARR(redirdevs, vc_redirdev_def_free);
    FREE_ARR(hubs, vc_hub_def_free);
#undef FREE_ARR
    vc_redirfilter_def_free(def->redirfilter);
    vc_watchdog_def_free(def->watchdog);
    vc_memballoon_def_free(def->memballoon);
    free(def->seclabel.model);
    free(def->seclabel.label);
    free(def->seclabel.imagelabel);
    free(def->seclabel.baselabel);
    free_qemu(def->qemu_cmdline);
    free(def);
}
