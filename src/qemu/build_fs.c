/* build_fs.c: <filesystem> passthrough as -fsdev + virtio-9p-pci
 * (libvirt 0.10.2's qemuBuildFSStr and qemuBuildFSDevStr). */
#include "qemu/build_private.h"
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

static int fsdev_props(vc_build_ctx *ctx, const vc_fs_def *fs, vc_props *p)
{
    const char *driver = fs->driver < VC_FS_DRIVER_LAST ? fs_driver[fs->driver] : NULL;

    if (fs->type != VC_FS_TYPE_MOUNT)
        return vc_build_unsupported(ctx, "only supports mount filesystem type");
    if (!driver)
        return vc_build_unsupported(ctx, "Filesystem driver type not supported");
    if (fs->driver == VC_FS_DRIVER_HANDLE && VC_BUILD_HAS(ctx, FSDEV_DRIVERS) &&
        !VC_BUILD_HAS(ctx, FSDEV_HANDLE))
        return vc_build_unsupported(ctx, "filesystem driver 'handle' is not "
                                    "supported by this QEMU binary");
    vc_props_value(p, driver);
    if (fs->driver == VC_FS_DRIVER_PATH || fs->driver == VC_FS_DRIVER_DEFAULT) {
        if (fs->access < VC_FS_ACCESS_LAST)
            vc_props_add(p, "security_model", fs_security_model[fs->access]);
    } else if (fs->access != VC_FS_ACCESS_PASSTHROUGH) {
        /* the other drivers only pass through */
        return vc_build_unsupported(ctx, "only supports passthrough accessmode");
    }
    if (fs->wrpolicy) {
        if (!VC_BUILD_HAS(ctx, FSDEV_WRITEOUT))
            return vc_build_unsupported(ctx, "filesystem writeout not supported");
        vc_props_add(p, "writeout", vc_fs_wrpolicy_to_string(fs->wrpolicy));
    }
    vc_props_addf(p, "id", "fsdev-%s", fs->info.alias ? fs->info.alias : "");
    vc_props_add(p, "path", fs->src ? fs->src : "");
    if (fs->readonly) {
        if (!VC_BUILD_HAS(ctx, FSDEV_READONLY))
            return vc_build_unsupported(ctx,
                "readonly filesystem is not supported by this QEMU binary");
        vc_build_bool(ctx, p, "readonly", true);
    }
    return 0;
}

static int fs_device_props(vc_build_ctx *ctx, const vc_fs_def *fs, vc_props *p)
{
    const char *alias = fs->info.alias ? fs->info.alias : "";

    if (fs->type != VC_FS_TYPE_MOUNT)
        return vc_build_unsupported(ctx, "can only passthrough directories");
    vc_props_value(p, "virtio-9p-pci");
    vc_props_add(p, "id", alias);
    vc_props_addf(p, "fsdev", "fsdev-%s", alias);
    vc_props_add(p, "mount_tag", fs->dst ? fs->dst : "");
    return vc_build_device_address(ctx, p, &fs->info);
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
        vc_props p = VC_PROPS_INIT;

        if (fsdev_props(ctx, def->fss[i], &p) < 0 ||
            vc_build_opt(ctx, VC_QOPT_FSDEV, &p) < 0 ||
            fs_device_props(ctx, def->fss[i], &p) < 0 ||
            vc_build_opt(ctx, VC_QOPT_DEVICE, &p) < 0) {
            vc_props_free(&p);
            return -1;
        }
    }
    return 0;
}
