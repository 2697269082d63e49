/* cli.h: the subcommands of build/virtconform. */
#ifndef VC_CLI_H
#define VC_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "conf/host.h"
#include "caps/caps.h"
#include "conf/network.h"
#include "qemu/qemu_config.h"
#include "util/command.h"

struct vc_mock_kernel;

/* Each returns the process exit status (VC_EXIT_*) and has already
 * reported any error on stderr, once. */
typedef int (*vc_cli_fn)(int argc, char **argv);

int vc_cli_caps(int argc, char **argv);
int vc_cli_argv(int argc, char **argv);
int vc_cli_xml2xml(int argc, char **argv);
int vc_cli_start(int argc, char **argv);
int vc_cli_devices(int argc, char **argv);
int vc_cli_compare(int argc, char **argv);
int vc_cli_matrix(int argc, char **argv);

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
/* The same over the running kernel (`start`): no trace, no mock. */
int vc_cli_kernel_setup_real(vc_cli_kernel *kc, const vc_host *base, const char *network_dir);
/* Write the trace to @path (NULL: none, "-": standard output); a
 * descriptor left open and not handed to QEMU is an internal error.
 * 0, or -1 with @err set (not reported: the caller may have an error of
 * its own to report on the same line). */
int vc_cli_kernel_trace(vc_cli_kernel *kc, const vc_command *cmd, const char *path,
                        vc_error *err);
void vc_cli_kernel_free(vc_cli_kernel *kc);

/* The inputs of a build, as options name them (cli_inputs.c). */
typedef struct vc_cli_inputs {
    const char *caps_list, *help_file, *device_file, *config_file;
    vc_strlist sets;
} vc_cli_inputs;

/* Their options, numbered @first.. in the order of vc_cli_input_option. */
#define VC_CLI_INPUT_OPTIONS(first) \
    { "caps", required_argument, NULL, (first) }, \
    { "help-file", required_argument, NULL, (first) + 1 }, \
    { "device-file", required_argument, NULL, (first) + 2 }, \
    { "set", required_argument, NULL, (first) + 3 }, \
    { "config", required_argument, NULL, (first) + 4 }
#define VC_CLI_NINPUT_OPTIONS 5

/* Take option @which (0..VC_CLI_NINPUT_OPTIONS-1, as above) with @arg. */
void vc_cli_input_option(vc_cli_inputs *in, int which, const char *arg);

/* Read them into @cfg (already holding a profile's settings) and @caps:
 * an exit status, the error already reported. */
int vc_cli_build_inputs(const vc_cli_inputs *in, vc_qemu_config *cfg, vc_caps *caps);

/* --- cli_corpus.c: what `compare` and `matrix` run over --- */

/* A recording: PREFIX.help and, when there is one, PREFIX.device. */
typedef struct vc_cli_recording {
    char *prefix;       /* the argument without ".help" */
    char *name;         /* its last component */
    vc_caps caps;
} vc_cli_recording;

/* Read the recording @arg names (PREFIX or PREFIX.help) into @rec (to
 * be freed whatever the outcome): an exit status, the error reported. */
int vc_cli_recording_load(const char *arg, vc_cli_recording *rec);
void vc_cli_recording_free(vc_cli_recording *rec);
/* @arg as recording prefixes: a directory gives each of its NAME.help
 * (sorted), anything else itself. */
int vc_cli_recordings_list(const char *arg, vc_strlist *prefixes);

/* The domain XMLs of @paths (each a directory: its NAME.xml, sorted; or
 * a file), or of @fallback when @paths is empty; none is bad input. */
int vc_cli_corpus_list(const vc_strlist *paths, const char *fallback, vc_strlist *files);
/* A case's name: @path's last component without ".xml" (@len bytes). */
const char *vc_cli_case_name(const char *path, size_t *len);

/* One build, as `argv --profile=test` makes it. */
typedef struct vc_cli_outcome {
    bool built;
    vc_strlist lines;   /* built: the line, one argument a line (vc_command_lines) */
    char *reason;       /* refused: the builder's message, or "parse: MSG" */
} vc_cli_outcome;

struct vc_build_usage;
/* Build @xml against @caps into @out, noting what the builder asked in
 * @usage (may be NULL).  A refusal, by the builder or the parser
 * ("parse: MSG"), is an outcome (VC_EXIT_OK); another status is an
 * error, reported. */
int vc_cli_build_case(const char *xml, const vc_caps *caps, struct vc_build_usage *usage,
                      vc_cli_outcome *out);
void vc_cli_outcome_free(vc_cli_outcome *out);

/* "\rWHAT: DONE/TOTAL" on stderr when it is a terminal and the corpus
 * long; DONE == TOTAL clears it. */
void vc_cli_progress(const char *what, size_t done, size_t total);

/* Report an error line "virtconform: MSG" and return @code. */
int vc_cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
