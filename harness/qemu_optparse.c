/* qemu_optparse.c: QEMU's two key=value parsers, QemuOpts
 * (util/qemu-option.c) and keyval (util/keyval.c), as 7.2 has them. */
#include "qemu_read.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

/* ---- QemuOpts (util/qemu-option.c) ------------------------------------- */

/* get_opt_value: up to a single ',' (",," is a literal ','); returns
 * where it stopped (at ',' or the end). */
static const char *opt_value(const char *p, char **value)
{
    vc_buf b = VC_BUF_INIT;

    for (;;) {
        size_t n = strcspn(p, ",");
        vc_buf_addn(&b, p, n);
        p += n;
        if (p[0] == ',' && p[1] == ',') {
            vc_buf_addc(&b, ',');
            p += 2;
            continue;
        }
        break;
    }
    *value = vc_buf_steal(&b);
    return p;
}

/* get_opt_name_value: one item.  The item is the implied key's value
 * when @firstname is set and it has no '=' before its first ','; a bare
 * name is a flag ("noNAME": NAME=off). */
static const char *opt_name_value(const char *p, const char *firstname,
                                  char **name, char **value)
{
    size_t len = strcspn(p, "=,");

    if (p[len] != '=') {
        if (firstname) {
            *name = vc_strdup(firstname);
            p = opt_value(p, value);
        } else {
            *name = vc_strndup(p, len);
            p += len;
            if (strncmp(*name, "no", 2) == 0) {
                memmove(*name, *name + 2, strlen(*name + 2) + 1);
                *value = vc_strdup("off");
            } else {
                *value = vc_strdup("on");
            }
        }
    } else {
        *name = vc_strndup(p, len);
        p = opt_value(p + len + 1, value);
    }
    if (*p == ',')
        p++;
    return p;
}

static bool is_help(const char *name, const char *value)
{
    return strcmp(value, "on") == 0 && (strcmp(name, "help") == 0 || strcmp(name, "?") == 0);
}

int vc_qm_opts_do_parse(const char *params, const char *firstname, vc_qkvs *out,
                        char **why)
{
    for (const char *p = params; *p;) {
        char *name, *value;
        bool first = firstname != NULL;
        int help;

        p = opt_name_value(p, firstname, &name, &value);
        firstname = NULL;
        help = !first && is_help(name, value);
        if (!help && strcmp(name, "id") != 0)   /* the id is taken apart */
            vc_qkvs_add(out, name, value);
        free(name);
        free(value);
        if (help)
            return vc_qm_refuse(why, "QEMU would print its help for this option");
    }
    return 0;
}

/* opts_parse_id: the first "id" item, read WITHOUT the implied name, so
 * that "a,,id=b" as the implied value yields the id "b". */
static char *opts_parse_id(const char *params)
{
    for (const char *p = params; *p;) {
        char *name, *value;

        p = opt_name_value(p, NULL, &name, &value);
        if (strcmp(name, "id") == 0) {
            free(name);
            return value;
        }
        free(name);
        free(value);
    }
    return NULL;
}

/* id_wellformed: [A-Za-z][A-Za-z0-9_.-]* */
static bool id_wellformed(const char *id)
{
    if (!((*id >= 'A' && *id <= 'Z') || (*id >= 'a' && *id <= 'z')))
        return false;
    for (id++; *id; id++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._", *id))
            return false;
    return true;
}

/* opts_parse: the id, then the other items. */
int vc_qm_read_opts(const char *text, const char *implied, vc_qkvs *out, char **why)
{
    char *id = opts_parse_id(text);
    int rc = 0;

    if (id) {
        if (!id_wellformed(id))
            rc = vc_qm_refuse(why, "Parameter 'id' expects an identifier (got '%s')", id);
        else
            vc_qkvs_add(out, "id", id);
        free(id);
        if (rc < 0)
            return rc;
    }
    return vc_qm_opts_do_parse(text, implied, out, why);
}

/* ---- keyval (util/keyval.c) -------------------------------------------- */

/* parse_qapi_name(s, false): [A-Za-z][A-Za-z0-9_-]*, its length. */
static size_t qapi_name_len(const char *s, const char *end)
{
    const char *p = s;

    if (p >= end || !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
        return 0;
    for (p++; p < end && (strchr("-_", *p) || (*p >= '0' && *p <= '9') ||
                          (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')); p++)
        ;
    return (size_t)(p - s);
}

/* KEY.KEY...: names, and numbers after the first fragment. */
static bool keyval_key_ok(const char *key, size_t len)
{
    const char *s = key, *end = key + len;

    if (len > 127)
        return false;
    for (;;) {
        size_t n = 0;
        if (s != key)
            while (s + n < end && s[n] >= '0' && s[n] <= '9')
                n++;
        if (!n)
            n = qapi_name_len(s, end);
        if (!n || (s + n < end && s[n] != '.'))
            return false;
        s += n;
        if (s >= end)
            return true;
        s++;
    }
}

int vc_qm_read_keyval(const char *text, const char *implied, vc_qkvs *out, char **why)
{
    for (const char *s = text; *s;) {
        size_t len = strcspn(s, "=,");
        vc_buf v = VC_BUF_INIT;
        char *key;

        if (len && s[len] != '=' && implied) {
            /* the implied value ends at the first ',' or '=': no ",," */
            if ((len == 4 && strncmp(s, "help", 4) == 0) || (len == 1 && *s == '?'))
                return vc_qm_refuse(why, "QEMU would print its help for this option");
            vc_qkvs_addn(out, implied, s, len);
            s += len;
            if (*s == ',')
                s++;
            implied = NULL;
            continue;
        }
        implied = NULL;
        if (!keyval_key_ok(s, len))
            return vc_qm_refuse(why, "Invalid parameter '%.*s'", (int)len, s);
        if (s[len] != '=')
            return vc_qm_refuse(why, "Expected '=' after parameter '%.*s'", (int)len, s);
        key = vc_strndup(s, len);
        for (s += len + 1; *s; s++) {
            if (*s == ',' && s[1] != ',')
                break;
            if (*s == ',')
                s++;
            vc_buf_addc(&v, *s);
        }
        if (*s == ',')
            s++;
        vc_qkvs_add(out, key, vc_buf_str(&v));
        free(key);
        vc_buf_free(&v);
    }
    return 0;
}

