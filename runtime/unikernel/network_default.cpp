// The guest takes the container's place on the network: runtime/net/ makes a tap in the
// container's netns and redirects eth0 <-> tap; the guest gets eth0's MAC, IP, prefix, gateway
// and the nameservers of the resolv.conf Podman mounts. Decisions:
//  - no network namespace in config.json (podman --network host): refused, since the guest would
//    take the host's eth0;
//  - a fresh netns (no path) or one without eth0 (--network none): a guest with no NIC, except
//    in a Kubernetes pod (runtime/unikernel/pod.hpp), where the guest is the pod's network
//    endpoint: there, no eth0 is an error;
//  - a second unikernel in the same netns (a pod): refused by runtime/net.
// The netns path is recorded in <state_dir>/netns before the tap is made, so that delete (even
// after a crash) can find and remove exactly our tap.
#include <unistd.h>

#include "runtime/net/net.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/unikernel/network.hpp"
#include "runtime/unikernel/pod.hpp"

namespace ucrun::unikernel {
namespace {

std::string resolv_conf_of(const Spec& spec) {
    const auto& raw = spec.raw;
    if (!raw.contains("mounts") || !raw["mounts"].is_array()) return {};
    for (const auto& m : raw["mounts"]) {
        if (m.value("destination", "") == "/etc/resolv.conf" && m.contains("source") && m["source"].is_string())
            return sys::read_file_if_exists(m["source"].get<std::string>()).value_or("");
    }
    return {};
}

template <typename T>
T user_id(const Spec& spec, const char* key) {
    const auto& raw = spec.raw;
    if (raw.contains("process") && raw["process"].contains("user") && raw["process"]["user"].contains(key) &&
        raw["process"]["user"][key].is_number_integer())
        return raw["process"]["user"][key].get<T>();
    return 0;
}

// Whether the container's process could send forged frames itself: CAP_NET_RAW in any of its
// capability sets (podman 4 leaves it out by default; --cap-add NET_RAW puts it in). Its guest
// gets the same (runtime/net/guard.hpp).
bool holds_net_raw(const Spec& spec) {
    const auto& raw = spec.raw;
    if (!raw.contains("process") || !raw["process"].contains("capabilities")) return false;
    const auto& caps = raw["process"]["capabilities"];
    if (!caps.is_object()) return false;
    for (const auto& [set, list] : caps.items()) {
        (void)set;
        if (!list.is_array()) continue;
        for (const auto& c : list)
            if (c.is_string() && c.get<std::string>() == "CAP_NET_RAW") return true;
    }
    return false;
}

std::string netns_record(const std::string& state_dir) { return state_dir + "/netns"; }

// A netns without eth0: a guest without a NIC (--network none), but an error in a pod.
std::optional<GuestNic> no_nic(const NetworkRequest& req, const std::string& netns) {
    PodMember pod = pod_member(req.spec.annotations);
    if (pod.role == PodRole::container)
        throw sys::Error("the pod's " + netns + " has no eth0 (" + pod.marker +
                         "); a unikernel in a pod takes the pod's eth0 and IPv4 address, so the pod "
                         "network must be set up (CNI) before its containers start");
    return std::nullopt;
}

class TapNetwork : public Network {
public:
    std::optional<GuestNic> attach(const NetworkRequest& req) override {
        auto netns = req.spec.namespace_path("network");
        if (!netns)
            throw sys::Error("container `" + req.id +
                             "`: a unikernel needs its own network namespace (host networking would give the "
                             "guest the host's interface); use a podman network or --network none");
        if (netns->empty()) return no_nic(req, "a fresh network namespace");
        sys::write_file_atomic(netns_record(req.state_dir), *netns + "\n", 0600);
        auto net = net::attach_tap(*netns, net::tap_name_for(req.id), user_id<uid_t>(req.spec, "uid"),
                                   user_id<gid_t>(req.spec, "gid"), resolv_conf_of(req.spec),
                                   holds_net_raw(req.spec));
        if (!net) {
            ::unlink(netns_record(req.state_dir).c_str());
            return no_nic(req, "network namespace " + *netns);
        }
        GuestNic nic;
        nic.tap = net->tap;
        nic.mac = net->mac;
        nic.ip = net->ip;
        nic.prefix = net->prefix;
        nic.gateway = net->gateway;
        nic.dns = net->dns;
        nic.mtu = net->mtu;
        for (const auto& s : net->search) nic.search += (nic.search.empty() ? "" : " ") + s;
        return nic;
    }

    void detach(const std::string& id, const std::string& state_dir) override {
        auto text = sys::read_file_if_exists(netns_record(state_dir));
        if (!text) return;
        std::string netns = *text;
        while (!netns.empty() && (netns.back() == '\n' || netns.back() == ' ')) netns.pop_back();
        net::detach_tap(netns, net::tap_name_for(id));
        ::unlink(netns_record(state_dir).c_str());
    }
};

}  // namespace

std::unique_ptr<Network> default_network() { return std::make_unique<TapNetwork>(); }

}  // namespace ucrun::unikernel
