/* qemu_config.c: driver configuration keys, as in libvirt's qemu.conf.
 *
 * One table maps each key to its type and field; keys libvirt knows
 * that do not change a command line (cgroup lists, security driver
 * knobs) are accepted and kept or ignored, unknown keys are errors so a
 * typo does not pass silently.
 */
#include "qemu/qemu_config.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/strutil.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef enum { KEY_BOOL, KEY_INT, KEY_STRING, KEY_IGNORED } key_type;

static const struct {
    const char *key;
    key_type type;
    size_t offset;
} keys[] = {
#define K(name, type) { #name, type, offsetof(vc_qemu_config, name) }
    K(vnc_listen, KEY_STRING),
    K(vnc_auto_unix_socket, KEY_BOOL),
    K(vnc_tls, KEY_BOOL),
    K(vnc_tls_x509_cert_dir, KEY_STRING),
    K(vnc_tls_x509_verify, KEY_BOOL),
    K(vnc_password, KEY_STRING),
    K(vnc_sasl, KEY_BOOL),
    K(vnc_sasl_dir, KEY_STRING),
    K(vnc_allow_host_audio, KEY_BOOL),
    K(spice_listen, KEY_STRING),
    K(spice_tls, KEY_BOOL),
    K(spice_tls_x509_cert_dir, KEY_STRING),
    K(spice_password, KEY_STRING),
    K(nographics_allow_host_audio, KEY_BOOL),
    K(hugetlbfs_mount, KEY_STRING),
    K(hugepage_path, KEY_STRING),
    K(state_dir, KEY_STRING),
    K(set_process_name, KEY_BOOL),
    K(mac_filter, KEY_BOOL),
    K(relaxed_acs_check, KEY_BOOL),
    K(allow_disk_format_probing, KEY_BOOL),
    K(clear_emulator_capabilities, KEY_BOOL),
    K(dynamic_ownership, KEY_BOOL),
    K(max_processes, KEY_INT),
    K(max_files, KEY_INT),
    K(security_driver, KEY_STRING),
    K(user, KEY_STRING),
    K(group, KEY_STRING),
    K(save_image_format, KEY_STRING),
    K(dump_image_format, KEY_STRING),
    K(auto_dump_path, KEY_STRING),
    K(lock_manager, KEY_STRING),
#undef K
    /* known to libvirt, no effect on a command line */
    { "cgroup_controllers", KEY_IGNORED, 0 },
    { "cgroup_device_acl", KEY_IGNORED, 0 },
    { "security_default_confined", KEY_IGNORED, 0 },
    { "security_require_confined", KEY_IGNORED, 0 },
    { "auto_dump_bypass_cache", KEY_IGNORED, 0 },
    { "auto_start_bypass_cache", KEY_IGNORED, 0 },
    { "max_queued", KEY_IGNORED, 0 },
    { "keepalive_interval", KEY_IGNORED, 0 },
    { "keepalive_count", KEY_IGNORED, 0 },
    { "remote_display_port_min", KEY_IGNORED, 0 },
    { "remote_display_port_max", KEY_IGNORED, 0 },
};

#define NKEYS (sizeof(keys) / sizeof(keys[0]))

void vc_qemu_config_init(vc_qemu_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->vnc_listen = vc_strdup("127.0.0.1");
    cfg->vnc_tls_x509_cert_dir = vc_strdup("/etc/pki/libvirt-vnc");
    cfg->vnc_sasl_dir = vc_strdup("/etc/sasl2");
    cfg->spice_listen = vc_strdup("127.0.0.1");
    cfg->spice_tls_x509_cert_dir = vc_strdup("/etc/pki/libvirt-spice");
    cfg->state_dir = vc_strdup("/var/lib/libvirt/qemu");
    cfg->hugetlbfs_mount = NULL;
    cfg->mac_filter = false;
    cfg->relaxed_acs_check = false;
    cfg->dynamic_ownership = true;
    cfg->clear_emulator_capabilities = true;
}

