#include "runtime/net/choose.hpp"

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

#include <tuple>

namespace ucrun::net {

std::optional<Ipv4Address> choose_address(const std::vector<Ipv4Address>& addresses) {
    const Ipv4Address* best = nullptr;
    for (const auto& a : addresses) {
        if (a.scope != RT_SCOPE_UNIVERSE) continue;
        if (!(a.flags & IFA_F_SECONDARY)) return a;
        if (!best) best = &a;
    }
    if (best) return *best;
    return std::nullopt;
}

std::string choose_gateway(const std::vector<Ipv4Route>& routes, int ifindex) {
    const Ipv4Route* best = nullptr;
    auto rank = [ifindex](const Ipv4Route& r) { return std::make_tuple(r.oif != ifindex, r.priority); };
    for (const auto& r : routes) {
        if (r.dst_len != 0 || r.table != RT_TABLE_MAIN || r.type != RTN_UNICAST || r.gateway.empty())
            continue;
        if (!best || rank(r) < rank(*best)) best = &r;
    }
    return best ? best->gateway : std::string();
}

}  // namespace ucrun::net
