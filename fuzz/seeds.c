/* seeds.c: each target's seeds, from the corpora. */
#include "seeds.h"
#include "fuzz.h"
#include "corpus.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"
#include "vocab_doc.h"
#include "conf/vocabulary.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The directories of each target's seeds: in the source tree, or (when
 * @reference) in the reference corpus; the files ending in @suffix. */
static const struct {
    const char *target;
    bool reference;
    const char *dir;
    const char *suffix;
} seed_dirs[] = {
    { "domain", false, "xml2argvdata", ".xml" },
    { "domain", false, "tests/xml2xmldata", ".xml" },
    { "domain", false, "tests/domainerrors", ".xml" },
    { "domain", false, "tests/schemadata/valid", ".xml" },
    { "domain", false, "tests/schemadata/invalid", ".xml" },
    { "domain", false, "tests/cli", ".xml" },
    { "domain", true, "xml2argv", ".xml" },
    { "domain", true, "xml2xml", ".xml" },
    { "caps", false, "qemuhelpdata", ".help" },
    { "caps", true, "qemuhelp", ".help" },
    { "qemu_conf", false, "tests/qemuconf", ".conf" },
};

static void add_seed(vc_fuzz_seeds *seeds, char *name, char *data, size_t len)
{
    vc_grow(&seeds->items, &seeds->cap, seeds->n + 1, sizeof(*seeds->items));
    seeds->items[seeds->n].name = name;
    seeds->items[seeds->n].data = (uint8_t *)data;
    seeds->items[seeds->n].len = len;
    seeds->n++;
}

/* @dir/@base@suffix, and for a help text its device listing after it. */
static int load_file(vc_fuzz_seeds *seeds, const char *label, const char *dir,
                     const char *base, const char *suffix, vc_error *err)
{
    char *path = vc_asprintf("%s/%s%s", dir, base, suffix);
    char *dev_path = vc_asprintf("%s/%s.device", dir, base);
    char *data = NULL, *dev = NULL;
    size_t len = 0, dev_len = 0;
    int ret = -1;

    if (vc_file_read(path, VC_FILE_MAX_DEFAULT, &data, &len, err) < 0)
        goto cleanup;
    if (strcmp(suffix, ".help") == 0 && vc_path_exists(dev_path)) {
        vc_buf b = VC_BUF_INIT;

        if (vc_file_read(dev_path, VC_FILE_MAX_DEFAULT, &dev, &dev_len, err) < 0)
            goto cleanup;
        vc_buf_addn(&b, data, len);
        vc_buf_add(&b, "\n--\n");
        vc_buf_addn(&b, dev, dev_len);
        free(data);
        len = b.len;
        data = vc_buf_steal(&b);
    }
    add_seed(seeds, vc_asprintf("%s-%s%s", label, base, suffix), data, len);
    data = NULL;
    ret = 0;

 cleanup:
    free(data);
    free(dev);
    free(path);
    free(dev_path);
    return ret;
}

static int load_dir(vc_fuzz_seeds *seeds, const char *label, const char *dir,
                    const char *suffix, vc_error *err)
{
    vc_strlist names = { 0 };
    int ret = 0;

    if (!vc_path_exists(dir))
        return 0;
    if (vc_corpus_list(dir, suffix, &names, err) < 0)
        return -1;
    for (size_t i = 0; ret == 0 && i < names.n; i++)
        ret = load_file(seeds, label, dir, names.items[i], suffix, err);
    vc_strlist_free(&names);
    return ret;
}

/* The documents written from the parser's vocabulary: together they
 * name every element and attribute it reads. */
static void add_vocabulary_documents(vc_fuzz_seeds *seeds)
{
    for (unsigned i = 0; i < vc_vocab_seed_count(); i++) {
        size_t len;
        char *doc = vc_vocab_seed_document_n(i, &len);

        add_seed(seeds, vc_asprintf("vocabulary-%u.xml", i + 1), doc, len);
    }
}

int vc_fuzz_seeds_load(const char *target, vc_fuzz_seeds *seeds, vc_error *err)
{
    const char *src = vc_fuzz_srcdir();
    char *ref = vc_corpus_refdir();
    char *dir = vc_asprintf("%s/fuzz/regressions/%s", src, target);
    int ret = load_dir(seeds, "regression", dir, "", err);

    if (strcmp(target, "domain") == 0)
        add_vocabulary_documents(seeds);
    free(dir);
    for (size_t i = 0; ret == 0 && i < sizeof(seed_dirs) / sizeof(seed_dirs[0]); i++) {
        const char *root = seed_dirs[i].reference ? ref : src;
        char *label;

        if (strcmp(seed_dirs[i].target, target) != 0 || !root)
            continue;
        dir = vc_asprintf("%s/%s", root, seed_dirs[i].dir);
        label = vc_asprintf("%s%s", seed_dirs[i].reference ? "reference-" : "",
                            strrchr(dir, '/') + 1);
        ret = load_dir(seeds, label, dir, seed_dirs[i].suffix, err);
        free(label);
        free(dir);
    }
    free(ref);
    return ret;
}

void vc_fuzz_seeds_free(vc_fuzz_seeds *seeds)
{
    for (size_t i = 0; i < seeds->n; i++) {
        free(seeds->items[i].name);
        free(seeds->items[i].data);
    }
    free(seeds->items);
    memset(seeds, 0, sizeof(*seeds));
}

vc_fuzz_vocab *vc_fuzz_domain_vocab(void)
{
    vc_fuzz_vocab *v = vc_fuzz_vocab_new();
    vc_fuzz_seeds seeds = { 0 };
    vc_error err = { 0 };

    vc_fuzz_vocab_add_parser(v);
    if (vc_fuzz_seeds_load("domain", &seeds, &err) < 0)
        vc_fuzz_fail("domain seeds: %s", err.msg);
    for (size_t i = 0; i < seeds.n; i++)
        vc_fuzz_vocab_add_xml(v, (const char *)seeds.items[i].data, seeds.items[i].len);
    vc_fuzz_seeds_free(&seeds);
    return v;
}
