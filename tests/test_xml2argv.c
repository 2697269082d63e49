/* test_xml2argv.c: domain XML -> QEMU command line over the corpora.
 *
 * Tier "xml2argv": the project's cases in xml2argvdata/.  A case is its
 * files: NAME.args (the expected command line, one option with its
 * value a line with backslash continuations, as libvirt stores them;
 * compared byte for byte) or NAME.err (the expected one-line error,
 * "parse: MSG" or "build: MSG"), with NAME.caps
 * (capability names, comma-separated) or NAME.qemu (the name of a
 * recording in qemuhelpdata/ to detect them from), optional NAME.opts
 * (argv options, one a line) and the domain NAME.xml.  A case named
 * BASE+VARIANT reuses BASE.xml: the same domain against other
 * capabilities.  Every case uses the test host over the fake kernel of
 * mock/ in the scenario NAME.kernel names (default "current"); when the
 * build calls that kernel, NAME.trace is its expected trace, and a
 * descriptor left open and not handed to QEMU fails the case.
 * Cases are found by their inputs as well as their expectations: a case
 * with NAME.xml, .caps or .qemu and neither NAME.args nor NAME.err fails
 * with "no expectation", and VC_TEST_REGENERATE=1 writes the one its
 * outcome calls for.  Regeneration rewrites expectations (of the kind
 * the case already has) and writes missing traces.
 *
 * Tier "xml2argv-recorded": every domain is built against a QEMU
 * recording by one of its cases.
 *
 * Tier "xml2argv-reference": every row of the reference corpus's
 * xml2argv/cases.tsv, with the per-family pass counts after it.
 *
 * VC_TIER=NAME runs only the tier NAME (make bench counts the
 * instructions of the reference tier alone).
 */
#include "corpus.h"
#include "expect.h"
#include "test_args.h"
#include "tier.h"
#include "conf/domain.h"
#include "conf/network.h"
#include "mock.h"
#include "qemu/build.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* CPU maps, each read once for the whole program (as a daemon would). */
typedef struct map_cache {
    vc_strlist paths;
    vc_cpu_map **maps;
    size_t cap;
} map_cache;

static const vc_cpu_map *cached_map(map_cache *mc, const char *path, vc_error *err)
{
    vc_cpu_map *map;

    for (size_t i = 0; i < mc->paths.n; i++)
        if (strcmp(mc->paths.items[i], path) == 0)
            return mc->maps[i];
    if (!(map = vc_cpu_map_load(path, err)))
        return NULL;
    vc_grow(&mc->maps, &mc->cap, mc->paths.n + 1, sizeof(*mc->maps));
    mc->maps[mc->paths.n] = map;
    vc_strlist_add(&mc->paths, path);
    return map;
}

static void map_cache_free(map_cache *mc)
{
    for (size_t i = 0; i < mc->paths.n; i++)
        vc_cpu_map_free(mc->maps[i]);
    free(mc->maps);
    vc_strlist_free(&mc->paths);
}

typedef struct argv_case {
    char *name;
    char *xml;
    char *expect;           /* project: .args or .err path */
    bool expect_error;
    bool no_expect;         /* project: neither .args nor .err yet */
    /* capabilities: a list, or a recording */
    char *caps_list;
    char *help_file, *device_file;
    vc_strlist opts;        /* --key=value */
    /* reference rows */
    bool reference;
    char *ref_expect;       /* ok, fail-build, fail-parse, error */
    char *cpu_map;
    map_cache *maps;
    /* the fake kernel: NAME.kernel names the scenario (default
     * "current"); NAME.trace is the expected trace, needed once the
     * build calls the kernel at all */
    char *kernel;
    char *trace;
    bool passed;
} argv_case;

static void argv_case_free(void *p)
{
    argv_case *c = p;
    free(c->name);
    free(c->xml);
    free(c->expect);
    free(c->caps_list);
    free(c->help_file);
    free(c->device_file);
    vc_strlist_free(&c->opts);
    free(c->ref_expect);
    free(c->cpu_map);
    free(c->kernel);
    free(c->trace);
    free(c);
}

/* Apply one "--key=value" option (or a reference "key=value");
 * --network-dir=DIR (relative to the source tree) sets *@network_dir. */
