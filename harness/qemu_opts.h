/* qemu_opts.h: how QEMU reads the value of each option the builder may
 * write, modelled independently of the builder (it never includes
 * src/qemu/option_table.h), so a test can compare what QEMU would get
 * with what the builder meant.
 *
 * The model is QEMU 7.2's: util/qemu-option.c (QemuOpts, with its id
 * scan), util/keyval.c (-machine), qemu_global_option (-global), the
 * -cpu feature list, chardev/char.c's qemu_chr_parse_compat (-serial,
 * -parallel, -monitor), and options QEMU takes whole.  Options 7.2 no
 * longer has (-soundhw, -balloon, -pcidevice, the monitor's "control,")
 * are read as the last QEMU that had them did.
 *
 * A reading is the list of (key, value) pairs QEMU ends up with, in
 * order; the builder's property list is normalised to the same form
 * (qemu_intent.c) and the two compared.
 */
#ifndef VC_HARNESS_QEMU_OPTS_H
#define VC_HARNESS_QEMU_OPTS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/props.h"

typedef enum vc_qm_syntax {
    VC_QM_SWITCH,       /* takes no value */
    VC_QM_LITERAL,      /* one value, taken whole */
    VC_QM_OPTS,         /* QemuOpts */
    VC_QM_KEYVAL,       /* keyval: no flags, implied value up to ',' or '=' */
    VC_QM_CPU,          /* MODEL[,feature]...: split at every ',' */
    VC_QM_SOUNDHW,      /* CARD[,CARD]...: split at every ',' */
    VC_QM_GLOBAL,       /* DRIVER.PROP=VALUE */
    VC_QM_CHR,          /* a pre -chardev character device spec */
    VC_QM_MONITOR,      /* [control,]CHR */
} vc_qm_syntax;

typedef struct vc_qm_option {
    const char *name;       /* "-device" */
    vc_qm_syntax syntax;
    const char *implied;    /* OPTS/KEYVAL: the implied first key */
    const char *split;      /* LITERAL: characters QEMU would split the
                               value at (none when NULL) ... */
    const char *split_after;    /* ... after this prefix of it */
    bool json;              /* a value starting with '{' is JSON */
} vc_qm_option;

/* The option named @name ("-device"), NULL when the model has no row
 * for it. */
const vc_qm_option *vc_qm_find(const char *name);

typedef struct vc_qkv {
    char *key, *value;
} vc_qkv;

typedef struct vc_qkvs {
    vc_qkv *items;
    size_t n, cap;
} vc_qkvs;

void vc_qkvs_add(vc_qkvs *l, const char *key, const char *value);
void vc_qkvs_addn(vc_qkvs *l, const char *key, const char *value, size_t n);
/* Move the first ("id", V) to the front and drop any other "id": QEMU
 * keeps one id, apart from the other keys. */
void vc_qkvs_hoist_id(vc_qkvs *l);
bool vc_qkvs_equal(const vc_qkvs *a, const vc_qkvs *b);
/* "key=value key=value ..." for messages (values C-escaped). */
char *vc_qkvs_format(const vc_qkvs *l);
void vc_qkvs_free(vc_qkvs *l);
/* @s in double quotes, C-escaped, for messages (caller frees). */
char *vc_qm_quote(const char *s);

/* How QEMU reads @text as the value of @opt.  0 with the reading in
 * @out; -1 with *@why (caller frees) when QEMU would refuse it. */
int vc_qm_read(const vc_qm_option *opt, const char *text, vc_qkvs *out, char **why);

/* What the builder meant by @props (the implied key it used: @implied),
 * normalised to a reading of @opt's syntax. */
void vc_qm_intent(const vc_qm_option *opt, const char *implied,
                  const vc_props *props, vc_qkvs *out);

#endif
