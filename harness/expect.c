#include "expect.h"
#include "diff.h"
#include "util/alloc.h"
#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

/* a mismatch, as much of it as VC_TEST_DEBUG asks for */
static void show(const char *diff)
{
    char *s = vc_diff_shown(diff);

    fputs(s, stderr);
    free(s);
}

bool vc_expect_regenerate(void)
{
    const char *r = getenv("VC_TEST_REGENERATE");

    if (!r || !*r)
        r = getenv("REGENERATE");   /* the older name */
    return r && *r && strcmp(r, "0") != 0;
}

int vc_expect_text(const char *label, const char *expected, const char *actual)
{
    char *d = vc_diff_unified(label, expected, "actual", actual);

    if (!d)
        return 0;
    show(d);
    free(d);
    return -1;
}

int vc_expect_file(const char *path, const char *actual)
{
    vc_error err = { 0 };
    char *expected = NULL;
    char *d = NULL;
    int ret = -1;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &expected, NULL, &err) < 0) {
        if (!vc_expect_regenerate()) {
            /* a case is found by its inputs: say what is missing and how
             * to write it, not only that a file did not open */
            if (access(path, F_OK) != 0 && errno == ENOENT)
                fprintf(stderr, "%s: no expectation; run with VC_TEST_REGENERATE=1 to create it\n",
                        path);
            else
                fprintf(stderr, "%s\n", err.msg);
            goto cleanup;
        }
        expected = vc_strdup("");
    }
    if (!(d = vc_diff_unified(path, expected, "actual", actual))) {
        ret = 0;
        goto cleanup;
    }
    if (vc_expect_regenerate()) {
        if (vc_file_write(path, actual, strlen(actual), &err) < 0) {
            fprintf(stderr, "%s\n", err.msg);
            goto cleanup;
        }
        fprintf(stderr, "REGENERATED %s:\n%s", path, d);
        ret = 0;
        goto cleanup;
    }
    show(d);

 cleanup:
    free(expected);
    free(d);
    return ret;
}
