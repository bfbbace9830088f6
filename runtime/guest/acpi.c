/* The ACPI power button: QEMU's system_powerdown (what a VMM sends to ask a guest to stop) becomes
 * an "acpi_event" generic-netlink message once button.ko is loaded. No acpid, no evdev. */
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "guest.h"

#define ACPI_FAMILY "acpi_event"
#define ACPI_GROUP "acpi_mc_group"
#define ACPI_GENL_ATTR_EVENT 1

#define NLA_DATA(a) ((char*)(a) + NLA_HDRLEN)
#define NLA_NEXT(a) ((struct nlattr*)((char*)(a) + NLA_ALIGN((a)->nla_len)))
#define NLA_OK(a, end) ((char*)(a) + NLA_HDRLEN <= (end) && (a)->nla_len >= NLA_HDRLEN && (char*)(a) + (a)->nla_len <= (end))

static int find_group(struct nlattr* groups, char* end) {
    for (struct nlattr* g = (struct nlattr*)NLA_DATA(groups); NLA_OK(g, end); g = NLA_NEXT(g)) {
        char* gend = (char*)g + g->nla_len;
        const char* name = NULL;
        int id = -1;
        for (struct nlattr* a = (struct nlattr*)NLA_DATA(g); NLA_OK(a, gend); a = NLA_NEXT(a)) {
            if ((a->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_MCAST_GRP_NAME) name = NLA_DATA(a);
            if ((a->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_MCAST_GRP_ID) memcpy(&id, NLA_DATA(a), 4);
        }
        if (name && strcmp(name, ACPI_GROUP) == 0) return id;
    }
    return -1;
}

int acpi_events_open(void) {
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
    if (fd < 0) return -1;
    struct sockaddr_nl sa;
    memset(&sa, 0, sizeof sa);
    sa.nl_family = AF_NETLINK;
    if (bind(fd, (struct sockaddr*)&sa, sizeof sa) != 0) goto fail;

    struct {
        struct nlmsghdr n;
        struct genlmsghdr g;
        char attrs[64];
    } req;
    memset(&req, 0, sizeof req);
    struct nlattr* a = (struct nlattr*)req.attrs;
    a->nla_type = CTRL_ATTR_FAMILY_NAME;
    a->nla_len = NLA_HDRLEN + sizeof ACPI_FAMILY;
    memcpy(NLA_DATA(a), ACPI_FAMILY, sizeof ACPI_FAMILY);
    req.n.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN + NLA_ALIGN(a->nla_len));
    req.n.nlmsg_type = GENL_ID_CTRL;
    req.n.nlmsg_flags = NLM_F_REQUEST;
    req.n.nlmsg_seq = 1;
    req.g.cmd = CTRL_CMD_GETFAMILY;
    req.g.version = 1;
    if (send(fd, &req, req.n.nlmsg_len, 0) < 0) goto fail;

    char buf[4096];
    ssize_t len = recv(fd, buf, sizeof buf, 0);
    if (len < (ssize_t)NLMSG_HDRLEN) goto fail;
    struct nlmsghdr* n = (struct nlmsghdr*)buf;
    if (n->nlmsg_type == NLMSG_ERROR || !NLMSG_OK(n, (unsigned)len)) goto fail;
    char* end = buf + n->nlmsg_len;
    int group = -1;
    for (struct nlattr* at = (struct nlattr*)((char*)NLMSG_DATA(n) + GENL_HDRLEN); NLA_OK(at, end); at = NLA_NEXT(at))
        if ((at->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_MCAST_GROUPS) group = find_group(at, (char*)at + at->nla_len);
    if (group < 0) goto fail;
    if (setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &group, sizeof group) != 0) goto fail;
    return fd;
fail:
    close(fd);
    return -1;
}

int acpi_event_is_power_button(int fd) {
    char buf[1024];
    ssize_t len = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (len <= 0) return 0;
    for (struct nlmsghdr* n = (struct nlmsghdr*)buf; NLMSG_OK(n, (unsigned)len); n = NLMSG_NEXT(n, len)) {
        char* end = (char*)n + n->nlmsg_len;
        for (struct nlattr* a = (struct nlattr*)((char*)NLMSG_DATA(n) + GENL_HDRLEN); NLA_OK(a, end); a = NLA_NEXT(a)) {
            /* struct acpi_genl_event starts with char device_class[20], e.g. "button/power". */
            if ((a->nla_type & NLA_TYPE_MASK) == ACPI_GENL_ATTR_EVENT && a->nla_len >= NLA_HDRLEN + 12 &&
                strncmp(NLA_DATA(a), "button/power", 12) == 0)
                return 1;
        }
    }
    return 0;
}
