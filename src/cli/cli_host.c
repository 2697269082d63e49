/* cli_host.c: --profile=test|system, the host a domain is read and
 * built for. */
#include "cli/cli.h"
#include "util/error.h"

#include <string.h>

extern char **environ;

int vc_cli_host(const char *profile, const char *state_dir, vc_host *storage,
                const vc_host **host)
{
    if (!profile || strcmp(profile, "system") == 0) {
        vc_host_system_init(storage, environ, state_dir);
        *host = storage;
        return 0;
    }
    if (strcmp(profile, "test") == 0) {
        *host = vc_host_test();
        return 0;
    }
    return vc_cli_fail(VC_EXIT_USAGE, "--profile: unknown profile '%s' (known: "
                       "test, system)", profile);
}
