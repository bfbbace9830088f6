// Compose variable interpolation: $V, ${V}, ${V:-d}, ${V-d}, ${V:?e}, ${V?e}, ${V:+r},
// ${V+r}, $$ (a literal $), with nesting in defaults. Pure: variables come from `lookup`.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "orchestrator/model/error.hpp"

namespace ucompose {

struct Value;

using Lookup = std::function<std::optional<std::string>(const std::string& name)>;
// Called for each unset variable substituted by "" (the caller warns once per name).
using UnsetHook = std::function<void(const std::string& name)>;

// Interpolates one string. Throws Error at `where` for a malformed expression or a
// ${V:?err} / ${V?err} whose variable is missing.
std::string interpolate(const std::string& text, const Lookup& lookup, const UnsetHook& unset,
                        const Position& where = {});

// Interpolates every scalar value (not keys) of a document tree in place.
void interpolate_tree(Value& root, const Lookup& lookup, const UnsetHook& unset);

}  // namespace ucompose
