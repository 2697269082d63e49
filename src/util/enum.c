#include "util/enum.h"

#include <string.h>

int vc_enum_from_string(const char *const *table, size_t n, const char *s)
{
    if (!s)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (table[i] && strcmp(table[i], s) == 0)
            return (int)i;
    return -1;
}

const char *vc_enum_to_string(const char *const *table, size_t n, int v)
{
    if (v < 0 || (size_t)v >= n)
        return NULL;
    return table[v];
}
