// Splits runc-style argv into global flags and the verb with its own tokens, so that the verb's
// tokens can be forwarded to the delegate exactly as given.
#pragma once
#include <string>
#include <vector>

namespace ucrun {

struct VerbTokens {
    std::string verb;                 // "" when none
    std::vector<std::string> args;    // everything after the verb, as given
};

VerbTokens split_verb(int argc, char** argv);

}  // namespace ucrun
