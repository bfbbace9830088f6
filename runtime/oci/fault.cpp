#include "runtime/oci/fault.hpp"

#include <signal.h>

namespace ucrun {

void fault_point(bool enabled, const std::map<std::string, std::string>& annotations, const char* step) {
    if (!enabled) return;
    auto it = annotations.find(kStopAtAnnotation);
    if (it != annotations.end() && it->second == step) ::raise(SIGSTOP);
}

}  // namespace ucrun
