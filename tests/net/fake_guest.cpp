#include "tests/net/fake_guest.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "runtime/sys/error.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace {

// Ethernet header (14) + ARP for IPv4 over Ethernet (28).
constexpr std::size_t kArpFrame = 42;

void parse_mac(const std::string& text, std::uint8_t out[6]) {
    unsigned b[6];
    if (std::sscanf(text.c_str(), "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5]) != 6)
        throw sys::Error("bad MAC " + text);
    for (int i = 0; i < 6; ++i) out[i] = static_cast<std::uint8_t>(b[i]);
}

sys::UniqueFd attach(const std::string& tap) {
    sys::UniqueFd fd(::open("/dev/net/tun", O_RDWR | O_CLOEXEC));
    if (!fd) sys::throw_errno("open /dev/net/tun");
    ifreq ifr{};
    std::strncpy(ifr.ifr_name, tap.c_str(), IFNAMSIZ - 1);
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    if (::ioctl(fd.get(), TUNSETIFF, &ifr) != 0) sys::throw_errno("attach to tap " + tap);
    std::cout << "attached" << std::endl;
    return fd;
}

}  // namespace

int fake_guest_claim_ip(const std::string& tap, const std::string& mac, const std::string& claimed_ip, int count) {
    std::uint8_t own_mac[6];
    parse_mac(mac, own_mac);
    std::uint8_t ip[4];
    if (::inet_pton(AF_INET, claimed_ip.c_str(), ip) != 1) throw sys::Error("bad IPv4 " + claimed_ip);
    sys::UniqueFd fd = attach(tap);
    std::uint8_t r[kArpFrame] = {};
    std::memset(r, 0xff, 6);                                   // broadcast
    std::memcpy(r + 6, own_mac, 6);
    r[12] = 0x08, r[13] = 0x06;
    std::uint8_t* a = r + 14;
    a[0] = 0, a[1] = 1, a[2] = 0x08, a[3] = 0x00, a[4] = 6, a[5] = 4;  // Ethernet, IPv4
    a[6] = 0, a[7] = 2;                                        // reply
    std::memcpy(a + 8, own_mac, 6);                            // sender: our MAC ...
    std::memcpy(a + 14, ip, 4);                                // ... claiming claimed_ip
    std::memcpy(a + 18, own_mac, 6);                           // a gratuitous reply: target = sender
    std::memcpy(a + 24, ip, 4);
    for (int i = 0; i < count; ++i) {
        if (::write(fd.get(), r, sizeof r) != static_cast<ssize_t>(sizeof r)) sys::throw_errno("write tap " + tap);
        ::usleep(100000);
    }
    std::cout << "claimed " << claimed_ip << std::endl;
    return 0;
}

int fake_guest_answer_arp(const std::string& tap, const std::string& mac, const std::string& ip) {
    std::uint8_t own_mac[6];
    parse_mac(mac, own_mac);
    std::uint8_t own_ip[4];
    if (::inet_pton(AF_INET, ip.c_str(), own_ip) != 1) throw sys::Error("bad IPv4 " + ip);

    sys::UniqueFd fd = attach(tap);

    std::uint8_t f[2048];
    for (;;) {
        ssize_t n = ::read(fd.get(), f, sizeof f);
        if (n < 0) sys::throw_errno("read tap " + tap);
        if (static_cast<std::size_t>(n) < kArpFrame || f[12] != 0x08 || f[13] != 0x06) continue;
        const std::uint8_t* arp = f + 14;
        bool request = arp[6] == 0 && arp[7] == 1;
        if (!request || std::memcmp(arp + 24, own_ip, 4) != 0) continue;

        std::uint8_t r[kArpFrame] = {};
        std::memcpy(r, arp + 8, 6);         // to the asker's MAC
        std::memcpy(r + 6, own_mac, 6);     // from ours
        r[12] = 0x08, r[13] = 0x06;
        std::uint8_t* ra = r + 14;
        std::memcpy(ra, arp, 6);            // htype, ptype, hlen, plen: as asked
        ra[6] = 0, ra[7] = 2;               // reply
        std::memcpy(ra + 8, own_mac, 6);    // sender: us
        std::memcpy(ra + 14, own_ip, 4);
        std::memcpy(ra + 18, arp + 8, 10);  // target: the asker's MAC and IP
        if (::write(fd.get(), r, sizeof r) != static_cast<ssize_t>(sizeof r)) sys::throw_errno("write tap " + tap);
        char asker[INET_ADDRSTRLEN];
        ::inet_ntop(AF_INET, arp + 14, asker, sizeof asker);
        std::cout << "answered ARP from " << asker << std::endl;
        return 0;
    }
}
