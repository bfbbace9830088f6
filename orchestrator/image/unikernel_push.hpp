// `ucompose unikernel push NAME REF`: a local registry entry -> an OCI image in a registry. The
// image is the entry's OCI form (oci.hpp), built offline and pushed with podman; the local tag
// is removed afterwards unless kept, so a push leaves podman's storage as it found it.
#pragma once
#include <string>

#include "orchestrator/image/command_runner.hpp"
#include "orchestrator/image/unikernel_build.hpp"

namespace ucompose::image {

struct UnikernelPushOptions {
    std::string name;            // the local entry
    std::string ref;             // HOST[:PORT]/PATH[:TAG]
    std::string registry_root;   // empty: registry::default_root()
    bool tls_verify = true;
    bool keep_image = false;     // keep the local tag `ref` after the push
    std::string podman = "podman";
};

// podman push [--tls-verify=false] REF
sys::Argv podman_push_argv(const std::string& podman, const std::string& ref, bool tls_verify);

void push_unikernel(const UnikernelPushOptions& opts, CommandRunner& runner, const Progress& progress = {});

}  // namespace ucompose::image
