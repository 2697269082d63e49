/* argv_check.c: QEMU's and the shell's reading of a built command. */
#include "argv_check.h"
#include "qemu_opts.h"
#include "shell_split.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* One option value: QEMU's reading against the builder's intent. */
static int check_value(const vc_qm_option *opt, const vc_command_arg *v, char **why)
{
    vc_qkvs read = { 0 }, meant = { 0 };
    char *qwhy = NULL, *text = NULL, *r = NULL, *m = NULL;
    const char *wrong = NULL;

    if (opt->syntax == VC_QM_LITERAL) {
        if (v->syntax != VC_SYNTAX_NONE)
            wrong = "the builder wrote a property list where QEMU takes the value whole";
        else if (vc_qm_read(opt, v->text, &read, &qwhy) < 0)
            wrong = qwhy;
    } else if (v->syntax == VC_SYNTAX_NONE || !v->option ||
               strcmp(v->option, opt->name) != 0) {
        wrong = "written verbatim (or for another option), but QEMU parses it";
    } else {
        vc_qm_intent(opt, v->implied, &v->props, &meant);
        /* messages are made only for a difference: this runs often */
        if (vc_qm_read(opt, v->text, &read, &qwhy) < 0) {
            r = vc_asprintf("QEMU refuses it (%s)", qwhy);
        } else if (!vc_qkvs_equal(&read, &meant)) {
            char *got = vc_qkvs_format(&read);
            r = vc_asprintf("QEMU reads %s", got);
            free(got);
        }
        if (r) {
            m = vc_qkvs_format(&meant);
            wrong = r;
        }
    }
    if (wrong) {
        text = vc_qm_quote(v->text);
        *why = m ? vc_asprintf("%s %s: %s; the builder meant %s", opt->name, text, wrong, m)
                 : vc_asprintf("%s %s: %s", opt->name, text, wrong);
    }
    free(qwhy);
    free(text);
    free(r);
    free(m);
    vc_qkvs_free(&read);
    vc_qkvs_free(&meant);
    return wrong ? -1 : 0;
}

int vc_argv_check_options(const vc_command *cmd, size_t npassthrough, char **why)
{
    size_t end = cmd->nargs >= npassthrough ? cmd->nargs - npassthrough : 0;

    *why = NULL;
    for (size_t i = 1; i < end; i++) {
        const vc_command_arg *a = &cmd->args[i];
        const vc_qm_option *opt = vc_qm_find(a->text);

        if (a->syntax != VC_SYNTAX_NONE || a->props.n || !opt) {
            char *text = vc_qm_quote(a->text);
            *why = vc_asprintf("argument %zu %s: %s", i, text, !opt ?
                               "an option the QEMU model does not know" :
                               "a value where an option was expected");
            free(text);
            return -1;
        }
        if (opt->syntax == VC_QM_SWITCH)
            continue;
        if (++i >= end) {
            *why = vc_asprintf("%s without its value", opt->name);
            return -1;
        }
        if (check_value(opt, &cmd->args[i], why) < 0)
            return -1;
    }
    return 0;
}

int vc_argv_check_line(const vc_command *cmd, char **why)
{
    char *line = vc_command_to_line(cmd);
    vc_shell_words w = { 0 };
    size_t nenv = cmd->env.n;
    int ret = -1;

    *why = NULL;
    if (vc_shell_split(line, &w, why) < 0)
        goto cleanup;
    if (w.n != nenv + cmd->nargs) {
        *why = vc_asprintf("the shell reads %zu words, the command has %zu",
                           w.n, nenv + cmd->nargs);
        goto cleanup;
    }
    for (size_t i = 0; i < w.n; i++) {
        const char *want = i < nenv ? cmd->env.items[i] : cmd->args[i - nenv].text;

        const char *wrong = strcmp(w.items[i].text, want) != 0 ? "the shell reads it otherwise"
            : i < nenv && !w.items[i].assignment ? "not an assignment to the shell"
            : i == nenv && w.items[i].assignment ? "the program word reads as an assignment"
            : NULL;

        if (wrong) {
            char *got = vc_qm_quote(w.items[i].text), *exp = vc_qm_quote(want);
            *why = vc_asprintf("word %zu %s (meant %s): %s", i, got, exp, wrong);
            free(got);
            free(exp);
            goto cleanup;
        }
    }
    ret = 0;
cleanup:
    if (ret < 0 && *why) {
        char *shown = vc_qm_quote(line);
        char *full = vc_asprintf("%s; line: %s", *why, shown);
        free(*why);
        free(shown);
        *why = full;
    }
    vc_shell_words_free(&w);
    free(line);
    return ret;
}
