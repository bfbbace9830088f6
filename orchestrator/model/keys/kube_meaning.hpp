// The Kubernetes meanings a key entry is written with (KubeMeaning, service_key.hpp):
// converted, not applicable, or warned about when set (or when a check of its own holds).
#pragma once
#include <optional>
#include <string_view>

#include "orchestrator/model/keys/service_key.hpp"

namespace ucompose::keys {

inline KubeMeaning kube_converted() { return {.use = KubeUse::Converted}; }
inline KubeMeaning kube_not_applicable() { return {.use = KubeUse::NotApplicable}; }

// Warned when `check` holds; `order` places the warning among the service's others.
inline KubeMeaning kube_warned(int order, KubeCheck check, std::string_view reason) {
    return {.use = KubeUse::Warned, .warn_when = std::move(check), .reason = reason, .order = order};
}

// A member is set: an optional with a value, a non-empty container, a true bool.
template <class T>
bool is_set(const std::optional<T>& v) { return v.has_value(); }
inline bool is_set(bool b) { return b; }
template <class C>
    requires requires(const C& c) { c.empty(); }
bool is_set(const C& c) { return !c.empty(); }

// Warned whenever the member is set.
template <class M>
KubeMeaning kube_warned_if_set(int order, M Service::*member, std::string_view reason) {
    return kube_warned(order, [member](const Service& s, bool) { return is_set(s.*member); }, reason);
}

}  // namespace ucompose::keys
