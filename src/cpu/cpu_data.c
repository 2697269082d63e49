/* cpu_data.c: CPUID data, a sparse set of (function -> eax/ebx/ecx/edx
 * bits), and the set operations libvirt's cpu_x86.c uses. */
#include "cpu/cpu_private.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* --- CPUID data ---------------------------------------------------- */

bool vc_cpuid_zero(const cpuid *c)
{
    return !(c->r[0] | c->r[1] | c->r[2] | c->r[3]);
}

/* The entry for @fn, NULL when absent or all zero. */
cpuid *vc_cpudata_get(const cpudata *d, uint32_t fn)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->e[i].fn == fn)
            return vc_cpuid_zero(&d->e[i]) ? NULL : &d->e[i];
    return NULL;
}

cpuid *vc_cpudata_slot(cpudata *d, uint32_t fn)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->e[i].fn == fn)
            return &d->e[i];
    vc_grow(&d->e, &d->cap, d->n + 1, sizeof(*d->e));
    memset(&d->e[d->n], 0, sizeof(d->e[0]));
    d->e[d->n].fn = fn;
    return &d->e[d->n++];
}

void vc_cpudata_add(cpudata *d, const cpudata *add)
{
    for (size_t i = 0; i < add->n; i++) {
        cpuid *c = vc_cpudata_slot(d, add->e[i].fn);
        for (int r = 0; r < 4; r++)
            c->r[r] |= add->e[i].r[r];
    }
}

void vc_cpudata_sub(cpudata *d, const cpudata *sub)
{
    for (size_t i = 0; i < sub->n; i++) {
        cpuid *c = vc_cpudata_get(d, sub->e[i].fn);
        if (c)
            for (int r = 0; r < 4; r++)
                c->r[r] &= ~sub->e[i].r[r];
    }
}

void vc_cpudata_copy(cpudata *dst, const cpudata *src)
{
    memset(dst, 0, sizeof(*dst));
    vc_cpudata_add(dst, src);
}

void vc_cpudata_free(cpudata *d)
{
    free(d->e);
    memset(d, 0, sizeof(*d));
}

static bool cpuid_contains(const cpuid *c, const cpuid *mask)
{
    for (int r = 0; r < 4; r++)
        if ((c->r[r] & mask->r[r]) != mask->r[r])
            return false;
    return true;
}

bool vc_cpudata_is_subset(const cpudata *d, const cpudata *subset)
{
    for (size_t i = 0; i < subset->n; i++) {
        const cpuid *c;
        if (vc_cpuid_zero(&subset->e[i]))
            continue;
        if (!(c = vc_cpudata_get(d, subset->e[i].fn)) || !cpuid_contains(c, &subset->e[i]))
            return false;
    }
    return true;
}

bool vc_cpudata_intersects(const cpudata *a, const cpudata *b)
{
    for (size_t i = 0; i < a->n; i++) {
        const cpuid *c = vc_cpudata_get(b, a->e[i].fn);
        if (!c)
            continue;
        for (int r = 0; r < 4; r++)
            if (a->e[i].r[r] & c->r[r])
                return true;
    }
    return false;
}

bool vc_cpudata_empty(const cpudata *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (!vc_cpuid_zero(&d->e[i]))
            return false;
    return true;
}

/* x86ModelCompare: how @a's bits relate to @b's, function by function. */
cmp_result vc_cpudata_compare(const cpudata *a, const cpudata *b)
{
    cmp_result result = CMP_EQUAL;
    const cpudata *sides[2] = { a, b };

    for (int s = 0; s < 2; s++) {
        const cpudata *x = sides[s], *y = sides[1 - s];
        for (size_t i = 0; i < x->n; i++) {
            const cpuid *c1 = &x->e[i], *c2;
            cmp_result match = s == 0 ? CMP_SUPERSET : CMP_SUBSET;

            if (vc_cpuid_zero(c1))
                continue;
            if ((c2 = vc_cpudata_get(y, c1->fn))) {
                if (!memcmp(c1->r, c2->r, sizeof(c1->r)))
                    continue;
                if (!cpuid_contains(c1, c2))
                    match = s == 0 ? CMP_SUBSET : CMP_SUPERSET;
            }
            if (result == CMP_EQUAL)
                result = match;
            else if (result != match)
                return CMP_UNRELATED;
        }
    }
    return result;
}

