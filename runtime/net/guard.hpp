// What a guest may send (docs/networking.md, "What a guest may send"). The guest's frames enter
// the netns at the tap's ingress and are redirected to eth0. A container without CAP_NET_RAW
// cannot forge a frame, so neither may its guest: then only IPv4 from the container's own MAC and
// address, and ARP whose sender is that MAC and address, are redirected; every other frame
// (another source MAC or IP, other ethertypes, VLAN tags, IPv6) is dropped (or, on a kernel
// without act_gact, sent back to the guest: tc.hpp add_u32_filter). With CAP_NET_RAW the
// guest gets what the container would: every frame. Pure, tested as data.
#pragma once
#include <string>
#include <vector>

#include "runtime/net/tc.hpp"

namespace ucrun::net {

// The tap's ingress filters, in preference order; `mac` is "aa:bb:cc:dd:ee:ff", `ip` a dotted
// quad. Throws sys::Error on a malformed mac or ip.
std::vector<U32Filter> guest_to_eth0_filters(bool may_send_raw, const std::string& mac, const std::string& ip,
                                             int eth0_ifindex, const std::string& cookie);

}  // namespace ucrun::net
