// The keys passed to podman as they are (cpu_shares -> --cpu-shares, ...): one entry each (read,
// `config`, Kubernetes), made from the table in orchestrator/model/passthrough.cpp (their podman
// flags: orchestrator/podman/key_args/passthrough.cpp).
#include "orchestrator/model/passthrough.hpp"

#include "orchestrator/model/keys/key_helpers.hpp"
#include "orchestrator/model/merge.hpp"

namespace ucompose {
namespace {

using namespace keys;

// The value as text, one per podman flag (a Map's as KEY=VALUE; a Bool only when true).
std::vector<std::string> read_passthrough(const PassKey& pk, const Value& v, const std::string& path) {
    switch (pk.kind) {
    case PassKind::Int: return {std::to_string(read_int(v, path))};
    case PassKind::String: return {read_string(v, path)};
    case PassKind::Bool: return read_bool(v, path) ? std::vector<std::string>{"true"} : std::vector<std::string>{};
    case PassKind::List: return read_string_list(v, path);
    case PassKind::Map: {
        std::vector<std::string> out;
        for (const auto& [k, x] : read_string_map(v, path)) out.push_back(k + "=" + x);
        return out;
    }
    }
    return {};
}

// `config`'s form of the values read_passthrough made: the key's own type again.
nlohmann::json passthrough_json(const PassKey& pk, const std::vector<std::string>& values) {
    switch (pk.kind) {
    case PassKind::Int: return std::stoll(values.front());
    case PassKind::String: return values.front();
    case PassKind::Bool: return true;
    case PassKind::List: return values;
    case PassKind::Map: {
        nlohmann::json m = nlohmann::json::object();
        for (const auto& kv : values) {
            auto eq = kv.find('=');
            m[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
        }
        return m;
    }
    }
    return nullptr;
}

// After every other key's warning, in the table's order.
constexpr int kKubeWarningOrder = 100;

ServiceKey passthrough_key(const PassKey& pk, int index) {
    using namespace merge_rule;
    const bool list = pk.kind == PassKind::List, map = pk.kind == PassKind::Map;
    return {
        .name = pk.key,
        .merge = list ? append_unique : map ? mapping : replace,
        .read = [&pk](const Value& v, const KeyRead& r, Service& s) {
            std::vector<std::string> values = read_passthrough(pk, v, r.path());
            if (values.empty()) s.passthrough.erase(pk.key);
            else s.passthrough[pk.key] = std::move(values);
        },
        .emit = [&pk](const Service& s, nlohmann::json& out) {
            auto it = s.passthrough.find(pk.key);
            if (it != s.passthrough.end() && !it->second.empty()) out = passthrough_json(pk, it->second);
        },
        .kube = kube_warned(kKubeWarningOrder + index,
                            [&pk](const Service& s, bool) { return s.passthrough.count(pk.key) > 0; },
                            "it has no Kubernetes equivalent"),
    };
}

}  // namespace

std::vector<ServiceKey> passthrough_service_keys() {
    std::vector<ServiceKey> out;
    int index = 0;
    for (const PassKey& pk : passthrough_keys()) out.push_back(passthrough_key(pk, index++));
    return out;
}

}  // namespace ucompose
