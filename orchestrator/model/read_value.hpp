// Typed reads of Value nodes with precise errors ("file:line:col: services.web.retries
// must be an integer"). Used by the typed conversion only.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orchestrator/model/value.hpp"

namespace ucompose {

[[noreturn]] void throw_type(const Value& v, const std::string& path, const std::string& want);

std::string read_string(const Value& v, const std::string& path);
bool read_bool(const Value& v, const std::string& path);
int64_t read_int(const Value& v, const std::string& path);
double read_double(const Value& v, const std::string& path);
uint16_t read_port(const Value& v, const std::string& path);
std::chrono::nanoseconds read_duration(const Value& v, const std::string& path);
int64_t read_bytes(const Value& v, const std::string& path);
// A list of scalars (a single scalar is accepted as a one-item list).
std::vector<std::string> read_string_list(const Value& v, const std::string& path);
// A mapping of scalar values; null values become "".
std::map<std::string, std::string> read_string_map(const Value& v, const std::string& path);

// A YAML value as JSON, resolving plain scalars as YAML 1.2 core types.
nlohmann::json to_json(const Value& v);

}  // namespace ucompose
