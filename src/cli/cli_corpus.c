/* cli_corpus.c: what `compare` and `matrix` share: recordings named by
 * a path prefix, corpora of domain XMLs, and one build of a domain as
 * `argv --profile=test` makes it (the test host, its qemu.conf, the fake
 * kernel's "current" scenario), so the same input always gives the same
 * line.  A refusal, by the builder or the parser, is an outcome. */
#include "cli/cli.h"
#include "conf/domain.h"
#include "qemu/build.h"
#include "util/alloc.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcmp(s + n - m, suffix) == 0;
}

int vc_cli_recording_load(const char *arg, vc_cli_recording *rec)
{
    size_t n = strlen(arg);
    char *help, *device;
    const char *base;
    vc_error err = { 0 };
    int ret;

    if (has_suffix(arg, ".help"))
        n -= strlen(".help");
    rec->prefix = vc_asprintf("%.*s", (int)n, arg);
    base = strrchr(rec->prefix, '/');
    rec->name = vc_strdup(base ? base + 1 : rec->prefix);
    help = vc_asprintf("%s.help", rec->prefix);
    device = vc_asprintf("%s.device", rec->prefix);
    vc_caps_init(&rec->caps);
    if (!*rec->name || !is_file(help))
        ret = vc_cli_fail(VC_EXIT_INPUT, "%s: not a recording (no file %s)", arg, help);
    else if (vc_caps_from_files(&rec->caps, help, is_file(device) ? device : NULL, &err) < 0)
        ret = vc_cli_fail(err.code, "%s", err.msg);
    else
        ret = VC_EXIT_OK;
    free(help);
    free(device);
    return ret;
}

void vc_cli_recording_free(vc_cli_recording *rec)
{
    free(rec->prefix);
    free(rec->name);
    rec->prefix = rec->name = NULL;
}

/* the NAME.SUFFIX files of @dir, as DIR/NAME.SUFFIX, sorted */
static int list_dir(const char *dir, const char *suffix, vc_strlist *out)
{
    vc_strlist names = { 0 };
    struct dirent *e;
    DIR *d = opendir(dir);

    if (!d)
        return vc_cli_fail(VC_EXIT_INPUT, "%s: cannot read the directory", dir);
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' && has_suffix(e->d_name, suffix))
            vc_strlist_add(&names, e->d_name);
    closedir(d);
    vc_strlist_sort(&names);
    for (size_t i = 0; i < names.n; i++)
        vc_strlist_take(out, vc_asprintf("%s%s%s", dir, has_suffix(dir, "/") ? "" : "/",
                                         names.items[i]));
    vc_strlist_free(&names);
    return VC_EXIT_OK;
}

int vc_cli_corpus_list(const vc_strlist *paths, const char *fallback, vc_strlist *files)
{
    size_t n = paths->n ? paths->n : 1;

    for (size_t i = 0; i < n; i++) {
        const char *p = paths->n ? paths->items[i] : fallback;
        int ret;

        if (is_dir(p)) {
            if ((ret = list_dir(p, ".xml", files)) != 0)
                return ret;
        } else if (is_file(p)) {
            vc_strlist_add(files, p);
        } else {
            return vc_cli_fail(VC_EXIT_INPUT, "%s: no such file or directory", p);
        }
    }
    if (!files->n)
        return vc_cli_fail(VC_EXIT_INPUT, "%s: no domain XML (NAME.xml) in the corpus",
                           paths->n ? paths->items[0] : fallback);
    return VC_EXIT_OK;
}

int vc_cli_recordings_list(const char *arg, vc_strlist *prefixes)
{
    vc_strlist helps = { 0 };
    int ret;

    if (!is_dir(arg)) {
        vc_strlist_add(prefixes, arg);
        return VC_EXIT_OK;
    }
    if ((ret = list_dir(arg, ".help", &helps)) == 0 && !helps.n)
        ret = vc_cli_fail(VC_EXIT_INPUT, "%s: no recording (NAME.help) in the directory", arg);
    for (size_t i = 0; i < helps.n; i++)
        vc_strlist_add(prefixes, helps.items[i]);
    vc_strlist_free(&helps);
    return ret;
}

