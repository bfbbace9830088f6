#include "runtime/net/ownership.hpp"

#include <algorithm>

namespace ucrun::net {

std::string encode_mark(const FilterMark& mark) {
    return std::string(1, mark.created_qdisc ? 'Q' : 'F') + mark.tap;
}

std::optional<FilterMark> decode_mark(const std::string& cookie) {
    if (cookie.size() < 2 || (cookie[0] != 'Q' && cookie[0] != 'F')) return std::nullopt;
    return FilterMark{cookie[0] == 'Q', cookie.substr(1)};
}

DetachPlan plan_detach(const std::vector<IngressFilter>& eth0_filters, const std::string& tap) {
    bool ours_at_pref = false, foreign_at_pref = false, created_qdisc = false;
    for (const auto& f : eth0_filters) {
        if (f.pref != kFilterPref || !f.has_action) continue;
        auto mark = f.cookie ? decode_mark(*f.cookie) : std::nullopt;
        if (mark && mark->tap == tap) {
            ours_at_pref = true;
            created_qdisc = created_qdisc || mark->created_qdisc;
        } else {
            foreign_at_pref = true;
        }
    }
    DetachPlan plan;
    if (!ours_at_pref || foreign_at_pref) return plan;
    plan.delete_prefs.push_back(kFilterPref);
    bool others_remain = std::any_of(eth0_filters.begin(), eth0_filters.end(),
                                     [](const IngressFilter& f) { return f.pref != kFilterPref; });
    plan.delete_qdisc = created_qdisc && !others_remain;
    return plan;
}

std::optional<std::string> redirected_to(const std::vector<IngressFilter>& eth0_filters) {
    for (const auto& f : eth0_filters) {
        if (f.pref != kFilterPref || !f.has_action) continue;
        auto mark = f.cookie ? decode_mark(*f.cookie) : std::nullopt;
        return mark ? mark->tap : std::string("(unknown)");
    }
    return std::nullopt;
}

}  // namespace ucrun::net
