/* argv_check.h: a built command line read back as QEMU and as a shell
 * would read it, compared with what the builder meant. */
#ifndef VC_HARNESS_ARGV_CHECK_H
#define VC_HARNESS_ARGV_CHECK_H

#include <stddef.h>

#include "util/command.h"

/* Every option of @cmd must be in the QEMU model (qemu_opts.h), and
 * every option value, read as QEMU reads it, must give exactly the keys
 * and values of the property list the builder made it from.  The last
 * @npassthrough arguments are the user's own (qemu:commandline), given
 * verbatim by design, and are skipped.  0, or -1 with *@why (caller
 * frees) describing the first difference. */
int vc_argv_check_options(const vc_command *cmd, size_t npassthrough, char **why);

/* The line vc_command_to_line prints, split as a POSIX shell splits it
 * (shell_split.h), must give back exactly @cmd's assignments and
 * arguments, and the program word must not read as an assignment.
 * 0, or -1 with *@why. */
int vc_argv_check_line(const vc_command *cmd, char **why);

#endif
