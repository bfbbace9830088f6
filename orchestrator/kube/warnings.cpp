#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {

void Warnings::add(const Service& s, const std::string& key, const std::string& message) {
    lines_.push_back(with_position(s.position_of(key), "service " + s.name + ": " + message));
}

}  // namespace ucompose::kube
