/* test_qemu_model.c: the injection tier's own instruments: the model of
 * how QEMU reads option values (harness/qemu_opts.h), the POSIX shell
 * splitter (harness/shell_split.h) and the command checks
 * (harness/argv_check.h), each shown to catch what it is for. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_args.h"
#include "tier.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argv_check.h"
#include "qemu_opts.h"
#include "shell_split.h"
#include "util/alloc.h"

/* QEMU's reading of @text for @option, formatted; "ERROR: why" when it
 * refuses. */
static char *reading(const char *option, const char *text)
{
    const vc_qm_option *opt = vc_qm_find(option);
    vc_qkvs r = { 0 };
    char *why = NULL, *s;

    if (!opt)
        return vc_asprintf("ERROR: unknown option %s", option);
    if (vc_qm_read(opt, text, &r, &why) < 0) {
        s = vc_asprintf("ERROR: %s", why);
        free(why);
    } else {
        s = vc_qkvs_format(&r);
    }
    vc_qkvs_free(&r);
    return s;
}

/* @want exactly, or an "ERROR: ..." that starts with @want. */
static bool matches(const char *got, const char *want)
{
    return strncmp(want, "ERROR", 5) == 0 ? strncmp(got, want, strlen(want)) == 0
                                          : strcmp(got, want) == 0;
}

static void expect_reading(const char *option, const char *text, const char *want)
{
    char *got = reading(option, text);

    if (!matches(got, want)) {
        fprintf(stderr, "%s %s\n  got  %s\n  want %s\n", option, text, got, want);
        free(got);
        fail_msg("wrong reading");
    }
    free(got);
}

/* ---- QemuOpts ------------------------------------------------------- */

static void test_opts_reading(void **state)
{
    (void)state;
    expect_reading("-device", "e1000,id=net0,mac=52:54:00:00:00:01",
                   "id=\"net0\" driver=\"e1000\" mac=\"52:54:00:00:00:01\"");
    expect_reading("-chardev", "socket,id=c,path=/a,,b,server,nowait",
                   "id=\"c\" backend=\"socket\" path=\"/a,b\" server=\"on\" wait=\"off\"");
    /* the implied name applies when the first item has no '=' before ',' */
    expect_reading("-name", "a,,b=c", "guest=\"a,b=c\"");
    expect_reading("-name", "guest=a=b", "guest=\"a=b\"");
    expect_reading("-name", "a=b", "a=\"b\"");
    /* -drive has no implied name: a bare first item is a flag */
    expect_reading("-drive", "x,file=/a", "x=\"on\" file=\"/a\"");
    expect_reading("-chardev", ",id=x", "id=\"x\" backend=\"\"");
    expect_reading("-device", "{\"driver\":\"e1000\"}", "ERROR: QEMU reads a value starting");
    expect_reading("-spice", "port=1,help", "ERROR: QEMU would print its help");
}

/* The check the tier exists for: a comma left single is one more key. */
static void test_opts_unescaped_value(void **state)
{
    (void)state;
    expect_reading("-drive", "file=/a,,inj=1,if=none", "file=\"/a,inj=1\" if=\"none\"");
    expect_reading("-drive", "file=/a,inj=1,if=none",
                   "file=\"/a\" inj=\"1\" if=\"none\"");
}

/* opts_parse_id reads the first item without the implied name. */
static void test_opts_id_scan(void **state)
{
    (void)state;
    expect_reading("-device", "e1000,,id=inj,id=net0", "id=\"inj\" driver=\"e1000,id=inj\"");
    expect_reading("-device", "driver=e1000,,id=inj,id=net0",
                   "id=\"net0\" driver=\"e1000,id=inj\"");
    expect_reading("-name", "x,,id=a b", "ERROR: Parameter 'id' expects an identifier");
}

