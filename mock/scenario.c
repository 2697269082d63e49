/* scenario.c: reading a scenario file into the fake kernel (the format
 * is in mock.h). */
#include "mock_private.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/file.h"

#ifndef VC_MOCK_SCENARIO_DIR
#error "VC_MOCK_SCENARIO_DIR (the directory of the scenarios) is set by the Makefile"
#endif

#define SUFFIX ".scenario"
#define MAX_DEPTH 8             /* includes deeper than this are a cycle */
#define MAX_WORDS 16
#define FILE_MAX (64u * 1024)

typedef struct loc {
    const char *file;
    int line;
    int depth;                  /* of includes */
} loc;

static int bad(vc_error *err, const loc *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int bad(vc_error *err, const loc *at, const char *fmt, ...)
{
    char msg[VC_ERROR_MSG_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return vc_error_set(err, VC_EXIT_INPUT, "%s:%d: %s", at->file, at->line, msg);
}

/* ---- where scenarios are -------------------------------------------- */

/* a path as it is; a name in the scenario directory */
static char *scenario_path(const char *scenario)
{
    if (strchr(scenario, '/'))
        return vc_strdup(scenario);
    return vc_asprintf("%s/%s" SUFFIX, VC_MOCK_SCENARIO_DIR, scenario);
}

static bool is_known(const char *scenario, const char *path)
{
    return strchr(scenario, '/') || (*scenario && access(path, F_OK) == 0);
}

/* "current, no-bridge, ...": the names in the scenario directory */
static char *known_names(void)
{
    vc_strlist names = { 0 };
    vc_buf b = VC_BUF_INIT;
    DIR *dir = opendir(VC_MOCK_SCENARIO_DIR);
    struct dirent *e;

    while (dir && (e = readdir(dir))) {
        size_t n = strlen(e->d_name);

        if (n > strlen(SUFFIX) && VC_STREQ(e->d_name + n - strlen(SUFFIX), SUFFIX))
            vc_strlist_take(&names, vc_strndup(e->d_name, n - strlen(SUFFIX)));
    }
    if (dir)
        closedir(dir);
    vc_strlist_sort(&names);
    for (size_t i = 0; i < names.n; i++)
        vc_buf_addf(&b, "%s%s", i ? ", " : "", names.items[i]);
    vc_strlist_free(&names);
    return vc_buf_steal(&b);
}

/* ---- directives ----------------------------------------------------- */

typedef int (*directive_fn)(vc_mock_kernel *m, char **w, size_t n, const loc *at,
                            vc_error *err);

static int parse_file(vc_mock_kernel *m, const char *path, int depth, vc_error *err);

static int d_include(vc_mock_kernel *m, char **w, size_t n, const loc *at, vc_error *err)
{
    char *path = scenario_path(w[0]), *known;
    int rc;

    (void)n;
    if (at->depth >= MAX_DEPTH) {
        rc = bad(err, at, "includes nest deeper than %d (a cycle?)", MAX_DEPTH);
    } else if (!is_known(w[0], path)) {
        known = known_names();
        rc = bad(err, at, "unknown scenario '%s' (known: %s)", w[0], known);
        free(known);
    } else {
        rc = parse_file(m, path, at->depth + 1, err);
    }
    free(path);
    return rc;
}

static int d_device(vc_mock_kernel *m, char **w, size_t n, const loc *at, vc_error *err)
{
    (void)n;
    if (w[0][0] != '/')
        return bad(err, at, "device '%s' is not an absolute path", w[0]);
    if (!vc_strlist_has(&m->devices, w[0]))
        vc_strlist_add(&m->devices, w[0]);
    return 0;
}

/* FLAG... of linux/if_tun.h into @mask, replacing it */
static int tun_mask(char **w, size_t n, unsigned int *mask, const loc *at, vc_error *err)
{
    unsigned long flag;

    *mask = 0;
    for (size_t i = 0; i < n; i++) {
        if (!mock_value_of(mock_tun_flags, w[i], &flag))
            return bad(err, at, "unknown tun flag '%s'", w[i]);
        *mask |= (unsigned int)flag;
    }
    return 0;
}

static int d_tun_features(vc_mock_kernel *m, char **w, size_t n, const loc *at,
                          vc_error *err)
{
    return tun_mask(w, n, &m->tun_features, at, err);
}

/* an older macvtap: the features its queues report, the flags they
 * open with */
static int d_macvtap_features(vc_mock_kernel *m, char **w, size_t n, const loc *at,
                              vc_error *err)
{
    return tun_mask(w, n, &m->macvtap_features, at, err);
}

static int d_macvtap_flags(vc_mock_kernel *m, char **w, size_t n, const loc *at,
                           vc_error *err)
{
    return tun_mask(w, n, &m->macvtap_flags, at, err);
}

static int errno_word(const char *word, int *e, const loc *at, vc_error *err)
{
    unsigned long v;

    if (!mock_value_of(mock_errnos, word, &v))
        return bad(err, at, "unknown errno '%s'", word);
    *e = (int)v;
    return 0;
}

static int d_tungetiff(vc_mock_kernel *m, char **w, size_t n, const loc *at, vc_error *err)
{
    (void)n;
    if (VC_STREQ(w[0], "0")) {
        m->tungetiff_unattached = 0;
        return 0;
    }
    return errno_word(w[0], &m->tungetiff_unattached, at, err);
}

static int parse_mac(const char *s, unsigned char mac[MOCK_MAC_LEN])
{
    int end = 0;

    if (sscanf(s, "%2hhx:%2hhx:%2hhx:%2hhx:%2hhx:%2hhx%n", &mac[0], &mac[1], &mac[2],
               &mac[3], &mac[4], &mac[5], &end) != MOCK_MAC_LEN ||
        end != 17 || s[end])
        return -1;
    return 0;
}

static int add_link(vc_mock_kernel *m, char **w, size_t n, mock_link_kind kind,
                    const loc *at, vc_error *err)
{
    unsigned char mac[MOCK_MAC_LEN];
    mock_link *l;
    int rc;

    if (n > 1 && (parse_mac(w[1], mac) < 0 || (mac[0] & 1)))
        return bad(err, at, "'%s' is not a unicast MAC (xx:xx:xx:xx:xx:xx)", w[1]);
    if (strchr(w[0], '%') || (rc = mock_link_add(m, w[0], kind, &l)) == -EINVAL)
        return bad(err, at, "'%s' is not a link name", w[0]);
    if (rc == -EEXIST)
        return bad(err, at, "link '%s' is declared twice", w[0]);
    if (n > 1)
        memcpy(l->mac, mac, MOCK_MAC_LEN);
    l->flags |= IFF_UP;
    l->created = false;
    return 0;
}

static int d_link(vc_mock_kernel *m, char **w, size_t n, const loc *at, vc_error *err)
{
    return add_link(m, w, n, MOCK_LINK_ETHER, at, err);
}

static int d_bridge(vc_mock_kernel *m, char **w, size_t n, const loc *at, vc_error *err)
{
    return add_link(m, w, n, MOCK_LINK_BRIDGE, at, err);
}

static int d_macvtap(vc_mock_kernel *m, char **w, size_t n, const loc *at, vc_error *err)
{
    (void)w, (void)n, (void)at, (void)err;
    m->macvtap = true;
    return 0;
}

static const struct {
    const char *name;
    mock_call call;
    const mock_name *what;      /* NULL: a path */
} calls[] = {
    { "open", MOCK_CALL_OPEN, NULL },
    { "ioctl", MOCK_CALL_IOCTL, mock_requests },
    { "socket", MOCK_CALL_SOCKET, mock_domains },
    { "netlink", MOCK_CALL_NETLINK, mock_nl_types },
    /* the exchange itself: sending the request, reading its answer */
    { "sendto", MOCK_CALL_SENDTO, mock_nl_types },
    { "recv", MOCK_CALL_RECV, mock_nl_types },
};

static int d_fail(vc_mock_kernel *m, char **w, size_t n, const loc *at, vc_error *err)
{
    mock_fail f = { .left = -1 };
    unsigned long long count;
    size_t c = 0;

    while (c < sizeof(calls) / sizeof(calls[0]) && !VC_STREQ(calls[c].name, w[0]))
        c++;
    if (c == sizeof(calls) / sizeof(calls[0]))
        return bad(err, at, "unknown call '%s' (open, ioctl, socket, netlink, sendto, "
                   "recv)", w[0]);
    f.call = calls[c].call;
    if (!calls[c].what && w[1][0] != '/')
        return bad(err, at, "'%s' is not an absolute path", w[1]);
    if (calls[c].what && !mock_value_of(calls[c].what, w[1], &f.what))
        return bad(err, at, "unknown %s '%s'", w[0], w[1]);
    if (errno_word(w[2], &f.err, at, err) < 0)
        return -1;
    if (n > 3 && (!vc_parse_ull(w[3], 10, &count) || count == 0 || count > INT_MAX))
        return bad(err, at, "'%s' is not a count of calls", w[3]);
    if (n > 3)
        f.left = (int)count;
    f.path = calls[c].what ? NULL : vc_strdup(w[1]);
    vc_grow(&m->fails, &m->capfails, m->nfails + 1, sizeof(*m->fails));
    m->fails[m->nfails++] = f;
    return 0;
}

static const struct directive {
    const char *name;
    size_t min, max;            /* words after the directive */
    const char *usage;
    directive_fn fn;
} directives[] = {
    { "include", 1, 1, "NAME|PATH", d_include },
    { "device", 1, 1, "PATH", d_device },
    { "tun-features", 0, MAX_WORDS - 1, "[FLAG...]", d_tun_features },
    { "tungetiff-unattached", 1, 1, "ERRNO|0", d_tungetiff },
    { "link", 1, 2, "NAME [MAC]", d_link },
    { "bridge", 1, 2, "NAME [MAC]", d_bridge },
    { "macvtap", 0, 0, "", d_macvtap },
    { "macvtap-features", 0, MAX_WORDS - 1, "[FLAG...]", d_macvtap_features },
    { "macvtap-flags", 0, MAX_WORDS - 1, "[FLAG...]", d_macvtap_flags },
    { "fail", 3, 4, "CALL WHAT ERRNO [COUNT]", d_fail },
};

/* ---- files ---------------------------------------------------------- */

static int parse_line(vc_mock_kernel *m, char *text, const loc *at, vc_error *err)
{
    char *w[MAX_WORDS + 1], *save = NULL, *word;
    size_t n = 0, d = 0;

    text[strcspn(text, "#")] = '\0';
    for (word = strtok_r(text, " \t\r", &save); word; word = strtok_r(NULL, " \t\r", &save)) {
        if (n == MAX_WORDS)
            return bad(err, at, "more than %d words", MAX_WORDS);
        w[n++] = word;
    }
    if (n == 0)
        return 0;
    while (d < sizeof(directives) / sizeof(directives[0]) && !VC_STREQ(directives[d].name, w[0]))
        d++;
    if (d == sizeof(directives) / sizeof(directives[0]))
        return bad(err, at, "unknown directive '%s'", w[0]);
    if (n - 1 < directives[d].min || n - 1 > directives[d].max)
        return bad(err, at, "usage: %s%s%s", w[0], *directives[d].usage ? " " : "",
                   directives[d].usage);
    return directives[d].fn(m, w + 1, n - 1, at, err);
}

static int parse_file(vc_mock_kernel *m, const char *path, int depth, vc_error *err)
{
    char *text = NULL, *line, *next;
    size_t len = 0, where;
    loc at = { path, 1, depth };
    int rc = -1;

    if (vc_file_read(path, FILE_MAX, &text, &len, err) < 0)
        goto cleanup;
    if (!vc_text_is_clean(text, len, &where)) {
        for (size_t i = 0; i < where; i++)
            at.line += text[i] == '\n';
        bad(err, &at, "a NUL byte: not a scenario");
        goto cleanup;
    }
    for (line = text; line; line = next, at.line++) {
        if ((next = strchr(line, '\n')))
            *next++ = '\0';
        if (parse_line(m, line, &at, err) < 0)
            goto cleanup;
    }
    rc = 0;
cleanup:
    free(text);
    return rc;
}

int mock_scenario_load(vc_mock_kernel *m, const char *scenario, vc_error *err)
{
    char *path = scenario_path(scenario), *known = NULL, *name = NULL;
    int rc;

    if (is_known(scenario, path)) {
        rc = parse_file(m, path, 0, err);
    } else {
        known = known_names();
        name = mock_escaped(scenario);
        rc = vc_error_set(err, VC_EXIT_USAGE, "unknown kernel scenario '%s' (known: %s)",
                          name, known);
    }
    free(known);
    free(name);
    free(path);
    return rc;
}