static int apply_opt(const char *opt, vc_build_opts *opts, vc_qemu_config *cfg,
                     const char **network_dir, vc_error *err)
{
    const char *o = strncmp(opt, "--", 2) == 0 ? opt + 2 : opt;
    long long n;

    if (strncmp(o, "network-dir=", 12) == 0) {
        *network_dir = o + 12;
    } else if (strncmp(o, "migrate-from=", 13) == 0) {
        opts->migrate_from = o + 13;
    } else if (strncmp(o, "migrate-fd=", 11) == 0) {
        if (!vc_parse_ll(o + 11, 10, &n))
            return vc_error_set(err, VC_EXIT_USAGE, "bad option '%s'", opt);
        opts->migrate_fd = (int)n;
    } else if (strcmp(o, "skip-legacy-cpus") == 0 || strcmp(o, "skip_legacy_cpus=1") == 0) {
        opts->skip_legacy_cpus = true;
    } else if (strncmp(o, "set=", 4) == 0) {
        return vc_qemu_config_set_pair(cfg, o + 4, err);
    } else if (strchr(o, '=')) {
        return vc_qemu_config_set_pair(cfg, o, err);
    } else {
        return vc_error_set(err, VC_EXIT_USAGE, "unknown option '%s'", opt);
    }
    return 0;
}

/* The kernel trace with the descriptors @cmd hands to QEMU. */
static char *take_trace(const vc_mock_kernel *mock, const vc_command *cmd, size_t *leaks)
{
    int *handed = vc_calloc(cmd->nfds, sizeof(*handed));
    char *trace;

    for (size_t i = 0; i < cmd->nfds; i++)
        handed[i] = cmd->fds[i].fd;
    trace = vc_mock_trace(mock, handed, cmd->nfds, leaks);
    free(handed);
    return trace;
}

/* "parse: MSG\n", "build: MSG\n" or the command line; *@trace is the
 * fake kernel's trace and *@leaks the descriptors it says leaked. */
static char *run_case(argv_case *c, int *stage, char **trace, size_t *leaks)
{
    vc_build_opts opts;
    vc_qemu_config cfg;
    vc_domain_def *def = NULL;
    vc_command cmd = VC_COMMAND_INIT;
    vc_error err = { 0 };
    vc_caps caps;
    vc_host host = *vc_host_test();
    vc_host_networks networks = VC_HOST_NETWORKS_INIT;
    vc_mock_kernel *mock = NULL;
    const char *network_dir = NULL;
    char *out = NULL;

    vc_build_opts_init(&opts);
    vc_qemu_config_init(&cfg);
    vc_qemu_config_test_profile(&cfg);
    vc_caps_init(&caps);
    *stage = 0;
    *trace = NULL;
    *leaks = 0;

    for (size_t i = 0; i < c->opts.n; i++)
        if (apply_opt(c->opts.items[i], &opts, &cfg, &network_dir, &err) < 0)
            goto setup_failed;
    if (network_dir) {
        char *dir = vc_asprintf("%s/%s", vc_corpus_srcdir(), network_dir);
        int rc = vc_networks_load_dir(&networks, dir, &err);
        free(dir);
        if (rc < 0)
            goto setup_failed;
        host.networks = &networks;
    }
    if (!(mock = vc_mock_kernel_new(c->kernel ? c->kernel : "current", &err)))
        goto setup_failed;
    host.kernel = vc_mock_kernel_ops(mock);
    if (c->caps_list && vc_caps_parse_list(&caps, c->caps_list, &err) < 0)
        goto setup_failed;
    if (c->help_file && vc_caps_from_files(&caps, c->help_file, c->device_file, &err) < 0)
        goto setup_failed;
    if (c->cpu_map && !(opts.cpu_map = cached_map(c->maps, c->cpu_map, &err)))
        goto setup_failed;
    vc_qemu_config_finish(&cfg);

    if (!(def = vc_domain_parse_file(c->xml, &host, VC_PARSE_INACTIVE, &err))) {
        *stage = 1;
        out = vc_asprintf("parse: %s\n", err.msg);
    } else if (vc_qemu_build(def, &host, &caps, &cfg, &opts, &cmd, &err) < 0) {
        *stage = 2;
        out = vc_asprintf("build: %s\n", err.msg);
    } else if (c->reference) {
        out = vc_command_to_line(&cmd);     /* the reference's one line */
    } else {
        out = vc_command_to_lines(&cmd);    /* one argument a line: diffs show it */
    }
    *trace = take_trace(mock, &cmd, leaks);
    goto cleanup;

 setup_failed:
    *stage = -1;
    out = vc_asprintf("case setup: %s\n", err.msg);

 cleanup:
    vc_command_free(&cmd);
    vc_domain_def_free(def);
    vc_qemu_config_free(&cfg);
    vc_mock_kernel_free(mock);
    vc_networks_free(&networks);
    return out;
}

