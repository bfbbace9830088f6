// Traffic control over rtnetlink: the ingress qdisc and u32 match-all filters whose mirred action
// redirects every frame to another interface's egress (docs/environment.md item 6, without `tc`).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/net/netlink.hpp"

namespace ucrun::net {

// A filter on an interface's ingress hook, as dumped.
struct IngressFilter {
    std::uint16_t pref = 0;
    std::string kind;                   // "u32", "bpf", ...
    bool has_action = false;            // u32 dumps its hash table as an entry without actions
    std::optional<std::string> cookie;  // the first action's cookie, if it has one
    int redirect_ifindex = 0;           // the mirred action's target, if any
};

// Adds an ingress qdisc to ifindex. Returns false (and changes nothing) when the interface
// already has an ingress or clsact qdisc.
bool add_ingress_qdisc(nl::Socket& sock, int ifindex, const std::string& ifname);
// The kind of qdisc on ifindex's ingress hook ("ingress", "clsact"), or nullopt.
std::optional<std::string> ingress_qdisc_kind(nl::Socket& sock, int ifindex, const std::string& ifname);
void delete_ingress_qdisc(nl::Socket& sock, int ifindex, const std::string& ifname);

// One 32-bit word a u32 filter compares: (word at `offset` from the network header) & mask ==
// value, in host byte order here (the message carries them in network order). On an ingress
// hook a negative offset reads the Ethernet header: the source MAC is at -8..-3.
struct U32Key {
    std::uint32_t value = 0;
    std::uint32_t mask = 0;
    std::int32_t offset = 0;
    bool operator==(const U32Key&) const = default;
};

// A u32 filter on an ingress hook: frames of `protocol` (an ETH_P_* value; ETH_P_ALL for every
// frame) whose keys all match are redirected to `redirect_ifindex`'s egress, or dropped when it is
// 0 (gact shot). No keys matches every frame.
struct U32Filter {
    std::uint16_t pref = 0;
    std::uint16_t protocol = 0;
    std::vector<U32Key> keys;
    int redirect_ifindex = 0;
    std::string cookie;   // on the action, for ownership marks
    bool operator==(const U32Filter&) const = default;
};

// The RTM_NEWTFILTER message adding `f` to from_ifindex's ingress. Pure, for tests.
nl::Message u32_filter_message(int from_ifindex, const U32Filter& f);
// The message for `tc filter add dev <from> ingress pref <pref> protocol all u32 match u8 0 0
// action mirred egress redirect dev <to>`, with `cookie` on the action. Pure, for tests.
nl::Message redirect_filter_message(int from_ifindex, int to_ifindex, std::uint16_t pref,
                                    const std::string& cookie);
// Parses one RTM_NEWTFILTER reply. Pure, for tests.
IngressFilter parse_filter(const nl::Reply& reply);

void add_redirect_filter(nl::Socket& sock, int from_ifindex, const std::string& from_name,
                         int to_ifindex, const std::string& to_name, std::uint16_t pref,
                         const std::string& cookie);
// Adds `f`. A drop on a kernel without the gact action becomes a redirect back to from_ifindex's
// own egress (for a tap: back to the guest that sent the frame), so that nothing passes either way.
void add_u32_filter(nl::Socket& sock, int from_ifindex, const std::string& from_name, const U32Filter& f);
// Empty when the interface has no ingress qdisc.
std::vector<IngressFilter> ingress_filters(nl::Socket& sock, int ifindex, const std::string& ifname);
// Deletes every filter at `pref` on the ingress hook. Returns false when there was none.
bool delete_ingress_filters(nl::Socket& sock, int ifindex, const std::string& ifname, std::uint16_t pref);

}  // namespace ucrun::net
