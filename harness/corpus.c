#include "corpus.h"
#include "util/alloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int vc_corpus_list(const char *dir, const char *suffix, vc_strlist *names,
                   vc_error *err)
{
    size_t sl = strlen(suffix);
    struct dirent *ent;
    DIR *d;

    if (!(d = opendir(dir)))
        return vc_error_set(err, VC_EXIT_INPUT, "%s: cannot list: %s", dir,
                            strerror(errno));
    while ((ent = readdir(d))) {
        size_t n = strlen(ent->d_name);
        if (ent->d_name[0] == '.' || n <= sl || strcmp(ent->d_name + n - sl, suffix) != 0)
            continue;
        vc_strlist_take(names, vc_strndup(ent->d_name, n - sl));
    }
    closedir(d);
    vc_strlist_sort(names);
    return 0;
}

const char *vc_corpus_srcdir(void)
{
    const char *s = getenv("VC_SRCDIR");
    return s && *s ? s : VC_SOURCE_DIR;
}

const char *vc_corpus_cli(void)
{
    const char *s = getenv("VC_CLI");
    return s && *s ? s : VC_BUILT_CLI;
}

bool vc_path_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

char *vc_corpus_refdir_tried(void)
{
    const char *s = getenv("VC_REFDIR");

    if (s && *s)
        return vc_strdup(s);
    return vc_asprintf("%s/../shared/reference/libvirt-0.10.2", vc_corpus_srcdir());
}

char *vc_corpus_refdir(void)
{
    char *dir = vc_corpus_refdir_tried();

    if (!vc_path_exists(dir)) {
        free(dir);
        return NULL;
    }
    return dir;
}
