#include "orchestrator/model/model.hpp"

#include <set>

namespace ucompose {

const char* to_string(DependCondition c) {
    switch (c) {
        case DependCondition::Started: return "service_started";
        case DependCondition::Healthy: return "service_healthy";
        case DependCondition::CompletedSuccessfully: return "service_completed_successfully";
    }
    return "?";
}

const char* to_string(MountType t) {
    switch (t) {
        case MountType::Volume: return "volume";
        case MountType::Bind: return "bind";
        case MountType::Tmpfs: return "tmpfs";
        case MountType::Npipe: return "npipe";
        case MountType::Cluster: return "cluster";
    }
    return "?";
}

Position Service::position_of(const std::string& key) const {
    auto it = key_positions.find(key);
    if (it != key_positions.end()) return it->second;
    it = key_positions.find("");
    return it != key_positions.end() ? it->second : Position{};
}

int Service::replicas() const {
    if (scale) return *scale;
    if (deploy && deploy->replicas) return *deploy->replicas;
    return 1;
}

const Service& Project::service(const std::string& name) const {
    auto it = services.find(name);
    if (it == services.end()) throw Error("no such service: " + name);
    return it->second;
}

std::vector<std::string> Project::service_names() const {
    std::vector<std::string> out;
    for (const auto& [name, s] : services) out.push_back(name);
    return out;
}

std::vector<std::string> Project::all_profiles() const {
    std::set<std::string> all;
    for (const auto* m : {&services, &disabled_services})
        for (const auto& [name, s] : *m) all.insert(s.profiles.begin(), s.profiles.end());
    return {all.begin(), all.end()};
}

}  // namespace ucompose
