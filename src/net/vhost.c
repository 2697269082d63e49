/* vhost.c: the vhost-net device (the in-kernel virtio-net backend). */
#include "net/net_private.h"

#include <fcntl.h>

int vc_net_vhost_open(const vc_host_kernel *k)
{
    return k->open(k->opaque, "/dev/vhost-net", O_RDWR);
}
