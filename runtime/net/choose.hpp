// Which of eth0's addresses and which default route the guest takes over. Pure: tested as data.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "runtime/net/links.hpp"

namespace ucrun::net {

// The first global-scope primary IPv4 address; else the first global one; else nullopt.
std::optional<Ipv4Address> choose_address(const std::vector<Ipv4Address>& addresses);

// The gateway of the main table's IPv4 default route, preferring routes out of `ifindex`, then
// the lowest metric. Empty when there is none (e.g. an --internal network).
std::string choose_gateway(const std::vector<Ipv4Route>& routes, int ifindex);

}  // namespace ucrun::net
