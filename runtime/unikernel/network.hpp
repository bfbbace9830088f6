// The seam between the unikernel runtime and the guest networking of runtime/net/ (issue 3).
//
// prepare() calls attach() once, after the guest's files are resolved and before the QEMU argv is
// built; cleanup() calls detach() (also after a crash, so it must be idempotent and touch only
// what attach made). attach() returns the NIC the guest gets, or nullopt for no NIC
// (--network none). QEMU then gets
//   -netdev tap,id=n0,ifname=<tap>,script=no,downscript=no
//   -device virtio-net-pci,netdev=n0,mac=<mac>,romfile=
// and the guest its config: /ucrun/net for linux guests, netdev.ip= on the cmdline for
// multiboot guests (docs/guest-contract.md). QEMU opens the tap by name inside the container's
// netns through /dev/net/tun (added to the derived bundle), without CAP_NET_ADMIN, so the tap
// must be owned by the container's process uid/gid (0 unless --user).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/oci/spec.hpp"

namespace ucrun::unikernel {

struct GuestNic {
    std::string tap;                 // tap name in the container's netns
    std::string mac;                 // eth0's MAC, "52:54:00:12:34:56"
    std::string ip;                  // IPv4 dotted quad; "" = the guest configures nothing
    int prefix = 0;
    std::string gateway;             // "" = no default route
    std::vector<std::string> dns;    // nameservers from the container's resolv.conf
    std::string search;              // search domains, space separated
    int mtu = 0;                     // eth0's MTU (0 = unknown): virtio-net host_mtu
};

struct NetworkRequest {
    const Spec& spec;        // the container's config.json (netns path, hostname, mounts)
    std::string id;          // container id
    std::string state_dir;   // <root>/containers/<id>: to remember what was made
};

class Network {
public:
    virtual ~Network() = default;
    virtual std::optional<GuestNic> attach(const NetworkRequest& req) = 0;
    virtual void detach(const std::string& id, const std::string& state_dir) = 0;
};

// The implementation ucrun uses (network_default.cpp). Until runtime/net/ provides one, guests
// get no NIC.
std::unique_ptr<Network> default_network();

}  // namespace ucrun::unikernel
