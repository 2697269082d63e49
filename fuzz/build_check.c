/* build_check.c: one build over the fake kernel, its invariants. */
#include "build_check.h"
#include "fuzz.h"
#include "argv_check.h"
#include "mock.h"
#include "qemu/build.h"
#include "util/alloc.h"
#include "util/command.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fake kernel's account: nothing open that QEMU is not handed, and
 * everything handed open. */
static void check_descriptors(const vc_mock_kernel *mock, const vc_command *cmd,
                              const char *what, const char *when)
{
    int *handed = vc_calloc(cmd->nfds ? cmd->nfds : 1, sizeof(*handed));
    size_t leaks = 0;
    char *trace;

    for (size_t i = 0; i < cmd->nfds; i++)
        handed[i] = cmd->fds[i].fd;
    trace = vc_mock_trace(mock, handed, cmd->nfds, &leaks);
    if (leaks)
        vc_fuzz_fail("%s: %zu descriptor(s) left open and not handed to QEMU %s:\n%s",
                     what, leaks, when, trace);
    for (size_t i = 0; i < cmd->nfds; i++) {
        char line[64];

        snprintf(line, sizeof(line), "\nend: fd %d handed to QEMU, not open\n", handed[i]);
        if (strstr(trace, line))
            vc_fuzz_fail("%s: fd %d handed to QEMU is not open %s:\n%s", what,
                         handed[i], when, trace);
    }
    free(trace);
    free(handed);
}

static void check_command(const vc_command *cmd, size_t npassthrough, const char *what)
{
    char *why = NULL;

    if (vc_argv_check_options(cmd, npassthrough, &why) < 0 ||
        vc_argv_check_line(cmd, &why) < 0)
        vc_fuzz_fail("%s: the command line does not read back as built: %s", what,
                     why ? why : "?");
}

void vc_fuzz_build_check(vc_domain_def *def, const vc_caps *caps,
                         const vc_qemu_config *cfg, const char *scenario,
                         const char *what)
{
    vc_host host = *vc_host_test();
    vc_command cmd = VC_COMMAND_INIT;
    vc_build_opts opts;
    vc_error err = { 0 };
    vc_mock_kernel *mock = vc_mock_kernel_new(scenario, &err);
    size_t npassthrough = def->qemu_cmdline ? def->qemu_cmdline->nargs : 0;

    if (!mock)
        vc_fuzz_fail("%s: fake kernel '%s': %s", what, scenario, err.msg);
    host.kernel = vc_mock_kernel_ops(mock);
    vc_build_opts_init(&opts);
    if (vc_qemu_build(def, &host, caps, cfg, &opts, &cmd, &err) < 0)
        vc_fuzz_expect_error(what, &err, VC_EXIT_BUILD);
    else
        check_command(&cmd, npassthrough, what);
    check_descriptors(mock, &cmd, what, "after the build");
    vc_command_free(&cmd);
    check_descriptors(mock, &cmd, what, "once the command is freed");
    vc_mock_kernel_free(mock);
}
