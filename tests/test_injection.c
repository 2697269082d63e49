/* test_injection.c: option injection.
 *
 * Tier "injection": every domain XML the project knows (and the
 * reference corpus's xml2argv documents when present), each string
 * value of it replaced, one at a time, by text holding QEMU's and the
 * shell's special characters (variants below).  Each variant is parsed
 * and built against every capability set of tests/injection/ (NAME.caps:
 * canonical names, comma-separated; NAME.qemu: a recording of
 * qemuhelpdata/).  A parse or build error is a fine outcome (the
 * builder refuses what it cannot express); a command line must read
 * back, option by option as QEMU 7.2 reads it (harness/qemu_opts.h),
 * as exactly the keys and values the builder meant, and, printed,
 * split by a shell into exactly its words (harness/shell_split.h).
 *
 * VC_INJECTION_STRIDE=N runs one variant in N (make check-valgrind);
 * the "coverage" case checks that what ran still reached every
 * capability set and an <emulator> holding '='.
 */
#include "argv_check.h"
#include "capsets.h"
#include "corpus.h"
#include "test_args.h"
#include "tier.h"
#include "xml_values.h"
#include "conf/domain.h"
#include "qemu/build.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

/* QemuOpts' separator and quote, a key (and QEMU's id, which it scans
 * for apart), '=', shell quotes, a blank, a newline, a substitution. */
#define INJECTION "x,id=inj,,inj=1 'q\"\n$(id)"

typedef enum { VARIANT_REPLACE, VARIANT_APPEND, VARIANT_ASSIGN, VARIANT_LAST } variant;
static const char *const variant_names[VARIANT_LAST] = { "replaced", "appended", "assign" };

/* The value variant @k puts where @orig was (caller frees). */
static char *variant_value(variant k, const char *orig)
{
    switch (k) {
    case VARIANT_APPEND:
        /* keeps paths and names plausible, so more variants parse */
        return vc_asprintf("%s%s", orig, INJECTION);
    case VARIANT_ASSIGN:
        /* a shell assignment; '=' in a leading value */
        return vc_strdup("INJ=1");
    default:
        return vc_strdup(INJECTION);
    }
}

/* What a capability set reached. */
typedef struct capset_count {
    size_t built, refused;
} capset_count;

/* What every case shares; owned by main. */
typedef struct inj_run {
    vc_capsets sets;
    capset_count *counts;       /* one per set */
    vc_build_opts opts;
    vc_qemu_config cfg;
    vc_cpu_map *cpu_map;        /* the reference corpus's, when present */
    unsigned long stride;
    size_t documents, values, variants, parse_errors, program_eq;
} inj_run;

typedef enum { CASE_SELF_CHECK, CASE_DOCUMENT, CASE_COVERAGE } case_kind;

typedef struct doc_case {
    case_kind kind;
    char *path;             /* CASE_DOCUMENT */
    size_t index;
    inj_run *run;
} doc_case;

/* Parse and build: the one place that calls vc_domain_parse and
 * vc_qemu_build.  0: built; 1: the parser refused; 2: the builder did.
 * *@npassthrough: the qemu:commandline arguments at the end. */
static int parse_and_build(const inj_run *run, const char *xml, size_t len,
                           const vc_caps *caps, vc_command *cmd,
                           size_t *npassthrough, vc_error *err)
{
    vc_domain_def *def = vc_domain_parse(xml, len, "variant.xml", vc_host_test(),
                                         VC_PARSE_INACTIVE, err);
    int stage = 0;

    if (!def)
        return 1;
    *npassthrough = def->qemu_cmdline ? def->qemu_cmdline->nargs : 0;
    if (vc_qemu_build(def, vc_host_test(), caps, &run->cfg, &run->opts, cmd, err) < 0)
        stage = 2;
    vc_domain_def_free(def);
    return stage;
}

/* One capability set: NULL when the outcome is fine, else what is
 * wrong (caller frees).  *@parsed: whether the parser took it. */
static char *run_capset(inj_run *run, size_t s, const char *xml, size_t len,
                        bool *parsed)
{
    vc_command cmd = VC_COMMAND_INIT;
    vc_error err = { 0 };
    size_t npass = 0;
    char *why = NULL;
    const vc_capset *set = &run->sets.items[s];
    capset_count *count = &run->counts[s];
    int stage = parse_and_build(run, xml, len, &set->caps, &cmd, &npass, &err);

    *parsed = stage != 1;
    if (stage == 1) {
        if (err.code != VC_EXIT_INPUT)
            why = vc_asprintf("parse error of code %d: %s", err.code, err.msg);
    } else if (stage == 2) {
        count->refused++;
        /* an internal error is a builder bug, not a refusal */
        if (err.code != VC_EXIT_BUILD)
            why = vc_asprintf("build error of code %d: %s", err.code, err.msg);
    } else {
        count->built++;
        if (cmd.nargs && strchr(cmd.args[0].text, '='))
            run->program_eq++;
        if (vc_argv_check_options(&cmd, npass, &why) == 0)
            vc_argv_check_line(&cmd, &why);
    }
    vc_command_free(&cmd);
    if (why) {
        char *full = vc_asprintf("[%s] %s", set->name, why);
        free(why);
        why = full;
    }
    return why;
}

