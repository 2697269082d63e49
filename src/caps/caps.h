/* caps.h: what a QEMU binary can do, as read from its -help text and
 * device listings. */
#ifndef VC_CAPS_CAPS_H
#define VC_CAPS_CAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"
#include "util/strutil.h"

typedef enum vc_cap {
#define VC_CAP(e, name) VC_CAP_##e,
#include "caps/caps_table.h"
#undef VC_CAP
    VC_CAP_LAST
} vc_cap;

/* Flags before this one are libvirt's canonical names. */
#define VC_CAP_FIRST_PROJECT VC_CAP_DISPLAY

/* Room for the machine type names of one QEMU (Debian's 7.2 lists 61
 * in 741 bytes); a listing that does not fit is refused. */
#define VC_CAPS_MACHINES_MAX 4096
/* Room for the device types of vc_caps_types() a listing names (about
 * 80 names, 1 KiB); a report read back may not hold more. */
#define VC_CAPS_DEVICES_MAX 4096

typedef struct vc_caps {
    unsigned long version;     /* major*1000000 + minor*1000 + micro */
    bool is_kvm;
    unsigned int kvm_version;
    uint64_t bits[(VC_CAP_LAST + 63) / 64];
    /* With VC_CAP_MACHINE_LISTING: the machine types, each "NAME" or
     * "NAME=TARGET" (an alias) ended by a NUL, in the listing's order
     * (fixed size: caps are copied by value). */
    char machines[VC_CAPS_MACHINES_MAX];
    size_t machines_len;
    /* With VC_CAP_DEVICE_LISTING: the device types of vc_caps_types()
     * that the listing names, each ended by a NUL, in the table's order. */
    char devices[VC_CAPS_DEVICES_MAX];
    size_t devices_len;
} vc_caps;

void vc_caps_init(vc_caps *caps);
void vc_caps_set(vc_caps *caps, vc_cap flag);
void vc_caps_clear(vc_caps *caps, vc_cap flag);
bool vc_caps_has(const vc_caps *caps, vc_cap flag);

const char *vc_cap_name(vc_cap flag);

/* Add machine type @name (@n bytes: "NAME", or "NAME=TARGET" for an
 * alias) to the listing; -1 when it does not fit.  vc_caps_has_machine:
 * whether @name is listed; vc_caps_canonical_machine: the machine an
 * alias stands for, else @name itself. */
int vc_caps_add_machine(vc_caps *caps, const char *name, size_t n);
bool vc_caps_has_machine(const vc_caps *caps, const char *name);
const char *vc_caps_canonical_machine(const vc_caps *caps, const char *name);

/* The QEMU types the argv builder can name: devices (-device, and
 * -global DRIVER.PROP) and objects (-object) (caps_types.c). */
typedef enum { VC_CAPS_TYPE_DEVICE, VC_CAPS_TYPE_OBJECT } vc_caps_type_kind;

typedef struct vc_caps_type {
    const char *name;
    vc_caps_type_kind kind;
} vc_caps_type;

const vc_caps_type *vc_caps_types(size_t *n);

/* Add device @name (@n bytes) to the devices listed; -1 when it does
 * not fit.  vc_caps_has_device: whether @name is listed.  Detection
 * keeps the device types of vc_caps_types() that the listing names
 * (as a device or an alias), so they always fit. */
int vc_caps_add_device(vc_caps *caps, const char *name, size_t n);
bool vc_caps_has_device(const vc_caps *caps, const char *name);
/* Take device or machine type @name (with its alias entry) off the
 * listing; nothing when it is not listed (`compare --remove`). */
void vc_caps_remove_device(vc_caps *caps, const char *name);
void vc_caps_remove_machine(vc_caps *caps, const char *name);
/* -1 when @name is not a capability name. */
int vc_cap_from_name(const char *name);

/* Text is (data, len) everywhere here: @len bytes are read, never more,
 * and no terminating NUL is needed (a fuzzer's buffer has none).  A NUL
 * byte inside is refused, as the XML reader refuses it:
 * "PATH: binary data (NUL byte at offset N), not ...". */

/* Parse `qemu -help` text.  @path names the source in errors. */
int vc_caps_parse_help(vc_caps *caps, const char *text, size_t len,
                       const char *path, vc_error *err);

/* Add what a device listing (`-device ?` and per-device property
 * listings, old or modern format) shows.  Empty text is valid. */
int vc_caps_parse_devices(vc_caps *caps, const char *text, size_t len,
                          const char *path, vc_error *err);

/* Add the capabilities of a QEMU from its help text and device listing
 * (@devices may be NULL: none).  The listing is consulted only when the
 * help text advertises -device, as a QEMU without -device has no
 * listing to give.  The names are the sources' in errors. */
int vc_caps_from_text(vc_caps *caps, const char *help, size_t help_len,
                      const char *help_name, const char *devices, size_t dev_len,
                      const char *dev_name, vc_error *err);

/* What a device listing names, as the detector reads it: for checks
 * that hold a command line against the recording.  Each list sorted. */
typedef struct vc_caps_listing {
    vc_strlist devices;     /* device names */
    vc_strlist aliases;     /* their aliases */
    vc_strlist alias_map;   /* "ALIAS=NAME" */
    vc_strlist props;       /* "TYPE.PROPERTY" (any listed type) */
    vc_strlist machines;    /* "NAME", or "NAME=TARGET" for an alias */
} vc_caps_listing;

int vc_caps_read_listing(const char *text, size_t len, const char *path,
                         vc_caps_listing *out, vc_error *err);
void vc_caps_listing_free(vc_caps_listing *l);

/* vc_caps_from_text of the files; @device_path may be NULL. */
int vc_caps_from_files(vc_caps *caps, const char *help_path,
                       const char *device_path, vc_error *err);

/* Set flags from "a,b,c" (canonical or project names); "" sets none.
 * An empty name ("a,,b", "a,") is an error (VC_EXIT_USAGE). */
int vc_caps_parse_list(vc_caps *caps, const char *list, vc_error *err);

/* The report: "version N", "is_kvm 0|1", "kvm_version N", then "flags"
 * with each flag on a line of its own, indented two spaces; then, with a
 * device listing (and not @canonical_only), "devices" and its names the
 * same way, and with a machine listing "machines".  With
 * @canonical_only, project-added flags are left out. */
char *vc_caps_format(const vc_caps *caps, bool canonical_only);

/* Read back a report as vc_caps_format writes it (flags in any order),
 * or with a section's names on its heading line ("flags a b c", as the
 * reference corpus has them): NUL-terminated text, the program's own
 * output, not a recording.  @path names the source in errors. */
int vc_caps_parse_report(vc_caps *caps, const char *text, const char *path,
                         vc_error *err);

#endif
