/* cli_start.c: virtconform start [options] DOMAIN.xml
 *
 * Start the domain's QEMU on this host (src/qemu/start.h): paused (-S),
 * its QMP socket in the state directory.  QEMU is forked and executed;
 * this command prints what it did, the socket and the pid, and leaves
 * QEMU running on its own (in a session of its own).  --dry-run builds
 * over the fake kernel and changes nothing.
 */
#include "cli/cli.h"
#include "conf/domain.h"
#include "qemu/start.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_line[] =
    "usage: virtconform start [--caps=a,b,c | --help-file=F [--device-file=G]] "
    "[--config=FILE] [--set key=value]... [--state-dir=DIR] [--create-images] "
    "[--image-size=SIZE] [--network-dir=DIR] [--dry-run [--wrap]] DOMAIN.xml";

/* the build's inputs first (cli.h), then start's own */
enum { OPT_CAPS = 1000, OPT_SET = OPT_CAPS + 3, OPT_STATE_DIR = OPT_CAPS + VC_CLI_NINPUT_OPTIONS,
       OPT_CREATE_IMAGES, OPT_IMAGE_SIZE, OPT_NETWORK_DIR,
       OPT_DRY_RUN, OPT_WRAP, OPT_HELP };

static const struct option options[] = {
    VC_CLI_INPUT_OPTIONS(OPT_CAPS),
    { "state-dir", required_argument, NULL, OPT_STATE_DIR },
    { "create-images", no_argument, NULL, OPT_CREATE_IMAGES },
    { "image-size", required_argument, NULL, OPT_IMAGE_SIZE },
    { "network-dir", required_argument, NULL, OPT_NETWORK_DIR },
    { "dry-run", no_argument, NULL, OPT_DRY_RUN },
    { "wrap", no_argument, NULL, OPT_WRAP },
    { "help", no_argument, NULL, OPT_HELP },
    { NULL, 0, NULL, 0 },
};

typedef struct start_args {
    vc_cli_inputs in;
    vc_start_opts opts;
    const char *network_dir;
    const char *domain;
    bool wrap;          /* the dry run's line as argv --wrap prints it */
} start_args;

/* The options: an exit status, -1 to go on. */
static int parse_options(int argc, char **argv, start_args *a)
{
    unsigned seen = 0;      /* 1 << (option - OPT_CAPS) */
    int c, idx = 0;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", options, &idx)) != -1) {
        bool valued = c >= OPT_CAPS && options[idx].has_arg == required_argument;

        /* as for argv: a second one would drop the first silently */
        if (valued && c != OPT_SET && (seen & (1u << (c - OPT_CAPS))))
            return vc_cli_fail(VC_EXIT_USAGE, "start: --%s given twice", options[idx].name);
        if (c >= OPT_CAPS)
            seen |= 1u << (c - OPT_CAPS);
        if (valued && !*optarg)
            return vc_cli_fail(VC_EXIT_USAGE, "start: --%s needs a value", options[idx].name);
        if (c >= OPT_CAPS && c < OPT_CAPS + VC_CLI_NINPUT_OPTIONS) {
            vc_cli_input_option(&a->in, c - OPT_CAPS, optarg);
            continue;
        }
        switch (c) {
        case OPT_STATE_DIR: a->opts.state_dir = optarg; break;
        case OPT_CREATE_IMAGES: a->opts.create_images = true; break;
        case OPT_IMAGE_SIZE: a->opts.image_size = optarg; break;
        case OPT_NETWORK_DIR: a->network_dir = optarg; break;
        case OPT_DRY_RUN: a->opts.dry_run = true; break;
        case OPT_WRAP: a->wrap = true; break;
        case OPT_HELP:
            printf("%s\n", usage_line);
            return VC_EXIT_OK;
        default:
            return vc_cli_fail(VC_EXIT_USAGE, "start: bad option '%s'; %s",
                               argv[optind - 1], usage_line);
        }
    }
    if (optind != argc - 1)
        return vc_cli_fail(VC_EXIT_USAGE, "%s", usage_line);
    if ((a->in.caps_list && a->in.help_file) || (a->in.device_file && !a->in.help_file))
        return vc_cli_fail(VC_EXIT_USAGE, "start: give either --caps or --help-file "
                           "[--device-file]");
    if (a->wrap && !a->opts.dry_run)
        return vc_cli_fail(VC_EXIT_USAGE, "start: --wrap needs --dry-run");
    if (a->opts.image_size && !a->opts.create_images)
        return vc_cli_fail(VC_EXIT_USAGE, "start: --image-size needs --create-images");
    a->domain = argv[optind];
    return -1;
}

static void report(const vc_started *s, bool dry_run, bool wrap)
{
    for (size_t i = 0; i < s->actions.n; i++)
        printf("%s%s\n", dry_run ? "would: " : "did: ", s->actions.items[i]);
    if (dry_run && wrap) {
        char *lines = vc_command_to_lines(&s->cmd);

        printf("argv %s", lines);
        free(lines);
        return;
    }
    if (dry_run) {
        printf("argv %s", s->line);
        return;
    }
    printf("monitor %s\npid %d\n", s->monitor, (int)s->pid);
}

int vc_cli_start(int argc, char **argv)
{
    start_args a = { 0 };
    vc_cli_kernel kc = { 0 };
    vc_build_opts bopts;
    vc_qemu_config cfg;
    vc_domain_def *def = NULL;
    vc_started started;
    vc_host host_storage;
    const vc_host *host = NULL;
    vc_error err = { 0 };
    vc_caps caps;
    int ret;

    vc_start_opts_init(&a.opts);
    vc_build_opts_init(&bopts);
    vc_qemu_config_init(&cfg);
    vc_caps_init(&caps);
    if ((ret = parse_options(argc, argv, &a)) >= 0 ||
        (ret = vc_cli_build_inputs(&a.in, &cfg, &caps)) != 0)
        goto cleanup;
    /* the real host always: its emulators, environment, random MACs */
    if ((ret = vc_cli_host("system", cfg.state_dir, &host_storage, &host)) != 0)
        goto cleanup;
    ret = a.opts.dry_run ? vc_cli_kernel_setup(&kc, host, NULL, a.network_dir)
                         : vc_cli_kernel_setup_real(&kc, host, a.network_dir);
    if (ret != 0)
        goto cleanup;
    if (!(def = vc_domain_parse_file(a.domain, &kc.host, VC_PARSE_INACTIVE, &err))) {
        ret = vc_cli_fail_about(VC_EXIT_INPUT, a.domain, err.msg);
        goto cleanup;
    }
    if (vc_qemu_start(def, &kc.host, &caps, &cfg, &bopts, &a.opts, &started, &err) < 0) {
        ret = vc_cli_fail_about(err.code, a.domain, err.msg);
        goto cleanup;
    }
    report(&started, a.opts.dry_run, a.wrap);
    if (a.opts.dry_run)
        vc_started_stop(&started, false, NULL);
    else
        vc_started_release(&started);
    ret = VC_EXIT_OK;

 cleanup:
    vc_cli_kernel_free(&kc);
    vc_domain_def_free(def);
    vc_qemu_config_free(&cfg);
    vc_strlist_free(&a.in.sets);
    return ret;
}
