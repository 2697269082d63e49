/* test_vocabulary.c: the parser's vocabulary (src/conf/vocabulary.h)
 * is kept true both ways.
 *
 * Tier "vocabulary":
 *   - table: every path is well formed, every value has what its kind
 *     needs, every attribute is named once an entry;
 *   - seed-N: each seed document (harness/vocab_doc.h) is accepted, the
 *     parser reads every element and attribute in it, and each is in
 *     the table;
 *   - seeds-cover-table: together the seeds had the parser read every
 *     entry and attribute of the table;
 *   - dictionary: the fuzzer's dictionary names the table's words;
 *   - one case per document of the project's corpus (xml2argvdata,
 *     tests/xml2xmldata, tests/schemadata/valid, tests/domainerrors),
 *     live and inactive: whatever the parser reads is in the table.
 * Tier "vocabulary-reference": the same for every xml2argv and xml2xml
 *   document of the reference corpus (skipped without it).
 */
#include "corpus.h"
#include "test_args.h"
#include "tier.h"
#include "vocab_doc.h"
#include "conf/domain.h"
#include "conf/vocabulary.h"
#include "util/alloc.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { CASE_TABLE, CASE_SEED, CASE_COVER, CASE_DICT, CASE_DOC } case_kind;

typedef struct voc_case {
    case_kind kind;
    unsigned seed;              /* CASE_SEED */
    char *path;                 /* CASE_DOC */
    vc_vocab_report *shared;    /* the seeds' report (borrowed) */
} voc_case;

static void voc_case_free(void *p)
{
    voc_case *c = p;
    free(c->path);
    free(c);
}

static int print_list(const char *what, const vc_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        fprintf(stderr, "%s: %s\n", what, l->items[i]);
    return l->n ? -1 : 0;
}

/* A value has what its kind needs. */
static int check_value(const char *where, const vc_vocab_value *v, bool text)
{
    const char *why = NULL;

    if (v->kind >= VC_VOCAB_KIND_LAST || (!text && v->kind == VC_VOCAB_NONE))
        why = "no kind";
    else if (v->kind == VC_VOCAB_ENUM && (!v->names || !v->names->n))
        why = "an enum without names";
    else if (v->kind == VC_VOCAB_UINT && (v->min < 0 || (unsigned long long)v->min > v->max ||
                                          (v->base != 0 && v->base != 10 && v->base != 16)))
        why = "an unsigned range or base that cannot be";
    else if (v->kind == VC_VOCAB_INT && (v->base != 10 || (long long)v->max < v->min))
        why = "a signed range that cannot be";
    if (why)
        fprintf(stderr, "%s: %s\n", where, why);
    return why ? -1 : 0;
}

static int check_table(void)
{
    size_t n;
    const vc_vocab_elem *v = vc_domain_vocabulary(&n);
    unsigned seeds = vc_vocab_seed_count();
    int rc = 0;

    if (n == 0 || strcmp(v[0].path, "domain") != 0) {
        fprintf(stderr, "the table must start with the root, domain\n");
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        vc_vocab_step steps[VC_VOCAB_MAX_STEPS];

        if (vc_vocab_split(v[i].path, steps) == 0) {
            fprintf(stderr, "%s: malformed path (or deeper than %d steps)\n", v[i].path,
                    VC_VOCAB_MAX_STEPS);
            rc = -1;
        }
        if (v[i].seed > seeds || (v[i].nattrs && !v[i].attrs)) {
            fprintf(stderr, "%s: bad seed or attribute list\n", v[i].path);
            rc = -1;
        }
        if (v[i].text.kind != VC_VOCAB_NONE && check_value(v[i].path, &v[i].text, true) < 0)
            rc = -1;
        for (size_t k = 0; k < v[i].nattrs; k++) {
            char *where = vc_asprintf("%s@%s", v[i].path, v[i].attrs[k].name);
            if (check_value(where, &v[i].attrs[k].value, false) < 0)
                rc = -1;
            for (size_t j = 0; j < k; j++)
                if (strcmp(v[i].attrs[j].name, v[i].attrs[k].name) == 0) {
                    fprintf(stderr, "%s: named twice\n", where);
                    rc = -1;
                }
            free(where);
        }
    }
    return rc;
}

static int check_seed(vc_vocab_report *shared, unsigned i)
{
    vc_vocab_report *r = vc_vocab_report_new();
    vc_error err = { 0 };
    size_t len;
    char *doc = vc_vocab_seed_document_n(i, &len);
    char *name = vc_asprintf("seed-%u.xml", i + 1);
    int rc = 0;

    if (vc_vocab_report_add(r, doc, len, name, vc_host_test(), VC_PARSE_ACTIVE, &err) < 0) {
        fprintf(stderr, "%s is refused: %s\n%s", name, err.msg, doc);
        rc = -1;
    }
    if (print_list("in the seed but not read", vc_vocab_report_unread(r)) < 0 ||
        print_list("read but not in the table", vc_vocab_report_unknown(r)) < 0)
        rc = -1;
    if (rc == 0)
        vc_vocab_report_add(shared, doc, len, name, vc_host_test(), VC_PARSE_ACTIVE, &err);
    vc_vocab_report_free(r);
    free(doc);
    free(name);
    return rc;
}

