/* test_argv_validity.c: command lines held against what the QEMU they
 * are built for says it takes.
 *
 * Tier "argv-validity": every project domain (xml2argvdata/NAME.xml),
 * and the reference corpus's (when it is there), is built, on the test
 * host, against every recording of qemuhelpdata/
 * that has a device listing (NAME.device, read when the help has
 * -device).  A refusal ("unsupported configuration", exit code 1) is a
 * fine outcome; a command line must only use what the recording
 * describes:
 *   - every option is one its -help lists (-M is -machine's short form),
 *     where the help is whole (a hand-written fixture holds a few lines);
 *   - a -device names a listed device (or alias) and, where the
 *     recording holds the device's property listing, sets only listed
 *     properties (id and bus are QEMU's own, for every device);
 *   - a -global DRIVER.PROP names a property listed for DRIVER;
 *   - an -object type is one whose properties are recorded, and sets
 *     only those;
 *   - a -machine type is one the machine listing names, where there is
 *     one.
 * Options are split as QEMU 7.2 splits them (harness/qemu_opts.h), and
 * the listing is read as the detector reads it (vc_caps_read_listing).
 * This is the project's counterpart of libvirt validating its command
 * line against QEMU's schema.
 */
#include "corpus.h"
#include "qemu_opts.h"
#include "tier.h"
#include "caps/caps.h"
#include "conf/domain.h"
#include "qemu/build.h"
#include "util/alloc.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

typedef struct recording {
    char *name;
    char *help;                 /* NUL-terminated */
    /* The help lists its options whole (it names -h itself, as every
     * QEMU's does): hand-written fixtures hold a few lines only, and
     * their options are not checked. */
    bool whole_help;
    vc_caps caps;
    vc_caps_listing listing;
    size_t built, refused;
} recording;

typedef struct run {
    recording *recs;
    size_t nrecs;
    vc_build_opts opts;
    vc_qemu_config cfg;
    vc_cpu_map *cpu_map;        /* the reference corpus's, when present */
    size_t built, refused, options, devices, properties;
} run;

typedef struct check_case {
    char *xml;                  /* path */
    recording *rec;
    run *run;
} check_case;

/* Whether @help has a line that starts with option @name. */
static bool help_has_option(const char *help, const char *name)
{
    size_t n = strlen(name);

    for (const char *line = help; line; line = strchr(line, '\n')) {
        if (*line == '\n')
            line++;
        if (strncmp(line, name, n) == 0 && strchr(" [\t\n", line[n] ? line[n] : '\n'))
            return true;
    }
    return false;
}

/* The value of @key in a reading (QEMU puts the id first), or NULL. */
static const char *kv_get(const vc_qkvs *kvs, const char *key)
{
    for (size_t i = 0; i < kvs->n; i++)
        if (strcmp(kvs->items[i].key, key) == 0)
            return kvs->items[i].value;
    return NULL;
}

static bool has(const vc_strlist *l, const char *s)
{
    return vc_strlist_has_sorted(l, s);
}

/* The device an alias stands for, else @name (caller frees). */
static char *canonical_device(const vc_caps_listing *l, const char *name)
{
    char *key = vc_asprintf("%s=", name);

    for (size_t i = 0; i < l->alias_map.n; i++) {
        if (strncmp(l->alias_map.items[i], key, strlen(key)) == 0) {
            char *c = vc_strdup(l->alias_map.items[i] + strlen(key));
            free(key);
            return c;
        }
    }
    free(key);
    return vc_strdup(name);
}

/* Whether the listing holds any property of @type. */
static bool has_section(const vc_caps_listing *l, const char *type)
{
    size_t n = strlen(type);

    for (size_t i = 0; i < l->props.n; i++)
        if (strncmp(l->props.items[i], type, n) == 0 && l->props.items[i][n] == '.')
            return true;
    return false;
}

/* Each key of @kvs but @skip (NULL-terminated) must be a property of
 * @type. */
