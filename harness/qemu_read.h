/* qemu_read.h: what the readers of the QEMU model share (internal to
 * the qemu_*.c files). */
#ifndef VC_HARNESS_QEMU_READ_H
#define VC_HARNESS_QEMU_READ_H

#include "qemu_opts.h"

/* Set *@why (printf-style) and return -1. */
int vc_qm_refuse(char **why, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* QEMU's opts_do_parse: items of @params, the first one named
 * @firstname when it has no '=' (NULL: none); "id" items are skipped. */
int vc_qm_opts_do_parse(const char *params, const char *firstname, vc_qkvs *out,
                        char **why);

/* opts_parse: QemuOpts with the id scan (the id comes first). */
int vc_qm_read_opts(const char *text, const char *implied, vc_qkvs *out, char **why);
/* keyval_parse: no flags; an implied value ends at the first ',' or '='. */
int vc_qm_read_keyval(const char *text, const char *implied, vc_qkvs *out, char **why);

/* qemu_chr_parse_compat, and -monitor's "control," before it. */
int vc_qm_read_chr(const vc_qm_option *opt, const char *text, vc_qkvs *out,
                   char **why);

#endif
