/* Network setup without helper programs: lo and eth0 by ioctl, plus /etc/resolv.conf and /etc/hosts. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "guest.h"

static void set_sin(struct sockaddr* sa, in_addr_t addr) {
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = addr;
    memcpy(sa, &sin, sizeof sin);
}

static int if_up(int sock, const char* name) {
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
    if (ioctl(sock, SIOCGIFFLAGS, &ifr) != 0) return -1;
    ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
    return ioctl(sock, SIOCSIFFLAGS, &ifr);
}

static int parse_mac(const char* s, unsigned char mac[6]) {
    unsigned v[6];
    if (sscanf(s, "%x:%x:%x:%x:%x:%x", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) != 6) return -1;
    for (int i = 0; i < 6; ++i) mac[i] = (unsigned char)v[i];
    return 0;
}

/* The NIC appears while virtio_net probes; give it a moment. */
static int wait_for_if(const char* name, int ms) {
    for (int waited = 0; waited <= ms; waited += 10) {
        if (if_nametoindex(name) != 0) return 0;
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    return -1;
}

static void set_mac_if_different(int sock, const char* name, const char* mac_text) {
    unsigned char want[6];
    if (!*mac_text || parse_mac(mac_text, want) != 0) return;
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
    if (ioctl(sock, SIOCGIFHWADDR, &ifr) == 0 && memcmp(ifr.ifr_hwaddr.sa_data, want, 6) == 0) return;
    ifr.ifr_hwaddr.sa_family = 1; /* ARPHRD_ETHER */
    memcpy(ifr.ifr_hwaddr.sa_data, want, 6);
    if (ioctl(sock, SIOCSIFHWADDR, &ifr) != 0) guest_log("set MAC of %s to %s: %s", name, mac_text, strerror(errno));
}

int net_configure(const struct netcfg* cfg) {
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) {
        guest_log("socket: %s", strerror(errno));
        return -1;
    }
    if (if_up(sock, "lo") != 0) guest_log("bring up lo: %s", strerror(errno));
    int rc = 0;
    if (cfg->present && *cfg->ip) {
        const char* dev = "eth0";
        if (wait_for_if(dev, 3000) != 0) {
            guest_log("no %s (is virtio_net loaded?); the guest has no network", dev);
            close(sock);
            return -1;
        }
        set_mac_if_different(sock, dev, cfg->mac);
        struct ifreq ifr;
        memset(&ifr, 0, sizeof ifr);
        strncpy(ifr.ifr_name, dev, IFNAMSIZ - 1);
        in_addr_t ip = inet_addr(cfg->ip);
        set_sin(&ifr.ifr_addr, ip);
        if (ioctl(sock, SIOCSIFADDR, &ifr) != 0) {
            guest_log("set address %s on %s: %s", cfg->ip, dev, strerror(errno));
            rc = -1;
        }
        int prefix = cfg->prefix < 0 ? 0 : cfg->prefix > 32 ? 32 : cfg->prefix;
        in_addr_t mask = prefix == 0 ? 0 : htonl(0xffffffffu << (32 - prefix));
        set_sin(&ifr.ifr_netmask, mask);
        if (ioctl(sock, SIOCSIFNETMASK, &ifr) != 0) {
            guest_log("set prefix /%d on %s: %s", prefix, dev, strerror(errno));
            rc = -1;
        }
        if (if_up(sock, dev) != 0) {
            guest_log("bring up %s: %s", dev, strerror(errno));
            rc = -1;
        }
        if (*cfg->gw) {
            struct rtentry rt;
            memset(&rt, 0, sizeof rt);
            set_sin(&rt.rt_dst, INADDR_ANY);
            set_sin(&rt.rt_genmask, INADDR_ANY);
            set_sin(&rt.rt_gateway, inet_addr(cfg->gw));
            rt.rt_flags = RTF_UP | RTF_GATEWAY;
            if (ioctl(sock, SIOCADDRT, &rt) != 0 && errno != EEXIST) {
                guest_log("add default route via %s: %s", cfg->gw, strerror(errno));
                rc = -1;
            }
        }
        guest_debugf("%s: %s/%d gw %s", dev, cfg->ip, prefix, cfg->gw);
    }
    close(sock);
    return rc;
}

static void write_text(const char* path, const char* text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        guest_log("open %s: %s", path, strerror(errno));
        return;
    }
    size_t len = strlen(text), off = 0;
    while (off < len) {
        ssize_t n = write(fd, text + off, len - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        off += (size_t)n;
    }
    close(fd);
}

void write_etc_files(const struct netcfg* cfg) {
    char buf[2048];
    size_t n = 0;
    if (cfg->present) {
        for (int i = 0; i < cfg->ndns; ++i)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "nameserver %s\n", cfg->dns[i]);
        if (*cfg->search) n += (size_t)snprintf(buf + n, sizeof buf - n, "search %s\n", cfg->search);
        write_text("/etc/resolv.conf", buf);
    }
    n = (size_t)snprintf(buf, sizeof buf, "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
    if (cfg->present && *cfg->ip && *cfg->hostname)
        snprintf(buf + n, sizeof buf - n, "%s\t%s\n", cfg->ip, cfg->hostname);
    write_text("/etc/hosts", buf);
    if (access("/etc/passwd", F_OK) != 0) write_text("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
    if (access("/etc/group", F_OK) != 0) write_text("/etc/group", "root:x:0:\n");
}