static char *check_props(run *r, const vc_caps_listing *l, const char *type,
                         const vc_qkvs *kvs, const char *const *skip)
{
    for (size_t i = 0; i < kvs->n; i++) {
        const char *key = kvs->items[i].key;
        bool skipped = false;
        char *prop;

        for (size_t k = 0; skip[k]; k++)
            skipped = skipped || strcmp(key, skip[k]) == 0;
        if (skipped)
            continue;
        prop = vc_asprintf("%s.%s", type, key);
        r->properties++;
        if (!has(&l->props, prop)) {
            free(prop);
            return vc_asprintf("property '%s' is not listed for '%s'", key, type);
        }
        free(prop);
    }
    return NULL;
}

static char *check_device(run *r, const vc_caps_listing *l, const vc_qkvs *kvs)
{
    static const char *const generic[] = { "driver", "id", "bus", NULL };
    const char *driver = kv_get(kvs, "driver");
    char *type, *why = NULL;

    if (!driver)
        return vc_strdup("no driver");
    r->devices++;
    if (!has(&l->devices, driver) && !has(&l->aliases, driver))
        return vc_asprintf("device '%s' is not listed", driver);
    type = canonical_device(l, driver);
    /* a recording without the device's properties says nothing of them */
    if (has_section(l, type))
        why = check_props(r, l, type, kvs, generic);
    free(type);
    return why;
}

static char *check_object(run *r, const vc_caps_listing *l, const vc_qkvs *kvs)
{
    static const char *const generic[] = { "qom-type", "id", NULL };
    const char *type = kv_get(kvs, "qom-type");

    if (!type || !has_section(l, type))
        return vc_asprintf("object type '%s' has no recorded properties",
                           type ? type : "");
    return check_props(r, l, type, kvs, generic);
}

static char *check_global(run *r, const vc_caps_listing *l, const vc_qkvs *kvs)
{
    for (size_t i = 0; i < kvs->n; i++) {
        r->properties++;
        if (!has(&l->props, kvs->items[i].key))
            return vc_asprintf("property '%s' is not listed", kvs->items[i].key);
    }
    return NULL;
}

static char *check_machine(const vc_caps_listing *l, const vc_qkvs *kvs)
{
    for (size_t i = 0; l->machines.n && i < kvs->n; i++) {
        const char *type = kvs->items[i].value;
        char *alias;
        bool found;

        if (strcmp(kvs->items[i].key, "type") != 0)
            continue;
        alias = vc_asprintf("%s=", type);
        found = has(&l->machines, type);
        for (size_t m = 0; !found && m < l->machines.n; m++)
            found = strncmp(l->machines.items[m], alias, strlen(alias)) == 0;
        free(alias);
        if (!found)
            return vc_asprintf("machine type '%s' is not listed", type);
    }
    return NULL;
}

/* One option and its value: NULL, or what is wrong (caller frees). */
static char *check_option(run *r, const recording *rec, const vc_qm_option *opt,
                          const char *value)
{
    const char *help_name = strcmp(opt->name, "-M") == 0 ? "-machine" : opt->name;
    vc_qkvs kvs = { 0 };
    char *why = NULL, *qwhy = NULL;

    r->options++;
    if (rec->whole_help && !help_has_option(rec->help, help_name))
        return vc_strdup("the option is not in the recording's -help");
    if (!value)
        return NULL;
    if (vc_qm_read(opt, value, &kvs, &qwhy) < 0) {
        why = vc_asprintf("QEMU refuses the value (%s)", qwhy);
    } else if (!strcmp(opt->name, "-device")) {
        why = check_device(r, &rec->listing, &kvs);
    } else if (!strcmp(opt->name, "-object")) {
        why = check_object(r, &rec->listing, &kvs);
    } else if (!strcmp(opt->name, "-global")) {
        why = check_global(r, &rec->listing, &kvs);
    } else if (!strcmp(opt->name, "-machine") || !strcmp(opt->name, "-M")) {
        why = check_machine(&rec->listing, &kvs);
    }
    free(qwhy);
    vc_qkvs_free(&kvs);
    return why;
}

