/* props.h: the value of a QEMU option as an ordered property list, and
 * the one serializer that turns a list into text.
 *
 * The builder never formats "key=value,..." itself: it adds items to a
 * vc_props and hands it to vc_props_format(), which applies QEMU's
 * quoting to every value (a ',' inside a value is written ",,") or,
 * where the syntax has no quoting, refuses the value.  A later syntax
 * (QEMU's JSON -device) would be one more case here.
 */
#ifndef VC_UTIL_PROPS_H
#define VC_UTIL_PROPS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

typedef enum vc_prop_kind {
    VC_PROP_VALUE,      /* a bare value: the option's implied first key
                           (-device DRIVER) or an item of a list */
    VC_PROP_PAIR,       /* key=value */
    VC_PROP_FLAG,       /* a key alone: QEMU reads key=on ("noKEY": off) */
} vc_prop_kind;

typedef struct vc_prop {
    vc_prop_kind kind;
    char *key;          /* NULL for VC_PROP_VALUE */
    char *value;        /* NULL for VC_PROP_FLAG */
} vc_prop;

typedef struct vc_props {
    vc_prop *items;
    size_t n, cap;
} vc_props;

#define VC_PROPS_INIT { NULL, 0, 0 }

void vc_props_value(vc_props *p, const char *value);
void vc_props_valuef(vc_props *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void vc_props_add(vc_props *p, const char *key, const char *value);
void vc_props_addf(vc_props *p, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void vc_props_flag(vc_props *p, const char *key);
/* The value of the first @key pair, NULL when there is none. */
const char *vc_props_get(const vc_props *p, const char *key);
/* Move every item of @src to the end of @dst (@src is left empty). */
void vc_props_move(vc_props *dst, vc_props *src);
void vc_props_copy(vc_props *dst, const vc_props *src);
void vc_props_free(vc_props *p);

/* How QEMU reads the value of an option. */
typedef enum vc_syntax {
    VC_SYNTAX_NONE,         /* a switch that takes no value (-S) */
    VC_SYNTAX_OPTS,         /* QemuOpts: "[IMPLIED,]key=value,flag"; a ','
                               in a value is doubled */
    VC_SYNTAX_LITERAL,      /* one value, taken whole (a path, -append) */
    VC_SYNTAX_LIST,         /* items QEMU splits at every ',' with no way
                               to quote one (-cpu, -soundhw) */
    VC_SYNTAX_GLOBAL,       /* DRIVER.PROP=VALUE, the value taken whole */
    VC_SYNTAX_CHR_COMPAT,   /* a character device in the spec of QEMUs
                               before -chardev ("tcp:HOST:PORT,server") */
    VC_SYNTAX_LAST
} vc_syntax;

/* The one serializer.  @implied names the option's implied first key
 * (-device: "driver"; NULL when it has none): a leading value holding
 * '=' or ',' is written IMPLIED=VALUE, since QEMU would read it as keys
 * (a ',' through its id scan, or keyval's end of an implied value).
 * Returns the text, or NULL with @err set (VC_EXIT_BUILD, naming
 * @option) when a value cannot be said in @syntax. */
char *vc_props_format(const vc_props *p, vc_syntax syntax, const char *implied,
                      const char *option, vc_error *err);

#endif