static void test_keyval_reading(void **state)
{
    (void)state;
    expect_reading("-machine", "pc,dump-guest-core=off",
                   "type=\"pc\" dump-guest-core=\"off\"");
    /* an implied value ends at the first ',': ",," does not quote it */
    expect_reading("-M", "pc,,inj=1", "ERROR: Invalid parameter ''");
    expect_reading("-M", "type=pc,,inj=1", "type=\"pc,inj=1\"");
    expect_reading("-machine", "pc,usb", "ERROR: Expected '=' after parameter 'usb'");
    expect_reading("-machine", "pc,a.b=1,1x=2", "ERROR: Invalid parameter '1x'");
}

static void test_lists_global_literals(void **state)
{
    (void)state;
    expect_reading("-cpu", "qemu64,+kvmclock,,-kvm_pv_eoi,hv_relaxed,level=9",
                   "model=\"qemu64\" kvmclock=\"on\" kvm_pv_eoi=\"off\" "
                   "hv_relaxed=\"on\" level=\"9\"");
    expect_reading("-cpu", "", "ERROR: -cpu option cannot be empty");
    expect_reading("-soundhw", "ac97,es1370", "card=\"ac97\" card=\"es1370\"");
    expect_reading("-global", "PIIX4_PM.disable_s3=1,x=y",
                   "PIIX4_PM.disable_s3=\"1,x=y\"");
    expect_reading("-global", "driver=a,property=b,value=c", "a.b=\"c\"");
    expect_reading("-global", "nodot=1", "ERROR: not a DRIVER.PROP=VALUE");
    expect_reading("-append", "a,b=c d", "-append=\"a,b=c d\"");
    expect_reading("-usbdevice", "disk:/a,b", "-usbdevice=\"disk:/a,b\"");
    expect_reading("-usbdevice", "disk:/a:b", "ERROR: QEMU splits the value at ':'");
    expect_reading("-usbdevice", "host:1:2", "-usbdevice=\"host:1:2\"");
    expect_reading("-balloon", "virtio,addr=0x3", "ERROR: QEMU splits the value at ','");
    assert_null(vc_qm_find("-unknown"));
    assert_int_equal(vc_qm_find("-S")->syntax, VC_QM_SWITCH);
}

/* ---- character devices before -chardev -------------------------------- */

static void test_chr_reading(void **state)
{
    (void)state;
    expect_reading("-serial", "pty", "backend=\"pty\"");
    expect_reading("-serial", "file:/a,b=c", "backend=\"file\" path=\"/a,b=c\"");
    expect_reading("-parallel", "/dev/parport0", "backend=\"dev\" path=\"/dev/parport0\"");
    expect_reading("-serial", "/tmp/x", "ERROR: '/tmp/x' is not a valid char driver");
    expect_reading("-serial", "tcp:127.0.0.1:4555,server,nowait",
                   "backend=\"tcp\" host=\"127.0.0.1\" port=\"4555\" server=\"on\" "
                   "wait=\"off\"");
    expect_reading("-serial", "telnet::23", "backend=\"telnet\" host=\"\" port=\"23\"");
    /* a ':' in the host moves the port */
    expect_reading("-serial", "tcp:a:b:1", "backend=\"tcp\" host=\"a\" port=\"b:1\"");
    /* the port holds 32 bytes; the rest is dropped */
    expect_reading("-serial", "tcp:h:123456789012345678901234567890123,server",
                   "backend=\"tcp\" host=\"h\" port=\"12345678901234567890123456789012\"");
    expect_reading("-serial", "udp:h:1@:0", "backend=\"udp\" host=\"h\" port=\"1\" "
                   "localaddr=\"\" localport=\"0\"");
    expect_reading("-serial", "udp:h:1,inj=1", "backend=\"udp\" host=\"h\" port=\"1\"");
    expect_reading("-serial", "unix:/a,,b,server", "backend=\"unix\" path=\"/a,b\" "
                   "server=\"on\"");
    expect_reading("-serial", "unix:path=/c=d", "backend=\"unix\" path=\"/c=d\"");
    expect_reading("-monitor", "control,unix:/m,server,nowait",
                   "control=\"on\" backend=\"unix\" path=\"/m\" server=\"on\" wait=\"off\"");
    expect_reading("-serial", "control,pty", "ERROR: 'control,pty' is not a valid");
}

