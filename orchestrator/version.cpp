#include "orchestrator/version.hpp"
namespace ucompose {
const char* version() { return "1.0.6"; }

std::string version_text(const std::string& program, const std::string& release, const std::string& revision) {
    return program + " version " + release + "\ncommit: " + (revision.empty() ? "unknown" : revision) + "\n";
}
}  // namespace ucompose
