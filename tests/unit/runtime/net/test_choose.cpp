#include <catch2/catch.hpp>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

#include "runtime/net/choose.hpp"

using namespace ucrun::net;

TEST_CASE("the guest takes eth0's global primary IPv4 address", "[net][choose]") {
    std::vector<Ipv4Address> addrs = {
        {"169.254.1.2", 16, 0, RT_SCOPE_LINK},
        {"10.89.70.9", 20, IFA_F_SECONDARY, RT_SCOPE_UNIVERSE},
        {"10.89.70.5", 20, IFA_F_PERMANENT, RT_SCOPE_UNIVERSE},
    };
    auto a = choose_address(addrs);
    REQUIRE(a);
    CHECK(a->ip == "10.89.70.5");
    CHECK(a->prefix == 20);

    auto secondary_only = choose_address({addrs[0], addrs[1]});
    REQUIRE(secondary_only);
    CHECK(secondary_only->ip == "10.89.70.9");
    CHECK_FALSE(choose_address({addrs[0]}));
    CHECK_FALSE(choose_address({}));
}

TEST_CASE("the gateway is the main table's default route, eth0's first, lowest metric", "[net][choose]") {
    auto route = [](int dst_len, std::uint32_t table, std::string gw, int oif, std::uint32_t prio) {
        Ipv4Route r;
        r.dst_len = dst_len;
        r.table = table;
        r.type = RTN_UNICAST;
        r.gateway = std::move(gw);
        r.oif = oif;
        r.priority = prio;
        return r;
    };
    const int eth0 = 2;
    std::vector<Ipv4Route> routes = {
        route(20, RT_TABLE_MAIN, "", eth0, 0),                  // the subnet
        route(0, RT_TABLE_LOCAL, "10.0.0.1", eth0, 0),          // not main
        route(0, RT_TABLE_MAIN, "10.89.64.1", eth0, 100),
        route(0, RT_TABLE_MAIN, "192.168.1.1", 7, 10),          // other interface
        route(0, RT_TABLE_MAIN, "10.89.64.254", eth0, 50),
    };
    CHECK(choose_gateway(routes, eth0) == "10.89.64.254");
    CHECK(choose_gateway({routes[0], routes[3]}, eth0) == "192.168.1.1");
    CHECK(choose_gateway({routes[0], routes[1]}, eth0).empty());  // e.g. an --internal network
    Ipv4Route blackhole = route(0, RT_TABLE_MAIN, "10.1.1.1", eth0, 0);
    blackhole.type = RTN_BLACKHOLE;
    CHECK(choose_gateway({blackhole}, eth0).empty());
}
