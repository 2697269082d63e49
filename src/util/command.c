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

void vc_command_add_arg(vc_command *cmd, const char *arg)
{
    vc_strlist_add(&cmd->args, arg);
}

void vc_command_take_arg(vc_command *cmd, char *arg)
{
    vc_strlist_take(&cmd->args, arg);
}

void vc_command_add_argf(vc_command *cmd, const char *fmt, ...)
{
    va_list ap;
    char *s = NULL;

    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0) {
        va_end(ap);
        fputs("virtconform: out of memory\n", stderr);
        abort();
    }
    va_end(ap);
    vc_strlist_take(&cmd->args, s);
}

void vc_command_add_arg_pair(vc_command *cmd, const char *opt, const char *val)
{
    vc_command_add_arg(cmd, opt);
    vc_command_add_arg(cmd, val);
}

/* Quote for a POSIX shell only where needed, as libvirt prints command
 * lines: 'single quotes' around a word holding a metacharacter (a quote
 * inside becomes '\''), and '' for an empty word. */
static void add_shell_word(vc_buf *b, const char *s)
{
    if (*s && !strpbrk(s, "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~")) {
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

char *vc_command_to_line(const vc_command *cmd)
{
    vc_buf b = VC_BUF_INIT;

    for (size_t i = 0; i < cmd->env.n; i++) {
        const char *eq = strchr(cmd->env.items[i], '=');
        size_t n = eq ? (size_t)(eq - cmd->env.items[i]) + 1 : strlen(cmd->env.items[i]);

        vc_buf_addn(&b, cmd->env.items[i], n);
        add_shell_word(&b, cmd->env.items[i] + n);
        vc_buf_addc(&b, ' ');
    }
    for (size_t i = 0; i < cmd->args.n; i++) {
        if (i)
            vc_buf_addc(&b, ' ');
        add_shell_word(&b, cmd->args.items[i]);
    }
    vc_buf_addc(&b, '\n');
    return vc_buf_steal(&b);
}

void vc_command_free(vc_command *cmd)
{
    vc_strlist_free(&cmd->env);
    vc_strlist_free(&cmd->args);
}
