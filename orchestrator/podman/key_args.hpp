// Each service key's `podman create`/`run` arguments, found by the key's name (the compose key
// table, orchestrator/model/keys/, says what a key is; this says what podman gets for it).
// container_args() walks this table between `--name ...` and the image, in its order. A key
// the model carries but podman gets another way (the image, the command, the engine's choices)
// is here too, without a writer: a unit test checks that every carried key is here.
#pragma once
#include <functional>
#include <string_view>
#include <vector>

#include "orchestrator/podman/container_args.hpp"

namespace ucompose {

using KeyArgvWriter = std::function<void(const Service& s, const ContainerSpec& spec, sys::Argv& argv)>;

struct KeyArgs {
    std::string_view key;             // the compose service key
    KeyArgvWriter write = nullptr;    // empty: no argument of its own
    std::string_view elsewhere = {};  // without a writer: how the key reaches podman, or why it does not
};

// Every carried service key, in the order their arguments are written.
const std::vector<KeyArgs>& key_args();
// nullptr when `key` has no entry.
const KeyArgs* find_key_args(std::string_view key);

// The groups key_args/table.cpp joins, by the key table's topics.
std::vector<KeyArgs> metadata_args();
std::vector<KeyArgs> networking_args();
std::vector<KeyArgs> storage_args();
std::vector<KeyArgs> process_args();
std::vector<KeyArgs> resources_args();
std::vector<KeyArgs> passthrough_args();
std::vector<KeyArgs> health_args();

}  // namespace ucompose
