/* cli_argv.c: virtconform argv [options] DOMAIN.xml
 *
 * Parse the domain, take capabilities from --caps or a recorded QEMU
 * (--help-file/--device-file), the driver configuration from --config
 * and --set, the host side over a fake kernel (--kernel, --network-dir),
 * and print the QEMU command line on one line, or with --wrap one option
 * with its value a line (backslash continuations), as the project's
 * expected files store it.
 */
#include "cli/cli.h"
#include "conf/domain.h"
#include "qemu/build.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/strutil.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage_line[] =
    "usage: virtconform argv [--caps=a,b,c | --help-file=F [--device-file=G]] "
    "[--profile=test|system] [--config=FILE] [--set key=value]... "
    "[--migrate-from=URI [--migrate-fd=N]] [--cpu-map=FILE] [--skip-legacy-cpus] [--wrap] "
    "[--kernel=SCENARIO] [--kernel-trace=FILE] [--network-dir=DIR] DOMAIN.xml";

/* the build's inputs first (cli.h), then argv's own */
enum { OPT_CAPS = 1000, OPT_SET = OPT_CAPS + 3, OPT_PROFILE = OPT_CAPS + VC_CLI_NINPUT_OPTIONS,
       OPT_MIGRATE_FROM, OPT_MIGRATE_FD, OPT_CPU_MAP,
       OPT_SKIP_LEGACY, OPT_KERNEL, OPT_KERNEL_TRACE, OPT_NETWORK_DIR, OPT_WRAP, OPT_HELP };

static const struct option options[] = {
    VC_CLI_INPUT_OPTIONS(OPT_CAPS),
    { "profile", required_argument, NULL, OPT_PROFILE },
    { "migrate-from", required_argument, NULL, OPT_MIGRATE_FROM },
    { "migrate-fd", required_argument, NULL, OPT_MIGRATE_FD },
    { "cpu-map", required_argument, NULL, OPT_CPU_MAP },
    { "skip-legacy-cpus", no_argument, NULL, OPT_SKIP_LEGACY },
    { "kernel", required_argument, NULL, OPT_KERNEL },
    { "kernel-trace", required_argument, NULL, OPT_KERNEL_TRACE },
    { "network-dir", required_argument, NULL, OPT_NETWORK_DIR },
    { "wrap", no_argument, NULL, OPT_WRAP },
    { "help", no_argument, NULL, OPT_HELP },
    { NULL, 0, NULL, 0 },
};

/* The build refused the domain: the trace is still written (it shows
 * what was done before the refusal), and what goes wrong with it joins
 * the build's error on its one line; a leaked descriptor outranks the
 * refusal. */
static int build_failed(vc_cli_kernel *kc, const vc_command *cmd, const char *trace_path,
                        const char *domain, const vc_error *build_err)
{
    vc_error terr = { 0 };
    int code = build_err->code ? build_err->code : VC_EXIT_BUILD;
    char *msg;

    if (vc_cli_kernel_trace(kc, cmd, trace_path, &terr) == 0)
        return vc_cli_fail_about(code, domain, build_err->msg);
    if (terr.code == VC_EXIT_INTERNAL)
        code = VC_EXIT_INTERNAL;
    msg = vc_asprintf("%s; and %s", build_err->msg, terr.msg);
    code = vc_cli_fail_about(code, domain, msg);
    free(msg);
    return code;
}

