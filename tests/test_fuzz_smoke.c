/* test_fuzz_smoke.c: every fuzz target, briefly, with a fixed seed.
 *
 * Tier "fuzz-smoke": one case per target (fuzz/targets.h).  Execution
 * I takes seed I mod N of the target's seeds (fuzz/seeds.h), mutates it
 * one to three times with a generator seeded by (SEED, target, I) --
 * the structure-aware engine for XML targets (after, one time in eight,
 * a crossover with another seed), bytes otherwise -- and
 * runs the target on it, in a buffer of its exact size.  An invariant
 * violation is a finding: the input is saved beside the tier's log, the
 * run goes on, and the case fails naming the first few; the run is the
 * same every time, so a finding reproduces.
 *
 * VC_FUZZ_SMOKE_STRIDE=N runs execution I only when N divides it
 * (make check-valgrind, make check-asan): the same inputs, fewer of
 * them.  VC_FUZZ_SMOKE_KEEP=DIR writes every input to DIR before it
 * runs (for a crash, which leaves no message of its own).
 */
#include "test_args.h"
#include "tier.h"
#include "fuzz.h"
#include "mutate.h"
#include "seeds.h"
#include "targets.h"
#include "util/alloc.h"
#include "util/file.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>

#define SEED 0x5eed0009u
/* room for the engine's growth: a 64 KiB value, deep nesting */
#define ROOM (160u * 1024)

/* Executions per target: a second or so in all, plainly. */
static const struct {
    const char *target;
    size_t runs;
} budgets[] = {
    { "domain", 2500 },
    { "caps", 4000 },
    { "qemu_conf", 3000 },
};

typedef struct smoke_case {
    const vc_fuzz_target *target;
    unsigned long stride;
    vc_fuzz_vocab *vocab;       /* structured targets */
    size_t runs, findings;
    double seconds;
    double slowest;             /* the slowest execution, in seconds */
    size_t slowest_index;
} smoke_case;

#define MAX_REPORTED 5

/* The input running now, for the failure hook, and where the hook goes
 * back to (what the target had allocated is abandoned: the case fails
 * anyway). */
static struct {
    const char *target;
    size_t index;
    const uint8_t *data;
    size_t len;
    jmp_buf back;
    char *findings;         /* the first MAX_REPORTED, one a line */
    size_t nfindings;
} current;

