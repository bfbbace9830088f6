// The normalised model as data: JSON (sorted keys) and YAML (docker compose's layout), for
// `ucompose config` and for golden tests. The YAML goes through the one YAML writer
// (yaml_write.hpp) in `config`'s style.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "orchestrator/model/model.hpp"

namespace ucompose {

nlohmann::json service_to_json(const Service& service);
nlohmann::json project_to_json(const Project& project);

// Block-style YAML of a JSON value (write_yaml), keys in the JSON's (sorted) order.
// Strings that would read back as another type are quoted; every '$' in a value is written
// "$$", as docker compose writes it, so that the output loads back as the same model.
std::string to_yaml(const nlohmann::json& value);

// `ucompose config`: the project as to_yaml writes it, with the top-level keys in docker
// compose's order (name, services, networks, volumes, secrets, configs, then x- keys) and byte
// sizes as decimal strings, as docker compose prints them.
std::string project_to_yaml(const Project& project);

}  // namespace ucompose
