/* qemu_config.h: the QEMU driver configuration, with the key names of
 * libvirt's qemu.conf.  Set from a qemu.conf-style file (--config) and
 * key=value pairs (--set). */
#ifndef VC_QEMU_CONFIG_H
#define VC_QEMU_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

typedef struct vc_qemu_config {
    char *vnc_listen;               /* default "127.0.0.1" */
    bool vnc_auto_unix_socket;
    bool vnc_tls;
    char *vnc_tls_x509_cert_dir;    /* default "/etc/pki/libvirt-vnc" */
    bool vnc_tls_x509_verify;
    char *vnc_password;
    bool vnc_sasl;
    char *vnc_sasl_dir;             /* default "/etc/sasl2" */
    bool vnc_allow_host_audio;
    char *spice_listen;             /* default "127.0.0.1" */
    bool spice_tls;
    char *spice_tls_x509_cert_dir;  /* default "/etc/pki/libvirt-spice" */
    char *spice_password;
    bool nographics_allow_host_audio;
    char *hugetlbfs_mount;          /* NULL: no hugepages available */
    char *hugepage_path;            /* derived: <mount>/libvirt/qemu unless set */
    char *state_dir;                /* the system host's; default "/var/lib/libvirt/qemu" */
    bool set_process_name;
    bool mac_filter;
    bool relaxed_acs_check;
    bool allow_disk_format_probing;
    bool clear_emulator_capabilities;
    bool dynamic_ownership;
    int max_processes;
    int max_files;
    char *security_driver;
    char *user;
    char *group;
    char *save_image_format;
    char *dump_image_format;
    char *auto_dump_path;
    char *lock_manager;
} vc_qemu_config;

/* Defaults as libvirt's qemu.conf documents them. */
void vc_qemu_config_init(vc_qemu_config *cfg);

/* Set one key from its text form ("1"/"0" for booleans, as qemu.conf;
 * a number; a string, quoted or bare; a [ "list" ] where the key takes
 * one).  @where names the source in errors ("--set"); unknown keys,
 * values of the wrong type and overlong values are errors (@code:
 * VC_EXIT_USAGE for --set). */
int vc_qemu_config_set(vc_qemu_config *cfg, const char *key, const char *value,
                       const char *where, int code, vc_error *err);
/* "key=value" */
int vc_qemu_config_set_pair(vc_qemu_config *cfg, const char *pair, vc_error *err);
/* A qemu.conf, as libvirt reads it: "key = value" lines, # comments;
 * strings in quotes, numbers and booleans (0, 1) bare, lists of strings
 * in [ ] for the keys that take them.  @len bytes of @text (no NUL
 * needed); @path names it in errors, "PATH:LINE: ..." (VC_EXIT_INPUT).
 * On error @cfg may hold the settings before the bad line. */
int vc_qemu_config_parse(vc_qemu_config *cfg, const char *text, size_t len,
                         const char *path, vc_error *err);
/* vc_qemu_config_parse of the file @path. */
int vc_qemu_config_load(vc_qemu_config *cfg, const char *path, vc_error *err);

/* The driver settings of the reference corpus's test profile:
 * hugetlbfs at /dev/hugepages, SPICE TLS on with its cert dir, SPICE
 * password 123456, VNC TLS/SASL off.  (The test host itself, state
 * directory included, is vc_host_test().) */
void vc_qemu_config_test_profile(vc_qemu_config *cfg);

/* Fill derived values (hugepage_path from hugetlbfs_mount). */
void vc_qemu_config_finish(vc_qemu_config *cfg);

void vc_qemu_config_free(vc_qemu_config *cfg);

#endif
