/* bench.c: `make bench` -- how fast the three components run over the
 * whole corpus, warm, and the peak memory; then detection and building
 * over generated inputs far larger than the corpus, each at two sizes so
 * that the scaling shows.  A benchmark, not a test: it asserts nothing
 * and is never part of make check.
 *
 *   build/bench [ITERATIONS]      (default 2000)
 *   build/bench --scale=listing|virtio-disks|scsi-disks|serials|controllers:N
 *                                 one input of size N, for make bench to
 *                                 count instructions at N and 4N
 */
#include "corpus.h"
#include "synth.h"
#include "conf/domain.h"
#include "qemu/build.h"
#include "caps/caps.h"
#include "util/alloc.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

typedef struct text {
    char *path;
    char *data;
    size_t len;
} text;

typedef struct corpus {
    text *items;
    size_t n, cap;
} corpus;

static void corpus_add_dir(corpus *c, const char *dir, const char *suffix)
{
    vc_strlist names = { 0 };
    vc_error err = { 0 };

    if (vc_corpus_list(dir, suffix, &names, &err) < 0)
        return;
    for (size_t i = 0; i < names.n; i++) {
        text t = { 0 };
        t.path = vc_asprintf("%s/%s%s", dir, names.items[i], suffix);
        if (vc_file_read(t.path, VC_FILE_MAX_DEFAULT, &t.data, &t.len, &err) < 0) {
            free(t.path);
            continue;
        }
        vc_grow(&c->items, &c->cap, c->n + 1, sizeof(*c->items));
        c->items[c->n++] = t;
    }
    vc_strlist_free(&names);
}

static void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->items[i].path);
        free(c->items[i].data);
    }
    free(c->items);
}

static void report(const char *what, size_t cases, long iters, double us)
{
    printf("%-16s %4zu cases x %ld iterations: %8.2f us per case\n", what,
           cases, iters, cases ? us / (double)cases / (double)iters : 0.0);
}

/* Detection over a generated device listing of @lines property lines,
 * the fastest of three runs.  Printed at two sizes, the times show how
 * it scales; run the larger first, so that neither pays for growing the
 * heap. */
static void bench_listing(size_t lines)
{
    size_t len;
    char *text = vc_synth_device_listing(lines, true, &len);
    double best = 0;
    bool blockio = true;

    for (int run = 0; run < 3; run++) {
        vc_error err = { 0 };
        vc_caps caps;
        double t0 = now_us(), us;

        vc_caps_init(&caps);
        vc_caps_parse_devices(&caps, text, len, "generated", &err);
        us = now_us() - t0;
        best = run == 0 || us < best ? us : best;
        blockio = blockio && vc_caps_has(&caps, VC_CAP_BLOCKIO);
    }
    printf("device listing   %6zu property lines (%.1f MB, both formats): %8.1f ms%s\n",
           lines, (double)len / 1e6, best / 1e3, blockio ? "" : " (blockio NOT detected)");
    free(text);
}

/* Build @def as the test profile does; adds the time vc_qemu_build
 * took to *@us.  The one place the bench calls the builder. */
static int build_timed(vc_domain_def *def, const vc_caps *caps, double *us,
                       vc_error *err)
{
    vc_build_opts opts;
    vc_qemu_config cfg;
    vc_command cmd = VC_COMMAND_INIT;
    double t0;
    int rc;

    vc_build_opts_init(&opts);
    vc_qemu_config_init(&cfg);
    vc_qemu_config_test_profile(&cfg);
    vc_qemu_config_finish(&cfg);
    t0 = now_us();
    rc = vc_qemu_build(def, vc_host_test(), caps, &cfg, &opts, &cmd, err);
    *us += now_us() - t0;
    vc_command_free(&cmd);
    vc_qemu_config_free(&cfg);
    return rc;
}

/* Parse and build one generated domain, once, and say how long each
 * took after @what. */
static int bench_domain(const char *what, char *xml, size_t len, const char *caps_list)
{
    vc_error err = { 0 };
    vc_domain_def *def;
    double t0, parse_us, build_us = 0;
    vc_caps caps;
    int rc = -1;

    vc_caps_init(&caps);
    printf("%s (--caps=%s): ", what, caps_list ? caps_list : "none, parsed only");
    t0 = now_us();
    def = vc_domain_parse(xml, len, "generated", vc_host_test(), VC_PARSE_INACTIVE, &err);
    parse_us = now_us() - t0;
    if (!def) {
        printf("parse failed: %s\n", err.msg);
    } else if (!caps_list) {
        printf("parse %.1f ms\n", parse_us / 1e3);
        rc = 0;
    } else if (vc_caps_parse_list(&caps, caps_list, &err) < 0 ||
             build_timed(def, &caps, &build_us, &err) < 0)
        printf("build failed: %s\n", err.msg);
    else {
        printf("build %9.1f ms (parse %.1f ms)\n", build_us / 1e3, parse_us / 1e3);
        rc = 0;
    }
    fflush(stdout);
    vc_domain_def_free(def);
    free(xml);
    return rc;
}

/* A domain of @n disks on @bus: the time at two sizes shows how
 * building scales with the disk count. */
static int bench_disks(size_t n, const char *bus, const char *prefix,
                        const char *caps_list)
{
    size_t len;
    char *xml = vc_synth_disk_domain(n, bus, prefix, &len);
    char what[64];

    snprintf(what, sizeof(what), "disk domain      %6zu %-6s disks", n, bus);
    return bench_domain(what, xml, len, caps_list);
}

/* --scale=WHAT:N: one generated input of size N, detected or parsed and
 * built once, for make bench to count under callgrind at two sizes
 * (instructions do not depend on the machine's load, times do). */
