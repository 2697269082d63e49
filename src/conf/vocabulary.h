/* vocabulary.h: every element and attribute the domain parser reads,
 * as a table, for tools that write domain XML without an example of
 * it: the fuzzer's seed documents and dictionary (harness/vocab_doc.h).
 *
 * The table is kept true both ways by the `vocabulary` tier
 * (tests/test_vocabulary.c): the parser must read every element and
 * attribute of the seed documents made from it, and every element and
 * attribute the parser reads in any corpus document must be in it.
 * Enumerated values point at the parser's own tables (vc_enum_table),
 * so the two cannot disagree on them.
 *
 * A path names an element from the root, one step a '/':
 *
 *     domain/devices/disk[type=block]/source
 *
 * A step is NAME, or NAME[ATTR=V1|V2...] (several [...] may follow
 * each other): the element only where its attribute ATTR is one of the
 * values (an absent ATTR stands for the default the vocabulary gives
 * it, vc_vocab_value.dflt).  The parser reads an entry's attributes
 * (or accepts them) only there: <source dev=> belongs to block disks.
 * Entries without conditions hold for every instance of the element;
 * several entries may name one element (their attributes add up).
 * Elements of the qemu:commandline extension are written "qemu:NAME"
 * (namespace VC_QEMU_NS).
 */
#ifndef VC_CONF_VOCABULARY_H
#define VC_CONF_VOCABULARY_H

#include <stdbool.h>
#include <stddef.h>

#include "conf/host.h"
#include "util/enum.h"
#include "util/error.h"
#include "util/strutil.h"

#define VC_QEMU_NS "http://libvirt.org/schemas/domain/qemu/1.0"

typedef enum vc_vocab_kind {
    VC_VOCAB_NONE = 0,  /* text only: the element holds no text */
    VC_VOCAB_STRING,    /* free text: a name, a label, a model */
    VC_VOCAB_PATH,      /* a file or device path */
    VC_VOCAB_ENUM,      /* one of names (less the refused ones) */
    VC_VOCAB_UINT,      /* an unsigned number in [min, max], in base */
    VC_VOCAB_INT,       /* a signed decimal number in [min, max] */
    VC_VOCAB_UUID,      /* 32 hex digits, dashes anywhere */
    VC_VOCAB_MAC,       /* six hex pairs with ':', unicast */
    VC_VOCAB_CPUSET,    /* "0-3,^2,8": CPUs or NUMA nodes, below 1024 */
    VC_VOCAB_WWN,       /* 16 hex digits, 0x allowed */
    VC_VOCAB_USB_PORT,  /* "1" or "1.2.3", up to 4 levels of 0..999 */
    VC_VOCAB_USB_VERSION, /* "2.0": major 0..99, one or two digits of minor; -1 */
    VC_VOCAB_KIND_LAST
} vc_vocab_kind;
VC_ENUM_DECL(vc_vocab_kind);    /* "none", "string", "path", "enum", ... */

/* A value's flags. */
enum {
    /* no two in a document may be equal (aliases, boot orders) */
    VC_VOCAB_UNIQUE = 1 << 0,
    /* the number may also be -1 ("any"), outside [min, max] */
    VC_VOCAB_MINUS_ONE = 1 << 1,
};

typedef struct vc_vocab_value {
    vc_vocab_kind kind;
    /* ENUM: the parser's table; bit i of refused set when names[i] is
     * not accepted here (a "default" slot, say) */
    const vc_enum_table *names;
    unsigned long long refused;
    /* UINT, INT: the accepted range (INT: min may be negative); base
     * 10, 16 (0x optional) or 0 (C: 0x hex, leading 0 octal) */
    long long min;
    unsigned long long max;
    int base;
    const char *dflt;       /* what the parser assumes when absent, or NULL */
    const char *sample;     /* a value the seed documents use, or NULL */
    unsigned flags;         /* VC_VOCAB_UNIQUE, ... */
} vc_vocab_value;

