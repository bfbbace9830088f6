// Test driver for ucrun::net (tests/system/test_net_tap.sh). Not installed.
//   net_driver tap-name ID
//   net_driver attach NETNS_PATH TAP UID GID RESOLV_CONF_FILE   -> key=value lines, or "none"
//   net_driver detach NETNS_PATH TAP
//   net_driver fake-guest TAP MAC IP    (inside the netns: answer one ARP request through the tap)
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "runtime/net/net.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "tests/net/fake_guest.hpp"

namespace {

int usage() {
    std::cerr << "usage: net_driver tap-name ID | attach NETNS TAP UID GID RESOLV_CONF [raw] | detach NETNS TAP | fake-guest TAP MAC IP | claim-ip TAP MAC IP COUNT\n";
    return 2;
}

int run(const std::vector<std::string>& a) {
    using namespace ucrun::net;
    if (a.size() == 2 && a[0] == "tap-name") {
        std::cout << tap_name_for(a[1]) << "\n";
    } else if ((a.size() == 6 || (a.size() == 7 && a[6] == "raw")) && a[0] == "attach") {
        // "raw": a guest whose container holds CAP_NET_RAW (every frame passes).
        auto g = attach_tap(a[1], a[2], static_cast<uid_t>(std::stoul(a[3])),
                            static_cast<gid_t>(std::stoul(a[4])), sys::read_file(a[5]), a.size() == 7);
        if (!g) {
            std::cout << "none\n";
            return 0;
        }
        std::cout << "tap=" << g->tap << "\nmac=" << g->mac << "\nip=" << g->ip << "\nprefix=" << g->prefix
                  << "\ngw=" << g->gateway << "\nmtu=" << g->mtu << "\n";
        for (const auto& d : g->dns) std::cout << "dns=" << d << "\n";
        for (const auto& s : g->search) std::cout << "search=" << s << "\n";
    } else if (a.size() == 3 && a[0] == "detach") {
        detach_tap(a[1], a[2]);
    } else if (a.size() == 4 && a[0] == "fake-guest") {
        return fake_guest_answer_arp(a[1], a[2], a[3]);
    } else if (a.size() == 5 && a[0] == "claim-ip") {
        return fake_guest_claim_ip(a[1], a[2], a[3], std::stoi(a[4]));
    } else {
        return usage();
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& e) {
        std::cerr << "net_driver: error: " << e.what() << "\n";
        return 1;
    }
}
