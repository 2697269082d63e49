/* test_roundtrip_values.c: the formatter writes only what the parser
 * reads back, for every value the parser knows.
 *
 * Tier "roundtrip-values": each value (attribute or text) of the seed
 * documents (harness/vocab_doc.h), which together hold every element
 * and attribute the parser reads, is replaced in turn by numbers at and
 * past the limits of the C types (when it is a number) or by text with
 * TAB, LF, CR, DEL, non-ASCII and markup characters (when it is not);
 * then it is taken away (the attribute, or the element holding the
 * text), for the defaults that take its place.
 * Each variant, read as a live definition (and as an inactive one
 * where the two differ: graphics ports, the domain id), is either
 * refused with one line (code 2), or formats to a document that parses
 * again, as the same kind of definition, and formats the same: one
 * round trip reaches a fixed point.  A case is one value: its variants
 * in a document holding only its device (to keep the tier fast), or its
 * absence in one holding the devices the parser reads with it (a
 * console repeats a serial port, graphics imply a mouse and a video
 * card).
 *
 * VC_VALUES_STRIDE=N tries one variant in N and takes one value in N
 * away (make check-valgrind).
 */
#include "corpus.h"
#include "test_args.h"
#include "tier.h"
#include "vocab_doc.h"
#include "xml_values.h"
#include "conf/domain.h"
#include "conf/vocabulary.h"
#include "util/alloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

static const char *const numbers[] = {
    "-1", "0", "1", "255", "256", "65535", "65536", "2147483647", "2147483648",
    "4294967295", "4294967296", "9007199254740991", "9007199254740992",
    "9223372036854775807", "9223372036854775808", "18446744073709551615",
    "18446744073709551616", "-2147483648", "-9223372036854775808", "0x10", "010",
};

static const char *const texts[] = {
    "a\nb\tc\rd", "a\r\nb", " a ", "", "a\x7f\xc3\xa9\xc2\x85&<>'\"b",
};

typedef struct val_case {
    char *doc;              /* the document it is a value of */
    size_t len;
    size_t index;           /* which value (vc_xml_values order) */
    bool number;
    bool inactive_too;      /* read as an inactive definition as well */
    bool drop;              /* only the document without the value */
} val_case;

static void val_case_free(void *p)
{
    val_case *c = p;
    free(c->doc);
    free(c);
}

static unsigned stride = 1;

static bool is_number(const char *s)
{
    const char *p = s + (*s == '-');

    if (p[0] == '0' && p[1] == 'x')
        p += 2;
    if (!*p)
        return false;
    for (; *p; p++)
        if (!isxdigit((unsigned char)*p))
            return false;
    return true;
}

/* One variant, one kind of definition; NULL when it behaves. */
static char *check_variant(const char *xml, size_t len, unsigned flags)
{
    vc_error err = { 0 };
    vc_domain_def *def = vc_domain_parse(xml, len, "variant.xml", vc_host_test(), flags, &err);
    vc_domain_def *def2;
    char *out, *out2, *why = NULL;

    if (!def) {
        if (err.code != VC_EXIT_INPUT || !err.msg[0] || strchr(err.msg, '\n'))
            return vc_asprintf("refused without one line of code 2: %d '%s'", err.code,
                               err.msg);
        return NULL;
    }
    out = vc_domain_format(def);
    vc_domain_def_free(def);
    if (!(def2 = vc_domain_parse(out, strlen(out), "formatted.xml", vc_host_test(), flags,
                                 &err))) {
        why = vc_asprintf("its formatted output is refused: %s\n%s", err.msg, out);
        free(out);
        return why;
    }
    out2 = vc_domain_format(def2);
    vc_domain_def_free(def2);
    if (strcmp(out, out2) != 0)
        why = vc_asprintf("formatting again differs:\n%s----\n%s", out, out2);
    free(out);
    free(out2);
    return why;
}

