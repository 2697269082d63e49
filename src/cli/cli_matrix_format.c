/* cli_matrix_format.c: the matrix as Markdown, TSV and HTML.  Each is
 * written from the cells alone, in the rows' and columns' order, so the
 * same build gives the same bytes. */
#include "cli/cli_matrix.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <string.h>

static const vc_cli_outcome *cell(const vc_matrix *m, size_t c, size_t r)
{
    return &m->cells[c * m->nrecs + r];
}

static size_t built_in_column(const vc_matrix *m, size_t r)
{
    size_t n = 0;

    for (size_t c = 0; c < m->ncases; c++)
        n += cell(m, c, r)->built;
    return n;
}

/* @s with each character of @special written as its @repl entry */
static void add_escaped(vc_buf *b, const char *s, const char *special,
                        const char *const *repl)
{
    for (; *s; s++) {
        const char *at = strchr(special, *s);
        if (at)
            vc_buf_add(b, repl[at - special]);
        else
            vc_buf_addc(b, *s);
    }
}

static void add_md(vc_buf *b, const char *s)
{
    static const char *const repl[] = { "\\|", " ", " " };
    add_escaped(b, s, "|\n\r", repl);
}

static void add_tsv(vc_buf *b, const char *s)
{
    static const char *const repl[] = { " ", " ", " " };
    add_escaped(b, s, "\t\n\r", repl);
}

static void add_html(vc_buf *b, const char *s)
{
    static const char *const repl[] = { "&amp;", "&lt;", "&gt;", "&quot;" };
    add_escaped(b, s, "&<>\"", repl);
}

char *vc_matrix_markdown(const vc_matrix *m, const char *name)
{
    vc_buf b = VC_BUF_INIT;

    vc_buf_addf(&b, "# Build matrix: %s\n\nEach domain of the corpus built against each "
                "recording as `virtconform argv --profile=test` builds it: "
                "`built`, or `refused` (the reasons follow the table).  Regenerate with "
                "`make matrix`.\n\n| domain |", name);
    for (size_t r = 0; r < m->nrecs; r++)
        vc_buf_addf(&b, " %s |", m->recs.items[r]);
    vc_buf_add(&b, "\n|---|");
    for (size_t r = 0; r < m->nrecs; r++)
        vc_buf_add(&b, "---|");
    vc_buf_addc(&b, '\n');
    for (size_t c = 0; c < m->ncases; c++) {
        vc_buf_addf(&b, "| %s |", m->cases.items[c]);
        for (size_t r = 0; r < m->nrecs; r++)
            vc_buf_add(&b, cell(m, c, r)->built ? " built |" : " refused |");
        vc_buf_addc(&b, '\n');
    }
    vc_buf_add(&b, "| **built** |");
    for (size_t r = 0; r < m->nrecs; r++)
        vc_buf_addf(&b, " %zu of %zu |", built_in_column(m, r), m->ncases);
    vc_buf_add(&b, "\n\n## Refusals\n\n");
    for (size_t c = 0; c < m->ncases; c++)
        for (size_t r = 0; r < m->nrecs; r++) {
            if (cell(m, c, r)->built)
                continue;
            vc_buf_addf(&b, "- `%s` with `%s`: ", m->cases.items[c], m->recs.items[r]);
            add_md(&b, cell(m, c, r)->reason);
            vc_buf_addc(&b, '\n');
        }
    return vc_buf_steal(&b);
}

char *vc_matrix_tsv(const vc_matrix *m, const char *name)
{
    vc_buf b = VC_BUF_INIT;

    (void)name;
    vc_buf_add(&b, "domain\trecording\toutcome\treason\n");
    for (size_t c = 0; c < m->ncases; c++)
        for (size_t r = 0; r < m->nrecs; r++) {
            const vc_cli_outcome *o = cell(m, c, r);

            vc_buf_addf(&b, "%s\t%s\t%s\t", m->cases.items[c], m->recs.items[r],
                        o->built ? "built" : "refused");
            if (!o->built)
                add_tsv(&b, o->reason);
            vc_buf_addc(&b, '\n');
        }
    return vc_buf_steal(&b);
}

char *vc_matrix_html(const vc_matrix *m, const char *name)
{
    vc_buf b = VC_BUF_INIT;

    vc_buf_add(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<title>Build matrix: ");
    add_html(&b, name);
    vc_buf_add(&b, "</title>\n<style>\n"
               "body { font-family: sans-serif; margin: 1em; }\n"
               "table { border-collapse: collapse; font-size: 85%; }\n"
               "th, td { border: 1px solid #bbb; padding: 2px 6px; vertical-align: top; }\n"
               "thead th { position: sticky; top: 0; background: #eee; }\n"
               "tbody th { text-align: left; font-weight: normal; white-space: nowrap; }\n"
               "td.built { background: #d9f2d9; }\n"
               "td.refused { background: #f9dcdc; }\n"
               "td small { display: block; max-width: 28em; color: #555; }\n"
               "</style>\n</head>\n<body>\n<h1>Build matrix: ");
    add_html(&b, name);
    vc_buf_add(&b, "</h1>\n<p>Each domain of the corpus built against each recording as "
               "<code>virtconform argv --profile=test</code> builds it: built, or refused "
               "with the builder's reason.</p>\n<table>\n<thead>\n<tr><th>domain</th>");
    for (size_t r = 0; r < m->nrecs; r++) {
        vc_buf_add(&b, "<th>");
        add_html(&b, m->recs.items[r]);
        vc_buf_add(&b, "</th>");
    }
    vc_buf_add(&b, "</tr>\n</thead>\n<tbody>\n");
    for (size_t c = 0; c < m->ncases; c++) {
        vc_buf_add(&b, "<tr><th>");
        add_html(&b, m->cases.items[c]);
        vc_buf_add(&b, "</th>");
        for (size_t r = 0; r < m->nrecs; r++) {
            const vc_cli_outcome *o = cell(m, c, r);

            if (o->built) {
                vc_buf_add(&b, "<td class=\"built\">built</td>");
                continue;
            }
            vc_buf_add(&b, "<td class=\"refused\">refused<small>");
            add_html(&b, o->reason);
            vc_buf_add(&b, "</small></td>");
        }
        vc_buf_add(&b, "</tr>\n");
    }
    vc_buf_add(&b, "</tbody>\n<tfoot>\n<tr><th>built</th>");
    for (size_t r = 0; r < m->nrecs; r++)
        vc_buf_addf(&b, "<td>%zu of %zu</td>", built_in_column(m, r), m->ncases);
    vc_buf_add(&b, "</tr>\n</tfoot>\n</table>\n</body>\n</html>\n");
    return vc_buf_steal(&b);
}