static char *run_variant(inj_run *run, const char *xml, size_t len)
{
    run->variants++;
    for (size_t s = 0; s < run->sets.n; s++) {
        bool parsed;
        char *why = run_capset(run, s, xml, len, &parsed);

        if (why)
            return why;
        if (!parsed) {      /* the parser does not look at capabilities */
            run->parse_errors++;
            return NULL;
        }
    }
    return NULL;
}

#define MAX_REPORTED 3

static void test_document(void **state)
{
    doc_case *c = ((vc_tier_case *)*state)->data;
    inj_run *run = c->run;
    vc_xml_values *v = NULL;
    vc_error err = { 0 };
    vc_buf fails = VC_BUF_INIT;
    size_t nfail = 0, n;

    if (vc_xml_values_load(c->path, &v, &err) < 0)
        fail_msg("%s", err.msg);
    n = vc_xml_values_count(v);
    run->documents++;
    run->values += n;
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < VARIANT_LAST; k++) {
            size_t len = 0;
            char *value, *xml, *why;

            /* the offset by document spreads a stride over every kind
             * of value */
            if ((c->index + i * VARIANT_LAST + (size_t)k) % run->stride)
                continue;
            value = variant_value((variant)k, vc_xml_values_get(v, i));
            xml = vc_xml_values_with(v, i, value, &len);
            why = run_variant(run, xml, len);
            if (why && ++nfail <= MAX_REPORTED) {
                char *where = vc_xml_values_where(v, i);
                vc_buf_addf(&fails, "%s %s: %s\n", where, variant_names[k], why);
                free(where);
            }
            free(why);
            free(xml);
            free(value);
        }
    }
    vc_xml_values_free(v);
    if (nfail) {
        fprintf(stderr, "%s", vc_buf_str(&fails));
        vc_buf_free(&fails);
        fail_msg("%zu variants of %s went wrong", nfail, c->path);
    }
}

/* After the documents: the variants reached every capability set and
 * the program word with '=' (the <emulator> variants). */
static void test_coverage(void **state)
{
    inj_run *run = ((doc_case *)((vc_tier_case *)*state)->data)->run;

    for (size_t s = 0; s < run->sets.n; s++)
        if (!run->counts[s].built)
            fail_msg("no variant built against %s", run->sets.items[s].name);
    if (!run->program_eq)
        fail_msg("no variant built with '=' in the program word");
}

/* Before the documents: the checks catch a value the serializer did
 * not escape (a ',' left single gives QEMU one more key). */
static void test_self_check(void **state)
{
    vc_command cmd = VC_COMMAND_INIT;
    vc_props p = VC_PROPS_INIT;
    vc_error err = { 0 };
    char *why = NULL;
    int good, bad;

    (void)state;
    vc_command_add_arg(&cmd, "/usr/bin/qemu-system-x86_64");
    vc_props_value(&p, "e1000");
    vc_props_add(&p, "id", "net0");
    vc_props_add(&p, "romfile", "/x,inj=1");
    if (vc_command_add_props(&cmd, "-device", VC_SYNTAX_OPTS, "driver", &p, &err) < 0)
        fail_msg("%s", err.msg);
    good = vc_argv_check_options(&cmd, 0, &why);
    free(why);
    /* what an unescaped serializer would have written */
    free(cmd.args[cmd.nargs - 1].text);
    cmd.args[cmd.nargs - 1].text = vc_strdup("e1000,id=net0,romfile=/x,inj=1");
    bad = vc_argv_check_options(&cmd, 0, &why);
    if (bad == 0 || !why || !strstr(why, "inj=\"1\"")) {
        fprintf(stderr, "unescaped value: %s\n", why ? why : "accepted");
        bad = 0;
    }
    free(why);
    vc_command_free(&cmd);
    assert_int_equal(good, 0);
    assert_int_equal(bad, -1);
}

static void case_dispatch(void **state)
{
    doc_case *c = ((vc_tier_case *)*state)->data;

    switch (c->kind) {
    case CASE_SELF_CHECK:
        test_self_check(state);
        break;
    case CASE_DOCUMENT:
        test_document(state);
        break;
    default:
        test_coverage(state);
        break;
    }
}

