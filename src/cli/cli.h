/* cli.h: the subcommands of build/virtconform. */
#ifndef VC_CLI_H
#define VC_CLI_H

#include <stdio.h>

/* Each returns the process exit status (VC_EXIT_*) and has already
 * reported any error on stderr, once. */
typedef int (*vc_cli_fn)(int argc, char **argv);

int vc_cli_caps(int argc, char **argv);
int vc_cli_argv(int argc, char **argv);
int vc_cli_xml2xml(int argc, char **argv);

/* Report @msg about the input @path: "virtconform: PATH: MSG", unless the
 * message already starts with the path. Returns @code. */
int vc_cli_fail_about(int code, const char *path, const char *msg);

/* Report an error line "virtconform: MSG" and return @code. */
int vc_cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
