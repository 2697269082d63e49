#include "caps/caps.h"
#include "caps/caps_private.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/strutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const cap_names[VC_CAP_LAST] = {
#define VC_CAP(e, name) [VC_CAP_##e] = name,
#include "caps/caps_table.h"
#undef VC_CAP
};

void vc_caps_init(vc_caps *caps)
{
    memset(caps, 0, sizeof(*caps));
}

void vc_caps_set(vc_caps *caps, vc_cap flag)
{
    caps->bits[flag / 64] |= UINT64_C(1) << (flag % 64);
}

void vc_caps_clear(vc_caps *caps, vc_cap flag)
{
    caps->bits[flag / 64] &= ~(UINT64_C(1) << (flag % 64));
}

bool vc_caps_has(const vc_caps *caps, vc_cap flag)
{
    return (caps->bits[flag / 64] >> (flag % 64)) & 1;
}

const char *vc_cap_name(vc_cap flag)
{
    return (unsigned)flag < VC_CAP_LAST ? cap_names[flag] : NULL;
}

/* Listings are NUL-separated names in a fixed buffer. */
static int names_add(char *buf, size_t cap, size_t *len, const char *name, size_t n)
{
    if (n == 0 || n + 1 > cap - *len)
        return -1;
    memcpy(buf + *len, name, n);
    *len += n;
    buf[(*len)++] = '\0';
    return 0;
}

/* The entry @name, or "@name=..." when @alias_ok; NULL when none. */
static const char *names_find(const char *buf, size_t len, const char *name,
                              bool alias_ok)
{
    size_t n = strlen(name);

    if (strchr(name, '='))
        return NULL;        /* "NAME=TARGET" is an entry, not a name */
    for (size_t i = 0; i < len; i += strlen(buf + i) + 1) {
        const char *e = buf + i;
        if (strncmp(e, name, n) == 0 && (e[n] == '\0' || (alias_ok && e[n] == '=')))
            return e;
    }
    return NULL;
}

/* One name a line, indented under its section's heading, so that a
 * recording's expectation diffs by the name gained or lost. */
static void name_line(vc_buf *b, const char *name)
{
    vc_buf_add(b, "  ");
    vc_buf_add(b, name);
    vc_buf_addc(b, '\n');
}

/* Drop the entry of @name (and an alias "@name=..."), if listed. */
static void names_remove(char *buf, size_t *len, const char *name)
{
    const char *e = names_find(buf, *len, name, true);
    size_t at, n;

    if (!e)
        return;
    at = (size_t)(e - buf);
    n = strlen(e) + 1;
    memmove(buf + at, buf + at + n, *len - at - n);
    *len -= n;
}

void vc_caps_remove_machine(vc_caps *caps, const char *name)
{
    names_remove(caps->machines, &caps->machines_len, name);
}

void vc_caps_remove_device(vc_caps *caps, const char *name)
{
    names_remove(caps->devices, &caps->devices_len, name);
}

static void names_format(vc_buf *b, const char *what, const char *buf, size_t len)
{
    vc_buf_add(b, what);
    vc_buf_addc(b, '\n');
    for (size_t i = 0; i < len; i += strlen(buf + i) + 1)
        name_line(b, buf + i);
}

int vc_caps_add_machine(vc_caps *caps, const char *name, size_t n)
{
    if (names_add(caps->machines, sizeof(caps->machines), &caps->machines_len,
                  name, n) < 0)
        return -1;
    vc_caps_set(caps, VC_CAP_MACHINE_LISTING);
    return 0;
}

bool vc_caps_has_machine(const vc_caps *caps, const char *name)
{
    return names_find(caps->machines, caps->machines_len, name, true) != NULL;
}

const char *vc_caps_canonical_machine(const vc_caps *caps, const char *name)
{
    const char *e = names_find(caps->machines, caps->machines_len, name, true);
    const char *eq = e ? strchr(e, '=') : NULL;

    return eq ? eq + 1 : name;
}

int vc_caps_add_device(vc_caps *caps, const char *name, size_t n)
{
    if (names_add(caps->devices, sizeof(caps->devices), &caps->devices_len,
                  name, n) < 0)
        return -1;
    vc_caps_set(caps, VC_CAP_DEVICE_LISTING);
    return 0;
}

bool vc_caps_has_device(const vc_caps *caps, const char *name)
{
    return names_find(caps->devices, caps->devices_len, name, false) != NULL;
}

int vc_cap_from_name(const char *name)
{
    for (int i = 0; i < VC_CAP_LAST; i++)
        if (strcmp(cap_names[i], name) == 0)
            return i;
    return -1;
}

int vc_caps_check_text(const char *text, size_t len, const char *path,
                       const char *what, vc_error *err)
{
    size_t nul;

    if (vc_text_is_clean(text, len, &nul))
        return 0;
    return vc_error_set(err, VC_EXIT_INPUT,
                        "%s: binary data (NUL byte at offset %zu), not %s",
                        path, nul, what);
}

int vc_caps_from_text(vc_caps *caps, const char *help, size_t help_len,
                      const char *help_name, const char *devices, size_t dev_len,
                      const char *dev_name, vc_error *err)
{
    if (vc_caps_parse_help(caps, help, help_len, help_name, err) < 0)
        return -1;
    if (devices && vc_caps_has(caps, VC_CAP_DEVICE) &&
        vc_caps_parse_devices(caps, devices, dev_len, dev_name, err) < 0)
        return -1;
    return 0;
}