int vc_cli_argv(int argc, char **argv)
{
    vc_cli_inputs in = { 0 };
    const char *profile = NULL;
    const char *scenario = NULL, *trace_path = NULL, *network_dir = NULL;
    vc_cli_kernel kc = { 0 };
    vc_build_opts opts;
    vc_qemu_config cfg;
    vc_domain_def *def = NULL;
    vc_command cmd = VC_COMMAND_INIT;
    vc_host host_storage;
    const vc_host *host = NULL;
    const char *cpu_map_path = NULL;
    vc_cpu_map *cpu_map = NULL;
    vc_error err = { 0 };
    vc_caps caps;
    char *line = NULL;
    bool wrap = false;
    unsigned seen = 0;      /* 1 << (option - OPT_CAPS) */
    int c, idx = 0, ret = VC_EXIT_USAGE;

    vc_build_opts_init(&opts);
    vc_qemu_config_init(&cfg);
    vc_caps_init(&caps);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", options, &idx)) != -1) {
        long long n;

        /* an option given twice would drop the first one silently, and
         * an empty value names no file, scenario or capability */
        if (c >= OPT_CAPS && options[idx].has_arg == required_argument && c != OPT_SET &&
            (seen & (1u << (c - OPT_CAPS)))) {
            vc_cli_fail(VC_EXIT_USAGE, "argv: --%s given twice", options[idx].name);
            goto cleanup;
        }
        if (c >= OPT_CAPS)
            seen |= 1u << (c - OPT_CAPS);
        if (c >= OPT_CAPS && options[idx].has_arg == required_argument && !*optarg) {
            vc_cli_fail(VC_EXIT_USAGE, "argv: --%s needs a value", options[idx].name);
            goto cleanup;
        }
        if (c >= OPT_CAPS && c < OPT_CAPS + VC_CLI_NINPUT_OPTIONS) {
            vc_cli_input_option(&in, c - OPT_CAPS, optarg);
            continue;
        }
        switch (c) {
        case OPT_PROFILE: profile = optarg; break;
        case OPT_MIGRATE_FROM: opts.migrate_from = optarg; break;
        case OPT_MIGRATE_FD:
            if (!vc_parse_ll(optarg, 10, &n) || n < 0 || n > 65535) {
                vc_cli_fail(VC_EXIT_USAGE, "--migrate-fd: expected a descriptor number, got '%s'", optarg);
                goto cleanup;
            }
            opts.migrate_fd = (int)n;
            break;
        case OPT_CPU_MAP: cpu_map_path = optarg; break;
        case OPT_SKIP_LEGACY: opts.skip_legacy_cpus = true; break;
        case OPT_KERNEL: scenario = optarg; break;
        case OPT_KERNEL_TRACE: trace_path = optarg; break;
        case OPT_NETWORK_DIR: network_dir = optarg; break;
        case OPT_WRAP: wrap = true; break;
        case OPT_HELP:
            printf("%s\n", usage_line);
            ret = VC_EXIT_OK;
            goto cleanup;
        default:
            vc_cli_fail(VC_EXIT_USAGE, "argv: bad option '%s'; %s",
                        argv[optind - 1], usage_line);
            goto cleanup;
        }
    }
    if (optind != argc - 1) {
        vc_cli_fail(VC_EXIT_USAGE, "%s", usage_line);
        goto cleanup;
    }
    if ((in.caps_list && in.help_file) || (in.device_file && !in.help_file)) {
        vc_cli_fail(VC_EXIT_USAGE, "argv: give either --caps or --help-file [--device-file]");
        goto cleanup;
    }
    if (opts.migrate_fd >= 0 && !opts.migrate_from) {
        vc_cli_fail(VC_EXIT_USAGE, "argv: --migrate-fd needs --migrate-from");
        goto cleanup;
    }
    if (trace_path && strcmp(trace_path, "-") != 0 &&
        vc_file_check_output(trace_path, &err) < 0) {
        ret = vc_cli_fail(err.code, "--kernel-trace: %s", err.msg);
        goto cleanup;
    }

    if (profile && strcmp(profile, "test") != 0 && strcmp(profile, "system") != 0) {
        ret = vc_cli_host(profile, NULL, &host_storage, &host);
        goto cleanup;
    }
    /* the profile's settings first, so --config and --set override them */
    if (profile && strcmp(profile, "test") == 0)
        vc_qemu_config_test_profile(&cfg);
    if ((ret = vc_cli_build_inputs(&in, &cfg, &caps)) != 0)
        goto cleanup;
    if (cpu_map_path && !(cpu_map = vc_cpu_map_load(cpu_map_path, &err))) {
        ret = vc_cli_fail(err.code, "%s", err.msg);
        goto cleanup;
    }
    opts.cpu_map = cpu_map;
    if ((ret = vc_cli_host(profile, cfg.state_dir, &host_storage, &host)) != 0 ||
        (ret = vc_cli_kernel_setup(&kc, host, scenario, network_dir)) != 0)
        goto cleanup;

    if (!(def = vc_domain_parse_file(argv[optind], &kc.host, VC_PARSE_INACTIVE, &err))) {
        ret = vc_cli_fail_about(VC_EXIT_INPUT, argv[optind], err.msg);
        goto cleanup;
    }
    if (vc_qemu_build(def, &kc.host, &caps, &cfg, &opts, &cmd, &err) < 0) {
        ret = build_failed(&kc, &cmd, trace_path, argv[optind], &err);
        goto cleanup;
    }
    /* the trace before the command goes: it holds what QEMU is handed */
    if (vc_cli_kernel_trace(&kc, &cmd, trace_path, &err) < 0) {
        ret = vc_cli_fail(err.code, "%s", err.msg);
        goto cleanup;
    }
    line = wrap ? vc_command_to_lines(&cmd) : vc_command_to_line(&cmd);
    fputs(line, stdout);
    ret = VC_EXIT_OK;

 cleanup:
    free(line);
    vc_command_free(&cmd);
    vc_cli_kernel_free(&kc);
    vc_domain_def_free(def);
    vc_cpu_map_free(cpu_map);
    vc_qemu_config_free(&cfg);
    vc_strlist_free(&in.sets);
    return ret;
}