static char *check_command(run *r, const recording *rec, const vc_command *cmd,
                           size_t npassthrough)
{
    size_t end = cmd->nargs >= npassthrough ? cmd->nargs - npassthrough : 0;

    for (size_t i = 1; i < end; i++) {
        const char *name = cmd->args[i].text;
        const vc_qm_option *opt = vc_qm_find(name);
        const char *value = NULL;
        char *why;

        if (!opt)
            return vc_asprintf("%s: an option the QEMU model does not know", name);
        if (opt->syntax != VC_QM_SWITCH && i + 1 < end)
            value = cmd->args[++i].text;
        if ((why = check_option(r, rec, opt, value))) {
            char *full = value ? vc_asprintf("%s %s: %s", name, value, why)
                               : vc_asprintf("%s: %s", name, why);
            free(why);
            return full;
        }
    }
    return NULL;
}

static void test_case(void **state)
{
    vc_tier_case *tc = *state;
    check_case *c = tc->data;
    run *r = c->run;
    vc_error err = { 0 };
    vc_command cmd = VC_COMMAND_INIT;
    vc_domain_def *def = NULL;
    char *xml = NULL, *why = NULL;
    size_t len = 0, npass = 0;

    if (vc_file_read(c->xml, VC_FILE_MAX_DEFAULT, &xml, &len, &err) < 0) {
        why = vc_strdup(err.msg);
        goto done;
    }
    /* a domain the parser refuses is the parser tiers' business */
    if (!(def = vc_domain_parse(xml, len, c->xml, vc_host_test(), VC_PARSE_INACTIVE,
                                &err)))
        goto done;
    npass = def->qemu_cmdline ? def->qemu_cmdline->nargs : 0;
    if (vc_qemu_build(def, vc_host_test(), &c->rec->caps, &r->cfg, &r->opts, &cmd,
                      &err) < 0) {
        r->refused++;
        c->rec->refused++;
        if (err.code != VC_EXIT_BUILD)
            why = vc_asprintf("build error of code %d: %s", err.code, err.msg);
        goto done;
    }
    r->built++;
    c->rec->built++;
    why = check_command(r, c->rec, &cmd, npass);

 done:
    if (why)
        printf("%s: %s\n", tc->name, why);
    vc_command_free(&cmd);
    vc_domain_def_free(def);
    free(xml);
    assert_null(why);
}

static void recording_free(recording *rec)
{
    free(rec->name);
    free(rec->help);
    vc_caps_listing_free(&rec->listing);
}

/* Every recording with a device listing the detector reads. */
static int load_recordings(run *r, const char *src, vc_error *err)
{
    char *dir = vc_asprintf("%s/qemuhelpdata", src);
    vc_strlist names = { 0 };
    int ret = -1;

    if (vc_corpus_list(dir, ".device", &names, err) < 0)
        goto cleanup;
    r->recs = vc_calloc(names.n, sizeof(*r->recs));
    for (size_t i = 0; i < names.n; i++) {
        recording *rec = &r->recs[r->nrecs];
        char *help = vc_asprintf("%s/%s.help", dir, names.items[i]);
        char *dev = vc_asprintf("%s/%s.device", dir, names.items[i]);
        char *text = NULL;
        size_t len = 0, hlen = 0;
        int rc;

        vc_caps_init(&rec->caps);
        rc = vc_caps_from_files(&rec->caps, help, dev, err);
        if (rc == 0)
            rc = vc_file_read(help, VC_FILE_MAX_DEFAULT, &rec->help, &hlen, err);
        if (rc == 0)
            rc = vc_file_read(dev, VC_FILE_MAX_DEFAULT, &text, &len, err);
        if (rc == 0)
            rc = vc_caps_read_listing(text, len, dev, &rec->listing, err);
        rec->whole_help = rc == 0 && help_has_option(rec->help, "-h");
        free(text);
        free(help);
        free(dev);
        rec->name = vc_strdup(names.items[i]);
        r->nrecs++;
        if (rc < 0)
            goto cleanup;
        /* the detector reads a listing only with -device */
        if (!vc_caps_has(&rec->caps, VC_CAP_DEVICE_LISTING)) {
            recording_free(rec);
            r->nrecs--;
        }
    }
    ret = 0;

 cleanup:
    vc_strlist_free(&names);
    free(dir);
    return ret;
}

