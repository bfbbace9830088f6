#include <functional>
#include <vector>

#include "runtime/net/choose.hpp"
#include "runtime/net/guard.hpp"
#include "runtime/net/links.hpp"
#include "runtime/net/net.hpp"
#include "runtime/net/netlink.hpp"
#include "runtime/net/netns.hpp"
#include "runtime/net/ownership.hpp"
#include "runtime/net/tap_device.hpp"
#include "runtime/net/tc.hpp"
#include "runtime/sys/error.hpp"

namespace ucrun::net {
namespace {

const std::string kEth0 = "eth0";

// What attach made so far, undone newest first when a later step fails.
class Undo {
public:
    void push(std::function<void()> step) { steps_.push_back(std::move(step)); }
    void commit() { steps_.clear(); }
    // Runs every step; returns their failures, "; "-joined (empty when all went well).
    std::string run() {
        std::string failures;
        for (auto it = steps_.rbegin(); it != steps_.rend(); ++it) {
            try {
                (*it)();
            } catch (const std::exception& e) {
                failures += (failures.empty() ? "" : "; ") + std::string(e.what());
            }
        }
        steps_.clear();
        return failures;
    }

private:
    std::vector<std::function<void()>> steps_;
};

// Runs inside the netns.
std::optional<GuestNet> attach_here(const std::string& tap, uid_t uid, gid_t gid,
                                    const std::string& resolv_conf_text, bool guest_may_send_raw) {
    nl::Socket sock = nl::Socket::open_route();
    std::optional<Link> eth0 = get_link(sock, kEth0);
    if (!eth0) return std::nullopt;  // --network none: a guest without a NIC

    // Read everything first: a netns we cannot serve is refused before anything is made.
    std::optional<Ipv4Address> addr = choose_address(ipv4_addresses(sock, eth0->index));
    if (!addr) throw sys::Error("eth0 has no IPv4 address; the guest needs the container's IPv4 address");
    if (eth0->mac.empty()) throw sys::Error("eth0 has no MAC address");
    if (auto other = redirected_to(ingress_filters(sock, eth0->index, kEth0)))
        throw sys::Error("eth0 is already redirected to tap " + *other +
                         " (only one unikernel per network namespace)");

    GuestNet g;
    g.tap = tap;
    g.mac = eth0->mac;
    g.ip = addr->ip;
    g.prefix = addr->prefix;
    g.gateway = choose_gateway(ipv4_routes(sock), eth0->index);
    g.mtu = static_cast<int>(eth0->mtu);
    parse_resolv_conf(resolv_conf_text, g);

    Undo undo;
    try {
        create_persistent_tap(tap, uid, gid);
        std::optional<Link> tap_link = get_link(sock, tap);
        if (!tap_link) throw sys::Error("tap " + tap + " vanished right after its creation");
        undo.push([&sock, link = *tap_link] { delete_link(sock, link); });
        set_link_up(sock, *tap_link, eth0->mtu);

        // Guest -> eth0 first, so eth0's own stack stops receiving only when all is in place.
        add_ingress_qdisc(sock, tap_link->index, tap);
        for (const U32Filter& f : guest_to_eth0_filters(guest_may_send_raw, g.mac, g.ip, eth0->index,
                                                         encode_mark({false, tap})))
            add_u32_filter(sock, tap_link->index, tap, f);

        bool created_qdisc = add_ingress_qdisc(sock, eth0->index, kEth0);
        if (created_qdisc)
            undo.push([&sock, index = eth0->index] { delete_ingress_qdisc(sock, index, kEth0); });
        add_redirect_filter(sock, eth0->index, kEth0, tap_link->index, tap, kFilterPref,
                            encode_mark({created_qdisc, tap}));
    } catch (const std::exception& e) {
        std::string cleanup = undo.run();
        throw sys::Error(std::string(e.what()) +
                         (cleanup.empty() ? "" : " (and cleaning up failed: " + cleanup + ")"));
    }
    undo.commit();
    return g;
}

}  // namespace

std::optional<GuestNet> attach_tap(const std::string& netns_path, const std::string& tap, uid_t uid,
                                   gid_t gid, const std::string& resolv_conf_text, bool guest_may_send_raw) {
    const std::string where = "attach tap " + tap + " in netns " + netns_path + ": ";
    std::optional<GuestNet> result;
    try {
        sys::UniqueFd netns = open_netns(netns_path);
        if (!netns) throw sys::Error("no such network namespace");
        // Redirecting the host's eth0 into a tap would cut the host off: never.
        if (is_host_netns(netns))
            throw sys::Error("this is the host's network namespace (--network host is not supported for unikernels)");
        run_in_netns(netns, netns_path, [&] { result = attach_here(tap, uid, gid, resolv_conf_text, guest_may_send_raw); });
    } catch (const std::exception& e) {
        throw sys::Error(where + e.what());
    }
    return result;
}

}  // namespace ucrun::net
