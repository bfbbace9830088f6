#include "runtime/net/guard.hpp"

#include <arpa/inet.h>
#include <linux/if_ether.h>

#include <array>
#include <cstdio>

#include "runtime/net/ownership.hpp"
#include "runtime/sys/error.hpp"

namespace ucrun::net {
namespace {

std::array<std::uint8_t, 6> parse_mac(const std::string& mac) {
    std::array<unsigned, 6> b{};
    char tail = 0;
    if (std::sscanf(mac.c_str(), "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &tail) != 6)
        throw sys::Error("guest MAC \"" + mac + "\": not aa:bb:cc:dd:ee:ff");
    std::array<std::uint8_t, 6> out{};
    for (int i = 0; i < 6; ++i) out[i] = static_cast<std::uint8_t>(b[i]);
    return out;
}

std::uint32_t parse_ip(const std::string& ip) {
    in_addr a{};
    if (::inet_pton(AF_INET, ip.c_str(), &a) != 1) throw sys::Error("guest IPv4 address \"" + ip + "\": not a dotted quad");
    return ntohl(a.s_addr);
}

std::uint32_t word(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
    return (std::uint32_t{a} << 24) | (std::uint32_t{b} << 16) | (std::uint32_t{c} << 8) | d;
}

// Offsets from the network header. Ethernet: source MAC at -8..-3. IPv4: source at 12. ARP
// (Ethernet/IPv4): sender hardware address at 8..13, sender protocol address at 14..17.
constexpr std::int32_t kEthSource = -8;
constexpr std::int32_t kIpSource = 12;
constexpr std::int32_t kArpSender = 8;

}  // namespace

std::vector<U32Filter> guest_to_eth0_filters(bool may_send_raw, const std::string& mac, const std::string& ip,
                                             int eth0_ifindex, const std::string& cookie) {
    if (may_send_raw) return {U32Filter{kFilterPref, ETH_P_ALL, {}, eth0_ifindex, cookie}};
    auto m = parse_mac(mac);
    std::uint32_t a = parse_ip(ip);
    const U32Key src_mac_hi{word(m[0], m[1], m[2], m[3]), 0xffffffff, kEthSource};
    const U32Key src_mac_lo{word(m[4], m[5], 0, 0), 0xffff0000, kEthSource + 4};
    U32Filter ipv4{static_cast<std::uint16_t>(kFilterPref - 2), ETH_P_IP,
                   {src_mac_hi, src_mac_lo, {a, 0xffffffff, kIpSource}}, eth0_ifindex, cookie};
    U32Filter arp{static_cast<std::uint16_t>(kFilterPref - 1), ETH_P_ARP,
                  {src_mac_hi, src_mac_lo,
                   {word(m[0], m[1], m[2], m[3]), 0xffffffff, kArpSender},
                   {word(m[4], m[5], static_cast<std::uint8_t>(a >> 24), static_cast<std::uint8_t>(a >> 16)), 0xffffffff,
                    kArpSender + 4},
                   {a << 16, 0xffff0000, kArpSender + 8}},
                  eth0_ifindex, cookie};
    U32Filter drop{kFilterPref, ETH_P_ALL, {}, 0, cookie};
    return {ipv4, arp, drop};
}

}  // namespace ucrun::net
