/* file.h: reading whole input files with a size limit. */
#ifndef VC_UTIL_FILE_H
#define VC_UTIL_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* Inputs larger than this are refused: every input we read (help text,
 * device listings, domain XML) is a few hundred kilobytes at most. */
#define VC_FILE_MAX_DEFAULT (8u * 1024 * 1024)

/* Read @path into a NUL-terminated buffer (caller frees).  Refuses
 * anything but a regular file ("PATH: not a regular file (a FIFO)"),
 * without opening it or blocking on it, files bigger than @max bytes
 * and read errors, naming @path in the message (code VC_EXIT_INPUT).
 * Every input file is read through here. */
int vc_file_read(const char *path, size_t max, char **data, size_t *len,
                 vc_error *err);

/* Write @len bytes to @path.  A regular file (or a new one) is written
 * to a temporary file beside it and renamed over it, so a failure
 * leaves no half-written file; a FIFO, a character device or what a
 * symbolic link leads to (/dev/stdout) is written in place (a FIFO
 * without a reader is an error, not a wait); a directory, socket or
 * block device is refused.  Codes: VC_EXIT_INPUT for a path that cannot
 * be written, VC_EXIT_INTERNAL for a write that fails part way. */
int vc_file_write(const char *path, const char *data, size_t len,
                  vc_error *err);

/* Refuse early a path vc_file_write would refuse for its type (a
 * directory, a socket), before any work is done for it. */
int vc_file_check_output(const char *path, vc_error *err);

/* Is @data text: no NUL byte?  On false, *@where is the offset. */
bool vc_text_is_clean(const char *data, size_t len, size_t *where);

#endif