int vc_caps_from_files(vc_caps *caps, const char *help_path,
                       const char *device_path, vc_error *err)
{
    char *help = NULL, *dev = NULL;
    size_t help_len = 0, dev_len = 0;
    int ret = -1;

    if (vc_file_read(help_path, VC_FILE_MAX_DEFAULT, &help, &help_len, err) < 0)
        goto cleanup;
    if (device_path &&
        vc_file_read(device_path, VC_FILE_MAX_DEFAULT, &dev, &dev_len, err) < 0)
        goto cleanup;
    ret = vc_caps_from_text(caps, help, help_len, help_path, dev, dev_len, device_path,
                            err);

 cleanup:
    free(help);
    free(dev);
    return ret;
}

int vc_caps_parse_list(vc_caps *caps, const char *list, vc_error *err)
{
    const char *p = list;

    if (!*list)
        return 0;           /* a QEMU without any */
    for (;;) {
        size_t n = strcspn(p, ",");
        char *name = vc_strndup(p, n);
        int flag = vc_cap_from_name(name);

        if (n == 0)
            vc_error_set(err, VC_EXIT_USAGE, "empty capability name in '%s'", list);
        else if (flag < 0)
            vc_error_set(err, VC_EXIT_USAGE, "unknown capability '%s'", name);
        free(name);
        if (n == 0 || flag < 0)
            return -1;
        vc_caps_set(caps, (vc_cap)flag);
        p += n;
        if (!*p)
            return 0;
        p++;                /* the comma; a name must follow */
    }
}

char *vc_caps_format(const vc_caps *caps, bool canonical_only)
{
    vc_buf b = VC_BUF_INIT;
    int last = canonical_only ? VC_CAP_FIRST_PROJECT : VC_CAP_LAST;

    vc_buf_addf(&b, "version %lu\nis_kvm %d\nkvm_version %u\nflags\n",
                caps->version, caps->is_kvm ? 1 : 0, caps->kvm_version);
    for (int i = 0; i < last; i++)
        if (vc_caps_has(caps, (vc_cap)i))
            name_line(&b, cap_names[i]);
    if (!canonical_only && vc_caps_has(caps, VC_CAP_DEVICE_LISTING))
        names_format(&b, "devices", caps->devices, caps->devices_len);
    if (!canonical_only && vc_caps_has(caps, VC_CAP_MACHINE_LISTING))
        names_format(&b, "machines", caps->machines, caps->machines_len);
    return vc_buf_steal(&b);
}

/* The names of the section at *@p headed @name: the rest of its line
 * (the reference corpus's one-line "flags a b c") and the indented lines
 * after it (one a line, as vc_caps_format writes them); NULL when the
 * section is not there, else *@p is moved past it.  Caller frees. */
static char *section_names(const char **p, const char *name)
{
    size_t n = strlen(name);
    const char *s = *p, *end;

    if (strncmp(s, name, n) != 0 || (s[n] != ' ' && s[n] != '\n' && s[n] != '\0'))
        return NULL;
    end = s + n + strcspn(s + n, "\n");
    while (end[0] == '\n' && end[1] == ' ')
        end += 1 + strcspn(end + 1, "\n");
    *p = *end ? end + 1 : end;
    return vc_strndup(s + n, (size_t)(end - s) - n);
}

int vc_caps_parse_report(vc_caps *caps, const char *text, const char *path,
                         vc_error *err)
{
    static const struct {
        const char *name;
        int (*add)(vc_caps *caps, const char *name, size_t n);
    } listings[] = {
        { "devices", vc_caps_add_device }, { "machines", vc_caps_add_machine },
    };
    unsigned long version, is_kvm, kvm_version;
    const char *p;
    int consumed = 0;
    char *list = NULL;
    int ret = -1;

    vc_caps_init(caps);
    if (sscanf(text, "version %lu\nis_kvm %lu\nkvm_version %lu\n%n",
               &version, &is_kvm, &kvm_version, &consumed) == 3 && consumed) {
        p = text + consumed;
        list = section_names(&p, "flags");
    }
    if (!list)
        return vc_error_set(err, VC_EXIT_INPUT,
                            "%s: not a capability report (version/is_kvm/"
                            "kvm_version/flags lines)", path);
    caps->version = version;
    caps->is_kvm = is_kvm != 0;
    caps->kvm_version = (unsigned)kvm_version;

    for (char *tok = strtok(list, " \n"); tok; tok = strtok(NULL, " \n")) {
        int flag = vc_cap_from_name(tok);
        if (flag < 0) {
            vc_error_set(err, VC_EXIT_INPUT, "%s: unknown capability '%s'", path, tok);
            goto cleanup;
        }
        vc_caps_set(caps, (vc_cap)flag);
    }
    /* then, optionally, the device and the machine listings */
    for (size_t i = 0; i < ARRAY_CARDINALITY(listings); i++) {
        char *names = section_names(&p, listings[i].name);

        if (!names)
            continue;
        free(list);
        list = names;
        for (char *tok = strtok(list, " \n"); tok; tok = strtok(NULL, " \n")) {
            if (listings[i].add(caps, tok, strlen(tok)) < 0) {
                vc_error_set(err, VC_EXIT_INPUT, "%s: too many %s", path,
                             listings[i].name);
                goto cleanup;
            }
        }
    }
    ret = 0;

 cleanup:
    free(list);
    return ret;
}
