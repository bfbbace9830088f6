#include <functional>

#include "runtime/net/links.hpp"
#include "runtime/net/net.hpp"
#include "runtime/net/netlink.hpp"
#include "runtime/net/netns.hpp"
#include "runtime/net/ownership.hpp"
#include "runtime/net/tc.hpp"
#include "runtime/sys/error.hpp"

namespace ucrun::net {
namespace {

const std::string kEth0 = "eth0";

// Runs inside the netns. Each step runs even if an earlier one failed; failures are joined.
void detach_here(const std::string& tap) {
    nl::Socket sock = nl::Socket::open_route();
    std::string failures;
    auto step = [&failures](const std::function<void()>& fn) {
        try {
            fn();
        } catch (const std::exception& e) {
            failures += (failures.empty() ? "" : "; ") + std::string(e.what());
        }
    };

    // eth0 first, so that the netns's own stack gets its traffic back before the tap goes.
    step([&] {
        std::optional<Link> eth0 = get_link(sock, kEth0);
        if (!eth0) return;
        DetachPlan plan = plan_detach(ingress_filters(sock, eth0->index, kEth0), tap);
        for (std::uint16_t pref : plan.delete_prefs) delete_ingress_filters(sock, eth0->index, kEth0, pref);
        if (plan.delete_qdisc && ingress_filters(sock, eth0->index, kEth0).empty() &&
            ingress_qdisc_kind(sock, eth0->index, kEth0) == "ingress")
            delete_ingress_qdisc(sock, eth0->index, kEth0);
    });
    // Only a tun/tap device of that name is ours; its own qdisc and filters go with it.
    step([&] {
        std::optional<Link> link = get_link(sock, tap);
        if (link && link->kind == "tun") delete_link(sock, *link);
    });
    if (!failures.empty()) throw sys::Error(failures);
}

}  // namespace

void detach_tap(const std::string& netns_path, const std::string& tap) {
    try {
        sys::UniqueFd netns = open_netns(netns_path);
        if (!netns) return;  // the netns is gone, and everything in it with it
        run_in_netns(netns, netns_path, [&] { detach_here(tap); });
    } catch (const std::exception& e) {
        throw sys::Error("detach tap " + tap + " in netns " + netns_path + ": " + e.what());
    }
}

}  // namespace ucrun::net
