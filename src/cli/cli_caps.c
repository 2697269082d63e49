/* cli_caps.c: virtconform caps HELP_FILE [DEVICE_FILE] */
#include "cli/cli.h"
#include "caps/caps.h"

#include <stdlib.h>
#include <string.h>

int vc_cli_caps(int argc, char **argv)
{
    vc_error err = { 0 };
    vc_caps caps;
    char *out;

    if (argc < 2 || argc > 3 || argv[1][0] == '-')
        return vc_cli_fail(VC_EXIT_USAGE, "usage: virtconform caps HELP_FILE [DEVICE_FILE]");

    vc_caps_init(&caps);
    if (vc_caps_from_files(&caps, argv[1], argc == 3 ? argv[2] : NULL, &err) < 0)
        return vc_cli_fail(err.code, "%s", err.msg);
    out = vc_caps_format(&caps, false);
    fputs(out, stdout);
    free(out);
    return VC_EXIT_OK;
}
