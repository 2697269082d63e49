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

int vc_caps_add_machine(vc_caps *caps, const char *name, size_t n)
{
    if (n == 0 || n + 1 > sizeof(caps->machines) - caps->machines_len)
        return -1;
    memcpy(caps->machines + caps->machines_len, name, n);
    caps->machines_len += n;
    caps->machines[caps->machines_len++] = '\0';
    vc_caps_set(caps, VC_CAP_MACHINE_LISTING);
    return 0;
}

/* The entry "NAME" or "NAME=TARGET" for @name, NULL when not listed. */
static const char *machine_entry(const vc_caps *caps, const char *name)
{
    size_t n = strlen(name);

    for (size_t i = 0; i < caps->machines_len; i += strlen(caps->machines + i) + 1) {
        const char *e = caps->machines + i;
        if (strncmp(e, name, n) == 0 && (e[n] == '\0' || e[n] == '='))
            return e;
    }
    return NULL;
}

bool vc_caps_has_machine(const vc_caps *caps, const char *name)
{
    return machine_entry(caps, name) != NULL;
}

const char *vc_caps_canonical_machine(const vc_caps *caps, const char *name)
{
    const char *e = machine_entry(caps, name);
    const char *eq = e ? strchr(e, '=') : NULL;

    return eq ? eq + 1 : name;
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

    vc_buf_addf(&b, "version %lu\nis_kvm %d\nkvm_version %u\nflags",
                caps->version, caps->is_kvm ? 1 : 0, caps->kvm_version);
    for (int i = 0; i < last; i++) {
        if (!vc_caps_has(caps, (vc_cap)i))
            continue;
        vc_buf_addc(&b, ' ');
        vc_buf_add(&b, cap_names[i]);
    }
    vc_buf_addc(&b, '\n');
    if (!canonical_only && vc_caps_has(caps, VC_CAP_MACHINE_LISTING)) {
        vc_buf_add(&b, "machines");
        for (size_t i = 0; i < caps->machines_len;
             i += strlen(caps->machines + i) + 1) {
            vc_buf_addc(&b, ' ');
            vc_buf_add(&b, caps->machines + i);
        }
        vc_buf_addc(&b, '\n');
    }
    return vc_buf_steal(&b);
}

int vc_caps_parse_report(vc_caps *caps, const char *text, const char *path,
                         vc_error *err)
{
    unsigned long version, is_kvm, kvm_version;
    const char *p;
    int consumed = 0;
    char *list = NULL;
    int ret = -1;

    vc_caps_init(caps);
    if (sscanf(text, "version %lu\nis_kvm %lu\nkvm_version %lu\nflags%n",
               &version, &is_kvm, &kvm_version, &consumed) != 3 || !consumed)
        return vc_error_set(err, VC_EXIT_INPUT,
                            "%s: not a capability report (version/is_kvm/"
                            "kvm_version/flags lines)", path);
    caps->version = version;
    caps->is_kvm = is_kvm != 0;
    caps->kvm_version = (unsigned)kvm_version;

    p = text + consumed;
    list = vc_strndup(p, strcspn(p, "\n"));
    for (char *tok = strtok(list, " "); tok; tok = strtok(NULL, " ")) {
        int flag = vc_cap_from_name(tok);
        if (flag < 0) {
            vc_error_set(err, VC_EXIT_INPUT, "%s: unknown capability '%s'", path, tok);
            goto cleanup;
        }
        vc_caps_set(caps, (vc_cap)flag);
    }
    /* an optional fifth line: the machine listing */
    p += strcspn(p, "\n");
    if (*p == '\n' && VC_STRPREFIX(p + 1, "machines")) {
        free(list);
        p += 1 + strlen("machines");
        list = vc_strndup(p, strcspn(p, "\n"));
        for (char *tok = strtok(list, " "); tok; tok = strtok(NULL, " ")) {
            if (vc_caps_add_machine(caps, tok, strlen(tok)) < 0) {
                vc_error_set(err, VC_EXIT_INPUT, "%s: too many machine types", path);
                goto cleanup;
            }
        }
    }
    ret = 0;

 cleanup:
    free(list);
    return ret;
}
