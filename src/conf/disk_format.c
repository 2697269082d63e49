/* disk_format.c: one <disk> in canonical form (libvirt 0.10.2 order). */
#include "conf/conf_private.h"

static void format_driver(vc_buf *b, const vc_disk_def *d)
{
    if (!d->driver_name && !d->driver_type && !d->cache && !d->error_policy &&
        !d->rerror_policy && !d->io && !d->ioeventfd && !d->event_idx &&
        !d->copy_on_read)
        return;
    vc_buf_add(b, "      <driver");
    vc_xml_attr(b, "name", d->driver_name);
    vc_xml_attr(b, "type", d->driver_type);
    if (d->cache)
        vc_buf_addf(b, " cache='%s'", vc_disk_cache_to_string(d->cache));
    if (d->error_policy)
        vc_buf_addf(b, " error_policy='%s'",
                    vc_disk_error_policy_to_string(d->error_policy));
    if (d->rerror_policy)
        vc_buf_addf(b, " rerror_policy='%s'",
                    vc_disk_error_policy_to_string(d->rerror_policy));
    if (d->io)
        vc_buf_addf(b, " io='%s'", vc_disk_io_to_string(d->io));
    if (d->ioeventfd)
        vc_buf_addf(b, " ioeventfd='%s'", vc_switch_to_string(d->ioeventfd));
    if (d->event_idx)
        vc_buf_addf(b, " event_idx='%s'", vc_switch_to_string(d->event_idx));
    if (d->copy_on_read)
        vc_buf_addf(b, " copy_on_read='%s'", vc_switch_to_string(d->copy_on_read));
    vc_buf_add(b, "/>\n");
}

static void format_auth(vc_buf *b, const vc_disk_def *d)
{
    char uuid[37];

    if (!d->auth_username)
        return;
    vc_buf_add(b, "      <auth");
    vc_xml_attr(b, "username", d->auth_username);
    vc_buf_add(b, ">\n");
    if (d->secret_type != VC_DISK_SECRET_NONE) {
        vc_buf_addf(b, "        <secret type='%s'",
                    vc_disk_secret_type_to_string(d->secret_type));
        if (d->secret_is_uuid) {
            vc_uuid_format(d->secret_uuid, uuid);
            vc_buf_addf(b, " uuid='%s'", uuid);
        }
        vc_xml_attr(b, "usage", d->secret_usage);
        vc_buf_add(b, "/>\n");
    }
    vc_buf_add(b, "      </auth>\n");
}

/* virSecurityDeviceLabelDefFormat: relabel always written */
static void format_source_seclabel(vc_buf *b, const vc_disk_seclabel *s)
{
    vc_buf_add(b, "        <seclabel");
    vc_xml_attr(b, "model", s->model);
    vc_buf_addf(b, " relabel='%s'", s->norelabel ? "no" : "yes");
    if (!s->label) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n          <label>");
    vc_xml_escape(b, s->label);
    vc_buf_add(b, "</label>\n        </seclabel>\n");
}

static void format_source(vc_buf *b, const vc_disk_def *d)
{
    static const char *const attr_of[] = {
        [VC_DISK_TYPE_BLOCK] = "dev", [VC_DISK_TYPE_FILE] = "file",
        [VC_DISK_TYPE_DIR] = "dir",
    };

    if (!d->src && d->nhosts == 0 && !d->startup_policy)
        return;
    if (d->type != VC_DISK_TYPE_NETWORK) {
        vc_buf_add(b, "      <source");
        vc_xml_attr(b, attr_of[d->type], d->src);
        if (d->startup_policy)
            vc_buf_addf(b, " startupPolicy='%s'",
                        vc_disk_startup_to_string(d->startup_policy));
        if (d->nseclabels == 0) {
            vc_buf_add(b, "/>\n");
            return;
        }
        vc_buf_add(b, ">\n");
        for (size_t i = 0; i < d->nseclabels; i++)
            format_source_seclabel(b, &d->seclabels[i]);
        vc_buf_add(b, "      </source>\n");
        return;
    }
    vc_buf_addf(b, "      <source protocol='%s'", vc_disk_protocol_to_string(d->protocol));
    vc_xml_attr(b, "name", d->src);
    if (d->nhosts == 0) {
        vc_buf_add(b, "/>\n");
        return;
    }
    vc_buf_add(b, ">\n");
    for (size_t i = 0; i < d->nhosts; i++) {
        const vc_disk_host *h = &d->hosts[i];
        vc_buf_add(b, "        <host");
        vc_xml_attr(b, "name", h->name);
        vc_xml_attr(b, "port", h->port);
        /* tcp, the default, is never written */
        if (h->transport != VC_DISK_TRANSPORT_TCP)
            vc_buf_addf(b, " transport='%s'", vc_disk_transport_to_string(h->transport));
        vc_xml_attr(b, "socket", h->socket);
        vc_buf_add(b, "/>\n");
    }
    vc_buf_add(b, "      </source>\n");
}