/* qemu.conf values: "quoted" or bare; quotes and trailing blanks go. */
static char *unquote(const char *v)
{
    size_t n;

    while (*v == ' ' || *v == '\t')
        v++;
    n = strlen(v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r'))
        n--;
    if (n >= 2 && v[0] == '"' && v[n - 1] == '"')
        return vc_strndup(v + 1, n - 2);
    return vc_strndup(v, n);
}

int vc_qemu_config_set(vc_qemu_config *cfg, const char *key, const char *value,
                       const char *where, int code, vc_error *err)
{
    char *v = unquote(value);
    int ret = -1;

    for (size_t i = 0; i < NKEYS; i++) {
        void *field = (char *)cfg + keys[i].offset;
        long long n;

        if (strcmp(keys[i].key, key) != 0)
            continue;
        switch (keys[i].type) {
        case KEY_BOOL:
            if (!vc_parse_ll(v, 10, &n) || (n != 0 && n != 1)) {
                vc_error_set(err, code, "%s: %s: expected 0 or 1, got '%s'",
                             where, key, v);
                goto cleanup;
            }
            *(bool *)field = n == 1;
            break;
        case KEY_INT:
            if (!vc_parse_ll(v, 10, &n) || n < 0 || n > 1000000000) {
                vc_error_set(err, code, "%s: %s: expected a number, got '%s'",
                             where, key, v);
                goto cleanup;
            }
            *(int *)field = (int)n;
            break;
        case KEY_STRING:
            free(*(char **)field);
            *(char **)field = v;
            v = NULL;
            break;
        case KEY_IGNORED:
            break;
        }
        ret = 0;
        goto cleanup;
    }
    vc_error_set(err, code, "%s: unknown qemu.conf key '%s'", where, key);

 cleanup:
    free(v);
    return ret;
}

int vc_qemu_config_set_pair(vc_qemu_config *cfg, const char *pair, vc_error *err)
{
    const char *eq = strchr(pair, '=');
    char *key;
    int ret;

    if (!eq || eq == pair)
        return vc_error_set(err, VC_EXIT_USAGE,
                            "--set: expected KEY=VALUE, got '%s'", pair);
    key = vc_strndup(pair, (size_t)(eq - pair));
    ret = vc_qemu_config_set(cfg, key, eq + 1, "--set", VC_EXIT_USAGE, err);
    free(key);
    return ret;
}

int vc_qemu_config_load(vc_qemu_config *cfg, const char *path, vc_error *err)
{
    char *text = NULL, *where = NULL;
    size_t len, nul;
    char *line, *save = NULL;
    unsigned lineno = 0;
    bool in_list = false;
    int ret = -1;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &text, &len, err) < 0)
        return -1;
    if (!vc_text_is_clean(text, len, &nul)) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: binary data (NUL byte at offset %zu)",
                     path, nul);
        goto cleanup;
    }
    /* strsep keeps empty lines, so line numbers stay right */
    save = text;
    while ((line = strsep(&save, "\n"))) {
        char *p = line, *eq, *key_end;

        lineno++;
        free(where);
        where = vc_asprintf("%s:%u", path, lineno);
        while (isspace((unsigned char)*p))
            p++;
        if (in_list) {
            /* the rest of a [ ... ] list value */
            if (strchr(p, ']'))
                in_list = false;
            continue;
        }
        if (!*p || *p == '#')
            continue;
        if (!(eq = strchr(p, '='))) {
            vc_error_set(err, VC_EXIT_INPUT, "%s: expected 'key = value'", where);
            goto cleanup;
        }
        key_end = eq;
        while (key_end > p && isspace((unsigned char)key_end[-1]))
            key_end--;
        *key_end = '\0';
        eq++;
        while (isspace((unsigned char)*eq))
            eq++;
        if (*eq == '[') {
            /* list values (cgroup_device_acl, ...) change no argv */
            if (!strchr(eq, ']'))
                in_list = true;
            if (vc_qemu_config_set(cfg, p, "", where, VC_EXIT_INPUT, err) < 0 &&
                strstr(err->msg, "unknown"))
                goto cleanup;
            continue;
        }
        /* a # after a closing quote or in a bare value starts a comment */
        {
            char *hash = NULL;
            if (*eq == '"') {
                char *close = strchr(eq + 1, '"');
                if (!close) {
                    vc_error_set(err, VC_EXIT_INPUT, "%s: unterminated string", where);
                    goto cleanup;
                }
                hash = strchr(close, '#');
            } else {
                hash = strchr(eq, '#');
            }
            if (hash)
                *hash = '\0';
        }
        if (vc_qemu_config_set(cfg, p, eq, where, VC_EXIT_INPUT, err) < 0)
            goto cleanup;
    }
    if (in_list) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: unterminated list", path);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    free(where);
    free(text);
    return ret;
}

void vc_qemu_config_test_profile(vc_qemu_config *cfg)
{
    static const char *const settings[][2] = {
        { "hugetlbfs_mount", "/dev/hugepages" },
        { "hugepage_path", "/dev/hugepages/libvirt/qemu" },
        { "spice_tls", "1" },
        { "spice_tls_x509_cert_dir", "/etc/pki/libvirt-spice" },
        { "spice_password", "123456" },
        { "vnc_tls", "0" },
        { "vnc_sasl", "0" },
    };

    for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
        vc_qemu_config_set(cfg, settings[i][0], settings[i][1], "test profile",
                           VC_EXIT_INTERNAL, NULL);
}

void vc_qemu_config_finish(vc_qemu_config *cfg)
{
    if (cfg->hugetlbfs_mount && !cfg->hugepage_path)
        cfg->hugepage_path = vc_asprintf("%s/libvirt/qemu", cfg->hugetlbfs_mount);
}

void vc_qemu_config_free(vc_qemu_config *cfg)
{
    for (size_t i = 0; i < NKEYS; i++)
        if (keys[i].type == KEY_STRING) {
            char **field = (char **)((char *)cfg + keys[i].offset);
            free(*field);
            *field = NULL;
        }
}
