// The pure decisions of `up`: which images to build or pull, which networks and volumes to
// create, and per container whether to create, recreate, start, keep or remove it.
// From the model and the observed state only; the executor carries them out unchanged.
// Tested as text in tests/unit/orchestrator/engine/test_plan.cpp.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "orchestrator/engine/observed.hpp"
#include "orchestrator/model/model.hpp"

namespace ucompose {

struct UpPolicy {
    bool force_recreate = false;
    bool no_recreate = false;
    bool remove_orphans = false;
    bool build = false;     // --build
    bool no_build = false;  // --no-build
    std::string pull;       // --pull: "" (policy), always, missing, never
    bool no_start = false;  // `create`
};

enum class ImageAction { None, Build, Pull };

struct ImagePlan {
    std::map<std::string, ImageAction> services;  // selected services only
    // Image refs that must exist but cannot be built or pulled: "service: message".
    std::vector<std::string> errors;
};

// Decides build/pull per selected service from the local image list.
ImagePlan plan_images(const Project& project, const std::vector<std::string>& services,
                      const std::vector<ObservedImage>& images, const UpPolicy& policy);

enum class StepKind { Create, Recreate, Start, Keep, Remove };
const char* to_string(StepKind k);

struct ContainerStep {
    StepKind kind = StepKind::Create;
    std::string service;
    int number = 1;
    std::string name;      // the container's name (new or existing)
    std::string existing;  // the existing container (Recreate, Start, Keep, Remove)
    std::string reason;    // why, for --verbose and the tests
};

struct Plan {
    std::vector<std::string> networks;  // keys to create
    std::vector<std::string> volumes;   // keys to create
    std::map<std::string, std::vector<ContainerStep>> services;
    std::vector<ContainerStep> remove_orphans;
    std::vector<std::string> orphans_kept;  // names, warned about
    std::vector<std::string> errors;        // e.g. an external network that does not exist
};

struct PlanInput {
    const Project* project = nullptr;
    std::vector<std::string> services;             // selected (sorted)
    std::vector<ObservedContainer> containers;     // the project's, from podman ps -a
    std::set<std::string> existing_networks;       // real names
    std::set<std::string> existing_volumes;        // real names
    std::map<std::string, std::string> hashes;     // service -> config hash
    UpPolicy policy;
};

Plan plan_up(const PlanInput& input);

// One line per decision, deterministic: for golden tests and --verbose.
std::string describe(const Plan& plan);

// The network keys a service joins ("default" when it names none and has no network_mode).
std::vector<std::string> service_network_keys(const Service& service);

}  // namespace ucompose
