/* alloc.h: allocation that cannot return NULL.
 *
 * Running out of memory is not an input error we can report usefully,
 * so (as GLib and modern libvirt do) we abort.  This keeps every
 * cleanup path about real errors only.
 */
#ifndef VC_UTIL_ALLOC_H
#define VC_UTIL_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *vc_malloc0(size_t size);
void *vc_calloc(size_t nmemb, size_t size);
void *vc_realloc(void *ptr, size_t size);
char *vc_strdup(const char *s);
char *vc_strndup(const char *s, size_t n);
char *vc_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *vc_vasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grow *arr (of *cap elements of @size) so that it holds at least @need. */
void vc_grow(void *arrp, size_t *cap, size_t need, size_t size);

#define VC_NEW(type) ((type *)vc_malloc0(sizeof(type)))
#define VC_FREE(p) do { free(p); (p) = NULL; } while (0)

#endif
