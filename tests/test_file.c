/* test_file.c: reading and writing files (util/file.c), the one way
 * every input is read and every output file written.
 *
 * Anything but a regular file is refused as input, without blocking:
 * each check runs under alarm(), so a regression that opens a FIFO and
 * waits for a writer fails here instead of hanging the run.  Output to
 * a regular file is all or nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_args.h"
#include "tier.h"
#include "corpus.h"

#include "scratch.h"
#include "util/alloc.h"
#include "util/file.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Seconds a check may take; valgrind included. */
#define CHECK_TIMEOUT 20

static void on_alarm(int sig)
{
    static const char msg[] = "file: a check blocked (a FIFO opened before its type was checked?)\n";

    (void)sig;
    if (write(2, msg, sizeof(msg) - 1) < 0)
        _exit(2);
    _exit(1);
}

static int setup(void **state)
{
    vc_scratch *s = VC_NEW(vc_scratch);
    char *setup = vc_asprintf("%s/tests/file.setup", vc_corpus_srcdir());
    vc_error err = { 0 };
    int rc = vc_scratch_make(s, setup, &err);

    if (rc < 0)
        fprintf(stderr, "%s\n", err.msg);
    free(setup);
    *state = s;
    signal(SIGALRM, on_alarm);
    return rc;
}

static int teardown(void **state)
{
    vc_scratch *s = *state;

    vc_scratch_remove(s);
    free(s);
    return 0;
}

static char *in(void **state, const char *name)
{
    vc_scratch *s = *state;
    return vc_asprintf("%s/%s", s->dir, name);
}

/* Reading @path fails at once, with "PATH: @msg". */
static void expect_refused(const char *path, const char *msg)
{
    vc_error err = { 0 };
    char *data = (char *)"untouched";
    char *want = vc_asprintf("%s: %s", path, msg);
    size_t len = 7;

    alarm(CHECK_TIMEOUT);
    assert_int_equal(vc_file_read(path, VC_FILE_MAX_DEFAULT, &data, &len, &err), -1);
    alarm(0);
    assert_null(data);
    assert_int_equal(len, 0);
    assert_int_equal(err.code, VC_EXIT_INPUT);
    assert_string_equal(err.msg, want);
    free(want);
}

static void test_read_refuses_special_files(void **state)
{
    static const struct {
        const char *name;
        const char *msg;
    } special[] = {
        { "fifo", "not a regular file (a FIFO)" },
        { "socket", "not a regular file (a socket)" },
        { "dir", "not a regular file (a directory)" },
    };

    for (size_t i = 0; i < sizeof(special) / sizeof(special[0]); i++) {
        char *path = in(state, special[i].name);
        expect_refused(path, special[i].msg);
        free(path);
    }
    /* devices read forever (/dev/zero) or nothing (/dev/null) */
    expect_refused("/dev/zero", "not a regular file (a character device)");
    expect_refused("/dev/null", "not a regular file (a character device)");
    /* an empty option value names no file (not "/: ...", not "': ...") */
    {
        vc_error err = { 0 };
        char *data;

        assert_int_equal(vc_file_read("", 100, &data, NULL, &err), -1);
        assert_string_equal(err.msg, "empty file name");
        assert_int_equal(vc_file_write("", "x", 1, &err), -1);
        assert_string_equal(err.msg, "empty file name");
    }
}

static void test_read_follows_links_to_files_only(void **state)
{
    char *link = in(state, "link-to-fifo");
    char *good = in(state, "good");
    char *data;
    size_t len;
    vc_error err = { 0 };

    expect_refused(link, "not a regular file (a FIFO)");
    assert_int_equal(vc_file_read(good, 100, &data, &len, &err), 0);
    assert_string_equal(data, "text\n");
    assert_int_equal(len, 5);
    free(data);
    /* the size limit holds */
    assert_int_equal(vc_file_read(good, 4, &data, &len, &err), -1);
    assert_non_null(strstr(err.msg, "file too large (5 bytes, limit 4)"));
    free(link);
    free(good);
}