/* ---- the builder's intent -------------------------------------------- */

static void test_intent(void **state)
{
    vc_props p = VC_PROPS_INIT;
    vc_qkvs out = { 0 };
    char *s;

    (void)state;
    vc_props_value(&p, "socket");
    vc_props_add(&p, "id", "c");
    vc_props_flag(&p, "server");
    vc_props_flag(&p, "nowait");
    vc_props_add(&p, "id", "dropped");
    vc_qm_intent(vc_qm_find("-chardev"), "backend", &p, &out);
    s = vc_qkvs_format(&out);
    assert_string_equal(s, "id=\"c\" backend=\"socket\" server=\"on\" wait=\"off\"");
    free(s);
    vc_qkvs_free(&out);
    vc_props_free(&p);

    vc_props_value(&p, "qemu64");
    vc_props_value(&p, "-kvmclock");
    vc_props_value(&p, "hv_relaxed");
    vc_qm_intent(vc_qm_find("-cpu"), NULL, &p, &out);
    s = vc_qkvs_format(&out);
    assert_string_equal(s, "model=\"qemu64\" kvmclock=\"off\" hv_relaxed=\"on\"");
    free(s);
    vc_qkvs_free(&out);
    vc_props_free(&p);

    /* a leading value for an option without an implied key means nothing */
    vc_props_value(&p, "x");
    vc_qm_intent(vc_qm_find("-drive"), NULL, &p, &out);
    assert_string_equal(out.items[0].key, "(value with no key)");
    vc_qkvs_free(&out);
    vc_props_free(&p);
}

/* ---- the shell --------------------------------------------------------- */

static void expect_words(const char *line, const char *want)
{
    vc_shell_words w = { 0 };
    char *why = NULL;
    char got[512] = "";

    if (vc_shell_split(line, &w, &why) < 0) {
        snprintf(got, sizeof(got), "ERROR: %s", why);
    } else {
        for (size_t i = 0; i < w.n; i++)
            snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s<%s>",
                     w.items[i].assignment ? "=" : "", w.items[i].text);
    }
    free(why);
    vc_shell_words_free(&w);
    if (!matches(got, want)) {
        fprintf(stderr, "%s\n  got  %s\n  want %s\n", line, got, want);
        fail_msg("wrong words");
    }
}

static void test_shell_quoting(void **state)
{
    (void)state;
    expect_words("a  b\tc\n", "<a><b><c>");
    expect_words("'a b' \"c d\" e\\ f '' \"\"", "<a b><c d><e f><><>");
    expect_words("'it'\\''s' \"x\\\"y\\\\z\\$\\a\"", "<it's><x\"y\\z$\\a>");
    expect_words("'two\nlines' \"x\ny\"\n", "<two\nlines><x\ny>");
    expect_words("a\\\nb", "<ab>");
    expect_words("a #b c", "<a>");
    expect_words("a#b", "<a#b>");
}

static void test_shell_assignments(void **state)
{
    (void)state;
    expect_words("A=1 _b2='x y' qemu C=3", "=<A=1>=<_b2=x y><qemu>=<C=3>");
    expect_words("'A=1' A'='1 \"A\"=1 1A=1 A-B=1 =1", "<A=1><A=1><A=1><1A=1><A-B=1><=1>");
}

static void test_shell_refusals(void **state)
{
    (void)state;
    expect_words("a $(id)", "ERROR: unquoted '$'");
    expect_words("a `id`", "ERROR: unquoted '`'");
    expect_words("\"$(id)\"", "ERROR: expansion inside double quotes");
    expect_words("a;b", "ERROR: unquoted ';'");
    expect_words("a|b", "ERROR: unquoted '|'");
    expect_words("a&", "ERROR: unquoted '&'");
    expect_words("a>b", "ERROR: unquoted '>'");
    expect_words("(a)", "ERROR: unquoted '('");
    expect_words("a*", "ERROR: unquoted '*'");
    expect_words("~root", "ERROR: unquoted '~'");
    expect_words("a\nb\n", "ERROR: a newline ends the command");
    expect_words("'a", "ERROR: unterminated single quote");
    expect_words("\"a", "ERROR: unterminated double quote");
    expect_words("a\\", "ERROR: a backslash at the end");
}