/* A trace that shows the kernel was called at all must match NAME.trace
 * (written by REGENERATE=1); a leak fails whatever the file says. */
static int check_trace(const argv_case *c, const char *trace, size_t leaks)
{
    bool used = trace && strncmp(trace, "end:", 4) != 0;

    if (leaks) {
        fprintf(stderr, "%s: %zu descriptor(s) leaked:\n%s", c->name, leaks, trace);
        return -1;
    }
    if (!used && !vc_path_exists(c->trace))
        return 0;
    return vc_expect_file(c->trace, trace ? trace : "");
}

static void test_project_case(void **state)
{
    argv_case *c = ((vc_tier_case *)*state)->data;
    int stage;
    char *trace;
    size_t leaks;
    char *actual = run_case(c, &stage, &trace, &leaks);
    int rc;

    if (stage < 0) {
        fprintf(stderr, "%s", actual);
        free(actual);
        fail_msg("case %s is malformed", c->name);
    }
    if (c->no_expect) {
        /* a case is found by its inputs; its first expectation is
         * written on request and then reviewed like any other */
        if (!vc_expect_regenerate()) {
            free(actual);
            free(trace);
            fail_msg("%s: no expectation; run with VC_TEST_REGENERATE=1 to create %s.args "
                     "or .err", c->name, c->name);
        }
        c->expect_error = stage != 0;
        if (c->expect_error) {
            /* NAME.args -> NAME.err */
            char *e = vc_asprintf("%.*s.err", (int)(strlen(c->expect) - 5), c->expect);
            free(c->expect);
            c->expect = e;
        }
    }
    if ((stage != 0) != c->expect_error) {
        fprintf(stderr, "%s: expected %s, got: %s", c->name,
                c->expect_error ? "an error" : "a command line", actual);
        free(actual);
        free(trace);
        fail_msg("outcome differs from %s", c->expect);
    }
    rc = vc_expect_file(c->expect, actual);
    free(actual);
    if (rc == 0)
        rc = check_trace(c, trace, leaks);
    free(trace);
    if (rc < 0)
        fail_msg("output or kernel trace differs from %s / %s", c->expect, c->trace);
    c->passed = true;
}

/* .args as the reference stores them: continuation lines joined. */
static char *normalize_args(const char *text)
{
    vc_buf b = VC_BUF_INIT;

    for (const char *p = text; *p; p++) {
        if (p[0] == '\\' && p[1] == '\n') {
            p++;
            continue;
        }
        vc_buf_addc(&b, *p);
    }
    if (b.len && b.s[b.len - 1] == '\n')
        b.s[--b.len] = '\0';
    vc_buf_addc(&b, '\n');
    return vc_buf_steal(&b);
}

/* For showing a mismatch only: @line with " \\<newline>" before each
 * word that starts with '-' outside quotes, so that the diff of two
 * one-line commands shows the options that differ.  Only inserts, so
 * two different lines stay different. */
static char *wrap_for_diff(const char *line)
{
    vc_buf b = VC_BUF_INIT;
    char quote = 0;

    for (const char *p = line; *p; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
        } else if (*p == '\'' || *p == '"') {
            quote = *p;
        } else if (*p == '\\' && p[1]) {
            vc_buf_addc(&b, *p++);
        } else if (*p == ' ' && p[1] == '-') {
            vc_buf_add(&b, " \\\n");
            continue;
        }
        vc_buf_addc(&b, *p);
    }
    return vc_buf_steal(&b);
}

