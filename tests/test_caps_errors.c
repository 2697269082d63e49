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

#include "test_args.h"
#include "tier.h"

#include "corpus.h"
#include "synth.h"
#include "caps/caps.h"
#include "util/alloc.h"
#include "util/buf.h"
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
    assert_string_equal(err.msg, "empty capability name in 'drive,,device'");
    assert_int_equal(vc_caps_parse_list(&caps, "drive,", &err), -1);
    assert_int_equal(err.code, VC_EXIT_USAGE);
    vc_caps_init(&caps);
    assert_int_equal(vc_caps_parse_list(&caps, "", &err), 0);
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
    assert_string_equal(s1, "version 1002003\nis_kvm 1\nkvm_version 80\n"
                            "flags\n  kqemu\n  mlock\n  display\n");
    assert_int_equal(vc_caps_parse_report(&b, s1, "x", &err), 0);
    s2 = vc_caps_format(&b, true);
    assert_string_equal(s2, "version 1002003\nis_kvm 1\nkvm_version 80\nflags\n  kqemu\n  mlock\n");
    free(s2);
    /* the reference corpus's one-line form reads the same */
    assert_int_equal(vc_caps_parse_report(&b, "version 1002003\nis_kvm 1\nkvm_version 80\n"
                                              "flags mlock kqemu\n", "x", &err), 0);
    s2 = vc_caps_format(&b, true);
    assert_string_equal(s2, "version 1002003\nis_kvm 1\nkvm_version 80\nflags\n  kqemu\n  mlock\n");
    assert_int_equal(vc_caps_parse_report(&b, "version 1\nis_kvm 0\nkvm_version 0\nflags\n", "x",
                                          &err), 0);
    assert_int_equal(b.version, 1);
    assert_int_equal(vc_caps_parse_report(&b, "flags x\n", "x", &err), -1);
    assert_int_equal(vc_caps_parse_report(&b, "version 1\nis_kvm 0\nkvm_version 0\nflags nope\n", "r", &err), -1);
    assert_string_equal(err.msg, "r: unknown capability 'nope'");
    free(s1);
    free(s2);
}

/* A machine listing: names and aliases, the section ending at a line of
 * another shape; one too long for the fixed room is an input error. */
static void test_machine_listing(void **state)
{
    const char *text = "Supported machines are:\n"
                       "pc                   Standard PC (alias of pc-i440fx-7.2)\n"
                       "pc-i440fx-7.2        Standard PC (default)\n"
                       "virtio-net-pci options:\n"
                       "  tx=<str>\n";
    vc_buf big = VC_BUF_INIT;
    vc_error err = { 0 };
    vc_caps caps, back;
    char *report;

    (void)state;
    vc_caps_init(&caps);
    assert_int_equal(vc_caps_parse_devices(&caps, text, strlen(text), "m", &err), 0);
    assert_true(vc_caps_has(&caps, VC_CAP_MACHINE_LISTING));
    assert_true(vc_caps_has_machine(&caps, "pc"));
    assert_false(vc_caps_has_machine(&caps, "virtio-net-pci"));
    assert_false(vc_caps_has_machine(&caps, "pc=pc-i440fx-7.2"));
    assert_string_equal(vc_caps_canonical_machine(&caps, "pc"), "pc-i440fx-7.2");
    assert_true(vc_caps_has(&caps, VC_CAP_VIRTIO_TX_ALG));
    report = vc_caps_format(&caps, false);
    assert_non_null(strstr(report, "\nmachines\n  pc=pc-i440fx-7.2\n  pc-i440fx-7.2\n"));
    assert_int_equal(vc_caps_parse_report(&back, report, "r", &err), 0);
    assert_memory_equal(&back, &caps, sizeof(caps));
    free(report);

    vc_buf_add(&big, "Supported machines are:\n");
    for (int i = 0; i < 400; i++)
        vc_buf_addf(&big, "machine-type-%04d     a machine\n", i);
    vc_caps_init(&caps);
    assert_int_equal(vc_caps_parse_devices(&caps, big.s, big.len, "big", &err), -1);
    assert_int_equal(err.code, VC_EXIT_INPUT);
    assert_string_equal(err.msg, "big: more machine types than fit in 4096 bytes");
    vc_buf_free(&big);
}

/* @len bytes of @text in a buffer of exactly that size: no NUL after
 * it, so ASan (make check-asan) reports any read past the end. */
static char *exact(const char *text, size_t len)
{
    char *b = vc_malloc0(len ? len : 1);

    memcpy(b, text, len);
    return b;
}