/* A case for each document of @docs in @dir against each recording. */
static void add_cases(vc_tier *tier, run *r, const char *dir, const char *prefix,
                      const vc_strlist *docs)
{
    for (size_t d = 0; d < docs->n; d++) {
        for (size_t i = 0; i < r->nrecs; i++) {
            check_case *c = vc_calloc(1, sizeof(*c));
            char *name = vc_asprintf("%s%s@%s", prefix, docs->items[d], r->recs[i].name);

            c->xml = vc_asprintf("%s/%s.xml", dir, docs->items[d]);
            c->rec = &r->recs[i];
            c->run = r;
            vc_tier_add(tier, name, c);
            free(name);
        }
    }
}

/* The reference corpus's domains too, which stand for documents the
 * project has not seen (with its CPU map, as they need one). */
static int add_reference(vc_tier *tier, run *r, const char *ref, vc_error *err)
{
    char *dir = vc_asprintf("%s/xml2argv", ref);
    char *map = vc_asprintf("%s/cpu_map.xml", ref);
    vc_strlist docs = { 0 };
    int ret = -1;

    if (!(r->cpu_map = vc_cpu_map_load(map, err)) ||
        vc_corpus_list(dir, ".xml", &docs, err) < 0)
        goto cleanup;
    r->opts.cpu_map = r->cpu_map;
    add_cases(tier, r, dir, "reference/", &docs);
    ret = 0;

 cleanup:
    vc_strlist_free(&docs);
    free(map);
    free(dir);
    return ret;
}

static void case_free(void *p)
{
    check_case *c = p;

    free(c->xml);
    free(c);
}

int main(void)
{
    const char *src = vc_corpus_srcdir();
    char *dir = vc_asprintf("%s/xml2argvdata", src);
    vc_tier tier = { .name = "argv-validity" };
    vc_strlist docs = { 0 };
    vc_error err = { 0 };
    run r = { 0 };
    char *ref = vc_corpus_refdir();
    int failed = 0;

    vc_build_opts_init(&r.opts);
    vc_qemu_config_init(&r.cfg);
    vc_qemu_config_test_profile(&r.cfg);
    vc_qemu_config_finish(&r.cfg);
    if (load_recordings(&r, src, &err) < 0 ||
        vc_corpus_list(dir, ".xml", &docs, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        printf("argv-validity: 0 passed, 1 failed\n");
        failed = 1;
    } else if (r.nrecs == 0) {
        printf("argv-validity: 0 passed, 1 failed\n");
        fprintf(stderr, "no recording with a device listing in qemuhelpdata/\n");
        failed = 1;
    } else {
        add_cases(&tier, &r, dir, "", &docs);
        if (ref && (failed = add_reference(&tier, &r, ref, &err)) != 0) {
            fprintf(stderr, "%s\n", err.msg);
            printf("argv-validity: 0 passed, 1 failed\n");
        } else {
            failed = vc_tier_run(&tier, test_case) != 0;
        }
        printf("note: argv-validity: %zu recordings, %zu command lines checked "
               "(%zu options, %zu devices, %zu properties), %zu refused\n",
               r.nrecs, r.built, r.options, r.devices, r.properties, r.refused);
        for (size_t i = 0; i < r.nrecs; i++)
            printf("note: argv-validity: %s: %zu built, %zu refused\n", r.recs[i].name,
                   r.recs[i].built, r.recs[i].refused);
    }
    vc_tier_free(&tier, case_free);
    for (size_t i = 0; i < r.nrecs; i++)
        recording_free(&r.recs[i]);
    free(r.recs);
    vc_strlist_free(&docs);
    vc_qemu_config_free(&r.cfg);
    vc_cpu_map_free(r.cpu_map);
    free(ref);
    free(dir);
    xmlCleanupParser();
    return failed;
}
