/* fuzz_caps.c: the capability target.
 *
 * The input is a QEMU's `-help` text and its device listing, split at
 * the first NUL byte or the first line holding only "--" (the help text
 * alone when there is neither).  Each part goes to the detector
 * (vc_caps_from_text) in a buffer of its exact size, with no NUL after
 * it, so reading past its end is caught by the sanitizers.  Detection
 * must succeed or refuse with an input error (exit code 2), and what it
 * detects must survive its own report: vc_caps_format, read back by
 * vc_caps_parse_report, gives the same capabilities.
 */
#include "fuzz.h"
#include "caps/caps.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* Where the help text ends (*@help_len) and the listing starts; @size
 * when there is no listing. */
static size_t split(const uint8_t *data, size_t size, size_t *help_len)
{
    static const char sep[] = "\n--\n";
    const uint8_t *nul = memchr(data, '\0', size);
    const uint8_t *dash = memmem(data, size, sep, strlen(sep));

    if (dash && (!nul || dash < nul)) {
        *help_len = (size_t)(dash - data) + 1;
        return *help_len + 3;
    }
    if (nul) {
        *help_len = (size_t)(nul - data);
        return *help_len + 1;
    }
    *help_len = size;
    return size;
}

/* @n bytes of @p in a buffer of that size (one byte when @n is 0). */
static char *exact_copy(const uint8_t *p, size_t n)
{
    char *r = vc_malloc0(n ? n : 1);

    memcpy(r, p, n);
    return r;
}

static void check_report(const vc_caps *caps)
{
    char *report = vc_caps_format(caps, false);
    vc_error err = { 0 };
    vc_caps back;

    if (vc_caps_parse_report(&back, report, "report", &err) < 0)
        vc_fuzz_fail("caps: the report does not read back: %s\n%s", err.msg, report);
    if (memcmp(&back, caps, sizeof(back)) != 0) {
        char *again = vc_caps_format(&back, false);
        vc_fuzz_expect_same("caps: the report read back", report, again);
        vc_fuzz_fail("caps: the report read back differs in a field it does not show");
    }
    free(report);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t help_len, dev_start = split(data, size, &help_len);
    size_t dev_len = size - dev_start;
    char *help = exact_copy(data, help_len);
    char *dev = dev_start < size ? exact_copy(data + dev_start, dev_len) : NULL;
    vc_error err = { 0 };
    vc_caps caps;

    vc_caps_init(&caps);
    if (vc_caps_from_text(&caps, help, help_len, "help", dev, dev_len, "device", &err) < 0)
        vc_fuzz_expect_error("caps", &err, VC_EXIT_INPUT);
    else
        check_report(&caps);
    free(help);
    free(dev);
    return 0;
}
