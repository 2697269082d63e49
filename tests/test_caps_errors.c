/* test_caps_errors.c: bad input to the capability detector.
 *
 * Every bad input gets one line naming the file and what is wrong, code
 * VC_EXIT_INPUT (2), and no crash or leak (make check-valgrind).  The
 * inputs are made here in a temporary directory: a 100 MB file does not
 * belong in the repository, nor does a large device listing (made in
 * memory).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "synth.h"
#include "caps/caps.h"
#include "util/alloc.h"
#include "util/file.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct fixture {
    char dir[64];
    char *help;     /* a valid help file */
} fixture;

static char *put(fixture *f, const char *name, const char *data, size_t len)
{
    vc_error err = { 0 };
    char *path = vc_asprintf("%s/%s", f->dir, name);

    if (vc_file_write(path, data, len, &err) < 0)
        fail_msg("%s", err.msg);
    return path;
}

static int setup(void **state)
{
    fixture *f = VC_NEW(fixture);
    static const char help[] = "QEMU emulator version 1.2.0\n-device driver\n";

    strcpy(f->dir, "/tmp/vc-caps-errors-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    f->help = put(f, "good.help", help, strlen(help));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char *cmd = vc_asprintf("rm -rf '%s'", f->dir);
    int rc = system(cmd);

    free(cmd);
    free(f->help);
    free(f);
    return rc == 0 ? 0 : -1;
}

/* Detect from the files; assert failure with @needle in a one-line
 * message that starts with the path at fault. */
static void expect_error(const char *help, const char *device,
                         const char *bad_path, const char *needle)
{
    vc_error err = { 0 };
    vc_caps caps;

    vc_caps_init(&caps);
    assert_int_equal(vc_caps_from_files(&caps, help, device, &err), -1);
    assert_int_equal(err.code, VC_EXIT_INPUT);
    assert_null(strchr(err.msg, '\n'));
    assert_true(strncmp(err.msg, bad_path, strlen(bad_path)) == 0);
    if (!strstr(err.msg, needle))
        fail_msg("message '%s' lacks '%s'", err.msg, needle);
}

static void test_missing_help(void **state)
{
    fixture *f = *state;
    char *path = vc_asprintf("%s/nope.help", f->dir);

    expect_error(path, NULL, path, "cannot open: No such file or directory");
    free(path);
}

static void test_missing_device(void **state)
{
    fixture *f = *state;
    char *path = vc_asprintf("%s/nope.device", f->dir);

    expect_error(f->help, path, path, "cannot open");
    free(path);
}

static void test_directory(void **state)
{
    fixture *f = *state;

    expect_error(f->dir, NULL, f->dir, "not a regular file (a directory)");
}

static void test_unreadable(void **state)
{
    fixture *f = *state;
    char *path;

    /* Opens, but reading offset 0 fails (EIO), even for root. */
    expect_error("/proc/self/mem", NULL, "/proc/self/mem", "cannot read");

    /* Root reads anything, so a mode only locks others out. */
    if (geteuid() != 0) {
        path = put(f, "locked.help", "x", 1);
        assert_int_equal(chmod(path, 0), 0);
        expect_error(path, NULL, path, "Permission denied");
        free(path);
    }
}

static void test_empty_help(void **state)
{
    fixture *f = *state;
    char *path = put(f, "empty.help", "", 0);

    expect_error(path, NULL, path, "empty help text");
    free(path);
    path = put(f, "blank.help", "\n \n", 3);
    expect_error(path, NULL, path, "empty help text");
    free(path);
}

static void test_empty_device_is_valid(void **state)
{
    fixture *f = *state;
    char *path = put(f, "empty.device", "", 0);
    vc_error err = { 0 };
    vc_caps caps;

    vc_caps_init(&caps);
    assert_int_equal(vc_caps_from_files(&caps, f->help, path, &err), 0);
    assert_true(vc_caps_has(&caps, VC_CAP_DEVICE));
    assert_int_equal(caps.version, 1002000);
    free(path);
}

static void test_no_banner(void **state)
{
    fixture *f = *state;
    static const char text[] = "usage: qemu [options] [disk_image]\n-device driver\n";
    char *path = put(f, "nobanner.help", text, strlen(text));

    expect_error(path, NULL, path, "no QEMU version banner");
    free(path);
}

static void test_malformed_version(void **state)
{
    fixture *f = *state;
    static const char *const bad[] = {
        "QEMU emulator version one.two\n",
        "QEMU emulator version 1\n",
        "QEMU emulator version 1.x\n",
        "QEMU emulator version 99999999999.1.1\n",
        "QEMU emulator version 1.2000.0\n",
        "QEMU PC emulator version 0.9.1 (kvm-)\n",
    };

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char *path = put(f, "badversion.help", bad[i], strlen(bad[i]));
        expect_error(path, NULL, path, "malformed version");
        free(path);
    }
}

