/* cli.h: the subcommands of build/virtconform. */
#ifndef VC_CLI_H
#define VC_CLI_H

#include <stdio.h>

#include "conf/host.h"
#include "conf/network.h"
#include "util/command.h"

struct vc_mock_kernel;

/* Each returns the process exit status (VC_EXIT_*) and has already
 * reported any error on stderr, once. */
typedef int (*vc_cli_fn)(int argc, char **argv);

int vc_cli_caps(int argc, char **argv);
int vc_cli_argv(int argc, char **argv);
int vc_cli_xml2xml(int argc, char **argv);
int vc_cli_devices(int argc, char **argv);

/* Report @msg about the input @path: "virtconform: PATH: MSG", unless the
 * message already starts with the path. Returns @code. */
int vc_cli_fail_about(int code, const char *path, const char *msg);

/* The host of --profile (NULL: the system, whose state directory is
 * @state_dir); @storage holds it.  0, or the usage error already
 * reported. */
int vc_cli_host(const char *profile, const char *state_dir, vc_host *storage,
                const vc_host **host);

/* argv's host side: @base with the fake kernel of @scenario (NULL:
 * "current") and the networks of @network_dir (NULL: the host's own). */
typedef struct vc_cli_kernel {
    struct vc_mock_kernel *mock;
    vc_host_networks networks;
    vc_host host;
} vc_cli_kernel;

/* Each returns an exit status, the error already reported. */
int vc_cli_kernel_setup(vc_cli_kernel *kc, const vc_host *base, const char *scenario,
                        const char *network_dir);
/* Write the trace to @path (NULL: none, "-": standard output); a
 * descriptor left open and not handed to QEMU is an internal error.
 * 0, or -1 with @err set (not reported: the caller may have an error of
 * its own to report on the same line). */
int vc_cli_kernel_trace(vc_cli_kernel *kc, const vc_command *cmd, const char *path,
                        vc_error *err);
void vc_cli_kernel_free(vc_cli_kernel *kc);

/* Report an error line "virtconform: MSG" and return @code. */
int vc_cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
