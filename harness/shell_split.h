/* shell_split.h: one command line read back the way a POSIX shell
 * reads it, to check that what the project prints for pasting into a
 * shell gives back exactly its words.
 *
 * Only quoting is modelled (single quotes, double quotes with their
 * backslash rules, backslash outside quotes, blanks, an unquoted '#'
 * starting a comment).  Anything the shell would interpret rather than
 * take as text (an unquoted $, `, ;, |, &, <, >, (, ), a glob or tilde
 * character, a second command) is refused: a line holding one is not
 * safe to paste, whatever the words.
 */
#ifndef VC_HARNESS_SHELL_SPLIT_H
#define VC_HARNESS_SHELL_SPLIT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vc_shell_word {
    char *text;
    /* NAME=... with NAME ([A-Za-z_][A-Za-z0-9_]*) and the '=' unquoted:
     * before the command word the shell takes it as an assignment */
    bool assignment;
} vc_shell_word;

typedef struct vc_shell_words {
    vc_shell_word *items;
    size_t n, cap;
} vc_shell_words;

/* Split @line (one command, optionally newline-terminated) into
 * @out.  0 on success; -1 with *@why (caller frees) saying what the
 * shell would do instead. */
int vc_shell_split(const char *line, vc_shell_words *out, char **why);

void vc_shell_words_free(vc_shell_words *w);

#endif
