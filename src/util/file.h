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
 * directories, files bigger than @max bytes and read errors, naming
 * @path in the message (code VC_EXIT_INPUT). */
int vc_file_read(const char *path, size_t max, char **data, size_t *len,
                 vc_error *err);

/* Write @len bytes to @path (created or truncated). */
int vc_file_write(const char *path, const char *data, size_t len,
                  vc_error *err);

/* Is @data text: no NUL byte?  On false, *@where is the offset. */
bool vc_text_is_clean(const char *data, size_t len, size_t *where);

#endif
