// .env and env_file parsing (docker compose's dialect): KEY=VALUE, `export KEY=VALUE`,
// KEY: VALUE, # comments, 'single' (literal) and "double" (escapes, multi-line) quotes,
// unquoted values with " #" inline comments, ${...} interpolation, and a bare KEY.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/model/interpolate.hpp"

namespace ucompose {

struct DotenvEntry {
    std::string key;
    std::optional<std::string> value;  // nullopt: a bare KEY without '='
    Position pos;
};

enum class DotenvLookupOrder {
    OuterFirst,    // .env: the shell beats the file, so ${A} sees the shell's A first
    EarlierFirst,  // env_file: earlier entries of the same file first, then `outer`
};

// Parses `text`; `${...}` in values see earlier entries of the file and `outer`.
// A key repeated later wins. Throws Error("file:line:col: ...") on a malformed line.
std::vector<DotenvEntry> parse_dotenv(const std::string& text, const std::string& file,
                                      const Lookup& outer, const UnsetHook& unset,
                                      DotenvLookupOrder order = DotenvLookupOrder::OuterFirst);

}  // namespace ucompose