static int check_cover(vc_vocab_report *shared)
{
    vc_strlist missing = { 0 };
    int rc;

    vc_vocab_report_missing(shared, &missing);
    rc = print_list("in the table but never read in a seed", &missing);
    vc_strlist_free(&missing);
    return rc;
}

static int check_dictionary(void)
{
    static const char *const words[] = {
        "\"<disk\"", "\"</disk>\"", "\"type=\"", "\"virtio\"", "\"<qemu:arg\"",
        "\"startupPolicy=\"", "\"requisite\"", "\"65535\"",
    };
    size_t len;
    char *d = vc_vocab_dictionary(&len);
    int rc = 0;

    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (!strstr(d, words[i])) {
            fprintf(stderr, "the dictionary lacks %s\n", words[i]);
            rc = -1;
        }
    if (len != strlen(d) || !len || d[len - 1] != '\n') {
        fprintf(stderr, "the dictionary is not lines of text\n");
        rc = -1;
    }
    free(d);
    return rc;
}

/* Whatever the parser reads of @path (live and inactive) is known. */
static int check_doc(const char *path)
{
    vc_vocab_report *r = vc_vocab_report_new();
    vc_error err = { 0 };
    char *data = NULL;
    size_t len = 0;
    int rc;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &data, &len, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        vc_vocab_report_free(r);
        return -1;
    }
    vc_vocab_report_add(r, data, len, path, vc_host_test(), VC_PARSE_ACTIVE, &err);
    vc_vocab_report_add(r, data, len, path, vc_host_test(), VC_PARSE_INACTIVE, &err);
    rc = print_list("read but not in the table", vc_vocab_report_unknown(r));
    vc_vocab_report_free(r);
    free(data);
    return rc;
}

static void test_case(void **state)
{
    voc_case *c = ((vc_tier_case *)*state)->data;
    int rc = -1;

    switch (c->kind) {
    case CASE_TABLE: rc = check_table(); break;
    case CASE_SEED: rc = check_seed(c->shared, c->seed); break;
    case CASE_COVER: rc = check_cover(c->shared); break;
    case CASE_DICT: rc = check_dictionary(); break;
    case CASE_DOC: rc = check_doc(c->path); break;
    }
    if (rc < 0)
        fail_msg("%s", ((vc_tier_case *)*state)->name);
}

static void add(vc_tier *t, const char *name, case_kind kind, unsigned seed,
                const char *path, vc_vocab_report *shared)
{
    voc_case *c = VC_NEW(voc_case);

    c->kind = kind;
    c->seed = seed;
    c->path = path ? vc_strdup(path) : NULL;
    c->shared = shared;
    vc_tier_add(t, name, c);
}

static void add_dir(vc_tier *t, const char *dir, const char *tag)
{
    vc_strlist names = { 0 };
    vc_error err = { 0 };

    if (vc_path_exists(dir) && vc_corpus_list(dir, ".xml", &names, &err) == 0)
        for (size_t i = 0; i < names.n; i++) {
            char *path = vc_asprintf("%s/%s.xml", dir, names.items[i]);
            char *label = vc_asprintf("%s/%s", tag, names.items[i]);
            add(t, label, CASE_DOC, 0, path, NULL);
            free(path);
            free(label);
        }
    vc_strlist_free(&names);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    vc_tier own = { .name = "vocabulary" }, ref = { .name = "vocabulary-reference" };
    vc_vocab_report *shared = vc_vocab_report_new();
    const char *src = vc_corpus_srcdir();
    char *refdir = vc_corpus_refdir();
    static const char *const dirs[][2] = {
        { "xml2argvdata", "xml2argvdata" }, { "tests/xml2xmldata", "xml2xmldata" },
        { "tests/schemadata/valid", "schemadata" }, { "tests/domainerrors", "domainerrors" },
    };
    int failed = 0;

    add(&own, "table", CASE_TABLE, 0, NULL, NULL);
    for (unsigned i = 0; i < vc_vocab_seed_count(); i++) {
        char *name = vc_asprintf("seed-%u", i + 1);
        add(&own, name, CASE_SEED, i, NULL, shared);
        free(name);
    }
    add(&own, "seeds-cover-table", CASE_COVER, 0, NULL, shared);
    add(&own, "dictionary", CASE_DICT, 0, NULL, NULL);
    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        char *dir = vc_asprintf("%s/%s", src, dirs[i][0]);
        add_dir(&own, dir, dirs[i][1]);
        free(dir);
    }
    failed += vc_tier_run(&own, test_case);
    if (refdir) {
        char *a = vc_asprintf("%s/xml2argv", refdir), *x = vc_asprintf("%s/xml2xml", refdir);
        add_dir(&ref, a, "xml2argv");
        add_dir(&ref, x, "xml2xml");
        free(a);
        free(x);
        failed += vc_tier_run(&ref, test_case);
    } else {
        failed += vc_tier_no_reference("vocabulary-reference");
    }
    vc_tier_free(&own, voc_case_free);
    vc_tier_free(&ref, voc_case_free);
    vc_vocab_report_free(shared);
    free(refdir);
    return failed ? 1 : 0;
}
