// The little TOML doctor reads: containers.conf files and `containerd config dump`. Tables,
// `key = value` lines and arrays spread over several lines; values are kept as their text, and
// strings and string arrays are decoded on demand. Not a TOML parser: enough to read keys back.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ucompose::doctor {

// table header as written without brackets ("engine.runtimes",
// "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.ucrun.options"; "" = top level)
// -> key -> value text.
using TomlTables = std::map<std::string, std::map<std::string, std::string>>;

// Pure. Comments (# outside strings) and blank lines are dropped; a later key replaces an earlier one.
TomlTables parse_toml_lines(const std::string& text);

// Overlays `over` on `base` key by key (containers.conf.d drop-ins over containers.conf).
void overlay(TomlTables& base, const TomlTables& over);

// The value text of table.key, or nullopt.
std::optional<std::string> toml_value(const TomlTables& t, const std::string& table, const std::string& key);
// "\"x\"" or "'x'" -> x; other text is returned trimmed as it is.
std::string toml_string(const std::string& value);
// "[\"a\", \"b\"]" -> {a, b}; a lone string gives one element.
std::vector<std::string> toml_string_array(const std::string& value);

}  // namespace ucompose::doctor
