/* cli_xml2xml.c: virtconform xml2xml [--inactive] [--profile=P] FILE.xml
 * Parse a domain definition and print its canonical form. */
#include "cli/cli.h"
#include "conf/domain.h"
#include "util/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int vc_cli_xml2xml(int argc, char **argv)
{
    static const char usage[] = "usage: virtconform xml2xml [--inactive] "
                                "[--profile=test|system] FILE.xml";
    unsigned flags = VC_PARSE_ACTIVE;
    const char *path = NULL, *profile = NULL;
    vc_error err = { 0 };
    vc_domain_def *def;
    vc_host storage;
    const vc_host *host;
    char *out;
    int rc;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--inactive") == 0)
            flags |= VC_PARSE_INACTIVE;
        else if (strncmp(argv[i], "--profile=", 10) == 0)
            profile = argv[i] + 10;
        else if (argv[i][0] == '-' && argv[i][1])
            return vc_cli_fail(VC_EXIT_USAGE, "xml2xml: unknown option '%s'", argv[i]);
        else if (path)
            return vc_cli_fail(VC_EXIT_USAGE, "%s", usage);
        else
            path = argv[i];
    }
    if (!path)
        return vc_cli_fail(VC_EXIT_USAGE, "%s", usage);
    if ((rc = vc_cli_host(profile, NULL, &storage, &host)) != 0)
        return rc;
    if (!(def = vc_domain_parse_file(path, host, flags, &err)))
        return vc_cli_fail_about(err.code ? err.code : VC_EXIT_INPUT, path, err.msg);
    out = vc_domain_format(def);
    fputs(out, stdout);
    free(out);
    vc_domain_def_free(def);
    return VC_EXIT_OK;
}
