#include "outcome.h"
#include "conf/conf_private.h"

#include <stdbool.h>
#include <string.h>

/* Each outcome as every format says it (the table in outcome.h). */
typedef struct outcome_form {
    const char *counted;   /* summary column; NULL: counted nowhere */
    bool failed;           /* counts against the tier */
    const char *tap;       /* NULL: not written */
    const char *tap_note;  /* after the name: a directive or a remark */
    const char *tap_sep;   /* between it and the reason */
    const char *junit;     /* child element of <testcase>; NULL: none */
    const char *junit_why; /* message prefix */
} outcome_form;

static const outcome_form forms[VC_OUTCOME_COUNT] = {
    [VC_OUTCOME_PASS] = { "passed", false, "ok", NULL, NULL, NULL, NULL },
    [VC_OUTCOME_FAIL] = { "failed", true, "not ok", NULL, NULL, "failure", "failed" },
    [VC_OUTCOME_XFAIL] = { "xfail", false, "not ok", " # TODO expected failure", ": ",
                           "skipped", "expected failure" },
    [VC_OUTCOME_XPASS] = { "failed", true, "not ok", " (unexpected pass: take it off the xfail list)",
                           NULL, "failure", "unexpected pass: take it off the xfail list" },
    [VC_OUTCOME_SKIP] = { "skipped", false, "ok", " # SKIP", " ", "skipped", "skipped" },
    [VC_OUTCOME_NOT_RUN] = { NULL, false, NULL, NULL, NULL, NULL, NULL },
};

static size_t count(const vc_result *r, size_t n, const char *column)
{
    size_t k = 0;

    for (size_t i = 0; i < n; i++)
        if (forms[r[i].outcome].counted && strcmp(forms[r[i].outcome].counted, column) == 0)
            k++;
    return k;
}

int vc_outcome_failed(const vc_result *r, size_t n)
{
    int k = 0;

    for (size_t i = 0; i < n; i++)
        k += forms[r[i].outcome].failed;
    return k;
}

void vc_outcome_summary(vc_buf *b, const char *tier, const vc_result *r, size_t n)
{
    size_t skipped = count(r, n, "skipped"), xfail = count(r, n, "xfail");

    vc_buf_addf(b, "%s: %zu passed, %zu failed", tier, count(r, n, "passed"),
                count(r, n, "failed"));
    if (skipped)
        vc_buf_addf(b, ", %zu skipped", skipped);
    if (xfail)
        vc_buf_addf(b, ", %zu xfail", xfail);
    vc_buf_addc(b, '\n');
}

/* TAP gives '#' a meaning in a description: keep it (and line ends) out */
static void tap_text(vc_buf *b, const char *s)
{
    for (; s && *s; s++)
        vc_buf_addc(b, *s == '#' ? '_' : *s == '\n' ? ' ' : *s);
}

void vc_outcome_tap(vc_buf *b, const char *tier, const vc_result *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const outcome_form *f = &forms[r[i].outcome];

        if (!f->tap)
            continue;
        vc_buf_addf(b, "%s - %s/", f->tap, tier);
        tap_text(b, r[i].name);
        if (f->tap_note)
            vc_buf_add(b, f->tap_note);
        if (f->tap_sep && r[i].reason) {
            vc_buf_add(b, f->tap_sep);
            tap_text(b, r[i].reason);
        }
        vc_buf_addc(b, '\n');
    }
}

void vc_outcome_tap_skip(vc_buf *b, const char *tier, const char *reason)
{
    vc_buf_addf(b, "# tier skipped: %s: ", tier);
    tap_text(b, reason);
    vc_buf_addc(b, '\n');
}

static void junit_suite(vc_buf *b, const char *tier, size_t tests, size_t failures,
                        size_t skipped)
{
    vc_buf_add(b, "<?xml version='1.0' encoding='UTF-8'?>\n<testsuites>\n<testsuite");
    vc_xml_attr(b, "name", tier);
    vc_buf_addf(b, " tests='%zu' failures='%zu' errors='0' skipped='%zu'>\n", tests,
                failures, skipped);
}

static void junit_case(vc_buf *b, const char *tier, const char *name, const char *elem,
                       const char *why, const char *reason)
{
    vc_buf_add(b, "<testcase");
    vc_xml_attr(b, "classname", tier);
    vc_xml_attr(b, "name", name);
    if (!elem) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_addf(b, "><%s message='", elem);
    vc_xml_escape(b, why);
    if (reason) {
        vc_buf_add(b, ": ");
        vc_xml_escape(b, reason);
    }
    vc_buf_addf(b, "'/></testcase>\n");
}

void vc_outcome_junit(vc_buf *b, const char *tier, const vc_result *r, size_t n)
{
    size_t tests = 0, skipped = 0;

    for (size_t i = 0; i < n; i++) {
        const char *e = forms[r[i].outcome].junit;
        tests += forms[r[i].outcome].tap != NULL;
        skipped += e && strcmp(e, "skipped") == 0;
    }
    junit_suite(b, tier, tests, (size_t)vc_outcome_failed(r, n), skipped);
    for (size_t i = 0; i < n; i++) {
        const outcome_form *f = &forms[r[i].outcome];
        if (f->tap)
            junit_case(b, tier, r[i].name, f->junit, f->junit_why, r[i].reason);
    }
    vc_buf_add(b, "</testsuite>\n</testsuites>\n");
}

void vc_outcome_junit_skip(vc_buf *b, const char *tier, const char *reason)
{
    junit_suite(b, tier, 1, 0, 1);
    junit_case(b, tier, tier, "skipped", "tier skipped", reason);
    vc_buf_add(b, "</testsuite>\n</testsuites>\n");
}
