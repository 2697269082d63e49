/* gen_seeds.c: build/fuzz/gen-seeds TARGET DIR writes TARGET's seeds
 * (seeds.h) into DIR, one file each, for the fuzzing engines. */
#include "seeds.h"
#include "util/alloc.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    vc_fuzz_seeds seeds = { 0 };
    vc_error err = { 0 };
    int ret = 0;

    if (argc != 3) {
        fprintf(stderr, "usage: gen-seeds TARGET DIR\n");
        return 64;
    }
    if (vc_fuzz_seeds_load(argv[1], &seeds, &err) < 0) {
        fprintf(stderr, "gen-seeds: %s\n", err.msg);
        return 1;
    }
    for (size_t i = 0; ret == 0 && i < seeds.n; i++) {
        char *path = vc_asprintf("%s/%s", argv[2], seeds.items[i].name);

        if (vc_file_write(path, (const char *)seeds.items[i].data, seeds.items[i].len,
                          &err) < 0) {
            fprintf(stderr, "gen-seeds: %s\n", err.msg);
            ret = 1;
        }
        free(path);
    }
    if (!seeds.n) {
        fprintf(stderr, "gen-seeds: no seeds for '%s'\n", argv[1]);
        ret = 1;
    }
    vc_fuzz_seeds_free(&seeds);
    return ret;
}