static int scale_once(const char *spec)
{
    static const struct {
        const char *what, *bus, *prefix;
        char *(*domain)(size_t n, size_t *len);
        const char *caps;   /* NULL: parsed only */
    } kinds[] = {
        { "listing", NULL, NULL, NULL, NULL },
        { "virtio-disks", "virtio", "vd", NULL, NULL },
        { "scsi-disks", "scsi", "sd", NULL, NULL },
        { "serials", NULL, NULL, vc_synth_serial_domain, "device,chardev,nodefconfig" },
        /* controller ordering is the parser's; thousands of virtio-serial
         * controllers could never be built (one PCI slot each) */
        { "controllers", NULL, NULL, vc_synth_controller_domain, NULL },
    };
    const char *colon = strchr(spec, ':');
    size_t n = colon ? strtoul(colon + 1, NULL, 10) : 0, len;

    for (size_t k = 0; colon && n && k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        if (strncmp(spec, kinds[k].what, (size_t)(colon - spec)) != 0 ||
            kinds[k].what[colon - spec])
            continue;
        /* a size that fails to parse or build measures nothing: fail */
        if (kinds[k].bus)
            return bench_disks(n, kinds[k].bus, kinds[k].prefix, "drive") < 0;
        if (kinds[k].domain) {
            /* the document first: an argument may not read the length
             * another argument sets (unspecified order) */
            char *xml = kinds[k].domain(n, &len);
            return bench_domain(kinds[k].what, xml, len, kinds[k].caps) < 0;
        }
        bench_listing(n);
        return 0;
    }
    fprintf(stderr, "bench: --scale=listing|virtio-disks|scsi-disks|serials|controllers:N, "
            "not '%s'\n", spec);
    return 64;
}

static int bench_all(long iters);

int main(int argc, char **argv)
{
    if (argc > 1 && strncmp(argv[1], "--scale=", 8) == 0)
        return scale_once(argv[1] + 8);
    return bench_all(argc > 1 ? strtol(argv[1], NULL, 10) : 2000);
}

static int bench_all(long iters)
{
    const char *src = vc_corpus_srcdir();
    char *ref = vc_corpus_refdir();
    corpus helps = { 0 }, xmls = { 0 };
    char *dir;
    double t0, parse_us = 0, build_us = 0;
    size_t built = 0, parsed = 0;
    struct rusage ru;
    vc_caps all;
    int failed = 0;

    if (iters <= 0)
        iters = 1;
    dir = vc_asprintf("%s/qemuhelpdata", src);
    corpus_add_dir(&helps, dir, ".help");
    free(dir);
    dir = vc_asprintf("%s/xml2argvdata", src);
    corpus_add_dir(&xmls, dir, ".xml");
    free(dir);
    if (ref) {
        dir = vc_asprintf("%s/qemuhelp", ref);
        corpus_add_dir(&helps, dir, ".help");
        free(dir);
        dir = vc_asprintf("%s/xml2argv", ref);
        corpus_add_dir(&xmls, dir, ".xml");
        free(dir);
    }

    /* capability detection: help text only (device listings are small) */
    t0 = now_us();
    for (long it = 0; it < iters; it++) {
        for (size_t i = 0; i < helps.n; i++) {
            vc_caps caps;
            vc_error err = { 0 };
            vc_caps_init(&caps);
            vc_caps_parse_help(&caps, helps.items[i].data, helps.items[i].len,
                               helps.items[i].path, &err);
        }
    }
    report("caps detection", helps.n, iters, now_us() - t0);

    /* parsing, and building from each parsed domain with every flag on */
    vc_caps_init(&all);
    for (int f = 0; f < VC_CAP_LAST; f++)
        vc_caps_set(&all, (vc_cap)f);
    /* these say the (here empty) device and machine lists are complete,
     * which would refuse every -device and machine type */
    vc_caps_clear(&all, VC_CAP_DEVICE_LISTING);
    vc_caps_clear(&all, VC_CAP_MACHINE_LISTING);
    for (long it = 0; it < iters; it++) {
        for (size_t i = 0; i < xmls.n; i++) {
            vc_error err = { 0 };
            vc_domain_def *def;
            double t1;

            t1 = now_us();
            def = vc_domain_parse(xmls.items[i].data, xmls.items[i].len,
                                  xmls.items[i].path, vc_host_test(),
                                  VC_PARSE_INACTIVE, &err);
            parse_us += now_us() - t1;
            if (!def)
                continue;
            if (it == 0)
                parsed++;
            if (build_timed(def, &all, &build_us, &err) == 0 && it == 0)
                built++;
            vc_domain_def_free(def);
        }
    }
    report("xml parsing", xmls.n, iters, parse_us);
    report("argv building", xmls.n, iters, build_us);
    printf("(%zu of %zu documents parse, %zu build with every capability)\n",
           parsed, xmls.n, built);
    /* a build that refuses everything times nothing worth reporting */
    if (built == 0) {
        fprintf(stderr, "bench: no document built: the argv figure measures refusals\n");
        failed = 1;
    }

    getrusage(RUSAGE_SELF, &ru);
    printf("peak memory (max RSS): %ld KiB\n", ru.ru_maxrss);

    /* generated inputs, larger than any in the corpus: how it scales */
    bench_listing(100000);
    bench_listing(25000);
    /* -drive only: with -device every disk would need a PCI slot */
    bench_disks(10000, "virtio", "vd", "drive");
    bench_disks(40000, "virtio", "vd", "drive");
    /* SCSI: 7 units a controller, controllers added up to index 1023 */
    bench_disks(1750, "scsi", "sd", "drive");
    bench_disks(7000, "scsi", "sd", "drive");

    corpus_free(&helps);
    corpus_free(&xmls);
    free(ref);
    return failed;
}
