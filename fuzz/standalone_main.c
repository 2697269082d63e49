/* standalone_main.c: a fuzz target as a replay program, built with any
 * C compiler and no fuzzing engine (systemd's and libgit2's pattern):
 *
 *     build/fuzz/fuzz-NAME FILE|DIR...
 *
 * runs the target once on each file (each file of a directory, in name
 * order), printing its name first, so a finding reproduces under gdb or
 * valgrind.  An invariant violation aborts, as under libFuzzer. */
#include "fuzz.h"
#include "corpus.h"
#include "util/alloc.h"
#include "util/file.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Run one file: its bytes exactly, in a buffer of their size (no NUL
 * after them), so reading past the end is caught by sanitizers. */
static int run_file(const char *path)
{
    vc_error err = { 0 };
    char *text = NULL;
    uint8_t *data;
    size_t len = 0;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &text, &len, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    data = vc_malloc0(len ? len : 1);
    memcpy(data, text, len);
    free(text);
    printf("%s\n", path);
    fflush(stdout);
    LLVMFuzzerTestOneInput(data, len);
    free(data);
    return 0;
}

static int run_path(const char *path, size_t *count)
{
    vc_strlist names = { 0 };
    vc_error err = { 0 };
    struct stat st;
    int ret = 0;

    if (stat(path, &st) < 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        ret = run_file(path);
        *count += ret == 0;
        return ret;
    }
    if (vc_corpus_list(path, "", &names, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    for (size_t i = 0; i < names.n; i++) {
        char *file = vc_asprintf("%s/%s", path, names.items[i]);
        ret |= run_path(file, count);
        free(file);
    }
    vc_strlist_free(&names);
    return ret;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int ret = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
        return 64;
    }
    LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++)
        ret |= run_path(argv[i], &count);
    printf("%zu input%s run\n", count, count == 1 ? "" : "s");
    return ret ? 1 : 0;
}
