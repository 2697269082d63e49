/* cli_kernel.c: the host side of `argv`: the fake kernel it builds
 * over (argv never changes the real host: creating real devices belongs
 * to `start`, which takes the real kernel), the networks, and the trace. */
#include "cli/cli.h"
#include "mock.h"
#include "net/net.h"
#include "util/alloc.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int load_networks(vc_cli_kernel *kc, const char *network_dir)
{
    vc_error err = { 0 };

    if (network_dir) {
        if (vc_networks_load_dir(&kc->networks, network_dir, &err) < 0)
            return vc_cli_fail(err.code, "%s", err.msg);
        kc->host.networks = &kc->networks;
    }
    return VC_EXIT_OK;
}

int vc_cli_kernel_setup(vc_cli_kernel *kc, const vc_host *base, const char *scenario,
                        const char *network_dir)
{
    vc_error err = { 0 };

    memset(kc, 0, sizeof(*kc));
    kc->host = *base;
    if (!(kc->mock = vc_mock_kernel_new(scenario ? scenario : "current", &err)))
        return vc_cli_fail(err.code, "--kernel: %s", err.msg);
    kc->host.kernel = vc_mock_kernel_ops(kc->mock);
    return load_networks(kc, network_dir);
}

int vc_cli_kernel_setup_real(vc_cli_kernel *kc, const vc_host *base, const char *network_dir)
{
    memset(kc, 0, sizeof(*kc));
    kc->host = *base;
    kc->host.kernel = vc_net_real_kernel();
    return load_networks(kc, network_dir);
}

int vc_cli_kernel_trace(vc_cli_kernel *kc, const vc_command *cmd, const char *path,
                        vc_error *err)
{
    int *handed = vc_calloc(cmd->nfds ? cmd->nfds : 1, sizeof(*handed));
    size_t leaks = 0;
    char *trace;
    int ret = 0;

    for (size_t i = 0; i < cmd->nfds; i++)
        handed[i] = cmd->fds[i].fd;
    trace = vc_mock_trace(kc->mock, handed, cmd->nfds, &leaks);
    if (path && strcmp(path, "-") == 0) {
        fputs(trace, stdout);
    } else if (path && vc_file_write(path, trace, strlen(trace), err) < 0) {
        vc_error_prefix(err, "--kernel-trace");
        ret = -1;
    }
    if (ret == 0 && leaks) {
        vc_error_set(err, VC_EXIT_INTERNAL, "internal error: %zu descriptor%s left open "
                     "and not handed to QEMU (see the kernel trace)", leaks,
                     leaks == 1 ? "" : "s");
        ret = -1;
    }
    free(trace);
    free(handed);
    return ret;
}

void vc_cli_kernel_free(vc_cli_kernel *kc)
{
    vc_mock_kernel_free(kc->mock);
    vc_networks_free(&kc->networks);
    kc->mock = NULL;
}