const char *vc_cli_case_name(const char *path, size_t *len)
{
    const char *base = strrchr(path, '/');

    base = base ? base + 1 : path;
    *len = strlen(base);
    if (has_suffix(base, ".xml"))
        *len -= strlen(".xml");
    return base;
}

/* A domain the parser rejects is refused too (a corpus such as libvirt's
 * holds some on purpose): "parse: MSG", the path in MSG written as its
 * last component, so the reason is the same wherever the tree is. */
static char *parse_reason(const char *xml, const char *msg)
{
    size_t n = strlen(xml), len;
    const char *base = vc_cli_case_name(xml, &len);

    if (strncmp(msg, xml, n) == 0)
        return vc_asprintf("parse: %s%s", base, msg + n);
    return vc_asprintf("parse: %s", msg);
}

/* the build itself, @cfg and @host ready; VC_EXIT_OK with @out set, or
 * the status of an error in @err */
static int build(const char *xml, const vc_caps *caps, const vc_qemu_config *cfg,
                 const vc_host *host, vc_build_usage *usage, vc_cli_outcome *out,
                 vc_error *err)
{
    vc_build_opts opts;
    vc_domain_def *def = NULL;
    vc_command cmd = VC_COMMAND_INIT;
    vc_cli_kernel kc = { 0 };
    vc_error berr = { 0 };
    int ret;

    vc_build_opts_init(&opts);
    opts.usage = usage;
    if ((ret = vc_cli_kernel_setup(&kc, host, NULL, NULL)) != 0) {
        vc_error_set(err, ret, "the fake kernel could not be set up");
        return ret;
    }
    if (!(def = vc_domain_parse_file(xml, &kc.host, VC_PARSE_INACTIVE, &berr))) {
        out->built = false;
        out->reason = parse_reason(xml, berr.msg);
        ret = VC_EXIT_OK;
    } else if (vc_qemu_build(def, &kc.host, caps, cfg, &opts, &cmd, &berr) < 0) {
        out->built = false;
        out->reason = vc_strdup(berr.msg);
        ret = VC_EXIT_OK;
    } else {
        out->built = true;
        vc_command_lines(&cmd, &out->lines);
        ret = VC_EXIT_OK;
    }
    /* as in `argv`: a descriptor neither handed to QEMU nor closed is a bug */
    if (ret == VC_EXIT_OK && vc_cli_kernel_trace(&kc, &cmd, NULL, err) < 0)
        ret = err->code;
    vc_command_free(&cmd);
    vc_domain_def_free(def);
    vc_cli_kernel_free(&kc);
    return ret;
}

int vc_cli_build_case(const char *xml, const vc_caps *caps, vc_build_usage *usage,
                      vc_cli_outcome *out)
{
    vc_qemu_config cfg;
    vc_error err = { 0 };
    int ret;

    memset(out, 0, sizeof(*out));
    vc_qemu_config_init(&cfg);
    vc_qemu_config_test_profile(&cfg);
    vc_qemu_config_finish(&cfg);
    ret = build(xml, caps, &cfg, vc_host_test(), usage, out, &err);
    if (ret != VC_EXIT_OK)
        vc_cli_fail_about(ret, xml, err.msg);
    vc_qemu_config_free(&cfg);
    return ret;
}

void vc_cli_outcome_free(vc_cli_outcome *out)
{
    vc_strlist_free(&out->lines);
    free(out->reason);
    out->reason = NULL;
}

void vc_cli_progress(const char *what, size_t done, size_t total)
{
    /* only where someone watches: a log or a test reads stderr whole */
    if (total < 20 || !isatty(STDERR_FILENO))
        return;
    if (done < total)
        fprintf(stderr, "\r%s: %zu/%zu", what, done, total);
    else
        fprintf(stderr, "\r%*s\r", (int)strlen(what) + 24, "");
}
