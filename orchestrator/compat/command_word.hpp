// Which command a command line names (pure): so that `ucompose frobnicate` says which command is
// unknown instead of CLI11's "A subcommand is required".
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ucompose {

// The first word of `args` that is not an option or an option's value, or nullopt when there is
// none before "--". `valued` lists the options that take a value as the next word ("-f", "--file");
// "--file=x" and "-fx" forms carry their value themselves.
std::optional<std::string> command_word(const std::vector<std::string>& args, const std::set<std::string>& valued);

}  // namespace ucompose
