// The normalised model as data: JSON (sorted keys) and YAML (sorted keys, docker compose's
// layout), for `ucompose config` and for golden tests.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "orchestrator/model/model.hpp"

namespace ucompose {

nlohmann::json service_to_json(const Service& service);
nlohmann::json project_to_json(const Project& project);

// Block-style YAML of a JSON value; strings that would read back as another type are quoted.
std::string to_yaml(const nlohmann::json& value);

}  // namespace ucompose
