/* cli_matrix.h: the matrix of domains x recordings and its formats. */
#ifndef VC_CLI_MATRIX_H
#define VC_CLI_MATRIX_H

#include "cli/cli.h"

typedef struct vc_matrix {
    vc_strlist cases;       /* domain names, rows */
    vc_strlist recs;        /* recording names, columns */
    size_t ncases, nrecs;
    vc_cli_outcome *cells;  /* row-major: cells[case * nrecs + rec] */
} vc_matrix;

/* Each returns the text (caller frees); @name titles it
 * (cli_matrix_format.c). */
char *vc_matrix_markdown(const vc_matrix *m, const char *name);
char *vc_matrix_tsv(const vc_matrix *m, const char *name);
char *vc_matrix_html(const vc_matrix *m, const char *name);

#endif
