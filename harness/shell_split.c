/* shell_split.c: POSIX shell word splitting (quoting only, see .h). */
#include "shell_split.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Unquoted, these make the shell do something other than take text:
 * expansions, operators, globs, tildes, history ('!'), brace
 * expansion (bash). */
#define UNQUOTED_SPECIAL "$`;|&<>()*?[{}~!^"

typedef struct word_state {
    vc_buf text;
    bool started;           /* quotes make a word even when empty */
    size_t unquoted_prefix; /* leading characters that were unquoted */
    bool all_unquoted;
} word_state;

static void add_char(word_state *w, char c, bool quoted)
{
    if (quoted)
        w->all_unquoted = false;
    else if (w->all_unquoted)
        w->unquoted_prefix++;
    vc_buf_addc(&w->text, c);
    w->started = true;
}

static bool name_char(char c, bool first)
{
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (!first && c >= '0' && c <= '9');
}

/* NAME= with every character up to and including '=' unquoted. */
static bool is_assignment(const char *s, size_t unquoted_prefix)
{
    size_t eq = strcspn(s, "=");

    if (!s[eq] || eq == 0 || eq >= unquoted_prefix)
        return false;
    for (size_t i = 0; i < eq; i++)
        if (!name_char(s[i], i == 0))
            return false;
    return true;
}

static void end_word(word_state *w, vc_shell_words *out)
{
    vc_shell_word *sw;

    if (!w->started)
        return;
    vc_grow(&out->items, &out->cap, out->n + 1, sizeof(*out->items));
    sw = &out->items[out->n++];
    sw->text = vc_buf_steal(&w->text);
    sw->assignment = is_assignment(sw->text, w->unquoted_prefix);
    w->started = false;
    w->unquoted_prefix = 0;
    w->all_unquoted = true;
}

static int fail(char **why, const char *what, const char *at, const char *line)
{
    *why = vc_asprintf("%s at offset %zu", what, (size_t)(at - line));
    return -1;
}

/* Inside "...": backslash escapes only $ ` " \ and newline. */
static int double_quoted(const char **pp, word_state *w, const char *line, char **why)
{
    const char *p = *pp;

    for (;; p++) {
        if (!*p)
            return fail(why, "unterminated double quote", p, line);
        if (*p == '"')
            break;
        if (*p == '$' || *p == '`' || *p == '!')
            return fail(why, "expansion inside double quotes", p, line);
        if (*p == '\\' && p[1] && strchr("$`\"\\\n", p[1])) {
            p++;
            if (*p != '\n')         /* backslash-newline: a continuation */
                add_char(w, *p, true);
            continue;
        }
        add_char(w, *p, true);
    }
    w->started = true;
    *pp = p;
    return 0;
}

int vc_shell_split(const char *line, vc_shell_words *out, char **why)
{
    word_state w = { VC_BUF_INIT, false, 0, true };
    const char *p;
    int ret = -1;

    *why = NULL;
    for (p = line; *p; p++) {
        if (*p == ' ' || *p == '\t') {
            end_word(&w, out);
        } else if (*p == '\n') {
            end_word(&w, out);
            if (p[1]) {
                fail(why, "a newline ends the command", p, line);
                goto cleanup;
            }
        } else if (*p == '#' && !w.started) {
            p += strcspn(p, "\n") - 1;      /* a comment, to the end of line */
        } else if (*p == '\'') {
            const char *end = strchr(p + 1, '\'');
            if (!end) {
                fail(why, "unterminated single quote", p, line);
                goto cleanup;
            }
            for (p++; p < end; p++)
                add_char(&w, *p, true);
            w.started = true;
        } else if (*p == '"') {
            p++;
            if (double_quoted(&p, &w, line, why) < 0)
                goto cleanup;
        } else if (*p == '\\') {
            if (!p[1]) {
                fail(why, "a backslash at the end", p, line);
                goto cleanup;
            }
            p++;
            if (*p != '\n')
                add_char(&w, *p, true);
        } else if (strchr(UNQUOTED_SPECIAL, *p)) {
            char what[48];
            snprintf(what, sizeof(what), "unquoted '%c' is interpreted", *p);
            fail(why, what, p, line);
            goto cleanup;
        } else {
            add_char(&w, *p, false);
        }
    }
    end_word(&w, out);
    ret = 0;
cleanup:
    vc_buf_free(&w.text);
    return ret;
}

void vc_shell_words_free(vc_shell_words *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->items[i].text);
    free(w->items);
    w->items = NULL;
    w->n = w->cap = 0;
}
