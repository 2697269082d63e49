#include "util/file.h"
#include "util/alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: cannot open: %s", path,
                     strerror(errno));
        goto cleanup;
    }
    if (fstat(fd, &st) < 0) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: cannot stat: %s", path,
                     strerror(errno));
        goto cleanup;
    }
    if (S_ISDIR(st.st_mode)) {
        vc_error_set(err, VC_EXIT_INPUT, "%s: is a directory, not a file", path);
        goto cleanup;
    }
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
        vc_error_set(err, VC_EXIT_INPUT,
                     "%s: file too large (%lld bytes, limit %zu)", path,
                     (long long)st.st_size, max);
        goto cleanup;
    }

    /* Read in a loop rather than trusting st_size: pipes and /proc
     * files report 0. */
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

int vc_file_write(const char *path, const char *data, size_t len,
                  vc_error *err)
{
    size_t done = 0;
    int fd;

    if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0)
        return vc_error_set(err, VC_EXIT_INPUT, "%s: cannot create: %s", path,
                            strerror(errno));
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            vc_error_set(err, VC_EXIT_INPUT, "%s: cannot write: %s", path,
                         strerror(errno));
            close(fd);
            return -1;
        }
        done += (size_t)n;
    }
    if (close(fd) < 0)
        return vc_error_set(err, VC_EXIT_INPUT, "%s: cannot write: %s", path,
                            strerror(errno));
    return 0;
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
