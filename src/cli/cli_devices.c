/* cli_devices.c: virtconform devices: the QEMU types the builder can
 * name, one a line ("device NAME" or "object NAME"), for
 * harness/record-qemu to ask QEMU for their properties. */
#include "cli/cli.h"
#include "caps/caps.h"

#include <stdio.h>

int vc_cli_devices(int argc, char **argv)
{
    size_t n;
    const vc_caps_type *t = vc_caps_types(&n);

    (void)argv;
    if (argc != 1)
        return vc_cli_fail(VC_EXIT_USAGE, "usage: virtconform devices");
    for (size_t i = 0; i < n; i++)
        printf("%s %s\n", t[i].kind == VC_CAPS_TYPE_OBJECT ? "object" : "device", t[i].name);
    return VC_EXIT_OK;
}
