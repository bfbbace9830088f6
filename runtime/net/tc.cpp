#include "runtime/net/tc.hpp"

#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/tc_act/tc_gact.h>
#include <linux/tc_act/tc_mirred.h>
#include <arpa/inet.h>

#include <cerrno>
#include <cstring>

#include "runtime/sys/error.hpp"

namespace ucrun::net {
namespace {

// Filters go to the ingress hook's block; this parent works for both `ingress` and `clsact`.
constexpr std::uint32_t kIngressParent = TC_H_MAKE(TC_H_CLSACT, TC_H_MIN_INGRESS);
constexpr std::uint32_t kIngressHandle = TC_H_MAKE(TC_H_INGRESS, 0);

tcmsg tc_header(int ifindex, std::uint32_t parent, std::uint32_t handle, std::uint32_t info) {
    tcmsg t{};
    t.tcm_family = AF_UNSPEC;
    t.tcm_ifindex = ifindex;
    t.tcm_parent = parent;
    t.tcm_handle = handle;
    t.tcm_info = info;
    return t;
}

std::uint32_t filter_info(std::uint16_t pref, std::uint16_t protocol = ETH_P_ALL) {
    return TC_H_MAKE(static_cast<std::uint32_t>(pref) << 16, htons(protocol));
}

}  // namespace

bool add_ingress_qdisc(nl::Socket& sock, int ifindex, const std::string& ifname) {
    nl::Message msg(RTM_NEWQDISC, NLM_F_CREATE | NLM_F_EXCL);
    msg.put_header(tc_header(ifindex, TC_H_INGRESS, kIngressHandle, 0));
    msg.put_string(TCA_KIND, "ingress");
    nl::Result r = sock.transact(msg);
    if (r.error == EEXIST) return false;
    if (r.error) throw sys::Error("add ingress qdisc to " + ifname + ": " + r.describe());
    return true;
}

std::optional<std::string> ingress_qdisc_kind(nl::Socket& sock, int ifindex, const std::string& ifname) {
    nl::Message msg(RTM_GETQDISC, NLM_F_DUMP);
    msg.put_header(tc_header(ifindex, 0, 0, 0));
    nl::Result r = sock.transact(msg);
    if (r.error) throw sys::Error("list qdiscs of " + ifname + ": " + r.describe());
    for (const auto& reply : r.replies) {
        auto h = reply.header<tcmsg>();
        if (reply.type != RTM_NEWQDISC || h.tcm_ifindex != ifindex) continue;
        if (h.tcm_parent != TC_H_INGRESS) continue;
        auto attrs = nl::parse_attrs(reply.attrs_after(sizeof(tcmsg)));
        if (attrs.count(TCA_KIND)) return nl::attr_string(attrs[TCA_KIND]);
    }
    return std::nullopt;
}

void delete_ingress_qdisc(nl::Socket& sock, int ifindex, const std::string& ifname) {
    nl::Message msg(RTM_DELQDISC, 0);
    msg.put_header(tc_header(ifindex, TC_H_INGRESS, kIngressHandle, 0));
    nl::Result r = sock.transact(msg);
    if (r.error == ENOENT || r.error == EINVAL || r.error == ENODEV) return;  // already gone
    if (r.error) throw sys::Error("delete ingress qdisc of " + ifname + ": " + r.describe());
}

nl::Message u32_filter_message(int from_ifindex, const U32Filter& f) {
    nl::Message msg(RTM_NEWTFILTER, NLM_F_CREATE | NLM_F_EXCL);
    msg.put_header(tc_header(from_ifindex, kIngressParent, 0, filter_info(f.pref, f.protocol)));
    msg.put_string(TCA_KIND, "u32");
    std::size_t options = msg.begin_nested(TCA_OPTIONS);
    {
        // tc_u32_sel ends in a flexible array of keys: lay them out right after it. No keys is
        // tc's `match u8 0 0`: one key with mask 0, which every frame matches.
        std::vector<U32Key> keys = f.keys.empty() ? std::vector<U32Key>{U32Key{}} : f.keys;
        std::vector<std::uint8_t> sel_bytes(sizeof(tc_u32_sel) + keys.size() * sizeof(tc_u32_key));
        tc_u32_sel sel{};
        sel.flags = TC_U32_TERMINAL;
        sel.nkeys = static_cast<unsigned char>(keys.size());
        std::memcpy(sel_bytes.data(), &sel, sizeof sel);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            tc_u32_key key{};
            key.val = htonl(keys[i].value & keys[i].mask);
            key.mask = htonl(keys[i].mask);
            key.off = keys[i].offset;
            std::memcpy(sel_bytes.data() + sizeof sel + i * sizeof key, &key, sizeof key);
        }
        msg.put_attr(TCA_U32_SEL, sel_bytes.data(), sel_bytes.size());

        std::size_t actions = msg.begin_nested(TCA_U32_ACT);
        std::size_t first = msg.begin_nested(1);  // actions are numbered from 1, in order
        std::size_t act_options;
        if (f.redirect_ifindex != 0) {
            msg.put_string(TCA_ACT_KIND, "mirred");
            act_options = msg.begin_nested(TCA_ACT_OPTIONS);
            tc_mirred parms{};
            parms.action = TC_ACT_STOLEN;
            parms.eaction = TCA_EGRESS_REDIR;
            parms.ifindex = static_cast<std::uint32_t>(f.redirect_ifindex);
            msg.put_attr(TCA_MIRRED_PARMS, &parms, sizeof parms);
        } else {
            msg.put_string(TCA_ACT_KIND, "gact");
            act_options = msg.begin_nested(TCA_ACT_OPTIONS);
            tc_gact parms{};
            parms.action = TC_ACT_SHOT;
            msg.put_attr(TCA_GACT_PARMS, &parms, sizeof parms);
        }
        msg.end_nested(act_options);
        if (!f.cookie.empty()) msg.put_attr(TCA_ACT_COOKIE, f.cookie.data(), f.cookie.size());
        msg.end_nested(first);
        msg.end_nested(actions);
    }
    msg.end_nested(options);
    return msg;
}

