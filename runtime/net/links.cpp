#include "runtime/net/links.hpp"

#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

#include <cerrno>
#include <cstdio>

#include "runtime/sys/error.hpp"

namespace ucrun::net {
namespace {

std::string ipv4_text(nl::Bytes b) {
    if (b.size() != 4) return {};
    char text[INET_ADDRSTRLEN];
    ::inet_ntop(AF_INET, b.data(), text, sizeof text);
    return text;
}

}  // namespace

std::string format_mac(nl::Bytes hw) {
    std::string out;
    for (std::size_t i = 0; i < hw.size(); ++i) {
        char part[4];
        std::snprintf(part, sizeof part, i ? ":%02x" : "%02x", hw[i]);
        out += part;
    }
    return out;
}

std::optional<Link> parse_link(const nl::Reply& reply, const std::string& name) {
    if (reply.type != RTM_NEWLINK) return std::nullopt;
    Link link;
    link.index = reply.header<ifinfomsg>().ifi_index;
    auto attrs = nl::parse_attrs(reply.attrs_after(sizeof(ifinfomsg)));
    link.name = attrs.count(IFLA_IFNAME) ? nl::attr_string(attrs[IFLA_IFNAME]) : name;
    if (attrs.count(IFLA_ADDRESS)) link.mac = format_mac(attrs[IFLA_ADDRESS]);
    if (attrs.count(IFLA_MTU)) link.mtu = nl::attr_u32(attrs[IFLA_MTU]);
    if (attrs.count(IFLA_LINKINFO)) {
        auto info = nl::parse_attrs(attrs[IFLA_LINKINFO]);
        if (info.count(IFLA_INFO_KIND)) link.kind = nl::attr_string(info[IFLA_INFO_KIND]);
    }
    return link;
}

std::optional<Ipv4Address> parse_ipv4_address(const nl::Reply& reply, int ifindex) {
    auto h = reply.header<ifaddrmsg>();
    if (reply.type != RTM_NEWADDR || h.ifa_family != AF_INET) return std::nullopt;
    if (static_cast<int>(h.ifa_index) != ifindex) return std::nullopt;
    auto attrs = nl::parse_attrs(reply.attrs_after(sizeof(ifaddrmsg)));
    Ipv4Address a;
    // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the peer on point-to-point links.
    if (attrs.count(IFA_LOCAL))
        a.ip = ipv4_text(attrs[IFA_LOCAL]);
    else if (attrs.count(IFA_ADDRESS))
        a.ip = ipv4_text(attrs[IFA_ADDRESS]);
    if (a.ip.empty()) return std::nullopt;
    a.prefix = h.ifa_prefixlen;
    a.flags = attrs.count(IFA_FLAGS) ? nl::attr_u32(attrs[IFA_FLAGS]) : h.ifa_flags;
    a.scope = h.ifa_scope;
    return a;
}

std::optional<Ipv4Route> parse_ipv4_route(const nl::Reply& reply) {
    auto h = reply.header<rtmsg>();
    if (reply.type != RTM_NEWROUTE || h.rtm_family != AF_INET) return std::nullopt;
    auto attrs = nl::parse_attrs(reply.attrs_after(sizeof(rtmsg)));
    Ipv4Route route;
    route.dst_len = h.rtm_dst_len;
    route.table = attrs.count(RTA_TABLE) ? nl::attr_u32(attrs[RTA_TABLE]) : h.rtm_table;
    route.type = h.rtm_type;
    if (attrs.count(RTA_GATEWAY)) route.gateway = ipv4_text(attrs[RTA_GATEWAY]);
    if (attrs.count(RTA_OIF)) route.oif = static_cast<int>(nl::attr_u32(attrs[RTA_OIF]));
    if (attrs.count(RTA_PRIORITY)) route.priority = nl::attr_u32(attrs[RTA_PRIORITY]);
    return route;
}

std::optional<Link> get_link(nl::Socket& sock, const std::string& name) {
    nl::Message msg(RTM_GETLINK, 0);
    msg.put_header(ifinfomsg{});
    msg.put_string(IFLA_IFNAME, name);
    nl::Result r = sock.transact(msg);
    if (r.error == ENODEV) return std::nullopt;
    if (r.error) throw sys::Error("look up interface " + name + ": " + r.describe());
    for (const auto& reply : r.replies)
        if (auto link = parse_link(reply, name)) return link;
    throw sys::Error("look up interface " + name + ": no reply from the kernel");
}

std::vector<Ipv4Address> ipv4_addresses(nl::Socket& sock, int ifindex) {
    nl::Message msg(RTM_GETADDR, NLM_F_DUMP);
    ifaddrmsg req{};
    req.ifa_family = AF_INET;
    msg.put_header(req);
    nl::Result r = sock.transact(msg);
    if (r.error) throw sys::Error("list IPv4 addresses: " + r.describe());
    std::vector<Ipv4Address> out;
    for (const auto& reply : r.replies)
        if (auto a = parse_ipv4_address(reply, ifindex)) out.push_back(*a);
    return out;
}

std::vector<Ipv4Route> ipv4_routes(nl::Socket& sock) {
    nl::Message msg(RTM_GETROUTE, NLM_F_DUMP);
    rtmsg req{};
    req.rtm_family = AF_INET;
    msg.put_header(req);
    nl::Result r = sock.transact(msg);
    if (r.error) throw sys::Error("list IPv4 routes: " + r.describe());
    std::vector<Ipv4Route> out;
    for (const auto& reply : r.replies)
        if (auto route = parse_ipv4_route(reply)) out.push_back(*route);
    return out;
}

void set_link_up(nl::Socket& sock, const Link& link, unsigned mtu) {
    nl::Message msg(RTM_NEWLINK, 0);
    ifinfomsg req{};
    req.ifi_family = AF_UNSPEC;
    req.ifi_index = link.index;
    req.ifi_flags = IFF_UP;
    req.ifi_change = IFF_UP;
    msg.put_header(req);
    if (mtu) msg.put_u32(IFLA_MTU, mtu);
    nl::Result r = sock.transact(msg);
    if (r.error)
        throw sys::Error("set " + link.name + " up (mtu " + std::to_string(mtu) + "): " + r.describe());
}

bool delete_link(nl::Socket& sock, const Link& link) {
    nl::Message msg(RTM_DELLINK, 0);
    ifinfomsg req{};
    req.ifi_index = link.index;
    msg.put_header(req);
    nl::Result r = sock.transact(msg);
    if (r.error == ENODEV) return false;
    if (r.error) throw sys::Error("delete " + link.name + ": " + r.describe());
    return true;
}

}  // namespace ucrun::net