static void test_value(void **state)
{
    vc_tier_case *tc = *state;
    val_case *c = tc->data;
    vc_xml_values *v = NULL;
    vc_error err = { 0 };
    const char *const *set = c->number ? numbers : texts;
    size_t n = c->number ? sizeof(numbers) / sizeof(numbers[0])
                         : sizeof(texts) / sizeof(texts[0]);
    int bad = 0;

    if (c->drop) {
        /* the document is already without the value */
        for (unsigned inactive = 0; inactive < (c->inactive_too ? 2u : 1u); inactive++) {
            char *why = check_variant(c->doc, c->len,
                                      inactive ? VC_PARSE_INACTIVE : VC_PARSE_ACTIVE);
            if (why) {
                fprintf(stderr, "%s (%s): %s\n", tc->name, inactive ? "inactive" : "live", why);
                free(why);
                fail_msg("%s misbehaves", tc->name);
            }
        }
        return;
    }
    if (vc_xml_values_parse(c->doc, c->len, "seed.xml", &v, &err) < 0)
        fail_msg("%s", err.msg);
    for (size_t i = 0; i < n; i++) {
        const char *value = set[i];
        size_t len;
        char *xml;

        if ((i + c->index) % stride)
            continue;
        xml = vc_xml_values_with(v, c->index, set[i], &len);
        for (unsigned inactive = 0; inactive < (c->inactive_too ? 2u : 1u); inactive++) {
            char *why = check_variant(xml, len, inactive ? VC_PARSE_INACTIVE : VC_PARSE_ACTIVE);
            if (why) {
                fprintf(stderr, "%s = '%s' (%s): %s\n", tc->name, value,
                        inactive ? "inactive" : "live", why);
                free(why);
                bad++;
            }
        }
        free(xml);
    }
    vc_xml_values_free(v);
    if (bad)
        fail_msg("%s: %d variants misbehave", tc->name, bad);
}

/* What a domain needs besides its devices (the rest goes from the
 * documents of devices: a smaller document parses faster). */
static bool needed(const xmlNode *n)
{
    static const char *const names[] = { "name", "memory", "os", "devices" };

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp((const char *)n->name, names[i]) == 0)
            return true;
    return false;
}

/* Devices the parser reads together (one looks at another: consoles
 * repeat serial ports, graphics imply a mouse and a video card, USB
 * devices need a USB bus) go in one document; other devices, each
 * family in its own. */
static const char *const groups[][4] = {
    { "serial", "parallel", "console", "channel" },
    { "input", "graphics", "video", NULL },
    { "hub", "redirdev", "redirfilter", NULL },
};

/* The group of the device element @name: its first member's name, or
 * @name itself. */
static const char *group_of(const char *name)
{
    for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
        for (size_t i = 0; i < 4 && groups[g][i]; i++)
            if (strcmp(groups[g][i], name) == 0)
                return groups[g][0];
    return name;
}

static bool is_device(const xmlNode *d)
{
    return d->type == XML_ELEMENT_NODE && strcmp((const char *)d->name, "emulator") != 0;
}

static xmlNodePtr devices_of(xmlDocPtr doc)
{
    for (xmlNodePtr c = xmlDocGetRootElement(doc)->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "devices") == 0)
            return c;
    return NULL;
}

/* How many devices of @group @doc has. */
static size_t group_size(xmlDocPtr doc, const char *group)
{
    xmlNodePtr devices = devices_of(doc);
    size_t n = 0;

    for (xmlNodePtr d = devices ? devices->children : NULL; d; d = d->next)
        n += is_device(d) && strcmp(group_of((const char *)d->name), group) == 0;
    return n;
}

/* @doc with <devices> holding only the devices of @group (only the
 * @nth of them, from 1, when @nth is not 0) and <emulator>, and only
 * what a domain needs around them; @group NULL: no device, the rest of
 * the domain.  Caller frees. */
