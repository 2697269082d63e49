/* disk_order.c: the order libvirt's parser keeps the disks in. */
#include "conf/conf_private.h"
#include "util/alloc.h"

#include <stdlib.h>

/* libvirt keeps the disks of a bus in target order: each disk goes
 * before the first one of its bus with a higher index, else after the
 * last one of its bus, else at the end (virDomainDiskInsertPreAlloced).
 * The result: the disks of a bus together, the buses in the order they
 * first appear, and within a bus a stable sort by index -- which is
 * what this sorts to, in O(n log n).  The parser sorts as it reads, so
 * the formatter, the command line and slot assignment all see it. */
typedef struct disk_key {
    unsigned bus_rank;
    int idx;
    size_t pos;
    vc_disk_def *disk;
} disk_key;

static int cmp_disk_key(const void *a, const void *b)
{
    const disk_key *x = a, *y = b;

    if (x->bus_rank != y->bus_rank)
        return x->bus_rank < y->bus_rank ? -1 : 1;
    if (x->idx != y->idx)
        return x->idx < y->idx ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

void vc_disks_order(vc_domain_def *def)
{
    unsigned rank[VC_DISK_BUS_LAST];
    unsigned nranks = 0;
    disk_key *keys;

    if (def->ndisks < 2)
        return;
    for (size_t b = 0; b < VC_DISK_BUS_LAST; b++)
        rank[b] = VC_DISK_BUS_LAST;
    keys = vc_calloc(def->ndisks, sizeof(*keys));
    for (size_t i = 0; i < def->ndisks; i++) {
        vc_disk_def *d = def->disks[i];
        unsigned bus = (unsigned)d->bus < VC_DISK_BUS_LAST ? (unsigned)d->bus : 0;

        if (rank[bus] == VC_DISK_BUS_LAST)
            rank[bus] = nranks++;
        keys[i].bus_rank = rank[bus];
        keys[i].idx = vc_disk_name_to_index(d->dst);
        keys[i].pos = i;
        keys[i].disk = d;
    }
    qsort(keys, def->ndisks, sizeof(*keys), cmp_disk_key);
    for (size_t i = 0; i < def->ndisks; i++)
        def->disks[i] = keys[i].disk;
    free(keys);
}
