/* qemu_config.c: driver configuration keys, as in libvirt's qemu.conf.
 *
 * One table maps each key to its type and field.  A value of the wrong
 * type (a list where a string goes, a string where a number goes) is an
 * error at its FILE:LINE, as in libvirt, never ignored: an ignored
 * vnc_listen list would leave VNC listening everywhere.  Keys libvirt
 * knows that do not change a command line (cgroup lists, security
 * knobs) are checked the same way and dropped; unknown keys are errors
 * so a typo does not pass silently.  The syntax is qemu_config_text.c.
 */
#include "qemu/qemu_config.h"
#include "qemu/build_private.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/strutil.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    KEY_BOOL,           /* 0 or 1, bare */
    KEY_INT,            /* a bare number from min to max */
    KEY_STRING,         /* quoted (bare from --set) */
    KEY_STRING_OR_LIST, /* that, or a list of them, kept joined by ',' */
    KEY_LIST,           /* a list of strings */
} key_type;

#define NOT_KEPT SIZE_MAX   /* checked, then dropped: no effect on argv */

/* A string longer than this is no path, address or name. */
#define VALUE_MAX 4096

static const struct {
    const char *key;
    key_type type;
    size_t offset;          /* in vc_qemu_config, or NOT_KEPT */
    long long min, max;     /* KEY_INT */
} keys[] = {
#define K(name, type) { #name, type, offsetof(vc_qemu_config, name), 0, 0 }
#define N(name, min, max) { #name, KEY_INT, offsetof(vc_qemu_config, name), min, max }
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
    N(max_processes, 0, 1000000000),
    N(max_files, 0, 1000000000),
    /* stacked security drivers are a list */
    K(security_driver, KEY_STRING_OR_LIST),
    K(user, KEY_STRING),
    K(group, KEY_STRING),
    K(save_image_format, KEY_STRING),
    K(dump_image_format, KEY_STRING),
    K(auto_dump_path, KEY_STRING),
    K(lock_manager, KEY_STRING),
#undef K
#undef N
    /* known to libvirt, no effect on a command line */
    { "cgroup_controllers", KEY_LIST, NOT_KEPT, 0, 0 },
    { "cgroup_device_acl", KEY_LIST, NOT_KEPT, 0, 0 },
    { "security_default_confined", KEY_BOOL, NOT_KEPT, 0, 0 },
    { "security_require_confined", KEY_BOOL, NOT_KEPT, 0, 0 },
    { "auto_dump_bypass_cache", KEY_BOOL, NOT_KEPT, 0, 0 },
    { "auto_start_bypass_cache", KEY_BOOL, NOT_KEPT, 0, 0 },
    { "max_queued", KEY_INT, NOT_KEPT, 0, 1000000000 },
    { "keepalive_interval", KEY_INT, NOT_KEPT, -1, 1000000000 },  /* -1: off */
    { "keepalive_count", KEY_INT, NOT_KEPT, 0, 1000000000 },
    { "remote_display_port_min", KEY_INT, NOT_KEPT, 5900, 65535 },
    { "remote_display_port_max", KEY_INT, NOT_KEPT, 5900, 65535 },
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

/* Where a value came from, for messages: "FILE:LINE" or "--set". */
typedef struct origin {
    const char *name;
    unsigned line;          /* 0: none */
    int code;               /* VC_EXIT_INPUT from a file, VC_EXIT_USAGE from --set */
    bool words_are_strings; /* --set: the shell has done the quoting */
} origin;

#define bad(o, at, err, ...) \
    vc_conf_error(err, (o)->code, (o)->name, (o)->line ? (at) : 0, __VA_ARGS__)

/* "KEY: expected WHAT, got 'word'" (or "got a list", "got a string"). */
static int wrong(const origin *o, const char *key, const char *what,
                 const vc_conf_value *v, vc_error *err)
{
    if (v->kind == VC_CONF_WORD)
        return bad(o, v->line, err, "%s: expected %s, got '%.40s%s'", key, what, v->text,
                   strlen(v->text) > 40 ? "..." : "");
    return bad(o, v->line, err, "%s: expected %s, got %s", key, what,
               v->kind == VC_CONF_LIST ? "a list" : "a string");
}

/* A string value: quoted (or any word from --set), not overlong. */
static int check_string(const origin *o, const char *key, const char *what,
                        const vc_conf_value *v, vc_error *err)
{
    size_t n;

    if (v->kind == VC_CONF_WORD && !o->words_are_strings)
        return wrong(o, key, "a string in quotes", v, err);
    if (v->kind == VC_CONF_LIST)
        return wrong(o, key, what, v, err);
    if ((n = strlen(v->text)) > VALUE_MAX)
        return bad(o, v->line, err, "%s: value too long (%zu bytes, limit %d)", key, n,
                   VALUE_MAX);
    return 0;
}

/* A list of strings, joined by ',' into *@joined when wanted. */
static int check_list(const origin *o, const char *key, const vc_conf_value *v,
                      char **joined, vc_error *err)
{
    vc_buf b = VC_BUF_INIT;

    if (v->kind != VC_CONF_LIST)
        return wrong(o, key, "a list of strings", v, err);
    for (size_t i = 0; i < v->n; i++) {
        if (check_string(o, key, "a list of strings", &v->items[i], err) < 0) {
            vc_buf_free(&b);
            return -1;
        }
        vc_buf_addf(&b, "%s%s", i ? "," : "", v->items[i].text);
    }
    if (joined)
        *joined = vc_buf_steal(&b);
    vc_buf_free(&b);
    return 0;
}

/* A bare number as virconf reads one: decimal, with an optional sign. */
static bool number(const vc_conf_value *v, long long *n)
{
    const char *t = v->text;

    if (v->kind != VC_CONF_WORD)
        return false;
    if (t[0] == '+' && t[1] != '-')
        t++;
    return vc_parse_ll(t, 10, n);
}

/* Check @v against what @key takes; store it unless the key is not kept. */
static int apply(vc_qemu_config *cfg, size_t k, const vc_conf_value *v, const origin *o,
                 vc_error *err)
{
    const char *key = keys[k].key;
    void *field = keys[k].offset == NOT_KEPT ? NULL : (char *)cfg + keys[k].offset;
    char *s = NULL;
    long long n;

    switch (keys[k].type) {
    case KEY_BOOL:
        if (!number(v, &n) || (n != 0 && n != 1))
            return wrong(o, key, "0 or 1", v, err);
        if (field)
            *(bool *)field = n == 1;
        return 0;
    case KEY_INT:
        if (!number(v, &n) || n < keys[k].min || n > keys[k].max) {
            char *what = vc_asprintf("a number from %lld to %lld", keys[k].min, keys[k].max);
            wrong(o, key, what, v, err);
            free(what);
            return -1;
        }
        if (field)
            *(int *)field = (int)n;
        return 0;
    case KEY_STRING_OR_LIST:
        if (v->kind == VC_CONF_LIST) {
            if (check_list(o, key, v, &s, err) < 0)
                return -1;
            break;
        }
        /* fall through */
    case KEY_STRING:
        if (check_string(o, key, "a string", v, err) < 0)
            return -1;
        s = vc_strdup(v->text);
        break;
    case KEY_LIST:
        return check_list(o, key, v, NULL, err);
    }
    if (field) {
        free(*(char **)field);
        *(char **)field = s;
    } else {
        free(s);
    }
    return 0;
}

static int find_key(const char *key, const origin *o, unsigned line, vc_error *err)
{
    for (size_t k = 0; k < NKEYS; k++)
        if (strcmp(keys[k].key, key) == 0)
            return (int)k;
    return bad(o, line, err, "unknown qemu.conf key '%.80s'", key);
}

int vc_qemu_config_set(vc_qemu_config *cfg, const char *key, const char *value,
                       const char *where, int code, vc_error *err)
{
    origin o = { where, 0, code, true };
    vc_conf_value v;
    int k, ret;

    if ((k = find_key(key, &o, 0, err)) < 0 ||
        vc_conf_parse_set_value(value, key, where, code, &v, err) < 0)
        return -1;
    ret = apply(cfg, (size_t)k, &v, &o, err);
    vc_conf_value_free(&v);
    return ret;
}

int vc_qemu_config_set_pair(vc_qemu_config *cfg, const char *pair, vc_error *err)
{
    const char *eq = strchr(pair, '=');
    char *key;
    int ret;

    if (!eq || eq == pair)
        return vc_error_set(err, VC_EXIT_USAGE,
                            "--set: expected KEY=VALUE, got '%.80s'", pair);
    key = vc_strndup(pair, (size_t)(eq - pair));
    ret = vc_qemu_config_set(cfg, key, eq + 1, "--set", VC_EXIT_USAGE, err);
    free(key);
    return ret;
}

typedef struct file_ctx {
    vc_qemu_config *cfg;
    const char *path;
} file_ctx;

static int file_entry(void *opaque, const char *key, const vc_conf_value *v,
                      unsigned line, vc_error *err)
{
    file_ctx *f = opaque;
    origin o = { f->path, line, VC_EXIT_INPUT, false };
    int k = find_key(key, &o, line, err);

    return k < 0 ? -1 : apply(f->cfg, (size_t)k, v, &o, err);
}

int vc_qemu_config_parse(vc_qemu_config *cfg, const char *text, size_t len,
                         const char *path, vc_error *err)
{
    file_ctx f = { cfg, path };

    return vc_conf_parse(text, len, path, file_entry, &f, err);
}

int vc_qemu_config_load(vc_qemu_config *cfg, const char *path, vc_error *err)
{
    char *text = NULL;
    size_t len;
    int ret;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &text, &len, err) < 0)
        return -1;
    ret = vc_qemu_config_parse(cfg, text, len, path, err);
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
        if ((keys[i].type == KEY_STRING || keys[i].type == KEY_STRING_OR_LIST) &&
            keys[i].offset != NOT_KEPT) {
            char **field = (char **)((char *)cfg + keys[i].offset);
            free(*field);
            *field = NULL;
        }
}