typedef struct vc_vocab_attr {
    const char *name;
    vc_vocab_value value;
} vc_vocab_attr;

/* An element's flags. */
enum {
    VC_VOCAB_REPEAT = 1 << 0,   /* may appear more than once where it is */
};

typedef struct vc_vocab_elem {
    const char *path;           /* see above */
    const vc_vocab_attr *attrs;
    size_t nattrs;
    vc_vocab_value text;        /* kind NONE: no text content */
    unsigned flags;             /* VC_VOCAB_REPEAT */
    /* The seed documents: 0, the entry is in every one; N, only in the
     * N-th (1-based), for what the parser refuses beside another entry
     * (<os><boot> beside a device's <boot>, two kinds of <address>). */
    unsigned seed;
    unsigned copies;            /* how many the seeds hold (0: one) */
} vc_vocab_elem;

/* The table, in document order; *@n is set to its length. */
const vc_vocab_elem *vc_domain_vocabulary(size_t *n);

/* The number of seed documents (the largest vc_vocab_elem.seed, at
 * least 1). */
unsigned vc_vocab_seed_count(void);

/* ---- paths ---- */

/* No path has more steps ("domain/devices/disk/source/host" has 5). */
#define VC_VOCAB_MAX_STEPS 8

/* One step of a path, pointing into it. */
typedef struct vc_vocab_step {
    const char *name;           /* "disk" (not NUL-terminated) */
    size_t name_len;
    const char *cond;           /* "[type=block]..." or NULL */
    size_t cond_len;
} vc_vocab_step;

/* Read the step at *@p and advance *@p past it (and its '/').  0, or
 * -1 at the end of the path or on a malformed step. */
int vc_vocab_next_step(const char **p, vc_vocab_step *step);

/* Split @path into @steps (VC_VOCAB_MAX_STEPS of them at most); the
 * number of steps, 0 when the path is malformed or deeper. */
size_t vc_vocab_split(const char *path, vc_vocab_step steps[VC_VOCAB_MAX_STEPS]);

/* Whether the conditions @cond (@len bytes of "[A=V|W][B=X]") hold
 * when @value_of(ATTR, @opaque) gives each attribute's value (NULL when
 * it has none: the condition fails). */
bool vc_vocab_cond_holds(const char *cond, size_t len,
                         const char *(*value_of)(const char *attr, void *opaque),
                         void *opaque);

/* ---- what the parser read ---- */

/* Which elements and attributes of parsed documents the parser read,
 * matched against the table. */
typedef struct vc_vocab_report vc_vocab_report;

vc_vocab_report *vc_vocab_report_new(void);

/* Parse @xml as vc_domain_parse() does and add to @r what the parser
 * read of it, whether it was accepted or not.  Returns 0 when the
 * domain was accepted, -1 with @err set when it was refused (or is not
 * XML: then nothing is added).  A refused document is matched by names
 * only: the parser may have read an attribute where it does not accept
 * it (the error), which the conditions do not describe. */
int vc_vocab_report_add(vc_vocab_report *r, const char *xml, size_t len,
                        const char *filename, const vc_host *host,
                        unsigned flags, vc_error *err);

/* What the parser read that no entry of the table lists, one line an
 * element or attribute: "FILE: /domain/devices/disk[2]/driver/@cache". */
const vc_strlist *vc_vocab_report_unknown(const vc_vocab_report *r);

/* What the documents hold that the parser did not read (same form). */
const vc_strlist *vc_vocab_report_unread(const vc_vocab_report *r);

/* The entries and attributes of the table the parser never read in
 * any document added: "domain/devices/disk/driver" or
 * "domain/devices/disk/driver@cache", appended to @out. */
void vc_vocab_report_missing(const vc_vocab_report *r, vc_strlist *out);

void vc_vocab_report_free(vc_vocab_report *r);

#endif
