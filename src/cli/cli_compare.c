/* cli_compare.c: virtconform compare [--add=CAP]... [--remove=CAP]...
 *                    [--corpus=PATH]... OLD [NEW]
 *
 * The backport question: with these capabilities instead of those,
 * which command lines change?  Every domain of the corpus is built
 * against both sets as `argv --profile=test` builds it; first the
 * capabilities gained and lost, and which of them no build asked about
 * (the builder notes each question in a vc_build_usage: a capability
 * nobody asked about cannot have changed a line), then each domain:
 * unchanged, changed (the arguments that differ), or outcome changed
 * (built <-> refused); the counts end it, on stderr.  Exit 1 when a
 * domain changed. */
#include "cli/cli.h"
#include "cli/cli_diff.h"
#include "qemu/build.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage_line[] =
    "usage: virtconform compare [--add=CAP]... [--remove=CAP]... [--corpus=PATH]... "
    "OLD [NEW]";

enum { OPT_ADD = 1000, OPT_REMOVE, OPT_CORPUS, OPT_HELP };

static const struct option options[] = {
    { "add", required_argument, NULL, OPT_ADD },
    { "remove", required_argument, NULL, OPT_REMOVE },
    { "corpus", required_argument, NULL, OPT_CORPUS },
    { "help", no_argument, NULL, OPT_HELP },
    { NULL, 0, NULL, 0 },
};

typedef struct compare_counts {
    size_t unchanged, changed, outcome;
} compare_counts;

/* The entries of NUL-separated list @a (vc_caps' devices and machines)
 * that @b lacks, each as "KIND:ENTRY" (a machine alias stays
 * "NAME=TARGET": one retargeted shows as lost and gained) */
static void names_only_in(const char *a, size_t alen, const char *b, size_t blen,
                          const char *kind, vc_strlist *out)
{
    for (const char *p = a; p < a + alen; p += strlen(p) + 1) {
        bool found = false;

        for (const char *q = b; q < b + blen && !found; q += strlen(q) + 1)
            found = strcmp(p, q) == 0;
        if (!found)
            vc_strlist_take(out, vc_asprintf("%s:%s", kind, p));
    }
}

/* what @b has and @a lacks: flags by name, then device and machine types */
static void caps_only_in(const vc_caps *a, const vc_caps *b, vc_strlist *out)
{
    for (int f = 0; f < VC_CAP_LAST; f++)
        if (vc_caps_has(b, (vc_cap)f) && !vc_caps_has(a, (vc_cap)f))
            vc_strlist_add(out, vc_cap_name((vc_cap)f));
    names_only_in(b->devices, b->devices_len, a->devices, a->devices_len, "device", out);
    names_only_in(b->machines, b->machines_len, a->machines, a->machines_len, "machine", out);
}

static bool was_read(const vc_build_usage *u, const char *name)
{
    int flag;

    if (strncmp(name, "device:", 7) == 0)
        return vc_strlist_has(&u->devices, name + 7);
    if (strncmp(name, "machine:", 8) == 0) {
        char *machine = vc_asprintf("%.*s", (int)strcspn(name + 8, "="), name + 8);
        bool read = vc_strlist_has(&u->machines, machine);

        free(machine);
        return read;
    }
    flag = vc_cap_from_name(name);
    return flag >= 0 && vc_build_usage_has_flag(u, (vc_cap)flag);
}

static void print_list(const char *what, const vc_strlist *l)
{
    printf("%s (%zu):", what, l->n);
    for (size_t i = 0; i < l->n; i++)
        printf(" %s", l->items[i]);
    printf("%s\n", l->n ? "" : " none");
}

static void print_caps(const vc_caps *old, const vc_caps *new, const vc_build_usage *u)
{
    vc_strlist gained = { 0 }, lost = { 0 }, unread = { 0 };

    if (old->version != new->version)
        printf("version: %lu -> %lu\n", old->version, new->version);
    caps_only_in(old, new, &gained);
    caps_only_in(new, old, &lost);
    for (size_t i = 0; i < gained.n + lost.n; i++) {
        const char *name = i < gained.n ? gained.items[i] : lost.items[i - gained.n];
        if (!was_read(u, name))
            vc_strlist_add(&unread, name);
    }
    print_list("capabilities gained", &gained);
    print_list("capabilities lost", &lost);
    print_list("read by no builder rule over this corpus", &unread);
    vc_strlist_free(&gained);
    vc_strlist_free(&lost);
    vc_strlist_free(&unread);
}

/* One domain's verdict into @out. */
static void judge(const char *xml, const vc_cli_outcome *a, const vc_cli_outcome *b,
                  compare_counts *n, vc_buf *out)
{
    if (a->built != b->built) {
        n->outcome++;
        vc_buf_addf(out, "%s: outcome changed: %s\n", xml, a->built
                    ? "built -> refused" : "refused -> built");
        vc_buf_addf(out, "%c %s\n", a->built ? '+' : '-', a->built ? b->reason : a->reason);
        return;
    }
    if (a->built) {
        vc_buf d = VC_BUF_INIT;

        vc_cli_diff(&a->lines, &b->lines, &d);
        if (d.len) {
            n->changed++;
            vc_buf_addf(out, "%s: changed\n%s", xml, d.s);
        } else {
            n->unchanged++;
            vc_buf_addf(out, "%s: unchanged\n", xml);
        }
        vc_buf_free(&d);
    } else if (strcmp(a->reason, b->reason) != 0) {
        n->changed++;
        vc_buf_addf(out, "%s: changed (refused)\n- %s\n+ %s\n", xml, a->reason, b->reason);
    } else {
        n->unchanged++;
        vc_buf_addf(out, "%s: unchanged (refused)\n", xml);
    }
}

