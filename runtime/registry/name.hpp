// Validation of unikernel registry names: [a-z0-9][a-z0-9._-]*, so a name never escapes the registry.
#pragma once
#include <optional>
#include <string>

namespace ucrun::registry {

// Returns why `name` is not a valid registry name, or nullopt when it is.
std::optional<std::string> name_problem(const std::string& name);

// Throws sys::Error("invalid unikernel name \"../x\": ...") when invalid.
void validate_name(const std::string& name);

}  // namespace ucrun::registry
