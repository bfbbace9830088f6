// How ucrun marks the tc filters it adds to eth0, and decides from a filter dump which of them
// (and whether the ingress qdisc) detach may remove. Pure: tested as data.
//
// The mark is the mirred action's cookie (at most 16 bytes): one byte saying whether we created
// eth0's ingress qdisc ('Q') or found one there ('F'), then the tap's name (at most 15 bytes).
// Our filters also sit at one fixed preference, kFilterPref. Nothing else is recorded: the
// netns itself says what is ours, so a crash between attach and detach loses nothing.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/net/tc.hpp"

namespace ucrun::net {

inline constexpr std::uint16_t kFilterPref = 0x7563;  // "uc"

struct FilterMark {
    bool created_qdisc = false;
    std::string tap;
};

std::string encode_mark(const FilterMark& mark);
std::optional<FilterMark> decode_mark(const std::string& cookie);

struct DetachPlan {
    std::vector<std::uint16_t> delete_prefs;  // filter preferences to delete on eth0's ingress
    bool delete_qdisc = false;                // we created the qdisc and nothing else uses it
};

// Which of eth0's ingress filters belong to `tap`: the ones at kFilterPref whose actions all
// carry our mark for `tap`. The qdisc goes only if our mark says we created it and no other
// filter would remain on it.
DetachPlan plan_detach(const std::vector<IngressFilter>& eth0_filters, const std::string& tap);

// The tap another unikernel already redirects eth0 to, if any (attach refuses then).
std::optional<std::string> redirected_to(const std::vector<IngressFilter>& eth0_filters);

}  // namespace ucrun::net
