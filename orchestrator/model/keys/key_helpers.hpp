// Small pieces the key descriptions are written with: typed readers into a Service member, their
// `config` twin out of it and podman argument writers for the common shapes (a flag per item, a
// flag with a value, ...).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/model/json_put.hpp"
#include "orchestrator/model/keys/kube_meaning.hpp"
#include "orchestrator/model/keys/service_key.hpp"
#include "orchestrator/model/read_value.hpp"
#include "orchestrator/podman/container_args.hpp"

namespace ucompose::keys {

void need_map(const Value& v, const std::string& path);

// Reads the value with `read(value, path)` into `member` (read_string, read_string_list, ...).
template <class M, class F>
Reader into(M Service::*member, F read) {
    return [member, read](const Value& v, const KeyRead& r, Service& s) { s.*member = read(v, r.path()); };
}

// `config` writes the member as it is, when it is set (if_set: json_put.hpp).
template <class M>
Emitter from(M Service::*member) {
    return [member](const Service& s, nlohmann::json& out) { out = if_set(s.*member); };
}

inline void add(sys::Argv& a, const std::string& flag, const std::string& value) {
    a.push_back(flag);
    a.push_back(value);
}

// `flag item` for each item of a list.
inline ArgvWriter each(const char* flag, std::vector<std::string> Service::*member) {
    return [flag, member](const Service& s, const ContainerSpec&, sys::Argv& a) {
        for (const auto& x : s.*member) add(a, flag, x);
    };
}

// `flag KEY=VALUE` for each entry of a mapping.
inline ArgvWriter pairs(const char* flag, std::map<std::string, std::string> Service::*member) {
    return [flag, member](const Service& s, const ContainerSpec&, sys::Argv& a) {
        for (const auto& [k, v] : s.*member) add(a, flag, k + "=" + v);
    };
}

// `flag value` when set.
inline ArgvWriter value(const char* flag, std::optional<std::string> Service::*member) {
    return [flag, member](const Service& s, const ContainerSpec&, sys::Argv& a) {
        if (s.*member) add(a, flag, *(s.*member));
    };
}

// `flag` alone when true.
inline ArgvWriter when(const char* flag, bool Service::*member) {
    return [flag, member](const Service& s, const ContainerSpec&, sys::Argv& a) {
        if (s.*member) a.push_back(flag);
    };
}

// A spec key ucompose does not carry yet: it warns and is ignored (by `convert` too).
inline ServiceKey not_yet(std::string_view name, Normalizer normalize = nullptr) {
    return ServiceKey{.name = name, .support = Support::NotYet, .normalize = normalize, .kube = kube_not_applicable()};
}

}  // namespace ucompose::keys
