/* qmp.c: QMP over a unix socket.  QEMU writes each message as one line
 * of JSON, so a reply is read line by line. */
#include "qmp.h"
#include "util/alloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* The next message: 0, or -1 with @err set. */
static int read_message(vc_qmp *q, vc_json **msg, vc_error *err)
{
    char chunk[4096];
    char *nl;
    ssize_t r;

    while (!(nl = memchr(vc_buf_str(&q->in), '\n', q->in.len))) {
        if ((r = read(q->fd, chunk, sizeof(chunk))) < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return vc_error_set(err, VC_EXIT_BUILD, "QMP: read: %s",
                                errno == EAGAIN ? "no reply in time" : strerror(errno));
        if (r == 0)
            return vc_error_set(err, VC_EXIT_BUILD, "QMP: QEMU closed the monitor");
        vc_buf_addn(&q->in, chunk, (size_t)r);
    }
    *msg = vc_json_parse(q->in.s, (size_t)(nl - q->in.s), err);
    {
        char *rest = vc_strdup(nl + 1);
        vc_buf_reset(&q->in);
        vc_buf_add(&q->in, rest);
        free(rest);
    }
    if (!*msg)
        vc_error_prefix(err, "QMP");
    return *msg ? 0 : -1;
}

static int send_all(vc_qmp *q, const char *text, vc_error *err)
{
    size_t len = strlen(text), done = 0;

    while (done < len) {
        ssize_t w = write(q->fd, text + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return vc_error_set(err, VC_EXIT_BUILD, "QMP: write: %s", strerror(errno));
        done += (size_t)w;
    }
    return 0;
}

vc_json *vc_qmp_execute(vc_qmp *q, const char *command, const char *args, vc_error *err)
{
    vc_buf req = VC_BUF_INIT;
    vc_json *msg = NULL, *ret = NULL;
    int rc;

    vc_buf_add(&req, "{\"execute\": ");
    vc_json_quote(&req, command);
    if (args)
        vc_buf_addf(&req, ", \"arguments\": %s", args);
    vc_buf_add(&req, "}\n");
    rc = send_all(q, vc_buf_str(&req), err);
    vc_buf_free(&req);
    /* events (no "return", no "error") may come first */
    while (rc == 0 && read_message(q, &msg, err) == 0) {
        const vc_json *e = vc_json_get(msg, "error");
        if ((ret = vc_json_take(msg, "return"))) {
            vc_json_free(msg);
            return ret;
        }
        if (e) {
            const vc_json *cls = vc_json_get(e, "class"), *desc = vc_json_get(e, "desc");
            vc_error_set(err, VC_EXIT_BUILD, "QMP %s: %s: %s", command,
                         cls && cls->string ? cls->string : "?",
                         desc && desc->string ? desc->string : "?");
            vc_json_free(msg);
            return NULL;
        }
        vc_json_free(msg);
        msg = NULL;
    }
    return NULL;
}

int vc_qmp_open(vc_qmp *q, const char *path, vc_error *err)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    struct timeval tv = { .tv_sec = VC_QMP_TIMEOUT };
    vc_json *greeting = NULL, *ret;

    memset(q, 0, sizeof(*q));
    if (strlen(path) >= sizeof(addr.sun_path))
        return q->fd = -1, vc_error_set(err, VC_EXIT_BUILD, "QMP: %s: path too long", path);
    strcpy(addr.sun_path, path);
    if ((q->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
        return vc_error_set(err, VC_EXIT_INTERNAL, "QMP: socket: %s", strerror(errno));
    if (connect(q->fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        vc_error_set(err, VC_EXIT_BUILD, "QMP: connect %s: %s", path, strerror(errno));
        goto fail;
    }
    setsockopt(q->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    if (read_message(q, &greeting, err) < 0)
        goto fail;
    if (!vc_json_get(greeting, "QMP")) {
        vc_error_set(err, VC_EXIT_BUILD, "QMP: %s: no greeting", path);
        goto fail;
    }
    vc_json_free(greeting);
    greeting = NULL;
    if (!(ret = vc_qmp_execute(q, "qmp_capabilities", NULL, err)))
        goto fail;
    vc_json_free(ret);
    return 0;
 fail:
    vc_json_free(greeting);
    vc_qmp_close(q);
    return -1;
}

void vc_qmp_close(vc_qmp *q)
{
    if (q->fd >= 0)
        close(q->fd);
    q->fd = -1;
    vc_buf_free(&q->in);
}

char *vc_qmp_qom_get(vc_qmp *q, const char *path, const char *property, vc_error *err)
{
    vc_buf args = VC_BUF_INIT;
    vc_json *v;
    char *text;

    vc_buf_add(&args, "{\"path\": ");
    vc_json_quote(&args, path);
    vc_buf_add(&args, ", \"property\": ");
    vc_json_quote(&args, property);
    vc_buf_add(&args, "}");
    v = vc_qmp_execute(q, "qom-get", vc_buf_str(&args), err);
    vc_buf_free(&args);
    if (!v)
        return NULL;
    if (!(text = vc_json_scalar(v)))
        vc_error_set(err, VC_EXIT_BUILD, "qom-get %s %s: not a scalar", path, property);
    vc_json_free(v);
    return text;
}
