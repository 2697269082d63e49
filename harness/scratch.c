#include "scratch.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/strutil.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static char *replace_all(const char *text, const char *from, const char *to)
{
    vc_buf b = VC_BUF_INIT;
    size_t n = strlen(from);
    const char *p = text, *hit;

    while ((hit = strstr(p, from))) {
        vc_buf_addn(&b, p, (size_t)(hit - p));
        vc_buf_add(&b, to);
        p = hit + n;
    }
    vc_buf_add(&b, p);
    return vc_buf_steal(&b);
}

char *vc_scratch_expand(const vc_scratch *s, const char *text)
{
    return s->dir ? replace_all(text, VC_SCRATCH_MARK, s->dir) : vc_strdup(text);
}

char *vc_scratch_mask(const vc_scratch *s, const char *text)
{
    return s->dir ? replace_all(text, s->dir, VC_SCRATCH_MARK) : vc_strdup(text);
}

static int make_fifo(const char *path, const char *text, vc_error *err)
{
    (void)text;
    if (mkfifo(path, 0600) < 0)
        return vc_error_set(err, VC_EXIT_INTERNAL, "mkfifo %s: %s", path, strerror(errno));
    return 0;
}

static int make_socket(const char *path, const char *text, vc_error *err)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd, rc;

    (void)text;
    if (strlen(path) >= sizeof(addr.sun_path))
        return vc_error_set(err, VC_EXIT_INTERNAL, "%s: too long for a socket", path);
    strcpy(addr.sun_path, path);
    if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
        return vc_error_set(err, VC_EXIT_INTERNAL, "socket: %s", strerror(errno));
    /* the socket file stays when the descriptor goes */
    rc = bind(fd, (struct sockaddr *)&addr, sizeof(addr));
    if (rc < 0)
        vc_error_set(err, VC_EXIT_INTERNAL, "bind %s: %s", path, strerror(errno));
    close(fd);
    return rc < 0 ? -1 : 0;
}

static int make_dir(const char *path, const char *text, vc_error *err)
{
    (void)text;
    if (mkdir(path, 0700) < 0)
        return vc_error_set(err, VC_EXIT_INTERNAL, "mkdir %s: %s", path, strerror(errno));
    return 0;
}

static int make_file(const char *path, const char *text, vc_error *err)
{
    char *line = vc_asprintf("%s\n", text);
    int rc = vc_file_write(path, line, strlen(line), err);

    free(line);
    return rc;
}

static int make_link(const char *path, const char *text, vc_error *err)
{
    if (symlink(text, path) < 0)
        return vc_error_set(err, VC_EXIT_INTERNAL, "symlink %s: %s", path, strerror(errno));
    return 0;
}

static const struct {
    const char *name;
    bool takes_text;
    int (*make)(const char *path, const char *text, vc_error *err);
} kinds[] = {
    { "fifo", false, make_fifo },
    { "socket", false, make_socket },
    { "dir", false, make_dir },
    { "file", true, make_file },
    { "link", true, make_link },
};

/* "KIND NAME [TEXT...]" */
static int make_one(vc_scratch *s, const char *where, char *line, vc_error *err)
{
    char *name, *text, *path, *expanded;
    size_t k = 0;
    int rc;

    name = line + strcspn(line, " ");
    if (*name)
        *name++ = '\0';
    text = name + strcspn(name, " ");
    if (*text)
        *text++ = '\0';
    while (k < sizeof(kinds) / sizeof(kinds[0]) && !VC_STREQ(kinds[k].name, line))
        k++;
    if (k == sizeof(kinds) / sizeof(kinds[0]) || !*name || strchr(name, '/') ||
        kinds[k].takes_text != (*text != '\0'))
        return vc_error_set(err, VC_EXIT_INPUT, "%s: expected 'fifo|socket|dir NAME' "
                            "or 'file|link NAME TEXT'", where);
    path = vc_asprintf("%s/%s", s->dir, name);
    expanded = vc_scratch_expand(s, text);
    rc = kinds[k].make(path, expanded, err);
    free(expanded);
    free(path);
    return rc;
}

int vc_scratch_make(vc_scratch *s, const char *setup, vc_error *err)
{
    char *text = NULL, *line, *save = NULL;
    unsigned lineno = 0;
    int ret = -1;

    s->dir = vc_strdup("/tmp/vc-scratch-XXXXXX");
    if (!mkdtemp(s->dir)) {
        vc_error_set(err, VC_EXIT_INTERNAL, "mkdtemp: %s", strerror(errno));
        VC_FREE(s->dir);
        return -1;
    }
    if (vc_file_read(setup, VC_FILE_MAX_DEFAULT, &text, NULL, err) < 0)
        goto cleanup;
    for (line = text; line; line = save) {
        char *where;
        int rc;

        if ((save = strchr(line, '\n')))
            *save++ = '\0';
        lineno++;
        if (!*line || *line == '#')
            continue;
        where = vc_asprintf("%s:%u", setup, lineno);
        rc = make_one(s, where, line, err);
        free(where);
        if (rc < 0)
            goto cleanup;
    }
    ret = 0;

 cleanup:
    free(text);
    if (ret < 0)
        vc_scratch_remove(s);
    return ret;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

void vc_scratch_remove(vc_scratch *s)
{
    if (s->dir)
        nftw(s->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    VC_FREE(s->dir);
}
