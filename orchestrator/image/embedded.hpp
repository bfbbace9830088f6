// Payloads built with the project and carried inside ucompose: the tracker binary and its
// Containerfile (tracker/), the static guest init and the guest kernel's fragment (runtime/guest/),
// and the RuntimeClass of Kubernetes nodes running ucrun (runtime/node/).
#pragma once
#include <string_view>

namespace ucompose::image {

std::string_view tracker_binary();
std::string_view tracker_containerfile();
std::string_view guest_init_binary();
// The guest kernel's config fragment (runtime/guest/kernel/x86_64.config).
std::string_view guest_kernel_fragment();
// The RuntimeClass `ucompose convert --format kubernetes` writes (runtime/node/runtimeclass.yaml).
std::string_view kube_runtimeclass();

}  // namespace ucompose::image
