/* json.h: a small JSON reader for what QEMU's monitor says (QMP), and
 * the quoting of strings written to it.
 *
 * A document is read whole into a tree; numbers are kept as doubles
 * (QMP's integers here -- ports, boot indexes, sizes -- fit one).
 */
#ifndef VC_HARNESS_JSON_H
#define VC_HARNESS_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/error.h"

typedef enum vc_json_type {
    VC_JSON_NULL, VC_JSON_BOOL, VC_JSON_NUMBER, VC_JSON_STRING,
    VC_JSON_ARRAY, VC_JSON_OBJECT,
} vc_json_type;

typedef struct vc_json vc_json;
struct vc_json {
    vc_json_type type;
    bool boolean;
    double number;
    char *string;           /* a string, NUL-terminated (no NUL inside) */
    char **keys;            /* an object's, in order */
    vc_json **items;        /* an array's, or an object's values */
    size_t n;
};

/* Read one document from @text (@len bytes; blanks around it allowed):
 * the tree, or NULL with @err set (VC_EXIT_INPUT, where and what). */
vc_json *vc_json_parse(const char *text, size_t len, vc_error *err);
void vc_json_free(vc_json *j);

/* An object's member (NULL: none, or @j is no object). */
const vc_json *vc_json_get(const vc_json *j, const char *key);
/* Take an object's member out of it (a null is left in its place). */
vc_json *vc_json_take(vc_json *j, const char *key);
/* A path of members, "a.b.c" (NULL when any is missing). */
const vc_json *vc_json_path(const vc_json *j, const char *path);
/* @j as text of the kind the monitor's string, bool or number values
 * are compared in: "true", "42", the string itself (caller frees);
 * NULL for null, arrays and objects. */
char *vc_json_scalar(const vc_json *j);

/* @s as a JSON string, quotes included, appended to @b. */
void vc_json_quote(vc_buf *b, const char *s);

#endif