static void format_iotune(vc_buf *b, const vc_disk_iotune *t)
{
    static const char *const names[] = {
        "total_bytes_sec", "read_bytes_sec", "write_bytes_sec",
        "total_iops_sec", "read_iops_sec", "write_iops_sec",
    };
    const unsigned long long v[] = {
        t->total_bytes_sec, t->read_bytes_sec, t->write_bytes_sec,
        t->total_iops_sec, t->read_iops_sec, t->write_iops_sec,
    };
    bool any = false;

    for (size_t i = 0; i < 6; i++)
        any |= v[i] != 0;
    if (!any)
        return;
    vc_buf_add(b, "      <iotune>\n");
    for (size_t i = 0; i < 6; i++)
        if (v[i])
            vc_buf_addf(b, "        <%s>%llu</%s>\n", names[i], v[i], names[i]);
    vc_buf_add(b, "      </iotune>\n");
}

void vc_disk_format(vc_buf *b, const vc_disk_def *d)
{
    vc_buf_addf(b, "    <disk type='%s' device='%s'", vc_disk_type_to_string(d->type),
                vc_disk_device_to_string(d->device));
    if (d->rawio)
        vc_buf_addf(b, " rawio='%s'", vc_yesno_to_string(d->rawio));
    if (d->sgio)
        vc_buf_addf(b, " sgio='%s'", vc_disk_sgio_to_string(d->sgio));
    if (d->snapshot && !(d->snapshot == VC_DISK_SNAPSHOT_NO && d->readonly))
        vc_buf_addf(b, " snapshot='%s'", vc_disk_snapshot_to_string(d->snapshot));
    vc_buf_add(b, ">\n");
    format_driver(b, d);
    format_auth(b, d);
    format_source(b, d);
    /* libvirt writes the geometry and block sizes with the source, before
     * the mirror and the target. */
    if (d->geom_cyls || d->geom_heads || d->geom_secs) {
        vc_buf_addf(b, "      <geometry cyls='%u' heads='%u' secs='%u'",
                    d->geom_cyls, d->geom_heads, d->geom_secs);
        if (d->geom_trans)
            vc_buf_addf(b, " trans='%s'", vc_disk_geom_trans_to_string(d->geom_trans));
        vc_buf_add(b, "/>\n");
    }
    if (d->logical_block_size || d->physical_block_size) {
        vc_buf_add(b, "      <blockio");
        if (d->logical_block_size)
            vc_buf_addf(b, " logical_block_size='%u'", d->logical_block_size);
        if (d->physical_block_size)
            vc_buf_addf(b, " physical_block_size='%u'", d->physical_block_size);
        vc_buf_add(b, "/>\n");
    }
    if (d->mirror) {
        vc_buf_add(b, "      <mirror");
        vc_xml_attr(b, "file", d->mirror);
        vc_xml_attr(b, "format", d->mirror_format);
        if (d->mirroring)
            vc_buf_add(b, " ready='yes'");
        vc_buf_add(b, "/>\n");
    }
    vc_buf_add(b, "      <target");
    vc_xml_attr(b, "dev", d->dst);
    vc_buf_addf(b, " bus='%s'", vc_disk_bus_to_string(d->bus));
    if (d->tray == VC_DISK_TRAY_OPEN)
        vc_buf_add(b, " tray='open'");
    vc_buf_add(b, "/>\n");
    format_iotune(b, &d->iotune);
    if (d->readonly)
        vc_buf_add(b, "      <readonly/>\n");
    if (d->shared)
        vc_buf_add(b, "      <shareable/>\n");
    if (d->transient)
        vc_buf_add(b, "      <transient/>\n");
    if (d->serial) {
        vc_buf_add(b, "      <serial>");
        vc_xml_escape(b, d->serial);
        vc_buf_add(b, "</serial>\n");
    }
    if (d->wwn) {
        vc_buf_add(b, "      <wwn>");
        vc_xml_escape(b, d->wwn);
        vc_buf_add(b, "</wwn>\n");
    }
    if (d->encryption) {
        char uuid[37];
        vc_buf_addf(b, "      <encryption format='%s'",
                    vc_encryption_format_to_string(d->encryption->format));
        if (!d->encryption->has_secret) {
            vc_buf_add(b, "/>\n");
        } else {
            vc_uuid_format(d->encryption->secret_uuid, uuid);
            vc_buf_addf(b, ">\n        <secret type='passphrase' uuid='%s'/>\n"
                        "      </encryption>\n", uuid);
        }
    }
    vc_device_info_format(b, &d->info, 6);
    vc_buf_add(b, "    </disk>\n");
}
