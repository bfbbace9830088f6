// Splitting a string into words the way a POSIX shell would (quotes, backslashes), without
// running a shell: podman-compose's --podman-*-args values are word lists.
#pragma once
#include <string>
#include <vector>

namespace ucompose {

// "--runtime=ucrun --env 'A=b c'" -> {"--runtime=ucrun", "--env", "A=b c"}.
// Throws ucompose::Error on an unterminated quote or a trailing backslash.
std::vector<std::string> split_shell_words(const std::string& text);

}  // namespace ucompose