/* Detect from unterminated copies of (a prefix of) a help text and a
 * listing; success or an input error of one line, never a crash. */
static void detect_exact(const char *help, size_t help_len, const char *dev,
                         size_t dev_len, vc_caps *caps)
{
    char *h = exact(help, help_len);
    char *d = dev ? exact(dev, dev_len) : NULL;
    vc_error err = { 0 };

    vc_caps_init(caps);
    if (vc_caps_from_text(caps, h, help_len, "help", d, dev_len, "device", &err) < 0) {
        assert_int_equal(err.code, VC_EXIT_INPUT);
        assert_null(strchr(err.msg, '\n'));
    }
    free(h);
    free(d);
}

/* Where to cut @len bytes of @text: before and after every line end,
 * and at @random more offsets from a fixed seed; one in $VC_CUT_STRIDE
 * of them (make check-valgrind: memcheck makes each detection slow, and
 * check-asan tries them all). */
static void cut_points(const char *text, size_t len, size_t random, size_t **cuts,
                       size_t *n)
{
    const char *env = getenv("VC_CUT_STRIDE");
    size_t stride = env && atoi(env) > 0 ? (size_t)atoi(env) : 1;
    uint32_t seed = 2463534242u;    /* xorshift32: the same cuts every run */
    size_t cap = 0, k = 0;

    *n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '\n')
            continue;
        vc_grow(cuts, &cap, *n + 2, sizeof(**cuts));
        if (k++ % stride == 0)
            (*cuts)[(*n)++] = i;
        if (k++ % stride == 0)
            (*cuts)[(*n)++] = i + 1;
    }
    for (size_t i = 0; len && i < random; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        vc_grow(cuts, &cap, *n + 1, sizeof(**cuts));
        if (k++ % stride == 0)
            (*cuts)[(*n)++] = seed % len;
    }
}

/* Every recording of qemuhelpdata/, read from buffers of exactly its
 * length: the capabilities the files give.  Then prefixes of the help
 * (with no listing) and of the listing (after the whole help). */
static void test_unterminated_recordings(void **state)
{
    char *dir = vc_asprintf("%s/qemuhelpdata", vc_corpus_srcdir());
    vc_strlist names = { 0 };
    vc_error err = { 0 };

    (void)state;
    assert_int_equal(vc_corpus_list(dir, ".help", &names, &err), 0);
    assert_true(names.n > 0);
    for (size_t i = 0; i < names.n; i++) {
        char *hpath = vc_asprintf("%s/%s.help", dir, names.items[i]);
        char *dpath = vc_asprintf("%s/%s.device", dir, names.items[i]);
        char *help, *dev = NULL;
        size_t help_len, dev_len = 0, *cuts = NULL, ncuts;
        bool has_dev = vc_path_exists(dpath);
        vc_caps want, got;

        assert_int_equal(vc_file_read(hpath, VC_FILE_MAX_DEFAULT, &help, &help_len, &err), 0);
        if (has_dev)
            assert_int_equal(vc_file_read(dpath, VC_FILE_MAX_DEFAULT, &dev, &dev_len, &err), 0);
        vc_caps_init(&want);
        assert_int_equal(vc_caps_from_files(&want, hpath, has_dev ? dpath : NULL, &err), 0);
        detect_exact(help, help_len, dev, dev_len, &got);
        assert_memory_equal(&got, &want, sizeof(want));

        cut_points(help, help_len, 200, &cuts, &ncuts);
        for (size_t c = 0; c < ncuts; c++)
            detect_exact(help, cuts[c], NULL, 0, &got);
        free(cuts);
        cuts = NULL;
        cut_points(dev ? dev : "", dev_len, 200, &cuts, &ncuts);
        for (size_t c = 0; c < ncuts; c++)
            detect_exact(help, help_len, dev, cuts[c], &got);
        free(cuts);
        free(help);
        free(dev);
        free(hpath);
        free(dpath);
    }
    vc_strlist_free(&names);
    free(dir);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    static const vc_test_knob knobs[] = {
        { "VC_CUT_STRIDE=N", "try one cut of a recording in N (default 1: every cut)" },
        { NULL, NULL },
    };
    vc_test_args(argc, argv, knobs);
    return run_tiers();
}

static int run_tiers(void)
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
        cmocka_unit_test(test_machine_listing),
        cmocka_unit_test(test_unterminated_recordings),
    };
    size_t n = sizeof(tests) / sizeof(tests[0]);
    int failed = vc_group_run("caps-errors", tests, n, setup, teardown);

    return failed ? 1 : 0;
}
