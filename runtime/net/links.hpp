// Interfaces, IPv4 addresses and IPv4 routes of the network namespace a netlink socket lives in.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/net/netlink.hpp"

namespace ucrun::net {

struct Link {
    int index = 0;
    std::string name;
    std::string mac;   // "aa:bb:cc:dd:ee:ff", empty when the link has no hardware address
    unsigned mtu = 0;
    std::string kind;  // IFLA_INFO_KIND: "veth", "tun", ... (empty for a physical device)
};

struct Ipv4Address {
    std::string ip;  // dotted quad
    int prefix = 0;
    std::uint32_t flags = 0;  // IFA_F_*
    int scope = 0;            // RT_SCOPE_*
};

struct Ipv4Route {
    int dst_len = 0;
    std::uint32_t table = 0;
    int type = 0;               // RTN_*
    std::string gateway;        // empty when the route has none
    int oif = 0;
    std::uint32_t priority = 0; // the metric
};

// nullopt when there is no link of that name.
std::optional<Link> get_link(nl::Socket& sock, const std::string& name);
std::vector<Ipv4Address> ipv4_addresses(nl::Socket& sock, int ifindex);
std::vector<Ipv4Route> ipv4_routes(nl::Socket& sock);
void set_link_up(nl::Socket& sock, const Link& link, unsigned mtu);
// Returns false when the link was already gone.
bool delete_link(nl::Socket& sock, const Link& link);

std::string format_mac(nl::Bytes hw);

// One reply of the requests above, parsed (pure, for tests): nullopt when it is not a link
// (`name` when it carries none), not an IPv4 address of `ifindex`, or not an IPv4 route.
std::optional<Link> parse_link(const nl::Reply& reply, const std::string& name);
std::optional<Ipv4Address> parse_ipv4_address(const nl::Reply& reply, int ifindex);
std::optional<Ipv4Route> parse_ipv4_route(const nl::Reply& reply);

}  // namespace ucrun::net
