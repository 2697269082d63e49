/* qemu_chr.c: character devices in the spec of QEMUs before -chardev,
 * as chardev/char.c's qemu_chr_parse_compat reads them (QEMU 7.2).
 *
 * The reading uses the builder's words for the backend ("tcp",
 * "telnet", "unix", "file", "pipe", "dev", "udp", or the plain word)
 * and its keys (path, host, port, localaddr, localport, then the
 * QemuOpts items after the spec), so the two compare directly. */
#include "qemu_read.h"
#include "util/alloc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *after(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(s, prefix, n) == 0 ? s + n : NULL;
}

/* "HOST:PORT" with sscanf's limits, or ":PORT" for an empty host; a
 * port ends at ',' (and at '@' when @at_ends).  Returns the length
 * read, -1 when QEMU fails. */
static int host_port(const char *p, bool at_ends, char host[65], char port[33])
{
    int pos = 0, n;

    n = at_ends ? sscanf(p, "%64[^:]:%32[^@,]%n", host, port, &pos)
                : sscanf(p, "%64[^:]:%32[^,]%n", host, port, &pos);
    if (n < 2) {
        host[0] = '\0';
        pos = 0;
        n = at_ends ? sscanf(p, ":%32[^@,]%n", port, &pos)
                    : sscanf(p, ":%32[^,]%n", port, &pos);
        if (n < 1)
            return -1;
    }
    return pos;
}

static int read_socket(const char *backend, const char *p, vc_qkvs *out, char **why)
{
    char host[65], port[33];
    int pos = host_port(p, false, host, port);

    if (pos < 0)
        return vc_qm_refuse(why, "no HOST:PORT in the %s spec", backend);
    vc_qkvs_add(out, "backend", backend);
    vc_qkvs_add(out, "host", host);
    vc_qkvs_add(out, "port", port);
    /* anything but ',' after the port is dropped */
    if (p[pos] == ',')
        return vc_qm_opts_do_parse(p + pos + 1, NULL, out, why);
    return 0;
}

/* udp:HOST:PORT[@LOCALADDR:LOCALPORT]; nothing after is read. */
static int read_udp(const char *p, vc_qkvs *out, char **why)
{
    char host[65], port[33];
    int pos = host_port(p, true, host, port);

    if (pos < 0)
        return vc_qm_refuse(why, "no HOST:PORT in the udp spec");
    vc_qkvs_add(out, "backend", "udp");
    vc_qkvs_add(out, "host", host);
    vc_qkvs_add(out, "port", port);
    if (p[pos] != '@')
        return 0;
    if (host_port(p + pos + 1, false, host, port) < 0)
        return vc_qm_refuse(why, "no LOCALADDR:LOCALPORT after '@' in the udp spec");
    vc_qkvs_add(out, "localaddr", host);
    vc_qkvs_add(out, "localport", port);
    return 0;
}

static int read_vc(const char *p, vc_qkvs *out, char **why)
{
    char w[8], h[8];

    vc_qkvs_add(out, "backend", "vc");
    if (*p != ':')
        return 0;       /* other text after "vc" is ignored */
    if (sscanf(p + 1, "%7[0-9]x%7[0-9]", w, h) == 2) {
        vc_qkvs_add(out, "width", w);
        vc_qkvs_add(out, "height", h);
    } else if (sscanf(p + 1, "%7[0-9]Cx%7[0-9]C", w, h) == 2) {
        vc_qkvs_add(out, "cols", w);
        vc_qkvs_add(out, "rows", h);
    } else {
        return vc_qm_refuse(why, "bad vc size '%s'", p + 1);
    }
    return 0;
}

static int read_compat(const char *s, vc_qkvs *out, char **why)
{
    static const char *const words[] = {
        "none", "null", "pty", "msmouse", "wctablet", "braille", "testdev", "stdio",
    };
    static const char *const sockets[] = { "tcp", "telnet", "tn3270", "websocket" };
    const char *p;

    if ((p = after(s, "mon:"))) {
        vc_qkvs_add(out, "mux", "on");
        s = p;
    }
    /* "none" is the caller's (serial_parse, parallel_parse, -monitor) */
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (strcmp(s, words[i]) == 0) {
            vc_qkvs_add(out, "backend", s);
            return 0;
        }
    if ((p = after(s, "vc")))
        return read_vc(p, out, why);
    if (strcmp(s, "con:") == 0 || after(s, "COM"))
        return vc_qm_refuse(why, "'%s' is a Windows character device", s);
    if ((p = after(s, "file:")) || (p = after(s, "pipe:"))) {
        vc_qkvs_addn(out, "backend", s, 4);
        vc_qkvs_add(out, "path", p);
        return 0;
    }
    for (size_t i = 0; i < sizeof(sockets) / sizeof(sockets[0]); i++) {
        char prefix[16];
        snprintf(prefix, sizeof(prefix), "%s:", sockets[i]);
        if ((p = after(s, prefix)))
            return read_socket(sockets[i], p, out, why);
    }
    if ((p = after(s, "udp:")))
        return read_udp(p, out, why);
    if ((p = after(s, "unix:"))) {
        vc_qkvs_add(out, "backend", "unix");
        return vc_qm_opts_do_parse(p, "path", out, why);
    }
    /* /dev/parport*, /dev/ppi*: a parallel port; other /dev/ paths: a tty */
    if (after(s, "/dev/")) {
        vc_qkvs_add(out, "backend", "dev");
        vc_qkvs_add(out, "path", s);
        return 0;
    }
    return vc_qm_refuse(why, "'%s' is not a valid char driver", s);
}

int vc_qm_read_chr(const vc_qm_option *opt, const char *text, vc_qkvs *out,
                   char **why)
{
    const char *p;

    /* QEMU 0.12's monitor_parse took the mode first */
    if (opt->syntax == VC_QM_MONITOR && (p = after(text, "control,"))) {
        vc_qkvs_add(out, "control", "on");
        text = p;
    }
    return read_compat(text, out, why);
}
