/* command.h: a command line being built: environment assignments, then
 * the program and its arguments.
 *
 * An argument that is the value of an option built from a property list
 * keeps that list and the syntax it was written in, so a test can read
 * the text back the way the program does and compare. */
#ifndef VC_UTIL_COMMAND_H
#define VC_UTIL_COMMAND_H

#include "util/props.h"
#include "util/strutil.h"

typedef struct vc_command_arg {
    char *text;
    vc_syntax syntax;       /* VC_SYNTAX_NONE: a plain word */
    const char *option;     /* the option it is the value of (static) */
    const char *implied;    /* that option's implied first key, or NULL */
    vc_props props;         /* what the text was made from */
} vc_command_arg;

/* Closes a descriptor the command holds (through whatever kernel made it). */
typedef void (*vc_fd_closer)(void *opaque, int fd);

typedef struct vc_command_fd {
    int fd;
    vc_fd_closer close;
    void *opaque;
} vc_command_fd;

typedef struct vc_command {
    vc_strlist env;         /* "NAME=value", in order */
    vc_command_arg *args;   /* args[0] is the program */
    size_t nargs, cap;
    vc_command_fd *fds;     /* descriptors handed to the program */
    size_t nfds, fds_cap;
} vc_command;

#define VC_COMMAND_INIT { { NULL, 0, 0 }, NULL, 0, 0, NULL, 0, 0 }

/* NAME=value; @name must be a shell variable name. */
void vc_command_add_env(vc_command *cmd, const char *name, const char *value);
/* A plain word: the program, an option name, a value given verbatim. */
void vc_command_add_arg(vc_command *cmd, const char *arg);
void vc_command_add_argf(vc_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* @option and its value, written from @props in @syntax by the one
 * serializer (vc_props_format).  Takes @props (emptied either way);
 * -1 with @err set, and nothing added, when a value cannot be said in
 * that syntax. */
int vc_command_add_props(vc_command *cmd, const char *option, vc_syntax syntax,
                         const char *implied, vc_props *props, vc_error *err);

/* Hand @fd to the program (libvirt's virCommandTransferFD): the command
 * owns it from now on and closes it with @close when freed. */
void vc_command_pass_fd(vc_command *cmd, int fd, vc_fd_closer close, void *opaque);
/* Close every descriptor the command holds (a build that failed). */
void vc_command_close_fds(vc_command *cmd);

/* The last argument's text (NULL when there is none). */
const char *vc_command_last(const vc_command *cmd);

/* One line: env assignments, then the arguments, single spaces, each
 * word shell-quoted only where it needs it (as libvirt prints command
 * lines), newline-terminated, safe to paste into a POSIX shell: the
 * program word is quoted when it holds '=', so it is never read as an
 * assignment.  Caller frees. */
char *vc_command_to_line(const vc_command *cmd);

/* The same words wrapped as libvirt stores expected command lines: each
 * assignment, the program, and each option with its value (a switch
 * alone) on a line of its own, every line but the last ending in " \".
 * Removing each backslash-newline gives vc_command_to_line's text. */
char *vc_command_to_lines(const vc_command *cmd);

/* The lines of vc_command_to_lines, without their " \\" breaks, added
 * to @lines: a change diffs as the arguments it touches. */
void vc_command_lines(const vc_command *cmd, vc_strlist *lines);

void vc_command_free(vc_command *cmd);

#endif
