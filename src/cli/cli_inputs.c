/* cli_inputs.c: what `argv` and `start` both build from: capabilities
 * (--caps, or a recording: --help-file, --device-file) and the driver
 * configuration (--config, then each --set), read in that order so a
 * later source overrides an earlier one. */
#include "cli/cli.h"

int vc_cli_build_inputs(const vc_cli_inputs *in, vc_qemu_config *cfg, vc_caps *caps)
{
    vc_error err = { 0 };

    if (in->caps_list && vc_caps_parse_list(caps, in->caps_list, &err) < 0)
        return vc_cli_fail(err.code, "--caps: %s", err.msg);
    if ((in->config_file && vc_qemu_config_load(cfg, in->config_file, &err) < 0) ||
        (in->help_file && vc_caps_from_files(caps, in->help_file, in->device_file, &err) < 0))
        return vc_cli_fail(err.code, "%s", err.msg);
    for (size_t i = 0; i < in->sets.n; i++)
        if (vc_qemu_config_set_pair(cfg, in->sets.items[i], &err) < 0)
            return vc_cli_fail(err.code, "%s", err.msg);
    vc_qemu_config_finish(cfg);
    return VC_EXIT_OK;
}

void vc_cli_input_option(vc_cli_inputs *in, int which, const char *arg)
{
    switch (which) {
    case 0: in->caps_list = arg; break;
    case 1: in->help_file = arg; break;
    case 2: in->device_file = arg; break;
    case 3: vc_strlist_add(&in->sets, arg); break;
    default: in->config_file = arg; break;
    }
}
