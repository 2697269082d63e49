/* controller.c: <controller>: enum tables, parsing, formatting. */
#include "conf/conf_private.h"
#include "util/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

VC_ENUM_IMPL(vc_ctrl_type, VC_CTRL_LAST, "ide", "fdc", "scsi", "sata",
             "virtio-serial", "ccid", "usb")
VC_ENUM_IMPL(vc_scsi_model, VC_SCSI_MODEL_LAST, "auto", "buslogic", "lsilogic",
             "lsisas1068", "vmpvscsi", "ibmvscsi", "virtio-scsi")
VC_ENUM_IMPL(vc_usb_model, VC_USB_MODEL_LAST, "piix3-uhci", "piix4-uhci", "ehci",
             "ich9-ehci1", "ich9-uhci1", "ich9-uhci2", "ich9-uhci3",
             "vt82c686b-uhci", "pci-ohci", "nec-xhci", "none")

void vc_controller_def_free(vc_controller_def *c)
{
    if (!c)
        return;
    vc_device_info_clear(&c->info);
    free(c);
}

static int parse_model(vc_parse_ctx *ctx, const xmlNode *node, vc_controller_def *c)
{
    int (*from)(const char *) = NULL;
    char *model = vc_xml_prop(node, "model");
    int m;

    c->model = -1;
    if (!model)
        return 0;
    if (c->type == VC_CTRL_SCSI)
        from = vc_scsi_model_from_string;
    else if (c->type == VC_CTRL_USB)
        from = vc_usb_model_from_string;
    m = from ? from(model) : -1;
    if (m < 0) {
        vc_xml_error(ctx, "unknown controller model type '%s'", model);
        free(model);
        return -1;
    }
    free(model);
    c->model = m;
    return 0;
}

vc_controller_def *vc_controller_parse(vc_parse_ctx *ctx, const xmlNode *node)
{
    vc_controller_def *c = VC_NEW(vc_controller_def);
    int v = VC_CTRL_IDE;

    c->ports = c->vectors = -1;
    if (vc_xml_enum(ctx, node, "type", vc_ctrl_type_from_string,
                    "controller type", &v) < 0)
        goto error;
    c->type = (vc_ctrl_type)v;
    if (vc_xml_uint(ctx, node, "index", 10, VC_CONTROLLER_INDEX_MAX, &c->idx) < 0 ||
        parse_model(ctx, node, c) < 0)
        goto error;
    if (c->type == VC_CTRL_VIRTIO_SERIAL) {
        unsigned x;
        int r;
        if ((r = vc_xml_uint(ctx, node, "ports", 10, 0x7fffffff, &x)) < 0)
            goto error;
        if (r)
            c->ports = (int)x;
        if ((r = vc_xml_uint(ctx, node, "vectors", 10, 0x7fffffff, &x)) < 0)
            goto error;
        if (r)
            c->vectors = (int)x;
    }
    if (vc_device_info_parse(ctx, node, &c->info, 0) < 0)
        goto error;
    /* ICH9 UHCI companions default to their fixed EHCI start ports */
    if (c->type == VC_CTRL_USB && !c->info.has_master &&
        c->model >= VC_USB_MODEL_ICH9_UHCI1 && c->model <= VC_USB_MODEL_ICH9_UHCI3) {
        c->info.has_master = true;
        c->info.master_startport = (unsigned)(c->model - VC_USB_MODEL_ICH9_UHCI1) * 2;
    }
    return c;

error:
    vc_controller_def_free(c);
    return NULL;
}

void vc_controller_format(vc_buf *b, const vc_controller_def *c)
{
    vc_buf_addf(b, "    <controller type='%s' index='%u'", vc_ctrl_type_to_string(c->type),
                c->idx);
    if (c->model >= 0)
        vc_buf_addf(b, " model='%s'", c->type == VC_CTRL_SCSI ?
                    vc_scsi_model_to_string(c->model) : vc_usb_model_to_string(c->model));
    if (c->ports >= 0)
        vc_buf_addf(b, " ports='%d'", c->ports);
    if (c->vectors >= 0)
        vc_buf_addf(b, " vectors='%d'", c->vectors);
    if (!vc_device_info_is_set(&c->info)) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    vc_device_info_format(b, &c->info, 6);
    vc_buf_add(b, "    </controller>\n");
}

/* Appended as read; vc_controllers_order sorts them once all are in
 * (inserting each in place cost a scan and a move per controller). */
int vc_controller_add(vc_parse_ctx *ctx, vc_domain_def *def, vc_controller_def *c)
{
    (void)ctx;
    vc_ptr_append(&def->controllers, &def->ncontrollers, c);
    return 0;
}

typedef struct ctrl_key {
    size_t rank, pos;           /* its type's first position; its own */
    unsigned idx;
    vc_controller_def *c;
} ctrl_key;

static int cmp_key(const void *a, const void *b)
{
    const ctrl_key *x = a, *y = b;

    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->idx != y->idx)
        return x->idx < y->idx ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The order libvirt's virDomainControllerInsertPreAlloced gives, one
 * at a time: types in the order they first came, each type's
 * controllers by index, equal indexes as they came. */
void vc_controllers_order(vc_domain_def *def)
{
    size_t first[VC_CTRL_LAST];
    ctrl_key *keys;

    if (def->ncontrollers < 2)
        return;
    for (size_t t = 0; t < VC_CTRL_LAST; t++)
        first[t] = SIZE_MAX;
    keys = vc_calloc(def->ncontrollers, sizeof(*keys));
    for (size_t i = 0; i < def->ncontrollers; i++) {
        vc_controller_def *c = def->controllers[i];
        if (first[c->type] == SIZE_MAX)
            first[c->type] = i;
        keys[i] = (ctrl_key){ first[c->type], i, c->idx, c };
    }
    qsort(keys, def->ncontrollers, sizeof(*keys), cmp_key);
    for (size_t i = 0; i < def->ncontrollers; i++)
        def->controllers[i] = keys[i].c;
    free(keys);
}
