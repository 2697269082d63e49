/* live.h: what a running QEMU must show, over QMP, for the domain it
 * was started for (the live tier).
 *
 * Every check compares what QEMU reports with what the domain asked:
 * the -device of each id exists with the driver the line names; NICs
 * carry their MAC, netdev, tx, ioeventfd, event_idx and boot index;
 * drives their file, format, cache mode and read-only state; character
 * devices their backend; VNC its address and port; memory, vCPUs,
 * NUMA nodes and the balloon their sizes.  The domain is the one the
 * build filled in (aliases assigned), so the ids are those QEMU got.
 */
#ifndef VC_HARNESS_LIVE_H
#define VC_HARNESS_LIVE_H

#include <stddef.h>
#include <sys/types.h>

#include "conf/domain.h"
#include "qmp.h"
#include "util/buf.h"
#include "util/command.h"

typedef struct vc_live_check {
    vc_qmp *qmp;
    /* "ALIAS=NAME" of the recording's device listing: QEMU reports a
     * device made by its alias under its name */
    const vc_strlist *aliases;
    size_t verified;    /* properties QEMU showed as asked */
    size_t failed;      /* ... and not */
    vc_buf problems;    /* "WHAT: QEMU has X, expected Y; ..." */
} vc_live_check;

/* Check everything of @def (built into @cmd) that QEMU can show. */
void vc_live_check_domain(vc_live_check *c, const vc_domain_def *def, const vc_command *cmd);

/* The descriptors the line hands QEMU (-netdev fd=, vhostfd=) are, in
 * the running QEMU @pid, the tap and vhost-net devices. */
void vc_live_expect_fds(vc_live_check *c, pid_t pid, const vc_command *cmd);

/* QEMU @pid holds no descriptor whose target names @name (one this
 * process had open, without CLOEXEC, when it started QEMU). */
void vc_live_expect_no_fd(vc_live_check *c, pid_t pid, const char *name);

/* Compare one property: counts it, and notes a mismatch (@got NULL:
 * QEMU could not say, @why tells). */
void vc_live_expect(vc_live_check *c, const char *what, const char *got, const char *want,
                    const char *why);

void vc_live_check_free(vc_live_check *c);

/* The serials, parallels, channels and consoles of @def, in that order,
 * in one array (caller frees it, not the devices); the count. */
size_t vc_live_chrs(const vc_domain_def *def, vc_chr_def ***out);

#endif
