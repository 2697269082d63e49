/* cli_matrix.c: virtconform matrix [--corpus=PATH]...
 *                   [--output-dir=DIR [--name=NAME]] RECORDING...
 *
 * Every domain of the corpus against every recording, as `argv
 * --profile=test` builds it: built, or refused with the builder's
 * reason.  The table goes out as Markdown (standard output, or
 * DIR/NAME.md), and with --output-dir also as TSV (one line a cell, so
 * a change diffs as its cells) and one self-contained HTML page.  Names
 * are the files' last components, so the output does not depend on
 * where the tree is. */
#include "cli/cli.h"
#include "cli/cli_matrix.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage_line[] =
    "usage: virtconform matrix [--corpus=PATH]... [--output-dir=DIR [--name=NAME]] "
    "RECORDING...";

enum { OPT_CORPUS = 1000, OPT_OUTPUT_DIR, OPT_NAME, OPT_HELP };

static const struct option options[] = {
    { "corpus", required_argument, NULL, OPT_CORPUS },
    { "output-dir", required_argument, NULL, OPT_OUTPUT_DIR },
    { "name", required_argument, NULL, OPT_NAME },
    { "help", no_argument, NULL, OPT_HELP },
    { NULL, 0, NULL, 0 },
};

static void matrix_free(vc_matrix *m)
{
    for (size_t i = 0; i < m->ncases * m->nrecs; i++)
        vc_cli_outcome_free(&m->cells[i]);
    free(m->cells);
    vc_strlist_free(&m->cases);
    vc_strlist_free(&m->recs);
}

/* build every cell; an exit status, the error reported */
static int fill(vc_matrix *m, const vc_strlist *files, const vc_strlist *prefixes)
{
    vc_cli_recording *recs = vc_calloc(prefixes->n, sizeof(*recs));
    size_t done = 0, total = files->n * prefixes->n;
    int ret = VC_EXIT_OK;

    for (size_t r = 0; r < prefixes->n && ret == 0; r++)
        if ((ret = vc_cli_recording_load(prefixes->items[r], &recs[r])) == 0)
            vc_strlist_add(&m->recs, recs[r].name);
    for (size_t i = 0; i < files->n && ret == 0; i++) {
        size_t len;
        const char *name = vc_cli_case_name(files->items[i], &len);

        vc_strlist_take(&m->cases, vc_asprintf("%.*s", (int)len, name));
    }
    m->ncases = files->n;
    m->nrecs = prefixes->n;
    m->cells = vc_calloc(total ? total : 1, sizeof(*m->cells));
    for (size_t i = 0; i < files->n && ret == 0; i++)
        for (size_t r = 0; r < prefixes->n && ret == 0; r++) {
            vc_cli_progress("matrix", done++, total);
            ret = vc_cli_build_case(files->items[i], &recs[r].caps, NULL,
                                    &m->cells[i * m->nrecs + r]);
        }
    vc_cli_progress("matrix", total, total);
    for (size_t r = 0; r < prefixes->n; r++)
        vc_cli_recording_free(&recs[r]);
    free(recs);
    return ret;
}

static int write_outputs(const vc_matrix *m, const char *dir, const char *name)
{
    static const struct {
        const char *suffix;
        char *(*format)(const vc_matrix *m, const char *name);
    } formats[] = {
        { "md", vc_matrix_markdown }, { "tsv", vc_matrix_tsv }, { "html", vc_matrix_html },
    };
    size_t built = 0;

    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        char *path = vc_asprintf("%s/%s.%s", dir, name, formats[i].suffix);
        char *text = formats[i].format(m, name);
        vc_error err = { 0 };
        int rc = vc_file_write(path, text, strlen(text), &err);

        free(text);
        free(path);
        if (rc < 0)
            return vc_cli_fail(err.code, "%s", err.msg);
    }
    for (size_t i = 0; i < m->ncases * m->nrecs; i++)
        built += m->cells[i].built;
    printf("matrix: %zu domains x %zu recordings: %zu built, %zu refused; "
           "written %s/%s.{md,tsv,html}\n", m->ncases, m->nrecs, built,
           m->ncases * m->nrecs - built, dir, name);
    return VC_EXIT_OK;
}

int vc_cli_matrix(int argc, char **argv)
{
    vc_strlist corpus = { 0 }, files = { 0 }, prefixes = { 0 };
    const char *dir = NULL, *name = NULL;
    vc_matrix m = { 0 };
    int c, ret = VC_EXIT_USAGE;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
        if (c != OPT_HELP && c != '?' && !*optarg) {
            vc_cli_fail(VC_EXIT_USAGE, "matrix: %s needs a value", argv[optind - 1]);
            goto cleanup;
        }
        switch (c) {
        case OPT_CORPUS: vc_strlist_add(&corpus, optarg); break;
        case OPT_OUTPUT_DIR: dir = optarg; break;
        case OPT_NAME:
            if (strchr(optarg, '/')) {
                vc_cli_fail(VC_EXIT_USAGE, "matrix: --name: a file name, not a path");
                goto cleanup;
            }
            name = optarg;
            break;
        case OPT_HELP:
            printf("%s\n", usage_line);
            ret = VC_EXIT_OK;
            goto cleanup;
        default:
            vc_cli_fail(VC_EXIT_USAGE, "matrix: bad option '%s'; %s", argv[optind - 1],
                        usage_line);
            goto cleanup;
        }
    }
    if (optind == argc || (name && !dir)) {
        vc_cli_fail(VC_EXIT_USAGE, "matrix: %s; %s", optind == argc
                    ? "no recording given" : "--name needs --output-dir", usage_line);
        goto cleanup;
    }
    for (int i = optind; i < argc; i++)
        if ((ret = vc_cli_recordings_list(argv[i], &prefixes)) != 0)
            goto cleanup;
    if ((ret = vc_cli_corpus_list(&corpus, "xml2argvdata", &files)) != 0 ||
        (ret = fill(&m, &files, &prefixes)) != 0)
        goto cleanup;
    if (dir) {
        ret = write_outputs(&m, dir, name ? name : "matrix");
    } else {
        char *text = vc_matrix_markdown(&m, "matrix");
        fputs(text, stdout);
        free(text);
    }

 cleanup:
    matrix_free(&m);
    vc_strlist_free(&corpus);
    vc_strlist_free(&files);
    vc_strlist_free(&prefixes);
    return ret;
}
