/* test_roundtrip_values.c: the formatter writes only what the parser
 * reads back, for every value the parser knows.
 *
 * Tier "roundtrip-values": each value (attribute or text) of the seed
 * documents (harness/vocab_doc.h), which together hold every element
 * and attribute the parser reads, is replaced in turn by numbers at and
 * past the limits of the C types (when it is a number) or by text with
 * TAB, LF, CR, DEL, non-ASCII and markup characters (when it is not).
 * Each variant, read as a live definition (and as an inactive one
 * where the two differ: graphics ports, the domain id), is either
 * refused with one line (code 2), or formats to a document that parses
 * again, as the same kind of definition, and formats the same: one
 * round trip reaches a fixed point.  A case is one value (of a device
 * in a document holding that device alone, to keep the tier fast).
 *
 * VC_VALUES_STRIDE=N tries one variant in N (make check-valgrind).
 */
#include "corpus.h"
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

    if (vc_xml_values_parse(c->doc, c->len, "seed.xml", &v, &err) < 0)
        fail_msg("%s", err.msg);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        char *xml;

        if ((i + c->index) % stride)
            continue;
        xml = vc_xml_values_with(v, c->index, set[i], &len);
        for (unsigned inactive = 0; inactive < (c->inactive_too ? 2u : 1u); inactive++) {
            char *why = check_variant(xml, len, inactive ? VC_PARSE_INACTIVE : VC_PARSE_ACTIVE);
            if (why) {
                fprintf(stderr, "%s = '%s' (%s): %s\n", tc->name, set[i],
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
 * documents of a device: a smaller document parses faster). */
static bool needed(const xmlNode *n)
{
    static const char *const names[] = { "name", "memory", "os", "devices" };

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp((const char *)n->name, names[i]) == 0)
            return true;
    return false;
}

/* @doc with <devices> holding only its @keep-th element child (and
 * <emulator>), and only what a domain needs around it; @keep 0: no
 * device.  Caller frees. */
static char *with_one_device(xmlDocPtr doc, size_t keep, size_t *len)
{
    xmlDocPtr copy = xmlCopyDoc(doc, 1);
    xmlNodePtr devices = NULL;
    xmlChar *mem = NULL;
    size_t at = 0;
    int size = 0;
    char *r;

    for (xmlNodePtr c = xmlDocGetRootElement(copy)->children, next; c; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)c->name, "devices") == 0) {
            devices = c;
        } else if (keep && !needed(c)) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
    for (xmlNodePtr c = devices ? devices->children : NULL, next; c; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "emulator") == 0)
            continue;
        if (++at != keep) {
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

/* Every value of @part (a seed with one device, or none) that belongs
 * to that part and no case tried yet. */
static void add_values(vc_tier *t, vc_strlist *done, const char *part, size_t len,
                       bool device, unsigned seed)
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

        if (in_device == device && !vc_strlist_has(done, shape)) {
            val_case *c = VC_NEW(val_case);
            char *name = vc_asprintf("seed-%u%s", seed, where);
            vc_strlist_add(done, shape);
            c->doc = vc_strndup(part, len);
            c->len = len;
            c->index = i;
            c->number = is_number(vc_xml_values_get(v, i));
            c->inactive_too = strstr(where, "/graphics") || strcmp(where, "/domain/@id") == 0;
            vc_tier_add(t, name, c);
            free(name);
        }
        free(where);
        free(shape);
    }
    vc_xml_values_free(v);
}

int main(void)
{
    vc_tier t = { .name = "roundtrip-values" };
    vc_strlist done = { 0 };
    const char *s = getenv("VC_VALUES_STRIDE");
    int failed;

    if (s && atoi(s) > 0)
        stride = (unsigned)atoi(s);
    for (unsigned i = 0; i < vc_vocab_seed_count(); i++) {
        size_t len, devices = 0;
        char *seed = vc_vocab_seed_document_n(i, &len);
        xmlDocPtr doc = xmlReadMemory(seed, (int)len, "seed.xml", NULL, XML_PARSE_NONET);
        xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;

        for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "devices") == 0)
                for (xmlNodePtr d = c->children; d; d = d->next)
                    devices += d->type == XML_ELEMENT_NODE &&
                               strcmp((const char *)d->name, "emulator") != 0;
        for (size_t k = 0; doc && k <= devices; k++) {
            size_t plen;
            char *part = with_one_device(doc, k, &plen);
            add_values(&t, &done, part, plen, k > 0, i + 1);
            free(part);
        }
        xmlFreeDoc(doc);
        free(seed);
    }
    failed = vc_tier_run(&t, test_value);
    vc_tier_free(&t, val_case_free);
    vc_strlist_free(&done);
    return failed ? 1 : 0;
}