static void test_reference_case(void **state)
{
    argv_case *c = ((vc_tier_case *)*state)->data;
    vc_error err = { 0 };
    char *actual, *raw = NULL, *expected = NULL, *trace;
    size_t leaks;
    int stage, rc;

    actual = run_case(c, &stage, &trace, &leaks);
    free(trace);
    if (leaks) {
        free(actual);
        fail_msg("%zu descriptor(s) leaked", leaks);
    }
    if (stage < 0) {
        fprintf(stderr, "%s", actual);
        free(actual);
        fail_msg("row %s is malformed", c->name);
    }
    if (strcmp(c->ref_expect, "ok") == 0) {
        if (stage != 0) {
            fprintf(stderr, "%s", actual);
            free(actual);
            fail_msg("expected a command line");
        }
        if (vc_file_read(c->expect, VC_FILE_MAX_DEFAULT, &raw, NULL, &err) < 0) {
            free(actual);
            fail_msg("%s", err.msg);
        }
        expected = normalize_args(raw);
        /* compared as the one line the reference stores */
        rc = strcmp(expected, actual) == 0 ? 0 : -1;
        if (rc < 0) {
            char *want = wrap_for_diff(expected), *got = wrap_for_diff(actual);

            vc_expect_text(c->expect, want, got);
            free(want);
            free(got);
        }
        free(raw);
        free(expected);
        free(actual);
        if (rc < 0)
            fail_msg("command line differs");
    } else {
        int want = strcmp(c->ref_expect, "fail-parse") == 0 ? 1 : 2;
        if (stage != want) {
            fprintf(stderr, "expected %s, got: %s", c->ref_expect, actual);
            free(actual);
            fail_msg("wrong outcome");
        }
        free(actual);
    }
    c->passed = true;
}

static char *read_line_file(const char *path)
{
    vc_error err = { 0 };
    char *text = NULL;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &text, NULL, &err) < 0)
        return NULL;
    text[strcspn(text, "\n")] = '\0';
    return text;
}

static void add_opts_file(argv_case *c, const char *path)
{
    vc_error err = { 0 };
    char *text = NULL, *save = NULL;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &text, NULL, &err) < 0)
        return;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
        if (*l && *l != '#')
            vc_strlist_add(&c->opts, l);
    free(text);
}

static void add_project_case(vc_tier *tier, map_cache *maps, const char *dir,
                             const char *name, bool is_err, bool no_expect)
{
    const char *srcdir = vc_corpus_srcdir();
    argv_case *c = VC_NEW(argv_case);
    char *base = vc_strndup(name, strcspn(name, "+"));
    char *path, *rec;

    c->name = vc_strdup(name);
    c->maps = maps;
    c->xml = vc_asprintf("%s/%s.xml", dir, base);
    c->expect_error = is_err;
    c->expect = vc_asprintf("%s/%s.%s", dir, name, is_err ? "err" : "args");
    c->no_expect = no_expect;
    c->trace = vc_asprintf("%s/%s.trace", dir, name);
    path = vc_asprintf("%s/%s.kernel", dir, name);
    c->kernel = read_line_file(path);
    free(path);
    path = vc_asprintf("%s/%s.caps", dir, name);
    c->caps_list = read_line_file(path);
    free(path);
    path = vc_asprintf("%s/%s.qemu", dir, name);
    if ((rec = read_line_file(path))) {
        c->help_file = vc_asprintf("%s/qemuhelpdata/%s.help", srcdir, rec);
        c->device_file = vc_asprintf("%s/qemuhelpdata/%s.device", srcdir, rec);
        if (!vc_path_exists(c->device_file))
            VC_FREE(c->device_file);
        free(rec);
    }
    free(path);
    path = vc_asprintf("%s/%s.opts", dir, name);
    add_opts_file(c, path);
    free(path);
    path = vc_asprintf("%s/xml2argvdata/cpu_map.xml", srcdir);
    if (vc_path_exists(path))
        c->cpu_map = path;
    else
        free(path);
    free(base);
    vc_tier_add(tier, name, c);
}

/* The cases are found by their inputs (a domain, or capabilities for a
 * variant) as well as their expectations, so a new case whose
 * expectation is missing fails instead of going unseen. */
static int run_project(map_cache *maps)
{
    static const char *const kinds[] = { ".xml", ".caps", ".qemu", ".args", ".err" };
    char *dir = vc_asprintf("%s/xml2argvdata", vc_corpus_srcdir());
    vc_tier tier = { .name = "xml2argv" };
    vc_strlist names = { 0 };
    vc_error err = { 0 };
    int failed;

    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        vc_strlist some = { 0 };

        if (vc_corpus_list(dir, kinds[k], &some, &err) < 0) {
            fprintf(stderr, "%s\n", err.msg);
            printf("xml2argv: 0 passed, 1 failed\n");
            vc_strlist_free(&names);
            free(dir);
            return 1;
        }
        for (size_t i = 0; i < some.n; i++)
            /* cpu_map.xml is the CPU map the cases share, not a case */
            if (!vc_strlist_has(&names, some.items[i]) && strcmp(some.items[i], "cpu_map") != 0)
                vc_strlist_add(&names, some.items[i]);
        vc_strlist_free(&some);
    }
    vc_strlist_sort(&names);
    for (size_t i = 0; i < names.n; i++) {
        char *args = vc_asprintf("%s/%s.args", dir, names.items[i]);
        char *errf = vc_asprintf("%s/%s.err", dir, names.items[i]);
        bool is_err = vc_path_exists(errf);

        add_project_case(&tier, maps, dir, names.items[i], is_err,
                         !is_err && !vc_path_exists(args));
        free(args);
        free(errf);
    }
    failed = vc_tier_run(&tier, test_project_case);
    vc_tier_free(&tier, argv_case_free);
    vc_strlist_free(&names);
    free(dir);
    return failed;
}

