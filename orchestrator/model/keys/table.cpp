#include "orchestrator/model/keys/service_key.hpp"

#include <algorithm>

namespace ucompose {

const std::vector<ServiceKey>& service_keys() {
    static const std::vector<ServiceKey> keys = [] {
        std::vector<ServiceKey> all;
        for (auto group : {metadata_keys, networking_keys, storage_keys, process_keys, resources_keys,
                           passthrough_service_keys, health_keys}) {
            std::vector<ServiceKey> g = group();
            all.insert(all.end(), std::make_move_iterator(g.begin()), std::make_move_iterator(g.end()));
        }
        return all;
    }();
    return keys;
}

const ServiceKey* find_service_key(std::string_view name) {
    const auto& keys = service_keys();
    auto it = std::find_if(keys.begin(), keys.end(), [&](const ServiceKey& k) { return k.name == name; });
    return it == keys.end() ? nullptr : &*it;
}

void KeyRead::warn_unknown(const Entry& e, const std::string& where) const {
    if (ctx.warn) ctx.warn(e.key_pos, where + ": unknown key '" + e.key + "', ignored");
}

void KeyRead::warn_unsupported(const Entry& e, const std::string& where) const {
    if (ctx.warn) ctx.warn(e.key_pos, where + ": '" + e.key + "' is not supported by ucompose yet, ignored");
}

}  // namespace ucompose
