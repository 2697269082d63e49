#include "util/file.h"
#include "util/alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a non-regular file is, for the message. */
static const struct {
    mode_t type;
    const char *what;
} file_types[] = {
    { S_IFIFO, "a FIFO" },
    { S_IFDIR, "a directory" },
    { S_IFCHR, "a character device" },
    { S_IFBLK, "a block device" },
    { S_IFSOCK, "a socket" },
};

static int refuse_type(const char *path, mode_t mode, vc_error *err)
{
    const char *what = "not a file";

    for (size_t i = 0; i < sizeof(file_types) / sizeof(file_types[0]); i++)
        if ((mode & S_IFMT) == file_types[i].type)
            what = file_types[i].what;
    return vc_error_set(err, VC_EXIT_INPUT, "%s: not a regular file (%s)", path, what);
}

/* Open @path for reading only if it is a regular file.  The type is
 * checked before the open (opening a FIFO blocks until a writer comes,
 * opening a device may act on it) and again on the descriptor, which
 * O_NONBLOCK keeps from blocking should the path change in between. */
static int open_regular(const char *path, struct stat *st, vc_error *err)
{
    int fd, flags;

    if (!*path)
        return vc_error_set(err, VC_EXIT_INPUT, "empty file name");
    if (stat(path, st) < 0)
        return vc_error_set(err, VC_EXIT_INPUT, "%s: cannot open: %s", path,
                            strerror(errno));
    if (!S_ISREG(st->st_mode))
        return refuse_type(path, st->st_mode, err);
    if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)) < 0)
        return vc_error_set(err, VC_EXIT_INPUT, "%s: cannot open: %s", path,
                            strerror(errno));
    if (fstat(fd, st) < 0) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: cannot stat: %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        refuse_type(path, st->st_mode, err);
        close(fd);
        return -1;
    }
    /* a regular file ignores O_NONBLOCK; clear it all the same */
    if ((flags = fcntl(fd, F_GETFL)) >= 0)
        (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}

int vc_file_read(const char *path, size_t max, char **data, size_t *len,
                 vc_error *err)
{
    struct stat st;
    char *buf = NULL;
    size_t cap = 0, used = 0;
    int fd = -1;
    int ret = -1;

    *data = NULL;
    if (len)
        *len = 0;

    if ((fd = open_regular(path, &st, err)) < 0)
        goto cleanup;
    if ((unsigned long long)st.st_size > max) {
        vc_error_set(err, VC_EXIT_INPUT,
                     "%s: file too large (%lld bytes, limit %zu)", path,
                     (long long)st.st_size, max);
        goto cleanup;
    }

    /* Read in a loop rather than trusting st_size: /proc files report 0,
     * and a file may grow while it is read (the limit still holds). */
    for (;;) {
        ssize_t n;

        if (cap - used < 4096) {
            cap = cap ? cap * 2 : 8192;
            buf = vc_realloc(buf, cap + 1);
        }
        n = read(fd, buf + used, cap - used);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            vc_error_set(err, VC_EXIT_INPUT, "%s: cannot read: %s", path,
                         strerror(errno));
            goto cleanup;
        }
        if (n == 0)
            break;
        used += (size_t)n;
        if (used > max) {
            vc_error_set(err, VC_EXIT_INPUT,
                         "%s: file too large (more than %zu bytes)", path, max);
            goto cleanup;
        }
    }
    if (!buf)
        buf = vc_malloc0(1);
    buf[used] = '\0';
    *data = buf;
    buf = NULL;
    if (len)
        *len = used;
    ret = 0;

 cleanup:
    if (fd >= 0)
        close(fd);
    free(buf);
    return ret;
}

static int write_all(int fd, const char *data, size_t len)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        done += (size_t)n;
    }
    return 0;
}

/* What is not a regular file of its own is written in place: a FIFO, a
 * character device, or whatever a symbolic link leads to (/dev/stdout:
 * replacing the link would write beside the real output).  O_NONBLOCK
 * keeps the open from waiting for a reader of a FIFO that has none; a
 * regular file reached this way is left empty, not half-written, when
 * a write fails. */
