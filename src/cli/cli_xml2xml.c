/* cli_xml2xml.c: virtconform xml2xml [--inactive] FILE.xml
 * Parse a domain definition and print its canonical form. */
#include "cli/cli.h"
#include "conf/domain.h"
#include "util/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int vc_cli_xml2xml(int argc, char **argv)
{
    unsigned flags = VC_PARSE_ACTIVE;
    const char *path = NULL;
    vc_error err = { 0 };
    vc_domain_def *def;
    char *out;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--inactive") == 0)
            flags |= VC_PARSE_INACTIVE;
        else if (argv[i][0] == '-' && argv[i][1])
            return vc_cli_fail(VC_EXIT_USAGE, "xml2xml: unknown option '%s'", argv[i]);
        else if (path)
            return vc_cli_fail(VC_EXIT_USAGE, "usage: virtconform xml2xml [--inactive] FILE.xml");
        else
            path = argv[i];
    }
    if (!path)
        return vc_cli_fail(VC_EXIT_USAGE, "usage: virtconform xml2xml [--inactive] FILE.xml");
    if (!(def = vc_domain_parse_file(path, flags, &err)))
        return vc_cli_fail_about(err.code ? err.code : VC_EXIT_INPUT, path, err.msg);
    out = vc_domain_format(def);
    fputs(out, stdout);
    free(out);
    vc_domain_def_free(def);
    return VC_EXIT_OK;
}
