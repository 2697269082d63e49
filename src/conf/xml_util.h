/* xml_util.h: safe libxml2 reading and typed attribute helpers shared
 * by the domain parsers (internal to src/conf). */
#ifndef VC_CONF_XML_UTIL_H
#define VC_CONF_XML_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>

#include "conf/host.h"
#include "util/buf.h"
#include "util/error.h"

/* What every parser function gets. */
typedef struct vc_parse_ctx {
    const vc_host *host;     /* where the domain is defined */
    unsigned flags;          /* vc_parse_flags */
    vc_error *err;
    unsigned *boot_orders;   /* <boot order=> values seen so far */
    size_t nboot_orders, boot_cap;
} vc_parse_ctx;

/* Parse @len bytes of XML safely: no network, no DTD loading, no entity
 * expansion; documents with a DOCTYPE (internal subset: entity bombs,
 * external entities) are refused, as are inputs above @max bytes.
 * libxml2 errors become one "FILE:LINE: message" line in @err. */
xmlDocPtr vc_xml_read(const char *data, size_t len, size_t max,
                      const char *filename, vc_error *err);

/* Element tests and lookups (name only; namespace ignored). */
bool vc_xml_is(const xmlNode *n, const char *name);
xmlNodePtr vc_xml_child(const xmlNode *n, const char *name);

/* Owned copies (NULL when absent). */
char *vc_xml_prop(const xmlNode *n, const char *name);
char *vc_xml_text(const xmlNode *n);

/* Attribute @attr of @n as an enum through @from_string; @what names it
 * in "unknown WHAT 'VALUE'".  Returns 1 when set, 0 when absent (out
 * untouched), -1 on error. */
int vc_xml_enum(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                int (*from_string)(const char *), const char *what, int *out);

/* Same for a required attribute: absence is an error naming
 * <ELEM ATTR>. */
int vc_xml_enum_req(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                    int (*from_string)(const char *), const char *what,
                    int *out);

/* An unsigned number in @base (0: decimal, 0x hex or 0 octal) at most
 * @max.  1 set, 0 absent, -1 error ("invalid value ... for <e a>"). */
int vc_xml_ull(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
               int base, unsigned long long max, unsigned long long *out);
int vc_xml_uint(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
                int base, unsigned max, unsigned *out);
/* The same for an element's text content (@n is the element). */
int vc_xml_text_ull(vc_parse_ctx *ctx, const xmlNode *n,
                    unsigned long long max, unsigned long long *out);
int vc_xml_ll(vc_parse_ctx *ctx, const xmlNode *n, const char *attr,
              long long min, long long max, long long *out);

/* An error about element @n: sets err and returns -1. */
int vc_xml_error(vc_parse_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Writing: @s escaped for an attribute value or text. */
void vc_xml_escape(vc_buf *b, const char *s);
/* " NAME='ESCAPED'" when @value is non-NULL. */
void vc_xml_attr(vc_buf *b, const char *name, const char *value);

#endif