static doc_case *doc_case_new(case_kind kind, inj_run *run)
{
    doc_case *c = VC_NEW(doc_case);
    c->kind = kind;
    c->run = run;
    return c;
}

static void doc_case_free(void *p)
{
    doc_case *c = p;
    free(c->path);
    free(c);
}

/* Every NAME.xml of @dir as a case "LABEL/NAME". */
static int add_documents(vc_tier *tier, inj_run *run, const char *dir, const char *label)
{
    vc_strlist names = { 0 };
    vc_error err = { 0 };

    if (vc_corpus_list(dir, ".xml", &names, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    for (size_t i = 0; i < names.n; i++) {
        doc_case *c = doc_case_new(CASE_DOCUMENT, run);
        char *name = vc_asprintf("%s/%s", label, names.items[i]);

        c->path = vc_asprintf("%s/%s.xml", dir, names.items[i]);
        c->index = tier->n;
        vc_tier_add(tier, name, c);
        free(name);
    }
    vc_strlist_free(&names);
    return 0;
}

/* tests/injection/NAME.caps and NAME.qemu. */
static int load_capsets(inj_run *run, vc_error *err)
{
    const char *src = vc_corpus_srcdir();
    char *dir = vc_asprintf("%s/tests/injection", src);
    int ret = vc_capsets_load(&run->sets, dir, src, err);

    free(dir);
    if (ret == 0)
        run->counts = vc_calloc(run->sets.n, sizeof(*run->counts));
    return ret;
}

static void run_init(inj_run *run)
{
    const char *stride = getenv("VC_INJECTION_STRIDE");

    memset(run, 0, sizeof(*run));
    vc_build_opts_init(&run->opts);
    vc_qemu_config_init(&run->cfg);
    vc_qemu_config_test_profile(&run->cfg);
    vc_qemu_config_finish(&run->cfg);
    run->stride = stride ? strtoul(stride, NULL, 10) : 1;
    if (run->stride == 0)
        run->stride = 1;
}

static void run_free(inj_run *run)
{
    vc_capsets_free(&run->sets);
    free(run->counts);
    vc_qemu_config_free(&run->cfg);
    vc_cpu_map_free(run->cpu_map);
}

static void print_note(const inj_run *run)
{
    printf("note: injection: %zu variants of %zu values in %zu documents (one in %lu), "
           "%zu refused by the parser;", run->variants, run->values, run->documents,
           run->stride, run->parse_errors);
    for (size_t s = 0; s < run->sets.n; s++)
        printf(" %s: %zu built, %zu refused;", run->sets.items[s].name,
               run->counts[s].built, run->counts[s].refused);
    printf(" %zu built with '=' in the program word\n", run->program_eq);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    static const vc_test_knob knobs[] = {
        { "VC_INJECTION_STRIDE=N", "run one variant in N (default 1)" },
        { NULL, NULL },
    };
    vc_test_args(argc, argv, knobs);
    return run_tiers();
}

static int run_tiers(void)
{
    const char *src = vc_corpus_srcdir();
    static const char *const dirs[][2] = {
        { "xml2argvdata", "xml2argvdata" }, { "tests/xml2xmldata", "xml2xmldata" },
        { "tests/cli", "cli" }, { "tests/schemadata/valid", "schemadata" },
    };
    vc_tier tier = { .name = "injection" };
    vc_error err = { 0 };
    inj_run run;
    char *ref = vc_corpus_refdir();
    int failed = 0;

    run_init(&run);
    vc_tier_add(&tier, "self-check", doc_case_new(CASE_SELF_CHECK, &run));
    if (load_capsets(&run, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        failed = 1;
    }
    for (size_t i = 0; !failed && i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        char *dir = vc_asprintf("%s/%s", src, dirs[i][0]);
        failed = add_documents(&tier, &run, dir, dirs[i][1]) < 0;
        free(dir);
    }
    if (!failed && ref) {
        char *dir = vc_asprintf("%s/xml2argv", ref);
        char *map = vc_asprintf("%s/cpu_map.xml", ref);

        /* CPU models are built only with a map; the reference has one */
        if (!(run.cpu_map = vc_cpu_map_load(map, &err))) {
            fprintf(stderr, "%s\n", err.msg);
            failed = 1;
        }
        run.opts.cpu_map = run.cpu_map;
        failed = failed || add_documents(&tier, &run, dir, "reference") < 0;
        free(map);
        free(dir);
    }
    if (failed) {
        printf("injection: 0 passed, 1 failed\n");
    } else {
        vc_tier_add(&tier, "coverage", doc_case_new(CASE_COVERAGE, &run));
        failed = vc_tier_run(&tier, case_dispatch);
        print_note(&run);
    }
    vc_tier_free(&tier, doc_case_free);
    run_free(&run);
    free(ref);
    xmlCleanupParser();
    return failed ? 1 : 0;
}