static int write_in_place(const char *path, const char *data, size_t len,
                          vc_error *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_NOCTTY | O_CLOEXEC,
                  0666);
    struct stat st;
    int flags;

    if (fd < 0 && errno == ENXIO)
        return vc_error_set(err, VC_EXIT_INPUT, "%s: cannot open: no process "
                            "reads the FIFO", path);
    if (fd < 0)
        return vc_error_set(err, VC_EXIT_INPUT, "%s: cannot open: %s", path,
                            strerror(errno));
    if ((flags = fcntl(fd, F_GETFL)) >= 0)
        (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    if (write_all(fd, data, len) < 0) {
        vc_error_set(err, VC_EXIT_INTERNAL, "%s: cannot write: %s", path,
                     strerror(errno));
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && ftruncate(fd, 0) < 0) {
            /* the write's error is the one to report */
        }
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

/* A regular file is written beside itself and renamed over: a failure
 * part way leaves the old file (or none), never half of the new one.
 * The temporary name is exclusive, so the umask applies as to any new
 * file; an existing file keeps its mode. */
static int write_replace(const char *path, const struct stat *old, const char *data,
                         size_t len, vc_error *err)
{
    char *tmp = NULL;
    int fd = -1, ret = -1;

    for (unsigned attempt = 0; fd < 0 && attempt < 100; attempt++) {
        free(tmp);
        tmp = vc_asprintf("%s.tmp-%ld-%u", path, (long)getpid(), attempt);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: cannot create: %s", path, strerror(errno));
        goto cleanup;
    }
    if ((old && fchmod(fd, old->st_mode & 07777) < 0) || write_all(fd, data, len) < 0) {
        vc_error_set(err, VC_EXIT_INTERNAL, "%s: cannot write: %s", path, strerror(errno));
        close(fd);
        unlink(tmp);
        goto cleanup;
    }
    if (close(fd) < 0) {
        vc_error_set(err, VC_EXIT_INTERNAL, "%s: cannot write: %s", path, strerror(errno));
        unlink(tmp);
        goto cleanup;
    }
    if (rename(tmp, path) < 0) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: cannot create: %s", path, strerror(errno));
        unlink(tmp);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    free(tmp);
    return ret;
}

/* How @path would be written: 0 a new or regular file (*@st filled
 * when it exists, else st_mode 0), 1 a stream, -1 refused. */
/* How @path is written: 0 replaced (*@st filled when it exists, else
 * st_mode 0), 1 in place, -1 refused. */
static int output_kind(const char *path, struct stat *st, vc_error *err)
{
    struct stat target;

    if (!*path)
        return vc_error_set(err, VC_EXIT_INPUT, "empty file name");
    if (lstat(path, st) < 0) {
        if (errno != ENOENT)
            return vc_error_set(err, VC_EXIT_INPUT, "%s: cannot create: %s", path,
                                strerror(errno));
        st->st_mode = 0;
        return 0;
    }
    if (S_ISREG(st->st_mode))
        return 0;
    /* a link to nothing yet is created through */
    if (stat(path, &target) < 0 || S_ISREG(target.st_mode) ||
        S_ISFIFO(target.st_mode) || S_ISCHR(target.st_mode))
        return 1;
    return refuse_type(path, target.st_mode, err);
}

int vc_file_check_output(const char *path, vc_error *err)
{
    struct stat st;

    return output_kind(path, &st, err) < 0 ? -1 : 0;
}

int vc_file_write(const char *path, const char *data, size_t len,
                  vc_error *err)
{
    struct stat st;

    switch (output_kind(path, &st, err)) {
    case 0:
        return write_replace(path, st.st_mode ? &st : NULL, data, len, err);
    case 1:
        return write_in_place(path, data, len, err);
    default:
        return -1;
    }
}

bool vc_text_is_clean(const char *data, size_t len, size_t *where)
{
    const char *nul = memchr(data, '\0', len);

    if (!nul)
        return true;
    if (where)
        *where = (size_t)(nul - data);
    return false;
}
