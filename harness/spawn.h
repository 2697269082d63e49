/* spawn.h: run a program and capture what it prints. */
#ifndef VC_HARNESS_SPAWN_H
#define VC_HARNESS_SPAWN_H

#include "util/error.h"

typedef struct vc_spawn_result {
    int status;      /* exit status, or 128+signal */
    char *out;       /* stdout */
    char *err;       /* stderr */
} vc_spawn_result;

/* Seconds a spawned program may run (under valgrind too) before
 * SIGALRM ends it: status 128 + SIGALRM (142) means it hung. */
#define VC_SPAWN_TIMEOUT 60

/* Run argv[0] with @argv in directory @cwd (NULL: current), stdin from
 * /dev/null, for at most VC_SPAWN_TIMEOUT seconds. */
int vc_spawn(const char *cwd, char *const argv[], vc_spawn_result *res,
             vc_error *err);
void vc_spawn_result_free(vc_spawn_result *res);

#endif
