// Small pieces the key descriptions are written with: typed readers into a Service member and
// their `config` twin out of it (the podman argument writers: orchestrator/podman/key_args_helpers.hpp).
#pragma once
#include <string>

#include "orchestrator/model/json_put.hpp"
#include "orchestrator/model/keys/kube_meaning.hpp"
#include "orchestrator/model/keys/service_key.hpp"
#include "orchestrator/model/read_value.hpp"

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

// ByteSizes of a key whose value is one byte size (mem_limit, shm_size, ...).
inline void whole_bytes(nlohmann::json& v) {
    if (v.is_number_integer()) v = std::to_string(v.get<int64_t>());
}

// A spec key ucompose does not carry yet: it warns and is ignored (by `convert` too).
inline ServiceKey not_yet(std::string_view name, Normalizer normalize = nullptr) {
    return ServiceKey{.name = name, .support = Support::NotYet, .normalize = normalize, .kube = kube_not_applicable()};
}

}  // namespace ucompose::keys
