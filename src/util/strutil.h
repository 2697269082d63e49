/* strutil.h: small string helpers and a string list. */
#ifndef VC_UTIL_STRUTIL_H
#define VC_UTIL_STRUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define VC_STREQ(a, b) (strcmp((a), (b)) == 0)
#define VC_STRPREFIX(s, p) (strncmp((s), (p), strlen(p)) == 0)

bool vc_streq_null(const char *a, const char *b);

/* Parse a whole string as an unsigned/signed decimal (or 0x hex when
 * @base is 0); false on empty input, junk, or overflow. */
bool vc_parse_ull(const char *s, int base, unsigned long long *out);
bool vc_parse_ll(const char *s, int base, long long *out);

/* Parse leading decimal digits at *p (advancing it); -1 when there are
 * none or the number is too big for an int. */
int vc_parse_number(const char **p);

/* A NULL-terminated list of owned strings. */
typedef struct vc_strlist {
    char **items;
    size_t n;
    size_t cap;
} vc_strlist;

void vc_strlist_add(vc_strlist *l, const char *s);
void vc_strlist_take(vc_strlist *l, char *s);
bool vc_strlist_has(const vc_strlist *l, const char *s);
void vc_strlist_sort(vc_strlist *l);
/* vc_strlist_has in log n: @l must be sorted by vc_strlist_sort. */
bool vc_strlist_has_sorted(const vc_strlist *l, const char *s);
void vc_strlist_free(vc_strlist *l);

#endif
