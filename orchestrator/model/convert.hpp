// Normalised, merged, extended document -> typed model, validating every key's type.
// Unknown keys warn with their position; keys of the spec that ucompose does not carry
// yet warn as such.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "orchestrator/model/interpolate.hpp"
#include "orchestrator/model/model.hpp"
#include "orchestrator/model/normalize.hpp"
#include "orchestrator/model/value.hpp"

namespace ucompose {

struct ConvertContext {
    PositionedWarning warn;
    Lookup environment;  // the project environment, for bare KEYs
    UnsetHook unset;     // for ${...} inside env_file files
    // Reads an env_file; nullopt if it does not exist.
    std::function<std::optional<std::string>(const std::string& path)> read_file;
};

Service convert_service(const std::string& name, const Value& v, const Position& key_pos,
                        const ConvertContext& ctx);

// Converts the top level (services, networks, volumes, x-*). `project_name` names the
// networks and volumes. The implicit "default" network is added when a service uses it.
void convert_document(const Value& doc, const std::string& project_name, const ConvertContext& ctx,
                      Project& out);

}  // namespace ucompose
