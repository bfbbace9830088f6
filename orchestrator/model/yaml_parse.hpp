// YAML text -> Value. The only place (with yaml_emit) that sees yaml-cpp.
#pragma once
#include <string>

#include "orchestrator/model/value.hpp"

namespace ucompose {

// Parses one YAML document. `file` names the source in positions and errors.
// Handles `<<` merge keys, rejects duplicate keys, keeps the !reset / !override tags.
// Throws ucompose::Error("file:line:col: ...") on syntax errors.
Value parse_yaml(const std::string& text, const std::string& file);

}  // namespace ucompose
