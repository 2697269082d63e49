/* fuzz_caps.c: the capability target.
 *
 * The input is a QEMU's `-help` text and its device listing, split at
 * the first NUL byte or the first line holding only "--" (the help text
 * alone when there is neither).  Detection must succeed or refuse with
 * an input error (exit code 2), and what it detects must survive its
 * own report: vc_caps_format, read back by vc_caps_parse_report, gives
 * the same capabilities.
 *
 * TODO(harden): the detector reads NUL-terminated text, so each part is
 * copied into a terminated buffer here; once the harden branch's
 * (data, len) entry point lands, pass the fuzzer's buffers as they are
 * so reading past the end is caught.
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

/* Where the help text ends (*@help_len) and the listing starts. */
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
    char *help = vc_strndup((const char *)data, help_len);
    char *dev = vc_strndup((const char *)data + dev_start, dev_len);
    vc_error err = { 0 };
    vc_caps caps;

    vc_caps_init(&caps);
    if (vc_caps_parse_help(&caps, help, help_len, "help", &err) < 0) {
        vc_fuzz_expect_error("caps: help", &err, VC_EXIT_INPUT);
    } else if (vc_caps_has(&caps, VC_CAP_DEVICE) &&
               vc_caps_parse_devices(&caps, dev, dev_len, "device", &err) < 0) {
        vc_fuzz_expect_error("caps: device listing", &err, VC_EXIT_INPUT);
    } else {
        check_report(&caps);
    }
    free(help);
    free(dev);
    return 0;
}
