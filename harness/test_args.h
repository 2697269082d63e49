/* test_args.h: what every test program takes: no argument but --help,
 * which lists the environment knobs (the common ones and the program's
 * own), since the tiers are steered by the environment. */
#ifndef VC_HARNESS_TEST_ARGS_H
#define VC_HARNESS_TEST_ARGS_H

/* One knob of a program's own: "NAME=VALUE" and what it does. */
typedef struct vc_test_knob {
    const char *name;
    const char *what;
} vc_test_knob;

/* --help: print the knobs and exit 0; any other argument: a usage
 * line on stderr and exit 64.  @own (NULL-terminated, may be NULL)
 * lists the program's own knobs. */
void vc_test_args(int argc, char **argv, const vc_test_knob *own);

#endif
