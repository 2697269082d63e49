/* synth.h: large inputs made in memory, for make bench and for the
 * tests that check a size the corpus never reaches. */
#ifndef VC_HARNESS_SYNTH_H
#define VC_HARNESS_SYNTH_H

#include <stdbool.h>
#include <stddef.h>

/* A device listing of @lines property lines (about 30 bytes each),
 * devices alternating the old and the modern format.  Every device lists
 * logical_block_size or physical_block_size, never both, except the last
 * one when @blockio: detection must pair them by device, and the answer
 * is only known at the end.  Caller frees; *@len is its length. */
char *vc_synth_device_listing(size_t lines, bool blockio, size_t *len);

/* A domain with @n file disks on @bus, targets named as libvirt names
 * them from @prefix (vda..vdz, vdaa..).  Caller frees; *@len is its
 * length. */
char *vc_synth_disk_domain(size_t n, const char *bus, const char *prefix,
                           size_t *len);

/* A domain of @n serial ports numbered as they come (each the next
 * after the highest so far). */
char *vc_synth_serial_domain(size_t n, size_t *len);

/* A domain of @n virtio-serial controllers in falling index order,
 * and @n channels each on a controller of its own that the domain does
 * not declare (so one is added for it): every controller goes to the
 * front of its type. */
char *vc_synth_controller_domain(size_t n, size_t *len);

#endif