/* The names in the scratch directory that start with @prefix. */
static size_t count_entries(void **state, const char *prefix)
{
    vc_scratch *s = *state;
    DIR *d = opendir(s->dir);
    struct dirent *e;
    size_t n = 0;

    assert_non_null(d);
    while ((e = readdir(d)))
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    closedir(d);
    return n;
}

static void test_write_replaces_whole(void **state)
{
    char *path = in(state, "out");
    vc_error err = { 0 };
    struct stat st;
    char *data;

    assert_int_equal(vc_file_write(path, "first\n", 6, &err), 0);
    assert_int_equal(chmod(path, 0640), 0);
    assert_int_equal(vc_file_write(path, "second\n", 7, &err), 0);
    assert_int_equal(vc_file_read(path, 100, &data, NULL, &err), 0);
    assert_string_equal(data, "second\n");
    free(data);
    /* the old file's mode is kept, and no temporary file is left */
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_int_equal(count_entries(state, "out"), 1);
    free(path);
}

/* A link is written through, not replaced: /dev/stdout is one. */
static void test_write_through_links(void **state)
{
    char *link = in(state, "link-to-target");
    char *target = in(state, "target");
    char *dangling = in(state, "link-to-nothing");
    char *created = in(state, "created");
    char *fifo_link = in(state, "link-to-fifo");
    vc_error err = { 0 };
    struct stat st;
    char *data;

    assert_int_equal(vc_file_write(link, "new\n", 4, &err), 0);
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(vc_file_read(target, 100, &data, NULL, &err), 0);
    assert_string_equal(data, "new\n");
    free(data);

    assert_int_equal(vc_file_write(dangling, "made\n", 5, &err), 0);
    assert_int_equal(vc_file_read(created, 100, &data, NULL, &err), 0);
    assert_string_equal(data, "made\n");
    free(data);

    alarm(CHECK_TIMEOUT);
    assert_int_equal(vc_file_write(fifo_link, "x", 1, &err), -1);
    alarm(0);
    assert_non_null(strstr(err.msg, "no process reads the FIFO"));
    free(link);
    free(target);
    free(dangling);
    free(created);
    free(fifo_link);
}

static void test_write_refusals_leave_nothing(void **state)
{
    char *dir = in(state, "dir");
    char *fifo = in(state, "fifo");
    char *missing = in(state, "no-such-dir/out");
    vc_error err = { 0 };

    assert_int_equal(vc_file_write(dir, "x", 1, &err), -1);
    assert_int_equal(err.code, VC_EXIT_INPUT);
    assert_non_null(strstr(err.msg, "not a regular file (a directory)"));

    /* a FIFO nobody reads: an error, not a wait */
    alarm(CHECK_TIMEOUT);
    assert_int_equal(vc_file_write(fifo, "x", 1, &err), -1);
    alarm(0);
    assert_non_null(strstr(err.msg, "no process reads the FIFO"));

    assert_int_equal(vc_file_write(missing, "x", 1, &err), -1);
    assert_non_null(strstr(err.msg, "cannot create: No such file or directory"));

    /* a device is written in place */
    assert_int_equal(vc_file_write("/dev/null", "x", 1, &err), 0);
    /* and one that fails is a write error, not bad input */
    assert_int_equal(vc_file_write("/dev/full", "x", 1, &err), -1);
    assert_int_equal(err.code, VC_EXIT_INTERNAL);
    assert_string_equal(err.msg, "/dev/full: cannot write: No space left on device");
    free(dir);
    free(fifo);
    free(missing);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_refuses_special_files),
        cmocka_unit_test(test_read_follows_links_to_files_only),
        cmocka_unit_test(test_write_replaces_whole),
        cmocka_unit_test(test_write_through_links),
        cmocka_unit_test(test_write_refusals_leave_nothing),
    };
    size_t n = sizeof(tests) / sizeof(tests[0]);
    int failed = vc_group_run("file", tests, n, setup, teardown);

    return failed ? 1 : 0;
}
