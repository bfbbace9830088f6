// libFuzzer target: rtnetlink replies as ucrun reads them (runtime/net/netlink.hpp, links.hpp,
// tc.hpp): Socket::transact's parser of a received datagram (absorb_datagram: framing, acks,
// extended-ack TLVs, NLMSG_DONE), split_messages, parse_attrs (nested), and the per-reply
// parsers of links, IPv4 addresses, IPv4 routes and tc filters.
// Input: one datagram as the kernel sends it. The request's sequence number is taken from the
// first message, so captured replies are accepted as they are. Errors ucrun reports
// (sys::Error: broken framing) are expected.
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "runtime/net/links.hpp"
#include "runtime/net/netlink.hpp"
#include "runtime/net/tc.hpp"
#include "runtime/sys/error.hpp"

namespace {

namespace nl = ucrun::net::nl;

// Walks attributes as nested ones too, as callers do with IFLA_LINKINFO or TCA_OPTIONS.
std::size_t walk(nl::Bytes data, int depth) {
    std::size_t seen = 0;
    for (const auto& [type, value] : nl::parse_attrs(data)) {
        seen += nl::attr_string(value).size() + nl::attr_u32(value) % 2 + type % 2;
        if (depth < 4) seen += walk(value, depth + 1);
    }
    return seen;
}

// Keeps the results from being optimised away.
volatile std::size_t sink;

void parse_reply(const nl::Reply& reply) {
    std::size_t seen = 0;
    if (auto link = ucrun::net::parse_link(reply, "eth0"))
        seen += link->name.size() + link->mac.size() + link->kind.size() + link->mtu;
    // The address parser keeps only the requested interface: ask for the one in the header.
    if (auto a = ucrun::net::parse_ipv4_address(reply, static_cast<int>(reply.header<ifaddrmsg>().ifa_index)))
        seen += a->ip.size() + a->flags;
    if (auto r = ucrun::net::parse_ipv4_route(reply)) seen += r->gateway.size() + r->priority;
    ucrun::net::IngressFilter f = ucrun::net::parse_filter(reply);
    seen += f.kind.size() + (f.cookie ? f.cookie->size() : 0) + static_cast<std::size_t>(f.redirect_ifindex);
    seen += walk(reply.attrs_after(0), 0);
    seen += walk(reply.attrs_after(sizeof(ifinfomsg)), 0);
    sink = seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nl::Bytes datagram(data, size);
    std::uint32_t seq = 0;
    if (size >= sizeof(nlmsghdr)) {
        nlmsghdr h;
        std::memcpy(&h, data, sizeof h);
        seq = h.nlmsg_seq;
    }
    nl::Result result;
    try {
        (void)nl::absorb_datagram(datagram, seq, result);
    } catch (const sys::Error&) {
    }
    sink = result.describe().size() + result.kernel_message.size();
    for (const nl::Reply& reply : result.replies) parse_reply(reply);
    for (const nl::Reply& reply : nl::split_messages(datagram)) parse_reply(reply);
    return 0;
}
