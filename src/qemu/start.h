/* start.h: starting a QEMU for a domain on the real host, doing what a
 * management daemon does before QEMU runs (libvirt's qemuProcessStart):
 * the state directory and monitor socket path, a port for autoport
 * graphics, disk images when asked, the host side of the interfaces
 * (src/net, through the host's kernel), then the command line, run with
 * exactly the descriptors it names.
 *
 * Whatever fails undoes everything done before it: QEMU killed, the
 * taps closed, macvtap links deleted, the socket, the images made and
 * the state directory made removed.
 */
#ifndef VC_QEMU_START_H
#define VC_QEMU_START_H

#include <stdbool.h>
#include <sys/types.h>

#include "qemu/build.h"

/* Where per-domain state goes when not told (libvirt: /var/run/libvirt/qemu). */
#define VC_START_STATE_DIR "/run/virtconform"
/* The first port autoport graphics try (libvirt's QEMU_VNC_PORT_MIN). */
#define VC_START_PORT_MIN 5900
/* Size of the images --create-images makes. */
#define VC_START_IMAGE_SIZE "16M"
/* Seconds QEMU has to greet on its monitor before it counts as hung. */
#define VC_START_TIMEOUT 60

typedef struct vc_start_opts {
    const char *state_dir;      /* NULL: VC_START_STATE_DIR */
    bool create_images;         /* make missing file images (qemu-img) */
    const char *qemu_img;       /* NULL: "qemu-img" from PATH */
    const char *image_size;     /* NULL: VC_START_IMAGE_SIZE */
    /* Plan only: build the line, list the actions, change nothing (the
     * host's kernel should then be a fake one). */
    bool dry_run;
    /* Where QEMU's stdout and stderr go; NULL: STATE_DIR/NAME.log. */
    const char *log_path;
} vc_start_opts;

void vc_start_opts_init(vc_start_opts *opts);

/* What a start did, and owns until vc_started_stop: */
typedef struct vc_started {
    pid_t pid;                  /* QEMU, a child of this process; -1: none */
    bool launched;              /* QEMU was executed (its socket may be left) */
    char *state_dir;
    bool made_state_dir;
    char *monitor;              /* the QMP socket path */
    char *log;                  /* QEMU's stdout and stderr */
    bool made_log;
    const struct vc_host_kernel *kernel;    /* what made the links */
    vc_strlist images;          /* images this start made */
    vc_strlist links;           /* links it made that outlive QEMU (macvtap) */
    vc_strlist actions;         /* what it did (or would do), one a line */
    char *line;                 /* the command line, as vc_command_to_line */
    vc_command cmd;             /* descriptors handed over are closed here */
    /* After a failed start: QEMU ran and refused (or died), as opposed to
     * the build or the host failing before it. */
    bool qemu_refused;
} vc_started;

/* Start @def (its graphics ports, aliases and addresses are filled in).
 * 0 with QEMU running paused and greeting on its monitor, or -1 with
 * @err set (VC_EXIT_BUILD: the build refused, the host could not do a
 * step, or QEMU refused the line -- its own message ends @err -- and
 * VC_EXIT_INTERNAL: fork and such) and nothing left behind.  A dry run
 * fills in @out's line and actions, and starts nothing. */
int vc_qemu_start(vc_domain_def *def, const vc_host *host, const vc_caps *caps,
                  const vc_qemu_config *cfg, const vc_build_opts *bopts,
                  const vc_start_opts *opts, vc_started *out, vc_error *err);

/* Tear down what a start made.  QEMU is killed unless it has exited;
 * it is waited for either way (its status in *@status when not NULL:
 * exit status, or 128 + signal).  Images made are removed when
 * @remove_images.  A caller that waited for QEMU itself sets pid to -1
 * first. */
void vc_started_stop(vc_started *s, bool remove_images, int *status);

/* Forget a start that stays: QEMU keeps running, with its state
 * directory, socket and log; only memory is freed. */
void vc_started_release(vc_started *s);

/* --- the steps (start_host.c, start_exec.c) --- */

/* mkdir @dir (0700; parents must exist).  *@made: whether it was made
 * here (an existing directory is used as it is). */
int vc_start_state_dir(const char *dir, bool *made, vc_error *err);

/* The first port from @from that binds on every address (as libvirt's
 * qemuProcessNextFreePort), or -1 with @err set. */
int vc_start_free_port(int from, vc_error *err);

/* Autoport graphics get ports (VNC; SPICE and its TLS port when @tls). */
int vc_start_graphics_ports(vc_domain_def *def, bool tls, vc_strlist *actions,
                            vc_error *err);

/* The file disks whose image is missing, made with qemu-img create in
 * their format (raw when none) unless @dry_run; made ones go to @made. */
/* A disk that names no format is raw, unless qemu.conf's
 * allow_disk_format_probing lets QEMU guess it (which QEMU 7.2 warns
 * about, and which lets a guest's raw image pass as another format). */
void vc_start_disk_formats(vc_domain_def *def, bool probing, vc_strlist *actions);
int vc_start_images(const vc_domain_def *def, const vc_start_opts *opts,
                    vc_strlist *made, vc_strlist *actions, vc_error *err);

/* fork and exec @cmd: its environment only, stdin /dev/null, stdout and
 * stderr appended to @log, a session of its own, and no descriptor but
 * those @cmd hands over.  The pid, or -1 with @err set (an exec that
 * failed is reported, not left to the child). */
pid_t vc_start_exec(const vc_command *cmd, const char *log, vc_error *err);

/* Wait until QEMU answers on @monitor: the greeting, then the reply to
 * qmp_capabilities (the greeting may come from the monitor's own
 * thread before the machine is made; a reply comes from the main loop,
 * after it).  0; or -1 with @err holding why -- QEMU (the program
 * @prog) exited: its error from @log; or VC_START_TIMEOUT passed. */
int vc_start_wait_monitor(pid_t pid, const char *prog, const char *monitor, const char *log,
                          vc_error *err);

#endif
