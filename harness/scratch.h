/* scratch.h: a test case's scratch directory.
 *
 * Some inputs cannot live in the repository: a FIFO, a socket.  A case
 * names them in a setup file, one a line, and they are made in a fresh
 * directory before it runs:
 *     fifo NAME           a FIFO (no writer: opening it to read blocks)
 *     socket NAME         a bound unix socket
 *     dir NAME            a directory
 *     file NAME TEXT...   a file holding TEXT and a newline
 *     link NAME TARGET    a symbolic link
 * The case refers to the directory as @TMP@ (in its arguments and in
 * TEXT); what the program prints has the directory written back as
 * @TMP@, so expected output does not depend on where it was made.
 */
#ifndef VC_HARNESS_SCRATCH_H
#define VC_HARNESS_SCRATCH_H

#include "util/error.h"

#define VC_SCRATCH_MARK "@TMP@"

typedef struct vc_scratch {
    char *dir;      /* NULL until made */
} vc_scratch;

/* Make the directory and what @setup (a file path) lists. */
int vc_scratch_make(vc_scratch *s, const char *setup, vc_error *err);

/* @text with every @TMP@ replaced by the directory (caller frees). */
char *vc_scratch_expand(const vc_scratch *s, const char *text);

/* @text with every occurrence of the directory replaced by @TMP@. */
char *vc_scratch_mask(const vc_scratch *s, const char *text);

/* Remove the directory and everything in it. */
void vc_scratch_remove(vc_scratch *s);

#endif
