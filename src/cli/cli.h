/* cli.h: the subcommands of build/virtconform. */
#ifndef VC_CLI_H
#define VC_CLI_H

#include <stdio.h>

#include "conf/host.h"

/* Each returns the process exit status (VC_EXIT_*) and has already
 * reported any error on stderr, once. */
typedef int (*vc_cli_fn)(int argc, char **argv);

int vc_cli_caps(int argc, char **argv);
int vc_cli_argv(int argc, char **argv);
int vc_cli_xml2xml(int argc, char **argv);

/* Report @msg about the input @path: "virtconform: PATH: MSG", unless the
 * message already starts with the path. Returns @code. */
int vc_cli_fail_about(int code, const char *path, const char *msg);

/* The host of --profile (NULL: the system, whose state directory is
 * @state_dir); @storage holds it.  0, or the usage error already
 * reported. */
int vc_cli_host(const char *profile, const char *state_dir, vc_host *storage,
                const vc_host **host);

/* Report an error line "virtconform: MSG" and return @code. */
int vc_cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
