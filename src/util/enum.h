/* enum.h: string tables for enums (one table per enum, no if-chains).
 *
 *   VC_ENUM_DECL(vc_disk_bus);            in the header
 *   VC_ENUM_IMPL(vc_disk_bus, VC_DISK_BUS_LAST, "ide", "fdc", ...);
 *
 * gives vc_disk_bus_to_string(int) (NULL when out of range or the
 * slot is NULL), vc_disk_bus_from_string(const char *) (-1 when
 * unknown or NULL) and vc_disk_bus_enum, the table itself, for code
 * that lists what the parser accepts (src/conf/vocabulary.h).  The IMPL
 * fails to compile when the table and the enum disagree in length.
 */
#ifndef VC_UTIL_ENUM_H
#define VC_UTIL_ENUM_H

#include <stddef.h>

/* The names of an enum's values, in the enum's order. */
typedef struct vc_enum_table {
    const char *const *names;
    size_t n;
} vc_enum_table;

int vc_enum_from_string(const char *const *table, size_t n, const char *s);
const char *vc_enum_to_string(const char *const *table, size_t n, int v);

#define VC_ENUM_DECL(name) \
    extern const vc_enum_table name##_enum; \
    const char *name##_to_string(int v); \
    int name##_from_string(const char *s)

#define VC_ENUM_IMPL(name, last, ...) \
    static const char *const name##_table[] = { __VA_ARGS__ }; \
    _Static_assert(sizeof(name##_table) / sizeof(name##_table[0]) == (last), \
                   #name " table does not match its enum"); \
    const vc_enum_table name##_enum = { name##_table, (size_t)(last) }; \
    const char *name##_to_string(int v) \
    { return vc_enum_to_string(name##_table, (size_t)(last), v); } \
    int name##_from_string(const char *s) \
    { return vc_enum_from_string(name##_table, (size_t)(last), s); }

#endif
