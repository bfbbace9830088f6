// What a guest may send (runtime/net/guard.cpp), and the u32 messages that enforce it (tc.cpp).
#include <catch2/catch.hpp>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <linux/rtnetlink.h>
#include <linux/tc_act/tc_gact.h>
#include <arpa/inet.h>

#include <cstring>

#include "runtime/net/guard.hpp"
#include "runtime/net/ownership.hpp"
#include "tests/unit/error_of.hpp"

using namespace ucrun::net;

TEST_CASE("guest_to_eth0_filters: with CAP_NET_RAW every frame passes", "[net][guard]") {
    auto f = guest_to_eth0_filters(true, "02:00:0a:59:46:05", "10.89.70.5", 7, "Q");
    CHECK(f == std::vector<U32Filter>{{kFilterPref, ETH_P_ALL, {}, 7, "Q"}});
}

TEST_CASE("guest_to_eth0_filters: without it, only the guest's own IPv4 and ARP", "[net][guard]") {
    auto f = guest_to_eth0_filters(false, "02:00:0a:59:46:05", "10.89.70.5", 7, "Q");
    const U32Key mac_hi{0x02000a59, 0xffffffff, -8}, mac_lo{0x46050000, 0xffff0000, -4};
    std::vector<U32Filter> want = {
        {kFilterPref - 2, ETH_P_IP, {mac_hi, mac_lo, {0x0a594605, 0xffffffff, 12}}, 7, "Q"},
        {kFilterPref - 1, ETH_P_ARP,
         {mac_hi, mac_lo, {0x02000a59, 0xffffffff, 8}, {0x46050a59, 0xffffffff, 12}, {0x46050000, 0xffff0000, 16}}, 7, "Q"},
        {kFilterPref, ETH_P_ALL, {}, 0, "Q"},   // the rest: dropped
    };
    CHECK(f == want);
    CHECK(error_of([] { guest_to_eth0_filters(false, "02:00", "10.0.0.1", 7, ""); }) ==
          "guest MAC \"02:00\": not aa:bb:cc:dd:ee:ff");
    CHECK(error_of([] { guest_to_eth0_filters(false, "02:00:0a:59:46:05", "10.0.0", 7, ""); }) ==
          "guest IPv4 address \"10.0.0\": not a dotted quad");
}

TEST_CASE("u32_filter_message: keys in network order, the protocol, a gact drop", "[net][tc]") {
    U32Filter f{100, ETH_P_ARP, {{0x02000a59, 0xffffffff, -8}, {0x46050000, 0xffff0000, -4}}, 0, ""};
    auto messages = nl::split_messages(u32_filter_message(3, f).bytes());
    REQUIRE(messages.size() == 1);
    auto t = messages[0].header<tcmsg>();
    CHECK(t.tcm_info == ((std::uint32_t{100} << 16) | htons(ETH_P_ARP)));
    auto attrs = nl::parse_attrs(messages[0].attrs_after(sizeof(tcmsg)));
    auto opts = nl::parse_attrs(attrs.at(TCA_OPTIONS));
    nl::Bytes sel = opts.at(TCA_U32_SEL);
    REQUIRE(sel.size() == sizeof(tc_u32_sel) + 2 * sizeof(tc_u32_key));
    tc_u32_sel s;
    std::memcpy(&s, sel.data(), sizeof s);
    CHECK(s.nkeys == 2);
    tc_u32_key k[2];
    std::memcpy(k, sel.data() + sizeof s, sizeof k);
    CHECK(k[0].val == htonl(0x02000a59));
    CHECK(k[0].mask == 0xffffffff);
    CHECK(k[0].off == -8);
    CHECK(k[1].val == htonl(0x46050000));
    CHECK(k[1].mask == htonl(0xffff0000));
    CHECK(k[1].off == -4);
    auto action = nl::parse_attrs(nl::parse_attrs(opts.at(TCA_U32_ACT)).at(1));
    CHECK(nl::attr_string(action.at(TCA_ACT_KIND)) == "gact");
    tc_gact g;
    std::memcpy(&g, nl::parse_attrs(action.at(TCA_ACT_OPTIONS)).at(TCA_GACT_PARMS).data(), sizeof g);
    CHECK(g.action == TC_ACT_SHOT);
}
