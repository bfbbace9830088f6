// The pieces `config`'s JSON is written with (serialize.cpp and each key's `emit`, keys/): a
// model value as JSON when it is set, nothing when it is not.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "orchestrator/model/model.hpp"
#include "orchestrator/model/units.hpp"

namespace ucompose {

// The value's JSON, or null when it is not set: an empty optional, list or mapping, a false
// flag. A duration is written as compose writes it ("1m30s"); a key without a value as null.
inline nlohmann::json if_set(bool v) { return v ? nlohmann::json(true) : nlohmann::json(); }
inline nlohmann::json if_set(const std::optional<Duration>& d) {
    return d ? nlohmann::json(format_duration(*d)) : nlohmann::json();
}
inline nlohmann::json if_set(const std::vector<std::string>& v) { return v.empty() ? nlohmann::json() : nlohmann::json(v); }
inline nlohmann::json if_set(const std::map<std::string, std::string>& v) {
    return v.empty() ? nlohmann::json() : nlohmann::json(v);
}
inline nlohmann::json if_set(const std::map<std::string, std::optional<std::string>>& v) {
    if (v.empty()) return nullptr;
    nlohmann::json o = nlohmann::json::object();
    for (const auto& [k, x] : v) o[k] = x ? nlohmann::json(*x) : nlohmann::json(nullptr);
    return o;
}
template <class T>
nlohmann::json if_set(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json();
}

// o[key] = the value, when it is set.
template <class T>
void put(nlohmann::json& o, const char* key, const T& v) {
    if (nlohmann::json j = if_set(v); !j.is_null()) o[key] = std::move(j);
}

}  // namespace ucompose