/* ---- the checks on a whole command ------------------------------------- */

static void add_opt(vc_command *cmd, const char *option, vc_syntax syntax,
                    const char *implied, vc_props *p)
{
    vc_error err = { 0 };

    if (vc_command_add_props(cmd, option, syntax, implied, p, &err) < 0)
        fail_msg("%s", err.msg);
}

static int check(const vc_command *cmd, size_t npass, const char *want_in_why)
{
    char *why = NULL;
    int rc = vc_argv_check_options(cmd, npass, &why);

    if (rc == 0 && !why)
        rc = vc_argv_check_line(cmd, &why);
    if (want_in_why && (!why || !strstr(why, want_in_why))) {
        fprintf(stderr, "message: %s\nwanted:  %s\n", why ? why : "(none)", want_in_why);
        rc = 99;
    }
    free(why);
    return rc;
}

static void test_argv_check(void **state)
{
    vc_command cmd = VC_COMMAND_INIT;
    vc_props p = VC_PROPS_INIT;

    (void)state;
    vc_command_add_env(&cmd, "LC_ALL", "C");
    vc_command_add_arg(&cmd, "/usr/bin/qemu-system-x86_64");
    vc_command_add_arg(&cmd, "-S");
    vc_props_value(&p, "e1000");
    vc_props_add(&p, "romfile", "/x,inj=1 $(id)");
    add_opt(&cmd, "-device", VC_SYNTAX_OPTS, "driver", &p);
    vc_command_add_arg(&cmd, "-kernel");
    vc_command_add_arg(&cmd, "/boot/vmlinuz,x");
    vc_command_add_arg(&cmd, "-anything");      /* the user's own */
    assert_int_equal(check(&cmd, 1, NULL), 0);
    assert_int_equal(check(&cmd, 0, "an option the QEMU model does not know"), -1);

    /* what a serializer that forgot to double the comma would write */
    free(cmd.args[3].text);
    cmd.args[3].text = vc_strdup("e1000,romfile=/x,inj=1 $(id)");
    assert_int_equal(check(&cmd, 1, "inj=\"1 $(id)\""), -1);
    vc_command_free(&cmd);

    /* a parsed option written as a plain word */
    vc_command_add_arg(&cmd, "qemu");
    vc_command_add_arg(&cmd, "-device");
    vc_command_add_arg(&cmd, "e1000");
    assert_int_equal(check(&cmd, 0, "written verbatim"), -1);
    vc_command_free(&cmd);

    /* a program word the shell would take as an assignment */
    vc_command_add_env(&cmd, "A", "1");
    vc_command_add_arg(&cmd, "B=2");
    assert_int_equal(check(&cmd, 0, NULL), 0);      /* vc_command_to_line quotes it */
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
        cmocka_unit_test(test_opts_reading),
        cmocka_unit_test(test_opts_unescaped_value),
        cmocka_unit_test(test_opts_id_scan),
        cmocka_unit_test(test_keyval_reading),
        cmocka_unit_test(test_lists_global_literals),
        cmocka_unit_test(test_chr_reading),
        cmocka_unit_test(test_intent),
        cmocka_unit_test(test_shell_quoting),
        cmocka_unit_test(test_shell_assignments),
        cmocka_unit_test(test_shell_refusals),
        cmocka_unit_test(test_argv_check),
    };
    size_t n = sizeof(tests) / sizeof(tests[0]);
    int failed = vc_group_run("qemu-model", tests, n, NULL, NULL);

    return failed ? 1 : 0;
}