static void test_binary_garbage(void **state)
{
    fixture *f = *state;
    unsigned char junk[4096];
    char *path;

    /* deterministic junk with NUL bytes, as from a binary or a core */
    for (size_t i = 0; i < sizeof(junk); i++)
        junk[i] = (unsigned char)((i * 2654435761u) >> 13);
    junk[100] = 0;
    path = put(f, "garbage.help", (char *)junk, sizeof(junk));
    expect_error(path, NULL, path, "binary data (NUL byte at offset");
    free(path);

    /* junk after a good banner is still rejected */
    memcpy(junk, "QEMU emulator version 1.0\n", 26);
    path = put(f, "garbage2.help", (char *)junk, sizeof(junk));
    expect_error(path, NULL, path, "binary data");
    free(path);

    /* and in the device listing */
    path = put(f, "garbage.device", (char *)junk, sizeof(junk));
    expect_error(f->help, path, path, "binary data");
    free(path);

    /* high bytes without NUL: text, but no banner */
    for (size_t i = 0; i < sizeof(junk); i++)
        junk[i] = (unsigned char)(0x80 | (i & 0x7f));
    path = put(f, "garbage3.help", (char *)junk, sizeof(junk));
    expect_error(path, NULL, path, "no QEMU version banner");
    free(path);
}

static void test_huge_file(void **state)
{
    fixture *f = *state;
    char *path = vc_asprintf("%s/huge.help", f->dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    /* 100 MB, sparse: refused from its size before anything is read */
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 100 * 1024 * 1024), 0);
    close(fd);
    expect_error(path, NULL, path, "file too large");
    expect_error(f->help, path, path, "file too large");
    free(path);
}

/* A listing of 20k property lines (0.7 MB) where block sizes are spread
 * over many devices: the flag needs one device that lists both. */
static void test_large_listing_blockio(void **state)
{
    for (int pair = 0; pair <= 1; pair++) {
        size_t len;
        char *text = vc_synth_device_listing(20000, pair, &len);
        vc_error err = { 0 };
        vc_caps caps;

        vc_caps_init(&caps);
        assert_int_equal(vc_caps_parse_devices(&caps, text, len, "generated", &err), 0);
        assert_int_equal(vc_caps_has(&caps, VC_CAP_BLOCKIO), pair);
        free(text);
    }
    (void)state;
}

static void test_caps_list(void **state)
{
    vc_error err = { 0 };
    vc_caps caps;

    (void)state;
    vc_caps_init(&caps);
    assert_int_equal(vc_caps_parse_list(&caps, "drive,virtio-tx-alg,0.10", &err), 0);
    assert_true(vc_caps_has(&caps, VC_CAP_DRIVE));
    assert_true(vc_caps_has(&caps, VC_CAP_VIRTIO_TX_ALG));
    assert_true(vc_caps_has(&caps, VC_CAP_QEMU_0_10));
    assert_false(vc_caps_has(&caps, VC_CAP_DEVICE));
    assert_int_equal(vc_caps_parse_list(&caps, "drive,bogus", &err), -1);
    assert_string_equal(err.msg, "unknown capability 'bogus'");
    assert_int_equal(vc_caps_parse_list(&caps, "drive,,device", &err), -1);
}

static void test_report_roundtrip(void **state)
{
    vc_error err = { 0 };
    vc_caps a, b;
    char *s1, *s2;

    (void)state;
    vc_caps_init(&a);
    a.version = 1002003;
    a.is_kvm = true;
    a.kvm_version = 80;
    vc_caps_set(&a, VC_CAP_MLOCK);
    vc_caps_set(&a, VC_CAP_KQEMU);
    vc_caps_set(&a, VC_CAP_DISPLAY);
    s1 = vc_caps_format(&a, false);
    assert_string_equal(s1, "version 1002003\nis_kvm 1\nkvm_version 80\nflags kqemu mlock display\n");
    assert_int_equal(vc_caps_parse_report(&b, s1, "x", &err), 0);
    s2 = vc_caps_format(&b, true);
    assert_string_equal(s2, "version 1002003\nis_kvm 1\nkvm_version 80\nflags kqemu mlock\n");
    assert_int_equal(vc_caps_parse_report(&b, "flags x\n", "x", &err), -1);
    assert_int_equal(vc_caps_parse_report(&b, "version 1\nis_kvm 0\nkvm_version 0\nflags nope\n", "r", &err), -1);
    assert_string_equal(err.msg, "r: unknown capability 'nope'");
    free(s1);
    free(s2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_help),
        cmocka_unit_test(test_missing_device),
        cmocka_unit_test(test_directory),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_empty_help),
        cmocka_unit_test(test_empty_device_is_valid),
        cmocka_unit_test(test_no_banner),
        cmocka_unit_test(test_malformed_version),
        cmocka_unit_test(test_binary_garbage),
        cmocka_unit_test(test_huge_file),
        cmocka_unit_test(test_large_listing_blockio),
        cmocka_unit_test(test_caps_list),
        cmocka_unit_test(test_report_roundtrip),
    };
    int failed = cmocka_run_group_tests_name("caps-errors", tests, setup, teardown);
    size_t n = sizeof(tests) / sizeof(tests[0]);

    printf("caps-errors: %zu passed, %d failed\n", n - (size_t)failed, failed);
    return failed ? 1 : 0;
}
