/* live_case.h: the cases of the live tiers (tests/test_live.c): which
 * QEMU and recording they run with, where their files go, and the
 * domain each starts, made to fit this host. */
#ifndef VC_HARNESS_LIVE_CASE_H
#define VC_HARNESS_LIVE_CASE_H

#include <stdbool.h>
#include <stddef.h>

#include "caps/caps.h"
#include "conf/domain.h"
#include "live.h"
#include "netns.h"
#include "qemu/build.h"
#include "qemu/qemu_config.h"
#include "tier.h"

/* The QEMU of this host and the recording of the same version. */
typedef struct vc_live_env {
    char *emulator;
    char *recording;        /* qemuhelpdata/NAME (no suffix) */
    vc_caps caps;
    vc_strlist aliases;     /* the recording's device aliases, ALIAS=NAME */
    vc_qemu_config cfg;
    vc_build_opts bopts;
    char no_netns[256];     /* why taps cannot be made here ("" if they can) */
    bool project;           /* run live-project (VC_LIVE_PROJECT != 0) */
    size_t verified;        /* properties verified, all cases */
} vc_live_env;

/* What a case reports back (in memory its namespace child shares). */
typedef struct vc_live_result {
    size_t verified;
    bool refused;           /* the tool refused to build it */
    char note[VC_ERROR_MSG_MAX];
} vc_live_result;

typedef struct vc_live_case {
    char *xml;              /* the domain file */
    const char *tier;
    bool project;           /* an xml2argv case, moved to fit this host */
    bool needs_netns;       /* taps: run in a namespace of its own */
    bool needs_kvm;         /* <domain type='kvm'> */
    bool needs_lun;         /* a disk device='lun': a SCSI device of the host */
    bool instrument;        /* checked against a changed domain (must fail) */
    vc_live_env *env;
    vc_live_result *result;
    /* while it runs */
    char *scratch, *state_dir;
    vc_host host;
    char links_before[VC_NETNS_MSG_MAX];
} vc_live_case;

/* Find QEMU and its recording: 0, or -1 with @why (the tiers are then
 * skipped). */
int vc_live_env_init(vc_live_env *env, char *why, size_t len);
void vc_live_env_free(vc_live_env *env);

/* Add the cases of tests/live/ (those this host cannot run are left out
 * with a note saying why) and of xml2argvdata/. */
void vc_live_cases_own(vc_live_env *env, vc_live_result *res, vc_tier *t);
void vc_live_cases_project(vc_live_env *env, vc_live_result *res, vc_tier *t);
/* The own cases that are not expected to fail, as instruments. */
void vc_live_cases_instruments(vc_live_env *env, vc_live_result *res, vc_tier *t);
void vc_live_case_free(void *lc);

/* The case's domain, read with its scratch directory for @TMP@ (a
 * project case's files moved into it): NULL with @err set. */
vc_domain_def *vc_live_case_domain(vc_live_case *lc, vc_error *err);
/* Before the start: the scratch directory and the host; then what the
 * domain expects the host to have: the bridges its interfaces name,
 * the FIFOs and directories in the scratch directory (the links there
 * are then noted).  0, or -1 with @msg. */
int vc_live_case_prepare(vc_live_case *lc, char *msg);
int vc_live_case_host(vc_live_case *lc, const vc_domain_def *def, char *msg);
/* After: the scratch directory removed with whatever is left in it. */
void vc_live_case_finish(vc_live_case *lc);

/* Entries of @dir, sorted, space-separated ("" when empty). */
char *vc_live_dir_entries(const char *dir);
/* The same less the files @def's character devices write to (the
 * guest's output, which stays as libvirt leaves it). */
char *vc_live_leftovers(const char *dir, const vc_domain_def *def);
/* Each bridge of @def has one port per interface on it. */
void vc_live_expect_bridge_ports(vc_live_check *c, const vc_domain_def *def);

#endif
