/* test_matrix.c: the matrix snapshots under matrix/ are what `virtconform
 * matrix` makes today.
 *
 * Each case runs the CLI as `make matrix` does, into a scratch
 * directory, and compares the Markdown, TSV and HTML it wrote with
 * matrix/NAME.*: a change in what builds, or in why a build is refused,
 * shows as a diff of the snapshot (VC_TEST_REGENERATE=1 rewrites it; read
 * the diff).  `project`: xml2argvdata/ against every recording of
 * qemuhelpdata/; `reference`, when the reference corpus is there: the
 * same domains against its recordings.
 */
#include "corpus.h"
#include "expect.h"
#include "scratch.h"
#include "spawn.h"
#include "test_args.h"
#include "tier.h"
#include "util/alloc.h"
#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct matrix_case {
    char *name;         /* the snapshot's name: matrix/NAME.* */
    char *recordings;   /* the directory of recordings */
} matrix_case;

static const char *const formats[] = { "md", "tsv", "html" };

/* compare DIR/NAME.FORMAT with the snapshot; 0 when equal */
static int check_format(const matrix_case *c, const char *dir, const char *format)
{
    char *made = vc_asprintf("%s/%s.%s", dir, c->name, format);
    char *snapshot = vc_asprintf("%s/matrix/%s.%s", vc_corpus_srcdir(), c->name, format);
    char *text = NULL;
    vc_error err = { 0 };
    int rc;

    rc = vc_file_read(made, 64 << 20, &text, NULL, &err);
    if (rc < 0)
        fprintf(stderr, "%s\n", err.msg);
    else
        rc = vc_expect_file(snapshot, text);
    free(text);
    free(made);
    free(snapshot);
    return rc;
}

static void test_matrix_case(void **state)
{
    matrix_case *c = ((vc_tier_case *)*state)->data;
    vc_scratch scratch = { vc_strdup("/tmp/vc-matrix-XXXXXX") };
    vc_spawn_result res = { 0 };
    vc_error err = { 0 };
    char *out_dir, *name, *corpus;
    int rc, failed = 0;

    if (!mkdtemp(scratch.dir)) {
        free(scratch.dir);
        fail_msg("mkdtemp: %s", strerror(errno));
    }
    out_dir = vc_asprintf("--output-dir=%s", scratch.dir);
    name = vc_asprintf("--name=%s", c->name);
    corpus = vc_asprintf("--corpus=%s/xml2argvdata", vc_corpus_srcdir());
    {
        char *argv[] = { (char *)vc_corpus_cli(), "matrix", corpus, out_dir, name,
                         c->recordings, NULL };
        rc = vc_spawn(vc_corpus_srcdir(), argv, &res, &err);
    }
    free(out_dir);
    free(name);
    free(corpus);
    if (rc < 0 || res.status != 0) {
        fprintf(stderr, "%s%s", rc < 0 ? err.msg : "", rc < 0 ? "\n" : res.err);
        failed = 1;
    }
    for (size_t i = 0; !failed && i < sizeof(formats) / sizeof(formats[0]); i++)
        failed |= check_format(c, scratch.dir, formats[i]) < 0;
    vc_spawn_result_free(&res);
    vc_scratch_remove(&scratch);
    if (failed)
        fail_msg("matrix/%s.* differs from what `virtconform matrix` makes "
                 "(VC_TEST_REGENERATE=1 rewrites it)", c->name);
}

static void matrix_case_free(void *p)
{
    matrix_case *c = p;
    free(c->name);
    free(c->recordings);
    free(c);
}

static void add_case(vc_tier *t, const char *name, char *recordings)
{
    matrix_case *c = VC_NEW(matrix_case);

    c->name = vc_strdup(name);
    c->recordings = recordings;
    vc_tier_add(t, name, c);
}

int main(int argc, char **argv)
{
    vc_tier tier = { .name = "matrix" };
    char *refdir;
    int failed;

    vc_test_args(argc, argv, NULL);
    add_case(&tier, "project", vc_asprintf("%s/qemuhelpdata", vc_corpus_srcdir()));
    if ((refdir = vc_corpus_refdir())) {
        add_case(&tier, "reference", vc_asprintf("%s/qemuhelp", refdir));
        free(refdir);
    }
    failed = vc_tier_run(&tier, test_matrix_case);
    vc_tier_free(&tier, matrix_case_free);
    return failed ? 1 : 0;
}
