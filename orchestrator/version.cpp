#include "orchestrator/version.hpp"
namespace ucompose {
const char* version() { return "1.0.6"; }
}  // namespace ucompose