/* Tier "xml2argv-recorded": every domain of xml2argvdata/ is built
 * against a QEMU recording (qemuhelpdata/) by one of its cases at least,
 * NAME.qemu or NAME+VARIANT.qemu, so that the corpus follows what real
 * QEMU builds offer, not only hand-picked capability lists. */
static void test_recorded(void **state)
{
    const bool *recorded = ((vc_tier_case *)*state)->data;

    if (!*recorded)
        fail_msg("no case builds this domain against a QEMU recording: add "
                 "NAME+debian-qemu-7.2.qemu (holding debian-qemu-7.2)");
}

static int run_recorded(void)
{
    char *dir = vc_asprintf("%s/xml2argvdata", vc_corpus_srcdir());
    vc_tier tier = { .name = "xml2argv-recorded" };
    vc_strlist domains = { 0 }, recorded = { 0 };
    vc_error err = { 0 };
    int failed;

    if (vc_corpus_list(dir, ".xml", &domains, &err) < 0 ||
        vc_corpus_list(dir, ".qemu", &recorded, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        printf("xml2argv-recorded: 0 passed, 1 failed\n");
        failed = 1;
        goto cleanup;
    }
    for (size_t i = 0; i < domains.n; i++) {
        const char *d = domains.items[i];
        size_t n = strlen(d);
        bool *has;

        if (strcmp(d, "cpu_map") == 0)
            continue;   /* the CPU map the cases share */
        has = VC_NEW(bool);
        for (size_t k = 0; k < recorded.n && !*has; k++)
            *has = strncmp(recorded.items[k], d, n) == 0 &&
                   (recorded.items[k][n] == '\0' || recorded.items[k][n] == '+');
        vc_tier_add(&tier, d, has);
    }
    failed = vc_tier_run(&tier, test_recorded);
    vc_tier_free(&tier, free);

 cleanup:
    vc_strlist_free(&domains);
    vc_strlist_free(&recorded);
    free(dir);
    return failed;
}

/* The families issue 4 covers ("part 1"), by the first word of a row's
 * name (two words for graphics).  Used for the report only. */
static const char *const part1_families[] = {
    "minimal", "machine", "boot", "clock", "disk", "floppy", "net", "serial",
    "parallel", "console", "channel", "graphics-vnc", "graphics-sdl",
    "nographics", "misc", "input", "sound", "watchdog", "balloon", "restore",
    "migrate", "smp", "memtune", "blkiotune", "cputune", "numatune",
    "hugepages", "qemu", "seclabel", "reboot", "bios", "bootloader", "kvmclock",
};

static char *family_of(const char *name)
{
    size_t n = strcspn(name, "-+_");

    if (strncmp(name, "graphics-", 9) == 0)
        n = 9 + strcspn(name + 9, "-");
    return vc_strndup(name, n);
}

static bool is_part1(const char *family)
{
    for (size_t i = 0; i < sizeof(part1_families) / sizeof(part1_families[0]); i++)
        if (strcmp(part1_families[i], family) == 0)
            return true;
    return false;
}

static void report_families(const vc_tier *tier)
{
    vc_strlist fams = { 0 };
    size_t p1_pass = 0, p1_total = 0;

    for (size_t i = 0; i < tier->n; i++) {
        char *f;

        if (tier->cases[i].outcome == VC_OUTCOME_NOT_RUN)
            continue;   /* filtered out: counted nowhere */
        f = family_of(((argv_case *)tier->cases[i].data)->name);
        if (!vc_strlist_has(&fams, f))
            vc_strlist_take(&fams, f);
        else
            free(f);
    }
    vc_strlist_sort(&fams);
    printf("note: xml2argv-reference by family:");
    for (size_t k = 0; k < fams.n; k++) {
        size_t pass = 0, total = 0;
        for (size_t i = 0; i < tier->n; i++) {
            argv_case *c = tier->cases[i].data;
            char *f;

            if (tier->cases[i].outcome == VC_OUTCOME_NOT_RUN)
                continue;
            f = family_of(c->name);
            if (strcmp(f, fams.items[k]) == 0) {
                total++;
                pass += c->passed;
            }
            free(f);
        }
        if (is_part1(fams.items[k])) {
            p1_pass += pass;
            p1_total += total;
        }
        printf(" %s %zu/%zu", fams.items[k], pass, total);
    }
    printf("\nnote: xml2argv-reference, the families of issue 4: %zu/%zu pass (%.1f%%)\n",
           p1_pass, p1_total, p1_total ? 100.0 * (double)p1_pass / (double)p1_total : 0.0);
    vc_strlist_free(&fams);
}

static int run_reference(const char *refdir, map_cache *maps)
{
    char *tsv = vc_asprintf("%s/xml2argv/cases.tsv", refdir);
    vc_tier tier = { .name = "xml2argv-reference" };
    vc_error err = { 0 };
    char *text = NULL, *save = NULL;
    vc_strlist seen = { 0 };
    char *xfail;
    int failed;
    bool header = true;

    if (vc_file_read(tsv, VC_FILE_MAX_DEFAULT, &text, NULL, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        printf("xml2argv-reference: 0 passed, 1 failed\n");
        free(tsv);
        return 1;
    }
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char *f[4] = { 0 }, *s2 = NULL, *label;
        argv_case *c;
        int k = 0, dup = 1;

        if (header) {
            header = false;
            continue;
        }
        for (char *t = strtok_r(l, "\t", &s2); t && k < 4; t = strtok_r(NULL, "\t", &s2))
            f[k++] = t;
        if (k < 4)
            continue;
        c = VC_NEW(argv_case);
        c->reference = true;
        c->maps = maps;
        c->name = vc_strdup(f[0]);
        c->ref_expect = vc_strdup(f[1]);
        c->xml = vc_asprintf("%s/xml2argv/%s.xml", refdir, f[0]);
        c->expect = vc_asprintf("%s/xml2argv/%s.args", refdir, f[0]);
        c->cpu_map = vc_asprintf("%s/cpu_map.xml", refdir);
        if (strcmp(f[2], "-") != 0)
            c->caps_list = vc_strdup(f[2]);
        if (strcmp(f[3], "-") != 0) {
            char *s3 = NULL;
            for (char *o = strtok_r(f[3], " ", &s3); o; o = strtok_r(NULL, " ", &s3))
                vc_strlist_add(&c->opts, o);
        }
        /* a name may repeat (other options): number the later rows */
        for (size_t i = 0; i < seen.n; i++)
            dup += strcmp(seen.items[i], f[0]) == 0;
        vc_strlist_add(&seen, f[0]);
        label = dup > 1 ? vc_asprintf("%s#%d", f[0], dup) : vc_strdup(f[0]);
        vc_tier_add(&tier, label, c);
        free(label);
    }
    /* rows known to fail, each with its reason */
    xfail = vc_asprintf("%s/tests/xml2argv-reference.xfail", vc_corpus_srcdir());
    failed = vc_tier_load_xfail(&tier, xfail);
    free(xfail);
    failed += vc_tier_run(&tier, test_reference_case);
    report_families(&tier);
    vc_tier_free(&tier, argv_case_free);
    vc_strlist_free(&seen);
    free(text);
    free(tsv);
    return failed;
}

static bool tier_wanted(const char *name)
{
    const char *only = getenv("VC_TIER");
    return !only || !*only || strcmp(only, name) == 0;
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    static const vc_test_knob knobs[] = {
        { "VC_TIER=NAME", "run that tier alone (xml2argv, xml2argv-recorded or "
                          "xml2argv-reference)" },
        { NULL, NULL },
    };
    vc_test_args(argc, argv, knobs);
    return run_tiers();
}

static int run_tiers(void)
{
    char *ref = vc_corpus_refdir();
    map_cache maps = { { NULL, 0, 0 }, NULL, 0 };
    int failed = tier_wanted("xml2argv") ? run_project(&maps) : 0;
    bool reference = tier_wanted("xml2argv-reference");

    if (tier_wanted("xml2argv-recorded"))
        failed += run_recorded();

    if (reference && ref)
        failed += run_reference(ref, &maps);
    else if (reference)
        failed += vc_tier_no_reference("xml2argv-reference");
    map_cache_free(&maps);
    free(ref);
    return failed ? 1 : 0;
}
