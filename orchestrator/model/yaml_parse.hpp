// YAML text -> Value. The only place (with yaml_emit) that sees yaml-cpp.
#pragma once
#include <cstddef>
#include <string>

#include "orchestrator/model/value.hpp"

namespace ucompose {

// Parses one YAML document. `file` names the source in positions and errors.
// Handles `<<` merge keys, rejects duplicate keys, keeps the !reset / !override tags.
// Throws ucompose::Error("file:line:col: ...") on syntax errors, on nesting deeper than 256,
// and when aliases would make the tree larger than expansion_limit(text.size()) bytes
// (the position is then the outermost alias being expanded: its key, or the list holding it).
Value parse_yaml(const std::string& text, const std::string& file);

// The copies parse_yaml makes for aliases (a Value per node reached through an alias, with its
// text, key and position copies: their estimated memory) may reach max(kExpansionFloor,
// kExpansionFactor * the text's size) bytes. A file without aliases is never charged; anchors and
// `<<: *x` reused a few dozen times fit easily; a "billion laughs" file stops at the limit.
constexpr size_t kExpansionFactor = 64;
constexpr size_t kExpansionFloor = size_t{16} << 20;  // 16 MiB
size_t expansion_limit(size_t text_size);

}  // namespace ucompose
