/* xml_prescan.c: a look at the raw bytes before libxml2 parses them,
 * for what it handles in quadratic time: libxml2 2.9 checks each
 * attribute of a start tag against every earlier one, so one element of
 * 500k attributes (6 MB, under the size limit) keeps it busy for
 * minutes.  The scan is linear and only counts; libxml2 still judges
 * well-formedness. */
#include "conf/conf_private.h"

#include <string.h>

/* skip to just after @end, or to the end of the text */
static size_t skip_past(const char *s, size_t len, size_t i, const char *end)
{
    size_t n = strlen(end);

    for (; i + n <= len; i++)
        if (memcmp(s + i, end, n) == 0)
            return i + n;
    return len;
}

static bool starts(const char *s, size_t len, size_t i, const char *with)
{
    size_t n = strlen(with);

    return i + n <= len && memcmp(s + i, with, n) == 0;
}

int vc_xml_prescan(const char *data, size_t len, size_t max_attrs, const char *filename,
                   vc_error *err)
{
    size_t line = 1, i = 0;

    while (i < len) {
        size_t attrs = 0, tag_line = line;
        char quote = 0;

        if (data[i] != '<') {
            line += data[i++] == '\n';
            continue;
        }
        if (starts(data, len, i, "<!--") || starts(data, len, i, "<![CDATA[") ||
            starts(data, len, i, "<?")) {
            const char *end = data[i + 1] == '?' ? "?>" : data[i + 3] == '-' ? "-->" : "]]>";
            size_t j = skip_past(data, len, i + 2, end);

            for (; i < j; i++)
                line += data[i] == '\n';
            continue;
        }
        /* a DOCTYPE is refused as soon as libxml2 reads it */
        if (starts(data, len, i, "<!"))
            return 0;
        for (i++; i < len && (quote || data[i] != '>'); i++) {
            line += data[i] == '\n';
            if (quote && data[i] == quote)
                quote = 0;
            else if (!quote && (data[i] == '"' || data[i] == '\''))
                quote = data[i];
            else if (!quote && data[i] == '=' && ++attrs > max_attrs)
                return vc_error_set(err, VC_EXIT_INPUT, "%s:%zu: an element with more "
                                    "than %zu attributes", filename, tag_line, max_attrs);
        }
        i++;
    }
    return 0;
}
