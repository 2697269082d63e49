/* fuzz_domain.c: the domain target.
 *
 * Bytes are read as domain XML on the test host, once as a live
 * definition and once as an inactive one (as `virtconform argv` reads
 * it).  Each reading either is refused with an input error (exit code
 * 2) or formats to text that parses again and formats to the same text
 * (a fixed point after one round trip); an input error names no libxml2
 * option.  The inactive definition is
 * then built against every capability set of tests/injection/ (the
 * -net era, the -device/-netdev era, the Debian 7.2 recording) over the
 * fake kernel's "current" host, and once more against one set in one
 * scenario of mock/scenarios/ picked by the input's hash, so the
 * host-networking code meets a kernel that refuses: see build_check.h
 * for what every build must satisfy.
 */
#include "fuzz.h"
#include "build_check.h"
#include "capsets.h"
#include "corpus.h"
#include "conf/domain.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Set up once per process (LLVMFuzzerInitialize), read by every input. */
static vc_capsets capsets;
static vc_strlist scenarios;
static vc_qemu_config config;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *src = vc_fuzz_srcdir();
    char *sets_dir = vc_asprintf("%s/tests/injection", src);
    char *scen_dir = vc_asprintf("%s/mock/scenarios", src);
    vc_error err = { 0 };

    (void)argc;
    (void)argv;
    if (vc_capsets_load(&capsets, sets_dir, src, &err) < 0 ||
        vc_corpus_list(scen_dir, ".scenario", &scenarios, &err) < 0) {
        fprintf(stderr, "fuzz-domain: %s (set VC_SRCDIR to the source tree)\n", err.msg);
        exit(1);
    }
    vc_qemu_config_init(&config);
    vc_qemu_config_test_profile(&config);
    vc_qemu_config_finish(&config);
    free(sets_dir);
    free(scen_dir);
    return 0;
}

static vc_domain_def *parse(const void *data, size_t size, const char *name,
                            unsigned flags, vc_error *err)
{
    return vc_domain_parse(data, size, name, vc_host_test(), flags, err);
}

/* The reading as @flags: false when the parser refuses the input. */
static bool round_trip(const uint8_t *data, size_t size, unsigned flags, const char *mode)
{
    vc_error err = { 0 };
    vc_domain_def *def = parse(data, size, "input.xml", flags, &err), *again;
    char *first, *second, *what;

    if (!def) {
        what = vc_asprintf("%s parse", mode);
        vc_fuzz_expect_error(what, &err, VC_EXIT_INPUT);
        /* no user can set libxml2's options: a message must not advise
         * one (unless it quotes the input) */
        if (strstr(err.msg, "XML_PARSE_") && !memmem(data, size, "XML_PARSE_", 10))
            vc_fuzz_fail("%s: the error names a libxml2 parser option: \"%s\"", what,
                         err.msg);
        free(what);
        return false;
    }
    first = vc_domain_format(def);
    if (!(again = parse(first, strlen(first), "formatted.xml", flags, &err)))
        vc_fuzz_fail("%s: the formatted definition does not parse: %s\n%s", mode,
                     err.msg, first);
    second = vc_domain_format(again);
    what = vc_asprintf("%s round trip: the formatted definition, parsed and "
                       "formatted again", mode);
    vc_fuzz_expect_same(what, first, second);
    free(what);
    free(second);
    free(first);
    vc_domain_def_free(again);
    vc_domain_def_free(def);
    return true;
}

static void build(const uint8_t *data, size_t size, const vc_capset *set,
                  const char *scenario)
{
    vc_error err = { 0 };
    vc_domain_def *def = parse(data, size, "input.xml", VC_PARSE_INACTIVE, &err);
    char *what = vc_asprintf("build for %s over the '%s' kernel", set->name, scenario);

    if (!def)
        vc_fuzz_fail("%s: the input parsed once and not again: %s", what, err.msg);
    vc_fuzz_build_check(def, &set->caps, &config, scenario, what);
    vc_domain_def_free(def);
    free(what);
}

/* FNV-1a: which extra set and scenario an input gets. */
static size_t input_hash(const uint8_t *data, size_t size)
{
    uint64_t h = 14695981039346656037ull;

    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 1099511628211ull;
    return (size_t)(h >> 7);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t h = input_hash(data, size);

    round_trip(data, size, VC_PARSE_ACTIVE, "live");
    if (!round_trip(data, size, VC_PARSE_INACTIVE, "inactive"))
        return 0;
    for (size_t i = 0; i < capsets.n; i++)
        build(data, size, &capsets.items[i], "current");
    build(data, size, &capsets.items[h % capsets.n], scenarios.items[h % scenarios.n]);
    return 0;
}
