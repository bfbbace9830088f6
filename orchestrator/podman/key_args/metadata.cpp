// The podman arguments of what a service is and what it is told (orchestrator/model/keys/metadata.cpp).
#include "orchestrator/podman/key_args_helpers.hpp"

namespace ucompose {
namespace {

using namespace args;

// The engine's labels (spec.labels) win over the service's.
void labels_argv(const Service& s, const ContainerSpec& spec, sys::Argv& a) {
    std::map<std::string, std::string> labels = s.labels;
    for (const auto& [k, v] : spec.labels) labels[k] = v;
    for (const auto& [k, v] : labels) add(a, "--label", k + "=" + v);
}

// A key without a value is not passed; `run -e` (spec.extra_env) wins.
void environment_argv(const Service& s, const ContainerSpec& spec, sys::Argv& a) {
    for (const auto& [k, v] : s.environment)
        if (v && !spec.extra_env.count(k)) add(a, "-e", k + "=" + *v);
    for (const auto& [k, v] : spec.extra_env) add(a, "-e", k + "=" + v);
}

}  // namespace

std::vector<KeyArgs> metadata_args() {
    return {
        no_args("image", "the image reference the engine resolves, ContainerSpec::image, written last"),
        no_args("build", "`podman build` (build_args)"),
        {.key = "labels", .write = labels_argv},
        {.key = "annotations", .write = pairs("--annotation", &Service::annotations)},
        no_args("env_file", "its values reach podman through environment"),
        {.key = "environment", .write = environment_argv},
        no_args("container_name", "--name is ContainerSpec::name, the engine's choice from this key"),
        no_args("depends_on", "the engine's start order"),
        no_args("profiles", "which services the engine runs"),
        no_args("scale", "how many containers the engine runs"),
        no_args("pull_policy", "--pull is ContainerSpec::pull, the engine's choice from this key"),
        no_args("runtime", "--runtime is ContainerSpec::runtime (ucrun for unikernels, else this key)"),
        no_args("x-ucompose", "the engine's unikernel choice and probes"),
    };
}

}  // namespace ucompose