static int run(const vc_strlist *corpus, const vc_caps *old, const vc_caps *new)
{
    vc_strlist files = { 0 };
    vc_build_usage usage = { 0 };
    compare_counts n = { 0 };
    vc_buf out = VC_BUF_INIT;
    int ret;

    if ((ret = vc_cli_corpus_list(corpus, "xml2argvdata", &files)) != 0)
        goto cleanup;
    for (size_t i = 0; i < files.n; i++) {
        vc_cli_outcome a, b;

        vc_cli_progress("compare", i, files.n);
        ret = vc_cli_build_case(files.items[i], old, &usage, &a);
        if (ret == 0)
            ret = vc_cli_build_case(files.items[i], new, &usage, &b);
        else
            memset(&b, 0, sizeof(b));
        if (ret == 0)
            judge(files.items[i], &a, &b, &n, &out);
        vc_cli_outcome_free(&a);
        vc_cli_outcome_free(&b);
        if (ret != 0)
            goto cleanup;
    }
    vc_cli_progress("compare", files.n, files.n);
    print_caps(old, new, &usage);
    if (out.len)
        fputs(out.s, stdout);
    /* the verdict on stderr, one line, as an error would be: the report
     * on stdout stays the report */
    fflush(stdout);
    fprintf(stderr, "virtconform: compare: %zu domains: %zu unchanged, %zu changed, "
            "%zu outcome changed\n", files.n, n.unchanged, n.changed, n.outcome);
    ret = n.changed || n.outcome ? VC_EXIT_BUILD : VC_EXIT_OK;

 cleanup:
    vc_buf_free(&out);
    vc_build_usage_free(&usage);
    vc_strlist_free(&files);
    return ret;
}

/* The names --add and --remove take, as the report writes them: a flag,
 * or "device:NAME" / "machine:NAME" (a machine alias "machine:A=B") for
 * an entry of the listings. */
static int edit_one(vc_caps *caps, const char *name, bool add)
{
    int flag = vc_cap_from_name(name);
    const char *type = NULL;
    bool device = strncmp(name, "device:", 7) == 0;

    if (flag >= 0) {
        if (add)
            vc_caps_set(caps, (vc_cap)flag);
        else
            vc_caps_clear(caps, (vc_cap)flag);
        return VC_EXIT_OK;
    }
    if (device || strncmp(name, "machine:", 8) == 0)
        type = strchr(name, ':') + 1;
    if (!type || !*type || *type == '=' || (device && strchr(type, '=')))
        return vc_cli_fail(VC_EXIT_USAGE, "compare: --%s: unknown capability '%s' (a flag "
                           "of caps_table.h, device:NAME or machine:NAME)",
                           add ? "add" : "remove", name);
    if (!add) {
        (device ? vc_caps_remove_device : vc_caps_remove_machine)(caps, type);
        return VC_EXIT_OK;
    }
    if (device ? vc_caps_has_device(caps, type) : vc_caps_has_machine(caps, type))
        return VC_EXIT_OK;
    if ((device ? vc_caps_add_device : vc_caps_add_machine)(caps, type, strlen(type)) < 0)
        return vc_cli_fail(VC_EXIT_USAGE, "compare: --add: no room for '%s' in the "
                           "listing", name);
    return VC_EXIT_OK;
}

static int edit_caps(vc_caps *caps, const vc_strlist *names, bool add)
{
    int ret = VC_EXIT_OK;

    for (size_t i = 0; i < names->n && ret == 0; i++)
        ret = edit_one(caps, names->items[i], add);
    return ret;
}

int vc_cli_compare(int argc, char **argv)
{
    vc_strlist add = { 0 }, remove = { 0 }, corpus = { 0 };
    vc_cli_recording old = { 0 }, new = { 0 };
    int c, ret = VC_EXIT_USAGE;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
        if (c != OPT_HELP && c != '?' && !*optarg) {
            vc_cli_fail(VC_EXIT_USAGE, "compare: %s needs a value", argv[optind - 1]);
            goto cleanup;
        }
        switch (c) {
        case OPT_ADD: vc_strlist_add(&add, optarg); break;
        case OPT_REMOVE: vc_strlist_add(&remove, optarg); break;
        case OPT_CORPUS: vc_strlist_add(&corpus, optarg); break;
        case OPT_HELP:
            printf("%s\n", usage_line);
            ret = VC_EXIT_OK;
            goto cleanup;
        default:
            vc_cli_fail(VC_EXIT_USAGE, "compare: bad option '%s'; %s", argv[optind - 1],
                        usage_line);
            goto cleanup;
        }
    }
    if (argc - optind < 1 || argc - optind > 2 ||
        (argc - optind == 1 && !add.n && !remove.n)) {
        vc_cli_fail(VC_EXIT_USAGE, "compare: give OLD and NEW recordings, or OLD with "
                    "--add or --remove; %s", usage_line);
        goto cleanup;
    }
    /* a misspelt name is a usage error, whatever the recordings hold */
    if ((ret = edit_caps(&old.caps, &add, true)) != 0 ||
        (ret = edit_caps(&old.caps, &remove, false)) != 0 ||
        (ret = vc_cli_recording_load(argv[optind], &old)) != 0 ||
        (ret = vc_cli_recording_load(argv[argc - 1], &new)) != 0 ||
        (ret = edit_caps(&new.caps, &add, true)) != 0 ||
        (ret = edit_caps(&new.caps, &remove, false)) != 0)
        goto cleanup;
    ret = run(&corpus, &old.caps, &new.caps);

 cleanup:
    vc_cli_recording_free(&old);
    vc_cli_recording_free(&new);
    vc_strlist_free(&add);
    vc_strlist_free(&remove);
    vc_strlist_free(&corpus);
    return ret;
}
