/* test_props.c: the one serializer of QEMU option values
 * (util/props.c) in every syntax, with what it quotes and what it
 * refuses, and the shell quoting of vc_command_to_line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_args.h"
#include "tier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/command.h"
#include "util/props.h"

/* Format @p (emptied) and compare with @want, or expect an error of
 * @code whose message holds @want. */
static void expect_format(vc_props *p, vc_syntax syntax, const char *implied,
                          const char *option, int code, const char *want)
{
    vc_error err = { 0 };
    char *s = vc_props_format(p, syntax, implied, option, &err);

    vc_props_free(p);
    if (code == 0) {
        if (!s)
            fail_msg("%s: unexpected error: %s", option, err.msg);
        if (strcmp(s, want) != 0) {
            fprintf(stderr, "got  %s\nwant %s\n", s, want);
            free(s);
            fail_msg("%s: wrong text", option);
        }
        free(s);
        return;
    }
    if (s) {
        fprintf(stderr, "got %s\n", s);
        free(s);
        fail_msg("%s: expected an error", option);
    }
    assert_int_equal(err.code, code);
    if (!strstr(err.msg, want))
        fail_msg("%s: message '%s' lacks '%s'", option, err.msg, want);
}

#define OK(p, syn, imp, opt, want) expect_format(p, VC_SYNTAX_##syn, imp, opt, 0, want)
#define REFUSED(p, syn, imp, opt, want) \
    expect_format(p, VC_SYNTAX_##syn, imp, opt, VC_EXIT_BUILD, want)
#define BUG(p, syn, imp, opt, want) \
    expect_format(p, VC_SYNTAX_##syn, imp, opt, VC_EXIT_INTERNAL, want)

/* ---- QemuOpts -------------------------------------------------------- */

static void test_opts_items(void **state)
{
    vc_props p = VC_PROPS_INIT;

    (void)state;
    vc_props_value(&p, "e1000");
    vc_props_add(&p, "id", "net0");
    vc_props_addf(&p, "addr", "0x%x", 3);
    vc_props_flag(&p, "server");
    vc_props_flag(&p, "nowait");
    OK(&p, OPTS, "driver", "-device", "e1000,id=net0,addr=0x3,server,nowait");
    OK(&p, OPTS, "driver", "-device", "");      /* nothing to say */
}

static void test_opts_commas(void **state)
{
    vc_props p = VC_PROPS_INIT;

    (void)state;
    vc_props_add(&p, "file", "/a,b");
    vc_props_add(&p, "serial", ",,");
    vc_props_add(&p, "x", "a,");
    vc_props_add(&p, "y", ",id=evil");
    OK(&p, OPTS, NULL, "-drive", "file=/a,,b,serial=,,,,,x=a,,,y=,,id=evil");
}

static void test_opts_empty_values(void **state)
{
    vc_props p = VC_PROPS_INIT;

    (void)state;
    vc_props_add(&p, "path", "");
    vc_props_add(&p, "id", NULL);
    OK(&p, OPTS, "backend", "-chardev", "path=,id=");
    vc_props_value(&p, "");
    vc_props_add(&p, "id", "x");
    OK(&p, OPTS, "driver", "-device", ",id=x");
}

/* A leading value QEMU would read as keys is named by the implied key. */
static void test_opts_leading_value(void **state)
{
    vc_props p = VC_PROPS_INIT;

    (void)state;
    vc_props_value(&p, "a=b");
    vc_props_add(&p, "process", "qemu:a=b");
    OK(&p, OPTS, "guest", "-name", "guest=a=b,process=qemu:a=b");
    vc_props_value(&p, "x,id=inj");      /* QEMU's id scan would find id=inj */
    OK(&p, OPTS, "guest", "-name", "guest=x,,id=inj");
    vc_props_value(&p, "a,b=c");
    OK(&p, OPTS, "type", "-M", "type=a,,b=c");
    vc_props_value(&p, "pc-0.11");       /* the usual case: bare */
    OK(&p, OPTS, "type", "-M", "pc-0.11");
    vc_props_value(&p, "a=b");
    REFUSED(&p, OPTS, NULL, "-drive", "'a=b' cannot be given to QEMU's -drive");
    vc_props_value(&p, "a,b");
    REFUSED(&p, OPTS, NULL, "-drive", "'a,b' cannot be given to QEMU's -drive");
}

static void test_opts_builder_bugs(void **state)
{
    vc_props p = VC_PROPS_INIT;

    (void)state;
    vc_props_add(&p, "id", "x");
    vc_props_value(&p, "late");
    BUG(&p, OPTS, "driver", "-device", "a bare value after the first item");
    vc_props_add(&p, "a,b", "x");
    BUG(&p, OPTS, NULL, "-drive", "bad key 'a,b'");
    vc_props_add(&p, "", "x");
    BUG(&p, OPTS, NULL, "-drive", "bad key ''");
    vc_props_flag(&p, "a=b");
    BUG(&p, OPTS, NULL, "-drive", "bad key 'a=b'");
}

/* ---- lists, -global, whole values -------------------------------------- */

static void test_list(void **state)
{
    vc_props p = VC_PROPS_INIT;

    (void)state;
    vc_props_value(&p, "qemu64");
    vc_props_value(&p, "+kvmclock");
    vc_props_value(&p, "hv_relaxed");
    vc_props_add(&p, "level", "9");
    vc_props_flag(&p, "check");
    OK(&p, LIST, NULL, "-cpu", "qemu64,+kvmclock,hv_relaxed,level=9,check");
    vc_props_value(&p, "qemu64,inj");
    REFUSED(&p, LIST, NULL, "-cpu", "splits its value at every ','");
    vc_props_value(&p, "ac97");
    vc_props_value(&p, "es1370,x");
    REFUSED(&p, LIST, NULL, "-soundhw", "'es1370,x' cannot be given to QEMU's -soundhw");
    vc_props_value(&p, "m");
    vc_props_add(&p, "k", "a,b");
    REFUSED(&p, LIST, NULL, "-cpu", "'k' value 'a,b'");
    vc_props_value(&p, "m");
    vc_props_add(&p, "a,b", "v");
    BUG(&p, LIST, NULL, "-cpu", "bad key");
}

static void test_global(void **state)
{
    vc_props p = VC_PROPS_INIT;

    (void)state;
    vc_props_add(&p, "PIIX4_PM.disable_s3", "1");
    OK(&p, GLOBAL, NULL, "-global", "PIIX4_PM.disable_s3=1");
    vc_props_add(&p, "isa-fdc.driveA", "a,b=c");     /* the value is taken whole */
    OK(&p, GLOBAL, NULL, "-global", "isa-fdc.driveA=a,b=c");
    vc_props_add(&p, "nodot", "1");
    BUG(&p, GLOBAL, NULL, "-global", "takes one DRIVER.PROP=VALUE");
    vc_props_add(&p, "a.b", "1");
    vc_props_add(&p, "c.d", "2");
    BUG(&p, GLOBAL, NULL, "-global", "takes one DRIVER.PROP=VALUE");
    vc_props_value(&p, "a.b=1");
    BUG(&p, GLOBAL, NULL, "-global", "takes one DRIVER.PROP=VALUE");
}

static void test_literal_and_none(void **state)
{
    vc_props p = VC_PROPS_INIT;

    (void)state;
    vc_props_value(&p, "console=ttyS0,115200 root=/dev/sda");
    OK(&p, LITERAL, NULL, "-append", "console=ttyS0,115200 root=/dev/sda");
    vc_props_value(&p, "a");
    vc_props_value(&p, "b");
    BUG(&p, LITERAL, NULL, "-kernel", "takes one value");
    vc_props_add(&p, "k", "v");
    BUG(&p, LITERAL, NULL, "-kernel", "takes one value");
    vc_props_value(&p, "x");
    BUG(&p, NONE, NULL, "-S", "takes no value");
}

/* ---- character devices before -chardev ---------------------------------- */

static void chr(vc_props *p, const char *backend, const char *k1, const char *v1,
                const char *k2, const char *v2)
{
    vc_props_value(p, backend);
    if (k1)
        vc_props_add(p, k1, v1);
    if (k2)
        vc_props_add(p, k2, v2);
}

static void test_chr_backends(void **state)
{
    static const char *const words[] = { "null", "none", "vc", "pty", "stdio" };
    vc_props p = VC_PROPS_INIT;

    (void)state;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        chr(&p, words[i], NULL, NULL, NULL, NULL);
        OK(&p, CHR_COMPAT, NULL, "-serial", words[i]);
    }
    chr(&p, "file", "path", "/tmp/a,b=c d", NULL, NULL);      /* taken whole */
    OK(&p, CHR_COMPAT, NULL, "-serial", "file:/tmp/a,b=c d");
    chr(&p, "pipe", "path", "/tmp/p,x", NULL, NULL);
    OK(&p, CHR_COMPAT, NULL, "-parallel", "pipe:/tmp/p,x");
    chr(&p, "dev", "path", "/dev/ttyS0,x", NULL, NULL);
    OK(&p, CHR_COMPAT, NULL, "-serial", "/dev/ttyS0,x");
    chr(&p, "tcp", "host", "127.0.0.1", "port", "4555");
    vc_props_flag(&p, "server");
    vc_props_flag(&p, "nowait");
    OK(&p, CHR_COMPAT, NULL, "-serial", "tcp:127.0.0.1:4555,server,nowait");
    chr(&p, "telnet", "host", "a,b", "port", "23");   /* a host ends at ':' only */
    OK(&p, CHR_COMPAT, NULL, "-serial", "telnet:a,b:23");
    chr(&p, "udp", "host", "", "port", "2222");
    vc_props_add(&p, "localaddr", "127.0.0.1");
    vc_props_add(&p, "localport", "0");
    OK(&p, CHR_COMPAT, NULL, "-serial", "udp::2222@127.0.0.1:0");
    /* unix:PATH is QemuOpts with PATH implied */
    chr(&p, "unix", "path", "/tmp/a,b", NULL, NULL);
    vc_props_flag(&p, "server");
    OK(&p, CHR_COMPAT, NULL, "-serial", "unix:/tmp/a,,b,server");
    chr(&p, "unix", "path", "/tmp/c=d", NULL, NULL);
    OK(&p, CHR_COMPAT, NULL, "-serial", "unix:path=/tmp/c=d");
    chr(&p, "unix", "path", "/tmp/e,f=g", NULL, NULL);
    OK(&p, CHR_COMPAT, NULL, "-serial", "unix:/tmp/e,,f=g");
    /* the monitor's mode goes first */
    vc_props_flag(&p, "control");
    chr(&p, "unix", "path", "/tmp/m", NULL, NULL);
    OK(&p, CHR_COMPAT, NULL, "-monitor", "control,unix:/tmp/m");
}

static void test_chr_refusals(void **state)
{
    vc_props p = VC_PROPS_INIT;
    char host65[66], port33[34];

    (void)state;
    memset(host65, 'h', 65);
    host65[65] = '\0';
    memset(port33, '1', 33);
    port33[33] = '\0';
    chr(&p, "tcp", "host", "::1", "port", "4555");
    REFUSED(&p, CHR_COMPAT, NULL, "-serial", "its old form ends the host at ':'");
    chr(&p, "tcp", "host", "h", "port", "45,inj=1");
    REFUSED(&p, CHR_COMPAT, NULL, "-serial", "its old form ends the port at ','");
    chr(&p, "udp", "host", "h", "port", "1@2");
    REFUSED(&p, CHR_COMPAT, NULL, "-serial", "ends the port at '@'");
    chr(&p, "udp", "host", "h", "port", "1");
    vc_props_add(&p, "localaddr", "a:b");
    vc_props_add(&p, "localport", "0");
    REFUSED(&p, CHR_COMPAT, NULL, "-serial", "ends the localaddr at ':'");
    chr(&p, "tcp", "host", host65, "port", "1");
    REFUSED(&p, CHR_COMPAT, NULL, "-serial", "reads at most 64 bytes");
    memset(host65 + 64, '\0', 1);        /* 64 bytes fit */
    chr(&p, "tcp", "host", host65, "port", "1");
    OK(&p, CHR_COMPAT, NULL, "-serial", "tcp:hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh:1");
    chr(&p, "telnet", "host", "h", "port", port33);
    REFUSED(&p, CHR_COMPAT, NULL, "-serial", "reads at most 32 bytes");
    chr(&p, "dev", "path", "ttyS0", NULL, NULL);
    REFUSED(&p, CHR_COMPAT, NULL, "-serial", "takes only device paths under /dev/");
    /* QEMU would read it as no backend it knows (found by the fuzzer) */
    chr(&p, "dev", "path", "/tmp/serial.log", NULL, NULL);
    REFUSED(&p, CHR_COMPAT, NULL, "-parallel", "takes only device paths under /dev/");
    chr(&p, "dev", "path", "/dev/ttyS0", NULL, NULL);
    OK(&p, CHR_COMPAT, NULL, "-serial", "/dev/ttyS0");
}

static void test_chr_builder_bugs(void **state)
{
    vc_props p = VC_PROPS_INIT;

    (void)state;
    vc_props_flag(&p, "control");
    BUG(&p, CHR_COMPAT, NULL, "-monitor", "no character device backend");
    chr(&p, "spicevmc", NULL, NULL, NULL, NULL);
    BUG(&p, CHR_COMPAT, NULL, "-serial", "unknown backend 'spicevmc'");
    chr(&p, "file", "path", "/x", NULL, NULL);
    vc_props_flag(&p, "server");            /* file: takes nothing after */
    BUG(&p, CHR_COMPAT, NULL, "-serial", "does not fit the old form of file");
    chr(&p, "tcp", "host", "h", "port", "1");
    vc_props_value(&p, "stray");
    BUG(&p, CHR_COMPAT, NULL, "-serial", "'stray' does not fit");
}

/* ---- the command line ----------------------------------------------- */

static void expect_line(vc_command *cmd, const char *want)
{
    char *line = vc_command_to_line(cmd);

    vc_command_free(cmd);
    if (strcmp(line, want) != 0) {
        fprintf(stderr, "got  %swant %s", line, want);
        free(line);
        fail_msg("wrong line");
    }
    free(line);
}

static void test_line_quoting(void **state)
{
    vc_command cmd = VC_COMMAND_INIT;

    (void)state;
    vc_command_add_env(&cmd, "LC_ALL", "C");
    vc_command_add_env(&cmd, "X", "a b'c");
    vc_command_add_env(&cmd, "E", "");
    vc_command_add_arg(&cmd, "/usr/bin/qemu");
    vc_command_add_arg(&cmd, "");
    vc_command_add_arg(&cmd, "it's");
    vc_command_add_arg(&cmd, "two\nlines \"q\"");
    vc_command_add_arg(&cmd, "a=b,c:d/e.f-g+h%i@j");    /* nothing to quote */
    vc_command_add_arg(&cmd, "$(id)");
    vc_command_add_arg(&cmd, "~x");
    expect_line(&cmd, "LC_ALL=C X='a b'\\''c' E='' /usr/bin/qemu '' 'it'\\''s' "
                      "'two\nlines \"q\"' a=b,c:d/e.f-g+h%i@j '$(id)' '~x'\n");
}

/* After the assignments, an unquoted NAME=... would be one more. */
static void test_line_program_with_equals(void **state)
{
    vc_command cmd = VC_COMMAND_INIT;

    (void)state;
    vc_command_add_env(&cmd, "PATH", "/bin");
    vc_command_add_arg(&cmd, "/opt/q=1/qemu");
    vc_command_add_arg(&cmd, "k=v");
    expect_line(&cmd, "PATH=/bin '/opt/q=1/qemu' k=v\n");
    vc_command_add_arg(&cmd, "INJ=1");
    expect_line(&cmd, "'INJ=1'\n");
}

/* Wrapped: an assignment, the program, and an option with its value a
 * line; a word after a value starts a line; quoting is the one line's. */
static void test_lines_wrapped(void **state)
{
    vc_command cmd = VC_COMMAND_INIT;
    char *text, *line;

    (void)state;
    vc_command_add_env(&cmd, "LC_ALL", "C");
    vc_command_add_env(&cmd, "X", "a b");
    vc_command_add_arg(&cmd, "/opt/q=1/qemu");
    vc_command_add_arg(&cmd, "-name");
    vc_command_add_arg(&cmd, "vc guest");
    vc_command_add_arg(&cmd, "-S");
    vc_command_add_arg(&cmd, "-nodefaults");
    vc_command_add_arg(&cmd, "-vnc");
    vc_command_add_arg(&cmd, "127.0.0.1:-5900");
    vc_command_add_arg(&cmd, "positional");
    vc_command_add_arg(&cmd, "-last");
    text = vc_command_to_lines(&cmd);
    line = vc_command_to_line(&cmd);
    vc_command_free(&cmd);
    assert_string_equal(text, "LC_ALL=C \\\nX='a b' \\\n'/opt/q=1/qemu' \\\n"
                              "-name 'vc guest' \\\n-S \\\n-nodefaults \\\n"
                              "-vnc 127.0.0.1:-5900 \\\npositional \\\n-last\n");
    /* joined again, it is the one line */
    for (char *p; (p = strstr(text, " \\\n"));)
        memmove(p + 1, p + 3, strlen(p + 3) + 1);
    assert_string_equal(text, line);
    free(text);
    free(line);
}

/* A value that cannot be said adds nothing and empties the list. */
static void test_add_props_refused(void **state)
{
    vc_command cmd = VC_COMMAND_INIT;
    vc_props p = VC_PROPS_INIT;
    vc_error err = { 0 };

    (void)state;
    vc_command_add_arg(&cmd, "/usr/bin/qemu");
    vc_props_value(&p, "qemu64,x");
    assert_int_equal(vc_command_add_props(&cmd, "-cpu", VC_SYNTAX_LIST, NULL, &p, &err), -1);
    assert_int_equal(p.n, 0);
    assert_int_equal(cmd.nargs, 1);
    vc_props_value(&p, "x");
    vc_props_add(&p, "id", "a,b");
    assert_int_equal(vc_command_add_props(&cmd, "-device", VC_SYNTAX_OPTS, "driver", &p,
                                          &err), 0);
    assert_int_equal(cmd.nargs, 3);
    assert_string_equal(cmd.args[2].text, "x,id=a,,b");
    assert_int_equal(cmd.args[2].syntax, VC_SYNTAX_OPTS);
    assert_string_equal(cmd.args[2].option, "-device");
    assert_string_equal(cmd.args[2].implied, "driver");
    assert_int_equal(cmd.args[2].props.n, 2);
    assert_string_equal(cmd.args[2].props.items[1].value, "a,b");
    assert_int_equal(cmd.args[1].syntax, VC_SYNTAX_NONE);
    vc_command_free(&cmd);
}

static int run_tiers(void);

int main(int argc, char **argv)
{
    vc_test_args(argc, argv, NULL);
    return run_tiers();
}

static int run_tiers(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opts_items),
        cmocka_unit_test(test_opts_commas),
        cmocka_unit_test(test_opts_empty_values),
        cmocka_unit_test(test_opts_leading_value),
        cmocka_unit_test(test_opts_builder_bugs),
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_global),
        cmocka_unit_test(test_literal_and_none),
        cmocka_unit_test(test_chr_backends),
        cmocka_unit_test(test_chr_refusals),
        cmocka_unit_test(test_chr_builder_bugs),
        cmocka_unit_test(test_line_quoting),
        cmocka_unit_test(test_line_program_with_equals),
        cmocka_unit_test(test_lines_wrapped),
        cmocka_unit_test(test_add_props_refused),
    };
    size_t n = sizeof(tests) / sizeof(tests[0]);
    int failed = vc_group_run("props", tests, n, NULL, NULL);

    return failed ? 1 : 0;
}
