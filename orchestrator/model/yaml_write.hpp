// JSON values -> block-style YAML through yaml-cpp's emitter: the one YAML writer, for
// `ucompose config` (serialize.cpp) and `ucompose convert` (kube/emit.cpp). Keys are written in
// the value's order (an nlohmann::json's sorted order once converted). The two outputs differ
// only in what their style says: which strings are quoted (yaml_scalar.hpp), '$', floats, null
// and empty mappings.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ucompose {

struct YamlStyle {
    // The strings written double-quoted, on top of what YAML's syntax needs (the emitter's own
    // choice: ": ", " #", leading indicators, ...). quote_key: nullptr, keys as the emitter writes them.
    bool (*quote_value)(std::string_view text) = nullptr;
    bool (*quote_key)(std::string_view text) = nullptr;
    bool double_dollars = false;   // every '$' of a string value written "$$"
    bool go_floats = false;        // floats as Go's %g (2, 0.5); else the emitter's 17 digits
    bool null_word = false;        // null as "null"; else "~"
    bool flow_empty_maps = false;  // an empty mapping as "{}" on its key's line; else on the next
};

// One document, without a "---" line, ending with a newline. Throws Error if the emitter fails.
std::string write_yaml(const nlohmann::ordered_json& value, const YamlStyle& style);
// Each document after its own "---" line.
std::string write_yaml_stream(const std::vector<nlohmann::ordered_json>& documents, const YamlStyle& style);

}  // namespace ucompose
