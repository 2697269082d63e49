#include "util/command.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vc_command_add_env(vc_command *cmd, const char *name, const char *value)
{
    vc_strlist_take(&cmd->env, vc_asprintf("%s=%s", name, value));
}

static vc_command_arg *push(vc_command *cmd, char *text)
{
    vc_command_arg *a;

    vc_grow(&cmd->args, &cmd->cap, cmd->nargs + 1, sizeof(*cmd->args));
    a = &cmd->args[cmd->nargs++];
    memset(a, 0, sizeof(*a));
    a->text = text;
    return a;
}

void vc_command_add_arg(vc_command *cmd, const char *arg)
{
    push(cmd, vc_strdup(arg));
}

void vc_command_add_argf(vc_command *cmd, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    push(cmd, vc_vasprintf(fmt, ap));
    va_end(ap);
}

int vc_command_add_props(vc_command *cmd, const char *option, vc_syntax syntax,
                         const char *implied, vc_props *props, vc_error *err)
{
    char *text = vc_props_format(props, syntax, implied, option, err);
    vc_command_arg *a;

    if (!text) {
        vc_props_free(props);
        return -1;
    }
    push(cmd, vc_strdup(option));
    a = push(cmd, text);
    a->syntax = syntax;
    a->option = option;
    a->implied = implied;
    vc_props_move(&a->props, props);
    return 0;
}

void vc_command_pass_fd(vc_command *cmd, int fd, vc_fd_closer close, void *opaque)
{
    vc_grow(&cmd->fds, &cmd->fds_cap, cmd->nfds + 1, sizeof(*cmd->fds));
    cmd->fds[cmd->nfds].fd = fd;
    cmd->fds[cmd->nfds].close = close;
    cmd->fds[cmd->nfds].opaque = opaque;
    cmd->nfds++;
}

void vc_command_close_fds(vc_command *cmd)
{
    for (size_t i = 0; i < cmd->nfds; i++)
        cmd->fds[i].close(cmd->fds[i].opaque, cmd->fds[i].fd);
    cmd->nfds = 0;
}

const char *vc_command_last(const vc_command *cmd)
{
    return cmd->nargs ? cmd->args[cmd->nargs - 1].text : NULL;
}

/* Quote for a POSIX shell only where needed, as libvirt prints command
 * lines: 'single quotes' around a word holding a metacharacter (a quote
 * inside becomes '\''), and '' for an empty word. */
static void add_shell_word(vc_buf *b, const char *s, const char *also)
{
    if (*s && !strpbrk(s, "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~") &&
        !(also && strpbrk(s, also))) {
        vc_buf_add(b, s);
        return;
    }
    vc_buf_addc(b, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            vc_buf_add(b, "'\\''");
        else
            vc_buf_addc(b, *s);
    }
    vc_buf_addc(b, '\'');
}

/* Between two words: a space, or with @wrap a space, a backslash and a
 * newline.  Wrapped, every assignment and the program end their line,
 * and an argument starts one when it is an option (a leading '-') or
 * follows a value: an option and its value share a line, as libvirt's
 * virCommandToStringFull writes its tests' expected files. */
static char *format(const vc_command *cmd, bool wrap)
{
    const char *brk = wrap ? " \\\n" : " ";
    vc_buf b = VC_BUF_INIT;

    for (size_t i = 0; i < cmd->env.n; i++) {
        const char *eq = strchr(cmd->env.items[i], '=');
        size_t n = eq ? (size_t)(eq - cmd->env.items[i]) + 1 : strlen(cmd->env.items[i]);

        vc_buf_addn(&b, cmd->env.items[i], n);
        add_shell_word(&b, cmd->env.items[i] + n, NULL);
        vc_buf_add(&b, brk);
    }
    for (size_t i = 0; i < cmd->nargs; i++) {
        const char *text = cmd->args[i].text;

        if (i >= 2 && text[0] != '-' && cmd->args[i - 1].text[0] == '-')
            vc_buf_addc(&b, ' ');
        else if (i)
            vc_buf_add(&b, brk);
        /* after the assignments, an unquoted NAME=... would be one more */
        add_shell_word(&b, text, i == 0 ? "=" : NULL);
    }
    vc_buf_addc(&b, '\n');
    return vc_buf_steal(&b);
}

char *vc_command_to_line(const vc_command *cmd)
{
    return format(cmd, false);
}

char *vc_command_to_lines(const vc_command *cmd)
{
    return format(cmd, true);
}

void vc_command_lines(const vc_command *cmd, vc_strlist *lines)
{
    char *text = format(cmd, true);
    char *line = text, *brk;

    /* the wrapped form, cut at its breaks: one source of the layout */
    while ((brk = strstr(line, " \\\n"))) {
        *brk = '\0';
        vc_strlist_add(lines, line);
        line = brk + 3;
    }
    line[strcspn(line, "\n")] = '\0';
    vc_strlist_add(lines, line);
    free(text);
}

void vc_command_free(vc_command *cmd)
{
    vc_strlist_free(&cmd->env);
    for (size_t i = 0; i < cmd->nargs; i++) {
        free(cmd->args[i].text);
        vc_props_free(&cmd->args[i].props);
    }
    free(cmd->args);
    cmd->args = NULL;
    cmd->nargs = cmd->cap = 0;
    vc_command_close_fds(cmd);
    free(cmd->fds);
    cmd->fds = NULL;
    cmd->fds_cap = 0;
}
