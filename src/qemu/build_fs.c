/* build_fs.c: <filesystem> passthrough as -fsdev + virtio-9p-pci
 * (libvirt 0.10.2's qemuBuildFSStr and qemuBuildFSDevStr). */
#include "qemu/build_disk.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* The -fsdev backend of each <driver type=>. */
static const char *const fs_driver[VC_FS_DRIVER_LAST] = {
    [VC_FS_DRIVER_DEFAULT] = "local", [VC_FS_DRIVER_PATH] = "local",
    [VC_FS_DRIVER_HANDLE] = "handle",
};

/* security_model= of each accessmode on the path driver. */
static const char *const fs_security_model[VC_FS_ACCESS_LAST] = {
    [VC_FS_ACCESS_PASSTHROUGH] = "passthrough", [VC_FS_ACCESS_MAPPED] = "mapped",
    [VC_FS_ACCESS_SQUASH] = "none",
};

static char *fsdev_str(vc_build_ctx *ctx, const vc_fs_def *fs)
{
    vc_buf b = VC_BUF_INIT;
    const char *driver = fs->driver < VC_FS_DRIVER_LAST ? fs_driver[fs->driver] : NULL;

    if (fs->type != VC_FS_TYPE_MOUNT) {
        vc_build_unsupported(ctx, "only supports mount filesystem type");
        goto error;
    }
    if (!driver) {
        vc_build_unsupported(ctx, "Filesystem driver type not supported");
        goto error;
    }
    vc_buf_add(&b, driver);
    if (fs->driver == VC_FS_DRIVER_PATH || fs->driver == VC_FS_DRIVER_DEFAULT) {
        if (fs->access < VC_FS_ACCESS_LAST)
            vc_buf_addf(&b, ",security_model=%s", fs_security_model[fs->access]);
    } else if (fs->access != VC_FS_ACCESS_PASSTHROUGH) {
        /* the other drivers only pass through */
        vc_build_unsupported(ctx, "only supports passthrough accessmode");
        goto error;
    }
    if (fs->wrpolicy) {
        if (!VC_BUILD_HAS(ctx, FSDEV_WRITEOUT)) {
            vc_build_unsupported(ctx, "filesystem writeout not supported");
            goto error;
        }
        vc_buf_addf(&b, ",writeout=%s", vc_fs_wrpolicy_to_string(fs->wrpolicy));
    }
    vc_buf_addf(&b, ",id=fsdev-%s,path=%s", fs->info.alias ? fs->info.alias : "",
                fs->src ? fs->src : "");
    if (fs->readonly) {
        if (!VC_BUILD_HAS(ctx, FSDEV_READONLY)) {
            vc_build_unsupported(ctx,
                "readonly filesystem is not supported by this QEMU binary");
            goto error;
        }
        vc_buf_add(&b, ",readonly");
    }
    return vc_buf_steal(&b);
error:
    vc_buf_free(&b);
    return NULL;
}

static char *fs_device_str(vc_build_ctx *ctx, const vc_fs_def *fs)
{
    vc_buf b = VC_BUF_INIT;
    const char *alias = fs->info.alias ? fs->info.alias : "";

    if (fs->type != VC_FS_TYPE_MOUNT) {
        vc_build_unsupported(ctx, "can only passthrough directories");
        goto error;
    }
    vc_buf_addf(&b, "virtio-9p-pci,id=%s,fsdev=fsdev-%s,mount_tag=%s", alias, alias,
                fs->dst ? fs->dst : "");
    if (vc_build_device_address(ctx, &b, &fs->info) < 0)
        goto error;
    return vc_buf_steal(&b);
error:
    vc_buf_free(&b);
    return NULL;
}

int vc_build_fs_args(vc_build_ctx *ctx)
{
    const vc_domain_def *def = ctx->def;

    if (!VC_BUILD_HAS(ctx, FSDEV)) {
        if (def->nfss)
            return vc_build_unsupported(ctx,
                "filesystem passthrough not supported by this QEMU");
        return 0;
    }
    for (size_t i = 0; i < def->nfss; i++) {
        char *s;

        if (!(s = fsdev_str(ctx, def->fss[i])))
            return -1;
        vc_command_add_arg(ctx->cmd, "-fsdev");
        vc_command_take_arg(ctx->cmd, s);
        if (!(s = fs_device_str(ctx, def->fss[i])))
            return -1;
        vc_command_add_arg(ctx->cmd, "-device");
        vc_command_take_arg(ctx->cmd, s);
    }
    return 0;
}
