/* command.h: a QEMU command line being built: environment assignments,
 * then the emulator and its arguments. */
#ifndef VC_UTIL_COMMAND_H
#define VC_UTIL_COMMAND_H

#include "util/strutil.h"

typedef struct vc_command {
    vc_strlist env;     /* "NAME=value", in order */
    vc_strlist args;    /* args.items[0] is the emulator */
} vc_command;

void vc_command_add_env(vc_command *cmd, const char *name, const char *value);
void vc_command_add_arg(vc_command *cmd, const char *arg);
void vc_command_add_argf(vc_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Two arguments, e.g. ("-m", "512"). */
void vc_command_add_arg_pair(vc_command *cmd, const char *opt, const char *val);
/* Take ownership of a heap string. */
void vc_command_take_arg(vc_command *cmd, char *arg);

/* One line: env assignments, then the arguments, single spaces, each
 * word shell-quoted only where it needs it (as libvirt prints command
 * lines), newline-terminated.  Caller frees. */
char *vc_command_to_line(const vc_command *cmd);

void vc_command_free(vc_command *cmd);

#endif
