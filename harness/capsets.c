/* capsets.c: loading the capability sets of a directory. */
#include "capsets.h"
#include "corpus.h"
#include "util/alloc.h"
#include "util/file.h"

#include <stdlib.h>
#include <string.h>

static char *read_first_line(const char *path, vc_error *err)
{
    char *text = NULL;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &text, NULL, err) < 0)
        return NULL;
    text[strcspn(text, "\n")] = '\0';
    return text;
}

/* One set from @line, the first line of a NAME.caps (@recording false)
 * or NAME.qemu file. */
static int load_one(vc_caps *caps, const char *line, bool recording, const char *srcdir,
                    vc_error *err)
{
    char *help, *dev;
    int rc;

    vc_caps_init(caps);
    if (!recording)
        return vc_caps_parse_list(caps, line, err);
    help = vc_asprintf("%s/qemuhelpdata/%s.help", srcdir, line);
    dev = vc_asprintf("%s/qemuhelpdata/%s.device", srcdir, line);
    rc = vc_caps_from_files(caps, help, vc_path_exists(dev) ? dev : NULL, err);
    free(help);
    free(dev);
    return rc;
}

int vc_capsets_load(vc_capsets *sets, const char *dir, const char *srcdir,
                    vc_error *err)
{
    static const char *const suffixes[] = { ".caps", ".qemu" };

    for (int k = 0; k < 2; k++) {
        vc_strlist names = { 0 };

        if (vc_corpus_list(dir, suffixes[k], &names, err) < 0)
            return -1;
        for (size_t i = 0; i < names.n; i++) {
            char *path = vc_asprintf("%s/%s%s", dir, names.items[i], suffixes[k]);
            char *line = read_first_line(path, err);
            vc_capset *set;
            int rc = -1;

            vc_grow(&sets->items, &sets->cap, sets->n + 1, sizeof(*sets->items));
            set = &sets->items[sets->n];
            if (line)
                rc = load_one(&set->caps, line, k == 1, srcdir, err);
            free(line);
            free(path);
            if (rc < 0) {
                vc_strlist_free(&names);
                return -1;
            }
            set->name = vc_strdup(names.items[i]);
            sets->n++;
        }
        vc_strlist_free(&names);
    }
    if (!sets->n)
        return vc_error_set(err, VC_EXIT_INPUT, "%s: no capability sets", dir);
    return 0;
}

const vc_capset *vc_capsets_find(const vc_capsets *sets, const char *name)
{
    for (size_t i = 0; i < sets->n; i++)
        if (strcmp(sets->items[i].name, name) == 0)
            return &sets->items[i];
    return NULL;
}

void vc_capsets_free(vc_capsets *sets)
{
    for (size_t i = 0; i < sets->n; i++)
        free(sets->items[i].name);
    free(sets->items);
    memset(sets, 0, sizeof(*sets));
}
