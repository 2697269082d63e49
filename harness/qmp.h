/* qmp.h: a minimal client of QEMU's monitor protocol (QMP): connect,
 * read the greeting, leave negotiation mode (qmp_capabilities), then
 * execute commands one at a time, skipping the events in between. */
#ifndef VC_HARNESS_QMP_H
#define VC_HARNESS_QMP_H

#include "json.h"
#include "util/error.h"

/* Seconds a reply may take before the monitor counts as hung. */
#define VC_QMP_TIMEOUT 30

typedef struct vc_qmp {
    int fd;
    vc_buf in;          /* what was read past the last line */
} vc_qmp;

/* Connect to the socket @path and negotiate: 0, or -1 with @err set. */
int vc_qmp_open(vc_qmp *q, const char *path, vc_error *err);
void vc_qmp_close(vc_qmp *q);

/* Execute @command with @args (JSON object text, or NULL): its "return"
 * value (caller frees), or NULL with @err set -- QEMU's error class and
 * description, or what went wrong on the socket. */
vc_json *vc_qmp_execute(vc_qmp *q, const char *command, const char *args, vc_error *err);

/* qom-get @path @property: the value as vc_json_scalar text (caller
 * frees), or NULL with @err set. */
char *vc_qmp_qom_get(vc_qmp *q, const char *path, const char *property, vc_error *err);

#endif