nl::Message redirect_filter_message(int from_ifindex, int to_ifindex, std::uint16_t pref,
                                    const std::string& cookie) {
    return u32_filter_message(from_ifindex, U32Filter{pref, ETH_P_ALL, {}, to_ifindex, cookie});
}

void add_u32_filter(nl::Socket& sock, int from_ifindex, const std::string& from_name, const U32Filter& f) {
    nl::Message msg = u32_filter_message(from_ifindex, f);
    nl::Result r = sock.transact(msg);
    if (f.redirect_ifindex == 0 && (r.error == ENOENT || r.error == EOPNOTSUPP)) {
        // A kernel without act_gact (CONFIG_NET_ACT_GACT unset, as on some cloud kernels): the
        // frame goes back to where it came from instead, the only receiver that sent it anyway.
        U32Filter reflect = f;
        reflect.redirect_ifindex = from_ifindex;
        nl::Message again = u32_filter_message(from_ifindex, reflect);
        r = sock.transact(again);
    }
    if (r.error)
        throw sys::Error("add u32 filter (pref " + std::to_string(f.pref) + ") on " + from_name + ": " + r.describe());
}

IngressFilter parse_filter(const nl::Reply& reply) {
    IngressFilter f;
    auto h = reply.header<tcmsg>();
    f.pref = static_cast<std::uint16_t>(TC_H_MAJ(h.tcm_info) >> 16);
    auto attrs = nl::parse_attrs(reply.attrs_after(sizeof(tcmsg)));
    if (attrs.count(TCA_KIND)) f.kind = nl::attr_string(attrs[TCA_KIND]);
    if (f.kind != "u32" || !attrs.count(TCA_OPTIONS)) return f;
    auto options = nl::parse_attrs(attrs[TCA_OPTIONS]);
    if (!options.count(TCA_U32_ACT)) return f;
    auto actions = nl::parse_attrs(options[TCA_U32_ACT]);
    if (actions.empty()) return f;
    f.has_action = true;
    auto first = nl::parse_attrs(actions.begin()->second);
    if (first.count(TCA_ACT_COOKIE)) {
        nl::Bytes c = first[TCA_ACT_COOKIE];
        f.cookie = std::string(c.begin(), c.end());
    }
    if (first.count(TCA_ACT_KIND) && nl::attr_string(first[TCA_ACT_KIND]) == "mirred" &&
        first.count(TCA_ACT_OPTIONS)) {
        auto mirred = nl::parse_attrs(first[TCA_ACT_OPTIONS]);
        if (mirred.count(TCA_MIRRED_PARMS) && mirred[TCA_MIRRED_PARMS].size() >= sizeof(tc_mirred)) {
            tc_mirred parms;
            std::memcpy(&parms, mirred[TCA_MIRRED_PARMS].data(), sizeof parms);
            f.redirect_ifindex = static_cast<int>(parms.ifindex);
        }
    }
    return f;
}

void add_redirect_filter(nl::Socket& sock, int from_ifindex, const std::string& from_name,
                         int to_ifindex, const std::string& to_name, std::uint16_t pref,
                         const std::string& cookie) {
    nl::Message msg = redirect_filter_message(from_ifindex, to_ifindex, pref, cookie);
    nl::Result r = sock.transact(msg);
    if (r.error)
        throw sys::Error("add mirred redirect filter " + from_name + " -> " + to_name + ": " +
                         r.describe());
}

std::vector<IngressFilter> ingress_filters(nl::Socket& sock, int ifindex, const std::string& ifname) {
    nl::Message msg(RTM_GETTFILTER, NLM_F_DUMP);
    msg.put_header(tc_header(ifindex, kIngressParent, 0, 0));
    nl::Result r = sock.transact(msg);
    if (r.error == EINVAL || r.error == ENOENT) return {};  // no ingress qdisc
    if (r.error) throw sys::Error("list ingress filters of " + ifname + ": " + r.describe());
    std::vector<IngressFilter> out;
    for (const auto& reply : r.replies)
        if (reply.type == RTM_NEWTFILTER) out.push_back(parse_filter(reply));
    return out;
}

bool delete_ingress_filters(nl::Socket& sock, int ifindex, const std::string& ifname, std::uint16_t pref) {
    nl::Message msg(RTM_DELTFILTER, 0);
    msg.put_header(tc_header(ifindex, kIngressParent, 0, filter_info(pref)));
    nl::Result r = sock.transact(msg);
    if (r.error == ENOENT || r.error == EINVAL) return false;
    if (r.error)
        throw sys::Error("delete ingress filters (pref " + std::to_string(pref) + ") of " + ifname +
                         ": " + r.describe());
    return true;
}

}  // namespace ucrun::net
