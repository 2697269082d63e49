/* conf_types.c: switches, CPU masks, UUIDs and MAC addresses. */
#include "conf/conf_types.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/strutil.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

VC_ENUM_IMPL(vc_switch, VC_SWITCH_LAST, "default", "on", "off")
VC_ENUM_IMPL(vc_yesno, VC_YESNO_LAST, "default", "yes", "no")

bool vc_cpumask_get(const vc_cpumask *m, unsigned bit)
{
    return bit < VC_CPUMASK_BITS && (m->bits[bit / 64] >> (bit % 64)) & 1;
}

static void cpumask_assign(vc_cpumask *m, unsigned bit, bool on)
{
    if (on)
        m->bits[bit / 64] |= 1ull << (bit % 64);
    else
        m->bits[bit / 64] &= ~(1ull << (bit % 64));
}

bool vc_cpumask_is_empty(const vc_cpumask *m)
{
    for (size_t i = 0; i < VC_CPUMASK_BITS / 64; i++)
        if (m->bits[i])
            return false;
    return true;
}

static int parse_cpu(const char **p)
{
    int v;

    while (isspace((unsigned char)**p))
        (*p)++;
    v = vc_parse_number(p);
    if (v < 0 || v >= VC_CPUMASK_BITS)
        return -1;
    while (isspace((unsigned char)**p))
        (*p)++;
    return v;
}

int vc_cpumask_parse(const char *s, vc_cpumask *m)
{
    const char *p = s;
    vc_cpumask neg;

    memset(m, 0, sizeof(*m));
    memset(&neg, 0, sizeof(neg));
    if (!*p)
        return -1;
    for (;;) {
        bool negate = false;
        int lo, hi;

        while (isspace((unsigned char)*p))
            p++;
        if (*p == '^') {
            negate = true;
            p++;
        }
        if ((lo = parse_cpu(&p)) < 0)
            return -1;
        hi = lo;
        if (*p == '-') {
            if (negate)
                return -1;
            p++;
            if ((hi = parse_cpu(&p)) < 0 || hi < lo)
                return -1;
        }
        for (int i = lo; i <= hi; i++)
            cpumask_assign(negate ? &neg : m, (unsigned)i, true);
        if (*p == '\0')
            break;
        if (*p != ',')
            return -1;
        p++;
    }
    for (unsigned i = 0; i < VC_CPUMASK_BITS; i++)
        if (vc_cpumask_get(&neg, i))
            cpumask_assign(m, i, false);
    m->set = true;
    return 0;
}

char *vc_cpumask_format(const vc_cpumask *m)
{
    vc_buf b = VC_BUF_INIT;
    unsigned i = 0;

    while (i < VC_CPUMASK_BITS) {
        unsigned start;

        if (!vc_cpumask_get(m, i)) {
            i++;
            continue;
        }
        start = i;
        while (i + 1 < VC_CPUMASK_BITS && vc_cpumask_get(m, i + 1))
            i++;
        if (b.len)
            vc_buf_addc(&b, ',');
        if (start == i)
            vc_buf_addf(&b, "%u", start);
        else
            vc_buf_addf(&b, "%u-%u", start, i);
        i++;
    }
    return vc_buf_steal(&b);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

int vc_uuid_parse(const char *s, unsigned char uuid[VC_UUID_LEN])
{
    const char *p = s;
    size_t i = 0;

    while (isspace((unsigned char)*p))
        p++;
    while (i < VC_UUID_LEN) {
        int hi, lo;

        if (*p == '-') {
            p++;
            continue;
        }
        if ((hi = hexval(p[0])) < 0 || (lo = hexval(p[1])) < 0)
            return -1;
        uuid[i++] = (unsigned char)(hi << 4 | lo);
        p += 2;
    }
    while (isspace((unsigned char)*p))
        p++;
    return *p ? -1 : 0;
}

void vc_uuid_format(const unsigned char u[VC_UUID_LEN], char out[37])
{
    snprintf(out, 37,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
             u[10], u[11], u[12], u[13], u[14], u[15]);
}

int vc_mac_parse(const char *s, unsigned char mac[VC_MAC_LEN])
{
    const char *p = s;

    for (size_t i = 0; i < VC_MAC_LEN; i++) {
        int hi, lo;

        if ((hi = hexval(p[0])) < 0)
            return -1;
        if ((lo = hexval(p[1])) < 0) {
            mac[i] = (unsigned char)hi;
            p += 1;
        } else {
            mac[i] = (unsigned char)(hi << 4 | lo);
            p += 2;
        }
        if (i + 1 < VC_MAC_LEN) {
            if (*p != ':')
                return -1;
            p++;
        }
    }
    return *p ? -1 : 0;
}

void vc_mac_format(const unsigned char m[VC_MAC_LEN], char out[18])
{
    snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x",
             m[0], m[1], m[2], m[3], m[4], m[5]);
}