static char *with_devices(xmlDocPtr doc, const char *group, size_t nth, size_t *len)
{
    size_t at = 0;
    xmlDocPtr copy = xmlCopyDoc(doc, 1);
    xmlNodePtr devices = devices_of(copy);
    xmlChar *mem = NULL;
    int size = 0;
    char *r;

    for (xmlNodePtr c = xmlDocGetRootElement(copy)->children, next; c; c = next) {
        next = c->next;
        if (c->type == XML_ELEMENT_NODE && c != devices && group && !needed(c)) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
    for (xmlNodePtr c = devices ? devices->children : NULL, next; c; c = next) {
        next = c->next;
        if (!is_device(c))
            continue;
        if (!group || strcmp(group_of((const char *)c->name), group) != 0 ||
            (nth && ++at != nth)) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
    xmlDocDumpMemory(copy, &mem, &size);
    r = vc_strndup((const char *)mem, (size_t)size);
    *len = (size_t)size;
    xmlFree(mem);
    xmlFreeDoc(copy);
    return r;
}

/* Every value of @part (a seed with a group of devices, or none) that
 * belongs to that part and no case tried yet. */
static void add_values(vc_tier *t, vc_strlist *done, const char *part, size_t len,
                       bool device, unsigned seed, bool drop)
{
    vc_xml_values *v = NULL;
    vc_error err = { 0 };

    if (vc_xml_values_parse(part, len, "seed.xml", &v, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return;
    }
    for (size_t i = 0; i < vc_xml_values_count(v); i++) {
        char *where = vc_xml_values_where(v, i), *shape = vc_xml_values_shape(v, i);
        bool in_device = strncmp(where, "/domain/devices/", 16) == 0 &&
                         strncmp(where, "/domain/devices/emulator", 24) != 0;

        bool fresh = in_device == device && !vc_strlist_has(done, shape);

        if (fresh)
            vc_strlist_add(done, shape);
        /* under valgrind, one taken-away value in VC_VALUES_STRIDE */
        if (fresh && (!drop || done->n % stride == 0)) {
            val_case *c = VC_NEW(val_case);
            char *name = vc_asprintf("seed-%u%s%s", seed, where, drop ? " (taken away)" : "");
            if (drop) {
                c->doc = vc_xml_values_without(v, i, &c->len);
            } else {
                c->doc = vc_strndup(part, len);
                c->len = len;
            }
            c->index = i;
            c->number = is_number(vc_xml_values_get(v, i));
            c->inactive_too = strstr(where, "/graphics") || strcmp(where, "/domain/@id") == 0;
            c->drop = drop;
            vc_tier_add(t, name, c);
            free(name);
        }
        free(where);
        free(shape);
    }
    vc_xml_values_free(v);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    static const vc_test_knob knobs[] = {
        { "VC_VALUES_STRIDE=N", "run one variant in N (default 1)" },
        { NULL, NULL },
    };
    vc_test_args(argc, argv, knobs);
    return run_tiers();
}

static int run_tiers(void)
{
    vc_tier t = { .name = "roundtrip-values" };
    vc_strlist done = { 0 }, dropped = { 0 };
    const char *s = getenv("VC_VALUES_STRIDE");
    int failed;

    if (s && atoi(s) > 0)
        stride = (unsigned)atoi(s);
    for (unsigned i = 0; i < vc_vocab_seed_count(); i++) {
        size_t len;
        char *seed = vc_vocab_seed_document_n(i, &len);
        xmlDocPtr doc = xmlReadMemory(seed, (int)len, "seed.xml", NULL, XML_PARSE_NONET);
        xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
        vc_strlist parts = { 0 };

        /* the domain without devices, then each group of devices */
        vc_strlist_add(&parts, "");
        for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "devices") == 0)
                for (xmlNodePtr d = c->children; d; d = d->next)
                    if (is_device(d) && !vc_strlist_has(&parts, group_of((const char *)d->name)))
                        vc_strlist_add(&parts, group_of((const char *)d->name));
        /* values: each device alone (fast); taken away: with its group */
        for (size_t k = 0; doc && k < parts.n; k++) {
            const char *group = k ? parts.items[k] : NULL;
            size_t plen, count = group ? group_size(doc, group) : 0;
            char *part = with_devices(doc, group, 0, &plen);

            add_values(&t, &dropped, part, plen, k > 0, i + 1, true);
            if (!count)
                add_values(&t, &done, part, plen, false, i + 1, false);
            free(part);
            for (size_t d = 1; d <= count; d++) {
                part = with_devices(doc, group, d, &plen);
                add_values(&t, &done, part, plen, true, i + 1, false);
                free(part);
            }
        }
        vc_strlist_free(&parts);
        xmlFreeDoc(doc);
        free(seed);
    }
    failed = vc_tier_run(&t, test_value);
    vc_tier_free(&t, val_case_free);
    vc_strlist_free(&done);
    vc_strlist_free(&dropped);
    return failed ? 1 : 0;
}
