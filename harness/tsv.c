/* tsv.c: the reference corpus's cases.tsv files (tsv.h). */
#include "tsv.h"

#include "util/alloc.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int vc_tsv_rows(const char *path, vc_strlist *rows)
{
    vc_error err = { 0 };
    char *data = NULL, *line, *save = NULL;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &data, NULL, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    for (line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        if (strncmp(line, "name\t", 5) != 0)
            vc_strlist_add(rows, line);
    free(data);
    return 0;
}

char *vc_tsv_field(const char *row, int n)
{
    const char *p = row, *e;

    while (n-- > 0 && p)
        p = (p = strchr(p, '\t')) ? p + 1 : NULL;
    if (!p)
        return vc_strdup("");
    e = strchr(p, '\t');
    return e ? vc_strndup(p, (size_t)(e - p)) : vc_strdup(p);
}
