// The guest kernel's config fragment: reading it, checking that a finished .config honours it,
// and the cache key of a build (pure; docs/guest-kernel.md).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ucompose::kernel {

// One line of a fragment: `CONFIG_X=value`, or `# CONFIG_X is not set` (value = nullopt).
struct ConfigSetting {
    std::string name;                  // "CONFIG_PVH"
    std::optional<std::string> value;  // "y", "16", "\"\"", or nullopt for "is not set"
    int line = 0;
};

// Reads a fragment; other comments and blank lines are skipped. A malformed line throws
// sys::Error "<origin>:<line>: ...".
std::vector<ConfigSetting> parse_fragment(std::string_view text, const std::string& origin);

// The settings of `fragment` that the final .config does not honour, one readable line each
// ("CONFIG_ACPI_BUTTON=y: the final .config has it not set (a dependency is off?)").
std::vector<std::string> unhonoured(const std::vector<ConfigSetting>& fragment, std::string_view dot_config);

// What a build's result depends on, as text hashed into the cache key.
struct BuildInputs {
    std::string source_version;  // e.g. the linux-source package's version "6.1.192-1"
    std::string source_identity; // the tarball's path, size and mtime
    std::string fragment;        // the fragment's text
    std::string compiler;        // `gcc --version`'s first line
};

// 12 hex digits over every input (a change of any one gives a new kernel directory).
std::string inputs_hash(const BuildInputs& in);

// "<source version>-<hash>", with characters outside [A-Za-z0-9._-] replaced by '_'.
std::string entry_name(const std::string& source_version, const std::string& hash);

}  // namespace ucompose::kernel
