// The unikernel takes the container's place on the network: a tap inside the container's netns,
// joined to eth0 by tc mirred redirects both ways, and the guest gets eth0's own identity
// (MAC, IPv4 address, prefix, gateway) plus the DNS of the resolv.conf Podman mounts.
//
// Contract for callers (ucrun create/delete):
// - A netns without eth0 (e.g. `podman --network none`) means a guest with no NIC: attach_tap
//   returns nullopt and creates nothing.
// - The host's own netns (`--network host`) is refused: its eth0 would be taken from the host.
// - One unikernel per netns: eth0 can be redirected to one tap only; a second attach in the same
//   netns (a pod with two unikernels) is refused with a clear error.
// - Nothing is recorded outside the netns: detach_tap finds what is ours from the netns itself
//   (the tap's name and a mark on our tc filters), so it also cleans up after a crash.
#pragma once
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace ucrun::net {

struct GuestNet {
    std::string tap;      // the tap in the netns, for `-netdev tap,ifname=<tap>,script=no,downscript=no`
    std::string mac;      // eth0's MAC, "aa:bb:cc:dd:ee:ff": give it to the guest's NIC
    std::string ip;       // eth0's IPv4 address
    int prefix = 0;       // its prefix length
    std::string gateway;  // the IPv4 default gateway; empty when the netns has no default route
    std::vector<std::string> dns;     // IPv4 nameservers, in resolv.conf order
    std::vector<std::string> search;  // search domains
    int mtu = 0;          // eth0's MTU, also set on the tap (QEMU: virtio-net-pci,host_mtu=<mtu>)
};

// "uk" + 12 hex digits of a 64-bit FNV-1a hash of the id: 14 chars, within IFNAMSIZ - 1.
std::string tap_name_for(const std::string& container_id);

// Appends resolv.conf's IPv4 nameservers to out.dns and sets out.search from the last
// `search` or `domain` line. IPv6 nameservers are skipped: the guest only gets IPv4. Pure.
void parse_resolv_conf(const std::string& text, GuestNet& out);

// In the netns at netns_path: if it has no eth0, returns nullopt and creates nothing. Otherwise
// reads eth0's MAC, MTU, IPv4 address/prefix and the default gateway, creates a persistent tap
// `tap` owned by uid:gid (so a VMM running as uid or in gid opens it without CAP_NET_ADMIN),
// sets it up with eth0's MTU, adds ingress qdiscs on eth0 and the tap, a u32 match-all mirred
// egress redirect eth0 -> tap and the tap -> eth0 filters of guard.hpp (every frame when
// `guest_may_send_raw`, the container holding CAP_NET_RAW; else only the guest's own IPv4 and
// ARP), and returns the config (dns/search from resolv_conf_text).
// Throws a one-line sys::Error naming the netns and the problem; on failure it removes whatever
// it created.
std::optional<GuestNet> attach_tap(const std::string& netns_path, const std::string& tap, uid_t uid,
                                   gid_t gid, const std::string& resolv_conf_text, bool guest_may_send_raw);

// Removes exactly our tap and the filters we added to eth0, and eth0's ingress qdisc only if we
// created it and no other filter uses it. Idempotent; a netns that is already gone is fine.
// Never touches other interfaces.
void detach_tap(const std::string& netns_path, const std::string& tap);

}  // namespace ucrun::net
