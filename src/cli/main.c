/* main.c: build/virtconform SUBCOMMAND ... */
#include "cli/cli.h"
#include "util/error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    vc_cli_fn fn;
    const char *usage;
} commands[] = {
    { "caps", vc_cli_caps, "caps HELP_FILE [DEVICE_FILE]" },
    { "xml2xml", vc_cli_xml2xml, "xml2xml [--inactive] [--profile=test|system] FILE.xml" },
    { "argv", vc_cli_argv, "argv [--caps=a,b,c | --help-file=F [--device-file=G]] [--profile=test|system]\n"
      "                   [--config=FILE] [--set key=value]... [--migrate-from=URI [--migrate-fd=N]]\n"
      "                   [--cpu-map=FILE] [--skip-legacy-cpus] [--wrap]\n"
      "                   [--kernel=SCENARIO] [--kernel-trace=FILE] [--network-dir=DIR] DOMAIN.xml" },
    { "start", vc_cli_start, "start [--caps=a,b,c | --help-file=F [--device-file=G]] [--config=FILE]\n"
      "                   [--set key=value]... [--state-dir=DIR] [--create-images [--image-size=SIZE]]\n"
      "                   [--network-dir=DIR] [--dry-run [--wrap]] DOMAIN.xml" },
    { "devices", vc_cli_devices, "devices" },
    { "compare", vc_cli_compare, "compare [--add=CAP]... [--remove=CAP]... [--corpus=PATH]... OLD [NEW]" },
    { "matrix", vc_cli_matrix, "matrix [--corpus=PATH]... [--output-dir=DIR [--name=NAME]] RECORDING..." },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

int vc_cli_fail(int code, const char *fmt, ...)
{
    char msg[VC_ERROR_MSG_MAX];
    vc_error err = { 0 };
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    /* through vc_error: what the user typed may hold a newline */
    vc_error_set(&err, code, "%s", msg);
    fprintf(stderr, "virtconform: %s\n", err.msg);
    return code;
}

int vc_cli_fail_about(int code, const char *path, const char *msg)
{
    vc_error shown = { 0 };

    /* @msg names the path as messages show it: flattened (error.h) */
    vc_error_set(&shown, code, "%s", path);
    if (strncmp(msg, shown.msg, strlen(shown.msg)) == 0)
        return vc_cli_fail(code, "%s", msg);
    return vc_cli_fail(code, "%s: %s", path, msg);
}

static void usage(FILE *f)
{
    fputs("usage: virtconform COMMAND [ARGS]\n\ncommands:\n", f);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  virtconform %s\n", commands[i].usage);
    fputs("\nexit status: 0 ok, 1 configuration rejected while building or starting "
          "(compare: a command line changed), "
          "2 bad input, 64 usage error, 70 internal error\n", f);
}

/* Output that did not all reach standard output (a full disk, a closed
 * pipe) is a failure, not a success with a truncated result. */
static int finish(int code)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return code;
    if (code != VC_EXIT_OK)
        return code;        /* its error is already reported */
    return vc_cli_fail(VC_EXIT_INTERNAL, "standard output: cannot write: %s",
                       strerror(errno));
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return vc_cli_fail(VC_EXIT_USAGE, "no command given (try 'virtconform --help')");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0)
        return usage(stdout), VC_EXIT_OK;
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return finish(commands[i].fn(argc - 1, argv + 1));
    vc_cli_fail(VC_EXIT_USAGE, "unknown command '%s' (try 'virtconform --help')",
                argv[1]);
    return VC_EXIT_USAGE;
}
