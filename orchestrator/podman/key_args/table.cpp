#include <algorithm>

#include "orchestrator/podman/key_args.hpp"

namespace ucompose {

const std::vector<KeyArgs>& key_args() {
    static const std::vector<KeyArgs> all = [] {
        std::vector<KeyArgs> out;
        for (auto group : {metadata_args, networking_args, storage_args, process_args, resources_args,
                           passthrough_args, health_args}) {
            std::vector<KeyArgs> g = group();
            out.insert(out.end(), std::make_move_iterator(g.begin()), std::make_move_iterator(g.end()));
        }
        return out;
    }();
    return all;
}

const KeyArgs* find_key_args(std::string_view key) {
    const auto& all = key_args();
    auto it = std::find_if(all.begin(), all.end(), [&](const KeyArgs& k) { return k.key == key; });
    return it == all.end() ? nullptr : &*it;
}

}  // namespace ucompose