static char *save_input(const char *dir)
{
    char *path = vc_asprintf("%s/fuzz-smoke-%s-%zu", dir, current.target, current.index);
    vc_error err = { 0 };

    if (vc_file_write(path, (const char *)current.data, current.len, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        free(path);
        return NULL;
    }
    return path;
}

static void on_violation(const char *msg)
{
    const char *dir = getenv("VC_LOGDIR");
    char *path = save_input(dir && *dir ? dir : "/tmp");

    if (current.nfindings++ < MAX_REPORTED) {
        char *line = vc_asprintf("%s%s #%zu: %s (input saved as %s; replay: "
                                 "build/fuzz/fuzz-%s FILE)\n",
                                 current.findings ? current.findings : "", current.target,
                                 current.index, msg, path ? path : "(not saved)",
                                 current.target);
        free(current.findings);
        current.findings = line;
    }
    free(path);
    longjmp(current.back, 1);
}

static size_t budget(const char *target)
{
    for (size_t i = 0; i < sizeof(budgets) / sizeof(budgets[0]); i++)
        if (strcmp(budgets[i].target, target) == 0)
            return budgets[i].runs;
    return 1000;
}

/* The input of execution @i (caller frees): *@len its length. */
static uint8_t *make_input(smoke_case *c, const vc_fuzz_seeds *seeds, size_t i, size_t *len)
{
    const vc_fuzz_seed *seed = &seeds->items[i % seeds->n];
    vc_rng rng = { SEED ^ ((uint64_t)i << 20) ^ (uint64_t)(c->target - vc_fuzz_targets) };
    size_t max = seed->len + ROOM, size = seed->len, rounds;
    uint8_t *buf = vc_malloc0(max), *exact;

    memcpy(buf, seed->data, seed->len);
    vc_rng_next(&rng);
    /* one time in eight, first a crossover with another seed, as
     * libFuzzer's custom crossover does */
    if (c->target->structured && vc_rng_one_in(&rng, 8)) {
        const vc_fuzz_seed *other = &seeds->items[vc_rng_below(&rng, seeds->n)];
        uint8_t *cross = vc_malloc0(max);
        size_t n = vc_fuzz_crossover_xml(buf, size, other->data, other->len, cross, max, &rng);

        if (n) {
            free(buf);
            buf = cross;
            size = n;
        } else {
            free(cross);
        }
    }
    rounds = 1 + vc_rng_below(&rng, 3);
    for (size_t r = 0; r < rounds; r++)
        size = c->target->structured
                   ? vc_fuzz_mutate_xml(buf, size, max, &rng, c->vocab, vc_fuzz_mutate_bytes)
                   : vc_fuzz_mutate_bytes(buf, size, max, &rng);
    exact = vc_malloc0(size ? size : 1);
    memcpy(exact, buf, size);
    free(buf);
    *len = size;
    return exact;
}

/* The target on one input; a violation comes back here. */
static void run_guarded(const vc_fuzz_target *t, const uint8_t *data, size_t len)
{
    if (setjmp(current.back) == 0)
        t->one(data, len);
}

static double now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void test_target(void **state)
{
    smoke_case *c = ((vc_tier_case *)*state)->data;
    const char *keep = getenv("VC_FUZZ_SMOKE_KEEP");
    vc_fuzz_seeds seeds = { 0 };
    vc_error err = { 0 };
    size_t n = budget(c->target->name);
    double start;

    if (vc_fuzz_seeds_load(c->target->name, &seeds, &err) < 0)
        fail_msg("%s", err.msg);
    if (!seeds.n)
        fail_msg("%s: no seeds", c->target->name);
    if (c->target->structured)
        c->vocab = vc_fuzz_domain_vocab();
    start = now();
    for (size_t i = 0; i < n; i++) {
        size_t len;
        uint8_t *data;
        double t;

        if (i % c->stride)
            continue;
        data = make_input(c, &seeds, i, &len);
        current.target = c->target->name;
        current.index = i;
        current.data = data;
        current.len = len;
        if (keep)
            free(save_input(keep));
        t = now();
        run_guarded(c->target, data, len);
        if ((t = now() - t) > c->slowest) {
            c->slowest = t;
            c->slowest_index = i;
        }
        c->runs++;
        free(data);
    }
    c->seconds = now() - start;
    vc_fuzz_vocab_free(c->vocab);
    c->vocab = NULL;
    vc_fuzz_seeds_free(&seeds);
    c->findings = current.nfindings;
    if (current.nfindings) {
        fprintf(stderr, "%s", current.findings);
        free(current.findings);
        current.findings = NULL;
        current.nfindings = 0;
        fail_msg("%s: %zu finding(s) in %zu executions", c->target->name, c->findings,
                 c->runs);
    }
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    static const vc_test_knob knobs[] = {
        { "VC_FUZZ_SMOKE_STRIDE=N", "run one execution in N (default 1)" },
        { "VC_FUZZ_SMOKE_KEEP=DIR", "save every generated input in DIR" },
        { "VC_LOGDIR=DIR", "where an input that broke a rule is saved (default /tmp)" },
        { NULL, NULL },
    };
    vc_test_args(argc, argv, knobs);
    return run_tiers();
}

static int run_tiers(void)
{
    vc_tier tier = { .name = "fuzz-smoke" };
    const char *stride = getenv("VC_FUZZ_SMOKE_STRIDE");
    unsigned long step = stride ? strtoul(stride, NULL, 10) : 1;
    smoke_case cases[VC_FUZZ_NTARGETS];
    int failed;

    vc_fuzz_set_fail_hook(on_violation);
    for (size_t t = 0; t < VC_FUZZ_NTARGETS; t++) {
        int argc = 0;
        char **argv = NULL;

        memset(&cases[t], 0, sizeof(cases[t]));
        cases[t].target = &vc_fuzz_targets[t];
        cases[t].stride = step ? step : 1;
        vc_fuzz_targets[t].init(&argc, &argv);
        vc_tier_add(&tier, vc_fuzz_targets[t].name, &cases[t]);
    }
    failed = vc_tier_run(&tier, test_target);
    for (size_t t = 0; t < VC_FUZZ_NTARGETS; t++)
        printf("note: fuzz-smoke: %s: %zu executions (seed %#x, one in %lu) in %.2f s "
               "(slowest #%zu: %.0f ms), %zu finding(s)\n", cases[t].target->name,
               cases[t].runs, SEED, cases[t].stride, cases[t].seconds,
               cases[t].slowest_index, cases[t].slowest * 1000, cases[t].findings);
    vc_tier_free(&tier, NULL);
    xmlCleanupParser();
    return failed ? 1 : 0;
}
