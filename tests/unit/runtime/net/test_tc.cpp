#include <catch2/catch.hpp>
#include <linux/if_ether.h>
#include <linux/netlink.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/tc_act/tc_mirred.h>
#include <arpa/inet.h>

#include <cstring>

#include "runtime/net/ownership.hpp"
#include "runtime/net/tc.hpp"

using namespace ucrun::net;

TEST_CASE("the redirect filter message is tc's u32 match-all + mirred egress redirect", "[net][tc]") {
    nl::Message msg = redirect_filter_message(2, 9, kFilterPref, "Quk1");
    CHECK(msg.is_dump() == false);
    auto messages = nl::split_messages(msg.bytes());
    REQUIRE(messages.size() == 1);
    const nl::Reply& m = messages[0];
    CHECK(m.type == RTM_NEWTFILTER);

    auto t = m.header<tcmsg>();
    CHECK(t.tcm_ifindex == 2);
    CHECK(t.tcm_parent == 0xfffffff2);  // ingress hook, valid for ingress and clsact qdiscs
    CHECK(t.tcm_info == ((std::uint32_t{kFilterPref} << 16) | htons(ETH_P_ALL)));

    auto attrs = nl::parse_attrs(m.attrs_after(sizeof(tcmsg)));
    CHECK(nl::attr_string(attrs.at(TCA_KIND)) == "u32");
    auto opts = nl::parse_attrs(attrs.at(TCA_OPTIONS));
    nl::Bytes sel = opts.at(TCA_U32_SEL);
    REQUIRE(sel.size() == sizeof(tc_u32_sel) + sizeof(tc_u32_key));
    tc_u32_sel s;
    std::memcpy(&s, sel.data(), sizeof s);
    CHECK(s.nkeys == 1);
    CHECK(s.flags == TC_U32_TERMINAL);
    tc_u32_key k;
    std::memcpy(&k, sel.data() + sizeof s, sizeof k);
    CHECK(k.mask == 0);  // matches every frame
    CHECK(k.val == 0);

    // Parsing our own message back gives what a dump of it gives.
    IngressFilter f = parse_filter(m);
    CHECK(f.pref == kFilterPref);
    CHECK(f.kind == "u32");
    CHECK(f.has_action);
    CHECK(f.cookie == std::optional<std::string>("Quk1"));
    CHECK(f.redirect_ifindex == 9);

    auto action = nl::parse_attrs(nl::parse_attrs(opts.at(TCA_U32_ACT)).at(1));
    CHECK(nl::attr_string(action.at(TCA_ACT_KIND)) == "mirred");
    tc_mirred p;
    std::memcpy(&p, nl::parse_attrs(action.at(TCA_ACT_OPTIONS)).at(TCA_MIRRED_PARMS).data(), sizeof p);
    CHECK(p.action == TC_ACT_STOLEN);
    CHECK(p.eaction == TCA_EGRESS_REDIR);
}

TEST_CASE("netlink framing: nested lengths, alignment, dump detection", "[net][netlink]") {
    nl::Message m(RTM_GETLINK, NLM_F_DUMP);
    CHECK(m.is_dump());
    nl::Message create(RTM_NEWQDISC, NLM_F_CREATE | NLM_F_EXCL);  // shares bits with NLM_F_DUMP
    CHECK_FALSE(create.is_dump());

    nl::Message n(RTM_NEWLINK, 0);
    n.put_header(ifinfomsg{});
    std::size_t outer = n.begin_nested(IFLA_LINKINFO);
    n.put_string(IFLA_INFO_KIND, "tun");  // 4 bytes with NUL: no padding
    n.put_string(1000, "x");               // 2 bytes, padded to 4
    n.end_nested(outer);
    n.put_u32(IFLA_MTU, 1400);
    const auto& b = n.bytes();
    CHECK(b.size() % 4 == 0);
    auto msgs = nl::split_messages(b);
    REQUIRE(msgs.size() == 1);
    auto attrs = nl::parse_attrs(msgs[0].attrs_after(sizeof(ifinfomsg)));
    CHECK(nl::attr_u32(attrs.at(IFLA_MTU)) == 1400);
    auto info = nl::parse_attrs(attrs.at(IFLA_LINKINFO));  // the NLA_F_NESTED bit is masked off
    CHECK(nl::attr_string(info.at(IFLA_INFO_KIND)) == "tun");
    CHECK(nl::attr_string(info.at(1000)) == "x");
    CHECK(nl::parse_attrs({}).empty());
}
