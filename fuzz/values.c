/* values.c: hostile attribute and text values. */
#include "values.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Numbers at and past the limits of int, unsigned, long long and
 * unsigned long long, of a 16-bit and an 8-bit field, of the controller
 * and PCI ranges, and memory near 2^63 bytes in KiB (2^53). */
static const char *const numbers[] = {
    "0", "1", "-1", "31", "32", "255", "256", "4095", "4096", "65535", "65536",
    "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295",
    "4294967296", "9007199254740991", "9007199254740992", "18014398509481984",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "18446744073709551615", "18446744073709551616",
    "99999999999999999999999999",
};

/* How a number is dressed: QEMU's and the parsers' edge cases. */
static const char *const number_prefixes[] = { "+", "-", " ", "\t", "0", "00", "0x", "-0x" };
static const char *const number_suffixes[] = { "x", " ", "\n", "k", "KiB", ".0", ",", "e3", "\r" };

/* Separators, quotes and blanks of QEMU and the shell, whitespace and
 * control characters (only tab, LF and CR survive as XML), markup that
 * must stay text, non-ASCII (accented, CJK, astral, BOM, bidi override,
 * NEL, line separator, combining) and invalid UTF-8, paths with blanks
 * and commas, option-like and keyword-like words, malformed numbers. */
static const char *const specials[] = {
    "", ",", ",,", "=", ",id=inj", ",,inj=1", "a=b,c=d", "'", "\"", "\\", " ", "  ",
    "\t", "\n", "\r", "\r\n", "\x01", "\x1b", "\x7f", "$(id)", "`id`", "${HOME}", ";",
    "|", "&", "<", ">", "&amp;", "]]>", "%s%n", "*", "?", "~", "#", ":", "@", "/",
    "..", "../../etc/passwd", "\xc3\xa9", "\xe6\x97\xa5\xe6\x9c\xac", "\xf0\x9f\x98\x80",
    "\xef\xbb\xbf", "\xe2\x80\xae", "\xc2\x85", "\xe2\x80\xa8", "e\xcc\x81",
    VC_FUZZ_BAD_UTF8_MARK, "/var/lib/libvirt/images/with space.img", "/tmp/a,b.img",
    "/tmp/a=b", "/tmp/a b,c=d", "-device", "--", "-", "on", "off", "yes", "no", "none",
    "default", "auto", "true", "false", "0x", "0x1g", "08", "1e3", "1.5", "-0", "+0",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(rng, a) ((a)[vc_rng_below((rng), N(a))])

const char *const *vc_fuzz_hostile_strings(size_t *n)
{
    *n = N(specials);
    return specials;
}

/* @orig repeated (or "A" when empty) up to VC_FUZZ_LONG_VALUE bytes. */
static char *long_value(const char *orig)
{
    size_t n = strlen(orig);
    vc_buf b = VC_BUF_INIT;

    if (!n || (unsigned char)orig[0] >= 0x80)
        orig = "A", n = 1;
    while (b.len + n <= VC_FUZZ_LONG_VALUE)
        vc_buf_addn(&b, orig, n);
    return vc_buf_steal(&b);
}

/* A number near @orig when it is one, else one of the limits. */
static char *base_number(vc_rng *rng, const char *orig)
{
    static const long long steps[] = { 1, -1, 1024, 1ll << 32 };
    char *end;
    long long n;

    errno = 0;
    n = strtoll(orig, &end, 10);
    if (!*orig || *end || errno || vc_rng_one_in(rng, 2))
        return vc_strdup(PICK(rng, numbers));
    switch (vc_rng_below(rng, 3)) {
    case 0:
        return vc_asprintf("%llu", (unsigned long long)n + (unsigned long long)PICK(rng, steps));
    case 1:
        return vc_asprintf("%llu", (unsigned long long)n * (unsigned long long)PICK(rng, steps));
    default:
        return vc_asprintf("-%s", orig);
    }
}

static char *number(vc_rng *rng, const char *orig)
{
    char *n = base_number(rng, orig), *r;
    unsigned long long v;
    char *end;

    errno = 0;
    v = strtoull(n, &end, 10);
    switch (vc_rng_below(rng, 5)) {
    case 0:
        r = *n != '-' && !*end && !errno ? vc_asprintf("0x%llx", v) : vc_strdup(n);
        break;
    case 1:
        r = *n != '-' && !*end && !errno ? vc_asprintf("0%llo", v) : vc_strdup(n);
        break;
    case 2:
        r = vc_asprintf("%s%s", PICK(rng, number_prefixes), n);
        break;
    case 3:
        r = vc_asprintf("%s%s", n, PICK(rng, number_suffixes));
        break;
    default:
        return n;
    }
    free(n);
    return r;
}

/* @s with @ins at a random character boundary. */
static char *insert(vc_rng *rng, const char *s, const char *ins)
{
    size_t n = strlen(s), at = vc_rng_below(rng, n + 1);

    while (at < n && ((unsigned char)s[at] & 0xc0) == 0x80)
        at++;
    return vc_asprintf("%.*s%s%s", (int)at, s, ins, s + at);
}

char *vc_fuzz_hostile_value(vc_rng *rng, const char *orig)
{
    const char *special = PICK(rng, specials);

    if (!orig)
        orig = "";
    switch (vc_rng_below(rng, 16)) {
    case 0:
        return long_value(vc_rng_one_in(rng, 2) ? orig : special);
    case 1: case 2: case 3: case 4: case 5:
        return number(rng, orig);
    case 6: case 7:
        return vc_strdup(special);
    case 8: case 9:
        return vc_asprintf("%s%s", orig, special);
    case 10:
        return vc_asprintf("%s%s", special, orig);
    default:
        return insert(rng, orig, special);
    }
}
