// Finding the compose files and naming the project, as docker compose does.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace ucompose {

// compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml: the first one found
// in `dir`, then in its parents, plus its ".override" sibling if present. Throws Error
// when none is found.
std::vector<std::string> find_default_compose_files(const std::string& dir);

// Splits COMPOSE_FILE on `separator` (COMPOSE_PATH_SEPARATOR, default ':'), dropping empties.
std::vector<std::string> split_compose_file_var(const std::string& value,
                                                const std::string& separator);

// Lower-cases and keeps [a-z0-9_-]; leading '_'/'-' are dropped. "" if nothing is left.
std::string normalize_project_name(const std::string& raw);

// `path` made absolute against `base` and lexically normalised ("~/" is not handled here).
std::string absolute_path(const std::string& path, const std::string& base);
std::string parent_dir(const std::string& path);
std::string base_name(const std::string& path);

}  // namespace ucompose
